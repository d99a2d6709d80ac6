"""Lexical diversity that does not fall with length: MTLD and MATTR.

The raw type/token ratio (distinct words / words) falls as a text grows, because common words
repeat: a long article looks "poorer" than a short one by arithmetic alone. MTLD (McCarthy and
Jarvis 2010) counts how many stretches of text it takes for the ratio to fall to 0.72; MATTR
(Covington and McFall 2010) averages the ratio over every window of a fixed length.

Hand-written (each is a dozen lines) because the packaged implementations differ in how they
treat the last, partial factor; these follow the papers and a test checks a value worked by hand.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ..layer.words import APOSTROPHES, _all_words, words as layer_words

MTLD_THRESHOLD = 0.72
MATTR_WINDOW = 50


HAS_LETTER = re.compile(r"[^\W\d_]")


def tokens(paragraphs: list[str]) -> list[str]:
    """The book's words (:mod:`newscorpus.layer.words`) that have a letter, lower-cased with
    apostrophes normalised: a number is not vocabulary."""
    found = []
    for p in paragraphs:
        low = p.translate(APOSTROPHES).lower()
        if len(low) != len(p):  # a character whose lower case is longer ("İ"): word by word
            found += [p[s:e].translate(APOSTROPHES).lower() for s, e, kind in layer_words(p)
                      if kind != "number" and HAS_LETTER.search(p, s, e)]
            continue
        # ``isalpha`` first (speed goal): a word of letters only, most words, needs no search; each
        # word sliced once, in the one comprehension (no generator between, no copy of the words).
        found += [word for s, e, kind in _all_words(p)
                  if kind != "number" and ((word := low[s:e]).isalpha() or HAS_LETTER.search(word))]
    return found


_LIMITS: dict[float, list[int]] = {}


def _type_limits(n: int, threshold: float) -> list[int]:
    """``limits[count]``: the most types ``t`` for which ``t / count <= threshold`` (the float
    division, as the ratio is computed), for every count up to ``n``. Exact: a correctly rounded
    division never falls as its numerator grows, so ``t / count <= threshold`` holds for exactly
    the ``t`` up to the limit. Kept per threshold and grown as longer texts come."""
    limits = _LIMITS.setdefault(threshold, [0])
    for count in range(len(limits), n + 1):
        t = min(count, int(threshold * count))
        while t < count and (t + 1) / count <= threshold:
            t += 1
        while t >= 0 and t / count > threshold:
            t -= 1
        limits.append(t)
    return limits


def _mtld_one_way(words: list[str], threshold: float) -> float:
    # The ratio's test is read from a table of limits (``_type_limits``) instead of a division
    # per word (a speed goal): the same test, so the same factors.
    limits = _type_limits(len(words), threshold)
    factors, types, count = 0.0, set(), 0
    add = types.add
    for word in words:
        count += 1
        add(word)
        if len(types) <= limits[count]:  # the ratio fell to the threshold: a full factor
            factors, types, count = factors + 1, set(), 0
            add = types.add
    if count:  # the partial factor: how far the last stretch got towards the threshold
        factors += (1 - len(types) / count) / (1 - threshold)
    return len(words) / factors if factors else float("nan")


def mtld(words: list[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity: the mean of the forward and backward passes."""
    return (_mtld_one_way(words, threshold) + _mtld_one_way(words[::-1], threshold)) / 2


def mattr(words: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type/token ratio over windows of ``window`` words (the plain ratio if the
    text is shorter). One pass: the window's word counts are updated as it slides."""
    if len(words) <= window:
        return len(set(words)) / len(words) if words else float("nan")
    counts = dict(Counter(words[:window]))  # a plain dict: Counter's deletion runs in Python
    total = len(counts)
    for leaving, entering in zip(words, words[window:]):
        left = counts[leaving] - 1
        if left:
            counts[leaving] = left
        else:
            del counts[leaving]
        counts[entering] = counts.get(entering, 0) + 1
        total += len(counts)
    return total / (len(words) - window + 1) / window


def article_diversity(file: str, paragraphs: list[str]) -> dict:
    """One article: tokens, types, raw type/token ratio (not comparable across lengths), MTLD, MATTR."""
    words = tokens(paragraphs)
    types = len(set(words))
    return {"file": file, "tokens": len(words), "types": types,
            "type_token_ratio": types / len(words) if words else float("nan"),
            "mtld": mtld(words), "mattr": mattr(words)}


def diversity_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """One row per article, keyed by ``file``."""
    return pd.DataFrame([article_diversity(f, list(p)) for f, p in zip(cleaned["file"], cleaned["paragraphs"])])
