"""The cleaner on newspaper4k's saved news pages: body precision, recall and F1 by token overlap.

``make bench`` downloads the pinned newspaper4k source distribution into ``_build/peer_pages/``
and writes the per-page scores to ``newscorpus/data/evaluation/peer_pages_scores.csv``
(``cleaning/peer_pages.py``). Validation downloads nothing: when that archive is there (and is
the pinned one) the pages are scored afresh; when it is not, the scores ``make bench`` committed
are used, and the run says so. The gold set is not under ``--data``: it is the peer project's.

Rows: page, language, precision, recall, F1 and token counts (English pages scored). The summary
adds pooled figures, a 95% interval for the pooled F1 from resampling pages (the bench's
``f1_intervals``), and trafilatura's F1 on the same pages' HTML as ``make bench`` last measured it.
"""

from __future__ import annotations

import hashlib
import pathlib

import pandas as pd

from ..cleaning import peer_pages

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARCHIVE = ROOT / "_build" / "peer_pages" / f"{peer_pages.PEER_PROJECT}-{peer_pages.PEER_VERSION}.tar.gz"
COLUMNS = ["page", "language", "precision", "recall", "f1", "tokens_expected", "tokens_kept", "tokens_shared"]


def page_scores() -> tuple[pd.DataFrame, str]:
    """(per-page scores, where they came from): fresh from the archive if present, else committed."""
    if ARCHIVE.is_file() and hashlib.sha256(ARCHIVE.read_bytes()).hexdigest() == peer_pages.PEER_SHA256:
        return peer_pages.evaluate_pages(peer_pages.read_pages(ARCHIVE)), "scored afresh from the archive"
    print(f"cleaner: {ARCHIVE.relative_to(ROOT)} is absent (nothing is downloaded here); using the scores "
          f"`make bench` committed in newscorpus/data/evaluation/{peer_pages.SCORES_FILE}")
    return peer_pages.committed_scores()["current"][0], "committed by make bench"


def score(data_dir: pathlib.Path) -> tuple[pd.DataFrame, dict]:
    scores, _ = page_scores()
    extractor = peer_pages.committed_scores()["html_extractor"][0]
    english = scores[scores["language"] == "en"][COLUMNS].sort_values("page", ignore_index=True)
    # fresh scores are Int64, committed ones read back as floats: the same integers either way
    english = english.astype({c: int for c in ("tokens_expected", "tokens_kept", "tokens_shared")})
    pooled = peer_pages.pooled_scores(scores)
    intervals = peer_pages.f1_intervals(scores, extractor)
    summary = {"pages": pooled["pages"], "precision": pooled["precision"], "recall": pooled["recall"],
               "f1": pooled["f1"], "f1_low": float(intervals["baseline"][0]), "f1_high": float(intervals["baseline"][1]),
               "trafilatura_f1": peer_pages.pooled_scores(extractor)["f1"],
               "trafilatura_f1_low": float(intervals["other"][0]), "trafilatura_f1_high": float(intervals["other"][1])}
    return english, summary
