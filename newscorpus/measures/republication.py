"""Republications: find two versions of one story in a corpus, then list every edit between them.

Wire copy is republished by many outlets, each editing it a little; an archive holds the same
story several times. Two steps, each usable at archive scale:

1. **Finding the pairs.** :func:`article_signature` is the per-article part (picklable, so a
   process pool or Dask can map it): the set of the article's word 5-shingles (lower-cased words,
   the layer's one definition of a word), hashed to 64 bits, and its MinHash (datasketch). The
   corpus step, :func:`find_republications`, indexes the MinHashes in datasketch's LSH Ensemble,
   which answers *containment* queries (how much of one article is inside another), so a trimmed
   republication is found as readily as a full one; each candidate is then verified exactly on
   the hashed shingles and kept when containment reaches :data:`CONTAINMENT_THRESHOLD`.
2. **Listing the edits.** :func:`list_edits` aligns the two versions sentence by sentence, then
   word by word inside sentences that were edited, and names each changed region (in this order of
   precedence): a paragraph removed or added, a bracketed gloss, a source (a whole sentence with a
   report verb or "according to"), a word inside a quotation, the group's name (labels.csv),
   a person's title, a hedge (Hyland's list), a clause (three words or more), other wording.
   :func:`republication_edits` does it for every pair found; :func:`edit_counts` counts them.

Edits closer together than one unchanged word are one region to the aligner, so they are
reported as one edit.

Pure functions: no plotting, no file input or output.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSHEnsemble

from newscorpus.layer.words import APOSTROPHES, words
from newscorpus.measures.attribution import verb_table
from newscorpus.measures.lexicons import counts_as_hedge, inflections, lexicon_lemmas, read_csv
from newscorpus.measures.quotes import gloss_spans, quote_spans
from newscorpus.measures.sentences import TITLES, sentence_spans

# Five words: long enough that two unrelated news stories on one subject share almost none
# ("the Islamic State group in" is a 5-shingle, but rare), short enough that one edited word
# spoils only five shingles.
SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1  # the MinHash permutations: fixed, so signatures agree across processes and runs
# The LSH Ensemble only proposes candidates; its threshold is below the verified one so that
# the estimate's error does not lose a true pair (every candidate is checked exactly).
CANDIDATE_CONTAINMENT = 0.3
# Verified: the share of the smaller article's shingles found in the larger. Calibrated on the
# 924 PolNeAR news stories (7 US outlets, one election; read once for calibration, never at run
# time): the pairs at 0.69 to 1.0 are versions of one story (updated the next day, two takes of
# one live file), one at 0.51 is two pieces sharing their lede, and after them comes a gap: the
# next pair sharing 10 shingles or more is at 0.21 (reused passages), 99.9% of all 426,426 pairs
# are under 0.02. The five seeds against each other reach 0.004; the test's republications, each
# with twelve edits, keep 0.74 or more of their seed. 0.45 lies in the gap.
CONTAINMENT_THRESHOLD = 0.45
# Fewer shared shingles than this is a shared sentence or two, not a republished story.
MIN_SHARED_SHINGLES = 10

PAIR_COLUMNS = ["base", "other", "base_words", "other_words", "shared_shingles", "jaccard", "containment"]
EDIT_COLUMNS = ["base", "other", "category", "change",
                "base_paragraph", "base_start", "base_end", "base_words",
                "other_paragraph", "other_start", "other_end", "other_words",
                "before", "after"]
CATEGORIES = ("paragraph", "gloss", "source", "quotation", "name", "title", "hedge", "clause", "wording")
REMOVED, ADDED, REPLACED = "removed", "added", "replaced"

NAME_MAX_WORDS = 6  # "the so-called Islamic State group" -> "Daesh"; longer is more than a renaming
TITLE_MAX_WORDS = 4  # "Defense Secretary" -> "War Secretary", "Prime Minister" -> "Premier"
HEDGE_MAX_WORDS = 3  # "reportedly", "may have": a longer removal is a clause
CLAUSE_MIN_WORDS = 3
DISPLAY_CHARS = 160

# Words that make the capitalised words before a name a title ("Defense Secretary Ash Carter");
# the sentence segmenter's abbreviated titles ("Gen.", "Lt.") are added below.
TITLE_WORDS = frozenset(
    "president vice minister secretary general colonel major brigadier captain sergeant lieutenant "
    "commander admiral marshal spokesman spokeswoman spokesperson ambassador envoy king queen prince "
    "sheikh imam ayatollah cleric premier chancellor governor senator representative mayor chief "
    "deputy director chairman chairwoman emir caliph judge mufti patriarch pope".split()
) | frozenset(t.lower() for t in TITLES)
ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


# --- finding the pairs ---------------------------------------------------------------------------

def _hash64(shingle: str) -> int:
    # blake2b, not hash(): Python salts str hashes per process, and signatures must agree across a pool.
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")


def _low32(value: int) -> int:
    """MinHash's input hash: the low 32 bits of the shingle's hash (datasketch's default scheme)."""
    return value & 0xFFFFFFFF


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[str]:
    """The word ``size``-shingles of ``text``: lower-cased words (apostrophes made straight) joined
    by a space; a text shorter than ``size`` words is one shingle, an empty one has none."""
    forms = [text[s:e].translate(APOSTROPHES).lower() for s, e, _ in words(text)]
    if len(forms) < size:
        return [" ".join(forms)] if forms else []
    return [" ".join(forms[i:i + size]) for i in range(len(forms) - size + 1)]


@dataclass(frozen=True, eq=False)
class Signature:
    """One article's part of the search: picklable, so a pool or Dask can compute it."""

    key: str
    words: int
    shingles: np.ndarray  # sorted distinct 64-bit hashes of the shingles
    minhash: LeanMinHash

    @property
    def size(self) -> int:
        return len(self.shingles)


def article_signature(key: str, text: str) -> Signature:
    """The signature of one article's text (its paragraphs joined by blank lines, say)."""
    hashes = np.unique(np.fromiter((_hash64(s) for s in shingles(text)), dtype=np.uint64))
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_low32)
    minhash.update_batch(hashes.tolist())
    return Signature(key, len(words(text)), hashes, LeanMinHash(minhash))


