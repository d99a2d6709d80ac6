"""Wire copy is recognised by its credits (dateline, byline, AP's "The Latest" headline, the
collector's origin), shown apart and left out of outlet comparisons; superlatives are rates."""

from __future__ import annotations

import pandas as pd

from newscorpus import findings
from newscorpus.measures.republication import wire_copy, wire_files


def article(file, title="A story", author="", origin="original reporting", text="Body text here."):
    return {"file": file, "title": title, "author": author, "origin": origin, "raw_text": f"{title}\n\n{text}"}


def test_each_credit_is_recognised_and_named():
    articles = pd.DataFrame([
        article("dateline.txt", text="WASHINGTON (AP) — The president said on Tuesday that ..."),
        article("reuters.txt", text="MACAU (Reuters) – Casino magnate Sheldon Adelson ..."),
        article("byline.txt", author="Associated Press"),
        article("latest.txt", title="The Latest: Sanders wins Minnesota caucuses."),
        article("origin.txt", origin='republished Associated Press story ("Source: News Agencies")'),
        article("own.txt", text="Our reporter writes. Later, a rival told the AP (Associated Press) it was wrong."),
        article("apple.txt", author="Jane Apple", title="The latest figures", text="SNAP (APril) — no."),
    ])
    flags = wire_copy(articles).set_index("file")
    assert flags.loc["dateline.txt", "agency"] == "Associated Press"
    assert flags.loc["dateline.txt", "evidence"] == "agency dateline “WASHINGTON (AP) —”"
    assert flags.loc["reuters.txt", "agency"] == "Reuters"
    assert flags.loc["byline.txt", "evidence"].startswith("byline")
    assert "The Latest" in flags.loc["latest.txt", "evidence"]
    assert flags.loc["origin.txt", "evidence"].startswith("sources.csv origin")
    assert not flags.loc["own.txt", "wire"]  # the agency named in the body is no credit
    assert not flags.loc["apple.txt", "wire"]
    assert wire_files(articles) == ["dateline.txt", "reuters.txt", "byline.txt", "latest.txt", "origin.txt"]


def test_a_dateline_deep_in_the_text_is_a_quotation_not_a_credit():
    text = "Our own reporting. " * 60 + "As the story put it: WASHINGTON (AP) — something."
    assert not wire_copy(pd.DataFrame([article("deep.txt", text=text)]))["wire"].iloc[0]


def test_a_saved_page_is_read_from_its_cleaned_text():
    page = article("page.html", text="<html><body><p>BERLIN (AFP) - News.</p></body></html>")
    flags = wire_copy(pd.DataFrame([page]), {"page.html": "News from Berlin\n\nBERLIN (AFP) - News."})
    assert flags["agency"].iloc[0] == "AFP" and flags["evidence"].iloc[0] == "agency dateline “BERLIN (AFP) -”"
    assert not wire_copy(pd.DataFrame([page]))["wire"].iloc[0]  # raw HTML is not searched


def _overview(files, words):
    return pd.DataFrame({"file": files, "outlet": [f"Outlet {f}" for f in files], "date_label": ["2016"] * len(files),
                         "published": pd.to_datetime(["2016-01-01"] * len(files)), "clean_words": words,
                         "origin": [""] * len(files)})


def _table(files, quotations, unnamed, wire=None):
    n = len(files)
    return pd.DataFrame({"file": files, "kincaid_grade": [10.0] * n, "sources_named": [1] * n,
                         "sources_unnamed": unnamed, "quotations": quotations, "top_theme": [None] * n,
                         "top_theme_clear": [False] * n, "daesh_share": [float("nan")] * n,
                         "wire_agency": wire or [""] * n})


def test_superlatives_are_rates_not_counts():
    # "long" has the most quotations (30 in 10,000 words), "short" the highest rate (10 in 500)
    overview = _overview(["long", "short", "mid"], [10_000, 500, 2_000])
    text = " ".join(findings.findings_sentences(_table(["long", "short", "mid"], [30, 10, 8], [5, 1, 12]), overview))
    assert "Outlet short, 2016 quotes most often (20.0 per 1,000 words, 10 quotations in all)" in text
    assert "Outlet mid, 2016 carries the most unnamed sources for its length (6.0 per 1,000 words" in text
    assert "Outlet long, 2016" not in text


def test_wire_copy_on_top_is_named_as_such_and_the_outlets_own_writing_after_it():
    overview = _overview(["wire", "own", "other"], [1_000, 1_000, 1_000])
    table = _table(["wire", "own", "other"], [62, 9, 4], [0, 0, 0], wire=["Associated Press", "", ""])
    text = " ".join(findings.findings_sentences(table, overview))
    assert ("Outlet wire, 2016 (wire copy from the Associated Press: the agency's quotations, not the outlet's) "
            "quotes most often (62.0 per 1,000 words") in text
    assert "of the outlets' own writing, Outlet own, 2016 the most (9.0 per 1,000 words" in text


def test_a_dateline_the_cleaner_removed_is_still_read_from_the_raw_text():
    row = article("cut.txt", text="WASHINGTON (AP) — The president said ...")
    flags = wire_copy(pd.DataFrame([row]), {"cut.txt": "The president said ..."})
    assert flags["evidence"].iloc[0] == "agency dateline “WASHINGTON (AP) —”"
