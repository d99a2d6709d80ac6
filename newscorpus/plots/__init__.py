"""One plotting style and one colour per outlet, defined once for every chapter.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of
colour blindness. Outlets of the seed corpus keep fixed colours; an outlet a reader adds gets
the next unused colour, in alphabetical order, so a chart never changes colour between runs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..corpus import date_interval
from ..labels import article_labels, article_names, short_outlet

__all__ = ["GREY", "MAX_OUTLET_COLOURS", "OKABE_ITO", "OTHER_OUTLETS", "outlet_legend", "article_labels", "article_names", "outlet_colours", "panel_title",
           "short_outlet", "use_style"]

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


# One distinct colour per outlet up to this many (the Okabe-Ito palette, safe for colour-blind
# readers); beyond it, the outlets with the fewest articles share grey as "other outlets".
MAX_OUTLET_COLOURS = len(OKABE_ITO)
OTHER_OUTLETS = "other outlets"


def outlet_colours(outlets: Iterable[str], counts: dict | pd.Series | None = None) -> dict[str, str]:
    """A colour for every outlet: fixed for the seed outlets, then the unused palette in order.
    With more than ``MAX_OUTLET_COLOURS`` outlets, the ones with most articles (``counts``;
    alphabetical without it) keep a colour and the rest are grey (``OTHER_OUTLETS``)."""
    outlets = sorted(set(outlets))
    counts = dict(counts) if counts is not None else {}
    ranked = sorted(outlets, key=lambda o: (o not in SEED_OUTLET_COLOURS, -counts.get(o, 0), o))
    coloured = set(ranked[:MAX_OUTLET_COLOURS])
    colours = {o: c for o, c in SEED_OUTLET_COLOURS.items() if o in coloured}
    spare = [c for c in OKABE_ITO if c not in colours.values()]
    for outlet in ranked:
        if outlet in colours:
            continue
        colours[outlet] = spare.pop(0) if outlet in coloured and spare else GREY
    return colours


def outlet_legend(colours: dict[str, str]) -> list[tuple[str, str]]:
    """(label, colour) pairs for a legend that fits: each coloured outlet once, then one
    "other outlets" entry for all the grey ones."""
    named = [(outlet, colour) for outlet, colour in colours.items() if colour != GREY]
    if any(colour == GREY for colour in colours.values()):
        named.append((OTHER_OUTLETS, GREY))
    return named


def panel_title(label: str, width: int = 34) -> str:
    """An article's label as a small panel's title: wrapped, so neighbouring titles never overlap."""
    return textwrap.fill(label, width)


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


# The cleaner's reasons, grouped for the reasons chart: twenty reasons in twenty colours cannot be
# told apart, four groups can. A reason not listed here (a reader's own lexicon category) falls
# under "other".
CLEANING_REASON_GROUPS = {
    "the article's own parts, set aside": ["title", "repeated title", "standfirst", "byline", "date line",
                                           "caption", "signature", "source credit", "summary label"],
    "prompts and notices": ["paywall", "newsletter", "cookie notice", "comments", "copyright", "disclaimer",
                            "advertisement"],
    "site navigation and page furniture": ["navigation", "related links", "tags", "share bar", "site chrome",
                                           "site template", "category", "about us", "contact", "author bio"],
}
OTHER_GROUP = "other"
MAX_STACKED_ROWS = 40  # beyond this many articles the chart shows the ones with the largest totals


def group_columns(table: pd.DataFrame, groups: dict[str, list[str]]) -> pd.DataFrame:
    """``table``'s columns summed into ``groups`` (group -> its columns), in the groups' order; a
    column in no group is summed into "other", which appears only when it has one."""
    known = {column: group for group, columns in groups.items() for column in columns}
    grouped = table.T.groupby(lambda c: known.get(c, OTHER_GROUP)).sum().T
    order = [g for g in [*groups, OTHER_GROUP] if g in grouped.columns]
    return grouped.reindex(columns=order) if order else grouped


def stacked_by_article(table: pd.DataFrame, articles: pd.DataFrame, xlabel: str,
                       groups: dict[str, list[str]] | None = None, top: int = MAX_STACKED_ROWS) -> plt.Figure:
    """Horizontal stacked bars: one bar per article (``table`` indexed by file), one segment per
    column (or per group of columns, ``groups``), in colour-blind-safe colours while there are
    at most eight segments. With more than ``top`` articles, the ``top - 1`` with the largest
    totals are drawn and the rest are one bar, their mean, so the chart stays readable for 1,000."""
    use_style()
    if groups is not None:
        table = group_columns(table, groups)
    columns = list(table.columns) if groups is not None else sorted(table.columns)
    labels = article_names(table.index, articles)
    if len(table) > top:
        keep = table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top - 1]
        rest = table.drop(index=keep)
        labels = article_names(keep, articles) + [f"mean of the other {len(rest)} articles"]
        table = pd.concat([table.loc[keep], rest.mean().to_frame().T])
    palette = OKABE_ITO if len(columns) <= len(OKABE_ITO) else plt.get_cmap("tab20").colors
    fig, ax = plt.subplots(figsize=(9, 1.9 + 0.42 * len(table)))
    left = pd.Series(0.0, index=range(len(table)))
    for k, column in enumerate(columns):
        values = table[column].to_numpy(dtype=float)
        ax.barh(range(len(table)), values, left=left, color=palette[k % len(palette)], label=column)
        left += values
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    # above the bars, never over them
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, fontsize=8.5, borderaxespad=0)
    fig.tight_layout()
    return fig
