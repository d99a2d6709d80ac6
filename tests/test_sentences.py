"""The sentence segmenter: the cases textstat gets wrong, blingfire's own gaps, the hand count, pysbd's
48 English Golden Rules, and the rules written for them (tested on sentences written here)."""

from __future__ import annotations

import pandas as pd
import pytest

import blingfire
import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.measures.sentences import sentence_spans, split_paragraph, split_sentences
from newscorpus.validation.sentences import (CHOSEN, golden_rule_comparison, golden_rule_results, golden_rules,
                                             hand_sentence_counts, score, segmenter_comparison, segmenter_summary)
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
    chosen = summary.loc[CHOSEN]
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


def test_the_kept_buffer_wrapper_gives_blingfires_own_output(cleaned):
    """``sentences.text_to_sentences`` (one output buffer per thread) returns what blingfire's
    wrapper returns: every seed paragraph, odd text, a NUL, and paragraphs longer than the buffer."""
    from newscorpus.measures.sentences import text_to_sentences

    paragraphs = [p for ps in cleaned["paragraphs"] for p in ps]
    long = " ".join(paragraphs) * 3  # past the first buffer's 64 KiB: the buffer grows
    assert len(long.encode("utf-8")) * 2 > 1 << 16
    for text in [*paragraphs, "", " ", "a", "x\0y. Z z.", "é" * 9000 + ". Ok.", long, "Short one. Then."]:
        assert text_to_sentences(text) == blingfire.text_to_sentences(text), text[:80]


def test_segmenter_comparison_times_blingfire_on_paragraphs_it_has_not_seen(monkeypatch):
    """blingfire's sentences are kept per paragraph; timed on a warm cache the chosen segmenter
    looked cheaper than blingfire alone. Each timed pass must run blingfire afresh."""
    import pandas as pd

    from newscorpus.measures import sentences

    calls = []
    original, ours = blingfire.text_to_sentences, sentences.text_to_sentences
    monkeypatch.setattr(blingfire, "text_to_sentences", lambda text: calls.append(text) or original(text))
    # the chosen segmenter calls blingfire's C function through its own wrapper (a kept buffer)
    monkeypatch.setattr(sentences, "text_to_sentences", lambda text: calls.append(text) or ours(text))
    paragraph = "A paragraph no other test segments, zq7. It has two sentences."
    hand = pd.DataFrame({"file": ["x.txt"], "paragraph": [1], "sentences": [2], "paragraph_start": ["A"],
                         "note": [""], "text": [paragraph]})
    comparison = segmenter_comparison(hand, repeats=2)
    # plain blingfire: warm-up + 2 timed passes; the chosen one the same, not 1 (a cached warm-up)
    assert calls.count(paragraph) == 3 + 3
    assert comparison.loc[comparison["segmenter"] == CHOSEN, "exact"].item()


def test_untrained_punkt_is_measured_and_misses_the_abbreviations():
    """NLTK's Punkt without its downloadable model knows no abbreviations: the comparison shows it."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    assert len(PunktSentenceTokenizer().tokenize("He held the rank of Lt. General in the Iraqi army.")) == 2
    summary = segmenter_summary(segmenter_comparison(hand_sentence_counts(), repeats=1)).set_index("segmenter")
    assert summary.loc["NLTK Punkt (untrained)", "sentences_off"] > 0


def test_punkt_with_our_abbreviations_is_measured_and_knows_them():
    """The comparison is fair to Punkt: it also runs with the segmenter's own abbreviation list."""
    from newscorpus.validation.sentences import segmenters

    punkt = segmenters()["NLTK Punkt + our abbreviations"]
    assert punkt("He held the rank of Lt. General in the Iraqi army.") == [
        "He held the rank of Lt. General in the Iraqi army."]
    assert punkt("The army moved in. Troops arrived.") == ["The army moved in.", "Troops arrived."]


# --- pysbd's Golden Rules ----------------------------------------------------------------------

GOLDEN = golden_rules()


def test_golden_rules_file_has_the_48_rules_as_published():
    assert GOLDEN["rule"].tolist() == list(range(1, 49))
    assert GOLDEN.loc[GOLDEN["kind"] == "list", "rule"].tolist() == list(range(31, 40))
    assert set(GOLDEN["kind"]) == {"prose", "list"}
    assert GOLDEN.loc[GOLDEN["rule"] == 18, "sentences"].item() == (
        "At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store.")
    assert all(sentences and all(s == s.strip() and s for s in sentences) for sentences in GOLDEN["sentences"])


