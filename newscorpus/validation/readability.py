"""Readability on CLEAR dev: how well each score follows teachers' judgments of ease.

For the book's seven formulas and the fitted reader-ease score (out of fold, 5-fold CV), the
Pearson and Spearman correlation with ``BT_easiness`` over all excerpts and within informational
and literary excerpts, each with a 95% percentile bootstrap interval (excerpts resampled, fixed
seed). Formulas that grade difficulty correlate negatively with ease; the summary keeps the sign.
The committed coefficients' in-sample r is given too (fitted on these excerpts: not a test).

Rows: each excerpt's CLEAR ``ID``, its genre, the seven scores and the out-of-fold fitted ease.
"""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from ..measures.readability import SCORES
from ..measures.readability_fit import score_from_features
from .clear import clear_table
from .fit_readability import cross_validated_scores
from .stats import N_BOOT, SEED

GOAL_R = 0.65


def _pearson_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pearson r of each row of ``x`` with the same row of ``y``."""
    x = x - x.mean(axis=1, keepdims=True)
    y = y - y.mean(axis=1, keepdims=True)
    return (x * y).sum(axis=1) / np.sqrt((x * x).sum(axis=1) * (y * y).sum(axis=1))


def correlations(score: np.ndarray, ease: np.ndarray, n_boot: int = N_BOOT, seed: int = SEED) -> dict[str, float]:
    """Pearson and Spearman r with 95% percentile bootstrap intervals."""
    draws = np.random.default_rng(seed).integers(0, len(score), size=(n_boot, len(score)))
    out = {}
    for name, transform in (("pearson", lambda v: v), ("spearman", lambda v: rankdata(v, axis=-1))):
        out[name] = float(_pearson_rows(transform(score[None, :]), transform(ease[None, :]))[0])
        boot = _pearson_rows(transform(score[draws]), transform(ease[draws]))
        out[f"{name}_low"], out[f"{name}_high"] = (float(v) for v in np.percentile(boot, [2.5, 97.5]))
    return out


def score(data_dir: pathlib.Path) -> tuple[pd.DataFrame, dict]:
    table = clear_table(data_dir)
    table["fitted_cv"] = cross_validated_scores(table)
    table["fitted_committed"] = [score_from_features(row) for row in table.to_dict("records")]
    summary: dict = {"excerpts": len(table), "goal_r": GOAL_R}
    groups = {"all": table, **{genre: part for genre, part in table.groupby("genre")}}
    for group, part in groups.items():
        summary[f"{group}_excerpts"] = len(part)
        ease = part["ease"].to_numpy(float)
        for name in [*SCORES, "fitted_cv"]:
            for key, value in correlations(part[name].to_numpy(float), ease).items():
                summary[f"{group}_{name}_{key}"] = value
    summary["fitted_committed_in_sample_pearson"] = float(np.corrcoef(table["fitted_committed"], table["ease"])[0, 1])
    summary["goal_reached"] = bool(summary["all_fitted_cv_pearson"] >= GOAL_R)
    items = table[["ID", "genre", *SCORES, "fitted_cv"]]
    return items, summary
