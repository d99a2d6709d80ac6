"""Charts for the framing chapter: the framing profile (a heatmap of rates, coloured by the printed
rate, with counts), names by voice, and distinctive words. Articles are named and coloured as everywhere
in the book; heights grow with the number of articles (laid out for up to 50)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import article_names, outlet_colours, panel_title, use_style

VOICE_STYLE = {"narrative": dict(alpha=1.0, hatch=None), "quoted": dict(alpha=0.45, hatch="//"),
               "gloss": dict(alpha=0.25, hatch="..")}


def _colours(files, overview: pd.DataFrame) -> list[str]:
    outlets = overview.set_index("file").loc[list(files), "outlet"]
    palette = outlet_colours(overview["outlet"])
    return [palette[o] for o in outlets]


def profile_heatmap(rates: pd.DataFrame, counts: pd.DataFrame, overview: pd.DataFrame) -> plt.Figure:
    """Articles (rows) by measures (columns). Each cell prints the rate per 1,000 words and, below
    it, the count behind it; the colour encodes the printed rate, as a share of the highest rate in
    its column (white for 0, darkest for the column's highest), so colour and number say the same
    thing and no article sets a mean for the others."""
    use_style()
    n_rows, n_cols = rates.shape
    fig, ax = plt.subplots(figsize=(9.5, 2.4 + 0.5 * n_rows))
    top = rates.max().replace(0, 1)
    shade = (rates / top).to_numpy(dtype=float)
    image = ax.imshow(shade, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    small = n_rows > 30  # a long table: numbers would not fit, the colour and the CSV carry them
    for i in range(n_rows):
        for j in range(n_cols):
            if small:
                continue
            text = f"{rates.iloc[i, j]:.1f}\n({int(counts.iloc[i, j]):d})"
            ax.text(j, i, text, ha="center", va="center", fontsize=8,
                    color="white" if shade[i, j] > 0.6 else "black")
    ax.set_xticks(range(n_cols), list(rates.columns), rotation=40, ha="right")
    ax.set_yticks(range(n_rows), article_names(rates.index, overview))
    ax.grid(False)
    colourbar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    colourbar.set_label("rate, as a share of the column's highest")
    fig.tight_layout()
    return fig


def names_by_voice(label_counts: pd.DataFrame, overview: pd.DataFrame, labels: list[str], columns: int = 2) -> plt.Figure:
    """One panel per name, all on one x scale; in each, one bar per article split into the
    outlet's narrative (solid), quoted text (hatched) and bracketed glosses (dotted)."""
    use_style()
    files = list(dict.fromkeys(label_counts["file"]))
    n = len(files)
    rows = int(np.ceil(len(labels) / columns))
    # one x scale for every panel: bars of different names are compared across panels
    fig, axes = plt.subplots(rows, columns, figsize=(9, rows * (1.1 + 0.3 * n) + 0.6), sharex=True, sharey=True,
                             squeeze=False)
    colours = _colours(files, overview)
    for ax, label in zip(axes.flat, labels):
        table = label_counts[label_counts["label"] == label].set_index("file").reindex(files, fill_value=0)
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
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor="#6b6b6b", edgecolor="white", **style) for style in VOICE_STYLE.values()]
    fig.legend(handles, ["outlet's narrative", "quoted", "bracketed gloss"], loc="lower center", ncol=3,
               bbox_to_anchor=(0.5, -0.02))
    fig.tight_layout(rect=(0, 0.5 / fig.get_size_inches()[1], 1, 1))
    return fig


def distinctive_words(table: pd.DataFrame, overview: pd.DataFrame, columns: int = 3) -> plt.Figure:
    """One panel per article, all on one x scale: its most distinctive terms against the others
    (weighted log-odds z-scores, descriptive), bars in the outlet's colour."""
    use_style()
    files = list(dict.fromkeys(table["file"]))
    columns = min(columns, max(1, len(files)))
    rows = int(np.ceil(len(files) / columns))
    top = max(1, int(table.groupby("file").size().max()))
    # one z scale for every panel, so that bar lengths compare across articles
    fig, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, rows * (0.9 + 0.24 * top)), sharex=True,
                             squeeze=False)
    names = article_names(files, overview)
    for ax, file, name, colour in zip(axes.flat, files, names, _colours(files, overview)):
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
