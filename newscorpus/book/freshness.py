"""Sphinx extension: never show notebook results computed from an older corpus or package.

jupyter-cache decides whether to re-execute a notebook from a hash of its code cells only, and
Sphinx re-reads a page only when its source file changes. Neither notices an edited article in
``seeds/``, a new one, a changed function in ``newscorpus/``, a new hand label in
``newscorpus/data/evaluation/`` (the cleaning chapter scores the cleaner on them) or a new pin. So
this extension fingerprints those inputs, and when the fingerprint differs from the one the
execution cache was filled with it empties the cache and marks every page outdated: every
notebook reads the corpus through the package, so all of them depend on it.

The fingerprint is recorded next to the cache only after a build finishes without an exception,
so a build that fails half-way is redone in full the next time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Paths relative to the book's root whose contents feed the notebooks.
INPUTS = ("seeds", "newscorpus", "requirements.txt", "constraints.txt")
SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints"}
STAMP_NAME = "newscorpus-inputs.sha256"


def inputs_fingerprint(root: Path) -> str:
    """SHA-256 over the names and bytes of every input file under ``root``, and of the corpus
    folder the notebooks read when ``NEWSCORPUS_SEEDS`` points elsewhere (a reader's archive
    built with ``NEWSCORPUS_SEEDS=~/archive make book``: switching archives must re-execute)."""
    digest = hashlib.sha256()
    tops = [(name, root / name) for name in INPUTS]
    corpus = os.environ.get("NEWSCORPUS_SEEDS")
    if corpus and Path(corpus).resolve() != (root / "seeds").resolve():
        tops.append((f"corpus:{Path(corpus).resolve()}", Path(corpus)))
    for label, top in tops:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if SKIP_PARTS.intersection(path.parts) or path.suffix == ".pyc":
                continue
            name = path.relative_to(root).as_posix() if label in INPUTS else f"{label}/{path.relative_to(top).as_posix()}"
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _cache_dir(app: Sphinx) -> Path:
    configured = app.config.nb_execution_cache_path or ".jupyter_cache"
    path = Path(configured)
    return path if path.is_absolute() else Path(app.srcdir) / path


def _on_builder_inited(app: Sphinx) -> None:
    app.newscorpus_fingerprint = inputs_fingerprint(Path(app.srcdir))
    stamp = _cache_dir(app) / STAMP_NAME
    recorded = stamp.read_text().strip() if stamp.is_file() else None
    app.newscorpus_inputs_changed = recorded != app.newscorpus_fingerprint
    if app.newscorpus_inputs_changed and _cache_dir(app).is_dir():
        from jupyter_cache import get_cache

        logger.info("newscorpus: corpus or package changed; clearing the notebook execution cache")
        get_cache(str(_cache_dir(app))).clear_cache()


def _on_env_get_outdated(app, env: BuildEnvironment, added, changed, removed) -> list[str]:
    if app.newscorpus_inputs_changed or getattr(env, "newscorpus_fingerprint", None) != app.newscorpus_fingerprint:
        env.newscorpus_fingerprint = app.newscorpus_fingerprint
        return sorted(env.found_docs - set(added))
    return []


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        cache = _cache_dir(app)
        cache.mkdir(parents=True, exist_ok=True)
        (cache / STAMP_NAME).write_text(app.newscorpus_fingerprint + "\n")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _on_builder_inited)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
