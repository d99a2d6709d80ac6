"""Reader tables: the user's text shown as text, a web address as a link, nothing else as markup."""

from __future__ import annotations

import pandas as pd

from newscorpus.overview import reader_style, reader_table, source_link, times

ROW = {"file": "a.txt", "title": "Mosul <script>alert(1)</script>", "outlet": "<i>Outlet</i>", "author": "",
       "date_label": "June 2014", "date_precision": "month", "date_basis": "page", "outlet_type": "news site",
       "origin": "original reporting", "raw_words": 10, "clean_words": 8, "published": "2014-06-01"}


def rendered(url: str) -> str:
    return reader_table(pd.DataFrame([{**ROW, "url": url}])).to_html()


def test_a_web_address_becomes_a_link():
    page = rendered("https://example.org/a?b=1&c=2")
    assert '<a href="https://example.org/a?b=1&amp;c=2">link</a>' in page


def test_other_schemes_and_markup_stay_text():
    page = rendered("javascript:alert(1)")
    assert "<a href" not in page and "javascript:alert(1)" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<i>Outlet" not in page and "&lt;i&gt;Outlet" in page


def test_a_format_function_is_not_escaped_twice_and_a_format_string_escapes():
    table = pd.DataFrame({"Link": ["https://example.org"], "Share": [0.5], "Name": ["<b>x</b>"]})
    page = reader_style(table, {"Link": source_link, "Share": "{:.0%}"}).to_html()
    assert '<a href="https://example.org">link</a>' in page
    assert "50%" in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert source_link("data:text/html,<b>") == "data:text/html,&lt;b&gt;"


def test_counts_read_as_words():
    assert [times(n) for n in (0, 1, 2, 3, 1200)] == ["0 times", "once", "twice", "3 times", "1,200 times"]


def test_a_named_index_puts_its_name_in_the_heading_row_not_a_row_of_its_own():
    table = pd.DataFrame({"Words": [1, 2]}, index=pd.Index(["A <b>", "B"], name="Article"))
    page = reader_style(table).to_html()
    head = page[page.index("<thead"):page.index("</thead>")]
    assert head.count("<tr") == 1 and "Article" in head and "Words" in head
    assert "A &lt;b&gt;" in page  # the row labels stay, escaped
    assert table.columns.name is None  # the caller's table is not changed


def test_a_download_link_counts_its_rows_in_the_singular_too():
    from newscorpus.book.evidence import download_link

    assert "(1 row)" in download_link(pd.DataFrame({"file": ["a.txt"]}), "one.csv").data
    assert "(2 rows)" in download_link(pd.DataFrame({"file": ["a.txt", "b.txt"]}), "two.csv").data
