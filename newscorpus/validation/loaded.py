"""Loaded language on BABE SG2 dev: sentence macro-F1 and the words the experts marked.

Three things are scored on the same 2,571 sentences:

* the fitted measure (``measures/loaded.py``) **out of fold**: stratified 5-fold cross-validation
  with a fixed seed, each fold's models fitted on the other four (``fit_loaded.cross_validate``);
* the constant guess (every sentence the majority class), the baseline a measure must beat;
* the old measure: a sentence is loaded when any word is on the book's loaded vocabulary or
  Recasens et al.'s NPOV list (``measures/lexicons.py``), and those words are its hits.

Word level: per sentence, the lower-case words flagged against the experts' biased words;
precision = flagged words the experts marked / flagged words, recall = marked words flagged /
marked words, summed over all sentences. Intervals: macro-F1 by resampling sentences (percentile
bootstrap), word precision and recall by Wilson's interval.

Rows: each sentence's row number in the dev file, its fold, the out-of-fold score and verdict,
and its word counts (no text, no gold label).
"""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd

from ..measures.lexicons import lexicon_forms
from .fit_loaded import Babe, cross_validate
from .stats import bootstrap_interval, wilson_interval

GOAL_MACRO_F1, GOAL_WORD_PRECISION, GOAL_WORD_RECALL = 0.75, 0.55, 0.30
OLD_LEXICONS = ("loaded", "recasens")


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Mean of the F1 of each class (biased, not biased); a class never predicted scores 0."""
    scores = []
    for label in (0, 1):
        tp = int(((predicted == label) & (gold == label)).sum())
        fp = int(((predicted == label) & (gold != label)).sum())
        fn = int(((predicted != label) & (gold == label)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def _sentence_figures(prefix: str, gold: np.ndarray, predicted: np.ndarray) -> dict:
    low, high = bootstrap_interval(lambda i: macro_f1(gold[i], predicted[i]), len(gold))
    return {f"{prefix}_macro_f1": macro_f1(gold, predicted), f"{prefix}_macro_f1_low": low,
            f"{prefix}_macro_f1_high": high, f"{prefix}_accuracy": float((gold == predicted).mean()),
            f"{prefix}_flagged_share": float(predicted.mean())}


def _word_figures(prefix: str, right: int, wrong: int, gold_words: int) -> dict:
    p_low, p_high = wilson_interval(right, right + wrong)
    r_low, r_high = wilson_interval(right, gold_words)
    return {f"{prefix}_word_precision": right / (right + wrong) if right + wrong else 0.0,
            f"{prefix}_word_precision_low": p_low, f"{prefix}_word_precision_high": p_high,
            f"{prefix}_word_recall": right / gold_words, f"{prefix}_word_recall_low": r_low,
            f"{prefix}_word_recall_high": r_high, f"{prefix}_words_flagged": right + wrong}


def old_measure(babe: Babe) -> tuple[np.ndarray, int, int]:
    """The word-list measure on every sentence: (verdicts, flagged words right, flagged wrong)."""
    forms = {form for form, (name, _) in lexicon_forms().items() if name in OLD_LEXICONS}
    verdicts, right, wrong = [], 0, 0
    for words, gold in zip(babe.words, babe.gold):
        flagged = {w.lower() for w in words if w.lower() in forms}
        verdicts.append(int(bool(flagged)))
        right += len(flagged & gold)
        wrong += len(flagged - gold)
    return np.array(verdicts), right, wrong


def score(data_dir: pathlib.Path) -> tuple[pd.DataFrame, dict]:
    babe = Babe(data_dir)
    rows = cross_validate(babe)
    gold = babe.y[rows["row"].to_numpy()]
    predicted = rows["predicted"].to_numpy()
    gold_words = int(rows["gold_words"].sum())
    majority = int(gold.mean() >= 0.5)
    summary = {"sentences": babe.n, "biased_sentences": int(gold.sum()), "expert_words": gold_words,
               "majority_class_biased": majority,
               "goal_macro_f1": GOAL_MACRO_F1, "goal_word_precision": GOAL_WORD_PRECISION,
               "goal_word_recall": GOAL_WORD_RECALL,
               "word_threshold_min": float(rows["word_threshold"].min()),
               "word_threshold_max": float(rows["word_threshold"].max())}
    summary.update(_sentence_figures("cv", gold, predicted))
    summary.update(_word_figures("cv", int(rows["flagged_right"].sum()), int(rows["flagged_wrong"].sum()), gold_words))
    summary.update(_sentence_figures("majority", gold, np.full(len(gold), majority)))
    old, right, wrong = old_measure(babe)
    summary.update(_sentence_figures("old_lexicon", babe.y, old))
    summary.update(_word_figures("old_lexicon", right, wrong, gold_words))
    summary["goal_reached"] = bool(summary["cv_macro_f1"] >= GOAL_MACRO_F1
                                   and summary["cv_word_precision"] >= GOAL_WORD_PRECISION
                                   and summary["cv_word_recall"] >= GOAL_WORD_RECALL)
    items = rows[["row", "fold", "score", "predicted", "word_threshold", "gold_words", "flagged_right", "flagged_wrong"]]
    return items, summary
