"""The Spark job end to end on PySpark local[2]: every input format, failures, the store's schema."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pyspark = pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from newsgraph.errors import InputError  # noqa: E402
from newsgraph.jobs.spark import run_job, spark_session  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402
from newsgraph.store.parquet import arrow_schema, read_table  # noqa: E402
from newsgraph.store.rows import rows_from_document  # noqa: E402
from newsgraph.store.schema import EXPORT_TABLES, TABLES_BY_NAME  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    # pyspark 4.3 warns about pandas 3 on import of its testing helpers; the job does not use pandas
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.skipif(
        shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
        reason="no Java runtime (PySpark needs Java 17+: apt-get install default-jre-headless)",
    ),
]

_spec = importlib.util.spec_from_file_location("spark_inputs", Path(__file__).with_name("spark_inputs.py"))
assert _spec and _spec.loader
inputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(inputs)

MAX_CHARS = 10_000  # the "huge" record (15,000 characters) must fail with TooLargeError


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    session = spark_session(
        "local[2]",
        app_name="newsgraph-tests",
        quiet=True,
        conf={
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "2",
        },
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def input_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("spark-in")
    inputs.write_jsonl(d / "a.jsonl")
    (d / "b.jsonl.gz").write_bytes(inputs.truncated_gzip_jsonl())
    table = pa.table(
        {
            "id": pa.array([7, 8], pa.int64()),
            "text": pa.array([inputs.COUNCIL, None]),
            "published": pa.array([pa.scalar(19_000, pa.date32()).as_py(), None], pa.date32()),
        }
    )
    pq.write_table(table, d / "c.parquet")
    (d / "d.warc.gz").write_bytes(inputs.warc_bytes())
    (d / "_SUCCESS").write_text("")  # hidden, as Spark skips it
    return d


@pytest.fixture(scope="module")
def job(spark, input_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("spark-out") / "out"
    summary = run_job(
        spark, [str(input_dir)], str(out), settings=Settings(max_chars=MAX_CHARS), published_field="published"
    )
    return {"summary": summary, "out": out}


def _rows(out: Path, table: str) -> list[dict[str, Any]]:
    return read_table(out, table).to_pylist()


def test_spark_job_counts(job: dict[str, Any]) -> None:
    s = job["summary"]
    # harbour (first copy only), council, gz-1, gz-2, parquet id 7, the WARC page
    assert s.articles == 6, s
    # not JSON, no text, too large, truncated gzip, parquet row without text
    assert s.failures == 5, s
    assert s.rows["articles"] == 6 and s.rows["quotes"] > 0 and s.rows["entities"] > 0


def test_spark_job_articles_and_first_copy(job: dict[str, Any], input_dir: Path) -> None:
    rows = {r["id"]: r for r in _rows(job["out"], "articles")}
    assert {"harbour", "gz-1", "gz-2", "7"} <= rows.keys() and len(rows) == 6
    harbour = rows["harbour"]
    assert harbour["text"] == inputs.HARBOUR  # the later copy with the same id was dropped
    assert harbour["source"] == f"{input_dir}/a.jsonl:1"  # as newsgraph batch names it
    assert harbour["month"] == "2024-03" and harbour["published"] == "2024-03-05"
    assert rows["gz-1"]["source"] == f"{input_dir}/b.jsonl.gz:1"
    assert rows["7"]["published"] == "2022-01-08"  # a Parquet date column (day 19000)
    warc = [r for r in rows.values() if (r["url"] or "").startswith("https://gazette.example/")]
    assert len(warc) == 1 and warc[0]["source"].startswith(f"{input_dir}/d.warc.gz@")
    assert "late offer" in warc[0]["text"]


def test_spark_job_wire_clusters_match_the_batch_clustering(job: dict[str, Any]) -> None:
    from newsgraph.jobs.dedup import cluster_ids, signature

    rows = _rows(job["out"], "articles")
    expected = cluster_ids((r["id"], r["published"], signature(r["text"])) for r in rows)
    got = {r["id"]: r["cluster"] for r in rows}
    assert got == expected
    # the same harbour text under two ids; the council text under three (the Parquet copy is the earliest)
    assert got["gz-2"] == got["harbour"] == "harbour"
    assert got["gz-1"] == "7"
    assert job["summary"].clusters == 2 and job["summary"].clustered_articles == 5


def test_spark_job_failures_table(job: dict[str, Any], input_dir: Path) -> None:
    fails = pq.read_table(job["out"] / "failures").to_pylist()
    by_type: dict[str, list[dict[str, Any]]] = {}
    for f in fails:
        by_type.setdefault(f["error_type"], []).append(f)
    assert [f["article_id"] for f in by_type["TooLargeError"]] == ["huge"]
    sources = {f["source"] for f in fails}
    assert any(s.startswith(f"{input_dir}/a.jsonl:") for s in sources)
    assert any(s.startswith(f"{input_dir}/b.jsonl.gz:") for s in sources)
    assert f"{input_dir}/c.parquet#id=8" in sources
    assert any("malformed JSON" in f["message"] for f in fails)
    assert list(fails[0]) == list(TABLES_BY_NAME["failures"].column_names)


def test_spark_job_schema_is_the_store_schema(job: dict[str, Any]) -> None:
    for name in EXPORT_TABLES:
        got = read_table(job["out"], name).schema
        want = arrow_schema(name, with_month=True)
        assert [(f.name, f.type) for f in got] == [(f.name, f.type) for f in want], name


def test_spark_job_rows_equal_the_analyzer_rows(job: dict[str, Any], analyzer, input_dir: Path) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer(inputs.HARBOUR, published="2024-03-05", title="Port talks", id="harbour").to_dict()
    expected = rows_from_document(doc, source=f"{input_dir}/a.jsonl:1")
    expected["articles"][0]["cluster"] = "harbour"  # filled by the clustering, as in the batch store
    for name in ("articles", "entities", "mentions", "quotes", "dates", "events"):
        got = [
            {k: v for k, v in r.items() if k != "month"}
            for r in _rows(job["out"], name)
            if (r.get("article_id") or r.get("id")) == "harbour"
        ]
        key = "id" if "id" in TABLES_BY_NAME[name].column_names else "event_id"
        assert sorted(got, key=lambda r: str(r[key])) == sorted(expected[name], key=lambda r: str(r[key])), (
            name
        )


def test_spark_job_spans_point_into_the_text(job: dict[str, Any]) -> None:
    texts = {r["id"]: r["text"] for r in _rows(job["out"], "articles")}
    mentions = _rows(job["out"], "mentions")
    assert mentions
    for m in mentions:
        assert texts[m["article_id"]][m["span_start"] : m["span_end"]] == m["text"]
    for q in _rows(job["out"], "quotes"):
        if q["cue_start"] is not None:
            assert texts[q["article_id"]][q["cue_start"] : q["cue_end"]] == q["cue_text"]


def test_spark_job_output_is_readable_by_duckdb(job: dict[str, Any]) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = job["out"]
    by_month = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{out}/quotes/*/*.parquet', hive_partitioning=true) "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert by_month and all(n > 0 for _, n in by_month)
    assert "2024-03" in {m for m, _ in by_month}


def test_spark_job_refuses_to_overwrite(spark, input_dir: Path, job: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="--overwrite"):
        run_job(spark, [str(input_dir)], str(job["out"]))


def test_spark_job_missing_input(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="no such file"):
        run_job(spark, [str(tmp_path / "nothing-*.jsonl")], str(tmp_path / "out"))


def test_spark_cli(spark, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "c1", "text": inputs.COUNCIL, "published": "2024-04-11"}) + "\n")
    out = tmp_path / "out"
    assert main(["spark", str(src), str(out), "--json", "--quiet"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["articles"] == 1 and summary["failures"] == 0 and summary["rows"]["quotes"] >= 1
    # everything failed: exit status 1, the failure still recorded
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert main(["spark", str(bad), str(out), "--overwrite", "--quiet"]) == 1
    assert pq.read_table(out / "failures").num_rows == 1


def test_spark_submit_entry_point(tmp_path: Path) -> None:
    """The documented spark-submit command, in a fresh JVM."""
    submit = Path(sys.executable).with_name("spark-submit")
    if not submit.exists():
        pytest.skip("spark-submit not installed next to this Python")
    import newsgraph.jobs.spark as job_module

    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress((json.dumps({"id": "s1", "text": inputs.HARBOUR}) + "\n").encode()))
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    proc = subprocess.run(
        [
            str(submit),
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false",
            job_module.__file__,
            str(src),
            str(tmp_path / "out"),
            "--json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 1 and summary["failures"] == 0


def test_spark_job_sources_equal_the_batch_sources(job: dict[str, Any], input_dir: Path, tmp_path: Path) -> None:
    from newsgraph.jobs.batch import run_batch
    from newsgraph.store.sqlite import open_readonly

    db = tmp_path / "batch.db"
    run_batch([str(input_dir / "a.jsonl"), str(input_dir / "b.jsonl.gz"), str(input_dir / "d.warc.gz")], db,
              settings=Settings(max_chars=MAX_CHARS), progress=False)
    conn = open_readonly(db)
    try:
        batch = {row[0]: row[1] for row in conn.execute("SELECT id, source FROM articles")}
        batch_failures = {row[0] for row in conn.execute("SELECT source FROM failures")}
    finally:
        conn.close()
    spark = {r["id"]: r["source"] for r in _rows(job["out"], "articles")}
    shared = batch.keys() & spark.keys()
    assert len(shared) >= 3  # harbour, the gzip lines, the WARC page
    assert {k: spark[k] for k in shared} == {k: batch[k] for k in shared}
    spark_failures = {f["source"] for f in pq.read_table(job["out"] / "failures").to_pylist()}
    assert batch_failures <= spark_failures
