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
