"""Headlines, standfirsts and captions: how the group is named and judged where readers look
first (Pan and Kosicki 1993; van Dijk 1988), apart from the body.

The same label, actor and lexicon matching as the body's (``framing.scan_paragraph``) runs on each
display part the cleaner kept: the headline (the title line the page prints, or the title of its
``sources.csv`` row when the text has none), the standfirst and every caption.
"""

from __future__ import annotations

import pandas as pd

from . import lexicons
from .framing import scan_paragraph
from .lexicons import LABEL, LEXICON

PART_ORDER = ("headline", "standfirst", "caption")
HEADLINE_COLUMNS = ["file", "part", "text", "names", "descriptors", "member_nouns", "loaded"]


def _kinds() -> dict[str, str]:
    return {r["label"]: r["kind"] for r in lexicons.read_csv("framing", "labels.csv")}


def part_rows(file: str, headline: str, standfirst: str, captions: list[str]) -> list[dict]:
    """One row per display part: its text, the group's names, descriptors ("the terrorist
    ISIS", "so-called") and member nouns in it, and the loaded words (the domain list)."""
    kinds = _kinds()
    parts = [("headline", headline), ("standfirst", standfirst)] + [("caption", c) for c in captions]
    rows = []
    for part, text in parts:
        if not text or not text.strip():
            continue
        hits = scan_paragraph(text)
        found = {"name": [], "descriptor": [], "member noun": []}
        for family, name, _lemma, start, end, _voice in hits:
            if family == LABEL:
                found.setdefault(kinds.get(name, "name"), []).append(text[start:end])
        loaded = [text[h[3]:h[4]] for h in hits if h[0] == LEXICON and h[1] == "loaded"]
        rows.append({"file": file, "part": part, "text": " ".join(text.split()),
                     "names": "; ".join(found["name"]), "descriptors": "; ".join(found["descriptor"]),
                     "member_nouns": "; ".join(found["member noun"]), "loaded": "; ".join(loaded)})
    return rows


def headline_table(cleaned: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``part_rows`` for every article (``cleaned`` from ``clean_corpus``; ``articles`` gives the
    metadata title where the text prints none)."""
    titles = dict(zip(articles["file"], articles["title"]))
    rows = []
    for row in cleaned.itertuples():
        headline = row.title_line or titles.get(row.file, "")
        rows += part_rows(row.file, headline, row.standfirst, list(row.captions))
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)
