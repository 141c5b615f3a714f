"""The bounded gate every analysis goes through: slots, a queue, a timeout and an honest Retry-After.

Two ways to run an analysis:

- **worker processes** (``newsgraph serve``; ``runner`` given): one worker per
  slot (``newsgraph.api.workers``). An analysis past ``timeout`` has its
  process killed: the slot is free at once (a replacement worker loads in the
  background; the next job on that slot waits for it, outside its own
  timeout). With ``small_chars`` > 0 there is one slot more than
  ``max_concurrent``, kept for texts of at most ``small_chars`` characters,
  so that a short article is answered while long ones fill the other slots.
- **threads** of the server process (``runner`` None: tests, ``--in-process``):
  at most ``max_concurrent`` at once; an analysis past ``timeout`` gets 504 but
  keeps its slot until its thread ends (Python cannot stop a thread, and
  counting it free would let more analyses run than the bound).

At most ``max_queue`` requests wait, first come first served (a waiter takes
the first slot it may use); one more, or one that waited ``queue_timeout``, is
refused with 503 and ``Retry-After``: the expected wait, from the time the
running analyses still need and the queue ahead, at the analysis speed
measured on this server (characters per second, a moving average).
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from newsgraph.api.errors import AnalysisTimeout, Busy
from newsgraph.api.workers import WorkerPool

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Characters per second assumed before any analysis has been measured
#: (PolNeAR dev: ~33,000 chars/s of CPU on the development machine, less when busy).
INITIAL_RATE = 20_000.0
#: Seconds every analysis costs beyond its characters (the Analysis, its JSON).
OVERHEAD_S = 0.1


@dataclass
class _Waiter:
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[int]
    size: int
    small: bool


class AnalysisGate:
    def __init__(
        self,
        *,
        max_concurrent: int,
        max_queue: int,
        queue_timeout: float,
        timeout: float,
        small_chars: int = 0,
        runner: WorkerPool | None = None,
    ) -> None:
        self.max_concurrent = max_concurrent
        self.max_queue = max_queue
        self.queue_timeout = queue_timeout
        self.timeout = timeout
        self.runner = runner
        # the slot kept for short texts exists only with worker processes
        self.small_chars = small_chars if runner is not None else 0
        self.slots = max_concurrent + (1 if self.small_chars > 0 else 0)
        if runner is not None and runner.slots != self.slots:
            raise ValueError(f"the worker pool has {runner.slots} slots, the gate {self.slots}")
        self._lock = threading.Lock()
        self._busy: list[tuple[float, int] | None] = [None] * self.slots  # (started, size) per slot
        self._waiters: deque[_Waiter] = deque()
        self._threads: ThreadPoolExecutor | None = None
        self._rate = INITIAL_RATE

    # -- state ----------------------------------------------------------------

    @property
    def running(self) -> int:
        return sum(1 for b in self._busy if b is not None)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    def _is_small(self, size: int) -> bool:
        return self.small_chars > 0 and size <= self.small_chars

    def _eligible(self, small: bool) -> range:
        """The slots a request may use: the general ones, and the last one too for a short text."""
        return range(self.slots) if small else range(self.max_concurrent)

    def estimate(self, size: int) -> float:
        """Expected seconds for an analysis of ``size`` characters, at the measured speed."""
        return OVERHEAD_S + size / self._rate

    def expected_wait(self, size: int) -> float:
        """Seconds until a request of ``size`` characters arriving now would start (caller holds the lock)."""
        now = time.monotonic()
        cap = self.timeout if (self.runner is not None and self.timeout) else math.inf
        free_at = {}
        for slot, busy in enumerate(self._busy):
            if busy is None:
                free_at[slot] = 0.0
            else:
                started, n = busy
                free_at[slot] = max(0.0, min(self.estimate(n), cap) - (now - started))
        # the queue ahead takes the first slots it may use, in order
        heap = [(t, s) for s, t in free_at.items()]
        heapq.heapify(heap)
        for w in self._waiters:
            allowed = set(self._eligible(w.small))
            skipped = []
            while heap and heap[0][1] not in allowed:
                skipped.append(heapq.heappop(heap))
            if heap:
                t, s = heapq.heappop(heap)
                heapq.heappush(heap, (t + min(self.estimate(w.size), cap), s))
            for item in skipped:
                heapq.heappush(heap, item)
        allowed = set(self._eligible(self._is_small(size)))
        return min((t for t, s in heap if s in allowed), default=0.0)

    def _busy_error(self, why: str, size: int) -> Busy:
        with self._lock:
            wait = self.expected_wait(size)
        return Busy(f"server busy: {why}", headers={"Retry-After": str(max(1, math.ceil(wait)))})

    # -- slots ------------------------------------------------------------------

    def _take(self, size: int) -> int | None:
        """A free slot for this request, or None (caller holds the lock); short texts try their own slot first."""
        small = self._is_small(size)
        order = reversed(self._eligible(small)) if small else self._eligible(small)
        for slot in order:
            if self._busy[slot] is None:
                self._busy[slot] = (time.monotonic(), size)
                return slot
        return None

    async def _acquire(self, size: int) -> int:
        loop = asyncio.get_running_loop()
        with self._lock:
            slot = self._take(size) if not self._waiters else None
            if slot is None and self._waiters:
                # someone waits ahead: take a free slot only if no waiter may use it
                for candidate in self._eligible(self._is_small(size)):
                    if self._busy[candidate] is None and not any(
                        candidate in self._eligible(w.small) for w in self._waiters
                    ):
                        self._busy[candidate] = (time.monotonic(), size)
                        slot = candidate
                        break
            if slot is not None:
                return slot
            if len(self._waiters) >= self.max_queue:
                why = f"{self.running} analyses running and {len(self._waiters)} waiting"
                wait = self.expected_wait(size)
                raise Busy(f"server busy: {why}", headers={"Retry-After": str(max(1, math.ceil(wait)))})
            waiter = _Waiter(loop, loop.create_future(), size, self._is_small(size))
            self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter.future), timeout=self.queue_timeout or None)
        except BaseException as exc:
            with self._lock:
                handed = waiter not in self._waiters
                if not handed:
                    self._waiters.remove(waiter)
            if handed and waiter.future.done() and not waiter.future.cancelled():
                self._release(waiter.future.result())  # the slot reached us as we gave up: pass it on
            if isinstance(exc, TimeoutError):
                raise self._busy_error(f"no analysis slot free within {self.queue_timeout:g} s", size) from None
            raise

    def _release(self, slot: int, took: float | None = None, size: int = 0) -> None:
        """Free ``slot``, or hand it to the first waiter that may use it (callable from any thread)."""
        with self._lock:
            if took is not None and size > 0:
                rate = size / max(took - OVERHEAD_S, 0.01)
                self._rate = 0.8 * self._rate + 0.2 * rate
            for waiter in list(self._waiters):
                if slot not in self._eligible(waiter.small):
                    continue
                self._waiters.remove(waiter)
                try:
                    self._busy[slot] = (time.monotonic(), waiter.size)
                    waiter.loop.call_soon_threadsafe(_grant, waiter.future, slot)
                    return
                except RuntimeError:  # that waiter's event loop is gone
                    continue
            self._busy[slot] = None

    # -- running ----------------------------------------------------------------

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._threads is None:  # first use, or used again after a shutdown (tests)
                # worker mode: one thread per slot waiting on its worker, plus those of killed jobs
                self._threads = ThreadPoolExecutor(self.slots * 2 + 2, thread_name_prefix="newsgraph-analysis")
            return self._threads

    async def run(self, fn: Callable[..., T], *args: Any, size: int = 0, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` in a slot (in a worker process when there is a runner)."""
        started = time.monotonic()
        slot = await self._acquire(size)
        if self.runner is None:
            return await self._run_in_thread(slot, started, size, fn, args, kwargs)
        loop = asyncio.get_running_loop()
        took: float | None = None
        try:
            # a replacement worker may still be loading: that is not this job's time
            await loop.run_in_executor(self._pool(), self.runner.worker(slot).wait_ready)
            with self._lock:
                self._busy[slot] = (time.monotonic(), size)
            t0 = time.monotonic()
            job = loop.run_in_executor(self._pool(), self.runner.run, slot, fn, args, kwargs)
            try:
                result: T = await asyncio.wait_for(job, timeout=self.timeout or None)
            except TimeoutError:
                self.runner.kill(slot)
                logger.warning(
                    "analysis of %d characters stopped after %.1f s (queued %.1f s)",
                    size, self.timeout, t0 - started,
                )
                raise AnalysisTimeout(f"analysis took longer than {self.timeout:g} s; it was stopped") from None
            took = time.monotonic() - t0
            return result
        finally:
            self._release(slot, took, size)

    async def _run_in_thread(
        self, slot: int, started: float, size: int, fn: Callable[..., T], args: Any, kwargs: Any
    ) -> T:
        t0 = time.monotonic()
        try:
            future = self._pool().submit(fn, *args, **kwargs)
        except BaseException:
            self._release(slot)
            raise
        # the slot is given back when the thread really ends, even after a timeout
        future.add_done_callback(lambda _: self._release(slot, time.monotonic() - t0, size))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.timeout or None)
        except TimeoutError:
            logger.warning("analysis timed out after %.1f s (queued %.1f s)", self.timeout, t0 - started)
            raise AnalysisTimeout(f"analysis took longer than {self.timeout:g} s") from None

    def start(self) -> None:
        """Start the worker processes now and wait for their pipelines (server start-up)."""
        if self.runner is not None:
            self.runner.start()

    def shutdown(self) -> None:
        with self._lock:
            pool, self._threads = self._threads, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if self.runner is not None:
            self.runner.shutdown()


def _grant(future: asyncio.Future[int], slot: int) -> None:
    if not future.done():
        future.set_result(slot)
