"""Load the corpus: ``seeds/sources.csv`` plus one text or HTML file per article.

``load()`` returns one row per article and validates as it goes: every row has its file,
every article file has a row, files are UTF-8 and not empty, dates parse at their stated
precision. Any failure raises :class:`~newscorpus.errors.CorpusError` with a one-line message
naming the file and the problem; nothing is ever written to the seeds folder.
"""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pandas as pd

from .errors import CorpusError
from .paths import SOURCES_FILE, find_seeds_dir

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
COLUMNS = [
    "file",
    "title",
    "outlet",
    "author",
    "published",
    "date_precision",
    "date_basis",
    "url",
    "outlet_type",
    "origin",
]
REQUIRED_VALUES = ["file", "title", "outlet", "published", "date_precision"]

# The written form a date must take at each precision: an article known only to the
# month is "2014-06", never "2014-06-01", so the book cannot claim a day it does not know.
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
DATE_SHAPES = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


def read_utf8(path: Path) -> str:
    """The text of ``path``; a CorpusError if it is missing, not UTF-8 or empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(path, "file not found") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise CorpusError(path, "file is empty")
    return text.removeprefix("\ufeff")


def parse_published(value: str, precision: str) -> date:
    """The first day of the period a publication date names, checked against its precision."""
    if precision not in DATE_FORMATS:
        raise ValueError(
            f"date_precision {precision!r} is not one of {', '.join(DATE_FORMATS)}"
        )
    try:
        return pd.to_datetime(value, format=DATE_FORMATS[precision]).date()
    except (ValueError, TypeError):
        raise ValueError(
            f"published {value!r} is not a {precision} date (expected {DATE_SHAPES[precision]})"
        ) from None


def date_label(published: date, precision: str) -> str:
    """``10 June 2014``, ``June 2014`` or ``2020``: only as much as is known."""
    if precision == "day":
        return f"{published.day} {published:%B %Y}"
    return f"{published:%B %Y}" if precision == "month" else f"{published:%Y}"


def date_interval(published: date, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of time a date at this precision covers, for drawing it honestly."""
    start = pd.Timestamp(published)
    offset = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1),
              "year": pd.DateOffset(years=1)}[precision]
    return start, start + offset


def _read_sources(sources: Path) -> list[tuple[int, dict[str, str]]]:
    text = read_utf8(sources)
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(sources, f"missing column(s): {', '.join(missing)}")
    rows = []
    try:
        for record in reader:
            if None in record:  # more cells than the header names
                raise CorpusError(sources, f"line {reader.line_num}: more values than columns")
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in record.items()}))
    except csv.Error as exc:
        raise CorpusError(sources, f"line {reader.line_num}: malformed CSV ({exc})") from None
    return rows


def load(seeds_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """One row per article: its metadata from ``sources.csv`` and its raw text.

    Columns: ``file`` (key), ``title``, ``outlet``, ``author``, ``published`` (first day of
    the period, as a date), ``date_precision`` (day, month or year), ``date_label``,
    ``date_basis``, ``url``, ``outlet_type``, ``origin``, ``raw_text``. Rows are sorted by file.
    """
    folder = find_seeds_dir(seeds_dir)
    if not folder.is_dir():
        raise CorpusError(folder, "seeds folder not found")
    sources = folder / SOURCES_FILE
    rows = _read_sources(sources)

    seen: dict[str, int] = {}
    records = []
    for line, row in rows:
        where = f"line {line}"
        for column in REQUIRED_VALUES:
            if not row[column]:
                raise CorpusError(sources, f"{where}: {column} is empty")
        name = row["file"]
        if name in seen:
            raise CorpusError(sources, f"{where}: {name} is listed twice (first on line {seen[name]})")
        seen[name] = line
        path = folder / name
        if Path(name).name != name or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
            raise CorpusError(
                sources, f"{where}: {name!r} is not an article file name in the seeds folder "
                f"(expected one of {', '.join(ARTICLE_SUFFIXES)})"
            )
        if not path.is_file():
            raise CorpusError(path, f"listed in {SOURCES_FILE} ({where}) but the file does not exist")
        try:
            published = parse_published(row["published"], row["date_precision"])
        except ValueError as exc:
            raise CorpusError(sources, f"{where} ({name}): {exc}") from None
        records.append(
            {
                **{c: row[c] for c in COLUMNS},
                "published": published,
                "date_label": date_label(published, row["date_precision"]),
                "raw_text": read_utf8(path),
            }
        )

    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.name not in seen:
            raise CorpusError(path, f"article file has no row in {SOURCES_FILE}")
    if not records:
        raise CorpusError(sources, "no articles listed")

    columns = COLUMNS[:5] + ["date_precision", "date_label"] + COLUMNS[6:] + ["raw_text"]
    return pd.DataFrame.from_records(records, columns=columns).sort_values("file", ignore_index=True)
