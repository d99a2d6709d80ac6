"""``python -m newscorpus export OUTDIR``: the book's derived tables as CSV, ``file`` first."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .cleaning import audit, clean_corpus
from .corpus import load
from .overview import article_overview


def tables(seeds_dir: str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Each table the book derives, by file name; each chapter adds its own."""
    articles = load(seeds_dir)
    cleaned = clean_corpus(articles)
    overview = article_overview(articles, cleaned)
    computed = {
        "articles.csv": overview,
        "cleaning_audit.csv": audit(cleaned),
    }
    from .measures import diversity, readability  # Chapter 03 (readability)
    computed["readability.csv"] = readability.readability_table(cleaned)
    computed["diversity.csv"] = diversity.diversity_table(cleaned)
    from .measures import framing  # Chapter 04 (framing)
    computed["framing.csv"] = framing.framing_csv(framing.framing_table(cleaned))
    computed["attributions.csv"] = framing.attributions_table(cleaned)
    from .measures import places, themes  # Chapter 05 (themes)
    computed["themes.csv"] = themes.theme_rates(cleaned)
    computed["places.csv"] = places.places_csv(cleaned)
    return computed


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
