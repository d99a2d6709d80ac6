"""Load the corpus: ``seeds/sources.csv`` plus one text or HTML file per article.

``load()`` returns one row per article and validates as it goes: every row has its file,
every article file has a row, files are UTF-8 and not empty, dates parse at their stated
precision. Any failure raises :class:`~newscorpus.errors.CorpusError` with a one-line message
naming the file and the problem; nothing is ever written to the seeds folder.
"""

from __future__ import annotations

import csv
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import CorpusError, display_path
from .paths import SOURCES_FILE, find_seeds_dir

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# Files a corpus folder may hold besides its articles and sources.csv: the timeline's events
# (newscorpus/events.py), the dispersion plot's words (measures/themes.py) and how the corpus is
# read (corpus.toml, ``corpus_settings``). Never articles.
SETTINGS_FILE = "corpus.toml"
CORPUS_SETTINGS_FILES = ("events.csv", "dispersion_words.txt", SETTINGS_FILE)


def is_article_name(name: str) -> bool:
    """Whether a file in the corpus folder is an article: an article suffix, not a settings file."""
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES and name not in CORPUS_SETTINGS_FILES
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
# A saved web page carries its scripts, styles and inline images: real news pages saved from a
# browser run to 3 MB and more (CNN's in newspaper4k's test data: 2.5 to 2.9 MB) for a few kB of
# article, so an .html file gets more room. What is extracted from it is bounded like a text.
MAX_HTML_BYTES = 10_000_000
HTML_SUFFIXES = (".html", ".htm")


def article_byte_limit(path: Path) -> int:
    """The most bytes an article file may have: more for a saved web page than for a text."""
    return MAX_HTML_BYTES if Path(path).suffix.lower() in HTML_SUFFIXES else MAX_ARTICLE_BYTES
LIKELY_ENCODINGS = ["utf_16", "utf_32", "cp1252", "iso8859_15", "cp1250", "cp1251", "cp1256", "koi8_r",
                    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"]
CP1252_PUNCTUATION = set("‘’“”–—…€•™«»°·§©®¹²³½¼¾×÷")

# The written form a date must take at each precision: an article known only to the
# month is "2014-06", never "2014-06-01", so the book cannot claim a day it does not know.
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
DATE_SHAPES = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


# Characters a reader never sees that still split or join words for a count: zero-width spaces
# and joiners inside "IS\u200dIS" or "Mo\u200bsul", the soft hyphen, and the bidirectional
# controls that make one outlet's name display as another. They are removed before anything is
# counted; ``check`` says how many it removed.
INVISIBLE = {
    "\u00ad": "soft hyphen", "\u061c": "Arabic letter mark", "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u2060": "word joiner",
    "\u2061": "invisible operator", "\u2062": "invisible operator", "\u2063": "invisible operator",
    "\u2064": "invisible operator", "\ufeff": "zero-width no-break space",
    **{chr(c): "bidirectional control" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
}
INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")


def strip_invisible(text: str) -> tuple[str, Counter]:
    """The text as a reader sees it, and how many of each invisible character were removed."""
    found = Counter(INVISIBLE[c] for c in INVISIBLE_RE.findall(text))
    return (INVISIBLE_RE.sub("", text) if found else text), found


def describe_removed(found: Counter) -> str:
    return ", ".join(f"{n} {name}{'s' if n > 1 else ''}" for name, n in sorted(found.items()))


FILE_KINDS = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device",
              stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def not_a_regular_file(mode: int) -> str | None:
    """Why a file of this mode cannot be an article (a device or a pipe never ends), or None."""
    if stat.S_ISREG(mode):
        return None
    return f"is {FILE_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a regular file: an article must be a .txt or .html file"


def read_bytes_bounded(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file, never more than ``max_bytes`` (the size the file system
    reports is not trusted: /proc files and devices report 0). A FIFO is refused before it is
    opened for reading (opening it would wait for a writer)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CorpusError(path, "file not found") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})") from None
    problem = not_a_regular_file(info.st_mode)
    if problem:
        raise CorpusError(path, problem)
    limit = f"over the {(max_bytes or 0) / 1e6:.0f} MB limit for one article: is it a whole site dump? Trim it to the article"
    if max_bytes is not None and info.st_size > max_bytes:
        raise CorpusError(path, f"file is {info.st_size / 1e6:.1f} MB, {limit}")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        problem = not_a_regular_file(os.fstat(handle.fileno()).st_mode)  # swapped since the stat
        if problem:
            raise CorpusError(path, problem)
        try:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as exc:
            raise CorpusError(path, f"cannot be read ({exc.strerror})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise CorpusError(path, f"file is {limit}")
    return data


def read_text(path: Path, encoding: str = "utf-8", max_bytes: int | None | str = "article") -> str:
    """The text of ``path`` as a reader sees it (invisible characters removed); a CorpusError if
    it is missing, not a regular file, over ``max_bytes`` (an article's limit; None for no limit),
    not in ``encoding`` or empty. A file that is not UTF-8 is named with the encoding it looks like."""
    return read_text_and_removed(path, encoding, max_bytes)[0]


def read_text_and_removed(path: Path, encoding: str = "utf-8",
                          max_bytes: int | None | str = "article") -> tuple[str, Counter]:
    """``read_text``, and the invisible characters it removed (for ``check`` to report).
    ``max_bytes="article"`` applies the article limit for the file's kind (``article_byte_limit``)."""
    if max_bytes == "article":
        max_bytes = article_byte_limit(path)
    path = Path(path)
    data = read_bytes_bounded(path, max_bytes)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding.replace("_", "-").lower() not in ("utf-8", "utf8"):
            raise CorpusError(path, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}), "
                              "the encoding its row declares") from None
        guess = guess_encoding(data)
        hint = f"; it looks like {guess}: re-save it as UTF-8" if guess else "; re-save it as UTF-8"
        if guess and path.name != SOURCES_FILE:  # only articles have a row with an encoding column
            hint += f", or put {guess} in the `encoding` column of its row"
        raise CorpusError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}"
        ) from None
    except LookupError:
        raise CorpusError(path, f"unknown encoding {encoding!r} in its row of {SOURCES_FILE}") from None
    text, removed = strip_invisible(text.removeprefix("\ufeff"))
    if not text.strip():
        raise CorpusError(path, "file is empty")
    return text, removed