def similarity(a: Signature, b: Signature) -> dict[str, float]:
    """Exact overlap of two articles' shingles: how many are shared, Jaccard, and containment (the
    share of the smaller article's shingles found in the larger, so a trimmed copy scores high)."""
    shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    union = a.size + b.size - shared
    smaller = min(a.size, b.size)
    return {"shared_shingles": shared,
            "jaccard": shared / union if union else 0.0,
            "containment": shared / smaller if smaller else 0.0}


def candidate_pairs(signatures: Sequence[Signature], threshold: float = CANDIDATE_CONTAINMENT) -> list[tuple[str, str]]:
    """Pairs (in key order, sorted) whose estimated containment reaches ``threshold``: each article
    is queried against an LSH Ensemble of all, which returns the articles it is contained in."""
    _check_keys(signatures)
    usable = [s for s in signatures if s.size]
    if len(usable) < 2:
        return []
    ensemble = MinHashLSHEnsemble(threshold=threshold, num_perm=NUM_PERM, num_part=min(16, len(usable)))
    ensemble.index([(s.key, s.minhash, s.size) for s in usable])
    pairs = set()
    for s in usable:
        for found in ensemble.query(s.minhash, s.size):
            if found != s.key:
                pairs.add((min(s.key, found), max(s.key, found)))
    return sorted(pairs)


def _check_keys(signatures: Sequence[Signature]) -> None:
    repeated = [k for k, n in Counter(s.key for s in signatures).items() if n > 1]
    if repeated:
        raise ValueError(f"two signatures share the key {repeated[0]!r}")


def _base_first(a: Signature, b: Signature, published: Mapping[str, str] | None) -> tuple[Signature, Signature]:
    """The base of a pair: the earlier version when both dates are known and differ, else the
    longer (a republication is more often trimmed than extended), else the first key."""
    if published and published.get(a.key) and published.get(b.key) and published[a.key] != published[b.key]:
        return (a, b) if str(published[a.key]) < str(published[b.key]) else (b, a)
    if a.words != b.words:
        return (a, b) if a.words > b.words else (b, a)
    return (a, b) if a.key < b.key else (b, a)


