"""The articles table: metadata, provenance of the date, and length before and after cleaning."""

from __future__ import annotations

import pandas as pd

OVERVIEW_COLUMNS = [
    "file", "title", "outlet", "author", "date_label", "date_precision", "date_basis",
    "outlet_type", "origin", "url", "raw_words", "clean_words",
]


def article_overview(articles: pd.DataFrame, cleaned: pd.DataFrame) -> pd.DataFrame:
    """One row per article, ``file`` first; ``published`` as ISO date for sorting elsewhere."""
    table = articles.merge(cleaned[["file", "raw_words", "clean_words"]], on="file", validate="1:1")
    table = table[OVERVIEW_COLUMNS + ["published"]].copy()
    table["published"] = pd.to_datetime(table["published"]).dt.strftime("%Y-%m-%d")
    return table
