"""Issue 23, outputs: every table complete or absent, reruns and kills, the lock, hostile things
in OUTDIR, no CSV field limit, CSV injection neutralised, one-line errors for output folders."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, SEEDS
from faults_support import article_text, digest, one_line_errors, run_cli, small_corpus, write_corpus
from newscorpus.cli import main
from newscorpus.pipeline import WORK_DIR, analyse_to_folder, table_names

TABLES = sorted(table_names())


def analyze(capsys, *args) -> tuple[int, list[str], str]:
    status = main(["analyze", *map(str, args), "--quiet"])
    captured = capsys.readouterr()
    return status, one_line_errors(captured.err), captured.out


def csv_cells(path: Path) -> list[list[str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_case1_a_line_over_the_csv_field_limit_is_analysed_and_written(tmp_path, capsys):
    """A 140,000-character line (over Python's 131,072 csv limit) went through the whole run and
    then killed the join, leaving a truncated cleaning_audit.csv and no errors.csv."""
    text = article_text(0) + "\n" + "word " * 28_000 + "\n"
    corpus = write_corpus(tmp_path / "corpus", [{"file": "long.txt"}, {"file": "b.txt"}], {"long.txt": text})
    status, errors, _ = analyze(capsys, corpus, tmp_path / "out")
    assert status == 0 and errors == []
    audit = pd.read_csv(tmp_path / "out" / "cleaning_audit.csv")
    assert audit["text"].str.len().max() >= 139_000
    assert (tmp_path / "out" / "errors.csv").is_file()
    # ... and check names the line as a probable missing line break
    result = run_cli("check", str(corpus))
    assert result.returncode == 2
    assert one_line_errors(result.stderr) == [
        f"error: {corpus}/long.txt: line 7 is 140,000 characters long, longer than any real paragraph: line "
        "breaks are probably missing; put each paragraph on its own line"]


def test_case2_a_rerun_rewrites_every_table_even_empty_ones(tmp_path, capsys):
    """A second corpus with no attributions and no places left the first corpus's tables there."""
    out = tmp_path / "out"
    first = analyze(capsys, SEEDS, out)
    assert first[0] == 0 and len(pd.read_csv(out / "attributions.csv")) > 0
    quiet = "The weather was mild and the market was busy all week, with many people buying bread and fruit."
    texts = {f"q{k}.txt": "\n\n".join(f"{quiet} Day {k}, note {i}." for i in range(3)) + "\n" for k in range(2)}
    second = write_corpus(tmp_path / "second", [{"file": name} for name in texts], texts)
    status, errors, _ = analyze(capsys, second, out)
    assert status == 0 and errors == []
    assert sorted(p.name for p in out.iterdir()) == TABLES  # every table, nothing else
    for name in TABLES:
        table = pd.read_csv(out / name)
        assert table.columns[0] == "file", name
        assert set(table["file"]) <= set(texts), name  # nothing of the first corpus is left
    assert pd.read_csv(out / "attributions.csv").empty and pd.read_csv(out / "places.csv").empty
    assert list(pd.read_csv(out / "places.csv").columns)[:3] == ["file", "place", "country"]


def test_case3_a_parts_folder_in_outdir_is_never_touched(tmp_path, capsys):
    """A user's file in OUTDIR/.parts was deleted; a .parts link emptied the folder it pointed to."""
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / ".parts").mkdir(parents=True)
    (out / ".parts" / "mine.txt").write_text("keep me")
    elsewhere.mkdir()
    (elsewhere / "precious.csv").write_text("a,b\n")
    (out / "notes.txt").write_text("my notes")
    other = tmp_path / "out2"
    other.mkdir()
    (other / ".parts").symlink_to(elsewhere)
    corpus = small_corpus(tmp_path / "corpus", 2)
    before = digest(elsewhere)
    for target in (out, other):
        status, errors, _ = analyze(capsys, corpus, target)
        assert status == 0 and errors == []
    assert (out / ".parts" / "mine.txt").read_text() == "keep me" and (out / "notes.txt").read_text() == "my notes"
    assert digest(elsewhere) == before and (other / ".parts").is_symlink()
    assert not (out / WORK_DIR).exists() and not (other / WORK_DIR).exists()


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_case3_a_work_folder_that_is_not_ours_is_refused_and_left_alone(tmp_path, capsys, kind):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "data.csv").write_text("x\n")
    if kind == "folder":
        (out / WORK_DIR).mkdir()
        (out / WORK_DIR / "data.csv").write_text("x\n")
    else:
        (out / WORK_DIR).symlink_to(elsewhere)
    before, before_elsewhere = digest(out), digest(elsewhere)
    status, errors, _ = analyze(capsys, small_corpus(tmp_path / "corpus", 1), out)
    assert status == 2
    assert errors == [f"error: {out / WORK_DIR}: is in the way of the run's work folder and was not made by "
                      "newscorpus: move it out of the output folder"]
    assert digest(out) == before and digest(elsewhere) == before_elsewhere


