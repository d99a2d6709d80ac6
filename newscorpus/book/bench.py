"""``make bench``: the speed goals, measured (never asserted in timed tests).

- a clean build (empty ``_build/``, so every notebook executes): goal under 60 s;
- a rebuild with nothing changed (all from cache): goal under 5 s;
- the cleaner on one core: goal at least 1,000 seed-sized articles per second;
- the cleaner on the English news pages in newspaper4k's test suite (``cleaning/peer_pages.py``;
  fetched with pip, the only step that needs the network): body precision, recall and F1,
  written to ``newscorpus/data/evaluation/peer_pages_scores.csv`` for the cleaning chapter.

Results are printed and written to ``_build/bench.json``, with each notebook's execution time in the
clean build (notebooks run side by side, so each is slower than alone; the build is what counts).

``--archive DIR`` (``make bench ARCHIVE=DIR``) builds the book instead from an archive-sized corpus
(a copy of the book in ``_build/bench-archive/`` whose ``seeds`` is DIR) and records, under
``archive`` in ``_build/bench.json``: the clean build (goal under 300 s for 924 articles on two
cores), the rebuild with nothing changed (under 10 s), the largest page in MB (under 5 MB), each
notebook's seconds, and pass or fail for each goal. A build that fails is recorded as failed, with
its error lines.
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
ARCHIVE_GOALS = {"clean_build_s": 300.0, "rebuild_s": 10.0, "largest_page_mb": 5.0}
BOOK_PARTS = ["_config.yml", "_toc.yml", "book", "notebooks", "newscorpus", "requirements.txt", "constraints.txt",
              "pyproject.toml"]
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


def largest_pages(html_dir: Path, top: int = 5) -> list[tuple[str, float]]:
    """The ``top`` biggest pages (path under the HTML folder, MB)."""
    sizes = [(p.relative_to(html_dir).as_posix(), p.stat().st_size / 1e6) for p in html_dir.rglob("*.html")]
    return [(name, round(mb, 2)) for name, mb in sorted(sizes, key=lambda item: -item[1])[:top]]


def archive_copy(root: Path, archive: Path) -> Path:
    """A copy of the book in ``_build/bench-archive/`` whose ``seeds`` is a link to ``archive``."""
    target = root / "_build" / "bench-archive"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for part in BOOK_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        elif source.is_file():
            shutil.copy2(source, target / part)
    (target / "seeds").symlink_to(archive.resolve(), target_is_directory=True)
    return target


def run_archive_bench(root: Path, archive: Path) -> int:
    """Clean build, no-change rebuild and largest page of the book built from ``archive``."""
    from ..check import check_corpus

    root = root.resolve()
    book = archive_copy(root, archive)
    env = {"PYTHONPATH": str(book), "NEWSCORPUS_SEEDS": str(book / "seeds")}
    _, problems = check_corpus(book / "seeds")
    articles = len(load(book / "seeds")) if not problems else None
    results: dict = {"archive": str(archive.resolve()), "articles": articles,
                     "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                     "load_average_at_start": round(os.getloadavg()[0], 2), "book": str(book)}
    if problems:
        results["error"] = [str(p) for p in problems[:10]]
    else:
        start = time.perf_counter()
        clean = build(book, capture=True, env=env)
        (root / "_build" / "bench-archive-clean.log").write_text(clean.stdout)
        results["clean_build_s"] = round(time.perf_counter() - start, 2)
        results["clean_build_ok"] = clean.returncode == 0
        try:
            results["notebook_execution_s"] = notebook_times(book)
        except Exception:  # noqa: BLE001 - no cache records when the build failed early
            results["notebook_execution_s"] = {}
        if clean.returncode != 0:
            results["error"] = [line for line in clean.stdout.splitlines()[-6:] if line.startswith(("error:", "note:"))]
        else:
            start = time.perf_counter()
            again = build(book, capture=True, env=env)
            results["rebuild_s"] = round(time.perf_counter() - start, 2)
            results["rebuild_ok"] = again.returncode == 0
        pages = largest_pages(book / "_build" / "html")
        results["largest_pages_mb"] = dict(pages)
        results["largest_page_mb"] = pages[0][1] if pages else None
        results["html_total_mb"] = round(sum(p.stat().st_size for p in (book / "_build" / "html").rglob("*")
                                             if p.is_file()) / 1e6, 1)
    results["load_average_at_end"] = round(os.getloadavg()[0], 2)
    verdicts = {}
    for key, goal in ARCHIVE_GOALS.items():
        value = results.get(key)
        ok = value is not None and value < goal and results.get(key.replace("_s", "_ok"), True) is not False
        verdicts[key] = "pass" if ok else "fail"
        print(f"archive {key:18s} {value if value is not None else '-':>10} (goal < {goal:g}) {verdicts[key]}")
    results["goals"] = ARCHIVE_GOALS
    results["verdicts"] = verdicts
    for line in results.get("error", []):
        print(line)
    out = root / "_build" / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    recorded = json.loads(out.read_text()) if out.is_file() else {}
    recorded["archive"] = results
    out.write_text(json.dumps(recorded, indent=2) + "\n")
    print(f"written to {out} (archive)")
    return 0 if all(v == "pass" for v in verdicts.values()) else 1
