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


def test_the_interval_matches_a_hand_calculation():
    # 16 of 1,000 against 4 of 1,000: log2(4) = 2; standard error of the log rate ratio
    # sqrt(1/16 + 1/4) = 0.559017; half-width 1.959964 * 0.559017 / ln 2 = 1.580693.
    low, high = keyness.log_ratio_interval(16, 4, 1000, 1000)
    assert (low, high) == (pytest.approx(2 - 1.580693, abs=1e-5), pytest.approx(2 + 1.580693, abs=1e-5))
    low, _ = keyness.log_ratio_interval(4, 0, 1000, 1000)  # zero as 0.5: sqrt(1/4 + 2) = 1.5
    assert low == pytest.approx(math.log2(8) - 1.959964 * 1.5 / math.log(2), abs=1e-5)


def toy_counts():
    rows = [("a", "mosul", 12), ("a", "plan", 2), ("a", "iraq", 10), ("a", "filler", 976),
            ("b", "mosul", 1), ("b", "iraq", 20), ("b", "raqqa", 6), ("b", "filler", 1973)]
    return pd.DataFrame(rows, columns=["file", "term", "count"])


def test_corpus_step_uses_counts_only_and_applies_the_filters():
    table = keyness.keyness_table(toy_counts()).set_index(["file", "term"])
    mosul = table.loc[("a", "mosul")]
    assert (mosul["count"], mosul["rest_count"], mosul["article_words"], mosul["rest_words"]) == (12, 1, 1000, 2000)
    assert mosul["g2"] == pytest.approx(keyness.log_likelihood(12, 1, 1000, 2000))
    assert bool(mosul["key"]) and mosul["ci_low"] > 0
    assert not table.loc[("a", "plan"), "key"]  # under the minimum frequency
    assert not table.loc[("a", "iraq"), "key"]  # same relative frequency as the rest: G2 = 0
    assert table.loc[("a", "iraq"), "g2"] == pytest.approx(0.0, abs=1e-9)
    assert not table.loc[("b", "mosul"), "key"]  # under-used, not key
    raqqa = table.loc[("b", "raqqa")]
    assert bool(raqqa["key"]) == (raqqa["ci_low"] > 0 and raqqa["g2"] >= keyness.G2_THRESHOLD)
    shuffled = keyness.keyness_table(toy_counts().sample(frac=1, random_state=3))
    pd.testing.assert_frame_equal(shuffled, keyness.keyness_table(toy_counts()))  # a function of the counts alone


def test_a_frequent_word_outranks_the_rare_words_that_used_to_tie_at_the_top():
    """The review's case: Rawabet's "organization" (32 against 8) was missing behind every word
    seen four times there and never elsewhere."""
    rows = [("r", "organization", 32), ("r", "dormant", 4), ("r", "noted", 4), ("r", "filler", 500),
            ("o", "organization", 8), ("o", "filler", 1400)]
    table = keyness.key_terms(keyness.keyness_table(pd.DataFrame(rows, columns=["file", "term", "count"])))
    ranked = table[table["file"] == "r"]["term"].tolist()
    assert ranked[0] == "organization"
    old = keyness.log_ratio(4, 0, 540, 1408) > keyness.log_ratio(32, 8, 540, 1408)  # the old ranking's tie
    assert old


@pytest.fixture(scope="module")
def seed_keyness():
    from newscorpus.measures import log_odds

    cleaned = clean_corpus(newscorpus.load())
    per_article = [log_odds.word_counts(f, p) for f, p in zip(cleaned["file"], cleaned["paragraphs"])]
    return cleaned, per_article, keyness.keyness_table(keyness.count_table(per_article))


def test_keyness_and_log_odds_read_the_same_keys(seed_keyness):
    from newscorpus.measures import log_odds

    _, per_article, table = seed_keyness
    for row in per_article:
        assert set(table[table["file"] == row["file"]]["term"]) == set(+row["counts"])
    lists = log_odds.log_odds_table(per_article)
    assert set(lists["word"]) <= set(table["term"])


