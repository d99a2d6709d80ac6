"""The trust appendix's tables and charts, from the committed validation files only.

Reads ``newscorpus/data/validation/summary.json`` (written by ``make validate``), never the gold
data: the book builds without ``../shared``. Knows nothing of how a score was made.
"""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd

from ..measures.readability import SCORE_NAMES
from ..prose import english_list

MEASURE_NAMES = {"sentences": "Sentence split", "pos": "Part of speech", "attribution": "Attribution",
                 "loaded": "Loaded language", "readability": "Readability", "cleaner": "Cleaner",
                 "agency": "Agency of the group", "republication": "Republication edits"}
FORMULA_NAMES = {**SCORE_NAMES, "fitted_cv": "Fitted reader ease (out of fold)"}
GENRE_NAMES = {"all": "All excerpts", "informational": "Informational", "literary": "Literary"}


def summary() -> dict:
    """The committed summary: measure -> flat dict of numbers."""
    path = resources.files("newscorpus").joinpath("data", "validation", "summary.json")
    return json.loads(path.read_text(encoding="utf-8"))


def items(measure: str) -> pd.DataFrame:
    path = resources.files("newscorpus").joinpath("data", "validation", f"{measure}_items.csv")
    with path.open(encoding="utf-8") as handle:
        return pd.read_csv(handle)


def _signed(value: float, spec: str) -> str:
    return format(value, spec).replace("-", "−")  # a typographic minus


def interval_text(value: float, low: float, high: float, percent: bool = False) -> str:
    """"0.74 (0.72 to 0.76)" or "93.7% (93.4% to 94.0%)"; negative numbers with a minus sign."""
    spec = ".1%" if percent else ".2f"
    return f"{_signed(value, spec)} ({_signed(low, spec)} to {_signed(high, spec)})"


def readability_correlations(found: dict, statistic: str = "pearson") -> pd.DataFrame:
    """One row per score and group: r with CLEAR's ease and its interval (sign kept: grades
    correlate negatively with ease), and ``abs_r`` for charts."""
    rows = []
    for group in GENRE_NAMES:
        for score, name in FORMULA_NAMES.items():
            key = f"{group}_{score}_{statistic}"
            if key in found:
                rows.append({"group": GENRE_NAMES[group], "score": name, "r": found[key],
                             "low": found[f"{key}_low"], "high": found[f"{key}_high"]})
    table = pd.DataFrame(rows)
    flip = table["r"] < 0  # |r| and its interval, the bounds swapped where the sign flips
    table["abs_r"] = table["r"].abs()
    table["abs_low"] = table["low"].where(~flip, -table["high"])
    table["abs_high"] = table["high"].where(~flip, -table["low"])
    return table


def loaded_comparison(found: dict) -> pd.DataFrame:
    """Sentence macro-F1 with its interval for the constant guess, the old word list and the
    fitted model (out of fold)."""
    labels = {"majority": "Constant guess (majority class)", "old_lexicon": "Word lists (loaded vocabulary, NPOV list)",
              "cv": "Fitted model (out of fold)"}
    return pd.DataFrame([{"measure": label, "macro_f1": found[f"{key}_macro_f1"],
                          "low": found[f"{key}_macro_f1_low"], "high": found[f"{key}_macro_f1_high"]}
                         for key, label in labels.items()])


def readability_table(found: dict) -> pd.DataFrame:
    """Pearson r (interval) of each score by genre, a row per score, for the page."""
    table = readability_correlations(found)
    table["text"] = [interval_text(r, lo, hi) for r, lo, hi in zip(table["r"], table["low"], table["high"])]
    wide = table.pivot(index="score", columns="group", values="text")
    wide = wide.reindex([FORMULA_NAMES[s] for s in FORMULA_NAMES if FORMULA_NAMES[s] in wide.index])
    wide = wide[[g for g in GENRE_NAMES.values() if g in wide.columns]]
    wide.index.name = "Score (Pearson r with ease, 95% interval)"
    wide.columns.name = None
    return wide


def strongest_formula(found: dict, group: str = "all", spec: str = ".2f") -> tuple[str, float]:
    """The formula (not the fitted score) whose |Pearson r| with ease is highest in ``group``, and
    that |r|; formulas whose |r| prints the same with ``spec`` are tied and all named ("A and B")."""
    table = readability_correlations(found)
    formulas = table[(table["group"] == GENRE_NAMES[group]) & (table["score"] != FORMULA_NAMES["fitted_cv"])]
    best = float(formulas["abs_r"].max())
    tied = formulas[formulas["abs_r"].map(lambda r: format(r, spec)) == format(best, spec)]
    return english_list(tied.sort_values("abs_r", ascending=False, kind="stable")["score"]), best


def formula_range(found: dict, group: str = "all") -> tuple[float, float]:
    """The lowest and highest |Pearson r| of the seven formulas in ``group``."""
    table = readability_correlations(found)
    formulas = table[(table["group"] == GENRE_NAMES[group]) & (table["score"] != FORMULA_NAMES["fitted_cv"])]
    return float(formulas["abs_r"].min()), float(formulas["abs_r"].max())


def evidence_or_description(found: dict, measure: str) -> str:
    """How the chapters may use a measure: "evidence" when it reached its goal on the public data,
    "description only" when it did not (the loaded-language rule of issue 18)."""
    if measure == "loaded":
        return "evidence" if found["loaded"]["goal_reached"] else "description only"
    if measure == "readability":
        return "evidence" if found["readability"]["goal_reached"] else "description only"
    raise KeyError(measure)


def loaded_verdict(found: dict) -> str:
    """Whether the fitted loaded-language measure reached its goals, and by how much it missed."""
    misses = []
    if found["cv_macro_f1"] < found["goal_macro_f1"]:
        misses.append(f"macro-F1 is {found['goal_macro_f1'] - found['cv_macro_f1']:.3f} short")
    if found["cv_word_precision"] < found["goal_word_precision"]:
        misses.append(f"word precision is {found['goal_word_precision'] - found['cv_word_precision']:.3f} short")
    if found["cv_word_recall"] < found["goal_word_recall"]:
        misses.append(f"word recall is {found['goal_word_recall'] - found['cv_word_recall']:.3f} short")
    if not misses:
        return "every goal is met"
    return "not met: " + "; ".join(misses)


# Headline keys of the scorers other modules write, tried in order; the first found is shown.
HEADLINES = {
    "sentences": [("golden_rules_passed", "golden_rules", "{0:d} of {1:d} Golden Rules passed")],
    "attribution": [("cue_precision_03", "cue_recall_03", "cue precision {0:.2f}, recall {1:.2f} at 0.3 overlap"),
                    ("cue_precision", "cue_recall", "cue precision {0:.2f}, recall {1:.2f}")],
    "agency": [("heldout_accuracy", "heldout_majority_baseline",
                "held-out accuracy {0:.0%} against {1:.0%} for the commonest label")],
    "republication": [("precision", "recall", "edits found: precision {0:.1%}, recall {1:.1%}")],
}


def headline(found: dict, measure: str) -> str:
    """One line for the trust table from a scorer's summary, or a note when it was not scored."""
    scored = found.get(measure)
    if not scored:
        return "not scored in this build"
    for first, second, template in HEADLINES.get(measure, []):
        if first in scored and second in scored:
            return template.format(scored[first], scored[second])
    return "scored: see newscorpus/data/validation/summary.json"
