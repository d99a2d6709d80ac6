"""The unit a chapter compares: articles, or outlets.

With one article per outlet, as in the book's original five, the only comparison the data allow is
between articles: what one text does. With several articles per outlet, a difference between two
articles says little about their outlets, so the chapters compare outlets: each measure's
distribution over an outlet's articles, and an interval for the outlet's mean from resampling its
*articles* (the cluster bootstrap: the article, not the sentence, is the unit an outlet's habits
vary over; Field & Welsh 2007). A difference between outlets is then a finding about outlets, as
far as the articles are a fair sample of them.

``comparison_unit`` decides from the corpus alone; ``outlet_summary`` gives the long table (a row
per outlet and measure) that the chapters' charts and sentences read.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

ARTICLE = "article"
OUTLET = "outlet"
# An outlet is compared as an outlet when a typical outlet of the corpus has this many articles.
MIN_TYPICAL_ARTICLES = 2
# Fewer articles than this and an outlet gets its distribution but no resampled interval: two or
# three values give an "interval" that is only their range.
MIN_ARTICLES_FOR_INTERVAL = 4
RESAMPLES = 2000
SEED = 20161017
CONFIDENCE = 0.95


def articles_per_outlet(articles: pd.DataFrame) -> pd.Series:
    """Articles per outlet, most first (ties by name)."""
    counts = articles.groupby("outlet")["file"].nunique()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def comparison_unit(articles: pd.DataFrame) -> str:
    """``"outlet"`` when the median outlet has at least ``MIN_TYPICAL_ARTICLES`` articles, else
    ``"article"`` (one article per outlet, or nearly: the original five give 2, 1, 1, 1)."""
    counts = articles_per_outlet(articles)
    if counts.empty:
        return ARTICLE
    return OUTLET if counts.median() >= MIN_TYPICAL_ARTICLES else ARTICLE


def unit_sentence(articles: pd.DataFrame) -> str:
    """One sentence a chapter prints to say which unit it compares and why."""
    counts = articles_per_outlet(articles)
    n, outlets = int(counts.sum()), len(counts)
    if comparison_unit(articles) == OUTLET:
        return (f"The {n:,d} articles come from {outlets:,d} outlet{'s' * (outlets != 1)} "
                f"(a median of {counts.median():,.0f} articles each), so this chapter compares outlets: "
                "each outlet's spread over its articles, with a 95% interval for its mean from "
                "resampling its articles; an outlet with fewer than "
                f"{MIN_ARTICLES_FOR_INTERVAL} articles gets no interval.")
    if n == 1:
        return ("The corpus holds one article, so this chapter describes it: there is nothing to compare "
                "it with, and nothing here describes its outlet.")
    most = "each with a single article" if n == outlets else "most with a single article"
    return (f"The {n:,d} articles come from {outlets:,d} outlet{'s' * (outlets != 1)}, {most}, so this "
            "chapter compares articles: a difference between two articles is a finding about those texts, "
            "not about their outlets.")


def _bootstrap_means(values: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    picks = rng.integers(0, len(values), size=(resamples, len(values)))
    return values[picks].mean(axis=1)


def outlet_summary(table: pd.DataFrame, articles: pd.DataFrame, columns: list[str], *,
                   resamples: int = RESAMPLES, seed: int = SEED) -> pd.DataFrame:
    """A row per outlet and measure: ``outlet``, ``measure``, ``articles`` (with a value),
    ``mean``, ``median``, ``q25``, ``q75``, ``low`` and ``high`` (the 95% percentile interval of
    the mean over resampled articles; NaN below ``MIN_ARTICLES_FOR_INTERVAL``).

    ``table`` has a row per article, keyed by ``file``; ``articles`` gives each file's outlet.
    Articles without a value (NaN) are left out of that measure. The same seed gives the same
    intervals; each outlet and measure draws from its own stream, so adding an outlet does not
    move another's interval."""
    merged = table.drop(columns=["outlet"], errors="ignore").merge(
        articles[["file", "outlet"]], on="file", how="inner", validate="many_to_one")
    rows = []
    for outlet, group in merged.groupby("outlet", sort=True):
        for column in columns:
            values = pd.to_numeric(group[column], errors="coerce").dropna().to_numpy(dtype=float)
            row = {"outlet": outlet, "measure": column, "articles": len(values),
                   "mean": np.nan, "median": np.nan, "q25": np.nan, "q75": np.nan,
                   "low": np.nan, "high": np.nan}
            if len(values):
                row.update(mean=values.mean(), median=np.median(values),
                           q25=np.quantile(values, 0.25), q75=np.quantile(values, 0.75))
            if len(values) >= MIN_ARTICLES_FOR_INTERVAL:
                # a stream per outlet and measure, named not numbered: the same measure gets the
                # same draws whatever other measures are summarised with it
                stream = np.random.default_rng([seed, zlib.crc32(column.encode("utf-8")),
                                                zlib.crc32(outlet.encode("utf-8"))])
                means = _bootstrap_means(values, stream, resamples)
                tail = (1 - CONFIDENCE) / 2
                row.update(low=np.quantile(means, tail), high=np.quantile(means, 1 - tail))
            rows.append(row)
    columns_out = ["outlet", "measure", "articles", "mean", "median", "q25", "q75", "low", "high"]
    return pd.DataFrame(rows, columns=columns_out)


def separated_outlets(summary: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Pairs of outlets whose intervals for ``measure`` do not overlap (the higher first): the
    differences a chapter may state as findings about outlets. Columns ``higher``, ``lower``,
    ``higher_mean``, ``lower_mean``."""
    rows = summary[(summary["measure"] == measure)].dropna(subset=["low", "high"])
    rows = rows.sort_values("mean", ascending=False)
    pairs = []
    for i, a in enumerate(rows.itertuples()):
        for b in list(rows.itertuples())[i + 1:]:
            if a.low > b.high:
                pairs.append({"higher": a.outlet, "lower": b.outlet, "higher_mean": a.mean, "lower_mean": b.mean})
    return pd.DataFrame(pairs, columns=["higher", "lower", "higher_mean", "lower_mean"])
