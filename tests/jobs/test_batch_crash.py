"""Crash safety: SIGKILL a running ``newsgraph batch``, rerun it, get the database of an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from newsgraph.jobs.batch import run_batch
from newsgraph.store.sqlite import dump

NAMES = ["Maria Lopez", "John Carter", "the ministry", "Ilham Aliyev", "Angela Merkel"]


def _article(n: int) -> str:
    rng = random.Random(n)
    return " ".join(
        f'"Plan {n}-{k} needs more work," {rng.choice(NAMES)} told reporters in Vienna on Monday.'
        for k in range(6)
    )


def _corpus(path):
    lines = []
    for n in range(150):
        lines.append(
            json.dumps(
                {"id": f"c{n:03d}", "text": _article(n), "published": f"2020-0{1 + n % 4}-0{1 + n % 9}"}
            )
        )
        if n % 25 == 7:
            lines.append("{broken line")
        if n % 50 == 3:
            lines.append(json.dumps({"id": f"copy{n}", "text": "VIENNA (AP) - " + _article(n)}))
    path.write_text("\n".join(lines) + "\n")


def _cmd(corpus, db, workers):
    return [
        sys.executable,
        "-m",
        "newsgraph.cli",
        "batch",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        str(workers),
        "--quiet",
    ]


def _stored(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _group_gone(pgid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


@pytest.mark.slow
def test_batch_crash_sigkill_then_rerun_equals_uninterrupted_run(tmp_path, nlp):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    reference = tmp_path / "reference.db"
    # The uninterrupted run: in-process, one worker (the spaCy pipeline of the test session).
    run_batch([str(corpus)], reference, workers=1, progress=False)

    crashed = tmp_path / "crashed.db"
    proc = subprocess.Popen(_cmd(corpus, crashed, 2), start_new_session=True)
    deadline = time.monotonic() + 300
    try:
        # Kill at the first commit: the writer commits every 64 articles or 2 s,
        # so at least 150 - 64 articles are still to come, whatever the speed.
        while _stored(crashed) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run finished before it could be killed: make the corpus larger"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must notice and exit
        proc.wait(timeout=60)
        assert _group_gone(proc.pid, timeout=30), "worker processes outlived their killed parent"
    finally:
        if not _group_gone(proc.pid, timeout=0):
            os.killpg(proc.pid, signal.SIGKILL)  # clean up its own session only
        proc.wait(timeout=60)
    partial = _stored(crashed)
    assert 1 <= partial < 153

    subprocess.run(_cmd(corpus, crashed, 2), check=True, timeout=600)
    want, got = dump(reference), dump(crashed)
    assert {k: len(v) for k, v in got.items()} == {k: len(v) for k, v in want.items()}
    assert got == want
    assert len(want["articles"]) == 153 and len(want["failures"]) == 6