def test_every_key_word_shows_its_raw_counts_and_passes_the_filters(seed_keyness):
    _, _, table = seed_keyness
    top = keyness.key_terms(table)
    assert len(top) and set(top["file"]) == set(table["file"])
    assert (top["count"] >= keyness.MIN_FREQ).all() and (top["g2"] >= keyness.G2_THRESHOLD).all()
    assert (top["ci_low"] > 0).all() and top.groupby("file")["ci_low"].apply(lambda s: s.is_monotonic_decreasing).all()
    recomputed = keyness.log_ratio(top["count"], top["rest_count"], top["article_words"], top["rest_words"])
    assert list(recomputed) == pytest.approx(list(top["log_ratio"]))


def test_plain_word_counts_agree_with_a_regex_count_of_the_text(seed_keyness):
    cleaned, _, table = seed_keyness
    texts = dict(zip(cleaned["file"], cleaned["clean_text"]))
    # words never written with a capital in their article: no name rule can touch them
    plain = [row for row in table[table["term"].str.fullmatch(r"[a-z]+") & table["key"]].itertuples()
             if not re.search(rf"\b{row.term.capitalize()}\b", texts[row.file])]
    assert len(plain) > 10
    for row in plain:
        pattern = rf"(?<![\w'’-]){row.term}(?:['’]s)?(?![\w-])(?!['’]\w)"
        assert len(re.findall(pattern, texts[row.file])) == row.count, row.term


def test_the_prose_names_every_word_tied_for_most_distinctive():
    from newscorpus.plots.themes import top_key_words

    articles = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["Alpha", "Beta"],
                             "published": ["2014-06-01", "2016-10-01"], "date_label": ["June 2014", "October 2016"],
                             "date_precision": ["month", "month"]})
    key_terms = pd.DataFrame({"file": ["a.txt", "a.txt", "a.txt", "b.txt", "b.txt"],
                              "term": ["walls", "former", "plan", "jihadists", "russia"],
                              "ci_low": [1.4, 1.4, 1.0, 1.8, 1.1]})
    assert top_key_words(key_terms, articles) == "walls and former, tied (Alpha, June 2014); jihadists (Beta, October 2016)"


def test_the_two_lists_stand_side_by_side_with_shared_words_marked():
    from newscorpus.plots.themes import shared_top_words, side_by_side

    articles = pd.DataFrame({"file": ["a.txt"], "outlet": ["Alpha"], "published": ["2014-06-01"],
                             "date_label": ["June 2014"], "date_precision": ["month"]})
    ours = pd.DataFrame({"file": ["a.txt"] * 2, "term": ["plan", "walls"], "count": [6, 4], "ci_low": [2.1, 1.3]})
    theirs = pd.DataFrame({"file": ["a.txt"] * 3, "word": ["walls", "ISIS", "ramadan"], "count": [4, 25, 3],
                           "z": [2.6, 2.5, 1.9]})
    table = side_by_side(ours, theirs, articles)
    assert len(table) == 3 and table.iloc[0, 2] == "plan (6, 2.10)" and table.iloc[1, 2] == "walls* (4, 1.30)"
    assert table.iloc[0, 3] == "walls* (4, 2.60)" and table.iloc[2, 2] == ""
    assert shared_top_words(ours, theirs) == (1, 2)


def test_words_are_shown_as_usually_written_and_counted_by_key():
    from newscorpus.measures import keyness

    counts = pd.DataFrame([("a", "daesh", "Daesh", 19), ("b", "daesh", "Daesh", 1), ("a", "plan", "plan", 6),
                           ("b", "russia", "Russia", 4), ("a", "russia", "russia", 1)],
                          columns=["file", "term", "form", "count"])
    forms = keyness.display_forms(counts)
    assert forms == {"daesh": "Daesh", "plan": "plan", "russia": "Russia"}
    key = pd.DataFrame({"file": ["a", "a", "b"], "term": ["daesh", "walls", "russia"], "ci_low": [2.0, 1.0, 1.5]})
    shown = keyness.as_written(key, forms)
    assert shown["term"].tolist() == ["Daesh", "walls", "Russia"] and key["term"].tolist()[0] == "daesh"
    assert keyness.display_forms(counts.iloc[0:0]) == {}


