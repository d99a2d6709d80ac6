"""The comparison unit, outlet summaries, prose helpers and outlet colours: the pieces every
chapter uses to read well for any corpus."""

import numpy as np
import pandas as pd
import pytest

from newscorpus import units
from newscorpus.plots import GREY, MAX_OUTLET_COLOURS, OTHER_OUTLETS, outlet_colours, outlet_legend
from newscorpus.prose import count_noun, number_or, top_k_list


def corpus(per_outlet: dict[str, int]) -> pd.DataFrame:
    rows = [{"file": f"{o}_{i}.txt", "outlet": o} for o, n in per_outlet.items() for i in range(n)]
    return pd.DataFrame(rows)


def test_one_article_per_outlet_compares_articles():
    assert units.comparison_unit(corpus({"A": 2, "B": 1, "C": 1, "D": 1})) == units.ARTICLE
    assert "compares articles" in units.unit_sentence(corpus({"A": 1, "B": 1}))


def test_several_articles_per_outlet_compare_outlets():
    articles = corpus({"A": 6, "B": 7, "C": 1})
    assert units.comparison_unit(articles) == units.OUTLET
    assert "compares outlets" in units.unit_sentence(articles)


def test_one_article_is_described_not_compared():
    sentence = units.unit_sentence(corpus({"A": 1}))
    assert "one article" in sentence and "most with" not in sentence


def test_a_measure_draws_the_same_whatever_is_summarised_with_it():
    articles = corpus({"A": 12})
    table = pd.DataFrame({"file": articles["file"], "x": np.arange(12.0), "y": np.arange(12.0) ** 2})
    alone = units.outlet_summary(table, articles, ["y"]).iloc[0]
    both = units.outlet_summary(table, articles, ["x", "y"]).set_index("measure").loc["y"]
    assert (alone["low"], alone["high"]) == (both["low"], both["high"])


def test_empty_corpus_is_articles():
    assert units.comparison_unit(pd.DataFrame(columns=["file", "outlet"])) == units.ARTICLE


def test_outlet_summary_interval_brackets_mean_and_is_deterministic():
    articles = corpus({"A": 30, "B": 2})
    rng = np.random.default_rng(1)
    table = pd.DataFrame({"file": articles["file"], "x": rng.normal(10, 2, len(articles))})
    first = units.outlet_summary(table, articles, ["x"])
    again = units.outlet_summary(table, articles, ["x"])
    pd.testing.assert_frame_equal(first, again)
    a = first.set_index("outlet").loc["A"]
    assert a["low"] < a["mean"] < a["high"]
    assert a["articles"] == 30
    # the interval is about the mean, far narrower than the articles' own spread
    assert (a["high"] - a["low"]) < (table["x"].max() - table["x"].min()) / 2
    b = first.set_index("outlet").loc["B"]
    assert np.isnan(b["low"]) and np.isnan(b["high"]) and not np.isnan(b["mean"])


def test_adding_an_outlet_does_not_move_another_interval():
    articles = corpus({"A": 10})
    table = pd.DataFrame({"file": articles["file"], "x": np.arange(10.0)})
    alone = units.outlet_summary(table, articles, ["x"]).set_index("outlet").loc["A"]
    more_articles = corpus({"A": 10, "Z": 5})
    more = pd.DataFrame({"file": more_articles["file"], "x": np.arange(15.0)})
    with_z = units.outlet_summary(more, more_articles, ["x"]).set_index("outlet").loc["A"]
    assert (alone["low"], alone["high"]) == (with_z["low"], with_z["high"])


def test_missing_values_are_left_out():
    articles = corpus({"A": 5})
    table = pd.DataFrame({"file": articles["file"], "x": [1.0, np.nan, 3.0, np.nan, 5.0]})
    row = units.outlet_summary(table, articles, ["x"]).iloc[0]
    assert row["articles"] == 3 and row["mean"] == 3.0


def test_separated_outlets_only_when_intervals_do_not_overlap():
    articles = corpus({"High": 20, "Low": 20, "Mid": 20})
    values = np.r_[np.full(20, 10.0) + np.linspace(0, 1, 20), np.linspace(0, 1, 20), np.linspace(5, 16, 20)]
    table = pd.DataFrame({"file": articles["file"], "x": values})
    pairs = units.separated_outlets(units.outlet_summary(table, articles, ["x"]), "x")
    assert ("High", "Low") in set(zip(pairs["higher"], pairs["lower"]))
    together = set(zip(pairs["higher"], pairs["lower"])) | set(zip(pairs["lower"], pairs["higher"]))
    assert ("High", "Mid") not in together  # same mean, overlapping intervals


