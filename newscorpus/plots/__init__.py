"""One plotting style and one colour per outlet, defined once for every chapter.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of
colour blindness. Outlets of the seed corpus keep fixed colours; an outlet a reader adds gets
the next unused colour, in alphabetical order, so a chart never changes colour between runs.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ..corpus import date_interval, outlet_counts_on_disk
from ..labels import article_labels, article_names, short_outlet

__all__ = ["GREY", "nothing_found", "MAX_OUTLET_COLOURS", "OKABE_ITO", "OTHER_OUTLETS", "outlet_legend", "article_labels", "article_names", "outlet_colours", "panel_title", "wrap_label",
           "short_outlet", "use_style"]

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SEED_OUTLET_COLOURS = {
    "Al-Monitor": OKABE_ITO[0],
    "Al-Ahed News": OKABE_ITO[1],
    "Elijah J. Magnier": OKABE_ITO[2],
    "Rawabet Center for Research and Strategic Studies": OKABE_ITO[3],
}
GREY = "#6b6b6b"
# One encoding for an outlet's spread and interval in every outlet figure (referee F3): the middle
# half of its articles as a wide pale bar, the 95% interval of its mean as a thin black line, the
# mean as a dot (as the framing chapter's outlet chart draws them).
MIDDLE_HALF = {"color": "#d0d0d0", "linewidth": 6}
MEAN_INTERVAL = {"color": "black", "linewidth": 1.2}

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
    With more than ``MAX_OUTLET_COLOURS`` outlets, the ones with most articles keep a colour and
    the rest are grey (``OTHER_OUTLETS``). The ranking is the whole corpus's (its sources.csv)
    whenever the outlets are the corpus's, so an outlet has one colour in every chart of the book,
    whatever subset a chart shows; ``counts`` (or the name) decides otherwise."""
    outlets = sorted(set(outlets))
    counts = dict(counts) if counts is not None else {}
    corpus = outlet_counts_on_disk()
    of_corpus = bool(corpus) and set(outlets) <= set(corpus)
    universe = sorted(corpus) if of_corpus else outlets
    size = (lambda o: corpus.get(o, 0)) if of_corpus else (lambda o: counts.get(o, 0))
    ranked = sorted(universe, key=lambda o: (o not in SEED_OUTLET_COLOURS, -size(o), o))
    coloured = set(ranked[:MAX_OUTLET_COLOURS])
    colours = {o: c for o, c in SEED_OUTLET_COLOURS.items() if o in coloured}
    spare = [c for c in OKABE_ITO if c not in colours.values()]
    for outlet in ranked:
        if outlet in colours:
            continue
        colours[outlet] = spare.pop(0) if outlet in coloured and spare else GREY
    return {outlet: colours[outlet] for outlet in outlets}


def outlet_legend(colours: dict[str, str]) -> list[tuple[str, str]]:
    """(label, colour) pairs for a legend that fits: each coloured outlet once, then one
    "other outlets" entry for all the grey ones."""
    named = [(outlet, colour) for outlet, colour in colours.items() if colour != GREY]
    if any(colour == GREY for colour in colours.values()):
        named.append((OTHER_OUTLETS, GREY))
    return named


# Where a label may break: at a space; in a piece too long for a line, also after a hyphen or an
# underscore (a file name in a label, "(usa-today_2016-01-22_some-republicans-promote)", has no
# spaces, only these).
_LABEL_WORD = re.compile(r"\S+\s*|\s+")
_LABEL_PIECE = re.compile(r"[^\s_-]+[_-]*\s*|[_-]+\s*|\s+")
LABEL_STRETCH = 1.2  # a line may run this much over the width before it is broken at a hyphen


def _fill(pieces: list[str], width: int) -> list[str]:
    lines, line = [], ""
    for piece in pieces:
        if line.strip() and len(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def wrap_label(label: str, width: int = 34, max_lines: int | None = None) -> str:
    """A label wrapped to about ``width`` characters a line, never inside a word: at spaces, and a
    line still longer than ``LABEL_STRETCH`` times the width (a file name) after its hyphens and
    underscores; a piece longer than a line stays whole on its own line. With ``max_lines``, the
    lines beyond are dropped and the last kept line ends with an ellipsis (and a closing bracket
    if the cut left one open)."""
    lines = []
    for line in _fill(_LABEL_WORD.findall(label.strip()), width):
        lines += _fill(_LABEL_PIECE.findall(line), width) if len(line) > LABEL_STRETCH * width else [line]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" _-,(") + "…"
        kept = "\n".join(lines)
        for opening, closing in ("()", "[]"):  # a bracket the cut left open is closed after the ellipsis
            if kept.count(opening) > kept.count(closing):
                lines[-1] += closing
    return "\n".join(lines)


