"""Charts for the framing chapter: the framing profile (a heatmap of rates per 1,000 words on one
shared logarithmic colour scale, with counts), names by voice, distinctive words, and outlets compared (a dot and interval per
outlet). Articles are named and coloured as everywhere in the book. Every chart is bounded for 1 to
1,000 articles and 1 to 100 outlets: beyond ``MAX_ROWS`` rows or ``MAX_PANELS`` panels it shows the
top ones by a stated criterion and says so in its last row or title; the rest are in the tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap, LogNorm
from matplotlib.ticker import MaxNLocator, PercentFormatter
import numpy as np
import pandas as pd

from . import GREY, article_names, outlet_colours, panel_title, short_outlet, use_style

MAX_ROWS = 40      # rows (articles or outlets) in one chart
MAX_PANELS = 12    # small multiples in one chart
MAX_OUTLETS_PLOTTED = 20  # outlets in each panel of the outlet comparison

VOICE_STYLE = {"narrative": dict(alpha=1.0, hatch=None), "quoted": dict(alpha=0.45, hatch="//"),
               "gloss": dict(alpha=0.25, hatch="..")}


def _colours(files, overview: pd.DataFrame) -> list[str]:
    outlets = overview.set_index("file").loc[list(files), "outlet"]
    palette = outlet_colours(overview["outlet"])
    return [palette[o] for o in outlets]


PROFILE_SCALE = (0.1, 1000.0)  # rates per 1,000 words: the colour scale shared by every column (log)


def profile_norm() -> LogNorm:
    """The profile's colour scale: rates per 1,000 words on one logarithmic scale shared by every
    column, from 0.1 (one word in 10,000) to 1,000 (every word), so the same colour means the same
    rate in any column and any corpus; a rate below 0.1 takes the lightest colour, a zero is white."""
    return LogNorm(vmin=PROFILE_SCALE[0], vmax=PROFILE_SCALE[1], clip=True)


def profile_heatmap(rates: pd.DataFrame, counts: pd.DataFrame, overview: pd.DataFrame,
                    row_labels: list[str] | None = None) -> plt.Figure:
    """Articles (rows) by measures (columns). Each cell prints the rate per 1,000 words and, below
    it, the count behind it (up to 30 rows); the colour encodes the printed rate on one logarithmic
    scale shared by every column (``profile_norm``: white for 0), so colours compare across columns
    and one mention in a short text is not the darkest cell. Rows are articles (named from
    ``overview``) or, with ``row_labels``, whatever ``rates`` is indexed by (outlets); beyond
    ``MAX_ROWS`` rows, the ``MAX_ROWS`` with the largest total count are drawn."""
    use_style()
    labels = row_labels if row_labels is not None else article_names(rates.index, overview)
    if len(rates) > MAX_ROWS:  # the rows with the most words counted; the rest are in framing.csv
        keep = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:MAX_ROWS]
        position = [list(rates.index).index(k) for k in keep]
        rates, counts, labels = rates.loc[keep], counts.loc[keep], [labels[i] for i in position]
    n_rows, n_cols = rates.shape
    fig, ax = plt.subplots(figsize=(9.5, 2.4 + 0.5 * n_rows))
    norm = profile_norm()
    values = rates.to_numpy(dtype=float)
    # the lightest colour is not white; a zero rate (masked) is
    cmap = ListedColormap(plt.get_cmap("Blues")(np.linspace(0.12, 1.0, 256))).with_extremes(bad="white")
    image = ax.imshow(np.ma.masked_less_equal(values, 0.0), cmap=cmap, norm=norm, aspect="auto")
    shade = np.where(values > 0, norm(np.where(values > 0, values, PROFILE_SCALE[0])), 0.0)
    small = n_rows > 30  # a long table: numbers would not fit, the colour and the CSV carry them
    for i in range(n_rows):
        for j in range(n_cols):
            if small:
                continue
            text = f"{rates.iloc[i, j]:,.1f}\n({int(counts.iloc[i, j]):,d})"
            ax.text(j, i, text, ha="center", va="center", fontsize=8,
                    color="white" if shade[i, j] > 0.6 else "black")
    ax.set_xticks(range(n_cols), list(rates.columns), rotation=40, ha="right")
    ax.set_yticks(range(n_rows), labels)
    ax.grid(False)
    colourbar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02, extend="min")
    ticks = [0.1, 1, 10, 100, 1000]
    colourbar.set_ticks(ticks, labels=["0.1", "1", "10", "100", "1,000"])
    colourbar.minorticks_off()
    colourbar.set_label("per 1,000 words (log scale)")
    fig.tight_layout()
    return fig


MAX_NAME_ROWS = 25  # bars in each panel of the names chart (four panels share them)


def names_by_voice(label_counts: pd.DataFrame, overview: pd.DataFrame, labels: list[str], columns: int = 2,
                   top: int = MAX_NAME_ROWS) -> plt.Figure:
    """One panel per name, all on one x scale; in each, one bar per article split into the
    outlet's narrative (solid), quoted text (hatched) and bracketed glosses (dotted). Articles that
    use none of the names are left out; beyond ``top`` articles, the ``top`` with the most
    mentions are drawn (the chart's title says so)."""
    use_style()
    shown = label_counts[label_counts["label"].isin(labels)]
    totals = shown.groupby("file", sort=False)[["narrative", "quoted", "gloss"]].sum().sum(axis=1)
    order = list(dict.fromkeys(label_counts["file"]))
    totals = totals.reindex(order, fill_value=0)
    used = totals[totals > 0]
    if len(used) > top:
        keep = set(used.sort_values(ascending=False, kind="stable").index[:top])
        files = [f for f in order if f in keep]
    else:
        files = [f for f in order if f in set(used.index)] or order[:1]
    n = len(files)
    rows = int(np.ceil(len(labels) / columns))
    # one x scale for every panel: bars of different names are compared across panels
    fig, axes = plt.subplots(rows, columns, figsize=(9, rows * (1.1 + 0.26 * n) + 0.6), sharex=True, sharey=True,
                             squeeze=False)
    colours = _colours(files, overview)
    for ax, label in zip(axes.flat, labels):
        table = (label_counts[label_counts["label"] == label].set_index("file")[list(VOICE_STYLE)]
                 .reindex(files, fill_value=0))
        left = np.zeros(n)
        for voice, style in VOICE_STYLE.items():
            ax.barh(range(n), table[voice], left=left, color=colours, edgecolor="white", label=voice, **style)
            left += table[voice].to_numpy()
        ax.set_title(label, fontsize=10)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("mentions")
        ax.tick_params(labelbottom=True)
    for ax in axes[:, 0]:
        ax.set_yticks(range(n), article_names(files, overview))
    axes[0][0].invert_yaxis()
    for ax in list(axes.flat)[len(labels):]:
        ax.set_visible(False)
    if len(used) > top:
        fig.suptitle(f"The {top} of {len(used):,d} articles with the most mentions", fontsize=10)
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor="#6b6b6b", edgecolor="white", **style) for style in VOICE_STYLE.values()]
    fig.legend(handles, ["outlet's narrative", "quoted", "bracketed gloss"], loc="lower center", ncol=3,
               bbox_to_anchor=(0.5, -0.02))
    fig.tight_layout(rect=(0, 0.5 / fig.get_size_inches()[1], 1, 1))
    return fig


