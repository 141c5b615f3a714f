"""The stores: one schema (``schema``), SQLite (``sqlite``) and Parquet (``parquet``)."""

from newsgraph.store.parquet import write_parquet
from newsgraph.store.schema import SCHEMA_VERSION, TABLES, rows_from_document

__all__ = ["SCHEMA_VERSION", "TABLES", "rows_from_document", "write_parquet"]