def test_case10_a_second_run_on_the_same_outdir_is_refused_in_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys, time\n"
                               f"fd = os.open({str(out)!r}, os.O_RDONLY)\nfcntl.flock(fd, fcntl.LOCK_EX)\n"
                               "print('locked', flush=True)\ntime.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        status, errors, _ = analyze(capsys, small_corpus(tmp_path / "corpus", 1), out)
    finally:
        holder.kill()
        holder.wait()
    assert status == 2
    assert errors == [f"error: {out}: another `analyze` run is writing into this folder: wait for it to finish, "
                      "or choose another output folder"]
    assert list(out.iterdir()) == []
    status, errors, _ = analyze(capsys, small_corpus(tmp_path / "corpus", 1), out)  # the lock died with its holder
    assert status == 0


def test_case2_kill_leaves_the_previous_result_and_a_rerun_resumes(tmp_path):
    """SIGKILL in the middle of a run: OUTDIR keeps the previous complete tables (never a mix);
    the next run on the same corpus takes up the chunks the killed one had finished, and its
    tables are byte-identical to an undisturbed run's."""
    from newscorpus.scale_bench import synthetic_corpus

    out = tmp_path / "out"
    first = run_cli("analyze", str(SEEDS), str(out), "--quiet")
    assert first.returncode == 0, first.stderr
    previous = digest(out)
    corpus = synthetic_corpus(SEEDS, tmp_path / "corpus", 12)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newscorpus", "analyze", str(corpus), str(out), "--quiet",
                              "--chunk", "2"], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = out / WORK_DIR
    while child.poll() is None and len(list(work.glob("chunk-????????"))) < 2:
        time.sleep(0.05)
    child.kill()
    child.wait()
    killed_after = time.perf_counter() - started
    assert child.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert sorted(p.name for p in out.iterdir() if p.name != WORK_DIR) == TABLES
    assert digest_without(out, WORK_DIR) == previous  # the previous result, untouched
    done = len(list(work.glob("chunk-????????")))
    started = time.perf_counter()
    rerun = run_cli("analyze", str(corpus), str(out), "--quiet", "--chunk", "2")
    resumed_in = time.perf_counter() - started
    assert rerun.returncode == 0, rerun.stderr
    assert f"resuming: {done} of 6 chunks already done" in rerun.stderr
    assert not work.exists()
    undisturbed = analyse_to_folder(corpus, tmp_path / "undisturbed", chunk=2, progress=False)
    for name in TABLES:
        assert (out / name).read_bytes() == undisturbed[name].read_bytes(), name
    print(f"killed after {killed_after:.1f} s with {done} of 6 chunks done; resumed run {resumed_in:.1f} s")


def digest_without(folder: Path, skip: str) -> str:
    copy = Path(tempfile.mkdtemp())
    try:
        for path in folder.iterdir():
            if path.name != skip:
                shutil.copy2(path, copy / path.name)
        return digest(copy)
    finally:
        shutil.rmtree(copy)


