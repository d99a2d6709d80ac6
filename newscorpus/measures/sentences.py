"""Sentences, one paragraph at a time: blingfire's rule-based segmenter plus a small pass of rules.

Why blingfire: measured against a hand count of every seed sentence
(``newscorpus/data/evaluation/sentence_counts.csv``) it was as accurate as syntok and pysbd once
patched, and, patch included, several times faster than both (the readability chapter shows the
comparison, made by :mod:`newscorpus.validation.sentences`); the per-article analysis has to keep
up with textstat over a whole news archive. The rules below were written on those hand-counted
paragraphs and then on pysbd's 48 English "Golden Rules" (``data/evaluation/golden_rules_en.tsv``),
which nobody here wrote.

What blingfire gets wrong, and the pass fixes (each case pinned in ``tests/test_sentences.py``):

* it never ends a sentence before a number ("... into Syria. 40,000 Iraqi officers ...");
* it takes some ordinary words for abbreviations ("The army moved in. Troops arrived.");
* it sometimes strands a title as a sentence of its own ("Gen. Smith. Col." / "Jones came.");
* it ends a sentence before a small letter ('"This is great." she said');
* it ends one after a free-standing three-dot ellipsis ("the thing is . . . I didn't"), or
  after one in square brackets, which marks words left out of a quotation ('stairways [...]"
  (Smith 55)');
* it does not end one after a time before a title ("at 6 P.M. Mr. Smith then went");
* it splits a list item after its number ("1." / "The first item") and does not split an
  inline list ("1) The first item 2) The second item").

So a boundary is kept where a full stop, question or exclamation mark (and any closing quote or
bracket) is followed by a space and a capital letter, digit or opening quote, or where blingfire
puts one, unless

* the next sentence would start with a small letter;
* the stop is a three-dot ellipsis (``...``, ``. . .`` or ``…``) that stands free, with a space
  before it ("the thing is . . . I didn't"), or in square brackets: by the convention of the AP
  Stylebook and the Chicago Manual that marks words left out, and a sentence that ends before
  an ellipsis takes its own full stop, so four dots end a sentence. Three dots on the word before
  a capital ("It closed on Sunday... You voted") end it, as informal and translated text writes
  them. When a stop sits on the word and a spaced ellipsis follows (``compounds. . . . The``),
  the sentence ends at the stop;
* the word before is a title, a month or a reference abbreviation (``Lt.``, ``Nov.``, ``No.``)
  or a single-letter initial (``Michael W. Hanna``; but ``I`` after a word in small letters is
  the pronoun: "you and I. Did you see ...");
* the word before is a dotted initialism (``U.S.``, ``a.k.a``) or an abbreviation that follows a
  name (``Jr.``, ``Co.``, ``Inc.``), and blingfire does not end a sentence there ("I live in the
  U.S. How about you?" ends one, "the U.S. Government" does not);
* the piece before is a list marker (``1.``, ``a)``, ``• 9.``) at the start of the paragraph.

A time (``a.m.``, ``p.m.``) before a capital ends the sentence unless the next word is a day,
month or time zone ("6 p.m. Thursday", "10 a.m. GMT") or the time opens the sentence ("At 5 a.m.
Mr. Smith went to the bank"). A paragraph that opens with a list marker (``1.``, ``1)``, ``a.``,
``•``) and has the next one in order (``2.``, ``2)``, ``b.``, ``•``) is an inline list: each
marker starts an item. Pieces without a letter or digit (a stray ``.``) are not sentences.

With these rules the segmenter passes all 48 Golden Rules, prose and list alike (each rule is a
test case in ``tests/test_sentences.py``; ``make validate`` scores them). The list rules were a
check, not a goal: news paragraphs rarely hold inline lists (a list on a web page becomes one
paragraph per item after cleaning), but a paragraph that opens "1. The army ..." must not yield
a sentence "1.".

Each paragraph is segmented on its own: a paragraph without a final stop is one sentence, never
merged into the next paragraph (textstat merges it). Offsets returned by :func:`sentence_spans`
index the paragraph as given, so the sentences of :func:`split_paragraph` are found there.
"""

