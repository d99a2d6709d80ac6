"""The theme dictionary: every term matches the way the chapter says and comes from ACLED's event
types, every rate in themes.csv is recomputed from the dictionary and the cleaned text by an
independent regex, and a difference resting on terms found in one text only is never reported."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.export import tables
from newscorpus.measures import themes
from newscorpus.layer.tokenize import paragraph_tokens
from newscorpus.measures.tokens import keys
from newscorpus.plots import themes as theme_plots
from newscorpus.text import word_count

DICTIONARY = themes.DICTIONARY
REQUIRED = {"battles", "remote_violence", "civilians", "demonstrations", "strategic"}
# ACLED's event and sub-event types (codebook 2019-2023): every term's note must name one of them.
ACLED_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Armed clash",
               "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
               "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
               "Grenade", "Sexual violence", "Abduction/forced disappearance", "Peaceful protest",
               "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
               "Mob violence", "Agreement", "Arrests", "Headquarters or base established",
               "Looting/property destruction", "Non-violent transfer of territory"]


def matched(sentence: str) -> list[tuple[str, str]]:
    return [(theme, term) for _, _, theme, term in themes.match_terms(keys([sentence]))]


def example(term: str) -> str:
    """The term as a writer would use it: a prefix term with an ending, hyphenated phrases
    with a hyphen, and capitalised at a sentence start."""
    return term[:-1] + "s" if term.endswith("*") else term


def test_the_acled_themes_are_there_with_labels_and_no_term_twice():
    assert REQUIRED == set(themes.THEMES) and set(themes.THEMES) <= set(themes.THEME_LABELS)
    assert not DICTIONARY["term"].duplicated().any()
    assert (DICTIONARY.groupby("theme").size() >= 5).all()


@pytest.mark.parametrize("theme, term, note", list(DICTIONARY[["theme", "term", "note"]].itertuples(index=False)))
def test_every_term_comes_from_an_acled_type_that_names_it(theme, term, note):
    """The provenance rule of the dictionary's header: each term is a word of the name of the ACLED
    event or sub-event type its note gives (an ending or a written variant aside)."""
    sources = [t for t in ACLED_TYPES if t in note]
    assert sources, note
    words = re.findall(r"[a-z]+", " ".join(sources).lower())
    stem = term.rstrip("*").lower().replace("ieds", "ied").replace("airstrike", "air strike")
    assert all(any(w.startswith(part[:5]) or part.startswith(w[:5]) for w in words) for part in stem.split()), (
        term, note)


@pytest.mark.parametrize("theme, term", list(zip(DICTIONARY["theme"], DICTIONARY["term"])))
def test_every_term_matches_as_documented(theme, term):
    word = example(term)
    assert matched(f"They spoke of {word} again.") == [(theme, term)]
    if term.islower():
        assert matched(f"{word[0].upper()}{word[1:]} was the word.") == [(theme, term)]  # any case but capitals
        assert matched(f"They spoke of {word.upper()} again.") == []  # in capitals it is an acronym
    if term.endswith("*"):
        assert matched(f"They spoke of {term[:-1]} again.") == [(theme, term)]  # the bare stem too
    else:
        assert (theme, term) not in matched(f"They spoke of x{word}x again.")  # whole words only


def test_acronyms_match_only_in_capitals_and_longest_match_wins():
    assert matched("An IED and two IEDs, not an ied.") == [("remote_violence", "IED"), ("remote_violence", "ieds")]
    assert matched("a suicide bombing") == [("remote_violence", "suicide bombing")]  # not again as "suicide"
    assert matched("a battleground state, a bombastic bombshell") == []  # the forms are listed, not open
    assert matched("an embattled statement") == []  # no match inside a word


def test_a_theme_word_inside_a_name_counts_only_as_the_name():
    # the text layer joins a run of capitalised words into one name: its words are not themes
    assert keys(["The Artillery Brigade of Mosul moved."])[1] == "Artillery Brigade of Mosul"
    assert matched("The Artillery Brigade of Mosul moved.") == []
    assert matched("The brigade moved its artillery.") == [("remote_violence", "artillery")]


def independent_counts(text: str) -> dict[str, int]:
    """Dictionary matches counted with one regex over the text: names masked first, terms tried
    longest first, a final * as any ending, lower-case terms in any case but all capitals."""
    names = [t for t in paragraph_tokens(text) if t.kind == "name"]  # the layer's names, masked
    for t in reversed(names):
        text = text[:t.start] + "NAME" + text[t.end:]
    alternatives, listed = [], []
    for theme, term in sorted(zip(DICTIONARY["theme"], DICTIONARY["term"]),
                              key=lambda x: (-len(x[1].split()), -len(x[1]))):
        words = [re.escape(w) for w in term.rstrip("*").split()]
        body = r"[\s-]+".join(words) + (r"[^\W\d_]*" if term.endswith("*") else "")
        if not term.isupper():
            body = f"(?i:{body})"
        listed.append(term)
        alternatives.append(f"(?P<{theme}__{len(alternatives)}>{body})")
    pattern = re.compile(r"(?<![\w'’.])(?<![Aa]l-)(?:" + "|".join(alternatives) + r")(?:['’]s)?(?!\w)(?!['’]\w)")
    counts = dict.fromkeys(themes.THEMES, 0)
    for match in pattern.finditer(text):
        term = listed[int(match.lastgroup.split("__")[1])]
        if match.group().isupper() and len(match.group()) > 1 and not term.isupper():
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

    text = ["A suicide bomber hit the market; clashes followed the airstrikes."]
    row = themes.article_themes("x", text)
    assert pickle.loads(pickle.dumps(themes.article_themes)) is themes.article_themes
    assert row == themes.article_themes("x", text)
    assert (row["remote_violence_n"], row["battles_n"]) == (2, 1)


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


def terms_of(rows):
    return pd.DataFrame(rows, columns=["file", "theme", "term", "count"])


def test_a_term_found_in_one_text_only_is_marked_and_a_corpus_of_one_has_no_shared_term():
    terms = terms_of([("a", "x", "cells", 5), ("b", "x", "cells", 1), ("b", "x", "dormant", 4), ("c", "y", "oil", 2)])
    assert themes.single_text_terms(terms) == {("x", "dormant"), ("y", "oil")}
    assert themes.single_text_terms(terms[terms["file"] == "a"]) == {("x", "cells")}
    drivers = themes.theme_drivers(terms, top=1).set_index(["file", "theme"])
    assert drivers.loc[("b", "x"), "terms"] == "dormant 4† (+1 more)"
    assert (drivers.loc[("b", "x"), "count"], drivers.loc[("b", "x"), "single_text"]) == (5, 4)
    assert drivers.loc[("a", "x"), "terms"] == "cells 5" and drivers.loc[("a", "x"), "single_text"] == 0


def test_excluded_terms_are_not_counted():
    text = ["A suicide bomber struck; civilians fled the clashes."]
    row = themes.article_themes("x", text, exclude=frozenset({("remote_violence", "suicide bomber")}))
    assert (row["remote_violence_n"], row["civilians_n"], row["battles_n"]) == (0, 1, 1)


def intervals_of(rows):
    return pd.DataFrame(rows, columns=["file", "theme", "rate", "low", "high"])


def test_a_difference_is_reported_only_if_it_survives_without_one_text_terms():
    everything = intervals_of([("late", "x", 20.0, 13.0, 28.0), ("early", "x", 1.0, 0.0, 4.0)])
    # without the late text's own words the late rate falls back among the early ones
    shared = intervals_of([("late", "x", 3.0, 0.0, 6.0), ("early", "x", 1.0, 0.0, 4.0)])
    assert themes.wholly_apart(everything, "x", ["late"], ["early"])
    assert not themes.difference_survives(everything, shared, "x", ["late"], ["early"])
    assert themes.difference_survives(everything, everything, "x", ["late"], ["early"])
    assert not themes.wholly_apart(everything, "x", [], ["early"])


def test_period_changes_compare_first_and_last_year_and_apply_the_rule():
    articles = pd.DataFrame({"file": ["e1", "e2", "m", "l"], "published": pd.to_datetime(
        ["2014-06-01", "2014-06-10", "2016-10-01", "2020-01-01"])})
    rows = lambda late_low: intervals_of([(f, t, 5.0, lo, hi) for t in themes.THEMES for f, lo, hi in
                                           [("e1", 0.0, 4.0), ("e2", 0.0, 3.0), ("m", 0.0, 30.0), ("l", late_low, 30.0)]])
    changes = themes.period_changes(rows(10.0), rows(10.0), articles).set_index("theme")
    assert changes["rise"].all() and changes["reported"].all() and not changes["fall"].any()
    assert (changes["first_year"].iloc[0], changes["last_year"].iloc[0], changes["first_high"].iloc[0]) == (2014, 2020, 4.0)
    assert not themes.period_changes(rows(10.0), rows(2.0), articles)["reported"].any()  # rests on one text
    assert themes.period_changes(rows(10.0), rows(10.0), articles[articles["file"].isin(["e1", "e2"])]).empty


def test_same_period_pairs_that_differ_are_found():
    articles = pd.DataFrame({"file": ["a", "b", "c"], "published": pd.to_datetime(["2016-10-01", "2016-12-01", "2020-01-01"])})
    iv = intervals_of([(f, t, 1.0, 0.0, 2.0) for f in "abc" for t in themes.THEMES])
    iv.loc[(iv["file"] == "b") & (iv["theme"] == "battles"), ["rate", "low", "high"]] = [12.0, 5.0, 19.0]
    found = themes.same_period_differences(iv, iv, articles)
    assert found.to_dict("records") == [{"theme": "battles", "year": 2016, "higher": "b", "lower": "a"}]


def test_a_theme_never_seen_has_an_upper_bound_not_a_zero_width_interval():
    paragraphs = ["Nothing of the kind here at all."] * 3 + ["Civilians fled."]
    rows = {r["theme"]: r for r in themes.rate_intervals("x", paragraphs, n_boot=200)}
    words = word_count("\n\n".join(paragraphs))
    assert rows["battles"]["rate"] == 0 and rows["battles"]["high"] == pytest.approx(1000 * 3.689 / words, rel=1e-3)
    assert rows["civilians"]["rate"] > 0 and rows["civilians"]["high"] > rows["civilians"]["rate"]


def synthetic_articles(n):
    return pd.DataFrame({"file": [f"{i:04d}.txt" for i in range(n)], "outlet": [f"Outlet {i % 9}" for i in range(n)],
                         # datetime.date, as newscorpus.load gives them
                         "published": [d.date() for d in pd.to_datetime("2014-01-01") + pd.to_timedelta(range(n), unit="D")],
                         "date_label": [f"day {i}" for i in range(n)], "date_precision": ["day"] * n})


@pytest.mark.parametrize("n", [1, 5, 50, 1000])
def test_the_dot_table_has_a_row_per_article_or_per_outlet_and_its_key_above_the_panels(n):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = synthetic_articles(n)
    iv = intervals_of([(f, t, 2.0, 1.0, 3.0) for f in articles["file"] for t in themes.THEMES])
    fig = theme_plots.themes_dot_table(iv, articles, iv)
    fig.canvas.draw()
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == len(themes.THEMES)
    rows = n if n <= theme_plots.MAX_ROWS else articles["outlet"].nunique()
    assert len(panels[0].get_yticklabels()) == rows
    assert fig.get_size_inches()[1] < 20  # a page, not a scroll, for any corpus
    key = fig.texts[-1].get_window_extent()
    assert all(key.y0 >= ax.get_window_extent().y1 - 1 for ax in panels)  # the key is above every panel
    plt.close(fig)


def test_the_dot_table_puts_articles_in_date_order_and_draws_each_interval():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = synthetic_articles(3).iloc[::-1].reset_index(drop=True)  # given out of order
    iv = intervals_of([(f, t, 2.0 + i, 1.0 + i, 3.0 + i) for i, f in enumerate(sorted(articles["file"]))
                       for t in themes.THEMES])
    fig = theme_plots.themes_dot_table(iv, articles)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Outlet 0, day 0", "Outlet 1, day 1", "Outlet 2, day 2"]
    segments = ax.collections[0].get_segments() if len(ax.collections[0].get_segments()) else []
    spans = sorted((s[0][1], s[0][0], s[1][0]) for c in ax.collections[:-1] for s in c.get_segments())
    assert spans == [(0.0, 1.0, 3.0), (1.0, 2.0, 4.0), (2.0, 3.0, 5.0)] and segments
    plt.close(fig)


def test_every_dispersion_tick_is_clear_of_the_panel_edges():
    """The reader's complaint: Al-Ahed's "caliphate", at its sixth word, hid under the axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = synthetic_articles(2)
    positions = pd.DataFrame({"file": ["0000.txt", "0001.txt", "0001.txt"], "term": ["caliphate"] * 3,
                              "position": [0.0, 0.006, 0.999]})
    fig = theme_plots.dispersion_plot(positions, articles, ["caliphate", "border"])
    fig.canvas.draw()
    ax = fig.axes[0]
    left, right = ax.get_window_extent().x0, ax.get_window_extent().x1
    xs = [x for c in ax.collections for x, _ in c.get_offsets()]
    screen = ax.transData.transform([[x, 0] for x in xs])[:, 0]
    assert len(xs) == 3 and (screen - left > 4).all() and (right - screen > 4).all()
    assert not ax.spines["left"].get_visible()
    plt.close(fig)


