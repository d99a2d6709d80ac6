"""Cleaning: strip a scraped page's furniture from the article, keeping every removed line.

- ``cleaner``: one article, line by line (the phrase lexicon, shape, length and stop words,
  neighbours, position);
- ``phrases`` and ``prefilter``: the phrase lexicon and the Aho-Corasick gate that keeps it fast;
- ``cleaned``: the whole corpus (site templates learnt per outlet) and the audit;
- ``evaluation``: the cleaner scored against hand labels.
"""

from .cleaned import audit, clean_corpus, removed_by_reason
from .cleaner import CleanedArticle, article_text, clean_file, clean_text

__all__ = ["CleanedArticle", "article_text", "audit", "clean_corpus", "clean_file", "clean_text", "removed_by_reason"]
