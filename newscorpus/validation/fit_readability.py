"""Fit the reader-ease score on CLEAR dev and measure it by cross-validation.

``python -m newscorpus.validation.fit_readability [DATA_DIR]`` refits ordinary least squares on
the standardised features of every dev excerpt and writes
``newscorpus/data/readability_fit/coefficients.json``; ``make validate`` calls
:func:`cross_validated_scores`. scikit-learn (BSD-3) is used here only: the book applies the
committed coefficients with ``measures/readability_fit.py``.
"""

from __future__ import annotations

import json
import pathlib
import sys

import numpy as np
import pandas as pd

from ..measures.readability_fit import FEATURES

SEED = 20261205
FOLDS = 5
DECIMALS = 6
OUT_FILE = pathlib.Path(__file__).resolve().parents[1] / "data" / "readability_fit" / "coefficients.json"


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LinearRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    return scaler, LinearRegression().fit(scaler.transform(x), y)


def cross_validated_scores(table: pd.DataFrame) -> np.ndarray:
    """Out-of-fold fitted ease for every excerpt (5-fold, shuffled with a fixed seed)."""
    from sklearn.model_selection import KFold

    x, y = table[FEATURES].to_numpy(float), table["ease"].to_numpy(float)
    out = np.zeros(len(table))
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(x):
        scaler, model = _fit(x[train], y[train])
        out[test] = model.predict(scaler.transform(x[test]))
    return out


def coefficients(table: pd.DataFrame) -> dict:
    scaler, model = _fit(table[FEATURES].to_numpy(float), table["ease"].to_numpy(float))
    return {
        "fitted_on": f"CLEAR dev (clear_dev.csv, {len(table):,} excerpts), BT_easiness; ordinary least squares "
                     "on standardised features",
        "intercept": round(float(model.intercept_), DECIMALS),
        "features": {name: {"mean": round(float(m), DECIMALS), "scale": round(float(s), DECIMALS),
                            "weight": round(float(w), DECIMALS)}
                     for name, m, s, w in zip(FEATURES, scaler.mean_, scaler.scale_, model.coef_)},
    }


def main(argv: list[str]) -> int:
    from .clear import clear_table

    from .runner import script_data_dir

    data_dir = script_data_dir(argv)
    if data_dir is None:
        return 2
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(json.dumps(coefficients(clear_table(data_dir)), indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"wrote {OUT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
