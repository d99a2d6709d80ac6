"""The attribution extractor: against the hand annotation of the seeds, and its rules one by one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import framing, framing_report
from newscorpus.measures.attribution import (annotated_articles, attributions, disagreements, gold_attributions,
                                             match_attributions, publication_spans, score_attributions, verb_table,
                                             wilson_interval)
from newscorpus.measures.quotes import NAME, SPEECH, TITLE, quote_kinds

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


def test_findings_count_but_the_authors_voice_and_bare_passives_do_not():
    (a,) = one("A new report found that the cells are still active.")
    assert a["verb"] == "find" and a["verb_class"] == "evidence" and a["source_type"] == "institution"
    (b,) = one("He is now believed to be in northwestern Iraq.")  # PolNeAR: a belief without a source
    assert b["source_start"] == -1 and b["cue"] == "is now believed"
    assert one("ISIS is operating according to premeditated plans.") == []


def test_according_to_needs_a_source():
    assert one("ISIS is operating according to premeditated plans.") == []
    (a,) = one("According to a report of the US Foreign Policy magazine, cells are active.")
    assert a["source_type"] == "institution" and a["kind"] == "media"


def test_us_is_a_country_not_first_person():
    (a,) = one("US War Secretary Ash Carter said that forces will stay.")
    assert a["kind"] == "united_states"
    assert one("US forces moved north.") == []


def test_beliefs_and_intentions_are_attributions():
    (a,) = one("Experts believe that the cells will not affect the context.")
    assert a["verb_class"] == "cognition" and a["kind"] == "analysts" and a["source_type"] == "unnamed"
    (b,) = one("Iraqi officials believe the group is regrouping in the desert.")
    assert b["verb"] == "believe" and b["speaker"] == "Iraqi officials"
    (c,) = one("The prime minister wants to retake the city before the summer.")
    assert c["verb"] == "want" and c["verb_class"] == "intention"
    assert c["cue"] == "wants" and one("The prime minister retook the city.") == []  # an action


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


def spans(sentence: str, a: dict) -> tuple[str, str, str]:
    """(source, cue, content) text of one record, from its offsets."""
    source = sentence[a["source_start"]:a["source_end"]] if a["source_start"] >= 0 else ""
    return source, sentence[a["cue_start"]:a["cue_end"]], sentence[a["content_start"]:a["content_end"]]


def test_direct_indirect_and_mixed_quotation_with_spans():
    direct = '“The border is long and open,” said Nadia Karim, a lawmaker from Nineveh.'
    (a,) = one(direct)
    assert spans(direct, a) == ("Nadia Karim, a lawmaker from Nineveh", "said", "“The border is long and open,”")
    assert a["form"] == "direct" and a["source_type"] == "named"
    indirect = "The governor has also said that the roads will reopen in May."
    (b,) = one(indirect)
    assert spans(indirect, b) == ("The governor", "has also said", "that the roads will reopen in May")
    assert b["form"] == "indirect" and b["mode"] == "reported"
    mixed = "The mayor said the attack was “a warning to all of us” and asked for calm."
    c = one(mixed)[0]
    assert c["form"] == "mixed" and spans(mixed, c)[0] == "The mayor"


def test_according_to_and_a_colon_before_a_quotation():
    sentence = "The cells are active again, according to the Interior Ministry."
    (a,) = one(sentence)
    assert spans(sentence, a) == ("the Interior Ministry", "according to", "The cells are active again")
    assert a["source_type"] == "institution"
    colon = 'Karim: "We will not leave the city."'
    (b,) = one(colon)
    assert spans(colon, b)[:2] == ("Karim", ":") and b["form"] == "direct"


def test_a_pronoun_is_linked_to_the_nearest_named_person_before_it():
    found = attributions("x.txt", ["The video shows Abu Omar al-Tunisi, a commander of the group.",
                                   "He said in the recording that the fighters would return."])
    (a,) = found
    assert a["as_written"] == "He" and a["speaker"] == "Abu Omar al-Tunisi" and a["source_type"] == "named"
    # "they" goes to the unnamed officials before it, not to a named person
    found = attributions("x.txt", ["Local officials fear that the cells will strike again.",
                                   "Karim Salih visited the town on Monday.",
                                   "But they warn of the continued danger in the valleys."])
    assert [a["speaker"] for a in found] == ["Local officials", "Local officials"]
    assert found[1]["source_type"] == "unnamed"


def test_a_noun_cue_is_credited_to_its_owner():
    sentence = "Despite the Interior Ministry's assertion that the cells are weak, the attacks go on."
    (a,) = one(sentence)
    assert spans(sentence, a) == ("the Interior Ministry", "assertion", "that the cells are weak")
    assert a["verb"] == "assert" and a["source_type"] == "institution"
    (b,) = one("The border is quiet, in Colonel Ahmed Karim's view.")
    assert b["speaker"] == "Colonel Ahmed Karim" and b["verb"] == "in the view of"


def test_publication_titles_are_media_not_the_country_they_name():
    sentence = "According to a report in the Washington Examiner, the remnants are active."
    (a,) = one(sentence)
    assert a["kind"] == "media" and a["source_type"] == "institution"
    assert publication_spans("as US Foreign Policy magazine wrote") == [(3, 29)]
    assert publication_spans("the US army and Washington") == []


def test_scare_quotes_and_operation_names_are_not_quotations():
    paragraph = 'The group launched “Breaking the Walls,” which it called a “campaign” against prisons.'
    kinds = [k for _s, _e, k in quote_kinds(paragraph, [])]
    assert kinds == [NAME, NAME]
    speech = '“We will not leave,” said Karim.'
    (a,) = one(speech)
    assert [k for _s, _e, k in quote_kinds(speech, [(a["content_start"], a["content_end"])])] == [SPEECH]
    titled = 'He wrote an article titled "The Long Retreat" last year.'
    assert [k for _s, _e, k in quote_kinds(titled, [])] == [TITLE]


def _polnear_dir() -> Path | None:
    for candidate in (Path("/work/shared/evaluation"), Path(__file__).resolve().parents[1].parent / "shared" / "evaluation"):
        if (candidate / "polnear" / "dev" / "text").is_dir():
            return candidate
    return None


def test_polnear_scores_recompute():
    """The PolNeAR dev scores, recomputed (validation data: skipped where it is absent)."""
    data = _polnear_dir()
    if data is None:
        pytest.skip("PolNeAR is not here: put networkdynamics/PolNeAR (commit c3eee833c035) split as "
                    "train/ and dev/ under ../shared/evaluation/polnear (see that folder's README)")
    from newscorpus.validation.attribution import score

    rows, summary = score(data)
    # numbers and ids only: no column carries PolNeAR's text
    assert list(rows.columns) == ["article", "outlet", "threshold", "gold", "pred", "outcome", "cue_share", "speech_cue",
                                  "has_gold_source", "source_overlap", "content_jaccard"]
    assert summary["gold_attributions"] > 1000
    # floors just below the figures measured when this extractor was committed: a regression fails
    assert summary["cue_precision_03"] >= 0.85 and summary["cue_recall_03"] >= 0.55
    assert summary["speech_cue_recall"] >= 0.85
    assert summary["source_overlap_rate"] >= 0.90 and summary["content_match_rate"] >= 0.80
    for outlet in ("breitbart", "nyt", "wash-post"):
        assert summary[f"{outlet}_precision_low"] <= summary[f"{outlet}_precision"] <= summary[f"{outlet}_precision_high"]


def test_a_number_is_no_source():
    assert attributions("x", ["The market was calm. Day 1, note 1."]) == []
