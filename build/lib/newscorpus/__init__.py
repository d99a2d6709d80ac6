"""newscorpus: load, clean and measure a small corpus of news articles.

The executable book in this repository calls these functions; so can scripts, through
``python -m newscorpus``. Every measure is a function of the corpus that returns a
pandas DataFrame keyed by ``file``.
"""

from .corpus import load
from .errors import CorpusError

__all__ = ["CorpusError", "load"]
__version__ = "0.1.0"
