"""Readability's fast paths give what the plain rules give, on varied text (a speed goal: each
is checked here beyond the seeds)."""

from __future__ import annotations

import random
import re

import numpy as np

from newscorpus.measures import readability as rd
from newscorpus.measures.sentences import split_sentences

ALPHABET = list("ab1 _.!?-'’\n\t,") + ["\u00a0", "é", "\u0301", "٣", "  ", "U.S.", "Mr. ", "’s", "ʼ"]


def random_texts(count: int, seed: int, length: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, length))) for _ in range(count)]


def plain_textstat_sentence_count(text: str) -> int:
    """textstat's rule as written: split after every run of . ! ?, drop the pieces of two words or
    fewer once punctuation is removed, at least 1 (0 for no text)."""
    if not text:
        return 0
    pieces = re.findall(r"\b[^.!?]+[.!?]*", text)
    return max(1, sum(len(re.sub(r"[^\w\s]", "", piece).split()) > 2 for piece in pieces))


def test_textstat_sentence_count_follows_the_plain_rule():
    for text in random_texts(30000, seed=3):
        assert rd.textstat_sentence_count(text) == plain_textstat_sentence_count(text), text
    assert rd.textstat_sentence_count("One two three. Four five. Six seven eight!") == 2
    assert rd.textstat_sentence_count("A - b. c") == 1


def test_article_counts_equal_the_counts_of_the_split_sentences():
    """Each sentence's counts, read from its paragraph's cached words, equal ``sentence_counts`` of
    the sentence as ``split_sentences`` writes it (stray stops, curly apostrophes, "al- Baaj")."""
    rng = random.Random(5)
    words = ["The", "army", "said", "U.S.", "Mr.", "Smith", "al-", "Al- Baaj", "don’t", "Syria’s", "40,000",
             "2.5", "a.m.", "éclair", "ʼtwas", "İstanbul", "x_y", "..."]
    stops = [". ", "! ", "? ", " . ", "… ", ", ", " ", '." ', "... "]
    for k in range(300):
        paragraphs = [" ".join(rng.choice(words) + rng.choice(stops) for _ in range(rng.randint(1, 25))).strip()
                      for _ in range(rng.randint(1, 4))]
        row, evidence = rd.article_readability(f"case{k}.txt", paragraphs, n_boot=20)
        expected = [(p, s, rd.sentence_counts(s)) for p, s in
                    split_sentences([p.translate(rd.WORD_APOSTROPHES) for p in paragraphs])]
        kept = [(p, s, c) for p, s, c in expected if c[1]]
        assert [(r["paragraph"], r["text"], [r[c] for c in rd.COUNTS]) for r in evidence] == kept
        numbers = [n for n, (_, _, c) in enumerate(expected, 1) if c[1]]
        assert [r["sentence"] for r in evidence] == numbers
        if kept:
            totals = np.array([c for _, _, c in kept]).sum(axis=0)
            assert [row[c] for c in rd.COUNTS] == list(totals)


def test_resample_draws_are_numpys_integers():
    """Both bootstraps' draws from one run of the generator are ``integers``' own, for small and
    large numbers of rows, and where numpy draws again (the fallback): n=12345 for "file1.txt"
    meets a redraw within 50 resamples."""
    assert rd._lemire_is_numpys()  # the fast path is what runs here
    cases = [(f"f{k}.txt", 200, (n, m)) for k, (n, m) in
             enumerate([(1, 1), (2, 1), (3, 2), (46, 16), (82, 40), (64, 64), (257, 3), (1000, 999)])]
    cases += [("file1.txt", 50, (12345, 7)), ("file1.txt", 50, (7, 12345))]
    redrawn = 0
    for file, n_boot, sizes in cases:
        got = rd.resample_draws(file, n_boot, sizes)
        for n, draws in zip(sizes, got):
            expected = rd._rng(file).integers(0, n, size=(n_boot, n))
            assert draws.shape == expected.shape and np.array_equal(draws, expected), (file, n)
        fast = rd._lemire_draws(file, n_boot, sizes)
        redrawn += any(d.dtype == np.int64 for d in fast)
    assert redrawn  # the fallback was exercised
