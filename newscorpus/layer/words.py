"""One definition of a word for the whole book, and the counting key of each word.

A *word* is, in this order of preference:

1. an abbreviation with full stops ("U.S.", "a.k.a."): one word, its key written without stops;
2. a number ("40,000", "2.5"): one word;
3. a run of letters and digits with inner apostrophes or hyphens ("al-Sham", "post-Mosul",
   "don't", "Iraq's"): one word.

Punctuation is never a word. Every chapter counts words with :func:`word_count` or reads the
text layer's tokens, which are these words, so an article has one word count everywhere.

The *key* is what is counted (document-feature matrix, keyness, log-odds, themes, places):
a word written in capitals of two letters or more ("IS", "ISIS", "US"), or led by one
("US-backed"), keeps its capitals, since lower-casing turns the group "IS" into the verb "is"; a name joined to the Arabic article
("Al-Baghdadi", "al-Sham") is written "al-..."; a final possessive "'s" is dropped; every other
word is lower-cased. Multi-word names (:mod:`newscorpus.layer.names`) keep their case.

Hand-written rather than a library tokeniser because the keys must keep these names and
acronyms, and one compiled regex keeps it fast (a 1,000-word article in well under a ms).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_LETTER = r"[^\W\d_]"
WORD = re.compile(
    rf"(?P<abbrev>(?<![^\W_])(?:{_LETTER}\.){{2,}}(?![^\W_]))"
    r"|(?P<number>(?<![^\W_])\d+(?:[.,]\d+)*(?![^\W_]))"
    # a name joined to the Arabic article, even where scraped text put a space after the hyphen
    rf"|(?P<particle>(?<![^\W_])[Aa]l-[ \t]{_LETTER}+(?:['’\-][^\W_]+)*)"
    r"|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"
)
# WORD written for speed, with the same matches (a speed goal; ``tests/test_words.py`` compares
# the two on varied text). Each alternative opens with a character class, so the regex engine
# drops an alternative at the first character it cannot start with instead of testing its
# look-behind first; "no letter or digit before the word" is then read after the first
# characters, as many characters further back (``(?<![^\W_]..)`` after "U." reads the character
# before "U"; a look-behind that reaches before the string passes, as at its start);
# ``\d\d*`` tries the lengths ``\d+`` tries, in the same order; and the runs of a name or word are
# possessive: nothing follows them in their alternative, so the first, greedy, way of matching
# succeeds and giving characters back could never be tried.
_WORD_SCAN = re.compile(
    rf"(?P<abbrev>{_LETTER}\.(?<![^\W_]..)(?:{_LETTER}\.)+(?![^\W_]))"
    r"|(?P<number>\d(?<![^\W_].)\d*(?:[.,]\d+)*(?![^\W_]))"
    rf"|(?P<particle>[Aa]l-[ \t](?<![^\W_]....){_LETTER}++(?:['’\-][^\W_]++)*+)"
    r"|(?P<word>[^\W_]++(?:['’\-][^\W_]++)*+)"
)
# WORD without its named groups, for counting (hand-optimised for the speed goal):
# ``findall`` then returns each match as one string instead of a tuple of its four groups.
WORD_FORMS = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _WORD_SCAN.pattern))
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
PARTICLE = re.compile(r"^[Aa]l-(?=[^\W\d_])")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'"})


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every word of ``text[start:end]``, offsets into ``text``; kind is
    ``abbrev``, ``number``, ``particle`` ("Al- Baaj", written with a space) or ``word``."""
    if start == 0 and end is None:
        return list(_all_words(text))
    return list(_span_words(text, start, len(text) if end is None else end))


@lru_cache(maxsize=8192)
def _span_words(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    # A sentence's words are read by the text layer, diversity, places and every lexicon match's
    # part-of-speech look-up: kept for the last few thousand sentences (a speed goal).
    # They are the paragraph's words that lie in the span, taken from its cached words instead
    # of a second regex pass, wherever that is provably the same: no word of the paragraph runs
    # across either edge, and the character after the span is no letter or digit (a scan that
    # stops at ``end`` reads the end of the string there, and every look-ahead of WORD asks only
    # whether a letter or digit follows). A scan from ``start`` sees the text before it, as the
    # paragraph's scan does (look-behinds read before ``pos``), and every match that straddles no
    # edge is found by both at the same place. Otherwise the span is scanned on its own.
    if 0 <= start <= end and (end == len(text) or (end < len(text) and not _WORD_CHAR.match(text, end))):
        spans, starts = _paragraph_words(text)
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i == 0 or spans[i - 1][1] <= start) and (j == i or spans[j - 1][1] <= end):
            return spans[i:j]
    return tuple([(m.start(), m.end(), m.lastgroup) for m in _WORD_SCAN.finditer(text, start, end)])


