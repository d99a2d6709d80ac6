"""Wire copy is recognised by its credits (a dateline credit naming another organisation than the
outlet, byline, a "-Wire" signature, AP's "The Latest" headline, the collector's origin), also in
the lines the cleaner removed; shown apart and left out of outlet comparisons; superlatives are
rates."""

from __future__ import annotations

import pandas as pd

from newscorpus import findings
from newscorpus.cleaning.cleaner import CleanedArticle, RemovedLine
from newscorpus.measures.republication import wire_copy, wire_files


def article(file, title="A story", author="", origin="original reporting", text="Body text here.",
            outlet="Our Paper", url=""):
    return {"file": file, "title": title, "author": author, "origin": origin, "raw_text": f"{title}\n\n{text}",
            "outlet": outlet, "url": url}


def cleaned_row(file, paragraphs, body_lines, removed, byline=""):
    """A row of clean_corpus's table: the body kept and the lines removed, by line number."""
    kept = CleanedArticle(paragraphs=paragraphs, body_lines=body_lines, byline=byline,
                          removed=[RemovedLine(n, text, reason) for n, text, reason in removed])
    return {"file": file, "clean_text": kept.text, "byline": byline, "cleaned": kept, "source_text": ""}


def test_each_credit_is_recognised_and_named():
    articles = pd.DataFrame([
        article("dateline.txt", text="WASHINGTON (AP) — The president said on Tuesday that ..."),
        article("reuters.txt", text="MACAU (Reuters) – Casino magnate Sheldon Adelson ..."),
        article("byline.txt", author="Associated Press"),
        article("latest.txt", title="The Latest: Sanders wins Minnesota caucuses."),
        article("origin.txt", origin='republished Associated Press story ("Source: News Agencies")'),
        article("own.txt", text="Our reporter writes. Later, a rival told the AP (Associated Press) it was wrong."),
        article("apple.txt", author="Jane Apple", title="The latest figures", text="Snap peas (in April) are sweet."),
    ])
    flags = wire_copy(articles).set_index("file")
    assert flags.loc["dateline.txt", "agency"] == "Associated Press"
    assert flags.loc["dateline.txt", "evidence"] == "dateline credit “WASHINGTON (AP) —”"
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
    assert flags["agency"].iloc[0] == "AFP" and flags["evidence"].iloc[0] == "dateline credit “BERLIN (AFP) -”"
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
    assert "Outlet short, 2016 quotes most often (20.0 per 1,000 words, 10 quotations in all; its 95% interval" in text
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
    assert flags["evidence"].iloc[0] == "dateline credit “WASHINGTON (AP) —”"


def test_a_dateline_credit_naming_another_organisation_is_syndicated_copy_even_unlisted():
    articles = pd.DataFrame([
        article("cnn.txt", outlet="fox13now", text="WASHINGTON (CNN) — Americans will follow new laws."),
        article("upi.txt", outlet="Breitbart", text="HEMPSTEAD, N.Y., Sept. 26 (UPI) — A candidate was escorted out."),
        article("local.txt", outlet="fox13now", text="DENVER, Jan. 2, 2014 (KDVR) -- Snow closed the pass."),
        article("party.txt", outlet="fox13now", text="Sen. Ted Cruz (R-Texas) — as he said — will run."),
    ])
    flags = wire_copy(articles).set_index("file")
    assert flags.loc["cnn.txt", "agency"] == "CNN"
    assert flags.loc["cnn.txt", "evidence"] == "dateline credit “WASHINGTON (CNN) —”"
    assert flags.loc["upi.txt", "agency"] == "UPI"
    assert flags.loc["local.txt", "agency"] == "KDVR"  # not in the agencies' list: any other organisation counts
    assert not flags.loc["party.txt", "wire"]  # a party tag is no organisation


def test_an_agencys_story_on_its_own_site_is_not_republished():
    articles = pd.DataFrame([
        article("yna.txt", outlet="yna_co_kr", text="SEOUL, Aug. 20 (Yonhap) -- North Korea's newspaper blasted the drill."),
        article("yna2.txt", outlet="Yonhap", url="https://en.yna.co.kr/view/1", text="SEOUL (Yonhap) -- More news."),
        article("cnn.txt", outlet="cnn", title="Sailing for Thanksgiving | CNN Politics", text="(CNN) -- Forecasters see calm."),
        article("site.txt", outlet="Example Times", title="Storm over | CNN Politics", text="(CNN) -- Forecasters see calm."),
        article("ap.txt", outlet="AP News", url="https://apnews.com/x", text="WASHINGTON (AP) — The president said ..."),
    ])
    flags = wire_copy(articles).set_index("file")
    assert flags["wire"].tolist() == [False] * 5
    assert flags.loc["yna.txt", "evidence"] == "its own outlet's dateline “SEOUL, Aug. 20 (Yonhap) --”: not republished"


