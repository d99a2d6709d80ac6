"""Counting words, one definition for the whole book: the text layer's words
(:mod:`newscorpus.layer.words`). Kept as its own small module so that the cleaning audit, the
readability tables, framing rates and theme rates all import the same count."""

from __future__ import annotations

from .layer.words import word_count

__all__ = ["word_count"]
