"""Scoring the sentence segmenter: pysbd's 48 English Golden Rules and the book's hand count.

Two gold sets, both inside the package (``newscorpus/data/evaluation/``):

* ``golden_rules_en.tsv``: the 48 English "Golden Rules" shipped in pysbd 0.3.3's source
  distribution (MIT licence, Sadvilkar & Neumann 2020), short texts with the sentences a reader
  sees. A rule passes only if the sentences come out exactly as expected, as pysbd's own
  benchmark scores them. Rules 31-39 are about list items; the rest are prose.
* ``sentence_counts.csv``: the sentences of every cleaned paragraph of the five original
  articles, counted by reading them. The segmenter's rules were written on these paragraphs, so
  this count flatters it; the Golden Rules do not.

A third set is read only by ``make validate``, from outside the repository when it is there:
the paragraphs of UD English EWT's dev set (``ud_ewt/en_ewt-ud-dev.conllu``, CC BY-SA 4.0; web
text: reviews, e-mail, answers, blogs), whose sentence boundaries are gold and on which no rule
here was written. Many of its boundaries have no stop at all ("Great service Highly recommend"),
which no rule-based segmenter finds, so its figures are lower for every candidate; they are the
only ones here on text that neither the rules nor pysbd were tuned on.

:func:`score` is what ``make validate`` runs for sentences; :func:`segmenter_comparison` and
:func:`golden_rule_comparison` are the readability chapter's comparison of the candidate
segmenters on both sets, with the cost of each.
"""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pandas as pd

from ..measures.sentences import ABBREVIATIONS, HAS_WORD, clear_caches, sentence_spans, split_paragraph
from ..paths import DATA_DIR

EVALUATION_DATA = DATA_DIR / "evaluation"
GOLDEN_RULES_FILE = EVALUATION_DATA / "golden_rules_en.tsv"
HAND_COUNT_FILE = EVALUATION_DATA / "sentence_counts.csv"
CHOSEN = "blingfire + rules (chosen)"


def golden_rules(path: Path = GOLDEN_RULES_FILE) -> pd.DataFrame:
    """One row per rule: ``rule``, ``kind`` (prose or list), ``name``, ``text`` and the expected
    ``sentences`` (a tuple). The file has one row per sentence, under ``#`` header lines; a rule's
    text is its sentences joined by one space."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = pd.read_csv(io.StringIO("\n".join(lines)), sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False)
    rules = rows.groupby(["rule", "kind", "name"], sort=False)["sentence"].agg(tuple).reset_index(name="sentences")
    rules.insert(3, "text", rules["sentences"].map(" ".join))
    return rules


def hand_sentence_counts(path: Path = HAND_COUNT_FILE) -> pd.DataFrame:
    """The hand count: ``file``, ``paragraph``, ``sentences``, the paragraph's first words and its
    whole ``text``. The text is kept with the count, so the segmenters can be scored on it
    whatever corpus the book is built from (a reader's own articles have no hand count)."""
    return pd.read_csv(path, keep_default_na=False)


def sentence_count(sentences: list[str]) -> int:
    """Sentences that hold a letter or digit (a stray ``.`` that a segmenter cut off is none)."""
    return sum(1 for sentence in sentences if HAS_WORD.search(sentence))


def segmenters() -> dict[str, callable | None]:
    """The candidates, each as paragraph -> its sentences (stripped), in the table's order;
    textstat only counts, so it has ``None`` (imported here: only the comparison needs them)."""
    import blingfire
    import pysbd
    import syntok.segmenter as syntok_segmenter
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from syntok.tokenizer import Tokenizer

    pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)
    tokenizer = Tokenizer()
    punkt = PunktSentenceTokenizer()  # untrained: NLTK's rules without its downloadable model
    ours = PunktParameters()
    ours.abbrev_types = {abbreviation.lower() for abbreviation in ABBREVIATIONS}  # Punkt keeps them lower-case
    punkt_with_ours = PunktSentenceTokenizer(ours)

    def syntok_sentences(paragraph):
        return ["".join(str(token) for token in sentence).strip()
                for sentence in syntok_segmenter.split(tokenizer.tokenize(paragraph))]

    return {
        "pysbd": lambda p: [s.strip() for s in pysbd_segmenter.segment(p) if s.strip()],
        "syntok": syntok_sentences,
        "NLTK Punkt (untrained)": punkt.tokenize,
        "NLTK Punkt + our abbreviations": punkt_with_ours.tokenize,
        "blingfire": lambda p: blingfire.text_to_sentences(p).split("\n"),
        CHOSEN: split_paragraph,
        "textstat": None,
    }


