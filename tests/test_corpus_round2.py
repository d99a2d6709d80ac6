"""The corpus and cleaning chapters say what was done to this corpus: saved web pages read through
trafilatura, dates a program found called given (not known), ties between outlets said as ties,
removed own parts "set aside", reason groups not in outlet colours, and the trust page's sentences
conditional on the corpus."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conftest import REPO  # noqa: E402
from newscorpus import plots  # noqa: E402
from newscorpus.cleaning import report  # noqa: E402
from newscorpus.corpus import date_label, software_dated  # noqa: E402
from newscorpus.overview import (corpus_sentence, corpus_summary, length_caption, length_label,  # noqa: E402
                                 length_note, length_sentence, outlet_sizes, reader_table, translation_table)


def corpus(counts: dict[str, int], basis: str = "PolNeAR file name", suffix: str = ".txt") -> pd.DataFrame:
    rows, i = [], 0
    for outlet, n in counts.items():
        for _ in range(n):
            published = date(2016, 1 + i % 12, 1 + i % 28)
            rows.append({"file": f"{i:04d}{suffix}", "title": f"Story {i}", "outlet": outlet, "author": "",
                         "published": published, "date_precision": "day", "date_label": date_label(published, "day"),
                         "date_basis": basis, "outlet_type": "news site", "origin": "original reporting", "url": "",
                         "raw_words": 100 + i, "clean_words": 90 + i})
            i += 1
    return pd.DataFrame(rows)


# --- ties among outlets (P9) -----------------------------------------------------------------------


def test_a_tie_at_the_top_is_said_as_a_tie_and_the_rest_counted():
    polnear = corpus({**{name: 132 for name in "ABCDEF"}, "The Washington Post": 131})
    assert outlet_sizes(polnear).startswith("; 6 outlets have 132 articles each, The Washington Post 131")
    pages = corpus({"CNN": 4, **{f"Site {k}": 1 for k in range(8)}})
    assert outlet_sizes(pages).startswith("; CNN has 4 articles, the other 8 outlets 1 each")
    for points in (corpus_summary(polnear, polnear, clean=True), corpus_summary(pages, pages, clean=True)):
        assert "largest" not in points[0], points[0]


def test_equal_outlets_and_a_few_tied_leaders_are_named():
    assert outlet_sizes(corpus({"A": 3, "B": 3})) == ", 3 from each"
    assert outlet_sizes(corpus({"A": 1, "B": 1})) == ", one from each"
    assert outlet_sizes(corpus({"A": 5})) == ""
    assert outlet_sizes(corpus({"A": 7, "B": 7, "C": 2})) == "; A and B have 7 articles each, C 2"
    assert outlet_sizes(corpus({"A": 7, "B": 5, "C": 2})) == (
        "; A has 7 articles, the other 2 outlets from 5 down to 2 (the articles table lists them)")


# --- dates a program found in a saved page (B2) ----------------------------------------------------


def test_a_day_found_by_htmldate_is_given_not_known():
    found = corpus({"A": 2, "B": 1}, basis="date found in the page by htmldate")
    assert software_dated(found).all()
    sentence = corpus_sentence(found)
    assert "known for all" not in sentence and "given for all 3" in sentence
    assert "day the page was saved" in sentence
    points = corpus_summary(found, found, clean=True)
    assert "known to the day" not in points[1] and "may be the day the page was saved" in points[1]
    # a date read from the article's own metadata or its file name stays known
    known = corpus({"A": 2, "B": 1}, basis="the page's publication metadata (article:published_time)")
    assert not software_dated(known).any()
    assert "known for all 3" in corpus_sentence(known)
    assert corpus_summary(known, known, clean=True)[1] == "Every date is known to the day."


def archive_script():
    spec = importlib.util.spec_from_file_location("peer_pages_archive", REPO / "scripts" / "peer_pages_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HEADER_PAGE = (b"<html><head><title>A story - Site</title></head><body>"
               b"<div id='date-box'>Mon, 25 Dec 2023</div><h1>A story</h1>"
               b"<div class='article-info'>Max Writer<br/>Thu, 14 May 2020 17:55 UTC</div>"
               b"<p>Text of the story, which cites an event of 2020-04-15.</p></body></html>")


def test_the_archive_prefers_the_pages_own_metadata_then_the_date_under_the_headline():
    script = archive_script()
    meta = HEADER_PAGE.replace(b"</head>", b'<meta property="article:published_time" content="2020-05-13T09:00:00Z"></head>')
    assert script.publication_date(meta) == ("2020-05-13", "day", "the page's publication metadata (article:published_time)")
    # no metadata: the date printed under the headline, not the site header's "today"
    published, precision, basis = script.publication_date(HEADER_PAGE)
    assert (published, precision) == ("2020-05-14", "day") and "under the headline" in basis
    ld = b'<script type="application/ld+json">{"datePublished": "2018-10-06T08:57:00+02:00"}</script>'
    assert script.metadata_date(ld) == ("2018-10-06", "datePublished")


def test_a_date_only_htmldate_finds_says_it_may_be_the_save_date():
    script = archive_script()
    page = b"<html><body><p>Updated 2019-03-02. Some text of a page without a headline.</p></body></html>"
    published, precision, basis = script.publication_date(page)
    if precision == "day":
        assert "htmldate" in basis and "saved" in basis
        assert software_dated(pd.DataFrame({"date_precision": [precision], "date_basis": [basis]})).all()


# --- what the length counts (B1, P10) --------------------------------------------------------------


def test_saved_pages_are_said_to_be_read_through_trafilatura():
    pages = corpus({"CNN": 2, "Site": 1}, suffix=".html")
    for clean in (True, False):
        note, label, caption = length_note(pages, clean), length_label(pages, clean), length_caption(pages, clean)
        assert "trafilatura" in note and "trafilatura" in label and "trafilatura" in caption
        assert "scraped" not in label and "cookie" not in note
    assert "extracted" in length_sentence(pages)
    assert "trafilatura" in corpus_summary(pages, pages, clean=True)[2]
    mixed = pd.concat([pages, corpus({"Text": 1}).assign(file="z.txt")], ignore_index=True)
    assert "3 of the 4 articles are saved web pages" in length_note(mixed, True)


def test_text_files_keep_their_wording_and_a_clean_corpus_is_not_called_scraped():
    texts = corpus({"A": 2})
    assert length_note(texts, True) == ("Raw length counts every word of the scraped file, including the cookie "
                                        "notices and paywall prompts that the next chapter removes.")
    assert length_label(texts, True) == "Words in the raw scraped text"
    assert "scraped" not in length_label(texts, False) and "scraped" not in length_caption(texts, False)
    assert "scraped" not in length_note(texts, False)


# --- the cleaning chapter's wording (P10, P13, 6.2) ------------------------------------------------


def test_removed_own_parts_are_set_aside_not_called_other_text():
    cleaned = pd.DataFrame({"file": ["a.html", "b.html"], "raw_words": [100, 50], "clean_words": [90, 45],
                            "removed_lines": [2, 1]})
    own = pd.DataFrame({"file": ["a.html", "a.html", "b.html"], "line": [1, 2, 1],
                        "reason": ["title", "navigation", "byline"], "text": ["T", "Home", "By X"]})
    sentence = report.removal_sentence(own, cleaned)
    assert "set aside from the body" in sentence and "not the articles' own text" not in sentence
    assert "2 lines" in sentence and "page furniture" in sentence
    furniture = own.assign(reason=["navigation", "cookie notice", "tags"])
    assert "not the articles' own text" in report.removal_sentence(furniture, cleaned)


def test_the_overview_and_summary_follow_the_corpus_settings():
    assert "cleans the corpus" in report.overview_task(True)
    off = report.overview_task(False)
    assert "does not clean it" in off and "measures the cleaner against hand labels" not in off
    assert "trafilatura" in report.overview_task(True, pages=3, n=3)
    assert report.cleaning_summary(True)[0].startswith("The cleaner removes page furniture")
    assert report.cleaning_summary(False)[0].startswith("Cleaning is switched off for this corpus")
    assert "trafilatura" in report.cleaning_summary(True, pages=1)[0]
    assert report.html_note(0, 5) == "" and "trafilatura" in report.html_note(2, 5)


def test_with_cleaning_off_the_largest_change_names_its_short_text():
    shift = pd.DataFrame({"file": ["a.txt", "b.txt"], "raw_words": [12, 900], "words_removed_share": [0.5, 0.01],
                          "flesch_shift": [-36.7, 0.4]})
    names = corpus({"A": 2}).assign(file=["a.txt", "b.txt"])
    sentence = report.largest_shift_sentence(shift, names, clean=False)
    assert "36.7 points" in sentence and "12 words" in sentence and "50%" in sentence


def test_the_notebook_has_no_picture_of_text_when_cleaning_is_off():
    source = "".join("".join(c["source"]) for c in
                     json.loads((REPO / "notebooks" / "02_cleaning.ipynb").read_text())["cells"])
    assert "nothing_found" not in source


# --- colours (F6) ----------------------------------------------------------------------------------


def test_reason_groups_never_take_an_outlet_colour():
    table = pd.DataFrame({"title": [1, 2], "cookie notice": [3, 0], "navigation": [1, 1], "teasers": [2, 0]},
                         index=["a.txt", "b.txt"])
    articles = corpus({"A": 1, "B": 1}).assign(file=["a.txt", "b.txt"])
    fig = plots.stacked_by_article(table, articles, "Lines", groups=plots.CLEANING_REASON_GROUPS,
                                   colours=plots.REASON_GROUP_COLOURS, hatches=plots.REASON_GROUP_HATCHES)
    outlet = {c.lower() for c in plots.OKABE_ITO}
    faces = {matplotlib.colors.to_hex(bar.get_facecolor()).lower() for bar in fig.axes[0].patches}
    assert faces and not faces & outlet
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[-1] == plots.OTHER_GROUP  # "other" is drawn, and the caption names it
    caption = "".join("".join(c["source"]) for c in
                      json.loads((REPO / "notebooks" / "02_cleaning.ipynb").read_text())["cells"])
    assert "and other (reasons in none of these groups" in caption and "OTHER_GROUP).any()" in caption


# --- tables (6.4, F8) ------------------------------------------------------------------------------


def test_the_short_articles_table_has_outlet_and_date_and_no_empty_author_column():
    html = reader_table(corpus({"CNN": 2, "Site": 1})).to_html()
    head = html[html.index("<thead"):html.index("</thead>")]
    assert "Outlet" in head and "Date" in head and "Author" not in head
    with_author = corpus({"CNN": 1}).assign(author="A. Writer")
    assert "Author" in reader_table(with_author).to_html()


def test_the_translation_table_names_articles_by_outlet_and_date():
    articles = corpus({"CNN": 1})
    status = pd.DataFrame({"file": articles["file"], "status_words": ["as recorded in sources.csv"],
                           "evidence": ["sources.csv"]})
    html = translation_table(status, articles).to_html()
    assert articles["date_label"].iloc[0] in html and "Story 0" not in html


# --- the trust page (A6, B1, R1) -------------------------------------------------------------------


def test_the_trust_page_says_its_corpus_dependent_sentences_from_the_corpus():
    source = "".join("".join(c["source"]) for c in
                     json.loads((REPO / "notebooks" / "trust.ipynb").read_text())["cells"])
    assert "the seed articles' own pages are checked in the cleaning chapter." not in source.replace(
        '"the seed articles\' own pages are checked in the cleaning chapter"', "")
    assert "{glue:text}`tr_clean_seed_note`" in source and "{glue:text}`tr_compare_note`" in source
    assert "pages_in_corpus(corpus)" in source and "is_original_corpus()" in source


# --- the book's own path on the peer pages (B1) ----------------------------------------------------


def test_the_books_path_for_a_saved_page_is_scored_on_the_same_pages():
    from newscorpus.cleaning.peer_pages import committed_scores, pooled_scores

    scores = committed_scores()
    current, book = scores["current"][0], scores["book_path"][0]
    english = set(current.loc[current["language"] == "en", "page"])
    assert set(book["page"]) == english
    pooled = pooled_scores(book)
    assert 0 < pooled["precision"] <= 1 and 0 < pooled["recall"] <= 1
    assert "then the cleaner" in scores["book_path"][1]["run"]
    assert not any(book[c].astype(str).str.len().max() > 40 for c in book.columns)  # numbers only, no page text


def test_the_books_path_keeps_an_articles_paragraphs_and_leaves_a_menu():
    from newscorpus.cleaning.peer_pages import PeerPage, book_path_scores

    body = ["The council voted on Tuesday to close the old bridge to traffic for the winter months.",
            "Engineers had warned that the steel supports were corroding faster than expected this year.",
            "The mayor said a new crossing would open next spring, paid for by the regional budget."]
    html = ("<html><head><title>Bridge closes</title></head><body><nav><ul><li>Home</li><li>News</li>"
            "<li>Sport</li></ul></nav><article><h1>Bridge closes</h1>" + "".join(f"<p>{p}</p>" for p in body)
            + "</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")
    scores = book_path_scores([PeerPage("bridge", "en", html.encode(), "\n".join(body))])
    assert scores.loc[0, "recall"] > 0.9 and scores.loc[0, "precision"] > 0.8, scores


def test_check_notes_a_day_printed_only_in_a_saved_pages_header(tmp_path):
    from newscorpus.corpus import header_date_note

    header_day = header_date_note("page.html", HEADER_PAGE.decode(), date(2023, 12, 25), "day")
    assert header_day and "2023-12-25" in header_day and "saved" in header_day
    assert header_date_note("page.html", HEADER_PAGE.decode(), date(2020, 5, 14), "day") is None  # under the headline
    assert header_date_note("page.txt", HEADER_PAGE.decode(), date(2023, 12, 25), "day") is None
    assert header_date_note("page.html", HEADER_PAGE.decode(), date(2023, 12, 1), "month") is None
    declared = HEADER_PAGE.decode().replace(
        "</head>", '<meta property="article:published_time" content="2023-12-25T10:00:00Z"></head>')
    assert header_date_note("page.html", declared, date(2023, 12, 25), "day") is None
    # and `check` says it, naming the file
    from newscorpus.check import check_corpus

    (tmp_path / "page.html").write_bytes(HEADER_PAGE)
    (tmp_path / "sources.csv").write_text(
        "file,title,outlet,author,published,date_precision,date_basis,url,outlet_type,origin\n"
        "page.html,A story,Site,,2023-12-25,day,found in the page by htmldate,,news site,saved page\n")
    notes: list[str] = []
    check_corpus(tmp_path, notes=notes)
    assert any("page.html" in note and "header" in note for note in notes), notes
