"""Tone: VADER compound scores (Hutto and Gilbert 2014) per sentence, averaged per article.

VADER's lexicon was built for social media; it scores the words it knows (killing, attack, fear)
and ignores the rest, so on war reporting it tracks how violent the events are as much as any
stance, and it has no entry for martyr, militant, jihadist, extremist or liberate.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .sentences import split_sentences

# The framing chapter's worked example: a sentence from the Al-Ahed seed (a test checks it is
# there), kept here so the example still runs on a reader's corpus without that article.
MARTYRING_EXAMPLE = ("Last month, a suicide car bomber hit Shiite pilgrims returning from a major religious "
                     "observance, martyring 92.")


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """Built once per process: it reads its lexicon file (shipped with the package)."""
    return SentimentIntensityAnalyzer()


def sentences(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(paragraph number from 0, sentence) for every sentence, split by the book's segmenter
    (the one the readability chapter counts with), so that a sentence is the same unit in every
    chapter."""
    return split_sentences(paragraphs, first=0)


def compound(sentence: str) -> float:
    """VADER's compound score of one sentence, from -1 (negative) to +1 (positive)."""
    return analyzer().polarity_scores(sentence)["compound"]


def mean_compound(paragraphs: list[str]) -> tuple[float, int]:
    """Mean compound over the article's sentences, and the number of sentences."""
    scores = [compound(s) for _, s in sentences(paragraphs)]
    return (sum(scores) / len(scores) if scores else float("nan")), len(scores)


def missing_from_lexicon(words: list[str]) -> list[str]:
    """The words VADER has no entry for (it scores them as neutral)."""
    return [w for w in words if w.lower() not in analyzer().lexicon]


def swap_word(sentence: str, old: str, new: str) -> dict:
    """A sentence scored as written and with one word replaced: VADER's blind spot, live."""
    swapped = sentence.replace(old, new)
    return {"as_written": sentence, "compound_as_written": compound(sentence),
            "with_" + new: swapped, "compound_with_" + new: compound(swapped)}


def group_tone_rows(file: str, paragraphs: list[str]) -> list[dict]:
    """Tone toward the group, not of the whole article: VADER's compound for each sentence that
    mentions it (the sentences of the agency measure), with the sentence, so every score can be
    read against its line."""
    from .agency import group_sentences

    return [{"file": file, "paragraph": index, "mention": paragraph[first[0]:first[1]],
             "compound": compound(paragraph[start:end]), "sentence": " ".join(paragraph[start:end].split())}
            for index, paragraph, start, end, first in group_sentences(paragraphs)]
