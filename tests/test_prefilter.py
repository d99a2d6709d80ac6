"""The lexicon's shortcut must never change an answer: a line ruled out by its required
substrings is a line the regex would not have matched."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newscorpus.cleaning.evaluation import load_marked
from newscorpus.cleaning.phrases import lexicon, lexicon_category
from newscorpus.cleaning.prefilter import required_substrings

from conftest import REPO, SEEDS

RULES = lexicon().rules
# derandomize: the same strings on every run; database=None: nothing written into the repo.
FUZZ = settings(derandomize=True, database=None, max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def every_line() -> list[str]:
    """The seeds' and the held-out documents' lines, lower-cased as the cleaner reads them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [load_marked(p).text for p in sorted((REPO / "newscorpus/data/evaluation/heldout").glob("*.txt"))]
    return [" ".join(line.split()).lower() for text in texts for line in text.splitlines() if line.strip()]


def category_by_full_search(lowered: str, n_words: int) -> str | None:
    """What lexicon_category must answer: every rule's regex tried in file order."""
    for rule in RULES:
        if (rule.max_words == 0 or n_words <= rule.max_words) and rule.pattern.search(lowered):
            return rule.category
    return None


@pytest.mark.parametrize("pattern, expected", [
    (r"(web)?site", {"site", "website"}),
    (r"continue reading (this|the) story", {"continue reading this story", "continue reading the story"}),
    (r"^\d+ comments?$", {" comment", " comments"}),
    (r"\bunlimited (digital )?access\b", {"unlimited access", "unlimited digital access"}),
    (r"[$£] a week", {"$ a week", "£ a week"}),
    (r"subscribe.*\b(full|digital) access", {"full access", "digital access"}),
])
def test_required_substrings_of_simple_patterns(pattern, expected):
    assert required_substrings(pattern) == expected


@pytest.mark.parametrize("pattern", [r".*", r"\w+ \d+", r"(?i)cookies", r"(?i:cookies) policy x", r"a|\w"])
def test_no_requirement_is_claimed_where_none_can_be_proved(pattern):
    required = required_substrings(pattern)
    # (?i:cookies) policy x may still require " policy x"; it must never require "cookies".
    assert required is None or all("cookies" not in s and s for s in required)


def test_lexicon_answers_as_a_full_search_does_on_every_seed_and_heldout_line():
    lines = every_line()
    assert len(lines) > 300
    found = 0
    for lowered in lines:
        n_words = len(lowered.split())
        expected = category_by_full_search(lowered, n_words)
        assert lexicon_category(lowered, n_words) == expected, lowered
        found += expected is not None
    assert found > 50  # the comparison covered many matching lines, not only misses


@pytest.mark.parametrize("rule", RULES, ids=[f"{i}-{r.category}" for i, r in enumerate(RULES)])
@given(data=st.data())
@FUZZ
def test_every_string_a_rule_matches_contains_one_of_its_required_substrings(rule, data):
    """Hypothesis writes strings that match the rule's regex, with text around them."""
    if rule.required is None:
        return
    matched = data.draw(st.from_regex(rule.pattern, alphabet=st.characters(codec="utf-8")))
    assert any(s in matched for s in rule.required), (rule.pattern.pattern, matched)
    assert lexicon_category(matched, rule.max_words or len(matched.split())) is not None