from __future__ import annotations

import ctypes
import functools
import re
import threading

import blingfire

# Case-sensitive: "No. 5" is an abbreviation, "said no." ends a sentence.
# Titles and ranks stand before a name, so they never end a sentence before a capital.
TITLES = frozenset(
    "Mr Mrs Ms Messrs Dr Drs Prof Rev Fr St Mt Ft Hon Gov Sen Rep Pres Amb Supt Insp "
    "Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Adm Brig Cmdr Cdr Lieut Gens Cols".split())
# Months (days are rarely abbreviated in prose); references; both stand before a number.
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
REFERENCES = frozenset("No Nos N° Nº Vol Vols Fig Figs Art Sec Ch Para pp p vs approx Dept Univ".split())
# These follow a name and may end a sentence ("Pitt, Briggs & Co. It closed yesterday.", "on Michigan
# Ave. Does anyone"): kept
# where blingfire ends one, as for dotted initialisms.
AFTER_A_NAME = frozenset("Jr Sr Inc Co Corp Ltd Bros Ave".split())
NEVER_AN_END = TITLES | MONTH_ABBREVIATIONS | REFERENCES
ABBREVIATIONS = NEVER_AN_END | AFTER_A_NAME  # the whole list (the chapter gives it to Punkt too)

# Words after a time that belong to it ("6 p.m. Thursday", "10 a.m. GMT").
TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December GMT UTC BST CET CEST EET EEST AST EST EDT CST CDT MST MDT "
    "PST PDT ET PT".split()) | MONTH_ABBREVIATIONS
TIMES = frozenset({"a.m", "p.m"})

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'"})

# A possible sentence end: stop(s), closing quotes/brackets, space, then a capital, digit or opening quote.
CANDIDATE_END = re.compile(r"[.!?]+[\"”'’)\]]*(\s+)(?=[\"“'‘(\[]*[A-Z0-9])")
HAS_WORD = re.compile(r"[^\W_]")
FIRST_WORD_CHARACTER = re.compile(r"[^\w]*(\w)")
LEADING_PUNCT = "\"“'‘([{"
CLOSERS = "\"”'’)]"
# An ellipsis at the end of a text: dots (or …), each maybe followed by one space.
ELLIPSIS_AT_END = re.compile(r"(?:[.…] ?)*[.…]$")
# A list marker at the start of a paragraph: a bullet, an enumerator (1. 1) 1.) a.) or both.
BULLETS = "•‣◦⁃∙▪●"
LIST_MARKER = re.compile(rf"(?P<bullet>[{BULLETS}] ?)?(?:(?P<enum>\d{{1,3}}|[A-Za-z])(?P<punct>\.\)|[.)]))?\s+")


@functools.lru_cache(maxsize=256)
def blingfire_sentences(paragraph: str) -> tuple[str, ...]:
    """blingfire's sentences of a paragraph (``text_to_sentences`` split at its newlines). Kept for
    the last few hundred paragraphs: readability, tone and attribution segment the same ones."""
    return tuple(text_to_sentences(paragraph).split("\n"))


_OUTPUT = threading.local()  # each thread's output buffer for blingfire


def text_to_sentences(paragraph: str) -> str:
    """``blingfire.text_to_sentences(paragraph)``: the same call of the library's C function with the
    same arguments, but into an output buffer kept per thread instead of a new one per call (a
    speed goal: ctypes makes an array type for every new length, which took a third of the time
    of the segmentation itself). The wrapper returns its zeroed buffer up to the first NUL; this
    reads the bytes the call wrote, up to the first NUL, which is the same string."""
    data = paragraph.encode("utf-8")
    size = len(data) * 2  # the wrapper's buffer and limit
    buffer = getattr(_OUTPUT, "buffer", None)
    if buffer is None or len(buffer) < size:
        buffer = _OUTPUT.buffer = ctypes.create_string_buffer(max(size, 1 << 16))
    written = blingfire.blingfire.TextToSentences(data, len(data), buffer, size)
    if written == -1 or written > size:
        return ""
    return ctypes.string_at(buffer, written).split(b"\0", 1)[0].decode("utf-8")



