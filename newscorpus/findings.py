"""Findings at a glance: each article's profile across the chapters, side by side.

Nothing here measures anything: every value is read from the table a chapter builds (the same
table function the chapter's notebook calls), then joined on ``file``. Sentences that name an
article are built from that joined table, so they stay true when the corpus changes.
"""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pandas as pd

from .corpus import is_article_name
from .measures import framing, places, readability, themes
from .paths import DATA_DIR, find_seeds_dir
from .overview import by_article_name
from .labels import article_names
from .prose import count_noun, english_list, top_k_list
from . import units

# Pairwise comparison of articles (every pair, bootstrapped twice, under several sensitivity
# variants) is for a handful of articles compared one by one; beyond this many the number of
# pairs (n(n-1)/2) is no longer something a reader can take in, and the unit is the outlet anyway.
MAX_PAIRWISE_ARTICLES = 40
# Beyond this many articles the findings table is shown as a searchable table, not a page of rows.
MAX_STYLED_ROWS = 40

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
    # whether the theme dictionary (conflict events) speaks to this corpus: if not, no top theme
    # is named (the themes chapter's own rule)
    table.attrs["conflict_news"] = themes.conflict_share(themes.theme_rates(cleaned))["conflict"]
    # pages whose text lost its breaks are described, never ranked (file -> why)
    from .cleaning.report import unbroken_files

    table.attrs["unsegmented"] = unbroken_files(cleaned)
    if units.comparison_unit(overview) == units.ARTICLE and len(table) <= MAX_PAIRWISE_ARTICLES:
        # the readability chapter's corrected pairwise comparison, so the sentences rank only what
        # exceeds the noise
        table.attrs["grade_pairs"] = readability.pairwise_differences(sentences, "kincaid_grade")
        # and its sensitivity check, so the sentences say whether those separations hold
        table.attrs["grade_sensitivity"] = readability.sensitivity_pairs(sentences, "kincaid_grade")
    return table


# The measures compared between outlets in the conclusions: column -> (heading, format).
# Counts become rates per 1,000 words first: a longer article quotes more without quoting more
# often.
OUTLET_MEASURES = {
    "kincaid_grade": ("Reading grade", ".1f"),
    "sources_named": ("Named sources per 1,000 words", ".1f"),
    "sources_unnamed": ("Unnamed sources per 1,000 words", ".1f"),
    "quotations": ("Quotations per 1,000 words", ".1f"),
    "vader_compound_mean": ("Mean tone (VADER)", "+.2f"),
    "places": ("Places named per 1,000 words", ".1f"),
}
PER_THOUSAND_WORDS = ["sources_named", "sources_unnamed", "quotations", "places"]


