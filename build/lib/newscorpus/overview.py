"""Per-article tables as a reader wants them: articles named by outlet and date, plain headings."""

from __future__ import annotations

import html

import pandas as pd

from .corpus import is_web_address
from .labels import article_names  # one way of naming an article, shared with the charts

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
    table = by_article_name(overview, overview, {
        "Title": "title", "Author": "author", "Date precision": "date_precision",
        "How the date was established": "date_basis", "Outlet type": "outlet_type",
        "Origin": "origin", "Source": "url",
    })
    table["Author"] = table["Author"].replace("", "—")
    return reader_style(table, {"Source": source_link})


def reader_style(table: pd.DataFrame, formats: dict | None = None):
    """A Styler that shows every cell and heading as text: titles, outlets and file names are
    the user's input, and a Styler (unlike ``DataFrame.to_html``) does not escape by default.
    ``formats`` maps a column to a format string or function (a function must escape itself)."""
    formats = formats or {}
    style = table.style.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    for column in table.columns:
        formatter = formats.get(column)
        # pandas 3 escapes a function's output, which would show its markup (a link) as text
        escape = None if callable(formatter) else "html"
        style = style.format(formatter, subset=[column], escape=escape)
    return style


def source_link(url: str) -> str:
    """An http(s) address as a link; anything else (``javascript:``, ``data:``) as inert text.
    Article metadata is the user's input: every cell of a reader table is HTML-escaped."""
    if not url:
        return "—"
    if not is_web_address(url):
        return html.escape(url)
    return '<a href="' + html.escape(url, quote=True) + '">link</a>'



def by_article_name(frame: pd.DataFrame, overview: pd.DataFrame, headings: dict[str, str]) -> pd.DataFrame:
    """``frame``'s columns under reader headings (heading -> column), one row per article,
    named by outlet and date."""
    table = frame[list(headings.values())].set_axis(list(headings), axis=1)
    return table.set_axis(pd.Index(article_names(frame["file"], overview), name="Article"), axis=0)


def by_article_columns(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """A table indexed by file, turned so that articles (named by outlet and date) are the
    columns: five columns fit a page where twenty reasons would not."""
    return table.set_axis(article_names(table.index, overview), axis=0).T


def shift_table(shift: pd.DataFrame, overview: pd.DataFrame):
    """``readability.raw_vs_clean`` as a reader wants it: articles by name, plain headings."""
    table = by_article_name(shift, overview, {
        "Words, raw": "raw_words", "Words, cleaned": "clean_words",
        "Share of words removed": "words_removed_share", "Reading ease, raw": "raw_flesch",
        "Reading ease, cleaned": "clean_flesch", "Change in reading ease": "flesch_shift",
    })
    return reader_style(table, {
        "Words, raw": "{:,d}", "Words, cleaned": "{:,d}", "Share of words removed": "{:.0%}",
        "Reading ease, raw": "{:.1f}", "Reading ease, cleaned": "{:.1f}",
        "Change in reading ease": "{:+.1f}",
    })


def literal_markdown(text: str):
    """Text to glue as Markdown that renders as exactly these characters: every ASCII
    punctuation mark is backslash-escaped (CommonMark allows it for all of them), so an outlet or
    title containing ``*``, ``<script>``, backticks or a ``{glue}`` role stays inert."""
    from IPython.display import Markdown

    return Markdown("".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in text))


_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def times(count: int) -> str:
    """A count for prose: "once", "twice", "3 times" (never "1 time(s)")."""
    return {1: "once", 2: "twice"}.get(count, f"{count:,d} times")
