"""The framing chapter on any corpus: its generated sentences, long tables and charts, fed random
small corpora (outlets, articles per outlet and values drawn by hypothesis) and a few hand-worked
cases. Nothing heavy is executed: no notebook, no cleaning, only the presentation functions."""

from __future__ import annotations

import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newscorpus import units  # noqa: E402
from newscorpus.measures import framing_report as report  # noqa: E402
from newscorpus.measures.framing import slug  # noqa: E402
from newscorpus.plots import MAX_OUTLET_COLOURS  # noqa: E402
from newscorpus.plots import framing as framing_plots  # noqa: E402
from newscorpus.report import framing_study as study  # noqa: E402

MAX_SENTENCE = 400
BAD = re.compile(r"\bnan\b|\binf\b| , |, ,|\(\)|are \.|is \.| \.$", re.IGNORECASE)
NONE = re.compile(r"\bNone\b")
ENTRIES = ["ISIS", "the group", "militants"]


def sentences(text: str) -> list[str]:
    """The sentences of a generated text (split after . ; or : followed by a space and a capital)."""
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if s]


def assert_readable(text: str) -> None:
    assert text.strip(), "empty text"
    assert not BAD.search(text) and not NONE.search(text), text
    for sentence in sentences(text):
        assert len(sentence) < MAX_SENTENCE, sentence


def make_corpus(per_outlet: list[int], seed: int, zero_share: float = 0.2) -> dict:
    """A synthetic corpus: articles, overview, the framing.csv columns the chapter reads, the
    attributions and the agency counts, with some zero counts and some articles without words."""
    rng = np.random.default_rng(seed)
    rows = []
    for k, n in enumerate(per_outlet):
        outlet = f"Outlet {chr(65 + k % 26)}{k // 26 or ''}"
        for i in range(n):
            rows.append({"file": f"{k:03d}_{i:03d}.txt", "outlet": outlet, "date_label": f"{i + 1} May 2016",
                         "published": f"2016-05-{i % 28 + 1:02d}", "date_precision": "day", "outlet_type": "news site"})
    articles = pd.DataFrame(rows)
    n = len(articles)
    zero = rng.random(n) < zero_share
    words = np.where(zero, 0, rng.integers(50, 3000, n))
    narrative = (words * rng.uniform(0.5, 1.0, n)).astype(int)
    table = pd.DataFrame({
        "file": articles["file"], "words": words, "words_narrative": narrative,
        "words_quoted": words - narrative, "words_gloss": 0, "quotations": rng.integers(0, 5, n),
        "sentences": np.where(zero, 0, rng.integers(1, 80, n)),
        "vader_compound_mean": np.where(zero, np.nan, rng.uniform(-1, 1, n)),
        "lex_hedges_narrative": rng.integers(0, 30, n), "lex_factives_narrative": rng.integers(0, 10, n),
        "lex_assertives_narrative": rng.integers(5, 20, n), "lex_assertives_say_narrative": rng.integers(0, 5, n),
        "lex_loaded_narrative": rng.integers(0, 6, n),
    })
    for entry in ENTRIES:
        for voice in ("narrative", "quoted", "gloss"):
            table[f"label_{slug(entry)}_{voice}"] = np.where(rng.random(n) < 0.7, 0, rng.integers(1, 9, n))
    n_attr = rng.integers(0, 12, n)
    attributions = pd.DataFrame({
        "file": np.repeat(articles["file"].to_numpy(), n_attr),
        "source_class": rng.choice(["named_person", "unnamed", "named_institution"], int(n_attr.sum())),
    })
    sentences_with_group = rng.integers(0, 6, n)
    agency_counts = pd.DataFrame({"file": articles["file"], "sentences": sentences_with_group,
                                  "agent": [rng.integers(0, s + 1) for s in sentences_with_group]})
    return {"articles": articles, "overview": articles, "table": table, "attributions": attributions,
            "agency": agency_counts}


corpora = st.builds(
    make_corpus,
    per_outlet=st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=14),
    seed=st.integers(min_value=0, max_value=10_000),
    zero_share=st.sampled_from([0.0, 0.2, 1.0]),
)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(corpora)
def test_outlet_comparison_reads_for_any_corpus(corpus):
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    assert list(measures["file"]) == list(corpus["table"]["file"])  # one row per article
    summary = units.outlet_summary(measures, corpus["articles"], list(report.OUTLET_MEASURES), resamples=200)
    assert_readable(report.separated_text(summary))
    shown = report.outlet_summary_table(summary)
    assert len(shown) == corpus["articles"]["outlet"].nunique() * len(report.OUTLET_MEASURES)  # long, never wide
    assert not shown.astype(str).apply(lambda c: c.str.contains(r"\bnan\b", case=False)).any().any()


