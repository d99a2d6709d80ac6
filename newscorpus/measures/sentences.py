"""Sentences, one paragraph at a time: blingfire's rule-based segmenter plus a small abbreviation
pass.

Why blingfire: measured against a hand count of every seed sentence (``tests/evaluation/
sentence_counts.csv``) it was as accurate as syntok and pysbd once patched, and, patch included,
about ten times faster than syntok and thirty times faster than pysbd (see
:func:`segmenter_comparison`; the chapter shows the figures); the per-article analysis has to
keep up with textstat over a whole news archive. spaCy's blank-English sentencizer is not among
the candidates because it is not a dependency (spaCy and its compiled stack for one rule-based
splitter); measured once outside the book with the same comparison (spaCy 3.8.7, 2026-11-21) it
counted 4 of 5 articles exactly (80 of 81 paragraphs) at about three times the chosen
segmenter's cost per article.

What blingfire still gets wrong, and the pass below fixes (each case pinned in
``tests/test_sentences.py``):

* it never ends a sentence before a number ("... into Syria. 40,000 Iraqi officers ...");
* it takes some ordinary words for abbreviations ("The army moved in. Troops arrived.");
* it sometimes strands a title as a sentence of its own ("Gen. Smith. Col." / "Jones came.").

So a boundary is kept where a full stop, question or exclamation mark (and any closing quote or
bracket) is followed by a space and a capital letter, digit or opening quote, unless the word
before the stop is a title, a month or a reference abbreviation (``Lt.``, ``Nov.``, ``No.``) or a
single-letter initial (``Michael W. Hanna``). Dotted initialisms (``U.S.``, ``a.k.a``) end a
sentence only where blingfire says so. Pieces without a letter or digit (a stray ``.``) are not
sentences.

Each paragraph is segmented on its own: a paragraph without a final stop is one sentence, never
merged into the next paragraph (textstat merges it).
"""

from __future__ import annotations

import functools
import re
import time

import blingfire
import pandas as pd

from ..cleaning.evaluation import evaluation_dir

# Case-sensitive: "No. 5" is an abbreviation, "said no." ends a sentence.
ABBREVIATIONS = frozenset(
    # titles and ranks, which stand before a name
    "Mr Mrs Ms Messrs Dr Prof Rev Fr Sr Jr St Mt Ft Hon Gov Sen Rep Pres Amb Supt Insp "
    "Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Adm Brig Cmdr Cdr Lieut Gens Cols "
    # months (days are rarely abbreviated in prose)
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    # references and companies
    "No Nos Vol Vols Fig Figs Art Sec Ch Para pp p vs approx Inc Co Corp Ltd Bros Dept Univ Ave".split()
)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'"})

# A possible sentence end: stop(s), closing quotes/brackets, space, then a capital, digit or opening quote.
CANDIDATE_END = re.compile(r"[.!?]+[\"”'’)\]]*(\s+)(?=[\"“'‘(\[]*[A-Z0-9])")
HAS_WORD = re.compile(r"[^\W_]")
LEADING_PUNCT = "\"“'‘([{"


def _word_before(paragraph: str, boundary: int) -> str:
    """The whitespace-delimited word ending just before ``boundary`` (the next sentence's start)."""
    head = paragraph[:boundary].rstrip()
    return head[head.rfind(" ") + 1:].lstrip(LEADING_PUNCT)


def _is_abbreviation(word: str) -> bool:
    """Title, month or reference abbreviation, or a single-letter initial (``W.``)."""
    bare = word.rstrip(".!?\"”'’)]")
    return bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and bare.isupper())


def _is_initialism(word: str) -> bool:
    """``U.S.``, ``a.k.a``, ``D.C.``: a stop inside the word."""
    return "." in word.rstrip(".!?\"”'’)]")


@functools.lru_cache(maxsize=256)
def blingfire_sentences(paragraph: str) -> tuple[str, ...]:
    """blingfire's sentences of a paragraph (``text_to_sentences`` split at its newlines). Kept for
    the last few hundred paragraphs: readability, tone and attribution segment the same ones."""
    return tuple(blingfire.text_to_sentences(paragraph).split("\n"))


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


