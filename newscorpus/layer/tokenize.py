"""A paragraph's sentences and tokens, the one tokenisation every measure reads.

A paragraph (or a headline, a caption) is split into sentences (:mod:`newscorpus.measures.
sentences`), each sentence into words (:mod:`newscorpus.layer.words`), and each run of words
that makes a name (:mod:`newscorpus.layer.names`) is joined into one token. What a paragraph's
tokens are depends on the paragraph alone, so a measure that reads paragraphs and the document
built from them see the same tokens; they are cached for the last few thousand paragraphs, since
several measures read the same article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..measures.sentences import sentence_spans
from .names import name_runs
from .words import APOSTROPHES, POSSESSIVE, PARTICLE, word_key, words


class ParagraphToken(NamedTuple):
    # A named tuple, not a frozen dataclass (speed goal): an article has about a thousand tokens,
    # and a frozen dataclass's __init__ (six object.__setattr__ calls) cost several times what
    # building the tuple does; it is immutable and compares by value all the same.
    start: int  # offsets into the paragraph
    end: int
    form: str  # as written (a name's inner white space folded to one space)
    key: str  # what is counted
    kind: str  # word, abbrev, number or name
    sentence: int  # index among the paragraph's sentences


_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z][a-z'’]*(?![^\W_])")


def lower_case_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case: at a sentence's head, such a word starts no name."""
    return frozenset(_LOWER_WORD.findall(text))  # no group: findall gives the matched strings


class _LowerCaseWords:
    """``lower_case_words(text)``, built on the first look-up of a word the text holds: most
    paragraphs' sentences open with a word that cannot head a name ("The", "He"), and then no
    look-up is made, and most that can ("Iraqi") are nowhere in the text in small letters
    (speed goal)."""

    __slots__ = ("text", "words")

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            if word not in self.text:
                return False  # each of the words is a piece of the text: no need to find them
            self.words = lower_case_words(self.text)
        return word in self.words


def is_title_case(text: str, spans) -> bool:
    """A headline written In Title Case (checked for headlines, standfirsts and captions, not for
    body sentences): its capitals say nothing about names."""
    lettered = [text[s:e] for s, e, k in spans if k == "word" and len(text[s:e]) > 3]
    return len(lettered) >= 2 and sum(w[:1].isupper() for w in lettered) > 0.6 * len(lettered)


def name_key(form: str) -> str:
    """The key of a multi-word name: as written, but "Al-" written "al-" and a possessive dropped."""
    parts = POSSESSIVE.sub("", form.translate(APOSTROPHES)).split(" ")
    return " ".join("al-" + p[3:] if PARTICLE.match(p) else p for p in parts)


@lru_cache(maxsize=4096)
def paragraph_sentences(text: str, split: bool = True) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence; ``split=False`` keeps the text one sentence (a headline)."""
    return tuple(sentence_spans(text)) if split else ((0, len(text)),)


# word_key's keys again, by kind and then form: a look-up without building a (form, kind) tuple
# per word (a speed goal); bounded like word_key's own cache.
_KEY_OF: defaultdict[str, dict[str, str]] = defaultdict(dict)


def _key(form: str, kind: str) -> str:
    """``word_key(form, kind)``, kept in ``_KEY_OF``."""
    by_form = _KEY_OF[kind]
    if len(by_form) >= 500_000:
        by_form.clear()
    key = by_form[form] = word_key(form, kind)
    return key


def _word_tokens(spans, forms, sentence: int) -> list[ParagraphToken]:
    """One token per word span and its form, its key read from ``_KEY_OF`` before calling
    word_key. Tokens are built with tuple.__new__ (what the named tuple's own constructor calls,
    without its Python frame), in one comprehension (a speed goal: every article's every word
    passes here)."""
    new, keys = tuple.__new__, _KEY_OF
    return [new(ParagraphToken, (start, end, form,
                                 key if (key := keys[kind].get(form)) is not None else _key(form, kind),
                                 kind, sentence))
            for (start, end, kind), form in zip(spans, forms)]


@lru_cache(maxsize=4096)
def paragraph_tokens(text: str, split: bool = True) -> tuple[ParagraphToken, ...]:
    """The tokens of one paragraph, sentence by sentence (see the module notes)."""
    lower = _LowerCaseWords(text)
    found_tokens: list[ParagraphToken] = []
    extend = found_tokens.extend
    for sentence, (s_start, s_end) in enumerate(paragraph_sentences(text, split)):
        found = words(text, s_start, s_end)
        forms = [text[s:e] for s, e, _ in found]  # sliced once, for the names and the tokens
        runs = [] if not split and is_title_case(text, found) else name_runs(text, found, lower, forms)
        if not runs:
            extend(_word_tokens(found, forms, sentence))
            continue
        # the words between names one comprehension each, each name one token (the runs are in
        # order and do not overlap)
        i = 0
        for first, last in runs:
            extend(_word_tokens(found[i:first], forms[i:first], sentence))
            start, end = found[first][0], found[last][1]
            form = " ".join(text[start:end].split())
            found_tokens.append(tuple.__new__(ParagraphToken, (start, end, form, name_key(form), "name", sentence)))
            i = last + 1
        extend(_word_tokens(found[i:], forms[i:], sentence))
    return tuple(found_tokens)
