"""Keyword in context: every count can be turned back into the lines that produced it."""

from __future__ import annotations

import re

import pandas as pd

KWIC_COLUMNS = ["file", "paragraph", "left", "match", "right"]


def _context(paragraph: str, start: int, end: int, width: int) -> dict[str, str]:
    left = paragraph[max(0, start - width):start]
    right = paragraph[end:end + width]
    return {
        "left": ("…" if start > width else "") + left,
        "match": paragraph[start:end],
        "right": right + ("…" if end + width < len(paragraph) else ""),
    }


def kwic(paragraphs_by_file: dict[str, list[str]], spans: pd.DataFrame, width: int = 50) -> pd.DataFrame:
    """Context for each span (``file``, ``paragraph``, ``start``, ``end``; other columns kept)."""
    rows = []
    for row in spans.to_dict("records"):
        paragraph = paragraphs_by_file[row["file"]][row["paragraph"]]
        extra = {k: v for k, v in row.items() if k not in ("file", "paragraph", "start", "end", "match")}
        rows.append({"file": row["file"], "paragraph": row["paragraph"],
                     **_context(paragraph, row["start"], row["end"], width), **extra})
    return pd.DataFrame(rows, columns=KWIC_COLUMNS + [c for c in spans.columns
                                                      if c not in ("file", "paragraph", "start", "end", "match")])


def kwic_pattern(paragraphs_by_file: dict[str, list[str]], pattern: str, width: int = 50,
                 flags: int = 0) -> pd.DataFrame:
    """Every match of a regular expression, in context: for a term the lists do not cover."""
    regex = re.compile(pattern, flags)
    rows = [
        {"file": file, "paragraph": i, **_context(p, m.start(), m.end(), width)}
        for file, paragraphs in paragraphs_by_file.items()
        for i, p in enumerate(paragraphs)
        for m in regex.finditer(p)
    ]
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