def _sentence_pieces(paragraph: str) -> list[list[tuple[int, int]]]:
    """Each sentence of a paragraph as the spans of its pieces (offsets in ``paragraph``): one
    piece, or more where a stray stop is joined to the sentence before."""
    lead = len(paragraph) - len(paragraph.lstrip())
    text = paragraph.strip()
    if not text:
        return []
    ends = _blingfire_starts(text)
    boundaries = []
    for start in sorted(ends | {m.end() for m in CANDIDATE_END.finditer(text)}):
        word = _word_before(text, start)
        if _is_abbreviation(word) or (_is_initialism(word) and start not in ends):
            continue
        boundaries.append(start)
    sentences: list[list[tuple[int, int]]] = []
    for a, b in zip([0, *boundaries], [*boundaries, len(text)]):
        piece = text[a:b]
        if not piece.strip():
            continue
        span = (lead + a + len(piece) - len(piece.lstrip()), lead + b - (len(piece) - len(piece.rstrip())))
        if sentences and not HAS_WORD.search(piece):  # a stray stop belongs to the sentence before
            sentences[-1].append(span)
        else:
            sentences.append([span])
    return sentences


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


# --- Choosing the segmenter: hand count and speed --------------------------------------------

def hand_sentence_counts(directory=None) -> pd.DataFrame:
    """The hand count: ``file``, ``paragraph``, ``sentences``, the paragraph's first words and its
    whole ``text``. The text is kept with the count, so the segmenters can be scored on it
    whatever corpus the book is built from (a reader's own articles have no hand count)."""
    return pd.read_csv((directory or evaluation_dir()) / "sentence_counts.csv", keep_default_na=False)


def _candidates() -> dict[str, callable]:
    """Segmenters to compare, each as paragraph -> number of sentences (imported here: only the
    comparison needs them)."""
    import pysbd
    import syntok.segmenter as syntok_segmenter
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from syntok.tokenizer import Tokenizer

    from ..textstat_offline import textstat

    pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)
    tokenizer = Tokenizer()
    punkt = PunktSentenceTokenizer()  # untrained: NLTK's rules without its downloadable model
    return {
        "pysbd": lambda p: sum(1 for s in pysbd_segmenter.segment(p) if HAS_WORD.search(s)),
        "syntok": lambda p: sum(1 for _ in syntok_segmenter.split(tokenizer.tokenize(p))),
        "NLTK Punkt (untrained)": lambda p: len(punkt.tokenize(p)),
        "blingfire": lambda p: len(blingfire.text_to_sentences(p).split("\n")),
        "blingfire + abbreviations (chosen)": lambda p: len(split_paragraph(p)),
        "textstat": lambda p: textstat.sentence_count(p),
    }


def segmenter_comparison(hand: pd.DataFrame, repeats: int = 3) -> pd.DataFrame:
    """Each candidate against the hand count, per hand-counted article: sentences found,
    paragraphs counted right, and time per article in milliseconds (best of ``repeats``,
    paragraph by paragraph). Timings depend on the machine; the counts do not."""
    from .readability import clear_textstat_caches

    articles = [(file, rows["text"].tolist(), rows["sentences"].tolist())
                for file, rows in hand.groupby("file", sort=False)]
    rows = []
    for name, count in _candidates().items():
        for file, paragraphs, truth in articles:
            counts = [count(p) for p in paragraphs]  # warm-up: first calls build caches
            best = float("inf")
            for _ in range(repeats):
                # textstat memoises every call, and blingfire's sentences are kept per paragraph:
                # time each on text it has not seen, as in an archive
                clear_textstat_caches()
                blingfire_sentences.cache_clear()
                started = time.perf_counter()
                counts = [count(p) for p in paragraphs]
                best = min(best, time.perf_counter() - started)
            rows.append({
                "segmenter": name, "file": file, "hand": sum(truth), "found": sum(counts),
                "paragraphs_right": sum(c == t for c, t in zip(counts, truth)),
                "paragraphs": len(truth), "ms_per_article": 1000 * best,
            })
    table = pd.DataFrame(rows, columns=["segmenter", "file", "hand", "found", "paragraphs_right", "paragraphs",
                                        "ms_per_article"])
    table["exact"] = (table["paragraphs_right"] == table["paragraphs"]) & (table["found"] == table["hand"])
    return table


def segmenter_summary(comparison: pd.DataFrame) -> pd.DataFrame:
    """One row per segmenter: articles counted exactly, sentences off, paragraphs right, mean ms."""
    grouped = comparison.groupby("segmenter", sort=False)
    return pd.DataFrame({
        "articles_exact": grouped["exact"].sum(),
        "articles": grouped.size(),
        "sentences_off": grouped.apply(lambda g: int((g["found"] - g["hand"]).abs().sum()), include_groups=False),
        "paragraphs_right": grouped["paragraphs_right"].sum(),
        "paragraphs": grouped["paragraphs"].sum(),
        "ms_per_article": grouped["ms_per_article"].mean(),
    }).reset_index()
