"""Part of speech at a place in a paragraph, for the measures that match strings (lexicons) and
must know what a match is ("May" the month or the modal, "reports" the noun or the verb).

Only a window of the sentence around the word is tagged (``BEFORE`` words before it, ``AFTER``
after): the tagger reads two words either side and the two tags before, so a few words of run-up
give the tag the whole sentence would (``tests/test_layer.py`` checks it on the seeds), at a
fraction of the cost of tagging the sentence (a speed goal: the framing table runs per article
over an archive)."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from operator import itemgetter

from ..measures.sentences import sentence_spans
from .pos import tag_upos
from .words import words


@lru_cache(maxsize=1024)
def _tagged_sentence(paragraph: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    spans = words(paragraph, start, end)
    # numbers are given to the tagger too (it was trained with them: "May 2010"); they come
    # back NUM
    upos = tuple(tag_upos([paragraph[s:e] for s, e, _ in spans]))
    return tuple(s for s, _, _ in spans), tuple(e for _, e, _ in spans), upos


BEFORE, AFTER = 6, 3


@lru_cache(maxsize=4096)
def _tagged_window(forms: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("NUM" if k == "number" else tag for k, tag in zip(kinds, tag_upos(forms)))


_start = itemgetter(0)  # a word span's start


def upos_at(paragraph: str, start: int, whole_sentence: bool = False) -> tuple[str | None, str | None]:
    """(UPOS of the word starting at ``start``, UPOS of the word after it) in the paragraph's
    sentence; None where there is no such word. ``whole_sentence`` tags the whole sentence
    (the reference the window is checked against)."""
    for s_start, s_end in sentence_spans(paragraph):
        if s_start <= start < s_end:
            if whole_sentence:
                starts, _, upos = _tagged_sentence(paragraph, s_start, s_end)
                i = bisect_right(starts, start) - 1
                if i < 0 or starts[i] != start:
                    return None, None
                return upos[i], (upos[i + 1] if i + 1 < len(upos) else None)
            # the sentence's words (cached by the text layer); only the window's forms and kinds
            # are built (a speed goal: most sentences hold one match)
            spans = words(paragraph, s_start, s_end)
            i = bisect_right(spans, start, key=_start) - 1
            if i < 0 or spans[i][0] != start:
                return None, None
            low, high = max(0, i - BEFORE), min(len(spans), i + AFTER + 1)
            window = spans[low:high]
            upos = _tagged_window(tuple([paragraph[s:e] for s, e, _ in window]), tuple([k for _, _, k in window]))
            j = i - low
            return upos[j], (upos[j + 1] if j + 1 < len(upos) else None)
    return None, None
