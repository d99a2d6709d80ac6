"""Charts of the trust appendix: each measure's score on public gold data, with its interval."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import GREY, OKABE_ITO


def correlation_chart(table: pd.DataFrame, goal: float) -> plt.Figure:
    """|r| of each score with CLEAR's ease, one row per score, a marker per group, with intervals
    (``report.readability_correlations``); a dashed line at the goal."""
    scores = list(dict.fromkeys(table["score"]))
    groups = list(dict.fromkeys(table["group"]))
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(scores) + 1.2))
    offsets = np.linspace(-0.22, 0.22, len(groups))
    for k, group in enumerate(groups):
        part = table[table["group"] == group].set_index("score").reindex(scores)
        y = np.arange(len(scores)) + offsets[k]
        ax.errorbar(part["abs_r"], y, xerr=[part["abs_r"] - part["abs_low"], part["abs_high"] - part["abs_r"]],
                    fmt="o", color=OKABE_ITO[k], label=group, capsize=2, markersize=4)
    ax.axvline(goal, color=GREY, linestyle="--", linewidth=1, label=f"goal for the fitted score ({goal:.2f})")
    ax.set_yticks(np.arange(len(scores)), scores)
    ax.invert_yaxis()
    ax.set_xlabel("|Pearson r| with teachers' ease (CLEAR dev), 95% bootstrap interval")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, fontsize=8)
    fig.tight_layout()
    return fig


def loaded_chart(table: pd.DataFrame, goal: float) -> plt.Figure:
    """Sentence macro-F1 on BABE with intervals for each measure (``report.loaded_comparison``)."""
    fig, ax = plt.subplots(figsize=(8, 2.4))
    y = np.arange(len(table))
    colours = [GREY, OKABE_ITO[1], OKABE_ITO[0]][:len(table)]
    ax.barh(y, table["macro_f1"], color=colours, height=0.55)
    ax.errorbar(table["macro_f1"], y, xerr=[table["macro_f1"] - table["low"], table["high"] - table["macro_f1"]],
                fmt="none", color="black", capsize=3, linewidth=1)
    ax.axvline(goal, color=GREY, linestyle="--", linewidth=1)
    ax.text(goal, -0.6, f" goal {goal:.2f}", color=GREY, fontsize=8, va="bottom")
    ax.set_yticks(y, table["measure"])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("Sentence macro-F1 on BABE SG2 dev, 95% bootstrap interval")
    fig.tight_layout()
    return fig
