"""Keyness: the words that set one article apart from the others.

Each article is compared with the rest of the corpus pooled. Two numbers per word, as Hardie
(2014) and Gabrielatos (2018) recommend, always beside the raw counts:

* the **log ratio**, an effect size: log2 of (share of the article's words) / (share of the
  rest's words). 1 means twice as frequent in the article, 2 four times. A word absent from the
  rest is given 0.5 occurrences there, so the ratio stays finite (Hardie's convention);
* **log-likelihood G²** (Dunning 1993; Rayson and Garside 2000), a significance filter:
  2 × Σ observed × ln(observed / expected), over the article and the rest. 3.84 is p < 0.05,
  6.63 is p < 0.01 for one test.

A word is *key* when it occurs at least ``MIN_FREQ`` times in the article, is more frequent there
than in the rest, and passes the G² threshold. The corpus step reads only the per-article counts
(``article_term_counts``), so it runs unchanged after a map over many articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .tokens import content_counts

MIN_FREQ = 3
G2_THRESHOLD = 6.63  # p < 0.01; a corpus of five articles gives few words, so no stricter cut
ZERO_COUNT = 0.5


def article_term_counts(file: str, paragraphs: list[str]) -> list[dict]:
    """Evidence rows: ``file``, ``term`` (key), ``form`` (as usually written), ``count``, and
    ``article_words`` (all tokens with a letter, stop words included: the article's size)."""
    counts, forms, size = content_counts(paragraphs)
    return [{"file": file, "term": t, "form": forms[t], "count": n, "article_words": size}
            for t, n in counts.most_common()]


def term_counts_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Content-word counts per article (the map step)."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_term_counts(f, p)]
    return pd.DataFrame(rows, columns=["file", "term", "form", "count", "article_words"])


def log_likelihood(a, b, c, d):
    """G² for a word seen ``a`` times in ``c`` words and ``b`` times in ``d`` words."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * (a + b) / (c + d)
        e2 = d * (a + b) / (c + d)
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def log_ratio(a, b, c, d):
    """log2 of the relative frequency in the article over that in the rest (zeros as 0.5)."""
    a, b = (np.where(np.asarray(x, dtype=float) == 0, ZERO_COUNT, np.asarray(x, dtype=float)) for x in (a, b))
    c, d = (np.asarray(x, dtype=float) for x in (c, d))
    with np.errstate(divide="ignore", invalid="ignore"):  # an empty rest (one article) has no ratio
        return np.where((c > 0) & (d > 0), np.log2((a / c) / (b / d)), np.nan)


def keyness_table(counts: pd.DataFrame, min_freq: int = MIN_FREQ, threshold: float = G2_THRESHOLD) -> pd.DataFrame:
    """Every word of every article against the rest: ``file``, ``term``, ``form``, ``count``
    (in the article), ``rest_count``, ``article_words``, ``rest_words``, ``log_ratio``, ``g2``,
    ``key`` (passes the minimum frequency and the G² filter and is over-used), sorted by file
    then log ratio. Reads only the per-article counts."""
    sizes = counts.groupby("file")["article_words"].first()
    totals = counts.groupby("term")["count"].sum()
    forms = counts.sort_values("count", ascending=False).groupby("term")["form"].first()
    table = counts.copy()
    table["form"] = table["term"].map(forms)
    table["rest_count"] = table["term"].map(totals).to_numpy() - table["count"]
    table["rest_words"] = sizes.sum() - table["article_words"]
    args = (table["count"], table["rest_count"], table["article_words"], table["rest_words"])
    table["log_ratio"] = log_ratio(*args)
    table["g2"] = log_likelihood(*args)
    table["key"] = (table["count"] >= min_freq) & (table["log_ratio"] > 0) & (table["g2"] >= threshold)
    return table.sort_values(["file", "key", "log_ratio", "count"], ascending=[True, False, False, False],
                             ignore_index=True)


def key_terms(keyness: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The ``top`` key words of each article by log ratio (ties by count), key words only."""
    key = keyness[keyness["key"]]
    return key.groupby("file", sort=False).head(top).reset_index(drop=True)
