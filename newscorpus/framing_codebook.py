"""The framing codebook: read it and the coding sheets, check a sheet, measure agreement, and
build the evidence table for the book.

The codebook (``data/framing/codebook.csv``, rules in ``data/framing/CODEBOOK.md``) has 34 items per
article: 33 with fixed answer codes and one free-text sentence (CF1, the central frame). Two coders
filled ``coding_coder_a.csv`` and ``coding_coder_b.csv`` independently; the settled answers are in
``coding_reconciled.csv``. This module only reads those files; it never writes the coders' sheets.

Checking a sheet follows CODEBOOK.md: every answer is one of the item's codes; every answer except
an absence code cites 1-3 quotes separated by ``' | '``; a quote is at most 40 words and is found
verbatim in its article "after joining line breaks and collapsing runs of spaces". Only white space
is normalised (any run of white space, including the no-break spaces some seed files carry, becomes
one space); words, spelling, capitals, punctuation and curly or straight quotation marks must match
exactly.

Agreement is Krippendorff's alpha for nominal data (computed here in closed form for two coders
without missing values: the PyPI package ``krippendorff`` is GPL-3.0, this package MIT) and percentage
agreement, on the two independent sheets, over the 33 coded items (CF1 left out): pooled over all
article-item units, and by block (Entman items EN1-EN4, the twenty Semetko-Valkenburg questions,
the study items). In the pooled figures each article-item pair is one unit and the value is the
answer code as written, so the yes/no codes of different questions share one category set. The
interval is a percentile bootstrap over units (article-item pairs resampled with replacement, fixed
seed).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from .paths import find_seeds_dir

SEPARATOR = " | "
NONE_EVIDENCE = "NONE"
MAX_QUOTES = 3
MAX_QUOTE_WORDS = 40
FREE_TEXT = "free_text"
# Absence codes (CODEBOOK.md, procedure step 5): their evidence may be NONE.
ABSENCE_CODES = frozenset(
    {"no", "no_visual", "none", "none_stated", "not_applicable", "absent", "neutral_or_none"}
)
# The three blocks agreement is reported by, from the codebook's `block` column.
BLOCK_GROUPS = {
    "entman": "Entman",
    "sv_responsibility": "Semetko–Valkenburg",
    "sv_human_interest": "Semetko–Valkenburg",
    "sv_conflict": "Semetko–Valkenburg",
    "sv_morality": "Semetko–Valkenburg",
    "sv_economic": "Semetko–Valkenburg",
    "study": "study",
}
BLOCK_ORDER = ("Entman", "Semetko–Valkenburg", "study")
POOLED = "all items"
SHEETS = {
    "coder_a": "coding_coder_a.csv",
    "coder_b": "coding_coder_b.csv",
    "reconciled": "coding_reconciled.csv",
    "template": "coding_template.csv",
}
RECONCILED_COLUMNS = (
    "file", "item_id", "answer_a", "answer_b", "answer", "evidence", "note", "settled", "resolution",
)
SETTLED_CODES = frozenset({"agreed", "a", "b", "new", "unresolved"})
BOOTSTRAP_DRAWS = 2000
BOOTSTRAP_SEED = 20140610


@dataclass(frozen=True)
class Item:
    id: str
    block: str  # the codebook's block column (entman, sv_conflict, study, ...)
    group: str  # Entman, Semetko–Valkenburg or study
    function_or_frame: str
    question: str
    answers: tuple[str, ...]  # empty for the free-text item
    order: int

    @property
    def free_text(self) -> bool:
        return not self.answers


# -- reading ---------------------------------------------------------------------------------------


def _data(*parts: str):
    return resources.files("newscorpus").joinpath("data", *parts)


def _read_rows(handle: Iterable[str]) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def read_csv(*parts: str) -> list[dict[str, str]]:
    """Rows of a CSV in the package's data folder, skipping its '#' header comment."""
    with _data(*parts).open(encoding="utf-8", newline="") as handle:
        return _read_rows(handle)


