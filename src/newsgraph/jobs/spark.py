"""The Spark job: the same analysis as ``newsgraph batch``, on a Spark cluster.

::

    newsgraph spark INPUT [INPUT ...] OUTPUT [--master local[2]] [--format auto|jsonl|parquet|warc]
    spark-submit --master yarn .../newsgraph/jobs/spark.py INPUT OUTPUT     (same arguments)

Input paths are Hadoop paths (local, ``hdfs://``, ``s3a://`` ...; globs and
directories allowed), read as:

* JSON Lines (``.jsonl``/``.ndjson``/``.json``): splittable, each line a record as
  for ``newsgraph analyze`` (``text`` or ``html``, optional ``id``, ``url``,
  ``title``, ``published``, ``author``); location ``file:line``, as ``newsgraph
  batch`` names it (plain files are split across tasks; their lines are
  numbered with ``zipWithIndex``, one extra pass over the file).
  ``.gz`` files are read whole by one task (gzip cannot be split); location
  ``file:line``; a corrupt gzip stream becomes a failure row after the lines
  read before it.
* Local inputs keep the spelling they were given (``corpus/a.jsonl`` for the
  input ``corpus/``), as in ``newsgraph batch``, so that ``articles.source``
  is the same for the same input; other file systems show full URIs.
* Parquet: the same fields as columns (``published`` may be a date or timestamp).
* WARC (``.warc``, ``.warc.gz``): HTML responses go through the HTML ingest
  (trafilatura); location ``file@record-offset``. A file is read whole by one task.

The flow: read records -> normalise to articles (HTML extraction, stable id)
-> one copy per article id (the one with the smallest location, so reruns
agree) -> ``mapPartitions``: one ``Analyzer`` per Python worker, reused by
every partition it runs -> ``schema.rows_from_document`` and the MinHash
signature -> wire-copy clusters (``articles.cluster``, as ``newsgraph.jobs.dedup``
computes them) -> one Parquet dataset per table under
``OUTPUT/<table>/month=YYYY-MM/`` (the layout and columns of
``newsgraph.store.parquet``), plus ``OUTPUT/failures/`` with one row per input
that could not be read or analysed. A failure is a row, never a failed job.
docs/spark.md has the cluster set-up.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.base import ArticleInput, json_error
from newsgraph.settings import Settings, add_setting_flags

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import RDD
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

    from newsgraph.pipeline import Analyzer

logger = logging.getLogger(__name__)

INPUT_FORMATS: tuple[str, ...] = ("auto", "jsonl", "parquet", "warc")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".json.gz", "jsonl"),
    (".parquet", "parquet"),
    (".warc", "warc"), (".warc.gz", "warc"),
)
#: Record fields read from every input format.
FIELDS: tuple[str, ...] = ("id", "text", "html", "url", "title", "published", "author")

_SPARK_TYPES = {"TEXT": "StringType", "INTEGER": "LongType", "REAL": "DoubleType", "BOOLEAN": "BooleanType", "BLOB": "BinaryType"}


# ------------------------------------------------------------------ records -> articles
# These run on the executors. An item is a plain dict (cheap to pickle):
# an article {"id", "source", "text", "url", "title", "published", "author"}
# or a failure {"failure": True, "source", "article_id", "error_type", "message"}.


def _failure(source: str, exc: BaseException, article_id: str | None = None) -> dict[str, Any]:
    message = exc.message if isinstance(exc, NewsgraphError) else str(exc)
    if not isinstance(exc, NewsgraphError):
        # a bug, not bad input: keep where it happened
        frames = traceback.extract_tb(exc.__traceback__)
        if frames:
            last = frames[-1]
            message = f"{message} ({os.path.basename(last.filename)}:{last.lineno})"
    return {
        "failure": True,
        "source": source,
        "article_id": article_id,
        "error_type": type(exc).__name__,
        "message": message or type(exc).__name__,
    }


def _plain(value: Any) -> Any:
    """A field value as JSON Lines would give it (dates from Parquet as ISO strings)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _article_item(art: ArticleInput, order: tuple[str, int]) -> dict[str, Any]:
    """An item from an ``ArticleInput`` (its HTML extracted now: on the executor)."""
    from newsgraph.ids import article_id
    from newsgraph.ingest.base import resolve

    try:
        art = resolve(art)
        return {
            "id": art.id or article_id(art.text),
            "source": art.source,
            "text": art.text,
            "url": art.url,
            "title": art.title,
            "published": art.published,
            "author": art.author,
            "warnings": list(art.warnings),
            "order": (*order, art.source),
        }
    except Exception as exc:  # one bad record never stops the job
        return _failure(art.source, exc, art.id)


