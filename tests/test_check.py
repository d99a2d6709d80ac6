"""`python -m newscorpus check`: every problem with a corpus, one line each, naming the file and
what to do; exit status 2; nothing in the corpus folder modified."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus.check import check_corpus

from conftest import REPO

FRENCH = (
    "Les forces irakiennes ont repris dimanche les derniers quartiers de l'ouest de Mossoul, après des mois "
    "de combats de rue, selon le ministère de la Défense. Les habitants qui étaient restés dans la vieille "
    "ville ont commencé à sortir de leurs maisons, et les autorités ont dit que la recherche des explosifs "
    "cachés prendrait encore plusieurs semaines. Le gouvernement a promis de reconstruire les ponts.\n"
)
FURNITURE_ONLY = "Subscribe to our newsletter\nAccept all cookies\nShare on Facebook\nRelated articles\n"


def run_check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newscorpus", "check", str(folder)],
                          capture_output=True, text=True, cwd=REPO)


def digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.iterdir()))).hexdigest()


def add_article(seeds: Path, name: str, content: bytes | str, *, extra: str = "", url: str = "") -> None:
    path = seeds / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    header = (seeds / "sources.csv").read_text().splitlines()[0]
    row = [name, "A test article", "Test Outlet", "", "2017-07", "month", "added by a test", url, "news site",
           "original reporting"]
    if extra:
        assert header.endswith(",encoding")
        row.append(extra)
    with (seeds / "sources.csv").open("a", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)


def add_encoding_column(seeds: Path) -> None:
    sources = seeds / "sources.csv"
    lines = sources.read_text().splitlines()
    sources.write_text("\n".join([lines[0] + ",encoding", *(line + "," for line in lines[1:])]) + "\n")


def expect_problems(seeds: Path, expected: list[str]) -> None:
    before = digest(seeds)
    result = run_check(seeds)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"error: {seeds}/{line}" for line in expected]
    assert result.stdout == ""
    assert digest(seeds) == before


ARTICLE = (
    "Iraqi forces said on Sunday that they had retaken the last districts of western Mosul after months "
    "of street fighting, and that the militants who remained were surrounded in the old city.\n\n"
    "Officials said thousands of civilians had fled through corridors opened by the army, and that the "
    "search for hidden explosives would take weeks.\n"
)


def test_the_seeds_pass():
    result = run_check(REPO / "seeds")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 5 articles, 4 outlets")


def test_a_good_new_article_passes(seeds_copy):
    add_article(seeds_copy, "005_new.txt", ARTICLE)
    result = run_check(seeds_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 6 articles, 5 outlets")


def test_file_without_row_and_row_without_file_are_both_reported(seeds_copy):
    (seeds_copy / "005_stray.txt").write_text(ARTICLE)
    (seeds_copy / "003_0de244d715e8d948.txt").unlink()
    expect_problems(seeds_copy, [
        "003_0de244d715e8d948.txt: listed in sources.csv (line 5) but the file does not exist: add the file or delete the row",
        "005_stray.txt: article file has no row in sources.csv: add a row, or move the file out of the seeds folder",
    ])


def test_a_file_not_in_utf8_is_named_with_the_encoding_it_looks_like(seeds_copy):
    content = ARTICLE.replace("Officials said", "“Officials said”").encode("cp1252")
    add_article(seeds_copy, "005_cp1252.txt", content)
    offset = content.index("“".encode("cp1252"))
    expect_problems(seeds_copy, [
        f"005_cp1252.txt: not valid UTF-8 (byte 0x93 at offset {offset}); it looks like cp1252: "
        "re-save it as UTF-8, or put cp1252 in the `encoding` column of its row",
    ])


def test_a_declared_encoding_is_accepted(seeds_copy):
    add_encoding_column(seeds_copy)
    add_article(seeds_copy, "005_cp1252.txt", ARTICLE.replace("Officials said", "“Officials said”").encode("cp1252"),
                extra="cp1252")
    result = run_check(seeds_copy)
    assert result.returncode == 0, result.stderr
    from newscorpus import load

    text = load(seeds_copy).set_index("file").at["005_cp1252.txt", "raw_text"]
    assert "“Officials said”" in text


def test_an_empty_file(seeds_copy):
    add_article(seeds_copy, "005_empty.txt", " \n\n")
    expect_problems(seeds_copy, ["005_empty.txt: file is empty"])


def test_a_file_with_no_body_left_after_cleaning(seeds_copy):
    add_article(seeds_copy, "005_furniture.txt", FURNITURE_ONLY)
    expect_problems(seeds_copy, [
        "005_furniture.txt: no article text left after cleaning (every line read as page furniture): "
        "run `python -m newscorpus clean` on it to see why",
    ])


def test_two_files_with_the_same_text(seeds_copy):
    add_article(seeds_copy, "005_copy.txt", (seeds_copy / "001_a92967235dabab54.txt").read_text() + "\n\n")
    expect_problems(seeds_copy, [
        "005_copy.txt: same text as 001_a92967235dabab54.txt: remove one of the two files and its row",
    ])


def test_a_date_that_does_not_parse(seeds_copy):
    sources = seeds_copy / "sources.csv"
    sources.write_text(sources.read_text().replace(",2016-10,month,", ",October 2016,month,"))
    expect_problems(seeds_copy, [
        "sources.csv: line 6 (004_36699c77de50e06f.txt): published 'October 2016' is not a month date (expected YYYY-MM)",
    ])


def test_a_file_over_the_size_limit(seeds_copy):
    from newscorpus.corpus import MAX_ARTICLE_BYTES

    add_article(seeds_copy, "005_huge.txt", (ARTICLE * (MAX_ARTICLE_BYTES // len(ARTICLE) + 1)))
    size = (seeds_copy / "005_huge.txt").stat().st_size
    expect_problems(seeds_copy, [
        f"005_huge.txt: file is {size / 1e6:.1f} MB, over the 2 MB limit for one article: is it a whole site "
        "dump? Trim it to the article",
    ])


def test_a_page_without_breaks_is_noted_not_refused(seeds_copy):
    """A page whose paragraphs were run together is accepted (the book describes it) with a note
    saying it is ranked nowhere; a well-formed article gets no such note."""
    sentence = "The minister said the talks would resume next week in the capital"
    add_article(seeds_copy, "005_glued.txt", "".join(f"{sentence} after {k} days.The " for k in range(12)) + "end.\n")
    notes: list[str] = []
    _, problems = check_corpus(seeds_copy, notes=notes)
    assert not [p for p in problems if "005_glued" in str(p)]
    flagged = [n for n in notes if "lost its breaks" in n]
    assert len(flagged) == 1 and "005_glued.txt" in flagged[0] and "ranks it nowhere" in flagged[0]


def test_a_saved_web_page_may_be_bigger_than_a_text(seeds_copy):
    """A saved page carries its scripts and styles (real ones run to 3 MB): it gets the HTML
    limit, and the same bytes in a .txt file are still refused."""
    from newscorpus.corpus import MAX_ARTICLE_BYTES, MAX_HTML_BYTES

    script = "<script>" + "var x = 1;" * (MAX_ARTICLE_BYTES // 10) + "</script>"
    page = f"<html><head><title>A test article</title>{script}</head><body><article>" + "".join(
        f"<p>{line}</p>" for line in ARTICLE.splitlines() if line.strip()) + "</article></body></html>"
    assert MAX_ARTICLE_BYTES < len(page) < MAX_HTML_BYTES
    add_article(seeds_copy, "005_page.html", page)
    _, problems = check_corpus(seeds_copy)
    assert not [p for p in problems if "005_page.html" in str(p)]
    add_article(seeds_copy, "006_page.txt", page)
    _, problems = check_corpus(seeds_copy)
    assert any("006_page.txt" in str(p) and "over the 2 MB limit" in str(p) for p in problems)


def test_a_saved_web_page_over_its_limit(seeds_copy):
    from newscorpus.corpus import MAX_HTML_BYTES

    add_article(seeds_copy, "005_huge.html", "<p>" + "x" * MAX_HTML_BYTES + "</p>")
    _, problems = check_corpus(seeds_copy)
    assert any("005_huge.html" in str(p) and "over the 10 MB limit" in str(p) for p in problems)


def test_the_size_limit_is_for_articles_not_for_sources_csv(seeds_copy):
    """A big archive's sources.csv is tens of MB (100,000 rows): only article files are limited."""
    from newscorpus.corpus import MAX_ARTICLE_BYTES, load

    sources = seeds_copy / "sources.csv"
    lines = sources.read_text().splitlines()
    notes = 8  # columns of 100 kB each (Python's csv module refuses a field over 128 kB)
    lines[0] += "".join(f",note{i}" for i in range(notes))
    lines[1:] = [line + ("," + "x" * 100_000) * notes for line in lines[1:]]
    sources.write_text("\n".join(lines) + "\n")
    assert sources.stat().st_size > MAX_ARTICLE_BYTES
    assert len(load(seeds_copy)) == len(lines) - 1


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4="])
def test_a_url_that_is_not_a_web_address(seeds_copy, url):
    add_article(seeds_copy, "005_new.txt", ARTICLE, url=url)
    expect_problems(seeds_copy, [
        f"sources.csv: line 7 (005_new.txt): url {url[:40]!r} is not an http(s) address: give the page's "
        "http:// or https:// address, or leave it empty",
    ])


