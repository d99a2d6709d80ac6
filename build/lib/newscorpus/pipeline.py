"""One pipeline for any corpus size: the per-article tables the chapters use, on one process,
every core, or a Dask cluster.

The work is two maps and two small reductions, so memory does not grow with the corpus:

1. *map*: each article's line keys, hashed to 64-bit integers (what site-template learning
   needs); *reduce*: per outlet, the keys that two or more of its articles share;
2. *map*: each article cleaned and measured by the same per-article functions the notebooks
   call (``ARTICLE_TABLES``), giving rows of every table; rows are streamed to CSV parts as
   chunks complete; *reduce*: the parts concatenated into one CSV per table.

Workers read their own files, so only file names and metadata travel to them. An article that
cannot be read or cleaned becomes a row of ``errors.csv`` (and a line on stderr); the rest
complete.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .cleaning.cleaned import MIN_ARTICLES_FOR_TEMPLATE
from .cleaning.cleaner import CleanedArticle, article_text, clean_text, split_units
from .corpus import ARTICLE_SUFFIXES, COLUMNS, read_text, scan
from .errors import CorpusError
from .overview import OVERVIEW_COLUMNS
from .paths import SOURCES_FILE
from .tables import ARTICLE_ROWS
from .text import word_count

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
    if (folder / SOURCES_FILE).is_file():
        records, problems = scan(folder, read=False)
        tasks = [ArticleTask(file=r["file"], path=str(folder / r["file"]), outlet=r["outlet"],
                             meta={c: r[c] for c in COLUMNS if c != "file"} | {"date_label": r["date_label"]},
                             encoding=r.get("encoding") or "utf-8")
                 for r in records]
        return tasks, problems
    if not folder.is_dir():
        return [], [CorpusError(folder, "corpus folder not found")]
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    return [ArticleTask(file=p.name, path=str(p)) for p in files], []


# ---------------------------------------------------------------- pass 1: site templates

def read_article_text(task: ArticleTask) -> str:
    """The text the cleaner reads (HTML extracted first)."""
    return article_text(task.file, read_text(Path(task.path), task.encoding))[0]


def line_key_hashes(task: ArticleTask) -> tuple[str, np.ndarray]:
    """Pure per-article part of template learning: the outlet and its distinct line hashes."""
    if not task.outlet:
        return "", np.empty(0, dtype=np.uint64)
    try:
        keys = {u.key for u in split_units(read_article_text(task)) if u.key}
    except CorpusError:
        keys = set()  # reported in pass 2
    return task.outlet, np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))


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
    cleaned = clean_text(text, title=task.meta.get("title") or None, author=task.meta.get("author") or None,
                         template_keys=template_keys)
    return Article(task, text, cleaned)


def articles_rows(article: Article) -> list[dict]:
    """``articles.csv``: the article's metadata and its word counts before and after cleaning."""
    meta = article.task.meta
    published = meta.get("published")
    row = {column: meta.get(column, "") for column in OVERVIEW_COLUMNS}
    row.update(file=article.file, raw_words=word_count(article.source_text), clean_words=word_count(article.cleaned.text),
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
    """Pure per-article part of the whole analysis: rows of every table, or an error row."""
    try:
        article = clean_task(task, template_keys)
        if not article.paragraphs:
            raise CorpusError(task.file, "no article text left after cleaning")
        tables = {name: rows(article) for name, rows in ARTICLE_TABLES.items()}
        for name, rows in ARTICLE_ROWS.items():
            tables[name] = rows(article.file, article.paragraphs)
        return tables
    except CorpusError as exc:
        return {"errors.csv": [{"file": task.file, "problem": exc.problem}]}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop an archive's run
        return {"errors.csv": [{"file": task.file, "problem": f"{type(exc).__name__}: {exc}"}]}


def analyse_chunk(chunk: tuple[int, list[ArticleTask]], templates: dict[str, HashedKeys]) -> tuple[int, dict]:
    """A chunk of articles (numbered, so results can be put back in file order) analysed."""
    number, tasks = chunk
    merged: dict[str, list[dict]] = defaultdict(list)
    for task in tasks:
        for name, rows in analyse_task(task, templates.get(task.outlet, frozenset())).items():
            merged[name].extend(rows)
    return number, dict(merged)


def hash_chunk(chunk: tuple[int, list[ArticleTask]]) -> list[tuple[str, np.ndarray]]:
    return [line_key_hashes(task) for task in chunk[1]]


# ---------------------------------------------------------------- backends

def _chunks(items: list, size: int) -> list[tuple[int, list]]:
    """Numbered chunks of consecutive items."""
    return [(n, items[i:i + size]) for n, i in enumerate(range(0, len(items), size))]


class Backend:
    """Maps a function over chunks and yields results as they complete (order not kept)."""

    def __init__(self, name: str = "serial", *, scheduler: str | None = None, workers: int | None = None):
        if name not in BACKENDS:
            raise ValueError(f"backend {name!r} is not one of {', '.join(BACKENDS)}")
        self.name, self.scheduler, self.workers = name, scheduler, workers or os.cpu_count() or 1
        self._pool = self._client = self._cluster = None

    def __enter__(self) -> Backend:
        if self.name == "processes":
            from concurrent.futures import ProcessPoolExecutor
            import multiprocessing

            # forkserver: workers start clean (no copy of a notebook's or a caller's memory).
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"))
        elif self.name == "dask":
            from distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40)
                self._client = Client(self._cluster)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool:
            self._pool.shutdown()
        if self._client:
            self._client.close()
        if self._cluster:
            self._cluster.close()

    def map(self, function: Callable, chunks: list, *shared) -> Iterator:
        if self.name == "serial":
            for chunk in chunks:
                yield function(chunk, *shared)
        elif self.name == "processes":
            # A bounded window of chunks in flight: a finished future keeps its result for as long
            # as it is referenced, so submitting every chunk at once held all of a 100,000-article
            # run's rows in memory (4.3 GB). Two chunks per worker keep every core busy.
            from concurrent.futures import FIRST_COMPLETED, wait

            waiting = iter(chunks)
            running = {self._pool.submit(function, chunk, *shared)
                       for chunk in itertools.islice(waiting, 2 * self.workers)}
            while running:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    for chunk in itertools.islice(waiting, 1):
                        running.add(self._pool.submit(function, chunk, *shared))
                    yield future.result()
                del finished, future
        else:
            from distributed import as_completed

            scattered = [self._client.scatter(s, broadcast=True) for s in shared]
            futures = self._client.map(function, chunks, *[[s] * len(chunks) for s in scattered], pure=False)
            for future in as_completed(futures):
                yield future.result()
                future.release()


