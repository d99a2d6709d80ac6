"""Events the articles write about, for placing publication dates in time."""

from __future__ import annotations

import pandas as pd

from .corpus import date_interval, date_label, parse_published
from .paths import DATA_DIR


def load_events() -> pd.DataFrame:
    """One row per event: ``date`` (first day), ``date_precision``, ``date_label``, ``event``."""
    events = pd.read_csv(DATA_DIR / "events.csv", dtype=str)
    events["date"] = [parse_published(d, p) for d, p in zip(events["date"], events["date_precision"])]
    events["date_label"] = [date_label(d, p) for d, p in zip(events["date"], events["date_precision"])]
    events["end"] = [date_interval(d, p)[1] for d, p in zip(events["date"], events["date_precision"])]
    return events
