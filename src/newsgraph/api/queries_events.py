"""Event queries over the corpus store: filtered pages, the timeline, the network of actors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.api.filters import _ACTOR_KEY, _EVENT_WHEN, GRANULARITY, Page, _actor_match, _date_filters
from newsgraph.api.store_read import ReadOnlyStore


class EventQueries(ReadOnlyStore):
    """The events of the corpus, filtered and paged; the timeline and the actor network."""

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
