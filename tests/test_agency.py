"""Agency: the group's role in a sentence, on sentences written for the tests, and the scorer
against the hand-labelled sample."""

from __future__ import annotations

import math

import pytest

from newscorpus.measures import agency
from newscorpus.measures.agency import AGENT, NEITHER, PATIENT, agency_rows
from newscorpus.measures.tone import group_tone_rows
from newscorpus.validation import agency as scoring


def role(sentence: str) -> str:
    rows = agency_rows("t", [sentence])
    assert rows, sentence
    return rows[0]["role"]


@pytest.mark.parametrize("sentence, expected", [
    ("ISIS seized the airport at dawn.", AGENT),
    ("The checkpoint was attacked by Daesh fighters.", AGENT),
    ("The organization withdrew from the villages.", AGENT),
    ("Iraqi forces surrounded the militants.", PATIENT),
    ("Daesh was driven out of the city in July.", PATIENT),
    ("The defeat of ISIS left a vacuum.", NEITHER),
    ("Officials spoke about the group.", NEITHER),
    ("ISIS is a threat to the whole region.", NEITHER),
    ("The group remains dangerous.", NEITHER),
    ("ISIS is based in Raqqa.", NEITHER),
    ("Daesh, officials say, is regrouping.", AGENT),
    ("The offensive forced ISIS to withdraw.", PATIENT),
    ("Officials expect Daesh to strike again.", AGENT),
    ("ISIS lost Mosul in 2017.", AGENT),
    ("Elements of the organization attacked a checkpoint.", AGENT),
    ("Thousands of ISIS fighters fled the city.", AGENT),
    ("After Daesh's fall, the city was rebuilt.", NEITHER),
    ("Analysts said ISIS had rebuilt its networks.", AGENT),
    ("The Islamic State of Iraq and Syria (ISIS) continues its campaign.", AGENT),
    ("Troops fought a decentralized Daesh across the desert.", PATIENT),
])
def test_role(sentence, expected):
    assert role(sentence) == expected


def test_only_sentences_that_mention_the_group():
    rows = agency_rows("t", ["The army advanced. ISIS retreated to the hills. Rain fell."])
    assert [r["sentence"] for r in rows] == ["ISIS retreated to the hills."]
    assert rows[0]["mention"] == "ISIS"


def test_counts_per_article():
    table = agency.agency_table(__import__("pandas").DataFrame(
        {"file": ["a", "b"], "paragraphs": [["ISIS attacked. ISIS was defeated."], ["No mention here."]]}))
    counts = agency.agency_counts(table)
    assert counts.set_index("file").loc["a", [AGENT, PATIENT, NEITHER]].tolist() == [1, 1, 0]
    assert counts.set_index("file").loc["a", "agent_share"] == 0.5


def test_tone_toward_the_group_reads_only_its_sentences():
    rows = group_tone_rows("t", ["The weather was lovely and happy. ISIS killed many people in a horrible attack."])
    assert len(rows) == 1 and rows[0]["compound"] < -0.5


def test_scores_count_misses_and_leave_out_other_groups():
    import pandas as pd

    sample = pd.DataFrame({"label": [AGENT, AGENT, PATIENT, NEITHER, "not_group"],
                           "role": [AGENT, "", AGENT, NEITHER, AGENT]})
    scores = scoring.label_scores(sample).set_index("label")
    assert scores.loc[AGENT, "precision"] == 0.5 and scores.loc[AGENT, "recall"] == 0.5
    assert scores.loc[PATIENT, "recall"] == 0 and math.isnan(scores.loc[PATIENT, "precision"])
    assert scores.loc[NEITHER, ["precision", "recall"]].tolist() == [1.0, 1.0]
    assert scoring.majority_accuracy(sample) == 0.5


def test_the_rule_beats_the_majority_baseline_on_the_hand_sample():
    _, summary = scoring.score()
    assert summary["seeds_sentences"] >= 100
    assert summary["seeds_accuracy"] > summary["seeds_majority_baseline"] + 0.1