def record_to_item(
    record: Any, source: str, published_field: str = "published", order: tuple[str, int] | None = None
) -> dict[str, Any]:
    """One input record (a JSON object or a Parquet row as a dict) to an article item or a failure.

    ``order`` (file, offset) decides which copy of a repeated article id is kept: the first.
    """
    from newsgraph.ingest.base import article_from_record

    if isinstance(record, dict):
        record = {k: _plain(v) for k, v in record.items()}
    try:
        art = article_from_record(record, source, published_field=published_field, defer_html=True)
    except Exception as exc:
        given = record.get("id") if isinstance(record, dict) else None
        return _failure(source, exc, str(given) if given is not None else None)
    return _article_item(art, order or (source, 0))


def _from_reader(
    items: Iterable[ArticleInput | InputError], path: str, display: str, order_of: Callable[[str], int]
) -> Iterator[dict[str, Any]]:
    """Items from one of ``newsgraph.ingest``'s readers run on a local copy ``path`` of ``display``."""
    for x in items:
        if isinstance(x, InputError):
            source = (x.source or path).replace(path, display, 1)
            yield _failure(source, x)
            continue
        x = replace(x, source=x.source.replace(path, display, 1))
        yield _article_item(x, (display, order_of(x.source)))


def _position(source: str) -> int:
    """The line or offset at the end of a ``path:line`` / ``path@offset`` location."""
    tail = source.rsplit("@", 1)[-1].rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def jsonl_line_item(path: str, number: int, line: str, published_field: str) -> list[dict[str, Any]]:
    """Line ``number`` (from 1) of a plain JSON Lines file to zero or one item (location ``path:number``)."""
    if not line.strip():
        return []
    path = _display(path)
    source = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return [_failure(source, InputError(json_error(exc)))]
    return [record_to_item(record, source, published_field, (path, number))]


