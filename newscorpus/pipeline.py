"""One pipeline for any corpus size: the per-article tables the chapters use, on one process,
every core, or a Dask cluster.

The work is two maps and two small reductions, so memory does not grow with the corpus:

1. *map*: each article's line keys, hashed to 64-bit integers (what site-template learning
   needs); *reduce*: per outlet, the keys that two or more of its articles share;
2. *map*: each article cleaned and measured by the same per-article functions the notebooks
   call (``ARTICLE_TABLES``), giving rows of every table; rows are streamed to CSV parts as
   chunks complete; *reduce*: the parts concatenated into one CSV per table.

Workers read their own files, so only file names and metadata travel to them, with the templates
of the chunk's outlets, by value: nothing a task needs lives only on one worker, so a worker lost
mid-run costs only its tasks, which run again elsewhere. An article that cannot be read or cleaned,
or takes longer than its time budget (``budget.py``), becomes a row of ``errors.csv`` (and a line
on stderr); the rest complete.

``analyse_to_folder`` writes into a private work folder inside OUTDIR, locked against a second
run, and moves every table (a header-only one when a table is empty) into OUTDIR only when all are
finished: a killed run leaves the previous complete result, and a rerun resumes from the chunks
it had finished.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import itertools
import json
import os
import shutil
import signal
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .cleaning.cleaned import MIN_ARTICLES_FOR_TEMPLATE
from .cleaning.cleaner import CleanedArticle, article_text, as_is, clean_text, split_units, unit_keys
from . import outdir as output
from .budget import OverBudget, article_budget, over_budget_problem
from .corpus import COLUMNS, corpus_settings, is_article_name, article_file_problem, read_text, scan
from .errors import CorpusError, UsageError
from .safe_csv import unlimited_fields, write_csv, write_rows
from .overview import OVERVIEW_COLUMNS
from .paths import SOURCES_FILE
from .tables import ARTICLE_ROWS
from .layer.words import paragraphs_word_count, text_word_count

BACKENDS = ("serial", "processes", "dask")
CHUNK_ARTICLES = 64  # big enough to amortise a task's overhead, small enough to stream


@dataclass(frozen=True)
class ArticleTask:
    """What a worker needs to analyse one article: where it is and its metadata (no text)."""

    file: str
    path: str
    outlet: str = ""
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    clean: bool = True  # False: the corpus is declared clean (corpus.toml), read as it is


@dataclass
class Article:
    """One article read and cleaned: what every per-article measure receives."""

    task: ArticleTask
    source_text: str
    cleaned: CleanedArticle

    @property
    def file(self) -> str:
        return self.task.file

    @property
    def paragraphs(self) -> list[str]:
        return self.cleaned.paragraphs


class HashedKeys:
    """A set of normalised lines stored as 64-bit hashes: what template learning keeps per
    outlet, a tenth of the memory of the strings for a big archive. ``in`` takes the string."""

    def __init__(self, hashes: Iterable[int] = ()):
        self.hashes = frozenset(int(h) for h in hashes)

    def __contains__(self, key: str) -> bool:
        return key_hash(key) in self.hashes

    def __len__(self) -> int:
        return len(self.hashes)


def key_hash(key: str) -> int:
    # blake2b, not hash(): the same on every process and machine of a cluster.
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


# ---------------------------------------------------------------- the corpus, without its text

def corpus_tasks(corpus_dir: str | os.PathLike) -> tuple[list[ArticleTask], list[CorpusError]]:
    """The articles of a folder: with ``sources.csv``, validated as the book validates them;
    without one, every ``.txt``/``.html`` file, its outlet unknown (no templates are learnt)."""
    folder = Path(corpus_dir)
    try:
        clean = corpus_settings(folder).clean
    except CorpusError as exc:
        return [], [exc]
    if (folder / SOURCES_FILE).is_file():
        records, problems = scan(folder, read=False)
        tasks = [ArticleTask(file=r["file"], path=str(folder / r["file"]), outlet=r["outlet"],
                             meta={c: r[c] for c in COLUMNS if c != "file"} | {"date_label": r["date_label"]},
                             encoding=r.get("encoding") or "utf-8", clean=clean)
                 for r in records]
        return tasks, problems
    if not folder.is_dir():
        return [], [CorpusError(folder, "corpus folder not found")]
    try:
        names = sorted(p.name for p in folder.iterdir() if is_article_name(p.name))
    except OSError as exc:
        return [], [CorpusError(folder, f"cannot list the folder ({exc.strerror}): check its permissions")]
    tasks, problems = [], []
    for name in names:
        problem = article_file_problem(folder, name)
        if problem:  # a directory named x.txt, a FIFO, a link out of the folder
            problems.append(CorpusError(folder / name, "does not exist" if problem == "missing" else problem))
        else:
            tasks.append(ArticleTask(file=name, path=str(folder / name), clean=clean))
    return tasks, problems


# ---------------------------------------------------------------- pass 1: site templates

def read_article_text(task: ArticleTask) -> str:
    """The text the cleaner reads (HTML extracted first)."""
    return article_text(task.file, read_text(Path(task.path), task.encoding))[0]


def line_key_hashes(task: ArticleTask) -> tuple[str, np.ndarray]:
    """Pure per-article part of template learning: the outlet and its distinct line hashes."""
    if not task.outlet or not task.clean:  # no templates to learn for a corpus read as it is
        return "", np.empty(0, dtype=np.uint64)
    try:
        with article_budget():
            keys = {key for key in unit_keys(read_article_text(task)) if key}
    except (CorpusError, OverBudget):
        keys = set()  # reported in pass 2
    # key_hash of every key, read as one buffer of little-endian digests (a speed goal).
    digests = b"".join(hashlib.blake2b(k.encode(), digest_size=8).digest() for k in keys)
    return task.outlet, np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def learn_templates(per_article: Iterable[tuple[str, np.ndarray]]) -> dict[str, HashedKeys]:
    """Corpus-level step: per outlet, the line hashes that two or more articles share."""
    by_outlet: dict[str, list[np.ndarray]] = defaultdict(list)
    for outlet, hashes in per_article:
        if outlet:
            by_outlet[outlet].append(hashes)
    templates = {}
    for outlet, arrays in by_outlet.items():
        values, counts = np.unique(np.concatenate(arrays), return_counts=True)
        templates[outlet] = HashedKeys(values[counts >= MIN_ARTICLES_FOR_TEMPLATE])
    return templates


# ---------------------------------------------------------------- pass 2: clean and measure

def clean_task(task: ArticleTask, template_keys=frozenset()) -> Article:
    text = read_article_text(task)
    if not task.clean:  # the corpus is declared clean (corpus.toml): read as it is
        return Article(task, text, as_is(text, title=task.meta.get("title") or None))
    cleaned = clean_text(text, title=task.meta.get("title") or None, author=task.meta.get("author") or None,
                         template_keys=template_keys)
    return Article(task, text, cleaned)


def articles_rows(article: Article) -> list[dict]:
    """``articles.csv``: the article's metadata and its word counts before and after cleaning."""
    meta = article.task.meta
    published = meta.get("published")
    row = {column: meta.get(column, "") for column in OVERVIEW_COLUMNS}
    paragraphs = article.cleaned.paragraphs
    clean_words = paragraphs_word_count(paragraphs)  # first: it caches each paragraph's words
    row.update(file=article.file, raw_words=text_word_count(article.source_text, paragraphs), clean_words=clean_words,
               published=published.isoformat() if published else "")
    return [row]


