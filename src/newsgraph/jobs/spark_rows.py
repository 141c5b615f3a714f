"""Items analysed into rows of the store's tables, and the Spark schemas of those tables."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.jobs.spark_items import _failure
from newsgraph.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql.types import StructType

    from newsgraph.pipeline import Analyzer

logger = logging.getLogger(__name__)

_SPARK_TYPES = {"TEXT": "StringType", "INTEGER": "LongType", "REAL": "DoubleType", "BOOLEAN": "BooleanType", "BLOB": "BinaryType"}

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
    from newsgraph.store.rows import dangling_references, month_of, rows_from_document
    from newsgraph.store.schema import EXPORT_TABLES

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
