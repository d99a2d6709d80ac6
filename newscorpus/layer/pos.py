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
from the installed distribution, by path. The model was trained on EWT's tokens less those
tagged PUNCT or SYM (its metadata says "punctuation dropped"; that stream reproduces its
published dev accuracy, 0.9348, exactly): tokens with a letter or a digit, and "&", are given to
it in sentence order, as EWT writes them (a clitic split off: "could" + "n't"), and every token
without a letter gets its tag from its characters, as UD tags them (punctuation PUNCT, a token
with a digit NUM, symbols SYM). A few rules of grammar then correct the model where the lexicons
need it (:func:`grammar_rules`). ``make validate`` scores :func:`tag_upos` on EWT's dev part (all
tokens, gold tokenisation; and by halves of its documents, the rules written on one). This module
tags what it is given and nothing more: tokenising and sentence splitting belong to the text
layer that calls it.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
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
        self.tags = tags
        self.tag_index = {t: i for i, t in enumerate(tags)}
        self.pairs = np.zeros((len(tags), len(tags), len(self.classes)))
        unknown = len(names)
        for p, pi in self.tag_index.items():
            for p2, p2i in self.tag_index.items():
                for f in (f"t-1 {p}", f"t-2 {p2}", f"t-1t-2 {p} {p2}"):
                    self.pairs[pi, p2i] += self.weights[self.feature_index.get(f, unknown)]
        self.tagdict = raw["tagdict"]
        self.features = features
        self._rows_of_word: dict[str, tuple[int, ...]] = {}
        self._rows_of_neighbour: dict[str, tuple[int, ...]] = {}

    # The static features, in the order ``features`` lists them: seven read the word alone
    # (bias, suf3, suf2, suf1, pre1, shape, w), four a neighbour (w-1, w-2, w+1, w+2).
    NEIGHBOURS = ("w-1 ", "w-2 ", "w+1 ", "w+2 ")

    def _word_rows(self, word: str) -> tuple[int, ...]:
        """The weight rows of a word's own static features, worked out once per form (a speed
        goal: the same words recur in every window); the features are the package's, filtered as
        ``static_rows_reference`` does (``tests/test_pos.py`` checks the two agree)."""
        found = self._rows_of_word.get(word)
        if found is None:
            index, unknown = self.feature_index, len(self.weights) - 1
            own = self.features(0, word, (word.lower(),), "<s>", "<s>")[:7]
            found = tuple(index.get(f, unknown) for f in own)
            if len(self._rows_of_word) >= 100_000:
                self._rows_of_word.clear()
            self._rows_of_word[word] = found
        return found

    def _neighbour_rows(self, context_word: str) -> tuple[int, ...]:
        """The rows of "w-1 x", "w-2 x", "w+1 x", "w+2 x" for a lower-cased neighbour x, once
        per form."""
        found = self._rows_of_neighbour.get(context_word)
        if found is None:
            index, unknown = self.feature_index, len(self.weights) - 1
            found = tuple(index.get(prefix + context_word, unknown) for prefix in self.NEIGHBOURS)
            if len(self._rows_of_neighbour) >= 100_000:
                self._rows_of_neighbour.clear()
            self._rows_of_neighbour[context_word] = found
        return found

    def static_rows(self, i: int, words, context) -> list[int]:
        """The weight rows of word ``i``'s static features, in ``features``' order."""
        neighbour = self._neighbour_rows
        return [*self._word_rows(words[i]),
                neighbour(context[i - 1] if i else "<s>")[0],
                neighbour(context[i - 2] if i > 1 else "<s>")[1],
                neighbour(context[i + 1] if i + 1 < len(context) else "</s>")[2],
                neighbour(context[i + 2] if i + 2 < len(context) else "</s>")[3]]

    def static_rows_reference(self, i: int, words, context) -> list[int]:
        """``static_rows`` as first written: every feature built, the dynamic ones dropped."""
        index, unknown = self.feature_index, len(self.weights) - 1
        return [index.get(f, unknown) for f in self.features(i, words[i], context, "<s>", "<s>")
                if not f.startswith(self.DYNAMIC)]

    def tag(self, words) -> list[str]:
        if not words:
            return []
        context = [w.lower() for w in words]
        index = self.feature_index
        # Features only for the words the tag dictionary does not settle (speed goal: most words
        # of a sentence are in it, and building a word's features costs more than scoring it).
        guesses = [self.tagdict.get(c) for c in context]
        static_rows, offsets, row_of = [], [], {}
        for i, guess in enumerate(guesses):
            if guess is not None:
                continue
            row_of[i] = len(offsets)
            offsets.append(len(static_rows))
            static_rows += self.static_rows(i, words, context)
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
                # the last label of the greatest score (ties go to the greatest label): argmax
                # of the reversed scores finds it in one call (a speed goal)
                guess = self.classes[len(scores) - 1 - int(scores[::-1].argmax())]
            out.append(guess)
            prev2, prev = prev, guess
        return out