def test_a_dateline_or_lede_the_cleaner_removed_from_a_page_still_counts():
    # saved pages: their raw HTML is never searched, so only the removed lines can tell
    pages = pd.DataFrame([
        article("fox.html", outlet="fox13now", text="<html>...</html>"),
        article("upi.html", outlet="Breitbart", text="<html>...</html>"),
        article("deep.html", outlet="Breitbart", text="<html>...</html>"),
    ])
    cleaned = pd.DataFrame([
        cleaned_row("fox.html", ["Not everyone subscribes to a resolution."], [6],
                    [(1, "New Year, new laws", "title"), (3, "CNN", "byline"), (4, "WASHINGTON (CNN) —", "dateline")]),
        cleaned_row("upi.html", ["The clip has faced ridicule online."], [5],
                    [(1, "Menu", "site chrome"), (3, "LOS ANGELES, Sept. 28 (UPI) — In a preview clip, she sings.", "site chrome")]),
        # a dateline quoted in a comment below the body is not the article's credit
        cleaned_row("deep.html", ["Our own reporting."], [3], [(9, "BERLIN (AFP) - a reader pasted this.", "comments")]),
    ])
    flags = wire_copy(pages, cleaned).set_index("file")
    assert flags.loc["fox.html", "agency"] == "CNN" and flags.loc["fox.html", "evidence"] == "dateline credit “WASHINGTON (CNN) —”"
    assert flags.loc["upi.html", "agency"] == "UPI"
    assert not flags.loc["deep.html", "wire"]
    assert not wire_copy(pages)["wire"].any()  # without the cleaned rows nothing tells


def test_wire_signatures_and_bylines_name_the_service():
    pages = pd.DataFrame([
        article("sig.html", outlet="fox13now", text="<html>...</html>"),
        article("kept.txt", outlet="fox13now", text="Body of the story.\n\nThe-CNN-Wire"),
        article("by.txt", outlet="Daily Bugle", author="By Jane Doe, UPI"),
        article("cleaner_byline.html", outlet="Daily Bugle", text="<html>...</html>"),
        article("wired.txt", outlet="Daily Bugle", text="A story about the Wire, a television show.\n\nThe Wire"),
    ])
    cleaned = pd.DataFrame([
        cleaned_row("sig.html", ["Body of the story."], [3],
                    [(8, "The-CNN-Wire", "signature"), (9, "© 2013 Cable News Network", "copyright")]),
        cleaned_row("cleaner_byline.html", ["Body."], [4], [(2, "Reuters", "byline")], byline="Reuters"),
    ])
    flags = wire_copy(pages, cleaned).set_index("file")
    assert flags.loc["sig.html", "agency"] == "CNN" and flags.loc["sig.html", "evidence"] == "signature “The-CNN-Wire”"
    assert flags.loc["kept.txt", "agency"] == "CNN"
    assert flags.loc["by.txt", "agency"] == "UPI"
    assert flags.loc["cleaner_byline.html", "agency"] == "Reuters"
    assert not flags.loc["wired.txt", "wire"]  # "The Wire" names no organisation


def test_a_superlative_needs_an_article_long_enough_for_its_rate_and_records_whom_it_names():
    # "brief" has the highest rate (5 quotations in 150 words) but is too short to be ranked by it
    overview = _overview(["brief", "long", "mid"], [150, 3_000, 1_000])
    named = []
    text = " ".join(findings.findings_sentences(_table(["brief", "long", "mid"], [5, 30, 4], [3, 2, 9]), overview,
                                                named=named))
    assert "Outlet brief" not in text
    n = findings.MIN_WORDS_FOR_SUPERLATIVE
    assert f"Ranked on rates per 1,000 words among the 2 articles of {n:,d} words or more" in text
    assert "95% interval" in text  # each superlative carries the Poisson interval of its count
    assert "Outlet long, 2016 quotes most often (10.0 per 1,000 words" in text
    assert "Outlet mid, 2016 carries the most unnamed sources for its length (9.0 per 1,000 words" in text
    assert named == ["mid", "long"]


def test_no_superlative_when_fewer_than_two_articles_are_long_enough():
    overview = _overview(["a", "b", "c"], [120, 200, 5_000])
    named = []
    text = " ".join(findings.findings_sentences(_table(["a", "b", "c"], [5, 1, 2], [3, 0, 1]), overview, named=named))
    assert "most often" not in text.replace("none is said to quote most often", "")
    assert f"Only one article has {findings.MIN_WORDS_FOR_SUPERLATIVE:,d} words or more" in text and named == []


def test_the_theme_sentence_counts_the_articles_that_reach_the_conflict_rate():
    overview = _overview(["a", "b", "c"], [1_000, 1_000, 1_000])
    table = _table(["a", "b", "c"], [1, 2, 3], [0, 0, 0])
    table.attrs.update(conflict_news=False, conflict_articles=1)
    text = " ".join(findings.findings_sentences(table, overview))
    assert "1 of the 3 articles reaches 3 matches per 1,000 words, fewer than half" in text
    assert "the rates of the one article that does" in text
    table.attrs["conflict_articles"] = 0
    assert "no article reaches 3 matches per 1,000 words" in " ".join(findings.findings_sentences(table, overview))
