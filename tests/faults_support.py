"""Helpers for the fault tests (tests/test_faults_*.py): small corpora written on the spot, the
CLI run in this process or in a child, a digest of a folder to show it was not changed."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import REPO

COLUMNS = ["file", "title", "outlet", "author", "published", "date_precision", "date_basis", "url",
           "outlet_type", "origin"]
PARAGRAPHS = [
    "Iraqi forces said on Sunday that they had retaken the last districts of western Mosul after months of "
    "street fighting, and that the militants who remained were surrounded in the old city.",
    "Officials said thousands of civilians had fled through corridors opened by the army, and that the search "
    "for hidden explosives would take weeks before families could return to their homes.",
    "A spokesman for the coalition told reporters that air strikes had hit positions held by the group near "
    "the river, and that the fighting was expected to continue for some time in the area.",
]


def article_text(k: int) -> str:
    """A short English article, different for every k (no two files share a text)."""
    return "\n\n".join(f"{p} In report {k}, paragraph {i} says so." for i, p in enumerate(PARAGRAPHS)) + "\n"


def write_corpus(folder: Path, rows: list[dict], texts: dict[str, str | bytes] | None = None) -> Path:
    """A corpus folder: ``rows`` of sources.csv (missing columns filled in) and their files."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for k, row in enumerate(rows):
            full = {"title": f"Article {k}", "outlet": "Test Outlet", "author": "", "published": "2017-07",
                    "date_precision": "month", "date_basis": "test", "url": "", "outlet_type": "news site",
                    "origin": "original reporting", **row}
            writer.writerow(full)
    for k, row in enumerate(rows):
        content = (texts or {}).get(row["file"], article_text(k))
        path = folder / row["file"]
        if not path.exists() and not path.is_symlink():
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def small_corpus(folder: Path, n: int = 3, outlet: str = "Test Outlet") -> Path:
    return write_corpus(folder, [{"file": f"a{k:02d}.txt", "outlet": outlet} for k in range(n)])


def run_cli(*args: str, env: dict | None = None, timeout: float = 300, user: str | None = None,
            cwd: Path = REPO) -> subprocess.CompletedProcess:
    """``python -m newscorpus ARGS`` in a child process (as ``user`` via setpriv if given)."""
    command = [sys.executable, "-m", "newscorpus", *args]
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
        home = tempfile.mkdtemp(prefix="faults-home-")
        os.chmod(home, 0o777)
        environment.update(HOME=home, MPLCONFIGDIR=home, XDG_CACHE_HOME=home)
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=timeout)


def digest(folder: Path) -> str:
    """Names, kinds and contents of everything under ``folder`` (links not followed)."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            path = Path(root) / name
            h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            if path.is_symlink():
                h.update(b"link:" + os.readlink(path).encode("utf-8", "surrogateescape"))
            elif path.is_file():
                h.update(path.read_bytes())
    return h.hexdigest()


def one_line_errors(stderr: str) -> list[str]:
    """The error lines; fails if anything else (a traceback) is on stderr."""
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("note: ")
             and not line.startswith("resuming: ")]
    assert "Traceback" not in stderr, stderr
    assert all(line.startswith("error: ") for line in lines), stderr
    return lines
