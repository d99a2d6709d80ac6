"""Sphinx extension: execute the notebooks Sphinx is about to read side by side, not one by one.

myst-nb executes a notebook when Sphinx reads its page, so the pages' notebooks run one after
another, one core busy and the other idle. Just before Sphinx reads, this extension executes every
notebook it will read that the execution cache does not already hold, several kernels at once,
and stores each result in that cache exactly as myst-nb would (same hash, same record). myst-nb
then finds every notebook cached and only renders it.

Nothing else changes:
- which notebooks run is still decided by the cache: this runs after ``freshness`` (which empties
  the cache when the corpus, package or pins changed) and after Sphinx chose the pages to read;
- a notebook that fails here is not cached; once every notebook of the batch has finished (those
  that succeed are cached, so the next build runs only the one that failed), the build stops with
  the failures recorded by ``failures`` (chapter, cell, exception; the traceback in
  ``_build/reports/``), which ``newscorpus build`` prints as its last lines, rather than letting
  myst-nb execute the notebook a second time to show a traceback;
- anything a notebook writes to stderr is kept in its outputs, and myst-nb warns about it (fatal
  under ``-W``) when it renders them, cached or not.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.util import logging

logger = logging.getLogger(__name__)


class ChapterFailed(SphinxError):
    category = "Chapter failed"

# Kernels run in their own processes and the threads here only wait on them: one kernel per core
# unless this variable says otherwise.
JOBS_VARIABLE = "NEWSCORPUS_BOOK_JOBS"
# With no earlier run to go by, a notebook's time is guessed from its number of code cells.
GUESSED_SECONDS_PER_CELL = 0.5


def _jobs() -> int:
    configured = os.environ.get(JOBS_VARIABLE, "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else (os.cpu_count() or 1)


def _expected_seconds(env: BuildEnvironment, docname: str, notebook) -> float:
    """How long the notebook took the last time Sphinx read it, or a guess from its size."""
    from myst_nb.sphinx_ import NbMetadataCollector

    try:
        runtime = (NbMetadataCollector.get_exec_data(env, docname) or {}).get("runtime")
    except (AttributeError, KeyError):
        runtime = None
    if runtime:
        return float(runtime)
    return GUESSED_SECONDS_PER_CELL * sum(cell.cell_type == "code" for cell in notebook.cells)


def _notebooks_to_execute(env: BuildEnvironment, docnames, cache) -> list[tuple[Path, object, object]]:
    """(path, notebook, config) of each page to be read that is a notebook missing from the cache,
    longest first, so that no long notebook starts last while the other cores sit idle."""
    from myst_nb.core.nb_to_tokens import nb_node_to_dict
    from myst_nb.core.read import create_nb_reader
    from sphinx.util.matching import Matcher

    pending = []
    for docname in docnames:
        path = Path(env.doc2path(docname))
        content = path.read_text(encoding="utf-8")
        # The same reader myst-nb uses, so the notebook hashes exactly as it will when read.
        reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, content)
        if reader is None:
            continue  # a plain Markdown page
        notebook = reader.read(content)
        config = env.mystnb_config
        overrides = notebook.metadata.get(config.metadata_key)
        if overrides:
            overrides = {k: v for k, v in nb_node_to_dict(overrides).items() if k != "output_folder"}
            config = config.copy(**overrides)
        if (config.execution_mode != "cache" or config.execution_in_temp
                or Matcher(config.execution_excludepatterns)(docname)):
            continue  # myst-nb handles these pages as configured
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            pending.append((_expected_seconds(env, docname, notebook), docname, path, notebook, config))
    pending.sort(key=lambda item: (-item[0], item[1]))
    return [(path, notebook, config) for _, _, path, notebook, config in pending]


def _execute(path: Path, notebook, config):
    from jupyter_cache.executors.utils import single_nb_execution

    # What myst-nb passes for a cache-mode execution in the notebook's own folder.
    return single_nb_execution(notebook, cwd=str(path.parent), allow_errors=config.execution_allow_errors,
                               timeout=config.execution_timeout, meta_override=True)


def _on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    if env.mystnb_config.execution_mode != "cache":
        return
    cache = get_cache(env.mystnb_config.execution_cache_path)
    pending = _notebooks_to_execute(env, docnames, cache)
    if not pending:
        return
    jobs = min(_jobs(), len(pending))
    logger.info(f"newscorpus: executing {len(pending)} notebooks, {jobs} at a time")
    from . import failures

    build_dir = Path(app.outdir).parent
    failed = []
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_execute, path, notebook, config): (path, notebook) for path, notebook, config in pending}
        for future in as_completed(futures):
            path, notebook = futures[future]
            exc_string = None
            try:
                result = future.result()
                error, exc_string = result.err, result.exc_string
            except Exception as exc:  # e.g. a kernel that would not start
                error = exc
            if error is not None:
                # Not cached: recorded, and the build stops once the batch is done.
                failed.append(failures.describe(path, notebook, error, exc_string))
                logger.info(f"newscorpus: {path.name} failed ({error.__class__.__name__}); not cached")
                continue
            # Cache writes stay on this thread: one writer for the cache's SQLite database.
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, str(path), data={"execution_seconds": result.time}),
                check_validity=False, overwrite=True,
            )
            logger.info(f"newscorpus: executed {path.name} in {result.time:.2f} s")
    logger.info(f"newscorpus: notebooks executed in {time.perf_counter() - start:.1f} s")
    if failed:
        failures.write(build_dir, failed)
        raise ChapterFailed("\n".join(failures.one_line(record) for record in failed))


def setup(app: Sphinx) -> dict:
    app.setup_extension("myst_nb")
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
