"""The readability chapter on any corpus: random small corpora (outlets, articles, sentences drawn
by hypothesis) fed to the chapter's report and chart functions. Generated text never shows "nan",
"None" or an empty list, no sentence runs past a reader's patience, charts stay bounded and their
legends fit. Nothing heavy runs: no notebook, no segmenter, small bootstraps."""

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
from newscorpus.measures import readability as rd  # noqa: E402
from newscorpus.plots import MAX_OUTLET_COLOURS  # noqa: E402
from newscorpus.plots import readability as charts  # noqa: E402

MAX_SENTENCE = 400  # characters: longer than this, a generated sentence is not read
SMALL_BOOT = 200
# Outlet names are the reader's text: a name such as "NaN" or "None" would be shown as written, and
# the checks below look for those words as the program's own slips, so they are not drawn.
NAME = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F), min_size=1,
               max_size=12).filter(lambda name: name.lower() not in ("nan", "none"))


def _sentence_rows(file: str, rng: np.random.Generator, n_sentences: int, long_share: float) -> list[dict]:
    rows, paragraph = [], 1
    for number in range(1, n_sentences + 1):
        words = int(rng.integers(61, 90)) if rng.random() < long_share else int(rng.integers(3, 35))
        syllables = int(words * rng.uniform(1.2, 1.9))
        letters = int(words * rng.uniform(4.0, 5.5))
        rows.append({"file": file, "paragraph": paragraph, "sentence": number, "text": " ".join(["word"] * words),
                     "sentences": 1, "words": words, "syllables": syllables,
                     "polysyllables": int(words * rng.uniform(0.05, 0.25)), "letters": letters,
                     "characters": letters + int(rng.integers(0, 3)),
                     "difficult_words": int(words * rng.uniform(0.0, 0.3))})
        if rng.random() < 0.5:
            paragraph += 1
    return rows


@st.composite
def corpora(draw, max_outlets: int = 6, max_per_outlet: int = 6):
    """(articles, scores, sentences, names): outlets with 1..max_per_outlet articles each."""
    outlet_names = draw(st.lists(NAME, min_size=1, max_size=max_outlets, unique=True))
    counts = [draw(st.integers(1, max_per_outlet)) for _ in outlet_names]
    seed = draw(st.integers(0, 2**32 - 1))
    long_share = draw(st.sampled_from([0.0, 0.1, 0.5]))
    rng = np.random.default_rng(seed)
    files, outlets, rows = [], [], []
    for outlet, count in zip(outlet_names, counts):
        for k in range(count):
            file = f"{outlet}_{k}.txt"
            files.append(file)
            outlets.append(outlet)
            rows.extend(_sentence_rows(file, rng, int(rng.integers(1, 14)), long_share))
    sentences = pd.DataFrame(rows)
    scores = pd.DataFrame([{"file": f, **rd.article_scores(f, [r for r in rows if r["file"] == f], n_boot=SMALL_BOOT)}
                           for f in files])
    articles = pd.DataFrame({"file": files, "outlet": outlets})
    names = {f: f"{o}, {i} September 2016" for i, (f, o) in enumerate(zip(files, outlets), 1)}
    return articles, scores, sentences, names


def assert_readable(text: str) -> None:
    assert isinstance(text, str) and text.strip(), "empty text"
    words = re.findall(r"[A-Za-z]+", text)
    assert "nan" not in words and "NaN" not in words, text
    assert not re.search(r"\bNone\b(?! of)", text), text  # "None of the pairs ..." is English
    for bad in (" , ", " ,", " .", "are .", "is .", "()", "[]", ";;", ": ."):
        assert bad not in text, (bad, text)
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        assert len(sentence) < MAX_SENTENCE, sentence


SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(corpora(max_outlets=4, max_per_outlet=3))
def test_article_comparison_prose_reads_for_any_corpus(corpus):
    articles, scores, sentences, names = corpus
    files = list(scores["file"])
    excluded = {files[0]: "a page without breaks"} if len(files) > 2 else {}  # one left out, as the flag does
    kept_scores, kept_sentences = rd.ranked(scores, excluded), rd.ranked(sentences, excluded)
    for score in ("kincaid_grade", "reading_ease"):
        pairs = rd.pairwise_differences(kept_sentences, score, n_boot=SMALL_BOOT)
        assert_readable(rd.difference_summary(pairs, names, rd.score_unit(score), score))
        assert_readable(rd.hardest_summary(kept_scores, pairs, names, score, excluded))
        sensitivity = rd.sensitivity_pairs(kept_sentences, score, n_boot=SMALL_BOOT)
        assert_readable(rd.sensitivity_summary(sensitivity, kept_sentences, names, rd.score_unit(score)))
        assert_readable(rd.sensitivity_headline(sensitivity, names))
    terms = rd.kincaid_terms(kept_sentences)
    assert_readable(rd.kincaid_terms_note(terms, rd.hardest_article(kept_scores, "kincaid_grade"), names))
    if excluded:
        assert_readable(rd.excluded_note(excluded, names))
        hardest = rd.hardest_article(scores, "kincaid_grade", excluded)
        assert hardest not in excluded


