"""``make bench``: the speed goals, measured (never asserted in timed tests).

- a clean build (empty ``_build/``, so every notebook executes): goal under 60 s;
- a rebuild with nothing changed (all from cache): goal under 5 s;
- the cleaner on one core: goal at least 1,000 seed-sized articles per second;
- the cleaner on the English news pages in newspaper4k's test suite (``cleaning/peer_pages.py``;
  fetched with pip, the only step that needs the network): body precision, recall and F1,
  written to ``newscorpus/data/evaluation/peer_pages_scores.csv`` for the cleaning chapter.

Results are printed and written to ``_build/bench.json``, with each notebook's execution time in the
clean build (notebooks run side by side, so each is slower than alone; the build is what counts).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import time
from pathlib import Path

from .build import build
from ..cleaning.cleaner import clean_text
from ..cleaning.peer_pages import run_peer_evaluation
from ..corpus import load

GOALS = {"clean_build_s": 60.0, "rebuild_s": 5.0, "cleaner_articles_per_s": 1000.0}
CLEANER_ARTICLES = 5000


def time_cleaner(texts: list[str], n: int = CLEANER_ARTICLES) -> float:
    """Articles cleaned per second, single process, cycling through ``texts``."""
    start = time.perf_counter()
    for i in range(n):
        clean_text(texts[i % len(texts)])
    return n / (time.perf_counter() - start)


def time_build(root: Path) -> float:
    start = time.perf_counter()
    result = build(root, capture=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"book build failed during the benchmark:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed


def notebook_times(root: Path) -> dict[str, float]:
    """Seconds each notebook took to execute, as the execution cache recorded them."""
    import yaml
    from jupyter_cache import get_cache

    cache = root / yaml.safe_load((root / "_config.yml").read_text())["execute"]["cache"]
    records = get_cache(str(cache)).list_cache_records()
    times = {Path(r.uri).resolve().relative_to(root.resolve()).as_posix(): round(r.data["execution_seconds"], 2)
             for r in records if "execution_seconds" in r.data}
    return dict(sorted(times.items(), key=lambda item: -item[1]))


def run_bench(root: Path, *, skip_build: bool = False) -> int:
    results: dict[str, float | str | int | dict] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    if not skip_build:
        shutil.rmtree(root / "_build", ignore_errors=True)
        results["clean_build_s"] = round(time_build(root), 2)
        notebooks = notebook_times(root)
        results["rebuild_s"] = round(time_build(root), 2)
    texts = list(load(root / "seeds")["raw_text"])
    results["cleaner_articles_per_s"] = round(time_cleaner(texts), 1)
    results["cleaner_articles_timed"] = CLEANER_ARTICLES
    # The cleaner on a peer project's real news pages (fetched by pip): body precision, recall, F1.
    results.update({f"peer_pages_{k}": v for k, v in run_peer_evaluation(root).items()})

    failed = []
    for key, goal in GOALS.items():
        if key not in results:
            continue
        value = results[key]
        ok = value >= goal if key.endswith("per_s") else value <= goal
        failed += [] if ok else [key]
        print(f"{key:24s} {value:>10} (goal {'≥' if key.endswith('per_s') else '<'} {goal:g}) {'ok' if ok else 'MISSED'}")
    if not skip_build:
        results["notebook_execution_s"] = notebooks
        print("notebook execution (s, side by side): " + ", ".join(f"{k} {v}" for k, v in notebooks.items()))
    results["goals"] = GOALS
    results["goals_missed"] = failed
    out = root / "_build" / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written to {out}")
    return 0
