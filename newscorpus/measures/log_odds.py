"""Distinctive vocabulary: weighted log-odds ratios with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008), each article against the other articles pooled.

The per-article part only counts words (``word_counts``); the corpus step reads only those counts,
so it runs unchanged after a map over many articles. The prior is the pooled word distribution of
the whole corpus scaled to ``prior_strength`` pseudo-words: a strong prior pulls rare words
towards the corpus rate, so a word needs repeated use to stand out. The z-scores describe how far
apart the rates are given the counts; with five hand-picked articles they are not significance
tests.

A term is a token of the text layer (:mod:`newscorpus.layer.tokenize`): a word's key, or a
multi-word name found from the text ("Islamic State", "Hashd al-Shaabi", "Breaking the Walls") as
one term, so this chapter and the themes chapter's keyness count the same tokens. Acronyms keep
their capitals ("US" is not the stop word "us"), a possessive 's is dropped ("Daesh's" is
"daesh"), numbers and stop words are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..layer.tokenize import paragraph_tokens

PRIOR_STRENGTH = 1000.0

@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The word charts' stop list (``tokens.STOP_WORDS``): jusText's English stop-word list (the
    cleaner's too) and the book's own list of reporting words and words of talk
    (``data/themes/stopwords.txt``: *said*, *going*, *my*, *your*, *want*, *know*). Function words
    say more about sentence shape than about framing, so they are not counted at all, in this
    chapter's log-odds and in the themes chapter's keyness alike (both count ``word_counts``): a
    stop-like word is never kept off a list by a later rule, it is never on one."""
    from .tokens import STOP_WORDS

    return STOP_WORDS


def terms(paragraph: str) -> list[str]:
    """The paragraph's terms in order: the text layer's token keys."""
    return [t.key for t in paragraph_tokens(paragraph)]


def _counted(term: str, stops: frozenset[str]) -> bool:
    if term[0].isdigit():
        return False
    return term not in stops or (len(term) > 1 and term.isupper())


def word_counts(file: str, paragraphs: list[str]) -> dict:
    """``{"file": file, "counts": Counter}`` of terms (``terms``), numbers and stop words left out."""
    stops = stop_words()
    counts = Counter(t for p in paragraphs for t in terms(p) if _counted(t, stops))
    return {"file": file, "counts": counts}


def log_odds(target: Counter, rest: Counter, prior: dict[str, float], prior_strength: float) -> pd.DataFrame:
    """delta (log-odds ratio, target minus rest) and z for every word with a prior."""
    n_target, n_rest = sum(target.values()), sum(rest.values())
    rows = []
    for word, alpha in prior.items():
        y_t, y_r = target.get(word, 0), rest.get(word, 0)
        delta = (math.log((y_t + alpha) / (n_target + prior_strength - y_t - alpha))
                 - math.log((y_r + alpha) / (n_rest + prior_strength - y_r - alpha)))
        variance = 1 / (y_t + alpha) + 1 / (y_r + alpha)
        rows.append((word, y_t, delta, delta / math.sqrt(variance)))
    return pd.DataFrame(rows, columns=["word", "count", "delta", "z"])


def log_odds_table(per_article: list[dict], prior_strength: float = PRIOR_STRENGTH,
                   min_count: int = 3, top: int = 10, leave_out=None) -> pd.DataFrame:
    """The ``top`` words with the highest z for each article against the others pooled, among
    words the article uses at least ``min_count`` times. Columns: file, word, count, delta, z.
    ``leave_out(file, word)``, if given, drops words from the lists (not from the counts: every
    other word's score is the same with or without it), e.g. ``keyness.left_out`` of the text's
    outlet. A row that carries ``concentrated`` (an outlet's articles pooled by
    ``keyness.pooled_by_outlet``) has those words dropped from its list too: an outlet's word must
    be spread over its articles to be listed (``keyness.spread_over_articles``)."""
    pooled = Counter()
    for row in per_article:
        pooled.update(row["counts"])
    total = sum(pooled.values())
    prior = {w: prior_strength * c / total for w, c in pooled.items()}
    tables = []
    for row in per_article:
        rest = pooled.copy()
        rest.subtract(row["counts"])
        table = log_odds(row["counts"], +rest, prior, prior_strength)
        table = table[table["count"] >= min_count]
        if leave_out is not None and len(table):
            table = table[[not leave_out(row["file"], w) for w in table["word"]]]
        if row.get("concentrated") and len(table):
            table = table[~table["word"].isin(row["concentrated"])]
        table = table.nlargest(top, "z")
        tables.append(table.assign(file=row["file"]))
    columns = ["file", "word", "count", "delta", "z"]
    return pd.concat(tables, ignore_index=True)[columns] if tables else pd.DataFrame(columns=columns)
