"""Every per-article table the book exports, and the chapter function that makes it.

Each function takes the cleaned corpus (``cleaning.clean_corpus``'s frame) and returns rows keyed
by ``file``. They are the functions the chapters' notebooks call; each works row by row, so the
pipeline can call it on one article at a time (in a worker of a pool or a Dask cluster) and the
result is the same as on the whole corpus (a test checks).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd


def readability_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures.readability import readability_table

    return readability_table(cleaned)


def diversity_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures.diversity import diversity_table

    return diversity_table(cleaned)


def framing_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures import framing

    return framing.framing_csv(framing.framing_table(cleaned))


def attributions_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures.framing import attributions_table

    return attributions_table(cleaned)


def themes_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures.themes import theme_rates

    return theme_rates(cleaned)


def places_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    from .measures.places import places_csv as places

    return places(cleaned)


CHAPTER_TABLES: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "readability.csv": readability_csv,   # chapter 03
    "diversity.csv": diversity_csv,       # chapter 03
    "framing.csv": framing_csv,           # chapter 04
    "attributions.csv": attributions_csv,  # chapter 04
    "themes.csv": themes_csv,             # chapter 05
    "places.csv": places_csv,             # chapter 05
}
