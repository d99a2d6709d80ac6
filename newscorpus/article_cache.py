"""A content-addressed cache of the per-article measures, on disk, shared by the book's notebooks.

Every chapter maps pure per-article functions over the corpus (``framing.framing_row(file,
paragraphs)``, ``readability.article_readability(...)``, ...), and at archive size doing so one
article at a time in each notebook is most of a build. With the cache on, each of those functions
first looks for its result under a key made of

- the function (module and name),
- its arguments as called (the article's file name and cleaned paragraphs, and any option such
  as ``n_boot`` or ``exclude``), bound to its signature so that a default given explicitly or left
  out is the same call, and
- a fingerprint of the code and data that could change the result: every file of the
  ``newscorpus`` package (modules and ``data/``), the Python version and the version of every
  installed distribution (so a changed pin is a different fingerprint);

and computes and stores it when it is not there. A result is never stale: an edited article gives
other paragraphs, an edited module or data file another fingerprint, and either is a new key. The
cached value is the function's own return value (pickled), so a table built from it is the table
built without it (``tests/test_article_cache.py`` compares them).

The cache is on when ``NEWSCORPUS_CACHE`` names a folder (``newscorpus build`` sets it to
``_build/.newscorpus_cache`` for the notebooks' kernels, and ``make lab`` does the same); with it
unset nothing here runs. ``newscorpus build`` fills the cache on every core before Jupyter Book
starts (:func:`prefill`), so the notebooks, run two at a time, mostly read.

How the functions are reached without changing the notebooks or the measures: :func:`install`
(run by ``import newscorpus`` when the cache is on) wraps each table function the chapters call
(``framing.framing_table``, ``themes.rate_intervals_table``, ...) so that, while it runs, the
per-article function it maps is replaced on its module by a caching one (``SCOPED``); the few
per-article functions the notebooks call themselves (``log_odds.word_counts``) are cached
everywhere (``GLOBAL``). Called anywhere else, the per-article functions compute as before:
``themes.rate_intervals`` calls ``article_themes`` on each paragraph, and
``readability.timing_comparison`` times ``article_readability``; neither reads the cache. A call
whose arguments cannot be keyed (a DataFrame, say) is computed as usual.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import inspect
import json
import os
import pickle
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from .paths import PACKAGE_DIR

CACHE_VARIABLE = "NEWSCORPUS_CACHE"
DEFAULT_DIR = Path("_build") / ".newscorpus_cache"
SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints"}

_M = "newscorpus.measures."
# Per-article function -> the table functions (module, name) during whose call it is cached. A
# per-article function is cached only there, not wherever it is called: some are also called on
# single paragraphs (``themes.rate_intervals`` calls ``article_themes`` on each) or timed
# (``readability.timing_comparison`` times ``article_readability``), which must not read the cache.
SCOPED: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    (_M + "readability", "article_readability"): ((_M + "readability", "readability_tables"),
                                                   (_M + "readability", "readability_table")),
    (_M + "diversity", "article_diversity"): ((_M + "diversity", "diversity_table"),),
    (_M + "framing", "framing_row"): ((_M + "framing", "framing_table"),),
    (_M + "framing", "framing_hits"): ((_M + "framing", "hits_table"),),
    (_M + "attribution", "attributions"): ((_M + "framing", "attributions_table"),),
    (_M + "agency", "agency_rows"): ((_M + "agency", "agency_table"),),
    (_M + "tone", "group_tone_rows"): (("newscorpus.report.framing_study", "group_tone_table"),),
    (_M + "loaded", "loaded_sentences"): (("newscorpus.report.framing_study", "loaded_model_rows"),),
    (_M + "headlines", "part_rows"): ((_M + "headlines", "headline_table"),),
    (_M + "keyness", "article_term_counts"): ((_M + "keyness", "term_counts_table"),),
    (_M + "themes", "article_themes"): ((_M + "themes", "themes_table"),),
    (_M + "themes", "article_theme_terms"): ((_M + "themes", "theme_terms_table"),),
    (_M + "themes", "rate_intervals"): ((_M + "themes", "rate_intervals_table"),),
    (_M + "themes", "article_positions"): ((_M + "themes", "positions_table"),),
    (_M + "places", "article_places_located"): ((_M + "places", "places_table"),),
}
# Per-article functions the notebooks call themselves, once per article, cached wherever called.
GLOBAL: dict[str, tuple[str, ...]] = {
    _M + "log_odds": ("word_counts",),
}

_installed = False
_install_lock = threading.Lock()
_stats = {"hits": 0, "misses": 0, "uncached": 0}


class _Unkeyable(Exception):
    """An argument the cache cannot turn into a stable key."""


# ---------------------------------------------------------------- where, and for which code

def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    configured = os.environ.get(CACHE_VARIABLE, "").strip()
    return Path(configured).resolve() if configured else None


def _package_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and not SKIP_PARTS.intersection(p.parts)
                  and p.suffix != ".pyc")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the package's files (names and bytes), the Python version and the installed
    distributions' names and versions: what a per-article result may depend on besides its input."""
    from importlib import metadata

    digest = hashlib.sha256(sys.version.encode() + b"\0")
    for path in _package_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    versions = sorted({f"{(d.metadata['Name'] or '').lower()}=={d.version}" for d in metadata.distributions()})
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