def test_the_dictionary_check_judges_dictionary_terms_and_says_why_a_miss_is_a_miss():
    check = themes.dictionary_check()
    listed = set(zip(DICTIONARY["theme"], DICTIONARY["term"]))
    assert len(check) == 60 and set(zip(check["theme"], check["term"])) <= listed
    assert set(check["in_sense"]) <= {0, 1}
    assert ((check["other_sense"] != "") == (check["in_sense"] == 0)).all()  # every miss has its reason


def test_the_change_claim_says_only_what_survives_the_rule():
    base = {"first_year": 2014, "last_year": 2020, "first_high": 4.0, "last_low": 10.0}
    seeming = pd.DataFrame([{**base, "theme": "civilians", "rise": True, "fall": False, "reported": False},
                            {**base, "theme": "battles", "rise": False, "fall": False, "reported": False}])
    claim = theme_plots.change_claim(seeming)
    assert claim.startswith("No theme's rate changes between the articles of 2014 and those of 2020")
    assert "(violence against civilians would seem to change only while one text's own words are counted)" in claim
    real = seeming.assign(reported=[True, False])
    assert theme_plots.change_claim(real) == ("Between the articles of 2014 and those of 2020, violence against civilians "
                                              "rises beyond the intervals, with every term and without the terms found "
                                              "in one article only")
    assert "single year" in theme_plots.change_claim(seeming.iloc[0:0])


