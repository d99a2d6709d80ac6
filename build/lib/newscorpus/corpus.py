"""Load the corpus: ``seeds/sources.csv`` plus one text or HTML file per article.

``load()`` returns one row per article and validates as it goes: every row has its file,
every article file has a row, files are UTF-8 and not empty, dates parse at their stated
precision. Any failure raises :class:`~newscorpus.errors.CorpusError` with a one-line message
naming the file and the problem; nothing is ever written to the seeds folder.
"""

from __future__ import annotations

import csv
import os
import unicodedata
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
# Optional: the text encoding of a file that is not UTF-8 (e.g. cp1252), accepted as declared.
OPTIONAL_COLUMNS = ["encoding"]
# A news article is rarely over 100 kB of text; 2 MB leaves room for a saved HTML page with its
# scripts and styles, and stops a whole site dump or a binary file from being read as one.
MAX_ARTICLE_BYTES = 2_000_000
LIKELY_ENCODINGS = ["utf_16", "utf_32", "cp1252", "iso8859_15", "cp1250", "cp1251", "cp1256", "koi8_r",
                    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"]
CP1252_PUNCTUATION = set("‘’“”–—…€•™«»°·§©®¹²³½¼¾×÷")

# The written form a date must take at each precision: an article known only to the
# month is "2014-06", never "2014-06-01", so the book cannot claim a day it does not know.
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
DATE_SHAPES = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


def read_text(path: Path, encoding: str = "utf-8", max_bytes: int | None = MAX_ARTICLE_BYTES) -> str:
    """The text of ``path``; a CorpusError if it is missing, over ``max_bytes`` (an article's
    limit; None for no limit), not in ``encoding`` or empty. A file that is not UTF-8 is named
    with the encoding it looks like."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise CorpusError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB "
                              "limit for one article: is it a whole site dump? Trim it to the article")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(path, "file not found") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding.replace("_", "-").lower() not in ("utf-8", "utf8"):
            raise CorpusError(path, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}), "
                              "the encoding its row declares") from None
        guess = guess_encoding(data)
        hint = (f"; it looks like {guess}: re-save it as UTF-8, or put {guess} in the `encoding` column of its row"
                if guess else "; re-save it as UTF-8")
        raise CorpusError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}"
        ) from None
    except LookupError:
        raise CorpusError(path, f"unknown encoding {encoding!r} in its row of {SOURCES_FILE}") from None
    if not text.strip():
        raise CorpusError(path, "file is empty")
    return text.removeprefix("\ufeff")


def guess_encoding(data: bytes) -> str | None:
    """The encoding a non-UTF-8 file most likely uses. charset-normalizer alone guesses badly
    on short Western text ("Caf\xe9" comes out as Cyrillic cp1251), so Windows-1252 is
    preferred whenever every non-ASCII character it decodes to is a Latin letter or the
    punctuation Word processors write."""
    try:
        decoded = data.decode("cp1252")
        if all(ord(c) < 128 or c in CP1252_PUNCTUATION or "LATIN" in unicodedata.name(c, "") for c in decoded):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
    return best.encoding if best else None


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
    # the article size limit is not for sources.csv: 100,000 rows make a file of tens of MB
    text = read_text(sources, max_bytes=None)
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


def scan(seeds_dir: str | os.PathLike | None = None, *, read: bool = True) -> tuple[list[dict], list[CorpusError]]:
    """Every article that reads cleanly, and every problem found on the way, in file order:
    ``load`` stops at the first problem, ``check`` reports them all. With ``read=False`` the
    files are not read (the pipeline's workers read them), so their content is not checked."""
    folder = find_seeds_dir(seeds_dir)
    if not folder.is_dir():
        return [], [CorpusError(folder, "seeds folder not found")]
    sources = folder / SOURCES_FILE
    try:
        rows = _read_sources(sources)
    except CorpusError as exc:
        return [], [exc]

    problems: list[CorpusError] = []
    seen: dict[str, int] = {}
    records = []
    for line, row in rows:
        where = f"line {line}"
        empty = [column for column in REQUIRED_VALUES if not row[column]]
        if empty:
            problems.append(CorpusError(sources, f"{where}: {empty[0]} is empty"))
            continue
        name = row["file"]
        if name in seen:
            problems.append(CorpusError(sources, f"{where}: {name} is listed twice (first on line {seen[name]})"))
            continue
        seen[name] = line
        path = folder / name
        if Path(name).name != name or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(CorpusError(
                sources, f"{where}: {name!r} is not an article file name in the seeds folder "
                f"(expected one of {', '.join(ARTICLE_SUFFIXES)})"
            ))
            continue
        if not path.is_file():
            problems.append(CorpusError(path, f"listed in {SOURCES_FILE} ({where}) but the file does not exist: "
                                        "add the file or delete the row"))
            continue
        try:
            published = parse_published(row["published"], row["date_precision"])
        except ValueError as exc:
            problems.append(CorpusError(sources, f"{where} ({name}): {exc}"))
            continue
        if row["url"] and not is_web_address(row["url"]):
            problems.append(CorpusError(sources, f"{where} ({name}): url {row['url'][:40]!r} is not an http(s) "
                                        "address: give the page's http:// or https:// address, or leave it empty"))
            continue
        try:
            raw_text = read_text(path, row.get("encoding") or "utf-8") if read else None
        except CorpusError as exc:
            problems.append(exc)
            continue
        records.append(
            {
                **{c: row[c] for c in COLUMNS + [c for c in OPTIONAL_COLUMNS if c in row]},
                "published": published,
                "date_label": date_label(published, row["date_precision"]),
                "raw_text": raw_text,
            }
        )

    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.name not in seen:
            problems.append(CorpusError(path, f"article file has no row in {SOURCES_FILE}: add a row, "
                                        "or move the file out of the seeds folder"))
    if not rows:
        problems.append(CorpusError(sources, "no articles listed"))
    # publication order, file breaking ties: the book, the exports and the pipeline share it, so
    # every chapter lists and charts the articles as a reader meets the story
    records.sort(key=lambda r: (r["published"], r["file"]))
    return records, problems


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links in the book; ``javascript:`` or ``data:`` never do."""
    return url.lower().startswith(("http://", "https://"))


def load(seeds_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """One row per article: its metadata from ``sources.csv`` and its raw text.

    Columns: ``file`` (key), ``title``, ``outlet``, ``author``, ``published`` (first day of
    the period, as a date), ``date_precision`` (day, month or year), ``date_label``,
    ``date_basis``, ``url``, ``outlet_type``, ``origin``, ``raw_text``. Rows are in publication
    order, file breaking ties (as :func:`scan` gives them, and so as the exports have them).
    The first problem found raises a one-line :class:`CorpusError`.
    """
    records, problems = scan(seeds_dir)
    if problems:
        raise problems[0]
    columns = COLUMNS[:5] + ["date_precision", "date_label"] + COLUMNS[6:] + ["raw_text"]
    return pd.DataFrame.from_records(records, columns=columns)
