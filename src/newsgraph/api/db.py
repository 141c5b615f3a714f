"""The server's read-only query layer over a SQLite store written by ``newsgraph batch``.

The tables are those of ``newsgraph.store.schema``; this module only reads
them. Each worker thread has its own connection, opened with the SQLite URI
``mode=ro`` and ``PRAGMA query_only``, so nothing here can change the file;
every value from a request reaches SQL as a bound parameter (the only text
put into SQL strings are fixed fragments chosen in this module). A progress
handler stops any statement running longer than ``query_timeout`` seconds.

An *actor* across the corpus is an actor code (``USAGOV``, ``MDA``) when the
entity has one, else the entity's name: ``actor_key``. ``/v1/actors/{id}``
accepts a code, a stored entity id (``<article id>:E1``) or an uncoded name.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, StorageError
from newsgraph.events import PLOVER_TYPES
from newsgraph.records import SCHEMA
from newsgraph.store.sqlite import check_version

logger = logging.getLogger(__name__)

_DATE_FILTER = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: The values ``check_date_filter`` accepts, as one regular expression for the
#: OpenAPI schema: years 0001-9999, months 01-12, the days of each month, and
#: 29 February in leap years only (a test checks that the two agree).
DATE_FILTER_PATTERN = (
    r"^(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2]))?$"
    r"|^(?!0000)\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))$"
    r"|^(?!0000)(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29$"
)
_WORD = re.compile(r"\w+", re.UNICODE)

# When a statement or event happened: its own date when the article gives a
# full one, else the article's publication date.
_QUOTE_WHEN = "(CASE WHEN q.date_value GLOB '[0-9][0-9][0-9][0-9]*' THEN q.date_value ELSE a.published END)"
_EVENT_WHEN = "(CASE WHEN ev.date_value GLOB '[0-9][0-9][0-9][0-9]*' THEN ev.date_value ELSE a.published END)"
_ACTOR_KEY = "COALESCE({t}.actor_code, {t}.name)"

GRANULARITY = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        nxt = self.offset + self.limit
        return {
            "items": self.items,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": nxt if nxt < self.total else None,
        }


def check_date_filter(value: str | None, name: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month or day (or nothing).

    Anything else (``March``, ``2020-13``, ``2020-02-30``) is an ``InputError``
    naming the parameter: a filter that matches nothing because of a typo must
    not look like an empty result.
    """
    if value is None or value == "":
        return None
    if not _DATE_FILTER.match(value):
        raise InputError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(p) for p in (value + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError as exc:
        raise InputError(f"{name} must be a real date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}: {exc}") from exc
    return value


def check_event_type(
    value: str | None, name: str = "type", allowed: Sequence[str] = PLOVER_TYPES
) -> str | None:
    """An event type of ``allowed`` (any case; returned in upper case), or nothing; anything else is an ``InputError``."""
    if value is None or value.strip() == "":
        return None
    wanted = value.strip().upper()
    if wanted not in allowed:
        raise InputError(f"{name} must be an event type ({', '.join(allowed)}), got {value!r}")
    return wanted


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word of ``text`` as a quoted term (all must match).

    User input never reaches FTS5's query syntax (which fails on a stray
    quote or ``AND``), so a search box cannot make a query error.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])


def _local(global_id: str | None, article_id: str) -> str | None:
    if global_id is None:
        return None
    prefix = article_id + ":"
    return global_id[len(prefix) :] if global_id.startswith(prefix) else global_id