def test_same_period_pairs_and_one_text_leads_are_said_with_their_articles():
    articles = pd.DataFrame({"file": ["a", "b"], "outlet": ["Alpha", "Beta"], "published": pd.to_datetime(["2016-10-01", "2016-12-01"]),
                             "date_label": ["October 2016", "December 2016"], "date_precision": ["month"] * 2})
    pairs = pd.DataFrame([{"theme": "battles", "year": 2016, "higher": "b", "lower": "a"}])
    assert theme_plots.same_period_claim(pairs, articles) == (
        "Articles of the same year differ beyond the intervals (battles: Beta, December 2016 above Alpha, October 2016), "
        "which no date explains")
    assert theme_plots.same_period_claim(pairs.iloc[0:0], articles).startswith("No two articles")
    # one article, or no year with two: nothing was compared, so nothing is said to "not differ"
    assert "no other of its year" in theme_plots.same_period_claim(pairs.iloc[0:0], articles.iloc[:1])
    apart = articles.assign(published=pd.to_datetime(["2015-10-01", "2016-12-01"]))
    assert theme_plots.same_period_claim(pairs.iloc[0:0], apart) == "no year has two articles to compare"
    iv = intervals_of([(f, t, 0.0, 0.0, 3.0) for f in "ab" for t in themes.THEMES])
    iv.loc[(iv["file"] == "b") & (iv["theme"] == "remote_violence"), "rate"] = 7.7
    terms = terms_of([("b", "remote_violence", "airstrike*", 3), ("b", "remote_violence", "suicide", 2),
                      ("a", "battles", "battle", 1), ("b", "battles", "battle", 1)])
    drivers = themes.theme_drivers(terms)
    said = theme_plots.one_text_leads(iv, drivers, articles)
    assert said.startswith("The highest rate of explosions and remote violence in Beta, December 2016 (7.7 per 1,000 "
                           "words from airstrike 3†, suicide 2†)")
    assert theme_plots.one_text_leads(iv.assign(rate=0.0), drivers, articles) == ""
    table = theme_plots.drivers_table(drivers, iv, articles)
    # a stem keeps its star in the table ("airstrike*"), a whole word does not
    assert table.loc["Beta, December 2016", "Explosions and remote violence"] == "7.7 (0.0–3.0): airstrike* 3†, suicide 2†"
    assert table.loc["Alpha, October 2016", "Battles"] == "0.0 (0.0–3.0): battle 1"