def guess_encoding(data: bytes) -> str | None:
    """The encoding a non-UTF-8 file most likely uses. charset-normalizer alone guesses badly
    on short Western text ("Caf\xe9" comes out as Cyrillic cp1251), so Windows-1252 is
    preferred whenever every non-ASCII character it decodes to is a Latin letter or the
    punctuation Word processors write. A byte-order mark or the NUL bytes of every other byte
    name UTF-16 or UTF-32 for sure."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4000]
    if len(sample) >= 4 and (sample[1::2].count(0) > 0.4 * len(sample) / 2 or sample[0::2].count(0) > 0.4 * len(sample) / 2):
        return "UTF-16"
    try:
        decoded = data.decode("cp1252")
        if all(ord(c) < 128 or c in CP1252_PUNCTUATION or "LATIN" in unicodedata.name(c, "") for c in decoded):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
    return best.encoding if best else None


DATE_PATTERNS = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"),
                 "year": re.compile(r"\d{4}")}
# News on the web: nothing before the first newspapers this book could hold, nothing dated more
# than a year ahead (a typo such as 2041 for 2014, or 9999 as "unknown", would stretch every
# timeline to the year 9999).
EARLIEST_DATE = date(1800, 1, 1)
FUTURE_MARGIN = timedelta(days=366)


def parse_published(value: str, precision: str, *, today: date | None = None) -> date:
    """The first day of the period a publication date names, checked against its precision and
    a sane range (1800 to a year from ``today``)."""
    if precision not in DATE_FORMATS:
        raise ValueError(
            f"date_precision {precision!r} is not one of {', '.join(DATE_FORMATS)}"
        )
    shape = f"is not a {precision} date (expected {DATE_SHAPES[precision]})"
    if not DATE_PATTERNS[precision].fullmatch(value):
        unpadded = re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", value) and value.count("-") == DATE_SHAPES[precision].count("-")
        raise ValueError(f"published {value!r} {shape}" + (": write month and day with two digits" if unpadded else ""))
    latest = (today or date.today()) + FUTURE_MARGIN
    try:  # the standard library first (pandas took most of a 10,000-row listing's time)
        parsed = datetime.strptime(value, DATE_FORMATS[precision]).date()
    except ValueError:
        parsed = None
    if parsed is not None and EARLIEST_DATE <= parsed <= latest:
        return parsed  # a date pandas reads the same: its range (1677-2262) holds the book's
    try:  # anything else as before, for the same message
        parsed = pd.to_datetime(value, format=DATE_FORMATS[precision]).date()
    except (ValueError, TypeError, OverflowError, NotImplementedError):
        raise ValueError(f"published {value!r} {shape}") from None
    if not EARLIEST_DATE <= parsed <= latest:
        raise ValueError(f"published {value!r} is outside {EARLIEST_DATE.year}-{latest.year}: give the date the "
                         "article appeared (leave the row out if it is unknown)")
    return parsed


def date_label(published: date, precision: str) -> str:
    """``10 June 2014``, ``June 2014`` or ``2020``: only as much as is known."""
    if precision == "day":
        return f"{published.day} {published:%B %Y}"
    return f"{published:%B %Y}" if precision == "month" else f"{published:%Y}"


# A date_basis saying the day was found by software reading the page (htmldate, as trafilatura
# uses it): on a page without publication metadata such a tool can take a site header's "today",
# the day the page was saved, for the day of publication. Such a day is given, not known.
SOFTWARE_DATE_RE = re.compile(r"htmldate|found (?:in the page )?by software|automatic(?:ally)? (?:found|detected)",
                              re.IGNORECASE)


def software_dated(articles: pd.DataFrame) -> pd.Series:
    """True for each article whose date is given to the day but was found by software in the page
    (``date_basis`` names htmldate or says so): its day may be the page's save date."""
    basis = articles.get("date_basis", pd.Series("", index=articles.index)).fillna("").astype(str)
    return (articles["date_precision"] == "day") & basis.str.contains(SOFTWARE_DATE_RE)


