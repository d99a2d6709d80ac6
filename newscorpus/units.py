"""The unit a chapter compares: articles, or outlets.

With one article per outlet, as in the book's original five, the only comparison the data allow is
between articles: what one text does. With several articles per outlet, a difference between two
articles says little about their outlets, so the chapters compare outlets: each measure's
distribution over an outlet's articles, and an interval for the outlet's mean from resampling its
*articles* (the cluster bootstrap: the article, not the sentence, is the unit an outlet's habits
vary over; Field & Welsh 2007). A difference between outlets is then a finding about outlets, as
far as the articles are a fair sample of them.

Non-overlapping intervals are a conservative screen (two 95% intervals can overlap while the
difference between the means is clear; Schenker & Gentleman 2001), and a screen says nothing of
size: ``separated_outlets`` gives, for each pair it states, the difference of the means with its
own 95% bootstrap interval (the two outlets' resampled means subtracted draw by draw), the ratio of
the means where both are positive, and Cohen's d on the articles' values (the difference over the
pooled standard deviation of the articles; Cohen 1988), so a chapter can say how large a
difference is, not only that there is one.

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
# Cohen's (1988) conventions for d, the words a sentence gives a size: below 0.2 negligible.
COHEN_SIZES = ((0.8, "large"), (0.5, "medium"), (0.2, "small"), (0.0, "negligible"))


class _Draws(dict):
    """(outlet, measure) -> the resampled means behind its interval, kept in the summary's
    ``attrs`` so ``separated_outlets`` can put an interval on a difference. Shared, never copied:
    pandas deep-copies ``attrs`` on every filter, and these are read only."""

    def __deepcopy__(self, memo):
        return self


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
    the mean over resampled articles; NaN below ``MIN_ARTICLES_FOR_INTERVAL``) and ``sd`` (the
    articles' standard deviation, for an effect size; NaN below two articles). The resampled
    means ride along in ``attrs["bootstrap"]`` for ``separated_outlets``.

    ``table`` has a row per article, keyed by ``file``; ``articles`` gives each file's outlet.
    Articles without a value (NaN) are left out of that measure. The same seed gives the same
    intervals; each outlet and measure draws from its own stream, so adding an outlet does not
    move another's interval."""
    merged = table.drop(columns=["outlet"], errors="ignore").merge(
        articles[["file", "outlet"]], on="file", how="inner", validate="many_to_one")
    rows, draws = [], _Draws()
    for outlet, group in merged.groupby("outlet", sort=True):
        for column in columns:
            values = pd.to_numeric(group[column], errors="coerce").dropna().to_numpy(dtype=float)
            row = {"outlet": outlet, "measure": column, "articles": len(values),
                   "mean": np.nan, "median": np.nan, "q25": np.nan, "q75": np.nan,
                   "low": np.nan, "high": np.nan, "sd": np.nan}
            if len(values):
                row.update(mean=values.mean(), median=np.median(values),
                           q25=np.quantile(values, 0.25), q75=np.quantile(values, 0.75))
            if len(values) > 1:
                row.update(sd=values.std(ddof=1))
            if len(values) >= MIN_ARTICLES_FOR_INTERVAL:
                # a stream per outlet and measure, named not numbered: the same measure gets the
                # same draws whatever other measures are summarised with it
                stream = np.random.default_rng([seed, zlib.crc32(column.encode("utf-8")),
                                                zlib.crc32(outlet.encode("utf-8"))])
                means = _bootstrap_means(values, stream, resamples)
                tail = (1 - CONFIDENCE) / 2
                row.update(low=np.quantile(means, tail), high=np.quantile(means, 1 - tail))
                draws[(outlet, column)] = means
            rows.append(row)
    columns_out = ["outlet", "measure", "articles", "mean", "median", "q25", "q75", "low", "high", "sd"]
    summary = pd.DataFrame(rows, columns=columns_out)
    summary.attrs["bootstrap"] = draws
    return summary


PAIR_COLUMNS = ["higher", "lower", "higher_mean", "lower_mean", "difference", "difference_low",
                "difference_high", "ratio", "cohen_d"]


