"""The document-feature matrix: how often each key occurs in each article, by voice, in long
form (one row per file, voice and key). Corpus-level statistics (keyness, log-odds, outlet
comparisons) read this table only, as quanteda's do (corpus -> tokens -> dfm -> statistics), so
they run unchanged on counts mapped from a pool or a cluster."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .document import BODY_VOICES, Document

DFM_COLUMNS = ["file", "voice", "key", "count"]


def document_counts(doc: Document) -> pd.DataFrame:
    """The per-article part: counts of each (voice, key) in one document."""
    counts = Counter((t.voice, t.key) for t in doc.tokens)
    return pd.DataFrame([(doc.file, v, k, n) for (v, k), n in sorted(counts.items())], columns=DFM_COLUMNS)


def dfm(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The corpus step: per-article counts stacked into one long table."""
    frames = [p for p in parts if len(p)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=DFM_COLUMNS)


def counts_by_file(matrix: pd.DataFrame, voices: Iterable[str] = BODY_VOICES,
                   keep=lambda key: True) -> dict[str, Counter]:
    """{file: Counter of keys} over the given voices (the body by default), keys filtered by ``keep``."""
    chosen = matrix[matrix["voice"].isin(list(voices))]
    out: dict[str, Counter] = {}
    for file, key, count in zip(chosen["file"], chosen["key"], chosen["count"]):
        if keep(key):
            out.setdefault(file, Counter())[key] += int(count)
    return out
