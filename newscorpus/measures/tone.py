"""Tone: VADER compound scores (Hutto and Gilbert 2014) per sentence, averaged per article.

VADER's lexicon was built for social media; it scores the words it knows (killing, attack, fear)
and ignores the rest, so on war reporting it tracks how violent the events are as much as any
stance, and it has no entry for martyr, militant, jihadist, extremist or liberate.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, SPECIAL_CASES, SentimentIntensityAnalyzer,
                                           SentiText, allcap_differential, negated, scalar_inc_dec)

from .sentences import split_sentences

# The framing chapter's worked example: a sentence from the Al-Ahed seed (a test checks it is
# there), kept here so the example still runs on a reader's corpus without that article.
MARTYRING_EXAMPLE = ("Last month, a suicide car bomber hit Shiite pilgrims returning from a major religious "
                     "observance, martyring 92.")


class _Sentence:
    """What VADER's ``SentiText`` holds, with each word's lower case computed once and
    ``is_cap_diff`` (``allcap_differential``, a pass over every word) worked out only when a
    word in capitals asks for it (a speed goal: it matters only then)."""

    __slots__ = ("words_and_emoticons", "lowered", "_is_cap_diff")

    def __init__(self, words: list[str], lowered: list[str] | None = None):
        self.words_and_emoticons = words
        self.lowered = [w.lower() for w in words] if lowered is None else lowered
        self._is_cap_diff = None

    @property
    def is_cap_diff(self) -> bool:
        if self._is_cap_diff is None:
            self._is_cap_diff = allcap_differential(self.words_and_emoticons)
        return self._is_cap_diff


_STRIPPED: dict[str, str] = {}
_LOWERED: dict[str, str] = {}


def _strip_punctuation(token: str) -> str:
    """``SentiText._strip_punc_if_word``, looked up once per distinct token (bounded)."""
    found = _STRIPPED.get(token)
    if found is None:
        if len(_STRIPPED) >= 200_000:
            _STRIPPED.clear()
        found = _STRIPPED[token] = SentiText._strip_punc_if_word(token)
    return found


def _lowered_word(token: str) -> str:
    """The lower case of a token's word as VADER reads it (punctuation stripped), once per
    distinct token (bounded)."""
    found = _LOWERED.get(token)
    if found is None:
        if len(_LOWERED) >= 200_000:
            _LOWERED.clear()
        found = _LOWERED[token] = _strip_punctuation(token).lower()
    return found


# The words of VADER's idioms and of its booster phrases ("kind of"): the only words that
# ``_special_idioms_check``'s sequences of two or three words can be made of.
_IDIOM_WORDS = frozenset(w for key in (*SPECIAL_CASES, *(k for k in BOOSTER_DICT if " " in k)) for w in key.split(" "))


@lru_cache(maxsize=65536)
def _negated(word: str) -> bool:
    return negated([word])


class FastAnalyzer(SentimentIntensityAnalyzer):
    """VADER 3.3.2 with the same scores, hand-optimised for the speed goal (VADER was a third of
    the framing row's time). The package lower-cases the whole sentence again for every
    neighbour of every lexicon word (``_negation_check``, ``_special_idioms_check``, ``_but_check``)
    and copies the text character by character to replace emoji; here each word is lower-cased
    once per sentence, a word outside the lexicon (which the package scores 0 after the same
    checks) is scored 0 at once, and a text without emoji is taken as it is. Every rule, and
    the order of every floating-point operation, is the package's: ``tests/test_tone.py``
    compares the scores with the package's own on every seed sentence and VADER's examples."""

    def __init__(self):
        super().__init__()
        self._emoji_characters = frozenset(e for e in self.emojis if len(e) == 1)

    def polarity_scores(self, text):
        sentiments, text = self._sentiments(text)
        return self.score_valence(sentiments, text)

    def compound(self, text) -> float:
        """``polarity_scores(text)["compound"]``. A sentence whose words all score 0 (most
        sentences of news have a few lexicon words, many have none) has the compound
        ``round(normalize(0.0), 4)``, which is 0.0: returned without the package's scoring (a
        speed goal)."""
        sentiments, text = self._sentiments(text)
        return self.score_valence(sentiments, text)["compound"] if any(sentiments) else 0.0

    def _sentiments(self, text):
        """Each word's valence, and the text as scored (emoji described, stripped)."""
        if not self._emoji_characters.isdisjoint(text):
            text = self._describe_emoji(text)
        text = text.strip()  # the package's loop copies a text without emoji as it is
        tokens = text.split()
        try:  # every token seen before (most of them): one subscript each, no call
            lowered = [_LOWERED[w] for w in tokens]
        except KeyError:
            lowered = [_lowered_word(w) for w in tokens]
        lexicon = self.lexicon
        words = None  # the words as written, stripped: only read when a word scores
        if lexicon.keys().isdisjoint(lowered):
            sentiments = [0] * len(lowered)  # no word in the lexicon: each scores 0, as in the loop below
        else:
            try:
                words = [_STRIPPED[w] for w in tokens]
            except KeyError:
                words = [_strip_punctuation(w) for w in tokens]
            sentence = _Sentence(words, lowered)
            # the package's loop gives 0 to a booster, to "kind" before "of" and to a word outside
            # the lexicon (sentiment_valence's valence for it): only the lexicon's words are
            # visited (a speed goal), each scored as sentiment_valence scores it
            sentiments = [0] * len(words)
            last = len(words) - 1
            for i in [i for i, lower in enumerate(lowered) if lower in lexicon]:
                lower = lowered[i]
                if lower in BOOSTER_DICT or (i < last and lower == "kind" and lowered[i + 1] == "of"):
                    continue
                sentiments[i] = self._valence(sentence, words[i], i)
        if "but" in lowered:
            if words is None:
                words = [_strip_punctuation(w) for w in tokens]
            sentiments = self._but_check(words, sentiments)
        return sentiments, text

    def _describe_emoji(self, text: str) -> str:
        """Each emoji replaced by its description: the package's loop, as written there."""
        text_no_emoji = ""
        prev_space = True
        for chr in text:
            if chr in self.emojis:
                description = self.emojis[chr]
                if not prev_space:
                    text_no_emoji += ' '
                text_no_emoji += description
                prev_space = False
            else:
                text_no_emoji += chr
                prev_space = chr == ' '
        return text_no_emoji

    def sentiment_valence(self, valence, sentitext, item, i, sentiments):
        # The package's rules, reading the sentence's lower-cased words (``sentitext.lowered``).
        if sentitext.lowered[i] in self.lexicon:
            valence = self._valence(sentitext, item, i)
        sentiments.append(valence)
        return sentiments

    def _valence(self, sentitext, item, i):
        """``sentiment_valence``'s valence of word ``i``, a word of the lexicon."""
        words, low = sentitext.words_and_emoticons, sentitext.lowered
        lexicon = self.lexicon
        item_lowercase = low[i]
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(words) - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") \
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ["or", "nor"]):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and sentitext.is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            if i > start_i and low[i - (start_i + 1)] not in lexicon:
                # scalar_inc_dec is 0.0 for a word that is not a booster: called only for one
                s = (scalar_inc_dec(words[i - (start_i + 1)], valence, sentitext.is_cap_diff)
                     if low[i - (start_i + 1)] in BOOSTER_DICT else 0.0)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation(valence, low, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, low, i)
        valence = self._least(valence, low, i)
        return valence

    @staticmethod
    def _negation(valence, low, start_i, i):
        """``_negation_check`` on the sentence's lower-cased words."""
        if start_i == 0:
            if _negated(low[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                valence = valence
            elif _negated(low[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this") or \
                    (low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                valence = valence
            elif _negated(low[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        return valence

    def _least(self, valence, low, i):
        """``_least_check`` on the sentence's lower-cased words."""
        if i > 1 and low[i - 1] not in self.lexicon and low[i - 1] == "least":
            if low[i - 2] != "at" and low[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and low[i - 1] not in self.lexicon and low[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _idioms(valence, low, i):
        """``_special_idioms_check`` on the sentence's lower-cased words. Every sequence it looks
        up is two or three neighbouring words, and matches only when each of them is a word of
        an idiom or of a booster phrase (``_IDIOM_WORDS``): when no two neighbours it reads are,
        nothing can match and the valence is returned as it is (a speed goal)."""
        w0, w1, w2 = low[i] in _IDIOM_WORDS, low[i - 1] in _IDIOM_WORDS, low[i - 2] in _IDIOM_WORDS
        if not ((w0 and (w1 or (len(low) - 1 > i and low[i + 1] in _IDIOM_WORDS)))
                or (w2 and (w1 or low[i - 3] in _IDIOM_WORDS))):
            return valence
        onezero = f"{low[i - 1]} {low[i]}"
        twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        twoone = f"{low[i - 2]} {low[i - 1]}"
        threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        threetwo = f"{low[i - 3]} {low[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(low) - 1 > i:
            zeroone = f"{low[i]} {low[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
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
    return analyzer().compound(sentence)


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
