"""Charts for the readability chapter: scores with both intervals, pairwise differences, sentence
lengths, by article or by outlet. Articles are named and coloured as everywhere in the book; a
chart never draws more than ``MAX_ROWS`` rows (the rest are in the searchable tables), and a table
has a row per article or outlet, searchable beyond ``MAX_TABLE_ROWS``."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from . import GREY, MEAN_INTERVAL, MIDDLE_HALF, article_names, outlet_colours, use_style
from ..prose import count_noun
from ..measures.readability import (CONFIDENCE, EASIER_WHEN_HIGHER, SCORE_NAMES, SENSITIVITY_VARIANTS,
                                    SMOG_MIN_SENTENCES, score_unit, shown_gap, well_formed)

# A chart draws at most this many rows (articles or outlets); a table beyond this many rows is a
# searchable, paged table (``newscorpus.book.evidence``) instead of a page-long one.
MAX_ROWS = 40
MAX_TABLE_ROWS = 40


def _ringed_index(rows: pd.DataFrame) -> int:
    """Position in ``rows`` (``words``, and ``text`` when known) of the sentence a chart rings: the
    longest that looks whole (``well_formed``), or the longest of all where none does (or no text is
    given): the rule of ``readability.longest_sentences``, so a ring and the longest-sentence table
    below it show the same sentence."""
    lengths = rows["words"].to_numpy()
    whole = (np.array([well_formed(t) for t in rows["text"]], dtype=bool) if "text" in rows
             else np.zeros(len(rows), dtype=bool))
    pool = np.flatnonzero(whole) if whole.any() else np.arange(len(lengths))
    return int(pool[np.argmax(lengths[pool])])


_FILE_PART = re.compile(r"^(?P<head>.*\S) \[(?P<stem>[^\[\]]*)\]$")  # "Outlet, date [file stem]" (labels.article_labels)
_STEM_PREFIX = re.compile(r"^[^_\s]*_\d{4}-\d{2}-\d{2}_")  # the stem's outlet and date, already in the label


def short_label(label: str, width: int = 50) -> str:
    """A chart's label of at most about ``width`` characters, never cut inside a word or a bracket:
    the outlet and date stay whole, and of the file stem that tells two such articles apart (its
    outlet and date, already in the label, dropped) the first whole words are kept, an ellipsis
    inside the bracket saying more follow. The table has the full name."""
    if len(label) <= width:
        return label
    found = _FILE_PART.match(label)
    if not found:  # no file part: cut at a word, with an ellipsis
        return textwrap.shorten(label, width, placeholder=" …") if " " in label else label
    head, stem = found["head"], _STEM_PREFIX.sub("", found["stem"]) or found["stem"]
    pieces = re.findall(r"[^-_\s]+[-_\s]?", stem)
    room = max(width - len(head) - 4, 0)  # " [" + "…]"
    kept = ""
    for piece in pieces:
        if len(kept) + len(piece.rstrip("-_ ")) > room:
            break
        kept += piece
    kept = kept.rstrip("-_ ")
    if kept == stem.rstrip("-_ "):
        return f"{head} [{kept}]"
    # at least the first word, so two articles of one outlet and date stay apart
    return f"{head} [{kept or pieces[0].rstrip('-_ ')}…]"


def chart_rows(scores: pd.DataFrame, score: str, limit: int = MAX_ROWS,
               pool: str = "articles") -> tuple[pd.DataFrame, str]:
    """The articles a per-article chart draws: all of them up to ``limit``; beyond, the
    ``limit // 2`` hardest and the ``limit // 2`` easiest on ``score`` (point score), with a
    sentence saying so (``""`` when all are drawn); ``pool`` names what they are drawn from
    ("articles of at least 100 words")."""
    if len(scores) <= limit:
        return scores, ""
    order = scores.sort_values(score, ascending=score in EASIER_WHEN_HIGHER, kind="stable")
    half = limit // 2
    shown = pd.concat([order.head(half), order.tail(half)])
    return shown, (f"The {half} hardest and the {half} easiest of {len(scores):,d} {pool} on "
                   f"{SCORE_NAMES[score]}; every article is in the table.")


def _outlet_colours_for(files, overview: pd.DataFrame) -> list[str]:
    outlets = overview.set_index("file").loc[list(files), "outlet"]
    colours = outlet_colours(overview["outlet"])
    return [colours[o] for o in outlets]


def score_intervals(scores: pd.DataFrame, overview: pd.DataFrame, columns: int = 3,
                    formulas: list[str] | None = None, pool: str = "articles") -> plt.Figure:
    """One panel per formula (``formulas``, or all seven): each article's score (dot), its
    sentence-bootstrap interval (thick bar) and its paragraph-block interval (thin bar). SMOG
    below 30 sentences is drawn hollow. The legend sits under the panels. ``scores`` are the
    ranked articles (the chapter leaves out texts too short to rank); ``pool`` says what they are
    when only the hardest and easiest are drawn. Each panel's x-axis names its unit (grade or points)."""
    use_style()
    names = list(formulas or SCORE_NAMES)
    columns = min(columns, len(names))  # the legend goes under the panels, not in a spare one
    rows = int(np.ceil(len(names) / columns))
    # each row of panels repeats the articles: fewer of them when there are several rows
    scores, note = chart_rows(scores, names[0], MAX_ROWS // rows, pool)
    scores = scores.reset_index(drop=True)
    n = len(scores)
    labels = [short_label(label) for label in article_names(scores["file"], overview)]
    # long article names (many articles, file names added) take width: wrap the panel titles
    wrap = 40 if max(map(len, labels), default=0) < 32 else 22
    height = rows * (1.1 + (0.3 if n <= 12 else 0.22) * n) + 0.5  # + the legend's line under the panels
    fig, axes = plt.subplots(rows, columns, figsize=(9, height), sharey=True, squeeze=False)
    colours = _outlet_colours_for(scores["file"], overview)
    ys = np.arange(n)
    for ax, name in zip(axes.flat, names):
        ax.hlines(ys, scores[f"{name}_block_low"], scores[f"{name}_block_high"], color=colours, linewidth=1.2, alpha=0.6)
        ax.hlines(ys, scores[f"{name}_low"], scores[f"{name}_high"], color=colours, linewidth=4, alpha=0.9)
        hollow = ~scores["smog_reliable"] if name == "smog_grade" else np.zeros(n, dtype=bool)
        ax.scatter(scores[name], ys, s=28, zorder=3, color=["white" if h else c for h, c in zip(hollow, colours)],
                   edgecolors="black", linewidths=0.8)
        title = SCORE_NAMES[name] + (" (higher = easier)" if name == "reading_ease" else "")
        ax.set_title(textwrap.fill(title, wrap), fontsize=9)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("grade" if score_unit(name) == "grades" else "points", fontsize=8)
    for ax in axes.flat[len(names):]:
        ax.axis("off")
    axes[0, 0].set_yticks(ys, labels)
    for ax in axes[:, 0]:  # the shared names show on each row of panels: one size for all
        ax.tick_params(axis="y", labelsize=8)
    axes[0, 0].invert_yaxis()
    legend = [Line2D([0], [0], color=GREY, linewidth=4, label=f"{CONFIDENCE:.0%} interval, sentences resampled"),
              Line2D([0], [0], color=GREY, linewidth=1.2, label=f"{CONFIDENCE:.0%} interval, paragraphs resampled"),
              Line2D([0], [0], marker="o", color="white", markeredgecolor="black", linestyle="none",
                     label=f"SMOG from fewer than {SMOG_MIN_SENTENCES} sentences")][:3 if "smog_grade" in names else 2]
    fig.legend(handles=legend, loc="lower center", ncol=len(legend), fontsize=8, bbox_to_anchor=(0.5, 0.0))
    if note:
        fig.suptitle(textwrap.fill(note, 90), fontsize=9, x=0.01, ha="left")
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))  # room for the legend under the panels
    return fig