def audit_rows(article: Article) -> list[dict]:
    """``cleaning_audit.csv``: every removed line with its number and reason."""
    return [{"file": article.file, "line": r.line, "reason": r.reason, "text": r.text}
            for r in article.cleaned.removed]


# Each table the export writes, and the per-article function that gives its rows: the cleaning
# tables, then each chapter's (``tables.ARTICLE_ROWS``, the functions the chapters map).
ARTICLE_TABLES: dict[str, Callable[[Article], list[dict]]] = {
    "articles.csv": articles_rows,
    "cleaning_audit.csv": audit_rows,
}


def analyse_task(task: ArticleTask, template_keys=frozenset()) -> dict[str, list[dict]]:
    """Pure per-article part of the whole analysis: rows of every table, or an error row (also
    when the article takes longer than its time budget)."""
    try:
        with article_budget():
            article = clean_task(task, template_keys)
            if not article.paragraphs:
                raise CorpusError(task.file, "no article text left after cleaning")
            tables = {name: rows(article) for name, rows in ARTICLE_TABLES.items()}
            for name, rows in ARTICLE_ROWS.items():
                tables[name] = rows(article.file, article.paragraphs)
        return tables
    except OverBudget:
        return {"errors.csv": [{"file": task.file, "problem": over_budget_problem()}]}
    except CorpusError as exc:
        return {"errors.csv": [{"file": task.file, "problem": exc.problem}]}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop an archive's run
        return {"errors.csv": [{"file": task.file, "problem": f"{type(exc).__name__}: {exc}"}]}