def cohen_d(mean_a: float, mean_b: float, sd_a: float, sd_b: float, n_a: int, n_b: int) -> float:
    """Cohen's d: the difference of two means over the pooled standard deviation of the values
    (Cohen 1988); NaN when there is no spread to pool (fewer than two values in all, or none)."""
    dof = n_a + n_b - 2
    if dof < 1 or not (sd_a == sd_a and sd_b == sd_b):
        return float("nan")
    pooled = np.sqrt(((n_a - 1) * sd_a ** 2 + (n_b - 1) * sd_b ** 2) / dof)
    return float((mean_a - mean_b) / pooled) if pooled > 0 else float("nan")


def cohen_size(d: float) -> str:
    """Cohen's word for the size of ``d`` ("large", "medium", "small", "negligible"); "" for NaN."""
    if d != d:
        return ""
    return next(word for bound, word in COHEN_SIZES if abs(d) >= bound)


def _difference_interval(summary: pd.DataFrame, a, b, measure: str) -> tuple[float, float]:
    """95% interval of ``a.mean - b.mean``: the two outlets' resampled means (independent streams)
    subtracted draw by draw; without the draws (a summary rebuilt elsewhere), the normal
    approximation from each interval's half-width."""
    draws = summary.attrs.get("bootstrap") or {}
    first, second = draws.get((a.outlet, measure)), draws.get((b.outlet, measure))
    tail = (1 - CONFIDENCE) / 2
    if first is not None and second is not None and len(first) == len(second):
        differences = first - second
        return float(np.quantile(differences, tail)), float(np.quantile(differences, 1 - tail))
    z = 1.959963984540054
    se = np.hypot((a.high - a.low) / (2 * z), (b.high - b.low) / (2 * z))
    return float(a.mean - b.mean - z * se), float(a.mean - b.mean + z * se)


def separated_outlets(summary: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Pairs of outlets whose intervals for ``measure`` do not overlap (the higher first): the
    differences a chapter may state as findings about outlets, with their size. Columns
    ``higher``, ``lower``, ``higher_mean``, ``lower_mean``, ``difference`` (of the means) with its
    95% bootstrap interval ``difference_low``/``difference_high``, ``ratio`` (of the means, NaN
    unless both are positive) and ``cohen_d`` (on the articles' values, NaN without their spread)."""
    rows = summary[(summary["measure"] == measure)].dropna(subset=["low", "high"])
    rows = list(rows.sort_values("mean", ascending=False).itertuples())
    pairs = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a.low > b.high:
                low, high = _difference_interval(summary, a, b, measure)
                sd_a, sd_b = getattr(a, "sd", np.nan), getattr(b, "sd", np.nan)
                pairs.append({"higher": a.outlet, "lower": b.outlet, "higher_mean": a.mean, "lower_mean": b.mean,
                              "difference": a.mean - b.mean, "difference_low": low, "difference_high": high,
                              "ratio": a.mean / b.mean if a.mean > 0 and b.mean > 0 else np.nan,
                              "cohen_d": cohen_d(a.mean, b.mean, sd_a, sd_b, int(a.articles), int(b.articles))})
    return pd.DataFrame(pairs, columns=PAIR_COLUMNS)


def effect_phrase(pair, spec: str, ratio: bool = True) -> str:
    """A stated pair's size in words: "higher by 2.1 (1.3 to 2.9), 1.4 times as high; d = 0.62,
    medium". ``pair`` is a row of ``separated_outlets``; ``spec`` formats the measure's unit;
    ``ratio=False`` for a measure with no true zero (a grade, a tone), where a ratio means nothing."""
    unsigned = spec.replace("+", "")
    parts = [f"higher by {format(pair.difference, unsigned)} ({format(pair.difference_low, unsigned)} "
             f"to {format(pair.difference_high, unsigned)})"]
    if ratio and pair.ratio == pair.ratio and pair.ratio < 100:
        parts.append(f"{pair.ratio:.1f} times as high")
    if pair.cohen_d == pair.cohen_d:
        parts.append(f"d = {pair.cohen_d:.2f}, {cohen_size(pair.cohen_d)}")
    return "; ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 2 else parts)
