"""What the methods appendix needs to know about the corpus to describe its methods truly.

The appendix (``book/methods.md``) states each measure once for any corpus, but some of its
sentences are true of one corpus only: which unit the chapters compare (articles, with a
Bonferroni-corrected interval for every pair, or outlets, with the cluster bootstrap), whether any
article has a hand annotation to score the extractor against, and whether the corpus is the data a
method was developed or checked on (then that method's score is in-sample here). Everything here is
read from the corpus folder and the package's data files, cheaply: nothing is measured.
"""

from __future__ import annotations

import pandas as pd

from . import units
from .paths import DATA_DIR

EVALUATION = DATA_DIR / "evaluation"


def _annotated(name: str, files) -> int:
    """How many of ``files`` have a row in the hand-annotation file ``name``."""
    path = EVALUATION / name
    if not path.exists():
        return 0
    gold = pd.read_csv(path, comment="#", usecols=["file"])
    return len(set(gold["file"].astype(str)) & set(map(str, files)))


def corpus_facts(articles: pd.DataFrame) -> dict:
    """``original`` (the book's five), ``unit`` (``units.ARTICLE`` or ``units.OUTLET``),
    ``articles``, ``outlets``, ``hand_labels`` and ``hand_attributions`` (articles with a hand
    count of the group's labels and a hand annotation of attributions), ``polnear`` (articles
    recorded as from PolNeAR, the data several methods were developed or checked on) and
    ``in_sample`` (the sentence the other pages print about that, "" when there is no overlap)."""
    from .findings import is_original_corpus
    from .report.translation_status import development_overlap, in_sample_sentence

    files = articles["file"].tolist() if "file" in articles else []
    overlap = development_overlap(articles) if len(articles) else {"datasets": {}}
    return {
        "original": is_original_corpus(),
        "unit": units.comparison_unit(articles) if len(articles) else units.ARTICLE,
        "articles": len(articles),
        "outlets": int(articles["outlet"].nunique()) if "outlet" in articles else 0,
        "hand_labels": _annotated("label_counts_gold.csv", files),
        "hand_attributions": _annotated("attributions_gold.csv", files),
        "polnear": int(overlap["datasets"].get("PolNeAR", 0)),
        "in_sample": in_sample_sentence(articles) if len(articles) else "",
    }


def outlet_intervals_text(facts: dict) -> str:
    """How outlets are compared, for a corpus whose unit is the outlet (MyST; cites by key). The
    number of outlet pairs is the readability chapter's glue, quoted by the page around this."""
    return (
        "This corpus has several articles per outlet, so the chapters compare *outlets*, not articles, and no two "
        "articles are compared pair by pair. An outlet's interval comes from the cluster bootstrap "
        "{cite:p}`FieldWelsh2007`: the outlet's *articles* are redrawn with replacement "
        f"({units.RESAMPLES:,d} draws) and its mean over them recomputed, and the middle {units.CONFIDENCE:.0%} of "
        "those means is the interval; an outlet with fewer than "
        f"{units.MIN_ARTICLES_FOR_INTERVAL} articles gets no interval and is described, not compared, and wire copy "
        "is left out. Two outlets are said to differ only where their intervals do not overlap "
        "(`units.separated_outlets`): a screen, not a test, and a strict one, since two intervals can overlap while the "
        "difference is clear {cite:p}`SchenkerGentleman2001` (for two intervals of equal width, not overlapping "
        "corresponds to a two-sided test at about the 0.6% level). No correction is made for the number of pairs "
        "screened. Each stated difference is given with the interval of the difference (the two outlets' redrawn "
        "means subtracted draw by draw) and Cohen's d on the articles' values {cite:p}`Cohen1988`.")