def analyse_chunk(chunk: tuple[int, list[ArticleTask]], templates: dict[str, HashedKeys]) -> tuple[int, dict]:
    """A chunk of articles (numbered, so results can be put back in file order) analysed.
    ``templates`` needs only the chunk's outlets (``templates_for``)."""
    number, tasks = chunk
    merged: dict[str, list[dict]] = defaultdict(list)
    with _AnalysisGarbage():
        for task in tasks:
            for name, rows in analyse_task(task, templates.get(task.outlet, frozenset())).items():
                merged[name].extend(rows)
    return number, dict(merged)


def analyse_chunk_with_templates(item: tuple[tuple[int, list[ArticleTask]], dict]) -> tuple[int, dict]:
    """``analyse_chunk`` on one (chunk, its outlets' templates) pair: everything a task needs
    travels in its arguments, so a worker that dies takes nothing with it."""
    return analyse_chunk(*item)


def analyse_chunk_to_folder(item: tuple[tuple[int, list[ArticleTask]], dict], work_path: str) -> tuple[int, None]:
    """``analyse_chunk_with_templates``, its tables written by the worker itself into the run's
    work folder (``save_chunk_tables``): only the chunk's number travels back, so the parent
    neither unpickles rows nor builds tables (a speed goal). For a backend whose workers share
    the parent's file system: the process pool and serial runs."""
    number, result = analyse_chunk_with_templates(item)
    save_chunk_tables(Path(work_path), number, result)
    return number, None


def templates_for(chunk: tuple[int, list[ArticleTask]], templates: dict[str, HashedKeys]) -> dict[str, HashedKeys]:
    return {task.outlet: templates[task.outlet] for task in chunk[1] if task.outlet in templates}


def hash_chunk(chunk: tuple[int, list[ArticleTask]]) -> list[tuple[str, np.ndarray]]:
    return [line_key_hashes(task) for task in chunk[1]]


# ---------------------------------------------------------------- backends

def _chunks(items: list, size: int) -> list[tuple[int, list]]:
    """Numbered chunks of consecutive items."""
    return [(n, items[i:i + size]) for n, i in enumerate(range(0, len(items), size))]


class WorkerLost(RuntimeError):
    """A chunk killed its worker process again and again: the run cannot complete it."""


# How often one chunk may lose its worker before the run gives up on it (a chunk that kills
# every worker it meets would otherwise loop for ever).
CHUNK_ATTEMPTS = 3
PARENT_POLL_SECONDS = 0.5