_WORD_CHAR = re.compile(r"[^\W_]")


@lru_cache(maxsize=4096)
def _paragraph_words(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    # Several measures read the same paragraph's words: kept for the last few thousand paragraphs,
    # with their starts (for the spans of its sentences, above).
    spans = tuple([(m.start(), m.end(), m.lastgroup) for m in _WORD_SCAN.finditer(text)])
    return spans, tuple([s for s, _, _ in spans])


def _all_words(text: str) -> tuple[tuple[int, int, str], ...]:
    return _paragraph_words(text)[0]


def standalone_forms(text: str, start: int, end: int, read_as: str | None = None) -> list[str]:
    """``WORD_FORMS.findall(text[start:end])``: the words of a span of a paragraph (a sentence)
    read as a string of its own, taken from the paragraph's cached words wherever that is provably
    the same (a speed goal): no word of the paragraph runs across either edge, and no letter or
    digit stands just outside either (what the look-behinds read before the span, and the
    look-aheads after it, then reads as a string's start and end read). A scan of the span alone
    then tries the positions the paragraph's scan tries there, each reading the same characters,
    so it finds the same words (the argument of ``_span_words``); otherwise the span is scanned.

    ``read_as``: a text whose cached words are ``text``'s (the paragraph as given, where ``text``
    has its curly apostrophes "’" made straight: WORD reads the two alike, each only inside a word
    and neither a letter nor a digit); ``text`` itself if None."""
    if ((start == 0 or not _WORD_CHAR.match(text, start - 1))
            and (end >= len(text) or not _WORD_CHAR.match(text, end))):
        spans, starts = _paragraph_words(text if read_as is None else read_as)
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i == 0 or spans[i - 1][1] <= start) and (j == i or spans[j - 1][1] <= end):
            return [text[s:e] for s, e, _ in spans[i:j]]
    return WORD_FORMS.findall(text[start:end])


def word_count(text: str) -> int:
    """How many words ``text`` has: the one count every chapter uses."""
    return len(WORD_FORMS.findall(text))


def paragraphs_word_count(paragraphs) -> int:
    """``word_count("\n\n".join(paragraphs))`` from each paragraph's cached words (a speed
    goal): no word can run across a blank line (no part of ``WORD`` matches a line break) and a
    line break is no word character, so the look-arounds at a paragraph's edges read the same."""
    return sum(len(_all_words(p)) for p in paragraphs)


def text_word_count(text: str, paragraphs) -> int:
    """``word_count(text)`` where some of the text's lines are ``paragraphs`` (an article's source
    and its cleaned paragraphs): those lines' words are read from the paragraphs' cached words,
    the other lines are counted as before (a speed goal: most of a source's words are in its
    paragraphs). The same count: no word runs across a line break (no part of ``WORD`` matches
    one) and a line break is no word character, so the look-arounds at a line's edges read what
    they read at a string's edges; and white space around a line is no word nor any part of a
    word's edge, so a line counts as it does stripped."""
    known = set(paragraphs)
    total, rest = 0, []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped in known:
            total += len(_all_words(stripped))
        else:
            rest.append(line)
    return total + (word_count("\n".join(rest)) if rest else 0)


def word_key(form: str, kind: str = "word") -> str:
    """The counting key of one word as written (see the module notes)."""
    key = _KEYS.get((form, kind))
    if key is None:
        if len(_KEYS) >= 500_000:  # bounded: a long run's vocabulary does not grow memory forever
            _KEYS.clear()
        key = _KEYS[form, kind] = _word_key(form, kind)
    return key


_KEYS: dict[tuple[str, str], str] = {}


def _word_key(form: str, kind: str) -> str:
    if kind == "abbrev":
        bare = form.replace(".", "")
        return bare if bare.isupper() else bare.lower()
    if kind == "number":
        return form
    if kind == "particle":
        form = "al-" + form[3:].lstrip()
    form = POSSESSIVE.sub("", form.translate(APOSTROPHES)) or form
    if PARTICLE.match(form):
        return "al-" + form[3:]
    lead = form.split("-", 1)[0]
    if len(lead) > 1 and lead.isupper():  # "ISIS", "US", and compounds led by one: "US-backed"
        return form if form.isupper() else lead + form[len(lead):].lower()
    return form.lower()