def outlet_findings(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """The findings table by outlet: ``units.outlet_summary`` of each measure in
    ``OUTLET_MEASURES``, counts as rates per 1,000 words of the cleaned text (a row per outlet and
    measure, with the interval from resampling the outlet's articles)."""
    words = table[["file"]].merge(overview[["file", "clean_words"]], on="file", how="left")["clean_words"]
    words = words.where(words > 0).to_numpy(dtype=float)
    rates = table.assign(**{column: table[column].to_numpy(dtype=float) / words * 1000
                            for column in PER_THOUSAND_WORDS})
    # a page that lost its sentence breaks has no meaningful grade: left out of its outlet's
    unsegmented = list(table.attrs.get("unsegmented") or {})
    rates.loc[rates["file"].isin(unsegmented), "kincaid_grade"] = float("nan")
    return units.outlet_summary(rates, overview[["file", "outlet"]], list(OUTLET_MEASURES))


def reader_outlet_findings(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet (most articles first), a column per measure: "mean (low–high)", or the
    mean alone where the outlet has too few articles for an interval."""
    def cell(row) -> str:
        spec = OUTLET_MEASURES[row["measure"]][1]
        if row["mean"] != row["mean"]:
            return "no value"
        if row["low"] != row["low"]:
            return format(row["mean"], spec)
        return f"{format(row['mean'], spec)} ({format(row['low'], spec)} to {format(row['high'], spec)})"

    shown = summary.assign(cell=summary.apply(cell, axis=1))
    wide = shown.pivot(index="outlet", columns="measure", values="cell")[list(OUTLET_MEASURES)]
    wide.columns = [OUTLET_MEASURES[c][0] for c in wide.columns]
    counts = summary.groupby("outlet")["articles"].max().rename("Articles")
    wide = pd.concat([counts, wide], axis=1)
    return wide.sort_values("Articles", ascending=False, kind="stable").rename_axis("Outlet")


def outlet_findings_sentences(summary: pd.DataFrame) -> list[str]:
    """For each measure, the pairs of outlets whose intervals do not overlap (top few, then how
    many more), or that no outlet stands apart: claims about outlets only where the resampled
    articles carry them."""
    out = []
    with_interval = summary.dropna(subset=["low"])["outlet"].nunique()
    if with_interval < 2:
        return [f"Fewer than two outlets have the {units.MIN_ARTICLES_FOR_INTERVAL} articles an interval "
                "needs, so no difference between outlets is stated."]
    quiet = []
    for measure, (heading, spec) in OUTLET_MEASURES.items():
        pairs = units.separated_outlets(summary, measure)
        name = heading[0].lower() + heading[1:]
        if pairs.empty:
            quiet.append(name)
            continue
        shown = [f"{p.higher} ({format(p.higher_mean, spec)}) above {p.lower} ({format(p.lower_mean, spec)})"
                 for p in pairs.itertuples()]
        verb = "differs" if len(pairs) == 1 else "differ"
        out.append(f"On {name}, {count_noun(len(pairs), 'pair')} of outlets {verb} beyond the intervals: "
                   f"{top_k_list(shown, k=3, rest='see the table')}.")
    if quiet:
        out.append(f"On {english_list(quiet)}, no outlet's interval stands apart from another's.")
    return out


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
    return by_article_name(table.assign(grade=grade, top_theme=theme), overview, columns)


def _name(table: pd.DataFrame, overview: pd.DataFrame, row) -> str:
    return article_names([table.loc[row, "file"]], overview)[0]


def findings_sentences(table: pd.DataFrame, overview: pd.DataFrame) -> list[str]:
    """Plain sentences about whichever articles stand out in the findings table. Built from the
    table, so they read correctly for any corpus; names are the user's text (escape to display)."""
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
    unnamed = t["sources_unnamed"] - t["sources_named"]
    if unnamed.max() > 0:
        i = unnamed.idxmax()
        # a republished story's sources are its original's: say whose sourcing the count describes
        origin = overview.set_index("file")["origin"].get(t.loc[i, "file"], "") if "origin" in overview else ""
        kept = (", the sourcing of the story it republishes, which it kept"
                if isinstance(origin, str) and "republish" in origin.lower() else "")
        out.append(f"{_name(t, overview, i)} carries the most unnamed sources "
                   f"({t.loc[i, 'sources_unnamed']} unnamed against {t.loc[i, 'sources_named']} named{kept}).")
    q = t["quotations"].idxmax()
    if t.loc[q, "quotations"] > 0:
        out.append(f"{_name(t, overview, q)} quotes most ({_count(int(t.loc[q, 'quotations']), 'quotation')}).")
    if t.attrs.get("conflict_news", True):
        out.append(_theme_sentence(t, overview))
    else:
        out.append("The theme dictionary is made for news of armed conflict and matches few words here, "
                   "so no article's leading theme is named.")
    return out


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
    noise = f"Counting the noise (the readability chapter's corrected intervals), {_name(t, overview, hard)} "
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
    held = lambda k: "none holds" if k == 0 else f"only {k} {'holds' if k == 1 else 'hold'}"
    lost = {v: f"{held(int(row['survive']))} {variants[v][0]}" for v, row in survived.iterrows()
            if row["survive"] < row["separations"]}
    if not lost:
        return f"{who}; they survive every sensitivity check."
    checks = english_list([variants[v][0] for v in survived.index])
    change = "a change of unit" if "paragraphs" in lost else "these checks"
    return f"{who}; recomputed {checks}, {english_list(list(lost.values()))}: they do not all survive {change}."


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
