"""The read-only connection layer over a SQLite store: one connection per thread, a time limit per query."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import StorageError
from newsgraph.events import PLOVER_TYPES
from newsgraph.store.sqlite import check_version


class ReadOnlyStore:
    """A SQLite store opened read-only, one connection per thread, every query under a time limit."""

    def __init__(self, path: str | Path, *, query_timeout: float = 10.0) -> None:
        self._known_types: tuple[str, ...] | None = None
        self.path = Path(path)
        if not self.path.is_file():
            raise StorageError("no such database file", source=str(path))
        self.uri = self.path.resolve().as_uri() + "?mode=ro"
        self.query_timeout = query_timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        conn = self._conn()
        check_version(conn, self.path, migrate=False)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = {"articles", "entities", "quotes", "events", "event_actors"} - tables
        if missing:
            raise StorageError(f"not a newsgraph store: no {', '.join(sorted(missing))} table", source=str(path))
        self.has_fts = "quotes_fts" in tables

    # -- connections ----------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open the database read-only: {exc}", source=str(self.path)) from exc
        conn.row_factory = sqlite3.Row
        self._local.conn = conn
        with self._all_lock:
            self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        conn = self._conn()
        deadline = time.monotonic() + self.query_timeout
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            return conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise StorageError(f"query took longer than {self.query_timeout:g} s") from exc
            raise StorageError(f"query failed: {exc}", source=str(self.path)) from exc
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"query failed: {exc}", source=str(self.path)) from exc
        finally:
            conn.set_progress_handler(None, 0)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _count(self, sql: str, params: Sequence[Any]) -> int:
        row = self._one(f"SELECT COUNT(*) FROM ({sql})", params)
        return int(row[0]) if row else 0

    # -- overview ---------------------------------------------------------------

    def known_event_types(self) -> tuple[str, ...]:
        """The PLOVER types, then any other type the store holds (a store written by an older version).

        Read once: the filter accepts these and refuses anything else with 422.
        """
        if self._known_types is None:
            stored = [r[0] for r in self._rows("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]
            self._known_types = (*PLOVER_TYPES, *(t for t in stored if t not in PLOVER_TYPES))
        return self._known_types