def test_the_side_by_side_table_has_no_index_column():
    from newscorpus.plots.themes import side_by_side_table

    articles = pd.DataFrame({"file": ["a.txt"], "outlet": ["Alpha"], "published": ["2014-06-01"],
                             "date_label": ["June 2014"], "date_precision": ["month"]})
    ours = pd.DataFrame({"file": ["a.txt"], "term": ["Daesh"], "count": [6], "ci_low": [2.1]})
    theirs = pd.DataFrame({"file": ["a.txt"], "word": ["Daesh"], "count": [6], "z": [2.6]})
    html = side_by_side_table(ours, theirs, articles).to_html()
    assert "Daesh* (6, 2.10)" in html and "row_heading" not in html


# --- what the lists leave out: an outlet's own name and courtesy titles (#22 problem 3) -------------

@pytest.mark.parametrize("term, outlet", [
    ("POLITICO", "Politico"), ("politico", "Politico"), ("POLITICO New York", "Politico"),
    ("TODAY", "USA Today"), ("USA", "USA Today"), ("Washington Post", "The Washington Post"),
    ("Breitbart News", "Breitbart"), ("huffpost", "HuffPost"), ("Huffington Post", "HuffPost"),
    ("Western Journalism", "Western Journalism"), ("Al-Monitor", "Al-Monitor")])
def test_an_outlets_own_name_is_left_out_of_its_lists(term, outlet):
    assert keyness.own_name(term, outlet) and keyness.left_out(term, outlet)


@pytest.mark.parametrize("term, outlet", [
    ("today", "USA Today"), ("usa", "USA Today"), ("washington", "The Washington Post"),
    ("New York", "The New York Times"), ("POLITICO", "Breitbart"), ("Huffington Post", "Breitbart"),
    ("daesh", "Al-Ahed News"), ("HP", "The Washington Post"), ("post", "The Washington Post")])
def test_ordinary_words_and_other_outlets_names_stay_listed(term, outlet):
    # a lower-case word of a name is an ordinary word; another outlet named is content
    assert not keyness.left_out(term, outlet)


def test_courtesy_titles_are_left_out_for_any_outlet():
    assert all(keyness.left_out(t, o) for t in ("mr", "mrs", "ms", "Mr.") for o in ("The New York Times", "Alpha"))
    assert not keyness.left_out("mrsa", "Alpha")


def test_left_out_terms_leave_every_other_score_unchanged():
    rows = [("p", "POLITICO", 30), ("p", "ethanol", 12), ("p", "filler", 958),
            ("n", "mr", 40), ("n", "coal", 15), ("n", "ethanol", 1), ("n", "filler", 944)]
    table = keyness.keyness_table(pd.DataFrame(rows, columns=["file", "term", "count"]))
    outlet_of = {"p": "Politico", "n": "The New York Times"}
    kept = keyness.without_left_out(table, outlet_of)
    assert set(table["term"]) - set(kept["term"]) == {"POLITICO", "mr"}
    pd.testing.assert_frame_equal(kept, table[~table["term"].isin(["POLITICO", "mr"])].reset_index(drop=True))
    dropped = keyness.left_out_key_terms(table, outlet_of)
    assert sorted(dropped["term"]) == ["POLITICO", "mr"]  # both were key before they were left out
    text = keyness.left_out_text(dropped, forms={"mr": "Mr"})
    assert "POLITICO (p)" in text and "Mr (n)" in text


def test_log_odds_lists_leave_out_without_changing_other_scores():
    from collections import Counter

    from newscorpus.measures import log_odds

    rows = [{"file": "Politico", "counts": Counter({"POLITICO": 30, "ethanol": 12, "filler": 958})},
            {"file": "The New York Times", "counts": Counter({"mr": 40, "coal": 15, "ethanol": 1, "filler": 944})}]
    full = log_odds.log_odds_table(rows, min_count=3)
    kept = log_odds.log_odds_table(rows, min_count=3, leave_out=lambda f, w: keyness.left_out(w, f))
    assert {"POLITICO", "mr"} <= set(full["word"]) and not {"POLITICO", "mr"} & set(kept["word"])
    pd.testing.assert_frame_equal(kept, full[~full["word"].isin(["POLITICO", "mr"])].reset_index(drop=True))


