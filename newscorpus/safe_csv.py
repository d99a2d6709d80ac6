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


_MISSING = object()  # a key a row does not have: pandas' NaN, written as an empty cell
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _column_cells(values: list) -> list[str] | None:
    """The cells ``pd.DataFrame(rows).to_csv()`` writes for one column, from the column's
    values (``_MISSING`` where a row lacks the key), for the kinds of column the pipeline makes;
    None for anything else (numpy scalars, mixed kinds), which is left to pandas."""
    kinds = {type(v) for v in values}
    missing = object in kinds
    kinds.discard(object)
    if not kinds <= _PLAIN:
        return None
    if kinds == {str} and not missing:  # text (pandas' object column), quoted against formulas
        return [("'" + v) if v.startswith(FORMULA_STARTS) else v for v in values]
    if kinds <= {str, type(None)} and str in kinds:  # text with gaps (None, a row without it): empty
        return [(("'" + v) if v.startswith(FORMULA_STARTS) else v) if type(v) is str else "" for v in values]
    if kinds == {bool} and not missing:
        return ["True" if v else "False" for v in values]
    if kinds == {int} and not missing:
        return [str(v) for v in values]
    if kinds <= {int, float, type(None)} and (float in kinds or type(None) in kinds or missing) \
            and kinds & {int, float}:
        # pandas' float64 column: every number as a float (3 -> "3.0", numpy's shortest repr,
        # which is Python's), a gap or NaN empty; ints too large to be exact go to pandas
        if int in kinds and any(type(v) is int and abs(v) >= 2**53 for v in values):
            return None
        return ["" if v is None or v is _MISSING or v != v else repr(float(v)) for v in values]
    return None


def write_rows(rows: list[dict], path: str | os.PathLike, lineterminator: str = "\n") -> Path:
    """``write_csv(pd.DataFrame(rows), path)``, byte for byte, without building the DataFrame
    (a speed goal: the pipeline writes every table of every chunk): columns in first-seen
    order, each written as pandas writes its dtype. A column of another kind falls back on
    pandas for the whole table."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    cells = []
    for column in columns:
        found = _column_cells([row.get(column, _MISSING) for row in rows])
        if found is None:
            return write_csv(pd.DataFrame(rows), path, lineterminator=lineterminator)
        cells.append(found)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator=lineterminator)
        writer.writerow(columns)
        writer.writerows(zip(*cells))
    return Path(path)
