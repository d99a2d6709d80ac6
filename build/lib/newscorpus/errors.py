"""One error type for bad input, whose message is one line naming the file and the problem."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str | os.PathLike) -> str:
    """The path as a reader would type it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class CorpusError(ValueError):
    """Bad input. ``str(error)`` is a single line: ``<file>: <problem>``."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = display_path(path)
        self.problem = " ".join(str(problem).split())  # always one line
        super().__init__(f"{self.path}: {self.problem}")