def test_the_original_five_lists_lose_nothing(seed_keyness):
    # none of the original five's key words is an outlet's own name or a courtesy title
    cleaned, _, table = seed_keyness
    outlet_of = dict(zip(newscorpus.load()["file"], newscorpus.load()["outlet"]))
    assert keyness.left_out_key_terms(table, outlet_of).empty


def test_a_final_possessive_is_dropped_from_the_form_shown_as_from_the_key():
    """The chapter says a final 's is dropped: the labels too ("Clinton", not "Clinton's")."""
    from newscorpus.measures import keyness, tokens

    counts, forms, _ = tokens.content_counts(["Hillary Clinton's aides met Adelson’s people. Adelson's money."])
    assert forms["adelson"] == "Adelson" and counts["adelson"] == 2
    assert not any(f.endswith("'s") for f in forms.values())
    table = pd.DataFrame([("a", "clinton", "Clinton's", 3), ("b", "clinton", "Clinton", 1)],
                         columns=["file", "term", "form", "count"])
    assert keyness.display_forms(table) == {"clinton": "Clinton"}


def test_words_of_the_telling_are_kept_off_the_lists_but_not_names_or_subjects():
    from newscorpus.measures import keyness

    for term in ("says", "said", "i'm", "I’m", "you're", "c"):
        assert keyness.left_out(term, "Alpha"), term
    for term in ("sayings", "crimea", "im", "isis", "IS", "mosul", "cia"):
        assert not keyness.left_out(term, "Alpha"), term


def _spread_corpus():
    """Two outlets of three articles: A's *grayson* is 30 uses in one article (and 2 + 1 in the
    others), A's *tariff* 4 + 4 + 4; B never uses either."""
    rows = [
        {"file": "a1", "counts": {"grayson": 30, "tariff": 4, "vote": 20}},
        {"file": "a2", "counts": {"grayson": 2, "tariff": 4, "vote": 20}},
        {"file": "a3", "counts": {"grayson": 1, "tariff": 4, "vote": 20}},
        {"file": "b1", "counts": {"vote": 40, "rain": 1}},
        {"file": "b2", "counts": {"vote": 40, "rain": 1}},
        {"file": "b3", "counts": {"vote": 40}},
    ]
    articles = pd.DataFrame({"file": [r["file"] for r in rows], "outlet": ["A"] * 3 + ["B"] * 3})
    return rows, articles


def test_an_outlets_word_must_be_spread_over_its_articles_to_be_listed():
    rows, articles = _spread_corpus()
    pooled = keyness.pooled_by_outlet(rows, articles)
    table = keyness.keyness_table(keyness.count_table(pooled))
    by = table.set_index(["file", "term"])
    # both pass the statistical filters; only the word one article holds is off the list
    assert by.loc[("A", "grayson"), "key"] and by.loc[("A", "tariff"), "key"]
    assert by.loc[("A", "grayson"), "concentrated"] and not by.loc[("A", "tariff"), "concentrated"]
    assert by.loc[("B", "rain"), "concentrated"] == False  # noqa: E712  two articles, one use each: spread
    listed = keyness.without_left_out(table, {"A": "A", "B": "B"})
    assert ("A", "tariff") in set(zip(listed["file"], listed["term"]))
    assert ("A", "grayson") not in set(zip(listed["file"], listed["term"]))
    dropped = keyness.left_out_key_terms(table, {"A": "A", "B": "B"})
    assert list(zip(dropped["file"], dropped["term"])) == [("A", "grayson")]
    sentence = keyness.left_out_text(dropped)
    assert f"fewer than {keyness.MIN_SPREAD_ARTICLES}" in sentence and "grayson (A)" in sentence
    plain = pd.DataFrame(columns=["file", "term"])
    assert "fewer than" not in keyness.left_out_text(plain)  # articles compared: no spread rule
    assert "four kinds" in keyness.left_out_text(plain, outlets=True)
    assert keyness.concentrated_pairs(pooled) == {("A", "grayson")}


