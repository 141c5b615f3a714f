"""Analyses in worker processes, on the real server: a timed-out analysis is stopped and frees its slot,
a short article is answered during a long one, and Retry-After is the expected wait.

One ``newsgraph serve`` subprocess (one slot for texts of any length, one kept
for short texts, no queue) takes the whole scenario, in order.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow

TIMEOUT = 12.0  # a 20,000-character text must finish well within it on a busy 2-core machine
PARAGRAPH = (
    "Port Authority chief Maria Lindqvist said on Tuesday that the harbour would stay closed until the "
    'dispute is settled. "We cannot reopen the docks while the cranes are unsafe," Lindqvist told reporters.'
)
SHORT = PARAGRAPH
# far more than TIMEOUT seconds of analysis on any machine (several sections of spaCy work)
LONG = "\n\n".join(f"{PARAGRAPH} Meeting number {i} ended without a deal." for i in range(2500))


def _workers(server_pid: int) -> set[int]:
    """The server's analysis worker processes (its children, the multiprocessing resource tracker aside)."""
    out = set()
    for task in Path(f"/proc/{server_pid}/task").iterdir():
        for pid in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"multiprocessing" in cmdline and b"resource_tracker" not in cmdline:
                out.add(int(pid))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSGRAPH_MAX_CHARS": "0"}
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "newsgraph.cli", "serve", "--port", str(port),
            "--analysis-timeout", str(TIMEOUT), "--max-queue", "0", "--max-concurrent", "1",
            "--small-chars", "20000", "--log-level", "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # two pipelines to load on a busy machine
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(20)


def _post(base: str, text: str, timeout: float = 120) -> tuple[httpx.Response, float]:
    t0 = time.monotonic()
    r = httpx.post(base + "/v1/analyze", json={"text": text}, timeout=timeout)
    return r, time.monotonic() - t0


def test_workers_stop_a_timed_out_analysis_and_answer_short_ones_meanwhile(
    server: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, proc = server
    warm, _ = _post(base, SHORT)  # the server measures its speed on it
    assert warm.status_code == 200
    workers_before = _workers(proc.pid)
    assert len(workers_before) == 2  # one slot for any text, one for short texts

    result: dict[str, Any] = {}

    def long_request() -> None:
        result["response"], result["seconds"] = _post(base, LONG)

    thread = threading.Thread(target=long_request)
    thread.start()
    deadline = time.monotonic() + 20
    while httpx.get(base + "/v1/health", timeout=5).json()["analyses_running"] < 1:
        assert time.monotonic() < deadline
        time.sleep(0.05)

    # a short article during the long one: answered by the worker kept for short texts
    short, took = _post(base, SHORT)
    assert short.status_code == 200 and took < TIMEOUT, took
    assert thread.is_alive()

    # another long one: no queue, so 503 at once, with the expected wait (the long one's remaining
    # time, at most the timeout), not a constant
    busy, _ = _post(base, LONG[: len(LONG) // 2])
    assert busy.status_code == 503
    assert 1 <= int(busy.headers["retry-after"]) <= TIMEOUT + 1

    thread.join(120)
    assert result["response"].status_code == 504, result["response"].text
    assert "stopped" in result["response"].json()["detail"]
    assert result["seconds"] < TIMEOUT + 4, result["seconds"]
    # the worker that ran it is gone within a few seconds, and a new one took its place
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in workers_before - _workers(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    after = _workers(proc.pid)
    ended = workers_before - after
    assert len(ended) == 1 and not any(_alive(p) for p in ended)
    assert len(after) == 2

    # the slot is free: a text longer than small_chars is analysed there once the new worker has loaded
    medium = "\n\n".join([PARAGRAPH] * 100)  # just over small_chars
    assert len(medium) > 20000
    r, _ = _post(base, medium, timeout=240)
    assert r.status_code == 200, r.text
    assert httpx.get(base + "/v1/health", timeout=5).json()["analyses_running"] == 0