# ---------------------------------------------------------------- keys

def _canonical(value):
    """A JSON-able form of an argument that is the same in every process (sets sorted, tuples
    and lists kept apart), or _Unkeyable."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return {"float": value.hex()}
    if isinstance(value, (list, tuple)):
        return {type(value).__name__: [_canonical(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        items = [_canonical(v) for v in value]
        return {"set": sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
    if isinstance(value, dict):
        return {"dict": sorted(([_canonical(k), _canonical(v)] for k, v in value.items()),
                               key=lambda kv: json.dumps(kv[0], sort_keys=True))}
    raise _Unkeyable(type(value).__name__)


def call_key(function, signature: inspect.Signature, args: tuple, kwargs: dict) -> str:
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    payload = json.dumps([f"{function.__module__}.{function.__qualname__}", code_fingerprint(),
                          [[name, _canonical(value)] for name, value in bound.arguments.items()]],
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _entry(folder: Path, function, key: str) -> Path:
    return folder / code_fingerprint()[:16] / f"{function.__module__}.{function.__qualname__}" / key[:2] / f"{key}.pkl"


def _read(path: Path):
    with path.open("rb") as handle:
        return pickle.load(handle)


def _write(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", suffix=".pkl", delete=False)
    try:
        with handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # atomic: a reader sees the whole entry or none
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def cached(function):
    """``function`` (pure, its result picklable) reading and writing the cache when it is on."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        folder = cache_dir()
        if folder is None:
            return function(*args, **kwargs)
        try:
            key = call_key(function, signature, args, kwargs)
        except (_Unkeyable, TypeError):
            _stats["uncached"] += 1
            return function(*args, **kwargs)
        path = _entry(folder, function, key)
        try:
            value = _read(path)
            _stats["hits"] += 1
            return value
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged entry is recomputed and replaced
            pass
        _stats["misses"] += 1
        value = function(*args, **kwargs)
        with contextlib.suppress(OSError):  # a read-only or full disk costs speed, not the result
            _write(path, value)
        return value

    wrapper.__wrapped_by_article_cache__ = True
    return wrapper


def _scoped(table_function, patches: list[tuple[object, str, object]]):
    """``table_function`` with each ``module.name`` of ``patches`` replaced by its caching
    wrapper while it runs (and put back after, however it ends)."""

    @functools.wraps(table_function)
    def wrapper(*args, **kwargs):
        originals = [(module, name, getattr(module, name)) for module, name, _ in patches]
        for module, name, caching in patches:
            setattr(module, name, caching)
        try:
            return table_function(*args, **kwargs)
        finally:
            for module, name, original in originals:
                setattr(module, name, original)

    wrapper.__wrapped_by_article_cache__ = True
    return wrapper


