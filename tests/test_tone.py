"""The hand-optimised VADER (``tone.FastAnalyzer``) gives the package's own scores."""

from __future__ import annotations

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newscorpus.cleaning.cleaned import clean_corpus
from newscorpus.corpus import load
from newscorpus.measures import tone

from conftest import SEEDS

# VADER's own examples (its module's demo) and cases for every rule the fast path rewrites:
# negation one to three words before, "never so", "without doubt", idioms, "kind of", "but",
# "least", capitals, punctuation, emoji, spaces around the text.
RULE_CASES = [
    "VADER is smart, handsome, and funny.", "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.", "At least it isn't a horrible book.",
    "The book was only kind of good.", "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all", "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.", "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass", "Without a doubt, excellent idea.", "Without any doubt, an excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.", "He is at least compelling.",
    "It was never so good and never this bad, not even slightly awful.", "no good, no no bad, nor or happy",
    "  padded text with a good word  ", "The attack killed 92 pilgrims; fear spread. Why?? Why???? Terrible!!!!!",
    "They are kind of happy but sort of sad", "a bus stop, the bomb, yeah right, kiss of death", "", "   ",
    "Good", "NOT GOOD", "it wasn't great, didn't help, can't win", "The ISIS fighters KILLED dozens of civilians",
    # no word in VADER's lexicon (``compound`` skips the package's scoring), with and without "but"
    "The committee met on Tuesday in the capital.", "But the committee met on Tuesday!!", "Why?? Why????",
    "good bad", "kind of",
]


def seed_sentences() -> list[str]:
    cleaned = clean_corpus(load(SEEDS))
    return [s for paragraphs in cleaned["paragraphs"] for _, s in tone.sentences(list(paragraphs))]


def test_fast_vader_gives_the_package_scores():
    reference = SentimentIntensityAnalyzer()
    sentences = RULE_CASES + seed_sentences()
    assert len(sentences) > 150
    for sentence in sentences:
        assert tone.analyzer().polarity_scores(sentence) == reference.polarity_scores(sentence), sentence
        assert tone.compound(sentence) == reference.polarity_scores(sentence)["compound"], sentence


def test_fast_vader_gives_the_package_scores_on_random_word_sequences():
    """The shortcuts of the fast path (only the lexicon's words visited, the idiom look-ups
    skipped where no two neighbours are idiom words, capitals compared only when a word in
    capitals asks) against the package on sequences thick with what its rules read: idiom and
    booster-phrase words, boosters, negations, "least", "but", "no", lexicon words, in lower
    case, capitalised and in capitals, with punctuation."""
    import random

    reference = SentimentIntensityAnalyzer()
    vocabulary = ["the", "shit", "bomb", "bad", "ass", "badass", "bus", "stop", "yeah", "right", "kiss", "of",
                  "death", "to", "die", "for", "beating", "heart", "just", "enough", "kind", "sort", "very",
                  "extremely", "slightly", "not", "isn't", "never", "so", "this", "without", "doubt", "least",
                  "at", "but", "no", "nor", "or", "good", "great", "love", "killed", "attack", "fear", "happy",
                  "sad", "committee", "Tuesday", "horrible", "excellent", "compelling", "war"]
    rng = random.Random(17)
    for _ in range(3000):
        words = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(vocabulary)
            shape = rng.random()
            word = word.upper() if shape < 0.15 else word.capitalize() if shape < 0.25 else word
            words.append(word + (rng.choice([",", "!", ".", "?!", ""]) if rng.random() < 0.15 else ""))
        sentence = " ".join(words)
        assert tone.analyzer().polarity_scores(sentence) == reference.polarity_scores(sentence), sentence
        assert tone.compound(sentence) == reference.polarity_scores(sentence)["compound"], sentence