def read_codebook() -> dict[str, Item]:
    """The items of ``data/framing/codebook.csv`` by id, in the codebook's order."""
    items = {}
    for order, row in enumerate(read_csv("framing", "codebook.csv")):
        answers = () if row["answers"] == FREE_TEXT else tuple(row["answers"].split(";"))
        items[row["id"]] = Item(
            id=row["id"], block=row["block"], group=BLOCK_GROUPS[row["block"]],
            function_or_frame=row["function_or_frame"], question=row["question"],
            answers=answers, order=order,
        )
    return items


def read_sheet(sheet: str | os.PathLike = "reconciled") -> list[dict[str, str]]:
    """A coding sheet as a list of rows: ``"coder_a"``, ``"coder_b"``, ``"reconciled"`` or
    ``"template"`` from ``data/framing/``, or a path to a CSV with the same columns."""
    if isinstance(sheet, str) and sheet in SHEETS:
        return read_csv("framing", SHEETS[sheet])
    with open(sheet, encoding="utf-8", newline="") as handle:
        return _read_rows(handle)


def read_sheets() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The two independent sheets, coder A's and coder B's."""
    return read_sheet("coder_a"), read_sheet("coder_b")


# -- checking --------------------------------------------------------------------------------------


def normalise_space(text: str) -> str:
    """Join line breaks and collapse every run of white space (no-break spaces included) to one
    space; nothing else is changed."""
    return " ".join(text.split())


def split_evidence(evidence: str) -> list[str]:
    """The quotes of an evidence cell ([] for NONE or an empty cell)."""
    evidence = evidence.strip()
    if not evidence or evidence == NONE_EVIDENCE:
        return []
    return [q.strip() for q in evidence.split(SEPARATOR) if q.strip()]


def read_articles(files: Iterable[str], corpus_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """The text of each article file, read from the corpus folder (default: the book's seeds
    folder, found by ``newscorpus.paths.find_seeds_dir``)."""
    folder = find_seeds_dir(corpus_dir)
    return {f: (Path(folder) / f).read_text(encoding="utf-8") for f in dict.fromkeys(files)}


def quote_found(quote: str, article: str) -> bool:
    """Whether a quote is in the article verbatim, white space collapsed (CODEBOOK.md)."""
    return normalise_space(quote) in normalise_space(article)


def validate_sheet(
    rows: Sequence[Mapping[str, str]],
    corpus_dir: str | os.PathLike | None = None,
    codebook: Mapping[str, Item] | None = None,
    articles: Mapping[str, str] | None = None,
    answer_column: str = "answer",
) -> list[str]:
    """Problems with a coding sheet, one line each; an empty list means the sheet is complete.

    Checks: every (article, codebook item) row present once and no other; every answer an allowed
    code (CF1: a non-empty sentence of at most 40 words); 1-3 quotes for every answer that is not
    an absence code (CF1 never NONE); every quote at most 40 words and found verbatim in its
    article. ``articles`` (file -> text) overrides reading from ``corpus_dir``."""
    codebook = read_codebook() if codebook is None else codebook
    files = list(dict.fromkeys(r["file"] for r in rows))
    if articles is None:
        articles = read_articles(files, corpus_dir)
    problems = []
    seen: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=1):
        key = (row["file"], row["item_id"])
        where = f"row {n} ({row['file']}, {row['item_id']})"
        seen[key] = seen.get(key, 0) + 1
        item = codebook.get(row["item_id"])
        if item is None:
            problems.append(f"{where}: item not in the codebook")
            continue
        answer = (row.get(answer_column) or "").strip()
        if item.free_text:
            if not answer:
                problems.append(f"{where}: empty central-frame sentence")
            elif len(answer.split()) > MAX_QUOTE_WORDS:
                problems.append(f"{where}: central-frame sentence longer than {MAX_QUOTE_WORDS} words")
        elif answer not in item.answers:
            problems.append(f"{where}: answer {answer!r} is not one of {';'.join(item.answers)}")
        quotes = split_evidence(row.get("evidence") or "")
        if not quotes and (item.free_text or answer not in ABSENCE_CODES):
            problems.append(f"{where}: no evidence for answer {answer!r}")
        if len(quotes) > MAX_QUOTES:
            problems.append(f"{where}: {len(quotes)} quotes (at most {MAX_QUOTES})")
        text = articles.get(row["file"])
        for quote in quotes:
            if len(quote.split()) > MAX_QUOTE_WORDS:
                problems.append(f"{where}: quote longer than {MAX_QUOTE_WORDS} words: {quote[:60]!r}")
            if text is None:
                problems.append(f"{where}: article not found")
                break
            if not quote_found(quote, text):
                problems.append(f"{where}: quote not found verbatim: {quote[:80]!r}")
    for key, count in seen.items():
        if count > 1:
            problems.append(f"{key}: {count} rows")
    for file in files:
        for item_id in codebook:
            if (file, item_id) not in seen:
                problems.append(f"({file}, {item_id}): row missing")
    return problems


def validate_reconciled(
    rows: Sequence[Mapping[str, str]],
    sheet_a: Sequence[Mapping[str, str]],
    sheet_b: Sequence[Mapping[str, str]],
    corpus_dir: str | os.PathLike | None = None,
    codebook: Mapping[str, Item] | None = None,
    articles: Mapping[str, str] | None = None,
) -> list[str]:
    """Problems with the reconciled sheet: those of ``validate_sheet``, plus answer_a and answer_b
    equal to the independent sheets, a known ``settled`` code and a resolution for every row,
    ``agreed`` exactly where the coded answers agree, and there the shared answer kept."""
    codebook = read_codebook() if codebook is None else codebook
    problems = validate_sheet(rows, corpus_dir, codebook, articles)
    a = {(r["file"], r["item_id"]): r["answer"] for r in sheet_a}
    b = {(r["file"], r["item_id"]): r["answer"] for r in sheet_b}
    for row in rows:
        key = (row["file"], row["item_id"])
        if row.get("answer_a") != a.get(key) or row.get("answer_b") != b.get(key):
            problems.append(f"{key}: answer_a/answer_b differ from the independent sheets")
        if row.get("settled") not in SETTLED_CODES:
            problems.append(f"{key}: settled code {row.get('settled')!r} unknown")
        if not (row.get("resolution") or "").strip():
            problems.append(f"{key}: no resolution")
        if codebook[row["item_id"]].free_text:
            continue
        agreed = a.get(key) == b.get(key)
        if agreed and (row["answer"] != a[key] or row.get("settled") != "agreed"):
            problems.append(f"{key}: the coders agreed on {a[key]!r} but the row says otherwise")
        if not agreed and row.get("settled") == "agreed":
            problems.append(f"{key}: marked agreed but the coders differ")
        if row.get("settled") == "a" and row["answer"] != a.get(key):
            problems.append(f"{key}: settled 'a' but the answer is not A's")
        if row.get("settled") == "b" and row["answer"] != b.get(key):
            problems.append(f"{key}: settled 'b' but the answer is not B's")
    return problems


# -- agreement -------------------------------------------------------------------------------------


def paired_answers(
    sheet_a: Sequence[Mapping[str, str]],
    sheet_b: Sequence[Mapping[str, str]],
    codebook: Mapping[str, Item] | None = None,
) -> list[tuple[str, str, str, str]]:
    """(file, item_id, answer_a, answer_b) for every coded unit both sheets hold, free-text
    items left out, in sheet order."""
    codebook = read_codebook() if codebook is None else codebook
    b = {(r["file"], r["item_id"]): r["answer"].strip() for r in sheet_b}
    out = []
    for row in sheet_a:
        key = (row["file"], row["item_id"])
        item = codebook.get(row["item_id"])
        if item is None or item.free_text or key not in b:
            continue
        out.append((*key, row["answer"].strip(), b[key]))
    return out


def nominal_alpha(pairs: Sequence[tuple[str, str]]) -> float:
    """Krippendorff's alpha (nominal) for two coders, one (value_a, value_b) pair per unit;
    nan when fewer than two distinct values occur (alpha is undefined)."""
    values = sorted({v for pair in pairs for v in pair})
    if len(values) < 2:
        return float("nan")
    code = {v: i for i, v in enumerate(values)}
    a = np.array([code[x] for x, _ in pairs])
    b = np.array([code[y] for _, y in pairs])
    counts = np.bincount(np.concatenate([a, b]), minlength=len(values))
    return float(_alpha_two_coders((a != b).sum(), counts, 2 * len(pairs)))


def percent_agreement(pairs: Sequence[tuple[str, str]]) -> float:
    """Share of units (in %) on which the two coders gave the same answer."""
    return 100.0 * sum(a == b for a, b in pairs) / len(pairs) if pairs else float("nan")


def _alpha_two_coders(disagreeing, value_counts, n_values):
    """Nominal alpha for two coders and no missing values, in closed form:
    1 - 2D(n - 1) / (n^2 - sum of n_c^2), D disagreeing units, n = 2 x units pairable values,
    n_c how often value c was given (Krippendorff 2004, ch. 11). Vectorised over bootstrap draws."""
    expected = n_values**2 - (value_counts**2).sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1 - 2 * disagreeing * (n_values - 1) / expected, np.nan)


def bootstrap_alpha(
    pairs: Sequence[tuple[str, str]],
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of nominal alpha, resampling units (article-item pairs)
    with replacement, ``draws`` times with a fixed seed; draws where alpha is undefined (one value
    only) are skipped; (nan, nan) if there are too few units or no defined draw."""
    if len(pairs) < 2 or draws < 1:
        return float("nan"), float("nan")
    values = sorted({v for pair in pairs for v in pair})
    code = {v: i for i, v in enumerate(values)}
    a = np.array([code[x] for x, _ in pairs])
    b = np.array([code[y] for _, y in pairs])
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(pairs), size=(draws, len(pairs)))
    disagreeing = (a[idx] != b[idx]).sum(axis=1)
    offsets = (np.arange(draws) * len(values))[:, None]
    both = np.concatenate([a[idx], b[idx]], axis=1) + offsets
    counts = np.bincount(both.ravel(), minlength=draws * len(values)).reshape(draws, len(values))
    stats = _alpha_two_coders(disagreeing, counts, 2 * len(pairs))
    stats = stats[~np.isnan(stats)]
    if not stats.size:
        return float("nan"), float("nan")
    tail = (1 - level) / 2
    low, high = np.quantile(stats, [tail, 1 - tail])
    return float(low), float(high)


