"""The notice a chapter shows when the corpus is not the book's original five articles.

A chapter's tables, charts and glued numbers always come from the corpus in ``seeds/``; its
interpretive prose was written about the original five. When a reader adds, removes or replaces
articles, each chapter says so at its top, so that no sentence about "the five articles" is
taken for a statement about the reader's corpus.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown


def chapter_notice(articles: pd.DataFrame):
    """Nothing for the original corpus; otherwise a note naming the corpus's size."""
    from ..findings import is_original_corpus

    if is_original_corpus():
        return None
    outlets = articles["outlet"].nunique()
    # the same warning box as the intro and conclusions (findings.corpus_notice)
    return Markdown(
        ":::{warning}\n"
        f"**Your corpus.** This chapter is computed from the {len(articles):,d} articles now in the corpus "
        f"folder ({outlets:,d} outlet{'s' if outlets != 1 else ''}): every table, chart and number on this page "
        "is theirs. The prose that interprets the results was written about the book's original five "
        "articles and describes those five.\n:::\n"
    )
