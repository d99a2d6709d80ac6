"""The notice a page shows when the corpus is not the book's original five articles.

A page's tables, charts and glued numbers always come from the corpus in ``seeds/``; its
interpretive prose was written about the original five. When a reader adds, removes or replaces
articles, every page says so at its top, in the same warning box, so that no sentence about "the
five articles" is taken for a statement about the reader's corpus. Chapters name the corpus's
size (``chapter_notice``); the intro and conclusions point to their passages about the original
five (``corpus_notice``).
"""

from __future__ import annotations

import os

import pandas as pd
from IPython.display import Markdown

from ..prose import count_noun

CORPUS_NOTICE = (
    "**This corpus is not the book's original five articles.** Every number and chart on this "
    "page is computed from the articles now in the corpus folder; the passages about the texts the "
    "book was written about, five articles on ISIS in Iraq (`newscorpus/data/original_corpus.csv` "
    "lists them with their SHA-256), are left out."
)


def _warning(text: str) -> str:
    return ":::{warning}\n" + text + "\n:::\n"


def corpus_notice(seeds_dir: str | os.PathLike | None = None) -> str:
    """Markdown for the intro and conclusions: empty for the original corpus, a warning otherwise."""
    from ..findings import is_original_corpus

    return "" if is_original_corpus(seeds_dir) else _warning(CORPUS_NOTICE)


def chapter_notice(articles: pd.DataFrame):
    """Nothing for the original corpus; otherwise a warning naming the corpus's size."""
    from ..findings import is_original_corpus

    if is_original_corpus():
        return None
    outlets = articles["outlet"].nunique()
    return Markdown(_warning(
        f"**Your corpus.** This chapter is computed from the {count_noun(len(articles), 'article')} now in the "
        f"corpus folder ({count_noun(outlets, 'outlet')}): every table, chart and number on this page is "
        "theirs. Passages about the book's original five articles, on ISIS in Iraq, are left out."
    ))


def original_only(markdown: str, otherwise: str = ""):
    """``markdown`` (MyST, shown as the page's own prose) when the corpus is the original five;
    ``otherwise`` (or nothing) for any other corpus. For a passage about ISIS, Iraq or the five
    texts: put it in a hidden code cell as ``original_only(\"\"\"...\"\"\")``, so a reader's
    corpus never gets sentences about texts it does not hold."""
    from ..findings import is_original_corpus

    text = markdown if is_original_corpus() else otherwise
    return Markdown(text) if text else None