def _parent_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # killed but not yet reaped by its own parent: a zombie is dead too
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _watch_parent(pid: int) -> None:
    """Pool worker start-up: ignore Ctrl-C (the parent stops the pool) and end this process when
    the parent is gone, however it ended (SIGKILL included): no worker outlives its run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch():
        while _parent_alive(pid):
            threading.Event().wait(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newscorpus-parent-watch", daemon=True).start()


# The cyclic garbage collector's thresholds while articles are analysed. Python's default
# (700, 10, 10) runs a young collection every 700 allocations, and the analysis allocates
# millions of small objects per article, nearly all freed by reference counting: measured on the
# synthetic corpus, collections took 10 to 15% of the analysis' CPU (1,250 collections for 300
# articles, each full one walking the half a million objects of the lexicons, the tagger and the
# caches); with these, a few per cent. The peak memory measured was unchanged (it is the data,
# not the garbage waiting a little longer). Results do not depend on when garbage is collected.
# Set around each chunk, the caller's thresholds restored after, so nothing else in the process
# (a notebook, a Dask worker, the bench's textstat floor) runs under them.
GC_THRESHOLDS = (10_000, 10, 10)
_POOL_WORKER = {"started": False, "frozen": False}


class _AnalysisGarbage:
    """``GC_THRESHOLDS`` for one chunk. In a pool worker of ours, the objects alive after its
    first chunk (modules, lexicons, the tagger, loaded on first use: they live as long as the
    worker) are also frozen once, so no collection walks them again (a frozen object is still
    freed when nothing refers to it)."""

    def __enter__(self):
        self.saved = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS)

    def __exit__(self, *exc):
        gc.set_threshold(*self.saved)
        if _POOL_WORKER["started"] and not _POOL_WORKER["frozen"]:
            gc.freeze()
            _POOL_WORKER["frozen"] = True


def _start_worker(parent: int) -> None:
    """A pool worker's start: watch the parent (``_watch_parent``); mark the process as ours."""
    _watch_parent(parent)
    _POOL_WORKER["started"] = True


def _dask_client(scheduler: str):
    from distributed import Client

    if "://" not in scheduler or not scheduler.split("://", 1)[1].strip() or " " in scheduler:
        raise UsageError("--scheduler", f"{scheduler!r} is not a scheduler address: give one such as "
                         "tcp://scheduler-host:8786, or leave --scheduler out for a local cluster")
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).split("\n")[0][:120] or type(exc).__name__
        raise UsageError("--scheduler", f"no Dask scheduler answers at {scheduler} ({reason}): start one with "
                         "`dask scheduler`, or leave --scheduler out for a local cluster") from None


