"""Full-page text: what a page puts after the article (cleaning/tail.py), the page-to-text step
and the peer-page scoring (cleaning/page_text.py, cleaning/peer_pages.py). All offline: the peer
pages themselves are only read by `make bench`; here a tiny archive of the same shape stands in."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile

import pandas as pd
import pytest

from newscorpus import load
from newscorpus.cleaning import audit, clean_corpus, clean_text
from newscorpus.cleaning.page_text import page_text
from newscorpus.cleaning import peer_pages
from newscorpus.cleaning.peer_pages import (PEER_PROJECT, PEER_VERSION, PeerArchiveMismatch, f1_intervals,
                                           fetch_sdist, goal_reached, html_extractor_scores, other_languages,
                                           pooled_scores, read_pages,
                                           read_scores, run_peer_evaluation, token_scores, write_scores)
from newscorpus.cli import EXIT_BAD_INPUT, main

from conftest import REPO, SEEDS

EVALUATION = REPO / "newscorpus" / "data" / "evaluation"
PARAGRAPHS = [
    "Iraqi forces pushed into the eastern districts of Mosul on Tuesday as the offensive entered its second week, officials said, while residents fled along corridors secured by the army.",
    "The advance was slower than planned because of the number of civilians still living in the old city and the tunnels dug by the militants under the houses, a commander said.",
    "Aid agencies said the camps south of the city were already full and that more than ten thousand people had arrived in the last two days alone, most of them women and children.",
    "The government said it would open two more camps by the end of the week, but officials in the province said they had received neither the tents nor the money they were promised.",
]


def page(*tail: str) -> str:
    return "\n\n".join(["Mosul offensive enters second week", *PARAGRAPHS, *tail]) + "\n"


def test_seed_audit_is_line_for_line_what_it_was_before_the_full_page_signals():
    before = pd.read_csv(EVALUATION / "seed_audit_before_full_pages.csv", comment="#")
    now = audit(clean_corpus(load(SEEDS)))[["file", "line", "reason"]]
    by_file = ["file", "line"]  # the saved audit is in file order, the corpus in publication order
    assert (now.sort_values(by_file).values.tolist() == before.sort_values(by_file).values.tolist())


def test_teaser_blocks_with_their_own_dates_go_and_the_article_stays():
    text = page(
        "Iraq's army struggles to recruit in the west",
        "Officers say salaries have not been paid for three months and many units are at half strength.",
        "12 May 2015",
        "Displaced families crowd the bridge at Bzebiz",
        "Thousands of people wait for days to be allowed across the Euphrates into Baghdad province.",
        "10 May 2015",
    )
    article = clean_text(text)
    assert article.paragraphs == PARAGRAPHS
    assert {r.reason for r in article.removed if "Bzebiz" in r.text or "Officers" in r.text} == {"teasers"}


def test_subheadings_each_over_one_paragraph_are_not_teasers():
    """The same shape without dates, names or title case is the article's own structure."""
    text = page("What would change this?", PARAGRAPHS[0].replace("Tuesday", "Monday"),
                "Where the families go next", PARAGRAPHS[1].replace("commander", "colonel"))
    article = clean_text(text)
    assert "What would change this?" in article.paragraphs
    assert "Where the families go next" in article.paragraphs
    assert len(article.paragraphs) == 6 + 2


def test_a_comment_thread_without_a_header_is_found_by_its_name_and_date_lines():
    text = page(
        "Hi Sarah, thanks for this. I worked in one of the camps in 2017 and wondered whether the schools reopened.",
        "Daniel R.", "March 4, 2019 at 9:12 am",
        "Thanks for the question, Daniel. The school reopened in a tent last spring, the camp manager told me.",
        "Sarah Whitcombe", "March 4, 2019 at 11:40 am",
        "I recently came back from Erbil and the situation you describe matches what I saw there.",
        "Amira K.", "March 5, 2019 at 7:03 pm",
    )
    article = clean_text(text)
    assert article.paragraphs == PARAGRAPHS
    assert "comments" in {r.reason for r in article.removed}


