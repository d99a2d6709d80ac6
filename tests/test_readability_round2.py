"""Referee round 2 on the readability chapter: tables, rankings and sentences that must agree
with what they sit beside (items A1, A2, B3, R6, R7 and F2 of the report)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from newscorpus.measures import readability as rd
from newscorpus.plots import readability as charts


@pytest.fixture
def in_a_book(tmp_path, monkeypatch):
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    return tmp_path


def overview_of(files: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"file": files, "outlet": [f"Outlet {i % 7}" for i in range(len(files))],
                         "date_label": [f"{i % 28 + 1} May 2016" for i in range(len(files))]})


def test_longest_table_of_an_archive_shows_the_longest_sentences_first_not_a_sample(in_a_book):
    """A1: the table's top row must be the longest sentence the prose names; no "first row before
    second" wording for a table with one row per article."""
    rng = np.random.default_rng(3)
    files = [f"a{i:04d}.txt" for i in range(3000)]
    words = rng.integers(5, 150, len(files))
    longest = pd.DataFrame({"file": files, "words": words,
                            "text": [f"Sentence of article {i} " + "word " * int(n) for i, n in enumerate(words)]})
    html = charts.longest_table(longest, overview_of(files)).data
    import html as html_module
    caption = html_module.unescape(re.search(r'newscorpus-table-caption[^>]*>([^<]*)<', html).group(1))
    assert caption.startswith("Each article's longest sentence, longest first (the first ")
    assert "taken in turn" not in caption and "first row before" not in caption
    shown = sorted({int(n) for n in re.findall(r"Sentence of article (\d+) ", html.split("Download")[0])})
    assert len(shown) == int(re.search(r"the first (\d+) of", caption).group(1))
    top = sorted(range(len(files)), key=lambda i: -words[i])[:len(shown)]
    assert sorted(words[shown].tolist(), reverse=True) == sorted(words[top].tolist(), reverse=True)
    assert int(words.max()) in words[shown]
