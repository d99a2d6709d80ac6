"""The readability chapter's sensitivity check, on count tables built by hand: without the longest
sentences, without run-on sentences, with paragraphs as units; which separations survive and what
the prose may say; and the optional validity figures (present, absent)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from newscorpus.measures import readability as rd


def rows(file: str, lengths: list[int], paragraphs: list[int], syllables_per_word: float = 1.4) -> list[dict]:
    """Sentence rows with the chapter's columns: ``lengths`` words each, in ``paragraphs``."""
    out = []
    for number, (words, paragraph) in enumerate(zip(lengths, paragraphs), 1):
        syllables = int(round(words * syllables_per_word))
        out.append({"file": file, "paragraph": paragraph, "sentence": number, "text": "",
                    "sentences": 1, "words": words, "syllables": syllables, "polysyllables": words // 8,
                    "letters": 5 * words, "characters": 5 * words, "difficult_words": words // 10})
    return out


def table(*articles: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([r for a in articles for r in a])


def plain(file: str, seed: int) -> list[dict]:
    """Forty sentences of 14 to 26 words, four to a paragraph."""
    lengths = np.random.default_rng(seed).integers(14, 27, 40).tolist()
    return rows(file, lengths, [i // 4 + 1 for i in range(40)])


def run_on(file: str, seed: int) -> list[dict]:
    """The same paragraphs as ``plain`` (four sentences' words each), each written as one sentence."""
    lengths = np.random.default_rng(seed).integers(14, 27, 40)
    return rows(file, [int(lengths[i:i + 4].sum()) for i in range(0, 40, 4)], list(range(1, 11)))


def test_without_longest_drops_the_same_share_of_every_article_and_keeps_a_lone_sentence():
    sentences = table(rows("a", [10, 50, 20, 30], [1, 1, 2, 2]), rows("b", [5] * 19 + [70] + [6], [1] * 21),
                      rows("c", [99], [1]))
    kept = rd.without_longest(sentences, share=0.05)
    assert sorted(kept.loc[kept["file"] == "a", "words"]) == [10, 20, 30]  # ceil(0.05 × 4) = 1
    assert sorted(kept.loc[kept["file"] == "b", "words"]) == [5] * 19  # ceil(0.05 × 21) = 2: 70 and 6
    assert kept.loc[kept["file"] == "c", "words"].tolist() == [99]  # nothing left to score otherwise
    assert len(rd.without_longest(sentences, share=0.5)[lambda t: t["file"] == "a"]) == 2


def test_without_long_sentences_keeps_the_limit_itself():
    sentences = table(rows("a", [60, 61, 12], [1, 2, 3]))
    assert rd.without_long_sentences(sentences, limit=60)["words"].tolist() == [60, 12]


def test_paragraphs_as_sentences_sums_counts_and_counts_each_paragraph_once():
    sentences = table(rows("a", [10, 20, 30], [1, 1, 2]), rows("b", [7], [4]))
    units = rd.paragraphs_as_sentences(sentences)
    assert units[["file", "paragraph", "words", "sentences"]].values.tolist() == [
        ["a", 1, 30, 1], ["a", 2, 30, 1], ["b", 4, 7, 1]]
    a = units[units["file"] == "a"]
    # by hand: 60 words in 2 "sentences", 84 syllables (14 + 28 + 42)
    assert rd.kincaid_grade(a["words"].sum(), a["sentences"].sum(), a["syllables"].sum()) == pytest.approx(
        0.39 * 30 + 11.8 * 84 / 60 - 15.59)


def test_separated_article_needs_one_article_in_most_separations():
    def pairs(beyond):
        return pd.DataFrame([{"first": a, "second": b, "difference": 1.0, "exceeds_noise": True} for a, b in beyond])
    assert rd.separated_article(pairs([("a", "x"), ("b", "x"), ("x", "c")])) == "x"
    assert rd.separated_article(pairs([("a", "x"), ("b", "x"), ("c", "d")])) == "x"
    assert rd.separated_article(pairs([("a", "x"), ("b", "c")])) is None  # a tie: nobody's
    assert rd.separated_article(pairs([("a", "x")])) is None


def test_surviving_separations_counts_survivors_and_reversals_in_the_base_direction():
    def variant(name, diffs, beyond):
        return [{"variant": name, "first": a, "second": b, "difference": d, "exceeds_noise": e}
                for (a, b), d, e in zip([("a", "x"), ("b", "x"), ("a", "b")], diffs, beyond)]
    sensitivity = pd.DataFrame(variant("as_measured", [-10, -8, 1], [True, True, False])
                               + variant("other", [-4, 6, 2], [True, True, True]))
    found = rd.surviving_separations(sensitivity).set_index("variant")
    assert found.loc["as_measured"].to_dict() == {"separations": 2, "survive": 2, "reversed": 0, "mean_difference": 9.0}
    # (a, b) was not a separation: it does not count, though it exceeds the noise in "other"
    assert found.loc["other"].to_dict() == {"separations": 2, "survive": 1, "reversed": 1, "mean_difference": -1.0}


def test_a_separation_made_by_run_on_sentences_falls_with_paragraphs_as_units():
    sentences = table(plain("a", 1), plain("b", 2), run_on("x", 3))
    names = {"a": "A", "b": "B", "x": "X"}
    sensitivity = rd.sensitivity_pairs(sentences, "kincaid_grade", n_boot=1000)
    found = rd.surviving_separations(sensitivity).set_index("variant")
    assert found.loc["as_measured", "separations"] == 2 and found.loc["paragraphs", "survive"] == 0
    text = rd.sensitivity_summary(sensitivity, sentences, names, "grades", status={"x": "a translation"})
    assert "All 2 separations involve X (a translation)" in text
    assert "those that fall do not survive a change of unit; the check does not say why" in text
    assert "X puts 1.0 sentences in a paragraph on average, the other articles 4.0 to 4.0" in text
    assert "cut into sentences" not in text and "not of an outlet" not in text  # no cause is named


def test_a_separation_made_by_long_words_survives_every_check():
    hard_words = rows("x", np.random.default_rng(3).integers(14, 27, 40).tolist(), [i // 4 + 1 for i in range(40)],
                      syllables_per_word=2.2)
    sentences = table(plain("a", 1), plain("b", 2), hard_words)
    sensitivity = rd.sensitivity_pairs(sentences, "kincaid_grade", n_boot=1000)
    text = rd.sensitivity_summary(sensitivity, sentences, {"a": "A", "b": "B", "x": "X"}, "grades")
    assert "Every separation survives every check" in text
    assert "survive a change of unit" not in text


def test_no_separation_is_said_plainly():
    sentences = table(plain("a", 1), plain("b", 1))
    text = rd.sensitivity_summary(rd.sensitivity_pairs(sentences, "kincaid_grade", n_boot=500), sentences,
                                  {"a": "A", "b": "B"}, "grades")
    assert text.startswith("As measured, the one pair does not exceed the noise")  # not "0 of the 1 pairs"


def test_kincaid_terms_add_up_to_the_grade():
    sentences = table(plain("a", 1), run_on("x", 3))
    terms = rd.kincaid_terms(sentences).set_index("file")
    for file, group in sentences.groupby("file"):
        grade = rd.kincaid_grade(group["words"].sum(), group["sentences"].sum(), group["syllables"].sum())
        assert terms.loc[file].sum() - 15.59 == pytest.approx(grade)
    note = rd.kincaid_terms_note(terms.reset_index(), "x", {"a": "A", "x": "X"})
    gap = terms.loc["x"] - terms.loc["a"]
    assert f"{gap['length_term']:.1f} of it from words per sentence" in note and note.startswith("the Flesch–Kincaid grade of X")


def test_one_articles_kincaid_parts_are_said_with_the_constant_so_they_add_up():
    import re

    sentences = table(run_on("x", 3))
    note = rd.kincaid_terms_note(rd.kincaid_terms(sentences), "x", {"x": "X"})
    grade = rd.kincaid_grade(sentences["words"].sum(), sentences["sentences"].sum(), sentences["syllables"].sum())
    said = [float(v) for v in re.findall(r"\d+\.\d+", note)]
    assert said[0] == pytest.approx(grade, abs=0.05) and "15.59" in note
    # grade, length term, word term: the parts as printed add up to the grade as printed, within rounding
    assert said[1] + said[2] - 15.59 == pytest.approx(said[0], abs=0.11)


def test_long_sentence_note_says_plainly_when_no_other_article_loses_any():
    sentences = table(rows("a", [70, 10, 12], [1, 2, 3]), rows("b", [10, 12], [1, 2]))
    note = rd.long_dropped_note(sentences, {"a": "A", "b": "B"})
    assert note == "A loses 1 of its 3 sentences, and no other article loses any."
    two = table(rows("a", [70, 80, 12], [1, 2, 3]), rows("b", [61, 12], [1, 2]))
    assert rd.long_dropped_note(two, {"a": "A", "b": "B"}).endswith("no other article more than 1.")


def test_consensus_note_has_no_order_to_keep_with_one_article():
    one = pd.DataFrame({"kincaid_grade": [12.7], "consensus_grade": [13.0]}, index=["a"])
    assert "happens to keep" not in rd.consensus_flaw(one, {"a": "A"})
    flipped = pd.DataFrame({"kincaid_grade": [12.7, 10.0], "consensus_grade": [9.0, 11.0]}, index=["a", "b"])
    said = rd.consensus_flaw(flipped, {"a": "A", "b": "B"})
    assert "textstat's own Flesch–Kincaid grade 12.7" in said  # not to be read as the chapter's own grade


# --- the optional validity figures ------------------------------------------------------------

def figures(**pearson: float) -> dict:
    found = {"informational_excerpts": 100}
    for name, r in pearson.items():
        found[f"informational_{name}_pearson"] = r
        found[f"informational_{name}_pearson_low"], found[f"informational_{name}_pearson_high"] = r - 0.03, r + 0.03
    return found


def test_leading_formulas_are_the_highest_absolute_r_or_the_default():
    found = figures(reading_ease=0.40, kincaid_grade=-0.45, fog_index=-0.50, smog_grade=-0.20)
    assert rd.leading_formulas(found) == ["fog_index", "kincaid_grade"]
    assert rd.leading_formulas(None) == list(rd.DEFAULT_LEAD)
    assert rd.leading_formulas({"informational_fog_index_pearson": -0.5}) == list(rd.DEFAULT_LEAD)


def test_validity_note_quotes_the_figures_or_says_they_are_absent(tmp_path):
    found = figures(reading_ease=0.40, kincaid_grade=-0.45, fog_index=-0.50, smog_grade=-0.20)
    note = rd.validity_note(found, ["fog_index", "kincaid_grade"])
    assert "Gunning fog (r = -0.50, 95% interval -0.53 to -0.47)" in note
    assert "The other 2 reach |r| 0.20 to 0.40" in note
    # Reading Ease's interval (0.37 to 0.43) reaches the lower end of Flesch–Kincaid's (0.42 to 0.48);
    # SMOG's (0.17 to 0.23) does not
    assert ("The interval of 1 of them reaches the lower end of the leaders' intervals (|r| 0.42): "
            "Flesch Reading Ease (to 0.43), so the lead is a choice among near-equals") in note
    apart = figures(reading_ease=0.30, kincaid_grade=-0.45, fog_index=-0.50, smog_grade=-0.20)
    assert "near-equals" not in rd.validity_note(apart, ["fog_index", "kincaid_grade"])
    assert "near-equals" in rd.validity_note(figures(kincaid_grade=-0.45, fog_index=-0.46, smog_grade=-0.44),
                                             ["fog_index", "kincaid_grade"])
    assert "absent" in rd.validity_note(None, list(rd.DEFAULT_LEAD))
    assert rd.validity_figures(tmp_path / "summary.json") is None
    (tmp_path / "summary.json").write_text(json.dumps({"readability": found}), encoding="utf-8")
    assert rd.validity_figures(tmp_path / "summary.json") == found


def test_formulas_reaching_the_leaders_are_counted_interval_against_lower_bound():
    """Referee A7: "the intervals of 2 of them reach the leaders' lower bound" counted point
    estimates against it; intervals are what the sentence names (here 4 of 5 reach 0.44)."""
    found = {"informational_excerpts": 1621}
    for name, (r, low, high) in {"fog_index": (-0.479, -0.514, -0.443), "kincaid_grade": (-0.476, -0.511, -0.439),
                                 "smog_grade": (-0.464, -0.499, -0.427), "automated_readability": (-0.45, -0.487, -0.412),
                                 "reading_ease": (0.437, 0.398, 0.473), "dale_chall": (-0.433, -0.467, -0.396),
                                 "coleman_liau": (-0.281, -0.323, -0.236)}.items():
        found.update({f"informational_{name}_pearson": r, f"informational_{name}_pearson_low": low,
                      f"informational_{name}_pearson_high": high})
    lead = ["fog_index", "kincaid_grade"]
    assert rd.abs_r_interval(found, "reading_ease") == (0.398, 0.473)
    assert rd.abs_r_interval(found, "kincaid_grade") == (0.439, 0.511)
    assert rd.reaching_the_leaders(found, lead) == ["smog_grade", "automated_readability", "reading_ease", "dale_chall"]
    points_reaching = [n for n in rd.SCORES if n not in lead and abs(found[f"informational_{n}_pearson"]) >= 0.439]
    assert len(points_reaching) == 2  # the old count
    assert "The intervals of 4 of them reach the lower end of the leaders' intervals (|r| 0.44)" in rd.validity_note(found, lead)


def test_headline_names_the_article_and_the_checks_it_fails():
    sentences = table(plain("a", 1), plain("b", 2), run_on("x", 3))
    sensitivity = rd.sensitivity_pairs(sentences, "kincaid_grade", n_boot=1000)
    headline = rd.sensitivity_headline(sensitivity, {"a": "A", "b": "B", "x": "X"}, {"x": "a translation"})
    assert headline == ("all of them involve X, a translation, and none holds without sentences over 60 words "
                        "and none holds with paragraphs as the unit instead of sentences, so they do not survive a "
                        "change of unit")
    assert "CLEAR" in rd.lead_reason(figures(fog_index=-0.5)) and "no validity figures" in rd.lead_reason(None)
    quiet = table(plain("a", 1), plain("b", 1))
    assert rd.sensitivity_headline(rd.sensitivity_pairs(quiet, "kincaid_grade", n_boot=500), {}) == (
        "no pair of articles differs by more than the noise")


def test_fitted_ease_reads_each_articles_sentences_and_says_when_it_is_absent():
    sentences = pd.DataFrame({"file": ["a", "a", "b"], "text": ["One two.", "Three.", "Four five six."]})
    # a stand-in for the fitted score: words per sentence, from the words the finder returns
    fitted = rd.fitted_ease_table(sentences, lambda s, w: len(w) / len(s), lambda text: text.split())
    assert fitted.values.tolist() == [["a", 1.5], ["b", 3.0]]
    note = rd.fitted_note(fitted, figures(fitted_cv=0.6), {"a": "A", "b": "B"})
    assert "from +1.50 (A) to +3.00 (B)" in note and "r = +0.60, 95% interval +0.57 to +0.63" in note
    assert "not part of this build" in rd.fitted_note(None, None, {})
