"""The theme dictionary: every term matches the way the chapter says, and every rate in
themes.csv is recomputed from the dictionary and the cleaned text by an independent regex."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newscorpus
from newscorpus import plots
from newscorpus.cleaning import clean_corpus
from newscorpus.corpus import date_interval
from newscorpus.export import tables
from newscorpus.measures import themes
from newscorpus.measures.tokens import CANONICAL_NAME, NAMES, keys
from newscorpus.plots import themes as theme_plots
from newscorpus.text import word_count

DICTIONARY = themes.DICTIONARY
REQUIRED = {"territory_state", "insurgency_cells", "military_operations", "prisons_detainees", "borders_syria",
            "intelligence", "finance_crime", "sectarian_grievance", "foreign_powers"}


def matched(sentence: str) -> list[tuple[str, str]]:
    return [(theme, term) for _, _, theme, term in themes.match_terms(keys([sentence]))]


def example(term: str) -> str:
    """The term as a writer would use it: a prefix term with an ending, hyphenated phrases
    with a hyphen, and capitalised at a sentence start."""
    word = term[:-1] + "s" if term.endswith("*") else term
    return word.replace("hit and run", "hit-and-run")


def test_the_nine_themes_are_there_with_labels_and_no_term_twice():
    assert REQUIRED <= set(themes.THEMES) and set(themes.THEMES) <= set(themes.THEME_LABELS)
    assert not DICTIONARY["term"].duplicated().any()
    assert (DICTIONARY.groupby("theme").size() >= 5).all()


@pytest.mark.parametrize("theme, term", list(zip(DICTIONARY["theme"], DICTIONARY["term"])))
def test_every_term_matches_as_documented(theme, term):
    word = example(term)
    assert matched(f"They spoke of {word} again.") == [(theme, term)]
    if term.islower() and term not in CANONICAL_NAME:  # a listed name is matched in any case
        assert matched(f"{word[0].upper()}{word[1:]} was the word.") == [(theme, term)]  # any case but capitals
        assert matched(f"They spoke of {word.upper()} again.") == []  # in capitals it is an acronym
    if term.endswith("*"):
        assert matched(f"They spoke of {term[:-1]} again.") == [(theme, term)]  # the bare stem too
    else:
        assert matched(f"They spoke of x{word}x again.") == []  # whole words only


def test_acronyms_match_only_in_capitals_and_longest_match_wins():
    assert matched("U.S. and US forces helped us.") == [("foreign_powers", "US"), ("foreign_powers", "US"),
                                                        ("military_operations", "forces")]
    assert matched("its sleeper cells") == [("insurgency_cells", "sleeper cells")]  # not again as "cells"
    assert matched("a statement by the Islamic State") == []  # no match inside a word or a name


def test_no_listed_name_contains_a_theme_term():
    # a word inside a name counts only as the name; keeping terms out of names keeps that rule
    # harmless. A name may itself be a term ("breaking the walls"), matched whole.
    terms = set(DICTIONARY["term"].str.lower())
    for name in NAMES:
        found = themes.match_terms(keys([name]))
        assert found == [] or len(name.split()) == 1 or (name.lower() in terms and len(found) == 1), name
        for word in keys([name.replace("-", " ")]) if name.lower() not in terms else []:
            assert themes.match_terms([word]) == [], (name, word)


def test_a_term_that_is_a_name_is_counted_once_as_that_name():
    assert "breaking the walls" in set(DICTIONARY["term"]) and "breaking the walls" in CANONICAL_NAME
    assert keys(["the “Breaking the Walls” plan"]) == ["the", "Breaking the Walls", "plan"]
    assert matched("the “Breaking the Walls” plan, breaking the walls") == [
        ("prisons_detainees", "breaking the walls")] * 2


def independent_counts(text: str) -> dict[str, int]:
    """Dictionary matches counted with one regex over the text: names masked first, terms tried
    longest first, a final * as any ending, lower-case terms in any case but all capitals."""
    terms = set(DICTIONARY["term"].str.lower())
    masked = [n for n in NAMES if n.lower() not in terms]  # a name that is a term is matched as the term
    text = re.sub("|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(masked, key=len, reverse=True)),
                  "NAME", text, flags=re.IGNORECASE)
    alternatives = []
    for theme, term in sorted(zip(DICTIONARY["theme"], DICTIONARY["term"]),
                              key=lambda x: (-len(x[1].split()), -len(x[1]))):
        words = [re.escape(w) for w in term.rstrip("*").split()]
        body = r"[\s-]+".join(words) + (r"[^\W\d_]*" if term.endswith("*") else "")
        if term.isupper():
            body = body.replace(r"US", r"(?:US|U\.S\.)")
        else:
            body = f"(?i:{body})"
        alternatives.append(f"(?P<{theme}__{len(alternatives)}>{body})")
    pattern = re.compile(r"(?<![\w'’.])(?<![Aa]l-)(?:" + "|".join(alternatives) + r")(?:['’]s)?(?!\w)(?!['’]\w)")
    counts = dict.fromkeys(themes.THEMES, 0)
    for match in pattern.finditer(text):
        if match.group().isupper() and not match.lastgroup.startswith("foreign_powers"):
            continue  # a lower-case term written in capitals is an acronym, not the word
        counts[match.lastgroup.split("__")[0]] += 1
    return counts


@pytest.fixture(scope="module")
def exported():
    cleaned = clean_corpus(newscorpus.load())
    return cleaned, tables()["themes.csv"]


def test_themes_csv_is_file_first_with_one_rate_per_theme(exported):
    _, table = exported
    assert list(table.columns) == ["file", *themes.THEMES]


def test_every_rate_in_themes_csv_is_recomputed_from_dictionary_and_text(exported):
    cleaned, table = exported
    for row in cleaned.itertuples():
        counts = independent_counts(row.clean_text)
        words = word_count(row.clean_text)
        exported_row = table.set_index("file").loc[row.file]
        for theme in themes.THEMES:
            assert exported_row[theme] == pytest.approx(1000 * counts[theme] / words, abs=1e-9), (row.file, theme)


def test_dispersion_positions_are_in_order_between_0_and_1():
    paragraphs = ["Mosul fell. The border", "was open; sleeper cells and dormant cells stayed near Mosul."]
    rows = pd.DataFrame(themes.article_positions("x", paragraphs))
    assert list(rows["term"]) == ["Mosul", "border", "sleeper or dormant cells", "sleeper or dormant cells", "Mosul"]
    assert rows["position"].is_monotonic_increasing and rows["position"].between(0, 1).all()
    assert rows["position"].iloc[0] == 0


def test_per_article_function_is_pure_and_picklable():
    import pickle

    row = themes.article_themes("x", ["Sleeper cells crossed the border into Syria."])
    assert pickle.loads(pickle.dumps(themes.article_themes)) is themes.article_themes
    assert row == themes.article_themes("x", ["Sleeper cells crossed the border into Syria."])
    assert (row["insurgency_cells_n"], row["borders_syria_n"]) == (1, 2)


def _reference_tokens(text: str):
    """The per-match loop the cached tokeniser replaced (kept here as the reference)."""
    from newscorpus.measures import tokens as tk

    return [tk._token(m.lastgroup, m.group()) for m in tk.TOKEN.finditer(text)]


def test_cached_tokens_equal_the_plain_tokeniser():
    from newscorpus.measures import tokens as tk

    assert tk.TOKEN.groups == len(tk.KINDS)  # findall's tuples name the kind: no other groups
    cleaned = clean_corpus(newscorpus.load())
    adversarial = ["Al- Baaj’s and al-Sham's; U.S.-led a.k.a. ISIS’s 3,000.5 post-Mosul Islamic  State’S",
                   "", "Deir\nez-Zour Al-\tBaghdadi IS is Is", "Ünïcödé ſ’s'S"]
    for paragraph in [p for ps in cleaned["paragraphs"] for p in ps] + adversarial:
        tk._TOKEN_CACHE.clear()
        tk._paragraph_tokens.cache_clear()
        expected = _reference_tokens(paragraph)
        assert tk.tokens(paragraph) == expected == tk.tokens(paragraph), paragraph[:60]
    first = tk.tokens("Mosul fell.")
    first.append("x")  # a caller may change its list
    assert tk.tokens("Mosul fell.") == _reference_tokens("Mosul fell.")


def _reference_match(matcher, words):
    """The plain longest-first loop the matcher replaced (kept here as the reference)."""
    found, i = [], 0
    while i < len(words):
        for n in range(min(matcher.longest, len(words) - i), 0, -1):
            hit = matcher.exact.get(tuple(words[i:i + n]))
            if hit is None and n == 1 and matcher.prefix is not None and words[i].islower():
                prefix = matcher.prefix.match(words[i])
                hit = matcher.prefixes[prefix.group()] if prefix else None
            if hit:
                found.append((i, n, *hit))
                i += n
                break
        else:
            i += 1
    return found


def test_term_matcher_equals_the_plain_loop():
    import random

    cleaned = clean_corpus(newscorpus.load())
    texts = [keys(list(p)) for p in cleaned["paragraphs"]]
    # Adversarial: every term's words, prefixes and endings shuffled together, phrases cut short.
    vocabulary = [w for t in DICTIONARY["term"] for w in themes.term_words(t.rstrip("*"))]
    vocabulary += [t.rstrip("*") + "s" for t in DICTIONARY["term"]] + ["the", "IS", "Cells", "sleeper"]
    rng = random.Random(7)
    texts += [[rng.choice(vocabulary) for _ in range(300)] for _ in range(30)]
    for matcher in (themes.THEME_MATCHER, themes.DISPERSION_MATCHER):
        for words in texts:
            assert matcher.match(words) == _reference_match(matcher, words)
        assert matcher.match(words) == _reference_match(matcher, words)  # again, from its cache
    assert any(n > 1 for words in texts for _, n, _, _ in themes.THEME_MATCHER.match(words))  # phrases covered


POINTS_PER_DAY = 170 / (7 * 365)  # a panel of about 170 points for seven years, as in the book


def on_screen(spans, offsets, points_per_day=POINTS_PER_DAY):
    origin = min(first for first, _ in spans)
    return [((first + (last - first) / 2) - origin) / pd.Timedelta(days=1) * points_per_day + o
            for (first, last), o in zip(spans, offsets)]


def month(year, m):
    first = pd.Timestamp(year, m, 1)
    return first, first + pd.offsets.MonthBegin(1)


def test_articles_of_one_month_are_set_apart_and_a_lone_date_stays_put():
    june = month(2014, 6)
    tenth = (pd.Timestamp("2014-06-10"), pd.Timestamp("2014-06-11"))
    year = (pd.Timestamp("2020-01-01"), pd.Timestamp("2021-01-01"))
    offsets = theme_plots.dodge_offsets([june, tenth, year], POINTS_PER_DAY)
    june_x, tenth_x, _ = on_screen([june, tenth, year], offsets)
    assert abs(june_x - tenth_x) == pytest.approx(theme_plots.DODGE_POINTS)  # set apart, just enough
    assert max(map(abs, offsets)) <= theme_plots.DODGE_MAX_POINTS
    assert offsets[2] == 0
    assert theme_plots.dodge_offsets([june, year], POINTS_PER_DAY) == [0, 0]
    # October and December 2016 are apart on screen already: neither moves off its month
    assert theme_plots.dodge_offsets([month(2016, 10), month(2016, 12)], POINTS_PER_DAY) == [0, 0]


@pytest.mark.parametrize("spans", [
    [(pd.Timestamp("2016-10-17"), pd.Timestamp("2016-10-18"))] * 50,  # fifty pieces of one day
    [month(2014 + (m - 1) // 12, (m - 1) % 12 + 1) for m in range(1, 49)],  # 48 months in a row
], ids=["50 on one day", "48 a month apart"])
def test_no_mark_moves_more_than_a_few_points_and_the_order_is_kept(spans):
    axis_days = (pd.Timestamp(spans[-1][0].year + 1, 1, 1) - pd.Timestamp(spans[0][0].year, 1, 1)).days
    points_per_day = 170 / axis_days
    offsets = theme_plots.dodge_offsets(spans, points_per_day)
    assert max(map(abs, offsets)) <= theme_plots.DODGE_MAX_POINTS + 1e-9
    xs = on_screen(spans, offsets, points_per_day)
    assert all(a <= b for a, b in zip(xs, xs[1:]))  # never out of date order
    assert max(xs) > min(xs)  # and a crowd is spread as far as the limit allows, not stacked


def fake_chart_corpus(spans_and_precision):
    rows = [{"file": f"{i:03d}.txt", "outlet": "Alpha", "published": first, "date_precision": precision,
             "date_label": str(first.date())} for i, ((first, _), precision) in enumerate(spans_and_precision)]
    articles = pd.DataFrame(rows)
    rates = pd.DataFrame([{"file": r["file"], **{t: 5.0 for t in themes.THEMES}} for r in rows])
    intervals = pd.DataFrame([{"file": r["file"], "theme": t, "rate": 5.0, "low": 2.0, "high": 8.0}
                              for r in rows for t in themes.THEMES])
    return articles, rates, intervals


@pytest.mark.parametrize("case", ["50 on one day", "48 a month apart"])
def test_every_mark_of_the_time_chart_stays_near_its_date(case):
    """The review's cases: marks were moved by up to 171 points, years away from their dates."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if case == "50 on one day":
        spans = [((pd.Timestamp("2016-10-17"), None), "day")] * 50
    else:
        spans = [(month(2014 + (m - 1) // 12, (m - 1) % 12 + 1), "month") for m in range(1, 49)]
    articles, rates, intervals = fake_chart_corpus(spans)
    fig = theme_plots.themes_over_time(rates, articles, intervals)
    fig.canvas.draw()
    tolerance = (theme_plots.DODGE_MAX_POINTS + 0.01) * fig.dpi / 72
    for ax in [a for a in fig.axes if a.get_visible()]:
        lines = [line for line in ax.lines if line.get_linewidth() == 1]
        assert len(lines) == len(articles)
        for line in lines:
            drawn = line.get_transform().transform(line.get_xydata())[0, 0]
            dated = ax.transData.transform(line.get_xydata())[0, 0]  # where its date is, unshifted
            assert abs(drawn - dated) <= tolerance
    plt.close(fig)


@pytest.mark.parametrize("case", ["June 2014, 10 June 2014 and 2020", "48 a month apart"])
def test_a_month_or_year_band_covers_exactly_its_span(case):
    """The reader's complaint: the June 2014 bar was drawn from about 25 June to 22 July, moved
    by the few points that set marks apart. Each band's extent is read back from the drawn
    patch, in screen pixels turned back into dates, and must be the date's span within a day."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if case == "48 a month apart":
        spans = [(month(2014 + (m - 1) // 12, (m - 1) % 12 + 1), "month") for m in range(1, 49)]
    else:
        spans = [(month(2014, 6), "month"), ((pd.Timestamp("2014-06-10"), None), "day"),
                 ((pd.Timestamp("2020-01-01"), None), "year")]
    articles, rates, intervals = fake_chart_corpus(spans)
    fig = theme_plots.themes_over_time(rates, articles, intervals)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    expected = {f"{i:03d}.txt": date_interval(first, precision)
                for i, ((first, _), precision) in enumerate(spans) if precision != "day"}
    for ax in [a for a in fig.axes if a.get_visible()]:
        bands = {p.get_gid().removeprefix("span:"): p for p in ax.patches if (p.get_gid() or "").startswith("span:")}
        assert set(bands) == set(expected)
        for file, (first, last) in expected.items():
            box = bands[file].get_window_extent(renderer)
            x0, x1 = ax.transData.inverted().transform([[box.x0, 0], [box.x1, 0]])[:, 0]
            drawn_first, drawn_last = (pd.Timestamp(mdates.num2date(x)).tz_localize(None) for x in (x0, x1))
            assert abs(drawn_first - first) <= pd.Timedelta(days=1), (file, drawn_first, first)
            assert abs(drawn_last - last) <= pd.Timedelta(days=1), (file, drawn_last, last)
    legend = " ".join(t.get_text() for t in fig.legends[0].get_texts())
    assert "band over\nexactly that span" in legend
    plt.close(fig)


def test_every_article_has_its_own_place_in_every_panel_of_the_time_chart(exported):
    """The reader complaint: the two June 2014 Al-Monitor pieces were drawn on top of each
    other. Every article's interval line must stand apart from every other's, on screen."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cleaned, table = exported
    articles = newscorpus.load()
    fig = theme_plots.themes_over_time(table, articles, themes.rate_intervals_table(cleaned))
    fig.canvas.draw()
    min_gap = 3 * fig.dpi / 72  # three points: two 1-point lines with clear space between
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == len(themes.THEMES)
    for ax in panels:
        lines = [line for line in ax.lines if line.get_linewidth() == 1]  # the interval lines
        xs = sorted(line.get_transform().transform(line.get_xydata())[0, 0] for line in lines)
        assert len(xs) == len(articles)
        assert min(b - a for a, b in zip(xs, xs[1:])) >= min_gap, ax.get_title()
    labels = {t.get_text() for t in fig.legends[0].get_texts()}
    assert set(plots.article_labels(articles)) <= labels  # the legend names each article
    plt.close(fig)


def test_leading_article_says_whether_its_interval_clears_the_others():
    intervals = pd.DataFrame({"file": ["a", "b", "c", "a", "b", "c"], "theme": ["x"] * 3 + ["y"] * 3,
                              "rate": [9.0, 2.0, 1.0, 9.0, 6.0, 1.0], "low": [5.0, 0.0, 0.0, 3.0, 2.0, 0.0],
                              "high": [14.0, 4.0, 3.0, 15.0, 10.0, 3.0]})
    x, y = themes.leading_article(intervals, "x"), themes.leading_article(intervals, "y")
    assert (x["file"], x["rate"], x["others_high"], x["clear"]) == ("a", 9.0, 4.0, True)
    assert (y["file"], y["low"], y["others_high"], y["clear"]) == ("a", 3.0, 10.0, False)


def test_an_interval_is_wholly_above_only_when_its_low_bound_clears_the_others_highest():
    assert themes.wholly_above(5.0, 4.0)
    assert not themes.wholly_above(4.0, 4.0)  # touching is overlapping
    assert not themes.wholly_above(3.0, 10.0)
    assert not themes.wholly_above(5.0, float("nan"))  # nothing to compare with


def test_a_corpus_of_one_article_has_no_other_to_compare_with():
    one = pd.DataFrame({"file": ["a"], "theme": ["x"], "rate": [9.0], "low": [5.0], "high": [14.0]})
    lead = themes.leading_article(one, "x")
    assert lead["clear"] is False and lead["others_high"] != lead["others_high"]  # NaN, not a number
    assert "nan" not in themes.against_the_others(lead) and "no other article" in themes.against_the_others(lead)
    articles = pd.DataFrame({"file": ["a"], "outlet": ["Alpha"], "published": ["2014-06-01"],
                             "date_label": ["June 2014"], "date_precision": ["month"]})
    assert "nan" not in theme_plots.peaks_summary([("x", lead)], articles)


def test_the_prose_about_peaks_says_which_stand_clear():
    intervals = pd.DataFrame({"file": ["a", "b", "c", "a", "b", "c"], "theme": ["x"] * 3 + ["y"] * 3,
                              "rate": [9.0, 2.0, 1.0, 9.0, 6.0, 1.0], "low": [5.0, 0.0, 0.0, 3.0, 2.0, 0.0],
                              "high": [14.0, 4.0, 3.0, 15.0, 10.0, 3.0]})
    articles = pd.DataFrame({"file": ["a", "b", "c"], "outlet": ["Alpha", "Beta", "Gamma"],
                             "published": ["2014-06-01", "2016-10-01", "2020-01-01"],
                             "date_label": ["June 2014", "October 2016", "2020"], "date_precision": ["month"] * 3})
    x, y = themes.leading_article(intervals, "x"), themes.leading_article(intervals, "y")
    assert themes.against_the_others(x).startswith("wholly above") and "4.0" in themes.against_the_others(x)
    assert themes.against_the_others(y).startswith("overlapping")
    assert theme_plots.peaks_summary([("x", x), ("y", y)], articles).endswith("only x stands clear of the other articles")
    assert theme_plots.peaks_summary([("y", y)], articles).endswith("none stands clear of the other articles")
    assert theme_plots.peaks_summary([("x", x)], articles) == (
        "Peaks (x in Alpha, June 2014) are read with their intervals, and each stands clear of the other articles")


def test_where_in_the_text_names_the_part_and_the_stretch_of_repeated_mentions():
    articles = pd.DataFrame({"file": ["a", "b"], "outlet": ["Alpha", "Beta"], "published": ["2014-06-01", "2016-10-01"],
                             "date_label": ["June 2014", "October 2016"], "date_precision": ["month"] * 2})
    positions = pd.DataFrame({"file": ["a", "b", "b", "b"], "term": ["caliphate", "caliphate", "Raqqa", "Raqqa"],
                              "position": [0.99, 0.05, 0.30, 0.40]})
    assert theme_plots.where_in_the_text(positions, "caliphate", articles) == (
        "1 in Alpha, June 2014 (at the end); 1 in Beta, October 2016 (at the start)")
    assert theme_plots.where_in_the_text(positions, "border", articles) == "nowhere"
    assert "at most 10% of the text apart" in theme_plots.repeated_stretch(positions, "Raqqa")
    assert theme_plots.repeated_stretch(positions, "caliphate") == "No article names caliphate more than once."