def _loads(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _date_filters(when: str, date_from: str | None, date_to: str | None, where: list[str], params: list[Any]) -> None:
    if date_from:
        where.append(f"{when} >= ?")
        params.append(date_from)
    if date_to:
        # "to 2024-03" includes every day of March: compare the same number of characters.
        where.append(f"substr({when}, 1, ?) <= ?")
        params.extend([len(date_to), date_to])


class CorpusDB:
    """Read-only queries for the API and the corpus page."""

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

    def overview(self) -> dict[str, Any]:
        counts = {
            name: int(self._one(f"SELECT COUNT(*) FROM {name}")[0])  # type: ignore[index]
            for name in ("articles", "quotes", "events", "entities")
        }
        span = self._one("SELECT MIN(published), MAX(published) FROM articles")
        types = [r[0] for r in self._rows("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]
        return {
            "counts": counts,
            "published_from": span[0] if span else None,
            "published_to": span[1] if span else None,
            "event_types": types,
        }

    # -- articles ---------------------------------------------------------------

    def articles(
        self,
        *,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        cluster: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        where: list[str] = []
        params: list[Any] = []
        if q:
            where.append("(a.title LIKE ? ESCAPE '\\' OR a.id = ?)")
            params.extend([_like(q), q])
        if cluster:
            where.append("a.cluster = ?")
            params.append(cluster)
        _date_filters("a.published", date_from, date_to, where, params)
        base = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        total = self._count(base, params)
        rows = self._rows(
            "SELECT a.id, a.published, a.title, a.url, a.author, a.cluster, a.n_chars, a.n_entities, "
            "a.n_quotes, a.n_events FROM articles a"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return Page([dict(r) for r in rows], total, limit, offset)

    def article_document(self, article_id: str) -> dict[str, Any] | None:
        """The ``newsgraph/1`` document of a stored article, rebuilt from its rows."""
        art = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if art is None:
            return None
        aid = art["id"]
        text: str = art["text"] or ""

        def span(start: int | None, end: int | None) -> dict[str, Any] | None:
            if start is None or end is None:
                return None
            return {"start": start, "end": end, "text": text[start:end]}

        def anchored(row: sqlite3.Row) -> dict[str, Any] | None:
            if row["date_value"] is None:
                return None
            return {"value": row["date_value"], "basis": row["date_basis"], "span": span(row["date_start"], row["date_end"])}

        mentions: dict[str, list[dict[str, Any]]] = {}
        for m in self._rows("SELECT * FROM mentions WHERE article_id = ? ORDER BY rowid", [aid]):
            mentions.setdefault(m["entity_id"], []).append(
                {"start": m["span_start"], "end": m["span_end"], "text": m["text"], "kind": m["kind"]}
            )
        entities = []
        for e in self._rows("SELECT * FROM entities WHERE article_id = ? ORDER BY rowid", [aid]):
            has_actor = any(
                e[c] is not None
                for c in ("actor_code", "actor_country", "actor_igo", "actor_wikidata", "actor_note", "actor_confidence")
            )
            entities.append(
                {
                    "id": e["local_id"],
                    "name": e["name"],
                    "kind": e["kind"],
                    "mentions": mentions.get(e["id"], []),
                    "roles": _loads(e["roles"], []),
                    "members": [_local(m, aid) for m in _loads(e["members"], [])],
                    "actor": {
                        "code": e["actor_code"],
                        "country": e["actor_country"],
                        "sector": [s for s in (e["actor_sector"] or "").split(",") if s],
                        "igo": e["actor_igo"],
                        "wikidata": e["actor_wikidata"],
                        "confidence": e["actor_confidence"] or 0.0,
                        "note": e["actor_note"],
                    }
                    if has_actor
                    else None,
                }
            )
        quotes = []
        for q in self._rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY rowid", [aid]):
            parts = [span(s, e) for s, e in _loads(q["content_spans"], [])]
            content: Any = parts[0] if len(parts) == 1 else parts
            quotes.append(
                {
                    "id": q["local_id"],
                    "kind": q["kind"],
                    "content": content,
                    "cue": span(q["cue_start"], q["cue_end"]),
                    "speaker": {
                        "mention": span(q["speaker_start"], q["speaker_end"]),
                        "entity": _local(q["speaker_entity_id"], aid),
                        "name": q["speaker_name"],
                    },
                    "confidence": q["confidence"] or 0.0,
                    "date": anchored(q),
                    "mode": q["mode"] or "speech",
                    "source": span(q["source_start"], q["source_end"]),
                    "within": _local(q["within_id"], aid),
                }
            )
        framing = [
            {"id": f["local_id"], "kind": f["kind"], "span": span(f["span_start"], f["span_end"]), "note": f["note"]}
            for f in self._rows("SELECT * FROM framing WHERE article_id = ? ORDER BY rowid", [aid])
        ]
        dates = [
            {
                "id": d["local_id"],
                "span": span(d["span_start"], d["span_end"]),
                "value": d["value"],
                "kind": d["kind"],
                "anchored": bool(d["anchored"]),
            }
            for d in self._rows("SELECT * FROM dates WHERE article_id = ? ORDER BY rowid", [aid])
        ]
        sides: dict[tuple[str, str], list[str]] = {}
        for r in self._rows(
            "SELECT event_id, role, entity_id FROM event_actors WHERE article_id = ? ORDER BY event_id, role, position",
            [aid],
        ):
            sides.setdefault((r["event_id"], r["role"]), []).append(_local(r["entity_id"], aid) or "")
        events = []
        for v in self._rows("SELECT * FROM events WHERE article_id = ? ORDER BY rowid", [aid]):
            location = None
            if v["location_name"] is not None:
                location = {
                    "name": v["location_name"],
                    "country": v["location_country"],
                    "span": span(v["location_start"], v["location_end"]),
                }
            events.append(
                {
                    "id": v["local_id"],
                    "type": v["type"],
                    "mode": v["mode"],
                    "context": [c for c in (v["context"] or "").split(",") if c],
                    "cameo": v["cameo"],
                    "quad_class": v["quad_class"],
                    "goldstein": v["goldstein"],
                    "source": sides.get((v["id"], "source"), []),
                    "target": sides.get((v["id"], "target"), []),
                    "trigger": span(v["trigger_start"], v["trigger_end"]),
                    "evidence": span(v["evidence_start"], v["evidence_end"]),
                    "more_evidence": _loads(v["more_evidence"], []),
                    "quote": _local(v["quote_id"], aid),
                    "date": anchored(v),
                    "location": location,
                    "polarity": v["polarity"] or "asserted",
                    "modality": v["modality"] or "actual",
                    "confidence": v["confidence"] or 0.0,
                }
            )
        flags = [
            {
                "id": x["local_id"],
                "kind": x["kind"],
                "reason": x["reason"],
                "spans": _loads(x["spans"], []),
                "entities": [_local(i, aid) for i in _loads(x["entities"], [])],
            }
            for x in self._rows("SELECT * FROM flags WHERE article_id = ? ORDER BY rowid", [aid])
        ]
        return {
            "schema": SCHEMA,
            "id": aid,
            "published": art["published"],
            "title": art["title"],
            "url": art["url"],
            "author": art["author"],
            "text": text,
            "entities": entities,
            "quotes": quotes,
            "framing": framing,
            "dates": dates,
            "events": events,
            "flags": flags,
            "warnings": _loads(art["warnings"], []),
            "meta": _loads(art["meta"], {}),
        }

    # -- quotes -----------------------------------------------------------------

    def _quote_where(
        self,
        speaker: str | None,
        q: str | None,
        date_from: str | None,
        date_to: str | None,
        kind: str | None,
        article: str | None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append(
                "(q.speaker_name = ? COLLATE NOCASE OR q.speaker_name LIKE ? ESCAPE '\\' "
                "OR q.speaker_entity_id = ? OR sp.actor_code = ?)"
            )
            params.extend([speaker, _like(speaker), speaker, speaker.upper()])
        if q:
            match = fts_query(q) if self.has_fts else None
            if match is not None:
                where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
                params.append(match)
            else:
                where.append("q.text LIKE ? ESCAPE '\\'")
                params.append(_like(q))
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        if article:
            where.append("q.article_id = ?")
            params.append(article)
        _date_filters(_QUOTE_WHEN, date_from, date_to, where, params)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    _QUOTE_FROM = (
        "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities sp ON sp.id = q.speaker_entity_id"
    )

    def quotes(
        self,
        *,
        speaker: str | None = None,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        where, params = self._quote_where(speaker, q, date_from, date_to, kind, article)
        return self._quote_page(where, params, limit, offset)

    def _quote_page(self, where: str, params: list[Any], limit: int, offset: int) -> Page:
        total = self._count(f"SELECT q.id {self._QUOTE_FROM}{where}", params)
        rows = self._rows(
            f"SELECT q.id, q.article_id, q.local_id, q.kind, q.mode, q.text, q.speaker_name, q.speaker_entity_id, "
            f"q.speaker_text, q.cue_text, q.confidence, q.date_value, q.span_start, q.span_end, "
            f"{_QUOTE_WHEN} AS happened, a.published, a.title, sp.actor_code, sp.name AS entity_name "
            f"{self._QUOTE_FROM}{where} ORDER BY happened IS NULL, happened DESC, q.article_id, q.rowid "
            "LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        items = [
            {
                "id": r["id"],
                "article_id": r["article_id"],
                "local_id": r["local_id"],
                "kind": r["kind"],
                "mode": r["mode"],
                "text": r["text"],
                "speaker": {
                    "name": r["speaker_name"],
                    "entity_id": r["speaker_entity_id"],
                    "entity_name": r["entity_name"],
                    "actor_code": r["actor_code"],
                    "mention": r["speaker_text"],
                },
                "cue": r["cue_text"],
                "confidence": r["confidence"],
                "date": r["date_value"],
                "when": r["happened"],
                "published": r["published"],
                "article_title": r["title"],
                "start": r["span_start"],
                "end": r["span_end"],
            }
            for r in rows
        ]
        return Page(items, total, limit, offset)

    # -- events -----------------------------------------------------------------

    _EVENT_FROM = "FROM events ev JOIN articles a ON a.id = ev.article_id"

    def _event_where(
        self,
        actor: str | None,
        role: str | None,
        type_: str | None,
        date_from: str | None,
        date_to: str | None,
        article: str | None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if actor:
            cond, cparams = _actor_match("en", actor)
            role_sql = " AND ea.role = ?" if role else ""
            where.append(
                "EXISTS (SELECT 1 FROM event_actors ea JOIN entities en ON en.id = ea.entity_id "
                f"WHERE ea.event_id = ev.id{role_sql} AND {cond})"
            )
            params.extend([*([role] if role else []), *cparams])
        if type_:
            where.append("ev.type = ?")
            params.append(type_.upper())
        if article:
            where.append("ev.article_id = ?")
            params.append(article)
        _date_filters(_EVENT_WHEN, date_from, date_to, where, params)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def events(
        self,
        *,
        actor: str | None = None,
        role: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        article: str | None = None,
        limit: int,
        offset: int,
    ) -> Page:
        where, params = self._event_where(actor, role, type, date_from, date_to, article)
        return self._event_page(where, params, limit, offset)

    def _event_page(self, where: str, params: list[Any], limit: int, offset: int) -> Page:
        total = self._count(f"SELECT ev.id {self._EVENT_FROM}{where}", params)
        rows = self._rows(
            "SELECT ev.id, ev.article_id, ev.local_id, ev.type, ev.mode, ev.cameo, ev.quad_class, ev.goldstein, "
            "ev.trigger_text, ev.evidence_text, ev.evidence_start, ev.evidence_end, ev.date_value, ev.polarity, "
            f"ev.modality, ev.confidence, ev.location_name, {_EVENT_WHEN} AS happened, a.published, a.title "
            f"{self._EVENT_FROM}{where} ORDER BY happened IS NULL, happened DESC, ev.article_id, ev.rowid "
            "LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        sides = self._event_sides([r["id"] for r in rows])
        items = [
            {
                "id": r["id"],
                "article_id": r["article_id"],
                "local_id": r["local_id"],
                "type": r["type"],
                "mode": r["mode"],
                "cameo": r["cameo"],
                "quad_class": r["quad_class"],
                "goldstein": r["goldstein"],
                "source": sides.get((r["id"], "source"), []),
                "target": sides.get((r["id"], "target"), []),
                "trigger": r["trigger_text"],
                "evidence": r["evidence_text"],
                "evidence_start": r["evidence_start"],
                "evidence_end": r["evidence_end"],
                "date": r["date_value"],
                "when": r["happened"],
                "location": r["location_name"],
                "polarity": r["polarity"],
                "modality": r["modality"],
                "confidence": r["confidence"],
                "published": r["published"],
                "article_title": r["title"],
            }
            for r in rows
        ]
        return Page(items, total, limit, offset)

    def _event_sides(self, event_ids: Iterable[str]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        ids = list(event_ids)
        out: dict[tuple[str, str], list[dict[str, Any]]] = {}
        if not ids:
            return out
        marks = ", ".join("?" for _ in ids)
        for r in self._rows(
            "SELECT ea.event_id, ea.role, ea.entity_id, ea.actor_code, en.name, en.kind FROM event_actors ea "
            f"LEFT JOIN entities en ON en.id = ea.entity_id WHERE ea.event_id IN ({marks}) "
            "ORDER BY ea.event_id, ea.role, ea.position",
            ids,
        ):
            out.setdefault((r["event_id"], r["role"]), []).append(
                {
                    "entity_id": r["entity_id"],
                    "name": r["name"],
                    "kind": r["kind"],
                    "actor_code": r["actor_code"],
                    "actor": r["actor_code"] or r["name"],
                }
            )
        return out

    # -- aggregates ---------------------------------------------------------------

    def timeline(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        granularity: str = "month",
    ) -> dict[str, Any]:
        width = GRANULARITY[granularity]
        where, params = self._event_where(actor, None, type, date_from, date_to, None)
        cond = f"{_EVENT_WHEN} GLOB '[0-9][0-9][0-9][0-9]*'"
        where = f"{where} AND {cond}" if where else f" WHERE {cond}"
        rows = self._rows(
            f"SELECT substr({_EVENT_WHEN}, 1, ?) AS period, ev.type AS type, COUNT(*) AS n "
            f"{self._EVENT_FROM}{where} GROUP BY period, ev.type ORDER BY period, ev.type",
            [width, *params],
        )
        buckets: dict[str, dict[str, Any]] = {}
        for r in rows:
            b = buckets.setdefault(r["period"], {"period": r["period"], "count": 0, "by_type": {}})
            b["count"] += r["n"]
            b["by_type"][r["type"] or "?"] = r["n"]
        # the matching events with neither their own date nor their article's: not on the time axis, but counted
        where, params = self._event_where(actor, None, type, date_from, date_to, None)
        cond = f"({_EVENT_WHEN} IS NULL OR NOT {_EVENT_WHEN} GLOB '[0-9][0-9][0-9][0-9]*')"
        where = f"{where} AND {cond}" if where else f" WHERE {cond}"
        undated = self._count(f"SELECT DISTINCT ev.id {self._EVENT_FROM}{where}", params)
        return {"granularity": granularity, "buckets": list(buckets.values()), "undated": undated}

    def network(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
    ) -> dict[str, Any]:
        where, params = self._event_where(actor, None, type, date_from, date_to, None)
        rows = self._rows(
            f"SELECT {_ACTOR_KEY.format(t='se')} AS source, {_ACTOR_KEY.format(t='te')} AS target, "
            "ev.type AS type, COUNT(*) AS n, COUNT(DISTINCT ev.article_id) AS articles "
            f"{self._EVENT_FROM} "
            "JOIN event_actors s ON s.event_id = ev.id AND s.role = 'source' "
            "JOIN entities se ON se.id = s.entity_id "
            "JOIN event_actors t ON t.event_id = ev.id AND t.role = 'target' "
            "JOIN entities te ON te.id = t.entity_id"
            f"{where} GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?",
            [*params, limit],
        )
        edges = [dict(r) for r in rows if r["source"] is not None and r["target"] is not None]
        weight: dict[str, int] = {}
        for e in edges:
            weight[e["source"]] = weight.get(e["source"], 0) + e["n"]
            weight[e["target"]] = weight.get(e["target"], 0) + e["n"]
        nodes = [{"id": k, "events": v} for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
        return {"nodes": nodes, "edges": edges}

    # -- actors -------------------------------------------------------------------

    def resolve_actor(self, ident: str) -> tuple[str, list[Any], dict[str, Any]] | None:
        """How to match the entities of actor ``ident``: (SQL condition on ``en``, params, description)."""
        code = ident.upper()
        if self._one("SELECT 1 FROM entities WHERE actor_code = ? LIMIT 1", [code]):
            return "en.actor_code = ?", [code], {"id": code, "code": code}
        row = self._one("SELECT actor_code, name FROM entities WHERE id = ?", [ident])
        if row is not None:
            if row["actor_code"]:
                return "en.actor_code = ?", [row["actor_code"]], {"id": row["actor_code"], "code": row["actor_code"]}
            return "en.id = ?", [ident], {"id": ident, "code": None}
        # A name: the actor code it is most often coded with, else the uncoded name itself.
        row = self._one(
            "SELECT actor_code, COUNT(*) AS n FROM entities WHERE name = ? COLLATE NOCASE "
            "GROUP BY actor_code ORDER BY actor_code IS NULL, n DESC LIMIT 1",
            [ident],
        )
        if row is None:
            return None
        if row["actor_code"]:
            return "en.actor_code = ?", [row["actor_code"]], {"id": row["actor_code"], "code": row["actor_code"]}
        return "(en.actor_code IS NULL AND en.name = ? COLLATE NOCASE)", [ident], {"id": ident, "code": None}

    def actor(self, ident: str, *, limit: int, offset: int, co_limit: int = 25) -> dict[str, Any] | None:
        resolved = self.resolve_actor(ident)
        if resolved is None:
            return None
        cond, cparams, out = resolved
        names = self._rows(
            f"SELECT en.name, en.kind, COUNT(*) AS n FROM entities en WHERE {cond} "
            "GROUP BY en.name, en.kind ORDER BY n DESC, en.name LIMIT 20",
            cparams,
        )
        info = self._one(
            "SELECT COUNT(*) AS entities, COUNT(DISTINCT en.article_id) AS articles, SUM(en.n_mentions) AS mentions, "
            f"MAX(en.actor_country) AS country, MAX(en.actor_sector) AS sector FROM entities en WHERE {cond}",
            cparams,
        )
        out.update(
            {
                "names": [{"name": r["name"], "kind": r["kind"], "count": r["n"]} for r in names],
                "country": info["country"] if info else None,
                "sector": [s for s in ((info["sector"] if info else None) or "").split(",") if s],
                "articles": info["articles"] if info else 0,
                "mentions": (info["mentions"] or 0) if info else 0,
            }
        )
        speaker_cond = cond.replace("en.", "sp.")
        out["quotes"] = self._quote_page(f" WHERE {speaker_cond}", list(cparams), limit, offset).to_dict()
        for role in ("source", "target"):
            where = (
                " WHERE EXISTS (SELECT 1 FROM event_actors ea JOIN entities en ON en.id = ea.entity_id "
                f"WHERE ea.event_id = ev.id AND ea.role = ? AND {cond})"
            )
            out[f"events_as_{role}"] = self._event_page(where, [role, *cparams], limit, offset).to_dict()
        other = cond.replace("en.", "e2.")
        co = self._rows(
            f"WITH mine AS (SELECT DISTINCT en.article_id FROM entities en WHERE {cond}) "
            f"SELECT {_ACTOR_KEY.format(t='e2')} AS actor, MAX(e2.actor_code) AS code, MIN(e2.name) AS name, "
            "MIN(e2.kind) AS kind, COUNT(DISTINCT e2.article_id) AS articles "
            f"FROM entities e2 JOIN mine ON mine.article_id = e2.article_id WHERE NOT ({other} IS TRUE) "
            "GROUP BY 1 ORDER BY articles DESC, 1 LIMIT ?",
            [*cparams, *cparams, co_limit],
        )
        out["co_occurring"] = [dict(r) for r in co]
        return out


def _actor_match(alias: str, actor: str) -> tuple[str, list[Any]]:
    """Match an actor code, a stored entity id or a name on the entities alias ``alias``."""
    return (
        f"({alias}.actor_code = ? OR {alias}.id = ? OR {alias}.name = ? COLLATE NOCASE)",
        [actor.upper(), actor, actor],
    )


def _like(text: str) -> str:
    """``%text%`` for LIKE with the wildcards in ``text`` escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
