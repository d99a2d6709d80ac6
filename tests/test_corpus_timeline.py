"""The corpus chapter's timeline: a dot near the end of a span of years is drawn whole."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from faults_support import write_corpus  # noqa: E402
from newscorpus import load, plots  # noqa: E402
from newscorpus.events import load_events  # noqa: E402


def test_the_last_dot_of_a_span_of_years_is_not_cut_by_the_right_edge(tmp_path):
    rows = [{"file": "a.txt", "published": "2013-11-27", "date_precision": "day"},
            {"file": "b.txt", "published": "2023-12-25", "date_precision": "day"}]
    fig = plots.timeline(load(write_corpus(tmp_path / "corpus", rows)), load_events())
    ax = fig.axes[0]
    fig.canvas.draw()
    right_edge = ax.transData.transform((ax.get_xlim()[1], 0))[0]
    for line in ax.get_lines():
        if line.get_marker() == "o":
            x = ax.transData.transform((mdates.date2num(line.get_xdata()[0]), 0))[0]
            radius = line.get_markersize() / 2 * fig.dpi / 72
            assert x + radius <= right_edge, "a dot reaches past the axis"
    plt.close(fig)
