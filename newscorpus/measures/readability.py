"""Readability: seven formulas computed from counts made once per article, with bootstrap intervals.

textstat (0.7.13) is kept for comparison and for the cleaning chapter's quick look
(``flesch_reading_ease``, ``raw_vs_clean``), but the chapter's scores are computed here, from
counts we can show beside them, because textstat's own counts have known defects on news text
(see ``notebooks/03_readability.ipynb``): its sentence counter splits at every full stop and drops
short pieces, its syllable look-up depends on the apostrophe's shape, its Dale–Chall list matches
exactly (plurals and names count as hard), and it computes SMOG from any number of sentences.

The per-article function :func:`article_readability` is pure: one pass over the tokens of each
sentence gives its counts; the seven formulas and their intervals are computed from those counts
alone (the bootstrap resamples rows of a small count matrix, vectorised in numpy).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import itertools
import re
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyphen

from ..layer.words import WORD_FORMS, standalone_forms
from ..paths import DATA_DIR
from ..prose import TOP_K, count_noun, english_list, top_k_list
from .sentences import sentence_pieces

# Apostrophes made straight before counting, for the syllable and word-list look-ups ("Syria’s"
# is "Syria's"): only the two the text layer's WORD already reads inside a word ("’", and "ʼ",
# a letter), so every article keeps the book's one word count. "‘" and the prime "′" split a word
# there ("don‘t" is two words in every chapter); made straight they would join it, and this
# chapter would count a word fewer than the others (as it did before this was narrowed).
WORD_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def _textstat():
    """textstat (with the packaged dictionary), imported when first used: it imports NLTK and
    SciPy, which cost each worker of a pool about a second, and the per-article scores never
    call it (only the comparisons and the cleaning chapter's quick look do)."""
    from ..textstat_offline import textstat

    return textstat


def __getattr__(name: str):
    if name == "textstat":  # ``readability.textstat``, as the module exported it before
        return _textstat()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- the cleaning chapter's quick look (kept: chapter 02 uses it) ----------------------------


def flesch_reading_ease(text: str) -> float:
    """206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word): higher is easier."""
    return _textstat().flesch_reading_ease(text)


def raw_vs_clean(cleaned: pd.DataFrame) -> pd.DataFrame:
    """How much cleaning moves two simple measures, per article: word count and Flesch
    Reading Ease on the text before and after cleaning."""
    table = pd.DataFrame(
        {
            "file": cleaned["file"],
            "raw_words": cleaned["raw_words"],  # counted once, by clean_corpus
            "clean_words": cleaned["clean_words"],
            "raw_flesch": [flesch_reading_ease(t) for t in cleaned["source_text"]],
            "clean_flesch": [flesch_reading_ease(t) for t in cleaned["clean_text"]],
        }
    )
    table["words_removed_share"] = 1 - table["clean_words"] / table["raw_words"]
    table["flesch_shift"] = table["clean_flesch"] - table["raw_flesch"]
    return table


def shift_as_shown(shift: pd.DataFrame, decimals: int = 1) -> pd.DataFrame:
    """``raw_vs_clean`` as a table shows it: both reading-ease scores rounded to ``decimals`` and
    the shift recomputed from the rounded scores, so a reader can check each change by
    subtracting the two numbers beside it (the difference of unrounded scores can be 0.1 off)."""
    shown = shift.copy()
    for column in ("raw_flesch", "clean_flesch"):
        shown[column] = [round(float(v), decimals) for v in shift[column]]  # as "{:.1f}" rounds
    # rounded again: 40.2 - 37.0 is 3.2000000000000028 in floating point
    shown["flesch_shift"] = [round(c - r, decimals) for c, r in zip(shown["clean_flesch"], shown["raw_flesch"])]
    return shown


# --- the seven formulas, from counts ---------------------------------------------------------
# Each takes counts (numbers or numpy arrays of bootstrap totals) and returns the score.


def reading_ease(words, sentences, syllables):
    """Flesch (1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per word."""
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def kincaid_grade(words, sentences, syllables):
    """Flesch–Kincaid grade (Kincaid et al. 1975): 0.39 × words per sentence + 11.8 × syllables
    per word − 15.59."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def fog_index(words, sentences, complex_words):
    """Gunning (1952): 0.4 × (words per sentence + 100 × share of words of three or more syllables)."""
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_grade(sentences, polysyllables):
    """McLaughlin (1969): 1.043 × √(polysyllables × 30 / sentences) + 3.1291; meant for 30 sentences."""
    return 1.043 * np.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau(letters, words, sentences, letter_weight=0.0588):
    """Coleman and Liau (1975): 0.0588 × letters per 100 words − 0.296 × sentences per 100 words
    − 15.8. (textstat uses 0.058; ``letter_weight`` lets a test reproduce it.)"""
    return letter_weight * 100 * letters / words - 0.296 * 100 * sentences / words - 15.8


def automated_readability(characters, words, sentences):
    """Senter and Smith (1967): 4.71 × characters per word + 0.5 × words per sentence − 21.43."""
    return 4.71 * characters / words + 0.5 * words / sentences - 21.43


def dale_chall(words, sentences, difficult_words):
    """Dale and Chall (1948): 0.1579 × per cent difficult words + 0.0496 × words per sentence,
    plus 3.6365 when more than 5 per cent of the words are difficult."""
    percent = 100 * difficult_words / words
    return 0.1579 * percent + 0.0496 * words / sentences + np.where(percent > 5, 3.6365, 0.0)


COUNTS = ["sentences", "words", "syllables", "polysyllables", "letters", "characters", "difficult_words"]
SCORES = {  # score -> (formula, the counts it reads, in the formula's argument order)
    "reading_ease": (reading_ease, ["words", "sentences", "syllables"]),
    "kincaid_grade": (kincaid_grade, ["words", "sentences", "syllables"]),
    "fog_index": (fog_index, ["words", "sentences", "polysyllables"]),
    "smog_grade": (smog_grade, ["sentences", "polysyllables"]),
    "coleman_liau": (coleman_liau, ["letters", "words", "sentences"]),
    "automated_readability": (automated_readability, ["characters", "words", "sentences"]),
    "dale_chall": (dale_chall, ["words", "sentences", "difficult_words"]),
}
SCORE_NAMES = {
    "reading_ease": "Flesch Reading Ease", "kincaid_grade": "Flesch–Kincaid grade",
    "fog_index": "Gunning fog", "smog_grade": "SMOG grade", "coleman_liau": "Coleman–Liau",
    "automated_readability": "ARI", "dale_chall": "Dale–Chall",
}
SMOG_MIN_SENTENCES = 30  # McLaughlin's sample: 30 sentences

# A text this short is in the tables but named in no ranking (nor drawn among the hardest and
# easiest, nor compared): a score from two or three sentences says little, and MTLD is unstable
# below about 100 words (McCarthy and Jarvis 2010). The framing chapter's tone extremes use the
# same floor.
MIN_RANKED_WORDS = 100


def scores_from_counts(totals: dict) -> dict:
    """All seven scores from a mapping of count name -> number (or numpy array)."""
    return {name: formula(*(totals[c] for c in args)) for name, (formula, args) in SCORES.items()}


# --- counting, once per token ----------------------------------------------------------------


@functools.cache
def _syllable_table() -> dict[str, int]:
    """CMU dictionary words -> syllables of the first pronunciation (vowel phones carry a stress digit).

    Read from the packaged file textstat also uses (``data/cmudict``, the file
    ``textstat_offline.dictionary_entries`` reads), keeping only each word's first pronunciation
    and its count of vowels: without the lists of phones, which every worker of a pool would hold
    (and the garbage collector walk). ``tests/test_readability.py`` checks the table equals the
    one built from the full pronunciations textstat reads.

    Parsed here rather than through ``dictionary_entries`` (a speed goal: each worker of a pool
    builds it): that module imports textstat, and so NLTK and SciPy, and reading the file whole
    and counting the stress digits of each line's first pronunciation takes half the time of
    splitting it into phones. A line is ``word phones... # comment``; a later pronunciation is
    written ``word(2)`` and follows the first, and a vowel phone carries one stress digit 0, 1 or 2."""
    lines = gzip.decompress((DATA_DIR / "cmudict" / "cmudict.dict.gz").read_bytes()).decode("utf-8").splitlines()
    table: dict[str, int] = {}
    for line in lines:
        word, _, phones = line.partition("#")[0].strip().partition(" ")
        if word.endswith(")") and "(" in word:
            word = word[:word.rindex("(")]
        if word and word not in table:
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def _textstat_resource(name: str) -> str:
    """A data file shipped with textstat, found without importing it (its import loads NLTK)."""
    spec = importlib.util.find_spec("textstat")
    return (Path(next(iter(spec.submodule_search_locations))) / name).read_text()


@functools.cache
def _easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, as shipped with textstat."""
    text = _textstat_resource("resources/en/easy_words.txt")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


@functools.cache
def _familiar_words() -> frozenset[str]:
    """The list plus the regular inflections of its words (-s, -es, -ed, -ing, -er, -est, with
    the usual spelling changes), which Chall and Dale (1995) count as familiar. Built once, so
    the per-token test is one set look-up; forms that are not English words do no harm."""
    forms = set()
    for w in _easy_words():
        forms.update((w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "r", w + "est", w + "st"))
        if w.endswith("e"):
            forms.update((w[:-1] + "ing",))
        if w.endswith("y"):
            forms.update(w[:-1] + ending for ending in ("ies", "ied", "ier", "iest"))
        if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            forms.update(w + w[-1] + ending for ending in ("ed", "ing", "er", "est"))  # stop -> stopped
    return frozenset(forms)


_HYPHENATOR = pyphen.Pyphen(lang="en_US")  # textstat's fallback for words not in the dictionary
LETTER = re.compile(r"[^\W\d_]")  # letters of any alphabet
ALNUM = re.compile(r"[^\W_]")  # letters and digits: ARI's characters
_NOT_LETTER = re.compile(r"[\W\d_]+")  # the complements of LETTER and ALNUM, for counting
_NOT_ALNUM = re.compile(r"[\W_]+")


def syllables(word: str) -> int:
    """Syllables of a lower-case word: the CMU dictionary; else the word without a possessive
    's; else its hyphenated parts; else pyphen's hyphenation points + 1 (textstat's fallback)."""
    table = _syllable_table()
    if word in table:
        return table[word]
    if word.endswith("'s") and word[:-2] in table:
        return table[word[:-2]]  # "daesh's": a possessive after a consonant sound adds no vowel
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    return len(_HYPHENATOR.positions(word)) + 1


def is_familiar(word: str, capitalised: bool) -> bool:
    """Familiar in Dale–Chall's sense: on the list, a regular inflection of a listed word, a
    number, or a name (a capitalised word inside a sentence), as Chall and Dale (1995) count them."""
    if capitalised or word in _familiar_words() or not LETTER.search(word):
        return True
    if word.endswith("'s"):
        return is_familiar(word[:-2], capitalised)
    if "-" in word:
        return all(is_familiar(part, capitalised) for part in word.split("-") if part)
    return False


def token_counts(form: str) -> tuple[int, int, int, int]:
    """One word's share of its sentence's counts: (syllables, polysyllables, difficult as the
    sentence's first word, difficult later in it). ``form`` is a word of the text layer
    (:data:`newscorpus.layer.words.WORD`), so the formulas divide by the book's one word count.
    A word is difficult later in a sentence only if it is not capitalised (a name)."""
    word = "".join(form.split()).lower()  # "Al- Baaj", as scraped text writes it, is one word
    n = syllables(word)
    difficult = not is_familiar(word, capitalised=False)
    return n, int(n >= 3), int(difficult), int(difficult and not form[0].isupper())


# Words recur across an archive's articles ("the", "said", "Mosul"), so each word's counts are
# computed once per process (as textstat caches its own look-ups): most of the counting becomes
# one dict look-up per word. Bounded: emptied when it grows past this many words.
_TOKEN_CACHE: dict[str, tuple] = {}
_TOKEN_CACHE_LIMIT = 500_000
# The same counts packed into one integer, a field of ``_FIELD_BITS`` bits each (syllables,
# polysyllables, difficult later, letters, characters): a sentence's totals are then one ``sum``
# of its words' integers (a speed goal: no tuple per field). Exact: every field is a count >= 0,
# and a sentence's total of any field stays far below 2**40 (a trillion), so no field carries
# into the next.
_FIELD_BITS = 40
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_PACKED: dict[str, int] = {}


def _cached_token_counts(form: str) -> tuple:
    """``token_counts(form)`` and the word's letters and letters-or-digits (ARI's characters)."""
    found = _TOKEN_CACHE.get(form)
    if found is None:
        if len(_TOKEN_CACHE) >= _TOKEN_CACHE_LIMIT:
            _TOKEN_CACHE.clear()
            _PACKED.clear()
        found = _TOKEN_CACHE[form] = (*token_counts(form), len(_NOT_LETTER.sub("", form)),
                                      len(_NOT_ALNUM.sub("", form)))
    return found


def _packed_counts(form: str) -> int:
    """``_cached_token_counts(form)`` less its first-word field, packed (see ``_FIELD_BITS``)."""
    syllable_count, poly, _, later, letters, characters = _cached_token_counts(form)
    packed = 0
    for field in (characters, letters, later, poly, syllable_count):
        packed = (packed << _FIELD_BITS) | field
    _PACKED[form] = packed
    return packed


def sentence_counts(sentence: str) -> list[int]:
    """Counts of one sentence, in ``COUNTS`` order (apostrophes already normalised). Words are
    the text layer's (``newscorpus.text.word_count``), so an article's words here are the count
    every chapter gives it; syllables and unfamiliar words are counted over those words, letters
    and characters over the sentence (punctuation and spaces have none)."""
    return _form_counts(WORD_FORMS.findall(sentence))  # the text layer's words, each as a string


def _form_counts(forms: list[str]) -> list[int]:
    """``sentence_counts`` of the sentence whose words are ``forms``."""
    if not forms:
        return [1, 0, 0, 0, 0, 0, 0]
    # Letters and characters are summed over the words, each word's counted once per process
    # (hand-optimised for the speed goal, instead of a pass over the sentence): every letter or
    # digit of a sentence lies in one of its words, since WORD's last alternative matches any run
    # of them, so the sums equal the sentence's counts. The fields are summed packed in one
    # integer per word (``_FIELD_BITS``).
    get = _PACKED.get
    total = sum([get(form) or _packed_counts(form) for form in forms])
    mask, bits = _FIELD_MASK, _FIELD_BITS
    syllable_total, poly = total & mask, (total >> bits) & mask
    later, letters, characters = (total >> 2 * bits) & mask, (total >> 3 * bits) & mask, total >> 4 * bits
    first = _cached_token_counts(forms[0])
    difficult = first[2] + later - first[3]  # the first word is never taken for a name
    return [1, len(forms), syllable_total, poly, letters, characters, difficult]


# --- the bootstrap ---------------------------------------------------------------------------

N_BOOT = 2000  # per-article 95% intervals (Efron and Tibshirani: 1,000 or more for percentiles)
PAIRWISE_BOOT = 4000  # corrected pairwise intervals reach further into the tails
SEED = 20240607
CONFIDENCE = 0.95
BLAS_SINGLE_THREAD_SIZE = 65536 * 4


def _rng(file: str) -> np.random.Generator:
    """A generator fixed by the seed and the file name: an article's resamples do not depend on
    which other articles are in the corpus, or in which order. Draws come in order, so the
    first ``N_BOOT`` of ``PAIRWISE_BOOT`` resamples are the article's own interval resamples."""
    return np.random.default_rng([SEED, zlib.crc32(file.encode("utf-8"))])


def bootstrap_scores(units: np.ndarray, file: str, n_boot: int = N_BOOT) -> dict[str, np.ndarray]:
    """Every score on ``n_boot`` resamples of the rows of ``units`` (sentences, or paragraphs as
    blocks of sentences; columns in ``COUNTS`` order), drawn with replacement. Vectorised: each
    resample is a row of draw counts, and its totals are one matrix product."""
    return scores_from_counts(dict(zip(COUNTS, bootstrap_totals(units, file, n_boot).T)))


def resample_draws(file: str, n_boot: int, sizes: tuple[int, ...]) -> list[np.ndarray]:
    """For each ``n`` of ``sizes``, the draws of a bootstrap of ``n`` rows:
    ``_rng(file).integers(0, n, size=(n_boot, n))``, each from a fresh generator.

    Made from one run of the generator's raw output (a speed goal: ``integers`` makes each draw in
    a call of its own, and an article's two bootstraps start from the same seed). numpy draws an
    integer below ``n`` (under 2**32) by Lemire's method from the generator's 32-bit outputs, the
    low then the high half of each 64-bit one: the draw is the high half of ``x * n``, unless the
    low half is below ``2**32 % n``, when it draws again. Where that happens in a bootstrap (about
    once in ten thousand articles), its draws are made by ``integers`` itself; and on first use a
    check compares the two, so a numpy that draws otherwise is never read this way."""
    if n_boot > 0 and all(0 < n < 2**31 for n in sizes) and _lemire_is_numpys():
        return _lemire_draws(file, n_boot, sizes)
    return [_rng(file).integers(0, n, size=(n_boot, n)) for n in sizes]


def _lemire_draws(file: str, n_boot: int, sizes: tuple[int, ...]) -> list[np.ndarray]:
    # the 32-bit outputs in the order numpy hands them out (little-endian: low half first)
    outputs = _rng(file).bit_generator.random_raw((n_boot * max(sizes) + 1) // 2).view(np.uint32)
    found = []
    for n in sizes:
        product = np.multiply(outputs[:n_boot * n], np.uint64(n))  # below 2**63: exact in uint64
        halves = product.view(np.uint32)
        threshold = (1 << 32) % n
        if threshold and halves[0::2].min() < threshold:  # numpy would draw again here
            found.append(_rng(file).integers(0, n, size=(n_boot, n)))
        else:
            found.append(halves[1::2].reshape(n_boot, n))
    return found


@functools.cache
def _lemire_is_numpys() -> bool:
    """Whether ``_lemire_draws`` gives ``integers``' draws here (checked once per process)."""
    if sys.byteorder != "little":
        return False
    sizes = (1, 2, 7, 46, 1000)
    return all(np.array_equal(got, _rng("check").integers(0, n, size=(40, n)))
               for n, got in zip(sizes, _lemire_draws("check", 40, sizes)))


def bootstrap_totals(units: np.ndarray, file: str, n_boot: int = N_BOOT, out: np.ndarray | None = None,
                     draws: np.ndarray | None = None) -> np.ndarray:
    """The count totals (columns in ``COUNTS`` order) of ``bootstrap_scores``' resamples, a row each
    (written into ``out``, an ``n_boot`` x columns float array, if given; ``draws``, if given, are
    ``resample_draws``' for ``len(units)``)."""
    n = len(units)
    if draws is None:
        draws = resample_draws(file, n_boot, (n,))[0]
    # Each resample's draws numbered apart, and each array let go once read (a speed goal: the
    # arrays are about a megabyte each, and fewer of them then stay in the CPU's cache).
    index = np.add(draws, n * np.arange(n_boot)[:, None])
    del draws
    counts = np.bincount(index.ravel(), minlength=n_boot * n)
    del index
    # A float64 product goes through BLAS (ten times faster than numpy's integer one) and is
    # exact: every product and total is an integer far below 2**53. It is taken in blocks of
    # rows below OpenBLAS's threshold for threading (65536 x 4 multiply-adds): threads would
    # spin on the second core, which a process pool's other worker needs.
    weights = counts.reshape(n_boot, n).astype(float)
    del counts
    units = np.asarray(units, dtype=float)
    rows = max(1, BLAS_SINGLE_THREAD_SIZE // max(1, n * units.shape[1]))
    if out is None:
        out = np.empty((n_boot, units.shape[1]))
    for i in range(0, n_boot, rows):
        np.matmul(weights[i:i + rows], units, out=out[i:i + rows])
    return out


def percentile_interval(values: np.ndarray, confidence: float = CONFIDENCE) -> np.ndarray:
    """Percentile interval(s): ``[low, high]`` along the last axis (one call for many scores).

    ``np.percentile`` (its default, linear method) computed by hand for the speed goal: numpy
    moves the axis first and partitions the copy across rows (strided, and at six positions),
    which took more time than drawing the resamples. Here each row is partitioned at the order
    statistics the two percentiles read, and they are interpolated with numpy's
    own arithmetic (``_lerp``: ``a + (b - a) * g``, or ``b - (b - a) * (1 - g)`` where g >= 0.5),
    so every interval is the same float. Anything else (NaN, a percentile at an end, other dtypes)
    goes to ``np.percentile``; ``tests/test_readability.py`` compares the two."""
    tail = 100 * (1 - confidence) / 2
    values = np.asarray(values)
    n = values.shape[-1] if values.ndim else 0
    virtual = (n - 1) * np.true_divide([tail, 100 - tail], 100)  # np.percentile's virtual indexes
    below = np.floor(virtual).astype(np.intp)
    if (values.dtype != np.float64 or n < 2 or not (0 <= virtual[0] and virtual[1] < n - 1)
            or np.isnan(values).any()):
        return np.moveaxis(np.percentile(values, [tail, 100 - tail], axis=-1), 0, -1)
    gamma = virtual - below
    # one partition per percentile (at its lower order statistic; the next is the minimum of
    # what lies above it): numpy's single-position partition is several times faster than one
    # at several positions
    a, b = [], []
    for k in below:
        ordered = np.partition(values, k, axis=-1)
        a.append(ordered[..., k])
        b.append(ordered[..., k + 1:].min(axis=-1))
    a, b = np.stack(a, axis=-1), np.stack(b, axis=-1)
    diff = b - a
    return np.where(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)


# --- per article -----------------------------------------------------------------------------

TEXTSTAT_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
# A piece of three words or more once its punctuation (every character that is neither a word
# character nor a space, apostrophes too) is removed: that leaves each run of non-spaces that
# holds a word character as one word and drops the others, so this finds a word character, the
# rest of its run, a space, and so on, three times (each ``\S*+``/``\W*+`` stops where the next
# item must start, so being possessive changes nothing).
THREE_WORDS = re.compile(r"\w\S*+\s\W*+\w\S*+\s\W*+\w")


def textstat_sentence_count(text: str) -> int:
    """textstat 0.7.13's sentence count, for comparison, rewritten for speed: textstat counts
    the words of every piece through its cached helpers, which costs more than all our own
    counting. Same rule: split after every run of . ! ?, drop pieces of two words or fewer
    (punctuation removed), at least 1. A test checks it against textstat on every seed."""
    if not text:
        return 0
    # the pieces of three words or more, each tested in place (a speed goal: no copy of a piece
    # without its punctuation, no list of its words); ``THREE_WORDS`` has no look-around, so a
    # search between a piece's ends reads the piece alone
    search = THREE_WORDS.search
    return max(1, sum(1 for m in TEXTSTAT_PIECE.finditer(text) if search(text, m.start(), m.end())))


def article_readability(file: str, paragraphs: list[str], n_boot: int = N_BOOT) -> tuple[dict, list[dict]]:
    """One article: a row of counts, scores and intervals (``file`` first), and one evidence row
    per sentence (its paragraph, text and counts). Pure: no I/O, no shared state.

    Intervals: ``<score>_low``/``_high`` resample sentences; ``<score>_block_low``/``_high``
    resample whole paragraphs (sentences of a paragraph are not independent)."""
    sentence_rows: list[dict] = []
    return _article_row(file, paragraphs, n_boot, sentence_rows), sentence_rows


def article_readability_row(file: str, paragraphs: list[str], n_boot: int = N_BOOT) -> dict:
    """``article_readability(file, paragraphs, n_boot)[0]``, without building the evidence rows
    (what ``readability.csv`` needs, for the pipeline: a speed goal)."""
    return _article_row(file, paragraphs, n_boot, None)


def _article_row(file: str, paragraphs: list[str], n_boot: int, sentence_rows: list[dict] | None) -> dict:
    """The article's row; each sentence's evidence row appended to ``sentence_rows`` unless None."""
    counts, paragraph_numbers = [], []
    number = 0  # the sentences of ``split_sentences`` on the paragraphs with apostrophes made straight
    for paragraph, given in enumerate(paragraphs, 1):
        text = given.translate(WORD_APOSTROPHES)
        # its words are the given paragraph's, already read by ``articles.csv``'s word count, unless
        # it has a "ʼ" (a letter, which WORD reads inside a word and "'" does not): "’" and "'" are
        # read alike, and the two have the same length
        read_as = text if "ʼ" in given else given
        for pieces in sentence_pieces(text):
            number += 1
            # ``sentence_counts`` of the sentence as ``split_paragraph`` writes it, its pieces joined
            # by a space, with its words read from the paragraph's cached words (a speed goal): they
            # are its first piece's words, as a string of its own (``standalone_forms``), since a
            # later piece is a stray stop with no letter or digit, where no word starts, and the
            # space before it reads as the end of the string does (no word goes on over a space,
            # but "al- Baaj", and a letter never follows).
            found = _form_counts(standalone_forms(text, *pieces[0], read_as))
            if found[1]:  # a sentence with no word adds nothing
                if sentence_rows is not None:
                    sentence = " ".join(text[a:b] for a, b in pieces)
                    sentence_rows.append({"file": file, "paragraph": paragraph, "sentence": number, "text": sentence,
                                          **dict(zip(COUNTS, found))})
                counts.append(found)
                paragraph_numbers.append(paragraph)
    units = np.array(counts, dtype=np.int64).reshape(-1, len(COUNTS))
    row = {"file": file, **_scores_from_units(file, units, paragraph_numbers, n_boot)}
    row["textstat_sentences"] = textstat_sentence_count("\n\n".join(paragraphs))
    return row


def article_scores(file: str, sentence_rows: list[dict], n_boot: int = N_BOOT) -> dict:
    """Counts, scores and both intervals from an article's per-sentence counts alone."""
    units = np.array([[r[c] for c in COUNTS] for r in sentence_rows], dtype=np.int64).reshape(-1, len(COUNTS))
    return _scores_from_units(file, units, [r["paragraph"] for r in sentence_rows], n_boot)


def _scores_from_units(file: str, units: np.ndarray, paragraph_numbers: list[int], n_boot: int) -> dict:
    """``article_scores`` from the count matrix (a row per sentence) and each row's paragraph."""
    totals = dict(zip(COUNTS, (int(v) for v in units.sum(axis=0))))
    row: dict = {**totals, "paragraphs": len(set(paragraph_numbers))}
    if not totals["words"]:
        return row
    point = scores_from_counts(totals)
    blocks = paragraph_blocks(units, paragraph_numbers)
    # Both bootstraps' scores from one call of the formulas on their stacked totals (elementwise:
    # each value is the one a call per bootstrap gives), and in one percentile call (each row is
    # its own interval); a speed goal.
    resampled = np.empty((2 * n_boot, len(COUNTS)))
    sentence_draws, block_draws = resample_draws(file, n_boot, (len(units), len(blocks)))
    bootstrap_totals(units, file, n_boot, out=resampled[:n_boot], draws=sentence_draws)
    bootstrap_totals(blocks, file, n_boot, out=resampled[n_boot:], draws=block_draws)
    del sentence_draws, block_draws
    scores = scores_from_counts(dict(zip(COUNTS, resampled.T)))
    draws = [*(v[:n_boot] for v in scores.values()), *(v[n_boot:] for v in scores.values())]
    intervals = percentile_interval(np.array(draws))
    by_sentence, by_paragraph = intervals[:len(SCORES)], intervals[len(SCORES):]
    for k, name in enumerate(SCORES):
        row[name] = float(point[name])
        row[f"{name}_low"], row[f"{name}_high"] = (float(v) for v in by_sentence[k])
        row[f"{name}_block_low"], row[f"{name}_block_high"] = (float(v) for v in by_paragraph[k])
    row["smog_reliable"] = totals["sentences"] >= SMOG_MIN_SENTENCES
    row["longest_sentence_words"] = int(units[:, 1].max())
    return row


def paragraph_blocks(units: np.ndarray, paragraph_numbers: list[int]) -> np.ndarray:
    """Per-paragraph totals of the sentence counts (consecutive rows of the same paragraph):
    the blocks of the block bootstrap."""
    starts = [i for i, p in enumerate(paragraph_numbers) if i == 0 or p != paragraph_numbers[i - 1]]
    return np.add.reduceat(units, starts, axis=0) if starts else units.reshape(0, len(COUNTS))


# --- per corpus ------------------------------------------------------------------------------


def readability_tables(cleaned: pd.DataFrame, n_boot: int = N_BOOT) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per article keyed by ``file``, one row per sentence), by mapping
    :func:`article_readability` over ``cleaned``."""
    rows, sentences = [], []
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        row, evidence = article_readability(file, list(paragraphs), n_boot)
        rows.append(row)
        sentences.extend(evidence)
    return pd.DataFrame(rows), pd.DataFrame(sentences, columns=["file", "paragraph", "sentence", "text", *COUNTS])


def readability_table(cleaned: pd.DataFrame, n_boot: int = N_BOOT) -> pd.DataFrame:
    """One row per article: ``file``, counts, scores and their interval bounds (readability.csv)."""
    return readability_tables(cleaned, n_boot)[0]


PAIR_COLUMNS = ["first", "second", "difference", "sentence_low", "sentence_high", "block_low", "block_high",
                "exceeds_noise"]


def pairwise_differences(sentences: pd.DataFrame, score: str, n_boot: int = PAIRWISE_BOOT,
                         confidence: float = CONFIDENCE, correct: bool = True) -> pd.DataFrame:
    """Every pair of articles: the difference in ``score`` (first minus second) with percentile
    intervals from both bootstraps, Bonferroni-corrected for the number of pairs (each interval
    at level 1 − (1 − confidence) / pairs). Reads only the per-sentence counts, and redraws each
    article's resamples from its own fixed seed (extending the draws of its own intervals).

    ``exceeds_noise`` is true when neither corrected interval contains zero."""
    formula, args = SCORES[score]
    draws, points = {}, {}
    for file, group in sentences.groupby("file", sort=False):
        units = group[COUNTS].to_numpy(dtype=np.int64)
        draws[file] = (bootstrap_scores(units, file, n_boot)[score],
                       bootstrap_scores(paragraph_blocks(units, group["paragraph"].tolist()), file, n_boot)[score])
        points[file] = float(formula(*(int(units[:, COUNTS.index(c)].sum()) for c in args)))
    pairs = list(itertools.combinations(draws, 2))
    level = 1 - (1 - confidence) / max(len(pairs), 1) if correct else confidence
    rows = []
    for first, second in pairs:
        row = {"first": first, "second": second, "difference": points[first] - points[second]}
        for kind, k in (("sentence", 0), ("block", 1)):
            row[f"{kind}_low"], row[f"{kind}_high"] = (float(v) for v in percentile_interval(draws[first][k] - draws[second][k], level))
        row["exceeds_noise"] = all(row[f"{kind}_low"] > 0 or row[f"{kind}_high"] < 0 for kind in ("sentence", "block"))
        rows.append(row)
    # with one article there are no pairs: the columns are still there for the chapter to read
    table = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    table.attrs["interval_level"] = level
    return table


# --- comparison with textstat ----------------------------------------------------------------

TEXTSTAT_SCORES = {
    "reading_ease": "flesch_reading_ease", "kincaid_grade": "flesch_kincaid_grade",
    "fog_index": "gunning_fog", "smog_grade": "smog_index", "coleman_liau": "coleman_liau_index",
    "automated_readability": "automated_readability_index", "dale_chall": "dale_chall_readability_score",
}


def textstat_scores(text: str) -> dict:
    """textstat's own seven scores, its sentence count and its "consensus grade"."""
    textstat = _textstat()
    row = {name: float(getattr(textstat, function)(text)) for name, function in TEXTSTAT_SCORES.items()}
    row["sentences"] = textstat.sentence_count(text)
    row["consensus_grade"] = textstat.text_standard(text, float_output=True)
    return row


def clear_textstat_caches() -> None:
    """textstat memoises every function (lru_cache): clear them to time it on unseen text."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def textstat_comparison(cleaned: pd.DataFrame) -> pd.DataFrame:
    """textstat's scores on each cleaned article, indexed by ``file``."""
    return pd.DataFrame([{"file": f, **textstat_scores(t)} for f, t in zip(cleaned["file"], cleaned["clean_text"])]).set_index("file")


def textstat_counts_two_ways(scores: pd.DataFrame, segmenters: pd.DataFrame) -> pd.DataFrame:
    """textstat's sentence count of each hand-counted article in the corpus, made two ways: on the
    whole article (``textstat_sentences``, as the counts table and textstat's own scores make it)
    and paragraph by paragraph (as ``sentences.segmenter_comparison`` runs every candidate),
    beside the hand count. On the whole article a paragraph without a final stop runs into the
    next, and one of short pieces only counts none instead of one, so the totals can differ."""
    by_paragraph = segmenters[segmenters["segmenter"] == "textstat"].set_index("file")
    shared = [file for file in scores["file"] if file in by_paragraph.index]
    whole = scores.set_index("file")["textstat_sentences"]
    return pd.DataFrame({
        "file": shared, "whole_article": [int(whole[f]) for f in shared],
        "by_paragraph": [int(by_paragraph.loc[f, "found"]) for f in shared],
        "hand": [int(by_paragraph.loc[f, "hand"]) for f in shared],
        "every_paragraph_right": [bool(by_paragraph.loc[f, "exact"]) for f in shared],
    }, columns=["file", "whole_article", "by_paragraph", "hand", "every_paragraph_right"])


# --- what the prose may say ------------------------------------------------------------------


EASIER_WHEN_HIGHER = {"reading_ease"}  # every other score is a grade: higher is harder


def _without(files, excluded) -> list:
    excluded = excluded or {}
    return [f for f in files if f not in excluded]


def ranked(table: pd.DataFrame, excluded: dict[str, str] | None) -> pd.DataFrame:
    """``table`` (a row per article or per sentence, keyed by ``file``) without the ``excluded``
    files: what the rankings read."""
    if not excluded:
        return table
    return table[~table["file"].isin(list(excluded))]


def hardest_article(scores: pd.DataFrame, score: str, excluded: dict[str, str] | None = None) -> str | None:
    """The file with the hardest point score on ``score``, leaving out ``excluded`` files (file ->
    why: a page that cannot be ranked, ``cleaning.report.unbroken_files``); None when no article is left."""
    values = ranked(scores, excluded).set_index("file")[score].dropna()
    if values.empty:
        return None
    return values.idxmin() if score in EASIER_WHEN_HIGHER else values.idxmax()


def _claim(row, names: dict[str, str], unit: str, higher_is_harder: bool) -> str:
    harder_first = (row.difference > 0) == higher_is_harder
    harder, easier = (row.first, row.second) if harder_first else (row.second, row.first)
    low, high = sorted(abs(v) for v in (row.sentence_low, row.sentence_high))
    return (f"{names[harder]} reads harder than {names[easier]} "
            f"(by {abs(row.difference):.1f} {unit}; interval {low:.1f} to {high:.1f})")


def difference_summary(pairs: pd.DataFrame, names: dict[str, str], unit: str,
                       score: str = "kincaid_grade", k: int = TOP_K) -> str:
    """Sentences for the prose, written from ``pairwise_differences`` on ``score``: which pairs
    differ by more than the noise (both corrected intervals exclude zero), and by how much; the
    ``k`` largest are named, one sentence each, the rest counted (they are in the table)."""
    higher_is_harder = score not in EASIER_WHEN_HIGHER
    clear = pairs[pairs["exceeds_noise"]]
    total = len(pairs)
    if not total:
        return "With fewer than two articles ranked there is no pair to compare."
    if clear.empty:
        return (f"None of the {count_noun(total, 'pair')} of articles differs by more than the noise: every corrected "
                f"interval includes zero." if total > 1 else
                "The one pair of articles does not differ by more than the noise: its corrected intervals include zero.")
    order = clear["difference"].abs().sort_values(ascending=False, kind="stable").index
    shown = clear.loc[order[:k]]
    claims = [_claim(row, names, unit, higher_is_harder) + "." for row in shown.itertuples()]
    head = (f"{len(clear):,d} of the {count_noun(total, 'pair')} differ{'s' if len(clear) == 1 else ''} by more than the noise"
            if total > 1 else "The one pair differs by more than the noise")
    if len(clear) > k:
        head += f"; the {k} largest:"
    else:
        head += ":"
    text = head + " " + " ".join(claims)
    if len(clear) > k:
        text += f" The other {len(clear) - k:,d} are in the table below."
    rest = total - len(clear)
    if rest:
        text += (f" The other {count_noun(rest, 'pair')} differ{'s' if rest == 1 else ''} by no more than the noise.")
    return text


def hardest_against_others(scores: pd.DataFrame, pairs: pd.DataFrame, score: str,
                           excluded: dict[str, str] | None = None) -> tuple[str | None, list[str], list[str]]:
    """The hardest article on ``score`` (``excluded`` files left out), the articles it differs
    from beyond the noise (in ``pairs``, from ``pairwise_differences`` on that score), and the
    ranked articles it does not."""
    hardest = hardest_article(scores, score, excluded)
    if hardest is None:
        return None, [], []
    involving = pairs[(pairs["first"] == hardest) | (pairs["second"] == hardest)]
    other = involving["second"].where(involving["first"] == hardest, involving["first"])
    keep = ~other.isin(list(excluded or {}))
    other, beyond = other[keep], involving["exceeds_noise"].astype(bool)[keep]
    return hardest, other[beyond].tolist(), other[~beyond].tolist()


def hardest_summary(scores: pd.DataFrame, pairs: pd.DataFrame, names: dict[str, str], score: str,
                    excluded: dict[str, str] | None = None) -> str:
    """Which article scores hardest on ``score``, and from how many others that is
    distinguishable; ``excluded`` files (file -> why) are not ranked."""
    hardest, beyond, within = hardest_against_others(scores, pairs, score, excluded)
    if hardest is None:
        return "no article can be ranked"
    clear, others = len(beyond), len(beyond) + len(within)
    if others == 0:
        return f"{names[hardest]} is the only article ranked, so there is nothing to compare it with"
    if clear == others:
        verdict = ("harder than the other article beyond the noise" if others == 1
                   else "harder than every other article beyond the noise")
    elif clear == 0:
        verdict = "but not distinguishable from any other article once the noise is counted"
    else:
        verdict = f"distinguishable beyond the noise from {clear:,d} of the other {others:,d}"
    return f"{names[hardest]} scores hardest on {SCORE_NAMES[score]}, {verdict}"


def pair_difference(sentences: pd.DataFrame, score: str, first: str, second: str, n_pairs: int,
                    n_boot: int = PAIRWISE_BOOT, confidence: float = CONFIDENCE) -> pd.Series:
    """One row of ``pairwise_differences`` (``first`` minus ``second``), corrected for ``n_pairs``
    pairs as the full table would be: each article draws from its own seed, so the row equals
    the full table's without computing the other pairs."""
    two = sentences[sentences["file"].isin([first, second])]
    order = {first: 0, second: 1}
    two = two.sort_values("file", key=lambda c: c.map(order), kind="stable")
    table = pairwise_differences(two, score, n_boot=n_boot, confidence=1 - (1 - confidence) / max(n_pairs, 1),
                                 correct=False)
    row = table.iloc[0]
    if row["first"] != first:  # cannot happen with the order above; kept as a guard
        raise ValueError(f"pair order lost: {first} / {second}")
    return row


def formula_agreement(scores: pd.DataFrame, sentences: pd.DataFrame, names: dict[str, str],
                      score: str = "kincaid_grade", excluded: dict[str, str] | None = None) -> str:
    """A sentence for the prose: on how many of the seven formulas ``score``'s hardest article also
    has the hardest point score, and, for each formula that puts another article first, whether
    that pair differs beyond the noise (corrected for all the pairs of ranked articles, as in
    ``pairwise_differences``); ``excluded`` files are not ranked."""
    hardest = hardest_article(scores, score, excluded)
    if hardest is None:
        return "no article can be ranked"
    n = len(ranked(scores, excluded))
    if n < 2:
        return f"{names[hardest]} is the only article ranked"
    firsts = {name: hardest_article(scores, name, excluded) for name in SCORES}
    others = {name: other for name, other in firsts.items() if other is not None and other != hardest}
    text = f"{names[hardest]} scores hardest on {len(SCORES) - len(others)} of the {len(SCORES)} formulas"
    if not others:
        return text
    rows = ranked(sentences, excluded)
    # formulas that put the same article first with the same verdict share one clause
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, other in others.items():
        pair = pair_difference(rows, name, hardest, other, n * (n - 1) // 2)
        verdict = "beyond the noise" if pair["exceeds_noise"] else "within the noise"
        grouped.setdefault((other, verdict), []).append(SCORE_NAMES[name])
    notes = [f"{english_list(formulas)} put{'s' if len(formulas) == 1 else ''} {names[other]} first, "
             f"{'each ' if len(formulas) > 1 else ''}by a margin {verdict}"
             for (other, verdict), formulas in grouped.items()]
    return f"{text}; {english_list(notes)}"


def consensus_flaw(comparison: pd.DataFrame, names: dict[str, str]) -> str:
    """A sentence on textstat's consensus grade, from ``textstat_comparison``: the first pair of
    articles it ranks against their Flesch–Kincaid grades, or that it ranks none that way."""
    ranked_rows = comparison.sort_values("kincaid_grade", ascending=False)
    grade = ranked_rows["kincaid_grade"].to_numpy(dtype=float)
    consensus = ranked_rows["consensus_grade"].to_numpy(dtype=float)
    for i in range(len(ranked_rows) - 1):  # the first pair in itertools.combinations order, in numpy
        later = np.flatnonzero((consensus[i] < consensus[i + 1:]) & (grade[i] > grade[i + 1:]))
        if len(later):
            j = i + 1 + later[0]
            hard, easy = ranked_rows.index[i], ranked_rows.index[j]
            return (f"textstat's consensus grade puts {names[hard]} (textstat's own Flesch–Kincaid grade "
                    f"{grade[i]:.1f}) at grade {consensus[i]:.0f}, below {names[easy]} "
                    f"(textstat's Flesch–Kincaid {grade[j]:.1f}) at grade {consensus[j]:.0f}")
    if len(ranked_rows) < 2:
        return "with one article there is no order for it to break, but nothing in its rule prevents it"
    return "on these articles textstat's consensus grade happens to keep the Flesch–Kincaid order"


# A sentence that looks whole: it opens with a capital or a digit (after any opening quotation
# mark, bracket or dash) and ends with sentence punctuation (before any closing mark). A "sentence"
# that does not is most likely two or more run together where the segmenter missed a boundary
# ("... all the way through. For"), and is no example of a long sentence.
_OPENING = "\"'“‘([—–- "
_CLOSING = "\"'”’)] "
_SENTENCE_END = ".!?…"


# A run of this many capitalised words (and letters) at the start, then ordinary text: a heading
# with no full stop ("VOTERS CARE MORE ABOUT ...") that the segmenter joined to the sentence after
# it. Acronyms opening a sentence ("ISIS, ISIL and IS", "US and NATO") stay well short of it.
HEADING_WORDS = 4
HEADING_LETTERS = 20


def _starts_with_heading(text: str) -> bool:
    words = text.split()
    caps = letters_in_caps = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            caps += 1
            letters_in_caps += len(letters)
            continue
        break
    rest = words[caps:]
    return (caps >= HEADING_WORDS and letters_in_caps >= HEADING_LETTERS
            and any(any(c.islower() for c in w) for w in rest))


def well_formed(text: str) -> bool:
    """Whether ``text`` looks like one whole sentence: it opens with a capital or a digit and ends
    with sentence punctuation (see ``_OPENING``, ``_CLOSING``), and does not open with a heading in
    capitals run into ordinary text."""
    text = text.strip() if isinstance(text, str) else ""
    head, tail = text.lstrip(_OPENING), text.rstrip(_CLOSING)
    return (bool(head) and bool(tail) and (head[0].isupper() or head[0].isdigit()) and tail[-1] in _SENTENCE_END
            and not _starts_with_heading(head))


# A "sentence" that is a list, not prose: a roster of names after a colon ("New Hampshire: Charlie
# Arlinghaus, Arnie Arnesen, ..."). Prose of this length leans on function words (the, of, to: a
# third or more of its words); a list is mostly capitalised words between commas.
LIST_MIN_WORDS = 12  # shorter runs are left alone
LIST_MAX_FUNCTION_SHARE = 0.15  # at most this share of the words are function words
LIST_MIN_CAPITALISED_SHARE = 0.6  # at least this share start with a capital
LIST_MIN_COMMAS = 4  # and the items are separated by commas
_LIST_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist("English"))


def list_like(text: str) -> bool:
    """Whether ``text`` reads as a list rather than a sentence of prose: at least ``LIST_MIN_WORDS``
    words, at most ``LIST_MAX_FUNCTION_SHARE`` of them function words (jusText's English stop
    list), at least ``LIST_MIN_CAPITALISED_SHARE`` capitalised, and ``LIST_MIN_COMMAS`` commas."""
    if not isinstance(text, str):
        return False
    words = _LIST_WORD.findall(text)
    if len(words) < LIST_MIN_WORDS or text.count(",") < LIST_MIN_COMMAS:
        return False
    function = sum(w.lower().strip(".") in _function_words() for w in words)
    capitalised = sum(w[0].isupper() for w in words)
    return function <= LIST_MAX_FUNCTION_SHARE * len(words) and capitalised >= LIST_MIN_CAPITALISED_SHARE * len(words)


def longest_prose(longest: pd.DataFrame) -> pd.Series:
    """The row of ``longest`` (``longest_sentences``) for the chapter's example: the longest
    sentence that looks whole and is not a list (``list_like``); failing that the longest that is
    not a list, then the longest of all."""
    for keep in (longest["well_formed"] & ~longest["list_like"], ~longest["list_like"], longest["well_formed"] | True):
        if keep.any():
            return longest.loc[longest.loc[keep, "words"].idxmax()]
    raise ValueError("longest_prose needs at least one sentence")


def longest_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Each article's longest sentence (in words) among those that look whole (``well_formed``),
    or its longest of all where none does: ``file``, ``words``, ``text``, ``well_formed``, and
    ``longest_words`` (the article's longest run of any shape, which may be a segmentation miss),
    and ``list_like`` (the chosen sentence is a list of names, not prose: ``list_like``)."""
    shaped = sentences.assign(well_formed=sentences["text"].map(well_formed))
    longest_any = shaped.groupby("file", sort=False)["words"].max()
    whole = shaped[shaped["well_formed"]]
    index = whole.groupby("file", sort=False)["words"].idxmax()
    missing = [f for f in longest_any.index if f not in index.index]
    if missing:
        fallback = shaped[shaped["file"].isin(missing)].groupby("file", sort=False)["words"].idxmax()
        index = pd.concat([index, fallback])
    order = {f: i for i, f in enumerate(longest_any.index)}
    chosen = shaped.loc[index.to_numpy(), ["file", "words", "text", "well_formed"]]
    chosen = chosen.iloc[sorted(range(len(chosen)), key=lambda i: order[chosen["file"].iloc[i]])]
    return chosen.assign(longest_words=chosen["file"].map(longest_any).to_numpy(),
                         list_like=chosen["text"].map(list_like).astype(bool).to_numpy()).reset_index(drop=True)


def longest_note(longest: pd.DataFrame, names: dict[str, str]) -> str:
    """A sentence after the longest-sentence example: whether a longer run was set aside as a likely
    segmentation miss, that the example itself may be one, or that it looks whole."""
    if "list_like" not in longest:
        longest = longest.assign(list_like=longest["text"].map(list_like).astype(bool))
    top = longest_prose(longest)
    lists = longest[longest["list_like"] & (longest["words"] > top["words"])]
    listed = ""
    if len(lists):
        run = lists.loc[lists["words"].idxmax()]
        where = f"{int(run['words']):,d} words ({names.get(run['file'], run['file'])})"
        head = (f"One longer sentence, of {where}, is a list" if len(lists) == 1 else
                f"{len(lists):,d} longer sentences, the longest of {where}, are lists")
        listed = (f" {head}, not prose (marked in the table): mostly capitalised names between commas, with few "
                  "function words, such as a roster of people, which a grade formula scores as one very long "
                  "sentence.")
    longest = longest[~longest["list_like"]] if (~longest["list_like"]).any() else longest
    longer = longest[longest["longest_words"] > longest["words"]]
    if not top["well_formed"]:
        return ("It does not look like one whole sentence (no capital at its start or no full stop at its end, or "
                "a heading in capitals run into the text), so it may be two or more run together where the "
                "segmenter missed a boundary." + listed)
    if longer["longest_words"].max() > top["words"] if len(longer) else False:
        run = longer.loc[longer["longest_words"].idxmax()]
        return (f"A longer run, of {int(run['longest_words']):,d} words ({names.get(run['file'], run['file'])}), "
                "is not shown: it does not look like one sentence (no capital at its start or no full stop at its "
                "end, or a heading in capitals run into the text), so it is more likely a boundary the segmenter "
                "missed than one sentence." + listed)
    return ("It opens with a capital and ends with sentence punctuation: one sentence as written, not a boundary "
            "the segmenter missed." + listed)


def timing_comparison(cleaned: pd.DataFrame, repeats: int = 3) -> pd.DataFrame:
    """Milliseconds per article (best of ``repeats``): :func:`article_readability` (segmenting,
    counting, seven scores, both bootstraps) against textstat's seven calls on the same text,
    each with its caches cleared (ours: the sentences kept per paragraph and the per-token
    counts), so neither is timed on text it has already seen. Depends on the machine; the ratio
    is what carries over."""
    import time

    from .sentences import clear_caches

    textstat = _textstat()
    rows = []
    for file, paragraphs, text in zip(cleaned["file"], cleaned["paragraphs"], cleaned["clean_text"]):
        ours = theirs = float("inf")
        for _ in range(repeats):
            clear_caches()
            _TOKEN_CACHE.clear()
            _PACKED.clear()
            started = time.perf_counter()
            article_readability(file, list(paragraphs))
            ours = min(ours, time.perf_counter() - started)
            clear_textstat_caches()
            started = time.perf_counter()
            for function in TEXTSTAT_SCORES.values():
                getattr(textstat, function)(text)
            theirs = min(theirs, time.perf_counter() - started)
        rows.append({"file": file, "ours_ms": 1000 * ours, "textstat_seven_ms": 1000 * theirs})
    return pd.DataFrame(rows)


def textstat_counts_note(two_ways: pd.DataFrame, names: dict[str, str]) -> str:
    """A sentence for the prose, from ``textstat_counts_two_ways``: where textstat's whole-article
    and paragraph-by-paragraph counts differ, and where a whole-article total matches the hand
    count although some paragraph is miscounted (errors that cancel)."""
    if two_ways.empty:
        return "No article of this corpus is in the hand count, so the two tables share no article."
    differ = two_ways[two_ways["whole_article"] != two_ways["by_paragraph"]]
    if differ.empty:
        return "On the hand-counted articles here the two ways give the same totals."
    claims = []
    for row in differ.itertuples():
        cancels = row.whole_article == row.hand and not row.every_paragraph_right
        claims.append(f"{names[row.file]}: {row.whole_article} sentences on the whole article and "
                      f"{row.by_paragraph} paragraph by paragraph, against {row.hand} by hand"
                      + (" (its whole-article total is right only because errors cancel)" if cancels else ""))
    return "; ".join(claims) + "."


# --- sensitivity: does a separation rest on a few sentences, or on where the full stops fall? --
# Each variant rewrites the per-sentence table and the chapter's own rule (pairwise_differences,
# both corrected intervals) is applied to it unchanged.

LONGEST_SHARE = 0.05  # the same share of every article's longest sentences: the tail trimmed alike
LONG_SENTENCE_WORDS = 60  # a run-on sentence wherever it is: the harsher test for a long-sentenced text


def without_longest(sentences: pd.DataFrame, share: float = LONGEST_SHARE) -> pd.DataFrame:
    """Each article's sentences without its longest ``share`` (rounded up, so at least one;
    ties broken by order). An article of one sentence keeps it: nothing would be left to score."""
    dropped = []
    for _, group in sentences.groupby("file", sort=False):
        if len(group) > 1:
            k = min(len(group) - 1, int(np.ceil(share * len(group))))
            dropped.extend(group["words"].sort_values(ascending=False, kind="stable").index[:k])
    return sentences.drop(index=dropped)


def long_dropped_note(sentences: pd.DataFrame, names: dict[str, str], limit: int = LONG_SENTENCE_WORDS) -> str:
    """A sentence: which article loses most sentences when those over ``limit`` words are dropped,
    and how many the others lose at most (or that none has such a sentence)."""
    long_share = (sentences["words"] > limit).groupby(sentences["file"], sort=False).agg(["sum", "size"])
    if long_share.empty or not long_share["sum"].any():
        return f"no article here has a sentence over {limit} words, so this check drops none."
    most = long_share["sum"].idxmax()
    text = f"{names[most]} loses {long_share.loc[most, 'sum']:,d} of its {long_share.loc[most, 'size']:,d} sentences"
    if len(long_share) == 1:
        return text + "."
    rest = int(long_share.drop(most)["sum"].max())
    if rest == 0:
        return text + ", and no other article loses any."
    return text + f", no other article more than {rest:,d}."


def without_long_sentences(sentences: pd.DataFrame, limit: int = LONG_SENTENCE_WORDS) -> pd.DataFrame:
    """The sentences of at most ``limit`` words. An article whose every sentence is longer drops
    out of the comparison (and the correction counts only the pairs left)."""
    return sentences[sentences["words"] <= limit]


def paragraphs_as_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph, its sentences' counts summed and counted as one sentence: the
    formulas measured without the full stops inside a paragraph (a translator's or an editor's
    punctuation), each paragraph its own block."""
    columns = ["file", "paragraph"]
    table = sentences.groupby(columns, sort=False)[COUNTS].sum().reset_index()
    table["sentences"] = 1
    table.insert(2, "sentence", np.arange(1, len(table) + 1))
    return table


SENSITIVITY_VARIANTS = {  # key -> (label for the page, the rewrite of the per-sentence table)
    "as_measured": ("as measured", lambda s: s),
    "without_longest": (f"without each article's longest {LONGEST_SHARE:.0%} of sentences", without_longest),
    "without_long": (f"without sentences over {LONG_SENTENCE_WORDS} words", without_long_sentences),
    "paragraphs": ("with paragraphs as the unit instead of sentences", paragraphs_as_sentences),
}


def sensitivity_pairs(sentences: pd.DataFrame, score: str, variants: dict | None = None,
                      n_boot: int = PAIRWISE_BOOT) -> pd.DataFrame:
    """``pairwise_differences`` on ``score`` for every variant, stacked: ``variant`` first."""
    variants = SENSITIVITY_VARIANTS if variants is None else variants
    tables = []
    for key, (_, rewrite) in variants.items():
        pairs = pairwise_differences(rewrite(sentences), score, n_boot=n_boot)
        tables.append(pairs.assign(variant=key)[["variant", *pairs.columns]])
    return pd.concat(tables, ignore_index=True)


def separated_article(pairs: pd.DataFrame) -> str | None:
    """The article in most of the pairs that exceed the noise, when it is in more than half of
    them and there are two or more (the separations are mostly one text's); else None."""
    beyond = pairs[pairs["exceeds_noise"]]
    if len(beyond) < 2:
        return None
    counts = pd.concat([beyond["first"], beyond["second"]]).value_counts(sort=False)
    top = counts.idxmax()
    return top if counts[top] > len(beyond) / 2 and (counts == counts[top]).sum() == 1 else None


def surviving_separations(sensitivity: pd.DataFrame, article: str | None = None,
                          base: str = "as_measured") -> pd.DataFrame:
    """For each variant: how many of the pairs that exceed the noise in ``base`` (only those
    involving ``article``, when given) still do, how many of them turn the other way (a
    difference of the opposite sign beyond the noise), and their mean difference signed in the
    base's direction (over the pairs the variant still compares)."""
    first_rows = sensitivity[(sensitivity["variant"] == base) & sensitivity["exceeds_noise"]]
    if article is not None:
        first_rows = first_rows[(first_rows["first"] == article) | (first_rows["second"] == article)]
    direction = {(a, b): np.sign(d) for a, b, d in zip(first_rows["first"], first_rows["second"], first_rows["difference"])}
    rows = []
    for variant, table in sensitivity.groupby("variant", sort=False):
        sign = np.array([direction.get(pair, 0.0) for pair in zip(table["first"], table["second"])])
        mine = table[sign != 0]
        aligned = (mine["difference"] * sign[sign != 0]).to_numpy()
        beyond = mine["exceeds_noise"].to_numpy()
        rows.append({"variant": variant, "separations": len(direction), "survive": int((beyond & (aligned > 0)).sum()),
                     "reversed": int((beyond & (aligned < 0)).sum()),
                     "mean_difference": float(aligned.mean()) if len(aligned) else float("nan")})
    return pd.DataFrame(rows)


def falling_separations(sensitivity: pd.DataFrame, base: str = "as_measured") -> list[tuple[str, str]]:
    """The pairs that exceed the noise in ``base`` but not, the same way round, in some other
    variant: the separations that do not survive every check."""
    first_rows = sensitivity[(sensitivity["variant"] == base) & sensitivity["exceeds_noise"]]
    direction = {(a, b): np.sign(d) for a, b, d in zip(first_rows["first"], first_rows["second"], first_rows["difference"])}
    fall = set()
    for variant, table in sensitivity[sensitivity["variant"] != base].groupby("variant", sort=False):
        held = {(a, b) for a, b, d, beyond in zip(table["first"], table["second"], table["difference"],
                                                   table["exceeds_noise"])
                if beyond and (a, b) in direction and np.sign(d) == direction[(a, b)]}
        fall |= set(direction) - held
    return sorted(fall)


def held_words(k: int, n: int) -> str:
    """"none holds", "only 2 of the 9 hold", "8 of the 9 hold": how many separations survive a
    check, "only" where fewer than half do."""
    if k == 0:
        return "none holds"
    verb = "holds" if k == 1 else "hold"
    return f"{'only ' if k * 2 < n else ''}{k} of the {n} {verb}"


def sentences_per_paragraph(sentences: pd.DataFrame) -> pd.Series:
    """Mean sentences per paragraph of each article, indexed by ``file``."""
    return sentences.groupby(["file", "paragraph"], sort=False).size().groupby(level=0, sort=False).mean()


def _of(n: int, total: int) -> str:
    return f"{n} of {total} {'exceeds' if n == 1 else 'exceed'} the noise"


def sensitivity_summary(sensitivity: pd.DataFrame, sentences: pd.DataFrame, names: dict[str, str],
                        unit: str, status: dict[str, str] | None = None, variants: dict | None = None) -> str:
    """A paragraph for the prose, from ``sensitivity_pairs``: how many pairs exceed the noise in
    each variant and what becomes of the separations as measured (their mean difference in
    ``unit``; paragraphs as units are not on the formula's scale, so none is given for them).
    When the separations are mostly one article's, a separation that some variant removes is said
    not to survive that change (of unit, or of the sentences counted), without a cause. ``status``
    maps a file to what is known of its origin (a translation)."""
    variants = SENSITIVITY_VARIANTS if variants is None else variants
    base = sensitivity[sensitivity["variant"] == "as_measured"]
    if base.empty:
        return "With fewer than two articles ranked there is no pair to check."
    total = int(base["exceeds_noise"].sum())
    counts = [f"{variants[v][0]}, {int(t['exceeds_noise'].sum())} of {len(t)}"
              for v, t in sensitivity.groupby("variant", sort=False) if v != "as_measured"]
    text = (f"As measured, the one pair {'exceeds' if total else 'does not exceed'} the noise; {english_list(counts)}."
            if len(base) == 1 else f"As measured, {total} of the {len(base)} pairs exceed the noise; {english_list(counts)}.")
    if not total:
        return text
    survived = surviving_separations(sensitivity).set_index("variant")
    parts = []
    for variant, row in survived.drop("as_measured").iterrows():
        # no size on another scale (paragraphs), nor when the check compares none of those pairs
        size = ("" if variant == "paragraphs" or pd.isna(row["mean_difference"])
                else f", mean difference {row['mean_difference']:.1f} {unit}")
        turned = f", {int(row['reversed'])} turned the other way" if row["reversed"] else ""
        parts.append(f"{int(row['survive'])} {variants[variant][0]} ({turned.lstrip(', ')}{size.lstrip(', ')})"
                     .replace(" ()", ""))
    text += (f" Of the {total} separations as measured (mean difference "
             f"{survived.loc['as_measured', 'mean_difference']:.1f} {unit}), these still exceed the noise: "
             f"{english_list(parts)}.")
    article = separated_article(base)
    lost = [variants[v][0] for v, row in survived.drop("as_measured").iterrows() if row["survive"] < row["separations"]]
    if not lost:
        return text + " Every separation survives every check: none rests on the longest sentences or on where the full stops fall."
    if article is None:
        fall = len(falling_separations(sensitivity))
        if fall == total:
            return text + f" None of the {total} holds in every check."
        rest = total - fall
        return text + (f" So {fall} of the {total} separations {'falls' if fall == 1 else 'fall'} in at least one "
                       f"check and the other {rest} {'holds' if rest == 1 else 'hold'} in every one.")
    mine = surviving_separations(sensitivity, article).set_index("variant")
    name = names[article]
    origin = f" ({status[article]})" if status and article in status else ""
    n_mine = int(mine.loc["as_measured", "separations"])
    lost_mine = [variants[v][0] for v, row in mine.drop("as_measured").iterrows() if row["survive"] < row["separations"]]
    text += (f" All {total} separations involve {name}{origin}." if n_mine == total
                 else f" {n_mine} of the {total} separations involve {name}{origin}.")
    if lost_mine:
        held = english_list([f"{int(mine.loc[v, 'survive'])} of {n_mine} {variants[v][0]}"
                             for v, row in mine.drop("as_measured").iterrows() if row["survive"] < row["separations"]])
        text += (f" Not all of those hold ({held}): those that fall {_what_fails(mine.drop('as_measured'))}; "
                 f"the check does not say why.")
        per_paragraph = sentences_per_paragraph(sentences)
        others = per_paragraph.drop(article)
        if "paragraphs" in mine.index and mine.loc["paragraphs", "survive"] < n_mine and len(others):
            text += (f" {name} puts {per_paragraph[article]:.1f} sentences in a paragraph on average, the other "
                     f"articles {others.min():.1f} to {others.max():.1f}, so with paragraphs as the unit its score "
                     f"changes little while theirs change with how they are paragraphed: the paragraph check "
                     f"reads the other texts' paragraphing as much as this one's full stops.")
    else:
        text += " Those survive every check."
    base_beyond = base[base["exceeds_noise"]]
    rest = base_beyond[(base_beyond["first"] != article) & (base_beyond["second"] != article)]
    if len(rest) > TOP_K:  # the largest named, the rest left to the table
        rest = rest.loc[rest["difference"].abs().sort_values(ascending=False, kind="stable").index]
        text += f" Of the other {len(rest):,d} separations, the {TOP_K} largest:"
    for first, second in zip(rest["first"][:TOP_K], rest["second"][:TOP_K]):
        held = sensitivity[(sensitivity["first"] == first) & (sensitivity["second"] == second)
                           & (sensitivity["variant"] != "as_measured")]
        failed = [variants[v][0] for v, beyond in zip(held["variant"], held["exceeds_noise"]) if not beyond]
        text += (f" The separation of {names[first]} from {names[second]} "
                 + (f"does not hold {' or '.join(failed)}." if failed else "survives every check."))
    if len(rest) > TOP_K:
        text += f" The other {len(rest) - TOP_K:,d} are in the table above."
    return text


def shown_gap(a: float, b: float, decimals: int = 1) -> float:
    """``|a − b|`` as a reader gets it from the two values shown beside it, each rounded to
    ``decimals`` (16.04 and 14.36, shown 16.0 and 14.4, differ by 1.6, not 1.7)."""
    from decimal import Decimal

    return float(abs(Decimal(f"{a:.{decimals}f}") - Decimal(f"{b:.{decimals}f}")))


def adding_up(parts: list[float], total: float, most: int = 3) -> tuple[list[str], str]:
    """``parts`` and their ``total`` formatted with the fewest decimals (1 to ``most``) at which
    the parts as shown add up to the total as shown (1.04 + 0.14 = 1.18 is shown 1.0 + 0.1 = 1.2
    at one decimal, which does not add up; 1.04 + 0.14 = 1.18 at two)."""
    from decimal import Decimal

    for decimals in range(1, most + 1):
        shown = [f"{p:.{decimals}f}" for p in parts]
        whole = f"{total:.{decimals}f}"
        if sum(Decimal(x) for x in shown) == Decimal(whole):
            break
    return [x.replace("-", "−") if x.startswith("-") else x for x in shown], whole


def kincaid_terms(sentences: pd.DataFrame) -> pd.DataFrame:
    """The Flesch–Kincaid grade of each article split into its two terms: ``length_term``
    (0.39 × words per sentence) and ``word_term`` (11.8 × syllables per word); the grade is
    their sum − 15.59."""
    totals = sentences.groupby("file", sort=False)[["sentences", "words", "syllables"]].sum()
    return pd.DataFrame({"length_term": 0.39 * totals["words"] / totals["sentences"],
                         "word_term": 11.8 * totals["syllables"] / totals["words"]}).rename_axis("file").reset_index()


def kincaid_terms_note(terms: pd.DataFrame, article: str | None, names: dict[str, str], others: str = "articles") -> str:
    """A sentence: how much of ``article``'s Flesch–Kincaid gap to the mean of the other articles
    comes from sentence length and how much from syllables per word."""
    indexed = terms.set_index("file")
    if article is None or article not in indexed.index:
        return "no article is ranked, so no gap is split"
    if len(indexed) < 2:
        row = indexed.loc[article]
        (length, word), grade = adding_up([row["length_term"], row["word_term"]], row["length_term"] + row["word_term"] - 15.59)
        return (f"with one article there is no gap to split: the Flesch–Kincaid grade of {names[article]}, "
                f"{grade}, is {length} from words per sentence plus {word} from syllables per word, less the "
                "formula's constant 15.59")
    gap = indexed.loc[article] - indexed.drop(article).mean()
    total = gap.sum()
    # the two parts, as shown, add up to the gap as shown (one more decimal where one is not enough)
    (length, word), whole = adding_up([gap["length_term"], gap["word_term"]], total)
    if total < 0:  # an article below the others: the gap and its parts as distances below
        (length, word), whole = adding_up([-gap["length_term"], -gap["word_term"]], -total)
    side = "above" if total >= 0 else "below"
    return (f"the Flesch–Kincaid grade of {names[article]} is {whole} {side} the mean of the other "
            f"{others}: {length} of it from words per sentence and {word} from syllables per word")


# --- validity on teachers' judgements (optional: read when `make validate` has written it) -----
# `make validate` scores the seven formulas on CLEAR (Crossley et al. 2023) and writes
# newscorpus/data/validation/summary.json; the chapter reads its "readability" figures when the
# file is there, and says they are absent otherwise.

DEFAULT_LEAD = ("kincaid_grade", "reading_ease")  # the two most used, when no validity figures exist


def validity_figures(path=None) -> dict | None:
    """The ``readability`` part of the committed validation summary, or None when it is absent."""
    import json
    from importlib import resources

    path = path or resources.files("newscorpus").joinpath("data", "validation", "summary.json")
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return found.get("readability") or None


def leading_formulas(validity: dict | None, group: str = "informational", n: int = 2) -> list[str]:
    """The ``n`` formulas with the highest |Pearson r| with CLEAR's ease in ``group`` (news is
    informational text), or ``DEFAULT_LEAD`` when the figures are absent."""
    if not validity:
        return list(DEFAULT_LEAD)[:n]
    found = {name: abs(validity[f"{group}_{name}_pearson"]) for name in SCORES if f"{group}_{name}_pearson" in validity}
    if len(found) < n:
        return list(DEFAULT_LEAD)[:n]
    return sorted(found, key=lambda name: -found[name])[:n]


def validity_interval(validity: dict, name: str, group: str = "informational") -> str:
    """"r = −0.47, 95% interval −0.51 to −0.44" for one score in ``group``."""
    key = f"{group}_{name}_pearson"
    return (f"r = {validity[key]:+.2f}, 95% interval {validity[key + '_low']:+.2f} to "
            f"{validity[key + '_high']:+.2f}")


def abs_r_interval(validity: dict, name: str, group: str = "informational") -> tuple[float, float]:
    """(lower, upper) |r| of ``name``'s 95% interval in ``group`` (a grade's r is negative)."""
    key = f"{group}_{name}_pearson"
    low, high = abs(validity[key + "_low"]), abs(validity[key + "_high"])
    return (min(low, high), max(low, high)) if validity[key + "_low"] * validity[key + "_high"] > 0 else (0.0, max(low, high))


def reaching_the_leaders(validity: dict, lead: list[str], group: str = "informational") -> list[str]:
    """The formulas outside ``lead`` whose |r| interval reaches the lowest lower end of the leaders'
    intervals (interval against interval, not a point estimate against it), strongest first."""
    lowest = min(abs_r_interval(validity, n, group)[0] for n in lead)
    others = [n for n in SCORES if n not in lead and f"{group}_{n}_pearson" in validity]
    return sorted((n for n in others if abs_r_interval(validity, n, group)[1] >= lowest),
                  key=lambda n: -abs_r_interval(validity, n, group)[1])


def validity_note(validity: dict | None, lead: list[str], group: str = "informational") -> str:
    """A paragraph for the prose: the leading formulas' correlation with teachers' judgements of
    ease on CLEAR's ``group`` excerpts, the range of all seven, or that the figures are absent."""
    if not validity:
        return ("The validity figures are absent from this build (`make validate` has not written "
                "`newscorpus/data/validation/summary.json`), so the two most used formulas lead, with no "
                "evidence here that they track readers better than the others.")
    rs = {name: abs(validity[f"{group}_{name}_pearson"]) for name in SCORES if f"{group}_{name}_pearson" in validity}
    others = [n for n in rs if n not in lead]
    lead_text = english_list([f"{SCORE_NAMES[name]} ({validity_interval(validity, name, group)})" for name in lead])
    text = (f"On the {validity.get(f'{group}_excerpts', 0):,d} {group} excerpts of CLEAR, the two formulas that "
            f"follow teachers' judgements of ease most closely are {lead_text} (a grade correlates "
            f"negatively with ease). The other {len(others)} reach |r| {min(rs[n] for n in others):.2f} to "
            f"{max(rs[n] for n in others):.2f}.")
    overlapping = reaching_the_leaders(validity, lead, group)
    if overlapping:
        lowest = min(abs_r_interval(validity, n, group)[0] for n in lead)
        reach = ("The interval of 1 of them reaches" if len(overlapping) == 1 else
                 f"The intervals of all {len(overlapping)} of them reach" if len(overlapping) == len(others) else
                 f"The intervals of {len(overlapping)} of them reach")
        text += (f" {reach} the lower end of the leaders' intervals (|r| {lowest:.2f}): "
                 f"{english_list([SCORE_NAMES[n] + f' (to {abs_r_interval(validity, n, group)[1]:.2f})' for n in overlapping])}"
                 ", so the lead is a choice among near-equals, not a winner.")
    if f"{group}_fitted_cv_pearson" in validity:
        text += (f" A score fitted to the same judgements reaches {validity_interval(validity, 'fitted_cv', group)},"
                 f" out of fold.")
    return text


def score_unit(name: str) -> str:
    """What a difference in ``name`` is counted in, for the prose."""
    return "points" if name in ("reading_ease", "dale_chall") else "grades"


def sensitivity_headline(sensitivity: pd.DataFrame, names: dict[str, str], status: dict[str, str] | None = None,
                         variants: dict | None = None) -> str:
    """A clause for the intro and conclusions, from ``sensitivity_pairs``: whose the separations
    as measured are and which checks they do not survive."""
    variants = SENSITIVITY_VARIANTS if variants is None else variants
    base = sensitivity[sensitivity["variant"] == "as_measured"]
    total = int(base["exceeds_noise"].sum())
    if not total:
        return "no pair of articles differs by more than the noise"
    article = separated_article(base)
    survived = surviving_separations(sensitivity, article).set_index("variant").drop("as_measured")
    n = int(surviving_separations(sensitivity, article)["separations"].iloc[0])
    lost = [f"{held_words(int(row['survive']), n)} {variants[v][0]}" for v, row in survived.iterrows()
            if row["survive"] < row["separations"]]
    who = ""
    if article is not None:
        origin = f", {status[article]}" if status and article in status else ""
        who = (f"all of them involve {names[article]}{origin}" if n == total
               else f"{n} of them involve {names[article]}{origin}")
    if not lost:
        return f"{who + '; ' if who else ''}they survive every sensitivity check"
    text = f"{who + ', and ' if who else ''}{english_list(lost)}"
    if article is None:
        return text
    fallen = "they" if survived["survive"].min() == 0 else "the others"
    return f"{text}, so {fallen} {_what_fails(survived)}"


def translation_note(status: dict[str, str], names: dict[str, str]) -> str:
    """The opening of the chapter's translation caveat, from ``translation_status`` (``status``
    maps a file to "a translation", "probably a translation" or "possibly a translation"): which
    texts are translations."""
    certain = [names[f] for f, s in status.items() if s == "a translation"]
    probable = [names[f] for f, s in status.items() if s == "probably a translation"]
    parts = []
    if certain:
        parts.append(f"{top_k_list(certain, k=3)} {'is an English translation' if len(certain) == 1 else 'are English translations'}")
    if probable:
        one = len(probable) == 1
        kind = ("one" if one else "translations too") if certain else ("an English translation" if one else "English translations")
        parts.append(f"{top_k_list(probable, k=3)} {'is' if one else 'are'} probably {kind}")
    possible = [names[f] for f, s in status.items() if s == "possibly a translation"]
    if possible:
        one = len(possible) == 1
        parts.append(f"{top_k_list(possible, k=3)} {'is' if one else 'are'} possibly {'one' if one and parts else 'a translation' if one else 'translations'} "
                     "(the site's country suggests it; nothing on the page says so)")
    if not parts:
        return "No text here is known to be a translation, though an uncredited translator can leave no trace."
    return ", and ".join(parts) + "."


def diversity_words_note(scores: pd.DataFrame, diversity: pd.DataFrame) -> str:
    """A sentence under the diversity table: its words leave out numbers, by how many per article
    against the counts table (``scores`` from ``readability_tables``, ``diversity`` from
    ``diversity_table``; the diversity words are the text layer's words that have a letter)."""
    fewer = (scores.set_index("file")["words"] - diversity.set_index("file")["tokens"]).dropna().astype(int)
    if fewer.empty:
        return ""
    low, high = int(fewer.min()), int(fewer.max())
    if low < 0:  # both tables count the text layer's words, so this is a bug, not a reading to explain
        raise ValueError(f"{int((fewer < 0).sum()):,d} article(s) have more words in the diversity table than in "
                         f"the counts table (first: {fewer.idxmin()}); the two must count the text layer's words")
    if high == 0:
        return ("The words in this table leave out numbers, which are not vocabulary; "
                + ("this article has none, so its count is the same here as in the counts table above." if len(fewer) == 1
                   else "these articles have none, so their counts are the same here as in the counts table above."))
    span = f"{low:,d} word{'s' * (low != 1)}" if low == high else f"{low:,d} to {high:,d} words"
    who = "the article has" if len(fewer) == 1 else "each article has"
    return (f"The words in this table leave out numbers, which are not vocabulary, so {who} "
            f"{span} fewer here than in the counts table above.")


def per_outlet_phrase(articles: pd.DataFrame, noun: str = "", k: int = 2, first: bool = False) -> str:
    """How many articles each outlet has: "one per outlet", "2 per outlet" or "at most 4 per outlet
    (CNN)", naming at most ``k`` of the outlets that reach the maximum; with ``noun`` ("article"),
    "at most 4 articles per outlet (CNN)"; ``first``: to open a sentence ("At most …")."""
    phrase = _per_outlet_phrase(articles, noun, k)
    return phrase[0].upper() + phrase[1:] if first else phrase


def _per_outlet_phrase(articles: pd.DataFrame, noun: str, k: int) -> str:
    counts = articles["outlet"].value_counts()
    most = int(counts.max()) if len(counts) else 0
    what = f" {noun}{'s' * (most != 1)}" if noun else ""
    if most <= 1:
        return f"{'one' if most else 'no'}{what} per outlet"
    top = sorted(counts[counts == most].index)
    if int(counts.min()) == most:
        return f"{most:,d}{what} per outlet"
    named = english_list(top) if len(top) <= k else f"{len(top):,d} outlets have {most:,d}"
    return f"at most {most:,d}{what} per outlet ({named})"


def mtld_sentence(diversity: pd.DataFrame, min_words: int = MIN_RANKED_WORDS, words: pd.Series | None = None) -> str:
    """The MTLD range under the diversity table (``diversity_table``: ``file``, ``tokens`` and
    ``mtld`` per text), taken only over texts of at least ``min_words`` words: MTLD is unstable
    below about 100 (McCarthy and Jarvis 2010), so a 12-word teaser would set the range. ``words``
    (file -> the counts table's words, numbers included) decides which texts are that long, so the
    texts left out are the ones every ranking of the chapter leaves out; without it, the diversity
    table's own count (``tokens``, numbers left out) decides. Says how many texts that leaves out;
    ends without a full stop (the chapter goes on after a colon)."""
    n = len(diversity)
    length = diversity["tokens"] if words is None else diversity["file"].map(words).fillna(diversity["tokens"])
    long = diversity[length >= min_words]
    if n == 1:
        value = f"Its MTLD is {diversity['mtld'].iloc[0]:.0f} words per stretch"
        return (value + " (from a text of fewer than "
                f"{min_words:,d} words, where MTLD is unstable, so only a rough figure)" if long.empty else value) + \
            ". This describes one text, not an estimate with an interval"
    tail = f". These are descriptions of {n:,d} texts, not estimates with intervals"
    if long.empty:
        return (f"Every text has fewer than {min_words:,d} words, where MTLD is unstable, so no range is given "
                "(the table has each text's figure, to be read as rough)") + tail
    low, high = f"{long['mtld'].min():.0f}", f"{long['mtld'].max():.0f}"
    left = n - len(long)
    if not left:
        return (f"MTLD is {low} words per stretch for every article" if low == high else
                f"MTLD runs from {low} to {high} words per stretch") + tail
    note = (f" ({count_noun(left, 'shorter text')}, where MTLD is unstable, {'is' if left == 1 else 'are'} in the "
            "table but not in this range)")
    if len(long) == 1:
        return f"On the one text of at least {min_words:,d} words{note}, MTLD is {low} words per stretch" + tail
    said = (f"MTLD is {low} words per stretch for every one" if low == high else
            f"MTLD runs from {low} to {high} words per stretch")
    return f"Over the {len(long):,d} texts of at least {min_words:,d} words{note}, {said}" + tail


def _what_fails(survived: pd.DataFrame) -> str:
    """What the separations that fall fail, said without naming a cause: a check changes the unit
    or the sentences counted, and neither says whose punctuation (or paragraphing) made the gap."""
    lost = {v for v, row in survived.iterrows() if row["survive"] < row["separations"]}
    return "do not survive a change of unit" if "paragraphs" in lost else "do not survive without the longest sentences"


def lead_reason(validity: dict | None) -> str:
    """Why the leading formulas lead, for the intro and the conclusions."""
    if validity:
        return "the two that follow teachers' judgements of ease best on CLEAR's informational excerpts"
    return "the two most used (this build has no validity figures to choose by)"


def fitted_ease_table(sentences: pd.DataFrame, reader_ease, find_words) -> pd.DataFrame:
    """Each article's score from a fitted reader-ease function (``reader_ease(sentences, words)``),
    its words found in its sentences by ``find_words``: ``file``, ``fitted_ease``."""
    rows = []
    for file, group in sentences.groupby("file", sort=False):
        texts = group["text"].tolist()
        rows.append({"file": file, "fitted_ease": float(reader_ease(texts, find_words(" ".join(texts))))})
    return pd.DataFrame(rows, columns=["file", "fitted_ease"])


def fitted_note(fitted: pd.DataFrame | None, validity: dict | None, names: dict[str, str]) -> str:
    """A sentence on the fitted score: its range over the articles and its out-of-fold r on
    CLEAR's informational excerpts, or that it is not part of this build."""
    if fitted is None or fitted.empty:
        return ("The score fitted to teachers' judgements is not part of this build "
                "(`newscorpus.measures.readability_fit` is absent), so it is not shown.")
    low, high = fitted.loc[fitted["fitted_ease"].idxmin()], fitted.loc[fitted["fitted_ease"].idxmax()]
    if len(fitted) == 1:
        text = f"On CLEAR's scale (higher is easier) the fitted score of {names[low['file']]} is {low['fitted_ease']:+.2f}"
    else:
        text = (f"On CLEAR's scale (higher is easier) the fitted score runs from {low['fitted_ease']:+.2f} "
                f"({names[low['file']]}) to {high['fitted_ease']:+.2f} ({names[high['file']]})")
    if validity and "informational_fitted_cv_pearson" in validity:
        text += (f"; out of fold it follows teachers' judgements on informational excerpts at "
                 f"{validity_interval(validity, 'fitted_cv')}")
    return text + ". It has no interval here, and news is not what it was fitted on: it ranks, it does not grade."


# --- pages that cannot be ranked -------------------------------------------------------------
# A saved page whose paragraphs were run together (no breaks, or "said.The" with no space) is
# segmented as a few very long sentences and gets an absurd grade (69 words as one sentence:
# grade 29.1). The cleaning chapter flags such pages (``cleaning.report.unbroken_files``, one rule
# for the whole book) and every ranking here leaves them out, with the reason.


def short_files(scores: pd.DataFrame, min_words: int = MIN_RANKED_WORDS) -> dict[str, str]:
    """``{file: why}`` for the texts under ``min_words`` words, shortest first."""
    short = scores[scores["words"] < min_words].sort_values("words", kind="stable")
    return {f: f"{int(w):,d} word{'s' * (int(w) != 1)}" for f, w in zip(short["file"], short["words"])}


def unranked_files(scores: pd.DataFrame, unbroken: dict[str, str] | None,
                   min_words: int = MIN_RANKED_WORDS) -> dict[str, str]:
    """What every ranking and comparison of readability leaves out (``{file: why}``): the pages
    without usable breaks (``unbroken``, the cleaning chapter's check) and the texts under
    ``min_words`` words. Where that would leave nothing to rank, the short texts are ranked after
    all, and where even that would, every text is (:func:`unranked_note` says so)."""
    unbroken = dict(unbroken or {})
    left_out = {**unbroken, **{f: why for f, why in short_files(scores, min_words).items() if f not in unbroken}}
    if len(left_out) < len(scores):
        return left_out
    return unbroken if len(unbroken) < len(scores) else {}


def unranked_note(scores: pd.DataFrame, unbroken: dict[str, str] | None, left_out: dict[str, str],
                  names: dict[str, str], min_words: int = MIN_RANKED_WORDS, k: int = 3) -> str:
    """Sentences saying which texts the rankings leave out and why (``left_out`` from
    :func:`unranked_files`), how many, and, where every text is short, that all are ranked anyway."""
    parts = []
    broken = {f: why for f, why in (unbroken or {}).items() if f in left_out}
    if broken:
        parts.append(excluded_note(broken, names, k))
    short = {f: why for f, why in short_files(scores, min_words).items() if f not in (unbroken or {})}
    n, total = len(short), len(scores)
    if short and all(f in left_out for f in short):
        named = [f"{names.get(f, f)}, {why}" for f, why in short.items()]
        listed = top_k_list(named, k=k, rest="see the counts table")
        parts.append(
            f"{n:,d} of the {total:,d} texts {'is' if n == 1 else 'are'} under {min_words:,d} words "
            f"({'it is' if n == 1 else 'the shortest first:'} {listed}); {'it is' if n == 1 else 'they are'} in the "
            "tables but in no ranking or comparison on this page, nor among the hardest and easiest drawn: a score "
            "from a few sentences says little about how an article reads.")
    elif short:
        parts.append(
            (f"The text is under {min_words:,d} words ({next(iter(short.values()))}), the length this chapter asks "
             "before naming an article in a ranking; its scores are shown all the same, and are rough."
             if total == 1 else
             f"Every text here is under {min_words:,d} words, the length this chapter asks before naming an article "
             "in a ranking; they are ranked all the same, and every score is rough." if n == total else
             f"{n:,d} of the {total:,d} texts are under {min_words:,d} words; they are ranked all the same, since "
             "leaving them out would leave nothing to rank, and their scores are rough."))
    return " ".join(parts)


def excluded_note(excluded: dict[str, str] | None, names: dict[str, str], k: int = 3) -> str:
    """Sentences saying which articles are left out of the rankings and why (at most ``k``
    named); ``""`` when none is."""
    if not excluded:
        return ""
    n = len(excluded)
    items = [f"{names.get(f, f)}: {why}" for f, why in list(excluded.items())[:k]]
    listed = "; ".join(items) + (f"; and {n - k:,d} more" if n > k else "")
    return (f"{count_noun(n, 'article')} {'is' if n == 1 else 'are'} left out of every ranking on this page: "
            f"{'its text has' if n == 1 else 'their texts have'} no usable paragraph or sentence breaks, so "
            f"{'its scores measure' if n == 1 else 'their scores measure'} how the page was saved, not its writing. "
            f"{listed[0].upper() + listed[1:]}.")


# --- outlets as the unit (``newscorpus.units``) ------------------------------------------------


def outlet_scores(scores: pd.DataFrame, articles: pd.DataFrame, formulas: list[str],
                  excluded: dict[str, str] | None = None) -> pd.DataFrame:
    """``units.outlet_summary`` of the article scores ``formulas`` (``excluded`` files left out):
    a row per outlet and formula with its articles, mean, median, quartiles and the 95% interval
    of the mean from resampling the outlet's articles."""
    from ..units import outlet_summary

    # units.outlet_summary draws each measure's resamples from a stream numbered by its column, so
    # every call uses all seven in one order: a formula gets the same interval in every table
    summary = outlet_summary(ranked(scores, excluded), articles, list(SCORES))
    return summary[summary["measure"].isin(list(formulas))].reset_index(drop=True)


def _ordered_outlets(summary: pd.DataFrame, score: str) -> pd.DataFrame:
    rows = summary[summary["measure"] == score].dropna(subset=["mean"])
    return rows.sort_values(["mean", "outlet"], ascending=[score in EASIER_WHEN_HIGHER, True], kind="stable")


def outlet_difference_summary(summary: pd.DataFrame, score: str, unit: str, k: int = TOP_K) -> str:
    """Sentences for the prose, from ``outlet_scores``: which outlet reads hardest on ``score``
    by its mean, and which pairs of outlets are separated (95% intervals that do not overlap,
    ``units.separated_outlets``); the ``k`` largest are named, the rest counted."""
    from ..units import MIN_ARTICLES_FOR_INTERVAL, cohen_size, separated_outlets

    rows = _ordered_outlets(summary, score)
    if rows.empty:
        return "No outlet has a score."
    with_interval = rows.dropna(subset=["low", "high"])
    # the hardest and easiest are named among the outlets with enough articles for an interval
    # (an outlet of one article is that article, not a habit); all outlets if fewer than two have one
    ranked = with_interval if len(with_interval) >= 2 else rows
    hardest = ranked.iloc[0]
    among = ("" if len(ranked) == len(rows) else
             f"Among the {count_noun(len(ranked), 'outlet')} with at least {MIN_ARTICLES_FOR_INTERVAL} articles, ")
    text = (f"{among}{hardest['outlet']} reads hardest on average ({hardest['mean']:.1f} over "
            f"{count_noun(int(hardest['articles']), 'article')})")
    if len(rows) == 1:
        return text + ", the only outlet."
    easiest = ranked.iloc[-1]
    text += f", {easiest['outlet']} easiest ({easiest['mean']:.1f} over {count_noun(int(easiest['articles']), 'article')})."
    if len(with_interval) < 2:
        return text + (" Fewer than two outlets have enough articles for an interval, so no difference "
                       "between outlets is stated.")
    pairs = separated_outlets(summary, score)
    possible = len(with_interval) * (len(with_interval) - 1) // 2
    if pairs.empty:
        return text + (f" No pair of the {count_noun(len(with_interval), 'outlet')} with an interval is separated: "
                       "every two intervals overlap.")
    harder_is_higher = score not in EASIER_WHEN_HIGHER
    pairs = pairs.assign(gap=(pairs["higher_mean"] - pairs["lower_mean"]).abs(),
                         shown=[shown_gap(a, b) for a, b in zip(pairs["higher_mean"], pairs["lower_mean"])])
    pairs = pairs.sort_values(["shown", "gap"], ascending=False, kind="stable")  # in the order of the gaps shown
    claims = []
    for row in pairs.head(k).itertuples():
        harder, easier = (row.higher, row.lower) if harder_is_higher else (row.lower, row.higher)
        size = ("" if row.cohen_d != row.cohen_d else
                f" (interval {abs(row.difference_low):.1f} to {abs(row.difference_high):.1f}; Cohen's d "
                f"{abs(row.cohen_d):.2f}, {cohen_size(row.cohen_d)})")
        # the gap as a reader gets it from the two means as shown (the hardest and easiest are shown)
        gap = shown_gap(row.higher_mean, row.lower_mean)
        claims.append(f"{harder} reads harder than {easier}, by {gap:.1f} {unit}{size}.")
    n = len(pairs)
    shown = f"; the {k} largest:" if n > k else ":"
    text += (f" {n:,d} of the {count_noun(possible, 'pair')} of outlets with an interval "
             f"{'is' if n == 1 else 'are'} separated (their intervals do not overlap){shown} {' '.join(claims)}")
    if n > k:
        text += f" The other {n - k:,d} are in the table below."
    return text


def outlet_hardest_summary(summary: pd.DataFrame, score: str) -> str:
    """A clause: the outlet with the hardest mean on ``score`` and from how many of the other
    outlets with an interval it is separated (intervals that do not overlap)."""
    from ..units import separated_outlets

    rows = _ordered_outlets(summary, score)
    if rows.empty:
        return "no outlet has a score"
    hardest = rows.iloc[0]
    name = hardest["outlet"]
    if len(rows) == 1:
        return f"{name} is the only outlet, so there is nothing to compare it with"
    if pd.isna(hardest["low"]):
        return (f"{name} has the hardest mean on {SCORE_NAMES[score]}, but with {count_noun(int(hardest['articles']), 'article')} it has "
                "no interval, so it is not compared")
    others = len(rows.dropna(subset=["low"])) - 1
    if others == 0:
        return f"{name} has the hardest mean on {SCORE_NAMES[score]}, but no other outlet has enough articles to compare it with"
    pairs = separated_outlets(summary, score)
    clear = int(((pairs["higher"] == name) | (pairs["lower"] == name)).sum())
    if clear == others:
        verdict = "separated from every other outlet with an interval"
    elif clear == 0:
        verdict = "but its interval overlaps every other outlet's"
    else:
        verdict = f"separated from {clear:,d} of the other {count_noun(others, 'outlet')} with an interval"
    return f"{name} has the hardest mean on {SCORE_NAMES[score]}, {verdict}"


def outlet_formula_agreement(summary: pd.DataFrame, score: str = "kincaid_grade") -> str:
    """A clause: on how many of the seven formulas ``score``'s hardest outlet (by mean) is also the
    hardest (``summary`` from ``outlet_scores`` over all seven), and which outlets the others put
    first."""
    firsts = {}
    for name in SCORES:
        rows = _ordered_outlets(summary, name)
        if not rows.empty:
            firsts[name] = rows.iloc[0]["outlet"]
    if score not in firsts:
        return "no outlet has a score"
    hardest = firsts[score]
    others = {name: o for name, o in firsts.items() if o != hardest}
    text = f"{hardest} has the hardest mean on {len(firsts) - len(others)} of the {len(firsts)} formulas"
    if not others:
        return text
    by_outlet: dict[str, list[str]] = {}
    for name, outlet in others.items():
        by_outlet.setdefault(outlet, []).append(SCORE_NAMES[name])
    notes = [f"{english_list(formulas)} put{'s' if len(formulas) == 1 else ''} {outlet} first"
             for outlet, formulas in by_outlet.items()]
    return f"{text}; {top_k_list(notes, k=3, rest='see the outlet table')}"


def article_point_scores(sentences: pd.DataFrame, score: str | None = None) -> pd.DataFrame:
    """Each article's point score on ``score`` (or on all seven) from its per-sentence counts (no
    interval): ``file`` and a column per score."""
    totals = sentences.groupby("file", sort=False)[COUNTS].sum()
    values = scores_from_counts({c: totals[c].to_numpy(dtype=float) for c in COUNTS})
    names = list(SCORES) if score is None else [score]
    return pd.DataFrame({"file": totals.index, **{n: np.asarray(values[n], dtype=float) for n in names}})


def outlet_sensitivity(sentences: pd.DataFrame, articles: pd.DataFrame, score: str,
                       excluded: dict[str, str] | None = None, variants: dict | None = None) -> pd.DataFrame:
    """The outlets' separations on ``score`` as measured and in each sensitivity variant (the
    per-sentence table rewritten, each article rescored, ``outlet_scores`` and
    ``units.separated_outlets`` applied unchanged): ``variant``, ``higher``, ``lower``,
    ``higher_mean``, ``lower_mean``."""
    from ..units import separated_outlets

    variants = SENSITIVITY_VARIANTS if variants is None else variants
    rows = ranked(sentences, excluded)
    tables = []
    for key, (_, rewrite) in variants.items():
        points = article_point_scores(rewrite(rows))
        pairs = separated_outlets(outlet_scores(points, articles, [score]), score)
        tables.append(pairs.assign(variant=key)[["variant", *pairs.columns]])
    return pd.concat(tables, ignore_index=True)


def outlet_sensitivity_summary(sensitivity: pd.DataFrame, variants: dict | None = None) -> str:
    """A sentence from ``outlet_sensitivity``: how many of the outlet separations as measured
    still hold in each variant."""
    variants = SENSITIVITY_VARIANTS if variants is None else variants
    key = lambda t: set(zip(t["higher"], t["lower"]))
    base = key(sensitivity[sensitivity["variant"] == "as_measured"])
    if not base:
        return ("No two outlets are separated as measured, so there is no separation to check; the "
                "table shows how many would be in each check.")
    held = []
    for variant, (label, _) in variants.items():
        if variant == "as_measured":
            continue
        found = key(sensitivity[sensitivity["variant"] == variant])
        held.append(f"{len(base & found):,d} of {len(base):,d} {label}")
    return (f"As measured, {count_noun(len(base), 'pair')} of outlets {'is' if len(base) == 1 else 'are'} "
            f"separated. Still separated: {english_list(held)}.")


def sample_articles(cleaned: pd.DataFrame, limit: int = 60) -> pd.DataFrame:
    """At most ``limit`` articles of ``cleaned``, evenly spaced in its order (the first and the last
    included): what the timing and the comparison with textstat run on in a large corpus."""
    if len(cleaned) <= limit:
        return cleaned
    picks = np.unique(np.linspace(0, len(cleaned) - 1, limit).round().astype(int))
    return cleaned.iloc[picks]
