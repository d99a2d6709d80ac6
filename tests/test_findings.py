"""The findings table copies the chapters' values; the corpus check; every glued number the book's
pages quote exists in the notebook they name."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newscorpus
from newscorpus import findings
from newscorpus.book.notice import corpus_notice
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import framing, places, readability, themes
from newscorpus.overview import article_overview

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def corpus():
    articles = newscorpus.load(SEEDS)
    cleaned = clean_corpus(articles)
    return cleaned, article_overview(articles, cleaned)


@pytest.fixture(scope="module")
def table(corpus):
    return findings.findings_table(*corpus)


def test_one_row_per_article(corpus, table):
    cleaned, _ = corpus
    assert table["file"].tolist() == cleaned["file"].tolist()


def test_values_are_the_chapters_values(corpus, table):
    cleaned, _ = corpus
    t = table.set_index("file")
    grade = readability.readability_table(cleaned).set_index("file")
    for column in ["kincaid_grade", "kincaid_grade_low", "kincaid_grade_high"]:
        pd.testing.assert_series_equal(t[column], grade[column], check_names=False)
    frame = framing.framing_table(cleaned).set_index("file")
    for column in ["sources_named", "sources_unnamed", "quotations", "vader_compound_mean"]:
        pd.testing.assert_series_equal(t[column], frame[column], check_names=False)
    rates = themes.rate_intervals_table(cleaned)
    for file, row in t.iterrows():
        article = rates[rates["file"] == file]
        assert row["top_theme_rate"] == article["rate"].max()
        assert row["top_theme"] == themes.THEME_LABELS[article.loc[article["rate"].idxmax(), "theme"]]
    mentions = places.places_table(cleaned)
    for file, row in t.iterrows():
        assert row["places"] == mentions.loc[mentions["file"] == file, "place"].nunique()


def test_daesh_share_by_hand():
    names = ["isis", "isil", "is", "islamic_state"]
    row = {f"label_{n}_narrative": [0] for n in names} | {"label_daesh_narrative": [3]}
    row["label_isis_narrative"] = [1]
    none = {k: [0] for k in row}
    share = findings.daesh_share(pd.concat([pd.DataFrame(row), pd.DataFrame(none)], ignore_index=True))
    assert share.iloc[0] == 0.75
    assert pd.isna(share.iloc[1])  # no name at all: no share, not 0


def test_sentences_name_the_extremes(corpus, table):
    _, overview = corpus
    text = " ".join(findings.findings_sentences(table, overview))
    hardest = findings.article_names([table.loc[table["kincaid_grade"].idxmax(), "file"]], overview)[0]
    assert f"The hardest to read is {hardest}" in text


def test_original_corpus_on_the_seeds():
    assert findings.is_original_corpus(SEEDS)
    assert corpus_notice(SEEDS) == ""


def test_changed_corpus_is_not_original(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    assert findings.is_original_corpus(copy)
    first = sorted(copy.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + " One more word.", encoding="utf-8")
    assert not findings.is_original_corpus(copy)
    assert "not the book's original" in corpus_notice(copy)


def test_extended_corpus_is_not_original(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    (copy / "005_new.txt").write_text("A sixth article.", encoding="utf-8")
    assert not findings.is_original_corpus(copy)


# --- glue keys quoted by the book's pages exist in the notebooks they name ---

GLUE_CALL = re.compile(r"""glue\(\s*(f?)(["'])(.+?)\2""")
PAGE_GLUE = re.compile(r"\{glue:(?:text|md|any|figure)\}`(/notebooks/[\w.]+\.ipynb)::([\w]+)")


def glued_keys(notebook: Path) -> list[re.Pattern]:
    """A pattern per glue call: literal keys exactly, f-string keys with each {...} as a wildcard."""
    patterns = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for is_f, _, key in GLUE_CALL.findall("".join(cell["source"])):
            if is_f:
                parts = re.split(r"\{[^}]*\}", key)
                patterns.append(re.compile("\\w+".join(map(re.escape, parts)) + "$"))
            else:
                patterns.append(re.compile(re.escape(key) + "$"))
    return patterns


def page_references() -> list[tuple[str, str, str]]:
    refs = []
    for page in sorted((ROOT / "book").glob("*.md")):
        for notebook, key in PAGE_GLUE.findall(page.read_text(encoding="utf-8")):
            refs.append((page.name, notebook, key))
    return refs


def test_pages_quote_chapter_glue():
    assert len(page_references()) > 30  # intro, conclusions and methods quote the chapters


@pytest.mark.parametrize("page, notebook, key", page_references())
def test_glue_key_exists(page, notebook, key):
    path = ROOT / notebook.lstrip("/")
    assert path.exists(), f"{page} names {notebook}, which does not exist"
    assert any(p.match(key) for p in glued_keys(path)), f"{page}: {key} is not glued in {notebook}"


def test_glue_parser_finds_a_renamed_key(tmp_path):
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "source": [
        'glue("rd_min_grade", 1)\n', 'glue(f"fr_alahed_{key}", 2)\n']}]}), encoding="utf-8")
    patterns = glued_keys(notebook)
    assert any(p.match("rd_min_grade") for p in patterns)
    assert any(p.match("fr_alahed_daesh_narrative") for p in patterns)
    assert not any(p.match("rd_min_grade_renamed") for p in patterns)


def test_every_quoted_number_has_a_format():
    """A cross-page glue without ``:fmt`` is read as a key ending in ``:`` and breaks the build."""
    for page in sorted((ROOT / "book").glob("*.md")):
        for role in re.findall(r"\{glue:text\}`([^`]+)`", page.read_text(encoding="utf-8")):
            assert re.search(r"::\w+:[^:]+$", role) or "::" not in role, f"{page.name}: {role}"
