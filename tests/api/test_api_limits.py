"""Limits: body size (413), bounded concurrent analyses (503 + Retry-After), analysis time (504)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from api_fixtures import make_client

from newsgraph.api.errors import AnalysisTimeout, Busy
from newsgraph.api.limits import AnalysisGate
from newsgraph.records import Analysis
from newsgraph.settings import Settings


class SlowAnalyzer:
    """Stands in for the Analyzer: waits on an event (or a delay), then returns an empty analysis."""

    def __init__(self, delay: float = 0.0, gate: threading.Event | None = None) -> None:
        self.settings = Settings()
        self.delay = delay
        self.gate = gate
        self.running = 0
        self.peak = 0
        self._lock = threading.Lock()

    def __call__(self, text: str, **kw: Any) -> Analysis:
        with self._lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            if self.gate is not None:
                self.gate.wait(10)
            time.sleep(self.delay)
            return Analysis(id=kw.get("id") or "x", text=text)
        finally:
            with self._lock:
                self.running -= 1


def test_api_body_over_limit_is_413() -> None:
    with make_client(SlowAnalyzer(), max_body_bytes=1000) as client:
        r = client.post("/v1/analyze", json={"text": "x" * 2000})
        assert r.status_code == 413
        assert "1,000 bytes" in r.json()["detail"]
        # the security headers are on refusals too
        assert "content-security-policy" in r.headers
        ok = client.post("/v1/analyze", json={"text": "x" * 900})
        assert ok.status_code == 200


def test_api_chunked_body_over_limit_is_413() -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(50):
            yield b"y" * 100
        yield b'"}'

    with make_client(SlowAnalyzer(), max_body_bytes=1000) as client:
        r = client.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_api_form_body_over_limit_is_413() -> None:
    with make_client(SlowAnalyzer(), max_body_bytes=500) as client:
        assert client.post("/article", data={"text": "z" * 1000}).status_code == 413


def test_api_default_body_limit_is_2_mib() -> None:
    with make_client(SlowAnalyzer()) as client:
        big = client.post("/v1/analyze", json={"text": "w " * (1024 * 1024 + 10)})
        assert big.status_code == 413


def test_api_bad_content_length_is_400() -> None:
    with make_client(SlowAnalyzer()) as client:
        r = client.post(
            "/v1/analyze",
            content=b"{}",
            headers={"content-length": "abc", "content-type": "application/json"},
        )
        assert r.status_code == 400


def test_gate_runs_at_most_max_concurrent_and_refuses_beyond_queue() -> None:
    release = threading.Event()
    fake = SlowAnalyzer(gate=release)

    async def scenario() -> list[Any]:
        gate = AnalysisGate(max_concurrent=2, max_queue=2, queue_timeout=5, timeout=5)
        tasks = [asyncio.ensure_future(gate.run(fake, f"t{i}")) for i in range(4)]
        await asyncio.sleep(0.2)
        assert gate.running == 2 and gate.waiting == 2
        with pytest.raises(Busy) as refused:
            await gate.run(fake, "one too many")
        assert int(refused.value.headers["Retry-After"]) >= 1
        release.set()
        done = await asyncio.gather(*tasks)
        gate.shutdown()
        return done

    results = asyncio.run(scenario())
    assert [r.text for r in results] == ["t0", "t1", "t2", "t3"]
    assert fake.peak == 2


def test_gate_queue_timeout_is_busy() -> None:
    release = threading.Event()
    fake = SlowAnalyzer(gate=release)

    async def scenario() -> None:
        gate = AnalysisGate(max_concurrent=1, max_queue=5, queue_timeout=0.2, timeout=5)
        first = asyncio.ensure_future(gate.run(fake, "first"))
        await asyncio.sleep(0.05)
        with pytest.raises(Busy):
            await gate.run(fake, "second")
        release.set()
        await first
        gate.shutdown()

    asyncio.run(scenario())


def test_gate_timeout_keeps_the_slot_until_the_thread_ends() -> None:
    fake = SlowAnalyzer(delay=0.6)

    async def scenario() -> None:
        gate = AnalysisGate(max_concurrent=1, max_queue=0, queue_timeout=0.05, timeout=0.1)
        with pytest.raises(AnalysisTimeout):
            await gate.run(fake, "slow")
        # the analysis still runs in its thread: no second one may start yet
        assert gate.running == 1
        with pytest.raises(Busy):
            await gate.run(fake, "next")
        await asyncio.sleep(0.8)
        assert gate.running == 0
        fake.delay = 0
        assert (await gate.run(fake, "now")).text == "now"
        gate.shutdown()

    asyncio.run(scenario())
    assert fake.peak == 1


def test_api_analysis_timeout_is_504() -> None:
    with make_client(SlowAnalyzer(delay=0.5), analysis_timeout=0.1) as client:
        r = client.post("/v1/analyze", json={"text": "slow article"})
        assert r.status_code == 504
        assert "0.1 s" in r.json()["detail"]


def test_api_busy_is_503_with_retry_after() -> None:
    release = threading.Event()
    fake = SlowAnalyzer(gate=release)
    statuses: list[int] = []
    with make_client(fake, max_concurrent=1, max_queue=1, queue_timeout=5) as client:

        def post(i: int) -> None:
            statuses.append(client.post("/v1/analyze", json={"text": f"article {i}"}).status_code)

        threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 5
        while client.get("/v1/health").json()["analyses_waiting"] < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        r = client.post("/v1/analyze", json={"text": "one too many"})
        assert r.status_code == 503
        assert int(r.headers["retry-after"]) >= 1
        release.set()
        for t in threads:
            t.join(10)
    assert sorted(statuses) == [200, 200]
    assert fake.peak == 1


class _Slots:
    """Stands in for a worker pool where only the slot count matters (the gate's bookkeeping)."""

    def __init__(self, slots: int) -> None:
        self.slots = slots


def test_gate_keeps_a_slot_for_short_texts_and_estimates_the_wait() -> None:
    async def scenario() -> None:
        gate = AnalysisGate(
            max_concurrent=1, max_queue=4, queue_timeout=5, timeout=60, small_chars=1000, runner=_Slots(2)  # type: ignore[arg-type]
        )
        gate._rate = 1000.0  # characters per second, as if measured
        assert gate.slots == 2
        long_slot = await gate._acquire(20_000)
        assert long_slot == 0
        # a short text gets the kept slot at once; a long one would wait for the long analysis
        assert gate.expected_wait(500) == 0.0
        assert 19.0 < gate.expected_wait(5000) <= 20.1
        short_slot = await gate._acquire(500)
        assert short_slot == 1
        # both busy: a second short text may take the first slot that frees, the short one's
        assert 0.0 < gate.expected_wait(500) <= 0.7
        gate._release(short_slot)
        gate._release(long_slot)
        assert gate.running == 0

    asyncio.run(scenario())


def test_gate_estimate_is_capped_by_the_timeout_with_workers() -> None:
    gate = AnalysisGate(max_concurrent=1, max_queue=4, queue_timeout=5, timeout=3, small_chars=0, runner=_Slots(1))  # type: ignore[arg-type]
    gate._rate = 1000.0
    gate._busy[0] = (time.monotonic(), 1_000_000)  # would take 1,000 s: ended at 3
    assert 2.5 < gate.expected_wait(10) <= 3.0


def test_gate_measures_its_speed() -> None:
    gate = AnalysisGate(max_concurrent=1, max_queue=0, queue_timeout=1, timeout=10)
    slot = 0
    gate._busy[slot] = (time.monotonic(), 10_000)
    before = gate._rate
    gate._release(slot, took=1.1, size=10_000)  # 10,000 characters per second beyond the overhead
    assert gate._rate != before and abs(gate._rate - (0.8 * before + 0.2 * 10_000)) < 1e-6
