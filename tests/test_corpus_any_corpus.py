"""The corpus chapter for any corpus: its sentences, timeline, length chart and events, from 1 to
1,000 articles and 1 to 100 outlets, on random corpora (hypothesis) and on the original five."""

from __future__ import annotations

import re
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import SEEDS  # noqa: E402
from newscorpus import plots, units  # noqa: E402
from newscorpus.corpus import date_label  # noqa: E402
from newscorpus.errors import CorpusError  # noqa: E402
from newscorpus.events import EVENTS_FILE, corpus_events, events_file, load_events  # noqa: E402
from newscorpus.overview import (corpus_sentence, corpus_summary, events_sentence, length_sentence,  # noqa: E402
                                 outlet_comparison_sentence)

MAX_SENTENCE = 400
MAX_INCHES = 16  # 1,760 px at the book's 110 dpi


def sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text) if s]


def assert_reads_well(text: str) -> None:
    assert text.strip()
    assert not re.search(r"\bnan\b|\bNone\b(?! of)", text), text  # "None of the texts" is English
    for bad in (" , ", " ,", "( ", " )", "are .", " .", "  "):
        assert bad not in text, (bad, text)
    assert not re.search(r"(?<![\d,])1 (articles|outlets|dates|lines|different reasons)\b", text), text
    for sentence in sentences_of(text):
        assert len(sentence) < MAX_SENTENCE, sentence


OUTLET_NAMES = st.text(alphabet="abcdefghij XYZ-&'", min_size=1, max_size=24).map(str.strip).filter(lambda s: s and "  " not in s)


@st.composite
def corpora(draw, max_articles: int = 120, max_outlets: int = 30) -> pd.DataFrame:
    outlets = draw(st.lists(OUTLET_NAMES, min_size=1, max_size=max_outlets, unique=True))
    n = draw(st.integers(1, max_articles))
    rows = []
    for i in range(n):
        precision = draw(st.sampled_from(["day", "month", "year"]))
        day = draw(st.dates(date(1990, 1, 1), date(2024, 12, 31)))
        published = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[precision]
        rows.append({"file": f"{i:04d}.txt", "outlet": draw(st.sampled_from(outlets)), "published": published,
                     "date_precision": precision, "date_label": date_label(published, precision),
                     "date_basis": draw(st.sampled_from(["", "printed", "inferred: from the text"])),
                     "raw_words": draw(st.integers(1, 20_000))})
    return pd.DataFrame(rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_the_chapter_sentences_read_well_for_any_corpus(articles):
    assert_reads_well(corpus_sentence(articles))
    assert_reads_well(length_sentence(articles))
    for point in corpus_summary(articles, articles):
        assert_reads_well(point)
    summary = units.outlet_summary(articles[["file", "raw_words"]], articles, ["raw_words"], resamples=50)
    assert_reads_well(outlet_comparison_sentence(summary, "raw_words", "raw words", ",.0f"))
    assert_reads_well(events_sentence(load_events().iloc[:0], None))


def test_the_corpus_sentence_says_exactly_what_the_book_promises():
    one = pd.DataFrame({"file": ["a.txt"], "outlet": ["X"], "published": [date(2016, 9, 12)],
                        "date_precision": ["day"], "date_basis": [""]})
    assert corpus_sentence(one).startswith("The corpus holds 1 article from 1 outlet, published in 2016.")
    five = pd.DataFrame({"file": list("abcde"), "outlet": ["A", "A", "B", "C", "D"],
                         "published": [date(2014, 6, 1), date(2014, 6, 10), date(2016, 10, 1), date(2016, 12, 1),
                                       date(2020, 1, 1)],
                         "date_precision": ["month", "day", "month", "month", "year"],
                         "date_basis": ["url", "printed", "inferred: x", "inferred: y", "inferred: z"]})
    text = corpus_sentence(five)
    assert text.startswith("The corpus holds 5 articles from 4 outlets, published between 2014 and 2020.")
    assert "known for 1 of them; the other 4" in text and "For 3 articles the date is an inference" in text


def figure_rows(fig) -> int:
    return len(fig.axes[0].get_yticks())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(max_articles=300, max_outlets=60))