def panel_title(label: str, width: int = 34) -> str:
    """An article's label as a small panel's title: wrapped at spaces, hyphens and underscores
    (``wrap_label``), so neighbouring titles never overlap and no word is cut."""
    return wrap_label(label, width)


# A chart draws one row per article up to this many articles; beyond it, one row per outlet (the
# timeline) or the largest articles and the rest summed up in one row (bars), so that a chart of
# 1,000 articles is as tall as one of 40.
MAX_ARTICLE_ROWS = 40
# Outlet rows: the outlets with most articles each get a row, the rest share the last one.
MAX_OUTLET_ROWS = 20
# Events labelled with their name on the timeline; with more, each is labelled by its number in
# the chapter's events table.
MAX_EVENT_NAMES = 12


def _row_height(rows: int) -> float:
    """Inches per row: roomy for a few rows, tighter for many, so that no chart grows past a page."""
    return 0.45 if rows <= 12 else 0.3


LABEL_WIDTH = 48  # characters of a row label on one line; longer ones wrap onto a second


def _row_labels(ax: plt.Axes, labels: list[str]) -> None:
    """Row labels that leave the chart its width: a long one (an article named with its file)
    wraps onto two lines, and many rows get a smaller font."""
    wrapped = [wrap_label(label, LABEL_WIDTH, max_lines=2) for label in labels]  # never inside a word
    ax.set_yticks(range(len(labels)), wrapped, fontsize=10 if len(labels) <= 12 else 8)


def _draw_events(ax: plt.Axes, events: pd.DataFrame) -> None:
    """A dotted line per event; its name above the axes (or its number, for many events), on
    three heights so that neighbouring labels never collide."""
    named = len(events) <= MAX_EVENT_NAMES
    for i, (_, event) in enumerate(events.iterrows()):
        ax.axvline(pd.Timestamp(event["date"]), color=GREY, linestyle=":", linewidth=1)
        ax.annotate(
            textwrap.shorten(str(event["event"]), 40, placeholder="…") if named else str(i + 1),
            xy=(pd.Timestamp(event["date"]), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, 2 + 11 * (i % 3)),
            textcoords="offset points",
            fontsize=8,
            color=GREY,
            rotation=0,
            annotation_clip=False,
        )


def _time_axis(ax: plt.Axes, first: pd.Timestamp, last: pd.Timestamp) -> None:
    """An x axis from ``first`` to ``last`` with a dozen labels at most: years for a span of
    years (from the first January, so an article of 2009 is on the chart), months or days for a
    corpus gathered over weeks."""
    if last.year - first.year >= 3:
        span_years = last.year - first.year + 1
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, -(-span_years // 12))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        start, end = pd.Timestamp(first.year, 1, 1), pd.Timestamp(last.year, 1, 1) + pd.DateOffset(years=1)
        pad = (end - start) * 0.015  # a dot on 25 December is drawn whole, not cut by the axis's edge
        ax.set_xlim(start - pad, end + pad)
        return
    pad = max(pd.Timedelta(days=3), (last - first) * 0.03)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=6))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b %Y" if (last - first).days <= 60 else "%b %Y"))
    ax.set_xlim(first - pad, last + pad)


