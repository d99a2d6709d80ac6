"""Distinctive vocabulary: weighted log-odds ratios with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008), each article against the other articles pooled.

The per-article part only counts words (``word_counts``); the corpus step reads only those counts,
so it runs unchanged after a map over many articles. The prior is the pooled word distribution of
the whole corpus scaled to ``prior_strength`` pseudo-words: a strong prior pulls rare words
towards the corpus rate, so a word needs repeated use to stand out. The z-scores describe how far
apart the rates are given the counts; with five hand-picked articles they are not significance
tests.

A term is a word or a multi-word name: a run of capitalised words ("Islamic State", "Hashd
al-Shaabi", "Deir ez-Zour", "Ministry of Defense") counts as one term, since its parts mean
nothing apart ("state" alone is a stop word). It is a heuristic: a sentence's capitalised first
word joins the name after it ("despite the iraqi ministry of defense"), usually a one-off term
that the minimum count leaves out. A lower-case part joins a name only behind a name particle
("al-", "ez-", "bin-": ``NAME_PARTICLES``), so "pro-Iranian" stays a word. Acronyms keep their
capitals ("US" is not the stop word "us") and stand alone ("US Foreign Policy" is "US" and
"foreign policy"), and a possessive 's is dropped ("Daesh's" is "daesh").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import justext
import pandas as pd

from .quotes import WORD

PRIOR_STRENGTH = 1000.0

# The lower-case particles that open a part of a name ("al-Shaabi", "ez-Zour", "bin-Laden"): the
# Arabic article in its assimilated spellings, and the kinship words. Only these, so that prefixes
# ("pro-Iranian", "non-Iraqi", "ex-Baathist") do not turn an ordinary word into a name.
NAME_PARTICLES = ("al", "el", "ul", "il", "ad", "ed", "adh", "ar", "as", "ash", "at", "ath", "az", "ez", "an", "en",
                  "bin", "ibn", "bint", "abu", "abd", "bani", "banu")
NAME_PART = re.compile(rf"(?:(?:{'|'.join(NAME_PARTICLES)})-)?[A-Z]")  # "Mosul", "al-Shaabi", "ez-Zour"
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
NAME_JOINERS = {"of", "the"}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """jusText's English stop-word list (the cleaner's too): function words say more about
    sentence shape than about framing, so they are left out of the comparison."""
    return frozenset(w.lower() for w in justext.get_stoplist("English"))


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _leads_with_acronym(word: str) -> bool:
    """"US", and compounds led by an acronym: "US-backed", "UN-run"."""
    return _is_acronym(re.split(r"['’\-]", word, maxsplit=1)[0])


def terms(paragraph: str) -> list[str]:
    """The paragraph's terms in order: lower-cased words, acronyms as written, and each name (a
    run of capitalised words, ``_name_end``) as one term. A capitalised stop word ("The", "In")
    does not start a name: it is only capitalised because it opens a sentence. An acronym, or a
    compound led by one ("US-backed"), is a term of its own and does not start a name: in "US
    Foreign Policy" it is a modifier, and "US" keeps its capitals."""
    stops = stop_words()
    words = [(POSSESSIVE.sub("", m.group(0)), m.start(), m.end()) for m in WORD.finditer(paragraph)]
    found, i = [], 0
    while i < len(words):
        word = words[i][0]
        if _leads_with_acronym(word):
            found.append(word)
            i += 1
        elif NAME_PART.match(word) and word.lower() not in stops:
            end = _name_end(paragraph, words, i)
            found.append(_name(words[i:end]))
            i = end
        else:
            found.append(word.lower())
            i += 1
    return found


def _next_to(paragraph: str, first: tuple, second: tuple) -> bool:
    """``second`` follows ``first`` after one space, and ``first`` is not a possessive
    ("Iraq's Sunnis" is two terms)."""
    return paragraph[first[2]:second[1]] == " " and not POSSESSIVE.search(paragraph[first[1]:first[2]])


def _name_end(paragraph: str, words: list[tuple], start: int) -> int:
    """Index after the last word of the name that starts at ``start``: capitalised words one space
    apart, with at most one "of" or "the" between two of them ("Ministry of Defense", "Breaking
    the Walls")."""
    end = start + 1
    while end < len(words):
        if NAME_PART.match(words[end][0]) and _next_to(paragraph, words[end - 1], words[end]):
            end += 1
        elif (words[end][0] in NAME_JOINERS and end + 1 < len(words) and NAME_PART.match(words[end + 1][0])
              and _next_to(paragraph, words[end - 1], words[end]) and _next_to(paragraph, words[end], words[end + 1])):
            end += 2
        else:
            break
    return end


def _name(words: list[tuple]) -> str:
    return " ".join(w for w, _, _ in words).lower()


def word_counts(file: str, paragraphs: list[str]) -> dict:
    """``{"file": file, "counts": Counter}`` of terms (``terms``), numbers and stop words left out."""
    stops = stop_words()
    counts = Counter(t for p in paragraphs for t in terms(p)
                     if not t[0].isdigit() and (_leads_with_acronym(t) or t not in stops))
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
                   min_count: int = 3, top: int = 10) -> pd.DataFrame:
    """The ``top`` words with the highest z for each article against the others pooled, among
    words the article uses at least ``min_count`` times. Columns: file, word, count, delta, z."""
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
        table = table[table["count"] >= min_count].nlargest(top, "z")
        tables.append(table.assign(file=row["file"]))
    columns = ["file", "word", "count", "delta", "z"]
    return pd.concat(tables, ignore_index=True)[columns] if tables else pd.DataFrame(columns=columns)