@SETTINGS
@given(corpora(max_outlets=8, max_per_outlet=7))
def test_outlet_comparison_prose_reads_for_any_corpus(corpus):
    articles, scores, sentences, _ = corpus
    summary = rd.outlet_scores(scores, articles, list(rd.SCORES))
    for score in ("kincaid_grade", "reading_ease"):
        assert_readable(rd.outlet_difference_summary(summary, score, rd.score_unit(score)))
        assert_readable(rd.outlet_hardest_summary(summary, score))
        assert_readable(rd.outlet_sensitivity_summary(rd.outlet_sensitivity(sentences, articles, score)))
    assert_readable(rd.outlet_formula_agreement(summary))
    assert_readable(units.unit_sentence(articles))


def test_outlet_differences_are_stated_only_where_intervals_separate():
    """Two outlets with clearly different grades and one with two articles: the prose names the
    separated pair and never the outlet without an interval."""
    summary = pd.DataFrame([
        {"outlet": "Hard", "measure": "kincaid_grade", "articles": 8, "mean": 14.0, "median": 14.0, "q25": 13.0,
         "q75": 15.0, "low": 13.5, "high": 14.5},
        {"outlet": "Easy", "measure": "kincaid_grade", "articles": 8, "mean": 9.0, "median": 9.0, "q25": 8.0,
         "q75": 10.0, "low": 8.5, "high": 9.5},
        {"outlet": "Middle", "measure": "kincaid_grade", "articles": 8, "mean": 11.0, "median": 11.0, "q25": 9.0,
         "q75": 13.0, "low": 9.0, "high": 13.6},
        {"outlet": "Few", "measure": "kincaid_grade", "articles": 2, "mean": 20.0, "median": 20.0, "q25": 19.0,
         "q75": 21.0, "low": np.nan, "high": np.nan},
    ])
    text = rd.outlet_difference_summary(summary, "kincaid_grade", "grades")
    # the hardest is named among the outlets with an interval: Few (2 articles) is one or two texts
    assert text.startswith("Among the 3 outlets with at least 4 articles, Hard reads hardest on average "
                           "(14.0 over 8 articles), Easy easiest")
    assert "Few reads hardest" not in text
    assert "1 of the 3 pairs of outlets with an interval is separated" in text
    assert "Hard reads harder than Easy, by 5.0 grades." in text
    assert "Few reads harder" not in text and "Middle reads harder" not in text
    assert rd.outlet_hardest_summary(summary, "kincaid_grade").startswith("Few has the hardest mean on Flesch–Kincaid grade, but with 2 articles")


def test_a_page_without_breaks_is_flagged_and_not_ranked():
    """The cleaning chapter's flag (one rule for the book) takes the page whose paragraphs were run
    together out of the rankings that would otherwise put it first."""
    from newscorpus.cleaning.report import unbroken_files

    sentence = "The minister said the talks would resume next week in the capital"
    ok = [f"{sentence} after a pause of {k} days." for k in range(8)]
    glued = ["".join(f"{sentence} after {k} days.The" for k in range(10)) + " end."]
    cleaned = pd.DataFrame({"file": ["ok.txt", "other.txt", "glued.txt"], "paragraphs": [ok, ok[:5], glued]})
    flagged = unbroken_files(cleaned)
    assert list(flagged) == ["glued.txt"] and "full stop" in flagged["glued.txt"]
    scores, _ = rd.readability_tables(cleaned)
    assert rd.hardest_article(scores, "kincaid_grade") == "glued.txt"  # what a ranking without the flag says
    assert rd.hardest_article(scores, "kincaid_grade", flagged) != "glued.txt"
    note = rd.excluded_note(flagged, {f: f.removesuffix(".txt").title() for f in cleaned["file"]})
    assert "Glued" in note
    assert_readable(note)


