"""Loaded language: which sentences read as biased, and the words that make them so.

Two linear models fitted to BABE (Spinde et al. 2021; news sentences that five experts labelled
biased or not, marking the biased words), applied here from their committed weights alone
(``data/loaded/``): a dict look-up per feature and a sum, no scikit-learn.

1. **Word model.** Each word gets a probability of being one the experts would mark, from its
   features (:func:`word_features`: the word itself, its part of speech, its ending, its VADER valence, whether a lexicon lists it, how common it is in English).
2. **Sentence model.** A sentence is *loaded* when its probability reaches one half, from its
   words (TF-IDF weighted, as fitted) and a few summaries of the word model's probabilities
   (:func:`sentence_summaries`: the highest, how many pass a threshold, ...).

The words reported for a loaded sentence (``hits``) are those whose word probability reaches the
committed word threshold, with their character offsets in the sentence and their probability; a
sentence that is not loaded has none.
``newscorpus/validation/fit_loaded.py`` fits both models (cross-validated scores in
``data/validation/summary.json``); ``data/loaded/README.md`` says what carries over to war
reporting and what does not.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # letters, with inner apostrophes or hyphens
ZIPF_BANDS = (3.0, 4.0, 5.0)  # wordfreq Zipf scale: below 3 is rare, 5 and above very common
SUMMARIES = ["word_max", "word_top2", "words_over_threshold", "word_sum_log", "vader_max", "vader_mean",
             "length_log"]


@dataclass(frozen=True)
class LoadedSentence:
    loaded: bool
    score: float  # the sentence model's probability that experts would call the sentence biased
    hits: list[tuple[int, int, str, float]]  # (start, end, word, word probability), in order


def words_with_offsets(sentence: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(sentence)]


@functools.cache
def _vader() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().lexicon


@functools.cache
def _lexicon_of(form: str) -> str | None:
    from .lexicons import lexicon_forms

    found = lexicon_forms().get(form)
    return found[0] if found else None


@functools.cache
def zipf_band(word: str) -> int:
    """How common a lower-case word is in English: 0 (rare) to 3 (very common), by wordfreq."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word, "en")
    return sum(zipf >= edge for edge in ZIPF_BANDS)


def word_features(words: list[str], tags: list[str]) -> list[dict[str, float]]:
    """The word model's features for each word of one sentence (``tags``: UPOS, one per word)."""
    lower = [w.lower() for w in words]
    vader = _vader()
    rows = []
    for i, (word, low, tag) in enumerate(zip(words, lower, tags, strict=True)):
        valence = vader.get(low, 0.0)
        row = {f"w={low}": 1.0, f"pos={tag}": 1.0, f"suffix={low[-3:]}": 1.0, f"zipf={zipf_band(low)}": 1.0, "vader_abs": abs(valence) / 4, "vader_negative": float(valence < 0)}
        lexicon = _lexicon_of(low)
        if lexicon:
            row[f"lexicon={lexicon}"] = 1.0
        if word[:1].isupper() and i:
            row["capitalised_inside"] = 1.0
        rows.append(row)
    return rows


def sentence_terms(words: list[str]) -> dict[str, float]:
    """The sentence model's word terms: each lower-case word with sublinear term frequency
    (1 + log count), before IDF weighting and length normalisation."""
    counts: dict[str, int] = {}
    for word in words:
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return {word: 1.0 + math.log(n) for word, n in counts.items()}


def sentence_summaries(words: list[str], word_probabilities: list[float], threshold: float) -> dict[str, float]:
    """Summaries of one sentence's word probabilities and valences (``SUMMARIES``, unscaled)."""
    p = sorted(word_probabilities, reverse=True) or [0.0]
    valences = [abs(_vader().get(w.lower(), 0.0)) for w in words] or [0.0]
    return {"word_max": p[0], "word_top2": sum(p[:2]), "words_over_threshold": float(sum(v >= threshold for v in p)),
            "word_sum_log": math.log1p(sum(p)), "vader_max": max(valences) / 4,
            "vader_mean": sum(valences) / len(valences) / 4, "length_log": math.log1p(len(words))}


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


@dataclass(frozen=True)
class LoadedModel:
    word_weights: dict[str, float]
    word_intercept: float
    word_threshold: float
    term_idf: dict[str, float]
    term_weights: dict[str, float]
    summary_means: dict[str, float]
    summary_scales: dict[str, float]
    summary_weights: dict[str, float]
    sentence_intercept: float
    sentence_threshold: float

    def word_probability(self, features: dict[str, float]) -> float:
        return sigmoid(self.word_intercept + sum(self.word_weights.get(f, 0.0) * v for f, v in features.items()))

    def sentence_probability(self, words: list[str], word_probabilities: list[float]) -> float:
        terms = {t: tf * self.term_idf[t] for t, tf in sentence_terms(words).items() if t in self.term_idf}
        norm = math.sqrt(sum(v * v for v in terms.values())) or 1.0
        total = self.sentence_intercept + sum(self.term_weights.get(t, 0.0) * v / norm for t, v in terms.items())
        for name, value in sentence_summaries(words, word_probabilities, self.word_threshold).items():
            total += self.summary_weights[name] * (value - self.summary_means[name]) / self.summary_scales[name]
        return sigmoid(total)


def _data(name: str):
    return resources.files("newscorpus").joinpath("data", "loaded", name)


def _read_weights(name: str) -> list[dict[str, str]]:
    with _data(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.cache
def model() -> LoadedModel:
    """The committed model (``data/loaded/``), read once per process."""
    meta = json.loads(_data("model.json").read_text(encoding="utf-8"))
    words = _read_weights("word_weights.csv")
    terms = _read_weights("sentence_terms.csv")
    summaries = meta["sentence_summaries"]
    return LoadedModel(
        word_weights={r["feature"]: float(r["weight"]) for r in words},
        word_intercept=meta["word_intercept"], word_threshold=meta["word_threshold"],
        term_idf={r["term"]: float(r["idf"]) for r in terms},
        term_weights={r["term"]: float(r["weight"]) for r in terms if float(r["weight"])},
        summary_means={k: v["mean"] for k, v in summaries.items()},
        summary_scales={k: v["scale"] for k, v in summaries.items()},
        summary_weights={k: v["weight"] for k, v in summaries.items()},
        sentence_intercept=meta["sentence_intercept"], sentence_threshold=meta["sentence_threshold"],
    )


def loaded_sentence(sentence: str, tags: list[str] | None = None, fitted: LoadedModel | None = None) -> LoadedSentence:
    """One sentence's verdict, score and hits. ``tags`` (UPOS, one per word of
    :func:`words_with_offsets`) can come from the text layer; otherwise they are made here."""
    fitted = fitted or model()
    spans = words_with_offsets(sentence)
    words = [w for _, _, w in spans]
    if tags is None:
        from ..layer.pos import tag_upos

        tags = tag_upos(words)
    probabilities = [fitted.word_probability(f) for f in word_features(words, tags)]
    score = fitted.sentence_probability(words, probabilities)
    loaded = score >= fitted.sentence_threshold
    hits = [(start, end, word, p) for (start, end, word), p in zip(spans, probabilities)
            if loaded and p >= fitted.word_threshold]
    return LoadedSentence(loaded, score, hits)


def loaded_sentences(sentences: list[str]) -> list[LoadedSentence]:
    """:func:`loaded_sentence` for each sentence, in order."""
    return [loaded_sentence(s) for s in sentences]
