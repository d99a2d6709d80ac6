"""Part of speech, offline: denckring-en-pos's averaged perceptron (UPOS, trained on UD English
EWT; code Apache-2.0, model CC BY-SA 4.0), pinned in requirements.txt.

Why this tagger: among the taggers that install from PyPI with their model (no download at run
time), it is the only one above 93.5% UPOS on EWT dev that is pure Python, small (about 1 MB of
weights) and from a named maintainer's source distribution; spaCy's small English model is only
on PyPI as unofficial re-uploads (see ``make validate`` and the trust appendix for the measured
accuracy). Risks, written down: one maintainer; the model is CC BY-SA (our use is unchanged
redistribution through PyPI, not a copy); its hyperparameters were chosen on EWT dev, so a score
on dev flatters it slightly (its README gives 93.4% on EWT test).

The package's ``__init__`` imports denckring's whole framework (pydantic, typer: half a second
per process), so this module loads only the model file and the perceptron's inference module
from the installed distribution, by path. The model was trained on words only (letters and
inner apostrophes, no punctuation, no numbers): tokens with a letter are tagged by it, in
sentence order, and every other token gets its tag from its characters, as UD tags them
(punctuation PUNCT, a token with a digit NUM, symbols SYM). ``make validate`` scores
:func:`tag_upos` on EWT's dev part (all tokens, gold tokenisation). This module tags what it is
given and nothing more: tokenising and sentence splitting belong to the text layer that calls it.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

TAGGER_DISTRIBUTION = "denckring_en_pos"


def _package_dir() -> Path:
    spec = importlib.util.find_spec(TAGGER_DISTRIBUTION)  # finds without importing
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("denckring-en-pos is not installed: pip install denckring-en-pos==0.6.0")
    return Path(next(iter(spec.submodule_search_locations)))


def _perceptron_module():
    folder = _package_dir()
    spec = importlib.util.spec_from_file_location("_newscorpus_perceptron", folder / "perceptron.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model() -> dict:
    return json.loads(gzip.decompress((_package_dir() / "data" / "tagger.json.gz").read_bytes()).decode("utf-8"))


@lru_cache(maxsize=1)
def tagger():
    """The package's own perceptron (pure Python), read once per process: the reference that
    :class:`FastTagger` is tested against."""
    raw = _model()
    return _perceptron_module().Tagger(weights=raw["weights"], tagdict=raw["tagdict"], classes=raw["classes"],
                                       vocabulary=frozenset(raw["vocabulary"]))


class FastTagger:
    """The same model and the same features as the package's perceptron, scored with numpy.

    Written here for speed (the whole analysis has a speed goal, and the package's inference sums
    weights label by label in Python): the weights become one matrix (feature x label); the eleven
    features that do not depend on the tags already guessed are summed for a whole sentence in one
    call; the three that depend only on the two previous tags are summed in advance for every pair
    of tags; only "previous tag + this word" is looked up word by word. Ties go to the greatest
    label, as in the package; ``tests/test_layer.py`` checks the tags are the package's own.
    """

    DYNAMIC = ("t-1 ", "t-2 ", "t-1t-2 ", "t-1 w ")

    def __init__(self, raw: dict, features):
        self.classes = sorted(raw["classes"])
        index = {label: i for i, label in enumerate(self.classes)}
        names = sorted(raw["weights"])
        self.feature_index = {f: i for i, f in enumerate(names)}
        self.weights = np.zeros((len(names) + 1, len(self.classes)))  # last row: unknown feature
        for f, i in self.feature_index.items():
            for label, weight in raw["weights"][f].items():
                self.weights[i, index[label]] = weight
        tags = ["<s>", *self.classes]
        self.tag_index = {t: i for i, t in enumerate(tags)}
        self.pairs = np.zeros((len(tags), len(tags), len(self.classes)))
        unknown = len(names)
        for p, pi in self.tag_index.items():
            for p2, p2i in self.tag_index.items():
                for f in (f"t-1 {p}", f"t-2 {p2}", f"t-1t-2 {p} {p2}"):
                    self.pairs[pi, p2i] += self.weights[self.feature_index.get(f, unknown)]
        self.tagdict = raw["tagdict"]
        self.features = features

    def tag(self, words) -> list[str]:
        if not words:
            return []
        context = [w.lower() for w in words]
        index, unknown = self.feature_index, len(self.weights) - 1
        # Features only for the words the tag dictionary does not settle (speed goal: most words
        # of a sentence are in it, and building a word's features costs more than scoring it).
        guesses = [self.tagdict.get(c) for c in context]
        static_rows, offsets, row_of = [], [], {}
        for i, word in enumerate(words):
            if guesses[i] is not None:
                continue
            row_of[i] = len(offsets)
            offsets.append(len(static_rows))
            for f in self.features(i, word, context, "<s>", "<s>"):
                if not f.startswith(self.DYNAMIC):
                    static_rows.append(index.get(f, unknown))
        static = np.add.reduceat(self.weights[static_rows], offsets, axis=0) if offsets else None
        out: list[str] = []
        prev, prev2 = "<s>", "<s>"
        for i, word in enumerate(words):
            guess = guesses[i]
            if guess is None:
                scores = static[row_of[i]] + self.pairs[self.tag_index[prev], self.tag_index[prev2]]
                tw = index.get(f"t-1 w {prev} {context[i]}")
                if tw is not None:
                    scores = scores + self.weights[tw]
                top = np.flatnonzero(scores == scores.max())
                guess = self.classes[top[-1]]
            out.append(guess)
            prev2, prev = prev, guess
        return out


@lru_cache(maxsize=1)
def fast_tagger() -> FastTagger:
    return FastTagger(_model(), _perceptron_module().features)


@lru_cache(maxsize=4096)
def _labels(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(UPOS, VerbForm) per word: the model's joint label, e.g. ("VERB", "Part"); "-" where none."""
    return tuple(tuple(label.partition("|")[::2]) for label in fast_tagger().tag(words))


