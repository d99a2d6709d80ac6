"""Readability scores, through textstat (with the offline syllable dictionary)."""

from __future__ import annotations

import pandas as pd

from ..textstat_offline import textstat


def flesch_reading_ease(text: str) -> float:
    """206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word): higher is easier."""
    return textstat.flesch_reading_ease(text)


def raw_vs_clean(cleaned: pd.DataFrame) -> pd.DataFrame:
    """How much cleaning moves two simple measures, per article: word count and Flesch
    Reading Ease on the text before and after cleaning."""
    table = pd.DataFrame(
        {
            "file": cleaned["file"],
            "raw_words": cleaned["raw_words"],  # counted once, by clean_corpus
            "clean_words": cleaned["clean_words"],
            "raw_flesch": [flesch_reading_ease(t) for t in cleaned["source_text"]],
            "clean_flesch": [flesch_reading_ease(t) for t in cleaned["clean_text"]],
        }
    )
    table["words_removed_share"] = 1 - table["clean_words"] / table["raw_words"]
    table["flesch_shift"] = table["clean_flesch"] - table["raw_flesch"]
    return table