def test_sections_under_short_headings_ending_in_a_full_stop_are_not_a_comment_thread():
    """Headings such as "Gender Equality." look like commenters' names; they are the article's own
    sections when the same shape stands between its paragraphs from the start, or prose follows."""
    sections = []
    headings = ["Refugees.", "War and Peace.", "Human Rights.", "Terrorism.", "Gender Equality.", "Climate Change."]
    for heading, paragraph in zip(headings, PARAGRAPHS + PARAGRAPHS[:2]):
        sections += [heading, paragraph, paragraph.replace("said", "added")]
    text = "\n\n".join(["How the agency fared", *sections, "Jane Doe and John Roe contributed reporting from Erbil."]) + "\n"
    article = clean_text(text)
    assert "comments" not in {r.reason for r in article.removed}
    for line in ("Gender Equality.", "Climate Change.", PARAGRAPHS[1]):
        assert line in article.paragraphs


def test_a_letters_page_keeps_its_letters():
    """Letters, each over its writer's name, from the first: the body, not readers' comments."""
    letters = [
        "I cannot see how the council has escaped any inquiry into the camps this year. It is plain that the money went elsewhere and nobody will say where.",
        "The decision not to publish the audit destroys what faith people still had in the province's officials.",
        "Michael Pravo.",
        "Will the inquiry into the camps ever start? The families have waited two years for an answer from anyone.",
        "Chris Smith.",
        "The officials need to answer for the money now, or they will lose the little trust they have left here.",
        "Toni Williams.",
        "I'm no friend of the governor, but enough with the audit, the roads matter more to us than this!",
        "John Weinberg.",
    ]
    article = clean_text("\n\n".join(["Letters: the camps audit", *letters]) + "\n")
    assert "comments" not in {r.reason for r in article.removed}
    assert letters[-2] in article.paragraphs and letters[3] in article.paragraphs


def test_a_bulleted_headline_list_after_the_body_is_teasers_and_a_list_in_the_body_stays():
    items = ["- The Struggle to Save Lives Inside the City's Hospitals", "- Why the Old Bridge Still Matters to Everyone",
             "- Sheikh Ahmed and the Future of the Provincial Council", "- Is the New Road Safe for Families?"]
    article = clean_text(page("More Must-Reads From The Review", *items))
    assert article.paragraphs == PARAGRAPHS
    assert {r.reason for r in article.removed if r.text in items} == {"teasers"}
    listed = ["- The pastry that everyone talked about rose to 17th on the list of recipes that were searched for after it arrived in the shops last year.",
              "- Our favourite ways to eat eggs are: 1) Deviled, 2) Scotch, 3) Scrambled, 4) Pickled, 5) Boiled.",
              "- This year we searched for 'recipes' less and 'restaurant' significantly more.",
              "- Foodies in Japan searched French food more than France, and Brits Indian food more than India."]
    text = "\n\n".join(["What the city searched for", PARAGRAPHS[0], "Some of the other data points include:", *listed,
                         *PARAGRAPHS[1:]]) + "\n"
    kept = clean_text(text).paragraphs
    assert all(item in kept for item in listed)


def test_a_short_in_phrase_between_paragraphs_is_a_subheading_not_a_tag():
    text = "\n\n".join(["Mosul offensive enters second week", *PARAGRAPHS[:2], "In fair Verona", *PARAGRAPHS[2:]]) + "\n"
    assert "In fair Verona" in clean_text(text).paragraphs
    listed = page("- in Releases")
    assert "- in Releases" not in clean_text(listed).paragraphs


