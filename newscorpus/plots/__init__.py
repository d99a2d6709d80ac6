"""One plotting style and one colour per outlet, defined once for every chapter.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of
colour blindness. Outlets of the seed corpus keep fixed colours; an outlet a reader adds gets
the next unused colour, in alphabetical order, so a chart never changes colour between runs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..corpus import date_interval

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SEED_OUTLET_COLOURS = {
    "Al-Monitor": OKABE_ITO[0],
    "Al-Ahed News": OKABE_ITO[1],
    "Elijah J. Magnier": OKABE_ITO[2],
    "Rawabet Center for Research and Strategic Studies": OKABE_ITO[3],
}
GREY = "#6b6b6b"

STYLE = {
    "figure.figsize": (8, 4),
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "newscorpus",  # deterministic SVG ids
    # Labels are outlet names and titles from the corpus: "Money $5 and $6 Wire" must be drawn as
    # written, never as mathtext (and "$\\x$" must not stop a chapter with "Unknown symbol").
    "text.parse_math": False,
}


def use_style() -> None:
    """Apply the book's plotting style (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """A colour for every outlet: fixed for the seed outlets, then the unused palette in order."""
    colours = dict(SEED_OUTLET_COLOURS)
    spare = [c for c in OKABE_ITO if c not in colours.values()]
    for i, outlet in enumerate(sorted(set(outlets) - set(colours))):
        colours[outlet] = spare[i % len(spare)]
    return colours


def short_outlet(outlet: str) -> str:
    """Outlet names short enough for an axis label."""
    return outlet.replace(" for Research and Strategic Studies", "")


def article_labels(articles: pd.DataFrame) -> list[str]:
    """``Outlet, date`` for each article: what a reader recognises an article by. Where two
    articles share both, each also names its file, so every label (and every table row keyed
    by it) stays unique."""
    labels = [f"{short_outlet(o)}, {d}" for o, d in zip(articles["outlet"], articles["date_label"])]
    shared = {label for label in labels if labels.count(label) > 1}
    return [f"{label} ({Path(file).stem})" if label in shared else label
            for label, file in zip(labels, articles["file"])]


def panel_title(label: str, width: int = 34) -> str:
    """An article's label as a small panel's title: wrapped, so neighbouring titles never overlap."""
    return textwrap.fill(label, width)


def article_names(files: Iterable[str], articles: pd.DataFrame) -> list[str]:
    """``article_labels`` for the given file names (repeats allowed), looked up in ``articles``.
    Labels are made over all of ``articles``, so a file named twice keeps its one label."""
    labels = dict(zip(articles["file"], article_labels(articles)))
    return [labels[file] for file in files]


def timeline(articles: pd.DataFrame, events: pd.DataFrame) -> plt.Figure:
    """Publication dates against events. A date known only to the month or year is drawn
    as a bar over the whole period, so the chart claims no more precision than the data."""
    use_style()
    ordered = articles.sort_values(["published", "file"], ignore_index=True)
    colours = outlet_colours(ordered["outlet"])
    fig, ax = plt.subplots(figsize=(9, 1.9 + 0.45 * len(ordered)))
    for y, row in ordered.iterrows():
        start, end = date_interval(row["published"], row["date_precision"])
        colour = colours[row["outlet"]]
        if row["date_precision"] == "day":
            ax.plot([start], [y], marker="o", markersize=8, color=colour)
        else:
            ax.barh(y, end - start, left=start, height=0.5, color=colour, alpha=0.85)
    for i, event in events.iterrows():
        ax.axvline(pd.Timestamp(event["date"]), color=GREY, linestyle=":", linewidth=1)
        ax.annotate(
            event["event"],
            xy=(pd.Timestamp(event["date"]), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, 2 + 11 * (i % 3)),  # three heights: neighbouring events never collide
            textcoords="offset points",
            fontsize=8,
            color=GREY,
            rotation=0,
        )
    ax.set_yticks(range(len(ordered)), article_labels(ordered))
    ax.invert_yaxis()
    ax.set_ylim(len(ordered) - 0.5, -0.8)
    # From the first January before the earliest article or event: an article of 2009 is on the chart.
    first = min([pd.Timestamp(d) for d in ordered["published"]] + [pd.Timestamp(d) for d in events["date"]])
    last = max([pd.Timestamp(d) for d in ordered["published"]] + [pd.Timestamp(d) for d in events["date"]])
    span_years = last.year - first.year + 1
    ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, -(-span_years // 12))))  # a dozen labels at most
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(pd.Timestamp(first.year, 1, 1), last + pd.DateOffset(years=1))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Publication date (dot: known to the day; bar: known only to the month or year)")
    fig.tight_layout()
    return fig


def bars_by_article(
    articles: pd.DataFrame, values: str | list[str], xlabel: str, labels: list[str] | None = None
) -> plt.Figure:
    """Horizontal bars, one per article, coloured by outlet; several columns side by side."""
    use_style()
    columns = [values] if isinstance(values, str) else list(values)
    colours = outlet_colours(articles["outlet"])
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(articles) * max(1, len(columns) * 0.7)))
    height = 0.8 / len(columns)
    for j, column in enumerate(columns):
        ys = [i + (j - (len(columns) - 1) / 2) * height for i in range(len(articles))]
        ax.barh(
            ys,
            articles[column],
            height=height * 0.95,
            color=[colours[o] for o in articles["outlet"]],
            alpha=1.0 if j == len(columns) - 1 else 0.45,
            label=(labels or columns)[j],
        )
    ax.set_yticks(range(len(articles)), article_labels(articles))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(columns) > 1:  # swatches in grey: the bar colours stand for outlets, not series
        ax.legend(handles=[Patch(color=GREY, alpha=0.45 if j < len(columns) - 1 else 1.0, label=(labels or columns)[j])
                           for j in range(len(columns))], loc="lower right")
    fig.tight_layout()
    return fig


def stacked_by_article(table: pd.DataFrame, articles: pd.DataFrame, xlabel: str) -> plt.Figure:
    """Horizontal stacked bars: one bar per article (``table`` indexed by file), one segment
    per column (e.g. removal reason), colours fixed by column name in alphabetical order."""
    use_style()
    palette = plt.get_cmap("tab20").colors
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.55 * len(table)))
    left = pd.Series(0.0, index=table.index)
    for k, column in enumerate(sorted(table.columns)):
        ax.barh(range(len(table)), table[column], left=left, color=palette[k % len(palette)], label=column)
        left += table[column]
    ax.set_yticks(range(len(table)), article_names(table.index, articles))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    fig.tight_layout()
    return fig