def agreement(
    sheet_a: Sequence[Mapping[str, str]] | None = None,
    sheet_b: Sequence[Mapping[str, str]] | None = None,
    codebook: Mapping[str, Item] | None = None,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = BOOTSTRAP_SEED,
) -> list[dict]:
    """Agreement between two sheets (default: the two independent sheets), pooled over all coded
    items and by block: one dict per scope with scope, items, units, agreed, percent, alpha,
    alpha_low, alpha_high (the bootstrap interval; draws=0 skips it)."""
    if sheet_a is None or sheet_b is None:
        sheet_a, sheet_b = read_sheets()
    codebook = read_codebook() if codebook is None else codebook
    units = paired_answers(sheet_a, sheet_b, codebook)
    scopes = [(POOLED, units)]
    groups = [g for g in BLOCK_ORDER if any(codebook[u[1]].group == g for u in units)]
    groups += sorted({codebook[u[1]].group for u in units} - set(groups))
    scopes += [(g, [u for u in units if codebook[u[1]].group == g]) for g in groups]
    out = []
    for scope, chosen in scopes:
        pairs = [(a, b) for _, _, a, b in chosen]
        low, high = bootstrap_alpha(pairs, draws, seed)
        out.append({
            "scope": scope,
            "items": len({u[1] for u in chosen}),
            "units": len(pairs),
            "agreed": sum(a == b for a, b in pairs),
            "percent": percent_agreement(pairs),
            "alpha": nominal_alpha(pairs),
            "alpha_low": low,
            "alpha_high": high,
        })
    return out


