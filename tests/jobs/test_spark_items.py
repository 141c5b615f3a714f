"""The Spark job's record handling, run in-process (no JVM): formats, failures, rows."""

from __future__ import annotations

import gzip
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.jobs.dedup import signature
from newsgraph.jobs.spark_items import _display, jsonl_gz_items, jsonl_line_item, record_to_item, warc_items
from newsgraph.jobs.spark_read import detect_format
from newsgraph.jobs.spark_rows import _earliest, analyze_item, analyze_partition
from newsgraph.jobs.spark_wire import MAX_BUCKET_PAIRS, _bucket_pairs
from newsgraph.settings import Settings
from newsgraph.store.rows import rows_from_document
from newsgraph.store.schema import EXPORT_TABLES, TABLES_BY_NAME

_spec = importlib.util.spec_from_file_location("spark_inputs", Path(__file__).with_name("spark_inputs.py"))
assert _spec and _spec.loader
inputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(inputs)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("s3a://bucket/news/2024-01.jsonl.gz", "jsonl"),
        ("/data/a.ndjson", "jsonl"),
        ("hdfs:///x/part-00000-abc.snappy.parquet", "parquet"),
        ("file:/crawl/CC-NEWS-2024.warc.gz", "warc"),
        ("/crawl/one.WARC", "warc"),
    ],
)
def test_spark_format_from_name(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


@pytest.mark.parametrize(
    ("uri", "shown"),
    [
        ("file:/in/a.jsonl", "/in/a.jsonl"),
        ("file:///in/a.jsonl", "/in/a.jsonl"),
        ("s3a://b/a.jsonl", "s3a://b/a.jsonl"),
    ],
)
def test_spark_local_locations_are_plain_paths(uri: str, shown: str) -> None:
    assert _display(uri) == shown


def test_spark_local_inputs_keep_their_spelling_as_in_batch(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.ingest import iter_path
    from newsgraph.jobs.spark_read import shown_names

    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    for name in ("corpus/a.jsonl", "corpus/sub/b.jsonl", "one.jsonl"):
        (tmp_path / name).write_text('{"text": "The mayor said so."}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    given = ["corpus/", "./one.jsonl", "hdfs://nn/x.jsonl"]
    files = [f"file:{tmp_path}/corpus/a.jsonl", f"file:{tmp_path}/corpus/sub/b.jsonl", f"file:{tmp_path}/one.jsonl"]
    shown = shown_names(given, files)
    spark_sources = sorted(_display(f, shown) for f in files)
    batch_sources = sorted(i.source.rsplit(":", 1)[0] for p in given[:2] for i in iter_path(p))
    assert spark_sources == batch_sources == ["./one.jsonl", "corpus/a.jsonl", "corpus/sub/b.jsonl"]


def test_spark_unknown_suffix_is_an_input_error() -> None:
    with pytest.raises(InputError, match="--format"):
        detect_format("/data/articles.txt")


def test_spark_jsonl_line_locations_and_failures() -> None:
    lines = inputs.jsonl_lines()
    good = jsonl_line_item("file:/in/a.jsonl", 1, lines[0], "published")[0]
    assert good["id"] == "harbour" and good["source"] == "/in/a.jsonl:1"  # as newsgraph batch names it
    assert good["published"] == "2024-03-05" and good["text"] == inputs.HARBOUR
    bad = jsonl_line_item("file:/in/a.jsonl", 2, lines[1], "published")[0]
    assert bad["failure"] and bad["source"] == "/in/a.jsonl:2"
    assert bad["error_type"] == "InputError" and "malformed JSON" in bad["message"]
    missing = jsonl_line_item("hdfs://nn/in/a.jsonl", 3, lines[2], "published")[0]
    assert missing["failure"] and missing["article_id"] == "no-text"
    assert missing["source"] == "hdfs://nn/in/a.jsonl:3"
    assert jsonl_line_item("/in/a.jsonl", 9, "   ", "published") == []


def test_spark_record_without_id_gets_the_text_hash() -> None:
    from newsgraph.pipeline import article_id

    item = record_to_item({"text": inputs.COUNCIL}, "x@0")
    assert item["id"] == article_id(inputs.COUNCIL)


def test_spark_parquet_style_values_are_normalised() -> None:
    item = record_to_item(
        {"id": 7, "text": inputs.COUNCIL, "day": date(2024, 4, 11), "title": None},
        "p.parquet#id=7",
        published_field="day",
    )
    assert item["id"] == "7" and item["published"] == "2024-04-11" and item["title"] is None


def test_spark_truncated_gzip_keeps_lines_before_the_damage() -> None:
    items = list(jsonl_gz_items("file:/in/b.jsonl.gz", inputs.truncated_gzip_jsonl(), "published"))
    ok = [i for i in items if not i.get("failure")]
    failed = [i for i in items if i.get("failure")]
    assert [i["id"] for i in ok] == ["gz-1", "gz-2"]
    assert [i["source"] for i in ok] == ["/in/b.jsonl.gz:1", "/in/b.jsonl.gz:2"]
    assert len(failed) == 1 and failed[0]["source"].startswith("/in/b.jsonl.gz:")


def test_spark_gzip_that_is_not_gzip_is_a_failure_row() -> None:
    items = list(jsonl_gz_items("/in/c.jsonl.gz", b"plain bytes, not gzip", "published"))
    assert len(items) == 1 and items[0]["failure"] and items[0]["source"].startswith("/in/c.jsonl.gz")


def test_spark_warc_html_responses_only() -> None:
    items = list(warc_items("file:/crawl/x.warc.gz", inputs.warc_bytes()))
    assert len(items) == 1, items
    item = items[0]
    assert not item.get("failure")
    assert item["url"] == "https://gazette.example/rail"
    assert item["source"].startswith("/crawl/x.warc.gz@")
    assert "late offer from the transport ministry" in item["text"]
    assert "Copyright" not in item["text"]


def test_spark_corrupt_warc_keeps_the_records_before_the_damage() -> None:
    items = list(warc_items("/crawl/bad.warc.gz", inputs.warc_bytes() + b"garbage" * 10))
    assert [bool(i.get("failure")) for i in items] == [False, True]
    assert items[0]["url"] == "https://gazette.example/rail"
    assert items[1]["source"].startswith("/crawl/bad.warc.gz@") and "corrupt WARC" in items[1]["message"]


def test_spark_file_that_is_no_warc_is_a_failure_row() -> None:
    items = list(warc_items("/crawl/x.warc.gz", gzip.compress(b"hello") * 3))
    assert len(items) == 1 and items[0]["failure"] and items[0]["source"] == "/crawl/x.warc.gz@0"


def test_spark_first_copy_wins_by_numeric_offset() -> None:
    a = record_to_item({"id": "d", "text": "one"}, "/f@9", order=("/f", 9))
    b = record_to_item({"id": "d", "text": "two"}, "/f@10", order=("/f", 10))
    assert _earliest(a, b) is a and _earliest(b, a) is a


def test_spark_rows_equal_the_store_rows(analyzer) -> None:  # type: ignore[no-untyped-def]
    item = record_to_item({"id": "harbour", "text": inputs.HARBOUR, "published": "2024-03-05"}, "/in@0")
    aid, month, published, sig, failure, *tables = analyze_item(analyzer, item)
    assert (aid, month, published, failure) == ("harbour", "2024-03", "2024-03-05", None)
    assert sig == signature(inputs.HARBOUR)
    expected = rows_from_document(
        analyzer(inputs.HARBOUR, published="2024-03-05", id="harbour").to_dict(), source="/in@0"
    )
    for name, rows in zip(EXPORT_TABLES, tables, strict=True):
        columns = TABLES_BY_NAME[name].column_names
        assert rows == [tuple(r[c] for c in columns) for r in expected[name]], name
    assert tables[EXPORT_TABLES.index("quotes")], "the example has quotes"


class _Broken:
    def __call__(self, text: str, **kw: object) -> object:
        raise RuntimeError("stage exploded")


def test_spark_a_bug_in_a_stage_is_a_failure_row_not_a_crash() -> None:
    item = record_to_item({"id": "b", "text": "Some text."}, "/in@3")
    aid, month, _published, sig, failure, *tables = analyze_item(_Broken(), item)  # type: ignore[arg-type]
    assert aid == "b" and month is None and sig is None and all(t == [] for t in tables)
    source, fail_id, error_type, message = failure
    assert (source, fail_id, error_type) == ("/in@3", "b", "RuntimeError")
    assert "stage exploded" in message and "test_spark_items.py:" in message


def test_spark_partition_passes_input_failures_through() -> None:
    bad = jsonl_line_item("/in/a.jsonl", 5, "{oops", "published")[0]
    rows = list(analyze_partition(Settings(), [bad]))
    failure = rows[0][4]
    assert len(rows) == 1 and failure[0] == "/in/a.jsonl:5" and failure[2] == "InputError"


def test_spark_big_lsh_buckets_are_chained_not_squared() -> None:
    assert _bucket_pairs(["b", "a", "c"]) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert _bucket_pairs(["x"]) == []
    many = [f"id{i:04d}" for i in range(MAX_BUCKET_PAIRS + 1)]
    pairs = _bucket_pairs(reversed(many))
    assert len(pairs) == len(many) - 1 and pairs[0] == ("id0000", "id0001")
