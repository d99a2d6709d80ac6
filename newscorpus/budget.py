"""A time budget for one article: past it, the work on that article stops with ``OverBudget``
and the article is reported as an error, so no single file can hang a run.

One watchdog thread per process raises the exception in the thread that runs the article
(``PyThreadState_SetAsyncExc``), so it works in the main thread of a command, of a pool worker
and in the worker threads of Dask alike. The exception lands at the next Python bytecode: a long
C call (one regular expression) finishes first.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from contextlib import contextmanager

# The slowest seed article takes under a second; a saved full page a few. A minute is far more
# than any article needs and still bounds a hostile one.
DEFAULT_SECONDS = 60.0
ENVIRONMENT = "NEWSCORPUS_ARTICLE_SECONDS"


class OverBudget(Exception):
    """Raised inside the thread whose article took longer than its budget."""


def budget_seconds() -> float:
    """The budget: ``NEWSCORPUS_ARTICLE_SECONDS`` if set (a positive number), else a minute."""
    try:
        value = float(os.environ.get(ENVIRONMENT) or DEFAULT_SECONDS)
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else DEFAULT_SECONDS


class _Watchdog:
    def __init__(self):
        self.lock = threading.Condition()
        self.deadlines: dict[int, tuple[float, list[bool]]] = {}  # thread id -> (deadline, [fired])
        self.thread: threading.Thread | None = None
        self.pid = None

    def start(self) -> None:
        if self.thread is None or self.pid != os.getpid():  # a forked child needs its own thread
            self.pid = os.getpid()
            self.thread = threading.Thread(target=self._run, name="newscorpus-article-budget", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                for ident, (deadline, fired) in list(self.deadlines.items()):
                    if deadline <= now and not fired[0]:
                        fired[0] = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(OverBudget))
                pending = [d for d, fired in self.deadlines.values() if not fired[0]]
                self.lock.wait(max(0.01, min(pending) - now) if pending else None)


_WATCHDOG = _Watchdog()


@contextmanager
def article_budget(seconds: float | None = None):
    """Run the block under a time budget; ``OverBudget`` is raised in it when the time is up."""
    seconds = budget_seconds() if seconds is None else seconds
    ident = threading.get_ident()
    fired = [False]
    with _WATCHDOG.lock:
        _WATCHDOG.start()
        _WATCHDOG.deadlines[ident] = (time.monotonic() + seconds, fired)
        _WATCHDOG.lock.notify()
    try:
        yield
    finally:
        with _WATCHDOG.lock:
            _WATCHDOG.deadlines.pop(ident, None)
            if fired[0]:
                # Fired as the block ended: clear an exception not yet delivered, so it cannot
                # surface later in code that has nothing to do with this article.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)


def over_budget_problem(seconds: float | None = None) -> str:
    seconds = budget_seconds() if seconds is None else seconds
    return (f"took longer than the {seconds:g} s allowed for one article and was stopped: is it one article? "
            f"(set {ENVIRONMENT} to allow more)")
