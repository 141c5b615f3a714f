"""Reading the Spark job's inputs: listing Hadoop paths, the format of each file, items from every format."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.jobs.spark_items import (
    _SUFFIXES,
    FIELDS,
    INPUT_FORMATS,
    _display,
    jsonl_gz_items,
    jsonl_line_item,
    record_to_item,
    warc_items,
)

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import RDD
    from pyspark.sql import SparkSession


logger = logging.getLogger(__name__)

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
