"""Issue 23, case 7: corpora that pass `check` and used to break the book, tested on the package
functions the chapters call (on small synthetic corpora, without building the book)."""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from faults_support import article_text, write_corpus  # noqa: E402
from newscorpus import load, plots  # noqa: E402
from newscorpus.cleaning import clean_corpus  # noqa: E402
from newscorpus.events import load_events  # noqa: E402
from newscorpus.measures import readability as rd  # noqa: E402
from newscorpus.plots import themes as theme_plots  # noqa: E402


def test_case7_one_article_gives_an_empty_pairs_table_the_chapter_can_read(tmp_path):
    """Chapter 3 read ``exceeds_noise`` from the pairs table: with one article it had no columns."""
    articles = load(write_corpus(tmp_path / "corpus", [{"file": "only.txt"}]))
    _, sentences = rd.readability_tables(clean_corpus(articles))
    pairs = rd.pairwise_differences(sentences, "kincaid_grade", n_boot=50)
    assert pairs.empty and "exceeds_noise" in pairs.columns
    assert int(pairs["exceeds_noise"].sum()) == 0


def test_case7_a_term_no_article_uses_is_counted_as_none(tmp_path):
    """Chapter 5 took int() of the largest count of "sleeper or dormant cells": NaN when no article
    of the corpus (two of one outlet on one date) used it."""
    rows = [{"file": f"{k}.txt", "outlet": "One Outlet", "published": "2015-03-02", "date_precision": "day"}
            for k in "ab"]
    texts = {"a.txt": article_text(0) + "\nSleeper cells were active, and sleeper cells struck again.\n",
             "b.txt": article_text(1)}
    articles = load(write_corpus(tmp_path / "corpus", rows, texts))
    positions = pd.DataFrame({"file": ["a.txt", "a.txt"], "term": ["sleeper or dormant cells"] * 2,
                              "position": [0.5, 0.6]})
    assert theme_plots.most_uses(positions, "caliphate", articles) == (0, 0, "no article")
    count, most, name = theme_plots.most_uses(positions, "sleeper or dormant cells", articles)
    assert (count, most) == (1, 2) and name == plots.article_names(["a.txt"], articles)[0]


def render(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    return buffer.getvalue()


def test_case7_dollar_signs_in_labels_are_drawn_as_written(tmp_path):
    """An outlet `$\\x$` stopped the chapter (Unknown symbol); `Money $5 and $6 Wire` was drawn as math."""
    rows = [{"file": "a.txt", "outlet": "$\\x$", "published": "2015-03-02", "date_precision": "day"},
            {"file": "b.txt", "outlet": "Money $5 and $6 Wire", "published": "2016-05", "date_precision": "month"}]
    articles = load(write_corpus(tmp_path / "corpus", rows))
    fig = plots.timeline(articles, load_events())
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert any("$\\x$" in label for label in labels) and any("Money $5 and $6 Wire" in label for label in labels)
    svg = render(fig)  # drawing the labels is what raised
    assert "Money $5 and $6 Wire" in svg or "Money" in svg


def test_case7_articles_before_2014_are_on_the_timeline(tmp_path):
    rows = [{"file": "a.txt", "published": "2009-04-02", "date_precision": "day"},
            {"file": "b.txt", "published": "1998", "date_precision": "year"}]
    articles = load(write_corpus(tmp_path / "corpus", rows))
    fig = plots.timeline(articles, load_events())
    left, right = fig.axes[0].get_xlim()
    assert left <= mdates.date2num(date(1998, 1, 1)) and right >= mdates.date2num(date(2020, 1, 1))
    assert len(fig.axes[0].get_xticks()) <= 14  # a label every few years, not 25 crowded ones
    render(fig)


def test_case7_a_date_in_the_year_9999_never_reaches_the_timeline(tmp_path):
    from newscorpus.check import check_corpus

    corpus = write_corpus(tmp_path / "corpus", [{"file": "a.txt", "published": "9999-12-31", "date_precision": "day"},
                                                {"file": "b.txt"}])
    _, problems = check_corpus(corpus)
    assert [p.problem.split(":")[0] for p in problems] == ["line 2 (a.txt)"]
    assert "is outside 1800-" in problems[0].problem
