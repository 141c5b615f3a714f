"""The Parquet store: the schema's tables as flat Parquet datasets, partitioned by month.

Layout (hive partitioning, readable by DuckDB, pandas/pyarrow and Spark)::

    OUTDIR/articles/month=2020-04/<part>-0.parquet
    OUTDIR/quotes/month=2020-04/<part>-0.parquet
    OUTDIR/events/month=unknown/<part>-0.parquet     (articles without a date)

Every table is partitioned by the publication month of its article
(``rows.month_of``); the ``month`` column exists only in the directory
names, which every reader above turns back into a column. Each call of
``write_parquet`` adds files named after its ``part``, so several writers
(Spark partitions, export chunks) can fill one directory.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from newsgraph.errors import StorageError
from newsgraph.store.rows import month_of
from newsgraph.store.schema import EXPORT_TABLES, RUN_TABLES, TABLES_BY_NAME, Table

logger = logging.getLogger(__name__)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "TEXT": pa.string(),
    "INTEGER": pa.int64(),
    "REAL": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
}


def arrow_schema(table: Table | str, *, with_month: bool = False) -> pa.Schema:
    """The Arrow schema of a table (``with_month`` adds the partition column)."""
    t = TABLES_BY_NAME[table] if isinstance(table, str) else table
    fields = [pa.field(c.name, _ARROW_TYPES[c.type], nullable=not c.not_null) for c in t.columns]
    if with_month:
        fields.append(pa.field("month", pa.string(), nullable=False))
    return pa.schema(fields)


def _column(values: list[Any], type_: str) -> list[Any]:
    if type_ == "BOOLEAN":
        return [None if v is None else bool(v) for v in values]
    return values


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]], months: Sequence[str]) -> pa.Table:
    """Rows of ``table`` (dicts with the table's columns) as an Arrow table with a ``month`` column."""
    t = TABLES_BY_NAME[table]
    arrays = {c.name: _column([r.get(c.name) for r in rows], c.type) for c in t.columns}
    arrays["month"] = list(months)
    return pa.Table.from_pydict(arrays, schema=arrow_schema(t, with_month=True))


def write_parquet(
    rows_by_table: Mapping[str, Sequence[Mapping[str, Any]]],
    outdir: str | Path,
    *,
    part: str = "part-0",
    months: Mapping[str, str] | None = None,
    tables: Sequence[str] = EXPORT_TABLES,
) -> dict[str, int]:
    """Write rows (as from ``rows.rows_from_document``) under ``outdir/<table>/month=.../``.

    The month of a row is that of its article: taken from the ``articles``
    rows given here, else from ``months`` (article id -> ``YYYY-MM``), else
    ``unknown``. Files are named ``<part>-<n>.parquet``: give each writer its
    own ``part`` (a file of the same name is overwritten). Only ``tables``
    are written (by default the document tables; ``signatures`` may be added,
    ``failures`` goes through ``write_failures``). Returns rows written per
    table.
    """
    outdir = Path(outdir)
    month_by_article: dict[str, str] = dict(months or {})
    for row in rows_by_table.get("articles", ()):
        month_by_article[row["id"]] = month_of(row.get("published"))
    written: dict[str, int] = {}
    for name in tables:
        rows = rows_by_table.get(name) or ()
        if not rows:
            continue
        key = "id" if name == "articles" else "article_id"
        months_col = [month_by_article.get(r[key], "unknown") for r in rows]
        table = to_arrow(name, rows, months_col)
        try:
            pads.write_dataset(
                table,
                outdir / name,
                format="parquet",
                partitioning=pads.partitioning(pa.schema([pa.field("month", pa.string())]), flavor="hive"),
                basename_template=f"{part}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
        except (OSError, pa.ArrowException) as exc:
            raise StorageError(f"cannot write Parquet table {name}: {exc}", source=str(outdir)) from exc
        written[name] = len(rows)
    return written


def write_failures(rows: Sequence[Mapping[str, Any]], outdir: str | Path, *, part: str = "part-00000") -> int:
    """Write the ``failures`` rows as one unpartitioned file ``outdir/failures/<part>.parquet``.

    A failure has no article and so no month: the layout is the Spark job's.
    """
    t = TABLES_BY_NAME["failures"]
    target = Path(outdir) / "failures"
    table = pa.Table.from_pydict({c.name: [r.get(c.name) for r in rows] for c in t.columns}, schema=arrow_schema(t))
    try:
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, target / f"{part}.parquet")
    except (OSError, pa.ArrowException) as exc:
        raise StorageError(f"cannot write Parquet table failures: {exc}", source=str(outdir)) from exc
    return len(rows)


def write_empty_tables(
    outdir: str | Path, *, part: str = "part-empty", tables: Sequence[str] = EXPORT_TABLES
) -> list[str]:
    """Give every table of ``tables`` without files one empty file (under ``month=unknown``).

    Readers then find every table, with its columns, even when a corpus has
    no quotes or no events.
    """
    outdir = Path(outdir)
    made = []
    for name in tables:
        tdir = outdir / name
        if tdir.exists() and any(tdir.rglob("*.parquet")):
            continue
        target = tdir / "month=unknown"
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(arrow_schema(name).empty_table(), target / f"{part}-0.parquet")
        made.append(name)
    return made


def clear_parquet(outdir: str | Path) -> None:
    """Remove the table directories of a previous export under ``outdir`` (nothing else)."""
    outdir = Path(outdir)
    for name in (*EXPORT_TABLES, *RUN_TABLES):
        tdir = outdir / name
        if tdir.is_dir():
            shutil.rmtree(tdir)


def read_table(outdir: str | Path, table: str) -> pa.Table:
    """Read one table back (with its ``month`` column) with pyarrow."""
    dataset = pads.dataset(
        Path(outdir) / table,
        format="parquet",
        partitioning=pads.partitioning(pa.schema([pa.field("month", pa.string())]), flavor="hive"),
    )
    return dataset.to_table()


__all__ = [
    "arrow_schema",
    "clear_parquet",
    "read_table",
    "to_arrow",
    "write_empty_tables",
    "write_failures",
    "write_parquet",
]