# Ten articles make 45 pairs; beyond that the pairwise table shows only the clearest differences,
# and the chart (two lines of names a row) the clearest MAX_CHART_PAIRS.
MAX_PAIRS = 45
MAX_CHART_PAIRS = 30


def clearest_pairs(pairs: pd.DataFrame, beyond: np.ndarray, limit: int = MAX_PAIRS) -> list[int]:
    """Positions of the pairs ``beyond`` the noise, largest difference first (ties in order), at
    most ``limit``: what the chart and the table show when there are too many pairs to show all."""
    size = pairs["difference"].abs().to_numpy()
    return [i for i in np.argsort(-size, kind="stable") if beyond[i]][:limit]


def pairwise_chart(pairs: pd.DataFrame, overview: pd.DataFrame, xlabel: str) -> plt.Figure:
    """Each pair of articles: the difference (dot) with both corrected intervals; pairs whose
    intervals both exclude zero in black, the rest in grey."""
    use_style()
    total = len(pairs)
    if total > MAX_CHART_PAIRS:  # 50 articles make 1,225 pairs: show the clear differences, largest first
        pairs = pairs.iloc[clearest_pairs(pairs, pairs["exceeds_noise"].to_numpy(), MAX_CHART_PAIRS)]
    first = [short_label(label) for label in article_names(pairs["first"], overview)]
    second = [short_label(label) for label in article_names(pairs["second"], overview)]
    # two lines per pair and the legend above the axes: long outlet names never squeeze the plot
    labels = [f"{a}\nminus {b}" for a, b in zip(first, second)]
    ys = np.arange(len(pairs))
    colours = ["black" if clear else GREY for clear in pairs["exceeds_noise"]]
    if not total:  # one article: nothing to compare, said in the chart rather than an empty frame
        fig, ax = plt.subplots(figsize=(9, 1.4))
        ax.axis("off")
        ax.text(0.5, 0.5, "No pair to compare: fewer than two articles are ranked.", ha="center", va="center")
        return fig
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.48 * len(pairs)))
    ax.hlines(ys - 0.12, pairs["sentence_low"], pairs["sentence_high"], color=colours, linewidth=3.5)
    ax.hlines(ys + 0.12, pairs["block_low"], pairs["block_high"], color=colours, linewidth=1.2)
    ax.scatter(pairs["difference"], ys, color=colours, zorder=3, s=22)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(ys, labels, fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    if len(pairs) < total:
        shown = (f"The {len(pairs):,d} largest of the differences that exceed the noise" if len(pairs)
                 else "No difference exceeds the noise")
        ax.set_title(f"{shown} ({count_noun(total, 'pair')} in all)", fontsize=9, loc="left", pad=28)
    ax.legend(handles=[Line2D([0], [0], color="black", linewidth=3.5, label="sentences resampled"),
                       Line2D([0], [0], color="black", linewidth=1.2, label="paragraphs resampled"),
                       Line2D([0], [0], color=GREY, linewidth=3.5, label="within the noise (grey)")],
              loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def sentence_lengths(sentences: pd.DataFrame, overview: pd.DataFrame) -> plt.Figure:
    """Every sentence as a dot at its length in words, one row per article, over a box of the
    middle half; each article's longest whole sentence ringed (``_ringed_index``)."""
    use_style()
    files = list(dict.fromkeys(sentences["file"]))
    total = len(files)
    if total > MAX_ROWS:  # the articles with the longest sentences (as ringed), in the corpus's order
        longest = pd.Series({f: rows["words"].to_numpy()[_ringed_index(rows)]
                             for f, rows in sentences.groupby("file", sort=False)})
        keep = set(longest.sort_values(ascending=False, kind="stable").index[:MAX_ROWS])
        files = [f for f in files if f in keep]
    labels = [short_label(label) for label in article_names(files, overview)]
    colours = _outlet_colours_for(files, overview)
    fig, ax = plt.subplots(figsize=(9, 1.2 + (0.5 if len(files) <= 12 else 0.3) * len(files)))
    if len(files) < total:
        ax.set_title(f"The {len(files)} articles with the longest sentences, of {total:,d} "
                     "(every article's longest is in the table)", fontsize=9, loc="left")
    jitter = np.random.default_rng(0)  # fixed: the same picture on every build
    for y, (file, colour) in enumerate(zip(files, colours)):
        rows = sentences.loc[sentences["file"] == file]
        lengths = rows["words"].to_numpy()
        ringed = _ringed_index(rows)
        ax.boxplot(lengths, positions=[y], orientation="horizontal", widths=0.5, showfliers=False,
                   medianprops={"color": "black"}, boxprops={"color": GREY}, whiskerprops={"color": GREY},
                   capprops={"color": GREY})
        offsets = jitter.uniform(-0.18, 0.18, len(lengths))
        offsets[ringed] = 0  # the ringed sentence sits in the middle of its ring
        ax.scatter(lengths, y + offsets, s=12, color=colour, alpha=0.75, zorder=3)
        ax.scatter([lengths[ringed]], [y], s=140, facecolors="none", edgecolors="black", linewidths=1.2, zorder=4)
    ax.set_yticks(range(len(files)), labels)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Sentence length (words); ringed: each article's longest whole sentence (as in the table)")
    fig.tight_layout()
    return fig


# --- reader tables (pandas Stylers, every cell escaped) ---------------------------------------

COUNT_HEADINGS = {
    "sentences": "Sentences (ours)", "textstat_sentences": "Sentences (textstat, whole text)", "paragraphs": "Paragraphs",
    "words": "Words", "syllables": "Syllables", "polysyllables": "Words of 3+ syllables",
    "letters": "Letters", "characters": "Letters and digits", "difficult_words": "Unfamiliar words (Dale–Chall)",
}


def _long_table(table: pd.DataFrame, overview: pd.DataFrame, formats: dict | None = None, caption: str | None = None,
                spread_over: list[str] | None = None):
    """``table`` (indexed by file, a column per measure) with a row per article, named by outlet
    and date; beyond ``MAX_TABLE_ROWS`` articles a searchable, paged table (``spread_over=[]``:
    a table too long for the page keeps its first rows, in its own order, instead of a sample)."""
    from ..overview import reader_style

    named = table.set_axis(pd.Index(article_names(table.index, overview), name="Article"), axis=0)
    if len(named) > MAX_TABLE_ROWS:
        from ..book.evidence import evidence_table

        return evidence_table(named.reset_index(), formats=formats, caption=caption, spread_over=spread_over)
    style = reader_style(named, formats)
    return style.set_caption(caption) if caption else style


def counts_table(scores: pd.DataFrame, overview: pd.DataFrame):
    """The counts every score is computed from: a row per article."""
    table = scores.set_index("file")[list(COUNT_HEADINGS)].rename(columns=COUNT_HEADINGS)
    return _long_table(table, overview, {c: "{:,.0f}".format for c in table.columns})


def _with_interval(value, low, high) -> str:
    if pd.isna(value):
        return "—"
    return f"{value:.1f} ({low:.1f} to {high:.1f})" if pd.notna(low) and pd.notna(high) else f"{value:.1f}"


def scores_table(scores: pd.DataFrame, overview: pd.DataFrame):
    """Each score with its sentence-bootstrap 95% interval: a row per article."""
    indexed = scores.set_index("file")
    table = pd.DataFrame({
        SCORE_NAMES[name]: [_with_interval(v, lo, hi) for v, lo, hi in
                            zip(indexed[name], indexed[f"{name}_low"], indexed[f"{name}_high"])]
        for name in SCORE_NAMES
    }, index=indexed.index)
    return _long_table(table, overview)


def versus_textstat_table(scores: pd.DataFrame, comparison: pd.DataFrame, overview: pd.DataFrame):
    """Ours against textstat's, per score and article: ``ours / textstat``, a row per article
    that ``comparison`` scored."""
    indexed = scores.set_index("file").loc[[f for f in scores["file"] if f in comparison.index]]
    table = pd.DataFrame({
        SCORE_NAMES[name]: [f"{a:.1f} / {b:.1f}" for a, b in zip(indexed[name], comparison.loc[indexed.index, name])]
        for name in SCORE_NAMES
    }, index=indexed.index)
    table["textstat's consensus grade"] = comparison.loc[indexed.index, "consensus_grade"].map("{:.0f}".format)
    return _long_table(table, overview)


def segmenter_table(summary: pd.DataFrame):
    """The segmenters against the hand count and, where the summary has them, the Golden Rules
    (split exactly; textstat only counts, so it has none), and their cost."""
    from ..overview import reader_style

    def of(passed, total):
        return [f"{int(a)} of {int(n)}" if pd.notna(a) else "—" for a, n in zip(passed, total)]

    columns = {
        "Segmenter": summary["segmenter"],
        "Articles counted exactly": of(summary["articles_exact"], summary["articles"]),
        "Sentences off (all articles)": summary["sentences_off"],
        "Paragraphs counted right": of(summary["paragraphs_right"], summary["paragraphs"]),
    }
    if "golden_passed" in summary:
        columns["Golden Rules split right"] = of(summary["golden_passed"], summary["golden_rules"])
        columns["of them prose rules"] = of(summary["golden_prose_passed"], summary["golden_prose"])
    columns["Milliseconds per article"] = summary["ms_per_article"]
    table = pd.DataFrame(columns).set_index("Segmenter")
    return reader_style(table, {"Milliseconds per article": "{:.2f}"})


def diversity_reader_table(diversity: pd.DataFrame, overview: pd.DataFrame):
    """Lexical diversity per article; the raw ratio shown only to be warned against."""
    from ..measures.diversity import MATTR_WINDOW

    mattr_heading = f"MATTR ({MATTR_WINDOW}-word windows)"
    table = diversity.set_index("file")[["tokens", "types", "type_token_ratio", "mtld", "mattr"]]
    table = table.set_axis(["Words (numbers left out)", "Distinct words", "Type/token ratio (do not compare)", "MTLD", mattr_heading], axis=1)
    def shown(spec: str):  # a text too short for a measure (MTLD on a few words) shows a dash, not "nan"
        return lambda value: "—" if pd.isna(value) else spec.format(value)

    return _long_table(table, overview, {"Type/token ratio (do not compare)": shown("{:.2f}"), "MTLD": shown("{:.1f}"),
                                         mattr_heading: shown("{:.3f}")})


def longest_table(longest: pd.DataFrame, overview: pd.DataFrame):
    """Each article's longest sentence, as text. Beyond ``MAX_TABLE_ROWS`` articles, longest first,
    and a page too long for the page keeps the longest rows (not a sample): the sentences the prose
    and the sentence-length chart name are the table's first rows."""
    columns, headings = ["words", "text"], ["Words", "Longest sentence"]
    if "list_like" in longest and longest["list_like"].any():  # a roster of names is marked, not hidden
        longest = longest.assign(shape=["list, not prose" if x else "" for x in longest["list_like"]])
        columns, headings = columns + ["shape"], headings + ["List?"]
    if len(longest) > MAX_TABLE_ROWS:
        longest = longest.sort_values("words", ascending=False, kind="stable")
        table = longest.set_index("file")[columns].set_axis(headings, axis=1)
        return _long_table(table, overview, caption="Each article's longest sentence, longest first", spread_over=[])
    table = longest.set_index("file")[columns].set_axis(headings, axis=1)
    shown = _long_table(table, overview)
    if hasattr(shown, "set_properties"):
        shown = shown.set_properties(subset=["Longest sentence"], **{"text-align": "left"})
    return shown


def segmenter_by_article_table(comparison: pd.DataFrame, overview: pd.DataFrame):
    """Sentences each segmenter found per article, against the hand count: ``found / hand``
    (paragraphs counted right in brackets when not all)."""
    from ..overview import reader_style

    cell = [f"{f} / {h}" + ("" if r == p else f" ({r} of {p} paragraphs)")
            for f, h, r, p in zip(comparison["found"], comparison["hand"], comparison["paragraphs_right"], comparison["paragraphs"])]
    table = comparison.assign(cell=cell).pivot(index="segmenter", columns="file", values="cell")
    table = table.loc[list(dict.fromkeys(comparison["segmenter"]))]
    # the hand-counted articles in the corpus's order and by name where they are in it, else
    # after them by file name
    order = {f: i for i, f in enumerate(overview["file"])}
    table = table[sorted(table.columns, key=lambda f: (order.get(f, len(order)), f))]
    known = [f for f in table.columns if f in order]
    names = dict(zip(known, article_names(known, overview)))
    table.columns = [names.get(f, Path(f).stem) for f in table.columns]
    table.index.name = "Segmenter"
    table.columns.name = None
    return reader_style(table)


def pairwise_table(pairs_by_score: dict[str, pd.DataFrame], overview: pd.DataFrame, max_rows: int = MAX_PAIRS):
    """Every pair of articles (first minus second), one row per score: the difference, its
    corrected intervals by sentences and by paragraphs, and whether both exclude zero, so the
    prose's comparisons can be checked, the paragraph intervals included. Beyond ``max_rows``
    pairs, only those beyond the noise on some score are listed, largest first."""
    from ..overview import reader_style

    first = next(iter(pairs_by_score.values()))
    beyond = np.logical_or.reduce([p["exceeds_noise"].to_numpy() for p in pairs_by_score.values()])
    rows = list(range(len(first)))
    if len(first) > max_rows:  # 50 articles make 1,225 pairs
        rows = clearest_pairs(first, beyond, max_rows)
    pair_names = [f"{a} minus {b}" for a, b in zip(article_names(first["first"].iloc[rows], overview),
                                                 article_names(first["second"].iloc[rows], overview))]
    records = []
    for pair_name, i in zip(pair_names, rows):
        for heading, pairs in pairs_by_score.items():
            row = pairs.iloc[i]
            records.append({"Pair (first minus second)": pair_name, "Score": heading, "Difference": row["difference"],
                            "Interval, sentences resampled": f"{row['sentence_low']:+.1f} to {row['sentence_high']:+.1f}",
                            "Interval, paragraphs resampled": f"{row['block_low']:+.1f} to {row['block_high']:+.1f}",
                            "Beyond the noise": "yes" if row["exceeds_noise"] else "no"})
    columns = ["Pair (first minus second)", "Score", "Difference", "Interval, sentences resampled",
               "Interval, paragraphs resampled", "Beyond the noise"]
    table = pd.DataFrame(records, columns=columns).set_index(columns[:2])
    style = reader_style(table, {"Difference": "{:+.1f}"})
    if len(rows) < len(first):  # say what was left out, as the pairwise chart does
        shown = f"The {len(rows):,d} pairs beyond the noise on some score" if rows else "No pair is beyond the noise"
        style = style.set_caption(f"{shown} ({count_noun(len(first), 'pair')} in all; the largest {max_rows:,d} at most)")
    return style


def punkt_abbreviation_note(summary: pd.DataFrame, chosen: str) -> str:
    """How Punkt given our abbreviations does on the hand count beside the chosen segmenter, as
    a clause for the chapter: the hand count flatters the segmenter whose rules were written on it."""
    by_name = summary.set_index("segmenter")
    punkt = int(by_name.loc["NLTK Punkt + our abbreviations", "articles_exact"])
    ours = int(by_name.loc[chosen, "articles_exact"])
    if punkt >= ours:
        return "given the same abbreviations, Punkt counts as many of those articles exactly"
    return f"even given the same abbreviations, Punkt counts only {punkt} of those articles exactly, ours {ours}"


def sensitivity_reader_table(sensitivity: pd.DataFrame, overview: pd.DataFrame, max_rows: int = MAX_PAIRS):
    """``readability.sensitivity_pairs`` as a reader wants it: a row per pair (first minus second),
    a column per variant, each cell the difference and whether it exceeds the noise (both
    corrected intervals exclude zero). Beyond ``max_rows`` pairs, only those beyond the noise in
    some variant, largest first as measured."""
    from ..overview import reader_style

    by_variant = {v: t.reset_index(drop=True) for v, t in sensitivity.groupby("variant", sort=False)}
    first = by_variant["as_measured"]
    keys = list(zip(first["first"], first["second"]))
    rows = list(range(len(first)))
    if len(first) > max_rows:
        beyond = np.logical_or.reduce([[pair in set(zip(t.loc[t["exceeds_noise"], "first"], t.loc[t["exceeds_noise"], "second"]))
                                        for pair in keys] for t in by_variant.values()])
        rows = clearest_pairs(first, np.asarray(beyond), max_rows)
    labels = [f"{a} minus {b}" for a, b in zip(article_names(first["first"].iloc[rows], overview),
                                              article_names(first["second"].iloc[rows], overview))]
    columns = {}
    for variant, table in by_variant.items():
        found = {(a, b): (d, e) for a, b, d, e in zip(table["first"], table["second"], table["difference"], table["exceeds_noise"])}
        cells = []
        for i in rows:
            if keys[i] not in found:  # an article with no sentence left in this variant
                cells.append("not compared")
                continue
            d, e = found[keys[i]]
            cells.append(f"{d:+.1f}, " + ("beyond the noise" if e else "within"))
        columns[SENSITIVITY_VARIANTS.get(variant, (variant,))[0].capitalize()] = cells
    table = pd.DataFrame(columns, index=pd.Index(labels, name="Pair (first minus second)"))
    return reader_style(table)


def fitted_reader_table(scores: pd.DataFrame, fitted: pd.DataFrame, formulas: list[str], overview: pd.DataFrame):
    """The leading formulas' scores beside the fitted reader ease (higher is easier), a row per
    article."""
    indexed = scores.set_index("file")
    table = pd.DataFrame({SCORE_NAMES[name]: indexed[name].map(lambda v: "—" if pd.isna(v) else f"{v:.1f}")
                          for name in formulas})
    table["Fitted reader ease (CLEAR scale, higher is easier)"] = fitted.set_index("file")["fitted_ease"].reindex(
        indexed.index).map(lambda v: "—" if pd.isna(v) else f"{v:+.2f}")
    return _long_table(table, overview)


# --- outlets as the unit ----------------------------------------------------------------------


def _outlet_order(summary: pd.DataFrame, score: str) -> list[str]:
    rows = summary[summary["measure"] == score].dropna(subset=["mean"])
    rows = rows.sort_values(["mean", "outlet"], ascending=[score in EASIER_WHEN_HIGHER, True], kind="stable")
    return list(rows["outlet"])


def chart_outlets(summary: pd.DataFrame, score: str, limit: int = MAX_ROWS) -> tuple[list[str], str]:
    """The outlets an outlet chart draws, hardest first on ``score``: all up to ``limit``; beyond,
    the ``limit`` with the most articles, with a sentence saying so."""
    order = _outlet_order(summary, score)
    if len(order) <= limit:
        return order, ""
    counts = summary[summary["measure"] == score].set_index("outlet")["articles"]
    keep = set(counts.loc[order].sort_values(ascending=False, kind="stable").index[:limit])
    return ([o for o in order if o in keep],
            f"The {limit} outlets with the most articles, of {len(order):,d}; every outlet is in the table.")


def outlet_intervals(summary: pd.DataFrame, scores: pd.DataFrame, articles: pd.DataFrame,
                     formulas: list[str]) -> plt.Figure:
    """One panel per formula, one row per outlet (hardest first on the first formula): each
    article's score (small grey dot), the outlet's middle half of articles (wide pale bar), its
    mean (large dot) and the 95% interval of the mean from resampling its articles (thin black
    line; none below ``units.MIN_ARTICLES_FOR_INTERVAL`` articles, the mean then drawn hollow):
    the book's one encoding (``plots.MIDDLE_HALF``, ``plots.MEAN_INTERVAL``). ``scores`` are the
    articles the outlets' means are taken over (wire copy left out), so every dot is in a mean."""
    from ..units import MIN_ARTICLES_FOR_INTERVAL

    use_style()
    outlets, note = chart_outlets(summary, formulas[0])
    counts = summary[summary["measure"] == formulas[0]].set_index("outlet")["articles"]
    colours = outlet_colours(counts.index, counts)
    by_file = scores.merge(articles[["file", "outlet"]], on="file", how="inner")
    n = max(len(outlets), 1)
    fig, axes = plt.subplots(1, len(formulas) + 1, figsize=(10, 1.6 + 0.36 * n), sharey=True, squeeze=False,
                             gridspec_kw={"width_ratios": [*([3] * len(formulas)), 1.6]})
    axes = axes[0]
    ys = {outlet: y for y, outlet in enumerate(outlets)}
    jitter = np.random.default_rng(0)  # fixed: the same picture on every build
    for ax, name in zip(axes, formulas):
        rows = summary[(summary["measure"] == name) & summary["outlet"].isin(outlets)]
        dots = by_file[by_file["outlet"].isin(outlets)].dropna(subset=[name])
        ax.scatter(dots[name], [ys[o] + jitter.uniform(-0.2, 0.2) for o in dots["outlet"]], s=6, color=GREY,
                   alpha=0.35, linewidths=0, zorder=1)
        for row in rows.itertuples():
            y, colour = ys[row.outlet], colours[row.outlet]
            ax.hlines(y, row.q25, row.q75, **MIDDLE_HALF, zorder=0.5)
            if pd.notna(row.low):
                ax.hlines(y, row.low, row.high, **MEAN_INTERVAL, zorder=3)
            ax.scatter([row.mean], [y], s=36, zorder=4, color=colour if pd.notna(row.low) else "white",
                       edgecolors="black", linewidths=0.8)
        ax.set_title(textwrap.fill(SCORE_NAMES[name] + (" (higher = easier)" if name in EASIER_WHEN_HIGHER else ""), 34),
                     fontsize=9)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("grade" if score_unit(name) == "grades" else "points", fontsize=8)
    axes[0].set_yticks(range(len(outlets)), [f"{textwrap.shorten(o, 38)} ({int(counts[o]):,d})" for o in outlets],
                       fontsize=8)
    axes[0].set_ylim(n - 0.5, -0.8)
    spare = axes[-1]
    spare.axis("off")
    handles = [
        Line2D([0], [0], marker="o", color=GREY, linestyle="none", markersize=3, label="one article"),
        Line2D([0], [0], label="middle half of its articles", **MIDDLE_HALF),
        Line2D([0], [0], label=f"{CONFIDENCE:.0%} interval of the mean,\narticles resampled", **MEAN_INTERVAL),
    ]
    drawn = summary[summary["measure"].isin(formulas) & summary["outlet"].isin(outlets)]
    if drawn["low"].isna().any():  # the white dot is explained only where some outlet has one
        handles.append(Line2D([0], [0], marker="o", color="white", markeredgecolor="black", linestyle="none",
                              label=f"mean without interval\n(fewer than {MIN_ARTICLES_FOR_INTERVAL} articles)"))
    spare.legend(handles=handles, loc="center", fontsize=8)
    if note:
        fig.suptitle(note, fontsize=9, x=0.01, ha="left")
    fig.tight_layout()
    return fig


def outlet_table(summary: pd.DataFrame, formulas: list[str]):
    """A row per outlet (hardest first on the first formula): its articles and, for each formula,
    the mean with its 95% interval from resampling articles, and the median with the middle half."""
    from ..overview import reader_style

    order = _outlet_order(summary, formulas[0])
    indexed = summary.set_index(["measure", "outlet"])
    table = pd.DataFrame(index=pd.Index(order, name="Outlet"))
    table["Articles"] = [int(indexed.loc[(formulas[0], o), "articles"]) for o in order]
    for name in formulas:
        rows = indexed.loc[name].reindex(order)
        table[f"{SCORE_NAMES[name]}: mean ({CONFIDENCE:.0%} interval)"] = [
            _with_interval(r.mean, r.low, r.high) + ("" if pd.notna(r.low) else " (no interval)")
            for r in rows.itertuples()]
        table[f"{SCORE_NAMES[name]}: median (middle half)"] = [
            "—" if pd.isna(r.median) else f"{r.median:.1f} ({r.q25:.1f} to {r.q75:.1f})" for r in rows.itertuples()]
    if len(table) > MAX_TABLE_ROWS:
        from ..book.evidence import evidence_table

        return evidence_table(table.reset_index())
    return reader_style(table)


def outlet_pairs_table(summary: pd.DataFrame, score: str):
    """The pairs of outlets whose intervals on ``score`` do not overlap (``units.separated_outlets``),
    largest gap first: harder, easier, both means and the gap."""
    from ..overview import reader_style
    from ..units import separated_outlets

    pairs = separated_outlets(summary, score)
    harder_is_higher = score not in EASIER_WHEN_HIGHER
    rows = []
    for row in pairs.itertuples():
        harder, easier = (row.higher, row.lower) if harder_is_higher else (row.lower, row.higher)
        h_mean, e_mean = (row.higher_mean, row.lower_mean) if harder_is_higher else (row.lower_mean, row.higher_mean)
        rows.append({"Harder outlet": harder, "Mean": h_mean, "Easier outlet": easier, "Mean ": e_mean,
                     # the gap between the two means as shown (16.04 − 14.36 is shown 16.0, 14.4, gap 1.6)
                     "Gap": shown_gap(row.higher_mean, row.lower_mean)})
    table = pd.DataFrame(rows, columns=["Harder outlet", "Mean", "Easier outlet", "Mean ", "Gap"])
    table = table.sort_values("Gap", ascending=False, kind="stable")
    formats = {"Mean": "{:.1f}", "Mean ": "{:.1f}", "Gap": "{:.1f}"}
    if len(table) > MAX_TABLE_ROWS:
        from ..book.evidence import evidence_table

        return evidence_table(table, formats=formats)
    caption = None if len(table) else f"No two outlets are separated on {SCORE_NAMES[score]}."
    style = reader_style(table.set_index("Harder outlet"), formats)
    return style.set_caption(caption) if caption else style


def outlet_sentence_lengths(sentences: pd.DataFrame, articles: pd.DataFrame, dots: int = 300) -> plt.Figure:
    """Sentence lengths pooled over each outlet's articles: a box of the middle half and at most
    ``dots`` sentences drawn at random (fixed seed) per outlet, its longest whole sentence ringed; at most
    ``MAX_ROWS`` outlets (those with the most articles). ``sentences`` are those of the articles
    the outlets are compared on (wire copy left out): each row's count is of its articles there."""
    use_style()
    merged = sentences.merge(articles[["file", "outlet"]], on="file", how="inner")
    counts = merged.groupby("outlet")["file"].nunique()
    order = counts.sort_index().sort_values(ascending=False, kind="stable")
    outlets = list(order.index[:MAX_ROWS])
    colours = outlet_colours(counts.index, counts)
    fig, ax = plt.subplots(figsize=(9, 1.4 + (0.42 if len(outlets) <= 12 else 0.3) * max(len(outlets), 1)))
    rng = np.random.default_rng(0)
    for y, outlet in enumerate(outlets):
        rows = merged.loc[merged["outlet"] == outlet]
        lengths = rows["words"].to_numpy()
        if not len(lengths):
            continue
        ax.boxplot(lengths, positions=[y], orientation="horizontal", widths=0.5, showfliers=False,
                   medianprops={"color": "black"}, boxprops={"color": GREY}, whiskerprops={"color": GREY},
                   capprops={"color": GREY})
        shown = lengths if len(lengths) <= dots else rng.choice(lengths, dots, replace=False)
        ax.scatter(shown, y + rng.uniform(-0.18, 0.18, len(shown)), s=8, color=colours[outlet], alpha=0.5, zorder=3)
        ax.scatter([lengths[_ringed_index(rows)]], [y], s=120, facecolors="none", edgecolors="black",
                   linewidths=1.2, zorder=4)
    ax.set_yticks(range(len(outlets)), [f"{textwrap.shorten(o, 38)} ({int(order[o]):,d})" for o in outlets])
    ax.set_ylim(max(len(outlets), 1) - 0.5, -0.6)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(f"Sentence length (words), all sentences of each outlet's articles (at most {dots} drawn); "
                  "ringed: the longest whole sentence", fontsize=9)
    if len(outlets) < len(order):
        ax.set_title(f"The {len(outlets)} outlets with the most articles, of {len(order):,d}", fontsize=9, loc="left")
    fig.tight_layout()
    return fig


def outlet_sensitivity_table(sensitivity: pd.DataFrame):
    """``readability.outlet_sensitivity`` as a reader wants it: a row per check, the pairs of
    outlets separated in it and how many of those separated as measured still are."""
    from ..overview import reader_style

    key = lambda t: set(zip(t["higher"], t["lower"]))
    base = key(sensitivity[sensitivity["variant"] == "as_measured"])
    rows = []
    for variant, (label, _) in SENSITIVITY_VARIANTS.items():
        found = key(sensitivity[sensitivity["variant"] == variant])
        rows.append({"Check": label.capitalize(), "Pairs of outlets separated": len(found),
                     "Of those separated as measured": f"{len(base & found)} of {len(base)}"})
    return reader_style(pd.DataFrame(rows).set_index("Check"))