def _counter(segment: callable | None) -> callable:
    if segment is not None:
        return lambda paragraph: sentence_count(segment(paragraph))
    from ..textstat_offline import textstat

    return textstat.sentence_count


def golden_rule_results(segment: callable, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per Golden Rule: ``rule``, ``kind``, ``name``, ``expected`` and ``got`` (sentence
    counts), ``passed`` (the sentences exactly as expected) and the ``sentences`` found."""
    rules = golden_rules() if rules is None else rules
    found = [tuple(segment(text)) for text in rules["text"]]
    return pd.DataFrame({
        "rule": rules["rule"], "kind": rules["kind"], "name": rules["name"],
        "expected": rules["sentences"].map(len), "got": [sentence_count(s) for s in found],
        "passed": [got == expected for got, expected in zip(found, rules["sentences"])],
        "sentences": found,
    })


def golden_rule_comparison(rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each candidate on the Golden Rules: ``golden_passed`` of ``golden_rules``, the prose and
    list rules apart, and ``golden_counted`` (rules where the number of sentences is right, the
    only score textstat can have; its other cells are missing)."""
    rules = golden_rules() if rules is None else rules
    rows = []
    for name, segment in segmenters().items():
        if segment is None:
            count = _counter(None)
            counted = sum(count(text) == len(expected) for text, expected in zip(rules["text"], rules["sentences"]))
            rows.append({"segmenter": name, "golden_rules": len(rules), "golden_counted": counted})
            continue
        results = golden_rule_results(segment, rules)
        prose = results["kind"] == "prose"
        rows.append({
            "segmenter": name, "golden_rules": len(results), "golden_passed": int(results["passed"].sum()),
            "golden_prose_passed": int(results.loc[prose, "passed"].sum()), "golden_prose": int(prose.sum()),
            "golden_list_passed": int(results.loc[~prose, "passed"].sum()), "golden_list": int((~prose).sum()),
            "golden_counted": int((results["expected"] == results["got"]).sum()),
        })
    columns = ["segmenter", "golden_passed", "golden_rules", "golden_prose_passed", "golden_prose",
               "golden_list_passed", "golden_list", "golden_counted"]
    return pd.DataFrame(rows).reindex(columns=columns).astype(
        {c: "Int64" for c in columns if c != "segmenter"})


def segmenter_comparison(hand: pd.DataFrame, repeats: int = 5) -> pd.DataFrame:
    """Each candidate against the hand count, per hand-counted article: sentences found,
    paragraphs counted right, and time per article in milliseconds (best of ``repeats``,
    paragraph by paragraph; five by default, as a busy machine slows some passes). Timings depend
    on the machine; the counts do not."""
    from ..measures.readability import clear_textstat_caches

    articles = [(file, rows["text"].tolist(), rows["sentences"].tolist())
                for file, rows in hand.groupby("file", sort=False)]
    rows = []
    for name, segment in segmenters().items():
        count = _counter(segment)
        for file, paragraphs, truth in articles:
            counts = [count(p) for p in paragraphs]  # warm-up: first calls build caches
            best = float("inf")
            for _ in range(repeats):
                # textstat memoises every call, and our sentences are kept per paragraph:
                # time each on text it has not seen, as in an archive
                clear_textstat_caches()
                clear_caches()
                started = time.perf_counter()
                counts = [count(p) for p in paragraphs]
                best = min(best, time.perf_counter() - started)
            rows.append({
                "segmenter": name, "file": file, "hand": sum(truth), "found": sum(counts),
                "paragraphs_right": sum(c == t for c, t in zip(counts, truth)),
                "paragraphs": len(truth), "ms_per_article": 1000 * best,
            })
    table = pd.DataFrame(rows, columns=["segmenter", "file", "hand", "found", "paragraphs_right", "paragraphs",
                                        "ms_per_article"])
    table["exact"] = (table["paragraphs_right"] == table["paragraphs"]) & (table["found"] == table["hand"])
    return table


def segmenter_summary(comparison: pd.DataFrame, golden: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per segmenter: articles counted exactly, sentences off, paragraphs right, mean ms,
    and, given :func:`golden_rule_comparison`, its Golden Rules columns."""
    grouped = comparison.groupby("segmenter", sort=False)
    summary = pd.DataFrame({
        "articles_exact": grouped["exact"].sum(),
        "articles": grouped.size(),
        "sentences_off": grouped.apply(lambda g: int((g["found"] - g["hand"]).abs().sum()), include_groups=False),
        "paragraphs_right": grouped["paragraphs_right"].sum(),
        "paragraphs": grouped["paragraphs"].sum(),
        "ms_per_article": grouped["ms_per_article"].mean(),
    }).reset_index()
    if golden is not None:
        summary = summary.merge(golden, on="segmenter", how="left", validate="one_to_one")
    return summary


EWT_DEV = Path("ud_ewt") / "en_ewt-ud-dev.conllu"


def ewt_paragraphs(path: Path) -> list[tuple[str, str, tuple[int, ...]]]:
    """UD EWT's paragraphs: ``(paragraph id, text, where each sentence after the first starts)``.
    A paragraph's text is its sentences' ``# text`` lines joined by one space (CoNLL-U keeps no
    spacing between sentences)."""
    paragraphs, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            current = [line.partition("=")[2].strip(), []]
            paragraphs.append(current)
        elif line.startswith("# text = "):
            if current is None:  # a file that does not mark paragraphs: each sentence its own
                current = ["", []]
                paragraphs.append(current)
            current[1].append(line.removeprefix("# text = ").strip())
    result = []
    for paragraph_id, sentences in paragraphs:
        starts, offset = [], 0
        for sentence in sentences[:-1]:
            offset += len(sentence) + 1
            starts.append(offset)
        result.append((paragraph_id, " ".join(sentences), tuple(starts)))
    return result


def sentence_starts(paragraph: str, sentences: list[str]) -> tuple[int, ...]:
    """Where each sentence after the first starts in ``paragraph``, found in order (a sentence a
    segmenter changed is skipped)."""
    starts, cursor = [], 0
    for k, sentence in enumerate(sentences):
        found = paragraph.find(sentence, cursor) if sentence else -1
        if found < 0:
            continue
        if k:
            starts.append(found)
        cursor = found + len(sentence)
    return tuple(starts)


def boundary_scores(gold: list[tuple[int, ...]], found: list[tuple[int, ...]]) -> dict:
    """Precision, recall and F1 of sentence starts (after the first) over all paragraphs, and
    paragraphs split exactly."""
    hits = sum(len(set(g) & set(f)) for g, f in zip(gold, found))
    predicted, actual = sum(map(len, found)), sum(map(len, gold))
    precision = hits / predicted if predicted else 0.0
    recall = hits / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"boundaries": actual, "found": predicted, "right": hits, "precision": precision, "recall": recall,
            "f1": f1, "paragraphs": len(gold), "paragraphs_exact": sum(set(g) == set(f) for g, f in zip(gold, found))}


def ewt_comparison(data_dir: Path) -> pd.DataFrame:
    """Each candidate that splits (textstat only counts) on UD EWT dev's paragraphs: boundary
    precision, recall, F1 and paragraphs split exactly."""
    paragraphs = ewt_paragraphs(Path(data_dir) / EWT_DEV)
    gold = [starts for _, _, starts in paragraphs]
    rows = []
    for name, segment in segmenters().items():
        if segment is None:
            continue
        found = [sentence_starts(text, segment(text)) for _, text, _ in paragraphs]
        rows.append({"segmenter": name, **boundary_scores(gold, found)})
    return pd.DataFrame(rows)


def score(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """The book's segmenter on the gold sets, for ``make validate``. The Golden Rules and the hand
    count ship with the package; UD EWT dev is scored too when ``data_dir`` holds it.

    Per-item rows: ``set`` (golden_rules, hand_paragraph, hand_article, ewt_paragraph), ``item``
    (the rule number, ``file:paragraph``, the file or EWT's paragraph id), ``kind`` (prose or
    list, for the rules), ``expected`` and ``got`` sentence counts, ``passed`` (a rule: the
    sentences exactly; a hand-counted paragraph: the count; an article: every paragraph's count;
    an EWT paragraph: every boundary). The summary counts the passes, with EWT's boundary
    precision, recall and F1 when it was scored."""
    rules = golden_rule_results(split_paragraph)
    hand = hand_sentence_counts()
    got = [len(split_paragraph(text)) for text in hand["text"]]
    paragraphs = pd.DataFrame({
        "set": "hand_paragraph", "item": [f"{f}:{p}" for f, p in zip(hand["file"], hand["paragraph"])], "kind": "",
        "expected": hand["sentences"], "got": got, "passed": hand["sentences"] == pd.Series(got),
    })
    by_file = paragraphs.assign(file=hand["file"]).groupby("file", sort=False)
    articles = pd.DataFrame({
        "set": "hand_article", "item": list(by_file.groups), "kind": "",
        "expected": by_file["expected"].sum().to_numpy(), "got": by_file["got"].sum().to_numpy(),
        "passed": by_file["passed"].all().to_numpy(),
    })
    items = pd.concat([rules.assign(set="golden_rules", item=rules["rule"].astype(str))
                       [["set", "item", "kind", "expected", "got", "passed"]], paragraphs, articles],
                      ignore_index=True)
    prose = rules["kind"] == "prose"
    summary = {
        "golden_rules_passed": int(rules["passed"].sum()), "golden_rules": len(rules),
        "golden_prose_passed": int(rules.loc[prose, "passed"].sum()), "golden_prose": int(prose.sum()),
        "golden_list_passed": int(rules.loc[~prose, "passed"].sum()), "golden_list": int((~prose).sum()),
        "hand_articles_exact": int(articles["passed"].sum()), "hand_articles": len(articles),
        "hand_paragraphs_exact": int(paragraphs["passed"].sum()), "hand_paragraphs": len(paragraphs),
        "hand_sentences": int(hand["sentences"].sum()),
    }
    if data_dir is not None and (Path(data_dir) / EWT_DEV).is_file():
        paragraphs = ewt_paragraphs(Path(data_dir) / EWT_DEV)
        gold = [starts for _, _, starts in paragraphs]
        found = [tuple(start for start, _ in sentence_spans(text)[1:]) for _, text, _ in paragraphs]
        ewt = pd.DataFrame({
            "set": "ewt_paragraph", "item": [paragraph_id for paragraph_id, _, _ in paragraphs], "kind": "",
            "expected": [len(g) + 1 for g in gold], "got": [len(f) + 1 for f in found],
            "passed": [set(g) == set(f) for g, f in zip(gold, found)],
        })
        items = pd.concat([items, ewt], ignore_index=True)
        scores = boundary_scores(gold, found)
        summary.update({f"ewt_{key}": (round(value, 6) if isinstance(value, float) else int(value))
                        for key, value in scores.items()})
    return items, summary
