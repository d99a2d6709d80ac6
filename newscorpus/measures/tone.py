"""Tone: VADER compound scores (Hutto and Gilbert 2014) per sentence, averaged per article.

VADER's lexicon was built for social media; it scores the words it knows (killing, attack, fear)
and ignores the rest, so on war reporting it tracks how violent the events are as much as any
stance, and it has no entry for martyr, militant, jihadist, extremist or liberate.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, SPECIAL_CASES, SentimentIntensityAnalyzer, SentiText, negated

from .sentences import split_sentences

# The framing chapter's worked example: a sentence from the Al-Ahed seed (a test checks it is
# there), kept here so the example still runs on a reader's corpus without that article.
MARTYRING_EXAMPLE = ("Last month, a suicide car bomber hit Shiite pilgrims returning from a major religious "
                     "observance, martyring 92.")


class FastAnalyzer(SentimentIntensityAnalyzer):
    """VADER 3.3.2 with the same scores, hand-optimised for the speed goal (VADER was a third of
    the framing row's time). The package lower-cases the whole sentence again for every
    neighbour of every lexicon word (``_negation_check``, ``_special_idioms_check``) and copies
    the text character by character to replace emoji; here a word is lower-cased only where a
    rule reads it, a word outside the lexicon (which the package scores 0 after the same
    checks) is scored 0 at once, and a text without emoji is taken as it is. Every rule, and
    the order of every floating-point operation, is the package's: ``tests/test_tone.py``
    compares the scores with the package's own on every seed sentence and VADER's examples."""

    def __init__(self):
        super().__init__()
        self._emoji_characters = frozenset(e for e in self.emojis if len(e) == 1)

    def polarity_scores(self, text):
        if self._emoji_characters.isdisjoint(text):
            text = text.strip()  # what the package's emoji loop gives for a text without emoji
        else:
            return super().polarity_scores(text)
        sentitext = SentiText(text)
        sentiments = []
        words = sentitext.words_and_emoticons
        lexicon = self.lexicon
        last = len(words) - 1
        for i, item in enumerate(words):
            lower = item.lower()
            if lower in BOOSTER_DICT:
                sentiments.append(0)
                continue
            if i < last and lower == "kind" and words[i + 1].lower() == "of":
                sentiments.append(0)
                continue
            if lower not in lexicon:
                sentiments.append(0)  # sentiment_valence's valence for a word outside the lexicon
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        def low(k):
            return str(words_and_emoticons[k]).lower()

        if start_i == 0:
            if negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                valence = valence
            elif negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this") or \
                    (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                valence = valence
            elif negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence, words_and_emoticons, i):
        n = len(words_and_emoticons)
        w3, w2, w1, w0 = (str(words_and_emoticons[k]).lower() for k in (i - 3, i - 2, i - 1, i))
        onezero, twoonezero, twoone = f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}"
        threetwoone, threetwo = f"{w3} {w2} {w1}", f"{w3} {w2}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if n - 1 > i:
            w_1 = str(words_and_emoticons[i + 1]).lower()
            zeroone = f"{w0} {w_1}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
            if n - 1 > i + 1:
                zeroonetwo = f"{w0} {w_1} {str(words_and_emoticons[i + 2]).lower()}"
                if zeroonetwo in SPECIAL_CASES:
                    valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """Built once per process: it reads its lexicon file (shipped with the package)."""
    return FastAnalyzer()


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
