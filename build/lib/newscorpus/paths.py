"""Where the corpus lives.

Notebooks run from ``notebooks/``, scripts from anywhere, tests from a copy of the repository,
so the seeds folder is found rather than assumed: an explicit argument, then the
``NEWSCORPUS_SEEDS`` environment variable, then the nearest ``seeds/sources.csv`` above the
working directory, then the repository this package sits in.
"""

from __future__ import annotations

import os
from pathlib import Path

SOURCES_FILE = "sources.csv"
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def find_seeds_dir(seeds_dir: str | os.PathLike | None = None) -> Path:
    if seeds_dir is not None:
        return Path(seeds_dir)
    if os.environ.get("NEWSCORPUS_SEEDS"):
        return Path(os.environ["NEWSCORPUS_SEEDS"])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds" / SOURCES_FILE).is_file():
            return folder / "seeds"
    return PACKAGE_DIR.parent / "seeds"