def test_the_spread_rule_leaves_every_score_unchanged():
    rows, articles = _spread_corpus()
    pooled = keyness.pooled_by_outlet(rows, articles)
    with_rule = keyness.keyness_table(keyness.count_table(pooled))
    plain = keyness.keyness_table(keyness.count_table([{"file": r["file"], "counts": r["counts"]} for r in pooled]))
    assert "concentrated" not in plain.columns
    pd.testing.assert_frame_equal(with_rule[keyness.COLUMNS], plain)


def test_the_spread_thresholds():
    assert not keyness.spread_over_articles(1, top=5, total=5)  # one article
    assert not keyness.spread_over_articles(3, top=30, total=33)  # one article holds most
    assert keyness.spread_over_articles(2, top=2, total=4)  # exactly half is allowed


def test_the_log_odds_lists_apply_the_same_spread_rule():
    from newscorpus.measures import log_odds

    rows, articles = _spread_corpus()
    pooled = keyness.pooled_by_outlet(rows, articles)
    with_rule = log_odds.log_odds_table(pooled, min_count=1, top=50)
    plain = log_odds.log_odds_table([{"file": r["file"], "counts": r["counts"]} for r in pooled], min_count=1, top=50)
    listed = set(zip(with_rule["file"], with_rule["word"]))
    assert ("A", "grayson") in set(zip(plain["file"], plain["word"])) and ("A", "grayson") not in listed
    kept = plain[[(f, w) != ("A", "grayson") for f, w in zip(plain["file"], plain["word"])]].reset_index(drop=True)
    pd.testing.assert_frame_equal(with_rule.reset_index(drop=True), kept)  # every other score unchanged


# --- referee round 2, F9: credits, sign-offs and house style are not distinctive words -----------------

def test_a_sign_off_an_outlet_repeats_is_not_counted_but_its_story_is():
    sign_off = "Follow Pam Key on Twitter @pamkeyNEN."
    articles = pd.DataFrame({"file": [f"b{i}" for i in range(3)] + ["w0", "w1"],
                             "outlet": ["Breitbart"] * 3 + ["Other"] * 2})
    cleaned = pd.DataFrame({"file": list(articles["file"]), "paragraphs": [
        ["Senator Cruz spoke about the border wall in Iowa tonight.", sign_off],
        ["Cruz answered questions about taxes at the rally.", sign_off],
        ["The border was the subject of the debate.", sign_off],
        ["Pam Key wrote a column about markets and taxes this week.", "Photo: Scott Olson via Getty Images."],
        ["Markets fell (Reporting by Amanda Becker; Editing by Eric Beech.)", "Contributing: Ledyard King."]]})
    counted = keyness.credit_free(cleaned, articles)
    text = " ".join(p for ps in counted["paragraphs"] for p in ps)
    for gone in ("pamkeyNEN", "Follow", "Getty", "Editing", "Becker", "Contributing", "Ledyard"):
        assert gone not in text
    # the story's own words stay, and a paragraph repeated by another outlet's one article is kept
    for kept in ("Cruz", "border", "taxes", "Pam Key wrote a column", "Markets fell", "Scott Olson"):
        assert kept in text
    dropped, changed = keyness.credits_left_out(cleaned, counted)
    assert (dropped, changed) == (4, 5)  # three sign-offs and the contributors' line whole; every article changed
    said = keyness.credits_text(dropped, changed, len(articles))
    assert f"in {keyness.MIN_ARTICLES_FOR_REPEAT} or more of its articles" in said and "changes 5 of the 5 articles" in said
    assert keyness.credits_text(0, 0, 5).endswith("no article of this corpus has one.")


def test_a_sign_off_in_two_articles_only_is_not_a_repeated_paragraph():
    articles = pd.DataFrame({"file": ["a", "b"], "outlet": ["X", "X"]})
    cleaned = pd.DataFrame({"file": ["a", "b"], "paragraphs": [["Read more about the vote in Ohio today."]] * 2})
    assert keyness.credit_free(cleaned, articles)["paragraphs"].tolist() == cleaned["paragraphs"].tolist()


