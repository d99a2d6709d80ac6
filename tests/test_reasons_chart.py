"""The cleaning chapter's reasons chart: the cleaner's reasons grouped into a few groups that can be
told apart, every reason the phrase lexicon can record in a named group, and the chart readable
for 1 to 1,000 articles."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newscorpus import plots  # noqa: E402
from newscorpus.paths import DATA_DIR  # noqa: E402


def lexicon_categories() -> set[str]:
    lines = (DATA_DIR / "boilerplate_phrases.csv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line and not line.startswith("#")]
    return {line.split(",")[0] for line in rows[1:]}


def test_every_reason_of_the_lexicon_and_the_cleaner_has_a_named_group():
    grouped = {r for reasons in plots.CLEANING_REASON_GROUPS.values() for r in reasons}
    structural = {"title", "repeated title", "standfirst", "byline", "date line", "caption", "signature",
                  "source credit", "summary label", "site template", "site chrome"}
    assert lexicon_categories() | structural <= grouped
    assert len(plots.CLEANING_REASON_GROUPS) <= 4  # few enough colours to tell apart


def test_columns_are_summed_into_their_groups_and_an_unknown_reason_is_other():
    table = pd.DataFrame({"paywall": [2, 0], "newsletter": [1, 1], "tags": [3, 0], "a reader's own": [0, 5]},
                         index=["a.txt", "b.txt"])
    grouped = plots.group_columns(table, plots.CLEANING_REASON_GROUPS)
    assert list(grouped.columns) == ["prompts and notices", "site navigation and page furniture", "other"]
    assert grouped.loc["a.txt"].tolist() == [3, 3, 0] and grouped.loc["b.txt"].tolist() == [1, 0, 5]


def articles_of(n: int) -> pd.DataFrame:
    return pd.DataFrame({"file": [f"{i:04d}.txt" for i in range(n)], "outlet": ["Alpha"] * n,
                         "date_label": [f"day {i}" for i in range(n)]})


@pytest.mark.parametrize("n", [1, 5, 1000])
def test_the_chart_draws_one_segment_colour_per_group_and_stays_a_page_tall(n):
    articles = articles_of(n)
    table = pd.DataFrame({"paywall": range(n), "tags": [1] * n, "title": [2] * n}, index=articles["file"])
    fig = plots.stacked_by_article(table, articles, "Lines removed", groups=plots.CLEANING_REASON_GROUPS)
    ax = fig.axes[0]
    colours = {tuple(p.get_facecolor()) for p in ax.patches}
    assert len(colours) == 3  # one colour per group present
    rows = min(n, plots.MAX_STACKED_ROWS)
    assert len(ax.get_yticklabels()) == rows and fig.get_size_inches()[1] < 25
    if n > plots.MAX_STACKED_ROWS:
        assert ax.get_yticklabels()[-1].get_text() == f"mean of the other {n - rows + 1} articles"
        assert ax.get_yticklabels()[0].get_text() == "Alpha, day 999"  # the largest total first
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    assert legend.y0 >= ax.get_window_extent().y1 - 1  # above the bars, never over them
    plt.close(fig)
