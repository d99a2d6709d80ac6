"""Shared fixtures. The slow ones (a full book build) are session-scoped and built once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
# Edges of the cue-verb rules, shared by the tests of the attribution and framing fast paths:
# apostrophes, hyphens and underscores around a form, capitals, digits, a form inside a longer
# word, "Al- Name" written with a space, line ends.
CUE_EDGE_CASES = [
    "He said-so, she'd said, 'said it', said_ it, _said, SAID, Said. unsaid saidx x-said said-",
    "Officials SAYS: says' say’s say’ told-him tells", "a--b c", "x_y", "_ab ", "foo'bar, ", "'bar said",
    "it’s-a ok\n", "Al- Baaj  said", "9-11 said", "ab\n\n", "—", "", "al- Baghdadi. Al- Baaj said.",
]
# What a copy of the repository needs to build the book (no .venv, no _build, no .git).
BOOK_PARTS = ["_config.yml", "_toc.yml", "book", "notebooks", "seeds", "newscorpus", "tests",
              "requirements.txt", "constraints.txt", "pyproject.toml"]


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds folder, for corrupting."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def copy_book(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in BOOK_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        else:
            shutil.copy2(source, target / part)
    # Tools leave Markdown in hidden folders (pytest writes .pytest_cache/README.md); the strict
    # build must not take it for a page.
    (target / ".pytest_cache").mkdir(exist_ok=True)
    (target / ".pytest_cache" / "README.md").write_text("# pytest cache directory\n")
    return target


def build_book(root: Path) -> subprocess.CompletedProcess:
    """Build a copy of the book strictly, with that copy's package and seeds."""
    from newscorpus.book.build import build

    return build(root, capture=True, env={"PYTHONPATH": str(root), "NEWSCORPUS_SEEDS": str(root / "seeds")})


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of the repository, built once from an empty cache."""
    root = copy_book(tmp_path_factory.mktemp("book") / "repo")
    return root, build_book(root)


@pytest.fixture
def in_a_book(tmp_path, monkeypatch):
    """A book root (with _config.yml and _toc.yml) and a kernel running in its notebooks/ folder."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    return tmp_path


@pytest.fixture(scope="session")
def seed_paragraphs() -> list[str]:
    """Every cleaned paragraph of the seed articles, in order."""
    from newscorpus.cleaning.cleaned import clean_corpus
    from newscorpus.corpus import load

    return [p for ps in clean_corpus(load(SEEDS))["paragraphs"] for p in ps]
