"""One error type for bad input, whose message is one line naming the file and the problem."""

from __future__ import annotations

import os
from pathlib import Path


def printable(text: str) -> str:
    """Text safe to print on one line: a newline, a terminal escape or a bidirectional control in a
    file name shown as its code (``\\n``, ``\\x1b``, ``\\u202e``), so it cannot forge a second
    ``error:`` line or make one name display as another."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] if ord(c) < 0x100 or c == "\\x85"
                   else f"\\u{ord(c):04x}" for c in text)


def display_path(path: str | os.PathLike) -> str:
    """The path as a reader would type it: relative to the working directory when inside it."""
    path = Path(path)
    try:  # abspath, not resolve: a symbolic link is named as itself, not as what it points to
        shown = str(Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())))
    except (ValueError, OSError, RuntimeError):
        shown = str(path)
    return printable(shown)


class CorpusError(ValueError):
    """Bad input. ``str(error)`` is a single line: ``<file>: <problem>``."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = display_path(path)
        self.problem = printable(" ".join(str(problem).split()))  # always one line
        super().__init__(f"{self.path}: {self.problem}")


class UsageError(CorpusError):
    """A bad option or argument value, not a file: ``str(error)`` is ``<option>: <problem>``."""

    def __init__(self, option: str, problem: str):
        ValueError.__init__(self)
        self.path = printable(option)
        self.problem = printable(" ".join(str(problem).split()))
        self.args = (f"{self.path}: {self.problem}",)

    def __str__(self) -> str:
        return self.args[0]
