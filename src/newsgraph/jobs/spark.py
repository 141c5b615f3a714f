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
every partition it runs -> ``rows.rows_from_document`` and the MinHash
signature -> wire-copy clusters (``articles.cluster``, as ``newsgraph.jobs.dedup``
computes them) -> one Parquet dataset per table under
``OUTPUT/<table>/month=YYYY-MM/`` (the layout and columns of
``newsgraph.store.parquet``), plus ``OUTPUT/failures/`` with one row per input
that could not be read or analysed. A failure is a row, never a failed job.
docs/spark.md has the cluster set-up.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.jobs.spark_items import INPUT_FORMATS
from newsgraph.jobs.spark_read import _hadoop, read_items
from newsgraph.jobs.spark_rows import _earliest, analyze_partition, table_struct, wide_schema
from newsgraph.jobs.spark_wire import _with_clusters, wire_clusters
from newsgraph.settings import Settings, add_setting_flags

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession


logger = logging.getLogger(__name__)



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