class Backend:
    """Maps a function over chunks and yields results as they complete (order not kept)."""

    def __init__(self, name: str = "serial", *, scheduler: str | None = None, workers: int | None = None,
                 cluster_options: dict | None = None):
        if name not in BACKENDS:
            raise UsageError("--backend", f"{name!r} is not one of {', '.join(BACKENDS)}")
        if scheduler and name != "dask":
            raise UsageError("--scheduler", f"is for --backend dask, not {name}: add --backend dask, or leave "
                             "--scheduler out")
        self.name, self.scheduler, self.workers = name, scheduler, workers or os.cpu_count() or 1
        self.cluster_options = cluster_options or {}
        self._pool = self._client = self._cluster = None

    def __enter__(self) -> Backend:
        if self.name == "processes":
            self._pool = self._new_pool()
        elif self.name == "dask":
            from distributed import Client, LocalCluster

            if self.scheduler:
                self._client = _dask_client(self.scheduler)
            else:
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40, **self.cluster_options)
                self._client = Client(self._cluster)
        return self

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor
        import multiprocessing

        # forkserver: workers start clean (no copy of a notebook's or a caller's memory).
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=_start_worker, initargs=(os.getpid(),))

    def _stop_pool(self, pool, *, now: bool) -> None:
        if now:  # interrupted: kill the workers rather than wait for their chunks
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    def __exit__(self, kind, *exc) -> None:
        if self._pool:
            self._stop_pool(self._pool, now=kind is not None)
        if self._client:
            self._client.close()
        if self._cluster:
            self._cluster.close()

    def map(self, function: Callable, chunks: list, *shared) -> Iterator:
        if self.name == "serial":
            for chunk in chunks:
                yield function(chunk, *shared)
        elif self.name == "processes":
            yield from self._pool_map(function, chunks, shared)
        else:
            from distributed import as_completed

            # Arguments by value, in the task itself: the scheduler can run a task again on another
            # worker when its worker dies (broadcast data died with the worker). Retries cover
            # a task that failed for a passing reason.
            futures = self._client.map(function, chunks, *[[s] * len(chunks) for s in shared], pure=False,
                                       retries=CHUNK_ATTEMPTS - 1)
            for future in as_completed(futures):
                yield future.result()
                future.release()

    def _pool_map(self, function: Callable, chunks: list, shared: tuple) -> Iterator:
        # A bounded window of chunks in flight: a finished future keeps its result for as long
        # as it is referenced, so submitting every chunk at once held all of a 100,000-article
        # run's rows in memory (4.3 GB). Two chunks per worker keep every core busy.
        # A worker that dies breaks the whole pool: the chunks in flight are submitted again to a
        # new pool, each at most CHUNK_ATTEMPTS times.
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        waiting = iter(range(len(chunks)))
        attempts = [0] * len(chunks)
        retry: list[int] = []

        def submit(index: int):
            attempts[index] += 1
            future = self._pool.submit(function, chunks[index], *shared)
            future.index = index
            return future

        running = {submit(i) for i in itertools.islice(waiting, 2 * self.workers)}
        while running:
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    retry.append(future.index)
                    continue
                for index in itertools.islice(waiting, 1):
                    running.add(submit(index))
                yield result
            del finished
            if retry:
                lost = sorted(retry + [f.index for f in running])
                self._stop_pool(self._pool, now=True)
                self._pool = self._new_pool()
                retry = []
                gave_up = [i for i in lost if attempts[i] >= CHUNK_ATTEMPTS]
                if gave_up:
                    raise WorkerLost(f"a worker process died {CHUNK_ATTEMPTS} times on chunk {gave_up[0]}: "
                                     "an article in it may exhaust the memory; run with --backend serial to find it")
                running = {submit(i) for i in lost}


# ---------------------------------------------------------------- the entry points

def _progress(total: int, description: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=description, unit="article", disable=not enabled, file=sys.stderr)


def _learn(tasks: list[ArticleTask], backend: Backend, chunks: list, progress: bool) -> dict[str, HashedKeys]:
    with _progress(len(tasks), "site templates", progress and len(chunks) > 1) as bar:
        hashed = []
        for result in backend.map(hash_chunk, chunks):
            hashed.extend(result)
            bar.update(len(result))
    return learn_templates(hashed)


def _measure(chunks: list, templates: dict[str, HashedKeys], backend: Backend, total: int,
             progress: bool, work_path: Path | None = None) -> Iterator[tuple[int, dict | None]]:
    """(chunk number, rows by table) for every chunk given, in the order they complete. With
    ``work_path``, on a backend whose workers share this file system (the process pool, or this
    process), each chunk's tables are written there by whoever analysed it, and its rows are
    None. Dask workers may run on other machines: their rows come back to be written here."""
    sizes = {number: len(tasks) for number, tasks in chunks}
    items = [(chunk, templates_for(chunk, templates)) for chunk in chunks]
    function, shared = analyse_chunk_with_templates, ()
    if work_path is not None and backend.name != "dask":
        function, shared = analyse_chunk_to_folder, (str(work_path),)
    with _progress(total, "analysis", progress and len(chunks) > 1) as bar:
        bar.update(total - sum(sizes.values()))
        for number, result in backend.map(function, items, *shared):
            bar.update(sizes[number])
            yield number, result


def _analyse(tasks: list[ArticleTask], backend: Backend, chunk: int, progress: bool) -> Iterator[tuple[int, dict]]:
    """(chunk number, rows by table) for every chunk, in the order they complete."""
    chunks = _chunks(tasks, chunk)
    templates = _learn(tasks, backend, chunks, progress)
    yield from _measure(chunks, templates, backend, len(tasks), progress)


