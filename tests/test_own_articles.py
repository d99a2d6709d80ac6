"""A reader's own corpus: six articles, fifty, or the five plus a hostile one. Each builds (or
fails) as the "Add your own articles" page says, with no code changed."""

from __future__ import annotations

import csv
import html
import re
import shutil
import time
from pathlib import Path

from conftest import REPO, build_book, copy_book
from newscorpus.scale_bench import synthetic_corpus

CHAPTERS = ["01_corpus", "02_cleaning", "03_readability", "04_framing", "05_themes"]

SIXTH = (
    "Iraqi forces retake western Mosul\n\n"
    "Iraqi forces said on Sunday that they had retaken the last districts of western Mosul after months of "
    "street fighting, and that the militants who remained were surrounded in the old city near the river.\n\n"
    "Officials said thousands of civilians had fled through corridors opened by the army. \"We will not stop "
    "until every street is safe,\" a commander told reporters, adding that the search for hidden explosives "
    "would take weeks.\n\n"
    "Aid agencies warned that the camps south of the city were full, and that water and medicine were short "
    "as the summer heat arrived in Nineveh province.\n"
)

HOSTILE_TITLE = 'Mosul <script>alert("title")</script> **bold** {glue:text}`n_articles`'
HOSTILE = (
    "Mosul <script>alert('x')</script> after the battle\n\n"
    "<!-- a comment that must stay visible as text --> Iraqi forces said on Sunday that they had retaken "
    "the last districts of western Mosul after months of street fighting, and that the militants who "
    "remained were surrounded in the old city <b>near the river</b>.\n\n"
    "# Not a heading\n\n"
    "Officials said **thousands** of civilians had fled through corridors opened by the army, and that "
    "the search for hidden explosives `rm -rf /` would take weeks {glue:text}`n_articles` "
    "<img src=x onerror=alert(1)> according to a statement.\n\n"
    "Aid agencies warned that the camps south of the city were full, and that water and medicine were "
    "short as the summer heat arrived in Nineveh province, where the militants had ruled for three years.\n"
)


def add_row(seeds: Path, **values: str) -> None:
    row = {"file": "", "title": "", "outlet": "", "author": "", "published": "2017-07", "date_precision": "month",
           "date_basis": "added by a test", "url": "", "outlet_type": "news site", "origin": "original reporting"}
    row.update(values)
    with (seeds / "sources.csv").open("a", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row.values())


def page_text(root: Path, page: str) -> str:
    return (root / "_build" / "html" / f"{page}.html").read_text()


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def assert_built(result) -> None:
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_a_sixth_article_appears_in_every_chapter(tmp_path):
    root = copy_book(tmp_path / "repo")
    (root / "seeds" / "005_new_outlet.txt").write_text(SIXTH)
    add_row(root / "seeds", file="005_new_outlet.txt", title="Iraqi forces retake western Mosul",
            outlet="Test Wire", url="https://example.org/mosul")
    assert_built(build_book(root))
    for chapter in CHAPTERS:
        assert "Test Wire" in visible_text(page_text(root, f"notebooks/{chapter}")), chapter
    assert "6 articles" in visible_text(page_text(root, "book/intro"))


def test_a_hostile_article_is_shown_as_inert_text(tmp_path):
    root = copy_book(tmp_path / "repo")
    (root / "seeds" / "005_hostile.txt").write_text(HOSTILE)
    add_row(root / "seeds", file="005_hostile.txt", title=HOSTILE_TITLE, outlet="<i>Hostile</i> Outlet")
    before = {p.name: p.read_bytes() for p in (root / "seeds").iterdir()}
    assert_built(build_book(root))
    pages = {p: page_text(root, p) for p in ["book/intro", "book/conclusions", *[f"notebooks/{c}" for c in CHAPTERS]]}
    for name, markup in pages.items():
        for active in ("<script>alert", "<b>near the river</b>", "<strong>bold</strong>",
                       "<strong>thousands</strong>", "<i>Hostile</i>", "<h1>Not a heading"):
            assert active not in markup, (name, active)
        # the cleaning audit lists the blanked tag as text ("&lt;img src=x onerror=...&gt;"): an
        # element that carries the handler would start with a real "<"
        assert not re.search(r"<img[^>]*onerror", markup), name
    corpus = visible_text(pages["notebooks/01_corpus"])
    assert HOSTILE_TITLE in corpus and "<i>Hostile</i> Outlet" in corpus
    cleaning = pages["notebooks/02_cleaning"]
    # the removed or kept lines are shown as the characters the file holds
    # (a tag in a plain-text file is blanked as markup and listed in the audit as its characters)
    assert "&lt;script&gt;" in cleaning or "\\u003cscript\\u003e" in cleaning
    # the raw files were only read
    assert {p.name: p.read_bytes() for p in (root / "seeds").iterdir()} == before