@pytest.mark.parametrize("rule", list(GOLDEN.itertuples(index=False)), ids=[f"rule{r}" for r in GOLDEN["rule"]])
def test_golden_rule(rule):
    assert tuple(split_paragraph(rule.text)) == rule.sentences, rule.name
    # the spans find the same sentences in the text as given
    assert tuple(rule.text[a:b] for a, b in sentence_spans(rule.text)) == rule.sentences


def test_golden_rule_scoring_fails_a_segmenter_that_never_splits():
    results = golden_rule_results(lambda text: [text], GOLDEN)
    assert results["passed"].tolist() == (GOLDEN["sentences"].map(len) == 1).tolist()
    assert (results["got"] == 1).all() and results["passed"].sum() < len(GOLDEN)


def test_golden_rule_comparison_scores_every_candidate():
    table = golden_rule_comparison(GOLDEN).set_index("segmenter")
    assert table.loc[CHOSEN, "golden_passed"] == len(GOLDEN)
    assert table.loc[CHOSEN, "golden_prose_passed"] == table.loc[CHOSEN, "golden_prose"] == (GOLDEN["kind"] == "prose").sum()
    # blingfire alone is what the rules are added to: it fails some
    assert table.loc["blingfire", "golden_passed"] < len(GOLDEN)
    # textstat only counts: it has a count score and no split score
    assert pd.isna(table.loc["textstat", "golden_passed"]) and table.loc["textstat", "golden_counted"] >= 0
    passed = table["golden_passed"].dropna()
    assert ((passed >= 0) & (passed <= 48)).all()
    assert (table["golden_prose_passed"].dropna() + table["golden_list_passed"].dropna()
            == table["golden_passed"].dropna()).all()


def test_score_for_validate_summarises_its_own_rows():
    items, summary = score(None)
    rules = items[items["set"] == "golden_rules"]
    assert len(rules) == summary["golden_rules"] == 48
    assert summary["golden_rules_passed"] == rules["passed"].sum() == 48
    assert summary["golden_prose_passed"] == rules.loc[rules["kind"] == "prose", "passed"].sum()
    paragraphs = items[items["set"] == "hand_paragraph"]
    articles = items[items["set"] == "hand_article"]
    assert summary["hand_paragraphs_exact"] == paragraphs["passed"].sum() == summary["hand_paragraphs"] == len(paragraphs)
    assert summary["hand_articles_exact"] == articles["passed"].sum() == summary["hand_articles"] == len(articles)
    assert summary["hand_sentences"] == paragraphs["expected"].sum() == articles["expected"].sum()
    assert (paragraphs["passed"] == (paragraphs["expected"] == paragraphs["got"])).all()
    assert all(isinstance(value, int) for value in summary.values())


# --- the rules written for the Golden Rules, on sentences written here --------------------------

