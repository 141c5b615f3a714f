"""The batch runner in-process (one worker): inputs, failures, resume, exit codes, Parquet."""

from __future__ import annotations

import gzip
import json
import random

import duckdb
import pytest

from newsgraph.jobs.batch import run_batch
from newsgraph.settings import Settings
from newsgraph.store.sqlite import dump, open_readonly

NAMES = ["Maria Lopez", "John Carter", "the ministry", "Ilham Aliyev"]


def _article(n: int) -> str:
    rng = random.Random(n)
    return " ".join(
        f'"We will study proposal {n}-{k} with care," {rng.choice(NAMES)} said on Tuesday in Berlin.'
        for k in range(4)
    )


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    (d / "pages").mkdir(parents=True)
    lines = [
        json.dumps({"id": f"j{n}", "text": _article(n), "date": f"2020-0{1 + n % 3}-15"}) for n in range(6)
    ]
    lines.insert(2, "{this is not json")
    lines.append(
        json.dumps({"id": "wire-b", "text": "BERLIN (Reuters) - " + _article(100), "date": "2020-03-02"})
    )
    lines.append(
        json.dumps({"id": "wire-a", "text": _article(100) + " (Editing by a desk)", "date": "2020-03-01"})
    )
    (d / "a.jsonl").write_text("\n".join(lines) + "\n")
    data = gzip.compress("".join(json.dumps({"text": _article(n)}) + "\n" for n in range(10, 40)).encode())
    (d / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (d / "pages" / "one.txt").write_text(_article(50))
    (d / "pages" / "two.html").write_text(
        f"<html><body><article><p>{_article(51)}</p></article></body></html>"
    )
    (d / "pages" / "blank.html").write_text("<html><body><script>go()</script></body></html>")
    (d / "big.jsonl").write_text(json.dumps({"id": "big", "text": "word " * 3000}) + "\n")
    return d


def _run(corpus, db, **kw):
    inputs = [
        str(corpus / "a.jsonl"),
        str(corpus / "cut.jsonl.gz"),
        str(corpus / "pages"),
        str(corpus / "big.jsonl"),
    ]
    kw.setdefault("settings", Settings(max_chars=10_000))
    return run_batch(inputs, db, published_field="date", progress=False, **kw)


def test_batch_run_mixed_inputs_failures_and_clusters(corpus, tmp_path, nlp):
    db = tmp_path / "out.db"
    summary = _run(corpus, db, parquet=tmp_path / "pq")
    assert summary.exit_code(fail_fast=False) == 0
    conn = open_readonly(db)
    failures = dict(conn.execute("SELECT source, error_type FROM failures").fetchall())
    bad_line = str(corpus / "a.jsonl") + ":3"
    assert failures[bad_line] == "InputError"
    assert failures[str(corpus / "big.jsonl") + ":1"] == "TooLargeError"
    assert failures[str(corpus / "pages" / "blank.html")] == "InputError"
    assert any(s.startswith(str(corpus / "cut.jsonl.gz")) and t == "InputError" for s, t in failures.items())
    assert summary.failed == len(failures) == 4
    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored == summary.stored and stored >= 8 + 2
    assert conn.execute("SELECT published FROM articles WHERE id = 'j1'").fetchone() == ("2020-02-15",)
    assert conn.execute("SELECT cluster FROM articles WHERE id = 'wire-b'").fetchone() == ("wire-a",)
    assert conn.execute("SELECT COUNT(*) FROM articles WHERE cluster IS NULL").fetchone() == (0,)
    n = duckdb.sql(
        f"SELECT COUNT(*) FROM read_parquet('{tmp_path}/pq/articles/*/*.parquet', hive_partitioning = true)"
    )
    assert n.fetchall() == [(stored,)]


def test_batch_run_rerun_skips_stored_and_changes_nothing(corpus, tmp_path, nlp):
    db = tmp_path / "out.db"
    first = _run(corpus, db)
    before = dump(db)
    second = _run(corpus, db)
    assert second.stored == 0 and second.skipped == first.stored + first.skipped
    assert second.failed == first.failed  # failed inputs are retried (and fail again)
    assert dump(db) == before


def test_batch_run_a_stage_bug_is_a_failure_row(corpus, tmp_path, nlp, monkeypatch):
    from newsgraph.pipeline import Analyzer

    original = Analyzer.__call__

    def buggy(self, text, **kw):  # type: ignore[no-untyped-def]
        if "proposal 3-" in text:
            raise ZeroDivisionError("a bug in a stage")
        return original(self, text, **kw)

    monkeypatch.setattr(Analyzer, "__call__", buggy)
    db = tmp_path / "out.db"
    summary = _run(corpus, db)
    conn = open_readonly(db)
    assert conn.execute(
        "SELECT article_id, error_type, message FROM failures WHERE error_type = 'ZeroDivisionError'"
    ).fetchall() == [("j3", "ZeroDivisionError", "a bug in a stage")]
    assert summary.exit_code(fail_fast=False) == 0


def test_batch_run_fail_fast_stops_at_the_first_failure(corpus, tmp_path, nlp):
    summary = _run(corpus, tmp_path / "out.db", fail_fast=True)
    assert summary.stopped and summary.failed == 1 and summary.exit_code(fail_fast=True) == 1
    assert summary.stored == 2  # the two lines before the malformed one


def test_batch_run_everything_failed_exits_non_zero(tmp_path, nlp):
    (tmp_path / "bad.jsonl").write_text("{nope\n[]\n")
    summary = run_batch([str(tmp_path / "bad.jsonl")], tmp_path / "out.db", progress=False)
    assert summary.failed == 2 and summary.exit_code(fail_fast=False) == 1


def test_batch_run_cli_writes_db_and_summary(corpus, tmp_path, nlp, capsys):
    from newsgraph.cli import main

    db = tmp_path / "cli.db"
    code = main(["batch", str(corpus / "pages"), "--db", str(db), "--max-chars", "10000"])
    err = capsys.readouterr().err
    assert code == 0
    assert "read 3 article(s): 2 stored, 0 already stored, 1 failed" in err and "failures" in err
    assert main(["batch", str(corpus / "pages"), "--db", str(db), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_batch_run_ten_megabyte_article_is_a_failure_row_not_a_crash(tmp_path, nlp):
    (tmp_path / "huge.jsonl").write_text(
        json.dumps({"id": "huge", "text": "The minister spoke. " * 525_000})
        + "\n"
        + json.dumps({"id": "ok", "text": _article(1)})
        + "\n"
    )
    assert (tmp_path / "huge.jsonl").stat().st_size > 10_000_000
    summary = run_batch([str(tmp_path / "huge.jsonl")], tmp_path / "out.db", progress=False)
    conn = open_readonly(tmp_path / "out.db")
    assert conn.execute("SELECT article_id, error_type FROM failures").fetchall() == [
        ("huge", "TooLargeError")
    ]
    assert conn.execute("SELECT id FROM articles").fetchall() == [("ok",)]
    assert summary.exit_code(fail_fast=False) == 0


def test_batch_run_missing_input_creates_no_database(tmp_path, capsys):
    from newsgraph.cli import main

    db = tmp_path / "out.db"
    assert main(["batch", str(tmp_path / "nope"), "--db", str(db), "--quiet"]) == 2
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert "nope" in err and "no such file or directory" in err
    # one good input and one missing: still refused before anything is written
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen.", encoding="utf-8")
    assert main(["batch", str(tmp_path / "a.txt"), str(tmp_path / "nope.jsonl"), "--db", str(db), "--quiet"]) == 2
    assert not db.exists()
