"""Building the book: one definition of the strict build, for the Makefile, the bench and tests.

``build`` runs, in order:

1. the per-article cache (``newscorpus.article_cache``): every per-article measure the chapters
   use, computed on every core into ``_build/.newscorpus_cache/`` (skipped when the corpus,
   the package and the pins are those of the last fill), so that the notebooks read them;
2. ``jupyter-book build`` (strict), its output shown as it comes;
3. when it fails, the last lines name what failed in one line each (``failures.py``): the chapter,
   the cell and the exception, or Sphinx's warning naming the page; never a traceback wall.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..article_cache import CACHE_VARIABLE, DEFAULT_DIR
from . import failures

# -n: nitpicky (every cross-reference must resolve); -W: warnings are errors;
# --keep-going: report all of them before failing, not just the first.
BUILD_OPTIONS = ["-n", "-W", "--keep-going"]
PREFILL_STAMP = "prefilled.sha256"
PREFILL_CODE = "from newscorpus.article_cache import main; raise SystemExit(main())"


def jupyter_book_executable() -> str:
    """The jupyter-book of this interpreter's environment, not whichever is first on PATH."""
    candidate = Path(sys.executable).with_name("jupyter-book")
    return str(candidate) if candidate.exists() else (shutil.which("jupyter-book") or "jupyter-book")


def build_command(root: str | os.PathLike = ".") -> list[str]:
    return [jupyter_book_executable(), "build", str(root), *BUILD_OPTIONS]


def _emit(line: str, capture: bool, lines: list[str], stream=None) -> None:
    lines.append(line)
    if not capture:
        (stream or sys.stdout).write(line)
        (stream or sys.stdout).flush()


def _run(command: list[str], root: Path, environment: dict, capture: bool, lines: list[str]) -> int:
    """Run ``command``, its output (stdout and stderr, merged) shown as it comes unless
    ``capture``, and kept in ``lines``."""
    process = subprocess.Popen(command, cwd=root, env=environment, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, bufsize=1, errors="replace")
    try:
        for line in process.stdout:
            _emit(line, capture, lines)
    except BaseException:
        process.kill()
        raise
    finally:
        process.stdout.close()
    return process.wait()


def prefill_cache(root: Path, environment: dict, capture: bool, lines: list[str]) -> None:
    """Fill the per-article cache on every core, unless it was filled for these very inputs."""
    from .freshness import inputs_fingerprint

    folder = Path(environment[CACHE_VARIABLE])
    stamp = folder / PREFILL_STAMP
    fingerprint = inputs_fingerprint(root)
    if stamp.is_file() and stamp.read_text().strip() == fingerprint:
        return
    seeds = environment["NEWSCORPUS_SEEDS"]
    # A process of its own: the book's package (PYTHONPATH) and environment, as the kernels have.
    returncode = _run([sys.executable, "-c", PREFILL_CODE, seeds, str(folder)], root, environment, capture, lines)
    if returncode == 0:
        folder.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint + "\n")


def build(root: str | os.PathLike = ".", *, capture: bool = False, env: dict | None = None,
          prefill: bool = True) -> subprocess.CompletedProcess:
    """Execute the notebooks and build the HTML into ``<root>/_build/html``."""
    root = Path(root)
    environment = {**os.environ, **(env or {})}
    # The notebooks read this book's own seeds, wherever the kernel starts.
    environment.setdefault("NEWSCORPUS_SEEDS", str(root.resolve() / "seeds"))
    environment.setdefault(CACHE_VARIABLE, str(root.resolve() / DEFAULT_DIR))
    build_dir = root / "_build"
    failures.clear(build_dir)
    lines: list[str] = []
    if prefill:
        prefill_cache(root, environment, capture, lines)
    command = build_command(root.resolve())
    returncode = _run(command, root, environment, capture, lines)
    if returncode != 0:
        summary = failures.summary_lines(build_dir, "".join(lines), root.resolve())
        for line in summary:
            _emit(line + "\n", capture, lines, sys.stderr)
    return subprocess.CompletedProcess(command, returncode, stdout="".join(lines), stderr="")
