"""The themes chapter on any corpus: its sentences, tables and charts for random corpora of 1 to
~80 articles from 1 to 15 outlets (tables made up here, so nothing heavy is computed), and the
words and map frame it picks for a corpus that is not the original five."""

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
from newscorpus.measures import keyness, places, themes  # noqa: E402
from newscorpus.plots import MAX_OUTLET_COLOURS  # noqa: E402
from newscorpus.plots import themes as theme_plots  # noqa: E402

BAD = [re.compile(p) for p in (r"\bnan\b", r"\bNone\b", r" , ", r" ,", r"\( *\)", r"\bare \.", r": \.", r";;",
                               r"\band\s*$", r",\s*$")]
MAX_SENTENCE = 400


def check_prose(text: str, limit: int = MAX_SENTENCE) -> None:
    assert isinstance(text, str) and text.strip(), "an empty sentence"
    for pattern in BAD:
        assert not pattern.search(text), (pattern.pattern, text)
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        assert len(sentence) < limit, (len(sentence), sentence)


@st.composite
def corpora(draw):
    """A random corpus: ``articles`` as ``newscorpus.load`` gives them (with long, realistic outlet
    names and repeated dates, so labels carry file names), and random theme intervals."""
    n_outlets = draw(st.integers(1, 15))
    sizes = draw(st.lists(st.integers(1, 7), min_size=n_outlets, max_size=n_outlets))
    years = draw(st.lists(st.sampled_from([2014, 2016, 2020]), min_size=1, max_size=3, unique=True))
    rows = []
    for o, size in enumerate(sizes):
        for i in range(size):
            year = years[(o + i) % len(years)]
            rows.append({"file": f"outlet-{o:02d}_{year}-09-08_a-rather-long-headline-slug-{i:02d}.txt",
                         "outlet": f"The Daily Example of Somewhere {o}", "published": pd.Timestamp(year, 9, 8).date(),
                         "date_label": f"8 September {year}", "date_precision": "day"})
    articles = pd.DataFrame(rows)
    zero_share = draw(st.sampled_from([0.0, 0.5, 0.95, 1.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    records = []
    for f in articles["file"]:
        for t in themes.THEMES:
            rate = 0.0 if rng.random() < zero_share else float(rng.gamma(1.5, 3.0))
            low, high = max(0.0, rate - rng.random() * 4), rate + 0.5 + rng.random() * 4
            records.append({"file": f, "theme": t, "rate": rate, "low": low, "high": high})
    intervals = pd.DataFrame(records)
    shared = intervals.assign(rate=intervals["rate"] * 0.8, low=intervals["low"] * 0.8, high=intervals["high"] * 0.9)
    return articles, intervals, shared


def synthetic_drivers(intervals: pd.DataFrame) -> pd.DataFrame:
    rows = intervals[intervals["rate"] > 0]
    return pd.DataFrame({"file": rows["file"], "theme": rows["theme"], "terms": "clash 2†, battles 1 (+2 more)",
                         "count": 3, "single_text": 2})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_theme_sentences_read_right_for_any_corpus(corpus):
    articles, intervals, shared = corpus
    rates = intervals.pivot(index="file", columns="theme", values="rate").reset_index()
    check_prose(theme_plots.conflict_note(theme_plots.conflict_share(rates)))
    check_prose(theme_plots.change_claim(themes.period_changes(intervals, shared, articles)))
    check_prose(theme_plots.same_period_claim(themes.same_period_differences(intervals, shared, articles), articles))
    pairs, sentence = theme_plots.outlet_differences(intervals, shared, articles)
    check_prose(sentence)
    assert set(pairs["theme"]) <= set(themes.THEMES)
    leads = theme_plots.one_text_leads(intervals, synthetic_drivers(intervals), articles)
    if leads:
        check_prose(leads)
    peaks = []
    for theme in themes.THEMES:
        lead = themes.leading_article(intervals, theme)
        if lead["rate"] > 0:
            lead["clear"] = False
            peaks.append((themes.THEME_LABELS[theme].lower(), lead))
    if peaks:
        check_prose(theme_plots.peaks_summary(peaks, articles))
    check_prose(theme_plots.panels_what(articles))
    check_prose(theme_plots.dot_table_rows(articles))


def test_same_period_pairs_are_the_pairs_the_rule_allows():
    """The vectorised pairs agree with ``difference_survives`` applied pair by pair."""
    rng = np.random.default_rng(3)
    files = [f"{i}.txt" for i in range(7)]
    articles = pd.DataFrame({"file": files, "outlet": "A", "published": [pd.Timestamp(2016 + i % 2, 1, 1).date()
                                                                         for i in range(7)]})
    rows = [{"file": f, "theme": t, "low": lo, "high": lo + rng.random() * 3, "rate": lo + 0.1}
            for f in files for t in themes.THEMES for lo in [rng.random() * 6]]
    iv = pd.DataFrame(rows)
    shared = iv.assign(low=iv["low"] - rng.random(len(iv)), high=iv["high"])
    found = themes.same_period_differences(iv, shared, articles)
    expected = {(t, a, b) for t in themes.THEMES for a in files for b in files
                if a != b and articles.set_index("file").loc[a, "published"].year
                == articles.set_index("file").loc[b, "published"].year
                and themes.difference_survives(iv, shared, t, [a], [b])}
    assert set(zip(found["theme"], found["higher"], found["lower"])) == expected and expected


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_the_dot_table_fits_and_its_colours_are_bounded(corpus):
    articles, intervals, shared = corpus
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning is text on stderr, which fails the strict build
        fig = theme_plots.themes_dot_table(intervals, articles, shared)
        fig.canvas.draw()
    width, height = fig.get_size_inches()
    assert width < 16 and height < 20
    panel = fig.axes[0]
    unit = units.comparison_unit(articles)
    rows = len(articles) if unit == units.ARTICLE else articles["outlet"].nunique()
    assert len(panel.get_yticklabels()) == min(rows, theme_plots.MAX_ROWS)
    assert len(set(theme_plots.colours_for(articles).values())) <= MAX_OUTLET_COLOURS + 1
    plt.close(fig)


def test_outlet_rows_show_the_mean_and_the_resampled_interval():
    """Comparing outlets, a row's dot is the mean of its articles' rates and its line the interval
    of ``units.outlet_summary``; an outlet below the minimum gets a dot and no line."""
    articles = pd.DataFrame({"file": [f"{i}.txt" for i in range(9)], "outlet": ["A"] * 6 + ["B"] * 3,
                             "published": [pd.Timestamp(2016, 1, 1 + i).date() for i in range(9)],
                             "date_label": [f"{1 + i} January 2016" for i in range(9)], "date_precision": "day"})
    rates = [1.0, 2.0, 3.0, 4.0, 5.0, 9.0, 0.0, 0.0, 3.0]
    iv = pd.DataFrame([{"file": f, "theme": t, "rate": r, "low": r, "high": r}
                       for f, r in zip(articles["file"], rates) for t in themes.THEMES])
    rows = theme_plots.dot_rows(iv, articles)
    battles = rows[rows["theme"] == "battles"].set_index("outlet")
    assert battles.loc["A", "rate"] == pytest.approx(4.0) and battles.loc["B", "rate"] == pytest.approx(1.0)
    assert battles.loc["A", "low"] < 4.0 < battles.loc["A", "high"] and np.isnan(battles.loc["B", "low"])
    assert list(battles["row"]) == ["A (6 articles)", "B (3 articles)"]


def test_a_corpus_far_from_conflict_is_told_so_and_not_ranked():
    rates = pd.DataFrame({"file": ["a", "b", "c"], **{t: [0.0, 0.4, 3.5] if t == "battles" else 0.0
                                                     for t in themes.THEMES}})
    share = themes.conflict_share(rates)
    assert share == {"rate": pytest.approx(0.4), "articles": 1, "n": 3, "conflict": False}
    assert "made for news of armed conflict" in theme_plots.conflict_note(share)
    war = rates.assign(battles=[5.0, 4.0, 0.0])
    assert themes.conflict_share(war)["conflict"]


def test_conflict_share_is_a_measure_without_matplotlib():
    # the findings table reads it; it must not load the plotting stack (#22 problem 9)
    import subprocess
    import sys

    code = ("import sys, pandas as pd; from newscorpus.measures import themes; "
            "print(themes.conflict_share(pd.DataFrame({'file': ['a']}))['n'], 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "False"]
    assert theme_plots.conflict_share is themes.conflict_share  # the charts' notes read the same rule


def dispersion_file(tmp_path, text: str):
    (tmp_path / themes.DISPERSION_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_readers_dispersion_words_are_read_with_their_spellings(tmp_path):
    folder = dispersion_file(tmp_path, "# my words\nMosul\nsleeper cells | dormant cells  # the same\nborder*\n\n")
    terms, source = themes.dispersion_terms(pd.DataFrame(columns=keyness.COLUMNS), original=False, corpus_dir=folder)
    assert source == "file"
    assert terms == {"Mosul": ["Mosul"], "sleeper cells": ["sleeper cells", "dormant cells"], "border": ["border*"]}
    table = pd.DataFrame({"file": ["a"], "paragraphs": [["In Mosul the dormant cells crossed the borders; Mosul."]]})
    found = themes.positions_table(table, terms)
    assert sorted(found["term"]) == ["Mosul", "Mosul", "border", "sleeper cells"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n".join(f"word{i}" for i in range(9))])
def test_a_bad_dispersion_file_is_one_line_error(tmp_path, text):
    folder = dispersion_file(tmp_path, text)
    with pytest.raises(ValueError) as error:
        themes.dispersion_terms(pd.DataFrame(columns=keyness.COLUMNS), original=False, corpus_dir=folder)
    assert "\n" not in str(error.value) and themes.DISPERSION_FILE in str(error.value)


def test_without_a_file_the_words_are_the_corpus_most_distinctive(tmp_path):
    counts = pd.DataFrame({"file": ["a"] * 3 + ["b"] * 3 + ["c"] * 2,
                           "term": ["trump", "tax", "the", "trump", "emails", "the", "the", "veto"],
                           "count": [30, 12, 50, 25, 9, 60, 500, 1]})
    key = keyness.keyness_table(counts)
    terms, source = themes.dispersion_terms(key, original=False, corpus_dir=tmp_path)
    assert source == "keyness" and key["key"].any()
    # "the" is a stop word, "tax" and "emails" are key but in one text each, "veto" is key nowhere:
    # only "trump", key and used in two texts, is distinctive enough for the plot (referee round 2, P3)
    assert terms == {"trump": ["trump"]}
    original, source = themes.dispersion_terms(key, original=True, corpus_dir=tmp_path)
    assert source == "original" and original == themes.DISPERSION_TERMS
    assert themes.distinctive_terms(key.assign(key=False)) == {}


def mentions_at(points: list[tuple[str, float, float, int]], file: str = "a.txt") -> pd.DataFrame:
    return pd.DataFrame([{"file": file, "place": p, "country": "", "count": n, "as_actor": 0, "lat": lat, "lon": lon,
                          "geonameid": i, "kind": "city"} for i, (p, lat, lon, n) in enumerate(points)])


def test_the_map_frame_follows_the_places_named():
    us = mentions_at([("New York", 40.71, -74.01, 33), ("Washington", 38.9, -77.04, 12), ("Chicago", 41.85, -87.65, 3)])
    west, east, south, north = theme_plots.map_bbox(us)
    assert west < -87.65 and east > -74.01 and south < 38.9 and north > 41.85 and east - west < 60
    both = pd.concat([us, mentions_at([("Baghdad", 33.34, 44.4, 30), ("Mosul", 36.34, 43.12, 20)])])
    west, east, south, north = theme_plots.map_bbox(both)  # two regions: a frame that holds both
    assert west < -77.04 and east > 44.4 and south < 33.34 and north > 41.85
    world = pd.concat([both, mentions_at([("Tokyo", 35.69, 139.69, 30), ("Sydney", -33.87, 151.21, 30)])])
    assert theme_plots.map_bbox(world) == theme_plots.WORLD  # places all round the world: the world
    iraq = mentions_at([("Baghdad", 33.34, 44.4, 30), ("Mosul", 36.34, 43.12, 20)])
    assert theme_plots.map_bbox(iraq) == theme_plots.MAP_BBOX
    assert theme_plots.map_resolution(theme_plots.WORLD) == "c" and theme_plots.map_resolution(theme_plots.MAP_BBOX) == "i"


def many_articles(n: int, outlets: int) -> pd.DataFrame:
    return pd.DataFrame({"file": [f"{i:03d}.txt" for i in range(n)], "outlet": [f"Outlet {i % outlets}" for i in range(n)],
                         "published": [pd.Timestamp(2019, 11, 1 + i % 28).date() for i in range(n)],
                         "date_label": [f"{1 + i % 28} November 2019" for i in range(n)], "date_precision": "day"})


@pytest.mark.parametrize("n, outlets, panels", [(4, 4, 4), (30, 5, 5), (137, 96, 1)])
def test_one_map_for_many_articles_with_its_size_and_labels_bounded(n, outlets, panels):
    articles = many_articles(n, outlets)
    rng = np.random.default_rng(n)
    cities = [(f"City {i}", float(rng.uniform(25, 48)), float(rng.uniform(-120, -70)), int(rng.integers(1, 40)))
              for i in range(60)]
    mentions = pd.concat([mentions_at([c], file=f) for f, c in zip(articles["file"], cities * 3)], ignore_index=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = theme_plots.places_map(mentions, articles)
        fig.canvas.draw()
    maps = [ax for ax in fig.axes if ax.get_visible()]
    assert len(maps) == panels
    width, height = fig.get_size_inches() * fig.dpi
    assert height < 2600 and width < 1300
    assert all(len(ax.texts) <= theme_plots.MAX_MAP_LABELS + 10 for ax in maps)  # names plus the base map's
    note = " ".join(fig.texts[-1].get_text().split())
    if note:  # only what is not drawn or not named
        check_prose(note, limit=1200)
    plt.close(fig)


def test_no_map_when_nothing_can_be_placed():
    unplaced = mentions_at([("Anbar", np.nan, np.nan, 3)]).assign(kind="province")
    assert theme_plots.places_map(unplaced, many_articles(1, 1)) is None


@pytest.mark.parametrize("n, outlets", [(1, 1), (3, 3), (50, 11), (137, 96), (900, 7)])
def test_dispersion_lanes_are_bounded_and_not_empty_when_words_occur(n, outlets):
    articles = many_articles(n, outlets)
    rng = np.random.default_rng(n)
    users = articles["file"].sample(min(n, 60), random_state=1)
    positions = pd.DataFrame({"file": list(users) * 2, "term": ["alpha"] * len(users) + ["beta"] * len(users),
                              "position": rng.random(2 * len(users))})
    lanes, what = theme_plots.dispersion_lanes(positions, articles)
    assert 1 <= len(lanes) <= theme_plots.MAX_ROWS
    check_prose(what)
    if n > theme_plots.MAX_ROWS and units.comparison_unit(articles) == units.ARTICLE:
        assert all(set(files) & set(users) for _, files, _ in lanes)  # the lanes that use the words
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = theme_plots.dispersion_plot(positions, articles, ["alpha", "beta"])
        fig.canvas.draw()
    assert fig.get_size_inches()[1] < 16
    plt.close(fig)
    check_prose(theme_plots.dispersion_summary(positions, articles, ["alpha", "beta"]))


def test_places_by_year_stays_short_for_a_long_archive():
    mentions = pd.concat([mentions_at([(f"City {y}", 30.0, 40.0, 3)], file=f"{y}.txt") for y in range(2000, 2020)])
    articles = pd.DataFrame({"file": [f"{y}.txt" for y in range(2000, 2020)],
                             "published": [pd.Timestamp(y, 1, 1) for y in range(2000, 2020)]})
    text = places.most_named_by_year(mentions, articles)
    assert text.startswith("over all 20 years: ") and "more (see the table)" in text
    check_prose(text)


def test_the_top_key_words_sentence_is_bounded():
    articles = many_articles(60, 60)
    key = pd.DataFrame({"file": articles["file"], "term": [f"word{i}" for i in range(60)],
                        "ci_low": np.linspace(5, 1, 60)})
    text = theme_plots.top_key_words(key, articles)
    check_prose(text)
    assert text.endswith("more (see the table)") and "word0 (" in text


def test_one_text_has_nothing_to_contrast_and_the_captions_fit_what_is_drawn():
    # #22 problem 6: a 1-article corpus printed "0 words pass the filters" beside an empty chart
    one = pd.DataFrame({"file": ["a.txt"], "outlet": ["A"]})
    two = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["A", "B"]})
    assert theme_plots.nothing_to_contrast(two, units.ARTICLE) == ""
    for unit in (units.ARTICLE, units.OUTLET):
        sentence = theme_plots.nothing_to_contrast(one, unit)
        check_prose(sentence)
        assert "nothing to contrast" in sentence and sentence.count(". ") == 0  # one sentence
        caption = theme_plots.keyness_caption(one, unit)
        assert "No keyness chart" in caption and "dot" not in caption
    assert "dot at the log ratio" in theme_plots.keyness_caption(two, units.ARTICLE)
    assert "No theme chart" in theme_plots.themes_caption(0, 0.95) and "dot" not in theme_plots.themes_caption(0, 0.95)
    assert "95% paragraph-bootstrap" in theme_plots.themes_caption(3, 0.95)
    check_prose(theme_plots.methods_compared(5, 1))
    assert "1 is on" in theme_plots.methods_compared(5, 1)


def test_dispersion_words_are_the_strongest_key_words_one_per_text_first():
    """P3: not the words key in most texts (generic words, or a name in one short article), but the
    strongest by the lower bound, stop-like words aside, used in at least two texts, one per text first."""
    counts = pd.DataFrame({"file": ["a"] * 4 + ["b"] * 4 + ["c"] * 3,
                           "term": ["think", "drones", "wage", "Kate Henshaw", "drones", "snow", "storm", "wage",
                                    "drones", "wage", "snow"],
                           "count": [40, 30, 20, 35, 2, 25, 18, 1, 1, 1, 1]})
    key = keyness.keyness_table(counts)
    assert key.loc[(key["file"] == "a") & (key["term"] == "think"), "key"].item()  # key, but a word of talk
    assert key.loc[(key["file"] == "a") & (key["term"] == "Kate Henshaw"), "key"].item()  # key, in one text only
    terms = themes.distinctive_terms(key, k=3)
    assert "think" not in terms and "Kate Henshaw" not in terms and "storm" not in terms
    bound = key[key["key"]].set_index(["file", "term"])["ci_low"]
    firsts = [max(((t, b) for (f, t), b in bound.items() if f == text and t in ("drones", "wage", "snow")),
                  key=lambda x: x[1])[0] for text in ("a", "b")]
    assert set(firsts) <= set(terms)  # each text's strongest qualifying word is shown
    assert len(terms) == len(set(terms)) <= 3


def test_a_lone_match_does_not_make_a_text_conflict_news():
    """B4: a 318-word page with one *regain* and one *protest* reached "3 per 1,000" on two stray
    matches of two themes; a theme counts toward the test only where it is matched twice."""
    table = pd.DataFrame({"file": ["yonhap", "war"], "words": [318, 400],
                          **{t: [0.0, 0.0] for t in themes.THEMES}, **{f"{t}_n": [0, 0] for t in themes.THEMES}})
    table.loc[0, ["battles", "battles_n", "demonstrations", "demonstrations_n"]] = [1000 / 318, 1, 1000 / 318, 1]
    table.loc[1, ["battles", "battles_n"]] = [5.0, 2]
    share = themes.conflict_share(table)
    assert share["articles"] == 1  # the war text only
    rates_only = themes.conflict_share(table[["file", *themes.THEMES]])  # without the matches: the rate alone
    assert rates_only["articles"] == 2
    note = theme_plots.conflict_note(share)
    assert f"matched at least {themes.MIN_CONFLICT_MATCHES} times" in note
    alone = theme_plots.conflict_note(themes.conflict_share(table.iloc[:1]))
    assert "lone matches" in alone and "below" not in alone  # 6.3 per 1,000 is not "below 3"
    two = pd.concat([table.iloc[:1], table.iloc[:1].assign(file="other")], ignore_index=True)
    assert "no article reaches" in theme_plots.conflict_note(themes.conflict_share(two))


def test_a_rate_on_one_match_is_shown_with_its_words():
    paragraphs = ["Seoul says the drill is part of its preparations to regain wartime operational control of its troops."]
    line = themes.match_context(paragraphs, "battles")
    assert "regain wartime operational control" in line and line.startswith("…")
    assert themes.match_context(paragraphs, "civilians") == ""
    articles = pd.DataFrame({"file": ["y", "z"], "outlet": ["Yonhap", "Other"], "published": pd.to_datetime(["2019-08-20"] * 2),
                             "date_label": ["20 August 2019"] * 2, "date_precision": ["day"] * 2})
    iv = pd.DataFrame([{"file": f, "theme": t, "rate": 3.1 if (f, t) == ("y", "battles") else 0.0, "low": 0.0, "high": 9.0}
                       for f in "yz" for t in themes.THEMES])
    drivers = themes.theme_drivers(pd.DataFrame({"file": ["y"], "theme": ["battles"], "term": ["regain*"], "count": [1]}))
    said = theme_plots.one_text_leads(iv, drivers, articles, {"y": paragraphs})
    assert "one match: “" in said and "regain wartime" in said and ") (" not in said


def test_time_and_arc_sentences_fit_the_corpus_size():
    def corpus(per_year: int) -> pd.DataFrame:
        dates = [f"{y}-06-01" for y in (2015, 2016) for _ in range(per_year)]
        return pd.DataFrame({"file": [str(i) for i in range(len(dates))], "outlet": ["A", "B"] * per_year,
                             "published": pd.to_datetime(dates)})
    assert theme_plots.arc_caveat(corpus(3)).startswith("With few articles per year")
    many = theme_plots.arc_caveat(corpus(460))
    assert "460 articles of June 2015 against the 460 of June 2016" in many and "2 outlets" in many
    assert "few articles" not in many and "a year" not in many
    uneven = corpus(460).assign(published=pd.to_datetime(["2015-11-02", "2015-12-30"] + ["2016-01-05"] * 458 + ["2016-10-20"] * 460))
    assert "2 articles of November to December 2015 (2 months) against the 918 of January to October 2016 (10 months)" in theme_plots.arc_caveat(uneven)
    assert theme_plots.within_a_year("No two articles of the same year differ") == "no two articles of the same year differ"
    assert theme_plots.within_a_year("CNN, 6 May above …") == "CNN, 6 May above …"


def test_the_theme_chart_is_a_note_when_the_corpus_is_not_conflict_news():
    share = {"rate": 0.0, "articles": 72, "n": 923, "conflict": False}
    caption = theme_plots.themes_caption(500, 0.95, share)
    assert caption.startswith("No theme chart") and "table above" in caption
    assert "only 72 of the 923 articles reach" in theme_plots.themes_chart_note(share)
    assert theme_plots.themes_caption(500, 0.95, {**share, "conflict": True}).startswith("Theme rates per 1,000 words")


def test_the_dictionary_check_is_said_to_be_in_sample_on_polnear():
    polnear = pd.DataFrame({"file": ["a.txt", "b.txt"], "origin": ["original reporting (PolNeAR corpus)"] * 2})
    said = theme_plots.check_in_sample(polnear)
    assert said.startswith(" (in-sample here:") and "all 2 articles are from PolNeAR" in said
    mixed = polnear.assign(origin=["original reporting (PolNeAR corpus)", "saved page"])
    assert "1 of its 2 articles is from PolNeAR" in theme_plots.check_in_sample(mixed)
    assert theme_plots.check_in_sample(polnear.assign(origin="saved page")) == ""


def test_a_word_is_shown_in_one_form_everywhere():
    from collections import Counter

    from newscorpus.measures.tokens import display_form

    assert display_form(Counter({"Turkey": 40, "turkey": 1})) == "Turkey"  # the bird once does not rename the country
    assert display_form(Counter({"Voters": 1, "voters": 1})) == "voters"  # a tie: the sentence-start capital loses
    counts = pd.DataFrame({"file": ["a", "b"], "term": ["turkey", "turkey"], "form": ["Turkey", "turkey"], "count": [9, 1],
                           "article_words": [100, 100]})
    forms = keyness.display_forms(counts)
    assert theme_plots.with_forms(counts, forms)["form"].tolist() == ["Turkey", "Turkey"]
    from newscorpus.report.counting import name_examples

    assert name_examples(pd.DataFrame({"file": ["a"] * 3, "term": ["White House", "trump", "New York"],
                                       "form": ["White House", "trump", "New York"], "count": [3, 9, 5]})) == \
        "“New York” and “White House”"


def test_dispersion_words_count_uses_before_the_list_filters():
    """Referee 4, item 6: "used in at least 2 texts" counts every use, also where a list filter
    dropped the other text's row (one use in one article of another outlet): the strongest key
    word is then chosen, as the page says."""
    counts = pd.DataFrame({"file": ["a"] * 3 + ["b"] * 3, "term": ["Palin", "Turkey", "budget", "Palin", "Turkey", "budget"],
                           "count": [40, 30, 5, 1, 3, 60]})
    counted = keyness.keyness_table(counts)
    filtered = counted[~((counted["file"] == "b") & (counted["term"] == "Palin"))]  # b's lone use left out
    a_key = counted[(counted["file"] == "a") & counted["key"]].sort_values("ci_low", ascending=False)
    assert list(a_key["term"])[0] == "Palin"  # the strongest key word of a
    assert "Palin" not in themes.distinctive_terms(filtered, k=1)  # the old count: b's row was gone
    assert themes.distinctive_terms(filtered, k=2, counted=counted) == {"Palin": ["Palin"], "budget": ["budget"]}


def test_dispersion_shading_has_one_scale_per_word():
    """Referee 4, item 12: each lane was shaded on its own scale, so an outlet's single use of a word
    was as dark as another's tenth holding dozens. Now one scale per word (panel)."""
    articles = many_articles(40, 2)  # two outlets of 20 articles: outlets are compared
    assert units.comparison_unit(articles) == units.OUTLET
    one, other = (articles.groupby("outlet")["file"].first()).tolist()
    positions = pd.DataFrame({"file": [one] + [other] * 30, "term": ["alpha"] * 31,
                              "position": [0.05] + [0.05] * 30})
    fig = theme_plots.dispersion_plot(positions, articles, ["alpha"])
    alphas = sorted(p.get_alpha() for p in fig.axes[0].patches)
    assert len(alphas) == 2 and alphas[0] < 0.2 and alphas[1] == pytest.approx(1.0)
    plt.close(fig)
