"""Cleaning: strip a scraped page's furniture from the article, keeping every removed line.

- ``cleaner``: one article, line by line (the phrase lexicon, shape, length and stop words,
  neighbours, position);
- ``phrases`` and ``prefilter``: the phrase lexicon and the Aho-Corasick gate that keeps it fast;
- ``cleaned``: the whole corpus (site templates learnt per outlet) and the audit;
- ``tail``: what full pages put after the article (teasers, comments, bios, site sections);
- ``language``: which language a text is in (``detect_language``), from jusText's stop-word lists;
- ``evaluation``: the cleaner scored against hand labels; ``peer_pages`` (with ``page_text``):
  against the real news pages in newspaper4k's test suite, by ``make bench``.
"""

from .cleaned import audit, clean_corpus, removed_by_reason
from .cleaner import CleanedArticle, article_text, clean_file, clean_text

__all__ = ["CleanedArticle", "article_text", "audit", "clean_corpus", "clean_file", "clean_text", "removed_by_reason"]