def test_courtesy_titles_party_labels_and_talk_are_left_out_of_the_lists_and_the_bars():
    for term in ("mr", "Mrs", "R-Texas", "i-vt", "Maryland Gov", "going", "think", "our"):
        assert keyness.left_out(term, "Some Outlet"), term
    for term in ("Iran", "I-95", "d-day", "governor", "Thinker", "US", "IS"):
        assert not keyness.left_out(term, "Some Outlet"), term
    counts = pd.DataFrame({"file": ["a"] * 4, "term": ["mr", "think", "trump", "tax"], "form": ["Mr", "think", "Trump", "tax"],
                           "count": [50, 40, 30, 20], "article_words": 500})
    bars = keyness.without_left_out(counts, {"a": "The New York Times"})
    assert bars["term"].tolist() == ["trump", "tax"]


def test_party_labels_hat_tips_and_agency_names_are_not_subjects():
    # referee round 3, N4: "(R-Tex.)" and "(Tex.)" left "Tex" among an outlet's key words, a hat tip
    # credited TheBlaze, and the dispersion picker chose the agency acronym "AP"
    assert keyness.without_credits_text("Sen. Ted Cruz (R-Tex.) and Rep. Mike McCaul (Tex.) met Schumer (D-N.Y.)") \
        .split() == ["Sen.", "Ted", "Cruz", "and", "Rep.", "Mike", "McCaul", "met", "Schumer"]
    assert keyness.without_credits_text("h/t TheBlaze.") == ""
    assert keyness.without_credits_text("The clashes in (Iraq) went on (R)") == "The clashes in (Iraq) went on (R)"
    assert [keyness.agency_name(t) for t in ("AP", "ap", "Associated Press", "reuters", "Trump")] == \
        [True, False, True, True, False]
    table = pd.DataFrame({"file": ["a", "b", "c"], "term": ["AP", "Tuesday", "Reuters"]})
    assert keyness.without_agency_names(table)["term"].tolist() == ["Tuesday"]


def test_verbs_of_saying_from_the_report_verb_list_are_stop_words():
    """Referee 4, item 7: every form of the report-verb list's verbs of saying that can only be a
    verb is on the shared stop list (so neither log-odds nor keyness counts it); a form that is
    also a noun stays countable."""
    from newscorpus.measures import log_odds, tokens
    from newscorpus.measures.lexicons import read_csv

    saying = {r["lemma"] for r in read_csv("framing", "report_verbs.csv") if r["class"] in tokens.SAYING_CLASSES}
    assert {"remark", "admit", "state"} <= saying  # the referee's words come from the book's own list
    for word in ("remarked", "remarking", "admits", "stated", "said", "told", "insisted"):
        assert word in tokens.STOP_WORDS and word in log_odds.stop_words()
    for noun in ("claims", "reports", "talks", "remarks"):
        assert noun not in tokens.STOP_WORDS
    paragraphs = ["Rubio remarked that the senator admits nothing, she stated, remarking on the claims."] * 3
    counts = log_odds.word_counts("x", paragraphs)["counts"]
    assert not {"remarked", "remarking", "admits", "stated"} & set(counts)
    assert counts["claims"] == 3 and counts["senator"] == 3


def test_an_abbreviated_title_is_house_style():
    """Referee 4, item 7: "Florida Sen. Marco Rubio" no longer gives the name "Florida Sen"; the
    title left alone ("Sen") is kept off the lists as a house style, like the joined form was."""
    from newscorpus.measures.keyness import house_style

    assert house_style("sen") and house_style("Gov") and house_style("Florida Sen") and house_style("R-Texas")
    assert not house_style("senate") and not house_style("general") and not house_style("Florida")


def test_an_abbreviation_with_stops_is_shown_as_counted():
    """Referee 4, item 10: the themes chapter says "U.S." is one word, written US; the lists show
    that one form, from the text layer's own key, though the articles write U.S. more often."""
    from newscorpus.layer.tokenize import paragraph_tokens
    from newscorpus.measures import keyness

    key = [t.key for t in paragraph_tokens("The U.S. said so.") if t.form.startswith("U")][0]
    counts = pd.DataFrame([("a", key, "U.S.", 12), ("b", key, "US", 2), ("a", "russia", "Russia", 4)],
                          columns=["file", "term", "form", "count"])
    assert keyness.display_forms(counts) == {"US": "US", "russia": "Russia"}
