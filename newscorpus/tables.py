"""Every per-article table the book exports: the function that gives one article's rows.

Each is a pure function of one article's file name and cleaned paragraphs (a process pool or a
Dask cluster maps it); the chapters' table functions, which the notebooks call, map the same
per-article functions over the corpus. ``tests/test_pipeline.py`` checks that the pipeline's
tables equal the chapters' tables.
"""

from __future__ import annotations

from collections.abc import Callable

from .measures import attribution, diversity, framing, places, readability, themes


def readability_rows(file: str, paragraphs: list[str]) -> list[dict]:
    return [readability.article_readability_row(file, paragraphs)]


def diversity_rows(file: str, paragraphs: list[str]) -> list[dict]:
    return [diversity.article_diversity(file, paragraphs)]


def framing_rows(file: str, paragraphs: list[str]) -> list[dict]:
    return [framing.framing_row(file, paragraphs)]


def attribution_rows(file: str, paragraphs: list[str]) -> list[dict]:
    return attribution.attributions(file, paragraphs)


def theme_rows(file: str, paragraphs: list[str]) -> list[dict]:
    row = themes.article_themes(file, paragraphs)
    return [{column: row[column] for column in ("file", *themes.THEMES)}]


def place_rows(file: str, paragraphs: list[str]) -> list[dict]:
    return [{k: row[k] for k in places.PLACE_COLUMNS[:-1]} for row in places.article_places_located(file, paragraphs)]


ARTICLE_ROWS: dict[str, Callable[[str, list[str]], list[dict]]] = {
    "readability.csv": readability_rows,    # chapter 03: readability.readability_table
    "diversity.csv": diversity_rows,        # chapter 03: diversity.diversity_table
    "framing.csv": framing_rows,            # chapter 04: framing.framing_table
    "attributions.csv": attribution_rows,   # chapter 04: framing.attributions_table
    "themes.csv": theme_rows,               # chapter 05: themes.theme_rates
    "places.csv": place_rows,               # chapter 05: places.places_csv
}