def fifty_article_corpus(seeds: Path) -> None:
    """Fifty variations of the seeds from ten outlets the book has never seen, replacing the five."""
    shutil.rmtree(seeds)
    synthetic_corpus(REPO / "seeds", seeds, 50)
    sources = seeds / "sources.csv"
    rows = list(csv.DictReader(sources.open()))
    for k, row in enumerate(rows):
        row["outlet"] = f"Outlet {k % 10 + 1:02d}"
        row["url"] = ""
    with sources.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_fifty_articles_from_new_outlets_replace_the_corpus(tmp_path, capsys):
    root = copy_book(tmp_path / "repo")
    fifty_article_corpus(root / "seeds")
    start = time.perf_counter()
    result = build_book(root)
    seconds = time.perf_counter() - start
    assert_built(result)
    with capsys.disabled():
        print(f"\n[50-article corpus] strict book build: {seconds:.0f} s")
    intro = visible_text(page_text(root, "book/intro"))
    assert "50 articles" in intro
    for chapter in CHAPTERS:
        assert "Outlet 10" in visible_text(page_text(root, f"notebooks/{chapter}")), chapter
    conclusions = visible_text(page_text(root, "book/conclusions"))
    assert "original five" in conclusions  # interpretation of the original corpus is marked as such
    # ... and left out: the passages about the five texts ({only} original_corpus) are not shown
    for passage in ("Magnier", "Al-Ahed", "Rawabet", "Elijah"):
        assert passage not in conclusions and passage not in intro, passage
    assert "Framing ISIS in Iraq" not in intro  # the title names this corpus


def test_removing_an_article_rebuilds_without_it(tmp_path):
    """Removing is deleting the file and its row. The Al-Ahed article is the one the framing
    chapter's wire-copy comparison leans on, so it is the hardest one to lose."""
    root = copy_book(tmp_path / "repo")
    seeds = root / "seeds"
    rows = list(csv.DictReader((seeds / "sources.csv").open()))
    gone = next(row for row in rows if row["outlet"] == "Al-Ahed News")
    (seeds / gone["file"]).unlink()
    with (seeds / "sources.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in rows if row is not gone)
    assert_built(build_book(root))
    assert "4 articles" in visible_text(page_text(root, "book/intro"))
    for chapter in CHAPTERS:
        text = visible_text(page_text(root, f"notebooks/{chapter}"))
        assert "Your corpus" in text, chapter  # the notice marks the page ("Your corpus is not the book's original five articles: it holds 4 of them ...")
        if chapter != "03_readability":  # its segmenter check scores the hand-counted original five, always
            assert Path(gone["file"]).stem not in text, chapter


def test_a_corpus_declared_clean_builds_without_its_cleaning_figures(tmp_path):
    """corpus.toml `clean = false` (an archive of article text, not pages): the cleaning chapter
    draws no comparison of removals, and no figure stands in their place (a note in the text says
    why); the intro cites those figures only in its passages about the original five, so the strict
    build still passes, and the chapter says why nothing was cleaned."""
    root = copy_book(tmp_path / "repo")
    fifty_article_corpus(root / "seeds")
    (root / "seeds" / "corpus.toml").write_text("clean = false\n")
    assert_built(build_book(root))
    cleaning = visible_text(page_text(root, "notebooks/02_cleaning"))
    assert "corpus.toml" in cleaning and "clean = false" in cleaning
    assert "Lines removed from each article, by group of reasons" not in cleaning  # no chart, no caption
    markup = page_text(root, "notebooks/02_cleaning")
    assert 'id="fig-cleaning-reasons"' not in markup and 'id="fig-cleaning-words"' not in markup  # no numbered note
    assert "No chart of the lines set aside" in cleaning