def item_agreement(
    sheet_a: Sequence[Mapping[str, str]] | None = None,
    sheet_b: Sequence[Mapping[str, str]] | None = None,
    codebook: Mapping[str, Item] | None = None,
) -> list[dict]:
    """Raw agreement per coded item: item_id, group, units (articles), agreed (how many agree)."""
    if sheet_a is None or sheet_b is None:
        sheet_a, sheet_b = read_sheets()
    codebook = read_codebook() if codebook is None else codebook
    per: dict[str, list[bool]] = {}
    for _, item_id, a, b in paired_answers(sheet_a, sheet_b, codebook):
        per.setdefault(item_id, []).append(a == b)
    return [
        {"item_id": i, "group": codebook[i].group, "units": len(v), "agreed": sum(v)}
        for i, v in sorted(per.items(), key=lambda kv: codebook[kv[0]].order)
    ]


def disagreements(
    sheet_a: Sequence[Mapping[str, str]] | None = None,
    sheet_b: Sequence[Mapping[str, str]] | None = None,
    codebook: Mapping[str, Item] | None = None,
) -> list[tuple[str, str, str, str]]:
    """(file, item_id, answer_a, answer_b) for every coded unit where the two sheets differ."""
    if sheet_a is None or sheet_b is None:
        sheet_a, sheet_b = read_sheets()
    return [u for u in paired_answers(sheet_a, sheet_b, codebook) if u[2] != u[3]]


