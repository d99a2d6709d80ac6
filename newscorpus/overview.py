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


def reader_table(overview: pd.DataFrame):
    """The articles table as a reader wants it: articles named by outlet and date, plain column
    headings, the source as a link. A pandas Styler, rendered as HTML in the book."""
    from .plots import article_labels  # one way of naming an article, shared with the charts

    table = pd.DataFrame(
        {
            "Title": overview["title"].values,
            "Author": overview["author"].replace("", "—").values,
            "Date known to the": overview["date_precision"].values,
            "How the date was established": overview["date_basis"].values,
            "Outlet type": overview["outlet_type"].values,
            "Origin": overview["origin"].values,
            "Source": overview["url"].values,
        },
        index=pd.Index(article_labels(overview), name="Article"),
    )
    link = lambda url: f'<a href="{url}">link</a>' if url else "—"  # noqa: E731
    return table.style.format({"Source": link})


def by_article_columns(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """A table indexed by file, turned so that articles (named by outlet and date) are the
    columns: five columns fit a page where twenty reasons would not."""
    from .plots import article_labels

    named = overview.set_index("file").loc[table.index].reset_index()
    return table.set_axis(article_labels(named), axis=0).T
