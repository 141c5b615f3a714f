"""Analysis worker processes for the server: an analysis that runs too long can be ended.

Python cannot stop a thread, so an analysis in the server's own threads that
passes ``analysis_timeout`` would keep its slot (and its memory) until it
finished on its own: minutes, for a long text. Each analysis slot therefore
has a worker process with its own pipeline. The server sends it a job (a
module-level function and its arguments, pickled) and waits for the result in
a thread; on timeout it kills the process, which frees the slot and the
memory at once, and starts a replacement (which loads its pipeline in the
background; the next job on that slot waits for it, outside its own timeout).

A worker that dies (out of memory, a crash in native code) is replaced the
same way and its job answers 503 (``WorkerDied``). Workers end with the server: they are
daemon processes and also watch their parent.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from newsgraph.api.errors import WorkerDied
from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings

logger = logging.getLogger(__name__)

_CONTEXT = multiprocessing.get_context("spawn")
#: Seconds a new worker may take to load its pipeline before it counts as broken.
START_TIMEOUT = 300.0

# -- in the worker process -------------------------------------------------------

_ANALYZER: Any = None


def worker_analyzer() -> Any:
    """The ``Analyzer`` of this worker process (jobs call it to get theirs)."""
    return _ANALYZER


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _worker_main(conn: Connection, settings: Settings, log_level: int) -> None:
    global _ANALYZER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server handles Ctrl-C and ends us
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()
    from newsgraph.pipeline import Analyzer

    try:
        _ANALYZER = Analyzer(settings)
    except NewsgraphError as exc:
        conn.send(("error", (type(exc).__module__, type(exc).__qualname__, exc.message)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, kwargs = job
        try:
            conn.send(("ok", fn(*args, **kwargs)))
        except NewsgraphError as exc:
            conn.send(("error", (type(exc).__module__, type(exc).__qualname__, exc.message)))
        except Exception as exc:  # a bug in a stage: the request gets 500, the worker goes on
            logger.exception("analysis failed in worker %d", os.getpid())
            conn.send(("crash", f"{type(exc).__name__}: {exc}"))


# -- in the server ----------------------------------------------------------------


def _rebuild(module: str, qualname: str, message: str) -> NewsgraphError:
    """The worker's error as the same class in the server (every newsgraph error takes its message first)."""
    try:
        cls = getattr(importlib.import_module(module), qualname)
        if isinstance(cls, type) and issubclass(cls, NewsgraphError):
            exc: NewsgraphError = cls(message)
            return exc
    except (ImportError, AttributeError, TypeError):
        pass
    return NewsgraphError(message)


class Worker:
    """One worker process and its pipe; ``call`` runs one job at a time (blocking: use a thread)."""

    def __init__(self, settings: Settings, name: str) -> None:
        self.settings = settings
        self.name = name
        self.generation = 0
        self._lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        parent, child = _CONTEXT.Pipe()
        self.conn = parent
        self.process = _CONTEXT.Process(
            target=_worker_main,
            args=(child, self.settings, logging.getLogger().getEffectiveLevel()),
            name=self.name,
            daemon=True,
        )
        self.process.start()
        child.close()
        self.ready = False

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Block until the worker has loaded its pipeline (raises ``WorkerDied`` if it cannot)."""
        with self._lock:
            if self.ready:
                return
            try:
                if not self.conn.poll(timeout):
                    raise WorkerDied(f"analysis worker {self.name} did not start within {timeout:g} s")
                kind, payload = self.conn.recv()
            except (EOFError, OSError) as exc:
                raise WorkerDied(f"analysis worker {self.name} ended while starting") from exc
            if kind == "error":
                raise _rebuild(*payload)
            self.ready = True
            logger.info("analysis worker %s ready (pid %s)", self.name, payload)

    def call(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run ``fn(*args, **kwargs)`` in the worker and return its result (or raise its error)."""
        self.wait_ready()
        conn = self.conn  # a restart while we wait swaps in a new pipe; this one then ends with EOF
        try:
            conn.send((fn, args, kwargs))
            kind, payload = conn.recv()
        except (EOFError, OSError) as exc:
            conn.close()
            raise WorkerDied("the analysis worker ended before answering") from exc
        if kind == "ok":
            return payload
        if kind == "error":
            raise _rebuild(*payload)
        raise RuntimeError(payload)

    def kill(self) -> None:
        """End the process now, whatever it is doing.

        The pipe is left to the thread that may be waiting on it (it gets EOF
        and closes it); closing it under that thread would race with its read.
        """
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)

    def restart(self) -> None:
        """Kill this worker and start a fresh one (which loads its pipeline in the background)."""
        # first: the thread waiting on the old process sees EOF as soon as it dies, and must
        # know by then that this worker has been replaced already
        self.generation += 1
        self.kill()
        self._start()

    def stop(self) -> None:
        """Ask the worker to finish, then make sure it has."""
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        self.kill()
        self.conn.close()


class WorkerPool:
    """One worker process per analysis slot, started when first needed."""

    def __init__(self, settings: Settings, slots: int) -> None:
        self.settings = settings
        self.slots = slots
        self._workers: list[Worker | None] = [None] * slots
        self._lock = threading.Lock()

    def worker(self, slot: int) -> Worker:
        with self._lock:
            w = self._workers[slot]
            if w is None:
                w = self._workers[slot] = Worker(self.settings, f"newsgraph-analysis-{slot}")
            elif w.ready and not w.process.is_alive():  # died between jobs
                w.restart()
            return w

    def start(self) -> None:
        """Start every worker and wait until all have loaded their pipelines (server start-up)."""
        for slot in range(self.slots):
            self.worker(slot)
        for slot in range(self.slots):
            self.worker(slot).wait_ready()

    def run(self, slot: int, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Blocking: run a job on the worker of ``slot``; a dead worker is replaced and the job fails."""
        w = self.worker(slot)
        generation = w.generation
        try:
            return w.call(fn, args, kwargs)
        except WorkerDied:
            if w.generation == generation:  # not already replaced by ``kill``
                logger.warning("analysis worker %s died; starting a new one", w.name)
                w.restart()
            raise

    def kill(self, slot: int) -> None:
        """End the analysis running in ``slot`` now and start a replacement worker."""
        with self._lock:
            w = self._workers[slot]
        if w is not None:
            logger.warning("ending analysis worker %s (pid %s): analysis past its timeout", w.name, w.pid)
            w.restart()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.pid for w in self._workers if w is not None and w.pid is not None and w.process.is_alive()]

    def shutdown(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, [None] * self.slots
        for w in workers:
            if w is not None:
                w.stop()