def test_the_timeline_and_length_chart_stay_a_page_tall(articles):
    events = load_events()
    for fig in (plots.timeline(articles, events), plots.timeline(articles, events.iloc[:0]),
                plots.bars_by_article(articles, "raw_words", "Words")):
        assert fig.get_size_inches()[1] <= MAX_INCHES
        assert figure_rows(fig) <= plots.MAX_ARTICLE_ROWS
        legend = fig.axes[0].get_legend()
        assert legend is None or len(legend.get_texts()) <= plots.MAX_OUTLET_COLOURS + 1
        plt.close(fig)
    summary = units.outlet_summary(articles[["file", "raw_words"]], articles, ["raw_words"], resamples=50)
    fig = plots.by_outlet(articles, articles, "raw_words", summary, "Words")
    assert figure_rows(fig) <= plots.MAX_OUTLET_ROWS and fig.get_size_inches()[1] <= MAX_INCHES
    plt.close(fig)


def many(n: int, outlets: int, precision: str = "day") -> pd.DataFrame:
    rows = []
    for i in range(n):
        published = date(2016, 1 + i % 12, 1 + i % 28) if precision == "day" else date(2016, 1 + i % 12, 1)
        rows.append({"file": f"{i:04d}.txt", "outlet": f"Outlet {i % outlets:03d}", "published": published,
                     "date_precision": precision, "date_label": date_label(published, precision), "raw_words": 10 + i})
    return pd.DataFrame(rows)


def test_a_timeline_of_many_articles_has_a_row_per_outlet_and_groups_the_smallest():
    fig = plots.timeline(many(900, 96), load_events().iloc[:0])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == plots.MAX_OUTLET_ROWS
    assert labels[-1].startswith(f"{96 - plots.MAX_OUTLET_ROWS + 1} other outlets")
    plt.close(fig)
    few = plots.timeline(many(12, 3), load_events().iloc[:0])
    assert len(few.axes[0].get_yticklabels()) == 12  # a row per article
    plt.close(few)


def test_every_article_is_counted_once_whatever_its_precision():
    articles = pd.concat([many(30, 2, "day"), many(20, 2, "month").assign(file=lambda t: "m" + t["file"])])
    first, last = plots._span(articles, load_events().iloc[:0])
    period, edges = plots.period_edges(first, last)
    counts, spans = plots.period_counts(articles, edges)
    assert period == "week"  # a year of articles: weeks, so the month-dated ones are spread over their month
    assert counts.sum() == 30 and spans["articles"].sum() == 20


def test_a_long_list_of_articles_shows_the_largest_and_the_median_of_the_rest():
    articles = many(100, 5)
    fig = plots.bars_by_article(articles, "raw_words", "Words")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == plots.MAX_ARTICLE_ROWS and labels[-1] == "median of the other 61 articles"
    assert labels[0].startswith("Outlet 004")  # the longest article (raw_words 109) first
    plt.close(fig)


# --- events: only the corpus's own --------------------------------------------------------------


def test_the_original_five_keep_their_events_and_another_corpus_has_none(tmp_path):
    assert len(corpus_events(SEEDS)) == len(load_events()) > 0
    other = tmp_path / "corpus"
    other.mkdir()
    (other / "sources.csv").write_text("file,title\n")
    assert events_file(other) is None and corpus_events(other).empty


def test_a_corpus_events_file_is_read_with_precision_from_the_date(tmp_path):
    (tmp_path / EVENTS_FILE).write_text("date,event,source\n2019-11-05,Vote,Electoral board\n2019-11,Strike,\n2019,Year,\n")
    events = corpus_events(tmp_path)
    assert list(events["date_precision"]) == ["year", "month", "day"]  # in date order
    assert list(events["date_label"]) == ["2019", "November 2019", "5 November 2019"]
    assert events.loc[2, "source"] == "Electoral board"
    fig = plots.timeline(many(3, 2), events)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert {"Vote", "Strike", "Year"} <= set(labels)
    plt.close(fig)


@pytest.mark.parametrize("content, message", [
    ("when,what\n2019,x\n", "missing column(s) date, event"),
    ("date,event\n2019-13,Bad month\n", "line 2: date '2019-13' is not a month date"),
    ("date,event\n2019-11-05,\n", "line 2: the event is empty"),
    ("date,event\n9999,Far future\n", "line 2: date '9999' is outside"),
])
def test_a_bad_events_file_is_one_line_naming_the_line(tmp_path, content, message):
    (tmp_path / EVENTS_FILE).write_text(content)
    with pytest.raises(CorpusError) as error:
        corpus_events(tmp_path)
    assert message in str(error.value) and "\n" not in str(error.value)
