"""``python -m newscorpus export OUTDIR``: the book's derived tables as CSV, ``file`` first.

The tables come from the pipeline (``newscorpus.pipeline``), run in this process: the same
per-article functions the chapters call, the same code ``analyze`` runs on a big corpus. They are
written into a private folder inside OUTDIR and moved in when all are written (text cells that a
spreadsheet would run as formulas quoted, ``safe_csv``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from . import outdir as output
from .corpus import load
from .errors import CorpusError
from .paths import find_seeds_dir
from .pipeline import analyse_corpus
from .safe_csv import write_csv

WORK_DIR = ".newscorpus-export"
WORK_MARKER = "made-by-newscorpus"


def tables(seeds_dir: str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Each table the book derives, by file name: ``articles.csv``, ``cleaning_audit.csv`` and
    each chapter's (``tables.ARTICLE_ROWS``)."""
    folder = find_seeds_dir(seeds_dir)
    load(folder)  # the book's validation: the first problem stops the export with its one line
    return analyse_corpus(folder)


def export_tables(outdir: str | os.PathLike, seeds_dir: str | os.PathLike | None = None) -> list[Path]:
    # Compute everything before writing anything, so bad input leaves no half-written folder.
    computed = tables(seeds_dir)
    outdir = output.prepare(outdir)
    with output.locked(outdir, "export"):
        work = outdir / WORK_DIR
        output.make_private_dir(work, WORK_MARKER)
        try:
            files = [write_csv(table, work / name) for name, table in computed.items()]
            return output.publish(files, outdir)
        except OSError as exc:
            raise CorpusError(outdir, f"cannot be written ({exc.strerror}): choose a folder you can write to") from None
        finally:
            output.remove_ours(work, {WORK_MARKER, *computed})
