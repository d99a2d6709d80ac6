"""Referee round 2 on the readability chapter: tables, rankings and sentences that must agree
with what they sit beside (items A1, A2, B3, R6, R7 and F2 of the report)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.measures import readability as rd
from newscorpus.plots import readability as charts



def overview_of(files: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"file": files, "outlet": [f"Outlet {i % 7}" for i in range(len(files))],
                         "date_label": [f"{i % 28 + 1} May 2016" for i in range(len(files))]})


def test_longest_table_of_an_archive_shows_the_longest_sentences_first_not_a_sample(in_a_book):
    """A1: the table's top row must be the longest sentence the prose names; no "first row before
    second" wording for a table with one row per article."""
    rng = np.random.default_rng(3)
    files = [f"a{i:04d}.txt" for i in range(3000)]
    words = rng.integers(5, 150, len(files))
    longest = pd.DataFrame({"file": files, "words": words,
                            "text": [f"Sentence of article {i} " + "word " * int(n) for i, n in enumerate(words)]})
    html = charts.longest_table(longest, overview_of(files)).data
    import html as html_module
    caption = html_module.unescape(re.search(r'newscorpus-table-caption[^>]*>([^<]*)<', html).group(1))
    assert caption.startswith("Each article's longest sentence, longest first (the first ")
    assert "taken in turn" not in caption and "first row before" not in caption
    shown = sorted({int(n) for n in re.findall(r"Sentence of article (\d+) ", html.split("Download")[0])})
    assert len(shown) == int(re.search(r"the first (\d+) of", caption).group(1))
    top = sorted(range(len(files)), key=lambda i: -words[i])[:len(shown)]
    assert sorted(words[shown].tolist(), reverse=True) == sorted(words[top].tolist(), reverse=True)
    assert int(words.max()) in words[shown]


# --- A2 / F2: a minimum length before an article is ranked -----------------------------------------

