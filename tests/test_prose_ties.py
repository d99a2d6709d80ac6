"""Ties at an end of a range read as English (#22, referee reading of the 923-article book: "X and 1
more (see the table) the fewest"): two tied articles are both named, more are counted in words with
their noun, a verb after them agrees, and a list inside brackets opens no second bracket."""

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.prose import agrees, small_number, tied_list
from newscorpus.report import framing_study as study


def bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_two_tied_items_are_both_named_never_one_and_one_more():
    assert tied_list(["A"]) == "A"
    assert tied_list(["A", "B"]) == "A and B"
    assert tied_list(["A", "B", "C"]) == "A and two other articles (see the table)"
    assert tied_list(["A", "B", "C"], bracketed=True) == "A and two other articles; see the table"
    assert tied_list([f"x{i}" for i in range(13)]) == "x0 and 12 other articles (see the table)"
    assert tied_list(["a", "b", "c", "d"], k=3) == "a, b, c and d"  # one more than k: named, not counted
    assert tied_list(["A", "B", "C"], noun="outlet") == "A and two other outlets (see the table)"
    assert tied_list(["A", "B", "C"], k=0) == tied_list(["A", "B", "C"], k=1)  # at least one is named
    assert tied_list([]) == ""


def test_counts_in_words_and_verbs_that_agree():
    assert small_number(1) == "one" and small_number(9) == "nine" and small_number(10) == "10"
    assert small_number(1204) == "1,204"
    assert agrees(1, "carries", "carry") == "carries" and agrees(2, "carries", "carry") == "carry"


FEWEST = dict(one="{name} carries {value}", equal="every article carries {value}",
              spread="{high_name} {high_verb} the most ({high}), {low_name} {low_verb} the fewest ({low})",
              verb=("carries", "carry"))


def test_the_referees_sentence_reads_with_a_verb_that_agrees():
    values = pd.Series({"a": 0, "b": 0, "c": 0, "d": 7})
    names = {"a": "Breitbart, 3 Nov 2016", "b": "HuffPost, 1 Oct 2016", "c": "Politico, 2 Oct 2016", "d": "USA Today, 4 Oct 2016"}
    text = study.spread_text(values, ",d", names=names, **FEWEST)
    assert text == ("USA Today, 4 Oct 2016 carries the most (7), Breitbart, 3 Nov 2016 and two other articles "
                    "(see the table) carry the fewest (0)")
    two = study.spread_text(values.drop("c"), ",d", names=names, **FEWEST)
    assert two == "USA Today, 4 Oct 2016 carries the most (7), Breitbart, 3 Nov 2016 and HuffPost, 1 Oct 2016 carry the fewest (0)"
    one = study.spread_text(values.drop(["b", "c"]), ",d", names=names, **FEWEST)
    assert one.endswith("Breitbart, 3 Nov 2016 carries the fewest (0)")


def test_a_tie_inside_brackets_opens_no_second_bracket():
    values = pd.Series({f"f{i}": 0.1 for i in range(5)} | {"top": 0.9})
    text = study.range_text(values, {}, ".0%", "the share")
    assert text == "The share runs from 10% (f0 and four other articles; see the table) to 90% (top)."
    spread = study.spread_text(values, ".0%", one="{value}", equal="{value}",
                               spread="The share ranges from {low} ({low_name}) to {high} ({high_name}).")
    assert bracket_depth(spread) == 1 and "four other articles; see the table" in spread


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=60))
def test_any_ties_read_as_english(counts):
    values = pd.Series(counts, index=[f"Outlet {i}, 1 Oct 2016" for i in range(len(counts))])
    text = study.spread_text(values, ",d", **FEWEST)
    assert not re.search(r"\b1 more\b|more \(see the table\) (?:the|carr)", text)
    assert bracket_depth(text) == 1 or text.startswith(("every", "Outlet 0, 1 Oct 2016 carries"))
    for end, lowest in (("most", False), ("fewest", True)):
        tied = len(study.tied_files(values, ",d", lowest)) if values.nunique() > 1 else 0
        if tied:
            verb = "carries" if tied == 1 else "carry"
            assert re.search(rf"\b{verb} the {end} \(", text), text
            # at most two names in a row; beyond that a count of the others, in words up to nine
            others = tied - 1
            if tied > 2:
                assert f"and {small_number(others)} other articles (see the table) {verb} the {end}" in text
    ranged = study.range_text(values.astype(float), {}, ",.0f", "the count")
    assert bracket_depth(ranged) <= 1 and "nan" not in ranged.lower()


@pytest.mark.parametrize("n", [1, 2, 3, 50])
def test_tied_names_counts_the_others(n):
    values = pd.Series(0.0, index=[f"f{k}" for k in range(n)])
    text = study.tied_names(values, {}, ".0%", lowest=True, k=1)
    assert len(re.findall(r"\bf\d", text)) == (n if n <= 2 else 1)
    assert ("other article" in text) == (n > 2)


def test_many_words_tied_for_most_distinctive_are_counted_not_dropped():
    from newscorpus.plots.themes import top_key_words

    articles = pd.DataFrame({"file": ["a.txt"], "outlet": ["Alpha"], "published": ["2014-06-01"],
                             "date_label": ["June 2014"], "date_precision": ["month"]})
    key_terms = pd.DataFrame({"file": ["a.txt"] * 6, "term": ["u", "v", "w", "x", "y", "z"],
                              "ci_low": [2.0] * 5 + [1.0]})
    assert top_key_words(key_terms, articles) == "u, v and three other words, tied (Alpha, June 2014)"
    three = key_terms.assign(ci_low=[2.0] * 3 + [1.0] * 3)
    assert top_key_words(three, articles) == "u, v and w, tied (Alpha, June 2014)"