def jsonl_gz_items(
    path: str, data: bytes, published_field: str, shown: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """The items of a gzipped JSON Lines file (``path:line``); a corrupt stream ends it with a failure row."""
    from newsgraph.ingest.base import read_jsonl

    display = _display(path, shown)
    stem = display.rsplit("/", 1)[-1].split(".")[0]
    lines = gzip.GzipFile(fileobj=io.BytesIO(data))
    reader = read_jsonl(lines, display, stem, published_field=published_field, defer_html=True)
    yield from _from_reader(reader, display, display, _position)


def warc_items(path: str, data: bytes, shown: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """The articles of a WARC file, read by ``newsgraph.ingest.warc`` from a local copy of its bytes."""
    from newsgraph.ingest.warc import read_warc

    display = _display(path, shown)
    with tempfile.TemporaryDirectory(prefix="newsgraph-warc-") as tmp:
        # Named .warc even when gzipped: warcio then reads the gzip members one
        # by one itself, so a truncated .warc.gz keeps the records before the
        # damage (through gzip.open it yielded none at all, silently).
        local = os.path.join(tmp, "input.warc")
        with open(local, "wb") as fh:
            fh.write(data)
        del data
        yield from _from_reader(read_warc(local, defer_html=True), local, display, _position)


# ------------------------------------------------------------------ articles -> rows

_ANALYZERS: dict[Settings, Analyzer] = {}


def worker_analyzer(settings: Settings) -> Analyzer:
    """The Analyzer of this Python worker (loaded on first use; Spark reuses workers across tasks)."""
    analyzer = _ANALYZERS.get(settings)
    if analyzer is None:
        from newsgraph.pipeline import Analyzer

        t0 = time.perf_counter()
        analyzer = Analyzer(settings)
        _ANALYZERS[settings] = analyzer
        logger.info("worker %d loaded the pipeline in %.1f s", os.getpid(), time.perf_counter() - t0)
    return analyzer


def _convert(value: Any, type_: str) -> Any:
    if value is None:
        return None
    if type_ == "TEXT":
        return value if isinstance(value, str) else str(value)
    if type_ == "INTEGER":
        return int(value)
    if type_ == "REAL":
        return float(value)
    if type_ == "BOOLEAN":
        return bool(value)
    return value


def _row_tuples(table: str, rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    from newsgraph.store.schema import TABLES_BY_NAME

    columns = [(c.name, c.type) for c in TABLES_BY_NAME[table].columns]
    return [tuple(_convert(r.get(name), type_) for name, type_ in columns) for r in rows]


def analyze_item(analyzer: Analyzer, item: Mapping[str, Any]) -> tuple[Any, ...]:
    """One article item to one wide row (see ``wide_schema``)."""
    from newsgraph.jobs.dedup import signature
    from newsgraph.store.schema import EXPORT_TABLES, dangling_references, month_of, rows_from_document

    aid = item["id"]
    try:
        result = analyzer(
            item["text"],
            published=item.get("published"),
            title=item.get("title"),
            url=item.get("url"),
            id=aid,
            author=item.get("author"),
            warnings=item.get("warnings") or (),
        )
        rows = rows_from_document(result.to_dict(), source=item["source"])
        problems = dangling_references(rows)
        if problems:
            raise InputError("inconsistent analysis: " + "; ".join(problems[:3]))
        tables = [_row_tuples(name, rows.get(name, ())) for name in EXPORT_TABLES]
        sig = signature(item["text"])
    except Exception as exc:  # a bad article or a bug in a stage: a failure row, never a failed task
        return failure_row(_failure(item["source"], exc, aid))
    return (aid, month_of(result.published), result.published, sig, None, *tables)


def failure_row(item: Mapping[str, Any]) -> tuple[Any, ...]:
    from newsgraph.store.schema import EXPORT_TABLES

    failure = (item["source"], item.get("article_id"), item["error_type"], item["message"])
    return (item.get("article_id"), None, None, None, failure, *([] for _ in EXPORT_TABLES))


def analyze_partition(settings: Settings, items: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Any, ...]]:
    """``mapPartitions`` body: one Analyzer for the whole partition."""
    analyzer: Analyzer | None = None
    for item in items:
        if item.get("failure"):
            yield failure_row(item)
            continue
        if analyzer is None:
            # No model on an executor is a broken deployment, not bad input: that one may fail the task.
            analyzer = worker_analyzer(settings)
        yield analyze_item(analyzer, item)


def _earliest(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return a if a["order"] <= b["order"] else b


# ------------------------------------------------------------------ schemas


def table_struct(table: str) -> StructType:
    from pyspark.sql import types as T

    from newsgraph.store.schema import TABLES_BY_NAME

    return T.StructType(
        [
            T.StructField(c.name, getattr(T, _SPARK_TYPES[c.type])(), nullable=not c.not_null)
            for c in TABLES_BY_NAME[table].columns
        ]
    )


def wide_schema() -> StructType:
    """One row per input record: a failure, or an article with its rows of every table.

    ``published`` and ``signature`` (the MinHash of ``newsgraph.jobs.dedup``)
    feed the wire-copy clustering; they are not written out as such.
    """
    from pyspark.sql.types import ArrayType, BinaryType, StringType, StructField, StructType

    from newsgraph.store.schema import EXPORT_TABLES

    return StructType(
        [
            StructField("article_id", StringType(), True),
            StructField("month", StringType(), True),
            StructField("published", StringType(), True),
            StructField("signature", BinaryType(), True),
            StructField("failure", table_struct("failures"), True),
            *(StructField(name, ArrayType(table_struct(name), False), False) for name in EXPORT_TABLES),
        ]
    )


# ------------------------------------------------------------------ reading


def _hadoop(spark: SparkSession) -> tuple[Any, Any]:
    sc = spark.sparkContext
    return sc._jvm, sc._jsc.hadoopConfiguration()


def list_input_files(spark: SparkSession, paths: Sequence[str]) -> list[str]:
    """Expand globs and directories (recursively) through the Hadoop file system of each path.

    Hidden files (``_SUCCESS``, ``.crc``, names starting with ``_`` or ``.``) are skipped, as Spark does.
    """
    jvm, conf = _hadoop(spark)
    files: list[str] = []
    for raw in paths:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise InputError("no such file or directory", source=raw)
        for status in statuses:
            if status.isDirectory():
                it = fs.listFiles(status.getPath(), True)
                while it.hasNext():
                    p = it.next().getPath()
                    if not _hidden(str(p)):
                        files.append(str(p))
            else:
                files.append(str(status.getPath()))
    return sorted(set(files))


def _display(uri: str, shown: Mapping[str, str] | None = None) -> str:
    """Local files as plain paths (as given, with ``shown``: see ``shown_names``), other file systems as URIs."""
    if uri.startswith("file:///"):
        uri = uri[len("file://"):]
    elif uri.startswith("file:/") and not uri.startswith("file://"):
        uri = uri[len("file:"):]
    return (shown or {}).get(uri, uri)


def shown_names(paths: Sequence[str], files: Sequence[str]) -> dict[str, str]:
    """Absolute local path -> the path spelled from the input as given (``corpus/`` -> ``corpus/a.jsonl``).

    ``newsgraph batch`` names a file by joining the input as typed with the
    file's place below it; this gives Spark's local files the same names.
    Globs and other file systems keep their full names.
    """
    out: dict[str, str] = {}
    for raw in paths:
        if "://" in raw or raw.startswith("file:") or any(c in raw for c in "*?[{"):
            continue
        root = os.path.abspath(raw)
        for f in files:
            local = _display(f)
            if local == root:
                out[local] = raw
            elif local.startswith(root.rstrip("/") + "/"):
                out.setdefault(local, os.path.join(raw, local[len(root.rstrip("/")) + 1 :]))
    return out


def _hidden(path: str) -> bool:
    return any(part.startswith(("_", ".")) for part in path.split("/")[-1:])


def detect_format(path: str) -> str:
    name = path.lower()
    for suffix, fmt in sorted(_SUFFIXES, key=lambda s: -len(s[0])):
        if name.endswith(suffix):
            return fmt
    raise InputError(
        "cannot tell the input format from the file name (use --format jsonl|parquet|warc)", source=path
    )


def read_items(
    spark: SparkSession,
    paths: Sequence[str],
    *,
    input_format: str = "auto",
    published_field: str = "published",
) -> RDD[dict[str, Any]]:
    """All records of ``paths`` as article items and failure items (see the module docstring)."""
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r} (one of {', '.join(INPUT_FORMATS)})")
    sc = spark.sparkContext
    files = list_input_files(spark, paths)
    if not files:
        raise InputError("no input files", source=", ".join(paths))
    by_format: dict[str, list[str]] = {}
    for f in files:
        fmt = detect_format(f) if input_format == "auto" else input_format
        by_format.setdefault(fmt, []).append(f)
    parts: list[RDD[dict[str, Any]]] = []
    shown = shown_names(paths, files)
    plain = [f for f in by_format.get("jsonl", []) if not f.lower().endswith(".gz")]
    gz = [f for f in by_format.get("jsonl", []) if f.lower().endswith(".gz")]
    for f in plain:
        # splittable; zipWithIndex numbers the lines across the splits (from 0), as batch counts them (from 1)
        lines: RDD[tuple[str, int]] = sc.textFile(f).zipWithIndex()
        parts.append(lines.flatMap(partial(_line_items, _display(f, shown), published_field)))
    if gz:
        parts.append(sc.binaryFiles(",".join(gz)).flatMap(partial(_gz_items, published_field, shown)))
    if by_format.get("warc"):
        parts.append(sc.binaryFiles(",".join(by_format["warc"])).flatMap(partial(_warc_items, shown)))
    if by_format.get("parquet"):
        parts.append(_parquet_items(spark, by_format["parquet"], published_field, shown))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _line_items(path: str, published_field: str, kv: tuple[str, int]) -> list[dict[str, Any]]:
    return jsonl_line_item(path, kv[1] + 1, kv[0], published_field)


def _gz_items(published_field: str, shown: Mapping[str, str], kv: tuple[str, bytes]) -> Iterator[dict[str, Any]]:
    return jsonl_gz_items(kv[0], kv[1], published_field, shown)


def _warc_items(shown: Mapping[str, str], kv: tuple[str, bytes]) -> Iterator[dict[str, Any]]:
    return warc_items(kv[0], kv[1], shown)


def _parquet_items(
    spark: SparkSession, files: Sequence[str], published_field: str, shown: Mapping[str, str]
) -> RDD[dict[str, Any]]:
    from pyspark.sql import functions as F

    df = spark.read.parquet(*files)
    wanted = [c for c in (*FIELDS, published_field) if c in df.columns]
    if "text" not in wanted and "html" not in wanted:
        raise InputError("Parquet input has neither a 'text' nor an 'html' column", source=files[0])
    df = df.select(F.input_file_name().alias("_file"), *sorted(set(wanted)))
    return df.rdd.map(partial(_parquet_row_item, published_field, shown))


def _parquet_row_item(published_field: str, shown: Mapping[str, str], row: Any) -> dict[str, Any]:
    d = row.asDict()
    path = _display(str(d.pop("_file")), shown)
    source = f"{path}#id={d['id']}" if d.get("id") is not None else path
    return record_to_item(d, source, published_field, (path, 0))


# ------------------------------------------------------------------ the job


@dataclass
class JobSummary:
    """What a Spark run did: counts per table, failures, time."""

    output: str
    articles: int = 0
    failures: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    #: wire-copy clusters of 2 or more articles, and the articles in them
    clusters: int = 0
    clustered_articles: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "articles": self.articles,
            "failures": self.failures,
            "rows": dict(self.rows),
            "clusters": self.clusters,
            "clustered_articles": self.clustered_articles,
            "seconds": round(self.seconds, 2),
        }


def output_exists(spark: SparkSession, output: str) -> bool:
    jvm, conf = _hadoop(spark)
    path = jvm.org.apache.hadoop.fs.Path(output)
    return bool(path.getFileSystem(conf).exists(path))


def remove_output(spark: SparkSession, output: str) -> None:
    jvm, conf = _hadoop(spark)
    path = jvm.org.apache.hadoop.fs.Path(output)
    path.getFileSystem(conf).delete(path, True)


# ------------------------------------------------------------------ wire copies
# The same clusters as ``newsgraph.jobs.dedup.cluster_ids`` (same signatures,
# same LSH bands, same similarity check, same cluster id: the earliest
# article), computed without gathering the signatures in one process: the
# band buckets are a shuffle, only the verified pairs reach the driver.

#: Buckets larger than this (one band shared by very many articles: boilerplate)
#: are linked as a chain instead of all pairs, to stay linear.
MAX_BUCKET_PAIRS = 200


def _band_keys(b: int, r: int, row: tuple[str, bytes]) -> list[tuple[tuple[int, bytes], str]]:
    aid, sig = row
    return [((i, sig[i * r * 4 : (i + 1) * r * 4]), aid) for i in range(b)]


def _bucket_pairs(ids: Iterable[str]) -> list[tuple[str, str]]:
    members = sorted(set(ids))
    if len(members) < 2:
        return []
    if len(members) > MAX_BUCKET_PAIRS:
        return list(zip(members, members[1:], strict=False))
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]


