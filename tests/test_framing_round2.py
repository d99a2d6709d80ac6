"""Round-2 referee items of the framing chapter (A3, A4, P1, O4, P5, P11, P12, R1, R3, R4, F4):
the presentation functions, fed small hand-made or generated inputs. No notebook is executed."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from newscorpus import findings, units  # noqa: E402
from newscorpus.measures import framing_report as report  # noqa: E402
from newscorpus.plots import framing as framing_plots  # noqa: E402
from newscorpus.report import framing_study as study  # noqa: E402

from test_framing_any_corpus import assert_readable, make_corpus  # noqa: E402


def _summary_with(levels: dict[str, float], measure: str, per_outlet: int = 8, spread: float = 0.004):
    """A summary in which every outlet's articles sit tightly around ``levels[outlet]`` on ``measure``
    (so every pair of outlets separates), from the generated corpus of the other tests."""
    corpus = make_corpus([per_outlet] * len(levels), seed=5, zero_share=0.0)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    outlet = measures["file"].map(corpus["articles"].set_index("file")["outlet"])
    names = sorted(outlet.unique())
    level = dict(zip(names, levels.values()))
    measures[measure] = outlet.map(level).to_numpy() * (1 + spread * (np.arange(len(measures)) % 3))
    summary = units.outlet_summary(measures, corpus["articles"], [measure], resamples=300)
    return summary, names


def test_one_short_sentence_per_measure_naming_the_largest_gap_and_counting_the_rest():
    summary, names = _summary_with({"a": 0.40, "b": 0.30, "c": 0.20, "d": 0.10}, "quoted_share")
    pairs = units.separated_outlets(summary, "quoted_share")
    assert len(pairs) == 6  # every pair separates
    text = report.separated_text(summary, {"quoted_share": report.OUTLET_MEASURES["quoted_share"]})
    assert len(re.findall(r"\. ", text + " ")) == 1  # one sentence
    assert len(text.split()) < 60, text
    largest = pairs.loc[pairs["difference"].idxmax()]
    assert f"the largest gap is {largest.higher} (" in text and f"above {largest.lower} (" in text
    assert "5 more pairs of outlets differ beyond the intervals" in text
    # a difference of two shares is in percentage points, not per cent
    assert f"{100 * largest.difference:.1f} percentage points higher" in text
    # the gap printed is the difference of the two shares printed (to the rounding of one decimal)
    shares = [float(v) for v in re.findall(r"\((\d+\.\d)%", text)]
    gap = float(re.search(r"(\d+\.\d) percentage points", text).group(1))
    assert abs((shares[0] - shares[1]) - gap) <= 0.1 + 1e-9
    assert not re.search(r"higher by \d+%", text)
    assert_readable(text)


def test_the_extractor_screen_applies_to_the_share_of_unnamed_sources_too():
    ratio = findings.extractor_recall_ratio()
    assert "unnamed_share" in report.EXTRACTOR_MEASURES and "attributions_per_1000" in report.EXTRACTOR_MEASURES
    # 22% against 15%: the intervals separate, but the ratio (about 1.47) is within the extractor's unevenness
    summary, names = _summary_with({"a": 0.22, "b": 0.15}, "unnamed_share")
    assert len(units.separated_outlets(summary, "unnamed_share")) == 1
    assert 0.22 / 0.15 < ratio
    text = report.separated_text(summary, {"unnamed_share": "unnamed"})
    assert "largest gap" not in text
    assert f"no gap is stated: the one pair whose intervals separate differs by a ratio of {ratio:.2f} or less" in text
    stated, held = report.separated_pairs(summary, "unnamed_share")
    assert stated.empty and held == 1
    # the same gap on the share of words quoted (quotation marks, not the extractor) is stated
    summary, _ = _summary_with({"a": 0.22, "b": 0.15}, "quoted_share")
    assert "the largest gap is" in report.separated_text(summary, {"quoted_share": "quoted"})


def test_word_list_rates_are_called_word_list_rates():
    summary, _ = _summary_with({"a": 20.0, "b": 5.0}, "boosters_per_1000")
    text = report.separated_text(summary, {"boosters_per_1000": "x"})
    assert text.startswith("On the word-list rate of factives and assertives, the largest gap")
    assert report.WORD_LIST_MEASURES <= set(report.OUTLET_MEASURES)


def test_the_summary_points_to_the_section_and_names_no_pair():
    summary, names = _summary_with({"a": 0.40, "b": 0.10}, "quoted_share")
    line = report.separated_summary(summary, {"quoted_share": "q", "tone": "t"})
    assert line.startswith("on 1 of the 1 measures compared")  # tone was not summarised: not counted
    assert not any(name in line for name in names)
    one = units.outlet_summary(pd.DataFrame({"file": ["x"], "quoted_share": [0.1]}),
                               pd.DataFrame({"file": ["x"], "outlet": ["O"]}), ["quoted_share"], resamples=50)
    assert "no difference between outlets is stated" in report.separated_summary(one)


def test_a_possible_translation_is_never_called_unrecorded():
    corpus = make_corpus([4, 4, 4], seed=1)
    text = study.limits_text(corpus["articles"], 0, 0, original=False, n_possible=1)
    assert "none of them is recorded as a translation, and 1 is possibly one" in text
    assert "possibly" not in study.limits_text(corpus["articles"], 0, 0, original=False)
    one = corpus["articles"].head(1)
    assert "it is possibly a translation" in study.limits_text(one, 0, 0, original=False, n_possible=1)
    assert_readable(text)


def test_only_the_groups_names_count_as_its_mention_in_another_corpus():
    assert study.is_group_name("ISIS") and study.is_group_name("islamic state") and study.is_group_name("Daesh")
    assert not study.is_group_name("is")  # case decides: a verb, not the name
    assert not study.is_group_name("The group") and not study.is_group_name("the organization")
    text = study.group_counts_text(223, 87, 82, 80, 923)
    assert "223 match some entry" in text and "87 name the group" in text and "82 use one of the four" in text
    assert text.count(". ") == 0  # one sentence


def test_per_outlet_rows_carry_their_article_counts_and_the_wire_note_says_why():
    assert study.outlet_row_label("Breitbart", 71) == "Breitbart (71)"
    note = study.wire_note(61, "the outlets' rows")
    assert note.startswith("61 articles of wire copy") and "left out of the outlets' rows" in note
    assert note.endswith("its own articles behind the row.")
    assert "brackets" not in study.wire_note(3, "the table", None) and study.wire_note(0, "x") == ""
    assert_readable(note)


def test_the_outlet_chart_labels_each_row_with_its_articles():
    corpus = make_corpus([6, 9], seed=2, zero_share=0.0)
    measures = report.outlet_measures(corpus["table"], corpus["attributions"], corpus["agency"])
    summary = units.outlet_summary(measures, corpus["articles"], ["quoted_share"], resamples=50)
    fig = framing_plots.outlet_intervals(summary, {"quoted_share": "Share quoted"}, percent=report.PERCENT_MEASURES)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    expected = {f"{r.outlet} ({int(r.articles)})" for r in summary.itertuples()}
    assert set(labels) == expected
    plt.close(fig)


def test_count_charts_have_whole_number_ticks():
    fig, ax = plt.subplots()
    ax.barh([0, 1], [3, 17])
    framing_plots.whole_number_ticks(fig)
    fig.canvas.draw()
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 17]
    assert ticks and all(float(t).is_integer() for t in ticks)
    plt.close(fig)


def test_the_kinds_of_source_are_left_out_for_another_corpus():
    found = pd.DataFrame({"file": ["a.txt", "a.txt"], "source_class": ["unnamed", "named_person"],
                          "kind": ["unknown", "united_states"], "form": ["direct", "indirect"], "paragraph": [0, 1],
                          "speaker": ["officials", "Obama"], "cue": ["said", "said"], "text": ["x", "y"]})
    table = pd.DataFrame({"file": ["a.txt"]})
    overview = pd.DataFrame({"file": ["a.txt"], "outlet": ["O"], "date_label": ["1 May 2016"]})
    with_kinds = report.sources_table(found, table, overview)
    without = report.sources_table(found, table, overview, kinds=False)
    assert any(c.startswith("Kind: ") for c in with_kinds.columns)
    assert not any(c.startswith("Kind: ") for c in without.columns)
    assert without["Attributions"].iloc[0] == 2 and without["Source: unnamed"].iloc[0] == 1
    assert "Kind" not in report.attributions_frame(found, {"a.txt": "O"}, kinds=False).columns
    grouped = found.assign(source_class=["the_group", "named_person"])
    assert "Source: the group (ISIS lexicon)" in report.sources_table(grouped, table, overview, kinds=False)
    assert "Source: the group itself" in report.sources_table(grouped, table, overview)


def test_the_part_of_speech_example_is_given_only_when_the_check_leaves_something_out():
    shown = study.pos_example_text(forces_word=5, forces_as_verb=2, verb_narrative=2, verb_forms=["forced", "Forces"])
    assert "occurs 5 times, 3 of them tagged as the noun (as in *security forces*)" in shown and "fires twice in the narrative as *forced* and *forces*" in shown
    assert "occurs 4 times, always tagged as the noun (as in *security forces*):" in study.pos_example_text(forces_word=4, forces_as_verb=0, verb_narrative=1)
    skipped = study.pos_example_text(forces_word=3, forces_as_verb=3, verb_narrative=3)
    assert "forces" not in skipped and skipped.startswith("The table above")


def test_the_republication_check_says_which_corpus_its_figures_describe():
    committed = {"republications": 150, "known_edits": 1549, "precision": 0.9981, "recall": 0.9981}
    here = {"seeds": 5}
    assert study.republication_check_where_text(here, committed, original=True) == ""
    text = study.republication_check_where_text(here, committed, original=False)
    assert "measured on this corpus" in text and "from 5 of its articles" in text
    assert "1,549 known edits" in text and "99.8%" in text and "original five" in text
    assert "`" not in text  # glued as text: a backtick would be printed literally


def test_the_republication_check_names_the_seed_its_articles_are_drawn_with():
    drawn = study.republication_check_seeds_text(5, 923, seed=20)
    assert drawn.startswith("5 of this corpus's 923 articles") and "fixed seed (20)" in drawn
    assert "seed (" not in study.republication_check_seeds_text(5, 923) and "fixed seed" in study.republication_check_seeds_text(5, 923)
    assert study.republication_check_seeds_text(5, 5, seed=20) == "the 5 articles of this corpus"


def test_a_name_inside_a_longer_capitalised_run_is_explained():
    cleaned = pd.DataFrame({"file": ["a.txt", "b.txt"], "paragraphs": [
        ["Hillary Clinton spoke. Later Hillary Clinton left."],
        ["Hillary Clinton Put On The Defensive Over Wall Street Ties"]]})  # a title-case headline
    from newscorpus.measures import log_odds

    rows = [log_odds.word_counts(f, list(p)) for f, p in zip(cleaned["file"], cleaned["paragraphs"])]
    names = report.corpus_names(rows, pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["O", "P"]}))
    alone = int(names.set_index("Name").loc["Hillary Clinton", "Articles"])
    text = study.name_rule_text(names, cleaned)
    assert alone == 1 and "counts in 1 article here, while its words occur in 2" in text
    same = cleaned.iloc[:1]
    rows = [log_odds.word_counts(f, list(p)) for f, p in zip(same["file"], same["paragraphs"])]
    assert study.name_rule_text(report.corpus_names(rows, pd.DataFrame({"file": ["a.txt"], "outlet": ["O"]})), same) == ""


def test_left_out_terms_grouped_by_text():
    """Round 3, N10: the terms kept off the log-odds lists are grouped by text, each text named
    once, the rest counted, never "word (Outlet (71))" five times."""
    import pandas as pd
    dropped = pd.DataFrame({"file": ["Breitbart"] * 7 + ["HuffPost"],
                            "term": ["my", "Breitbart News", "want", "your", "know", "here", "going", "note"]})
    text = study.left_out_terms_text(dropped, outlets=True)
    assert text.endswith("; here that keeps 8 terms off the lists, among them my, Breitbart News, want, your and know "
                         "(all Breitbart); note (HuffPost).")
    assert text.count("Breitbart)") == 1
    whole = study.left_out_terms_text(dropped.iloc[:1], {"Breitbart": "Breitbart, 2 May 2016"})
    assert whole.endswith("; here that keeps 1 term off the lists: my (Breitbart, 2 May 2016).")
    assert "no text of this corpus has one" in study.left_out_terms_text(dropped.iloc[:0])
    # talk and verbs of saying are stop words of the log-odds (never counted): the rule says so, not that it
    # keeps them off the lists although they are counted
    for rule in (text, study.left_out_terms_text(dropped.iloc[:0])):
        assert "a contraction such as I'm" in rule and "said, and talk such as going, are stop words, never counted" in rule
        assert "says, said, I'm" not in rule


def test_stop_like_words_are_never_on_the_distinctive_lists():
    """Round 3, N10: my, want, your and know are on the log-odds' stop list (the word charts' list,
    ``tokens.STOP_WORDS``), so they are not counted and cannot top a list, without any later rule
    keeping them off; the themes chapter's keyness counts the same ``word_counts``."""
    from newscorpus.measures import log_odds, tokens

    talk = ["I know what my voters want, and your voters know it too.",
            "You know my plan: I want your vote, I know your worries, my friend, and I want to win."]
    other = ["The senator released a budget plan on Tuesday.", "The budget plan cuts taxes for families."]
    rows = [log_odds.word_counts("talk", talk * 3), log_odds.word_counts("other", other * 3)]
    from newscorpus.measures.keyness import TELLING_WORDS

    assert TELLING_WORDS <= log_odds.stop_words()  # the verbs of saying the rule would name are stop words
    for word in ("my", "want", "your", "know"):
        assert word in log_odds.stop_words() and word in tokens.STOP_WORDS
        assert word not in rows[0]["counts"]
    listed = log_odds.log_odds_table(rows, min_count=1, top=20)
    assert not set(listed["word"]) & {"my", "want", "your", "know"}
    assert {"budget", "plan"} & set(listed.loc[listed["file"] == "other", "word"])  # content words still listed
    assert log_odds.word_counts("x", ["The US said so."])["counts"]["US"] == 1  # an acronym is not the stop word us


def test_credits_counted_text():
    """Round 3, N3: the framing log-odds counts say they leave out credits and repeated paragraphs."""
    assert study.credits_counted_text(0, 0, 5).endswith("; no article of this corpus has one.")
    text = study.credits_counted_text(120, 130, 923)
    assert text.endswith("; here that changes 130 of the 923 articles (120 paragraphs left out whole).")
    from newscorpus.cleaning.cleaned import MIN_ARTICLES_FOR_REPEAT
    assert f"word for word in {MIN_ARTICLES_FOR_REPEAT:,d} or more" in text
