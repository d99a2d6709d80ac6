"""``python -m newscorpus export OUTDIR``: the book's derived tables as CSV, ``file`` first.

The tables come from the pipeline (``newscorpus.pipeline``), run in this process: the same
per-article functions the chapters call, the same code ``analyze`` runs on a big corpus.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .corpus import load
from .paths import find_seeds_dir
from .pipeline import analyse_corpus


def tables(seeds_dir: str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Each table the book derives, by file name: ``articles.csv``, ``cleaning_audit.csv`` and
    each chapter's (``tables.ARTICLE_ROWS``)."""
    folder = find_seeds_dir(seeds_dir)
    load(folder)  # the book's validation: the first problem stops the export with its one line
    return analyse_corpus(folder)


def export_tables(outdir: str | os.PathLike, seeds_dir: str | os.PathLike | None = None) -> list[Path]:
    # Compute everything before writing anything, so bad input leaves no half-written folder.
    computed = tables(seeds_dir)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in computed.items():
        path = outdir / name
        table.to_csv(path, index=False)
        written.append(path)
    return written