def test_an_article_that_is_not_english(seeds_copy):
    add_article(seeds_copy, "005_french.txt", FRENCH)
    expect_problems(seeds_copy, [
        "005_french.txt: looks like French, not English: every measure in this book is English-only; "
        "add an English translation instead",
    ])


def test_every_problem_is_listed_not_just_the_first(seeds_copy):
    add_article(seeds_copy, "005_empty.txt", "")
    add_article(seeds_copy, "006_copy.txt", (seeds_copy / "000_c201e67ac8fcfc8b.txt").read_bytes())
    result = run_check(seeds_copy)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 2


def test_a_failing_check_stops_the_build_and_leaves_build_as_it_was(tmp_path):
    from conftest import copy_book

    root = copy_book(tmp_path / "repo")
    (root / "_build" / "html").mkdir(parents=True)
    (root / "_build" / "html" / "index.html").write_text("the previous book")
    (root / "seeds" / "005_stray.txt").write_text(ARTICLE)
    result = subprocess.run([sys.executable, "-m", "newscorpus", "build", "--root", str(root)],
                            capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": ""})
    assert result.returncode == 2
    assert result.stderr.strip().endswith("005_stray.txt: article file has no row in sources.csv: add a row, "
                                          "or move the file out of the seeds folder")
    assert [p.name for p in (root / "_build").rglob("*")] == ["html", "index.html"]
    assert (root / "_build" / "html" / "index.html").read_text() == "the previous book"


def test_the_corpus_folders_own_files_are_not_articles_and_are_checked(seeds_copy):
    """events.csv and dispersion_words.txt belong to the corpus folder, not to sources.csv; a
    mistake in one is reported by check, one line naming the file."""
    (seeds_copy / "events.csv").write_text("date,event\n2015-01,Something happened\n")
    (seeds_copy / "dispersion_words.txt").write_text("Mosul\nsleeper cells | dormant cells\n")
    articles, problems = check_corpus(seeds_copy)
    assert problems == [] and len(articles) == 5
    (seeds_copy / "events.csv").write_text("date,event\n2015-13,A bad month\n")
    (seeds_copy / "dispersion_words.txt").write_text("# nothing but a comment\n")
    _, problems = check_corpus(seeds_copy)
    lines = [str(p) for p in problems]
    assert len(lines) == 2
    assert lines[0].startswith(str(seeds_copy / "events.csv")) and "line 2" in lines[0]
    assert "dispersion_words.txt: no word to look for" in lines[1] and lines[1].count("dispersion_words.txt") == 1
