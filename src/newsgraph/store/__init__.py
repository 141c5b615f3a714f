"""The stores: one schema (``schema``), SQLite (``sqlite``) and Parquet (``parquet``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.store.rows import rows_from_document
from newsgraph.store.schema import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    from newsgraph.store.parquet import write_parquet


def __getattr__(name: str) -> Any:
    # pyarrow (and the pandas it pulls in, ~0.4 s) loads only when Parquet is written.
    if name == "write_parquet":
        from newsgraph.store.parquet import write_parquet

        return write_parquet
    raise AttributeError(f"module 'newsgraph.store' has no attribute {name!r}")


__all__ = ["SCHEMA_VERSION", "TABLES", "rows_from_document", "write_parquet"]