def analyse_corpus(corpus_dir: str | os.PathLike, *, backend: str = "serial", scheduler: str | None = None,
                   chunk: int = CHUNK_ARTICLES, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every table, in memory, rows in file order: for the book's corpus or a moderate one."""
    tasks, problems = corpus_tasks(corpus_dir)
    if problems:
        raise problems[0]
    results = {}
    with Backend(backend, scheduler=scheduler) as engine:
        for number, result in _analyse(tasks, engine, chunk, progress):
            results[number] = result
    collected: dict[str, list[dict]] = defaultdict(list)
    for number in sorted(results):  # chunks are consecutive runs of files in order
        for name, rows in results[number].items():
            collected[name].extend(rows)
    return {name: pd.DataFrame(rows) for name, rows in collected.items()}


# ---------------------------------------------------------------- analyze: complete or absent

WORK_DIR = ".newscorpus-analyze"
WORK_MARKER = "made-by-newscorpus"
ERRORS = "errors.csv"
# The columns of a table when no article gave it a row (a header-only file says "none", an absent
# file would say "not computed"); tables with one row per article fall back on ``file``.
EMPTY_COLUMNS = {
    "cleaning_audit.csv": ["file", "line", "reason", "text"],
    ERRORS: ["file", "problem"],
}


def table_names() -> list[str]:
    return [*ARTICLE_TABLES, *ARTICLE_ROWS, ERRORS]


def _empty_columns(name: str) -> list[str]:
    from .measures import attribution, places, themes

    known = {"attributions.csv": list(attribution.COLUMNS), "places.csv": list(places.PLACE_COLUMNS[:-1]),
             "themes.csv": ["file", *themes.THEMES]}
    return EMPTY_COLUMNS.get(name) or known.get(name) or ["file"]


def _fingerprint(corpus_dir: Path, tasks: list[ArticleTask], problems: list[CorpusError], chunk: int) -> str:
    """What a finished chunk depends on: the corpus (names, metadata, each file's size and time)
    and the chunk size. A rerun with the same fingerprint resumes; any change starts afresh."""
    digest = hashlib.sha256(json.dumps([str(corpus_dir.resolve()), chunk, [str(p) for p in problems]]).encode())
    sources = corpus_dir / SOURCES_FILE
    for path in [sources] if sources.is_file() else []:
        digest.update(f"{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    for task in tasks:
        try:
            info = os.stat(task.path)
            stamp = f"{info.st_size}:{info.st_mtime_ns}"
        except OSError:
            stamp = "missing"
        digest.update(json.dumps([task.file, task.outlet, task.encoding, stamp], ensure_ascii=False).encode())
    return digest.hexdigest()


CHUNK_NAMES = {"*.csv"}  # what a chunk's folder holds
# Chunk parts end their lines as the joined tables do (the csv module's "\r\n"), so that a part
# whose header is the table's can be copied into it byte for byte.
PART_LINE_END = "\r\n"


def save_chunk_tables(work_path: Path, number: int, result: dict[str, list[dict]]) -> None:
    """A finished chunk's tables as ``chunk-N/``: written into ``chunk-N.tmp`` and renamed when
    complete, so a run killed at any moment leaves either the whole chunk or none of it (a
    leftover ``.tmp`` is removed when the chunk is written again). A chunk may be finished twice
    when a pool worker died and the chunks in flight were submitted again: its tables are the
    same, and the first one stays."""
    temporary = work_path / f"chunk-{number:08d}.tmp"
    final = work_path / f"chunk-{number:08d}"
    output.remove_ours(temporary, CHUNK_NAMES)
    temporary.mkdir()
    for name, rows in result.items():
        if rows:
            write_rows(rows, temporary / name, lineterminator=PART_LINE_END)
    try:
        os.rename(temporary, final)
    except OSError:
        if not final.is_dir():
            raise
        output.remove_ours(temporary, CHUNK_NAMES)


class _WorkFolder:
    """OUTDIR/.newscorpus-analyze: the run's state, written so that a kill at any moment leaves
    it resumable. ``run.json`` names the corpus it belongs to; ``templates.json`` is pass 1;
    ``chunk-N/`` a finished chunk's tables (a chunk is written as ``chunk-N.tmp`` and renamed
    when complete); ``tables/`` the joined tables; ``publishing`` says they are being moved."""

    NAMES = {WORK_MARKER, "run.json", "templates.json", "templates.json.tmp", "publishing", "*.csv", "*.csv.tmp",
             "*.part"}
    FOLDERS = {"chunk-*", "tables"}

    def __init__(self, outdir: Path, fingerprint: str):
        self.path = outdir / WORK_DIR
        created = output.make_private_dir(self.path, WORK_MARKER)
        run = self.path / "run.json"
        state = json.loads(run.read_text()) if run.is_file() else {}
        self.resumed = not created and state.get("fingerprint") == fingerprint
        if not created and not self.resumed:  # an earlier run on another corpus: start afresh
            self.remove()
            output.make_private_dir(self.path, WORK_MARKER)
        run.write_text(json.dumps({"fingerprint": fingerprint}))

    def chunk_dir(self, number: int) -> Path:
        return self.path / f"chunk-{number:08d}"

    def finished_chunks(self) -> set[int]:
        return {int(p.name.split("-")[1]) for p in self.path.glob("chunk-*") if p.name[6:].isdigit() and p.is_dir()
                and not p.is_symlink()}

    def save_chunk(self, number: int, result: dict[str, list[dict]]) -> None:
        save_chunk_tables(self.path, number, result)

    def load_templates(self) -> dict[str, HashedKeys] | None:
        saved = self.path / "templates.json"
        if not (self.resumed and saved.is_file()):
            return None
        return {outlet: HashedKeys(hashes) for outlet, hashes in json.loads(saved.read_text()).items()}

    def save_templates(self, templates: dict[str, HashedKeys]) -> None:
        temporary = self.path / "templates.json.tmp"
        temporary.write_text(json.dumps({outlet: sorted(keys.hashes) for outlet, keys in templates.items()}))
        os.replace(temporary, self.path / "templates.json")

    def remove(self) -> None:
        output.remove_ours(self.path, self.NAMES, self.FOLDERS)


def analyse_to_folder(corpus_dir: str | os.PathLike, outdir: str | os.PathLike, *, backend: str = "serial",
                      scheduler: str | None = None, chunk: int = CHUNK_ARTICLES, progress: bool = True,
                      on_error: Callable[[str, str], None] | None = None,
                      on_resume: Callable[[int, int], None] | None = None) -> dict[str, Path]:
    """Every table of a corpus of any size, in ``outdir``: each chunk's rows are saved in a private
    work folder as the chunk completes; then the chunks are joined into one CSV per table, in file
    order, and every table (header-only when empty, ``errors.csv`` always) is moved into
    ``outdir``. Returns the tables by name. Problems with the corpus listing (a row without a
    file, ...) and articles that fail are written to ``errors.csv``; the rest complete.

    A second run into the same ``outdir`` while one runs stops with a CorpusError; a run after a
    killed one on the same corpus resumes from its finished chunks (``on_resume(done, total)``)."""
    corpus_dir, outdir = Path(corpus_dir), output.prepare(outdir)
    engine = Backend(backend, scheduler=scheduler)  # a bad option is refused before any work
    with output.locked(outdir, "analyze"):
        tasks, problems = corpus_tasks(corpus_dir)
        chunks = _chunks(tasks, chunk)
        try:
            work = _WorkFolder(outdir, _fingerprint(corpus_dir, tasks, problems, chunk))
        except OSError as exc:
            raise CorpusError(outdir, f"cannot write its work folder ({exc.strerror}): choose a folder you can write to") from None
        try:
            if not (work.path / "publishing").exists():
                done = work.finished_chunks() if work.resumed else set()
                remaining = [c for c in chunks if c[0] not in done]
                if done and on_resume:
                    on_resume(len(done), len(chunks))
                if remaining:
                    with engine:
                        templates = work.load_templates()
                        if templates is None:
                            templates = _learn(tasks, engine, chunks, progress)
                            work.save_templates(templates)
                        for number, result in _measure(remaining, templates, engine, len(tasks), progress,
                                                       work.path):
                            if result is not None:  # Dask: rows to write here
                                work.save_chunk(number, result)
                _join_all(work, [number for number, _ in chunks], problems)
                (work.path / "publishing").touch()
        except BaseException:
            if not work.finished_chunks():  # nothing to resume from: leave OUTDIR as it was
                work.remove()
            raise
        tables = work.path / "tables"
        errors = pd.read_csv(tables / ERRORS if (tables / ERRORS).is_file() else outdir / ERRORS,
                             keep_default_na=False, dtype=str)
        written = output.publish(sorted(tables.glob("*.csv")), outdir)
        work.remove()
    for error in errors.itertuples():
        (on_error or _print_error)(error.file, error.problem)
    return {name: outdir / name for name in table_names()} | {p.name: p for p in written}


def _join_all(work: _WorkFolder, numbers: list[int], problems: list[CorpusError]) -> None:
    """Every table joined from the chunks in file order into ``tables/``, errors first from the
    corpus listing, then from the chunks."""
    tables = work.path / "tables"
    output.remove_ours(tables, work.NAMES, work.FOLDERS)
    tables.mkdir()
    listing = pd.DataFrame([{"file": p.path, "problem": p.problem} for p in problems], columns=_empty_columns(ERRORS))
    write_csv(listing, tables / "listing-errors.part", lineterminator=PART_LINE_END)
    for name in table_names():
        parts = [work.chunk_dir(n) / name for n in numbers if (work.chunk_dir(n) / name).is_file()]
        if name == ERRORS:
            parts = [tables / "listing-errors.part", *parts]
        _join_parts(parts, tables / name, _empty_columns(name))
    os.unlink(tables / "listing-errors.part")


def _csv_line(cells: list[str]) -> bytes:
    """One row as ``csv.writer`` writes it (the joined tables' dialect), in UTF-8."""
    line = io.StringIO()
    csv.writer(line).writerow(cells)
    return line.getvalue().encode("utf-8")


def _join_parts(parts: list[Path], target: Path, empty_columns: list[str] | None = None) -> Path:
    """Concatenate CSV parts (numbered in file order) as text, one header: constant memory, no
    limit on a field's size. Columns are taken from the union of the parts' headers, in
    first-seen order; with no parts, a header-only file of ``empty_columns``. A part whose header
    line is the table's, in the same dialect (``PART_LINE_END``), is copied byte for byte (a
    speed goal: what the csv module would write back is what it read); any other is rewritten
    row by row under the table's columns."""
    unlimited_fields()
    headers = []
    for part in parts:
        with part.open(newline="", encoding="utf-8") as handle:
            headers.append(next(csv.reader(handle), []))
    columns = list(dict.fromkeys(c for header in headers for c in header)) or list(empty_columns or [])
    header_line = _csv_line(columns)
    temporary = target.with_name(target.name + ".tmp")
    with temporary.open("wb") as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(out)
        writer.writerow(columns)
        for part, header in zip(parts, headers):
            if header == columns:
                with part.open("rb") as handle:
                    if handle.read(len(header_line)) == header_line:
                        shutil.copyfileobj(handle, raw)
                        continue
            with part.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                next(reader, None)
                if header == columns:
                    writer.writerows(reader)
                else:
                    where = [header.index(c) if c in header else None for c in columns]
                    writer.writerows([row[i] if i is not None else "" for i in where] for row in reader)
        out.detach()
    os.replace(temporary, target)
    return target


def _print_error(file: str, problem: str) -> None:
    print(f"error: {file}: {problem}", file=sys.stderr)
