"""Outlet charts and tables say what they draw: the readability outlets chart explains a hollow
mean only when some outlet has one, and the keyness tables head their rows *Outlet* when the
rows are outlets."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newscorpus import units  # noqa: E402
from newscorpus.plots import readability as charts  # noqa: E402
from newscorpus.plots import themes as theme_plots  # noqa: E402


def _legend_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


@pytest.mark.parametrize("sizes", [(6, 6), (6, 6, 1)])
def test_the_hollow_mean_is_in_the_legend_only_when_an_outlet_has_no_interval(sizes):
    rng = np.random.default_rng(len(sizes))
    files = [f"o{o}_{k}.txt" for o, n in enumerate(sizes) for k in range(n)]
    articles = pd.DataFrame({"file": files, "outlet": [f.split("_")[0] for f in files], "date_label": "2016"})
    scores = pd.DataFrame({"file": files, "kincaid_grade": rng.normal(10, 2, len(files)),
                           "reading_ease": rng.normal(50, 10, len(files))})
    lead = ["kincaid_grade", "reading_ease"]
    summary = units.outlet_summary(scores, articles, lead, resamples=50)
    lacking = summary["low"].isna().any()
    assert lacking == (min(sizes) < units.MIN_ARTICLES_FOR_INTERVAL)
    fig = charts.outlet_intervals(summary, scores, articles, lead)
    hollow = any(t.startswith("mean without interval") for t in _legend_texts(fig))
    plt.close(fig)
    assert hollow == lacking


def test_keyness_tables_head_outlet_rows_as_outlets():
    outlets = pd.DataFrame({"file": ["A", "B"], "outlet": ["A", "B"], "title": ["A", "B"], "date_label": ["", ""],
                            "published": pd.to_datetime(["2016-01-01", "2016-01-01"])})
    key = pd.DataFrame({"file": ["A", "B"], "term": ["tax", "war"], "count": [5, 4], "rest_count": [1, 0],
                        "log_ratio": [2.0, 3.0], "ci_low": [1.0, 1.5], "ci_high": [3.0, 4.0], "g2": [6.0, 7.0]})
    odds = pd.DataFrame({"file": ["A", "B"], "word": ["tax", "war"], "count": [5, 4], "z": [2.5, 2.6]})
    for rows_are, head in (("outlet", "Outlet"), ("article", "Article")):
        frame = theme_plots.key_terms_frame(key, outlets, rows_are=rows_are)
        both = theme_plots.side_by_side(key, odds, outlets, rows_are=rows_are)
        assert frame.columns[0] == head and both.columns[0] == head
        assert ("In the article" in frame.columns) == (rows_are == "article")