def test_top_k_list_bounds_a_sentence():
    items = [f"item{i}" for i in range(40)]
    text = top_k_list(items, k=3)
    assert text.count("item") == 3 and "37 more" in text
    assert top_k_list(["a", "b"]) == "a and b"
    assert top_k_list([]) == ""


@pytest.mark.parametrize("value", [None, float("nan"), np.nan])
def test_number_or_never_prints_nan(value):
    assert "nan" not in number_or(value, ".1f").lower()


def test_count_noun():
    assert count_noun(1, "article") == "1 article"
    assert count_noun(1204, "article") == "1,204 articles"


def test_outlet_colours_distinct_up_to_the_limit_then_grey():
    outlets = [f"Outlet {i:02d}" for i in range(30)]
    counts = {o: 30 - i for i, o in enumerate(outlets)}
    colours = outlet_colours(outlets, counts)
    coloured = [o for o in outlets if colours[o] != GREY]
    assert len(coloured) == MAX_OUTLET_COLOURS
    assert len({colours[o] for o in coloured}) == MAX_OUTLET_COLOURS
    assert coloured == outlets[:MAX_OUTLET_COLOURS]  # the largest outlets keep their colours
    legend = outlet_legend(colours)
    assert legend[-1] == (OTHER_OUTLETS, GREY) and len(legend) == MAX_OUTLET_COLOURS + 1


def test_few_outlets_all_distinct():
    colours = outlet_colours(["A", "B", "C"])
    assert len(set(colours.values())) == 3 and GREY not in colours.values()


# --- the conclusions' outlet comparison, for any corpus -------------------------------------------
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus import findings