@FAST
@given(corpora)
def test_generated_sentences_read_for_any_corpus(corpus):
    table, overview, articles = corpus["table"], corpus["overview"], corpus["articles"]
    names = dict(zip(overview["file"], overview["file"]))
    for translated, probable in ((0, 0), (1, 0), (2, 3)):
        assert_readable(study.limits_text(articles, translated, probable, original=False))
    assert_readable(study.years_text(articles["published"]))
    shares = corpus["agency"].set_index("file").query("sentences > 0")
    assert_readable(study.range_text(shares["agent"] / shares["sentences"], names, ".0%", "the agent share"))
    assert_readable(study.range_text(table.set_index("file")["vader_compound_mean"], names, "+.2f", "the mean tone"))
    long = report.voice_counts_long(table, overview, "label", ENTRIES, "Label")
    assert list(long.columns) == ["Article", "Outlet", "Label", "Narrative", "Quoted", "Gloss", "All"]
    assert (long["All"] > 0).all()
    assert_readable(report.lexicon_reach_text(long, len(table), "the naming lexicon", "Label"))
    parts = pd.DataFrame({"file": table["file"], "parts": 1, "named": 0, "described": 0})
    assert_readable(study.headline_text(parts, original=False))
    for unit in (units.ARTICLE, units.OUTLET):
        assert_readable(study.profile_rows_text(unit, len(table), articles["outlet"].nunique(), framing_plots.MAX_ROWS))
        for panels in (1, 5, 40):
            assert_readable(study.distinctive_scope_text(unit, panels, framing_plots.MAX_PANELS))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora)
