"""The versions of the software a build used, for the reproducibility appendix."""

from __future__ import annotations

import hashlib
import os
import platform
import sys
from importlib import metadata

import pandas as pd

# The packages whose behaviour shapes the book's numbers and pages.
KEY_PACKAGES = [
    "newscorpus",
    "jupyter-book",
    "myst-nb",
    "Sphinx",
    "jupyter-cache",
    "pandas",
    "numpy",
    "matplotlib",
    "textstat",
    "pyphen",
    "trafilatura",
    "justext",
    "blingfire",
    "vaderSentiment",
    "lemminflect",
    "wordcloud",
    "basemap_data",
    "itables",
    "dask",
]


def versions_table(packages: list[str] = KEY_PACKAGES) -> pd.DataFrame:
    rows = [{"package": "Python", "version": platform.python_version()}]
    for name in packages:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "not installed"
        rows.append({"package": name, "version": version})
    return pd.DataFrame(rows)


def platform_summary() -> str:
    return f"{platform.system()} {platform.machine()}, Python {sys.version.split()[0]}"


def input_hashes(seeds_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """SHA-256 of every file in the corpus folder: what a reader compares to know that their
    copy of an article is the one this build read."""
    from ..paths import find_seeds_dir

    folder = find_seeds_dir(seeds_dir)
    rows = [{"file": path.name, "bytes": path.stat().st_size,
             "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
            for path in sorted(folder.iterdir()) if path.is_file() and not path.name.startswith(".")]
    return pd.DataFrame(rows, columns=["file", "bytes", "sha256"])
