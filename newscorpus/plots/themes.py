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
from matplotlib.text import Text
from matplotlib.transforms import Bbox, offset_copy
from wordcloud import WordCloud

from ..corpus import date_interval
from ..measures.themes import THEME_LABELS, THEMES
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


# Marks whose dates lie closer than this share of the time axis would cover each other (a
# 6-point mark spans about 3% of a panel), so they are set side by side, DODGE_POINTS apart.
DODGE_SHARE = 0.035
DODGE_POINTS = 7.0
LEGEND_PER_ARTICLE = 10  # up to this many articles the legend names each one; beyond, each outlet


def dodge_offsets(spans: list[tuple[pd.Timestamp, pd.Timestamp]], axis_days: float,
                  share: float = DODGE_SHARE, step: float = DODGE_POINTS) -> list[float]:
    """Sideways shifts, in points, for marks drawn at the middle of each date span (spans in
    date order). Marks closer than ``share`` of the axis, or whose spans overlap ("June 2014"
    holds "10 June 2014"), form a group and are spread ``step`` points apart around their
    place; a mark alone stays where its date is."""
    middles = [first + (last - first) / 2 for first, last in spans]
    groups: list[list[int]] = []
    for i, (first, _) in enumerate(spans):
        previous = groups[-1][-1] if groups else None
        if previous is not None and ((middles[i] - middles[previous]).days < share * axis_days
                                     or first < spans[previous][1]):
            groups[-1].append(i)
        else:
            groups.append([i])
    offsets = [0.0] * len(spans)
    for group in groups:
        for j, i in enumerate(group):
            offsets[i] = (j - (len(group) - 1) / 2) * step
    return offsets


def themes_over_time(rates: pd.DataFrame, articles: pd.DataFrame, intervals: pd.DataFrame | None = None) -> plt.Figure:
    """One panel per theme: each article's rate per 1,000 words at its publication date. A date
    known to the day is a dot; one known only to the month or year is a bar over that span.
    With ``intervals`` (``rate_intervals_table``), a thin vertical line spans each 95% interval.
    Articles whose dates fall together (two pieces of June 2014) are set a few points apart, so
    neither mark nor interval hides the other; the legend names each article."""
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
    offsets = dodge_offsets(spans, (end - start).days)
    top = float(table[THEMES].to_numpy().max() if intervals is None else intervals["high"].max())
    for ax, theme in zip(axes.flat, THEMES):
        for row, (first, last), offset in zip(table.itertuples(), spans, offsets):
            shifted = offset_copy(ax.transData, fig=fig, x=offset, y=0, units="points")
            value = getattr(row, theme)
            colour = colours[row.outlet]
            if intervals is not None:
                band = intervals[(intervals["file"] == row.file) & (intervals["theme"] == theme)].iloc[0]
                middle = first + (last - first) / 2
                ax.plot([middle, middle], [band["low"], band["high"]], color=colour, linewidth=1, alpha=0.8,
                        transform=shifted)
            if row.date_precision == "day":
                ax.plot([first], [value], "o", color=colour, markersize=6, transform=shifted)
            else:
                ax.plot([first, last], [value, value], color=colour, linewidth=6, solid_capstyle="butt",
                        transform=shifted)
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
                   Line2D([], [], color=colours[row.outlet], linewidth=6, solid_capstyle="butt", label=label)
                   for row, label in zip(table.itertuples(), labels)]
    else:
        handles = [Line2D([], [], color=c, linewidth=4, label=o) for o, c in colours.items()
                   if o in set(table["outlet"])]
    handles += [Line2D([], [], marker="o", linestyle="none", color=GREY, label="date known to the day"),
                Line2D([], [], color=GREY, linewidth=4, label="known only to the month or year (bar = the span)")]
    if intervals is not None:
        handles.append(Line2D([], [], color=GREY, linewidth=1, label="95% interval (paragraph bootstrap)"))
    legend_rows = math.ceil(len(handles) / 3)
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8)
    fig.tight_layout(rect=(0, (0.35 + 0.2 * legend_rows) / fig.get_size_inches()[1], 1, 1))
    return fig


