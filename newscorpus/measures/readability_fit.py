"""Readability fitted to readers: one linear score fitted to teachers' judgments of ease.

The seven formulas (``readability.py``) were fitted decades ago to school tests. This score is
fitted to CLEAR (Crossley et al. 2023): 4,724 excerpts that teachers compared two at a time, with
a Bradley–Terry easiness per excerpt (``BT_easiness``: higher is easier). Its features are few and
each can be read off a text (the six in ``FEATURES`` make the score; the others are computed for
comparison, and left out because, beside the six, their weights turn against their meaning):

* ``word_frequency``: mean Zipf frequency of the words in English (wordfreq 3.1.1; 6 is "the",
  3 a word met once in a million);
* ``rare_words``: share of words with Zipf frequency below 4 (rarer than once in 100,000 words);
* ``rarest_words_frequency``: mean Zipf frequency of the rarest tenth of the words (how hard the
  hardest words are, whatever the text's length);
* ``sentence_length``: mean words per sentence;
* ``syllables_per_word``: the syllable count the formulas use (CMU dictionary, then pyphen);
* ``long_words``: share of words of three or more syllables;
* ``word_length``: mean letters per word;
* ``verbs`` and ``prepositions``: shares of words tagged VERB and ADP (the text layer's part of
  speech): narrative leans on verbs, dense exposition on prepositional phrases.

The score is the committed intercept plus the sum of coefficient × standardised feature
(``data/readability_fit/coefficients.json``; fitted by
``newscorpus/validation/fit_readability.py``, cross-validated r in ``data/validation/``). It is
on CLEAR's scale: higher is easier.

The caller gives sentences and words (the text layer's); nothing is tokenised here.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

FEATURES = ["rarest_words_frequency", "rare_words", "sentence_length", "long_words", "verbs", "prepositions"]
RARE_BELOW = 4.0  # Zipf
RAREST_SHARE = 0.1


@functools.cache
def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word in English (wordfreq's large list; 0 if unseen)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="large")


def features(sentences: list[str], words: list[str], tags: list[str] | None = None) -> dict[str, float]:
    """The score's features from one text's sentences, words and the words' UPOS tags (tagged
    here, as one sequence, when not given). Tokens without a letter are left out. Raises
    ``ValueError`` on a text without sentences or words."""
    from .readability import syllables

    if tags is None:
        from ..layer.pos import tag_upos

        tags = tag_upos(words)
    kept = [(w, t) for w, t in zip(words, tags, strict=True) if any(ch.isalpha() for ch in w)]
    if not sentences or not kept:
        raise ValueError("a readability score needs at least one sentence and one word")
    words, tags = [w for w, _ in kept], [t for _, t in kept]
    lower = [w.lower() for w in words]
    frequencies = [zipf(w) for w in lower]
    counts = [syllables(w) for w in lower]
    n = len(words)
    rarest = sorted(frequencies)[:max(1, round(RAREST_SHARE * n))]
    return {
        "word_frequency": sum(frequencies) / n,
        "rare_words": sum(f < RARE_BELOW for f in frequencies) / n,
        "rarest_words_frequency": sum(rarest) / len(rarest),
        "sentence_length": n / len(sentences),
        "syllables_per_word": sum(counts) / n,
        "long_words": sum(c >= 3 for c in counts) / n,
        "word_length": sum(sum(ch.isalpha() for ch in w) for w in words) / n,
        "verbs": tags.count("VERB") / n,
        "prepositions": tags.count("ADP") / n,
    }


@functools.cache
def coefficients() -> dict:
    """The committed fit: ``intercept`` and, per feature, ``mean``, ``scale`` and ``weight``."""
    path = resources.files("newscorpus").joinpath("data", "readability_fit", "coefficients.json")
    return json.loads(path.read_text(encoding="utf-8"))


def score_from_features(values: dict[str, float], fit: dict | None = None) -> float:
    fit = fit or coefficients()
    total = fit["intercept"]
    for name, term in fit["features"].items():
        total += term["weight"] * (values[name] - term["mean"]) / term["scale"]
    return total


def reader_ease(sentences: list[str], words: list[str], tags: list[str] | None = None) -> float:
    """The fitted ease of one text (CLEAR's Bradley–Terry scale: higher is easier)."""
    return score_from_features(features(sentences, words, tags))


def contributions(sentences: list[str], words: list[str], tags: list[str] | None = None) -> dict[str, float]:
    """Each feature's part of the score (weight × standardised value): what makes a text easy or hard."""
    fit, values = coefficients(), features(sentences, words, tags)
    return {name: term["weight"] * (values[name] - term["mean"]) / term["scale"] for name, term in fit["features"].items()}
