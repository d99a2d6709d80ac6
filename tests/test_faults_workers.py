"""Issue 23, workers: a worker lost mid-run costs only its tasks (a Dask LocalCluster on
127.0.0.1 whose worker is killed; a pool process killed), and no process outlives a run stopped
by SIGINT, SIGTERM or SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from conftest import REPO, SEEDS
from faults_support import one_line_errors
from newscorpus.pipeline import WORK_DIR, analyse_to_folder, table_names


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from newscorpus.scale_bench import synthetic_corpus

    return synthetic_corpus(SEEDS, tmp_path_factory.mktemp("workers") / "corpus", 10)


@pytest.fixture(scope="module")
def undisturbed(corpus, tmp_path_factory) -> dict[str, bytes]:
    written = analyse_to_folder(corpus, tmp_path_factory.mktemp("undisturbed"), chunk=2, progress=False)
    return {name: written[name].read_bytes() for name in table_names()}


def run_in_thread(function, *args, **kwargs):
    outcome = {}

    def target():
        try:
            outcome["result"] = function(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, outcome


def wait_for_chunks(out: Path, n: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while len(list((out / WORK_DIR).glob("chunk-????????"))) < n:
        assert time.monotonic() < deadline, "no chunk finished"
        time.sleep(0.05)


def test_case5_a_dask_worker_killed_mid_run_costs_only_its_tasks(corpus, undisturbed, tmp_path):
    """The README's `dask worker` runs under a nanny that restarts it: the only worker killed at
    mid-run used to lose the broadcast templates and the run (FutureCancelledError)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50) as cluster, Client(cluster) as client:
        out = tmp_path / "out"
        thread, outcome = run_in_thread(analyse_to_folder, corpus, out, backend="dask",
                                        scheduler=cluster.scheduler_address, chunk=2, progress=False)
        wait_for_chunks(out, 1)
        (pid,) = client.run(os.getpid).values()
        os.kill(pid, signal.SIGKILL)
        thread.join(600)
        assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
        assert list(client.run(os.getpid).values()) != [pid]  # the nanny started a new worker
    for name in table_names():
        assert (out / name).read_bytes() == undisturbed[name], name


def forkserver_workers(parent: psutil.Process) -> list[psutil.Process]:
    servers = [p for p in parent.children() if "forkserver" in " ".join(p.cmdline())]
    return [w for s in servers for w in s.children()]


def test_a_pool_worker_killed_mid_run_costs_only_its_tasks(corpus, undisturbed, tmp_path):
    out = tmp_path / "out"
    thread, outcome = run_in_thread(analyse_to_folder, corpus, out, backend="processes", chunk=2, progress=False)
    wait_for_chunks(out, 1)
    workers = forkserver_workers(psutil.Process())
    assert workers, "no pool worker found"
    workers[0].kill()
    thread.join(600)
    assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
    for name in table_names():
        assert (out / name).read_bytes() == undisturbed[name], name


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_case9_no_process_outlives_a_stopped_run(corpus, tmp_path, how):
    out = tmp_path / "out"
    # Ctrl-C as a terminal sends it: a shell that starts the test run in the background (`cmd &`
    # in a script) hands it SIGINT ignored, which the child would inherit and never see
    child = subprocess.Popen([sys.executable, "-m", "newscorpus", "analyze", str(corpus), str(out), "--quiet",
                              "--backend", "processes", "--chunk", "1"], cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for_chunks(out, 1)
    descendants = psutil.Process(child.pid).children(recursive=True)
    assert len(descendants) >= 2  # the forkserver and its workers (and the resource tracker)
    child.send_signal(how)
    _, stderr = child.communicate(timeout=60)
    gone, alive = psutil.wait_procs(descendants, timeout=15)
    assert alive == [], [p.cmdline() for p in alive]
    if how == signal.SIGKILL:
        assert child.returncode == -signal.SIGKILL
    else:
        expected = {signal.SIGTERM: (143, "error: analyze: stopped by SIGTERM"),
                    signal.SIGINT: (130, "error: analyze: interrupted (Ctrl-C); nothing half-written was left in "
                                         "place, run it again to finish")}[how]
        assert (child.returncode, one_line_errors(stderr)) == (expected[0], [expected[1]])
    assert sorted(p.name for p in out.iterdir()) in ([], [WORK_DIR])  # no table half-written
