"""The attribution extractor: against the hand annotation of the seeds, and its rules one by one."""

from __future__ import annotations

import pandas as pd
import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import framing, framing_report
from newscorpus.measures.attribution import (annotated_articles, attributions, disagreements, gold_attributions,
                                             match_attributions, score_attributions, verb_table, wilson_interval)

# Floors below the scores measured when the gold was first run, so that a regression fails.
MIN_PRECISION, MIN_RECALL = 0.95, 0.88


@pytest.fixture(scope="module")
def extracted():
    return framing.attributions_table(clean_corpus(newscorpus.load()))


def one(sentence: str) -> list[dict]:
    return attributions("x.txt", [sentence])


def test_precision_and_recall_against_the_hand_annotation(extracted):
    scores = score_attributions(extracted, gold_attributions())
    assert scores["gold"] >= 60  # every attribution in the five seeds was annotated
    assert scores["precision"] >= MIN_PRECISION, match_attributions(extracted, gold_attributions()).query("outcome != 'match'")
    assert scores["recall"] >= MIN_RECALL
    assert scores["source_type_agreement"] >= 0.85


def test_scoring_counts_misses_and_spurious_rows():
    gold = gold_attributions()
    first = gold.iloc[[0]]
    fake = first[["file", "paragraph", "verb"]].assign(speaker="x", source_type="named", kind="unknown", mode="reported")
    assert score_attributions(fake, first)["precision"] == 1.0
    spurious = fake.assign(verb="deny")
    scores = score_attributions(spurious, first)
    assert scores["precision"] == 0.0 and scores["recall"] == 0.0


def test_every_disagreement_is_listed(extracted):
    pairs = match_attributions(extracted, gold_attributions())
    listed = disagreements(pairs)
    scores = score_attributions(extracted, gold_attributions())
    assert (listed["differs"] == "missed").sum() == scores["fn"]
    assert (listed["differs"] == "spurious").sum() == scores["fp"]
    for column, name in (("source_type", "source type"), ("kind", "kind"), ("mode", "mode")):
        differing = round(scores["tp"] * (1 - scores[f"{column}_agreement"]))
        assert listed["differs"].str.contains(name).sum() == differing, column
    # a matched pair read differently is listed with what differs, on both sides
    gold = gold_attributions().iloc[[0]]
    other_kind = "media" if gold["kind"].iloc[0] != "media" else "other"
    found = gold[["file", "paragraph", "verb", "source_type", "mode"]].assign(speaker="He", kind=other_kind)
    row, = disagreements(match_attributions(found, gold)).to_dict("records")
    assert row["differs"] == "kind"
    table = framing_report.disagreement_table(disagreements(match_attributions(found.iloc[:0], gold)), {})
    assert list(table["What differs"]) == ["missed"] and list(table["Extractor"]) == ["—"]


def test_a_corpus_without_annotated_articles_is_not_scored(extracted):
    found, gold = annotated_articles(extracted, gold_attributions(), ["someone_else.txt"])
    assert found.empty and gold.empty
    scores = score_attributions(found, gold)
    assert scores["gold"] == scores["found"] == 0
    assert "not scored" in framing_report.attribution_scores_text(scores, 0, 0.95)
    # a sixth, unannotated article next to the five changes nothing
    sixth = extracted.iloc[:3].assign(file="005_new.txt")
    found, gold = annotated_articles(pd.concat([extracted, sixth]), gold_attributions(),
                                     [*extracted["file"].unique(), "005_new.txt"])
    assert score_attributions(found, gold) == score_attributions(extracted, gold_attributions())


def test_wilson_interval_matches_a_published_value():
    low, high = wilson_interval(8, 10)  # 8 of 10: 0.490 to 0.943 (Newcombe 1998, table I)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)


def test_report_verbs_are_expanded():
    forms = verb_table()
    for form in ("said", "says", "saying", "warned", "stressed", "believes", "estimated"):
        assert form in forms, form


def test_tag_after_the_clause_is_an_unnamed_source():
    (a,) = one("The militants are regrouping, intelligence and counterterrorism officials said.")
    assert a["speaker"] == "intelligence and counterterrorism officials" and a["source_type"] == "unnamed"
    assert a["verb"] == "say" and a["mode"] == "reported"


def test_inverted_tag_after_a_quotation():
    (a,) = one('"It is an old organization," said Hanna, a Middle East expert.')
    assert a["speaker"] == "Hanna" and a["source_type"] == "named" and a["mode"] == "direct"
    assert a["kind"] == "analysts"


def test_appositive_name_is_the_speaker():
    (a,) = one("Brigadier Yahya Rasool, spokesman for the Joint Operations Command, said: “The group has lost its ability.”")
    assert a["speaker"] == "Brigadier Yahya Rasool" and a["source_type"] == "named"


def test_evidence_verbs_and_passives_are_not_attributions():
    assert one("Facts on the ground show that ISIS is operating according to premeditated plans.") == []
    assert one("Data show that after he assumed the position, he restructured it.") == []
    assert one("He is now believed to be in northwestern Iraq.") == []
    assert one("It should be pointed out that the army is not alone.") == []


def test_according_to_needs_a_source():
    assert one("ISIS is operating according to premeditated plans.") == []
    (a,) = one("According to a report of the US Foreign Policy magazine, cells are active.")
    assert a["source_type"] == "institution" and a["kind"] == "media"


def test_us_is_a_country_not_first_person():
    (a,) = one("US War Secretary Ash Carter said that forces will stay.")
    assert a["kind"] == "united_states"
    assert one("Today we can see that the front is stronger.") == []


def test_cognition_verbs_need_a_that_clause():
    assert one("ISIS considers Raqqa its main capital.") == []
    (a,) = one("Experts believe that the cells will not affect the context.")
    assert a["verb_class"] == "cognition" and a["kind"] == "analysts"


def test_pronouns_and_coordinated_verbs_take_the_previous_source():
    found = attributions("x.txt", ["Reza pointed out that the border is long, and stressed that more forces are needed.",
                                   "He said the desert is open."])
    assert [a["speaker"] for a in found] == ["Reza", "Reza", "Reza"]
    assert [a["as_written"] for a in found] == ["Reza", "(and)", "He"]


def test_verbs_inside_quotations_are_the_sources_not_the_outlets():
    found = one('"The officials said nothing," he said.')
    assert len(found) == 1 and found[0]["as_written"] == "he"


def test_sentences_are_the_books():
    # blingfire alone would make this one sentence (it never splits before a number)
    found, = one("Troops fled into Syria. 40 officers said they would stay.")
    assert found["text"] == "40 officers said they would stay." and found["speaker"] == "40 officers"


def test_repeated_calls_give_fresh_equal_rows():
    """framing.csv and attributions.csv share one extraction per article; callers get copies."""
    paragraphs = ["Officials said the border is long.", "Hanna said that more forces are needed."]
    first = attributions("x.txt", paragraphs)
    first[0]["speaker"] = "changed"
    first.append({})
    again = attributions("x.txt", paragraphs)
    assert again == attributions("x.txt", list(paragraphs)) and len(again) == 2
    assert again[0]["speaker"] != "changed"
