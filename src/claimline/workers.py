"""spaCy's worker processes (``n_process > 1``): stopped with their parent, never left behind.

``nlp.pipe(n_process=N)`` forks N workers fed through ``multiprocessing`` queues. Left
alone, an interruption goes wrong three ways: Ctrl-C reaches the workers too (each
prints a traceback) while the parent waits in ``join()`` for work they will never
finish; at exit the parent waits for a queue feeder thread blocked on a full pipe; and
a killed parent leaves its workers running forever. :func:`guarded_workers` wraps one
``nlp.pipe`` run:

- in each worker (a fork hook): Ctrl-C is ignored (the parent decides), SIGTERM ends
  it, and it exits as soon as its parent dies (``PR_SET_PDEATHSIG`` on Linux, and a
  thread that checks the parent id twice a second everywhere);
- in the parent: SIGINT and SIGTERM (when their handlers are Python's defaults)
  terminate the workers first, then raise :class:`KeyboardInterrupt`; whenever the run
  ends early (interrupted, an error, the caller stopped reading), the workers still
  alive are terminated (killed after a second) and the queues' exit-time joins are
  cancelled, so that the process exits at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import warnings
from contextlib import contextmanager

_STATE = {"active": 0, "hooked": False}
_WATCH_SECONDS = 0.5


def _die_with_parent() -> None:
    """Linux: have the kernel kill this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        pass


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _in_worker() -> None:
    """Fork hook, in the child of a guarded run: leave Ctrl-C to the parent, die with it."""
    if not _STATE["active"]:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    _die_with_parent()
    threading.Thread(target=_watch_parent, args=(parent,), name="claimline-watch-parent", daemon=True).start()


class _TrackedMultiprocessing:
    """The ``multiprocessing`` module as spaCy sees it, recording its queues and processes."""

    def __init__(self, module) -> None:
        self._module = module
        self.queues: list = []
        self.processes: list = []

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def Queue(self, *args, **kwargs):
        queue = self._module.Queue(*args, **kwargs)
        self.queues.append(queue)
        return queue

    def Process(self, *args, **kwargs):
        process = self._module.Process(*args, **kwargs)
        self.processes.append(process)
        return process


def stop_processes(processes, grace: float = 1.0) -> None:
    """Terminate ``processes`` that are alive, kill those still alive after ``grace`` seconds."""
    alive = [p for p in processes if p.pid is not None and p.is_alive()]
    for process in alive:
        process.terminate()
    deadline = time.monotonic() + grace
    for process in alive:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)


def _stop(tracked: _TrackedMultiprocessing) -> None:
    stop_processes(tracked.processes)
    for queue in tracked.queues:
        queue.cancel_join_thread()  # a feeder thread blocked on a dead worker's pipe must not block exit


@contextmanager
def _signals_stop(tracked: _TrackedMultiprocessing):
    """SIGINT/SIGTERM (default handlers only, main thread only): stop the workers, then interrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        _stop(tracked)
        raise KeyboardInterrupt(signal.Signals(signum).name)

    saved = {}
    for sig, default in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, signal.SIG_DFL)):
        if signal.getsignal(sig) is default:
            saved[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@contextmanager
def guarded_workers(n_process: int):
    """Around one ``nlp.pipe(n_process=n_process)`` run (nothing to do for 1 process)."""
    if n_process <= 1:
        yield
        return
    import spacy.language

    if not _STATE["hooked"] and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_in_worker)
        _STATE["hooked"] = True
    previous = spacy.language.mp
    tracked = _TrackedMultiprocessing(multiprocessing if isinstance(previous, _TrackedMultiprocessing) else previous)
    spacy.language.mp = tracked
    _STATE["active"] += 1
    finished = False
    try:
        with _signals_stop(tracked), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W127\]")  # "not all workers completed": we stopped them
            yield
        finished = True
    finally:
        _STATE["active"] -= 1
        spacy.language.mp = previous
        if not finished:
            _stop(tracked)


__all__ = ["guarded_workers", "stop_processes"]
