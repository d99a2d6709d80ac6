"""Charts for the readability chapter: scores with both intervals, pairwise differences, sentence
lengths. Articles are named and coloured as everywhere in the book; heights grow with the number
of articles (tested up to 50)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from . import GREY, article_names, outlet_colours, use_style
from ..measures.readability import CONFIDENCE, SCORE_NAMES, SENSITIVITY_VARIANTS, SMOG_MIN_SENTENCES


def _outlet_colours_for(files, overview: pd.DataFrame) -> list[str]:
    outlets = overview.set_index("file").loc[list(files), "outlet"]
    colours = outlet_colours(overview["outlet"])
    return [colours[o] for o in outlets]


def score_intervals(scores: pd.DataFrame, overview: pd.DataFrame, columns: int = 3,
                    formulas: list[str] | None = None) -> plt.Figure:
    """One panel per formula (``formulas``, or all seven): each article's score (dot), its
    sentence-bootstrap interval (thick bar) and its paragraph-block interval (thin bar). SMOG
    below 30 sentences is drawn hollow. A spare panel always holds the legend."""
    use_style()
    names = list(formulas or SCORE_NAMES)
    columns = min(columns, len(names) + 1)
    rows = int(np.ceil(len(names) / columns))
    n = len(scores)
    labels = article_names(scores["file"], overview)
    # long article names (many articles, file names added) take width: wrap the panel titles
    wrap = 40 if max(map(len, labels)) < 32 else 22
    fig, axes = plt.subplots(rows, columns, figsize=(9, rows * (1.1 + (0.3 if n <= 12 else 0.22) * n)),
                             sharey=True, squeeze=False)
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
    spare = axes.flat[len(names)] if len(names) < rows * columns else axes.flat[-1]
    spare.legend(handles=legend, loc="center", fontsize=8)
    fig.tight_layout()
    return fig


# Ten articles make 45 pairs; beyond that the pairwise chart shows only the clearest differences.
MAX_PAIRS = 45


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
    if total > MAX_PAIRS:  # 50 articles make 1,225 pairs: show the clear differences, largest first
        pairs = pairs.iloc[clearest_pairs(pairs, pairs["exceeds_noise"].to_numpy())]
    first = article_names(pairs["first"], overview)
    second = article_names(pairs["second"], overview)
    # two lines per pair and the legend above the axes: long outlet names never squeeze the plot
    labels = [f"{a}\nminus {b}" for a, b in zip(first, second)]
    ys = np.arange(len(pairs))
    colours = ["black" if clear else GREY for clear in pairs["exceeds_noise"]]
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
        ax.set_title(f"{shown} ({total:,d} pairs in all)", fontsize=9, loc="left", pad=28)
    ax.legend(handles=[Line2D([0], [0], color="black", linewidth=3.5, label="sentences resampled"),
                       Line2D([0], [0], color="black", linewidth=1.2, label="paragraphs resampled"),
                       Line2D([0], [0], color=GREY, linewidth=3.5, label="within the noise (grey)")],
              loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def sentence_lengths(sentences: pd.DataFrame, overview: pd.DataFrame) -> plt.Figure:
    """Every sentence as a dot at its length in words, one row per article, over a box of the
    middle half; each article's longest sentence ringed."""
    use_style()
    files = list(dict.fromkeys(sentences["file"]))
    labels = article_names(files, overview)
    colours = _outlet_colours_for(files, overview)
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.5 * len(files)))
    jitter = np.random.default_rng(0)  # fixed: the same picture on every build
    for y, (file, colour) in enumerate(zip(files, colours)):
        lengths = sentences.loc[sentences["file"] == file, "words"].to_numpy()
        ax.boxplot(lengths, positions=[y], orientation="horizontal", widths=0.5, showfliers=False,
                   medianprops={"color": "black"}, boxprops={"color": GREY}, whiskerprops={"color": GREY},
                   capprops={"color": GREY})
        offsets = jitter.uniform(-0.18, 0.18, len(lengths))
        offsets[lengths.argmax()] = 0  # the longest sits in the middle of its ring
        ax.scatter(lengths, y + offsets, s=12, color=colour, alpha=0.75, zorder=3)
        ax.scatter([lengths.max()], [y], s=140, facecolors="none", edgecolors="black", linewidths=1.2, zorder=4)
    ax.set_yticks(range(len(files)), labels)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Sentence length (words); ringed: each article's longest sentence")
    fig.tight_layout()
    return fig


