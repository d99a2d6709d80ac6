"""Findings at a glance: each article's profile across the chapters, side by side.

Nothing here measures anything: every value is read from the table a chapter builds (the same
table function the chapter's notebook calls), then joined on ``file``. Sentences that name an
article are built from that joined table, so they stay true when the corpus changes.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from pathlib import Path

import pandas as pd

from .corpus import is_article_name
from .measures import framing, places, readability, republication, themes
from .paths import DATA_DIR, find_seeds_dir
from .overview import by_article_name
from .labels import article_names
from .prose import count_noun, english_list, top_k_list
from . import units

# Pairwise comparison of articles (every pair, bootstrapped twice, under several sensitivity
# variants) is for a handful of articles compared one by one; beyond this many the number of
# pairs (n(n-1)/2) is no longer something a reader can take in, and the unit is the outlet anyway.
MAX_PAIRWISE_ARTICLES = 40
# An article is said to carry "the most" of something per 1,000 words only if it has this many
# words: in a shorter one a single attribution or quotation moves the rate by several points (one
# quotation in a 193-word brief is 5.2 per 1,000), and a count carries no interval to say so.
MIN_WORDS_FOR_SUPERLATIVE = 300
# Beyond this many articles the findings table shows this many of them, spread over the outlets,
# and the whole table is a CSV download (a page of 900 rows is read by nobody and weighs a megabyte).
MAX_STYLED_ROWS = 40
SHOWN_ROWS = 20
# The outlet differences table shows the largest this many; the CSV has them all.
SHOWN_DIFFERENCES = 20
# Below this many articles in a typical outlet, the screen passes only large differences: two
# intervals of n articles each stop overlapping at about d > 3.92/sqrt(n), 0.8 (large) at n = 24.
FEW_ARTICLES_FOR_SIZE = 24

ORIGINAL_CORPUS = DATA_DIR / "original_corpus.csv"
# The labels counted as the group's name in the "Daesh" share (the other labels are descriptions).
DAESH = "daesh"
ISIS_NAMES = ["isis", "isil", "is", "islamic_state"]


def original_digests() -> dict[str, str]:
    """File name -> SHA-256 of the five articles the book's prose was written about."""
    lines = [l for l in ORIGINAL_CORPUS.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return {row["file"]: row["sha256"] for row in csv.DictReader(lines)}


def corpus_digests(seeds_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """File name -> SHA-256 of every article file (``.txt`` or ``.html``) in the corpus folder."""
    folder = find_seeds_dir(seeds_dir)
    files = sorted(p for p in Path(folder).iterdir() if is_article_name(p.name))
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def is_original_corpus(seeds_dir: str | os.PathLike | None = None) -> bool:
    """True when the corpus folder holds exactly the original five articles, byte for byte."""
    folder = Path(find_seeds_dir(seeds_dir)).resolve()
    if not folder.is_dir():  # no corpus (a bare book being tested): not the original five
        return False
    names = sorted(p.name for p in folder.iterdir() if is_article_name(p.name))
    if names != sorted(original_digests()):  # cheap: an archive is never read just to say no
        return False
    return corpus_digests(folder) == original_digests()


def original_files_in_corpus(seeds_dir: str | os.PathLike | None = None) -> list[str]:
    """The original five articles the corpus folder holds byte for byte (under any file name),
    named as ``original_corpus.csv`` names them: all five when the corpus extends the original."""
    folder = Path(find_seeds_dir(seeds_dir)).resolve()
    if not folder.is_dir():
        return []
    here = set(corpus_digests(folder).values())
    return [file for file, digest in original_digests().items() if digest in here]


def daesh_share(table: pd.DataFrame) -> pd.Series:
    """Of the narrative's names for the group (ISIS, ISIL, IS, Islamic State, Daesh), the share
    that is "Daesh"; NaN when the narrative names the group none of these ways."""
    daesh = table[f"label_{DAESH}_narrative"]
    total = daesh + sum(table[f"label_{n}_narrative"] for n in ISIS_NAMES)
    return (daesh / total.where(total > 0)).astype(float)


def top_themes(rates: pd.DataFrame, shared: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's most frequent theme (per 1,000 words) from the themes chapter's rates, the
    runner-up, and whether the top one stands clear: its interval above every other theme's, and,
    given ``shared`` (``themes.shared_term_intervals``), still so without the terms found in one
    article only (the chapter's rule: nothing rests on one text's own words)."""
    label = lambda theme: themes.THEME_LABELS.get(theme, theme)
    rows = []
    for file, article in rates.groupby("file", sort=False):
        ranked = article.sort_values("rate", ascending=False, kind="stable")
        top, rest = ranked.iloc[0], ranked.iloc[1:]
        clear = bool(rest.empty or top["low"] > rest["high"].max())
        if shared is not None and not rest.empty:
            mine = shared[shared["file"] == file].set_index("theme")
            clear = clear and bool(mine.loc[top["theme"], "low"] > mine.drop(index=top["theme"])["high"].max())
        rows.append({"file": file, "top_theme": label(top["theme"]), "top_theme_rate": top["rate"],
                     "next_theme": label(rest.iloc[0]["theme"]) if len(rest) else None,
                     "top_theme_clear": clear})
    return pd.DataFrame(rows, columns=["file", "top_theme", "top_theme_rate", "next_theme", "top_theme_clear"])


def findings_table(cleaned: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """One row per article, ``file`` first: outlet, reading grade (Flesch–Kincaid, 95% interval),
    the "Daesh" share of the narrative's names, named and unnamed sources, quotations, mean VADER
    tone, top theme and distinct places, each copied from its chapter's table. The grades'
    pairwise comparison rides along in ``attrs["grade_pairs"]`` for :func:`findings_sentences`."""
    scores, sentences = readability.readability_tables(cleaned)
    grade = scores[["file", "kincaid_grade", "kincaid_grade_low", "kincaid_grade_high"]]
    frame = framing.framing_table(cleaned)
    framed = frame[["file", "sources_named", "sources_unnamed", "quotations", "vader_compound_mean"]].assign(
        daesh_share=daesh_share(frame).to_numpy())
    mentions = places.as_places(places.places_table(cleaned))  # a capital read as its government is no place
    placed = mentions.groupby("file")["place"].nunique().rename("places").reset_index()
    table = (overview[["file", "outlet", "date_label"]]
             .merge(grade, on="file", how="left", validate="1:1")
             .merge(framed, on="file", how="left", validate="1:1")
             .merge(top_themes(themes.rate_intervals_table(cleaned), themes.shared_term_intervals(cleaned)),
                    on="file", how="left", validate="1:1")
             .merge(placed, on="file", how="left", validate="1:1"))
    table["places"] = table["places"].fillna(0).astype(int)
    # wire copy (an agency's story under the outlet's name), by its credits: shown apart, and left
    # out of the outlet comparisons (``outlet_findings``)
    wire = republication.wire_copy(overview, cleaned)
    table = table.merge(wire[["file", "agency"]].rename(columns={"agency": "wire_agency"}),
                        on="file", how="left", validate="1:1")
    table["wire_agency"] = table["wire_agency"].fillna("")
    # whether the theme dictionary (conflict events) speaks to this corpus: if not, no top theme
    # is named (the themes chapter's own rule)
    counted = themes.themes_table(cleaned)  # counts and rates, one pass over the texts
    rates = counted[["file", *themes.THEMES]]
    share = themes.conflict_share(counted)  # with the matches: a lone match is no reporting
    table.attrs["conflict_news"] = share["conflict"]
    table.attrs["conflict_articles"] = share["articles"]  # how many texts reach the conflict rate
    # of those, the ones that reach it on a word or two (file -> the words): in a short text that
    # makes a rate, not a topic, and the sentences say so
    # (the matched words are read again only for those few articles, not for the whole corpus)
    totals = counted.set_index("file")[[f"{t}_n" for t in themes.THEMES]].sum(axis=1)
    reached = themes.conflict_reached(counted.set_index("file"))  # the rule conflict_share counts by
    few_files = totals.index[reached.reindex(totals.index, fill_value=False) & (totals > 0)
                             & (totals <= FEW_THEME_MATCHES)]
    terms = themes.theme_terms_table(cleaned[cleaned["file"].isin(few_files)])
    table.attrs["conflict_few_matches"] = few_match_conflict(counted, terms)
    table.attrs["conflict_few_counts"] = few_match_counts(terms, table.attrs["conflict_few_matches"])
    # transcripts (speaker turns: "TAPPER: ...") and translations, said beside a superlative
    table["speaker_turns"] = table[["file"]].merge(
        pd.DataFrame({"file": cleaned["file"], "turns": [transcript_turns(p) for p in cleaned["paragraphs"]]}),
        on="file", how="left")["turns"].fillna(0).astype(int).to_numpy()
    table["translation"] = translation_words(overview, table["file"])
    # pages whose text lost its breaks, and texts under readability.MIN_RANKED_WORDS words, are
    # described, never ranked or compared on reading grade (file -> why): the readability chapter's rule
    from .cleaning.report import unbroken_files

    table.attrs["unsegmented"] = readability.unranked_files(scores, unbroken_files(cleaned))
    if units.comparison_unit(overview) == units.ARTICLE and len(table) <= MAX_PAIRWISE_ARTICLES:
        # the readability chapter's corrected pairwise comparison (of the articles it ranks), so the
        # sentences rank only what exceeds the noise
        ranked = readability.ranked(sentences, table.attrs["unsegmented"])
        table.attrs["grade_pairs"] = readability.pairwise_differences(ranked, "kincaid_grade")
        # and its sensitivity check, so the sentences say whether those separations hold
        table.attrs["grade_sensitivity"] = readability.sensitivity_pairs(ranked, "kincaid_grade")
    return table


# A transcript (a broadcast interview, a debate) is a run of speaker turns, each line opening with
# the speaker's name in capitals and a colon ("JAKE TAPPER: ...", "FALLIN: ..."). Its turns are
# speech, not the outlet's sourcing, so it is not ranked on sources or quotations per 1,000 words.
SPEAKER_TURN = re.compile(r"^[A-Z][A-Z.'’\- ]{1,30}:\s")
MIN_SPEAKER_TURNS = 3   # lines that open with a speaker's name in capitals
MIN_SPEAKERS = 2        # different speakers among them
MIN_TURN_SHARE = 0.2    # of the article's paragraphs


def speaker_turns(paragraphs) -> list[str]:
    """The speaker names of the paragraphs that open like a transcript's turn ("TAPPER:")."""
    return [m.group(0).rstrip(": \t") for p in (paragraphs or []) if (m := SPEAKER_TURN.match(str(p).lstrip()))]


def transcript_turns(paragraphs) -> int:
    """How many paragraphs are speaker turns, if the article reads as a transcript (at least
    ``MIN_SPEAKER_TURNS`` turns, by ``MIN_SPEAKERS`` speakers, making up ``MIN_TURN_SHARE`` of its
    paragraphs); 0 otherwise."""
    turns = speaker_turns(paragraphs)
    n = len(paragraphs or [])
    if len(turns) >= MIN_SPEAKER_TURNS and len(set(turns)) >= MIN_SPEAKERS and n and len(turns) / n >= MIN_TURN_SHARE:
        return len(turns)
    return 0


def translation_words(overview: pd.DataFrame, files) -> list[str]:
    """"a translation", "probably a translation", "possibly a translation" or "" for each file,
    from the corpus chapter's translation status (``report.translation_status``)."""
    from .report.translation_status import POSSIBLY_TRANSLATED, PROBABLY_TRANSLATED, TRANSLATED, translation_status

    if not {"file", "outlet"} <= set(overview.columns):
        return [""] * len(list(files))
    status = translation_status(overview).set_index("file")["status"]
    words = {**{s: "a translation" for s in TRANSLATED}, **{s: "probably a translation" for s in PROBABLY_TRANSLATED},
             **{s: "possibly a translation" for s in POSSIBLY_TRANSLATED}}
    return [words.get(status.get(f, ""), "") for f in files]


# An article that reaches the conflict rate (``themes.CONFLICT_RATE``) on this many matched words
# or fewer, in all its themes, does so because it is short: a word or two (one of them perhaps in
# another sense, "regain control") make a rate, not a topic, and the sentences say so.
FEW_THEME_MATCHES = 2


def few_match_conflict(rates: pd.DataFrame, terms: pd.DataFrame, most: int = FEW_THEME_MATCHES) -> dict[str, list[str]]:
    """The articles that reach ``themes.CONFLICT_RATE`` on at most ``most`` matched words in all:
    file -> the dictionary terms matched (stems without their ``*``)."""
    reaches = themes.conflict_reached(rates.set_index("file"))  # the rule of themes.conflict_share
    reached = reaches.index[reaches]
    matched = terms[terms["count"] > 0]
    out = {}
    for file in reached:
        found = matched[matched["file"] == file]
        if 0 < int(found["count"].sum()) <= most:
            out[file] = sorted({str(term).rstrip("*") for term in found["term"]})
    return out


def few_match_counts(terms: pd.DataFrame, files) -> dict[str, int]:
    """How many dictionary matches each of ``files`` has in all."""
    matched = terms[terms["count"] > 0]
    totals = matched.groupby("file")["count"].sum()
    return {f: int(totals.get(f, 0)) for f in files}


# The measures compared between outlets in the conclusions: column -> (heading, format).
# Counts become rates per 1,000 words first: a longer article quotes more without quoting more
# often.
OUTLET_MEASURES = {
    "kincaid_grade": ("Reading grade", ".1f"),
    "sources_named": ("Named sources per 1,000 words", ".1f"),
    "sources_unnamed": ("Unnamed sources per 1,000 words", ".1f"),
    "quotations": ("Quotations per 1,000 words", ".1f"),
    "vader_compound_mean": ("Mean tone (VADER)", "+z.2f"),  # z: no "-0.00"
    "places": ("Places named per 1,000 words", ".1f"),
}
PER_THOUSAND_WORDS = ["sources_named", "sources_unnamed", "quotations", "places"]
# The measures that rest on the attribution extractor. Its recall differs between outlets (on
# PolNeAR, the only corpus scored outlet by outlet), so an outlet can look as if it quoted more
# only because the extractor reads its style better: a pair of outlets is stated on these measures
# only if its ratio of means exceeds the extractor's recall ratio (``extractor_recall_ratio``).
EXTRACTOR_MEASURES = ["sources_named", "sources_unnamed", "quotations"]
# Measures shown by outlet but never stated as outlet differences: the place matcher (aliases
# written for the book's original articles, a GeoNames extract for the rest) has not been checked
# against a hand count on other news, so its rates describe; they are no finding about an outlet.
DESCRIPTIVE_MEASURES = ["places"]
_NOT_OUTLET_RECALL = ("speech_cue_recall", "cue_recall")  # the validation's pooled recalls


def extractor_recall() -> dict[str, float]:
    """The attribution extractor's recall per PolNeAR outlet, read from the committed validation
    summary (``data/validation/summary.json``: ``<outlet>_recall``)."""
    from .validation.report import summary

    scores = summary()["attribution"]
    return {k.removesuffix("_recall"): float(v) for k, v in scores.items()
            if k.endswith("_recall") and k not in _NOT_OUTLET_RECALL}


def extractor_recall_ratio(recall: dict[str, float] | None = None) -> float:
    """Highest over lowest recall across outlets: how far apart two outlets' rates can be from the
    extractor alone."""
    recall = extractor_recall() if recall is None else recall
    return max(recall.values()) / min(recall.values())


def extractor_sentence(recall: dict[str, float] | None = None) -> str:
    """One sentence: which outlet pairs the extractor's unevenness keeps from being stated."""
    recall = extractor_recall() if recall is None else recall
    return (f"The attribution extractor finds between {min(recall.values()):.0%} and {max(recall.values()):.0%} of "
            f"the annotated attributions depending on the outlet (on PolNeAR's {len(recall):,d} US outlets), so on "
            f"sources and quotations a pair of outlets is stated only if one's mean is more than "
            f"{extractor_recall_ratio(recall):.2f} times the other's: a smaller gap is within the extractor's own "
            "unevenness and may come from how it reads an outlet's style, not from how much the outlet quotes.")


def outlet_findings(table: pd.DataFrame, overview: pd.DataFrame, *, include_wire: bool = False) -> pd.DataFrame:
    """The findings table by outlet: ``units.outlet_summary`` of each measure in
    ``OUTLET_MEASURES``, counts as rates per 1,000 words of the cleaned text (a row per outlet and
    measure, with the interval from resampling the outlet's articles). Wire copy (``wire_agency``
    set: an agency's story under the outlet's name) is left out unless ``include_wire``: an outlet
    is compared on its own writing; ``attrs["wire_excluded"]`` says how many articles that was."""
    words = table[["file"]].merge(overview[["file", "clean_words"]], on="file", how="left")["clean_words"]
    words = words.where(words > 0).to_numpy(dtype=float)
    rates = table.assign(**{column: table[column].to_numpy(dtype=float) / words * 1000
                            for column in PER_THOUSAND_WORDS})
    # a page that lost its sentence breaks has no meaningful grade: left out of its outlet's
    unsegmented = list(table.attrs.get("unsegmented") or {})
    rates.loc[rates["file"].isin(unsegmented), "kincaid_grade"] = float("nan")
    wire = rates["wire_agency"].fillna("").astype(bool) if "wire_agency" in rates else pd.Series(False, index=rates.index)
    if not include_wire:
        rates = rates[~wire.to_numpy()]
    summary = units.outlet_summary(rates, overview[["file", "outlet"]], list(OUTLET_MEASURES))
    summary.attrs["wire_excluded"] = 0 if include_wire else int(wire.sum())
    return summary


def _month(date, precision: str) -> str:
    return f"{date.year}" if precision == "year" else f"{date:%B} {date.year}"


def sample_span(overview: pd.DataFrame) -> str:
    """How many articles the corpus holds per outlet and over what span of time, as a phrase:
    "from 131 to 132 articles per outlet, a median of 132, published from November 2015 to October 2016".
    What an outlet comparison can stand on, said with the corpus's own numbers."""
    counts = units.articles_per_outlet(overview)
    if counts.empty:
        return "no articles"
    if counts.min() == counts.max():
        per = "one article from each outlet" if counts.max() == 1 else f"{counts.max():,d} articles from each outlet"
    elif units.comparison_unit(overview) == units.OUTLET:
        per = f"from {counts.min():,d} to {counts.max():,d} articles per outlet, a median of {counts.median():,.0f}"
    else:
        top = counts[counts == counts.max()].index.tolist()
        per = f"at most {counts.max():,d} articles from one outlet ({top_k_list(top, k=3)})"
    dated = overview.assign(published=pd.to_datetime(overview.get("published"), errors="coerce")).dropna(subset=["published"])
    if dated.empty:
        return per + ", of unknown dates"
    first, last = dated.loc[dated["published"].idxmin()], dated.loc[dated["published"].idxmax()]
    precision = lambda row: str(row.get("date_precision", "day"))
    a, b = _month(first["published"], precision(first)), _month(last["published"], precision(last))
    undated = len(overview) - len(dated)
    when = f"published in {a}" if a == b else f"published from {a} to {b}"
    return per + f", {when}" + (f" ({count_noun(undated, 'article')} undated)" if undated else "")


def agency_name(agency: str) -> str:
    """"the Associated Press", "Reuters": an agency's name as a sentence says it."""
    return f"the {agency}" if agency == "Associated Press" else agency


def wire_sentence(table: pd.DataFrame, outlets_compared: bool = True) -> str:
    """How many articles are wire copy, by whom, and what the comparisons do with them (left out
    of the comparison of outlets; where articles are compared, named as wire copy)."""
    agencies = table.get("wire_agency", pd.Series(dtype=str)).fillna("")
    wire = agencies[agencies != ""]
    if wire.empty:
        return ("No article is credited to a news agency or another outlet (by a dateline credit such as "
                "\"WASHINGTON (AP) —\" naming an organisation other than the article's own outlet, a byline, a "
                "wire signature such as \"The-CNN-Wire\", an AP \"The Latest\" headline or its origin in "
                "sources.csv), so none is set apart as wire copy.")
    counts = wire.value_counts()
    by = (english_list([f"{n:,d} to {agency_name(agency)}" for agency, n in counts.items()]) if len(counts) > 1
          else f"to {agency_name(counts.index[0])}")
    outlets = ""
    if "outlet" in table:
        per_outlet = table.loc[wire.index, "outlet"].value_counts()
        outlets = (f", published by {per_outlet.index[0]}" if len(wire) == 1 else
                   f", published by {top_k_list([f'{o} ({n:,d})' for o, n in per_outlet.items()], k=3)}")
    n = len(wire)
    who = "The one article is" if len(table) == 1 else f"{count_noun(n, 'article')} of {len(table):,d} {'is' if n == 1 else 'are'}"
    return (f"{who} wire copy, credited {by} (by a dateline credit, byline, wire signature, headline or sources.csv origin){outlets}; "
            + (f"an agency's story says how the agency writes, so the outlet comparisons leave {'it' if n == 1 else 'them'} out."
               if outlets_compared else
               f"an agency's story says how the agency writes, so where {'it leads' if n == 1 else 'one leads'} a "
               "comparison of articles it is named as wire copy."))


def reader_outlet_findings(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet (most articles first), a column per measure: "mean (low–high)", or the
    mean alone where the outlet has too few articles for an interval. A cell computed over fewer of
    the outlet's articles than its "Articles" count (texts under 100 words have no reading grade)
    says over how many, so a mean is never credited to articles it leaves out."""
    most = summary.groupby("outlet")["articles"].transform("max")

    def cell(row) -> str:
        spec = OUTLET_MEASURES[row["measure"]][1]
        if row["mean"] != row["mean"]:
            return "no value"
        over = (f"{int(row['articles']):,d} {'article' if int(row['articles']) == 1 else 'articles'}"
                if row["articles"] == row["articles"] and row["articles"] < most[row.name] else "")
        if row["low"] != row["low"]:
            return format(row["mean"], spec) + (f" ({over})" if over else "")
        return (f"{format(row['mean'], spec)} ({format(row['low'], spec)} to {format(row['high'], spec)}"
                + (f"; {over})" if over else ")"))

    shown = summary.assign(cell=summary.apply(cell, axis=1))
    wide = shown.pivot(index="outlet", columns="measure", values="cell")[list(OUTLET_MEASURES)]
    wide.columns = [OUTLET_MEASURES[c][0] for c in wide.columns]
    counts = summary.groupby("outlet")["articles"].max().rename("Articles")
    wide = pd.concat([counts, wide], axis=1)
    return wide.sort_values("Articles", ascending=False, kind="stable").rename_axis("Outlet")


def outlet_findings_sentences(summary: pd.DataFrame) -> list[str]:
    """For each measure, the pairs of outlets whose intervals do not overlap, with how large the
    differences are (the range of Cohen's d, and the largest pair's difference with its interval),
    or that no outlet stands apart: claims about outlets only where the resampled articles carry
    them, and never without their size."""
    out = []
    with_interval = summary.dropna(subset=["low"])["outlet"].nunique()
    if with_interval < 2:
        return [f"Fewer than two outlets have the {units.MIN_ARTICLES_FOR_INTERVAL} articles an interval "
                "needs, so no difference between outlets is stated."]
    quiet, within, described = [], [], []
    for measure, (heading, spec) in OUTLET_MEASURES.items():
        pairs = _stated_pairs(summary, measure)
        name = heading[0].lower() + heading[1:]
        if measure in DESCRIPTIVE_MEASURES:
            apart = len(units.separated_outlets(summary, measure))
            if apart:
                described.append((name, apart))
            else:
                quiet.append(name)
            continue
        if pairs.empty:
            if measure in EXTRACTOR_MEASURES and len(units.separated_outlets(summary, measure)):
                within.append(name)  # separated, but by no more than the extractor's unevenness
            else:
                quiet.append(name)
            continue
        verb = "differs" if len(pairs) == 1 else "differ"
        d = pairs["cohen_d"].dropna()
        sizes = "" if len(d) < 2 else f" (Cohen's d from {d.min():.2f} to {d.max():.2f})"
        top = pairs.iloc[0]
        largest = (f"{top.higher} ({format(top.higher_mean, spec)}) above {top.lower} "
                   f"({format(top.lower_mean, spec)}), {_size_words(top, spec)}")
        lead = "" if len(pairs) == 1 else "the largest, "
        more = "" if len(pairs) == 1 else f"; {count_noun(len(pairs) - 1, 'more pair')} in the table"
        if measure in EXTRACTOR_MEASURES:  # separated pairs left unstated: within the extractor's unevenness
            unstated = len(units.separated_outlets(summary, measure)) - len(pairs)
            if unstated:
                one = unstated == 1
                more += (f"; {count_noun(unstated, 'other pair')} whose intervals stand apart "
                         f"{'differs' if one else 'differ'} by no more than the extractor's unevenness and "
                         f"{'is' if one else 'are'} not stated")
        out.append(f"On {name}, {count_noun(len(pairs), 'pair')} of outlets {verb} beyond the intervals{sizes}: "
                   f"{lead}{largest}{more}.")
    if quiet:
        out.append(f"On {english_list(quiet)}, no outlet's interval stands apart from another's.")
    if within:
        out.append(f"On {english_list(within)}, the outlets whose intervals stand apart differ by no more than the "
                   f"attribution extractor's own unevenness (a factor of {extractor_recall_ratio():.2f}), so no pair "
                   "is stated.")
    for name, apart in described:
        out.append(f"On {name}, the intervals of {count_noun(apart, 'pair')} of outlets stand apart, but the place "
                   "matcher has not been checked against a hand count on news like this, so the outlet table describes "
                   "these rates and no difference is stated.")
    return out


def _stated_pairs(summary: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``units.separated_outlets`` for ``measure``, largest first; a ratio only for the rates (a
    grade or a tone has no true zero, so "3 times the tone" would mean nothing). On a measure of
    the attribution extractor (``EXTRACTOR_MEASURES``), only pairs whose ratio of means exceeds
    ``extractor_recall_ratio``."""
    pairs = units.separated_outlets(summary, measure)
    if measure in DESCRIPTIVE_MEASURES:  # described, never stated
        pairs = pairs.iloc[:0]
    if measure not in PER_THOUSAND_WORDS:
        pairs["ratio"] = float("nan")
    if measure in EXTRACTOR_MEASURES and len(pairs):  # beyond the extractor's unevenness only
        beyond = (pairs["lower_mean"] <= 0) | (pairs["ratio"] > extractor_recall_ratio())
        pairs = pairs[beyond]
    return _by_size(pairs)


def _by_size(pairs: pd.DataFrame) -> pd.DataFrame:
    """Stated pairs, the largest standardised difference first (then the largest difference)."""
    order = pairs["cohen_d"].abs().fillna(-1)
    return pairs.assign(_order=order).sort_values(["_order", "difference"], ascending=False,
                                                  kind="stable").drop(columns="_order").reset_index(drop=True)


def _size_words(pair, spec: str) -> str:
    """"by 4.2 (2.1 to 6.3), 1.5 times as high, d = 1.20 (large)": a pair's size, compactly."""
    unsigned = spec.replace("+", "")
    words = (f"by {format(pair.difference, unsigned)} ({format(pair.difference_low, unsigned)} to "
             f"{format(pair.difference_high, unsigned)})")
    if pair.ratio == pair.ratio and pair.ratio < 100:
        words += f", {pair.ratio:.1f} times as high"
    if pair.cohen_d == pair.cohen_d:
        words += f", d = {pair.cohen_d:.2f} ({units.cohen_size(pair.cohen_d)})"
    return words


def outlet_differences(summary: pd.DataFrame) -> pd.DataFrame:
    """Every stated outlet difference with its size, a row per measure and pair (largest Cohen's
    d first within a measure): the table behind :func:`outlet_findings_sentences`."""
    frames = []
    for measure, (heading, _spec) in OUTLET_MEASURES.items():
        pairs = _stated_pairs(summary, measure)
        if len(pairs):
            frames.append(pairs.assign(measure=heading))
    columns = ["measure", *units.PAIR_COLUMNS]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def reader_outlet_differences(differences: pd.DataFrame) -> pd.DataFrame:
    """``outlet_differences`` with reader headings and numbers as text ("" where none)."""
    def number(value, spec):
        return "" if value != value else format(value, spec)

    spec_of = {heading: spec.replace("+", "") for heading, spec in OUTLET_MEASURES.values()}
    rows = []
    for r in differences.itertuples():
        spec = spec_of.get(r.measure, ".2f")
        rows.append({"Measure": r.measure, "Higher": r.higher, "Lower": r.lower,
                     "Means": f"{format(r.higher_mean, spec)} against {format(r.lower_mean, spec)}",
                     f"Difference ({units.CONFIDENCE:.0%} interval)":
                         f"{format(r.difference, spec)} ({format(r.difference_low, spec)} to {format(r.difference_high, spec)})",
                     "Ratio": number(r.ratio, ".2f"), "Cohen's d": number(r.cohen_d, ".2f"),
                     "Size": units.cohen_size(r.cohen_d)})
    return pd.DataFrame(rows, columns=["Measure", "Higher", "Lower", "Means",
                                       f"Difference ({units.CONFIDENCE:.0%} interval)", "Ratio", "Cohen's d", "Size"])


def effect_size_sentence(differences: pd.DataFrame) -> str:
    """How large the stated outlet differences are, in one sentence (for the conclusions)."""
    d = differences["cohen_d"].abs().dropna() if len(differences) else pd.Series(dtype=float)
    if d.empty:
        return ("No difference between outlets is stated, so there is no size to report.")
    counts = {word: int((d.map(units.cohen_size) == word).sum()) for _b, word in units.COHEN_SIZES}
    parts = [f"{n:,d} {word}" for word, n in counts.items() if n]
    if len(d) == 1:
        return f"The one difference in that table has Cohen's d of {d.iloc[0]:.2f}, {units.cohen_size(d.iloc[0])} by Cohen's conventions."
    sizes = f"all {parts[0]}" if len(parts) == 1 else english_list(parts)
    return (f"Of the {count_noun(len(d), 'difference')} in that table, Cohen's d runs from {d.min():.2f} to {d.max():.2f} "
            f"(median {d.median():.2f}): by Cohen's conventions, {sizes}.")


CSV_DECIMALS = 3  # a downloaded table's numbers: a tone of 0.006257142857142857 is written 0.006


def for_csv(frame: pd.DataFrame, decimals: int = CSV_DECIMALS) -> pd.DataFrame:
    """A table as a reader's CSV file gets it: floating-point columns rounded to ``decimals``
    places (counts and text as they are)."""
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    return frame.assign(**{c: frame[c].round(decimals) for c in floats}) if floats else frame


NO_CLEAR_THEME = "none distinguishable"


def reader_findings(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """The findings table as a reader wants it: articles named by outlet and date, plain headings."""
    grade = [f"{g:.1f} ({lo:.1f}–{hi:.1f})" for g, lo, hi in
             zip(table["kincaid_grade"], table["kincaid_grade_low"], table["kincaid_grade_high"])]
    # themes are not ranked where the leader does not stand clear of every other theme
    theme = [t if clear or not isinstance(t, str) else NO_CLEAR_THEME
             for t, clear in zip(table["top_theme"], table["top_theme_clear"])]
    if not table.attrs.get("conflict_news", True):  # the dictionary does not speak to this corpus
        theme = [NO_CLEAR_THEME] * len(table)
    columns = {
        f"Reading grade ({readability.CONFIDENCE:.0%} interval)": "grade",
        '"Daesh" share of names': "daesh_share", "Named sources": "sources_named",
        "Unnamed sources": "sources_unnamed", "Quotations of speech": "quotations",
        "Mean tone (VADER)": "vader_compound_mean", "Top theme": "top_theme", "Places": "places",
    }
    # the group's names are the original subject's: for another corpus, or where no article names
    # the group, the column says nothing
    if table["daesh_share"].isna().all() or not is_original_corpus():
        del columns['"Daesh" share of names']
    # a column that reads "none distinguishable" in every row says nothing the prose does not
    if not any(isinstance(t, str) and t != NO_CLEAR_THEME for t in theme):
        del columns["Top theme"]
    return by_article_name(table.assign(grade=grade, top_theme=theme), overview, columns)


def _name(table: pd.DataFrame, overview: pd.DataFrame, row) -> str:
    return article_names([table.loc[row, "file"]], overview)[0]


def findings_sentences(table: pd.DataFrame, overview: pd.DataFrame, named: list | None = None) -> list[str]:
    """Plain sentences about whichever articles stand out in the findings table. Built from the
    table, so they read correctly for any corpus; names are the user's text (escape to display).
    A rate's superlative ("quotes most often") is said only among the articles of
    :data:`MIN_WORDS_FOR_SUPERLATIVE` words or more, and the sentence says so. ``named``, if given,
    receives the files the superlatives name (so the table shown can include their rows)."""
    named = [] if named is None else named
    pairs = table.attrs.get("grade_pairs")
    t = table.reset_index(drop=True)
    t.attrs = dict(table.attrs)
    out = []
    if t["kincaid_grade"].isna().all():
        return out
    if pairs is not None and len(t) > 1:
        out.append(_grade_sentence(t, overview, pairs))
        sensitivity = table.attrs.get("grade_sensitivity")
        if sensitivity is not None and pairs["exceeds_noise"].any():
            out.append(_grade_sensitivity_sentence(t, overview, sensitivity))
    daesh = t["daesh_share"].dropna() if is_original_corpus() else t["daesh_share"].iloc[:0]
    if len(daesh) and daesh.max() > 0:
        users = [_name(t, overview, i) for i in daesh[daesh >= 0.5].index]
        if users:
            who = english_list(users) if len(users) <= 3 else _count(len(users), "article")
            out.append(f'"Daesh" is the main name for the group in the narrative of {who}; '
                       f"{_count(len(daesh) - len(users), 'other article')} mostly say ISIS, ISIL or IS.")
    if len(t) < 2:  # one article: nothing is "most"; the table says what it has
        return out
    # superlatives are rates per 1,000 words (a longer article quotes more without quoting more
    # often); wire copy that comes out on top is named as such, with the outlets' own writing next
    words = t[["file"]].merge(overview[["file", "clean_words"]], on="file", how="left")["clean_words"]
    words = pd.to_numeric(words, errors="coerce").where(lambda w: w > 0)
    wire = t["wire_agency"].fillna("") if "wire_agency" in t else pd.Series("", index=t.index)
    origin = overview.set_index("file")["origin"] if "origin" in overview else pd.Series(dtype=str)
    long_enough = words >= MIN_WORDS_FOR_SUPERLATIVE
    # a transcript's speaker turns are speech, not sourcing: not ranked on sources or quotations
    turns = t["speaker_turns"] if "speaker_turns" in t else pd.Series(0, index=t.index)
    transcripts = long_enough & (turns > 0)
    rankable = long_enough & ~transcripts
    n_long = int(rankable.sum())
    translation = t["translation"].fillna("") if "translation" in t else pd.Series("", index=t.index)
    why = "in a shorter one a single source moves the rate by several points"
    if transcripts.any():
        k = int(transcripts.sum())
        example = _name(t, overview, transcripts[transcripts].index[0])
        why += (f"; {example} is a transcript" if k == 1 else f"; {k:,d} are transcripts, such as {example}") + (
            ", whose lines open with a speaker's name in capitals: speaker turns are speech, not sourcing")
    among = ("Ranked on rates per 1,000 words"
             + (", " if n_long == len(t) else
                f" among the {n_long:,d} articles of {MIN_WORDS_FOR_SUPERLATIVE:,d} words or more"
                + (" that are not transcripts" if transcripts.any() else "") + f" ({why}), "))
    if n_long < 2:
        who = "No article has" if n_long == 0 else "Only one article has"
        out.append(f"{who} {MIN_WORDS_FOR_SUPERLATIVE:,d} words or more"
                   + (" and is not a transcript" if transcripts.any() else "")
                   + ", the length a rate per 1,000 words needs "
                   "before it ranks articles, so none is said to quote most often or to carry the most unnamed "
                   "sources; the table gives each article's counts.")

    def lead(i, count: int, rate: pd.Series) -> str:
        """The top rate's exact Poisson interval from its count, and whether it clears the others."""
        low, high = poisson_rate_interval(count, float(words[i]))
        others = rate.drop(index=i)
        inside = int(((others >= low) & (others <= high)).sum())
        interval = f"{units.CONFIDENCE:.0%} interval {low:.1f} to {high:.1f} from a count of {count:,d}"
        if inside:
            return (f"; its {interval} takes in the rate{'s' * (inside != 1)} of {count_noun(inside, 'other article')}, "
                    "so the lead is not clear")
        return f"; its {interval} lies above every other article's rate"

    def most(rate: pd.Series, sentence, what: str) -> None:
        nonlocal among
        rate = rate.where((rate > 0) & rankable).dropna()
        if rate.empty or n_long < 2:
            return
        top = rate.idxmax()
        named.append(t.loc[top, "file"])
        if wire[top]:
            own = rate[wire[rate.index] == ""]
            # a republished story's counts are its original's: say whose they are
            kept = "republish" in str(origin.get(t.loc[top, "file"], "")).lower()
            whose = (f"the {what} of the story it republishes, which it kept" if kept else
                     f"the agency's {what}, not the outlet's")
            text = sentence(top, f" (wire copy from {agency_name(wire[top])}: {whose})", rate=rate)
            if len(own):
                named.append(t.loc[own.idxmax(), "file"])
                # its interval is set against every ranked article's rate, the wire copy's too
                text = text[:-1] + f"; of the outlets' own writing, {sentence(own.idxmax(), '', clause=True, rate=rate)}"
            out.append(among + text)
        else:
            out.append(among + sentence(top, "", rate=rate))
        among = f"Of the same {n_long:,d}, " if n_long < len(t) else ""

    def status(i) -> str:
        return f" ({translation[i]})" if translation[i] else ""

    unnamed_rate = t["sources_unnamed"] / words * 1000

    def unnamed(i, note, clause=False, rate=None):
        who = _name(t, overview, i) + status(i)
        count = int(t.loc[i, "sources_unnamed"])
        rest = (f"{unnamed_rate[i]:.1f} per 1,000 words, {count:,d} unnamed against {t.loc[i, 'sources_named']:,.0f} named"
                + lead(i, count, rate))
        return f"{who} the most ({rest})." if clause else f"{who}{note} carries the most unnamed sources for its length ({rest})."

    most(unnamed_rate, unnamed, "sourcing")
    quote_rate = t["quotations"] / words * 1000

    def quotes(i, note, clause=False, rate=None):
        who = _name(t, overview, i) + status(i)
        count = int(t.loc[i, "quotations"])
        rest = f"{quote_rate[i]:.1f} per 1,000 words, {_count(count, 'quotation')} in all" + lead(i, count, rate)
        return f"{who} the most ({rest})." if clause else f"{who}{note} quotes most often ({rest})."

    most(quote_rate, quotes, "quotations")
    if t.attrs.get("conflict_news", True):
        out.append(_theme_sentence(t, overview))
    else:
        out.append(_no_theme_sentence(t))
    return out


def poisson_rate_interval(count: int, words: float, confidence: float = units.CONFIDENCE) -> tuple[float, float]:
    """The exact (Garwood) Poisson interval of a count, as a rate per 1,000 of ``words``: what a
    rate built on a few events can be said to be."""
    from scipy.stats import chi2

    alpha = 1 - confidence
    low = 0.0 if count <= 0 else chi2.ppf(alpha / 2, 2 * count) / 2
    high = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    return float(low / words * 1000), float(high / words * 1000)


def _no_theme_sentence(t: pd.DataFrame) -> str:
    """Why no leading theme is named where the dictionary does not speak to the corpus, with how
    many articles reach the conflict rate all the same (the themes chapter shows their rates)."""
    reached = t.attrs.get("conflict_articles")
    rate = f"{themes.CONFLICT_RATE:g} matches per 1,000 words"
    if reached is None:
        return ("The theme dictionary is made for news of armed conflict and matches few words here, "
                "so no article's leading theme is named.")
    if reached == 0:
        return (f"The theme dictionary is made for news of armed conflict: no article reaches {rate}, "
                "so no article's leading theme is named.")
    n = len(t)
    few = t.attrs.get("conflict_few_matches") or {}
    start = (f"The theme dictionary is made for news of armed conflict: {reached:,d} of the {n:,d} articles "
             f"{'reaches' if reached == 1 else 'reach'} {rate}, fewer than half, so the book ranks no leading theme "
             "for the corpus and none is named here")
    upto = "one matched word" if FEW_THEME_MATCHES == 1 else f"{FEW_THEME_MATCHES} matched words or fewer"
    if few and len(few) == reached:  # every such rate rests on a word or two
        words = sorted({w for found in few.values() for w in found})
        shown = english_list(words[:4]) + (f" and {len(words) - 4:,d} more" if len(words) > 4 else "")
        if reached == 1:
            upto = count_noun(int(t.attrs.get("conflict_few_counts", {}).get(next(iter(few)), len(words))), "matched word")
        return (start + f"; {'that article reaches it' if reached == 1 else 'each of them reaches it'} on {upto} "
                f"({shown}), a rate but no evidence of conflict news: the themes chapter shows the matched lines.")
    some = "the one article that does" if reached == 1 else f"the {reached:,d} that do"
    if few:
        some += f" ({count_noun(len(few), 'article')} of them on {upto})"
    return start + f"; the themes chapter gives the rates of {some}."


def _grade_sentence(t: pd.DataFrame, overview: pd.DataFrame, pairs: pd.DataFrame) -> str:
    """Highest and lowest grade, then what the corrected pairwise intervals allow: the highest
    ranked only against the articles it differs from beyond the noise."""
    excluded = t.attrs.get("unsegmented") or {}
    hard_file, clear, unclear = readability.hardest_against_others(t, pairs, "kincaid_grade", excluded)
    if hard_file is None:
        return "No article can be ranked on reading grade: every page lost its sentence breaks."
    hard = t.index[t["file"] == hard_file][0]
    easy = readability.ranked(t, excluded)["kincaid_grade"].idxmin()
    start = (f"{_name(t, overview, hard)} has the highest reading grade ({t.loc[hard, 'kincaid_grade']:.1f}) "
             f"and {_name(t, overview, easy)} the lowest ({t.loc[easy, 'kincaid_grade']:.1f}). ")
    names = lambda files: english_list(article_names(files, overview)) if len(files) <= 3 else _count(len(files), "other article")
    # the formula is named: the readability chapter leads with others, whose separations differ
    noise = (f"On the Flesch–Kincaid grade, counting the noise (the readability chapter's corrected intervals), "
             f"{_name(t, overview, hard)} ")
    if not clear:
        return start + noise + "does not read harder than any other article: no ranking holds."
    if not unclear:
        return start + noise + "reads harder than every other article."
    return start + noise + f"reads harder than {names(clear)}, but cannot be told apart from {names(unclear)}."


def _grade_sensitivity_sentence(t: pd.DataFrame, overview: pd.DataFrame, sensitivity: pd.DataFrame) -> str:
    """What the readability chapter's sensitivity check makes of the grade separations."""
    names = dict(zip(t["file"], article_names(t["file"], overview)))
    sentence = sensitivity_sentence(sensitivity, names)
    return sentence[0].upper() + sentence[1:]


def sensitivity_sentence(sensitivity: pd.DataFrame, names: dict[str, str],
                         variants: dict | None = None) -> str:
    """The readability sensitivity check (``readability.sensitivity_pairs``) in one sentence: how
    many grade separations there are, whose they mostly are, and how many hold under each check
    they do not all survive. It says what does not survive, not why."""
    variants = readability.SENSITIVITY_VARIANTS if variants is None else variants
    base = sensitivity[sensitivity["variant"] == "as_measured"]
    total = int(base["exceeds_noise"].sum())
    if not total:
        return "no pair of articles differs by more than the noise, so there is nothing to check."
    article = readability.separated_article(base)
    who = f"{_count(total, 'grade difference')} {'lies' if total == 1 else 'lie'} beyond the noise"
    if article is not None:
        beyond = base[base["exceeds_noise"]]
        n = int(((beyond["first"] == article) | (beyond["second"] == article)).sum())
        who = f"of the {total} grade differences beyond the noise, {'all' if n == total else n} involve {names.get(article, article)}"
    survived = readability.surviving_separations(sensitivity).set_index("variant").drop("as_measured")
    lost = {v: f"{readability.held_words(int(row['survive']), int(row['separations']))} {variants[v][0]}"
            for v, row in survived.iterrows()
            if row["survive"] < row["separations"]}
    if not lost:
        return f"{who}; they survive every sensitivity check."
    # each check named once: those every separation survives together, then each that loses some
    kept = [variants[v][0] for v in survived.index if v not in lost]
    parts = ([("it holds " if total == 1 else f"all {total} hold ") + english_list(kept)] if kept else []) + list(lost.values())
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    change = "a change of unit" if set(lost) == {"paragraphs"} else "these checks"
    return f"{who}; {said}: they do not all survive {change}."


def _theme_sentence(t: pd.DataFrame, overview: pd.DataFrame) -> str:
    """Which articles' leading themes stand clear of their next theme, within the intervals."""
    clear = t[t["top_theme_clear"].fillna(False).astype(bool)]
    if clear.empty:
        return ("In no article does the leading theme stand clear of the next one within the intervals, "
                "so the themes are not ranked here.")
    named = [f"{_name(t, overview, i)} ({clear.loc[i, 'top_theme'].lower()})" for i in clear.index]
    who = english_list(named) if len(named) <= 3 else _count(len(named), "article")
    rest = len(t) - len(clear)
    return (f"The leading theme stands clear of the next one within the intervals in {who}"
            + (f"; in the other {_count(rest, 'article')} the top two cannot be ranked." if rest else "."))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
