"""CLEAR dev read once for the readability scorer and the fit: per excerpt, the book's seven
formula scores and the fitted score's features (numbers only; the excerpts stay in memory)."""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd

from ..layer.pos import tag_upos
from ..measures import readability, readability_fit
from ..measures.loaded import WORD
from ..measures.sentences import APOSTROPHES, split_sentences

DATA_FILE = pathlib.Path("clear") / "clear_dev.csv"
GENRES = {"Info": "informational", "Lit": "literary"}


def excerpt_sentences(excerpt: str) -> list[str]:
    """The book's sentence split, paragraph by paragraph (CLEAR separates paragraphs by newlines)."""
    paragraphs = [p.translate(APOSTROPHES) for p in excerpt.split("\n") if p.strip()]
    return [sentence for _, sentence in split_sentences(paragraphs)]


def excerpt_row(excerpt: str) -> dict[str, float]:
    sentences = excerpt_sentences(excerpt)
    counts = np.array([readability.sentence_counts(s) for s in sentences]).sum(axis=0)
    formulas = readability.scores_from_counts(dict(zip(readability.COUNTS, counts)))
    words = WORD.findall(excerpt)
    return {**{name: float(v) for name, v in formulas.items()},
            **readability_fit.features(sentences, words, tag_upos(words))}


def clear_table(data_dir: pathlib.Path) -> pd.DataFrame:
    """One row per dev excerpt: ``ID``, ``genre``, ``ease`` (BT_easiness), the seven formulas and
    the features of ``readability_fit``."""
    table = pd.read_csv(data_dir / DATA_FILE)
    rows = pd.DataFrame([excerpt_row(e) for e in table["Excerpt"]])
    rows.insert(0, "ID", table["ID"].to_numpy())
    rows.insert(1, "genre", table["Categ"].map(GENRES).to_numpy())
    rows.insert(2, "ease", table["BT_easiness"].to_numpy())
    return rows
