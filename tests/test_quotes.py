"""The quotation spans' shortcut: a paragraph without any quote mark is read without the regex."""

from __future__ import annotations

import random

from newscorpus.measures import quotes


def _spans_by_regex(paragraph: str) -> list[tuple[int, int]]:
    marks = [m.span() for m in quotes.QUOTE_MARK.finditer(paragraph)]
    spans = [(marks[i][0], marks[i + 1][1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1][0], len(paragraph)))
    return spans


def test_the_quote_marks_listed_are_what_the_pattern_matches():
    assert all(quotes.QUOTE_MARK.fullmatch(mark) for mark in quotes.QUOTE_MARKS)
    # every other character, and a lone apostrophe, is no quote mark
    others = "".join(chr(c) for c in range(32, 0x2100) if chr(c) not in "".join(quotes.QUOTE_MARKS))
    assert quotes.QUOTE_MARK.search(others) is None and quotes.QUOTE_MARK.search("it's 'a'") is None


def test_quote_spans_are_the_regex_pass_on_random_paragraphs():
    rng = random.Random(3)
    pieces = ["He said", " ", "“", "”", '"', "''", "'", "„", "«", "»", "[ISIS]", "ok.", "word", "’"]
    for _ in range(2000):
        paragraph = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert quotes.quote_spans(paragraph) == _spans_by_regex(paragraph), paragraph
        assert [k[:2] for k in quotes.quote_kinds(paragraph, [])] == _spans_by_regex(paragraph), paragraph