def distinctive_words(table: pd.DataFrame, overview: pd.DataFrame, columns: int = 3,
                      names: dict[str, str] | None = None, colours: dict[str, str] | None = None,
                      top: int = MAX_PANELS) -> plt.Figure:
    """One panel per article (or per outlet, with ``names`` and ``colours`` keyed by what
    ``table["file"]`` holds), all on one x scale: its most distinctive terms against the others
    (weighted log-odds z-scores, descriptive), bars in the outlet's colour. At most ``top``
    panels, in the table's order (the caller chooses which: the rest are in the table)."""
    use_style()
    files = list(dict.fromkeys(table["file"]))[:top]
    table = table[table["file"].isin(files)]
    columns = min(columns, max(1, len(files)))
    rows = max(1, int(np.ceil(len(files) / columns)))
    top_words = max(1, int(table.groupby("file").size().max())) if len(table) else 1
    # one z scale for every panel, so that bar lengths compare across articles
    fig, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, rows * (0.9 + 0.24 * top_words)), sharex=True,
                             squeeze=False)
    labels = [names.get(f, f) for f in files] if names is not None else article_names(files, overview)
    bar_colours = [colours.get(f, GREY) for f in files] if colours is not None else _colours(files, overview)
    for ax, file, name, colour in zip(axes.flat, files, labels, bar_colours):
        words = table[table["file"] == file].sort_values("z")
        ax.barh(words["word"], words["z"], color=colour)
        ax.set_title(panel_title(name), fontsize=9)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("z (descriptive)")
        ax.tick_params(labelbottom=True)
    for ax in list(axes.flat)[len(files):]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig


