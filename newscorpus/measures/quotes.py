"""Whose words: every character of a paragraph is the outlet's own narrative, quoted text, or an
editor's or translator's gloss in square brackets.

Quotations are found by paired double quote marks (curly or straight), per paragraph. Marks are
paired in order, whatever their direction, because scraped and translated text often gets the
direction wrong (``and he noted ,” but ...``). A mark left without a partner opens a quotation
that runs to the end of the paragraph: the news convention for a quotation continued in the next
paragraph, and the safe reading of a lost closing mark. Single quotes are not used: they are
apostrophes as often as quote marks. Brackets win over quote marks, so the ``"ISIS"`` of an
inserted gloss is the editor's voice, not a quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

NARRATIVE, QUOTED, GLOSS = "narrative", "quoted", "gloss"
VOICES = (NARRATIVE, QUOTED, GLOSS)

# '' stands for a double quote in some wire and archive text (two apostrophes, as typed).
QUOTE_MARK = re.compile(r"''|[\"“”„«»]")
QUOTE_MARKS = ("''", '"', "“", "”", "„", "«", "»")  # what QUOTE_MARK matches
BRACKETED = re.compile(r"\[[^\[\]]*\]")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; an unpaired last mark runs to the end."""
    if not any(mark in paragraph for mark in QUOTE_MARKS):
        return []  # no mark at all (most paragraphs): no regex pass (a speed goal)
    marks = [m.span() for m in QUOTE_MARK.finditer(paragraph)]
    spans = [(marks[i][0], marks[i + 1][1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1][0], len(paragraph)))
    return spans


def gloss_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each square-bracketed insertion."""
    return [m.span() for m in BRACKETED.finditer(paragraph)]


class Voices:
    """The voice at any offset of one paragraph, by binary search over its spans."""

    __slots__ = ("_quotes", "_quote_starts", "_glosses", "_gloss_starts")

    def __init__(self, paragraph: str):
        self._quotes = quote_spans(paragraph)
        self._quote_starts = [s for s, _ in self._quotes]
        self._glosses = gloss_spans(paragraph)
        self._gloss_starts = [s for s, _ in self._glosses]

    @staticmethod
    def _inside(spans, starts, offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    def at(self, offset: int) -> str:
        if not self._glosses and not self._quotes:
            return NARRATIVE  # most paragraphs quote nobody: no search (a speed goal)
        if self._inside(self._glosses, self._gloss_starts, offset):
            return GLOSS
        if self._inside(self._quotes, self._quote_starts, offset):
            return QUOTED
        return NARRATIVE

    @property
    def quotes(self) -> list[tuple[int, int]]:
        return self._quotes

    @property
    def glosses(self) -> list[tuple[int, int]]:
        return self._glosses

    @property
    def all_narrative(self) -> bool:
        """No quotation and no gloss: every character is the outlet's narrative."""
        return not self._glosses and not self._quotes


@lru_cache(maxsize=256)
def voices_of(paragraph: str) -> Voices:
    """``Voices(paragraph)``, kept for the last few hundred paragraphs: framing and attribution
    read the same paragraphs' voices (a Voices is never changed once built)."""
    return Voices(paragraph)


SPEECH, NAME, TITLE = "speech", "name", "title"
TITLE_BEFORE = re.compile(r"\b(?:magazine|newspaper|book|article|column|op-ed|editorial|film|show|program|programme|"
                          r"song|titled|entitled|headlined|headline|appeared\s+on|aired\s+on)\s*$", re.IGNORECASE)
NAME_BEFORE = re.compile(r"\b(?:called|calls|call|dubbed|named|name|known\s+as|so-called|operation)\s*(?:the\s+)?$",
                         re.IGNORECASE)


def quote_kinds(paragraph: str, contents: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Each quotation of a paragraph with what it holds: ``title`` (a work or publication: after
    "magazine", "titled", "headlined", "appeared on"), ``name`` (after "called", "dubbed", "known
    as", "operation", or any quotation outside an attribution: a name, coinage or scare quote,
    "Breaking the Walls", the "caliphate") or ``speech`` (inside the content of an attribution:
    someone's words). Only speech is a quotation in the book's tables."""
    out = []
    for s, e in voices_of(paragraph).quotes:  # ``quote_spans(paragraph)``, found once (a speed goal)
        before = paragraph[max(0, s - 30):s]
        if TITLE_BEFORE.search(before):
            kind = TITLE
        elif NAME_BEFORE.search(before):
            kind = NAME
        elif any(cs <= s + 1 and e - 1 <= ce or (cs < e and s < ce and e - s > 40) for cs, ce in contents):
            kind = SPEECH
        else:
            kind = NAME
        out.append((s, e, kind))
    return out