def places_map(places: pd.DataFrame, articles: pd.DataFrame, bbox=MAP_BBOX) -> plt.Figure:
    """One small map per article: each placed city a circle sized by its mentions. A note under
    the maps lists what could not be drawn: places without coordinates (provinces, regions,
    villages missing from GeoNames) and places beyond the map's edges."""
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
        panels.append((ax, here))
    for count in (1, 5, 10):
        axes.flat[0].scatter([], [], s=scale * count, color=GREY, alpha=0.6, label=f"{count}")
    fig.legend(*axes.flat[0].get_legend_handles_labels(), title="mentions", loc="upper right", ncol=3,
               fontsize=7.5, title_fontsize=7.5, borderaxespad=0.2)
    note = textwrap.fill(map_note(places, bbox), width=int(16 * 4.4 * cols), break_on_hyphens=False)
    fig.text(0.01, 0.005, note, fontsize=7.2, ha="left", va="bottom", color="#333333")
    lines = note.count("\n") + 1
    fig.tight_layout(rect=(0, (0.25 + 0.14 * lines) / (3.4 * rows + 1.3), 1, 1 - 0.45 / (3.4 * rows + 1.3)))
    for ax, here in panels:  # after the layout: labels are placed where they will be drawn
        label_places(ax, here, scale)
    return fig


# Where a label may go, in points from its circle's edge, in order of preference: right,
# left, above, below, the diagonals; then the diagonals and verticals farther out, so a circle
# crowded by a bigger one still gets its name. (dx, dy, horizontal and vertical alignment)
LABEL_SPOTS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top")]
LABEL_SPOTS += [(k * dx, k * dy, ha, va) for k in (3, 5) for dx, dy, ha, va in LABEL_SPOTS[2:]]


def label_places(ax: plt.Axes, here: pd.DataFrame, scale: float) -> list[str]:
    """Name every circle on one map, the biggest first, each label at the first spot beside its
    circle that stays inside the map and clear of the labels and circles already there. A
    circle with no free spot gets no label (returned, so a caller can tell)."""
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


def map_note(places: pd.DataFrame, bbox=MAP_BBOX) -> str:
    """The figure's note: every named place the maps do not show, and why."""
    west, east, south, north = bbox
    totals = places.groupby(["place", "kind"], as_index=False, dropna=False).agg(
        count=("count", "sum"), lat=("lat", "first"), lon=("lon", "first"))
    groups = {
        "provinces": totals[totals["kind"] == "province"],
        "regions and mountains": totals[totals["kind"].isin(["region", "feature"])],
        "villages missing from GeoNames": totals[totals["kind"] == "village"],
        "beyond the map": totals[totals["lat"].notna() & ~(totals["lon"].between(west, east)
                                                           & totals["lat"].between(south, north))],
    }
    parts = [f"{name}: " + ", ".join(f"{r.place} ({r.count})" for r in group.sort_values("place").itertuples())
             for name, group in groups.items() if len(group)]
    return "Not on the maps (mentions in brackets) — " + "; ".join(parts) + "."


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
    reader headings, coordinates as text and empty where a place could not be placed."""
    return pd.DataFrame({
        "Article": article_names(mentions["file"], articles), "Place": mentions["place"],
        "Country": mentions["country"], "Mentions": mentions["count"],
        "Latitude": mentions["lat"].map(coordinate), "Longitude": mentions["lon"].map(coordinate),
        "GeoNames id": mentions["geonameid"].map(lambda v: "" if pd.isna(v) else str(v)),
    })


def key_terms_table(key_terms: pd.DataFrame, articles: pd.DataFrame, top: int = 5):
    """Reader table (styled): each article's ``top`` key words with raw counts beside the scores."""
    ordered = by_date(articles)
    names = dict(zip(ordered["file"], article_labels(ordered)))
    rows = key_terms.groupby("file", sort=False).head(top)
    rows = rows.set_index("file").loc[[f for f in ordered["file"] if f in set(rows["file"])]].reset_index()
    table = pd.DataFrame({
        "Article": rows["file"].map(names), "Word": rows["form"], "In the article": rows["count"],
        "In the other articles": rows["rest_count"], "Log ratio": rows["log_ratio"], "G²": rows["g2"],
    })
    from ..overview import reader_style  # words and outlet names are the user's text: escaped

    return reader_style(table, {"Log ratio": "{:.2f}", "G²": "{:.1f}"}).hide(axis="index")


def top_key_words(key_terms: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The most distinctive word of each article, for the prose: "Daesh (Al-Ahed News, ...); ...".
    Words tied on the top log ratio are all named ("targeting, lost and dormant, tied (...)")."""
    ordered = by_date(articles)
    names = dict(zip(ordered["file"], article_labels(ordered)))
    parts = []
    for file in ordered["file"]:
        terms = key_terms[key_terms["file"] == file]
        if terms.empty:
            continue
        top = terms[np.isclose(terms["log_ratio"], terms["log_ratio"].iloc[0])]["form"].tolist()
        words = top[0] if len(top) == 1 else ", ".join(top[:-1]) + " and " + top[-1] + ", tied"
        parts.append(f"{words} ({names[file]})")
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