def _axis_name(outlet: str, width: int = 30) -> str:
    """An outlet's name on one line of an axis: shortened, cut with an ellipsis beyond ``width``."""
    name = short_outlet(outlet)
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def outlet_intervals(summary: pd.DataFrame, measures: dict[str, str], counts: pd.Series | None = None,
                     columns: int = 2, top: int = MAX_OUTLETS_PLOTTED, percent: frozenset = frozenset()) -> plt.Figure:
    """Outlets compared, one panel per measure (``units.outlet_summary``'s long table): each
    outlet's mean as a dot, the middle half of its articles as a thin grey bar, and the 95%
    interval of its mean (resampling its articles) as a line; outlets sorted by their mean in each
    panel, each labelled with the number of its articles that have a value. At most ``top`` outlets, those with the most articles (``counts``), are drawn; the
    measures in ``percent`` are shares, drawn as percentages."""
    use_style()
    measures = {m: name for m, name in measures.items() if m in set(summary["measure"])}
    outlets = sorted(set(summary["outlet"]))
    if counts is not None:
        ranked = sorted(outlets, key=lambda o: (-int(counts.get(o, 0)), o))
    else:
        ranked = outlets
    shown = ranked[:top]
    palette = outlet_colours(outlets, counts)
    columns = max(1, min(columns, len(measures)))
    rows = max(1, int(np.ceil(len(measures) / columns)))
    height = 0.9 + 0.24 * len(shown)
    fig, axes = plt.subplots(rows, columns, figsize=(5.2 * columns, rows * height + 0.4), squeeze=False)
    for ax, (measure, name) in zip(axes.flat, measures.items()):
        part = summary[(summary["measure"] == measure) & summary["outlet"].isin(shown)].dropna(subset=["mean"])
        part = part.sort_values(["mean", "outlet"], kind="stable")
        y = np.arange(len(part))
        ax.hlines(y, part["q25"], part["q75"], color="#d0d0d0", linewidth=6)
        has = part["low"].notna().to_numpy()
        ax.hlines(y[has], part["low"][has], part["high"][has], color="black", linewidth=1.2)
        ax.scatter(part["mean"], y, color=[palette.get(o, GREY) for o in part["outlet"]], zorder=3, s=28)
        # each row with the number of articles behind it (those with a value of this measure)
        ax.set_yticks(y, [f"{_axis_name(o)} ({int(n):,d})" for o, n in zip(part["outlet"], part["articles"])], fontsize=8)
        ax.set_ylim(-0.7, max(len(shown), 1) - 0.3)
        ax.set_title(panel_title(name, 52), fontsize=9)
        ax.grid(axis="y", visible=False)
        if measure in percent:
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    for ax in list(axes.flat)[len(measures):]:
        ax.set_visible(False)
    if len(outlets) > len(shown):
        fig.suptitle(f"The {len(shown)} of {len(outlets):,d} outlets with the most articles", fontsize=10)
    fig.tight_layout()
    return fig



def whole_number_ticks(fig: plt.Figure) -> plt.Figure:
    """Ticks at whole numbers only on every x axis of ``fig``: a chart of counts (sentences,
    attributions) has no tick at 2.5."""
    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig
