"""Every CSV the project writes goes through here: a text cell that a spreadsheet would run as a
formula (one beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a single
quote in front, as OWASP recommends against CSV injection. An article line ``=cmd|' /C calc'!A0``
is written ``'=cmd|' /C calc'!A0``: a spreadsheet shows it as text. Numbers are never changed
(``-3.5`` in a numeric column stays a number)."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _needs_quote(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell that could run as a formula quoted (numeric columns as they
    are): a copy where a cell changes, else the frame itself. Columns are first searched for such
    a cell, and only those that have one are rewritten (a speed goal: the pipeline writes every
    table of every chunk through here, and hardly any cell needs a quote)."""
    out = frame
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if any(map(_needs_quote, values.to_numpy())):  # object or pandas' string dtype
            if out is frame:
                out = frame.copy()
            out[column] = values.map(neutralise)
    return out


def to_csv_text(frame: pd.DataFrame, **kwargs) -> str:
    return neutralised(frame).to_csv(index=False, **kwargs)


def write_csv(frame: pd.DataFrame, path: str | os.PathLike, **kwargs) -> Path:
    neutralised(frame).to_csv(path, index=False, **kwargs)
    return Path(path)


def unlimited_fields() -> None:
    """Python's csv module refuses a field over 128 kB by default; an article paragraph may be
    longer (a page with no line breaks), and a table the project wrote must always read back."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2