def _blingfire_starts(paragraph: str) -> set[int]:
    """Where blingfire starts a sentence (after the first). ``text_to_sentences`` is several
    times faster than the offsets variant (which maps bytes in Python); its sentences are found
    back in the paragraph, and the offsets variant is used only if the text was changed."""
    starts, cursor = set(), 0
    for k, sentence in enumerate(blingfire_sentences(paragraph)):
        found = paragraph.find(sentence, cursor)
        if found < 0:
            return {start for start, _ in blingfire.text_to_sentences_and_offsets(paragraph)[1][1:]}
        if k:
            starts.add(found)
        cursor = found + len(sentence)
    return starts


def _next_enumerator(enum: str) -> str:
    return str(int(enum) + 1) if enum.isdigit() else chr(ord(enum) + 1)


def _list_items(text: str) -> tuple[set[int], set[int]]:
    """For a paragraph that opens with a list marker: where each later item starts (the next
    markers in order, after a space), and where each marker's item text starts (no sentence
    ends there)."""
    marker = LIST_MARKER.match(text)
    if not marker or not (marker["bullet"] or marker["enum"]):
        return set(), set()
    starts, ends = set(), {marker.end()}
    bullet, enum, punct = (marker["bullet"] or "").strip(), marker["enum"], marker["punct"] or ""
    while True:
        enum = _next_enumerator(enum) if enum else None
        following = re.compile(r"(?<=\s)" + (re.escape(bullet) + " ?" if bullet else "")
                               + (re.escape(enum) if enum else "") + re.escape(punct) + r"\s+")
        marker = following.search(text, marker.end())
        if not marker:
            return starts, ends
        starts.add(marker.start())
        ends.add(marker.end())


def _time_opens_sentence(text: str, start: int, word_start: int) -> bool:
    """``At 5 a.m. ...``: at most three words before the time, the last a number."""
    before = text[start:word_start].split()
    return len(before) <= 3 and bool(before) and before[-1][0].isdigit()


def _boundary(text: str, start: int, boundary: int, blingfire_ends: bool) -> int | None:
    """Where the sentence that began at ``start`` ends if a candidate boundary is at
    ``boundary`` (the next sentence's first character): ``boundary`` itself, an earlier point
    (a stop before a spaced ellipsis), or None if no sentence ends here. Works on offsets, not
    slices: it runs once per sentence of every article."""
    first = text[boundary]
    if first.islower() or (not first.isalnum() and (m := FIRST_WORD_CHARACTER.match(text, boundary))
                           and m[1].islower()):
        return None  # '"This is great." she said'
    end = boundary
    while end > start and text[end - 1].isspace():
        end -= 1
    stop = end  # just after the last stop, closing quotes and brackets left out
    while stop > start and text[stop - 1] in CLOSERS:
        stop -= 1
    if stop == start:
        return boundary  # nothing but closing quotes since the last boundary
    if text.endswith(("..", " .", "…"), start, stop):
        ellipsis = ELLIPSIS_AT_END.search(text[start:stop])
        dots = ellipsis[0].count(".") + 3 * ellipsis[0].count("…")
        first_dot = start + ellipsis.start()
        if dots == 3 and (first_dot == start or text[first_dot - 1] in " [("):
            return None  # an ellipsis standing free inside the sentence, or "[...]" inside a quotation
        if dots > 3 and first_dot > start and not text[first_dot - 1].isspace() and text[first_dot + 1] == " ":
            return first_dot + 2  # "compounds. . . . The": the stop ends it, the ellipsis opens the next
        return boundary
    if text[stop - 1] != ".":
        return boundary
    word_start = text.rfind(" ", 0, end) + 1
    while word_start < stop and text[word_start] in LEADING_PUNCT:
        word_start += 1
    bare = text[word_start:stop].rstrip(".")
    if len(bare) == 3 and bare.lower() in TIMES:
        next_word = text[boundary:boundary + 20].split(None, 1)[0].strip(LEADING_PUNCT + CLOSERS + ".,;:")
        if next_word in TIME_WORDS or _time_opens_sentence(text, start, word_start):
            return None
        return boundary
    if bare in NEVER_AN_END:
        return None
    if len(bare) == 1 and bare.isupper():
        previous = text[max(start, word_start - 30):word_start].split()[-1:] or [""]
        if bare == "I" and not previous[0][:1].isupper():
            return boundary  # the pronoun: "you and I. Did you see ..."
        return None  # an initial: "Michael W. Hanna"
    if ("." in bare or bare in AFTER_A_NAME) and not blingfire_ends:
        return None  # U.S., a.k.a, Co.: an end only where blingfire finds one
    return boundary


