"""``claimline extract --jobs 2`` interrupted (issue 19, item 7): Ctrl-C, SIGINT or SIGTERM
end the run within seconds with every worker gone; a killed parent's workers exit on
their own. Each case runs the CLI in a subprocess (tokenizer-only pipeline, so that the
workers start fast), bounded in time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc to find the workers")

EXIT_SECONDS = 10  # "within a few seconds", with room for a loaded CI machine


def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("workers") / "corpus.jsonl", 2000)


def start(corpus: Path, out: Path) -> tuple[subprocess.Popen, list[int]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "claimline", "extract", str(corpus), "--format", "jsonl", "-o", str(out),
           "--jobs", "2", "--batch-size", "2", "--model", "blank:fr"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    if not wait_until(lambda: len(children(proc.pid)) >= 2 or proc.poll() is not None, 120):
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the workers did not start within 120 s")
    workers = children(proc.pid)
    assert proc.poll() is None, proc.stderr.read()
    wait_until(lambda: out.exists() and out.stat().st_size > 0, 30)  # the workers are busy
    return proc, workers


def finish(proc: subprocess.Popen, workers: list[int]) -> tuple[int | None, str]:
    try:
        code = proc.wait(EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        code = None
    alive = not wait_until(lambda: not any(running(w) for w in workers), EXIT_SECONDS)
    for pid in [proc.pid, *workers]:  # never leave anything behind, even when the test fails
        if running(pid):
            os.kill(pid, signal.SIGKILL)
    assert not alive, "a worker outlived the run"
    return code, proc.stderr.read()


@pytest.mark.parametrize("how", ["ctrl-c", "sigint", "sigterm"])
def test_interrupted_jobs_exit_within_seconds_with_no_worker_left(corpus, tmp_path, how):
    out = tmp_path / "out.jsonl"
    proc, workers = start(corpus, out)
    if how == "ctrl-c":  # the terminal sends SIGINT to the whole foreground process group
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT if how == "sigint" else signal.SIGTERM)
    code, err = finish(proc, workers)
    assert code == 130, err
    assert "Traceback" not in err
    assert "claimline: interrupted:" in err and "--resume" in err
    from claimline.io.sinks import complete_lines

    assert complete_lines(out)[1] == out.stat().st_size  # only complete lines: resumable


def test_workers_of_a_killed_parent_exit_on_their_own(corpus, tmp_path):
    proc, workers = start(corpus, tmp_path / "out.jsonl")
    os.kill(proc.pid, signal.SIGKILL)
    code, _ = finish(proc, workers)
    assert code == -signal.SIGKILL
