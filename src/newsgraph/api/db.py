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

import sqlite3
from typing import Any

from newsgraph.api.filters import _ACTOR_KEY, Page, _date_filters, _like, _loads, _local
from newsgraph.api.queries_events import EventQueries
from newsgraph.api.queries_quotes import QuoteQueries
from newsgraph.records import SCHEMA


class CorpusDB(QuoteQueries, EventQueries):
    """Read-only queries for the API and the corpus page."""

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