@functools.lru_cache(maxsize=4096)
def _sentence_pieces(paragraph: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each sentence of a paragraph as the spans of its pieces (offsets in ``paragraph``): one
    piece, or more where a stray stop is joined to the sentence before.

    Cached per paragraph (hand-optimised for the speed goal): readability, tone, attribution, the
    text layer and every lexicon match's part-of-speech look-up segment the same paragraphs,
    several times each; the result is a tuple, so no caller can change what the next one reads."""
    lead = len(paragraph) - len(paragraph.lstrip())
    text = paragraph.strip()
    if not text:
        return ()
    ends = _blingfire_starts(text)
    item_starts, marker_ends = _list_items(text)
    boundaries = []
    start = 0
    for candidate in sorted(ends | item_starts | {m.end() for m in CANDIDATE_END.finditer(text)}):
        if candidate in item_starts:
            found = candidate
        elif candidate in marker_ends:
            continue
        else:
            found = _boundary(text, start, candidate, candidate in ends)
        if found is not None and found > start:
            boundaries.append(found)
            start = found
    sentences: list[list[tuple[int, int]]] = []
    for a, b in zip([0, *boundaries], [*boundaries, len(text)]):
        piece = text[a:b].lstrip()
        if not piece:
            continue
        span = (lead + b - len(piece), lead + b - (len(piece) - len(piece.rstrip())))
        if sentences and not HAS_WORD.search(piece):  # a stray stop belongs to the sentence before
            sentences[-1].append(span)
        else:
            sentences.append([span])
    return tuple(tuple(pieces) for pieces in sentences)


def clear_caches() -> None:
    """Forget every paragraph segmented so far (to time the segmenter on text it has not seen)."""
    blingfire_sentences.cache_clear()
    _sentence_pieces.cache_clear()


def sentence_pieces(paragraph: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each sentence of ``paragraph`` as the ``(start, end)`` spans of its pieces: one, or more where
    a stray stop (a piece with no letter or digit) is joined to the sentence before."""
    return _sentence_pieces(paragraph)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``paragraph``, in order, without surrounding spaces."""
    return [(pieces[0][0], pieces[-1][1]) for pieces in _sentence_pieces(paragraph)]


def split_paragraph(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, stripped (a stray stop joined to the sentence
    before with one space)."""
    return [" ".join(paragraph[a:b] for a, b in pieces) for pieces in _sentence_pieces(paragraph)]


def split_sentences(paragraphs: list[str], first: int = 1) -> list[tuple[int, str]]:
    """``(paragraph number, sentence)`` for every sentence of an article, paragraphs numbered
    from ``first``."""
    return [(i, s) for i, p in enumerate(paragraphs, first) for s in split_paragraph(p)]
