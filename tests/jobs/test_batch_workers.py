"""The worker pool: ordered results, and a worker process that dies."""

from __future__ import annotations

import os

from newsgraph.ingest.base import ArticleInput
from newsgraph.jobs.batch import Outcome, _Runner
from newsgraph.settings import Settings


def echo_or_die(item: ArticleInput) -> Outcome:
    """Runs in the spawned workers (imported there by module name)."""
    if item.text == "die":
        os._exit(3)  # what the OOM killer or a segfault looks like to the pool
    return Outcome("ok", item.source, item.text)


def _run(texts: list[str]) -> list[tuple[str, str, str | None]]:
    runner = _Runner(2, Settings(), "unused.db", 0, func=echo_or_die, worker_init=None)
    try:
        items = [ArticleInput(text=t, source=f"s{i}") for i, t in enumerate(texts)]
        return [(o.source, o.status, o.error_type) for o in runner.run(items)]
    finally:
        runner.close()


def test_batch_workers_results_come_back_in_input_order():
    texts = [f"t{n}" for n in range(40)]
    assert _run(texts) == [(f"s{n}", "ok", None) for n in range(40)]


def test_batch_workers_a_dying_worker_costs_one_article():
    texts = ["a", "b", "die", "c", "d", "e"] + [f"t{n}" for n in range(20)]
    got = _run(texts)
    assert got[2] == ("s2", "fail", "WorkerDied")
    assert [g for i, g in enumerate(got) if i != 2] == [(f"s{i}", "ok", None) for i in range(len(texts)) if i != 2]


def test_batch_workers_a_pool_broken_before_a_submit_is_recovered():
    # the death of a worker can mark the pool broken before its article reaches the head of the
    # window; the next submit then raises at once: that must restart the pool, not end the run
    runner = _Runner(2, Settings(), "unused.db", 0, func=echo_or_die, worker_init=None)
    try:
        assert runner.executor is not None
        killed = runner.executor.submit(echo_or_die, ArticleInput(text="die", source="x"))
        try:
            killed.result()
        except Exception:
            pass
        items = [ArticleInput(text=f"t{n}", source=f"s{n}") for n in range(6)]
        got = [(o.source, o.status) for o in runner.run(items)]
    finally:
        runner.close()
    assert got == [(f"s{n}", "ok") for n in range(6)]