def install() -> None:
    """Put the caching wrappers in place (once per process; harmless when the cache is off, since
    each wrapper then calls the function directly)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        for module_name, names in GLOBAL.items():
            module = importlib.import_module(module_name)
            for name in names:
                function = getattr(module, name)
                if not getattr(function, "__wrapped_by_article_cache__", False):
                    setattr(module, name, cached(function))
        by_table: dict[tuple[str, str], list] = {}
        for (module_name, name), tables in SCOPED.items():
            module = importlib.import_module(module_name)
            caching = cached(getattr(module, name))
            for table in tables:
                by_table.setdefault(table, []).append((module, name, caching))
        for (module_name, table), patches in by_table.items():
            module = importlib.import_module(module_name)
            function = getattr(module, table)
            if not getattr(function, "__wrapped_by_article_cache__", False):
                setattr(module, table, _scoped(function, patches))
        _installed = True


def install_if_enabled() -> None:
    if cache_dir() is not None:
        install()


def stats() -> dict[str, int]:
    """Hits, misses and uncached calls in this process (for tests and the build's log)."""
    return dict(_stats)


def prune(folder: Path) -> None:
    """Remove entries written for another fingerprint (older code): they can never be read again."""
    keep = code_fingerprint()[:16]
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink() and child.name != keep and len(child.name) == 16:
            shutil.rmtree(child, ignore_errors=True)


# ---------------------------------------------------------------- filling it on every core

PREFILL_CHUNK = 8


def chapter_tables(cleaned, articles) -> None:
    """Call, on ``cleaned`` (some articles of ``clean_corpus``), every table function the chapters
    call on the whole corpus, so that each per-article result they need is in the cache. The
    tables themselves are thrown away."""
    from .measures import (agency, attribution, diversity, framing, headlines, keyness, log_odds, places,  # noqa: F401
                           readability, themes)
    from .report import framing_study

    readability.readability_tables(cleaned)
    diversity.diversity_table(cleaned)
    framing.framing_table(cleaned)
    framing.hits_table(cleaned)
    framing.attributions_table(cleaned)
    agency.agency_table(cleaned)
    framing_study.group_tone_table(cleaned)
    framing_study.loaded_model_rows(dict(zip(cleaned["file"], cleaned["paragraphs"])))
    headlines.headline_table(cleaned, articles)
    keyness.term_counts_table(cleaned)
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        log_odds.word_counts(file, paragraphs)  # chapter 5 passes the paragraphs as cleaned gives them
        log_odds.word_counts(file, list(paragraphs))  # chapter 4 passes a copy: the same key
    themes.theme_rates(cleaned)
    themes.rate_intervals_table(cleaned)
    themes.theme_terms_table(cleaned)
    themes.positions_table(cleaned)
    places.places_table(cleaned)


def _prefill_chunk(item) -> int:
    """Worker: one chunk of the cleaned corpus, with the cache folder to fill. A measure that
    fails on an article is left to the chapter, which reports it with its cell."""
    folder, cleaned, articles = item
    os.environ[CACHE_VARIABLE] = str(folder)
    install()
    try:
        chapter_tables(cleaned, articles)
    except Exception:  # noqa: BLE001
        return 0
    return len(cleaned)


def _prefill_shared(item) -> int:
    """Worker: ``shared_term_intervals``' per-article rates, which leave out the terms found in one
    article only, a set known only once every article's terms are."""
    folder, cleaned, exclude = item
    os.environ[CACHE_VARIABLE] = str(folder)
    install()
    from .measures import themes

    try:
        themes.rate_intervals_table(cleaned, exclude=exclude)
    except Exception:  # noqa: BLE001
        return 0
    return len(cleaned)


def prefill(seeds_dir: str | os.PathLike, folder: str | os.PathLike, *, workers: int | None = None,
            progress=None) -> dict[str, float]:
    """Fill ``folder`` with every per-article result the chapters will ask for, on ``workers``
    processes (every core by default). Returns counts and seconds for the build's log."""
    import time

    started = time.perf_counter()
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get(CACHE_VARIABLE)
    os.environ[CACHE_VARIABLE] = str(folder)
    try:
        return _prefill(seeds_dir, folder, workers, progress, started)
    finally:
        if previous is None:
            os.environ.pop(CACHE_VARIABLE, None)
        else:
            os.environ[CACHE_VARIABLE] = previous


def _prefill(seeds_dir, folder: Path, workers: int | None, progress, started: float) -> dict[str, float]:
    import time
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    from . import corpus
    from .cleaning import clean_corpus

    install()
    prune(folder)
    articles = corpus.load(seeds_dir)
    cleaned = clean_corpus(articles, clean=corpus.corpus_settings(seeds_dir).clean)
    chunks = [cleaned.iloc[i:i + PREFILL_CHUNK] for i in range(0, len(cleaned), PREFILL_CHUNK)]
    subsets = [articles[articles["file"].isin(chunk["file"])] for chunk in chunks]
    workers = max(1, min(workers or os.cpu_count() or 1, len(chunks)))
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        done = 0
        for n in pool.map(_prefill_chunk, [(folder, c, s) for c, s in zip(chunks, subsets)]):
            done += n
            if progress:
                progress(done, len(cleaned))
        from .measures import themes

        exclude = themes.single_text_terms(themes.theme_terms_table(cleaned))  # read from the cache
        list(pool.map(_prefill_shared, [(folder, c, exclude) for c in chunks]))
    return {"articles": len(cleaned), "seconds": round(time.perf_counter() - started, 1), "workers": workers}


def main(argv: list[str] | None = None) -> int:
    """``python -c 'from newscorpus.article_cache import main; main()' SEEDS CACHE``: the prefill
    as ``newscorpus build`` runs it, in a process with the book's own package and environment."""
    seeds, folder = (argv if argv is not None else sys.argv[1:])[:2]
    try:
        done = prefill(seeds, folder)
    except Exception as exc:  # noqa: BLE001 - the chapters compute what the prefill could not
        print(f"newscorpus: the per-article cache was not filled ({type(exc).__name__}: {exc}); "
              "the chapters compute their measures themselves", flush=True)
        return 0
    print(f"newscorpus: per-article measures of {done['articles']} articles cached in {done['seconds']} s "
          f"on {done['workers']} processes", flush=True)
    return 0
