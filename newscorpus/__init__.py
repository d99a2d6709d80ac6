"""newscorpus: load, clean and measure a small corpus of news articles.

The executable book in this repository calls these functions; so can scripts, through
``python -m newscorpus``. Every measure is a function of the corpus that returns a
pandas DataFrame keyed by ``file``.
"""

from .corpus import load
from .errors import CorpusError

__all__ = ["CorpusError", "load"]
__version__ = "0.1.0"

# With NEWSCORPUS_CACHE set (the book's build and `make lab` set it), the per-article measures read
# and fill the on-disk cache of ``article_cache``; unset, this does nothing.
from .article_cache import install_if_enabled as _install_article_cache  # noqa: E402

_install_article_cache()
