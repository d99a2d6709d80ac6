"""Keyness: G² and log ratio against values worked by hand, the filters, and the corpus step
reading only per-article counts."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import keyness
from newscorpus.measures.tokens import NAMES


def test_log_likelihood_and_log_ratio_match_a_hand_calculation():
    # 10 of 1,000 words in the article, 5 of 4,000 in the rest. Expected: E1 = 1000*15/5000 = 3,
    # E2 = 4000*15/5000 = 12; G2 = 2*(10 ln(10/3) + 5 ln(5/12)) = 2*(12.039728 - 4.377344) = 15.324769;
    # log ratio = log2((10/1000) / (5/4000)) = log2(8) = 3.
    assert keyness.log_likelihood(10, 5, 1000, 4000) == pytest.approx(15.324769, abs=1e-6)
    assert keyness.log_ratio(10, 5, 1000, 4000) == pytest.approx(3.0)


def test_zero_in_the_rest_counts_as_half_and_no_rest_gives_no_ratio():
    assert keyness.log_ratio(3, 0, 1000, 1000) == pytest.approx(math.log2(3 / 0.5))
    assert keyness.log_likelihood(0, 0, 100, 100) == 0
    assert math.isnan(keyness.log_ratio(3, 0, 1000, 0))


def toy_counts():
    rows = [("a", "mosul", 12, 1000), ("a", "plan", 2, 1000), ("a", "iraq", 10, 1000),
            ("b", "mosul", 1, 2000), ("b", "iraq", 20, 2000), ("b", "raqqa", 6, 2000)]
    return pd.DataFrame(rows, columns=["file", "term", "count", "article_words"]).assign(form=lambda t: t["term"])


def test_corpus_step_uses_counts_only_and_applies_the_filters():
    table = keyness.keyness_table(toy_counts()).set_index(["file", "term"])
    mosul = table.loc[("a", "mosul")]
    assert (mosul["count"], mosul["rest_count"], mosul["rest_words"]) == (12, 1, 2000)
    assert mosul["g2"] == pytest.approx(keyness.log_likelihood(12, 1, 1000, 2000))
    assert bool(mosul["key"])
    assert not table.loc[("a", "plan"), "key"]  # under the minimum frequency
    assert not table.loc[("a", "iraq"), "key"]  # same relative frequency as the rest: G2 = 0
    assert table.loc[("a", "iraq"), "g2"] == pytest.approx(0.0, abs=1e-9)
    assert not table.loc[("b", "mosul"), "key"]  # under-used, not key
    assert bool(table.loc[("b", "raqqa"), "key"]) == (keyness.log_likelihood(6, 0, 2000, 1000) >= keyness.G2_THRESHOLD)


@pytest.fixture(scope="module")
def seed_keyness():
    cleaned = clean_corpus(newscorpus.load())
    return cleaned, keyness.keyness_table(keyness.term_counts_table(cleaned))


def test_every_key_word_shows_its_raw_counts_and_passes_the_filters(seed_keyness):
    _, table = seed_keyness
    top = keyness.key_terms(table)
    assert len(top) and set(top["file"]) == set(table["file"])
    assert (top["count"] >= keyness.MIN_FREQ).all() and (top["g2"] >= keyness.G2_THRESHOLD).all()
    assert (top["log_ratio"] > 0).all()
    recomputed = keyness.log_ratio(top["count"], top["rest_count"], top["article_words"], top["rest_words"])
    assert list(recomputed) == pytest.approx(list(top["log_ratio"]))


def test_plain_word_counts_agree_with_a_regex_count_of_the_text(seed_keyness):
    cleaned, table = seed_keyness
    names = re.compile("|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True)),
                       flags=re.IGNORECASE)
    texts = {f: names.sub("NAME", t) for f, t in zip(cleaned["file"], cleaned["clean_text"])}  # names count whole
    plain = table[table["term"].str.fullmatch(r"[a-z]+") & table["key"]]
    assert len(plain) > 10
    for row in plain.itertuples():
        # a lower-case word that is not part of an "al-" name or a listed multi-word name
        pattern = rf"(?<![\w'’])(?<!al-){row.term}(?:['’]s)?(?!\w)(?!['’]\w)"
        assert len(re.findall(pattern, texts[row.file], flags=re.IGNORECASE)) == row.count, row.term


def test_the_prose_names_every_word_tied_for_most_distinctive():
    from newscorpus.plots.themes import top_key_words

    articles = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["Alpha", "Beta"],
                             "published": ["2014-06-01", "2016-10-01"], "date_label": ["June 2014", "October 2016"],
                             "date_precision": ["month", "month"]})
    key_terms = pd.DataFrame({"file": ["a.txt", "a.txt", "a.txt", "b.txt", "b.txt"],
                              "form": ["walls", "former", "plan", "jihadists", "russia"],
                              "log_ratio": [5.1, 5.1, 4.0, 6.0, 5.0]})
    assert top_key_words(key_terms, articles) == "walls and former, tied (Alpha, June 2014); jihadists (Beta, October 2016)"
