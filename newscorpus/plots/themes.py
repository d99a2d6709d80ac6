"""Charts for the themes chapter: the most frequent words, keyness, the theme dot table, the map
of places and the dispersion plot. Every chart lays out for 1 to 1,000 articles: beyond a few
dozen, panels and rows pool the articles by outlet or keep the top ones."""

from __future__ import annotations

import math
import re
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from .. import units
from ..measures.themes import CONFLICT_RATE, DICTIONARY, THEME_LABELS, THEMES, conflict_share  # noqa: F401 (conflict_share: re-exported)
from ..overview import reader_style, times
from ..prose import count_noun, english_list, tied_list
from . import (GREY, OKABE_ITO, article_labels, article_names, outlet_colours, panel_title, short_outlet, use_style,
               wrap_label)
from .basemap import draw_basemap

TOP_WORDS = 12
MAX_PANELS = 12  # beyond this many articles, a chart with a panel per article pools them by outlet (or keeps the top)
MAX_ROWS = 40  # beyond this many articles, the theme dot table has a row per outlet
MAP_BBOX = (35.0, 52.5, 29.0, 38.6)  # west, east, south, north: Syria, Iraq and Tehran
MAX_MAP_PANELS = 6  # up to this many articles (or else outlets), one small map each; beyond, one map
MAX_MAP_LABELS = 25  # a map names at most this many places, the most mentioned first
WORLD = (-180.0, 180.0, -58.0, 84.0)


def colours_for(articles: pd.DataFrame) -> dict[str, str]:
    """``outlet_colours`` with the outlets that have the most articles keeping a colour."""
    return outlet_colours(articles["outlet"], articles["outlet"].value_counts())


PROSE_LIMIT = 300  # characters: a generated list stops before this and says how many more


def fitted(parts: list[str], limit: int = PROSE_LIMIT) -> tuple[list[str], int]:
    """The first of ``parts`` that fit in ``limit`` characters (at least one), and how many are
    left out: so a sentence listing them stays readable for any corpus."""
    shown, length = [], 0
    for part in parts:
        if shown and length + len(part) + 2 > limit:
            break
        shown.append(part)
        length += len(part) + 2
    return shown, len(parts) - len(shown)


def unit_of(articles: pd.DataFrame, unit: str | None) -> str:
    return units.comparison_unit(articles) if unit is None else unit


def outlet_label(outlet: str, n: int) -> str:
    """An outlet as a row or panel label: "Politico (6 articles)"."""
    return f"{short_outlet(outlet)} ({count_noun(n, 'article')})"


def outlets_as_units(articles: pd.DataFrame) -> pd.DataFrame:
    """The outlets as the chapter's units, in the shape of ``articles``: ``file`` is the outlet
    (the key of a table pooled by outlet), ``date_label`` its number of articles, ``published``
    its median date; so every chart and table that names articles names outlets instead."""
    sizes = units.articles_per_outlet(articles)
    when = pd.to_datetime(articles["published"]).groupby(articles["outlet"]).median()
    return pd.DataFrame({"file": list(sizes.index), "outlet": list(sizes.index),
                         "published": [when[o].date() for o in sizes.index],
                         "date_label": [count_noun(int(n), "article") for n in sizes],
                         "date_precision": "day"})


def own_writing(articles: pd.DataFrame, wire: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """The articles the chapter's comparisons read. Comparing outlets (``unit``, by default
    ``units.comparison_unit``): every article but wire copy (``wire``:
    ``republication.wire_copy``'s table, ``file`` and ``wire``), an agency's story under the
    outlet's name, which says how the agency writes, not the outlet (the other chapters and the
    conclusions leave it out too). Comparing articles: every article (wire copy is one article
    among the others, and the chapter names it)."""
    if unit_of(articles, unit) == units.ARTICLE or wire is None or wire.empty:
        return articles
    flagged = set(wire.loc[wire["wire"].astype(bool), "file"])
    return articles[~articles["file"].isin(flagged)].reset_index(drop=True)


def wire_left_out(articles: pd.DataFrame, own: pd.DataFrame, unit: str | None = None) -> str:
    """One sentence for the page: how many articles the outlet comparisons leave out as wire copy
    (``own_writing``), and where they are kept; "" when nothing is left out (comparing articles,
    or no wire copy)."""
    left = len(articles) - len(own)
    if unit_of(articles, unit) == units.ARTICLE or left <= 0:
        return ""
    gone = sorted(set(articles["outlet"]) - set(own["outlet"]))
    alone = (f" {english_list(gone)} {'publishes' if len(gone) == 1 else 'publish'} only wire copy here, so "
             f"{'it is' if len(gone) == 1 else 'they are'} not compared." if 0 < len(gone) <= 3 else
             f" {count_noun(len(gone), 'outlet')} publish only wire copy here, so they are not compared." if gone else "")
    they = "it" if left == 1 else "them"
    return (f"{left:,d} of the {len(articles):,d} articles {'is' if left == 1 else 'are'} wire copy by "
            f"{'its' if left == 1 else 'their'} credits (an agency's story under an outlet's name, which says how the "
            f"agency writes), so this chapter's comparisons of outlets (the frequent words, the key words of both "
            f"methods, the themes and the dispersion lanes) leave {they} out, as the other chapters do; the "
            f"per-article tables, the map and the downloads keep {they}.{alone}")


def grid(n: int, ncols: int) -> tuple[int, int]:
    """Rows and columns for ``n`` panels, never more columns than panels."""
    cols = max(1, min(ncols, n))
    return math.ceil(n / cols), cols


def by_date(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles in publication order (file as the tie-break), as the charts show them."""
    return articles.sort_values(["published", "file"], ignore_index=True)


def top_frequencies(term_counts: pd.DataFrame, file: str, n: int = TOP_WORDS) -> dict[str, int]:
    """The ``n`` most frequent content words of one article, by written form (ties by form)."""
    rows = term_counts[term_counts["file"] == file].sort_values(["count", "form"], ascending=[False, True])
    return dict(zip(rows["form"].head(n), rows["count"].head(n)))


def panels_for(articles: pd.DataFrame, top: int = MAX_PANELS, unit: str | None = None) -> list[tuple[str, list[str], str]]:
    """What a chart with a panel per article draws: ``(label, files, outlet)`` per panel, one
    article each in date order; when the chapter compares outlets (``unit``, by default
    ``units.comparison_unit``) or there are more than ``top`` articles, one panel per outlet (its
    articles pooled), the ``top`` outlets with the most articles."""
    ordered = by_date(articles)
    if len(ordered) <= top and unit_of(articles, unit) == units.ARTICLE:
        return [(label, [f], o) for label, f, o in zip(article_labels(ordered), ordered["file"], ordered["outlet"])]
    sizes = ordered.groupby("outlet")["file"].agg(list)
    outlets = sorted(sizes.index, key=lambda o: (-len(sizes[o]), o))[:top]
    return [(outlet_label(o, len(sizes[o])), sizes[o], o) for o in outlets]


def with_forms(term_counts: pd.DataFrame, forms: dict[str, str] | None) -> pd.DataFrame:
    """``term_counts`` with each term's ``form`` the corpus-wide one (``keyness.display_forms``), so
    a word has one written form in every panel and table; unchanged without ``forms``."""
    if not forms or term_counts.empty:
        return term_counts
    return term_counts.assign(form=[forms.get(t, f) for t, f in zip(term_counts["term"], term_counts["form"])])


def frequent_words(term_counts: pd.DataFrame, articles: pd.DataFrame, n: int = TOP_WORDS,
                   unit: str | None = None, forms: dict[str, str] | None = None) -> plt.Figure:
    """Bars of each article's ``n`` most frequent content words, with the counts (small multiples;
    pooled by outlet when the chapter compares outlets or beyond ``MAX_PANELS`` articles). No word
    cloud: a cloud of the same counts says nothing the bars do not, and says it less exactly.
    ``forms``: each term's corpus-wide written form (``keyness.display_forms``)."""
    use_style()
    term_counts = with_forms(term_counts, forms)
    panels = panels_for(articles, unit=unit)
    colours = colours_for(articles)
    rows, cols = grid(len(panels), 3)
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 0.6 + 0.19 * n * rows + 0.55 * rows), squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for ax, (label, files, outlet) in zip(axes.flat, panels):
        pooled = term_counts[term_counts["file"].isin(files)].groupby(["term", "form"], as_index=False)["count"].sum()
        pooled["file"] = "pooled"
        frequencies = top_frequencies(pooled, "pooled", n)
        words = list(frequencies)[::-1]
        ax.set_visible(True)
        ax.barh(words, [frequencies[w] for w in words], color=colours[outlet], height=0.7)
        for y, w in enumerate(words):
            ax.text(frequencies[w], y, f" {frequencies[w]}", va="center", fontsize=7, color=GREY)
        ax.set_xlim(0, max(frequencies.values(), default=1) * 1.2)
        ax.set_ylim(-0.6, n - 0.4)
        ax.tick_params(axis="y", labelsize=7.5, length=0)
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="y", visible=False)
        ax.set_title(panel_title(label, 30), loc="left", fontsize=9)
    fig.supxlabel("occurrences", fontsize=8)
    fig.tight_layout()
    return fig