def _span(articles: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the earliest start to the latest end of every article's date and every event."""
    intervals = [date_interval(p, q) for p, q in zip(articles["published"], articles["date_precision"])]
    starts = [a for a, _ in intervals] + [pd.Timestamp(d) for d in events["date"]]
    ends = [b for _, b in intervals] + [pd.Timestamp(d) for d in events["end"]]
    return min(starts), max(ends)


def timeline(articles: pd.DataFrame, events: pd.DataFrame, *, top: int = MAX_ARTICLE_ROWS) -> plt.Figure:
    """Publication dates against the corpus's events (``events``: no rows for a corpus without an
    events file). Up to ``top`` articles, one row per article: a date known only to the month or
    year is drawn as a bar over the whole period, so the chart claims no more precision than the
    data. More articles: one row per outlet, the articles counted by period
    (:func:`timeline_by_outlet`)."""
    if "end" not in events.columns:
        events = events.assign(end=[date_interval(d, p)[1] for d, p in zip(events["date"], events["date_precision"])])
    if len(articles) > top:
        return timeline_by_outlet(articles, events)
    use_style()
    ordered = articles.sort_values(["published", "file"], ignore_index=True)
    colours = outlet_colours(ordered["outlet"], ordered["outlet"].value_counts())
    rows = len(ordered)
    fig, ax = plt.subplots(figsize=(9, 1.9 + _row_height(rows) * rows))
    for y, row in ordered.iterrows():
        start, end = date_interval(row["published"], row["date_precision"])
        colour = colours[row["outlet"]]
        if row["date_precision"] == "day":
            ax.plot([start], [y], marker="o", markersize=8, color=colour)
        else:
            ax.barh(y, end - start, left=start, height=0.5, color=colour, alpha=0.85)
    _draw_events(ax, events)
    _row_labels(ax, article_labels(ordered))
    ax.set_ylim(rows - 0.5, -0.8)
    _time_axis(ax, *_span(ordered, events))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Publication date (dot: known to the day; bar: known only to the month or year)")
    fig.tight_layout()
    return fig


# Periods the by-outlet timeline counts articles in: the finest that gives at most about a hundred.
PERIODS = [(120, "day", "D"), (400, "week", "W-MON"), (8 * 366, "month", "MS"), (None, "year", "YS")]


def period_edges(first: pd.Timestamp, last: pd.Timestamp) -> tuple[str, pd.DatetimeIndex]:
    """The period (day, week, month or year) for a span from ``first`` to ``last`` (its end,
    exclusive) and the edges of its bins, covering the whole span."""
    days = (last - first).days
    for limit, name, freq in PERIODS:
        if limit is None or days <= limit:
            break
    first = pd.Timestamp(first).normalize()
    start = {"day": first, "week": first - pd.Timedelta(days=first.weekday()),
             "month": first.replace(day=1), "year": pd.Timestamp(first.year, 1, 1)}[name]
    edges = pd.date_range(start, last, freq=freq)
    if edges[-1] < last:
        edges = edges.append(pd.DatetimeIndex([edges[-1] + pd.tseries.frequencies.to_offset(freq)]))
    return name, edges


def period_counts(articles: pd.DataFrame, edges: pd.DatetimeIndex) -> tuple[np.ndarray, pd.DataFrame]:
    """Articles per bin whose date lies inside one bin (``counts``), and the others: articles
    whose date is known only to a period longer than a bin (a month, for weekly bins), as a table
    of ``start``, ``end`` and ``articles``, so that the chart draws them over their whole period
    and never places them more precisely than their date."""
    counts = np.zeros(len(edges) - 1)
    longer: dict[tuple, int] = {}
    for published, precision in zip(articles["published"], articles["date_precision"]):
        start, end = date_interval(published, precision)
        first = int(np.searchsorted(edges, start, side="right")) - 1
        if 0 <= first < len(counts) and end <= edges[first + 1]:
            counts[first] += 1
        else:
            longer[(start, end)] = longer.get((start, end), 0) + 1
    spans = pd.DataFrame([{"start": a, "end": b, "articles": n} for (a, b), n in sorted(longer.items())],
                         columns=["start", "end", "articles"])
    return counts, spans


def outlet_rows(articles: pd.DataFrame, top: int = MAX_OUTLET_ROWS) -> tuple[list[str], dict[str, str]]:
    """Row names for a chart by outlet, and each outlet's row: the ``top - 1`` outlets with most
    articles (ties by name) get their own, the rest share "N other outlets" (with ``top`` or
    fewer outlets, every outlet has its own row)."""
    counts = articles.groupby("outlet")["file"].count()
    ranked = sorted(counts.index, key=lambda o: (-counts[o], o))
    if len(ranked) <= top:
        return ranked, {o: o for o in ranked}
    kept = ranked[:top - 1]
    other = f"{len(ranked) - len(kept):,d} other outlets"
    return kept + [other], {o: (o if o in kept else other) for o in ranked}


def timeline_by_outlet(articles: pd.DataFrame, events: pd.DataFrame, top: int = MAX_OUTLET_ROWS) -> plt.Figure:
    """Articles counted by period (day, week, month or year, the finest that keeps the chart to
    about a hundred bars), one row per outlet (at most ``top``: the rest share the last row).
    The outlets' bars share one scale, so rows compare (the grouped row has its own); an article
    whose date is known only to a longer period than a bar is a thin band over that period."""
    use_style()
    first, last = _span(articles, events)
    period, edges = period_edges(first, last)
    names, row_of = outlet_rows(articles, top)
    sizes_by_outlet = articles["outlet"].value_counts()
    colours = outlet_colours(articles["outlet"], sizes_by_outlet)
    table = {name: period_counts(articles[articles["outlet"].map(row_of) == name], edges) for name in names}
    # the outlets' own rows share one scale; "N other outlets" (many outlets summed) gets its own,
    # or its bars would flatten every other row
    grouped = names[-1] if len(names) and names[-1] not in sizes_by_outlet.index else None
    tallest = max([max(table[n][0].max(), 1) for n in names if n != grouped] or [1])
    rows = len(names)
    fig, ax = plt.subplots(figsize=(9, 2.3 + _row_height(rows) * rows))
    widths = (edges[1:] - edges[:-1]) * 0.9
    for y, name in enumerate(names):
        per_period, spans = table[name]
        colour = colours.get(name, GREY)
        base = y + 0.38  # bars grow upwards from the row's baseline; longer periods lie under it
        ax.axhline(base, color=GREY, linewidth=0.4, alpha=0.6)
        scale = max(per_period.max(), 1) if name == grouped else tallest
        ax.bar(edges[:-1], -per_period / scale * 0.8, width=widths, bottom=base, align="edge", color=colour)
        for k, span in enumerate(spans.itertuples()):
            level = base + (0.06 if k % 2 == 0 else 0.15)  # two levels: a month inside its year stays visible
            ax.barh(level, span.end - span.start, left=span.start, height=0.08, color=colour, alpha=0.5)
            if span.articles > 1:
                ax.annotate(f"{span.articles:,d}", xy=(span.end, level), xytext=(2, 0),
                            textcoords="offset points", va="center", fontsize=7, color=GREY)
    _draw_events(ax, events)
    sizes = articles.groupby(articles["outlet"].map(row_of))["file"].count()
    _row_labels(ax, [f"{short_outlet(n)} ({count_articles(sizes[n])}" + (", own scale)" if n == grouped else ")")
                     for n in names])
    ax.set_ylim(rows - 0.35, -0.8)
    _time_axis(ax, first, last)
    ax.grid(axis="y", visible=False)
    longer = any(len(spans) for _, spans in table.values())
    ax.set_xlabel(f"Bars: articles published per {period}, on one scale (tallest: {tallest:,.0f})."
                  + ("\nThin band under a row: articles dated only to a longer period (a month or year), over that "
                     "period." if longer else ""))
    fig.tight_layout()
    return fig


def count_articles(n: int) -> str:
    return f"{n:,d} article" + ("s" if n != 1 else "")


def bars_by_article(
    articles: pd.DataFrame, values: str | list[str], xlabel: str, labels: list[str] | None = None,
    *, top: int = MAX_ARTICLE_ROWS, rank_by: str | None = None,
) -> plt.Figure:
    """Horizontal bars, one per article, coloured by outlet; several columns side by side. With
    more than ``top`` articles (``top // 2`` for several columns), the ones with the largest values
    of ``rank_by`` (the last column by default) are drawn and the rest are one grey bar, their
    median, so the chart stays a page tall."""
    use_style()
    columns = [values] if isinstance(values, str) else list(values)
    colours = outlet_colours(articles["outlet"], articles["outlet"].value_counts())
    names = article_labels(articles)
    shown = articles.reset_index(drop=True)
    bar_colours = [colours[o] for o in shown["outlet"]]
    top = top if len(columns) == 1 else max(2, top // len(columns))
    if len(shown) > top:
        order = pd.to_numeric(shown[rank_by or columns[-1]], errors="coerce").sort_values(ascending=False,
                                                                                         kind="stable")
        keep, rest = list(order.index[:top - 1]), list(order.index[top - 1:])
        names = [names[i] for i in keep] + [f"median of the other {len(rest):,d} articles"]
        median = shown.loc[rest, columns].apply(pd.to_numeric, errors="coerce").median()
        bar_colours = [bar_colours[i] for i in keep] + [GREY]
        shown = pd.concat([shown.loc[keep, columns], median.to_frame().T], ignore_index=True)
    rows = len(shown)
    fig, ax = plt.subplots(figsize=(8, 1.2 + _row_height(rows) * rows * max(1, len(columns) * 0.7)))
    height = 0.8 / len(columns)
    for j, column in enumerate(columns):
        ys = [i + (j - (len(columns) - 1) / 2) * height for i in range(rows)]
        ax.barh(
            ys,
            pd.to_numeric(shown[column], errors="coerce").fillna(0),
            height=height * 0.95,
            color=bar_colours,
            alpha=1.0 if j == len(columns) - 1 else 0.45,
            label=(labels or columns)[j],
        )
    _row_labels(ax, names)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(columns) > 1:  # swatches in grey: the bar colours stand for outlets, not series
        ax.legend(handles=[Patch(color=GREY, alpha=0.45 if j < len(columns) - 1 else 1.0, label=(labels or columns)[j])
                           for j in range(len(columns))], loc="lower right", bbox_to_anchor=(1, 1.01),
                  ncol=len(columns), borderaxespad=0)
    fig.tight_layout()
    return fig


def by_outlet(table: pd.DataFrame, articles: pd.DataFrame, column: str, summary: pd.DataFrame, xlabel: str,
              *, top: int = MAX_OUTLET_ROWS, percent: bool = False) -> plt.Figure:
    """Each outlet's spread over its articles: one row per outlet (the ``top`` with most
    articles; the chart says how many more), each article a dot, the outlet's mean a black
    diamond with its 95% interval from resampling its articles (``summary``:
    :func:`newscorpus.units.outlet_summary`), the rows sorted by mean."""
    use_style()
    rows = summary[summary["measure"] == column].dropna(subset=["mean"])
    ranked = rows.sort_values(["articles", "outlet"], ascending=[False, True], kind="stable").head(top)
    ranked = ranked.sort_values(["mean", "outlet"], ascending=[False, True], kind="stable").reset_index(drop=True)
    left_out = len(rows) - len(ranked)
    values = table[["file", column]].merge(articles[["file", "outlet"]], on="file")
    values[column] = pd.to_numeric(values[column], errors="coerce")
    colours = outlet_colours(articles["outlet"], articles["outlet"].value_counts())
    fig, ax = plt.subplots(figsize=(9, 1.7 + _row_height(len(ranked)) * max(len(ranked), 1)))
    rng = np.random.default_rng(20161017)  # the dots' jitter, the same on every build
    for y, row in ranked.iterrows():
        here = values.loc[values["outlet"] == row["outlet"], column].dropna().to_numpy()
        jitter = rng.uniform(-0.22, 0.22, size=len(here))
        ax.scatter(here, y + jitter, s=14, color=colours.get(row["outlet"], GREY), alpha=0.7, linewidths=0)
        if pd.notna(row["low"]):
            ax.plot([row["low"], row["high"]], [y, y], color="black", linewidth=2.2, solid_capstyle="butt")
        ax.plot([row["mean"]], [y], marker="D", markersize=6, color="black")
    labels = [f"{short_outlet(o)} ({count_articles(int(n))})" for o, n in zip(ranked["outlet"], ranked["articles"])]
    _row_labels(ax, labels)
    ax.set_ylim(max(len(ranked), 1) - 0.5, -0.5)
    if percent:
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    note = f"; {left_out:,d} smaller outlets are in the table" if left_out else ""
    ax.set_xlabel(f"{xlabel}\n(dot: an article; diamond: the outlet's mean; bar: its 95% interval from "
                  f"resampling its articles{note})")
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig


# The cleaner's reasons, grouped for the reasons chart: twenty reasons in twenty colours cannot be
# told apart, four groups can. A reason not listed here (a reader's own lexicon category) falls
# under "other".
CLEANING_REASON_GROUPS = {
    "the article's own parts, set aside": ["title", "repeated title", "standfirst", "byline", "date line",
                                           "caption", "signature", "source credit", "summary label", "dateline",
                                           "label"],
    "prompts and notices": ["paywall", "newsletter", "cookie notice", "comments", "copyright", "disclaimer",
                            "advertisement"],
    "site navigation and page furniture": ["navigation", "related links", "tags", "share bar", "site chrome",
                                           "site template", "category", "about us", "contact", "author bio",
                                           "markup", "no words"],
}
OTHER_GROUP = "other"
# Reason groups are not outlets: greys of distinct lightness (and a hatch), never the outlet palette,
# so that colour keeps meaning the outlet everywhere else in the book.
REASON_GROUP_COLOURS = ["#3A3A3A", "#8C8C8C", "#CFCFCF", "#FFFFFF"]
REASON_GROUP_HATCHES = ["", "", "", "///"]
MAX_STACKED_ROWS = 40  # beyond this many articles the chart shows the ones with the largest totals


def group_columns(table: pd.DataFrame, groups: dict[str, list[str]]) -> pd.DataFrame:
    """``table``'s columns summed into ``groups`` (group -> its columns), in the groups' order; a
    column in no group is summed into "other", which appears only when it has one."""
    known = {column: group for group, columns in groups.items() for column in columns}
    grouped = table.T.groupby(lambda c: known.get(c, OTHER_GROUP)).sum().T
    order = [g for g in [*groups, OTHER_GROUP] if g in grouped.columns]
    return grouped.reindex(columns=order) if order else grouped


def stacked_by_article(table: pd.DataFrame, articles: pd.DataFrame, xlabel: str,
                       groups: dict[str, list[str]] | None = None, top: int = MAX_STACKED_ROWS,
                       colours: list[str] | None = None, hatches: list[str] | None = None) -> plt.Figure:
    """Horizontal stacked bars: one bar per article (``table`` indexed by file), one segment per
    column (or per group of columns, ``groups``), in colour-blind-safe colours while there are
    at most eight segments, or in ``colours`` (with ``hatches``) when given: segments that are
    not outlets (the cleaner's reason groups) take colours the outlets never use. With more than ``top`` articles, the ``top - 1`` with the largest
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
    palette = colours or (OKABE_ITO if len(columns) <= len(OKABE_ITO) else plt.get_cmap("tab20").colors)
    fig, ax = plt.subplots(figsize=(9, 1.9 + (0.42 if len(table) <= 12 else 0.3) * len(table)))
    left = pd.Series(0.0, index=range(len(table)))
    for k, column in enumerate(columns):
        values = table[column].to_numpy(dtype=float)
        if colours is None:
            ax.barh(range(len(table)), values, left=left, color=palette[k % len(palette)], label=column)
        else:  # the segment's fill and hatch by its place among the groups, outlined to tell light from white
            place = ([*groups, OTHER_GROUP].index(column) if groups is not None and column in [*groups, OTHER_GROUP]
                     else k)
            ax.barh(range(len(table)), values, left=left, color=palette[place % len(palette)],
                    hatch=(hatches or [""])[place % len(hatches or [""])], edgecolor="#3A3A3A", linewidth=0.5,
                    label=column)
            ax.set_axisbelow(True)  # grid lines behind the dark segments, not across them
        left += values
    _row_labels(ax, labels)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    # above the bars, never over them
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, fontsize=8.5, borderaxespad=0)
    fig.tight_layout()
    return fig


def nothing_found(message: str) -> plt.Figure:
    """A small picture of ``message``. Not for a book page's figure cell: a chart with nothing to
    draw is no figure there (a note in the text instead, ``newscorpus.book.figures``)."""
    fig, ax = plt.subplots(figsize=(8, 0.9))
    ax.axis("off")
    ax.text(0.0, 0.5, message, ha="left", va="center", fontsize=10, wrap=True, transform=ax.transAxes)
    return fig
