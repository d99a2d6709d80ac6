"""How an article is named for a reader: "Outlet, date". Shared by tables, prose and charts, and
kept apart from the plotting module so that measures and reports can name articles without
importing matplotlib."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd


def short_outlet(outlet: str) -> str:
    """Outlet names short enough for an axis label."""
    return outlet.replace(" for Research and Strategic Studies", "")


def article_labels(articles: pd.DataFrame) -> list[str]:
    """``Outlet, date`` for each article: what a reader recognises an article by. Where two
    articles share both, each also names its file, so every label (and every table row keyed
    by it) stays unique. The file name goes in square brackets, so that a label quoted in round ones
    in a sentence does not nest them: "(HuffPost, 8 June 2016 [huff-post_2016-06-08_why])"."""
    labels = [f"{short_outlet(o)}, {d}" for o, d in zip(articles["outlet"], articles["date_label"])]
    counts = Counter(labels)
    return [f"{label} [{Path(file).stem}]" if counts[label] > 1 else label
            for label, file in zip(labels, articles["file"])]


def article_names(files: Iterable[str], articles: pd.DataFrame) -> list[str]:
    """``article_labels`` for the given file names (repeats allowed), looked up in ``articles``.
    Labels are made over all of ``articles``, so a file named twice keeps its one label."""
    labels = dict(zip(articles["file"], article_labels(articles)))
    return [labels[file] for file in files]