def keyness_chart(key_terms: pd.DataFrame, articles: pd.DataFrame) -> plt.Figure:
    """Each article's key words, ranked by the lower bound of the log ratio: a dot at the log ratio,
    a line over its 95% interval, the raw counts (article | the rest) and G² in a column at the
    right. Beyond ``MAX_PANELS`` articles, the ``MAX_PANELS`` whose top word has the highest bound."""
    use_style()
    ordered = by_date(articles)
    colours = colours_for(ordered)
    shown = ordered
    if len(ordered) > MAX_PANELS:
        best = key_terms.groupby("file")["ci_low"].max().sort_values(ascending=False, kind="stable")
        shown = ordered[ordered["file"].isin(best.index[:MAX_PANELS])]
    labels = article_names(shown["file"], articles)
    rows, cols = grid(len(shown), 2)
    most = max(1, int(key_terms.groupby("file").size().max()) if len(key_terms) else 1)
    xmax = float(key_terms["ci_high"].max()) if len(key_terms) else 1.0
    xmin = min(0.0, float(key_terms["ci_low"].min()) if len(key_terms) else 0.0)
    fig, axes = plt.subplots(rows, cols, figsize=(4.6 * cols, 0.9 + 0.26 * most * rows + 0.55 * rows),
                             squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for i, (row, label) in enumerate(zip(shown.itertuples(), labels)):
        ax = axes[i // cols, i % cols]
        ax.set_visible(True)
        terms = key_terms[key_terms["file"] == row.file]  # ranked: the first at the top
        ys = np.arange(len(terms))
        colour = colours[row.outlet]
        ax.hlines(ys, terms["ci_low"], terms["ci_high"], color=colour, linewidth=1.4)
        ax.plot(terms["log_ratio"], ys, "o", color=colour, markersize=4.5)
        ax.plot(terms["ci_low"], ys, "|", color="black", markersize=7)  # the bound that ranks
        ax.set_yticks(ys, terms["term"], fontsize=7.5)
        for y, t in zip(ys, terms.itertuples()):
            ax.text(1.01, y, f"{t.count} | {t.rest_count}  G² {t.g2:.0f}", va="center", fontsize=7.5, color=GREY,
                    transform=ax.get_yaxis_transform(), clip_on=False)
        ax.axvline(0, color=GREY, linewidth=0.6)
        ax.set_xlim(xmin, xmax * 1.05)
        ax.set_ylim(most - 0.4, -0.6)
        ax.set_title(panel_title(label), loc="left", fontsize=9.5)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=7)
        ax.tick_params(axis="y", length=0)
        if not terms.size:
            ax.text(0.5, 0.5, "no word passes the filters", transform=ax.transAxes, ha="center", color=GREY)
        if i // cols == rows - 1 or i + cols >= len(shown):
            ax.set_xlabel("log ratio (log2), 95% interval; | lower bound", fontsize=7.5)
    fig.tight_layout(w_pad=7.0)
    return fig


def dot_rows(intervals: pd.DataFrame, articles: pd.DataFrame, top: int = MAX_ROWS,
             unit: str | None = None) -> pd.DataFrame:
    """The rows of the theme dot table: ``row`` (label), ``outlet``, ``theme``, ``rate``, ``low``,
    ``high``, ``articles``. Comparing articles (``unit``, by default ``units.comparison_unit``):
    one row per article in date order, the rate and its interval; beyond ``top`` articles, the
    ``top`` with the highest rate over all themes. Comparing outlets: one row per outlet (the
    ``top`` with most articles, most first), the mean of its articles' rates and the 95% interval
    of that mean from resampling its articles (``units.outlet_summary``; none below
    ``units.MIN_ARTICLES_FOR_INTERVAL`` articles)."""
    ordered = by_date(articles)
    columns = ["row", "outlet", "theme", "rate", "low", "high", "articles"]
    if unit_of(articles, unit) == units.ARTICLE:
        table = intervals.merge(ordered[["file", "outlet"]], on="file")
        if len(ordered) > top:
            totals = table.groupby("file")["rate"].sum()
            order = {f: i for i, f in enumerate(ordered["file"])}
            keep = sorted(totals.index, key=lambda f: (-totals[f], order[f]))[:top]
            ordered = ordered[ordered["file"].isin(keep)]
            table = table[table["file"].isin(keep)]
        labels = dict(zip(ordered["file"], article_names(ordered["file"], articles)))
        order = {f: i for i, f in enumerate(ordered["file"])}
        table = table.assign(row=table["file"].map(labels), order=table["file"].map(order), articles=1)
        return table.sort_values(["order", "theme"], kind="stable")[columns]
    wide = intervals.pivot(index="file", columns="theme", values="rate").reset_index()
    summary = units.outlet_summary(wide, articles, [t for t in THEMES if t in wide.columns])
    sizes = units.articles_per_outlet(articles)
    keep = list(sizes.index[:top])
    out = summary[summary["outlet"].isin(keep)].rename(columns={"measure": "theme", "mean": "rate"})
    out["row"] = [outlet_label(o, int(sizes[o])) for o in out["outlet"]]
    out["order"] = out["outlet"].map({o: i for i, o in enumerate(keep)})
    return out.sort_values(["order", "theme"], kind="stable")[columns]


def dot_table_rows(articles: pd.DataFrame, unit: str | None = None) -> str:
    """What one row of the theme dot table is, for its key and caption."""
    n = len(articles)
    if unit_of(articles, unit) == units.OUTLET:
        outlets = articles["outlet"].nunique()
        which = "" if outlets <= MAX_ROWS else f" (the {MAX_ROWS} with most articles, of {outlets:,d})"
        return f"one row per outlet{which}"
    if n > MAX_ROWS:
        return f"one row per article: the {MAX_ROWS} with the highest rate over all themes, of {n:,d}"
    return "one row per article"


def themes_dot_table(intervals: pd.DataFrame, articles: pd.DataFrame, shared: pd.DataFrame | None = None,
                     themes: list[str] | None = None, unit: str | None = None) -> plt.Figure:
    """Themes at a glance: one small panel per theme, one row per article in date order (or per
    outlet, ``dot_rows``), a dot at the rate per 1,000 words and a line over its 95% interval; an
    outlet's row also shows each of its articles as a small pale dot. With ``shared``
    (``shared_term_intervals``), an open ring marks the rate without the terms found in one
    article only: where dot and ring lie apart, the rate rests on one text's own words. The key
    is a line of text above the panels, never over them."""
    use_style()
    unit = unit_of(articles, unit)
    themes = list(themes or THEMES)
    rows = dot_rows(intervals, articles, unit=unit)
    labels = list(dict.fromkeys(rows["row"]))
    colours = colours_for(articles)
    shared_rows = dot_rows(shared, articles, unit=unit) if shared is not None else None
    ncols = min(len(themes), 5)
    nrows = math.ceil(len(themes) / ncols)
    height = 0.9 + 0.24 * len(labels)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.0 * ncols + 2.6, height * nrows + 0.5), sharex=True,
                             squeeze=False)
    spread = None
    if unit == units.OUTLET:  # every article's rate, drawn pale on its outlet's row
        by_outlet = dict(zip(rows["outlet"], rows["row"]))
        spread = intervals.merge(articles[["file", "outlet"]], on="file")
        spread = spread[spread["outlet"].isin(by_outlet)].assign(row=lambda t: t["outlet"].map(by_outlet))
    top = float(max(np.nanmax(rows[["rate", "high"]].to_numpy(dtype=float), initial=0.0), 1.0))
    if spread is not None and len(spread):
        top = max(top, float(spread["rate"].max()))
    ys = {label: i for i, label in enumerate(labels)}
    for k, ax in enumerate(axes.flat):
        if k >= len(themes):
            ax.set_visible(False)
            continue
        theme = themes[k]
        here = rows[rows["theme"] == theme]
        y = here["row"].map(ys)
        if spread is not None:
            pale = spread[spread["theme"] == theme]
            ax.scatter(pale["rate"], pale["row"].map(ys), s=7, color=[colours[o] for o in pale["outlet"]],
                       alpha=0.35, linewidths=0, zorder=2)
        for (_, r), yy in zip(here.iterrows(), y):
            if pd.notna(r["low"]) and pd.notna(r["high"]):
                ax.hlines(yy, r["low"], r["high"], color=colours[r["outlet"]], linewidth=1.3 if unit == units.ARTICLE else 2.2,
                          alpha=0.8)
        ax.scatter(here["rate"], y, s=22 if unit == units.ARTICLE else 30, color=[colours[o] for o in here["outlet"]],
                   edgecolors="black" if unit == units.OUTLET else "face", linewidths=0.5, zorder=3)
        if shared_rows is not None:
            mine = shared_rows[shared_rows["theme"] == theme]
            ax.scatter(mine["rate"], mine["row"].map(ys), s=46, facecolors="none", edgecolors="black",
                       linewidths=0.8, zorder=4)
        ax.set_title(textwrap.fill(THEME_LABELS.get(theme, theme), 20), loc="left", fontsize=9)
        ax.set_xlim(-0.03 * top, top * 1.05)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.set_yticks(range(len(labels)), labels if k % ncols == 0 else [], fontsize=8)
        ax.tick_params(axis="y", length=0)
        ax.tick_params(axis="x", labelsize=7.5)
        ax.grid(axis="y", visible=False)
    what = dot_table_rows(articles, unit)
    if unit == units.OUTLET:
        key = (f"{what}: dot, the mean of its articles' rates; line, its 95% interval from resampling the "
               f"articles (none below {units.MIN_ARTICLES_FOR_INTERVAL} articles); pale dots, the articles")
        if shared_rows is not None:
            key += "; ring: the mean without terms found in one article only"
    else:
        key = f"{what}; dot: rate per 1,000 words; line: 95% interval"
        if shared_rows is not None:
            key += "; ring: the rate without terms found in one article only"
    fig.supxlabel("matches per 1,000 words", fontsize=8.5)
    inches = fig.get_size_inches()
    key = textwrap.fill(key, width=int(inches[0] * 15))
    lines = key.count("\n") + 1
    fig.tight_layout(rect=(0, 0, 1, 1 - (0.2 + 0.15 * lines) / inches[1]))
    fig.text(0.01, 1 - 0.08 / inches[1], key, ha="left", va="top", fontsize=8, color="#333333")
    return fig


# The frame holds 90% of the mentions, by longitude and by latitude, in the shortest span that
# does: a corpus about one country whose articles also name places abroad (a US election with Paris,
# Benghazi and Beijing) gets a map of that country, the places abroad listed in the note, not an
# ocean between them.
FRAME_SHARE = 0.9
FRAME_REACH = 15.0  # degrees: places this near the densest span are kept in the frame


def densest_span(values: np.ndarray, share: float = FRAME_SHARE) -> tuple[float, float]:
    """The shortest interval holding ``share`` of ``values`` (the first such, from the west or
    south, where several are equally short), widened to the values that lie near it (within a
    third of its width, and at least ``FRAME_REACH`` degrees): the edges of the country the corpus
    is about (Miami, Seattle; Chicago beside New York) stay on the map, places an ocean away do not."""
    ordered = np.sort(values)
    k = max(1, math.ceil(share * len(ordered)))
    widths = ordered[k - 1:] - ordered[:len(ordered) - k + 1]
    i = int(np.argmin(widths))
    low, high = ordered[i], ordered[i + k - 1]
    reach = max((high - low) / 3, FRAME_REACH)
    return float(ordered[ordered >= low - reach][0]), float(ordered[ordered <= high + reach][-1])


