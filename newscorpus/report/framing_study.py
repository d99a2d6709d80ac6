"""The framing chapter's study tables: the codebook's agreement and evidence, each article's frame,
the headlines, the group's agency and the tone of the sentences that mention it.

Nothing is counted here: the codings come from ``framing_codebook``, agency from
``measures.agency`` and ``validation.agency``, tone from ``measures.tone``, headlines from
``measures.headlines``. This module lays them out for a reader (articles by name, codes in words)
and reads well from one article to a thousand: summaries are one row per article, the lines behind
them go to searchable tables.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import framing_codebook as codebook
from ..findings import corpus_digests, original_digests
from ..measures import lexicons, tone
from ..measures.agency import ROLES
from ..measures.attribution import WILSON_CONFIDENCE
from ..measures.lexicons import LABEL
from ..measures.republication import SHINGLE_WORDS
from ..validation import agency as agency_check
from ..validation.republication import by_category as republication_by_category

SETTLED_WORDS = {"agreed": "both coders agreed", "a": "coder A's answer kept", "b": "coder B's answer kept",
                 "new": "a third answer both accept", "unresolved": "left open (the better-evidenced answer kept)"}
GENERIC_FRAMES = {"sv_responsibility": "responsibility", "sv_conflict": "conflict", "sv_human_interest": "human interest",
                  "sv_morality": "morality", "sv_economic": "economic consequences"}
SAMPLE_NAMES = {"seeds": "seed articles (in-sample: the rule was written on them)",
                "heldout": "held-out sample (labelled after the rule was frozen)"}


def words(code: str) -> str:
    """An answer code in words: "foreign_power" -> "foreign power"."""
    return code.replace("_", " ")


# -- which articles are coded ----------------------------------------------------------------------


def coded_files(files, seeds_dir=None) -> list[str]:
    """The corpus's articles that the committed codings cover: in the reconciled sheet and, byte for
    byte, the text that was coded (a reader's file of the same name is not taken as coded)."""
    sheet = {r["file"] for r in codebook.read_sheet("reconciled")}
    here, coded = corpus_digests(seeds_dir), original_digests()
    return [f for f in files if f in sheet and f in coded and here.get(f) == coded[f]]


def coded_rows(files) -> list[dict]:
    """The reconciled sheet's rows for the given (coded) articles."""
    chosen = set(files)
    return [r for r in codebook.read_sheet("reconciled") if r["file"] in chosen]


# -- agreement -------------------------------------------------------------------------------------


def agreement_table(scopes: list[dict]) -> pd.DataFrame:
    """``framing_codebook.agreement()`` for the reader: one row per scope (all items, then by block)."""
    return pd.DataFrame({
        "Items": [s["items"] for s in scopes],
        "Units (article × item)": [s["units"] for s in scopes],
        "Agreed": [s["agreed"] for s in scopes],
        "Percent agreement": [s["percent"] / 100 for s in scopes],
        "Krippendorff's alpha": [s["alpha"] for s in scopes],
        "Alpha, 95% bootstrap interval": [f"{s['alpha_low']:.2f} to {s['alpha_high']:.2f}" for s in scopes],
    }, index=pd.Index([s["scope"] for s in scopes], name="Items compared"))


def disagreement_frame(rows: list[dict], names: dict[str, str]) -> pd.DataFrame:
    """Every coded unit on which the independent sheets differed, and how it was settled."""
    items = codebook.read_codebook()
    out = [r for r in rows if not items[r["item_id"]].free_text and r["answer_a"] != r["answer_b"]]
    return pd.DataFrame({
        "Article": [names.get(r["file"], r["file"]) for r in out],
        "Item": [f"{r['item_id']}: {items[r['item_id']].function_or_frame}" for r in out],
        "Coder A": [words(r["answer_a"]) for r in out], "Coder B": [words(r["answer_b"]) for r in out],
        "Settled answer": [words(r["answer"]) for r in out],
        "How": [SETTLED_WORDS.get(r["settled"], r["settled"]) for r in out],
        "Why": [r["resolution"] for r in out],
    })


# -- each article's frame --------------------------------------------------------------------------


def _quotes(evidence: list[str]) -> str:
    return " / ".join(f"“{q}”" for q in evidence) if evidence else "(absence: no line)"


def evidence_frame(rows: list[dict], names: dict[str, str]) -> pd.DataFrame:
    """The evidence table: per article and item, the settled answer with its lines."""
    table = codebook.evidence_table(rows)
    return pd.DataFrame({
        "Article": [names.get(r["file"], r["file"]) for r in table],
        "Item": [r["item_id"] for r in table],
        "Function or frame": [r["function_or_frame"] for r in table],
        "Question": [r["question"] for r in table],
        "Answer": [r["answer"] if r["item_id"] == "CF1" else words(r["answer"]) for r in table],
        "Evidence (verbatim)": [_quotes(r["evidence"]) for r in table],
        "Settled": [SETTLED_WORDS.get(r["settled"], r["settled"]) for r in table],
    })


def generic_frames(rows: list[dict]) -> dict[str, dict[str, tuple[int, int]]]:
    """file -> generic frame -> (questions answered yes, questions asked)."""
    items = codebook.read_codebook()
    out: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        frame = GENERIC_FRAMES.get(items[r["item_id"]].block)
        if frame:
            cell = out.setdefault(r["file"], {f: [0, 0] for f in GENERIC_FRAMES.values()})[frame]
            cell[0] += r["answer"] == "yes"
            cell[1] += 1
    return {f: {k: (v[0], v[1]) for k, v in frames.items()} for f, frames in out.items()}


def frame_summary(rows: list[dict], names: dict[str, str]) -> pd.DataFrame:
    """One row per coded article: Entman's four functions, the generic-frame questions answered
    yes, naming, the group's vocabulary, the dominant perspective and the central frame."""
    answers: dict[str, dict[str, str]] = {}
    for r in rows:
        answers.setdefault(r["file"], {})[r["item_id"]] = r["answer"]
    frames = generic_frames(rows)
    out = []
    for file, a in answers.items():
        cause = words(a["EN2"]) + (f" ({words(a['EN2b'])})" if a.get("EN2") == "foreign_power" else "")
        generic = ", ".join(f"{k} {y}/{n}" for k, (y, n) in frames.get(file, {}).items() if y)
        out.append({"Article": names.get(file, file), "Problem": words(a["EN1"]), "Cause": cause,
                    "Judgement of the group": words(a["EN3"]), "Judgement of others": words(a["EN3b"]),
                    "Remedy": words(a["EN4"]), "Generic-frame questions answered yes": generic or "none",
                    "Name in headline": words(a["NM1"]), "Fixed epithet": words(a["NM3"]),
                    "Group's own vocabulary": words(a["VOC1"]), "Dominant perspective": words(a["PER1"]),
                    "Central frame (reconciled)": a["CF1"]})
    return pd.DataFrame(out).set_index("Article")


def answer_of(rows: list[dict], file: str, item: str) -> str:
    """One settled answer (a code), "" if the article or item is not coded."""
    return next((r["answer"] for r in rows if r["file"] == file and r["item_id"] == item), "")


def evidence_of(rows: list[dict], file: str, item: str, quote: int = 0) -> str:
    """One verbatim quote behind a settled answer ("" if there is none)."""
    for r in rows:
        if r["file"] == file and r["item_id"] == item:
            quotes = codebook.split_evidence(r["evidence"])
            return quotes[quote] if quote < len(quotes) else ""
    return ""


# -- headlines, standfirsts and captions -----------------------------------------------------------


# An attributive epithet right before the group's name: "the al-Qaeda-linked Islamic State",
# "so-called Islamic State". The labels list holds the group's descriptors; these compounds are open-ended.
EPITHET_BEFORE_NAME = re.compile(
    r"\b(so-called|self-(?:proclaimed|styled)|[\w’'-]+-(?:linked|affiliated|backed|inspired|allied))\s+(?:the\s+)?"
    r"(?=ISIS|ISIL|IS\b|Islamic State|Daesh)")


def epithets_before_name(text: str) -> list[str]:
    """Attributive epithets directly before a name of the group, in order."""
    return [m.group(1) for m in EPITHET_BEFORE_NAME.finditer(text)]


def headline_frame(parts: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``headlines.headline_table`` for the reader, one row per display part."""
    return pd.DataFrame({
        "Article": parts["file"].map(names).to_numpy(), "Part": parts["part"].to_numpy(),
        "Text": parts["text"].to_numpy(), "Names": parts["names"].to_numpy(),
        "Descriptors and epithets": ["; ".join(x for x in (d, "; ".join(epithets_before_name(t))) if x)
                                     for d, t in zip(parts["descriptors"], parts["text"])],
        "Member nouns": parts["member_nouns"].to_numpy(), "Loaded words": parts["loaded"].to_numpy(),
    })


def headline_naming(parts: pd.DataFrame, files) -> pd.DataFrame:
    """Per article: how many display parts it has, and how many name the group, carry a
    descriptor or epithet, or a loaded word."""
    epithet = [bool(d) or bool(epithets_before_name(t)) for d, t in zip(parts["descriptors"], parts["text"])]
    counted = parts.assign(named=parts["names"] != "", described=epithet,
                           loaded_=parts["loaded"] != "")
    out = counted.groupby("file").agg(parts=("part", "size"), named=("named", "sum"),
                                      described=("described", "sum"), loaded=("loaded_", "sum"))
    return out.reindex(list(files), fill_value=0).astype(int).rename_axis("file").reset_index()


# -- member nouns: the group's, or another group's ----------------------------------------------------


def member_noun_lines(hits: pd.DataFrame, paragraphs: dict[str, list[str]], max_words_between: int = 2) -> pd.DataFrame:
    """Every member noun of the group's labels (narrative, quoted or gloss), marked ``after_name``
    when a name of the group stands at most ``max_words_between`` words before it in the same
    sentence ("ISIS fighters", "ISIS members and fighters"). An untied noun may still be the
    group's ("the militants" of a wire story): the lines decide, and the chapter shows them."""
    kinds = {r["label"]: r["kind"] for r in lexicons.read_csv("framing", "labels.csv")}
    labels = hits[hits["family"] == LABEL]
    members = labels[labels["name"].map(kinds) == "member noun"]
    names = labels[labels["name"].map(kinds) == "name"]
    rows = []
    for hit in members.itertuples():
        text = paragraphs[hit.file][hit.paragraph]
        tied = False
        for name in names[(names["file"] == hit.file) & (names["paragraph"] == hit.paragraph)].itertuples():
            between = text[name.end:hit.start]
            # "ISIS members and fighters" is one phrase; "ISIS and the Jihadists" names a second group
            if (name.end <= hit.start and not re.search(r"[.!?;,]|\bthe\b", between, flags=re.I)
                    and len(between.split()) <= max_words_between):
                tied = True
        rows.append({"file": hit.file, "paragraph": hit.paragraph, "label": hit.name, "voice": hit.voice,
                     "start": hit.start, "end": hit.end, "after_name": tied})
    return pd.DataFrame(rows, columns=["file", "paragraph", "label", "voice", "start", "end", "after_name"])


# -- the profile: narrative against quoted -----------------------------------------------------------


# -- agency ----------------------------------------------------------------------------------------


def agency_reader_table(counts: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``agency.agency_counts`` with articles named."""
    out = counts.set_index(counts["file"].map(names).rename("Article"))
    return out[["sentences", *ROLES, "agent_share"]].set_axis(
        ["Sentences that mention the group", "Agent", "Patient", "Neither", "Agent share"], axis=1)


def agency_samples() -> dict[str, pd.DataFrame]:
    """Each AI-labelled sample present, compared with the rule: {"seeds": ..., "heldout": ...}; the
    held-out sample is left out when its file is absent."""
    out = {}
    for sample_name, file_name in agency_check.SAMPLES.items():
        key = "heldout" if sample_name == "held-out" else "seeds"
        try:
            out[key] = agency_check.compare(agency_check.read_sample(file_name))
        except FileNotFoundError:
            continue
    return out


def agency_check_table(samples: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Precision and recall per label against the AI labels (an AI assistant's reading by
    ``AGENCY.md``, not a human's), with Wilson intervals, per sample, beside the accuracy of always
    answering the commonest label (the majority baseline)."""
    frames = []
    for key, compared in samples.items():
        scores = agency_check.label_scores(compared)
        group = compared[compared["label"] != "not_group"]
        frames.append(pd.DataFrame({
            "Sample": SAMPLE_NAMES[key], "Label": scores["label"],
            "AI labels": scores["gold"], "Rule's labels": scores["predicted"], "Both": scores["correct"],
            "Precision": scores["precision"],
            "Precision interval": [f"{lo:.0%} to {hi:.0%}" if lo == lo else "—"
                                   for lo, hi in zip(scores["precision_low"], scores["precision_high"])],
            "Recall": scores["recall"],
            "Recall interval": [f"{lo:.0%} to {hi:.0%}" if lo == lo else "—"
                                for lo, hi in zip(scores["recall_low"], scores["recall_high"])],
            "Accuracy (all labels)": float((group["label"] == group["role"]).mean()) if len(group) else float("nan"),
            "Majority baseline": agency_check.majority_accuracy(compared),
        }))
    return pd.concat(frames).set_index(["Sample", "Label"]) if frames else pd.DataFrame()


def agency_check_text(samples: dict[str, pd.DataFrame]) -> str:
    """Which samples are shown, said plainly (the held-out one may not exist yet)."""
    if "heldout" in samples:
        return (f"Both samples are shown: the seed sentences (in-sample) and the held-out sample of "
                f"{int((samples['heldout']['label'] != 'not_group').sum()):d} sentences labelled after the rule "
                f"was frozen, the honest figure.")
    return ("Only the in-sample figures can be shown: the held-out sample "
            "(`newscorpus/data/framing/agency_heldout.csv`) is absent from this build, so the rule has not "
            "yet been scored on sentences it was not written on; expect lower figures there.")


# -- tone toward the group -------------------------------------------------------------------------


def group_tone_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """``tone.group_tone_rows`` for every article: one row per sentence that mentions the group."""
    rows = [r for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"])
            for r in tone.group_tone_rows(file, list(paragraphs))]
    return pd.DataFrame(rows, columns=["file", "paragraph", "mention", "compound", "sentence"])


# A sentence as a reader would quote it begins with a capital or a digit, after any opening quote
# or bracket; one that begins in lower case is a piece the sentence split cut from a longer one.
WHOLE_SENTENCE_START = re.compile(r"""^[\s"'“‘(\[]*[A-Z0-9]""")


def starts_a_sentence(sentence: str) -> bool:
    """Whether a split sentence begins as a sentence does (not a cut piece: "and he noted ,” but ...")."""
    return bool(WHOLE_SENTENCE_START.match(sentence))


def _extreme_line(mine: pd.DataFrame, lowest: bool) -> str:
    """The most negative (or positive) sentence that begins as a sentence, with its score; when every
    one is a cut piece, the extreme piece marked as such."""
    whole = mine[mine["sentence"].map(starts_a_sentence)]
    pool = whole if len(whole) else mine
    row = pool.loc[pool["compound"].idxmin() if lowest else pool["compound"].idxmax()]
    return f"{row['compound']:+.2f}: {row['sentence']}" + ("" if len(whole) else " (a piece cut by the sentence split)")


def group_tone_summary(rows: pd.DataFrame, files, names: dict[str, str]) -> pd.DataFrame:
    """Per article: sentences that mention the group, their mean VADER compound (over all of
    them), and the most negative and most positive of those that begin as a sentence, with their
    scores: a piece the split cut from a longer sentence is no line to quote."""
    out = []
    for file in files:
        mine = rows[rows["file"] == file]
        if mine.empty:
            out.append({"Article": names.get(file, file), "Sentences": 0, "Mean compound": float("nan"),
                        "Most negative": "", "Most positive": ""})
            continue
        out.append({"Article": names.get(file, file), "Sentences": len(mine), "Mean compound": mine["compound"].mean(),
                    "Most negative": _extreme_line(mine, lowest=True),
                    "Most positive": _extreme_line(mine, lowest=False)})
    return pd.DataFrame(out).set_index("Article")


def tied_files(values: pd.Series, spec: str, lowest: bool) -> list:
    """The keys (files) at the lowest (or highest) value as the reader sees it, formatted with
    ``spec``: one, or every one that prints the same figure."""
    shown = values.dropna().map(lambda v: format(v, spec))
    if shown.empty:
        return []
    extreme = format(values.min() if lowest else values.max(), spec)
    return list(shown.index[shown == extreme])


def tied_names(values: pd.Series, names: dict[str, str], spec: str, lowest: bool, k: int = 3,
               bracketed: bool = False) -> str:
    """The article(s) at the lowest (or highest) value as the reader sees it (``tied_files``):
    "A" or, when two or more print the same figure, "A and B"; beyond ``k + 1`` tied articles, the
    first ``k`` and how many others ("A, B, C and 40 other articles (see the table)"; with
    ``bracketed``, for a list inside brackets, "...; see the table"), so the sentence stays short
    for a thousand articles (``prose.tied_list``). "no article" when there is no value."""
    from ..prose import tied_list

    files = tied_files(values, spec, lowest)
    if not files:
        return "no article"
    return tied_list([names.get(f, f) for f in files], k=k, bracketed=bracketed)


def tone_lines(rows: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every scored sentence, for a searchable table."""
    return pd.DataFrame({"Article": rows["file"].map(names).to_numpy(), "Paragraph": rows["paragraph"].to_numpy(),
                         "Mention": rows["mention"].to_numpy(), "VADER compound": rows["compound"].round(3).to_numpy(),
                         "Sentence": rows["sentence"].to_numpy()})


CONFIDENCE = WILSON_CONFIDENCE


def hand_agency_shares(compared: pd.DataFrame, files) -> pd.DataFrame:
    """Per article the AI-labelled sample covers (of ``files``, coded texts only): the labels'
    counts and the agent share with its Wilson interval, beside the rule's share on the same
    sentences (those the rule misses count as not agent; those the labels put outside the group are
    left out), which is why it differs from the rule's share over the sentences the rule finds."""
    from ..measures.attribution import wilson_interval

    covered = set(coded_files(files))
    group = compared[(compared["label"] != "not_group") & compared["file"].isin(covered)]
    rows = []
    for file in [f for f in files if f in set(group["file"])]:
        mine = group[group["file"] == file]
        agents = int((mine["label"] == "agent").sum())
        low, high = wilson_interval(agents, len(mine))
        rows.append({"file": file, "sentences": len(mine), "agent": agents,
                     "patient": int((mine["label"] == "patient").sum()),
                     "neither": int((mine["label"] == "neither").sum()),
                     "agent_share": agents / len(mine), "agent_share_low": low, "agent_share_high": high,
                     "rule_agent_share": float((mine["role"] == "agent").mean())})
    return pd.DataFrame(rows, columns=["file", "sentences", "agent", "patient", "neither", "agent_share",
                                       "agent_share_low", "agent_share_high", "rule_agent_share"])


# -- one row per article, for 1 or 1,000 ----------------------------------------------------------------

PAGE_ROWS = 25


def per_article(frame: pd.DataFrame, formats: dict | None = None, page_rows: int = PAGE_ROWS):
    """A table with one row per article (indexed by article): a plain table while it fits a page,
    a searchable, paged one for a long corpus."""
    from ..book.evidence import evidence_table
    from ..overview import reader_style

    formats = dict(formats or {})
    for column in frame.columns:  # counts of 1,000 or more with a thousands separator, as the prose has them
        if column not in formats and pd.api.types.is_integer_dtype(frame[column]) and (frame[column].abs() >= 1000).any():
            formats[column] = "{:,d}"
    if len(frame) <= page_rows:
        return reader_style(frame, formats)
    return evidence_table(frame.reset_index(), formats=formats)


# -- republications ---------------------------------------------------------------------------------

EDIT_ROWS = 500  # edits shown in the page; the download holds them all


def republication_pairs_table(pairs: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``measures.republication.find_republications`` for the reader: one row per pair, articles by name."""
    return pd.DataFrame({
        "Base (earlier or longer)": pairs["base"].map(lambda f: names.get(f, f)),
        "Other version": pairs["other"].map(lambda f: names.get(f, f)),
        "Words (base)": pairs["base_words"], "Words (other)": pairs["other_words"],
        f"Shared {SHINGLE_WORDS}-word sequences": pairs["shared_shingles"],
        "Containment": pairs["containment"], "Jaccard": pairs["jaccard"]})


def republication_counts_table(counts: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``edit_counts`` with each pair named "base → other", and a total column."""
    table = counts.copy()
    table.index = [f"{names.get(b, b)} → {names.get(o, o)}" for b, o in table.index]
    table.columns = [str(c) for c in table.columns]
    table["all edits"] = table.sum(axis=1)
    return table.rename_axis("Pair")


def republication_edit_table(edits: pd.DataFrame, names: dict[str, str],
                             max_rows: int = EDIT_ROWS) -> tuple[pd.DataFrame, int]:
    """Every edit with its words before and after, for a searchable table, and how many pairs it
    shows: all of them while the edits fit ``max_rows``, else the pairs with the most edits (a
    whole pair or none), so a large archive's page stays small; the download has every edit."""
    sizes = edits.groupby(["base", "other"], sort=False).size().sort_values(ascending=False, kind="stable")
    kept, rows = [], 0
    for pair, n in sizes.items():
        if kept and rows + n > max_rows:
            break
        kept.append(pair)
        rows += n
    chosen = edits[pd.MultiIndex.from_frame(edits[["base", "other"]]).isin(kept)]
    table = pd.DataFrame({
        "Base": chosen["base"].map(lambda f: names.get(f, f)),
        "Other version": chosen["other"].map(lambda f: names.get(f, f)),
        "Category": chosen["category"], "Change": chosen["change"],
        "Paragraph (base, from 0)": chosen["base_paragraph"],
        "Before": chosen["before"], "After": chosen["after"]})
    return table.reset_index(drop=True), len(kept)


def republication_result_text(articles: int, pairs: int, edits: int) -> str:
    """What the search found, in a sentence that reads right for any count."""
    if articles < 2:
        return "This corpus has fewer than two articles, so no pair can be sought."
    if pairs == 0:
        return (f"Among the {articles:,d} articles of this corpus, no two are versions of one story: "
                "no pair reaches the threshold, so there are no edits to list.")
    pair_words = "one pair" if pairs == 1 else f"{pairs:,d} pairs"
    edit_words = "one edit" if edits == 1 else f"{edits:,d} edits"
    return (f"Among the {articles:,d} articles of this corpus, the search finds {pair_words} of versions "
            f"of one story, with {edit_words} between them.")


def republication_check_table(items: pd.DataFrame) -> pd.DataFrame:
    """The generated-republication check by category: known edits, edits found, precision, recall."""
    table = republication_by_category(items)
    return pd.DataFrame({"Known edits": table["known"], "Edits found": table["found"],
                         "Precision": table["precision"], "Recall": table["recall"]}).rename_axis("Category")


def republication_check_seeds_text(used: int, in_corpus: int, seed: int | None = None) -> str:
    """Which articles the check's republications are made from, for any corpus size (``seed``: the
    random seed the articles are drawn with, named when it is given)."""
    if used == in_corpus:
        return "the article of this corpus" if used == 1 else f"the {used:,d} articles of this corpus"
    drawn = (f"drawn at random with a fixed seed ({seed:d}), so every build uses the same ones" if seed is not None
             else "drawn at random with a fixed seed, so every build uses the same ones")
    return f"{used:,d} of this corpus's {in_corpus:,d} articles, {drawn}"


def weakest_check_score(check_table: pd.DataFrame) -> tuple[str, str, float]:
    """The category and measure (precision or recall) with the lowest figure, and the figure."""
    scores = check_table[check_table["Known edits"] > 0][["Precision", "Recall"]].stack().dropna()
    if scores.empty:
        return "", "", float("nan")
    category, measure = scores.idxmin()
    return str(category), str(measure).lower(), float(scores.min())


def day_dates(articles: pd.DataFrame) -> dict[str, str]:
    """ISO publication dates of the articles dated to the day: the republication audit's base is
    the earlier version only when both dates are known to the day (an article dated to its month
    is stored as the month's first day, which could put it wrongly first)."""
    dated = articles[articles["date_precision"].eq("day") & pd.to_datetime(articles["published"]).notna()]
    return dict(zip(dated["file"], pd.to_datetime(dated["published"]).dt.strftime("%Y-%m-%d")))


# -- the fitted loaded-language model (a description, not evidence) -----------------------------------

def loaded_model_rows(paragraphs: dict[str, list[str]]) -> pd.DataFrame:
    """One row per sentence of every article (the book's sentences, quotations included): the
    fitted model's verdict, its score and the words that drive a loaded verdict, each with the
    word model's probability (its weight in the verdict)."""
    from ..measures.loaded import loaded_sentences

    rows = []
    for file, paras in paragraphs.items():
        numbered = tone.sentences(list(paras))
        for (paragraph, sentence), verdict in zip(numbered, loaded_sentences([s for _, s in numbered])):
            rows.append({"file": file, "paragraph": paragraph, "sentence": sentence, "loaded": verdict.loaded,
                         "score": verdict.score, "hits": [(word, p) for _s, _e, word, p in verdict.hits]})
    return pd.DataFrame(rows, columns=["file", "paragraph", "sentence", "loaded", "score", "hits"])


def _driving_words(hits: pd.Series, top: int) -> str:
    """The words flagged most often in an article's loaded sentences: "terrorist ×4 (0.71)", the
    number of times and the mean word probability."""
    flat = pd.DataFrame([(w.lower(), p) for row in hits for w, p in row], columns=["word", "p"])
    if flat.empty:
        return "—"
    grouped = flat.groupby("word")["p"].agg(["size", "mean"]).sort_values(["size", "mean"], ascending=False)
    return ", ".join(f"{w} ×{n:d} ({p:.2f})" if n > 1 else f"{w} ({p:.2f})"
                     for w, n, p in zip(grouped.head(top).index, grouped["size"].head(top), grouped["mean"].head(top)))


def loaded_model_summary(rows: pd.DataFrame, files, names: dict[str, str], top: int = 6) -> pd.DataFrame:
    """Per article: sentences, how many the model flags as loaded, their share, and the words
    that drive the flags (with how often and their mean weight). Articles without sentences show 0."""
    out = []
    for file in files:
        mine = rows[rows["file"] == file]
        flagged = mine[mine["loaded"]]
        out.append({"Article": names.get(file, file), "Sentences": len(mine), "Flagged as loaded": len(flagged),
                    "Share flagged": len(flagged) / len(mine) if len(mine) else float("nan"),
                    "Words that drive it (times, mean weight)": _driving_words(flagged["hits"], top)})
    return pd.DataFrame(out).set_index("Article")


def loaded_model_lines(rows: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every sentence the model flags, with its score and its words and their weights."""
    flagged = rows[rows["loaded"]]
    return pd.DataFrame({
        "Article": flagged["file"].map(lambda f: names.get(f, f)).to_numpy(),
        "Paragraph": flagged["paragraph"].to_numpy(),
        "Score": flagged["score"].round(2).to_numpy(),
        "Words (weight)": [", ".join(f"{w} ({p:.2f})" for w, p in h) or "—" for h in flagged["hits"]],
        "Sentence": flagged["sentence"].to_numpy(),
    })


# -- any corpus: the chapter's framing sentences ---------------------------------------------------------


def years_text(published: pd.Series, most: int = 4) -> str:
    """The publication years as a phrase: "2014, 2016 and 2020", or "2009 to 2020" for more than
    ``most`` years; "an unknown year" when no date parses."""
    from ..prose import english_list

    # published is YYYY-MM-DD, YYYY-MM or YYYY (check enforces it): the year is its first four digits
    years = sorted({int(str(d)[:4]) for d in published if str(d)[:4].isdigit()})
    if not years:
        return "an unknown year"
    if len(years) > most:
        return f"{years[0]} to {years[-1]}"
    return english_list([str(y) for y in years])


def limits_text(articles: pd.DataFrame, n_translated: int, n_probable: int, original: bool,
                n_possible: int = 0) -> str:
    """Why the chapter's numbers describe texts and, with outlets as the unit, how far they
    describe outlets: the unit, the translations, and what a word list counts."""
    from ..prose import count_noun
    from ..units import OUTLET, comparison_unit

    n, outlets = len(articles), articles["outlet"].nunique()
    if n == 1:
        status = ("it is a translation by the evidence of its page or record" if n_translated else
                  "it is probably a translation" if n_probable else
                  "it is possibly a translation (the table of translation status says why)" if n_possible else
                  "it is not recorded as a translation")
        return ("Read the numbers with their limits in mind: one article cannot stand for its outlet; "
                f"{status}; and a word list counts words, not meanings.")
    if n_translated or n_probable:
        translated = (f"{n_translated:,d} of them {'is a translation' if n_translated == 1 else 'are translations'} "
                      f"by the evidence of their pages or records and {n_probable:,d} more probably one")
    else:
        translated = "none of them is recorded as a translation"
    if n_possible:  # a heuristic's "possibly" (the site's country), never counted as a translation
        translated += (f", and {n_possible:,d} "
                       f"{'is' if n_possible == 1 else 'are'} possibly {'one' if n_possible == 1 else 'translations'} "
                       "(the table of translation status says why)")
    chosen = ", chosen by hand," if original else ""
    if comparison_unit(articles) == OUTLET:
        return (f"Read the numbers with their limits in mind: {count_noun(n, 'article')}{chosen} from "
                f"{count_noun(outlets, 'outlet')} describe {'their outlets' if outlets > 1 else 'the outlet'} only "
                f"as far as the articles are a fair sample; {translated}; and a word list counts words, not meanings.")
    return (f"Read the numbers with their limits in mind: {count_noun(n, 'article')}{chosen} from "
            f"{count_noun(outlets, 'outlet')} cannot stand for {'their outlets' if outlets > 1 else 'the outlet'}; {translated}; and a word list "
            "counts words, not meanings.")


def headline_text(naming_parts: pd.DataFrame, original: bool) -> str:
    """What the display parts hold, for any corpus (the naming lexicon is the original topic's)."""
    from ..prose import count_noun

    parts, named = int(naming_parts["parts"].sum()), int(naming_parts["named"].sum())
    described = int(naming_parts["described"].sum())
    with_epithet = int((naming_parts["described"] > 0).sum())
    if not parts:
        return "No article of this corpus has a headline, standfirst or caption apart from its body."
    whom = "the group" if original else "the group of the naming lexicon (the original topic's)"
    after = " The body's counts below leave these parts out, so a name in a headline is counted once, here."
    if not named and not described:
        which = "The only display part does not name" if parts == 1 else f"No display part ({parts:,d} in all) names"
        return f"{which} {whom} or attach{'es' * (parts != 1)} a descriptor or an epithet to it." + after
    if parts == 1:
        return ("The only display part " + ("names " + whom if named else "does not name " + whom)
                + (" and attaches a descriptor or an epithet to it." if described else
                   " and attaches no descriptor or epithet to it.") + after)
    name_verb = "names" if named == 1 else "name"
    if not described:
        return f"Of the {count_noun(parts, 'display part')}, {named:,d} {name_verb} {whom} and none attaches a descriptor or an epithet to it." + after
    return (f"Of the {count_noun(parts, 'display part')}, {named:,d} {name_verb} {whom} and {described:,d} "
            f"attach{'es' * (described == 1)} a descriptor or an epithet to it, in {count_noun(with_epithet, 'article')}." + after)


def word_rows_by_outlet(word_rows: list[dict], overview: pd.DataFrame) -> list[dict]:
    """``log_odds.word_counts`` rows pooled by outlet (``file`` is then the outlet): each outlet's
    words against the other outlets', the comparison that outlets as the unit call for. The rows
    are ``keyness.pooled_by_outlet``'s, so the words one article carries (``concentrated``) are
    kept off the outlet's list, as in the themes chapter."""
    from ..measures.keyness import pooled_by_outlet

    outlet = dict(zip(overview["file"], overview["outlet"]))
    files = pd.DataFrame({"file": [row["file"] for row in word_rows]})
    files["outlet"] = files["file"].map(outlet).fillna("")
    return pooled_by_outlet(word_rows, files)


def outlet_row_label(outlet: str, articles: int) -> str:
    """A per-outlet chart row's label with the number of articles behind it: "Breitbart (71)"."""
    from ..plots import short_outlet

    return f"{short_outlet(outlet)} ({articles:,d})"


def wire_note(n_wire: int, where: str, behind: str | None = "row") -> str:
    """The sentence a per-outlet figure or table gives when wire copy is left out of it, and what
    the number after each outlet's name is (``behind``: "row", "panel"; None for no such number)."""
    from ..prose import count_noun

    if not n_wire:
        return ""
    counted = (f" The number in brackets after each outlet is the number of its own articles behind the {behind}."
               if behind else "")
    return (f"{count_noun(n_wire, 'article')} of wire copy (an agency's story under an outlet's name, known by its "
            f"credits) {'is' if n_wire == 1 else 'are'} left out of {where}: {'it shows' if n_wire == 1 else 'they show'} "
            "how the agency writes, not the outlet." + counted)


def profile_by_outlet(counts: pd.DataFrame, rates: pd.DataFrame, overview: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The framing profile per outlet: each rate the mean of the outlet's articles' rates, each
    count the sum over them; outlets with the most articles first."""
    outlet = counts.index.map(dict(zip(overview["file"], overview["outlet"])))
    summed = counts.groupby(outlet).sum()
    means = rates.groupby(outlet).mean()
    size = counts.groupby(outlet).size()
    order = sorted(size.index, key=lambda o: (-int(size[o]), o))
    return summed.loc[order], means.loc[order]


# A text this short (a truncated stub, a one-sentence brief) is never named as an end of a range: one
# sentence sets its mean. Its value is still counted and shown in the tables.
MIN_WORDS_FOR_EXTREME = 100


def range_text(values: pd.Series, names: dict[str, str], spec: str, what: str,
               empty: str | None = None, words: pd.Series | None = None,
               min_words: int = MIN_WORDS_FOR_EXTREME) -> str:
    """"<what> runs from 12% (A) to 48% (B)", the articles at each end named (ties bounded), or
    ``empty`` (a default sentence) when no article has a value: never "nan". With ``words`` (per
    file), only articles of ``min_words`` words or more are ranked, and the sentence says so."""
    present = values.dropna()
    if present.empty:
        return empty or f"{what[:1].upper() + what[1:]} has no value in any article of this corpus."
    if words is not None:
        long_enough = words.reindex(present.index).fillna(0) >= min_words
        short = int((~long_enough).sum())
        if short:
            from ..prose import count_noun

            if not long_enough.any():
                return (f"{what[:1].upper() + what[1:]} is not ranked: no article with a value has {min_words:,d} "
                        "words or more, and in a shorter text one sentence sets it.")
            ranked = range_text(present[long_enough], names, spec, what, empty)
            return (ranked.removesuffix(".") + f", among the articles of {min_words:,d} words or more ("
                    f"{count_noun(short, 'shorter article')}, where one sentence can set the value, "
                    f"{'is' if short == 1 else 'are'} not named).")
    low, high = format(present.min(), spec), format(present.max(), spec)
    # one name and a count (article names are long), inside the brackets
    low_names = tied_names(present, names, spec, lowest=True, k=1, bracketed=True)
    if len(present) == 1:
        return f"{what[:1].upper() + what[1:]} is {low} in the only article with a value ({low_names})."
    if low == high:
        return f"{what[:1].upper() + what[1:]} is {low} wherever it can be computed ({low_names})."
    return (f"{what[:1].upper() + what[1:]} runs from {low} ({low_names}) to {high} "
            f"({tied_names(present, names, spec, lowest=False, k=1, bracketed=True)}).")


def distinctive_scope_text(unit: str, panels: int, max_panels: int) -> str:
    """What the distinctive-vocabulary chart compares and which panels it draws."""
    from ..units import OUTLET

    what = ("each outlet's articles pooled, against the other outlets' (outlets are this chapter's unit)"
            if unit == OUTLET else "each article against the other articles pooled")
    if panels < 2:
        alone = "outlet" if unit == OUTLET else "article"
        return f"With a single {alone} there is nothing to compare it with, so no term is distinctive and no chart is drawn."
    if panels > max_panels:
        which = ("the outlets with the most articles" if unit == OUTLET else "the longest articles")
        return (f"The chart compares {what}; it draws the {max_panels} panels of {which}, and the table after it "
                f"holds the terms of all {panels:,d}.")
    return f"The chart compares {what}."


def profile_rows_text(unit: str, n_articles: int, n_outlets: int, max_rows: int) -> str:
    """What a row of the framing profile is, for any corpus."""
    from ..units import OUTLET

    if unit == OUTLET or n_articles > max_rows:
        shown = (f"the {max_rows} outlets with the most counted words" if n_outlets > max_rows
                 else f"all {n_outlets:,d}")
        return (f"Here a row is an outlet ({shown}): each rate is the mean of its articles' rates and each count "
                "the sum over them; every article's row is in the file `framing.csv`.")
    return "A row is an article."


# A table carried in the page as a download above this size is left to ``python -m newscorpus``: a
# data URI of many megabytes would make the page itself too large to open.
MAX_DOWNLOAD_BYTES = 2_000_000


def download_or_note(frame: pd.DataFrame, filename: str, how: str, max_bytes: int = MAX_DOWNLOAD_BYTES):
    """The table as a download link while its CSV is small enough to carry in the page, else a
    sentence saying how many rows it has and how to get it (``how``: a command or a call)."""
    from IPython.display import Markdown

    from ..book.evidence import download_link

    size = len(frame.to_csv(index=False).encode("utf-8"))
    if size <= max_bytes:
        return download_link(frame, filename)
    return Markdown(f"`{filename}` has {frame.shape[0]:,d} rows ({size / 1e6:,.0f} MB), too many to carry in this page: "
                    f"{how} gives it.")


# --- the group lexicon's columns and names on a corpus that is not the original five (#22) --------

GROUP_NAMES = ["ISIS", "ISIL", "Islamic State", "Daesh"]  # the naming lexicon's names of the group, as charted
# Another corpus: every name the naming lexicon has, as ``naming_files`` counts them, so the chart's
# count of articles is the notes' (the original five never write "IS").
ALL_GROUP_NAMES = ["ISIS", "ISIL", "IS", "Islamic State", "Daesh"]


def group_below_threshold_text(naming_articles: int, n_articles: int) -> str:
    """How often the group of the naming lexicon is named when it is under
    ``MIN_GROUP_ARTICLE_SHARE`` of the articles: the clause a left-out chart or column cites."""
    from ..prose import count_noun

    named = "the group of the naming lexicon (ISIS, ISIL, IS, Islamic State or Daesh, written for the book's original topic)"
    if not naming_articles:
        where = "the article" if n_articles == 1 else f"any of the {n_articles:,d} articles"
        return f"{named} is not named in {where}"
    share = naming_articles / n_articles if n_articles else 0.0
    return (f"{named} is named in {naming_articles:,d} of the {count_noun(n_articles, 'article')} ({share:.0%}), "
            f"under the {MIN_GROUP_ARTICLE_SHARE:.0%} of the articles its measures need")


def group_names_note(naming_articles: int, n_articles: int) -> str:
    """The sentence that stands for the names chart when the group is not a subject of the corpus
    (``group_is_subject``)."""
    text = group_below_threshold_text(naming_articles, n_articles)
    return (f"In this corpus {text}, so no chart of its names is drawn"
            + (": every count is in the table above." if naming_articles else "."))


def _group_columns() -> tuple[list[str], list[str]]:
    """The framing profile's columns that read the naming lexicon, and those of them that count
    the group's names (not descriptors or member nouns)."""
    from ..measures.framing import profile_measures, slug

    name_columns = {f"label_{slug(label)}_narrative" for label in lexicons.name_labels()}
    lexicon, names = [], []
    for heading, (columns, _) in profile_measures().items():
        if all(c.startswith("label_") for c in columns):
            lexicon.append(heading)
            if all(c in name_columns for c in columns):
                names.append(heading)
    return lexicon, names


def profile_for_corpus(counts: pd.DataFrame, rates: pd.DataFrame, original: bool,
                       below_threshold: str = "") -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The framing profile's columns a corpus has: all of them for the original five; otherwise the
    naming lexicon's columns (written for the original topic) only when some article uses one of
    the group's names, and then only those used. ``below_threshold`` (``group_below_threshold_text``,
    given when the group is named in too few articles to be a subject of the corpus) leaves out
    all of them and says why. Returns (counts, rates, a sentence saying what was left out, or "")."""
    lexicon, names = _group_columns()
    lexicon, names = [h for h in lexicon if h in counts], [h for h in names if h in counts]
    if original or not lexicon:
        return counts, rates, ""
    if below_threshold:
        keep = [c for c in counts.columns if c not in lexicon]
        note = ("The naming lexicon's columns (the group's names, descriptors and member nouns) are left out: "
                f"{below_threshold}.")
        return counts[keep], rates[keep], note
    if int(counts[names].to_numpy().sum()) == 0:
        drop = lexicon
        note = ("The naming lexicon's columns (the group's names, descriptors and member nouns), written for the book's "
                "original topic, are left out: no article of this corpus uses the group's names.")
    else:
        drop = [h for h in lexicon if int(counts[h].sum()) == 0]
        note = (f"Of the naming lexicon's columns, written for the book's original topic, those no article of this corpus "
                f"uses are left out ({', '.join(drop)})." if drop else "")
    keep = [c for c in counts.columns if c not in drop]
    # the columns kept read a lexicon written for another topic: their headings say so
    relabel = {h: f"{h} (ISIS lexicon)" for h in lexicon if h in keep}
    if relabel:
        note = (note + " " if note else "") + ("The columns marked “ISIS lexicon” count the naming lexicon written for "
                                               "the book's original topic: in this corpus a match may be another group.")
    return counts[keep].rename(columns=relabel), rates[keep].rename(columns=relabel), note


def names_charted(label_counts: pd.DataFrame, original: bool) -> list[str]:
    """The group's names the names chart draws: the four for the original five; for another corpus
    only those some article uses (possibly none)."""
    if original:
        return list(GROUP_NAMES)
    used = label_counts[label_counts["label"].isin(ALL_GROUP_NAMES)]
    totals = used.groupby("label")[["narrative", "quoted", "gloss"]].sum().sum(axis=1)
    return [name for name in ALL_GROUP_NAMES if totals.get(name, 0) > 0]


def names_caption(names: list[str], original: bool, top: int) -> str:
    """The names chart's caption, true of what is drawn: bars for the names some article uses, or
    the note that none does."""
    if not names:
        return ("No name of the group in the naming lexicon, written for the book's original topic, occurs in this "
                "corpus, so no chart of the names is drawn. The names the texts themselves use most are in the table "
                "below.")
    from ..prose import english_list

    missing = [name for name in ALL_GROUP_NAMES if name not in names]
    which = "" if original or not missing else (
        f"; of the naming lexicon's {len(ALL_GROUP_NAMES)}, {english_list(missing)} "
        f"{'does' if len(missing) == 1 else 'do'} not occur in this corpus")
    return (f"The group's names ({english_list(names)}{which}) in each article that uses one (at most {top:d}, those "
            "with the most mentions), all panels on one scale: in the outlet's own narrative (solid), in quotations "
            "(hatched) and in bracketed glosses (dotted).")


# --- one article, equal values, and the group only where it is named (referee 4, 5, 6) -------------

DASH = "—"
# A superlative about an article's share or tone toward the group rests on at least this many of
# its sentences that mention the group, in any corpus: a share of 100% from one sentence is that
# sentence, not the article, and below ten one sentence more or less moves a share by more than a
# tenth (each of the original five has 16 or more such sentences, so all five are ranked there).
MIN_GROUP_SENTENCES = 10
# The agency and tone-toward-the-group sections are about the group of the naming lexicon, written
# for the book's original topic. They are given in full only when its names (ISIS, ISIL, IS, Islamic
# State, Daesh) occur in at least this share of the articles; below it they are a one-paragraph note
# (``group_sections_note``). A corpus about the group names it in most of its articles (each of the
# original five does); where fewer than a quarter name it, it is a side subject mentioned in passing
# (a candidate's line on ISIS in election coverage: 87 of 923 PolNeAR articles, 9%), and shares and
# tones of a few such sentences in a minority of the articles would be read as each outlet's treatment
# of its subject. A quarter is the referee's suggestion (round 3, N16): it sits far from both.
MIN_GROUP_ARTICLE_SHARE = 0.25


def group_is_subject(naming_articles: int, n_articles: int, share: float = MIN_GROUP_ARTICLE_SHARE) -> bool:
    """Whether the group of the naming lexicon is a subject of the corpus: named (by one of its
    names, ``naming_files``) in at least ``share`` of its ``n_articles`` articles."""
    if n_articles <= 0:
        return False
    return naming_articles >= share * n_articles


def group_sections_note(naming_articles: int, n_articles: int, sentences: int, section: str = "agency") -> str:
    """The one paragraph that stands for the agency section (``section="agency"``) or the tone
    toward the group (``"tone"``) when the group is not a subject of the corpus
    (``group_is_subject``): how many articles and sentences name it, and that the section applies to
    corpora about the group."""
    from ..prose import count_noun

    share = naming_articles / n_articles if n_articles else 0.0
    if naming_articles:
        named = (f"the group of the chapter's naming lexicon (ISIS, ISIL, IS, Islamic State or Daesh, written for the "
                 f"book's original topic) is named in {naming_articles:,d} of the {count_noun(n_articles, 'article')} "
                 f"({share:.0%}), in {count_noun(sentences, 'sentence')}")
    else:
        named = (f"the group of the chapter's naming lexicon (ISIS, ISIL, IS, Islamic State or Daesh, written for the "
                 "book's original topic) is not named in "
                 + ("the article" if n_articles == 1 else f"any of the {n_articles:,d} articles"))
    threshold = f"{MIN_GROUP_ARTICLE_SHARE:.0%}"
    which = "this section needs" if section == "tone" else "this section and the one on tone toward the group need"
    need = (f"under the {threshold} of the articles {which}" if naming_articles else
            f"and {which} it named in at least {threshold} of the articles")
    if section == "tone":
        mean = "The article's mean tone" if n_articles == 1 else "Every article's mean tone"
        return (f"**Not measured for this corpus.** As with agency above, {named}, {need}. It applies to corpora about "
                f"the group, where the sentences that mention it show how each text judges it. {mean}, over all its "
                "sentences, is in the table above.")
    return (f"**Not measured for this corpus.** In this corpus {named}, {need}. They apply to corpora about the group, "
            "asking of each sentence that mentions it whether the group acts or is acted upon and how its words judge "
            "the group; where most articles never name it, the shares and tones of the few sentences that do would say "
            "little about the corpus's articles or outlets. How the rule that labels the group's role was checked is in "
            "the appendix {doc}`trust`.")


def value_or_dash(spec: str):
    """A table formatter: ``value`` formatted with ``spec``, or a dash for a missing value (an
    article with no sentence to score), never "+nan"."""
    from ..prose import number_or

    return lambda value: number_or(value, spec, missing=DASH)


def naming_files(label_counts: pd.DataFrame) -> list[str]:
    """The articles that name the group by one of the naming lexicon's proper names (ISIS, ISIL,
    IS, Islamic State, Daesh) in any voice: only in them is *the group* or *the organization* likely
    to be that group. ``label_counts`` is ``framing.label_counts``."""
    names = label_counts[label_counts["label"].isin(lexicons.name_labels())]
    used = names.groupby("file")[["narrative", "quoted", "gloss"]].sum().sum(axis=1)
    return sorted(used.index[used > 0])


def is_group_name(mention: str) -> bool:
    """Whether a mention is one of the naming lexicon's proper names of the group (ISIS, ISIL, IS,
    Islamic State, Daesh in its spellings), matched as the lexicon matches it (case-sensitive where
    it says so), not a descriptor (*the group*) or a member noun."""
    mention = " ".join(str(mention).split())
    for row in lexicons.read_csv("framing", "labels.csv"):
        if row["kind"] != "name":
            continue
        if (mention == row["form"]) if row["case_sensitive"] == "1" else (mention.lower() == row["form"].lower()):
            return True
    return False


def group_rows(rows: pd.DataFrame, label_counts: pd.DataFrame, original: bool) -> pd.DataFrame:
    """The sentences that mention the group (agency or tone rows) that the chapter counts: all of
    them for the original five; in another corpus only those of articles that name the group, and
    there only the sentences whose mention of it is one of its names: elsewhere *the group* is as
    often a team, a charity or "the group of voters", even in an article that names ISIS too."""
    if original:
        return rows
    named = rows[rows["file"].isin(naming_files(label_counts))]
    return named[named["mention"].map(is_group_name).astype(bool)] if len(named) else named


def group_counts_text(lexicon_articles: int, naming_articles: int, charted_articles: int,
                      sentence_articles: int, n_articles: int) -> str:
    """The one sentence that tells apart the chapter's counts of articles "mentioning the group"
    (another corpus: the naming lexicon was written for the book's original topic)."""
    return (f"Of the {n_articles:,d} articles, {lexicon_articles:,d} match some entry of the naming lexicon (a name, a "
            f"descriptor such as *the group* or a member noun such as *fighters*), {naming_articles:,d} name the group by "
            f"one of its names (ISIS, ISIL, IS, Islamic State or Daesh), {charted_articles:,d} use one of the four the "
            "names chart draws (it has no panel for *IS*), and "
            f"{sentence_articles:,d} {'has' if sentence_articles == 1 else 'have'} a sentence whose mention of the group "
            "is one of its names, the sentences counted here.")


def group_absent_text(n_articles: int) -> str:
    """The one sentence a chapter gives when no article names the group."""
    from ..prose import count_noun

    which = "The article" if n_articles == 1 else f"No article (of {n_articles:,d})"
    verb = "does not name" if n_articles == 1 else "names"
    where = "the text" if n_articles == 1 else "these texts"
    return (f"{which} {verb} the group of the naming lexicon, written for the book's original topic, by one of its "
            f"names, so no sentence is counted as mentioning it: *the group* or *the organization* in {where} is some "
            "other group.")


def enough_sentences(values: pd.Series, sentences: pd.Series, minimum: int = MIN_GROUP_SENTENCES) -> pd.Series:
    """``values`` (per file) of the articles with at least ``minimum`` sentences behind them."""
    keep = sentences.reindex(values.index).fillna(0) >= minimum
    return values[keep]


def spread_text(values: pd.Series, spec: str, *, one: str, equal: str, spread: str, names: dict[str, str] | None = None,
                verb: tuple[str, str] = ("is", "are")) -> str:
    """A sentence about a per-article value that reads right for one article, for equal values and
    for a spread: ``one`` and ``equal`` are templates with ``{value}`` (and ``{name}``); ``spread``
    has ``{low}``, ``{high}``, ``{low_name}`` and ``{high_name}`` (tied articles all named, or the
    first and how many others: ``tied_names``), and ``{low_verb}`` and ``{high_verb}``, ``verb``'s
    singular or plural to agree with them ("A and one other article carry the fewest"). Values are
    compared as printed."""
    from ..prose import agrees

    present = values.dropna()
    if present.empty:
        return ""
    names = names or {}
    low, high = format(present.min(), spec), format(present.max(), spec)
    if len(present) == 1:
        return one.format(value=low, name=names.get(present.index[0], present.index[0]))
    if low == high:
        return equal.format(value=low)
    ends = {}
    for end, lowest in (("low", True), ("high", False)):
        bracketed = "({" + end + "_name})" in spread  # a list inside brackets points to the table after a semicolon
        ends[f"{end}_name"] = tied_names(present, names, spec, lowest=lowest, k=1, bracketed=bracketed)
        ends[f"{end}_verb"] = agrees(len(tied_files(present, spec, lowest)), *verb)
    return spread.format(low=low, high=high, **ends)


def recasens_rate_text(rates: pd.Series, top: str) -> str:
    """The NPOV list's rate per 1,000 narrative words as a sentence that reads right for one
    article, for equal rates and for a spread ("fires on 5 to 52 of every 1,000 narrative words,
    about one word in 19 to 200, and its most frequent entries here are ...")."""
    present = rates.dropna()
    positive = present[present > 0]
    if positive.empty:
        return "The NPOV list fires on no narrative word of this corpus."
    low, high = f"{present.min():.0f}", f"{present.max():.0f}"
    one_low, one_high = f"{1000 / positive.max():.0f}", f"{1000 / positive.min():.0f}"
    one_in = one_low if one_low == one_high else f"{one_low} to {one_high}"
    if len(present) == 1:
        rate = f"{low} of every 1,000 narrative words of the article"
    elif low == high:
        rate = f"{low} of every 1,000 narrative words in every article"
    else:
        rate = f"{low} to {high} of every 1,000 narrative words"
    return (f"The NPOV list fires on {rate}, about one word in {one_in}, and its most frequent entries here are "
            f"{top}, mostly neutral words of reporting.")


def flagged_text(flagged: int, sentences: int, shares: pd.Series) -> str:
    """How many sentences the loaded-language model flags, and the range of the share over the
    articles, for one article or many ("from 14% to 14%" is never written)."""
    from ..prose import count_noun

    present = shares.dropna()
    head = f"The model flags {flagged:,d} of the {count_noun(sentences, 'sentence')}"
    if present.empty:
        return head + "."
    low, high = f"{present.min():.0%}", f"{present.max():.0%}"
    if len(present) == 1:
        return head + f" ({low})."
    if low == high:
        return head + f", {low} of every article's."
    return head + f", from {low} to {high} of an article's."


def few_sentences_text(sentences: int, what: str, minimum: int = MIN_GROUP_SENTENCES) -> str:
    """The sentence given in place of a range when no article has ``minimum`` sentences that
    mention the group (``what``: "share" or "tone"), or none is counted at all."""
    if not sentences:
        return ("No sentence of this corpus is counted as mentioning the group, so there is no "
                + ("share of agents" if what == "share" else "tone toward it") + " to give.")
    return (f"No article has {minimum:,d} or more sentences that mention the group, so no article's "
            + ("agent share" if what == "share" else "tone toward it")
            + " is singled out: a few sentences are lines to read, not an article's habit.")


def extremes_rule_text(values: pd.Series, sentences: pd.Series, minimum: int = MIN_GROUP_SENTENCES) -> str:
    """The sentence that says which articles a range over the group's sentences may name
    (``enough_sentences``), with how many it leaves unnamed: "An article is named at an end of the
    range only when at least 10 of its sentences mention the group (4 articles with fewer are not
    named): below that, each sentence carries more than a tenth of an article's value." "" when no article has a
    value."""
    from ..prose import count_noun

    present = values.dropna()
    if present.empty:
        return ""
    fewer = int((sentences.reindex(present.index).fillna(0) < minimum).sum())
    unnamed = (f" ({count_noun(fewer, 'article')} with fewer {'is' if fewer == 1 else 'are'} in the table, not named)"
               if fewer else "")
    return (f"An article is named at an end of the range only when at least {minimum:,d} of its sentences mention "
            f"the group{unnamed}: below that, each sentence carries more than a tenth of an article's value.")


# The pair check's negatives are generated from the seeds' own words (shuffled, or a word chain):
# when they pair among themselves this often, the seeds hold too few words for them to be unrelated,
# and the pair figures measure the generator, not the audit.
MAX_FALSE_PAIRS_PER_UNRELATED_TEXT = 0.1
# Below this share of the versions found, the pair figures are given with the share missed.
PAIR_RECALL_NOTED = 0.9


def republication_check_pairs_text(check: dict) -> str:
    """The pair part of the republication check as a sentence, for any corpus: the figures when
    they test the search; a note instead of them when the check's unrelated texts, generated from
    the corpus's own few words, are not unrelated (one short seed: thousands of "false pairs" that
    are copies of one vocabulary); the share missed when the search misses many versions."""
    from ..prose import count_noun

    texts, republications = int(check["pair_texts"]), int(check["pair_republications"])
    unrelated, expected = int(check["unrelated_texts"]), int(check["pairs_expected"])
    correct, false = int(check["pairs_correct"]), int(check["false_pairs"])
    with_unrelated = int(check.get("false_pairs_with_unrelated", false))
    searched = (f"For the pairs, the search ran over {texts:,d} texts: the seeds, {republications:,d} of the "
                "republications, each seed's first half (a trimmed copy) and "
                f"{unrelated:,d} unrelated texts (each seed's words shuffled, and texts generated by a word chain over "
                "the seeds' words, with their vocabulary but none of their stories).")
    if unrelated and with_unrelated > MAX_FALSE_PAIRS_PER_UNRELATED_TEXT * unrelated:
        seeds = int(check.get("seeds", 0))
        which = "one article" if seeds == 1 else count_noun(seeds, "article")
        return (searched + f" Here the seeds are {which} of this corpus, too little text for texts made from their "
                f"words to be unrelated: {with_unrelated:,d} pairs join such a text to another text, so the search's "
                "figures on these texts say how alike the generated texts are, not how well the audit finds versions "
                "of one story, and they are not given as a check. The calibration on PolNeAR, above, is the evidence "
                "for the threshold.")
    found = (f" It found {correct:,d} of the {expected:,d} pairs of versions of one story and "
             f"{count_noun(false, 'pair')} of different texts.")
    if expected and correct < PAIR_RECALL_NOTED * expected:
        found += (f" It misses {1 - correct / expected:.0%} of the versions of one story made from this corpus's "
                  "articles: on texts like these, versions of one story can go unpaired, and the pairs the audit "
                  "lists are a lower bound.")
    return searched + found


# --- why a name's article count here can differ from a match of its words (referee R3) -------------

def name_rule_text(names: pd.DataFrame, cleaned: pd.DataFrame, k: int = 5) -> str:
    """One sentence on the name rule's count against a plain match of the name's words, for the
    ``k`` names the chapter lists first (``framing_report.corpus_names``): a name counts in an
    article only where the text layer reads it as a name, and in a line written in title case (a
    headline run into the text) every word is capitalised, so the layer reads ordinary words there;
    a match of the words wherever they stand, in any case (``themes.dispersion_matcher``, the themes
    chapter's dispersion plot), counts those lines too. "" when the two agree for every name."""
    from ..measures import themes
    from ..prose import count_noun, english_list

    top = [str(n) for n in names["Name"].head(k)] if len(names) else []
    if not top:
        return ""
    # each name matched alone, so that no other listed name takes its words
    positions = pd.concat([themes.positions_table(cleaned, {name: [name]}) for name in top], ignore_index=True)
    anywhere = positions.groupby("term")["file"].nunique()
    standalone = names.set_index("Name")["Articles"]
    differ = [(n, int(standalone[n]), int(anywhere.get(n, 0))) for n in top if int(anywhere.get(n, 0)) != int(standalone[n])]
    if not differ:
        return ""
    name, alone, words = differ[0]
    more = ("" if len(differ) == 1 else
            f"; {english_list([f'{n} ({a:,d} against {w:,d})' for n, a, w in differ[1:]])} differ the same way")
    return (f"A name counts in an article only where the text layer reads it as a name: in a line written in title "
            "case, such as a headline run into the text, every word is capitalised and the layer reads ordinary words. "
            f"So *{name}* counts in {count_noun(alone, 'article')} here, while its words occur in {words:,d}, which "
            f"is what a match of the words wherever they stand, such as the themes chapter's dispersion plot, "
            f"counts{more}.")


def pos_example_text(forces_word: int, forces_as_verb: int, verb_narrative: int, verb_forms=()) -> str:
    """The part-of-speech example of the Recasens paragraph, chosen by the counts: *forces* as a
    noun, which would count as the implicative verb *force* without the part-of-speech check, only
    when the check leaves some of its uses out (else no example: there is nothing to show), then
    the pointer to the table of entries."""
    from ..overview import times

    left_out = forces_word - forces_as_verb
    table = "The table above names the entries behind every rate"
    if left_out <= 0:
        return table + "."
    from ..prose import english_list

    example = " (as in *security forces*)"
    which = (f"always tagged as the noun{example}" if left_out == forces_word else
             f"{left_out:,d} of them tagged as the noun{example}")
    forms = sorted({str(f).lower() for f in verb_forms})
    as_forms = f" as {english_list([f'*{f}*' for f in forms])}" if forms and verb_narrative else ""
    fires = (f"fires {times(verb_narrative)} in the narrative{as_forms} (its lines are below)" if verb_narrative
             else "never fires in the narrative")
    return (f"In these texts the word *forces* occurs {times(forces_word)}, {which}: "
            f"without the check those uses would count as the implicative verb *force*, which {fires}."
            + " " + table + " so that such cases can be seen.")


def republication_check_where_text(check: dict, committed: dict, original: bool) -> str:
    """Which corpus the republication check's figures describe: this corpus's articles (the check
    runs on them when the book is built); for another corpus, the committed check on the book's
    original five articles (the appendix's figures) beside them, so two sets of numbers are never
    read as one."""
    if original:
        return ""
    return (f" These figures are measured on this corpus, when the book is built, from "
            f"{int(check['seeds']):,d} of its articles. The appendix's figures for the same check ("
            f"{int(committed['republications']):,d} republications, {int(committed['known_edits']):,d} known edits, "
            f"precision {committed['precision']:.1%}, recall {committed['recall']:.1%}) were measured on the book's "
            "original five articles, the ones the book's own validation run scores; the threshold's calibration "
            "above is on PolNeAR.")


def left_out_terms_text(dropped: pd.DataFrame, names: dict[str, str] | None = None,
                        among: str = "ten most distinctive terms", outlets: bool = False,
                        per_text: int = 5, texts: int = 3) -> str:
    """``keyness.left_out_text``'s rule, with the terms it keeps off this corpus's lists grouped by
    text (an outlet or an article, named by ``names``): "here that keeps 15 terms off the lists,
    among them Breitbart News, Bolton and Brafman (all Breitbart)". At most ``per_text`` terms of
    each of the ``texts`` texts with the most are named; the rest are counted."""
    from ..measures import keyness
    from ..prose import count_noun, english_list

    if dropped.empty:
        return keyness.left_out_text(dropped, names, among=among, outlets=outlets)
    rule = keyness.left_out_text(dropped.iloc[0:0], among=among, outlets=outlets)
    rule = rule[:rule.rindex("; no text of this corpus")]
    names = names or {}
    groups = dropped.groupby("file", sort=False)["term"].apply(lambda t: list(dict.fromkeys(t)))
    groups = groups.iloc[sorted(range(len(groups)), key=lambda k: -len(groups.iloc[k]))]  # stable: most terms first
    parts = [f"{english_list(terms[:per_text])} ({'all ' if len(terms) > 1 else ''}{names.get(f, f)})"
             for f, terms in list(groups.items())[:texts]]
    named = sum(min(len(terms), per_text) for terms in groups.iloc[:texts])
    total = int(groups.map(len).sum())
    joined = "; ".join(parts) if len(parts) > 1 else parts[0]
    if named == total:
        return rule + f"; here that keeps {count_noun(total, 'term')} off the lists: {joined}."
    return rule + f"; here that keeps {count_noun(total, 'term')} off the lists, among them {joined}."


def credits_counted_text(dropped: int, changed: int, n_articles: int) -> str:
    """The log-odds lists' counts leave out what the themes chapter's word counts leave out
    (``keyness.credit_free``): one sentence with what that took out of this corpus
    (``keyness.credits_left_out``'s paragraphs dropped whole and articles changed)."""
    from ..cleaning.cleaned import MIN_ARTICLES_FOR_REPEAT
    from ..prose import count_noun

    rule = ("As in the themes chapter, credits are not counted: a paragraph an outlet prints word for word in "
            f"{MIN_ARTICLES_FOR_REPEAT:,d} or more of its articles (a sign-off, a standing editor's note), wire "
            "signatures, photo credits, datelines in capitals, links and handles are left out of these counts")
    if not changed:
        return rule + "; no article of this corpus has one."
    whole = f" ({count_noun(dropped, 'paragraph')} left out whole)" if dropped else ""
    return rule + f"; here that changes {changed:,d} of the {count_noun(n_articles, 'article')}{whole}."