RULE_CASES = [
    # a small letter after a stop continues the sentence
    ('The minister said, "We will stay." he told reporters.', ['The minister said, "We will stay." he told reporters.']),
    ("The convoy reached Mosul. al-Baghdadi's men had left.", ["The convoy reached Mosul. al-Baghdadi's men had left."]),
    # three dots standing free: words left out inside the sentence; on the word before a capital: an
    # end, as informal and translated text writes it; four: the sentence's own stop, then the ellipsis
    ("The commander said the city would fall . . . Nobody believed him.",
     ["The commander said the city would fall . . . Nobody believed him."]),
    ("The commander said the city would fall ... Nobody believed him.",
     ["The commander said the city would fall ... Nobody believed him."]),
    ("The commander said the city would fall… Nobody believed him.",
     ["The commander said the city would fall…", "Nobody believed him."]),
    ("After Mosul...Where to for ISIS?", ["After Mosul...Where to for ISIS?"]),
    ("The commander said the city would fall.... Nobody believed him.",
     ["The commander said the city would fall....", "Nobody believed him."]),
    ("The city would fall. . . . Nobody believed him.", ["The city would fall.", ". . . Nobody believed him."]),
    ('"The militants [...] fled north," the officer said. (Reuters) Then he left.',
     ['"The militants [...] fled north," the officer said.', "(Reuters) Then he left."]),
    ('He wrote: "The group will return [...]" (Al-Naba 12). It did.',
     ['He wrote: "The group will return [...]" (Al-Naba 12).', "It did."]),
    # a time ends the sentence before a capital, unless a day, month or zone follows or the time opens it
    ("The attack began at 9 p.m. Police arrived later.", ["The attack began at 9 p.m.", "Police arrived later."]),
    ("The attack began at 9 p.m. Gen. Smith arrived later.", ["The attack began at 9 p.m.", "Gen. Smith arrived later."]),
    ("The attack began at 9:30 p.m. Thursday in Kirkuk.", ["The attack began at 9:30 p.m. Thursday in Kirkuk."]),
    ("The attack began at 9 p.m. GMT in Kirkuk.", ["The attack began at 9 p.m. GMT in Kirkuk."]),
    ("By 6 a.m. Iraqi troops held the bridge.", ["By 6 a.m. Iraqi troops held the bridge."]),
    ("Shelling stopped. At 6 a.m. Iraqi troops held the bridge.",
     ["Shelling stopped.", "At 6 a.m. Iraqi troops held the bridge."]),
    # the pronoun I ends a sentence; an initial I does not
    ("The colonel and I. Nobody else went.", ["The colonel and I.", "Nobody else went."]),
    ("He met Hassan I. Ali in Erbil.", ["He met Hassan I. Ali in Erbil."]),
    # Co., Inc., Jr. end a sentence where blingfire says so
    ("The contract went to Halliburton Co. It was worth millions.",
     ["The contract went to Halliburton Co.", "It was worth millions."]),
    ("The contract went to Halliburton Co. in 2003.", ["The contract went to Halliburton Co. in 2003."]),
    # Ave. follows a name: an end where blingfire finds one ("Ave. It was shut" yes, "Ave. Nobody" no)
    ("The office is on Rashid Ave. It was shut.", ["The office is on Rashid Ave.", "It was shut."]),
    ("The office is on Rashid Ave. in Baghdad.", ["The office is on Rashid Ave. in Baghdad."]),
    ("Drs. Ali and Hassan treated the wounded.", ["Drs. Ali and Hassan treated the wounded."]),
    # N° is "No."
    ("He lives at N°. 12 Rashid Street.", ["He lives at N°. 12 Rashid Street."]),
    # a list marker is not a sentence; an inline list, numbered in order, splits at each marker
    ("1. The army entered the city. It met little resistance.",
     ["1. The army entered the city.", "It met little resistance."]),
    ("1) Retake Mosul 2) Secure the border 3) Rebuild", ["1) Retake Mosul", "2) Secure the border", "3) Rebuild"]),
    ("• Retake Mosul • Secure the border", ["• Retake Mosul", "• Secure the border"]),
    ("a) Mosul b) Tikrit", ["a) Mosul", "b) Tikrit"]),
    # not a list: the paragraph does not open with a marker, or the numbers are not in order
    ("The army won 2. Then it lost 3.", ["The army won 2.", "Then it lost 3."]),
    ("1. The army won 3 battles and lost 4. Troops left.", ["1. The army won 3 battles and lost 4.", "Troops left."]),
]


def test_a_number_that_could_be_the_next_list_marker_is_read_as_one():
    """Pinned ambiguity: in a paragraph that opens with "1.", a later "2." before a capital is read
    as the next item (Golden Rule 35), even where it ends a sentence. Both readings have the same
    number of sentences; only where the first ends moves."""
    assert split_paragraph("1. The army won 3 battles and lost 2. Troops left.") == [
        "1. The army won 3 battles and lost", "2. Troops left."]


@pytest.mark.parametrize("text, expected", RULE_CASES, ids=[c[0][:35] for c in RULE_CASES])
def test_rules_written_for_the_golden_rules(text, expected):
    assert split_paragraph(text) == expected
    padded = " " + text + "  "
    assert [padded[a:b] for a, b in sentence_spans(padded)] == expected


@pytest.mark.parametrize("text, blingfire_says", [
    ('The minister said, "We will stay." he told reporters.', 2),
    ("The commander said the city would fall . . . Nobody believed him.", 2),
    ("The attack began at 9 p.m. Gen. Smith arrived later.", 1),
    ("1. The army entered the city. It met little resistance.", 3),
    ("1) Retake Mosul 2) Secure the border 3) Rebuild", 1),
])
def test_blingfire_alone_gets_these_wrong(text, blingfire_says):
    """Each rule is needed: blingfire on its own splits these otherwise."""
    assert len(blingfire.text_to_sentences(text).split("\n")) == blingfire_says
    assert len(split_paragraph(text)) != blingfire_says


