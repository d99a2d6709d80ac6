"""``python -m newscorpus bench --articles N``: the whole per-article analysis at archive scale.

A synthetic corpus of N articles is written from the seeds with deterministic variations (every
body paragraph of every copy differs, so no cache or template can shortcut the work; the page
furniture stays, so the cleaner has its usual work). The pipeline runs on each backend; then,
in the same run, on the same backend and cores, textstat's seven indices alone run over the
same cleaned texts: the floor no analysis of readability can go below. One JSON line per
backend: ``backend``, ``articles``, ``seconds``, ``articles_per_s``, ``peak_rss_mb``,
``textstat_floor_per_s``, ``floor_ratio`` (articles_per_s / textstat_floor_per_s).
"""

from __future__ import annotations

import csv
import json
import random
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil

from .corpus import COLUMNS, load
from .pipeline import BACKENDS, Backend, _chunks, analyse_to_folder, clean_task, corpus_tasks
# Imported with this module, so in every worker that runs the floor before its clock starts
# (the analysis no longer imports textstat, and its import, NLTK and SciPy with it, is no part
# of the floor).
from .textstat_offline import textstat

NUMBER_RE = re.compile(r"\b\d+\b")


def vary(paragraph: str, rng: random.Random, serial: int) -> str:
    """The same paragraph with its numbers changed, two words swapped and a serial number
    woven in: the same kind of text, never the same line twice."""
    paragraph = NUMBER_RE.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), paragraph)
    words = paragraph.split()
    if len(words) > 6:
        i, j = rng.sample(range(1, len(words) - 1), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words) + f" (Report {serial}.)"


def synthetic_corpus(seeds: Path, target: Path, n: int, seed: int = 20161017) -> Path:
    """Write N articles and their sources.csv into ``target``: article k varies seed k mod 5,
    its body lines (as the cleaner finds them in the seed) rewritten by ``vary``."""
    articles = load(seeds).sort_values("file", ignore_index=True)  # seeds in file order: k mod 5
    tasks = {task.file: task for task in corpus_tasks(seeds)[0]}
    target.mkdir(parents=True, exist_ok=True)
    bodies = []
    for row in articles.itertuples():
        body = set(clean_task(tasks[row.file]).cleaned.body_lines)
        bodies.append((row, row.raw_text.splitlines(), body))
    rng = random.Random(seed)
    with (target / "sources.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for k in range(n):
            row, lines, body = bodies[k % len(bodies)]
            text = "\n".join(vary(line, rng, k) if number in body and line.strip() else line
                             for number, line in enumerate(lines, start=1))
            name = f"{k:06d}_{row.file}"
            (target / name).write_text(text + "\n", encoding="utf-8")
            writer.writerow([name, row.title, row.outlet, row.author, row.published.isoformat()[: {"day": 10, "month": 7, "year": 4}[row.date_precision]],
                             row.date_precision, row.date_basis, row.url, row.outlet_type, row.origin])
    return target


class PeakMemory:
    """Peak resident memory of this process and all its children (a pool's or a local Dask
    cluster's workers), sampled every 50 ms in a thread. The list of children is read again
    every second only: finding them scans every process of the machine (3 ms of CPU a time, a
    few per cent of a core at 20 samples a second, charged to the run being measured), while
    reading a known process's memory is one small file."""

    INTERVAL = 0.05
    REFRESH_EVERY = 20  # samples between two readings of the list of children

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._me = psutil.Process()
        self._children: list[psutil.Process] = []

    def _sample(self, refresh: bool = True) -> int:
        if refresh:
            self._children = self._me.children(recursive=True)
        total = self._me.memory_info().rss
        for child in self._children:
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        samples = 0
        while not self._stop.wait(self.INTERVAL):
            samples += 1
            self.peak = max(self.peak, self._sample(refresh=samples % self.REFRESH_EVERY == 1))

    def __enter__(self) -> PeakMemory:
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def _clean_texts(chunk) -> list[str]:
    return [clean_task(task).cleaned.text for task in chunk[1]]


def textstat_seven(chunk) -> int:
    """textstat's seven indices on each text of a chunk: the floor of the benchmark."""
    for text in chunk[1]:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.coleman_liau_index(text)
        textstat.automated_readability_index(text)
        textstat.dale_chall_readability_score(text)
    return len(chunk[1])


def bench_backend(corpus: Path, backend: str, workdir: Path) -> dict:
    tasks, problems = corpus_tasks(corpus)
    if problems:  # the synthetic corpus is built to be valid: a problem is a bug, not a slow article
        raise problems[0]
    with PeakMemory() as memory:
        start = time.perf_counter()
        analyse_to_folder(corpus, workdir / backend, backend=backend, progress=False)
        seconds = time.perf_counter() - start
    with Backend(backend) as engine:
        texts = [t for result in engine.map(_clean_texts, _chunks(tasks, 64)) for t in result]
        start = time.perf_counter()
        done = sum(engine.map(textstat_seven, _chunks(texts, 64)))
        floor_seconds = time.perf_counter() - start
    result = {
        "backend": backend,
        "articles": len(tasks),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(tasks) / seconds, 1),
        "peak_rss_mb": round(memory.peak / 2**20),
        "textstat_floor_per_s": round(done / floor_seconds, 1),
    }
    result["floor_ratio"] = round(result["articles_per_s"] / result["textstat_floor_per_s"], 3)
    return result


def run_scale_bench(seeds: Path, n: int, backends: list[str] | None = None, out: Path | None = None) -> list[dict]:
    results = []
    workdir = Path(tempfile.mkdtemp(prefix="newscorpus-bench-"))
    try:
        corpus = synthetic_corpus(seeds, workdir / "corpus", n)
        for backend in backends or list(BACKENDS):
            result = bench_backend(corpus, backend, workdir)
            print(json.dumps(result), flush=True)
            results.append(result)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r) + "\n" for r in results))
    return results