# ---------------------------------------------------------------- the entry points

def _progress(total: int, description: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=description, unit="article", disable=not enabled, file=sys.stderr)


def _analyse(tasks: list[ArticleTask], backend: Backend, chunk: int, progress: bool) -> Iterator[tuple[int, dict]]:
    """(chunk number, rows by table) for every chunk, in the order they complete."""
    chunks = _chunks(tasks, chunk)
    with _progress(len(tasks), "site templates", progress and len(tasks) > chunk) as bar:
        hashed = []
        for result in backend.map(hash_chunk, chunks):
            hashed.extend(result)
            bar.update(len(result))
    templates = learn_templates(hashed)
    del hashed
    with _progress(len(tasks), "analysis", progress and len(tasks) > chunk) as bar:
        for number, result in backend.map(analyse_chunk, chunks, templates):
            bar.update(len(chunks[number][1]))
            yield number, result


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


def analyse_to_folder(corpus_dir: str | os.PathLike, outdir: str | os.PathLike, *, backend: str = "serial",
                      scheduler: str | None = None, chunk: int = CHUNK_ARTICLES, progress: bool = True,
                      on_error: Callable[[str, str], None] | None = None) -> dict[str, Path]:
    """Stream every table to ``outdir``: each chunk's rows are appended to ``<table>.parts/``
    as it completes, then the parts are joined into ``<table>.csv`` in file order, one table
    at a time. Returns the written CSV files. Problems with the corpus listing (a row without
    a file, ...) and articles that fail are written to ``errors.csv``; the rest complete."""
    outdir = Path(outdir)
    tasks, problems = corpus_tasks(corpus_dir)
    parts_dir = outdir / ".parts"
    parts_dir.mkdir(parents=True, exist_ok=True)
    for old in parts_dir.glob("*"):
        old.unlink()
    errors = [{"file": p.path, "problem": p.problem} for p in problems]
    with Backend(backend, scheduler=scheduler) as engine:
        for number, result in _analyse(tasks, engine, chunk, progress):
            for name, rows in result.items():
                if name == "errors.csv":
                    errors.extend(rows)
                elif rows:
                    pd.DataFrame(rows).to_csv(parts_dir / f"{name}.{number:08d}", index=False)
    for error in errors:
        (on_error or _print_error)(error["file"], error["problem"])
    written = {}
    for name in sorted({p.name.rsplit(".", 1)[0] for p in parts_dir.glob("*.csv.*")}):
        written[name] = _join_parts(sorted(parts_dir.glob(f"{name}.*")), outdir / name)
    pd.DataFrame(errors, columns=["file", "problem"]).to_csv(outdir / "errors.csv", index=False)
    written["errors.csv"] = outdir / "errors.csv"
    for leftover in parts_dir.glob("*"):
        leftover.unlink()
    parts_dir.rmdir()
    return written


def _join_parts(parts: list[Path], target: Path) -> Path:
    """Concatenate CSV parts (numbered in file order) as text, one header: constant memory.
    Columns are taken from the union of the parts' headers, in first-seen order."""
    headers = []
    for part in parts:
        with part.open(newline="") as handle:
            headers.append(next(csv.reader(handle)))
    columns = list(dict.fromkeys(c for header in headers for c in header))
    with target.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for part, header in zip(parts, headers):
            with part.open(newline="") as handle:
                reader = csv.reader(handle)
                next(reader)
                if header == columns:
                    writer.writerows(reader)
                else:
                    where = [header.index(c) if c in header else None for c in columns]
                    writer.writerows([row[i] if i is not None else "" for i in where] for row in reader)
    return target


def _print_error(file: str, problem: str) -> None:
    print(f"error: {file}: {problem}", file=sys.stderr)