def wire_clusters(spark: SparkSession, articles: Any) -> dict[str, str]:
    """Cluster id of every article in a wire-copy cluster of two or more (others are their own)."""
    from newsgraph.jobs.dedup import NUM_PERM, THRESHOLD, band_parameters, similarity

    b, r = band_parameters(THRESHOLD, NUM_PERM)
    keyed = (
        articles.where("signature IS NOT NULL")
        .select("article_id", "published", "signature")
        .rdd.map(lambda row: (row[0], (row[1], bytes(row[2]))))
    )
    keyed = keyed.filter(lambda kv: len(kv[1][1]) == NUM_PERM * 4)
    candidates = (
        keyed.map(lambda kv: (kv[0], kv[1][1]))
        .flatMap(partial(_band_keys, b, r))
        .groupByKey()
        .flatMap(lambda kv: _bucket_pairs(kv[1]))
        .distinct()
    )
    edges = (
        candidates.join(keyed)  # (a, (b, (pub_a, sig_a)))
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(keyed)  # (b, ((a, (pub_a, sig_a)), (pub_b, sig_b)))
        .filter(lambda kv: similarity(kv[1][0][1][1], kv[1][1][1]) >= THRESHOLD)
        .map(lambda kv: (kv[1][0][0], kv[1][0][1][0], kv[0], kv[1][1][0]))
        .collect()
    )
    parent: dict[str, str] = {}
    published: dict[str, str | None] = {}

    def find(a: str) -> str:
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, pub_a, b_id, pub_b in edges:
        published[a], published[b_id] = pub_a, pub_b
        ra, rb = find(a), find(b_id)
        if ra != rb:
            parent[ra] = rb

    def key(a: str) -> tuple[bool, str, str]:
        pub = published[a]
        return (pub is None, pub or "", a)

    first: dict[str, str] = {}
    for a in parent:
        root = find(a)
        if root not in first or key(a) < key(first[root]):
            first[root] = a
    clusters = {a: first[find(a)] for a in parent}
    logger.info("wire copies: %d near-duplicate pairs, %d articles in %d clusters",
                len(edges), len(clusters), len(first))
    return clusters