def test_importing_the_segmenter_loads_no_plotting():
    import subprocess
    import sys

    code = "import sys, newscorpus.measures.sentences; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stdout + out.stderr


def test_hand_count_and_golden_rules_ship_inside_the_package():
    from newscorpus.paths import PACKAGE_DIR
    from newscorpus.validation.sentences import GOLDEN_RULES_FILE, HAND_COUNT_FILE

    for path in (GOLDEN_RULES_FILE, HAND_COUNT_FILE):
        assert path.is_file() and PACKAGE_DIR in path.parents
    assert "MIT" in GOLDEN_RULES_FILE.read_text(encoding="utf-8").split("\nrule\t")[0]
    assert (GOLDEN_RULES_FILE.parent / "LICENSE-pysbd").read_text().startswith("MIT License")


# --- UD EWT: held-out web text, read only when ../shared is there -------------------------------

CONLLU = """# newdoc id = d1
# sent_id = d1-1
# newpar id = d1-p1
# text = It rained. Then
1\tIt\t_
# sent_id = d1-2
# text = the sun came out.
1\tthe\t_
# sent_id = d1-3
# text = Dr. Smith left.
1\tDr.\t_
# sent_id = d1-4
# newpar id = d1-p2
# text = One line only.
1\tOne\t_
"""


def test_ewt_paragraphs_rebuild_text_and_gold_starts(tmp_path):
    from newscorpus.validation.sentences import ewt_paragraphs

    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    paragraphs = ewt_paragraphs(path)
    assert [p[0] for p in paragraphs] == ["d1-p1", "d1-p2"]
    pid, text, starts = paragraphs[0]
    assert text == "It rained. Then the sun came out. Dr. Smith left."
    assert [text[s:s + 4] for s in starts] == ["the ", "Dr. "]
    assert paragraphs[1][2] == ()


def test_boundary_scores_count_hits_misses_and_exact_paragraphs():
    from newscorpus.validation.sentences import boundary_scores, sentence_starts

    text = "It rained. Then the sun came out. Dr. Smith left."
    gold = [(16, 34), ()]
    found = [sentence_starts(text, split_paragraph(text)), ()]
    assert found[0] == (11, 34)  # "Then" starts ours; the gold sentence starts at "the" (no stop there)
    scores = boundary_scores(gold, found)
    assert (scores["right"], scores["found"], scores["boundaries"]) == (1, 2, 2)
    assert scores["precision"] == scores["recall"] == scores["f1"] == 0.5
    assert scores["paragraphs_exact"] == 1 and scores["paragraphs"] == 2


def _shared_evaluation():
    import os
    from pathlib import Path

    candidates = [os.environ.get("NEWSCORPUS_EVALUATION"), Path(__file__).resolve().parents[1].parent / "shared" / "evaluation"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "ud_ewt" / "en_ewt-ud-dev.conllu").is_file():
            return Path(candidate)
    pytest.skip("UD EWT dev not found: put ../shared/evaluation/ud_ewt/en_ewt-ud-dev.conllu beside the "
                "repository (UniversalDependencies/UD_English-EWT) or set NEWSCORPUS_EVALUATION")


def test_score_on_ewt_dev_when_it_is_there():
    data = _shared_evaluation()
    items, summary = score(data)
    ewt = items[items["set"] == "ewt_paragraph"]
    assert len(ewt) == summary["ewt_paragraphs"] > 0
    assert ewt["passed"].sum() == summary["ewt_paragraphs_exact"]
    assert 0 < summary["ewt_precision"] <= 1 and 0 < summary["ewt_recall"] <= 1
    assert summary["ewt_right"] <= min(summary["ewt_found"], summary["ewt_boundaries"])


def test_spans_are_ordered_stripped_and_inside_any_text():
    """Seeded random strings made of the characters the rules look at: no rule raises, and the
    spans stay in order, inside the text, without surrounding spaces, one per sentence."""
    import random

    rng = random.Random(17)
    pieces = list("aAbZ Ii19.…!?\"”“'’()[]•⁃,:\n") + ["Mr.", "a.m.", "U.S.", " . . . ", "...", "1.", "2.", "1)",
                                                       "2)", "Co.", "N°."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        spans = sentence_spans(text)
        previous = 0
        for a, b in spans:
            assert previous <= a < b <= len(text) and text[a:b] == text[a:b].strip(), (text, spans)
            previous = b
        assert len(split_paragraph(text)) == len(spans)
