"""Measuring the cleaner against hand labels.

A line counts as *body* when it is part of an article's own paragraphs; everything else
(title, byline, standfirst, captions and all site furniture) is *not body*. For body lines:

- **precision**: of the lines the cleaner kept, the share that are body;
- **recall**: of the body lines, the share the cleaner kept;
- **boilerplate removed**: of the lines that are not body, the share the cleaner removed.

The gold labels live in ``newscorpus/data/evaluation/``: ``seed_labels.csv`` for the seed articles and
``heldout/*.txt`` for documents marked line by line (see ``heldout/README.md``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..overview import reader_style
from .cleaner import clean_text
from ..paths import DATA_DIR

BODY, NOT_BODY = "body", "not body"


def evaluation_dir(seeds_dir: Path | None = None) -> Path:
    """``newscorpus/data/evaluation``: the hand counts, labels and held-out pages the book scores
    its measures against, inside the package so that an installed package and a reader's corpus
    anywhere find them (``seeds_dir`` is accepted for older callers and not used)."""
    return DATA_DIR / "evaluation"


@dataclass
class MarkedDocument:
    name: str
    text: str
    labels: dict[int, str]  # line number -> body / not body
    categories: dict[int, str]  # line number -> furniture category (not-body lines)


def load_marked(path: Path) -> MarkedDocument:
    """A held-out document: ``B|text`` body lines, ``X|category|text`` other lines."""
    lines, labels, categories = [], {}, {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            lines.append("")
            continue
        mark, _, rest = raw.partition("|")
        if mark == "B":
            labels[number] = BODY
            lines.append(rest)
        elif mark == "X":
            category, _, text = rest.partition("|")
            labels[number], categories[number] = NOT_BODY, category
            lines.append(text)
        else:
            raise ValueError(f"{path}: line {number} has no B| or X| mark")
    return MarkedDocument(path.stem, "\n".join(lines) + "\n", labels, categories)


def score_lines(kept: set[int], labels: dict[int, str]) -> dict[str, float]:
    """Counts and rates for one document (or many: sum the counts, then call ``rates``)."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for line, label in labels.items():
        key = ("tp" if line in kept else "fn") if label == BODY else ("fp" if line in kept else "tn")
        counts[key] += 1
    return {**counts, **rates(counts)}


def rates(counts: dict[str, int]) -> dict[str, float]:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
        "boilerplate_removed": tn / (tn + fp) if tn + fp else float("nan"),
    }


def pooled(table: pd.DataFrame) -> dict[str, float]:
    """Rates over all lines of all documents in a per-document score table."""
    counts = {k: int(table[k].sum()) for k in ("tp", "fp", "fn", "tn")}
    return {**counts, **rates(counts)}


def seed_labels(directory: Path | None = None) -> pd.DataFrame:
    directory = directory or evaluation_dir()
    with (directory / "seed_labels.csv").open(encoding="utf-8") as handle:
        return pd.DataFrame(list(csv.DictReader(handle))).astype({"line": int})


def evaluate_seeds(cleaned: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Per seed article: line counts and rates of the cleaned corpus against the hand labels."""
    rows = []
    for file, article in zip(cleaned["file"], cleaned["cleaned"]):
        gold = labels[labels["file"] == file]
        rows.append({"document": file, **score_lines(set(article.body_lines), dict(zip(gold["line"], gold["label"])))})
    return pd.DataFrame(rows)


def first_runs(directory: Path | None = None) -> pd.DataFrame:
    """The cleaner's first score on each batch of held-out documents, before the fixes that
    batch prompted (``heldout/first_runs.csv``, written down when each batch was run)."""
    path = (directory or evaluation_dir()) / "heldout" / "first_runs.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines(True) if not line.startswith("#")]
    return pd.read_csv(io.StringIO("".join(lines)))


def evaluate_heldout(directory: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per held-out document: rates; and per furniture category: lines and the share removed.
    The cleaner runs as on a user's file: no metadata hints, no other articles."""
    directory = (directory or evaluation_dir()) / "heldout"
    scores, by_category = [], []
    for path in sorted(directory.glob("*.txt")):
        document = load_marked(path)
        kept = set(clean_text(document.text).body_lines)
        scores.append({"document": document.name, **score_lines(kept, document.labels)})
        by_category += [
            {"document": document.name, "category": category, "removed": line not in kept}
            for line, category in document.categories.items()
        ]
    categories = (
        pd.DataFrame(by_category)
        .groupby("category")["removed"]
        .agg(lines="count", removed="sum")
        .assign(share_removed=lambda t: t["removed"] / t["lines"])
        .reset_index()
    )
    return pd.DataFrame(scores), categories


# What the counts mean, for readers: body lines are the article's own text, furniture the rest.
SCORE_HEADINGS = {
    "tp": "Body lines kept", "fn": "Body lines lost", "fp": "Furniture kept",
    "tn": "Furniture removed", "precision": "Precision", "recall": "Recall",
    "boilerplate_removed": "Share of furniture removed",
}
RATES = ["precision", "recall", "boilerplate_removed"]


def _rates_as_percentages(table: pd.DataFrame, na_rep: str):
    # Document names can be a reader's outlet names: every other cell and heading is escaped.
    rates = [SCORE_HEADINGS[r] for r in RATES]
    return (table.style.format("{:.1%}", subset=rates, na_rep=na_rep)
            .format(escape="html", subset=[c for c in table.columns if c not in rates])
            .format_index(escape="html", axis=0).format_index(escape="html", axis=1))


def reader_scores(tables: dict[str, pd.DataFrame]):
    """Score tables (``evaluate_seeds``, ``evaluate_heldout``) side by side under plain headings,
    rates as percentages: a pandas Styler for the book."""
    table = pd.concat({name: t.set_index("document") for name, t in tables.items()})
    table = table[list(SCORE_HEADINGS)].rename(columns=SCORE_HEADINGS)
    table.index.names = ["Set", "Document"]
    return _rates_as_percentages(table, na_rep="—")


def first_runs_table(runs: pd.DataFrame):
    """``first_runs`` as two reader tables: the scores per batch, and what each batch fixed."""
    scores = runs[["batch", "documents", *RATES]].rename(
        columns={"batch": "Batch", "documents": "Documents (test page ids)", **SCORE_HEADINGS})
    scores["Documents (test page ids)"] = scores["Documents (test page ids)"].str.replace("; ", ", ")
    fixes = runs[["batch", "fixed_afterwards"]].rename(
        columns={"batch": "Batch", "fixed_afterwards": "Fixed afterwards, by general rules"})
    return _rates_as_percentages(scores, na_rep="not recorded").hide(axis="index"), reader_style(fixes).hide(axis="index")
