"""Part of speech at a place in a paragraph: the sentence around it is split into the layer's
words and tagged (once: cached), for the measures that match strings (lexicons) and must know
what a match is ("May" the month or the modal, "reports" the noun or the verb)."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from ..measures.sentences import sentence_spans
from .pos import tag_upos
from .words import words


@lru_cache(maxsize=1024)
def _tagged_sentence(paragraph: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    spans = words(paragraph, start, end)
    lettered = [paragraph[s:e] for s, e, kind in spans if kind != "number"]
    tags = iter(tag_upos(lettered))
    upos = tuple("NUM" if kind == "number" else next(tags) for _, _, kind in spans)
    return tuple(s for s, _, _ in spans), tuple(e for _, e, _ in spans), upos


def upos_at(paragraph: str, start: int) -> tuple[str | None, str | None]:
    """(UPOS of the word starting at ``start``, UPOS of the word after it) in the paragraph's
    sentence; None where there is no such word."""
    for s_start, s_end in sentence_spans(paragraph):
        if s_start <= start < s_end:
            starts, _, upos = _tagged_sentence(paragraph, s_start, s_end)
            i = bisect_right(starts, start) - 1
            if i < 0 or starts[i] != start:
                return None, None
            return upos[i], (upos[i + 1] if i + 1 < len(upos) else None)
    return None, None
