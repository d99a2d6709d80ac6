"""Events the articles write about, for placing publication dates in time.

Events belong to a corpus, never to the book: a timeline draws only the events of the corpus it
shows. A reader's corpus folder may hold an ``events.csv`` (``EVENTS_FILE``) with the columns

- ``date``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (as in ``sources.csv``);
- ``event``: a short label, drawn on the chart (keep it under about 30 characters);
- ``date_precision`` (optional): ``day``, ``month`` or ``year``; read from the form of ``date``
  when the column is missing or the cell is empty;
- ``source`` (optional): where the date comes from, shown in the chapter's events table.

Without one, the timeline shows the publication dates alone. The book's original five articles
keep their events in ``newscorpus/data/events.csv`` (``ORIGINAL_EVENTS``), used only when the
corpus is exactly those five (:func:`newscorpus.findings.is_original_corpus`).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd

from .corpus import date_interval, date_label, parse_published, read_text
from .errors import CorpusError
from .paths import DATA_DIR, find_seeds_dir

EVENTS_FILE = "events.csv"
ORIGINAL_EVENTS = DATA_DIR / EVENTS_FILE
EVENT_COLUMNS = ["date", "date_precision", "date_label", "end", "event", "source"]
# More events than this and a file is not a list of the events the articles write about.
MAX_EVENTS = 500
PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


def no_events() -> pd.DataFrame:
    """The events table of a corpus without events: no rows, the usual columns."""
    return pd.DataFrame(columns=EVENT_COLUMNS)


def load_events(path: str | os.PathLike = ORIGINAL_EVENTS) -> pd.DataFrame:
    """One row per event of the file at ``path``, in date order: ``date`` (first day),
    ``date_precision``, ``date_label``, ``end`` (first day after the period), ``event`` and
    ``source`` (empty when not given). A problem raises a one-line
    :class:`~newscorpus.errors.CorpusError` naming the file, the line and the fix."""
    path = Path(path)
    text = read_text(path)
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [column for column in ("date", "event") if column not in header]
    if missing:
        raise CorpusError(path, f"missing column(s) {', '.join(missing)}: an events file has the columns "
                          "date and event (and optionally date_precision and source)")
    rows = []
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        if not row.get("event"):
            raise CorpusError(path, f"line {line}: the event is empty: give it a short label")
        precision = row.get("date_precision") or PRECISION_BY_LENGTH.get(len(row.get("date", "")), "day")
        try:
            first = parse_published(row.get("date", ""), precision)
        except ValueError as exc:
            message = str(exc).replace("published ", "date ", 1)
            raise CorpusError(path, f"line {line}: {message}") from None
        rows.append({"date": first, "date_precision": precision, "date_label": date_label(first, precision),
                     "end": date_interval(first, precision)[1], "event": row["event"],
                     "source": row.get("source", "")})
        if len(rows) > MAX_EVENTS:
            raise CorpusError(path, f"more than {MAX_EVENTS} events: keep the events the articles write about")
    if not rows:
        return no_events()
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return table.sort_values(["date", "event"], kind="stable", ignore_index=True)


def events_file(seeds_dir: str | os.PathLike | None = None) -> Path | None:
    """The events file that belongs to this corpus: its own ``events.csv``, else the original
    five's when the corpus is the original five, else None."""
    from .findings import is_original_corpus

    own = find_seeds_dir(seeds_dir) / EVENTS_FILE
    if own.is_file():
        return own
    return ORIGINAL_EVENTS if is_original_corpus(seeds_dir) else None


def corpus_events(seeds_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """The events of this corpus (:func:`events_file`), or an empty table when it has none."""
    path = events_file(seeds_dir)
    return no_events() if path is None else load_events(path)