_H1_RE = re.compile(r"<h1[\s>]", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")
_METADATA_DATE_RE = r"(?:published_time|datePublished|pubdate|pub_date)[^<>]{{0,80}}{iso}"


def header_date_note(name: str, raw_text: str, published: date, precision: str) -> str | None:
    """A note for ``check`` when a saved page's day of publication is printed in the page's header,
    before its headline, and not in its publication metadata: a site header's "today", the day the
    page was saved (a Sott.net page saved on 25 December 2023 shows that date above an article of
    May 2020). None for a text file, a date known only to the month or year, or a page without such
    a header date."""
    if precision != "day" or not name.lower().endswith((".html", ".htm")) or not raw_text:
        return None
    headline = _H1_RE.search(raw_text)
    if not headline:
        return None
    iso = published.isoformat()
    if re.search(_METADATA_DATE_RE.format(iso=re.escape(iso)), raw_text, re.IGNORECASE):
        return None
    header = " ".join(_TAG_RE.sub(" ", raw_text[:headline.start()]).split())
    day, month, short, year = published.day, f"{published:%B}", f"{published:%b}", published.year
    forms = [iso, f"{day} {month} {year}", f"{day} {short} {year}", f"{month} {day}, {year}", f"{short} {day}, {year}",
             f"{day:02d} {short} {year}"]
    if not any(form in header for form in forms):
        return None
    return (f"{name}: its date {iso} is printed in the page's header, above the headline, and not in the page's "
            "publication metadata: it may be the day the page was saved rather than published; give the article's "
            "own date if the page shows one (under the headline, or in the text)")


def date_interval(published: date, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of time a date at this precision covers, for drawing it honestly."""
    start = pd.Timestamp(published)
    offset = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1),
              "year": pd.DateOffset(years=1)}[precision]
    return start, start + offset


# Longer than any paragraph of a real article (the longest in the seeds is under 1,000
# characters; long-form essays stay under 10,000): a cell or line this long is a missing quote
# or a missing line break, not text.
LONGEST_PLAUSIBLE_LINE = 20_000


def _read_sources(sources: Path, notes: list[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    # the article size limit is not for sources.csv: 100,000 rows make a file of tens of MB
    text, removed = read_text_and_removed(sources, max_bytes=None)
    csv.field_size_limit(2**31 - 1)  # a long cell is reported below with its line, not as a csv limit
    # strict: a quote opened and never closed is an error where it opens, not rows swallowed
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise CorpusError(sources, f"line 1: malformed CSV header ({exc})") from None
    twice = sorted({h for h in header if header.count(h) > 1 and h})
    if twice:
        raise CorpusError(sources, f"line 1: column(s) {', '.join(twice)} appear twice in the header: keep one of each")
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CorpusError(sources, f"missing column(s): {', '.join(missing)}")
    rows = []
    start = 2
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "unexpected end of data" in str(exc) or "EOF" in str(exc):
                raise CorpusError(sources, f"line {start}: a quote (\") opened on this line is never closed: "
                                  "close it, or double a quote inside a quoted cell (\"\")") from None
            raise CorpusError(sources, f"line {start}: malformed CSV ({exc})") from None
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue  # a blank line
        if len(cells) > len(header):  # more cells than the header names
            raise CorpusError(sources, f"line {line}: more values than columns")
        # only the columns the book reads: a user's own notes may be as long as they like
        used = [i for i, column in enumerate(header[:len(cells)]) if column in COLUMNS or column in OPTIONAL_COLUMNS]
        longest = max(used, key=lambda i: len(cells[i]), default=0)
        if used and len(cells[longest]) > LONGEST_PLAUSIBLE_LINE:
            raise CorpusError(sources, f"line {line}: the {header[longest]} cell is {len(cells[longest]):,} characters "
                              "long: is a closing quote or a line break missing?")
        row = {}
        for column, value in zip(header, cells + [""] * (len(header) - len(cells))):
            row[column] = unicodedata.normalize("NFC", value.strip()) if column == "file" else value.strip()
        rows.append((line, row))
    if removed and notes is not None:
        notes.append(f"{display_path(sources)}: removed {describe_removed(removed)} from its cells")
    return rows


def article_file_problem(folder: Path, name: str) -> str | None:
    """Why ``folder/name`` cannot be read as an article, or None: it must be a regular file in
    the corpus folder. A symbolic link is followed only when it stays inside the folder (an
    article linked to /etc/services would put that file's lines in the tables)."""
    path = folder / name
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "is a symbolic link to a file that does not exist: replace it with the article itself"
        if not target.is_relative_to(folder.resolve()):
            return (f"is a symbolic link to {target}, outside the corpus folder: copy the article into the folder "
                    "instead of linking to it")
        mode = target.stat().st_mode
    return not_a_regular_file(mode)


def _listing(folder: Path) -> dict[str, str]:
    """The folder's file names, by their NFC form (macOS writes NFD, editors NFC)."""
    try:
        return {unicodedata.normalize("NFC", p.name): p.name for p in folder.iterdir()}
    except OSError as exc:
        raise CorpusError(folder, f"cannot list the folder ({exc.strerror}): check its permissions") from None


def scan(seeds_dir: str | os.PathLike | None = None, *, read: bool = True,
         notes: list[str] | None = None) -> tuple[list[dict], list[CorpusError]]:
    """Every article that reads cleanly, and every problem found on the way, in file order:
    ``load`` stops at the first problem, ``check`` reports them all. With ``read=False`` the
    files are not read (the pipeline's workers read them), so their content is not checked.
    ``notes`` (if given) receives one line per file whose invisible characters were removed."""
    folder = find_seeds_dir(seeds_dir)
    if not folder.is_dir():
        return [], [CorpusError(folder, "seeds folder not found")]
    sources = folder / SOURCES_FILE
    try:
        listing = _listing(folder)
        rows = _read_sources(sources, notes)
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
        if Path(name).name != name or name in (".", "..") or not is_article_name(name):
            problems.append(CorpusError(
                sources, f"{where}: {name!r} is not an article file name in the seeds folder "
                f"(expected one of {', '.join(ARTICLE_SUFFIXES)})"
            ))
            continue
        on_disk = listing.get(name, name)  # the same name, in whichever normal form the disk has it
        path = folder / on_disk
        problem = article_file_problem(folder, on_disk)
        if problem == "missing":
            problems.append(CorpusError(path, f"listed in {SOURCES_FILE} ({where}) but the file does not exist: "
                                        "add the file or delete the row"))
            continue
        if problem:
            problems.append(CorpusError(path, f"{problem} (listed in {SOURCES_FILE}, {where})"))
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
        raw_text = None
        if read:
            try:
                raw_text, removed = read_text_and_removed(path, row.get("encoding") or "utf-8")
            except CorpusError as exc:
                problems.append(exc)
                continue
            if removed and notes is not None:
                notes.append(f"{display_path(path)}: removed {describe_removed(removed)} (invisible characters "
                             "that would split or join words in the counts)")
            header_date = header_date_note(display_path(path), raw_text, published, row["date_precision"])
            if header_date and notes is not None:
                notes.append(header_date)
        records.append(
            {
                **{c: row[c] for c in COLUMNS + [c for c in OPTIONAL_COLUMNS if c in row]},
                "file": on_disk,
                "published": published,
                "date_label": date_label(published, row["date_precision"]),
                "raw_text": raw_text,
            }
        )

    listed = {listing.get(name, name) for name in seen}
    for name in sorted(listing.values()):
        if is_article_name(name) and name not in listed:
            problems.append(CorpusError(folder / name, f"article file has no row in {SOURCES_FILE}: add a row, "
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
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame.attrs["corpus_dir"] = str(find_seeds_dir(seeds_dir))  # whose corpus.toml applies (clean_corpus)
    return frame


def outlet_counts_on_disk(seeds_dir: str | os.PathLike | None = None) -> dict[str, int]:
    """Rows per outlet in the corpus folder's ``sources.csv``, read as it stands ({} when it is
    missing or unreadable): for what must work even on a corpus ``check`` would refuse (the
    book's title, the outlets' colours). Cached while the file is unchanged."""
    from .paths import find_seeds_dir

    path = Path(find_seeds_dir(seeds_dir)) / SOURCES_FILE
    try:
        return dict(_outlet_counts(str(path), path.stat().st_mtime_ns))
    except OSError:
        return {}


@lru_cache(maxsize=8)
def _outlet_counts(path: str, _mtime: int) -> tuple[tuple[str, int], ...]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return tuple(Counter(row.get("outlet", "") for row in csv.DictReader(handle)).items())
    except (OSError, UnicodeDecodeError, csv.Error):
        return ()


# ---------------------------------------------------------------- corpus.toml

@dataclass(frozen=True)
class CorpusSettings:
    """How the book reads a corpus, from ``corpus.toml`` in its folder (every key optional).

    ``clean`` (default true): remove page furniture with the boilerplate cleaner. ``clean = false``
    declares the texts already clean (an archive exported as article text, not scraped pages):
    every paragraph is kept except the title line and what is never prose (markup tags, a
    dateline, lines with no words, a label in capitals); ``cleaning.cleaner.as_is``."""

    clean: bool = True


SETTINGS_KEYS = {"clean": bool}


def read_settings(path: Path) -> CorpusSettings:
    """The settings in ``path`` (a ``corpus.toml``); a CorpusError in one line if it is not TOML,
    names a key the book does not know, or gives a value of the wrong kind."""
    import tomllib

    try:
        data = tomllib.loads(read_bytes_bounded(path, 100_000).decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError:
        raise CorpusError(path, "not valid UTF-8: re-save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(path, f"not valid TOML ({exc}): write e.g. `clean = false`") from None
    unknown = sorted(set(data) - set(SETTINGS_KEYS))
    if unknown:
        raise CorpusError(path, f"unknown setting {unknown[0]!r}: the settings are {', '.join(SETTINGS_KEYS)}")
    for key, kind in SETTINGS_KEYS.items():
        if key in data and not isinstance(data[key], kind):
            raise CorpusError(path, f"{key} = {data[key]!r} is not true or false: write `{key} = false` or `{key} = true`")
    return CorpusSettings(**data)


def corpus_settings(seeds_dir: str | os.PathLike | None = None) -> CorpusSettings:
    """The corpus folder's settings (the defaults when it has no ``corpus.toml``); a CorpusError
    if the file is there but wrong (``check`` reports it first)."""
    path = Path(find_seeds_dir(seeds_dir)) / SETTINGS_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return CorpusSettings()
    return _cached_settings(str(path), stamp)


@lru_cache(maxsize=8)
def _cached_settings(path: str, _mtime: int) -> CorpusSettings:
    return read_settings(Path(path))
