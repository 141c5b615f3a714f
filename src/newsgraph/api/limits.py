"""Limits: request body size, security headers, and a bounded gate for analyses.

The body limit and the headers are plain ASGI middleware so that they apply to
every route, the HTML pages included. ``AnalysisGate`` runs analyses in a
dedicated thread pool: at most ``max_concurrent`` at once, at most
``max_queue`` waiting; the next one is refused at once with 503 and
``Retry-After``, and so is one that waited longer than ``queue_timeout``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from newsgraph.api.errors import AnalysisTimeout, Busy

logger = logging.getLogger(__name__)

T = TypeVar("T")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]
ASGIApp = Callable[[Scope, Receive, Send], Any]


async def _send_json(send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]]) -> None:
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                (b"connection", b"close"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


class BodyLimitMiddleware:
    """Refuse a request body above ``max_bytes`` with 413, before any route sees it.

    A declared ``Content-Length`` above the limit is refused without reading the
    body; otherwise the body is read (at most ``max_bytes``, so chunked uploads
    are bounded too) and replayed to the application.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = {"detail": f"request body above the limit of {self.max_bytes:,} bytes"}
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_json(send, 400, {"detail": "malformed Content-Length"}, [])
                    return
                if declared > self.max_bytes:
                    await _send_json(send, 413, too_large, [])
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _send_json(send, 413, too_large, [])
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()  # type: ignore[no-any-return]

        await self.app(scope, replay, send)


# The viewer's pages run only our own static scripts and styles; the Swagger
# page needs one inline script to start, so it gets a looser policy.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    """Add a Content-Security-Policy and the usual hardening headers to every response."""

    def __init__(self, app: ASGIApp, docs_paths: tuple[str, ...] = ("/docs", "/redoc")) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = DOCS_CSP if path.startswith(self.docs_paths) else PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ):
                    if name not in present:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AnalysisGate:
    """Run blocking analyses in a bounded pool, queueing a few and refusing the rest.

    Slots are counted under a thread lock and handed from a finishing analysis
    straight to the first waiter (FIFO), so the gate works from any event loop
    and from the worker threads. A slot is given back only when its thread has
    really finished: an analysis that timed out keeps running in its thread
    (Python cannot stop it), and counting it as free would let more analyses
    run than ``max_concurrent``.
    """

    def __init__(self, *, max_concurrent: int, max_queue: int, queue_timeout: float, timeout: float) -> None:
        self.max_concurrent = max_concurrent
        self.max_queue = max_queue
        self.queue_timeout = queue_timeout
        self.timeout = timeout
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._running = 0
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = deque()

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    def _busy(self, why: str) -> Busy:
        # A rough hint: the work ahead at ~1 s per analysis, at least 1 s.
        ahead = math.ceil((len(self._waiters) + self._running) / self.max_concurrent)
        return Busy(f"server busy: {why}", headers={"Retry-After": str(max(1, ahead))})

    async def _acquire(self) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._running < self.max_concurrent and not self._waiters:
                self._running += 1
                return
            if len(self._waiters) >= self.max_queue:
                raise self._busy(f"{self._running} analyses running and {len(self._waiters)} waiting")
            entry = (loop, loop.create_future())
            self._waiters.append(entry)
        try:
            await asyncio.wait_for(asyncio.shield(entry[1]), timeout=self.queue_timeout or None)
        except BaseException as exc:
            with self._lock:
                handed_over = entry not in self._waiters
                if not handed_over:
                    self._waiters.remove(entry)
            if handed_over:
                self._release()  # the slot reached us as we gave up: pass it on
            if isinstance(exc, TimeoutError):
                raise self._busy(f"no analysis slot free within {self.queue_timeout:g} s") from None
            raise

    def _release(self) -> None:
        """Give a slot to the first waiter still listening, else free it (any thread)."""
        with self._lock:
            while self._waiters:
                loop, future = self._waiters.popleft()
                try:
                    loop.call_soon_threadsafe(_grant, future)
                    return
                except RuntimeError:  # that waiter's event loop is gone
                    continue
            self._running -= 1

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        started = time.monotonic()
        await self._acquire()
        try:
            with self._lock:
                if self._pool is None:  # first use, or used again after a shutdown (tests)
                    self._pool = ThreadPoolExecutor(self.max_concurrent, thread_name_prefix="newsgraph-analysis")
                pool = self._pool
            future = pool.submit(fn, *args, **kwargs)
        except BaseException:
            self._release()
            raise
        future.add_done_callback(lambda _: self._release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.timeout or None)
        except TimeoutError:
            logger.warning("analysis timed out after %.1f s (queued %.1f s)", self.timeout, time.monotonic() - started)
            raise AnalysisTimeout(f"analysis took longer than {self.timeout:g} s") from None

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _grant(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