def _tag_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(upos for upos, _ in _labels(words))


def tag_with_verb_form(words: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(UPOS, VerbForm) for one sentence's words: VerbForm is Fin, Part, Inf or Ger for a verb
    (what tells a passive participle from a finite verb), "-" otherwise."""
    return list(_labels(tuple(words))) if words else []


def _has_letter(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


# Single characters whose UD tag is not their Unicode class: "&" is a conjunction, and these
# punctuation characters are symbols in UD's guidelines (per cent, number sign, at sign).
CHARACTER_TAGS = {"&": "CCONJ", "%": "SYM", "#": "SYM", "@": "SYM"}


def character_tag(token: str) -> str:
    """The tag of a token without a letter, from its characters (UD's conventions for EWT)."""
    if token in CHARACTER_TAGS:
        return CHARACTER_TAGS[token]
    if any(ch.isdigit() for ch in token):
        return "NUM"
    categories = {unicodedata.category(ch)[0] for ch in token}
    if categories <= {"P"}:
        return "PUNCT"
    if categories <= {"S", "P"}:
        return "SYM"
    return "X"


def tag_upos(words: list[str] | tuple[str, ...]) -> list[str]:
    """One UPOS tag per token of one sentence, in order (``[]`` for ``[]``): tokens with a letter
    tagged together by the perceptron (cached per sequence: the framing chapter and ``annotate``
    ask about the same sentences), the others by :func:`character_tag`."""
    if not words:
        return []
    lettered = [i for i, word in enumerate(words) if _has_letter(word)]
    tags = [character_tag(word) for word in words]
    for i, tag in zip(lettered, _tag_tuple(tuple(words[i] for i in lettered)) if lettered else ()):
        tags[i] = tag
    return tags