def test_outlet_chart_is_bounded_for_any_corpus(corpus):
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    summary = units.outlet_summary(measures, corpus["articles"], list(report.OUTLET_MEASURES), resamples=100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a tight_layout warning would fail the strict build
        fig = framing_plots.outlet_intervals(summary, report.OUTLET_MEASURES, units.articles_per_outlet(corpus["articles"]))
    try:
        width, height = fig.get_size_inches()
        assert width <= 12 and height <= 25
        for ax in fig.axes:
            assert len(ax.get_yticks()) <= framing_plots.MAX_OUTLETS_PLOTTED
            legend = ax.get_legend()
            assert legend is None or len(legend.get_texts()) <= MAX_OUTLET_COLOURS + 1
    finally:
        plt.close(fig)


def test_outlet_chart_at_a_hundred_outlets_draws_the_largest_twenty():
    corpus = make_corpus([1 + (k % 5) for k in range(100)], seed=3, zero_share=0.0)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    summary = units.outlet_summary(measures, corpus["articles"], list(report.OUTLET_MEASURES), resamples=50)
    fig = framing_plots.outlet_intervals(summary, report.OUTLET_MEASURES, units.articles_per_outlet(corpus["articles"]))
    try:
        assert fig.get_size_inches()[1] <= 25
        assert "20 of 100 outlets" in fig._suptitle.get_text()
    finally:
        plt.close(fig)


def test_profile_and_names_charts_stay_bounded_at_a_thousand_articles():
    corpus = make_corpus([100] * 10, seed=5, zero_share=0.0)
    table, overview = corpus["table"], corpus["overview"]
    rates = pd.DataFrame({"a": np.linspace(0, 5, len(table)), "b": 1.0}, index=table["file"])
    counts = pd.DataFrame({"a": np.arange(len(table)), "b": 1}, index=table["file"])
    fig = framing_plots.profile_heatmap(rates, counts, overview)
    try:
        assert len(fig.axes[0].get_yticks()) == framing_plots.MAX_ROWS
        assert fig.get_size_inches()[1] <= 2.4 + 0.5 * framing_plots.MAX_ROWS
        shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert shown[0] == overview["file"].iloc[-1] or "May 2016" in shown[0]  # the largest count drawn first
    finally:
        plt.close(fig)
    names = pd.DataFrame([{"file": f, "label": "ISIS", "narrative": k % 4, "quoted": 0, "gloss": 0}
                          for k, f in enumerate(table["file"])])
    fig = framing_plots.names_by_voice(names, overview, ["ISIS"])
    try:
        assert len(fig.axes[0].get_yticks()) <= framing_plots.MAX_ROWS
    finally:
        plt.close(fig)
    words = pd.DataFrame([{"file": f, "word": w, "count": 3, "delta": 0.1, "z": 1.0}
                          for f in table["file"][:60] for w in ("x", "y")])
    fig = framing_plots.distinctive_words(words, overview)
    try:
        assert sum(ax.get_visible() for ax in fig.axes) == framing_plots.MAX_PANELS
    finally:
        plt.close(fig)


# -- hand-worked cases ---------------------------------------------------------------------------


def test_outlet_measures_by_hand():
    table = pd.DataFrame({"file": ["a.txt", "b.txt"], "words": [500, 0], "words_narrative": [400, 0],
                          "words_quoted": [100, 0], "sentences": [20, 0], "vader_compound_mean": [-0.25, 0.0],
                          "lex_hedges_narrative": [2, 0], "lex_factives_narrative": [1, 0],
                          "lex_assertives_narrative": [4, 0], "lex_assertives_say_narrative": [3, 0],
                          "lex_loaded_narrative": [0, 0]})
    attributions = pd.DataFrame({"file": ["a.txt", "a.txt"], "source_class": ["unnamed", "named_person"]})
    agency = pd.DataFrame({"file": ["a.txt"], "sentences": [4], "agent": [1]})
    m = report.outlet_measures(table, attributions, agency).set_index("file")
    assert m.loc["a.txt", "attributions_per_1000"] == pytest.approx(4.0)   # 2 in 500 words
    assert m.loc["a.txt", "unnamed_share"] == pytest.approx(0.5)
    assert m.loc["a.txt", "quoted_share"] == pytest.approx(0.2)
    assert m.loc["a.txt", "hedges_per_1000"] == pytest.approx(5.0)         # 2 in 400 narrative words
    assert m.loc["a.txt", "boosters_per_1000"] == pytest.approx(5.0)       # 1 + 4 - 3 say
    assert m.loc["a.txt", "agent_share"] == pytest.approx(0.25)
    assert m.loc["b.txt"].drop("loaded_per_1000").isna().all()             # no words, no rates: NaN, not 0


def separated_summary(column: str, high: float, low: float, step: float, **constant: tuple[float, float]):
    """Two outlets of 8 articles apart on ``column`` (Outlet A from ``high``, Outlet B from ``low``,
    ``step`` between articles), and each of ``constant``'s columns set to (A's, B's) value: the
    outlet summary of their framing measures."""
    corpus = make_corpus([8, 8], seed=1, zero_share=0.0)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    outlet = corpus["articles"].set_index("file")["outlet"]
    is_a = measures["file"].map(outlet) == "Outlet A"
    measures.loc[is_a, column] = high + np.arange(is_a.sum()) * step
    measures.loc[~is_a, column] = low + np.arange((~is_a).sum()) * step
    for name, (a, b) in constant.items():
        measures.loc[is_a, name], measures.loc[~is_a, name] = a, b
    return units.outlet_summary(measures, corpus["articles"], list(report.OUTLET_MEASURES), resamples=300)


def test_separated_outlets_are_stated_and_the_loaded_vocabulary_never_is():
    summary = separated_summary("hedges_per_1000", 30, 1, 0.2, loaded_per_1000=(30.0, 1.0))
    text = report.separated_text(summary)
    # the largest gap is stated with its size (its interval, the ratio and Cohen's d), as a word-list rate
    assert "On the word-list rate of hedges, the largest gap is Outlet A (30.7) above Outlet B (1.7; 29.0 higher (" in text
    assert "18.1 times as high; d = " in text and ", large); no other pair differs beyond the intervals." in text
    assert "loaded" not in text


def test_one_outlet_with_an_interval_states_nothing():
    corpus = make_corpus([6, 1], seed=2)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    summary = units.outlet_summary(measures, corpus["articles"], list(report.OUTLET_MEASURES), resamples=100)
    assert report.separated_text(summary).startswith("Fewer than two outlets have enough articles")


def test_ties_are_named_up_to_three_then_counted():
    values = pd.Series(0.0, index=[f"f{k}" for k in range(50)])
    text = study.tied_names(values, {}, ".0%", lowest=True)
    assert text == "f0, f1, f2 and 47 other articles (see the table)"
    assert study.tied_names(pd.Series([np.nan]), {}, ".0%", lowest=True) == "no article"


def test_corpus_names_come_from_the_text_layer_terms():
    overview = pd.DataFrame({"file": ["a", "b"], "outlet": ["X", "Y"], "date_label": ["1 May", "2 May"]})
    rows = [{"file": "a", "counts": {"Hillary Clinton": 3, "tax": 9, "New York": 1}},
            {"file": "b", "counts": {"Hillary Clinton": 2, "Donald Trump": 4}}]
    names = report.corpus_names(rows, overview)
    assert list(names["Name"]) == ["Hillary Clinton", "Donald Trump", "New York"]  # single words are no names
    assert names.iloc[0][["Mentions", "Articles", "Outlets"]].tolist() == [5, 2, 2]
    assert report.corpus_names_text(names, k=2) == ("The names this corpus mentions most are Hillary Clinton "
                                                    "(5 mentions in 2 articles) and Donald Trump (4 mentions in 1 "
                                                    "article); 1 more name is in the table.")
    by_outlet = report.names_by_group(rows, overview, "outlet")
    assert by_outlet.loc["Y", "Most frequent names"] == "Donald Trump 4, Hillary Clinton 2"
    assert report.corpus_names_text(report.corpus_names([], overview)).startswith("The text layer finds no")


def test_years_and_limits_for_one_article():
    assert study.years_text(pd.Series(["2009-01-01", "2012-05-01", "2014-01-01", "2016-01-01", "2020-01-01"])) == "2009 to 2020"
    assert study.years_text(pd.Series(["2014-06", "2016-12-01"])) == "2014 and 2016"
    one = pd.DataFrame({"file": ["a"], "outlet": ["X"]})
    assert "one article cannot stand for its outlet; it is not recorded" in study.limits_text(one, 0, 0, original=False)


def test_a_range_over_many_long_named_ties_stays_one_readable_sentence():
    files = [f"f{k}" for k in range(300)]
    names = {f: f"The Washington Post, 8 November 2015 [wash-post_2015-11-08_all-eggs-in-n-h-and-iowa-{f}]" for f in files}
    values = pd.Series([0.0] * 150 + [1.0] * 150, index=files)
    assert_readable(study.range_text(values, names, ".0%", "by the rule, the agent share"))


def test_a_large_table_is_not_carried_in_the_page():
    small = pd.DataFrame({"file": ["a"], "x": [1]})
    assert "data:text/csv" in study.download_or_note(small, "small.csv", "`export`").data
    big = pd.DataFrame({"file": ["a" * 100] * 50})
    note = study.download_or_note(big, "big.csv", "`python -m newscorpus export OUTDIR`", max_bytes=1000)
    assert "data:" not in note.data and "50 rows" in note.data and "newscorpus export" in note.data


def test_a_chart_with_nothing_to_show_still_is_a_small_figure():
    import warnings

    from newscorpus.plots import nothing_found

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = nothing_found("No article of this corpus uses any of the names ISIS, ISIL.")
    width, height = fig.get_size_inches()
    assert height < 1.5 and "No article" in fig.axes[0].texts[0].get_text()


# --- the naming lexicon's columns and names on another corpus (#22 problem 5) ----------------------

def _profile(names: int, members: int):
    """A two-article profile (counts, rates) with the group's names used ``names`` times."""
    columns = ["ISIS / ISIL / IS", "Islamic State", "Daesh", "the organization / the group", "member nouns",
               "hedges", "attributions", "quoted words"]
    counts = pd.DataFrame([[names, 0, 0, 1, members, 4, 6, 300], [0, 0, 0, 0, 0, 2, 3, 100]],
                          index=["a.txt", "b.txt"], columns=columns)
    return counts, counts * 1000.0 / 2000


def test_the_original_five_keep_every_profile_column():
    counts, rates = _profile(names=0, members=0)
    kept_counts, kept_rates, note = study.profile_for_corpus(counts, rates, original=True)
    assert list(kept_counts.columns) == list(counts.columns) and note == ""


def test_a_corpus_without_the_groups_names_loses_the_lexicon_columns_and_is_told_so():
    counts, rates = _profile(names=0, members=3)  # "fighters" in campaign news is not the group's member
    kept_counts, kept_rates, note = study.profile_for_corpus(counts, rates, original=False)
    assert list(kept_counts.columns) == ["hedges", "attributions", "quoted words"]
    assert list(kept_rates.columns) == list(kept_counts.columns)
    assert "left out" in note and "no article of this corpus uses the group's names" in note
    assert_readable(note)


def test_a_corpus_with_some_of_the_names_keeps_only_the_columns_it_uses():
    counts, rates = _profile(names=2, members=0)
    kept_counts, _, note = study.profile_for_corpus(counts, rates, original=False)
    # the lexicon's columns kept are marked as the original topic's lexicon
    assert "ISIS / ISIL / IS (ISIS lexicon)" in kept_counts and "the organization / the group (ISIS lexicon)" in kept_counts
    assert "hedges" in kept_counts and "ISIS lexicon" in note
    assert not {"Islamic State", "Daesh", "member nouns"} & {c.removesuffix(" (ISIS lexicon)") for c in kept_counts}
    assert "Islamic State, Daesh, member nouns" in note
    assert_readable(note)


def test_the_names_chart_draws_only_the_names_a_corpus_uses_and_its_caption_says_so():
    label_counts = pd.DataFrame([{"file": "a.txt", "label": "ISIS", "narrative": 2, "quoted": 0, "gloss": 0},
                                 {"file": "a.txt", "label": "Daesh", "narrative": 0, "quoted": 0, "gloss": 0},
                                 {"file": "b.txt", "label": "militants", "narrative": 5, "quoted": 0, "gloss": 0}])
    assert study.names_charted(label_counts, original=True) == study.GROUP_NAMES
    assert study.names_charted(label_counts, original=False) == ["ISIS"]
    caption = study.names_caption(["ISIS"], original=False, top=framing_plots.MAX_NAME_ROWS)
    assert "Daesh do not occur" in caption and f"at most {framing_plots.MAX_NAME_ROWS}" in caption
    none = study.names_charted(label_counts.assign(narrative=0), original=False)
    assert none == []
    placeholder = study.names_caption(none, original=False, top=framing_plots.MAX_NAME_ROWS)
    assert "no chart of the names is drawn" in placeholder and "solid" not in placeholder  # no words about bars
    assert "ISIS" not in placeholder  # the original topic's names are not listed to a reader of another corpus
    for text in (caption, placeholder):
        assert_readable(text)


def test_outlets_caption_names_only_the_panels_drawn():
    other = report.outlet_intervals_caption(report.outlet_measure_names(False))
    assert "agent share" not in other and "tone" in other
    assert "the group's agent share" in report.outlet_intervals_caption(report.outlet_measure_names(True))


def test_a_measure_not_compared_is_not_said_to_show_no_difference():
    corpus = make_corpus([6, 6], seed=3)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    compared = report.outlet_measure_names(False)  # another corpus: the group's agent share is not compared
    summary = units.outlet_summary(measures, corpus["articles"], list(compared), resamples=100)
    assert "agent share" not in report.separated_text(summary)


def test_attribution_gaps_within_the_extractors_unevenness_are_not_stated():
    from newscorpus import findings

    ratio = findings.extractor_recall_ratio()
    corpus = make_corpus([8, 8, 8], seed=1, zero_share=0.0)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    outlet = measures["file"].map(corpus["articles"].set_index("file")["outlet"])
    names = sorted(outlet.unique())
    base = 10 + np.arange(len(measures)) % 4 * 0.05  # tight spread: every pair separates
    level = {names[0]: 2 * ratio, names[1]: 1 + (ratio - 1) / 2, names[2]: 1.0}  # 0 > 1 > 2, 1 within 2
    measures["attributions_per_1000"] = base * outlet.map(level).to_numpy()
    summary = units.outlet_summary(measures, corpus["articles"], ["attributions_per_1000"], resamples=300)
    assert len(units.separated_outlets(summary, "attributions_per_1000")) == 3
    text = report.separated_text(summary)
    # the largest gap (beyond the recall ratio) is stated, one more beyond it counted, the one within it held back
    assert f"the largest gap is {names[0]} (" in text and f"above {names[2]} (" in text
    assert "1 more pair of outlets differs beyond the intervals" in text
    assert f"1 other separated pair differs by a ratio of {ratio:.2f} or less" in text
    # with no pair beyond the ratio, none is stated and the sentence has no "more"
    measures["attributions_per_1000"] = base * outlet.map({names[0]: level[names[1]], names[1]: 1.0, names[2]: 1.0}).to_numpy()
    summary = units.outlet_summary(measures, corpus["articles"], ["attributions_per_1000"], resamples=300)
    text = report.separated_text(summary)
    assert "largest gap" not in text and "more pair" not in text and "other" not in text
    assert "no gap is stated: all 2 pairs whose intervals separate differ by a ratio" in text


# --- the group under MIN_GROUP_ARTICLE_SHARE of the articles: no chart, no column, no class (referee 4, item 3)

def test_a_group_named_in_few_articles_loses_its_profile_columns_with_one_sentence():
    counts, rates = _profile(names=2, members=1)
    below = study.group_below_threshold_text(naming_articles=82, n_articles=923)
    assert "named in 82 of the 923 articles (9%), under the 25% of the articles" in below
    kept_counts, kept_rates, note = study.profile_for_corpus(counts, rates, original=False, below_threshold=below)
    assert list(kept_counts.columns) == ["hedges", "attributions", "quoted words"]
    assert list(kept_rates.columns) == list(kept_counts.columns)
    assert note.startswith("The naming lexicon's columns") and "82 of the 923 articles" in note
    assert_readable(note)
    # the original five keep every column whatever is passed
    assert list(study.profile_for_corpus(counts, rates, original=True, below_threshold=below)[0].columns) == list(counts.columns)


def test_the_names_note_gives_one_count_and_the_names_it_covers():
    note = study.group_names_note(5, 50)
    assert "ISIS, ISIL, IS, Islamic State or Daesh" in note and "named in 5 of the 50 articles (10%)" in note
    assert "no chart of its names is drawn" in note
    assert_readable(note)
    assert_readable(study.group_names_note(0, 1))
    assert study.group_is_subject(231, 923) and not study.group_is_subject(230, 923)  # 25% of 923 is 230.75


def test_another_corpus_charts_is_too_so_the_chart_counts_the_articles_the_notes_count():
    label_counts = pd.DataFrame([{"file": "a.txt", "label": "IS", "narrative": 1, "quoted": 0, "gloss": 0},
                                 {"file": "b.txt", "label": "ISIS", "narrative": 2, "quoted": 0, "gloss": 0}])
    charted = study.names_charted(label_counts, original=False)
    assert charted == ["ISIS", "IS"]
    used = label_counts[label_counts["label"].isin(charted)]["file"].nunique()
    assert used == len(study.naming_files(label_counts)) == 2


def test_a_source_the_lexicon_calls_the_group_is_classed_by_its_source_type_where_the_group_is_no_subject():
    found = pd.DataFrame({"file": ["a.txt"] * 4, "source_type": ["institution", "unnamed", "named", "unnamed"],
                          "source_class": ["the_group", "the_group", "named_person", "unnamed"],
                          "kind": ["the_group", "the_group", "other", "other"], "form": ["direct"] * 4})
    shown = report.group_as_other_sources(found)
    assert shown["source_class"].tolist() == ["named_institution", "unnamed", "named_person", "unnamed"]
    assert found["source_class"].tolist()[:2] == ["the_group", "the_group"]  # the input is left as it was
    table = pd.DataFrame({"file": ["a.txt"], "words": [100]})
    overview = pd.DataFrame({"file": ["a.txt"], "outlet": ["O"], "date_label": ["1 May 2016"]})
    columns = report.sources_table(shown, table, overview, kinds=False).columns
    assert not any("the group" in c for c in columns) and "Source: unnamed" in columns


def test_the_profile_prints_counts_with_thousands_separators():
    counts = pd.DataFrame({"quoted words": [27234, 12]}, index=["a.txt", "b.txt"])
    rates = pd.DataFrame({"quoted words": [212.5, 3.0]}, index=["a.txt", "b.txt"])
    overview = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["O", "P"], "date_label": ["1 May 2016", "2 May 2016"]})
    fig = framing_plots.profile_heatmap(rates, counts, overview)
    printed = [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    assert "212.5\n(27,234)" in printed and "3.0\n(12)" in printed


def test_the_conclusions_get_the_framing_chapters_largest_gaps_on_its_own_measures():
    summary = separated_summary("quoted_share", 0.40, 0.10, 0.002)
    text = report.conclusions_gaps_text(summary)
    assert "per 1,000 words" in text and "other measures of the same texts" in text
    assert "On the share of words quoted (every word between quotation marks, speech or not), Outlet A (40.7%) is " \
           "above Outlet B (10.7%; d = " in text
    # the same pair and figures as the chapter's own sentence on that measure
    assert "Outlet A (40.7%) above Outlet B (10.7%" in report.separated_text(summary)
    assert_readable(text)
    assert report.conclusions_gaps_text(summary, unit_is_outlet=False) == ""
