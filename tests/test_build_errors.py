"""A failing chapter ends the build's output with one line a reader can act on: the chapter (file
and title), the cell, the line and the exception; never Sphinx's "report this" nor a traceback
(newscorpus/book/failures.py, parallel_execution.py, build.py)."""

from __future__ import annotations

import json
import shutil

from conftest import REPO
from newscorpus.book import failures
from newscorpus.book.build import build


def notebook(cells: list[tuple[str, str]]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": source,
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})} for kind, source in cells],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5})


def small_book(root, cells) -> None:
    """The repository's configuration and package, with one intro page and one chapter."""
    root.mkdir()
    shutil.copy2(REPO / "_config.yml", root / "_config.yml")
    shutil.copytree(REPO / "newscorpus", root / "newscorpus", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "book").mkdir()
    shutil.copy2(REPO / "book" / "references.bib", root / "book" / "references.bib")
    (root / "book" / "intro.md").write_text("# A small book\n\nOne chapter.\n")
    (root / "notebooks").mkdir()
    (root / "notebooks" / "07_broken.ipynb").write_text(notebook(cells))
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n- file: notebooks/07_broken\n")


def test_a_failing_chapter_ends_the_build_with_one_line_naming_it(tmp_path):
    root = tmp_path / "repo"
    small_book(root, [
        ("markdown", "# Themes of a broken corpus\n\nText."),
        ("code", "values = [float('nan')]"),
        ("markdown", "More text."),
        ("code", "import math\n\nmost = max(values)\nglue_value = int(most)  # no article mentions it\n"),
        ("code", "print('never reached')"),
    ])
    result = build(root, capture=True, prefill=False, env={"PYTHONPATH": str(root)})
    assert result.returncode != 0
    last = result.stdout.strip().splitlines()
    error_lines = [line for line in last[-3:] if line.startswith("error: ")]
    assert error_lines == ['error: chapter 07_broken.ipynb (Themes of a broken corpus), cell 4 line 4 '
                           '"glue_value = int(most) # no article mentions it": ValueError: cannot convert float NaN '
                           'to integer']
    assert last[-1].startswith("note: the full traceback is in _build/reports/07_broken.err.log")
    tail = "\n".join(last[-3:])
    assert "report" not in tail.lower().replace("_build/reports/", "") and "Traceback" not in tail
    assert "ValueError" in (root / "_build" / "reports" / "07_broken.err.log").read_text()
    # the notebook ran once: myst-nb did not execute it again to show the traceback
    assert "Executing notebook using" not in result.stdout


def test_other_failures_are_summarised_from_sphinx_lines(tmp_path):
    output = ("Running Sphinx\n"
              f"{tmp_path}/notebooks/05_themes.ipynb:120002: WARNING: stderr was found in the cell outputs of "
              "cell 24 [mystnb.stderr]\n"
              f"{tmp_path}/notebooks/05_themes.ipynb:120002: WARNING: stderr was found in the cell outputs of "
              "cell 24 [mystnb.stderr]\n")
    assert failures.summary_lines(tmp_path / "_build", output, tmp_path) == [
        "error: notebooks/05_themes.ipynb: stderr was found in the cell outputs of cell 24 [mystnb.stderr]"]
    crash = "Exception occurred:\n  File \"x.py\", line 3\nKeyError: 'th_cells_most'\nreport this to Sphinx\n"
    assert failures.summary_lines(tmp_path / "_build", crash, tmp_path) == [
        "error: the book build stopped: KeyError: 'th_cells_most'"]


def test_a_timed_out_cell_is_the_one_the_timeout_quotes():
    """nbclient's timeout carries no traceback and the cell that ran may have no error output: the
    cell is the one the message quotes, not the next one."""
    from nbclient.exceptions import CellTimeoutError
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    slow = new_code_cell("word_rows = [count(f) for f in files]\nfig = chart(word_rows)")
    slow.execution_count = 3
    book = new_notebook(cells=[new_markdown_cell("# Framing"), new_code_cell("files = []"), slow,
                               new_code_cell("glue('x', 1)")])
    error = CellTimeoutError.error_from_timeout_and_cell("Cell execution timed out", 300, slow)
    record = failures.describe(failures.Path("04_framing.ipynb"), book, error)
    assert failures.one_line(record) == ('error: chapter 04_framing.ipynb (Framing), cell 3 '
                                         '"word_rows = [count(f) for f in files]": Timeout: A cell timed out '
                                         'while it was being executed, after 300 seconds.')
