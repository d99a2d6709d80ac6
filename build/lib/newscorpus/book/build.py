"""Building the book: one definition of the strict build, for the Makefile, the bench and tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# -n: nitpicky (every cross-reference must resolve); -W: warnings are errors;
# --keep-going: report all of them before failing, not just the first.
BUILD_OPTIONS = ["-n", "-W", "--keep-going"]


def jupyter_book_executable() -> str:
    """The jupyter-book of this interpreter's environment, not whichever is first on PATH."""
    candidate = Path(sys.executable).with_name("jupyter-book")
    return str(candidate) if candidate.exists() else (shutil.which("jupyter-book") or "jupyter-book")


def build_command(root: str | os.PathLike = ".") -> list[str]:
    return [jupyter_book_executable(), "build", str(root), *BUILD_OPTIONS]


def build(root: str | os.PathLike = ".", *, capture: bool = False, env: dict | None = None) -> subprocess.CompletedProcess:
    """Execute the notebooks and build the HTML into ``<root>/_build/html``."""
    environment = {**os.environ, **(env or {})}
    # The notebooks read this book's own seeds, wherever the kernel starts.
    environment.setdefault("NEWSCORPUS_SEEDS", str(Path(root).resolve() / "seeds"))
    return subprocess.run(
        build_command(root),
        cwd=root,
        env=environment,
        text=True,
        capture_output=capture,
    )