def map_bbox(places: pd.DataFrame, default=MAP_BBOX) -> tuple[float, float, float, float]:
    """The region the map shows (west, east, south, north), following the places the corpus
    names: ``default`` (Syria, Iraq and Tehran) where it holds at least 90% of the mentions that
    can be drawn, as for the original five; otherwise a frame around the densest 90% of the
    mentions by longitude and by latitude, padded, at least 12 degrees wide and 8 tall, and
    widened to a map's usual shape; the whole world when the places span most of it. Places
    outside the frame are listed in the note."""
    placed = places[places["count"] > 0].dropna(subset=["lat", "lon"])
    if placed.empty:
        return default
    west, east, south, north = default
    inside = placed["lon"].between(west, east) & placed["lat"].between(south, north)
    if placed.loc[inside, "count"].sum() >= 0.9 * placed["count"].sum():
        return default
    weights = placed.groupby(["lon", "lat"], as_index=False)["count"].sum()
    lons, lats = (np.repeat(weights[c].to_numpy(dtype=float), weights["count"].to_numpy()) for c in ("lon", "lat"))
    (w, e), (s, n) = densest_span(lons), densest_span(lats)
    half_width = max((e - w) / 2 * 1.15 + 1.5, 6.0)
    half_height = max((n - s) / 2 * 1.15 + 1.5, 4.0)
    mid_lon, mid_lat = (w + e) / 2, (s + n) / 2
    # a map about twice as wide as tall (on the page), never a tall strip or a thin band
    squeeze = math.cos(math.radians(min(abs(mid_lat), 70.0)))
    half_width = max(half_width, 1.1 * half_height / squeeze)
    half_height = max(half_height, half_width * squeeze / 2.2)
    if half_width > 100 or half_height > 55:
        return WORLD
    west, east = mid_lon - half_width, mid_lon + half_width
    if west < -180:
        west, east = -180.0, min(-180.0 + 2 * half_width, 180.0)
    if east > 180:
        west, east = max(180.0 - 2 * half_width, -180.0), 180.0
    south, north = mid_lat - half_height, mid_lat + half_height
    if south < WORLD[2]:
        south, north = WORLD[2], min(WORLD[2] + 2 * half_height, WORLD[3])
    if north > WORLD[3]:
        south, north = max(WORLD[3] - 2 * half_height, WORLD[2]), WORLD[3]
    return (float(west), float(east), float(south), float(north))


def map_resolution(bbox) -> str:
    """The GSHHG resolution for a frame: intermediate for a region, coarser for a continent or the
    world (as fine as the drawing can show, and fast)."""
    width = bbox[1] - bbox[0]
    return "i" if width <= 30 else "l" if width <= 90 else "c"


def map_panels(places: pd.DataFrame, articles: pd.DataFrame) -> list[tuple[str, list[str], str]]:
    """The maps to draw, ``(title, files, colour)``: one per article (date order) up to
    ``MAX_MAP_PANELS`` articles; else one per outlet, its articles pooled, up to
    ``MAX_MAP_PANELS`` outlets; else one map of every article, in one colour."""
    ordered = by_date(articles)
    colours = colours_for(ordered)
    if len(ordered) <= MAX_MAP_PANELS:
        return [(label, [f], colours[o]) for label, f, o in zip(article_labels(ordered), ordered["file"], ordered["outlet"])]
    sizes = units.articles_per_outlet(ordered)
    if len(sizes) <= MAX_MAP_PANELS:
        return [(outlet_label(o, int(n)), list(ordered.loc[ordered["outlet"] == o, "file"]), colours[o])
                for o, n in sizes.items()]
    return [(f"All {len(ordered):,d} articles ({len(sizes):,d} outlets)", list(ordered["file"]), OKABE_ITO[0])]


def legend_sizes(most: int) -> list[int]:
    """Mentions shown in the map's size key: 1, 5 and 10, or for larger counts 1, a round number
    near the middle and a round number near the largest."""
    if most <= 10:
        return [1, 5, 10]
    rounds = [r for r in (20, 50, 100, 200, 500, 1000, 2000, 5000, 10000) if r <= most] or [10]
    middle = [r for r in (5, 10, 20, 50, 100, 200, 500, 1000) if r <= rounds[-1] / 3] or [5]
    return [1, middle[-1], rounds[-1]]


def legend_spacing(biggest: float, fontsize: float) -> dict:
    """A legend's handle box for markers up to ``biggest`` (points², as ``scatter``'s ``s``), in
    font sizes: as tall and as wide as the biggest marker and a little more, so no marker reaches
    into the legend's title, its label or the next marker, whatever the largest size shown."""
    across = (math.sqrt(biggest) + 4.0) / fontsize  # the marker's diameter and 2 points each side
    # matplotlib's handle box (``Legend._init_legend_box``): ``handleheight`` font sizes less a
    # descent of 0.35 * (handleheight - 0.7) font sizes, which also lies below the text's baseline;
    # a scatter marker sits ``scatteryoffsets`` times that height above the baseline. The box is
    # made as tall as the marker and its margin, and the marker put at its middle.
    tall = max(0.7, (across - 0.245) / 0.65)
    descent = 0.35 * (tall - 0.7)
    height = tall - descent
    middle = (height - 2 * descent) / 2  # (top + bottom) / 2, the top at height - descent, the bottom at -descent
    return {"handleheight": tall, "handlelength": max(2.0, across), "handletextpad": 0.5,
            "columnspacing": 1.2, "scatteryoffsets": [middle / height]}