def find_republications(signatures: Sequence[Signature], threshold: float = CONTAINMENT_THRESHOLD,
                        published: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Verified pairs: one row per pair whose containment reaches ``threshold`` and which share
    at least :data:`MIN_SHARED_SHINGLES` shingles, with ``PAIR_COLUMNS``; the base is the earlier
    (``published``: key -> ISO date) or else the longer version. Sorted by base, then other."""
    by_key = {s.key: s for s in signatures}
    rows = []
    for first, second in candidate_pairs(signatures, min(threshold, CANDIDATE_CONTAINMENT)):
        a, b = by_key[first], by_key[second]
        scores = similarity(a, b)
        if scores["containment"] >= threshold and scores["shared_shingles"] >= MIN_SHARED_SHINGLES:
            base, other = _base_first(a, b, published)
            rows.append({"base": base.key, "other": other.key, "base_words": base.words,
                         "other_words": other.words, **scores})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS).sort_values(["base", "other"], ignore_index=True)


# --- listing the edits ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    """The group's names (labels.csv rows of kind 'name'), longest first, each matched as written
    when marked case-sensitive ("IS" is a name, "is" a verb)."""
    rows = sorted((r for r in read_csv("framing", "labels.csv") if r["kind"] == "name"),
                  key=lambda r: -len(r["form"]))
    alternatives = [re.escape(r["form"]) if r["case_sensitive"] == "1" else f"(?i:{re.escape(r['form'])})"
                    for r in rows]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


@lru_cache(maxsize=1)
def _hedges() -> tuple[frozenset[str], re.Pattern | None]:
    """The hedges lexicon: single-word entries with their inflections, and one pattern for phrases."""
    entries = lexicon_lemmas()["hedges"]
    single = frozenset(f for e in entries if " " not in e for f in inflections(e))
    phrases = [re.escape(e) for e in entries if " " in e]
    pattern = re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE) if phrases else None
    return single, pattern


@lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, str]:
    """Inflected speech verb -> its particle ('' or 'out' for "point out"): the attribution cues."""
    found: dict[str, str] = {}
    for form, entries in verb_table().items():  # form -> ((lemma, particle, class), ...)
        for _lemma, particle, verb_class in entries:
            if verb_class in ("say", "speech") and form not in found:
                found[form] = particle
    return found


class _Version:
    """One version of the story as word tokens, each with its paragraph and sentence, and the
    quotations and glosses of its text, all in offsets into the paragraphs joined by blank lines."""

    def __init__(self, paragraphs: Sequence[str]):
        self.text = "\n\n".join(paragraphs)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.forms: list[str] = []
        self.paragraph: list[int] = []
        self.sentence: list[int] = []
        self.quotes: list[tuple[int, int]] = []
        self.glosses: list[tuple[int, int]] = []
        offset, sentence_id = 0, 0
        for number, paragraph in enumerate(paragraphs):
            sentences = sentence_spans(paragraph) or [(0, len(paragraph))]
            sentence_starts = [s for s, _ in sentences]
            for s, e, _ in words(paragraph):
                self.starts.append(offset + s)
                self.ends.append(offset + e)
                # compared as written (apostrophes made straight): a change of case is an edit too
                self.forms.append(paragraph[s:e].translate(APOSTROPHES))
                self.paragraph.append(number)
                self.sentence.append(sentence_id + max(0, bisect_right(sentence_starts, s) - 1))
            sentence_id += len(sentences)
            self.quotes += [(offset + s, offset + e) for s, e in quote_spans(paragraph)]
            self.glosses += [(offset + s, offset + e) for s, e in gloss_spans(paragraph)]
            offset += len(paragraph) + 2
        # sentences that have words: their token ranges, and their words as the key to align on
        self.sentence_tokens: list[tuple[int, int]] = []
        for k, sentence in enumerate(self.sentence):
            if k and sentence == self.sentence[k - 1]:
                self.sentence_tokens[-1] = (self.sentence_tokens[-1][0], k + 1)
            else:
                self.sentence_tokens.append((k, k + 1))
        self.sentence_keys = [tuple(self.forms[i:j]) for i, j in self.sentence_tokens]

    def sentence_forms(self, s: int) -> list[str]:
        i, j = self.sentence_tokens[s]
        return self.forms[i:j]

    def __len__(self) -> int:
        return len(self.forms)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Characters of tokens i..j-1; for an empty range, the gap where they would be."""
        if i < j:
            return self.starts[i], self.ends[j - 1]
        left = self.ends[i - 1] if i > 0 else 0
        return left, (self.starts[i] if i < len(self) else len(self.text))

    def paragraph_at(self, i: int, j: int) -> int:
        """The paragraph of tokens i..j-1, or of the word after the gap (the last at the end)."""
        return self.paragraph[min(i, len(self) - 1)] if len(self) else 0

    def _whole(self, ids: list[int], i: int, j: int) -> bool:
        return i < j and (i == 0 or ids[i - 1] != ids[i]) and (j == len(self) or ids[j] != ids[j - 1])

    def whole_paragraphs(self, i: int, j: int) -> bool:
        return self._whole(self.paragraph, i, j)

    def whole_sentences(self, i: int, j: int) -> bool:
        return self._whole(self.sentence, i, j)

    def _inside(self, spans: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    def in_glosses(self, i: int, j: int) -> bool:
        """Every word of tokens i..j-1 lies inside square brackets."""
        return i < j and all(self._inside(self.glosses, self.starts[k], self.ends[k]) for k in range(i, j))

    def in_quotation(self, i: int, j: int) -> bool:
        """Tokens i..j-1 lie inside one quotation; an empty range, between two words of one."""
        if i < j:
            return self._inside(self.quotes, self.starts[i], self.ends[j - 1])
        return 0 < i < len(self) and self._inside(self.quotes, self.starts[i - 1], self.ends[i])

    def names(self, i: int, j: int) -> Counter:
        start, end = self.span(i, j) if i < j else (0, 0)
        return Counter(m.group(0) for m in _name_pattern().finditer(self.text, start, end))

    def hedges(self, i: int, j: int) -> list[str]:
        single, phrases = _hedges()
        found = [self.forms[k].lower() for k in range(i, j)
                 if self.forms[k].lower() in single and counts_as_hedge(self.forms[k].lower(), self.text, self.ends[k])]
        if phrases and i < j:
            found += [m.group(0).lower() for m in phrases.finditer(self.text, *self.span(i, j))]
        return found

    def has_attribution(self, i: int, j: int) -> bool:
        verbs = _speech_verbs()
        for k in range(i, j):
            particle = verbs.get(self.forms[k].lower())
            if particle is not None and (not particle or (k + 1 < len(self) and self.forms[k + 1].lower() == particle)):
                return True
        return i < j and bool(ACCORDING_TO.search(self.text, *self.span(i, j)))

    def capitalised(self, k: int) -> bool:
        return 0 <= k < len(self) and self.forms[k][:1].isupper()


def _slides(seq: list[str], i: int, j: int, low: int, high: int) -> list[int]:
    """Shifts of the removed (or inserted) run seq[i:j] that leave the alignment the same: a run
    equal to the words beside it can slide over them ("said X. Y said" removes either sentence's
    "said"). low..high bounds the equal words around the run."""
    shifts = [0]
    k = 0
    while i + k - 1 >= low and seq[i + k - 1] == seq[j + k - 1]:
        k -= 1
        shifts.append(k)
    k = 0
    while j + k < high and seq[i + k] == seq[j + k]:
        k += 1
        shifts.append(k)
    return shifts


def _best_shift(version: _Version, i: int, j: int, low: int, high: int) -> int:
    """The slide of a removed or inserted run that best fits the text's units: whole paragraphs,
    then whole sentences, then a bracketed gloss, then the smallest move."""
    return max(_slides(version.forms, i, j, low, high),
               key=lambda k: (version.whole_paragraphs(i + k, j + k), version.whole_sentences(i + k, j + k),
                              version.in_glosses(i + k, j + k), -abs(k)))


def _is_title_change(a: _Version, i1: int, i2: int, b: _Version, j1: int, j2: int) -> bool:
    """A short change right before a name (a capitalised word follows in both versions) with a
    title word in the change or in the capitalised words that follow it ("Defense" -> "War" in
    "US Defense Secretary Ash Carter")."""
    if max(i2 - i1, j2 - j1) > TITLE_MAX_WORDS or not (a.capitalised(i2) and b.capitalised(j2)):
        return False
    changed = [a.forms[k] for k in range(i1, i2)] + [b.forms[k] for k in range(j1, j2)]
    following = []
    k = i2
    while a.capitalised(k) and len(following) < 3:
        following.append(a.forms[k])
        k += 1
    if any(w.lower() in TITLE_WORDS for w in changed):
        return True
    return all(w[:1].isupper() for w in changed) and any(w.lower() in TITLE_WORDS for w in following)


def _classify(a: _Version, i1: int, i2: int, b: _Version, j1: int, j2: int) -> tuple[str, str]:
    """(category, change) of one changed region, tested in order of how specific each is."""
    change = REMOVED if j1 == j2 else ADDED if i1 == i2 else REPLACED
    one_sided = change != REPLACED
    version, i, j = (a, i1, i2) if change == REMOVED else (b, j1, j2)
    if one_sided and version.whole_paragraphs(i, j):
        return "paragraph", change
    if (a.in_glosses(i1, i2) or i1 == i2) and (b.in_glosses(j1, j2) or j1 == j2):
        return "gloss", change
    if one_sided and version.whole_sentences(i, j) and version.has_attribution(i, j):
        return "source", change
    if a.in_quotation(i1, i2) and b.in_quotation(j1, j2):
        return "quotation", change
    names_a, names_b = a.names(i1, i2), b.names(j1, j2)
    if names_a != names_b and max(i2 - i1, j2 - j1) <= NAME_MAX_WORDS:
        return "name", change
    if _is_title_change(a, i1, i2, b, j1, j2):
        return "title", change
    if sorted(a.hedges(i1, i2)) != sorted(b.hedges(j1, j2)) and max(i2 - i1, j2 - j1) <= HEDGE_MAX_WORDS:
        return "hedge", change
    if one_sided and j - i >= CLAUSE_MIN_WORDS:
        return "clause", change
    return "wording", change


def _display(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DISPLAY_CHARS:
        return text
    half = DISPLAY_CHARS // 2 - 1
    return text[:half] + " … " + text[-half:]


def list_edits(base: Sequence[str], other: Sequence[str], base_key: str = "base",
               other_key: str = "other") -> pd.DataFrame:
    """Every changed region between two versions of one story (their paragraphs), one row each
    with ``EDIT_COLUMNS``: the category and change (removed from the base, added in the other, or
    replaced), where it is in each version (paragraph, 0-based; start and end, characters into the
    paragraphs joined by blank lines, from the first changed word to the last; how many words),
    and the words before and after (shortened for display). An addition's base span, and a
    removal's other span, is the gap where the words would be."""
    a, b = _Version(base), _Version(other)
    rows = []
    for i1, i2, j1, j2 in _regions(a, b):
        category, change = _classify(a, i1, i2, b, j1, j2)
        (bs, be), (os_, oe) = a.span(i1, i2), b.span(j1, j2)
        rows.append({"base": base_key, "other": other_key, "category": category, "change": change,
                     "base_paragraph": a.paragraph_at(i1, i2), "base_start": bs, "base_end": be,
                     "base_words": i2 - i1,
                     "other_paragraph": b.paragraph_at(j1, j2), "other_start": os_, "other_end": oe,
                     "other_words": j2 - j1,
                     "before": _display(a.text[bs:be]) if i1 < i2 else "",
                     "after": _display(b.text[os_:oe]) if j1 < j2 else ""})
    return pd.DataFrame(rows, columns=EDIT_COLUMNS)


# difflib rather than an edit-distance aligner (rapidfuzz): it aligns on the longest runs of shared
# items, so each edit comes out as one contiguous region the way an editor made it, whereas a
# minimal edit script pairs unrelated words across a rewritten passage. Junk heuristics off: "the"
# is frequent but must still align.
def _opcodes(x: Sequence, y: Sequence) -> list[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, x, y, autojunk=False).get_opcodes()


def _regions(a: _Version, b: _Version) -> list[tuple[int, int, int, int]]:
    """Changed regions as token ranges (i1, i2) of the base and (j1, j2) of the other, in order.

    Sentences first, then words: editors drop, add and rewrite sentences, and aligning words
    across a whole article pairs the "the" of a dropped paragraph with the "the" of the next one.
    Identical sentences anchor the alignment; between anchors, sentences are paired by their words'
    similarity, paired sentences are aligned word by word, and the rest are whole sentences
    removed or added."""
    regions: list[tuple[int, int, int, int]] = []
    for tag, s1, s2, t1, t2 in _opcodes(a.sentence_keys, b.sentence_keys):
        if tag == "equal":
            continue
        # cursors: where the next base and other tokens of this stretch begin
        ia = a.sentence_tokens[s1][0] if s1 < len(a.sentence_tokens) else len(a)
        jb = b.sentence_tokens[t1][0] if t1 < len(b.sentence_tokens) else len(b)
        run: list = []  # [kind, first token, end token] of consecutive removed or added sentences

        def flush() -> None:
            if run and run[0] == REMOVED:
                regions.extend((i, j, jb, jb) for i, j in _by_paragraph(a, run[1], run[2]))
            elif run and run[0] == ADDED:
                regions.extend((ia, ia, i, j) for i, j in _by_paragraph(b, run[1], run[2]))
            run.clear()

        for step, sa, sb in _pair_sentences(a, range(s1, s2), b, range(t1, t2)):
            if run and run[0] != step:
                flush()
            if step == "paired":
                (x1, x2), (y1, y2) = a.sentence_tokens[sa], b.sentence_tokens[sb]
                regions.extend(_word_regions(a, x1, x2, b, y1, y2))
                ia, jb = x2, y2
                continue
            i, j = a.sentence_tokens[sa] if step == REMOVED else b.sentence_tokens[sb]
            run[:] = [step, run[1] if run else i, j]
            if step == REMOVED:
                ia = j
            else:
                jb = j
        flush()
    return regions


def _by_paragraph(version: _Version, i: int, j: int) -> list[tuple[int, int]]:
    """A run of removed or added tokens cut where paragraphs meet, whole paragraphs kept together."""
    pieces, start = [], i
    for k in range(i + 1, j + 1):
        if k == j or version.paragraph[k] != version.paragraph[k - 1]:
            pieces.append((start, k))
            start = k
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and version.whole_paragraphs(*merged[-1]) and version.whole_paragraphs(*piece):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


# Two sentences are one sentence, edited, when their words are this similar (difflib's ratio), or
# when nearly all of the shorter one's words are in the longer (a clause cut from a long sentence).
SENTENCE_PAIRING = 0.5
SENTENCE_CONTAINED = 0.8
SENTENCE_CONTAINED_WORDS = 4


def _sentence_similarity(x: list[str], y: list[str]) -> float:
    """How alike two sentences' words are, 0 when too unlike to be one sentence edited."""
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    total, shorter = len(x) + len(y), min(len(x), len(y))
    bound = matcher.quick_ratio() * total / 2  # at least as many words as really match
    if bound / total * 2 < SENTENCE_PAIRING and (bound < SENTENCE_CONTAINED_WORDS or bound / shorter < SENTENCE_CONTAINED):
        return 0.0
    matched = sum(block.size for block in matcher.get_matching_blocks())
    ratio = 2 * matched / total
    if ratio >= SENTENCE_PAIRING:
        return ratio
    if matched >= SENTENCE_CONTAINED_WORDS and matched / shorter >= SENTENCE_CONTAINED:
        return matched / shorter
    return 0.0


def _pair_sentences(a: _Version, xs: range, b: _Version, ys: range) -> list[tuple[str, int | None, int | None]]:
    """Steps (kind, base sentence, other sentence) aligning two runs of sentences: 'paired' when
    their words are alike, else removed or added (between two pairs, removals come first); the
    order-keeping alignment of most total similarity (dynamic programming over the two runs)."""
    n, m = len(xs), len(ys)
    score = np.zeros((n + 1, m + 1))
    pair = np.zeros((n + 1, m + 1))
    for p in range(1, n + 1):
        for q in range(1, m + 1):
            pair[p, q] = _sentence_similarity(a.sentence_forms(xs[p - 1]), b.sentence_forms(ys[q - 1]))
            score[p, q] = max(score[p - 1, q], score[p, q - 1],
                              score[p - 1, q - 1] + pair[p, q] if pair[p, q] else 0.0)
    steps = []
    p, q = n, m
    while p or q:
        if p and q and pair[p, q] and score[p, q] == score[p - 1, q - 1] + pair[p, q]:
            steps.append(("paired", xs[p - 1], ys[q - 1]))
            p, q = p - 1, q - 1
        elif q and (not p or score[p, q] == score[p, q - 1]):
            steps.append((ADDED, None, ys[q - 1]))
            q -= 1
        else:
            steps.append((REMOVED, xs[p - 1], None))
            p -= 1
    return steps[::-1]


def _word_regions(a: _Version, x1: int, x2: int, b: _Version, y1: int, y2: int) -> list[tuple[int, int, int, int]]:
    """Changed regions inside one pair of sentences (tokens x1..x2 of the base, y1..y2 of the other)."""
    opcodes = [(tag, i1 + x1, i2 + x1, j1 + y1, j2 + y1)
               for tag, i1, i2, j1, j2 in _opcodes(a.forms[x1:x2], b.forms[y1:y2])]
    regions = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        if tag in ("delete", "insert"):
            before = opcodes[n - 1] if n and opcodes[n - 1][0] == "equal" else None
            after = opcodes[n + 1] if n + 1 < len(opcodes) and opcodes[n + 1][0] == "equal" else None
            if tag == "delete":
                k = _best_shift(a, i1, i2, before[1] if before else i1, after[2] if after else i2)
            else:
                k = _best_shift(b, j1, j2, before[3] if before else j1, after[4] if after else j2)
            regions.append((i1 + k, i2 + k, j1 + k, j2 + k))
        else:
            regions.extend(_split_glosses(a, i1, i2, b, j1, j2))
    return regions


def _split_glosses(a: _Version, i1: int, i2: int, b: _Version, j1: int, j2: int) -> list[tuple[int, int, int, int]]:
    """A region split into a bracketed gloss at its start or end and the rest: an editor who
    renames the group and glosses the new name ("Daesh [Arabic acronym for ISIS]") made two edits,
    which the aligner sees as one replaced run."""
    def run(version: _Version, i: int, j: int, from_end: bool) -> int:
        n = 0
        while n < j - i and version.in_glosses(*((j - n - 1, j - n) if from_end else (i + n, i + n + 1))):
            n += 1
        return n if n < j - i else 0  # a region all in brackets is one gloss edit already

    regions = []
    lead_b, lead_a = run(b, j1, j2, False), run(a, i1, i2, False)
    if lead_b:
        regions.append((i1, i1, j1, j1 + lead_b))
        j1 += lead_b
    if lead_a:
        regions.append((i1, i1 + lead_a, j1, j1))
        i1 += lead_a
    trail_a, trail_b = run(a, i1, i2, True), run(b, j1, j2, True)
    tail = []
    if trail_a:
        tail.append((i2 - trail_a, i2, j2, j2))
        i2 -= trail_a
    if trail_b:
        tail.insert(0, (i2, i2, j2 - trail_b, j2))
        j2 -= trail_b
    return regions + [(i1, i2, j1, j2)] + tail


def republication_edits(pairs: pd.DataFrame, paragraphs: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """:func:`list_edits` for every pair of :func:`find_republications` (``paragraphs``: key ->
    the article's paragraphs), in the pairs' order."""
    frames = [list_edits(paragraphs[row.base], paragraphs[row.other], row.base, row.other)
              for row in pairs.itertuples(index=False)]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=EDIT_COLUMNS)


def edit_counts(edits: pd.DataFrame) -> pd.DataFrame:
    """Edits per pair and category (a column per category, in :data:`CATEGORIES` order)."""
    table = pd.crosstab([edits["base"], edits["other"]], edits["category"]) if len(edits) else pd.DataFrame()
    return table.reindex(columns=list(CATEGORIES), fill_value=0)



# --- Wire copy: an agency's story published under an outlet's name -----------------------------
#
# ``find_republications`` finds two versions of one story *inside* the corpus; most wire copy has
# no second version there (the agency's original is not in the archive), so it is recognised by
# its credits instead, the way a reader would, in this order:
#
# 1. a dateline credit at the top, "PLACE[, Date] (ORG) —" (or "--", "–", "-"): "WASHINGTON (AP) —",
#    "LOS ANGELES, Sept. 28 (UPI) —", "SEOUL, Aug. 20 (Yonhap) --", "(CNN) --". Any organisation
#    counts, listed or not, unless it is the article's own outlet (its name, its site, the site
#    name in its title, or an agency's own site listed in ``data/wire_agencies.csv``): CNN's story
#    on fox13now is syndicated, Yonhap's on yna.co.kr is Yonhap's own. The top is read in the
#    cleaned text, in the lines the cleaner removed before the body (a dateline, or a whole lede
#    taken for page furniture, still counts) and in a plain-text article's raw text;
# 2. an agency in the byline (the collector's author field or the byline the cleaner found);
# 3. a wire signature, a line such as "The-CNN-Wire" or "CNN Wire" at the end (kept or removed);
# 4. AP's live-blog headline ("The Latest: …", the AP's format for a running file);
# 5. the collector's ``origin`` in sources.csv naming an agency or wire copy.
#
# No threshold is involved (nothing here was tuned on PolNeAR): each rule is a credit printed on
# the page or recorded by the collector, and the evidence column says which one fired.

AGENCIES_FILE = "wire_agencies.csv"  # in newscorpus/data: agency, credits, domains
DATELINE_CHARS = 600  # the top of a text: a dateline further down is a quotation, not a credit
TOP_REMOVED_LINES = 6  # removed lines read before the body: the nearest ones (title, byline, dateline, lede)
SIGNATURE_LINES = 6  # the last lines of a text, where a signature stands
_DASH = r"(?:—|–|--|-)"
# a dateline: at the start of a line, a place in capitalised words ("HEMPSTEAD, N.Y."), a date
# ("Sept. 28", "Aug. 20, 2019"), the organisation in brackets, a dash; the place may be missing
# ("(CNN) --")
WIRE_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’-]*(?:,?[ \t]+[A-Z][\w.'’-]*){0,5}"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?[ \t]*)?"
    r"\((?P<org>[A-Za-z][\w&.'’ -]{0,40}?)\)[ \t]*" + _DASH + r"(?=\s|$)", re.MULTILINE)
# a party and state tag, "(R-Texas)", "(D)", is no organisation
_PARTY_TAG = re.compile(r"^[RDI](?:-.*)?$")
# a wire signature line: "The-CNN-Wire", "CNN Wire", "— Reuters Wire"
WIRE_SIGNATURE = re.compile(r"^[ \t]*(?:[-–—]+[ \t]*)?(?:The[- ])?(?P<org>[A-Z][\w&]*(?:[- ][A-Z][\w&]*){0,2})[- ]Wire[ \t]*$",
                            re.MULTILINE)
LIVE_BLOG = re.compile(r"^\s*The Latest\s*:", re.IGNORECASE)
WIRE_COLUMNS = ["file", "wire", "agency", "evidence"]
_TITLE_SITE = re.compile(r"\s[|–—-]\s")  # "Headline | Site name"


def _key(text: str) -> str:
    return "".join(re.findall(r"[a-z0-9]+", text.casefold()))


@lru_cache(maxsize=1)
def wire_agencies() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """``data/wire_agencies.csv``: (agency, credits, domains) per agency."""
    return tuple((row["agency"].strip(), tuple(c.strip() for c in row["credits"].split("|") if c.strip()),
                  tuple(d.strip().lower() for d in row["domains"].split("|") if d.strip()))
                 for row in read_csv(AGENCIES_FILE))


def _credit_pattern(credit: str) -> str:
    # a name in capitals matches in capitals only (AP, not "ap"); the (?i:) makes the rest caseless
    body = re.escape(credit).replace(r"\ ", r"\s+").replace("-", "[- ]")
    return body if credit.isupper() else f"(?i:{body})"


@lru_cache(maxsize=1)
def _credits() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every listed credit (whole words), and each credit's agency by key."""
    credits = sorted({c for _, cs, _ in wire_agencies() for c in cs}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(_credit_pattern(c) for c in credits) + r")(?![\w-])")
    return pattern, {_key(c): agency for agency, cs, _ in wire_agencies() for c in cs}


def _agency(name: str) -> str:
    """The agency's one name ("AP" → "Associated Press"), or the name as printed if unlisted."""
    name = re.sub(r"\s+", " ", name).strip()
    return _credits()[1].get(_key(name), name)


def _domains(agency: str) -> tuple[str, ...]:
    return next((d for a, _, d in wire_agencies() if a == agency), ())


def _own_names(article: Mapping) -> list[str]:
    """The names the article's own outlet goes by: its name, other names it writes itself by
    (``outlet_names.csv``), the site name its title ends with, its address's host."""
    text = lambda name: article.get(name) if isinstance(article.get(name), str) else ""
    names = [text("outlet")]
    from newscorpus.measures.keyness import outlet_aliases

    names += list(outlet_aliases().get(text("outlet").strip().casefold(), ()))
    parts = _TITLE_SITE.split(text("title"))
    if len(parts) > 1 and len(parts[-1].split()) <= 5:
        names.append(parts[-1])
    host = re.sub(r"^[a-z]+://", "", text("url").lower()).split("/")[0]
    return [n for n in names + [host] if n.strip()]


def _is_own(org: str, article: Mapping) -> bool:
    """Whether the organisation a credit names is the article's own outlet: the credit (or the
    agency's other names) is a run of words of one of the outlet's names, or the outlet's name or
    address is the agency's own site."""
    agency = _agency(org)
    keys = {_key(org), _key(agency)} | {_key(c) for a, cs, _ in wire_agencies() if a == agency for c in cs}
    keys.discard("")
    for name in _own_names(article):
        words = re.findall(r"[a-z0-9]+", name.casefold())
        runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        if keys & runs:
            return True
        name_key, host = _key(name), name.lower()
        for domain in _domains(agency):
            if name_key == _key(domain) or host == domain or host.endswith("." + domain):
                return True
    return False


def _dateline(texts: Sequence[str]) -> re.Match | None:
    for text in texts:
        for match in WIRE_DATELINE.finditer(text[:DATELINE_CHARS]):
            if not _PARTY_TAG.match(match.group("org")):
                return match
    return None


def _cleaned_parts(texts) -> dict[str, dict]:
    """Per file, the parts of the cleaned row the check reads: the cleaned text, the removed lines
    nearest the top and the end, the cleaner's byline. ``texts``: ``clean_corpus``'s table, or a
    mapping from a file to its cleaned text."""
    if texts is None:
        return {}
    if not isinstance(texts, pd.DataFrame):
        return {file: {"text": text or ""} for file, text in texts.items()}
    parts = {}
    for row in texts.to_dict("records"):
        article = row.get("cleaned")
        removed = list(getattr(article, "removed", None) or [])
        body = list(getattr(article, "body_lines", None) or [])
        first, last = (min(body), max(body)) if body else (None, None)
        top = [r for r in removed if first is None or r.line < first][-TOP_REMOVED_LINES:]
        end = [r for r in removed if last is not None and r.line > last]
        source = row.get("source_text") if isinstance(row.get("source_text"), str) else ""
        parts[row["file"]] = {"text": row.get("clean_text") or "", "top": top, "end": end, "source": source,
                              "byline": row.get("byline") if isinstance(row.get("byline"), str) else ""}
    return parts


def wire_copy(articles: pd.DataFrame, texts: Mapping[str, str] | pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article (``file``, ``wire``, ``agency``, ``evidence``): whether it is wire copy
    (an agency's or another outlet's story published under the outlet's name), whose, and the
    credit that says so (the rules are listed above this function). ``articles`` is
    ``newscorpus.load()``'s table (outlet, title, author, url, origin, ``raw_text``); ``texts`` is
    ``clean_corpus``'s table (then the lines the cleaner removed and the byline it found are read
    too, and the text it read, a saved page's as extracted) or a mapping from a file to its cleaned
    text. A plain-text article's raw text is read too; a saved page's raw HTML is not. An article credited to its own outlet (an agency's story on
    the agency's site) is not wire copy; its evidence says so. Pure: reads no corpus file."""
    parts = _cleaned_parts(texts)
    rows = []
    for article in articles.to_dict("records"):
        file = article["file"]
        raw = article.get("raw_text", "")
        raw = raw if isinstance(raw, str) and not file.lower().endswith((".html", ".htm")) else ""
        part = parts.get(file, {})
        raw = part.get("source") or raw  # the text the cleaner read (a saved page's, extracted)
        cleaned = part.get("text", "")
        field = lambda name: article.get(name) if isinstance(article.get(name), str) else ""
        found, own = None, ""
        # 1. a dateline credit at the top: of the cleaned text, of the lines removed before the
        # body (one by one, each a line's start), of the raw text
        top = [cleaned] + [r.text for r in part.get("top", [])] + [raw]
        if (dateline := _dateline(top)):
            line = dateline.string[dateline.string.rfind("\n", 0, dateline.start()) + 1:dateline.end()].strip()
            org = dateline.group("org").strip()
            if _is_own(org, article):
                own = f"its own outlet's dateline “{line}”: not republished"
            else:
                found = (_agency(org), f"dateline credit “{line}”")
        # 2. an agency in the byline
        if found is None and not own:
            for byline in (field("author"), part.get("byline", "")):
                if (credit := _credits()[0].search(byline)) and not _is_own(credit.group(1), article):
                    found = (_agency(credit.group(1)), f"byline “{byline}”")
                    break
        # 3. a wire signature at the end, kept or removed
        if found is None and not own:
            ends = ["\n".join(cleaned.splitlines()[-SIGNATURE_LINES:])] + [r.text for r in part.get("end", [])] \
                + ["\n".join(raw.splitlines()[-SIGNATURE_LINES:])]
            for text in ends:
                if (signature := WIRE_SIGNATURE.search(text)):
                    org = signature.group("org")
                    if org != "The" and not _is_own(org, article):  # "The Wire" names no one
                        listed = _key(org) in _credits()[1]
                        found = (_agency(org) if listed else f"{org} Wire", f"signature “{signature.group(0).strip()}”")
                        break
        # 4. AP's live-blog headline; 5. the collector's origin
        if found is None and not own:
            if LIVE_BLOG.match(field("title")):
                found = ("Associated Press", "headline “The Latest: …”, the AP's live-blog format")
            elif (credit := _credits()[0].search(field("origin"))):
                found = (_agency(credit.group(1)), f"sources.csv origin “{field('origin')}”")
            elif re.search(r"\bwire\b|news agenc", field("origin"), re.IGNORECASE):
                found = ("a news agency", f"sources.csv origin “{field('origin')}”")
        rows.append({"file": file, "wire": found is not None, "agency": found[0] if found else "",
                     "evidence": found[1] if found else own})
    return pd.DataFrame(rows, columns=WIRE_COLUMNS)


def wire_files(articles: pd.DataFrame, texts: Mapping[str, str] | None = None) -> list[str]:
    """The files :func:`wire_copy` flags, in corpus order."""
    flags = wire_copy(articles, texts)
    return flags.loc[flags["wire"], "file"].tolist()
