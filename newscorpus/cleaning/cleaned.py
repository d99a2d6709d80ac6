"""The cleaned corpus: ``clean_corpus`` runs the cleaner over every article, ``audit`` lists
every removed line. Site templates are learnt per outlet: a line that two or more of an outlet's
articles share, and that is not prose, is that site's furniture. A corpus declared clean
(``corpus.toml``: ``clean = false``) is read as it is (``cleaner.as_is``), every path alike."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .cleaner import CleanedArticle, article_text, as_is, clean_text, split_units, unit_keys
from ..text import word_count


def cleaning_on(seeds_dir=None) -> bool:
    """Whether the corpus folder asks for boilerplate removal (``corpus.toml``; default yes)."""
    from ..corpus import corpus_settings

    return corpus_settings(seeds_dir).clean


def clean_article(text: str, *, clean: bool = True, title: str | None = None, author: str | None = None,
                  template_keys=frozenset()) -> CleanedArticle:
    """One article as every path reads it: cleaned, or as it is when its corpus is declared clean."""
    if not clean:
        return as_is(text, title=title)
    return clean_text(text, title=title, author=author, template_keys=template_keys)

MIN_ARTICLES_FOR_TEMPLATE = 2


def template_keys(texts: list[str]) -> frozenset[str]:
    """Normalised lines that occur in at least two of these texts."""
    counts = Counter(key for text in texts for key in unit_keys(text))
    return frozenset(k for k, n in counts.items() if n >= MIN_ARTICLES_FOR_TEMPLATE and k)


def clean_corpus(articles: pd.DataFrame, clean: bool | None = None) -> pd.DataFrame:
    """One row per article: its parts after cleaning, keyed by ``file``. ``clean``: remove
    boilerplate (None: as the ``corpus.toml`` of the folder ``load`` read says, by default yes).

    Columns: ``file``, ``title_line``, ``standfirst``, ``byline``, ``date_line``, ``captions``,
    ``paragraphs`` (list), ``clean_text``, ``source_text`` (before cleaning), ``raw_words``, ``clean_words``, ``removed_lines``, ``language``,
    ``cleaned`` (the :class:`~newscorpus.cleaning.CleanedArticle`).
    """
    clean = cleaning_on(articles.attrs.get("corpus_dir")) if clean is None else clean
    texts = {row.file: article_text(row.file, row.raw_text)[0] for row in articles.itertuples()}
    templates = {
        outlet: template_keys([texts[f] for f in group["file"]]) if clean else frozenset()
        for outlet, group in articles.groupby("outlet")
    }
    rows = []
    for row in articles.itertuples():
        article: CleanedArticle = clean_article(
            texts[row.file], clean=clean, title=row.title, author=row.author or None, template_keys=templates[row.outlet]
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


# A corpus declared clean keeps every line; one that recurs word for word in this many of an
# outlet's articles, and is this long, is probably an editor's note or a sign-off the reader would
# want to know about (three articles: two can share a quotation; four words: a time stamp is not).
MIN_ARTICLES_FOR_REPEAT = 3
MIN_WORDS_FOR_REPEAT = 4


def repeated_lines(outlets: list[str], paragraphs: list[list[str]]) -> pd.DataFrame:
    """Paragraphs that recur word for word (case, punctuation and spacing ignored) in at least
    ``MIN_ARTICLES_FOR_REPEAT`` articles of one outlet, most widespread first: ``outlet``,
    ``text`` (its first wording), ``articles``. ``outlets[i]`` is the outlet of the article whose
    paragraphs are ``paragraphs[i]``. What a corpus declared clean keeps that cleaning would have
    weighed as a site template."""
    from .cleaner import normalise

    counts: Counter = Counter()
    first: dict[tuple[str, str], str] = {}
    for outlet, article in zip(outlets, paragraphs):
        keys = {}
        for paragraph in article:
            key = normalise(paragraph)
            if len(key.split()) >= MIN_WORDS_FOR_REPEAT:
                keys.setdefault(key, paragraph)
        for key, paragraph in keys.items():
            counts[outlet, key] += 1
            first.setdefault((outlet, key), paragraph)
    rows = [{"outlet": outlet, "text": first[outlet, key], "articles": n}
            for (outlet, key), n in counts.items() if n >= MIN_ARTICLES_FOR_REPEAT]
    table = pd.DataFrame(rows, columns=["outlet", "text", "articles"])
    return table.sort_values(["articles", "outlet", "text"], ascending=[False, True, True], ignore_index=True)