@lru_cache(maxsize=1)
def fast_tagger() -> FastTagger:
    return FastTagger(_model(), _perceptron_module().features)


@lru_cache(maxsize=4096)
def _labels(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(UPOS, VerbForm) per word: the model's joint label, e.g. ("VERB", "Part"); "-" where none;
    decoded greedily, then :func:`grammar_rules`."""
    found = fast_tagger().tag(words)
    labels = [tuple(label.partition("|")[::2]) for label in found]
    return tuple(grammar_rules(words, labels))


# -- Decoding and grammar rules (issue #17: 97% on the tokens the lexicons match) ---------------
# Developed on one half of EWT dev (alternate documents, half A) and measured on the other (B;
# ``make validate`` reports both); the rules are English grammar and UD's guidelines, written and
# tested on sentences of our own (tests/test_pos.py), not patterns read off the errors.

# Greedy decoding, as the model was trained. A beam of 3 was measured (EWT dev, halves by
# alternate documents): it changed about 200 tags on each half, right and wrong nearly as often
# (A +94/-86, B +90/-86), and on 50 news articles 12 counted lexicon hits, 6 rightly and 6
# wrongly, at twice the tagging time: not a gain that holds on the book's texts, so not kept.

MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would", "ca", "wo", "'ll"})
NEGATIONS = frozenset({"not", "n't"})
ARTICLES = frozenset({"the", "a", "an", "every", "each", "another"})
POSSESSIVES = frozenset({"my", "your", "his", "its", "our", "their"})
# words after which a capitalised "May" is the month: prepositions of time and the determiners
# of a date ("in May", "since May", "last May", "the fifth of May")
MONTH_BEFORE = frozenset({"in", "of", "on", "since", "until", "till", "by", "during", "from", "through", "before",
                          "after", "between", "early", "late", "mid", "last", "next", "this", "that", "each",
                          "every"})


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not _has_letter(word)


@lru_cache(maxsize=65536)
def _base_verb(form: str) -> tuple[bool, bool]:
    """(the dictionary knows ``form`` as a verb's base form, as a noun): lemminflect's lemma
    tables, read once per form."""
    from lemminflect import getAllLemmas

    readings = getAllLemmas(form)
    return form in readings.get("VERB", ()), "NOUN" in readings


def _month_may(words, i: int) -> bool:
    """Whether "May" at ``i`` is the month: written with a capital, and next to a day or year
    ("May 2010", "5 May") or after a preposition of time or a date's determiner ("in May",
    "last May"), where a modal cannot stand (a preposition needs an object)."""
    if words[i] not in ("May", "MAY"):
        return False
    before = words[i - 1] if i else None
    after = words[i + 1] if i + 1 < len(words) else None
    return ((after is not None and _is_number(after)) or (before is not None and _is_number(before))
            or (before is not None and before.lower() in MONTH_BEFORE))


def grammar_rules(words, labels: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Corrections from English grammar and UD's guidelines to the model's (UPOS, VerbForm)
    labels, in order, each reading the labels already corrected:

    - the month: "May" next to a day or year or after a preposition of time is PROPN
      ("in May", "May 2010"); a lower-case "may" outside a date is the modal (AUX);
    - after a modal or infinitival "to" (as the model tagged them), a word the dictionary knows
      as a verb's base form is a verb, not a noun ("prices may rise", "plans to report");
    - after an article or a possessive, a noun-or-verb form the model took for a finite or
      bare verb is a noun ("the state said", "a report", "their claims");
    - between a subject it agrees with and a that-clause, a verb's form the model took for a
      noun is the verb, and "that" the complementiser ("officials report that the town fell",
      "the Post reports that"; not "there were reports that", "the police reports that were").

    (Also tried on half A, not kept: a capitalised common noun after a capitalised proper noun
    is PROPN, which gained on A and lost as much on B; "get" before a participle is the passive
    auxiliary, and the same rules without requiring the model's tag of the word before, which
    lost on A.)
    """
    out = list(labels)
    lower = [w.lower() for w in words]
    for i, word in enumerate(words):
        upos, verb_form = out[i]
        prev = lower[i - 1] if i else None
        prev_upos = out[i - 1][0] if i else None
        if prev in NEGATIONS and i > 1 and lower[i - 2] in MODALS:  # "may not rise", "can't report"
            prev, prev_upos = lower[i - 2], out[i - 2][0]
        if lower[i] == "may":
            if _month_may(words, i):
                out[i] = ("PROPN", "-")
            elif word == "may" and upos not in ("AUX", "VERB"):
                out[i] = ("AUX", "Fin")
            continue
        if word.islower():
            after_modal = (prev in MODALS and prev_upos == "AUX") or (prev == "to" and prev_upos == "PART")
            if upos in ("NOUN", "PROPN") and after_modal:
                if _base_verb(word)[0]:
                    out[i] = ("VERB", "Inf")
            elif upos == "VERB" and verb_form in ("Fin", "Inf") and (
                    (prev in ARTICLES and prev_upos == "DET") or prev in POSSESSIVES):
                if _base_verb(word)[1]:
                    out[i] = ("NOUN", "-")
            elif upos == "NOUN" and _reports_that(words, out, i):
                out[i] = ("VERB", "Fin")
                out[i + 1] = ("SCONJ", "-")  # the complementiser, not a relative pronoun
    return out


SINGULAR_SUBJECTS = frozenset({"he", "she", "it"})
PLURAL_SUBJECTS = frozenset({"i", "we", "they", "you"})


def _plural(word: str, upos: str) -> bool | None:
    """Whether a subject is plural, from its form (None: not a subject this rule reads)."""
    low = word.lower()
    if upos == "PRON":
        return False if low in SINGULAR_SUBJECTS else True if low in PLURAL_SUBJECTS else None
    if upos == "PROPN":
        return False
    if upos == "NOUN" and not CLITIC.search(word) and not word.endswith("'"):  # not a possessive
        return low.endswith("s") and not low.endswith(("ss", "us", "is"))
    return None


def _reports_that(words, labels, i: int) -> bool:
    """A verb of saying between its subject and a that-clause ("officials report that the town
    fell", "the Post reports that it left"), which the greedy decoder tags as a noun before it
    has read "that": the word is a verb's form in the dictionary, directly after a subject (a
    noun, a name or a nominative pronoun, not a possessive) that it agrees with in number, and
    directly before "that" whose clause has its own subject (not "reports that were filed")."""
    if not (0 < i < len(words) - 2) or words[i + 1].lower() != "that":
        return False
    if labels[i + 2][0] in ("VERB", "AUX"):
        return False
    plural = _plural(words[i - 1], labels[i - 1][0])
    if plural is None:
        return False
    word = words[i]
    third_singular = word.endswith("s") and _base_verb(word[:-1])[0] or word.endswith("es") and _base_verb(word[:-2])[0]
    if third_singular:
        return not plural
    return plural and _base_verb(word)[0]


def _tag_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(upos for upos, _ in _word_labels(words))


def tag_with_verb_form(words: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(UPOS, VerbForm) for one sentence's words: VerbForm is Fin, Part, Inf or Ger for a verb
    (what tells a passive participle from a finite verb), "-" otherwise."""
    return list(_word_labels(tuple(words))) if words else []


# -- The model's units (issue #17): the text layer keeps "couldn't", "can't" and "Iraq's" as one
# word, but EWT, on which the model was trained, writes them as two ("could" + "n't", "ca" +
# "n't", "Iraq" + "'s"), and the model has never seen the fused form: "can't report" gave
# "report" NOUN and "couldn't say" gave "say" INTJ. Each word is given to the model as EWT's
# units, and takes the label of its first unit, the host ("couldn't" AUX, "Iraq's" PROPN).
CLITIC = re.compile(r"(?i)(?<=[^\W\d_])(n't|'s|'re|'ve|'ll|'d|'m)$")


def model_units(word: str) -> tuple[str, ...]:
    """``word`` as EWT's tokens: a final clitic split off ("don't" -> "do", "n't"; "can't" ->
    "ca", "n't"; "state's" -> "state", "'s"); curly apostrophes read as straight ones."""
    form = word.replace("\u2019", "'")
    found = CLITIC.search(form)
    if found is None or found.start() == 0:
        return (form,)
    return form[:found.start()], form[found.start():]


@lru_cache(maxsize=4096)
def _word_labels(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    units = [model_units(w) for w in words]
    if all(len(u) == 1 for u in units):
        return _labels(tuple(u[0] for u in units))
    labels = iter(_labels(tuple(part for u in units for part in u)))
    out = []
    for u in units:
        parts = [next(labels) for _ in u]
        out.append(parts[0])
    return tuple(out)


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
    roles = [_role(word) for word in words]
    fed = [i for i, role in enumerate(roles) if role]
    tags = iter(_tag_tuple(tuple(words[i] for i in fed)) if fed else ())
    # a token the model reads takes its tag when it has a letter or is "&"; a number it reads
    # keeps the tag of its characters, as does every token it does not read. ``character_tag``
    # is worked out only for those (a speed goal: it was computed for every token, then
    # overwritten for most).
    out = []
    for word, role in zip(words, roles):
        if role:
            tag = next(tags)
            out.append(tag if role == MODEL_TAG else _character_tag(word))
        else:
            out.append(_character_tag(word))
    return out


_character_tag = lru_cache(maxsize=65536)(character_tag)  # once per form (a speed goal)


# The model's input (issue #17): it was trained on EWT's tokens less those tagged PUNCT or SYM, so
# numbers and "&" were in its sentences (its features include "shape xd", "w-1 2010", "w &"): it
# is given them too, as context for the words around them ("May 2010"), and tags "&"; a number
# keeps the tag its characters give (NUM). Measured: feeding it the stream it was trained on
# reproduces its published dev accuracy (0.9348) exactly; words only gives 0.9328.
MODEL_SYMBOLS = frozenset({"&"})


def _fed_to_model(token: str) -> bool:
    return any(ch.isalnum() for ch in token) or token in MODEL_SYMBOLS


NOT_FED, FED, MODEL_TAG = 0, 1, 2


@lru_cache(maxsize=65536)
def _role(token: str) -> int:
    """What :func:`tag_upos` does with a token, worked out once per form (a speed goal): not fed
    to the model, fed as context only (a number), or fed and tagged by it."""
    if not _fed_to_model(token):
        return NOT_FED
    return MODEL_TAG if _has_letter(token) or token in MODEL_SYMBOLS else FED