def places_map(places: pd.DataFrame, articles: pd.DataFrame, bbox=None) -> plt.Figure | None:
    """The places the articles name, on maps of the region ``map_bbox`` picks unless ``bbox`` is
    given (``map_panels``: one per article for a few articles, per outlet for a few outlets, else
    one map of all): each placed city a circle sized by its mentions as a place (a US state a
    lighter square at the centre of its area, named in italics, with the states' borders), named beside it
    where there is room, the ``MAX_MAP_LABELS`` most mentioned first (a circle overlapping a
    bigger one is drawn on top, with a dark edge, and named farther out with a line to it). A note
    under the maps lists what is not drawn: places without coordinates (provinces, regions, and
    towns and villages not in the offline GeoNames extract), places beyond the map's edges, and
    capitals the text uses for their governments (counted as actors); then any circle that found
    no room for its name. None when no mention has coordinates (there is nothing to draw)."""
    use_style()
    placed = places[places["count"] > 0].dropna(subset=["lat", "lon"])  # mentions read as places only
    if placed.empty:
        return None
    bbox = map_bbox(places) if bbox is None else tuple(bbox)
    west, east, south, north = bbox
    panels_spec = map_panels(places, articles)
    inside = placed[placed["lon"].between(west, east) & placed["lat"].between(south, north)]
    inside = inside.assign(kind=inside["kind"].fillna("city") if "kind" in inside else "city")
    # each circle is named as its map's articles write the place (``places.spelled``: "Horgos", not
    # GeoNames' "Qarasu"); the place itself (name, kind, coordinates) stays the key
    pooled = [with_spelling(inside[inside["file"].isin(files)])
              .groupby(["place", "lon", "lat", "kind", "shown"], as_index=False)["count"].sum()
              .sort_values(["count", "place"], ascending=[False, True], ignore_index=True)
              for _, files, _ in panels_spec]
    any_state = any((h["kind"] == "state").any() for h in pooled)
    most = max([int(h["count"].max()) for h in pooled if len(h)], default=1)
    scale = min(28.0, 1400.0 / most)  # points² per mention: circle area is proportional to the count
    if len(panels_spec) == 1:
        ratio = (east - west) * math.cos(math.radians((south + north) / 2)) / (north - south)
        panel_w, panel_h = 9.0, min(max(9.0 / max(ratio, 0.5), 3.5), 7.0)
        rows, cols = 1, 1
    else:
        panel_w, panel_h = 4.4, 3.4
        rows, cols = grid(len(panels_spec), 2)
    fig, axes = plt.subplots(rows, cols, figsize=(panel_w * cols, panel_h * rows + 1.3), squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    resolution = map_resolution(bbox)
    panels = []
    for i, ((title, files, colour), here) in enumerate(zip(panels_spec, pooled)):
        ax = axes[i // cols, i % cols]
        ax.set_visible(True)
        try:
            draw_basemap(ax, bbox, resolution, rivers=(east - west) <= 60, states=any_state)
        except (ImportError, OSError):  # no coast data: the places on plain longitude and latitude
            ax.set_xlim(west, east)
            ax.set_ylim(south, north)
            ax.set_xlabel("longitude", fontsize=7)
            ax.set_ylabel("latitude", fontsize=7)
        inner = overlapped(here, ax, scale)
        state = is_state(here)
        # a city is a filled circle; a US state an open square at the centre of its area, under the
        # cities (a state's square may be large: the cities in it stay visible)
        drawn = here[state]
        ax.scatter(drawn["lon"], drawn["lat"], s=scale * drawn["count"], marker="s", facecolor="none",
                   edgecolor=colour, linewidth=1.1, alpha=0.9, zorder=2.8)
        for on_top, edge, z in ((False, "white", 3), (True, "#222222", 3.5)):
            drawn = here[(inner == on_top) & ~state]
            ax.scatter(drawn["lon"], drawn["lat"], s=scale * drawn["count"], color=colour,
                       alpha=0.75 if not on_top else 0.95, edgecolor=edge, linewidth=0.6, zorder=z)
        ax.set_title(panel_title(title, 60 if cols == 1 else 34), loc="left", fontsize=9.5)
        panels.append((ax, here, set(ax.texts), title))
    for count in legend_sizes(most):
        axes.flat[0].scatter([], [], s=scale * count, color=GREY, alpha=0.6, label=f"{count:,d}")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    title = "mentions"
    if any_state:  # the shapes: a city is a circle, a state a square at the centre of its area
        size = scale * legend_sizes(most)[1]
        handles += [axes.flat[0].scatter([], [], s=size, color=GREY, alpha=0.6),
                    axes.flat[0].scatter([], [], s=size, marker="s", facecolor="none", edgecolor=GREY, linewidth=1.1)]
        labels += ["city", "US state (at its centre)"]
        title = "mentions; shape: city or state"
    legend = fig.legend(handles, labels, title=title, loc="upper right", ncol=len(handles), fontsize=7.5,
                        title_fontsize=7.5, borderaxespad=0.2, **legend_spacing(scale * max(legend_sizes(most)), 7.5))
    note_text = fig.text(0.01, 0.005, "", fontsize=7.2, ha="left", va="bottom", color="#333333")
    # a map of one article names every circle it can; a pooled map the most mentioned only
    label_cap = None if len(articles) <= MAX_MAP_PANELS else MAX_MAP_LABELS
    sizes = [len(here) for _, here, _, _ in panels]
    capped = label_cap is not None and any(n > label_cap for n in sizes)
    titled = len(panels) > 1 or len(articles) <= MAX_MAP_PANELS
    # Labels are placed after the layout, where they will be drawn; a circle left without one is
    # named in the note, which can lengthen the note and so change the layout: repeat until the
    # note lists exactly the circles left unnamed (twice is the usual case).
    unnamed: list[tuple[str, str]] = []
    for _ in range(4):
        note = map_note(places, bbox, [] if capped else unnamed, titled=titled)
        if capped:
            note += (" " if note else "") + labels_note(sizes, label_cap, unnamed, titled)
        note = textwrap.fill(note, width=int(16 * panel_w * cols), break_on_hyphens=False)
        note_text.set_text(note)
        lines = note.count("\n") + 1
        height = panel_h * rows + 1.3
        # the maps start below the legend, however tall its biggest circle makes it
        top = max(0.45, legend.get_window_extent(fig.canvas.get_renderer()).height / fig.dpi + 0.1)
        fig.tight_layout(rect=(0, (0.25 + 0.14 * lines) / height, 1, 1 - top / height))
        found = []
        for ax, here, base_words, title in panels:
            for text in [t for t in ax.texts if t not in base_words]:
                text.remove()
            found += [(place, title) for place in label_places(ax, here.head(label_cap), scale)]
        if found == unnamed:
            break
        unnamed = found
    return fig


# Where a label may go, in order of preference: right, left, above, below, the diagonals; then
# the diagonals and verticals farther out (rings 3 and 5), so a circle crowded by a bigger one
# still gets its name. (dx, dy, horizontal and vertical alignment): the direction times the ring.
LABEL_SPOTS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top")]
LABEL_SPOTS += [(k * dx, k * dy, ha, va) for k in (3, 5) for dx, dy, ha, va in LABEL_SPOTS[2:]]
# A label of ring k sits k times (radius + 4 points) out, but never more than this many points
# beyond its circle's edge: a big circle's label would otherwise land far across a crowded map,
# at the end of a long leader line.
LABEL_RING_REACH = {3: 18.0, 5: 32.0}
# A leader line is at most this long, in points, from its circle's (or square's) edge to its label: a
# circle with no free spot within it is left unnamed (and listed in the note) rather than named from
# across the map.
MAX_LEADER = 36.0  # half an inch: the outer ring beside a circle, not its diagonals


def leader_length(spot: tuple, radius: float) -> float:
    """How far (points) a label at ``spot`` sits beyond the edge of its marker of ``radius`` points:
    the visible length of its leader line (0 for a label beside its circle, which has none)."""
    if abs(spot[0]) + abs(spot[1]) <= 1 or spot_ring(spot) == 0:
        return 0.0
    return max(0.0, math.hypot(*label_offset(spot, radius)) - radius)


def spot_ring(spot: tuple) -> int:
    """The ring of a label spot: 0 at the centre (a state's name), 1 beside the circle, 3 or 5 farther out."""
    return max(abs(spot[0]), abs(spot[1]))


def label_offset(spot: tuple, radius: float) -> tuple[float, float]:
    """Where a label at ``spot`` sits, in points from its circle's centre (``radius`` in points):
    2 points off the edge for the four first spots, 4 for the diagonals beside it, and for the
    outer rings k times that, capped at ``LABEL_RING_REACH`` beyond the edge."""
    dx, dy = spot[0], spot[1]
    ring = spot_ring(spot)
    if ring == 0:  # a state's name at its centre
        return 0.0, 0.0
    gap = radius + (2.0 if abs(dx) + abs(dy) <= 1 else 4.0)
    if ring > 1:
        gap = min(ring * gap, radius + LABEL_RING_REACH[ring]) / ring
    return dx * gap, dy * gap


def circle_geometry(ax: plt.Axes, here: pd.DataFrame, scale: float) -> tuple[np.ndarray, list[float]]:
    """Each circle's centre and radius in display units (pixels)."""
    points = ax.figure.dpi / 72
    centres = ax.transData.transform(here[["lon", "lat"]].to_numpy(dtype=float)) if len(here) else np.empty((0, 2))
    return centres, [math.sqrt(scale * n) / 2 * points for n in here["count"]]


def is_state(here: pd.DataFrame) -> np.ndarray:
    """Which rows of a map's places are US states (open squares), not cities (circles)."""
    return (here["kind"] == "state").to_numpy() if "kind" in here else np.zeros(len(here), dtype=bool)


def overlapped(here: pd.DataFrame, ax: plt.Axes, scale: float) -> np.ndarray:
    """For each circle: does it overlap a bigger (or equal, earlier) circle? Such a circle, like
    Al-Hamdaniya's beside Mosul's, is drawn on top and labelled away from the bigger one. A city
    and a state's open square do not hide each other: only markers of one kind are compared."""
    centres, radii = circle_geometry(ax, here, scale)
    state = is_state(here)
    return np.array([any(j < i and state[j] == state[i] and math.dist(centres[i], centres[j]) < radii[i] + radii[j]
                         for j in range(len(radii))) for i in range(len(radii))], dtype=bool)


LABEL_SPACE = 2.0  # points kept clear between two labels
STATE_LABEL = (0, 0, "center", "center")  # a state is named first at its centre, inside its square


def label_spots(i: int, centres, radii, same=None) -> list[tuple]:
    """Where circle ``i``'s label may go, in order: ``LABEL_SPOTS``; but a circle that overlaps
    a bigger one (of its own kind: ``same[j]`` where given) takes only the spots with a leader
    line, farther out, pointing away from the circles it overlaps (the nearest first), so its
    name never sits on the bigger circle."""
    near = [j for j in range(i) if (same is None or same[j]) and math.dist(centres[i], centres[j]) < radii[i] + radii[j]]
    if not near:
        return LABEL_SPOTS
    away = np.sum([np.subtract(centres[i], centres[j]) / max(math.dist(centres[i], centres[j]), 1e-9)
                   for j in near], axis=0)
    far = [spot for spot in LABEL_SPOTS if abs(spot[0]) + abs(spot[1]) > 1]  # the ones with a leader line
    # the nearest ring first (short leader lines), and in it the direction most away from the circles overlapped
    return sorted(far, key=lambda spot: (spot_ring(spot),
                                         -float(np.dot(np.array(spot[:2], dtype=float) / math.hypot(*spot[:2]), away))))


def label_places(ax: plt.Axes, here: pd.DataFrame, scale: float) -> list[str]:
    """Name the circles of one map, the biggest first, each label at the first spot beside its
    circle that stays inside the map and clear of the labels and circles already there. A
    circle with no free spot gets no label; their places are returned (``places_map`` lists
    them in its note). A leader line crosses no other label, and no label lies on a leader line."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    points = fig.dpi / 72
    # the map's equal aspect shrinks the axes when drawn: measure where things will be drawn
    ax.apply_aspect()
    centres, radii = circle_geometry(ax, here, scale)
    margin = 5 * points  # a label keeps this clear of other circles, so it names only its own
    circles = [Bbox.from_extents(x - r - margin, y - r - margin, x + r + margin, y + r + margin)
               for (x, y), r in zip(centres, radii)]
    frame = ax.get_window_extent(renderer)
    taken: list[Bbox] = []
    lines: list[np.ndarray] = []  # the leader lines drawn, as points along each (display units)
    unlabelled = []
    state = is_state(here)
    for i, p in enumerate(here.itertuples()):
        # a label keeps clear of the cities' circles, not of the states' open squares
        others = [c for j, c in enumerate(circles) if j != i and not state[j]]
        spots = label_spots(i, centres, radii, state == state[i])
        for dx, dy, ha, va in [STATE_LABEL] + spots if state[i] else spots:
            beside = abs(dx) + abs(dy) <= 1
            if leader_length((dx, dy), radii[i] / points) > MAX_LEADER:
                continue  # too far out: a long line across the map names nothing clearly
            # a label set off diagonally or farther out points at its place with a thin line
            leader = {} if beside else {"arrowprops": {
                "arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 0}}
            text = ax.annotate(getattr(p, "shown", p.place), (p.lon, p.lat), xytext=label_offset((dx, dy), radii[i] / points),
                               textcoords="offset points",
                               ha=ha, va=va, fontsize=8, zorder=4,
                               fontstyle="italic" if getattr(p, "kind", "city") == "state" else "normal", **leader)
            text.update_positions(renderer)
            box = Text.get_window_extent(text, renderer)  # the words only, not the leader line
            spaced = box.padded(LABEL_SPACE * points)  # two names never touch ("IllinoisCleveland")
            line = None if beside else leader_points(centres[i], radii[i], label_offset((dx, dy), radii[i] / points),
                                                     points)
            if frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) and not any(
                    spaced.overlaps(o) for o in taken) and not any(box.overlaps(o) for o in others) and not any(
                    crosses(other, spaced) for other in lines) and not (
                    line is not None and any(crosses(line, o) for o in taken)):
                taken.append(box)
                if line is not None:
                    lines.append(line)
                break
            text.remove()
        else:
            unlabelled.append(getattr(p, "shown", p.place))
    return unlabelled


def leader_points(centre, radius: float, offset: tuple[float, float], points: float, n: int = 32) -> np.ndarray:
    """Points along a leader line's visible part, from its label's anchor (``offset`` points from
    the ``centre``) to the edge of the marker of ``radius`` (display units)."""
    anchor = np.asarray(centre, dtype=float) + np.asarray(offset, dtype=float) * points
    away = anchor - np.asarray(centre, dtype=float)
    length = float(np.hypot(*away))
    edge = np.asarray(centre, dtype=float) + away / length * min(radius, length) if length else anchor
    return anchor + np.linspace(0.0, 1.0, n)[:, None] * (edge - anchor)


def crosses(line: np.ndarray, box: Bbox) -> bool:
    """Whether any of a leader line's points (``leader_points``) lies in ``box``."""
    return bool(((line[:, 0] >= box.x0) & (line[:, 0] <= box.x1) & (line[:, 1] >= box.y0) & (line[:, 1] <= box.y1)).any())


def with_spelling(mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` with ``shown``: the name to show for each row's place, as these rows' articles
    write it (``places.spelled``)."""
    from ..measures.places import spelled

    return mentions.assign(shown=spelled(mentions).to_numpy() if len(mentions) else [])


TOWNS_NOTE = "towns and villages not in the offline GeoNames extract"
ACTORS_NOTE = "capitals standing for their governments (counted as actors, not drawn)"


MAP_NOTE_TOP = 12  # a group of the note names at most this many places, the most mentioned first


def comma_list(items: list[str], k: int) -> str:
    """"a (3), b (2), c (1)": the first ``k`` items, then how many more the table has."""
    more = len(items) - k
    return ", ".join(items[:k]) + (f" and {more:,d} more (see the table)" if more > 0 else "")


def distinct_places(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per place read as a place, with its mentions (``count``): a place is its name,
    country, kind and coordinates, so Portland, Oregon, and Portland, Maine, are two places, as
    they are two marks on the map. What the chapter's counts of places and the map's note count."""
    named = mentions[mentions["count"] > 0]
    if "kind" not in named:
        named = named.assign(kind="city")
    named = with_spelling(named)  # the name as the articles write it, for the note (one per place)
    keys = [k for k in ("place", "country", "kind", "lat", "lon", "shown") if k in named]
    return named.groupby(keys, as_index=False, dropna=False, sort=False)["count"].sum()


def map_counts(mentions: pd.DataFrame, bbox=None) -> dict[str, int]:
    """How many places the articles name (``distinct_places``) and where they go: ``named`` =
    ``placed`` (coordinates known) + ``unplaced``, and ``placed`` = ``drawn`` (inside the map's
    frame, ``map_bbox`` unless ``bbox`` is given) + ``beyond``; ``states`` of the placed are US
    states. The map draws ``drawn`` marks (on a one-map figure), its note lists the rest."""
    totals = distinct_places(mentions)
    placed = totals.dropna(subset=["lat", "lon"])
    west, east, south, north = map_bbox(mentions) if bbox is None else bbox
    drawn = placed["lon"].between(west, east) & placed["lat"].between(south, north)
    return {"named": len(totals), "placed": len(placed), "unplaced": len(totals) - len(placed),
            "drawn": int(drawn.sum()), "beyond": int((~drawn).sum()), "states": int((placed["kind"] == "state").sum())}


def places_count_sentence(mentions: pd.DataFrame, bbox=None) -> str:
    """For the prose: how many places the articles name and where each goes, in numbers that add
    up (``map_counts``): "The articles name 342 places. GeoNames could place 341, cities or US
    states: 282 are drawn on the map and 59 lie beyond its frame; 1 has no coordinates. The note
    under the map lists the places not drawn." "" where no place is named."""
    n = map_counts(mentions, bbox)
    if not n["named"]:
        return ""
    what = "cities or US states" if n["states"] else "cities"
    if n["placed"] == 0:
        return (f"The articles name {count_noun(n['named'], 'place')}, none of them a city GeoNames could place; "
                "they are listed under the map.")
    where = (f"{'it is' if n['placed'] == 1 else 'all are'} drawn on the map" if not n["beyond"] else
             f"{n['drawn']:,d} {'is' if n['drawn'] == 1 else 'are'} drawn on the map and {n['beyond']:,d} "
             f"{'lies' if n['beyond'] == 1 else 'lie'} beyond its frame")
    sentence = (f"The articles name {count_noun(n['named'], 'place')}. GeoNames could place "
                f"{'it' if n['named'] == 1 else 'all of them' if not n['unplaced'] else format(n['placed'], ',d')}"
                f", {what if n['placed'] > 1 else what.replace('cities', 'a city').replace('US states', 'a US state')}: "
                f"{where}")
    if n["unplaced"]:
        sentence += f"; {n['unplaced']:,d} {'has' if n['unplaced'] == 1 else 'have'} no coordinates"
    return sentence + "." + (" The note under the map lists the places not drawn." if n["beyond"] or n["unplaced"] else "")


def labels_note(sizes: list[int], cap: int, unnamed: list[tuple[str, str]] = (), titled: bool = False) -> str:
    """The note's sentence on names for maps with more places than they name: of the places drawn
    (``sizes``: one count per map), each map's ``cap`` most mentioned are named where there is
    room (all but ``unnamed``, place and map title, the title only if ``titled``), the rest not;
    the numbers add up to the places drawn."""
    total = sum(sizes)
    named = sum(min(n, cap) for n in sizes)
    crowded = [f"{place} ({title})" if titled else place for place, title in unnamed]
    but = f" (all but {comma_list(crowded, 30)}, too crowded)" if crowded else ""
    if len(sizes) == 1:
        return (f"Of the {total:,d} places drawn, the {cap:,d} most mentioned are named where there is room{but}; "
                f"the other {total - named:,d} {'is' if total - named == 1 else 'are'} not (see the table).")
    return (f"The {len(sizes):,d} maps draw {total:,d} places (a place on two maps counted on each); {named:,d} of "
            f"them, each map's most mentioned up to {cap:,d}, are named where there is room{but}; the other "
            f"{total - named:,d} {'is' if total - named == 1 else 'are'} not (see the table).")


def map_note(places: pd.DataFrame, bbox=MAP_BBOX, unnamed: list[tuple[str, str]] = (), titled: bool = True) -> str:
    """The figure's note: the named places the maps do not show, and why (each group the
    ``MAP_NOTE_TOP`` most mentioned, then how many more: the table has them all); then the circles
    that are drawn but could find no room for their name (``unnamed``: place and panel title,
    the title only if ``titled``: not for one map of the whole corpus)."""
    west, east, south, north = bbox
    actors = (with_spelling(places).groupby(["place", "shown"], as_index=False)["as_actor"].sum()
              if "as_actor" in places else None)
    # one row per place: the same name in two countries (Paris, France, and Paris, Texas) is two places
    totals = distinct_places(places)
    groups = {
        "provinces": totals[totals["kind"] == "province"],
        "regions and mountains": totals[totals["kind"].isin(["region", "feature"])],
        # towns such as Taji are in GeoNames, but not among its places of 500 people or more
        TOWNS_NOTE: totals[totals["kind"].isin(["town", "village"])],
        "beyond the map": totals[totals["lat"].notna() & ~(totals["lon"].between(west, east)
                                                           & totals["lat"].between(south, north))],
    }

    def listed(rows: pd.DataFrame, column: str = "count") -> str:
        ranked = rows.sort_values([column, "place"], ascending=[False, True])
        return comma_list([f"{r.shown} ({getattr(r, column)})" for r in ranked.itertuples()], MAP_NOTE_TOP)

    parts = [f"{name}: " + listed(group) for name, group in groups.items() if len(group)]
    if actors is not None and (actors["as_actor"] > 0).any():
        parts.append(ACTORS_NOTE + ": " + listed(actors[actors["as_actor"] > 0], "as_actor"))
    note = "Not on the map (mentions in brackets) — " + "; ".join(parts) + "." if parts else ""
    if unnamed:
        circles = comma_list([f"{place} ({label})" if titled else place for place, label in unnamed], 30)
        note += (" " if note else "") + f"Circles too crowded to name on the map: {circles}."
    return note


# Ticks at the very start or end of a text sit on the panel's edge: the x axis runs a little
# beyond 0 and 1, and no panel draws a left spine, so no tick hides under an axis line.
DISPERSION_MARGIN = 0.04
DISPERSION_BINS = 10  # comparing outlets, a lane is shaded by tenths of the text


def dispersion_lanes(positions: pd.DataFrame, articles: pd.DataFrame, unit: str | None = None,
                     top: int = MAX_ROWS) -> tuple[list[tuple[str, list[str], str]], str]:
    """The lanes of the dispersion plot, ``(label, files, outlet)``, and what they are, for the
    axis and caption. Comparing articles: one lane per article in date order; beyond ``top``
    articles, the ``top`` that use the words most. Comparing outlets: one lane per outlet, its
    articles on it, most articles first; beyond ``top`` outlets, the ``top`` that use the words
    most."""
    ordered = by_date(articles)
    uses = positions.groupby("file").size()
    if unit_of(articles, unit) == units.ARTICLE:
        if len(ordered) > top:
            order = {f: i for i, f in enumerate(ordered["file"])}
            keep = sorted(ordered["file"], key=lambda f: (-int(uses.get(f, 0)), order[f]))[:top]
            ordered = ordered[ordered["file"].isin(keep)]
            what = f"the {top} articles, of {len(articles):,d}, that use the words most"
        else:
            what = "one lane per article"
        lanes = [(label, [f], o) for label, f, o in zip(article_names(ordered["file"], articles), ordered["file"],
                                                        ordered["outlet"])]
        return lanes, what
    sizes = units.articles_per_outlet(articles)
    files = ordered.groupby("outlet")["file"].agg(list)
    outlets = list(sizes.index)
    what = ("one lane per outlet, its articles on it, each tenth of the lane shaded by how many of the outlet's "
            "uses of the word fall in that tenth of its texts (one scale per word: darkest, the most of any outlet)")
    if len(outlets) > top:
        used = {o: int(uses.reindex(files[o]).fillna(0).sum()) for o in outlets}
        outlets = sorted(outlets, key=lambda o: (-used[o], -sizes[o], o))[:top]
        what = (f"the {top} outlets, of {len(sizes):,d}, that use the words most, each outlet's articles on its lane, "
                "each tenth shaded by how many of the uses fall there (one scale per word)")
    return [(outlet_label(o, int(sizes[o])), files[o], o) for o in outlets], what


def dispersion_plot(positions: pd.DataFrame, articles: pd.DataFrame, terms: list[str],
                    unit: str | None = None) -> plt.Figure:
    """Lexical dispersion: one panel per term, one lane per article or outlet
    (``dispersion_lanes``), a tick wherever the term occurs, from the start (0) to the end (1)
    of the text."""
    use_style()
    unit = unit_of(articles, unit)
    lanes, _ = dispersion_lanes(positions, articles, unit)
    colours = colours_for(articles)
    lane_height = 0.45 if len(lanes) <= 20 else 0.3
    fig, axes = plt.subplots(1, max(1, len(terms)), figsize=(1.45 * len(terms) + 2.6, 1.1 + lane_height * len(lanes)),
                             sharey=True, squeeze=False)
    edges = np.linspace(0, 1, DISPERSION_BINS + 1)
    for ax, term in zip(axes[0], terms):
        binned = [np.histogram(positions[positions["file"].isin(files) & (positions["term"] == term)]["position"]
                               .clip(0, 1 - 1e-9), edges)[0] for _, files, _ in lanes]
        # one scale for the whole panel, so one use is pale beside a tenth that holds dozens (referee 4, item 12)
        most = max((int(c.max()) for c in binned), default=0) or 1
        for y, (_, files, outlet) in enumerate(lanes):
            at = positions[positions["file"].isin(files) & (positions["term"] == term)]["position"]
            if unit == units.OUTLET:  # many articles on a lane: how many uses fall in each tenth of the texts
                for left, n in zip(edges[:-1], binned[y]):
                    if n:
                        ax.bar(left, 0.7, width=1 / DISPERSION_BINS, bottom=y - 0.35, align="edge",
                               color=colours[outlet], alpha=0.15 + 0.85 * n / most, linewidth=0)
            else:
                ax.scatter(at, [y] * len(at), marker="|", s=160 if len(lanes) <= 20 else 90, color=colours[outlet],
                           linewidth=1.6, gid=f"ticks:{term}:{y}")
            ax.axhline(y, color="#dddddd", linewidth=0.6, zorder=0)
        ax.set_title(textwrap.fill(term, 14), fontsize=9)
        ax.set_xlim(-DISPERSION_MARGIN, 1 + DISPERSION_MARGIN)
        ax.spines["left"].set_visible(False)
        ax.set_xticks([0, 0.5, 1], ["start", "", "end"], fontsize=7.5)
        ax.tick_params(axis="y", length=0)
        ax.grid(False)
    axes[0, 0].set_yticks(range(len(lanes)), [wrap_label(label, 48, max_lines=2) for label, _, _ in lanes],
                          fontsize=8 if len(lanes) <= 20 else 7)
    axes[0, 0].set_ylim(len(lanes) - 0.5, -0.5)
    fig.tight_layout()
    return fig


def dispersion_summary(positions: pd.DataFrame, articles: pd.DataFrame, terms: list[str], wire: int = 0) -> str:
    """For the prose: in how many articles each dispersion word occurs ("*Trump* in 31 of the 50
    articles, ..."), or that none of them occurs. ``articles``: those the plot draws; ``wire``: how
    many wire-copy articles were left out of it (``own_writing``), said beside the count."""
    mine = set(articles["file"])
    positions = positions[positions["file"].isin(mine)]
    n = len(articles)
    what = count_noun(n, "article") + (f" compared ({count_noun(wire, 'article')} of wire copy left out)" if wire else "")
    per_term = positions.groupby("term")["file"].nunique()
    parts = [f"“{t}” in {int(per_term.get(t, 0)):,d}" for t in terms]
    if not len(per_term):
        return f"None of the words occurs in any of the {what}"
    return f"Of the {what}, the words occur in: " + english_list(parts)


def dispersion_source(source: str, terms: dict) -> str:
    """Where the dispersion words come from, as a sentence for the page."""
    if source == "file":
        return (f"The {count_noun(len(terms), 'word')} are the reader's own, from `dispersion_words.txt` in "
                "the corpus folder.")
    if source == "original":
        return "The words are five that the story turns on, chosen by reading the original five articles."
    if not terms:
        return ("No word is key in any text of this corpus (see the keyness section), so there are no "
                "distinctive words to place; a file `dispersion_words.txt` in the corpus folder can name some.")
    from ..measures.themes import MIN_DISPERSION_TEXTS

    return (f"The {count_noun(len(terms), 'word')} {'is' if len(terms) == 1 else 'are'} the strongest key "
            f"{'word' if len(terms) == 1 else 'words'} of the keyness section (the highest lower bound of the log "
            f"ratio, at most one per text while texts remain) among words used in at least "
            f"{MIN_DISPERSION_TEXTS:,d} texts (counting every use, before the lists' filters), stop-like words and "
            "the names of news agencies (AP, Reuters: a credit or a source, not a subject) aside; the keyness "
            "lists keep an agency's name, since how often an outlet cites an agency in its text (its credit "
            "lines are already taken out) is part of how it writes. A file `dispersion_words.txt` in the corpus "
            "folder (one word or phrase per line) replaces them with a reader's own.")


def coordinate(value) -> str:
    """A latitude or longitude to three decimals (about 100 m); empty where there is none."""
    return "" if pd.isna(value) else f"{value:.3f}"


def places_evidence(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table of ``places.csv``: the article by outlet and date instead of its file name,
    the place as the article writes it (``As written``: a word the reader can find in its text,
    "Horgos") beside the place it was read as (``Place``, GeoNames' "Qarasu"), the country by name
    instead of its code, reader headings (mentions as a place, and as its
    government for a capital so used), coordinates as text and empty where a place could not be
    placed, and the GeoNames id last (for looking a place up)."""
    from ..measures.places import country_name

    return pd.DataFrame({
        "Article": article_names(mentions["file"], articles),
        # the article's spelling, which a reader can find in its text, then the place it was read as
        "As written": (mentions["written"].where(mentions["written"].fillna("").astype(str) != "", mentions["place"])
                       if "written" in mentions else mentions["place"]),
        "Place": mentions["place"],
        "Country": mentions["country"].map(country_name), "Mentions": mentions["count"],
        "As its government": mentions["as_actor"],
        "Latitude": mentions["lat"].map(coordinate), "Longitude": mentions["lon"].map(coordinate),
        "GeoNames id": mentions["geonameid"].map(lambda v: "" if pd.isna(v) else str(v)),
    })


def key_terms_frame(key_terms: pd.DataFrame, articles: pd.DataFrame, top: int = 5,
                    rows_are: str = "article") -> pd.DataFrame:
    """Each article's (or outlet's) ``top`` key words with raw counts beside the scores: a row per
    text and word, texts in date order. ``rows_are="outlet"``: the headers name outlets."""
    ordered = by_date(articles)
    rows = key_terms.groupby("file", sort=False).head(top)
    rows = rows.set_index("file").loc[[f for f in ordered["file"] if f in set(rows["file"])]].reset_index()
    outlets = rows_are == "outlet"
    return pd.DataFrame({
        "Outlet" if outlets else "Article": article_names(rows["file"], articles), "Word": rows["term"],
        "In the outlet's articles" if outlets else "In the article": rows["count"],
        "In the other outlets' articles" if outlets else "In the other articles": rows["rest_count"],
        "Log ratio": rows["log_ratio"],
        "Lower bound": rows["ci_low"], "Upper bound": rows["ci_high"], "G²": rows["g2"],
    })


KEY_FORMATS = {"Log ratio": "{:.2f}", "Lower bound": "{:.2f}", "Upper bound": "{:.2f}", "G²": "{:.1f}"}


def key_terms_table(key_terms: pd.DataFrame, articles: pd.DataFrame, top: int = 5):
    """Reader table (styled): each article's ``top`` key words with raw counts beside the scores."""
    # reader_style: words and outlet names are the user's text, so they are escaped
    return reader_style(key_terms_frame(key_terms, articles, top), KEY_FORMATS).hide(axis="index")


def side_by_side(key_terms: pd.DataFrame, log_odds: pd.DataFrame, articles: pd.DataFrame, top: int = 5,
                 rows_are: str = "article") -> pd.DataFrame:
    """The two methods' lists side by side: per article and rank, the word ranked there by the
    log ratio's lower bound (``keyness.key_terms``) and by the log-odds z-score
    (``log_odds.log_odds_table``), each with its count and score; a word on both lists is marked
    with an asterisk. ``rows_are="outlet"``: the first column is headed *Outlet*."""
    head = "Outlet" if rows_are == "outlet" else "Article"
    ordered = by_date(articles)
    rows = []
    for file, name in zip(ordered["file"], article_labels(ordered)):
        ours = key_terms[key_terms["file"] == file].head(top)
        theirs = log_odds[log_odds["file"] == file].head(top)
        both = set(ours["term"]) & set(theirs["word"])
        for rank in range(max(len(ours), len(theirs))):
            cell = lambda table, word, score: "" if rank >= len(table) else (
                f"{table.iloc[rank][word]}{'*' if table.iloc[rank][word] in both else ''} "
                f"({table.iloc[rank]['count']}, {table.iloc[rank][score]:.2f})")
            rows.append({head: name, "Rank": rank + 1,
                         "Log ratio, by its lower bound (count, bound)": cell(ours, "term", "ci_low"),
                         "Log-odds with prior (count, z)": cell(theirs, "word", "z")})
    return pd.DataFrame(rows, columns=[head, "Rank", "Log ratio, by its lower bound (count, bound)",
                                       "Log-odds with prior (count, z)"])


def side_by_side_table(key_terms: pd.DataFrame, log_odds: pd.DataFrame, articles: pd.DataFrame, top: int = 5):
    """``side_by_side`` as the reader sees it: styled, words escaped, no index column."""
    return reader_style(side_by_side(key_terms, log_odds, articles, top)).hide(axis="index")


def shared_top_words(key_terms: pd.DataFrame, log_odds: pd.DataFrame, top: int = 5) -> tuple[int, int]:
    """How many of the words on the two methods' top-``top`` lists are on both: (shared, listed by
    the log ratio), over all articles."""
    shared = listed = 0
    for file, ours in key_terms.groupby("file", sort=False):
        words = set(ours.head(top)["term"])
        shared += len(words & set(log_odds[log_odds["file"] == file].head(top)["word"]))
        listed += len(words)
    return shared, listed


def top_key_words(key_terms: pd.DataFrame, articles: pd.DataFrame, k: int = 5) -> str:
    """The most distinctive word of each article, for the prose: "daesh (Al-Ahed News, ...); ...".
    Words tied on the top lower bound are named, up to three, then counted ("parties and ansar
    al-islam, tied (...)"; "a, b and four other words, tied (...)": ``prose.tied_list``).
    With more than ``k`` articles, the ``k`` whose top word has the highest bound, then how many
    more (the table has them); "" when no article has a key word."""
    ordered = by_date(articles)
    parts, bounds = [], []
    for file, name in zip(ordered["file"], article_names(ordered["file"], articles)):
        terms = key_terms[key_terms["file"] == file]
        if terms.empty:
            continue
        top = terms[np.isclose(terms["ci_low"], terms["ci_low"].iloc[0])]["term"].tolist()
        words = tied_list(top, k=2, noun="word", rest="") + (", tied" if len(top) > 1 else "")  # "a, b and four other words, tied"
        parts.append(f"{words} ({name})")
        bounds.append(float(terms["ci_low"].iloc[0]))
    best = sorted(sorted(range(len(parts)), key=lambda i: -bounds[i])[:k])
    shown, _ = fitted([parts[i] for i in best])
    more = len(parts) - len(shown)
    return "; ".join(shown) + (f"; and {more:,d} more (see the table)" if more else "")


# What the articles call the group, as token keys (see measures/tokens.py) and as shown.
GROUP_NAMES = {"ISIS": "ISIS", "daesh": "Daesh", "da'ash": "Da'ash", "daash": "Daash", "ISIL": "ISIL",
               "IS": "IS", "Islamic State": "Islamic State"}


def group_names_table(term_counts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table: how often each article calls the group by each of its names."""
    ordered = by_date(articles)
    # a longer name of the group ("Islamic State of Iraq and al-Sham") is one name token, counted
    # under "Islamic State" as the framing chapter's label counts do
    term = term_counts["term"].where(~term_counts["term"].str.startswith("Islamic State"), "Islamic State")
    names = term_counts.assign(term=term)[term.isin(GROUP_NAMES)]
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
    where, more = fitted([f"{theme} in {name}" for (theme, _), name in zip(leads, names)], limit=PROSE_LIMIT - 60)
    listed = english_list(where + ([f"{more} more (see the table)"] if more else []))
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


def _theme_name(theme: str) -> str:
    return THEME_LABELS.get(theme, theme).lower()


def change_claim(changes: pd.DataFrame) -> str:
    """What the chapter may say about change over time (``themes.period_changes``): the themes
    whose first-year and last-year intervals stand apart with every term and without the terms
    found in one article only; or that none does, naming any that would seem to change only
    while one text's own words are counted."""
    if changes.empty:
        return "The articles come from a single year, so no change over time can be measured"
    first, last = int(changes["first_year"].iloc[0]), int(changes["last_year"].iloc[0])
    reported = changes[changes["reported"]]
    if len(reported):
        moves = [f"{_theme_name(r.theme)} {'rises' if r.rise else 'falls'}" for r in reported.itertuples()]
        return (f"Between the articles of {first} and those of {last}, {english_list(moves)} beyond the intervals, "
                "with every term and without the terms found in one article only")
    seeming = changes[changes["rise"] | changes["fall"]]
    claim = (f"No theme's rate changes between the articles of {first} and those of {last} beyond the intervals "
             "once the terms found in one article only are set aside")
    if len(seeming):
        claim += (f" ({english_list([_theme_name(t) for t in seeming['theme']])} would seem to change only "
                  "while one text's own words are counted)")
    return claim


def same_period_claim(pairs: pd.DataFrame, articles: pd.DataFrame, k: int = 5) -> str:
    """Pairs of articles of one year that differ beyond the intervals (``themes.same_period_differences``),
    as a sentence: the gaps that dates cannot explain; the first ``k`` pairs, then how many more."""
    if pairs.empty:
        years = pd.to_datetime(articles["published"]).dt.year if "published" in articles else pd.Series(dtype=int)
        if len(articles) < 2 or not years.duplicated().any():
            return ("no year has two articles to compare" if len(articles) > 1 else
                    "with one article there is no other of its year to compare it with")
        return "No two articles of the same year differ on any theme beyond the intervals"
    parts = [f"{_theme_name(r.theme)}: {a} above {b}" for r, (a, b) in zip(
        pairs.itertuples(), zip(article_names(pairs["higher"], articles), article_names(pairs["lower"], articles)))]
    shown, more = fitted(parts[:k])
    more += len(parts) - min(len(parts), k)
    if more:
        return (f"{count_noun(len(parts), 'pair')} of articles of the same year differ beyond the intervals, which no date "
                "explains (" + "; ".join(shown) + f"; and {more:,d} more)")
    return "Articles of the same year differ beyond the intervals (" + "; ".join(parts) + "), which no date explains"


def outlet_differences(intervals: pd.DataFrame, shared: pd.DataFrame, articles: pd.DataFrame,
                       k: int = 5) -> tuple[pd.DataFrame, str]:
    """Outlets compared on each theme: the pairs whose 95% intervals (from resampling their
    articles, ``units.outlet_summary``) stand apart both with every term and without the terms
    found in one article only (``units.separated_outlets``), and a sentence naming the first
    ``k``. Returns ``(pairs, sentence)``; ``pairs`` has ``theme``, ``higher``, ``lower``,
    ``higher_mean``, ``lower_mean``."""
    def summary(table):
        wide = table.pivot(index="file", columns="theme", values="rate").reset_index()
        return units.outlet_summary(wide, articles, [t for t in THEMES if t in wide.columns])

    every, without = summary(intervals), summary(shared)
    found = []
    for theme in THEMES:
        apart = units.separated_outlets(every, theme)
        still = units.separated_outlets(without, theme)
        kept = apart.merge(still[["higher", "lower"]], on=["higher", "lower"])
        found.append(kept.assign(theme=theme))
    pairs = pd.concat(found, ignore_index=True)[["theme", "higher", "lower", "higher_mean", "lower_mean"]]
    with_interval = int(every.dropna(subset=["low"])["outlet"].nunique())
    if with_interval < 2:
        return pairs, (f"Only {count_noun(with_interval, 'outlet')} of {articles['outlet'].nunique():,d} "
                       f"{'has' if with_interval == 1 else 'have'} the {units.MIN_ARTICLES_FOR_INTERVAL} articles an "
                       "interval needs, so no two outlets can be compared")
    if pairs.empty:
        return pairs, ("No two outlets' intervals stand apart on any theme, with every term and without the terms "
                       "found in one article only")
    parts = [f"{_theme_name(r.theme)}: {short_outlet(r.higher)} ({r.higher_mean:.1f}) above {short_outlet(r.lower)} "
             f"({r.lower_mean:.1f})" for r in pairs.itertuples()]
    shown, _ = fitted(parts[:k], limit=220)
    more = len(parts) - len(shown)
    return pairs, ("Outlets whose intervals stand apart, with every term and without the terms found in one "
                   "article only (mean per 1,000 words): " + "; ".join(shown)
                   + (f"; and {more:,d} more pairs (see the figure)" if more else ""))


def conflict_note(share: dict) -> str:
    """A sentence on whether the corpus is the news the dictionary is made for (``conflict_share``)."""
    from ..measures.themes import MIN_CONFLICT_MATCHES

    threshold = (f"{CONFLICT_RATE:.0f} per 1,000 (about one event word in 330; a theme counts only where it "
                 f"is matched at least {MIN_CONFLICT_MATCHES:,d} times)")
    if share["n"] == 1:
        where = "the one article"
        reach = (f", at or above {threshold}" if share["articles"] else
                 f", but on lone matches: no theme is matched there the {MIN_CONFLICT_MATCHES:,d} times that count toward "
                 f"{CONFLICT_RATE:.0f} per 1,000 (about one event word in 330)" if share["rate"] >= CONFLICT_RATE else
                 f", below {threshold}")
    else:
        where = "the median article"
        verb = "reaches" if share["articles"] == 1 else "reach"
        only = "" if share["conflict"] else "only "
        reach = (f", and no article reaches {threshold}" if share["articles"] == 0 else
                 f", and {only}{share['articles']:,d} of the {share['n']:,d} articles {verb} {threshold}")
    if share["conflict"]:
        return (f"In {where} the dictionary matches {share['rate']:.1f} of every 1,000 words{reach}: "
                "this is news about conflict, the kind of text the codebook was made for")
    corpus = "this corpus is not that" if share["n"] == 1 else "this corpus is mostly not that"
    return (f"The dictionary is made for news of armed conflict, and {corpus}: in {where} it matches "
            f"{share['rate']:.1f} of every 1,000 words{reach}. The rates say which "
            "texts report such events; the chapter does not rank outlets or articles on rates this low")


def one_text_leads(intervals: pd.DataFrame, drivers: pd.DataFrame, articles: pd.DataFrame,
                   paragraphs: dict[str, list[str]] | None = None) -> str:
    """The themes whose highest rate rests mostly on terms found in that article only, with the
    terms, for the prose; a rate on a single match is shown with its words in the text (from
    ``paragraphs``, file -> cleaned paragraphs, when given). "" when there is none."""
    from ..measures.themes import match_context

    parts = []
    for theme in THEMES:
        rows = intervals[intervals["theme"] == theme].sort_values(["rate", "file"], ascending=[False, True])
        if rows.empty or rows.iloc[0]["rate"] <= 0:
            continue
        lead = rows.iloc[0]
        found = drivers[(drivers["file"] == lead["file"]) & (drivers["theme"] == theme)]
        if len(found) and found.iloc[0]["single_text"] * 2 > found.iloc[0]["count"]:
            name = article_names([lead["file"]], articles)[0]
            where = ""
            if int(found.iloc[0]["count"]) == 1 and paragraphs and (line := match_context(paragraphs.get(lead["file"], []), theme)):
                where = f", one match: “{line}”"
            terms = re.sub(r" \(\+(\d+) more\)$", r" and \1 more", found.iloc[0]["terms"])  # no brackets in brackets
            parts.append(f"{_theme_name(theme)} in {name} ({lead['rate']:.1f} per 1,000 words from {terms}{where})")
    if not parts:
        return ""
    if len(parts) == 1:
        return ("The highest rate of " + parts[0] + " rests mostly on words that no other article uses (marked †), "
                "so it describes that text, not a theme it shares")
    shown, more = fitted(parts, limit=200)
    listed = "; of ".join(shown) + (f"{' and' if len(shown) == 1 else '; and'} of {count_noun(more, 'more theme')}"
                                     if more else "")
    return ("The highest rates of " + listed + " rest mostly on words that no other article uses (marked †, and "
            "named in the table), so they describe those texts, not themes they share")


STEMS = {t.rstrip("*") for t in DICTIONARY["term"] if t.endswith("*")}


def starred(terms: str, stems=None) -> str:
    """A drivers cell's terms with each stem shown with its star ("territor 2" -> "territor* 2")."""
    stems = STEMS if stems is None else stems
    shown = []
    for part in terms.split(", "):
        word, rest = (re.match(r"(.+?)( \d+.*)$", part) or re.match(r"(.*)()$", part)).groups()
        shown.append(f"{word}*{rest}" if word in stems else part)
    return ", ".join(shown)


def drivers_table(drivers: pd.DataFrame, intervals: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reader table: one row per article (date order), one column per theme, each cell the rate
    with its interval and the terms that drive it ("3.4 (0.0–7.6): territory 4"); † marks a term
    found in that article only."""
    ordered = by_date(articles)
    cells = intervals.merge(drivers[["file", "theme", "terms"]], on=["file", "theme"], how="left")
    cells["terms"] = [starred(t) if isinstance(t, str) else t for t in cells["terms"]]
    cells["cell"] = [f"{r:.1f} ({lo:.1f}–{hi:.1f})" + (f": {t}" if isinstance(t, str) else "")
                     for r, lo, hi, t in zip(cells["rate"], cells["low"], cells["high"], cells["terms"])]
    table = cells.pivot(index="file", columns="theme", values="cell").reindex(index=ordered["file"], columns=THEMES)
    table.index = article_labels(ordered)
    return table.rename(columns=THEME_LABELS).rename_axis(index="Article", columns=None)


def most_uses(positions: pd.DataFrame, term: str, articles: pd.DataFrame) -> tuple[int, int, str]:
    """A dispersion term for the prose: how many articles use it, the most uses in one article,
    and that article's name; ``(0, 0, "no article")`` when no article of this corpus uses it."""
    per_article = positions[positions["term"] == term].groupby("file").size()
    if per_article.empty:
        return 0, 0, "no article"
    return len(per_article), int(per_article.max()), article_names([per_article.idxmax()], articles)[0]


def changes_phrase(n: int) -> str:
    """How many themes change over time, as the conclusions say it: "none changes", "1 changes",
    "2 change"."""
    return "none changes" if n == 0 else f"{n} changes" if n == 1 else f"{n} change"


MAX_STYLED_ROWS = 60  # a longer reader table is searchable (itables), not a page of rows


def reader_table(frame: pd.DataFrame, formats: dict | None = None):
    """A reader table that fits any corpus: styled (words escaped, no index) up to
    ``MAX_STYLED_ROWS`` rows, else searchable and sortable (``book.evidence.evidence_table``,
    which needs ``interactive_tables()`` earlier on the page)."""
    if len(frame) <= MAX_STYLED_ROWS:
        return reader_style(frame, formats or {}).hide(axis="index")
    from ..book.evidence import evidence_table

    return evidence_table(frame, formats=formats)


def top_words_frame(term_counts: pd.DataFrame, articles: pd.DataFrame, n: int = 8,
                    forms: dict[str, str] | None = None) -> pd.DataFrame:
    """Every article's ``n`` most frequent content words with their counts, a row per article in
    date order (the table behind the bars, when the bars pool articles by outlet); ``forms`` as in
    ``frequent_words``."""
    ordered = by_date(articles)
    term_counts = with_forms(term_counts, forms)
    ranked = term_counts.sort_values(["file", "count", "form"], ascending=[True, False, True])
    words = ranked.groupby("file").head(n).groupby("file").apply(
        lambda g: ", ".join(f"{f} {c}" for f, c in zip(g["form"], g["count"])), include_groups=False)
    return pd.DataFrame({"Article": article_names(ordered["file"], articles), "Outlet": list(ordered["outlet"]),
                         "Most frequent words": [words.get(f, "") for f in ordered["file"]]})


def panels_what(articles: pd.DataFrame, unit: str | None = None) -> str:
    """What each panel of the frequent-words chart holds, for the prose."""
    panels = panels_for(articles, unit=unit)
    if len(panels) == len(articles) and unit_of(articles, unit) == units.ARTICLE:
        return "each article"
    outlets = articles["outlet"].nunique()
    which = f" (the {len(panels)} with most articles, of {outlets:,d}; every article is in the table below)" \
        if len(panels) < outlets else " (every article is in the table below)"
    return "each outlet's articles, pooled" + which


def nothing_to_contrast(texts: pd.DataFrame, unit: str) -> str:
    """With one text to compare (one article, or one outlet when the chapter compares outlets),
    keyness has nothing to contrast it with: one sentence that says so, for the place of the key
    words and their chart; "" when there are two texts or more."""
    if len(texts) >= 2:
        return ""
    if unit == units.OUTLET:
        what = "one outlet (its articles pooled as one text)"
    else:
        what = "one article"
    return (f"Keyness compares each text with the others, and this corpus has {what}: there is nothing to contrast "
            "it with, so no word is key and no chart or table of key words is drawn.")


def keyness_caption(texts: pd.DataFrame, unit: str) -> str:
    """The keyness figure's caption, true of what is drawn: the chart, or the note that one text
    has nothing to be contrasted with."""
    if len(texts) < 2:
        return ("No keyness chart: with " + ("one outlet" if unit == units.OUTLET else "one article")
                + " there is no other text to contrast it with.")
    return ("Each text's key words against the others (an article, or an outlet's articles pooled when the chapter "
            "compares outlets), ranked by the lower bound of the log ratio (the black tick): a dot at the log ratio, a "
            "line over its interval; at the right the raw counts (in the text | in the others) and G².")


def methods_compared(listed: int, both: int) -> str:
    """How far the two methods' top-five lists agree, for the prose (``shared_top_words``)."""
    return (f"Of the {listed:,d} words on the log ratio's top-five lists, {both:,d} "
            f"{'is' if both == 1 else 'are'} on the log-odds top-five lists too (marked * in the table below); where "
            "the lists differ, the words lower down are the ones the two methods weigh differently, and a reader "
            "should trust the words both put near the top.")


def themes_caption(matched: int, confidence: float, share: dict | None = None) -> str:
    """The theme chart's caption, true of what is drawn: the dot table, the note that no term of
    the dictionary occurs in the corpus (``matched``: the dictionary's matches in all), or, when
    the corpus is not conflict news (``share``: ``conflict_share``), the note that its near-zero
    rates are tabled, not charted (``themes_chart_note``)."""
    if matched == 0:
        return ("No theme chart: no term of the theme dictionary occurs in this corpus, so every rate is zero; the "
                "table above gives each theme's upper bound for texts of these lengths.")
    if share is not None and not share["conflict"]:
        return ("No theme chart: this corpus is mostly not news of armed conflict, so its theme rates, near zero, are "
                "not charted; the table above gives every rate with its interval and the words behind it.")
    return ("Theme rates per 1,000 words, one panel per theme. Comparing articles: one row per article in date order, a "
            f"dot at the rate, a line over its {confidence:.0%} paragraph-bootstrap interval (for a theme not seen at all, "
            "up to the exact Poisson bound for zero). Comparing outlets: one row per outlet, a dot at the mean of its "
            "articles' rates, a line over the 95% interval from resampling its articles, pale dots for the articles. An "
            "open ring marks the rate without the terms found in one article only: where dot and ring lie apart, the rate "
            "rests on one text's own words.")


def themes_chart_note(share: dict) -> str:
    """The note shown in the theme chart's place (not a figure) when the corpus fails the
    conflict-news test (``conflict_share``): one line, true of this corpus."""
    reach = ("no article reaches" if share["articles"] == 0 else
             f"only {share['articles']:,d} of the {count_noun(share['n'], 'article')} "
             f"{'reaches' if share['articles'] == 1 else 'reach'}")
    return (f"No theme chart: {reach} {CONFLICT_RATE:.0f} theme matches per 1,000 words, so a chart of the rates would "
            "be dots at or near zero (the table above gives every rate).")


FEW_PER_YEAR = 10  # below this median of articles per year, a change is the arc of a handful of texts


def arc_caveat(articles: pd.DataFrame) -> str:
    """What a change over time could mean for this corpus, as a sentence: with few articles a
    year, the arc of these articles; with many, these articles and outlets, not the press."""
    years = pd.to_datetime(articles["published"]).dt.year
    per_year = years.value_counts()
    if len(per_year) < 2:
        return "With one year of articles there is no arc to read"
    if per_year.median() < FEW_PER_YEAR:
        return ("With few articles per year, this would be the arc of these articles even where a change held; "
                "it is not a measured trend in the press")
    dates = pd.to_datetime(articles["published"])
    first, last = int(years.min()), int(years.max())

    def span(year: int) -> str:  # "November to December 2015": the months this corpus holds of a year
        held = dates[years == year]
        low, high = held.min().strftime("%B"), held.max().strftime("%B")
        months = held.max().month - held.min().month + 1
        return f"{low} {year}" if low == high else f"{low} to {high} {year} ({count_noun(months, 'month')})"

    return (f"Even where a change held, it would set the {count_noun(int(per_year[first]), 'article')} of {span(first)} "
            f"against the {int(per_year[last]):,d} of {span(last)}, and describe the "
            f"articles of these {count_noun(articles['outlet'].nunique(), 'outlet')}, not a trend in the press at large")


def check_in_sample(articles: pd.DataFrame) -> str:
    """A clause for beside the theme dictionary's check (drawn from PolNeAR): " (in-sample here:
    …)" when this corpus is from PolNeAR too, by sources.csv's origin, else ""."""
    from ..report.translation_status import development_overlap

    n = development_overlap(articles)["datasets"].get("PolNeAR", 0)
    if not n:
        return ""
    whose = ("its one article is" if len(articles) == 1 else f"all {len(articles):,d} articles are" if n == len(articles)
             else f"{n:,d} of its {len(articles):,d} articles {'is' if n == 1 else 'are'}")
    return (f" (in-sample here: {whose} from PolNeAR, so the matches checked may be these very texts, and the share "
            "says less about news the dictionary has not met)")


def within_a_year(claim: str) -> str:
    """``same_period_claim``'s sentence after "Within a year:": a capital that only starts the
    sentence ("No two articles", "Articles of") is lower-cased; a name keeps its capital."""
    return claim[0].lower() + claim[1:] if claim.startswith(("No ", "Articles ")) else claim
