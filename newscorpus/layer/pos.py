"""Universal part-of-speech tags for a pre-tokenised sentence.

The tagger is ``denckring-en-pos`` 0.6.0 (Apache-2.0 code, CC BY-SA 4.0 model trained on the
UD English Web Treebank's training part): an averaged perceptron in pure Python whose weights
are a JSON table, read once per process. It was trained on words only (punctuation dropped), so
it tags only tokens with a letter, as one sequence in sentence order; every other token gets its
tag from its characters, as UD tags them: punctuation PUNCT, a token with a digit NUM, symbols
SYM. ``make validate`` scores this function on EWT's dev part (all tokens, gold tokenisation).

This module tags what it is given and nothing more: tokenising and sentence splitting belong to
the text layer that calls it.
"""

from __future__ import annotations

import functools
import unicodedata


@functools.cache
def _tagger():
    """The trained model (a megabyte of JSON): read on first use, once per process."""
    from denckring_en_pos import tagger

    return tagger()


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


def tag_upos(words: list[str]) -> list[str]:
    """One UPOS tag per token of one sentence, in order (``[]`` for ``[]``).

    Tokens with a letter are tagged together by the perceptron (it reads the two tags before
    and the two words either side); the others by :func:`character_tag`."""
    lettered = [i for i, word in enumerate(words) if _has_letter(word)]
    labels = _tagger().tag([words[i] for i in lettered]) if lettered else []
    tags = [character_tag(word) for word in words]
    for i, label in zip(lettered, labels, strict=True):
        tags[i] = label.partition("|")[0]  # the model's labels are "UPOS|VerbForm"
    return tags