# --- reader tables (pandas Stylers, every cell escaped) ---------------------------------------

COUNT_HEADINGS = {
    "sentences": "Sentences (ours)", "textstat_sentences": "Sentences (textstat, whole text)", "paragraphs": "Paragraphs",
    "words": "Words", "syllables": "Syllables", "polysyllables": "Words of 3+ syllables",
    "letters": "Letters", "characters": "Letters and digits", "difficult_words": "Unfamiliar words (Dale–Chall)",
}


def _by_article(table: pd.DataFrame, overview: pd.DataFrame):
    from ..overview import by_article_columns, reader_style

    return reader_style(by_article_columns(table, overview))


def counts_table(scores: pd.DataFrame, overview: pd.DataFrame):
    """The counts every score is computed from: one column per article."""
    table = scores.set_index("file")[list(COUNT_HEADINGS)].rename(columns=COUNT_HEADINGS)
    return _by_article(table, overview)


def scores_table(scores: pd.DataFrame, overview: pd.DataFrame):
    """Each score with its sentence-bootstrap 95% interval: one column per article."""
    indexed = scores.set_index("file")
    table = pd.DataFrame({
        SCORE_NAMES[name]: [f"{v:.1f} ({lo:.1f} to {hi:.1f})" for v, lo, hi in
                            zip(indexed[name], indexed[f"{name}_low"], indexed[f"{name}_high"])]
        for name in SCORE_NAMES
    }, index=indexed.index)
    return _by_article(table, overview)


def versus_textstat_table(scores: pd.DataFrame, comparison: pd.DataFrame, overview: pd.DataFrame):
    """Ours against textstat's, per score and article: ``ours / textstat``."""
    indexed = scores.set_index("file")
    table = pd.DataFrame({
        SCORE_NAMES[name]: [f"{a:.1f} / {b:.1f}" for a, b in zip(indexed[name], comparison.loc[indexed.index, name])]
        for name in SCORE_NAMES
    }, index=indexed.index)
    table["textstat's consensus grade"] = comparison.loc[indexed.index, "consensus_grade"].map("{:.0f}".format)
    return _by_article(table, overview)


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
    from ..overview import reader_style

    from ..measures.diversity import MATTR_WINDOW

    mattr_heading = f"MATTR ({MATTR_WINDOW}-word windows)"
    table = diversity.set_index("file")[["tokens", "types", "type_token_ratio", "mtld", "mattr"]]
    table = table.set_axis(["Words (numbers left out)", "Distinct words", "Type/token ratio (do not compare)", "MTLD", mattr_heading], axis=1)
    table.index = pd.Index(article_names(table.index, overview), name="Article")
    return reader_style(table, {"Type/token ratio (do not compare)": "{:.2f}", "MTLD": "{:.1f}",
                                mattr_heading: "{:.3f}"})


def longest_table(longest: pd.DataFrame, overview: pd.DataFrame):
    """Each article's longest sentence, as text."""
    from ..overview import reader_style

    table = longest.set_index("file")[["words", "text"]].set_axis(["Words", "Longest sentence"], axis=1)
    table.index = pd.Index(article_names(table.index, overview), name="Article")
    return reader_style(table).set_properties(subset=["Longest sentence"], **{"text-align": "left"})


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
        style = style.set_caption(f"{shown} ({len(first):,d} pairs in all; the largest {max_rows:,d} at most)")
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
    """The leading formulas' scores beside the fitted reader ease (higher is easier), one column
    per article."""
    indexed = scores.set_index("file")
    table = pd.DataFrame({SCORE_NAMES[name]: indexed[name].map("{:.1f}".format) for name in formulas})
    table["Fitted reader ease (CLEAR scale, higher is easier)"] = fitted.set_index("file")["fitted_ease"].reindex(
        indexed.index).map("{:+.2f}".format)
    return _by_article(table, overview)