def test_case12_formula_cells_are_neutralised_in_every_csv(tmp_path, capsys, seeds_copy):
    hostile = {"title": "=cmd|' /C calc'!A0", "outlet": "+SUM(1,2)", "author": "@HYPERLINK(\"http://x\")"}
    text = "-2+3 said the caption\n\n" + article_text(0) + "\n=HYPERLINK(\"http://evil\",\"Subscribe\")\n"
    corpus = write_corpus(tmp_path / "corpus", [{"file": "a.txt", **hostile}, {"file": "b.txt"}], {"a.txt": text})
    status, errors, _ = analyze(capsys, corpus, tmp_path / "out")
    assert status == 0 and errors == []
    sources = (seeds_copy / "sources.csv").read_text(encoding="utf-8")
    (seeds_copy / "sources.csv").write_text(sources.replace("ISIS on offense in Iraq", "=1+1 ISIS"), encoding="utf-8")
    assert main(["export", str(tmp_path / "export"), "--seeds", str(seeds_copy)]) == 0
    seen = set()
    for path in [*(tmp_path / "out").glob("*.csv"), *(tmp_path / "export").glob("*.csv")]:
        for row in csv_cells(path)[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                assert not (cell.startswith("-") and not _is_number(cell)), (path.name, cell)
                seen.add(cell)
    assert {"'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'=1+1 ISIS"} <= seen
    assert any(cell.startswith("'=HYPERLINK") for cell in seen) and "'-2+3 said the caption" in seen
    negative = pd.read_csv(tmp_path / "export" / "framing.csv")["vader_compound_mean"]
    assert (negative < 0).any()  # numbers stay numbers


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_case14_outdir_that_is_a_file(tmp_path, capsys):
    target = tmp_path / "out.csv"
    target.write_text("mine")
    status, errors, _ = analyze(capsys, small_corpus(tmp_path / "corpus", 1), target)
    assert status == 2 and errors == [f"error: {target}: exists and is not a folder: give the name of a folder "
                                      "for the tables (it is created if missing)"]
    assert target.read_text() == "mine"


@pytest.fixture
def shared_tmp():
    """A folder another user can enter (pytest's own tmp folder is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="faults-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _another_user_can_run_the_package() -> bool:
    """Permissions mean nothing to root: these tests run the CLI as nobody (uid 65534), which needs
    root, setpriv, and a checkout and Python that nobody may read (not so under /root)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return False
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                            "import newscorpus.cli"], cwd="/", env={**os.environ, "PYTHONPATH": str(REPO)},
                           capture_output=True, timeout=120)
    return probe.returncode == 0


needs_root = pytest.mark.skipif(not _another_user_can_run_the_package(),
                                reason="runs the CLI as another user (needs root, setpriv and a readable checkout)")


@needs_root
@pytest.mark.parametrize("command", ["analyze", "export"])
@pytest.mark.parametrize("where", ["outdir", "parent"])
def test_case14_unwritable_outdir_or_parent(shared_tmp, command, where):
    corpus = small_corpus(shared_tmp / "corpus", 1)
    locked = shared_tmp / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    out = locked if where == "outdir" else locked / "out"
    args = ["analyze", str(corpus), str(out), "--quiet"] if command == "analyze" else ["export", str(out), "--seeds", str(corpus)]
    result = run_cli(*args, user="65534")
    assert result.returncode == 2, result.stderr
    errors = one_line_errors(result.stderr)
    expected = "is not writable" if where == "outdir" else "cannot be created here (permission denied)"
    assert len(errors) == 1 and errors[0].startswith(f"error: {out}: {expected}"), errors
    assert list(locked.iterdir()) == []


@needs_root
def test_case14_an_unlistable_corpus_folder(shared_tmp):
    corpus = small_corpus(shared_tmp / "corpus", 1)
    corpus.chmod(0o311)  # enterable, not listable
    result = run_cli("analyze", str(corpus), str(shared_tmp / "out"), "--quiet", user="65534")
    assert result.returncode == 2
    assert one_line_errors(result.stderr) == [f"error: {corpus}: cannot list the folder (Permission denied): "
                                              "check its permissions"]