def _with_clusters(spark: SparkSession, rows: Any, clusters: Mapping[str, str]) -> Any:
    """The articles rows with ``cluster`` filled: its cluster's id, else the article's own id."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    columns = rows.columns
    mapping = spark.createDataFrame(
        list(clusters.items()),
        StructType([StructField("_cid", StringType(), False), StructField("_cluster", StringType(), False)]),
    )
    joined = rows.join(F.broadcast(mapping), rows["id"] == mapping["_cid"], "left")
    joined = joined.withColumn("cluster", F.coalesce(F.col("_cluster"), F.col("id")))
    return joined.select(*columns)


def run_job(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    *,
    input_format: str = "auto",
    settings: Settings | None = None,
    published_field: str = "published",
    partitions: int | None = None,
    overwrite: bool = False,
) -> JobSummary:
    """Analyse every article of ``inputs`` and write the Parquet tables under ``output``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from newsgraph.store.schema import EXPORT_TABLES

    t0 = time.perf_counter()
    settings = settings or Settings()
    output = output.rstrip("/")
    if output_exists(spark, output):
        if not overwrite:
            raise InputError("output exists (use --overwrite to replace it)", source=output)
        # Replace, not merge: a table's months from an earlier run must not survive.
        remove_output(spark, output)
    items = read_items(spark, inputs, input_format=input_format, published_field=published_field)
    n_parts = partitions or max(spark.sparkContext.defaultParallelism, items.getNumPartitions())
    failures = items.filter(lambda d: bool(d.get("failure")))
    # One copy per article id; the shuffle also spreads the articles evenly over n_parts.
    articles = (
        items.filter(lambda d: not d.get("failure"))
        .map(lambda d: (d["id"], d))
        .reduceByKey(_earliest, numPartitions=n_parts)
        .values()
    )
    wide_rdd = articles.union(failures).mapPartitions(partial(analyze_partition, settings))
    wide = spark.createDataFrame(wide_rdd, schema=wide_schema(), verifySchema=False)
    # Analysis is the expensive part: do it once, then write every table from the cache.
    wide = wide.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = wide.select(
            F.count(F.when(F.col("failure").isNull(), 1)).alias("articles"),
            F.count("failure").alias("failures"),
            *(F.sum(F.size(name)).alias(name) for name in EXPORT_TABLES),
        ).collect()[0]
        summary = JobSummary(
            output=output,
            articles=int(counts["articles"]),
            failures=int(counts["failures"]),
            rows={name: int(counts[name] or 0) for name in EXPORT_TABLES},
        )
        ok = wide.where(F.col("failure").isNull())
        clusters = wire_clusters(spark, ok)
        summary.clusters = len(set(clusters.values()))
        summary.clustered_articles = len(clusters)
        for name in EXPORT_TABLES:
            target = f"{output}/{name}"
            if summary.rows[name] == 0:
                # No rows: still give readers the table and its columns, as write_empty_tables does.
                empty = spark.createDataFrame([], table_struct(name))
                empty.coalesce(1).write.mode("overwrite").parquet(f"{target}/month=unknown")
                continue
            rows = ok.select("month", F.explode(name).alias("r")).select("r.*", "month")
            if name == "articles":
                rows = _with_clusters(spark, rows, clusters)
            rows.write.mode("overwrite").partitionBy("month").parquet(target)
        fail = wide.where(F.col("failure").isNotNull()).select("failure.*")
        fail.coalesce(1).write.mode("overwrite").parquet(f"{output}/failures")
    finally:
        wide.unpersist()
    summary.seconds = time.perf_counter() - t0
    return summary


