"""The text layer's fast paths give what the plain definitions give (a speed goal: each is checked
here on varied text, not only on the seeds): the regex written for speed finds WORD's matches,
and a sentence's words read from its paragraph's cached words are the words of the sentence as a
string of its own."""

from __future__ import annotations

import random
import re

import pytest

import newscorpus
from newscorpus.layer import words as W

# every character class WORD reads: letters (A, a, l for "al-"), digits (also non-ASCII ones),
# stops and commas, apostrophes, hyphens, spaces, tabs and line breaks, "_", a letter with no
# case, a modifier letter, a combining mark, and a letter whose lower case is longer
ALPHABET = list("AaLlSsU.x9,0-'’ \t\n_") + ["é", "ʼ", "٣", "\u0301", "İ", "Al- ", "al-", "U.S.", "2.5"]


def random_texts(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def seed_paragraphs() -> list[str]:
    corpus = newscorpus.load()
    return [line for text in corpus["raw_text"] for line in text.split("\n") if line.strip()]


PLAIN_FORMS = re.compile(re.sub(r"\(\?P<\w+>", "(?:", W.WORD.pattern))


def test_the_fast_regex_finds_words_matches():
    for text in [*random_texts(20000), *seed_paragraphs()]:
        expected = [(m.span(), m.lastgroup) for m in W.WORD.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in W._WORD_SCAN.finditer(text)] == expected, text
        assert W.WORD_FORMS.findall(text) == PLAIN_FORMS.findall(text), text
        for start, end in ((1, len(text)), (2, len(text) - 1), (3, 7)):  # look-behinds read before pos
            expected = [(m.span(), m.lastgroup) for m in W.WORD.finditer(text, start, end)]
            assert [(m.span(), m.lastgroup) for m in W._WORD_SCAN.finditer(text, start, end)] == expected, text


@pytest.mark.parametrize("text, forms", [
    ("The U.S. said 40,000 al- Baaj fighters don’t", ["The", "U.S.", "said", "40,000", "al- Baaj", "fighters", "don’t"]),
    ("a.b.c1 2.5x x2.5 Al-Sham", ["a", "b", "c1", "2", "5x", "x2", "5", "Al-Sham"]),
])
def test_words_by_hand(text, forms):
    assert W.WORD_FORMS.findall(text) == forms
    assert [text[s:e] for s, e, _ in W.words(text)] == forms


def test_standalone_forms_equal_the_forms_of_the_span_as_a_string():
    rng = random.Random(1)
    texts = random_texts(4000, seed=2) + seed_paragraphs()
    for text in texts:
        W._paragraph_words.cache_clear()
        # edges anywhere, and edges at a space or stop (where sentences start and end: the fast path)
        edges = [0, len(text), *(i for i, c in enumerate(text) if c in " .\n"), *(i + 1 for i, c in enumerate(text) if c in " .")]
        for _ in range(8):
            start = rng.choice(edges) if rng.random() < 0.7 else rng.randint(0, len(text))
            end = rng.choice([e for e in edges if e >= start] or [len(text)])
            assert W.standalone_forms(text, start, end) == W.WORD_FORMS.findall(text[start:end]), (text, start, end)


def test_a_paragraph_with_curly_apostrophes_is_read_as_with_straight_ones():
    """``read_as``: the words of a paragraph with "’" made straight are the given paragraph's words
    (readability reads its sentences so); not so for "ʼ", a letter, which the caller checks."""
    straight = str.maketrans({"’": "'"})
    rng = random.Random(3)
    texts = [t for t in random_texts(6000, seed=4) + seed_paragraphs() if "ʼ" not in t]
    assert sum("’" in t for t in texts) > 1000
    for given in texts:
        text = given.translate(straight)
        edges = [0, len(text), *(i for i, c in enumerate(text) if c in " .\n"), *(i + 1 for i, c in enumerate(text) if c in " .")]
        for _ in range(4):
            start = rng.choice(edges)
            end = rng.choice([e for e in edges if e >= start] or [len(text)])
            assert W.standalone_forms(text, start, end, given) == W.WORD_FORMS.findall(text[start:end]), (given, start, end)
    assert W.WORD_FORMS.findall("ʼtwas") != W.WORD_FORMS.findall("'twas")