def test_pages_in_corpus_finds_the_peer_pages_by_their_bytes(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.html").write_bytes(b"<html>peer page</html>")
    (tmp_path / "corpus" / "b.html").write_bytes(b"<html>another page</html>")
    digest = hashlib.sha256(b"<html>peer page</html>").hexdigest()
    (tmp_path / peer_pages.DIGESTS_FILE).write_text(f"# test\npage,sha256\npeer_001,{digest}\n", encoding="utf-8")
    articles = pd.DataFrame({"file": ["a.html", "b.html", "missing.html"]})
    articles.attrs["corpus_dir"] = str(tmp_path / "corpus")
    assert peer_pages.pages_in_corpus(articles, tmp_path) == ["a.html"]


def test_the_committed_digests_are_one_per_scored_english_page():
    digests = pd.read_csv(EVALUATION / peer_pages.DIGESTS_FILE, comment="#")
    scores = peer_pages.committed_scores()["current"][0]
    assert sorted(digests["page"]) == sorted(scores.loc[scores["language"] == "en", "page"])


def test_an_author_bio_at_the_foot_goes_but_the_same_shape_inside_the_article_stays():
    bio = "Jonathan Meyers is a senior fellow at the Institute for Regional Studies, where he writes about security in Iraq."
    inside = "Ahmed Saleh is a former journalist who fled the city in 2014 and now runs a radio station in Erbil."
    text = "\n\n".join(["Mosul offensive enters second week", PARAGRAPHS[0], inside, *PARAGRAPHS[1:], bio]) + "\n"
    article = clean_text(text)
    assert inside in article.paragraphs
    assert bio not in article.paragraphs
    assert [r.reason for r in article.removed if r.text == bio] == ["author bio"]


def test_a_sentence_opening_with_the_byline_name_at_the_foot_is_a_bio():
    bio = "Layla Hassan reports on Iraq and Syria for The Review and is based in Erbil."
    text = "\n\n".join(["Mosul offensive enters second week", "Layla Hassan", *PARAGRAPHS, bio]) + "\n"
    article = clean_text(text)
    assert article.paragraphs == PARAGRAPHS
    assert [r.reason for r in article.removed if r.text == bio] == ["author bio"]


def test_an_about_header_ends_the_article():
    about = ("The Institute for Regional Studies is an independent, non-partisan research organisation "
             "founded in 2011. We publish analysis and train young researchers from across the region.")
    article = clean_text(page("About the Institute", about))
    assert article.paragraphs == PARAGRAPHS


def test_lines_without_letters_are_never_body():
    text = page().replace(PARAGRAPHS[2], f"{PARAGRAPHS[2]}\n\n1\n\n2\n\n3\n\n<<")
    assert clean_text(text).paragraphs == PARAGRAPHS


def test_page_text_gives_every_visible_line_as_a_browser_copy_does():
    html = """<html><head><title>Not shown</title><style>p {color: red}</style></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
      <script>var hidden = "never shown";</script><noscript>Enable JavaScript</noscript>
      <article><h1>Mosul battle</h1>
        <p>Iraqi forces <a href="/x">pushed</a> into
           the <b>eastern</b> districts.</p>
        <p>First line<br>second line</p>
        <div hidden>hidden block</div><div style="display: none">also hidden</div>
        <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
      </article><!-- a comment --><footer>&copy; 2016 Example</footer></body></html>"""
    assert page_text(html).splitlines() == [
        "Home", "World", "Mosul battle", "Iraqi forces pushed into the eastern districts.",
        "First line", "second line", "Cell one\tCell two", "© 2016 Example",
    ]


def test_page_text_reads_utf8_bytes_whatever_the_page_declares():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>“Done,” he said.</p></body></html>'
    assert page_text(html.encode("utf-8")) == "“Done,” he said."


def test_token_scores_worked_by_hand():
    # kept: the cat sat on the mat (6 tokens); expected: the cat sat the (4); shared: the x2, cat, sat
    scores = token_scores("The cat sat on the mat.", "the cat, sat the")
    assert scores["tokens_shared"] == 4
    assert scores["precision"] == pytest.approx(4 / 6)
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["f1"] == pytest.approx(2 * (4 / 6) / (4 / 6 + 1))
    assert token_scores("", "the cat")["f1"] == 0.0


def _fake_sdist(path):
    """An archive shaped like the peer's source distribution, with pages written here."""
    body = "<p>" + "</p><p>".join(PARAGRAPHS) + "</p>"
    files = {
        "tests/data/html/news_a.html": f"<html><body><nav>Home</nav>{body}</body></html>",
        "tests/data/txt/news_a.txt": "\n\n".join(PARAGRAPHS),
        "tests/data/metadata/news_a.json": json.dumps({"language": "en"}),
        "tests/data/html/news_b.html": f"<html><body><nav>Home</nav>{body}</body></html>",  # a copy
        "tests/data/txt/news_b.txt": "\n\n".join(PARAGRAPHS),
        "tests/data/html/no_text.html": "<html><body><p>No expected text for me.</p></body></html>",
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, content in files.items():
            data = content.encode("utf-8")
            info = tarfile.TarInfo(f"peer-0.0/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_read_pages_pairs_html_with_expected_text_and_counts_a_copied_page_once(tmp_path):
    pages = read_pages(_fake_sdist(tmp_path / "peer-0.0.tar.gz"))
    assert [p.name for p in pages] == ["news_a"]
    assert pages[0].language == "en" and pages[0].expected.startswith("Iraqi forces")


def _cached_sdist(root):
    """A stand-in archive where ``make bench`` caches the download, so pip is never called."""
    cache = root / "_build" / "peer_pages"
    cache.mkdir(parents=True)
    return _fake_sdist(cache / f"{PEER_PROJECT}-{PEER_VERSION}.tar.gz")


def test_fetch_sdist_keeps_an_archive_with_the_pinned_digest(tmp_path, monkeypatch):
    cached = _cached_sdist(tmp_path)
    monkeypatch.setattr(peer_pages, "PEER_SHA256", hashlib.sha256(cached.read_bytes()).hexdigest())
    assert fetch_sdist(cached.parent) == cached and cached.is_file()


def test_fetch_sdist_deletes_an_archive_with_another_digest_and_says_so_in_one_line(tmp_path):
    """A cached archive that is not the pinned one is refused, not scored (the figures would be
    for other pages), and deleted, so the next run downloads it again instead of failing on it."""
    cached = _cached_sdist(tmp_path)
    with pytest.raises(PeerArchiveMismatch, match="not the pinned") as raised:
        fetch_sdist(cached.parent)
    assert not cached.exists()
    assert "\n" not in str(raised.value) and str(raised.value).startswith(str(cached))


def test_peer_evaluation_stops_on_a_mismatching_archive_but_skips_when_offline(tmp_path, monkeypatch, capsys):
    _cached_sdist(tmp_path)
    with pytest.raises(PeerArchiveMismatch):  # not swallowed as "could not fetch"
        run_peer_evaluation(tmp_path)

    def offline(*args, **kwargs):
        raise subprocess.CalledProcessError(1, args[0])

    monkeypatch.setattr(peer_pages.subprocess, "run", offline)  # the archive is gone: pip is asked, and fails
    assert run_peer_evaluation(tmp_path) == {}
    assert "peer pages skipped: could not fetch" in capsys.readouterr().out


def test_bench_fails_on_a_mismatching_archive_with_one_line_and_no_traceback(tmp_path, monkeypatch, capsys):
    from newscorpus.book import bench

    _cached_sdist(tmp_path)
    monkeypatch.setattr(bench, "load", lambda seeds: pd.DataFrame({"raw_text": ["A short article."]}))
    monkeypatch.setattr(bench, "time_cleaner", lambda texts: 1.0)  # the timing is not under test
    assert main(["bench", "--skip-build", "--root", str(tmp_path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not the pinned" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_html_extractor_is_scored_on_the_english_pages_with_the_same_measure(tmp_path):
    pages = read_pages(_fake_sdist(tmp_path / "peer-0.0.tar.gz"))
    scores = html_extractor_scores(pages)
    assert scores["page"].tolist() == ["news_a"]
    # trafilatura drops the <nav> and keeps the four paragraphs, which are the expected text
    assert scores.loc[0, "recall"] == 1.0 and scores.loc[0, "precision"] == 1.0


@pytest.mark.parametrize("tool, reads", [("Cleaner", "full-page text"), ("trafilatura", "the HTML")])
def test_scores_file_round_trip(tmp_path, tool, reads):
    scores = pd.DataFrame([{"page": "a", "language": "en", "detected": "English", "page_lines": 9,
                            **token_scores("the cat sat", "the cat sat on")}])
    write_scores(scores, tmp_path / "s.csv", run="a test", tool=tool, reads=reads)
    table, meta = read_scores(tmp_path / "s.csv")
    assert meta["version"] == PEER_VERSION and meta["run"] == "a test"
    assert (tmp_path / "s.csv").read_text().startswith(f"# {tool} on the English test pages")
    assert reads in (tmp_path / "s.csv").read_text().splitlines()[0]
    assert table.loc[0, "recall"] == pytest.approx(0.75)


@pytest.mark.parametrize("name", ["peer_pages_first_run.csv", "peer_pages_scores.csv", "peer_pages_trafilatura.csv"])
def test_committed_peer_scores_are_numbers_for_the_pinned_version(name):
    table, meta = read_scores(EVALUATION / name)
    assert meta["version"] == PEER_VERSION
    english = table[table["language"] == "en"]
    assert len(english) >= 10
    assert english[["precision", "recall", "f1"]].stack().between(0, 1).all()
    assert {"page", "precision", "recall", "f1", "tokens_expected"} <= set(table.columns)
    assert not any(table[c].astype(str).str.len().max() > 40 for c in table.columns)  # no page text
    totals = pooled_scores(table)
    assert 0 < totals["f1"] <= 1


def _scored(rows):
    return pd.DataFrame([{"page": page, "language": "en", **token_scores(kept, expected)}
                         for page, kept, expected in rows])


def test_f1_intervals_hold_the_pooled_f1_and_a_paired_change():
    expected = "the cat sat on the mat"
    first = _scored([("a", "the cat sat on the mat menu", expected), ("b", "the dog ran home", "the dog ran home"),
                     ("c", "a b c", "a b c d e f")])
    same = f1_intervals(first, first)
    assert same["difference"].tolist() == [0.0, 0.0]  # the same pages drawn for both tables
    assert same["baseline"].tolist() == same["other"].tolist()
    low, high = same["other"]
    assert low <= pooled_scores(first)["f1"] <= high
    assert low < high  # the pages differ, so the resamples do
    better = _scored([("a", expected, expected), ("b", "the dog ran home", "the dog ran home"),
                      ("c", "a b c", "a b c d e f")])
    change = f1_intervals(first, better)["difference"]
    assert 0 <= change[0] and change[1] > 0  # only page a improved: never worse, sometimes better
    assert f1_intervals(first, better)["difference"].tolist() == change.tolist()  # seeded
    assert f1_intervals(better, first)["difference"] == pytest.approx(-change[::-1])  # other minus baseline


def test_f1_intervals_refuse_runs_on_different_pages():
    first = _scored([("a", "x y", "x y"), ("b", "x", "x")])
    with pytest.raises(ValueError):
        f1_intervals(first, _scored([("a", "x y", "x y"), ("c", "x", "x")]))


def test_other_languages_counts_the_pages_named_not_english():
    scores = pd.DataFrame({"language": ["en", "es", "ar", "ha"],
                           "detected": ["English", "Spanish", "Arabic", "unknown"]})
    assert other_languages(scores) == {"pages": 3, "named": 3, "languages": ["Arabic", "Spanish"]}
    english = scores.assign(detected="English")
    assert other_languages(english)["named"] == 0


def test_the_goal_needs_both_f1_and_recall():
    assert goal_reached({"f1": 0.93, "recall": 0.96})
    assert not goal_reached({"f1": 0.93, "recall": 0.94})  # precise, but the article's text lost
    assert not goal_reached({"f1": 0.91, "recall": 0.99})