def test_the_original_five_are_not_flagged():
    import newscorpus
    from conftest import REPO
    from newscorpus.cleaning import clean_corpus
    from newscorpus.cleaning.report import unbroken_files

    assert unbroken_files(clean_corpus(newscorpus.load(REPO / "seeds"))) == {}



@pytest.fixture(scope="module")
def computed_seeds():
    import newscorpus
    from newscorpus.cleaning import clean_corpus

    return rd.readability_tables(clean_corpus(newscorpus.load()), n_boot=50)


def test_one_pair_from_the_full_table_equals_the_pair_alone(computed_seeds):
    scores, sentences = computed_seeds
    full = rd.pairwise_differences(sentences, "fog_index", n_boot=500)
    row = full.iloc[-1]
    alone = rd.pair_difference(sentences, "fog_index", row["first"], row["second"], len(full), n_boot=500)
    for column in ("difference", "sentence_low", "sentence_high", "block_low", "block_high", "exceeds_noise"):
        assert alone[column] == pytest.approx(row[column]), column


def _figure_checks(fig, max_rows: int = charts.MAX_ROWS) -> None:
    width, height = fig.get_size_inches()
    assert height <= 17 and width <= 11, (width, height)
    for ax in fig.axes:
        assert len(ax.get_yticklabels()) <= max_rows
        legend = ax.get_legend()
        if legend is not None:
            assert len(legend.get_texts()) <= MAX_OUTLET_COLOURS + 1
    plt.close(fig)


@pytest.mark.parametrize("n_outlets, per_outlet", [(1, 1), (3, 1), (5, 12), (100, 2), (60, 15)])
def test_charts_stay_bounded_from_one_article_to_a_thousand(n_outlets, per_outlet):
    rng = np.random.default_rng(n_outlets * 100 + per_outlet)
    files = [f"o{o:03d}_{k}.txt" for o in range(n_outlets) for k in range(per_outlet)]
    outlets = [f"Outlet number {o} with a long name for research" for o in range(n_outlets) for _ in range(per_outlet)]
    articles = pd.DataFrame({"file": files, "outlet": outlets, "date_label": ["2016"] * len(files)})
    rows = [r for f in files for r in _sentence_rows(f, rng, 6, 0.1)]
    sentences = pd.DataFrame(rows)
    scores = pd.DataFrame([{"file": f, **rd.article_scores(f, [r for r in rows if r["file"] == f], n_boot=20)}
                           for f in files])
    lead = ["kincaid_grade", "reading_ease"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a tight_layout warning fails the strict build
        _figure_checks(charts.score_intervals(scores, articles, formulas=lead))
        _figure_checks(charts.sentence_lengths(sentences, articles))
        summary = rd.outlet_scores(scores, articles, lead)
        _figure_checks(charts.outlet_intervals(summary, scores, articles, lead))
        _figure_checks(charts.outlet_sentence_lengths(sentences, articles))
        if len(files) <= 60:
            pairs = rd.pairwise_differences(sentences, "kincaid_grade", n_boot=50)
            _figure_checks(charts.pairwise_chart(pairs, articles, "Difference"), charts.MAX_CHART_PAIRS)


def test_tables_are_long_a_row_per_article_or_outlet():
    rng = np.random.default_rng(3)
    files = [f"a{i}.txt" for i in range(12)]
    articles = pd.DataFrame({"file": files, "outlet": [f"Outlet {i % 3}" for i in range(12)], "date_label": [f"{i} May" for i in range(12)]})
    rows = [r for f in files for r in _sentence_rows(f, rng, 5, 0.0)]
    scores = pd.DataFrame([{"file": f, **rd.article_scores(f, [r for r in rows if r["file"] == f], n_boot=20)}
                           for f in files]).assign(textstat_sentences=5)
    for table in (charts.counts_table(scores, articles), charts.scores_table(scores, articles)):
        assert table.data.shape[0] == len(files) and table.data.index.name == "Article"
    summary = rd.outlet_scores(scores, articles, ["kincaid_grade", "reading_ease"])
    assert charts.outlet_table(summary, ["kincaid_grade", "reading_ease"]).data.shape[0] == 3
    many = pd.concat([scores.assign(file=[f"{k}_{f}" for f in files]) for k in range(5)], ignore_index=True)
    many_articles = pd.concat([articles.assign(file=[f"{k}_{f}" for f in files], date_label=[f"{d} {k}" for d in articles["date_label"]])
                               for k in range(5)], ignore_index=True)
    searchable = charts.scores_table(many, many_articles)  # 60 rows: a searchable table, not a page-long one
    assert "<table" in searchable.data and not hasattr(searchable, "to_html")
