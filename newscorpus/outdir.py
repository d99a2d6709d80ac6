"""An output folder written safely: created if missing (or a one-line error saying why it cannot
be), locked against a second run, its tables moved in only when every one is finished, and
nothing deleted in it that this program did not create (symbolic links never followed)."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from .errors import CorpusError


def prepare(outdir: str | os.PathLike) -> Path:
    """The output folder, created with its parents if missing; a CorpusError names what is wrong."""
    outdir = Path(outdir)
    try:
        if outdir.exists() and not outdir.is_dir():
            raise CorpusError(outdir, "exists and is not a folder: give the name of a folder for the tables "
                              "(it is created if missing)")
        outdir.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise CorpusError(outdir, "cannot be created here (permission denied): choose a folder you can write to") from None
    except FileExistsError:
        raise CorpusError(outdir, "a part of this path is a file, not a folder: choose another output folder") from None
    except NotADirectoryError:
        raise CorpusError(outdir, "a part of this path is a file, not a folder: choose another output folder") from None
    except OSError as exc:
        raise CorpusError(outdir, f"cannot be created ({exc.strerror}): choose another output folder") from None
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise CorpusError(outdir, "is not writable: choose a folder you can write to, or change its permissions")
    return outdir


@contextmanager
def locked(outdir: Path, command: str):
    """Hold an exclusive lock on the folder itself (no lock file to leave behind): a second run
    into the same folder stops at once with one line. The kernel drops the lock when the process
    ends, however it ends, so a killed run never leaves a stale lock."""
    fd = os.open(outdir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise CorpusError(outdir, f"another `{command}` run is writing into this folder: wait for it to "
                                  "finish, or choose another output folder") from None
            raise
        yield
    finally:
        os.close(fd)


def make_private_dir(path: Path, marker: str) -> bool:
    """Create ``path`` with a marker file saying who made it. True if it was created, False if it
    exists and is ours (a run to resume). A CorpusError if it exists and is not ours, or is a
    symbolic link: someone else's folder is never written into or emptied."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        path.mkdir()
        (path / marker).write_text("made by python -m newscorpus; removed when the run ends\n")
        return True
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or not (path / marker).is_file():
        raise CorpusError(path, "is in the way of the run's work folder and was not made by newscorpus: "
                          "move it out of the output folder")
    return False


def remove_ours(path: Path, names: set[str], folders: set[str] = frozenset()) -> None:
    """Remove what a run made in its work folder: files named in ``names`` (checked with lstat:
    a link is removed as a link, never followed), recursing only into real sub-folders whose names
    are in ``folders``. Anything else stays, and so does the folder that holds it."""
    try:
        entries = list(os.scandir(path))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and _matches(entry.name, folders):
            remove_ours(Path(entry.path), names, folders)
        elif entry.is_file(follow_symlinks=False) and _matches(entry.name, names):
            os.unlink(entry.path)
    try:
        os.rmdir(path)
    except OSError:
        pass  # something not ours is inside: leave it


def _matches(name: str, patterns) -> bool:
    from fnmatch import fnmatchcase

    return any(fnmatchcase(name, pattern) for pattern in patterns)


def publish(files: list[Path], outdir: Path) -> list[Path]:
    """Move finished files into ``outdir`` (each an atomic rename over any earlier one)."""
    moved = []
    for source in files:
        target = outdir / source.name
        try:
            if target.is_dir() and not target.is_symlink():
                raise CorpusError(target, "is a folder where a table goes: move it away")
            os.replace(source, target)
        except OSError as exc:
            raise CorpusError(target, f"cannot be written ({exc.strerror}): check the output folder") from None
        moved.append(target)
    return moved