def test_every_name_starting_islamic_state_counts_as_islamic_state():
    articles = pd.DataFrame({"file": ["a", "b"], "outlet": ["Alpha", "Beta"], "published": ["2014-06-01", "2014-06-10"],
                             "date_label": ["June 2014", "10 June 2014"], "date_precision": ["month", "day"]})
    counts = pd.DataFrame([("a", "Islamic State", 1), ("b", "Islamic State", 1),
                           ("b", "Islamic State of Iraq and al-Sham", 2), ("b", "Islamic", 4), ("b", "ISIS", 5)],
                          columns=["file", "term", "count"])
    names = theme_plots.group_names_table(counts, articles)
    assert names["Islamic State"].tolist() == [1, 3]
    assert names["ISIS"].tolist() == [0, 5]


def test_the_names_table_agrees_with_the_framing_label_counts_on_the_seeds():
    from newscorpus.measures import keyness
    articles = newscorpus.load()
    names = theme_plots.group_names_table(keyness.term_counts_table(clean_corpus(articles)), articles)
    longer = keyness.term_counts_table(clean_corpus(articles))
    longer = longer[longer["term"].str.startswith("Islamic State")]
    assert names["Islamic State"].sum() == longer["count"].sum()


def test_stems_are_shown_with_their_star():
    assert theme_plots.starred("battles 2, territor 2", {"territor"}) == "battles 2, territor* 2"
    assert theme_plots.starred("bomber 1† (+3 more)", {"bomber"}) == "bomber* 1† (+3 more)"
    assert theme_plots.starred("suicide bomb 2", {"suicide"}) == "suicide bomb 2"
    assert all(not t.endswith("*") for t in theme_plots.STEMS) and "territor" in theme_plots.STEMS


def test_a_count_of_no_changes_is_written_none():
    assert theme_plots.changes_phrase(0) == "none changes"
    assert theme_plots.changes_phrase(1) == "1 changes"
    assert theme_plots.changes_phrase(2) == "2 change"
