"""The lexicon scan on word edges (``lexicons.word_scan_automaton``) reports exactly the matches
the plain automaton (``scan_automaton``) reports at word edges: same spans, same entries."""

from __future__ import annotations

import pytest

from newscorpus.cleaning.cleaned import clean_corpus
from newscorpus.corpus import load
from newscorpus.measures import lexicons

from conftest import SEEDS

# Forms with punctuation inside or at their ends, written with other punctuation, inside longer
# words, next to digits, underscores and non-ASCII letters, at the text's ends.
VARIED = [
    "united states", "united-states", "United  States", "the United States' army", "xunited states",
    "u.s.", "u.s", "U.S.A.", "u s ", "the U.S. said", "U.S.-led", "Da'esh", "Da’esh", "Da’ash", "Da-esh",
    "da esh", "daesh", "Daesh_", "_Daesh", "Daesh2", "2Daesh", "ISIS-held", "al-Nusra", "al Nusra",
    "al–Nusra", "Al-Nusra’s", "Russia’s", "Russia's", "left-wing", "left wing", "leftwing", "éisis",
    "isisé", "İsis said", "couldn't", "couldn’t", "could n't", "said\nsaid", "said\tsaid", "", " ",
    "point out", "point-out", "pointout", "on the whole", "on-the whole", "terrorists; terrorist.",
]


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    cleaned = clean_corpus(load(SEEDS))
    return VARIED + [p for ps in cleaned["paragraphs"] for p in ps]


def _plain(text: str) -> list[tuple]:
    found = []
    for end_index, (length, entries, plain) in lexicons.scan_automaton().iter(text):
        start, end = end_index - length + 1, end_index + 1
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        found.append((start, end, entries, plain))
    return sorted(found, key=lambda f: (f[0], f[1]))


def _on_word_edges(text: str) -> list[tuple]:
    found = []
    for end_index, (length, key, entries, plain, more) in lexicons.word_scan_automaton().iter(
            lexicons.word_edges_text(text)):
        end = end_index - 1
        start = end - length
        options = more or ((key, entries, plain),)
        for key, entries, plain in options:
            if key is None or text[start:end] == key:
                found.append((start, end, entries, plain))
    return sorted(found, key=lambda f: (f[0], f[1]))


def test_word_edges_scan_finds_what_the_plain_scan_keeps(paragraphs):
    matched = 0
    for p in paragraphs:
        text = lexicons.lowered(p)
        expected = _plain(text)
        matched += len(expected)
        assert _on_word_edges(text) == expected, p
    assert matched > 1000  # the comparison saw many matches


def test_word_edges_text_keeps_offsets():
    for text in ["", "a-b c", "İs_it 9 é’", "U.S.\n"]:
        edges = lexicons.word_edges_text(text)
        assert len(edges) == len(text) + 2 and edges[0] == edges[-1] == " "
        assert all(c == o if o.isalnum() else c == " " for c, o in zip(edges[1:-1], text))
