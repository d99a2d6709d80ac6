"""The cleaned corpus: ``clean_corpus`` runs the cleaner over every article, ``audit`` lists
every removed line. Site templates are learnt per outlet: a line that two or more of an outlet's
articles share, and that is not prose, is that site's furniture."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .cleaner import CleanedArticle, article_text, clean_text, unit_keys
from ..text import word_count

MIN_ARTICLES_FOR_TEMPLATE = 2


def template_keys(texts: list[str]) -> frozenset[str]:
    """Normalised lines that occur in at least two of these texts."""
    counts = Counter(key for text in texts for key in unit_keys(text))
    return frozenset(k for k, n in counts.items() if n >= MIN_ARTICLES_FOR_TEMPLATE and k)


def clean_corpus(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: its parts after cleaning, keyed by ``file``.

    Columns: ``file``, ``title_line``, ``standfirst``, ``byline``, ``date_line``, ``captions``,
    ``paragraphs`` (list), ``clean_text``, ``source_text`` (before cleaning), ``raw_words``, ``clean_words``, ``removed_lines``, ``language``,
    ``cleaned`` (the :class:`~newscorpus.cleaning.CleanedArticle`).
    """
    texts = {row.file: article_text(row.file, row.raw_text)[0] for row in articles.itertuples()}
    templates = {
        outlet: template_keys([texts[f] for f in group["file"]])
        for outlet, group in articles.groupby("outlet")
    }
    rows = []
    for row in articles.itertuples():
        article: CleanedArticle = clean_text(
            texts[row.file], title=row.title, author=row.author or None, template_keys=templates[row.outlet]
        )
        rows.append(cleaned_row(row.file, texts[row.file], article))
    return pd.DataFrame(rows)


def cleaned_row(file: str, source_text: str, article: CleanedArticle) -> dict:
    """One row of ``clean_corpus``: the article's parts, its text before and after cleaning."""
    return {
        "file": file,
        "title_line": article.title,
        "standfirst": article.standfirst,
        "byline": article.byline,
        "date_line": article.date,
        "captions": article.captions,
        "paragraphs": article.paragraphs,
        "clean_text": article.text,
        "source_text": source_text,
        "raw_words": word_count(source_text),
        "clean_words": word_count(article.text),
        "removed_lines": len(article.removed),
        "language": article.language,
        "cleaned": article,
    }


def audit(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Every removed line: ``file``, ``line`` (1-based), ``reason``, ``text``."""
    rows = [
        {"file": file, "line": r.line, "reason": r.reason, "text": r.text}
        for file, article in zip(cleaned["file"], cleaned["cleaned"])
        for r in article.removed
    ]
    return pd.DataFrame(rows, columns=["file", "line", "reason", "text"])


def removed_by_reason(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Removed lines counted per article (rows) and reason (columns)."""
    table = audit(cleaned)
    return (
        table.pivot_table(index="file", columns="reason", values="line", aggfunc="count", fill_value=0)
        .reindex(cleaned["file"], fill_value=0)
        .rename_axis(columns=None)
    )
