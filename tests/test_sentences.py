"""The sentence segmenter: the cases textstat gets wrong, blingfire's own gaps, and the hand count."""

from __future__ import annotations

import pytest

import blingfire
import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.measures.sentences import (hand_sentence_counts, segmenter_comparison, segmenter_summary,
                                           sentence_spans, split_paragraph, split_sentences)
from newscorpus.textstat_offline import textstat

# (text, the sentences a reader sees)
CASES = [
    ("The U.S. Army moved in. Troops arrived.", ["The U.S. Army moved in.", "Troops arrived."]),
    ("Stop. Go now. Wait here.", ["Stop.", "Go now.", "Wait here."]),
    ("He held the rank of Lt. General in the Iraqi army.", ["He held the rank of Lt. General in the Iraqi army."]),
    ("He spoke in a Nov. 28 interview with the AP.", ["He spoke in a Nov. 28 interview with the AP."]),
    ("They joined Al-Nusra a.k.a Jabhat Fath Al-Sham last year.", ["They joined Al-Nusra a.k.a Jabhat Fath Al-Sham last year."]),
    ("The economy grew 3.5 percent last year.", ["The economy grew 3.5 percent last year."]),
    # found in the seeds
    ("Michael W. Hanna, a Middle East expert, said so.", ["Michael W. Hanna, a Middle East expert, said so."]),
    ("They pushed into Syria. 40,000 Iraqi officers were deployed.", ["They pushed into Syria.", "40,000 Iraqi officers were deployed."]),
    ("The army won in late 2017. .", ["The army won in late 2017. ."]),
    ("What is ISIS relying on? What are the parties? And how?", ["What is ISIS relying on?", "What are the parties?", "And how?"]),
    ('He warned in Nov. 28 interview with the AP. "The unfortunate thing is that." They left.',
     ["He warned in Nov. 28 interview with the AP.", '"The unfortunate thing is that."', "They left."]),
    # found while testing blingfire
    ("He was Gen. Smith. Col. Jones came.", ["He was Gen. Smith.", "Col. Jones came."]),
    ("He lives in the U.S. He works there.", ["He lives in the U.S.", "He works there."]),
    ("He said no. Then he left.", ["He said no.", "Then he left."]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_segmenter_gets_the_known_cases_right(text, expected):
    assert split_paragraph(text) == expected


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence_spans_are_the_sentences_in_place(text, expected):
    padded = "  " + text + "\n"  # offsets are the unstripped paragraph's
    assert [padded[a:b] for a, b in sentence_spans(padded)] == expected


def test_a_stray_stop_is_joined_with_one_space_but_spanned_as_written():
    paragraph = 'He left.\n" . Then he came.'  # blingfire starts a sentence at the stray quote
    assert split_paragraph(paragraph) == ['He left. " .', "Then he came."]
    assert [paragraph[a:b] for a, b in sentence_spans(paragraph)] == ['He left.\n" .', "Then he came."]


def test_a_paragraph_without_a_final_stop_stays_its_own_sentence():
    sentences = split_sentences(["First paragraph has no stop", "Second paragraph ends here."])
    assert sentences == [(1, "First paragraph has no stop"), (2, "Second paragraph ends here.")]
    # textstat merges the two paragraphs into one sentence
    assert textstat.sentence_count("First paragraph has no stop\n\nSecond paragraph ends here.") == 1


@pytest.mark.parametrize("text, textstat_says", [
    ("The U.S. Army moved in. Troops arrived.", 1),
    ("Stop. Go now. Wait here.", 1),
    ("He held the rank of Lt. General in the Iraqi army.", 2),
    ("He spoke in a Nov. 28 interview with the AP.", 2),
    ("They joined Al-Nusra a.k.a Jabhat Fath Al-Sham last year.", 2),
    ("The economy grew 3.5 percent last year.", 2),
])
def test_textstat_sentence_count_failure_modes_are_still_there(text, textstat_says):
    """Pinned: if a textstat release fixes these, the chapter's comparison must be rewritten."""
    assert textstat.sentence_count(text) == textstat_says
    assert textstat_says != len(split_paragraph(text))


@pytest.mark.parametrize("text, blingfire_count", [
    ("They pushed into Syria. 40,000 Iraqi officers were deployed.", 1),
    ("The U.S. Army moved in. Troops arrived.", 1),
])
def test_blingfire_gaps_that_the_abbreviation_pass_fixes(text, blingfire_count):
    assert len(blingfire.text_to_sentences(text).split("\n")) == blingfire_count
    assert len(split_paragraph(text)) == 2


@pytest.fixture(scope="module")
def cleaned():
    return clean_corpus(newscorpus.load())


def test_hand_count_covers_every_paragraph_of_every_seed(cleaned):
    hand = hand_sentence_counts()
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        rows = hand[hand["file"] == file]
        assert list(rows["paragraph"]) == list(range(1, len(paragraphs) + 1)), file
        # the recorded first words identify the paragraph, so a cleaner change cannot shift the count silently
        assert all(p.startswith(start) for p, start in zip(paragraphs, rows["paragraph_start"])), file
        # and the text kept with the count (what the book's comparison scores) is the cleaned paragraph
        assert list(rows["text"]) == list(paragraphs), file


def test_segmenter_agrees_with_the_hand_count_on_every_paragraph(cleaned):
    hand = hand_sentence_counts()
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        expected = hand.loc[hand["file"] == file, "sentences"].tolist()
        assert [len(split_paragraph(p)) for p in paragraphs] == expected, file


def test_comparison_table_scores_the_candidates_against_the_hand_count(cleaned):
    comparison = segmenter_comparison(hand_sentence_counts(), repeats=1)
    summary = segmenter_summary(comparison).set_index("segmenter")
    chosen = summary.loc["blingfire + abbreviations (chosen)"]
    assert chosen["articles_exact"] == chosen["articles"] == len(cleaned)
    assert chosen["sentences_off"] == 0
    # the table is honest about the others: textstat and plain blingfire miss seeds
    assert summary.loc["textstat", "articles_exact"] < len(cleaned)
    assert summary.loc["blingfire", "articles_exact"] < len(cleaned)
    assert (summary["ms_per_article"] > 0).all()


def test_shared_blingfire_sentences_equal_blingfire():
    import blingfire

    from newscorpus.measures.sentences import blingfire_sentences

    for paragraph in ["One. Two three.", "", "No stop", "Mr. Smith went. He left!"]:
        assert list(blingfire_sentences(paragraph)) == blingfire.text_to_sentences(paragraph).split("\n")
        assert blingfire_sentences(paragraph) == blingfire_sentences(paragraph)


def test_segmenter_comparison_times_blingfire_on_paragraphs_it_has_not_seen(monkeypatch):
    """blingfire's sentences are kept per paragraph; timed on a warm cache the chosen segmenter
    looked cheaper than blingfire alone. Each timed pass must run blingfire afresh."""
    import pandas as pd

    calls = []
    original = blingfire.text_to_sentences
    monkeypatch.setattr(blingfire, "text_to_sentences", lambda text: calls.append(text) or original(text))
    paragraph = "A paragraph no other test segments, zq7. It has two sentences."
    hand = pd.DataFrame({"file": ["x.txt"], "paragraph": [1], "sentences": [2], "paragraph_start": ["A"],
                         "note": [""], "text": [paragraph]})
    comparison = segmenter_comparison(hand, repeats=2)
    # plain blingfire: warm-up + 2 timed passes; the chosen one the same, not 1 (a cached warm-up)
    assert calls.count(paragraph) == 3 + 3
    assert comparison.loc[comparison["segmenter"] == "blingfire + abbreviations (chosen)", "exact"].item()


def test_untrained_punkt_is_measured_and_misses_the_abbreviations():
    """NLTK's Punkt without its downloadable model knows no abbreviations: the comparison shows it."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    assert len(PunktSentenceTokenizer().tokenize("He held the rank of Lt. General in the Iraqi army.")) == 2
    summary = segmenter_summary(segmenter_comparison(hand_sentence_counts(), repeats=1)).set_index("segmenter")
    assert summary.loc["NLTK Punkt (untrained)", "sentences_off"] > 0