# -- reconciliation and the evidence table ---------------------------------------------------------


def merge_evidence(*cells: str, limit: int = MAX_QUOTES) -> str:
    """The union of several evidence cells, in order, without repeats (a quote contained in one
    already kept, or containing one, keeps the longer), at most ``limit`` quotes; NONE if none."""
    kept: list[str] = []
    for cell in cells:
        for quote in split_evidence(cell):
            q = normalise_space(quote)
            if any(q in normalise_space(k) for k in kept):
                continue
            inside = [i for i, k in enumerate(kept) if normalise_space(k) in q]
            if inside:  # the longer quote takes the place of the first one it contains
                kept[inside[0]] = quote
                kept = [k for i, k in enumerate(kept) if i not in inside[1:]]
            else:
                kept.append(quote)
    return SEPARATOR.join(kept[:limit]) if kept else NONE_EVIDENCE


def settlement_counts(rows: Sequence[Mapping[str, str]] | None = None,
                      codebook: Mapping[str, Item] | None = None) -> dict[str, int]:
    """How the coded (not free-text) units of the reconciled sheet were settled: counts of
    agreed, a, b, new and unresolved."""
    rows = read_sheet("reconciled") if rows is None else rows
    codebook = read_codebook() if codebook is None else codebook
    counts = dict.fromkeys(("agreed", "a", "b", "new", "unresolved"), 0)
    for row in rows:
        if not codebook[row["item_id"]].free_text:
            counts[row["settled"]] = counts.get(row["settled"], 0) + 1
    return counts


def evidence_table(
    rows: Sequence[Mapping[str, str]] | None = None,
    codebook: Mapping[str, Item] | None = None,
) -> list[dict]:
    """The book's evidence table: per article and item (codebook order), the reconciled answer
    with its evidence lines: file, item_id, group, function_or_frame, question, answer,
    evidence (list of quotes), settled, resolution."""
    rows = read_sheet("reconciled") if rows is None else rows
    codebook = read_codebook() if codebook is None else codebook
    files = list(dict.fromkeys(r["file"] for r in rows))
    out = []
    for row in sorted(rows, key=lambda r: (files.index(r["file"]), codebook[r["item_id"]].order)):
        item = codebook[row["item_id"]]
        out.append({
            "file": row["file"],
            "item_id": item.id,
            "group": item.group,
            "function_or_frame": item.function_or_frame,
            "question": item.question,
            "answer": row["answer"],
            "evidence": split_evidence(row["evidence"]),
            "settled": row.get("settled", ""),
            "resolution": row.get("resolution", ""),
        })
    return out


def central_frames(rows: Sequence[Mapping[str, str]] | None = None) -> dict[str, str]:
    """The reconciled central frame (CF1) of each article, file -> sentence."""
    rows = read_sheet("reconciled") if rows is None else rows
    return {r["file"]: r["answer"] for r in rows if r["item_id"] == "CF1"}
