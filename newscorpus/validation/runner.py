"""``python -m newscorpus validate``: every measure scored on public gold data.

Each scorer module of this package (``MEASURES``) exposes ``score(data_dir) -> (items, summary)``:
per-item rows with ids and numbers only, and a flat dict of numbers. The runner writes
``newscorpus/data/validation/<measure>_items.csv`` and one ``summary.json`` (sorted keys, floats
rounded, so a rerun on the same data and code leaves the checkout unchanged), prints how long
each scorer took and keeps those timings in ``_build/validate_timings.json`` only.

A scorer whose module is not there yet is skipped with a note; ``--only`` reruns some scorers
and keeps the others' committed summaries.
"""

from __future__ import annotations

import importlib
import json
import pathlib
import sys
import time

import pandas as pd

MEASURES = ["sentences", "pos", "attribution", "loaded", "readability", "cleaner", "agency", "republication"]
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "newscorpus" / "data" / "validation"
TIMINGS = ROOT / "_build" / "validate_timings.json"
DECIMALS = 4
WHERE_TO_GET = ("the public gold sets (UD English EWT, BABE, CLEAR, PolNeAR) as laid out in "
                "../shared/evaluation (see its README.md), or pass --data DIR")


class MissingData(Exception):
    """The gold data folder is not there."""


def default_data_dir(root: pathlib.Path = ROOT) -> pathlib.Path:
    return root.parent / "shared" / "evaluation"


def check_data_dir(data_dir: pathlib.Path) -> pathlib.Path:
    if not data_dir.is_dir():
        raise MissingData(f"{data_dir}: no gold data here; get {WHERE_TO_GET}")
    return data_dir


def script_data_dir(argv: list[str]) -> pathlib.Path | None:
    """The fitting scripts' data folder (their first argument, else ``default_data_dir``), or
    None after printing the one-line error when it is not there."""
    try:
        return check_data_dir(pathlib.Path(argv[0]) if argv else default_data_dir())
    except MissingData as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def scorer(measure: str):
    """The scorer module of ``measure``, or None when it is not in this checkout."""
    name = f"{__package__}.{measure}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def rounded(value):
    """Floats rounded to ``DECIMALS`` (recursively), so reruns write identical bytes."""
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, DECIMALS) + 0.0  # + 0.0: never write -0.0
    if hasattr(value, "item"):  # numpy scalars
        return rounded(value.item())
    return value


def items_csv(items: pd.DataFrame) -> str:
    return items.to_csv(index=False, float_format=f"%.{DECIMALS}f", lineterminator="\n")


def summary_json(summary: dict) -> str:
    return json.dumps(rounded(summary), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def committed_summary(out_dir: pathlib.Path = OUT_DIR) -> dict:
    path = out_dir / "summary.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def run(data_dir: pathlib.Path, only: list[str] | None = None, out_dir: pathlib.Path = OUT_DIR) -> int:
    """Score the measures, write their files, print timings; 0, or 2 when a scorer lacked its data."""
    check_data_dir(data_dir)
    summary = committed_summary(out_dir) if only else {}
    timings, status = {}, 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for measure in only or MEASURES:
        module = scorer(measure)
        if module is None:
            print(f"{measure}: skipped (newscorpus/validation/{measure}.py is not in this checkout)")
            continue
        start = time.perf_counter()
        try:
            items, found = module.score(data_dir)
        except FileNotFoundError as exc:
            print(f"error: {exc.filename}: missing; get {WHERE_TO_GET}")
            status = 2
            continue
        timings[measure] = round(time.perf_counter() - start, 1)
        # a scorer's speed figures ("ms_per_...") depend on the machine's load: timings, not scores,
        # so a rerun leaves the committed files unchanged
        for key in [key for key in found if key.startswith("ms_per_")]:
            timings[f"{measure}_{key}"] = round(found.pop(key), 2)
        summary[measure] = found
        (out_dir / f"{measure}_items.csv").write_text(items_csv(items), encoding="utf-8")
        print(f"{measure}: {len(items):,} items in {timings[measure]:.1f} s")
    (out_dir / "summary.json").write_text(summary_json(summary), encoding="utf-8")
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
    print(f"total {sum(v for k, v in timings.items() if k in MEASURES):.1f} s; timings in {TIMINGS.relative_to(ROOT)}")
    return status
