"""End to end: the book builds strictly from a copy of the repository, and never shows stale results."""

from __future__ import annotations

import json
import re
import shutil

import yaml

from conftest import build_book

NEW_ARTICLE = (
    "Iraqi forces retake western Mosul\n\n"
    "Iraqi forces said on Sunday that they had retaken the last districts of western Mosul after "
    "months of street fighting, and that the militants who remained were surrounded in the old city.\n\n"
    "Officials said thousands of civilians had fled through corridors opened by the army, and that "
    "the search for hidden explosives would take weeks.\n"
)
NEW_ROW = "005_new_article.txt,Iraqi forces retake western Mosul,Test Outlet,,2017-07,month,added by a test,,news site,original reporting\n"


def _pages(root):
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [root / "_build" / "html" / f"{f}.html" for f in files]


def _text(path):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text()))


def test_fresh_build_is_strict_and_has_every_chapter_page(built_book):
    root, result = built_book
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # Sphinx warnings read "WARNING: ..." (-W makes them fatal anyway); the kernel's own log line
    # "[IPKernelApp] WARNING | Kernel is running over TCP" is not one.
    assert "WARNING:" not in result.stdout + result.stderr
    for page in _pages(root):
        assert page.is_file(), page
        assert "Traceback" not in page.read_text(), page
    assert "The corpus holds 5 articles from 4 outlets" in _text(root / "_build/html/notebooks/01_corpus.html")
    # parallel_execution filled the cache before Sphinx read the pages: myst-nb executed none itself
    assert re.search(r"executing \d+ notebooks, \d+ at a time", result.stdout)
    assert "Executing notebook using" not in result.stdout


def test_a_broken_notebook_fails_the_build(built_book, tmp_path):
    root = tmp_path / "broken"
    shutil.copytree(built_book[0], root)
    notebook = root / "notebooks" / "01_corpus.ipynb"
    notebook.write_text(notebook.read_text().replace('"articles = newscorpus.load()', '"articles = newscorpus.load_missing()', 1))
    result = build_book(root)
    assert result.returncode != 0
    # the failing cell and its traceback are shown
    assert "load_missing" in result.stdout + result.stderr
    assert "AttributeError" in result.stdout + result.stderr


def test_a_notebook_writing_to_stderr_fails_the_build(built_book, tmp_path):
    root = tmp_path / "noisy"
    shutil.copytree(built_book[0], root)
    notebook = root / "notebooks" / "01_corpus.ipynb"
    content = json.loads(notebook.read_text())
    first_code = next(cell for cell in content["cells"] if cell["cell_type"] == "code")
    first_code["source"] = ["import sys\n", "print('a stray warning', file=sys.stderr)\n", *first_code["source"]]
    notebook.write_text(json.dumps(content))
    result = build_book(root)
    assert result.returncode != 0
    assert "stderr was found in the cell outputs" in result.stdout + result.stderr


def test_adding_an_article_re_executes_the_chapters(built_book, tmp_path):
    """jupyter-cache keys on code cells only; the corpus changed, so the cache must not be used."""
    root = tmp_path / "grown"
    shutil.copytree(built_book[0], root)  # with its _build and execution cache
    (root / "seeds" / "005_new_article.txt").write_text(NEW_ARTICLE)
    with (root / "seeds" / "sources.csv").open("a") as handle:
        handle.write(NEW_ROW)
    result = build_book(root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    corpus_page = _text(root / "_build/html/notebooks/01_corpus.html")
    assert "The corpus holds 6 articles from 5 outlets" in corpus_page
    assert "Test Outlet" in corpus_page
    assert "5 outlets" in _text(root / "_build/html/book/intro.html")
