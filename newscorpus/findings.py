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

from .corpus import ARTICLE_SUFFIXES
from .measures import framing, places, readability, themes
from .paths import DATA_DIR, find_seeds_dir
from .overview import by_article_name
from .plots import article_names

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
    files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def is_original_corpus(seeds_dir: str | os.PathLike | None = None) -> bool:
    """True when the corpus folder holds exactly the original five articles, byte for byte."""
    return corpus_digests(seeds_dir) == original_digests()


def daesh_share(table: pd.DataFrame) -> pd.Series:
    """Of the narrative's names for the group (ISIS, ISIL, IS, Islamic State, Daesh), the share
    that is "Daesh"; NaN when the narrative names the group none of these ways."""
    daesh = table[f"label_{DAESH}_narrative"]
    total = daesh + sum(table[f"label_{n}_narrative"] for n in ISIS_NAMES)
    return (daesh / total.where(total > 0)).astype(float)


def top_themes(rates: pd.DataFrame) -> pd.DataFrame:
    """Each article's most frequent theme (per 1,000 words) from the themes chapter's rates."""
    best = rates.sort_values(["file", "rate"], ascending=[True, False]).groupby("file").head(1)
    best = best.assign(top_theme=best["theme"].map(themes.THEME_LABELS).fillna(best["theme"]))
    return best.rename(columns={"rate": "top_theme_rate"})[["file", "top_theme", "top_theme_rate"]]


def findings_table(cleaned: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """One row per article, ``file`` first: outlet, reading grade (Flesch–Kincaid, 95% interval),
    the "Daesh" share of the narrative's names, named and unnamed sources, quotations, mean VADER
    tone, top theme and distinct places, each copied from its chapter's table."""
    grade = readability.readability_table(cleaned)[["file", "kincaid_grade", "kincaid_grade_low", "kincaid_grade_high"]]
    frame = framing.framing_table(cleaned)
    framed = frame[["file", "sources_named", "sources_unnamed", "quotations", "vader_compound_mean"]].assign(
        daesh_share=daesh_share(frame).to_numpy())
    mentions = places.places_table(cleaned)
    placed = mentions.groupby("file")["place"].nunique().rename("places").reset_index()
    table = (overview[["file", "outlet", "date_label"]]
             .merge(grade, on="file", how="left", validate="1:1")
             .merge(framed, on="file", how="left", validate="1:1")
             .merge(top_themes(themes.rate_intervals_table(cleaned)), on="file", how="left", validate="1:1")
             .merge(placed, on="file", how="left", validate="1:1"))
    table["places"] = table["places"].fillna(0).astype(int)
    return table


def reader_findings(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """The findings table as a reader wants it: articles named by outlet and date, plain headings."""
    grade = [f"{g:.1f} ({lo:.1f}–{hi:.1f})" for g, lo, hi in
             zip(table["kincaid_grade"], table["kincaid_grade_low"], table["kincaid_grade_high"])]
    return by_article_name(table.assign(grade=grade), overview, {
        f"Reading grade ({readability.CONFIDENCE:.0%} interval)": "grade",
        '"Daesh" share of names': "daesh_share", "Named sources": "sources_named",
        "Unnamed sources": "sources_unnamed", "Quotations": "quotations",
        "Mean tone (VADER)": "vader_compound_mean", "Top theme": "top_theme", "Places": "places",
    })


def _name(table: pd.DataFrame, overview: pd.DataFrame, row) -> str:
    return article_names([table.loc[row, "file"]], overview)[0]


def findings_sentences(table: pd.DataFrame, overview: pd.DataFrame) -> list[str]:
    """Plain sentences about whichever articles stand out in the findings table. Built from the
    table, so they read correctly for any corpus; names are the user's text (escape to display)."""
    t = table.reset_index(drop=True)
    out = []
    if t["kincaid_grade"].isna().all():
        return out
    hard, easy = t["kincaid_grade"].idxmax(), t["kincaid_grade"].idxmin()
    overlap = t.loc[hard, "kincaid_grade_low"] <= t.loc[easy, "kincaid_grade_high"]
    out.append(
        f"The hardest to read is {_name(t, overview, hard)} (grade {t.loc[hard, 'kincaid_grade']:.1f}), "
        f"the easiest {_name(t, overview, easy)} (grade {t.loc[easy, 'kincaid_grade']:.1f}); "
        + (f"their {readability.CONFIDENCE:.0%} intervals overlap, so even this gap is not certain."
           if overlap else f"their {readability.CONFIDENCE:.0%} intervals do not overlap."))
    daesh = t["daesh_share"].dropna()
    if len(daesh) and daesh.max() > 0:
        users = [_name(t, overview, i) for i in daesh[daesh >= 0.5].index]
        if users:
            who = _join(users) if len(users) <= 3 else _count(len(users), "article")
            out.append(f'"Daesh" is the main name for the group in the narrative of {who}; '
                       f"{_count(len(daesh) - len(users), 'other article')} mostly say ISIS, ISIL or IS.")
    unnamed = t["sources_unnamed"] - t["sources_named"]
    if unnamed.max() > 0:
        i = unnamed.idxmax()
        out.append(f"{_name(t, overview, i)} leans most on unnamed sources "
                   f"({t.loc[i, 'sources_unnamed']} unnamed against {t.loc[i, 'sources_named']} named).")
    q = t["quotations"].idxmax()
    if t.loc[q, "quotations"] > 0:
        out.append(f"{_name(t, overview, q)} quotes most ({_count(int(t.loc[q, 'quotations']), 'quotation')}).")
    common = t["top_theme"].value_counts()
    if len(common):
        out.append(f"The most common leading theme is {common.index[0].lower()} "
                   f"({_count(int(common.iloc[0]), 'article')} of {len(t)}).")
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

