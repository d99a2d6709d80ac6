"""The phrase lexicon (``data/boilerplate_phrases.csv``): page furniture recognised by its wording.

Each row is a rule: a category (the reason the audit records), a word limit, and a regular
expression matched against the lower-cased line. The header of the CSV file documents the rows.

Searching every line with every regex is what made the cleaner slow: most rules are phrased for
notices of any length, so each long paragraph was scanned some thirty times. Instead, each
pattern's required substrings (``prefilter.py``) go into one Aho-Corasick automaton
(``pyahocorasick``), which finds all of them in one pass over the line; only the rules whose
substrings occur (and the few with none) then run their regex.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from ..paths import DATA_DIR
from .prefilter import required_substrings

PHRASES_FILE = DATA_DIR / "boilerplate_phrases.csv"


@dataclass(frozen=True, slots=True)
class PhraseRule:
    category: str
    max_words: int  # 0: any length
    pattern: re.Pattern
    # Substrings the pattern cannot match without (see prefilter.py); None: always search.
    required: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[PhraseRule, ...]
    # Required substring -> indices of the rules needing it: all rules, and (since most lines
    # are long paragraphs, where the short-line rules cannot apply) those for any length.
    automaton: ahocorasick.Automaton | None  # None: no rule has a required substring
    long_line_automaton: ahocorasick.Automaton | None
    longest_bounded: int  # the largest max_words: lines longer than this are "long"
    always: frozenset[int]  # rules with no required substring


@cache
def lexicon() -> Lexicon:
    """The lexicon's rules in file order, and the automaton over their required substrings."""
    rules = []
    with PHRASES_FILE.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            rules.append(PhraseRule(
                category=row["category"],
                max_words=int(row["max_words"]),
                pattern=re.compile(row["pattern"]),
                required=required_substrings(row["pattern"]),
            ))
    return Lexicon(
        rules=tuple(rules),
        automaton=_automaton(rules, range(len(rules))),
        long_line_automaton=_automaton(rules, [i for i, r in enumerate(rules) if r.max_words == 0]),
        longest_bounded=max(rule.max_words for rule in rules),
        always=frozenset(i for i, rule in enumerate(rules) if rule.required is None),
    )


def _automaton(rules: list[PhraseRule], indices) -> ahocorasick.Automaton | None:
    needed_by: dict[str, list[int]] = {}
    for index in indices:
        for substring in rules[index].required or ():
            needed_by.setdefault(substring, []).append(index)
    if not needed_by:
        return None  # pyahocorasick cannot search with an empty automaton
    automaton = ahocorasick.Automaton()
    for substring, needing in needed_by.items():
        automaton.add_word(substring, tuple(needing))
    automaton.make_automaton()
    return automaton


def lexicon_category(lowered: str, n_words: int) -> str | None:
    """The category of the first rule, in file order, that matches ``lowered`` (a lower-cased
    line of ``n_words`` words). Patterns are lower case and compiled without IGNORECASE, so the
    caller lower-cases the line once."""
    lex = lexicon()
    candidates = set(lex.always)
    automaton = lex.long_line_automaton if n_words > lex.longest_bounded else lex.automaton
    for _end, indices in automaton.iter(lowered) if automaton else ():
        candidates.update(indices)
    for index in sorted(candidates):
        rule = lex.rules[index]
        if (rule.max_words == 0 or n_words <= rule.max_words) and rule.pattern.search(lowered):
            return rule.category
    return None
