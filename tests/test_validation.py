"""``make validate``: the committed scores, the measures fitted to public gold data, the CLI.

The reproduction tests need the public gold sets (``../shared/evaluation`` beside the repository,
or the folder named by ``NEWSCORPUS_GOLD_DATA``) and skip without them. They recompute the fast
scorers in full (part of speech, the cleaner) and, of the slow ones, what runs in seconds: the
book's seven formulas on the first CLEAR excerpts, and the constant guess and the old word-list
measure on BABE. ``NEWSCORPUS_VALIDATE_ALL=1`` recomputes every scorer in full (minutes).
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import REPO
from newscorpus.validation import runner

GOLD = pathlib.Path(os.environ.get("NEWSCORPUS_GOLD_DATA", runner.default_data_dir(REPO)))
VALIDATION = REPO / "newscorpus" / "data" / "validation"
needs_gold = pytest.mark.skipif(
    not GOLD.is_dir(), reason=f"no gold data at {GOLD}: get {runner.WHERE_TO_GET} (or set NEWSCORPUS_GOLD_DATA)")
FULL = os.environ.get("NEWSCORPUS_VALIDATE_ALL") == "1"


def committed(measure: str) -> tuple[str, dict]:
    items = (VALIDATION / f"{measure}_items.csv").read_text(encoding="utf-8")
    return items, json.loads((VALIDATION / "summary.json").read_text(encoding="utf-8"))[measure]


def assert_reproduced(measure: str) -> None:
    items, found = runner.scorer(measure).score(GOLD)
    committed_items, committed_summary = committed(measure)
    assert runner.items_csv(items) == committed_items, f"{measure}: per-item scores differ from the committed ones"
    assert runner.rounded(found) == committed_summary, f"{measure}: summary differs from the committed one"


# --- the committed files ---------------------------------------------------------------------


def test_every_summary_measure_has_its_items_file():
    summary = json.loads((VALIDATION / "summary.json").read_text(encoding="utf-8"))
    assert {"pos", "loaded", "readability", "cleaner"} <= set(summary)
    for measure, found in summary.items():
        assert (VALIDATION / f"{measure}_items.csv").is_file(), measure
        assert all(isinstance(v, (int, float, str, bool)) for v in found.values()), measure


def test_summary_is_written_as_the_runner_writes_it():
    text = (VALIDATION / "summary.json").read_text(encoding="utf-8")
    assert runner.summary_json(json.loads(text)) == text  # sorted keys, rounded floats: reruns are byte-identical


def test_items_carry_no_gold_text():
    for path in VALIDATION.glob("*_items.csv"):
        table = pd.read_csv(path)
        for column in table.columns:
            if not pd.api.types.is_numeric_dtype(table[column]):  # ids and one-word labels, never sentences
                assert not table[column].astype(str).str.contains(r"\s").any(), (path.name, column)


# --- reproducing the committed scores --------------------------------------------------------


@needs_gold
def test_part_of_speech_scores_reproduce():
    assert_reproduced("pos")


@needs_gold
def test_cleaner_scores_reproduce():
    assert_reproduced("cleaner")


@needs_gold
def test_readability_formulas_reproduce_on_the_first_excerpts():
    from newscorpus.measures.readability import SCORES
    from newscorpus.validation.clear import DATA_FILE, excerpt_row

    excerpts = pd.read_csv(GOLD / DATA_FILE, nrows=40)
    stored = pd.read_csv(VALIDATION / "readability_items.csv").set_index("ID")
    for excerpt_id, excerpt in zip(excerpts["ID"], excerpts["Excerpt"]):
        row = excerpt_row(excerpt)
        for score in SCORES:
            assert round(row[score], runner.DECIMALS) == pytest.approx(stored.loc[excerpt_id, score], abs=1e-9), score


@needs_gold
def test_loaded_baselines_reproduce():
    from newscorpus.validation.fit_loaded import Babe
    from newscorpus.validation.loaded import old_measure, macro_f1

    found = committed("loaded")[1]
    babe = Babe(GOLD)
    majority = int(babe.y.mean() >= 0.5)
    assert round(macro_f1(babe.y, np.full(babe.n, majority)), runner.DECIMALS) == found["majority_macro_f1"]
    verdicts, right, wrong = old_measure(babe)
    assert round(macro_f1(babe.y, verdicts), runner.DECIMALS) == found["old_lexicon_macro_f1"]
    assert right + wrong == found["old_lexicon_words_flagged"]


@needs_gold
@pytest.mark.skipif(not FULL, reason="slow (minutes): set NEWSCORPUS_VALIDATE_ALL=1 to recompute every scorer")
@pytest.mark.parametrize("measure", ["loaded", "readability"])
def test_slow_scorers_reproduce(measure):
    assert_reproduced(measure)


# --- the fitted measures, on sentences written for these tests --------------------------------


def test_loaded_sentences_flag_loaded_wording_and_pass_plain_reporting():
    from newscorpus.measures.loaded import loaded_sentences

    loaded, plain = loaded_sentences([
        "The radical leftist mob unleashed a vicious smear campaign against the hapless senator.",
        "The committee will meet on Tuesday to discuss the budget for next year.",
    ])
    assert loaded.loaded and not plain.loaded
    assert loaded.score > plain.score
    assert {"radical", "vicious", "smear", "mob"} & {word.lower() for _, _, word, _ in loaded.hits}
    assert plain.hits == []


def test_loaded_hits_point_at_their_words():
    from newscorpus.measures.loaded import loaded_sentence, model

    sentence = "Critics slammed the “disastrous” and shameful policy."
    found = loaded_sentence(sentence)
    assert found.hits
    for start, end, word, probability in found.hits:
        assert sentence[start:end] == word
        assert probability >= model().word_threshold


def test_reader_ease_ranks_a_plain_text_above_a_dense_one():
    from newscorpus.measures.readability_fit import contributions, coefficients, reader_ease

    plain = ["The dog ran to the park.", "It was a sunny day.", "The boy threw a ball and the dog got it."]
    dense = ["Notwithstanding considerable institutional heterogeneity, the administration's "
             "counterinsurgency apparatus systematically prioritised infrastructural consolidation "
             "throughout the contested northwestern governorates."]
    words = [[w.strip(".,'") for w in " ".join(text).split()] for text in (plain, dense)]
    easy, hard = reader_ease(plain, words[0]), reader_ease(dense, words[1])
    assert easy > hard
    assert easy == pytest.approx(coefficients()["intercept"] + sum(contributions(plain, words[0]).values()))


def test_reader_ease_needs_words():
    from newscorpus.measures.readability_fit import reader_ease

    with pytest.raises(ValueError):
        reader_ease(["..."], ["..."])


def test_committed_weights_load_and_apply_without_scikit_learn():
    # A fresh interpreter in which importing scikit-learn or scipy fails: the book's side must not need them.
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sklearn", "scipy"):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
from newscorpus.measures.loaded import loaded_sentences, model
from newscorpus.measures.readability_fit import reader_ease, coefficients, FEATURES
fitted = model()
assert len(fitted.word_weights) > 100 and len(fitted.term_idf) > 100
assert set(coefficients()["features"]) == set(FEATURES)
print(loaded_sentences(["A shameful, disastrous decision."])[0].loaded, reader_ease(["It is here."], ["It", "is", "here"]))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]


# --- the command -----------------------------------------------------------------------------


def test_validate_without_data_says_where_to_get_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "newscorpus", "validate", "--data", str(tmp_path / "absent")],
                          capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "absent" in done.stderr and "shared/evaluation" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_scorer_not_in_the_checkout_is_skipped():
    assert runner.scorer("no_such_measure") is None
    assert runner.scorer("pos") is not None


def test_rounding_is_stable():
    assert runner.rounded({"a": 0.123456789, "b": -0.00001, "c": 3, "d": "x"}) == {"a": 0.1235, "b": 0.0, "c": 3, "d": "x"}
    assert json.dumps(runner.rounded(-0.00001)) == "0.0"


def test_tag_upos_tags_words_in_context_and_other_tokens_by_their_characters():
    from newscorpus.layer.pos import tag_upos

    words = "The militants , who seized Mosul in 2014 , said 5 % of them left & fled .".split()
    tags = tag_upos(words)
    assert len(tags) == len(words)
    assert tags[words.index(",")] == "PUNCT" and tags[-1] == "PUNCT"
    assert tags[words.index("2014")] == "NUM" and tags[words.index("%")] == "SYM"
    assert tags[words.index("&")] == "CCONJ"
    assert tags[words.index("Mosul")] == "PROPN" and tags[words.index("seized")] == "VERB"
    assert tags[words.index("militants")] == "NOUN" and tags[0] == "DET"
    assert tag_upos([]) == []


# --- the trust appendix's table ----------------------------------------------------------------------


def test_strongest_formula_names_every_formula_tied_at_the_printed_figure():
    from newscorpus.validation import report

    found = {}
    for score, r in {"smog_grade": 0.5643, "dale_chall": -0.5611, "kincaid_grade": -0.50, "fitted_cv": 0.67}.items():
        found.update({f"all_{score}_pearson": r, f"all_{score}_pearson_low": r - 0.02, f"all_{score}_pearson_high": r + 0.02})
    names, best = report.strongest_formula(found)
    assert names == "SMOG grade and Dale–Chall" and best == pytest.approx(0.5643)  # the fitted score is not a formula
    assert report.strongest_formula(found, spec=".3f")[0] == "SMOG grade"


def test_every_scored_measure_has_a_headline_for_the_trust_table():
    from newscorpus.validation import report

    found = report.summary()
    for measure in ("sentences", "attribution", "agency", "republication"):
        line = report.headline(found, measure)
        assert not line.startswith(("scored:", "not scored")), measure
    agency = found["agency"]
    assert report.headline(found, "agency") == (f"held-out accuracy {agency['heldout_accuracy']:.0%} against "
                                                f"{agency['heldout_majority_baseline']:.0%} for the commonest label")
    assert set(report.HEADLINES) <= set(report.MEASURE_NAMES)