def outlet_corpus(sizes: list[int], seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    overview = corpus({f"Outlet {chr(65 + i)}": n for i, n in enumerate(sizes)})
    n = len(overview)
    overview["clean_words"] = rng.integers(0, 2000, n)
    table = pd.DataFrame({"file": overview["file"], "outlet": overview["outlet"]})
    for column in findings.OUTLET_MEASURES:
        values = rng.normal(10, 3, n)
        values[rng.random(n) < 0.2] = np.nan  # a measure with nothing to count
        table[column] = values
    return table, overview


def even_outlets(first: str, second: str, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two outlets of ``n`` 1,000-word articles each, every findings measure spread evenly and
    identically around 5 in both: no difference between them until a test makes one."""
    overview = corpus({first: n, second: n})
    overview["clean_words"] = 1000
    table = pd.DataFrame({"file": overview["file"]})
    for column in findings.OUTLET_MEASURES:
        table[column] = 5.0 + np.tile(np.linspace(-0.1, 0.1, n), 2)
    return overview, table


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=st.lists(st.integers(1, 12), min_size=1, max_size=12), seed=st.integers(0, 10_000))
def test_outlet_sentences_read_right_for_any_corpus(sizes, seed):
    table, overview = outlet_corpus(sizes, seed)
    summary = findings.outlet_findings(table, overview)
    text = " ".join(findings.outlet_findings_sentences(summary))
    assert text and "nan" not in text.lower() and "none" not in text.lower()
    assert " ," not in text and ": ." not in text and "()" not in text
    for sentence in findings.outlet_findings_sentences(summary):
        assert len(sentence) < 400, sentence
    shown = findings.reader_outlet_findings(summary)
    assert len(shown) == len(sizes)  # a row per outlet, never a column per article
    assert "nan" not in shown.to_string().lower()


def test_a_real_difference_between_outlets_is_stated_and_none_invented():
    overview, table = even_outlets("Loud", "Quiet", 20)  # the same in both outlets ...
    table.loc[:19, "quotations"] = 20 + np.linspace(-1, 1, 20)  # ... but in quotations
    text = " ".join(findings.outlet_findings_sentences(findings.outlet_findings(table, overview)))
    assert "On quotations per 1,000 words, 1 pair of outlets differs" in text
    assert "Loud (20.0) above Quiet (5.0)" in text
    assert "reading grade" in text.split("no outlet's interval")[0].split("On ")[-1]


def test_an_outlet_has_one_colour_whatever_subset_a_chart_shows(tmp_path, monkeypatch):
    """Charts pass different subsets of outlets (the five largest, the ones with a value): the
    corpus's own ranking decides, so The New York Times is not green in one figure and pink in
    the next."""
    rows = ["file,title,outlet"] + [f"{o}{k}.txt,T,{o}" for o, n in
                                    [("NYT", 9), ("Politico", 8), ("WaPo", 7), ("HuffPost", 6), ("Breitbart", 5)]
                                    for k in range(n)]
    (tmp_path / "sources.csv").write_text("\n".join(rows) + "\n")
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(tmp_path))
    every = outlet_colours(["NYT", "Politico", "WaPo", "HuffPost", "Breitbart"])
    some = outlet_colours(["WaPo", "Breitbart"], counts={"Breitbart": 100, "WaPo": 1})
    assert some == {"WaPo": every["WaPo"], "Breitbart": every["Breitbart"]}
    assert len(set(every.values())) == 5


# --- effect sizes of the stated outlet differences -----------------------------------------------

def _two_outlets(high: np.ndarray, low: np.ndarray):
    articles = corpus({"High": len(high), "Low": len(low)})
    table = pd.DataFrame({"file": articles["file"], "x": np.r_[high, low]})
    return articles, table


def test_a_stated_difference_carries_its_size():
    rng = np.random.default_rng(7)
    high, low = rng.normal(12, 2, 30), rng.normal(8, 2, 30)
    articles, table = _two_outlets(high, low)
    pairs = units.separated_outlets(units.outlet_summary(table, articles, ["x"]), "x")
    assert len(pairs) == 1
    pair = pairs.iloc[0]
    assert pair["difference"] == pytest.approx(high.mean() - low.mean())
    assert pair["difference_low"] < pair["difference"] < pair["difference_high"]
    assert pair["ratio"] == pytest.approx(high.mean() / low.mean())
    pooled = np.sqrt((high.var(ddof=1) * 29 + low.var(ddof=1) * 29) / 58)  # Cohen's d, by hand
    assert pair["cohen_d"] == pytest.approx((high.mean() - low.mean()) / pooled)
    assert units.cohen_size(pair["cohen_d"]) == "large"


def test_the_difference_interval_is_the_draws_subtracted_and_close_to_the_normal_approximation():
    rng = np.random.default_rng(3)
    articles, table = _two_outlets(rng.normal(20, 3, 40), rng.normal(15, 3, 40))
    summary = units.outlet_summary(table, articles, ["x"])
    with_draws = units.separated_outlets(summary, "x").iloc[0]
    bare = summary.copy()
    bare.attrs = {}  # a summary rebuilt elsewhere: the normal approximation from the intervals
    approximated = units.separated_outlets(bare, "x").iloc[0]
    width = with_draws["difference_high"] - with_draws["difference_low"]
    assert abs(approximated["difference_low"] - with_draws["difference_low"]) < 0.15 * width
    assert abs(approximated["difference_high"] - with_draws["difference_high"]) < 0.15 * width
    # the same seed draws the same interval
    again = units.separated_outlets(units.outlet_summary(table, articles, ["x"]), "x").iloc[0]
    assert (again["difference_low"], again["difference_high"]) == (with_draws["difference_low"], with_draws["difference_high"])


def test_no_ratio_for_a_measure_that_can_be_negative_and_no_d_without_spread():
    articles, table = _two_outlets(np.full(6, 0.5) + np.linspace(0, 0.01, 6), np.full(6, -0.5))
    pair = units.separated_outlets(units.outlet_summary(table, articles, ["x"]), "x").iloc[0]
    assert np.isnan(pair["ratio"])  # -0.5 is below zero: a ratio would mean nothing
    assert pair["cohen_d"] > 0
    assert units.cohen_size(float("nan")) == "" and units.cohen_size(0.1) == "negligible"
    assert np.isnan(units.cohen_d(1.0, 0.0, 0.0, 0.0, 5, 5))  # no spread to pool


def test_filtering_a_summary_does_not_copy_the_draws():
    articles, table = _two_outlets(np.arange(10.0), np.arange(10.0) + 100)
    summary = units.outlet_summary(table, articles, ["x"])
    assert summary[summary["measure"] == "x"].attrs["bootstrap"] is summary.attrs["bootstrap"]


def test_the_conclusions_say_how_large_each_stated_difference_is():
    overview, table = even_outlets("Loud", "Quiet", 20)
    table.loc[:19, "quotations"] = 20 + np.linspace(-1, 1, 20)
    summary = findings.outlet_findings(table, overview)
    text = " ".join(findings.outlet_findings_sentences(summary))
    assert "by 15.0 (" in text and "4.0 times as high" in text and "d = " in text and "(large)" in text
    differences = findings.outlet_differences(summary)
    assert differences["measure"].tolist() == ["Quotations per 1,000 words"]
    sentence = findings.effect_size_sentence(differences)
    assert sentence.startswith("The one difference in that table has Cohen's d of ") and "large" in sentence
    shown = findings.reader_outlet_differences(differences)
    assert shown.loc[0, "Higher"] == "Loud" and shown.loc[0, "Size"] == "large"
    assert findings.effect_size_sentence(differences.iloc[:0]).startswith("No difference")


def test_wire_copy_is_left_out_of_the_outlet_comparison_and_counted():
    overview = corpus({"A": 6, "B": 6})
    overview["clean_words"] = 1000
    table = pd.DataFrame({"file": overview["file"], "outlet": overview["outlet"]})
    for column in findings.OUTLET_MEASURES:
        table[column] = 5.0 + np.tile(np.linspace(-0.1, 0.1, 6), 2)
    table["wire_agency"] = ["Associated Press", "Associated Press"] + [""] * 10
    table.loc[:1, "quotations"] = 60.0  # two wire stories full of quotations
    summary = findings.outlet_findings(table, overview)
    assert summary.attrs["wire_excluded"] == 2
    a = summary[(summary["outlet"] == "A") & (summary["measure"] == "quotations")].iloc[0]
    assert a["articles"] == 4 and a["mean"] == pytest.approx(5.0, abs=0.2)
    with_wire = findings.outlet_findings(table, overview, include_wire=True)
    assert with_wire[(with_wire["outlet"] == "A") & (with_wire["measure"] == "quotations")]["articles"].iloc[0] == 6
    said = findings.wire_sentence(table)
    assert said.startswith("2 articles of 12 are wire copy, credited to the Associated Press (by a dateline credit") and "leave them out" in said
    assert "none is set apart" in findings.wire_sentence(table.assign(wire_agency=""))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=st.lists(st.integers(1, 30), min_size=2, max_size=8), seed=st.integers(0, 10_000),
       shift=st.floats(0, 10))
def test_effect_sizes_read_right_for_any_corpus(sizes, seed, shift):
    table, overview = outlet_corpus(sizes, seed)
    table.loc[table["outlet"] == "Outlet A", list(findings.OUTLET_MEASURES)] += shift
    summary = findings.outlet_findings(table, overview)
    differences = findings.outlet_differences(summary)
    for sentence in [findings.effect_size_sentence(differences), *findings.outlet_findings_sentences(summary)]:
        assert "nan" not in sentence.lower() and "inf" not in sentence.lower() and len(sentence) < 450, sentence
    shown = findings.reader_outlet_differences(differences)
    assert "nan" not in shown.to_string().lower()
    assert (differences["difference"] > 0).all()
    assert (differences["difference_low"] <= differences["difference"]).all()
    assert (differences["difference"] <= differences["difference_high"]).all()


def test_no_ratio_for_a_grade_or_a_tone():
    overview, table = even_outlets("A", "B", 20)
    for column in findings.OUTLET_MEASURES:
        table.loc[:19, column] = 10.0 + np.linspace(-0.1, 0.1, 20)  # A above B on every measure
    differences = findings.outlet_differences(findings.outlet_findings(table, overview))
    ratios = differences.set_index("measure")["ratio"]
    for column, (heading, _spec) in findings.OUTLET_MEASURES.items():
        if column in findings.DESCRIPTIVE_MEASURES:  # described by outlet, never stated as a difference
            assert heading not in ratios.index
            continue
        assert (ratios[heading] == ratios[heading]) == (column in findings.PER_THOUSAND_WORDS), heading
    text = " ".join(findings.outlet_findings_sentences(findings.outlet_findings(table, overview)))
    assert "On reading grade" in text and "times as high" not in text.split("On reading grade")[1].split(". ")[0]


def test_place_rates_are_described_by_outlet_never_stated_as_differences():
    """Referee O1: the place matcher is not validated on other news, so outlets whose place rates
    stand apart are counted and described, not stated as a finding."""
    overview, table = even_outlets("A", "B", 20)
    table.loc[:19, "places"] = 30.0 + np.linspace(-1, 1, 20)  # A names far more places
    summary = findings.outlet_findings(table, overview)
    assert len(units.separated_outlets(summary, "places")) == 1  # the intervals do stand apart
    assert findings.outlet_differences(summary).empty
    text = " ".join(findings.outlet_findings_sentences(summary))
    assert "On places named per 1,000 words, the intervals of 1 pair of outlets stand apart" in text
    assert "no difference is stated" in text and "times as high" not in text


def test_an_outlet_cell_over_fewer_articles_says_over_how_many():
    # the reading grade leaves out short texts: its mean is not credited to every article
    overview, table = even_outlets("Long", "Mixed", 10)
    table.loc[10:12, "kincaid_grade"] = np.nan  # three of Mixed's texts have no grade
    shown = findings.reader_outlet_findings(findings.outlet_findings(table, overview))
    grade = findings.OUTLET_MEASURES["kincaid_grade"][0]
    assert shown.loc["Mixed", "Articles"] == 10
    assert shown.loc["Mixed", grade].endswith("; 7 articles)"), shown.loc["Mixed", grade]
    assert "articles" not in shown.loc["Long", grade]
    quotes = findings.OUTLET_MEASURES["quotations"][0]
    assert "articles" not in shown.loc["Mixed", quotes]
