"""Counting words and sentences, one definition for the whole book."""

from __future__ import annotations

from .textstat_offline import textstat


def word_count(text: str) -> int:
    """Words as textstat counts them (punctuation stripped), so every chapter agrees."""
    return textstat.lexicon_count(text, removepunct=True)