def scores_of(words: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame({"file": list(words), "words": list(words.values())})


def test_texts_under_the_minimum_are_left_out_of_rankings_and_counted():
    scores = scores_of({"teaser.txt": 34, "long.txt": 800, "stub.txt": 12, "mid.txt": 100})
    left_out = rd.unranked_files(scores, {})
    assert list(left_out) == ["stub.txt", "teaser.txt"]  # shortest first; 100 words is enough
    assert left_out["teaser.txt"] == "34 words"
    names = {f: f.split(".")[0].title() for f in scores["file"]}
    note = rd.unranked_note(scores, {}, left_out, names)
    assert note.startswith(f"2 of the 4 texts are under {rd.MIN_RANKED_WORDS} words (the shortest first: Stub, 12 words "
                           "and Teaser, 34 words)")
    many = scores_of({f"s{i}.txt": 10 + i for i in range(6)})
    assert "(the shortest first: S0, 10 words; S1, 11 words; S2, 12 words; and 3 more (see the counts table))" in \
        rd.unranked_note(many, {}, rd.unranked_files(pd.concat([many, scores_of({"long.txt": 500})]), {}), {f: f.split(".")[0].upper() for f in many["file"]})
    assert "in no ranking or comparison" in note
    assert list(rd.ranked(scores, left_out)["file"]) == ["long.txt", "mid.txt"]


def test_a_page_without_breaks_keeps_its_reason_and_is_not_counted_twice():
    scores = scores_of({"broken.txt": 50, "ok.txt": 500, "short.txt": 20})
    left_out = rd.unranked_files(scores, {"broken.txt": "one paragraph of 2,000 words"})
    assert left_out == {"broken.txt": "one paragraph of 2,000 words", "short.txt": "20 words"}
    note = rd.unranked_note(scores, {"broken.txt": "one paragraph of 2,000 words"}, left_out, {})
    assert "no usable paragraph or sentence breaks" in note and "1 of the 3 texts is under 100 words" in note


def test_when_every_text_is_short_all_are_ranked_and_the_page_says_so():
    scores = scores_of({"a.txt": 40, "b.txt": 60})
    assert rd.unranked_files(scores, {}) == {}
    assert "Every text here is under 100 words" in rd.unranked_note(scores, {}, {}, {})
    one = scores_of({"a.txt": 40})
    assert rd.unranked_files(one, {}) == {}
    assert rd.unranked_note(one, {}, {}, {}).startswith("The text is under 100 words (40 words)")
    # short texts beside a page without breaks: leaving both out would leave nothing
    mixed = scores_of({"a.txt": 40, "broken.txt": 900})
    assert rd.unranked_files(mixed, {"broken.txt": "no breaks"}) == {"broken.txt": "no breaks"}
    assert rd.unranked_files(scores_of({"long.txt": 500}), {}) == {}
    assert rd.unranked_note(scores_of({"long.txt": 500}), {}, {}, {}) == ""


def test_mtld_range_is_taken_over_texts_long_enough_for_mtld():
    diversity = pd.DataFrame({"file": ["a", "b", "c", "d"], "tokens": [12, 34, 300, 900], "mtld": [38.0, 370.2, 80.4, 120.6]})
    said = rd.mtld_sentence(diversity)
    assert said == ("Over the 2 texts of at least 100 words (2 shorter texts, where MTLD is unstable, are in the table "
                    "but not in this range), MTLD runs from 80 to 121 words per stretch. These are descriptions of 4 "
                    "texts, not estimates with intervals")
    assert "38" not in said and "370" not in said
    assert rd.mtld_sentence(diversity[diversity["tokens"] > 100]).startswith("MTLD runs from 80 to 121")
    assert rd.mtld_sentence(diversity[diversity["tokens"] < 100]).startswith("Every text has fewer than 100 words")
    assert "unstable" in rd.mtld_sentence(diversity.iloc[[0]])


def test_score_panels_name_their_unit_on_the_x_axis():
    files = [f"f{i}.txt" for i in range(3)]
    scores = pd.DataFrame({"file": files, "smog_reliable": [True] * 3})
    for name in ("kincaid_grade", "reading_ease"):
        scores[name] = [8.0, 10.0, 12.0]
        scores[f"{name}_low"], scores[f"{name}_high"] = scores[name] - 1, scores[name] + 1
        scores[f"{name}_block_low"], scores[f"{name}_block_high"] = scores[name] - 2, scores[name] + 2
    fig = charts.score_intervals(scores, overview_of(files), formulas=["kincaid_grade", "reading_ease"])
    assert [ax.get_xlabel() for ax in fig.axes[:2]] == ["grade", "points"]


def test_chart_rows_say_what_the_hardest_and_easiest_are_drawn_from():
    scores = pd.DataFrame({"file": [f"f{i}" for i in range(50)], "kincaid_grade": np.arange(50.0)})
    shown, note = charts.chart_rows(scores, "kincaid_grade", 10, pool="articles of at least 100 words")
    assert len(shown) == 10 and note.startswith("The 5 hardest and the 5 easiest of 50 articles of at least 100 words")


# --- B3: articles per outlet --------------------------------------------------------------------

def test_articles_per_outlet_gives_the_real_maximum():
    frame = lambda outlets: pd.DataFrame({"outlet": outlets})
    assert rd.per_outlet_phrase(frame(["CNN"] * 4 + ["TIME", "Wired", "Yonhap"])) == "at most 4 per outlet (CNN)"
    assert rd.per_outlet_phrase(frame(["CNN"] * 4 + ["TIME"]), "article", first=True) == "At most 4 articles per outlet (CNN)"
    assert rd.per_outlet_phrase(frame(["A", "B", "C"]), "article") == "one article per outlet"
    assert rd.per_outlet_phrase(frame(["A", "A", "B", "B"])) == "2 per outlet"
    assert rd.per_outlet_phrase(frame(["A", "A", "B", "B", "C", "C", "D"])) == "at most 2 per outlet (3 outlets have 2)"


# --- R6, R7, P14: what sentences say beside the numbers -------------------------------------------

def test_gaps_are_the_differences_of_the_values_shown():
    assert rd.shown_gap(16.04, 14.36) == 1.6  # shown 16.0 and 14.4; the unrounded gap 1.68 would print 1.7
    assert rd.shown_gap(14.36, 16.04) == 1.6
    assert rd.adding_up([1.04, 0.14], 1.18) == (["1.04", "0.14"], "1.18")  # 1.0 + 0.1 is not 1.2
    assert rd.adding_up([1.0, 0.2], 1.2) == (["1.0", "0.2"], "1.2")


def test_kincaid_terms_note_parts_add_up_to_the_gap_as_shown():
    from decimal import Decimal

    terms = pd.DataFrame({"file": ["hard", "b", "c"], "length_term": [9.04, 8.0, 8.0], "word_term": [18.14, 18.0, 18.0]})
    note = rd.kincaid_terms_note(terms, "hard", {"hard": "Hard"}, "outlets")
    whole, length, word = re.search(r"is ([\d.]+) above the mean of the other outlets: ([\d.−-]+) of it from words "
                                    r"per sentence and ([\d.−-]+) from syllables", note).groups()
    assert Decimal(length) + Decimal(word) == Decimal(whole)
    assert (whole, length, word) == ("1.18", "1.04", "0.14")
    easy = rd.kincaid_terms_note(terms.assign(length_term=[7.0, 8.0, 8.0], word_term=[18.0, 18.0, 18.0]), "hard",
                                 {"hard": "Hard"})
    assert "is 1.0 below the mean of the other articles" in easy


def test_outlet_gaps_in_prose_and_table_are_from_the_means_shown():
    summary = pd.DataFrame([
        {"outlet": "Hard", "measure": "fog_index", "articles": 130, "mean": 16.04, "median": 16.0, "q25": 15.0,
         "q75": 17.0, "low": 15.7, "high": 16.4, "sd": 2.0},
        {"outlet": "Easy", "measure": "fog_index", "articles": 71, "mean": 14.36, "median": 14.4, "q25": 13.0,
         "q75": 15.0, "low": 13.9, "high": 14.8, "sd": 2.0},
    ])
    text = rd.outlet_difference_summary(summary, "fog_index", "grades")
    assert "(16.0 over 130 articles)" in text and "(14.4 over 71 articles)" in text
    assert "Hard reads harder than Easy, by 1.6 grades" in text
    table = charts.outlet_pairs_table(summary, "fog_index")
    assert table.data["Gap"].tolist() == [1.6]


def test_hardest_names_its_formula():
    scores = pd.DataFrame({"file": ["a", "b"], "fog_index": [20.0, 10.0]})
    pairs = pd.DataFrame({"first": ["a"], "second": ["b"], "exceeds_noise": [True]})
    assert rd.hardest_summary(scores, pairs, {"a": "A", "b": "B"}, "fog_index") == (
        "A scores hardest on Gunning fog, harder than the other article beyond the noise")


def test_formulas_that_put_the_same_article_first_share_one_clause(monkeypatch):
    """P14: "Coleman–Liau puts TIME first, by a margin within the noise and Dale–Chall puts TIME
    first, by a margin within the noise" is one clause."""
    scores = pd.DataFrame({"file": ["yon", "time"]})
    for name in rd.SCORES:
        hard_time = name in ("coleman_liau", "dale_chall")
        high, low = (10.0, 20.0) if hard_time else (20.0, 10.0)
        scores[name] = [low, high] if name == "reading_ease" else [high, low]
    monkeypatch.setattr(rd, "pair_difference", lambda *a, **k: pd.Series({"exceeds_noise": False}))
    text = rd.formula_agreement(scores, pd.DataFrame({"file": ["yon", "time"]}), {"yon": "Yonhap", "time": "TIME"})
    assert text == ("Yonhap scores hardest on 5 of the 7 formulas; Coleman–Liau and Dale–Chall put TIME first, "
                    "each by a margin within the noise")


# --- A3, F3: outlet figures -------------------------------------------------------------------------

def outlet_articles(n_per: dict[str, int]) -> pd.DataFrame:
    rows = [(f"{o}_{k}.txt", o) for o, n in n_per.items() for k in range(n)]
    return pd.DataFrame(rows, columns=["file", "outlet"])


def test_sentence_lengths_by_outlet_count_the_articles_drawn_not_the_outlet_total():
    """A3: Fig. 7 said "Breitbart (132)" beside a comparison of 71 (wire copy left out)."""
    articles = outlet_articles({"Breitbart": 6, "Politico": 5})
    wire = {"Breitbart_0.txt", "Breitbart_1.txt"}
    sentences = pd.DataFrame({"file": [f for f in articles["file"] for _ in range(3)], "words": range(33)})
    compared = sentences[~sentences["file"].isin(wire)]
    fig = charts.outlet_sentence_lengths(compared, articles)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Politico (5)", "Breitbart (4)"]  # most articles first


def test_outlet_intervals_use_the_books_one_encoding():
    """F3: the middle half a wide pale bar, the 95% interval of the mean a thin black line."""
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba

    from newscorpus.plots import MEAN_INTERVAL, MIDDLE_HALF

    articles = outlet_articles({"A": 6, "B": 6})
    scores = pd.DataFrame({"file": articles["file"], "kincaid_grade": np.linspace(8, 14, 12)})
    summary = pd.DataFrame([
        {"outlet": o, "measure": "kincaid_grade", "articles": 6, "mean": m, "median": m, "q25": m - 1, "q75": m + 1,
         "low": m - 0.5, "high": m + 0.5, "sd": 1.0} for o, m in (("A", 13.0), ("B", 9.0))])
    fig = charts.outlet_intervals(summary, scores, articles, ["kincaid_grade"])
    lines = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    styles = {(tuple(np.round(c.get_colors()[0], 3)), float(c.get_linewidths()[0])) for c in lines}
    assert styles == {(tuple(np.round(to_rgba(MIDDLE_HALF["color"]), 3)), MIDDLE_HALF["linewidth"]),
                      (tuple(np.round(to_rgba(MEAN_INTERVAL["color"]), 3)), MEAN_INTERVAL["linewidth"])}
    assert MIDDLE_HALF["linewidth"] > MEAN_INTERVAL["linewidth"]
    legend = [t.get_text() for t in fig.axes[-1].get_legend().get_texts()]
    assert "middle half of its articles" in legend
    assert fig.axes[0].get_xlabel() == "grade"
