"""Notebooks are stored without outputs and follow the chapter pattern."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_every_notebook_is_in_the_table_of_contents():
    toc = (REPO / "_toc.yml").read_text()
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        assert f"notebooks/{path.stem}" in toc, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, cell["source"][:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opens_with_overview_and_prerequisites_and_closes_with_summary(path):
    notebook = json.loads(path.read_text())
    markdown = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    for heading in ("## Overview", "## Prerequisites", "## Summary", "## What's next"):
        assert heading in markdown, heading


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_figures_have_name_caption_and_alt_text(path):
    notebook = json.loads(path.read_text())
    figures = [c["metadata"]["mystnb"] for c in notebook["cells"] if "mystnb" in c.get("metadata", {})]
    assert figures
    for meta in figures:
        assert meta["figure"]["name"].startswith("fig-") and meta["figure"]["caption"]
        assert len(meta["image"]["alt"]) > 40


def test_config_is_strict():
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    assert config["execute"]["raise_on_error"] is True
    assert config["execute"]["allow_errors"] is False
    assert "newscorpus.book.freshness" in config["sphinx"]["extra_extensions"]