def spark_session(
    master: str | None = None,
    *,
    app_name: str = "newsgraph",
    conf: Mapping[str, str] | None = None,
    quiet: bool = False,
) -> SparkSession:
    """A SparkSession; in local mode the workers run this very Python (and so find newsgraph)."""
    from pyspark.sql import SparkSession

    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if quiet:
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    if quiet:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


# ------------------------------------------------------------------ command line (also for spark-submit)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, directories or globs (Hadoop paths)")
    p.add_argument("output", metavar="OUTPUT", help="directory for the Parquet tables (Hadoop path)")
    p.add_argument("--format", dest="input_format", choices=INPUT_FORMATS, default="auto",
                   help="input format (default: from each file's extension)")
    p.add_argument("--master", help="Spark master (local[2], yarn, spark://...); default: from spark-submit, else local[*]")
    p.add_argument("--partitions", type=int, help="partitions for the analysis (default: the cluster's parallelism)")
    p.add_argument("--published-field", default="published", help="record field holding the publication date")
    add_setting_flags(p, help={"max_chars": "record articles above this many characters as failures (0: no limit)"})
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="Spark setting (repeatable)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or Spark log; summary only")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")


def run_from_args(args: argparse.Namespace) -> int:
    from newsgraph.settings import load_settings, setting_flags

    inputs, output = args.inputs, args.output
    conf = {}
    for item in args.conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise InputError(f"--conf wants KEY=VALUE, got {item!r}")
        conf[key] = value
    settings = load_settings(getattr(args, "config", None), **setting_flags(args))
    spark = spark_session(args.master, conf=conf, quiet=args.quiet)
    summary = run_job(
        spark,
        inputs,
        output,
        input_format=args.input_format,
        settings=settings,
        published_field=args.published_field,
        partitions=args.partitions,
        overwrite=args.overwrite,
    )
    if args.json:
        print(json.dumps(summary.to_dict()))
    else:
        rows = ", ".join(f"{n} {name}" for name, n in summary.rows.items() if name != "articles")
        print(
            f"newsgraph spark: {summary.articles} article(s) analysed, {summary.failures} failure(s) "
            f"in {summary.seconds:.1f} s -> {summary.output} ({rows}); "
            f"{summary.clustered_articles} article(s) in {summary.clusters} wire-copy cluster(s)",
            file=sys.stderr,
        )
    if summary.articles == 0 and summary.failures > 0:
        return 1  # everything failed
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``spark-submit .../newsgraph/jobs/spark.py INPUT ... OUTPUT``."""
    parser = argparse.ArgumentParser(prog="newsgraph-spark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", metavar="FILE", help="TOML file of settings")
    add_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return run_from_args(args)
    except NewsgraphError as exc:
        print(f"newsgraph spark: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":  # pragma: no cover - spark-submit entry point
    sys.exit(main())
