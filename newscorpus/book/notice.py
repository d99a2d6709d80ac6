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


def _contents(seeds_dir=None, n_articles: int | None = None) -> tuple[int, int]:
    """How many of the original five the corpus holds byte for byte, and how many articles it has."""
    from ..findings import corpus_digests, original_files_in_corpus

    n = len(corpus_digests(seeds_dir)) if n_articles is None else n_articles
    return len(original_files_in_corpus(seeds_dir)), n


def _holding(kept: int, n: int, whose: str = "This corpus") -> str:
    """What a corpus that is not the original five holds of them, for the notices' first sentence."""
    others = n - kept
    if kept == 5:
        return f"**{whose} holds the book's original five articles and {count_noun(others, 'other article')}.** "
    if kept:
        return (f"**{whose} is not the book's original five articles:** it holds {kept} of them unchanged "
                f"among its {count_noun(n, 'article')}. ")
    return f"**{whose} is not the book's original five articles.** "


def corpus_notice(seeds_dir: str | os.PathLike | None = None) -> str:
    """Markdown for the intro and conclusions: empty for the original corpus, a warning otherwise
    (saying so when the corpus contains the original five among others)."""
    from ..findings import is_original_corpus

    if is_original_corpus(seeds_dir):
        return ""
    kept, n = _contents(seeds_dir)
    lead = _holding(kept, n)
    if kept:
        return _warning(lead + "Every number and chart on this page is computed from all the articles now in the "
                        "corpus folder; the passages written about the five alone, on ISIS in Iraq "
                        "(`newscorpus/data/original_corpus.csv` lists them with their SHA-256), are left out, "
                        "since they do not describe the corpus as a whole.")
    return _warning(CORPUS_NOTICE)


def chapter_notice(articles: pd.DataFrame):
    """Nothing for the original corpus; otherwise a warning naming the corpus's size (and that it
    contains the original five, where it does)."""
    from ..findings import is_original_corpus

    if is_original_corpus():
        return None
    outlets = articles["outlet"].nunique()
    kept, n = _contents(articles.attrs.get("corpus_dir"), len(articles))
    if kept:
        return Markdown(_warning(
            _holding(kept, n, "Your corpus") + f"This chapter is computed from all {count_noun(n, 'article')} now in the corpus folder "
            f"({count_noun(outlets, 'outlet')}): every table, chart and number on this page is theirs. Passages "
            "written about the original five alone, on ISIS in Iraq, are left out."))
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
