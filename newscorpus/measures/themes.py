"""Theme rates: how often each article uses the words of ACLED's conflict event types, per 1,000 words.

The dictionary is ``data/themes/theme_dictionary.csv``: the names of the event and sub-event types
of the ACLED codebook, not words picked from these articles (its header says where each term comes
from and how it matches).
Per article, one left-to-right pass over the theme tokeniser's keys: at each word the longest
dictionary term that starts there is counted, and its words are not counted again. The rate is
matches per 1,000 words, words counted as everywhere in the book (``newscorpus.text.word_count``).
Themes compare articles only through these rates, so the table is the map over articles.
"""

from __future__ import annotations

import csv
import io
import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from ..layer.names import CONNECTORS
from ..layer.tokenize import paragraph_tokens
from ..layer.words import paragraphs_word_count, word_key, words as layer_words
from .tokens import THEMES_DATA, keys, plain_words

def read_dictionary() -> pd.DataFrame:
    """The theme dictionary: ``theme``, ``term``, ``note``, in file order."""
    text = (THEMES_DATA / "theme_dictionary.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pd.DataFrame(list(csv.DictReader(io.StringIO(body))), columns=["theme", "term", "note"]).fillna("")


DICTIONARY = read_dictionary()


def dictionary_check() -> pd.DataFrame:
    """The dictionary's check on news texts it was not written from (``dictionary_check.csv``, its
    header says how the sample was drawn): one judged match per row, ``sample``, ``theme``,
    ``term``, ``in_sense`` (1 when the word names its category's kind of event), ``other_sense``."""
    text = (THEMES_DATA / "dictionary_check.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    table = pd.read_csv(io.StringIO(body), keep_default_na=False)
    return table.astype({"in_sense": int})
THEMES = list(dict.fromkeys(DICTIONARY["theme"]))
THEME_LABELS = {
    "battles": "Battles",
    "remote_violence": "Explosions and remote violence",
    "civilians": "Violence against civilians",
    "demonstrations": "Protests and riots",
    "strategic": "Strategic developments",
}


def term_words(term: str) -> tuple[str, ...]:
    """A term as the keys it must match: its words' keys in the text layer ("IED" keeps its
    capitals, "air strikes" is two keys, "hit-and-run" one)."""
    return tuple(word_key(term[s:e], kind) for s, e, kind in layer_words(term))


class TermMatcher:
    """Dictionary terms matched as the chapter describes (see the dictionary's header): exact
    words or phrases by their keys, a final * for any ending, the longest match first.
    Built once per dictionary; ``match`` is one pass over an article's keys."""

    def __init__(self, entries: list[tuple[str, str]]):  # (label, term) pairs
        self.exact = {term_words(t): (label, t) for label, t in entries if not t.endswith("*")}
        self.prefixes = {t[:-1]: (label, t) for label, t in entries if t.endswith("*")}
        alternatives = "|".join(re.escape(p) for p in sorted(self.prefixes, key=len, reverse=True))
        self.prefix = re.compile(alternatives) if alternatives else None
        self.longest = max((len(w) for w in self.exact), default=1)
        # Only these words can start a match of two or more words, so at every other word only
        # the one-word match is looked up, and that depends on the word alone: kept per word.
        self.phrase_starts = frozenset(w[0] for w in self.exact if len(w) > 1)
        self._one_word: dict[str, tuple[str, str] | None] = {}

    def _match_one(self, word: str) -> tuple[str, str] | None:
        """The term one word matches by itself: an exact term, else (lower-case words only) a prefix."""
        hit = self.exact.get((word,))
        if hit is None and self.prefix is not None and word.islower():
            prefix = self.prefix.match(word)
            hit = self.prefixes[prefix.group()] if prefix else None
        return hit

    def match(self, words: list[str]) -> list[tuple[int, int, str, str]]:
        """Every match in a list of keys: ``(start, length, label, term)``; a word counts once."""
        found = []
        one_word = self._one_word
        i, total = 0, len(words)
        while i < total:
            word = words[i]
            n = 1
            hit = None
            if word in self.phrase_starts:  # the longest phrase first
                for n in range(min(self.longest, total - i), 1, -1):
                    hit = self.exact.get(tuple(words[i:i + n]))
                    if hit:
                        break
                else:
                    n = 1
            if not hit:
                if word not in one_word:
                    if len(one_word) >= 200_000:
                        one_word.clear()
                    one_word[word] = self._match_one(word)
                hit = one_word[word]
            if hit:
                found.append((i, n, *hit))
            i += n if hit else 1
        return found


THEME_MATCHER = TermMatcher(list(zip(DICTIONARY["theme"], DICTIONARY["term"])))


def match_terms(words: list[str]) -> list[tuple[int, int, str, str]]:
    """Theme dictionary matches in a list of keys: ``(start, length, theme, term)``."""
    return THEME_MATCHER.match(words)


def _may_be_in_name(form: str) -> bool:
    """Whether a word can be part of a name (``layer.names.name_runs``): a name's words are
    capitalised ("Mosul"), hyphenated ("al-Sham"), a capital initial, or its connectors ("of",
    "al", "and")."""
    return form[:1].isupper() or "-" in form or form in CONNECTORS or form == "and"


@lru_cache(maxsize=1)
def _term_words():
    """An Aho–Corasick automaton of every theme term's words and prefixes in small letters."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in {w.lower() for words in THEME_MATCHER.exact for w in words} | {p.lower() for p in THEME_MATCHER.prefixes}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_NO_TERM = " "  # a key no theme term matches (no term's word, not in small letters)


def _may_match(paragraph: str) -> bool:
    """Whether a token of the paragraph can be a theme term's word. A key keeps the letters its
    word is written with up to its first character that is no letter (a stop is dropped, an
    apostrophe, "-" or "'s" ends the run), some lower-cased; the terms' words and prefixes are
    letters only; so a key that is one, or starts with a prefix, has it in the paragraph written in
    small letters without its stops. (A speed goal: most paragraphs hold none.)"""
    for _ in _term_words().iter(paragraph.lower().replace(".", "")):
        return True
    return False


def matched_terms(paragraphs: list[str]) -> list[tuple[str, str]]:
    """``(theme, term)`` of every theme dictionary match in the article's keys, in order:
    ``[(th, t) for _, _, th, t in match_terms(keys(paragraphs))]``,
    read without the name finder wherever that provably changes nothing (a speed goal).

    The tokens are the words with some runs of words joined into names (``tokens.plain_words``),
    and a name's key matches no theme term (it has a space and a capital; the terms are words, and
    a prefix matches only a word in small letters; not so a dispersion matcher). A match
    needs every word it covers to be a term's word, so where no word a match covers could be in a
    name, greedy longest-first matching finds the same matches over the words as over the tokens:
    it walks through a name's words one at a time finding nothing, as it steps over the name, and
    no match starting before a name reaches into it in either sequence (the longest one over the
    words would cover a name's word). So matching runs over the words of each paragraph that has
    them; a paragraph where a match covers a word that could be in a name (``_may_be_in_name``:
    "Suicide bombers" at a sentence's head, "IED") is read as tokens, and the article matched again.
    A paragraph none of whose tokens can be a term's word (``_may_match``) is one key that matches
    nothing: matching depends only on the runs of words that can be, so it finds the same.
    ``tests/test_word_shortcuts.py`` checks this against the tokens on varied texts."""
    matcher = THEME_MATCHER
    parts: list = []  # per paragraph: its keys, and its words (None: read as tokens)
    for p in paragraphs:
        if not _may_match(p):
            parts.append(([_NO_TERM], None, p))
            continue
        found = plain_words(p)
        if found is None:
            parts.append(([t.key for t in paragraph_tokens(p)], None, p))
            continue
        parts.append(([word_key(p[start:end], kind) for start, end, kind in found], found, p))
    while True:
        words, offsets = [], []
        for ks, _, _ in parts:
            offsets.append(len(words))
            words.extend(ks)
        found_matches = matcher.match(words)
        redo = set()
        for start, n, _, _ in found_matches:
            for i in range(start, start + n):
                k = bisect_right(offsets, i) - 1
                _, spans, p = parts[k]
                if spans is not None:
                    s, e, _ = spans[i - offsets[k]]
                    if _may_be_in_name(p[s:e]):
                        redo.add(k)
        if not redo:
            return [(label, term) for _, _, label, term in found_matches]
        for k in redo:
            p = parts[k][2]
            parts[k] = ([t.key for t in paragraph_tokens(p)], None, p)


# The terms of the dispersion plot for the original five: where in each text the story's key
# words fall. Another corpus gets its own (``dispersion_terms``).
DISPERSION_TERMS = {
    "Mosul": ["mosul"],
    "Raqqa": ["raqqa"],
    "caliphate": ["caliphate"],
    "sleeper or dormant cells": ["sleeper cells", "dormant cells", "sleeping cells"],
    "border": ["border*"],
}
DISPERSION_MATCHER = TermMatcher([(label, t) for label, terms in DISPERSION_TERMS.items() for t in terms])
DISPERSION_FILE = "dispersion_words.txt"  # in the corpus folder: the reader's own words
MAX_DISPERSION_TERMS = 8


def article_positions(file: str, paragraphs: list[str], matcher: TermMatcher | None = None) -> list[dict]:
    """Evidence rows for the dispersion plot: ``file``, ``term``, ``position`` (0 at the first
    word of the article, 1 after the last), one row per occurrence of ``matcher``'s terms (by
    default ``DISPERSION_TERMS``)."""
    words = keys(paragraphs)
    matcher = DISPERSION_MATCHER if matcher is None else matcher
    return [{"file": file, "term": label, "position": start / len(words)}
            for start, _, label, _ in matcher.match(words)]


def positions_table(cleaned: pd.DataFrame, terms: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Occurrences of the dispersion terms (``{label: [term, ...]}``, by default
    ``DISPERSION_TERMS``) in every article."""
    matcher = None if terms is None else dispersion_matcher(terms)
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_positions(f, p, matcher)]
    return pd.DataFrame(rows, columns=["file", "term", "position"])


def dispersion_matcher(terms: dict[str, list[str]]) -> TermMatcher:
    """A matcher for ``{label: [term, ...]}``, with the theme dictionary's rules; a term that is
    one token key as the tokeniser writes it (a name such as "Islamic State", chosen from the
    keyness table) also matches that key."""
    entries = [(label, t) for label, ts in terms.items() for t in ts]
    matcher = TermMatcher(entries)
    for label, t in entries:
        if not t.endswith("*"):
            matcher.exact.setdefault((t,), (label, t))
    return matcher


def read_dispersion_words(path) -> dict[str, list[str]]:
    """The reader's dispersion words (``dispersion_words.txt`` in the corpus folder): one entry
    per line, at most ``MAX_DISPERSION_TERMS``; spellings of one entry separated by ``|`` (the
    first names the panel); a final ``*`` matches any ending; ``#`` starts a comment. Raises
    ``ValueError`` with a one-line message for a file with no entry or too many."""
    from pathlib import Path

    entries: dict[str, list[str]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        spellings = [s.strip() for s in line.split("|") if s.strip()]
        if not spellings or not any(term_words(s.rstrip("*")) for s in spellings):
            raise ValueError(f"{path}: line {number} has no word to look for: {line!r}")
        entries.setdefault(spellings[0].rstrip("*"), []).extend(spellings)
    if not entries:
        raise ValueError(f"{path}: no word to look for (one word or phrase per line)")
    if len(entries) > MAX_DISPERSION_TERMS:
        raise ValueError(f"{path}: {len(entries)} entries; the dispersion plot shows at most {MAX_DISPERSION_TERMS}")
    return entries


MIN_DISPERSION_TEXTS = 2  # a distinctive word for the dispersion plot is used in at least this many texts


def distinctive_terms(keyness: pd.DataFrame, k: int = 5, forms: dict[str, str] | None = None,
                      min_texts: int = MIN_DISPERSION_TEXTS,
                      counted: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """The corpus's most distinctive words, for a dispersion plot that is about this corpus: among
    the words that are key somewhere (``keyness.keyness_table``, already without what the lists
    leave out), not stop-like (``tokens.STOP_WORDS``) and used in at least ``min_texts`` of the
    table's texts (articles, or outlets: counted over ``counted``, the keyness table before any
    list filter, when given, so a word one other text uses once still counts as used there), the
    ``k`` with the highest lower bound of the log ratio,
    at most one per text while texts remain (then the next strongest), ties by the word.
    ``{label: [word]}``, the label the word as usually written (``forms``, from
    ``keyness.display_forms``); empty if no word qualifies."""
    from .tokens import STOP_WORDS

    if keyness.empty:
        return {}
    every = keyness if counted is None else counted
    used_in = every[every["count"] > 0].groupby("term")["file"].nunique()
    key = keyness[keyness["key"].astype(bool)]
    key = key[[t.casefold() not in STOP_WORDS and used_in.get(t, 0) >= min_texts for t in key["term"]]]
    if key.empty:
        return {}
    ranked = key.sort_values(["ci_low", "term"], ascending=[False, True])
    first = ranked.drop_duplicates("file")  # each text's strongest word, the strongest texts first
    chosen: list[str] = []
    for term in list(first["term"]) + list(ranked["term"]):
        if term not in chosen:
            chosen.append(term)
        if len(chosen) == k:
            break
    forms = forms or {}
    return {forms.get(t, t): [t] for t in chosen}


def dispersion_terms(keyness: pd.DataFrame, original: bool, corpus_dir=None,
                     forms: dict[str, str] | None = None,
                     counted: pd.DataFrame | None = None) -> tuple[dict[str, list[str]], str]:
    """The dispersion plot's words and where they come from: the reader's file
    (``DISPERSION_FILE`` in the corpus folder) if there is one; else, for the original five,
    ``DISPERSION_TERMS``; else the corpus's most distinctive words (``distinctive_terms``).
    Returns ``(terms, source)``, ``source`` one of ``"file"``, ``"original"``, ``"keyness"``."""
    from ..paths import find_seeds_dir

    path = find_seeds_dir(corpus_dir) / DISPERSION_FILE
    if path.is_file():
        return read_dispersion_words(path), "file"
    if original:
        return dict(DISPERSION_TERMS), "original"
    return distinctive_terms(keyness, forms=forms, counted=counted), "keyness"


def article_themes(file: str, paragraphs: list[str], exclude: frozenset = frozenset()) -> dict:
    """One row of the themes table: ``file``, ``words``, then each theme's count and rate per
    1,000 words (``<theme>_n``, ``<theme>``). Matches of the ``(theme, term)`` pairs in
    ``exclude`` are not counted (``single_text_terms``). Pure: a cluster can map it over articles."""
    counts = Counter(theme for theme, term in matched_terms(paragraphs) if (theme, term) not in exclude)
    total = paragraphs_word_count(paragraphs)  # = word_count("\n\n".join(paragraphs)), from cached words
    row: dict = {"file": file, "words": total}
    for theme in THEMES:
        row[f"{theme}_n"] = counts[theme]
    for theme in THEMES:
        row[theme] = 1000 * counts[theme] / total if total else 0.0
    return row


def article_theme_terms(file: str, paragraphs: list[str]) -> list[dict]:
    """Evidence: which dictionary terms matched in an article, and how often."""
    counts = Counter(matched_terms(paragraphs))
    return [{"file": file, "theme": theme, "term": term, "count": n} for (theme, term), n in sorted(counts.items())]


N_BOOT = 2000
CONFIDENCE = 0.95
SEED = 20140610  # fixed: the same text always gives the same interval
ZERO_COUNT_UPPER = -math.log((1 - CONFIDENCE) / 2)  # exact Poisson upper bound for 0 events: 3.69


def rate_intervals(file: str, paragraphs: list[str], n_boot: int = N_BOOT,
                   exclude: frozenset = frozenset()) -> list[dict]:
    """Each theme's rate with a 95% interval from resampling the article's paragraphs (a
    paragraph-block bootstrap: theme words come in clusters, so resampling single words would
    claim too much precision). Rows: ``file``, ``theme``, ``rate``, ``low``, ``high``.
    ``exclude``: ``(theme, term)`` pairs left uncounted, as in ``article_themes``."""
    per_paragraph = [article_themes(file, [p], exclude) for p in paragraphs]
    counts = np.array([[row[f"{t}_n"] for t in THEMES] for row in per_paragraph], dtype=float)
    words = np.array([row["words"] for row in per_paragraph], dtype=float)
    rng = np.random.default_rng(SEED)
    picks = rng.integers(0, len(paragraphs), size=(n_boot, len(paragraphs)))
    rates = 1000 * counts[picks].sum(axis=1) / words[picks].sum(axis=1)[:, None]
    tail = 100 * (1 - CONFIDENCE) / 2
    low, high = np.percentile(rates, [tail, 100 - tail], axis=0)
    point = article_themes(file, paragraphs, exclude)
    # No match at all gives every resample a rate of 0, an interval of zero width that would
    # claim certainty; the exact Poisson upper bound for a count of 0 says how high the rate could
    # be in a text of this length.
    unseen = counts.sum(axis=0) == 0
    if point["words"]:
        high = np.where(unseen, 1000 * ZERO_COUNT_UPPER / point["words"], high)
    return [{"file": file, "theme": t, "rate": point[t], "low": low[i], "high": high[i]} for i, t in enumerate(THEMES)]


def rate_intervals_table(cleaned: pd.DataFrame, exclude: frozenset = frozenset()) -> pd.DataFrame:
    """``rate_intervals`` for every article, long: one row per article and theme."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"])
            for r in rate_intervals(f, p, exclude=exclude)]
    return pd.DataFrame(rows, columns=["file", "theme", "rate", "low", "high"])


def wholly_above(low: float, others_high: float) -> bool:
    """Whether an article's interval, starting at ``low``, lies wholly above the others' whose
    highest bound is ``others_high``: only then does the chapter call the difference clear
    (touching counts as overlapping; NaN, no others, is never above)."""
    return float(low) > float(others_high)


def leading_article(intervals: pd.DataFrame, theme: str) -> dict:
    """The article with the highest rate of ``theme`` (ties: first file) and how it stands
    against the rest, for prose that must not claim more than the intervals show: ``file``,
    ``rate``, ``low``, ``high``, ``others_high`` (the top of the other articles' intervals; NaN
    when there is no other article) and ``clear`` (its interval lies wholly above all of theirs;
    False when there is none to compare with)."""
    rows = intervals[intervals["theme"] == theme].sort_values(["rate", "file"], ascending=[False, True])
    lead, rest = rows.iloc[0], rows.iloc[1:]
    others_high = float(rest["high"].max()) if len(rest) else float("nan")
    return {"file": lead["file"], "rate": float(lead["rate"]), "low": float(lead["low"]), "high": float(lead["high"]),
            "others_high": others_high, "clear": bool(len(rest)) and wholly_above(lead["low"], others_high)}


def against_the_others(lead: dict) -> str:
    """How a ``leading_article`` stands against the rest, as a clause for prose: "wholly above
    every other article's interval (the highest of theirs reaches 6.8)", "overlapping the other
    articles' intervals (...)", or,
    for a corpus of one article, that there is nothing to compare it with."""
    if math.isnan(lead["others_high"]):
        return "with no other article to compare it with"
    if lead["clear"]:
        return f"wholly above every other article's interval (the highest of theirs reaches {lead['others_high']:.1f})"
    return f"overlapping the other articles' intervals (the highest of theirs reaches {lead['others_high']:.1f})"


def themes_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``file``, ``words``, counts and rates per 1,000 words per theme."""
    return pd.DataFrame([article_themes(f, p) for f, p in zip(cleaned["file"], cleaned["paragraphs"])])


def theme_rates(cleaned: pd.DataFrame) -> pd.DataFrame:
    """What ``themes.csv`` holds: ``file`` and one rate per theme."""
    return themes_table(cleaned)[["file", *THEMES]]


def theme_terms_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Matched terms per article: ``file``, ``theme``, ``term``, ``count``."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_theme_terms(f, p)]
    return pd.DataFrame(rows, columns=["file", "theme", "term", "count"])


# A change between articles is reported only if it does not rest on words one text alone uses: a
# term found in a single article measures that article's vocabulary, not a theme it shares with
# the others (the old dictionary's "insurgency" rise was built from such words).
def single_text_terms(terms: pd.DataFrame) -> frozenset:
    """The ``(theme, term)`` pairs of ``theme_terms_table`` matched in exactly one article. In a
    corpus of one article every matched term is one: a single text supports no comparison."""
    found_in = terms[terms["count"] > 0].groupby(["theme", "term"])["file"].nunique()
    return frozenset(found_in[found_in == 1].index)


def shared_term_intervals(cleaned: pd.DataFrame, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """``rate_intervals_table`` counting only terms matched in two articles or more."""
    terms = theme_terms_table(cleaned) if terms is None else terms
    return rate_intervals_table(cleaned, exclude=single_text_terms(terms))


def wholly_apart(intervals: pd.DataFrame, theme: str, higher: list[str], lower: list[str]) -> bool:
    """Whether every interval of the ``higher`` articles lies wholly above every interval of the
    ``lower`` ones for ``theme`` (``wholly_above``); False when either group is empty."""
    rows = intervals[intervals["theme"] == theme].set_index("file")
    if not higher or not lower:
        return False
    return wholly_above(rows.loc[higher, "low"].min(), rows.loc[lower, "high"].max())


def difference_survives(intervals: pd.DataFrame, shared: pd.DataFrame, theme: str,
                        higher: list[str], lower: list[str]) -> bool:
    """The rule for prose: a difference is reported only when the intervals stand apart both with
    every term (``intervals``) and with the terms found in one text left out (``shared``)."""
    return wholly_apart(intervals, theme, higher, lower) and wholly_apart(shared, theme, higher, lower)


def period_changes(intervals: pd.DataFrame, shared: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per theme, the articles of the first year against those of the last: ``theme``,
    ``first_year``, ``last_year``, ``first_high`` and ``last_low`` (the bounds that must clear),
    ``rise`` and ``fall`` (the last year's intervals wholly above, or below, the first's, with all
    terms), and ``reported`` (the change also holds without the terms found in one text:
    ``difference_survives``). Empty when the corpus spans a single year."""
    years = articles.set_index("file")["published"].map(lambda p: p.year)
    first, last = years.min(), years.max()
    early, late = list(years[years == first].index), list(years[years == last].index)
    rows = []
    if first != last:
        for theme in THEMES:
            rise = wholly_apart(intervals, theme, late, early)
            fall = wholly_apart(intervals, theme, early, late)
            reported = (difference_survives(intervals, shared, theme, late, early)
                        or difference_survives(intervals, shared, theme, early, late))
            cells = intervals[intervals["theme"] == theme].set_index("file")
            rows.append({"theme": theme, "first_year": int(first), "last_year": int(last),
                         "first_high": float(cells.loc[early, "high"].max()),
                         "last_low": float(cells.loc[late, "low"].min()),
                         "rise": rise, "fall": fall, "reported": reported})
    return pd.DataFrame(rows, columns=["theme", "first_year", "last_year", "first_high", "last_low",
                                       "rise", "fall", "reported"])


def same_period_differences(intervals: pd.DataFrame, shared: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Pairs of articles of the same year whose rates of a theme stand apart (``difference_survives``):
    the gap that a story told by dates cannot explain. ``theme``, ``year``, ``higher``, ``lower``.
    Compared all pairs at once per year and theme (a year of 900 articles has 800,000 pairs)."""
    years = articles.set_index("file")["published"].map(lambda p: p.year)
    bounds = {name: table.pivot(index="file", columns="theme", values=["low", "high"])
              for name, table in (("all", intervals), ("shared", shared))}
    rows = []
    for year, files in years.groupby(years):
        names = sorted(files.index)
        for theme in THEMES:
            apart = np.ones((len(names), len(names)), dtype=bool)
            for table in bounds.values():
                low = table[("low", theme)].reindex(names).to_numpy(dtype=float)
                high = table[("high", theme)].reindex(names).to_numpy(dtype=float)
                apart &= low[:, None] > high[None, :]  # NaN compares False: never apart
            np.fill_diagonal(apart, False)
            for i, j in zip(*np.nonzero(apart)):
                rows.append({"theme": theme, "year": int(year), "higher": names[i], "lower": names[j]})
    return pd.DataFrame(rows, columns=["theme", "year", "higher", "lower"])


def theme_drivers(terms: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """What drives each rate: per article and theme, the ``top`` matched terms with their counts,
    a term found in one article only marked with a dagger ("suicide 3†"). Columns ``file``,
    ``theme``, ``terms`` (text), ``count`` (all matches), ``single_text`` (matches of one-text
    terms)."""
    alone = single_text_terms(terms)
    rows = []
    for (file, theme), group in terms.groupby(["file", "theme"], sort=False):
        ranked = group.sort_values(["count", "term"], ascending=[False, True])
        marked = [f"{t.rstrip('*')} {n}" + ("†" if (theme, t) in alone else "")
                  for t, n in zip(ranked["term"], ranked["count"])]
        rest = len(marked) - top
        text = ", ".join(marked[:top]) + (f" (+{rest} more)" if rest > 0 else "")
        single = int(sum(n for t, n in zip(group["term"], group["count"]) if (theme, t) in alone))
        rows.append({"file": file, "theme": theme, "terms": text, "count": int(group["count"].sum()),
                     "single_text": single})
    return pd.DataFrame(rows, columns=["file", "theme", "terms", "count", "single_text"])


CONFLICT_RATE = 3.0  # per 1,000 words: an article reporting conflict events uses one event word in about 330


MIN_CONFLICT_MATCHES = 2  # a theme counts toward CONFLICT_RATE in a text only on this many matches there


def conflict_share(rates: pd.DataFrame) -> dict:
    """How much of the corpus the dictionary speaks to, from ``themes.themes_table`` (a row per
    article, a rate per theme and, as ``<theme>_n``, its matches) or ``themes.theme_rates`` (rates
    only): ``rate`` (the median article's matches of all themes per 1,000 words), ``articles``
    (texts at ``CONFLICT_RATE`` or more; when the matches are given, counting only the themes
    matched at least ``MIN_CONFLICT_MATCHES`` times in the text: a short text's lone *regain* or
    *protest* is not reporting of conflict), ``n`` (texts), ``conflict`` (True when at least half
    the texts reach it)."""
    present = [t for t in THEMES if t in rates]
    per_article = rates[present].sum(axis=1).fillna(0.0)
    reached = int(conflict_reached(rates).sum())
    return {"rate": float(per_article.median()) if len(per_article) else 0.0, "articles": reached,
            "n": len(rates), "conflict": len(rates) > 0 and reached * 2 >= len(rates)}


def conflict_reached(rates: pd.DataFrame) -> pd.Series:
    """Per text (``rates``' index): whether it reaches ``CONFLICT_RATE``, by ``conflict_share``'s
    rule (with the matches given, only themes matched at least ``MIN_CONFLICT_MATCHES`` times)."""
    present = [t for t in THEMES if t in rates]
    per_article = rates[present].sum(axis=1).fillna(0.0)
    if all(f"{t}_n" in rates for t in present):
        repeated = sum(rates[t].fillna(0.0).where(rates[f"{t}_n"] >= MIN_CONFLICT_MATCHES, 0.0) for t in present)
        return pd.Series(repeated, index=rates.index) >= CONFLICT_RATE if present else per_article > 0
    return per_article >= CONFLICT_RATE


def match_context(paragraphs: list[str], theme: str, width: int = 6) -> str:
    """The words around the first match of ``theme`` in an article, as written ("… to regain
    wartime operational control …"), to show beside a rate that rests on one match; "" if none."""
    from .tokens import tokens

    for paragraph in paragraphs:
        found = tokens(paragraph)
        for start, n, label, _ in match_terms([t.key for t in found]):
            if label == theme:
                words = [t.form for t in found[max(0, start - width):start + n + width]]
                before = "… " if start > width else ""
                after = " …" if start + n + width < len(found) else ""
                return before + " ".join(words) + after
    return ""
