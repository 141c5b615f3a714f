"""Rows of the stores from one article's document: ids, partitions and reference checks.

``rows_from_document`` turns an ``Analysis.to_dict()`` document into the rows of
every table in ``schema.DOCUMENT_TABLES``, each with exactly the columns ``schema``
defines; the SQLite store, the Parquet store, the batch runner and the Spark job all
build their rows here, so they cannot differ. ``dangling_references`` lists references
to records missing from the same rows (the batch runner records such an article as a
failure).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsgraph.store.schema import DOCUMENT_TABLES, TABLES


def global_id(article_id: str, local_id: str) -> str:
    """The store-wide id of a record whose id is local to its article."""
    return f"{article_id}:{local_id}"


def month_of(published: str | None) -> str:
    """The Parquet partition of an article: ``YYYY-MM`` of its publication date, else ``unknown``."""
    if published and len(published) >= 7 and published[4] == "-" and published[:4].isdigit() and published[5:7].isdigit():
        return published[:7]
    return "unknown"


def _join(codes: Iterable[Any]) -> str | None:
    kept = [str(c) for c in codes if c]
    return ",".join(kept) if kept else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span(prefix: str, span: Mapping[str, Any] | None) -> dict[str, Any]:
    span = span or {}
    return {f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end"), f"{prefix}_text": span.get("text")}


def _date(date: Mapping[str, Any] | None) -> dict[str, Any]:
    date = date or {}
    span = date.get("span") or {}
    return {
        "date_value": date.get("value"),
        "date_basis": date.get("basis"),
        "date_start": span.get("start"),
        "date_end": span.get("end"),
    }


def rows_from_document(doc: Mapping[str, Any], *, source: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of every document table for one ``Analysis.to_dict()`` document.

    Keys are the names in ``DOCUMENT_TABLES`` (each present, possibly with an
    empty list); each row has exactly the table's columns. ``source`` is the
    input location stored in ``articles.source``.
    """
    aid = str(doc["id"])

    def gid(local: str | None) -> str | None:
        return None if local is None else global_id(aid, str(local))

    entities = list(doc.get("entities") or ())
    quotes = list(doc.get("quotes") or ())
    events = list(doc.get("events") or ())
    codes = {e["id"]: (e.get("actor") or {}).get("code") for e in entities}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
    out["articles"].append(
        {
            "id": aid,
            "published": doc.get("published"),
            "title": doc.get("title"),
            "url": doc.get("url"),
            "author": doc.get("author"),
            "source": source,
            "cluster": None,
            "n_chars": len(doc.get("text") or ""),
            "n_entities": len(entities),
            "n_quotes": len(quotes),
            "n_events": len(events),
            "warnings": _json(list(doc.get("warnings") or ())),
            "meta": _json(dict(doc.get("meta") or {})),
            "text": doc.get("text") or "",
        }
    )
    for e in entities:
        actor = e.get("actor") or {}
        eid = gid(e["id"])
        mentions = list(e.get("mentions") or ())
        out["entities"].append(
            {
                "id": eid,
                "article_id": aid,
                "local_id": e["id"],
                "name": e.get("name"),
                "kind": e.get("kind"),
                "actor_code": actor.get("code"),
                "actor_country": actor.get("country"),
                "actor_sector": _join(actor.get("sector") or ()),
                "actor_igo": actor.get("igo"),
                "actor_wikidata": actor.get("wikidata"),
                "actor_confidence": actor.get("confidence") if actor else None,
                "actor_note": actor.get("note"),
                "n_mentions": len(mentions),
                "roles": _json(list(e.get("roles") or ())),
                "members": _json([gid(m) for m in e.get("members") or ()]),
            }
        )
        for n, m in enumerate(mentions, 1):
            out["mentions"].append(
                {
                    "id": f"{eid}:M{n}",
                    "article_id": aid,
                    "entity_id": eid,
                    "span_start": m["start"],
                    "span_end": m["end"],
                    "text": m["text"],
                    "kind": m.get("kind", "name"),
                }
            )
    for q in quotes:
        raw = q["content"]
        parts = [raw] if isinstance(raw, Mapping) else list(raw)
        speaker = q.get("speaker") or {}
        out["quotes"].append(
            {
                "id": gid(q["id"]),
                "article_id": aid,
                "local_id": q["id"],
                "kind": q.get("kind"),
                "mode": q.get("mode"),
                "text": " ".join(p["text"] for p in parts),
                "span_start": min((p["start"] for p in parts), default=None),
                "span_end": max((p["end"] for p in parts), default=None),
                "content_spans": _json([[p["start"], p["end"]] for p in parts]),
                "speaker_entity_id": gid(speaker.get("entity")),
                "speaker_name": speaker.get("name"),
                **_span("speaker", speaker.get("mention")),
                **_span("cue", q.get("cue")),
                **_span("source", q.get("source")),
                "within_id": gid(q.get("within")),
                "confidence": q.get("confidence"),
                **_date(q.get("date")),
            }
        )
    for f in doc.get("framing") or ():
        span = f.get("span") or {}
        out["framing"].append(
            {
                "id": gid(f["id"]),
                "article_id": aid,
                "local_id": f["id"],
                "kind": f.get("kind"),
                "span_start": span.get("start"),
                "span_end": span.get("end"),
                "text": span.get("text"),
                "note": f.get("note"),
            }
        )
    for d in doc.get("dates") or ():
        span = d.get("span") or {}
        out["dates"].append(
            {
                "id": gid(d["id"]),
                "article_id": aid,
                "local_id": d["id"],
                "span_start": span.get("start"),
                "span_end": span.get("end"),
                "text": span.get("text"),
                "value": d.get("value"),
                "kind": d.get("kind"),
                "anchored": bool(d.get("anchored")),
            }
        )
    for v in events:
        vid = gid(v["id"])
        location = v.get("location") or {}
        loc_span = location.get("span") or {}
        sources = list(v.get("source") or ())
        targets = list(v.get("target") or ())
        out["events"].append(
            {
                "id": vid,
                "article_id": aid,
                "local_id": v["id"],
                "type": v.get("type"),
                "mode": v.get("mode"),
                "context": _join(v.get("context") or ()),
                "cameo": v.get("cameo"),
                "quad_class": v.get("quad_class"),
                "goldstein": v.get("goldstein"),
                "source_actors": _join(codes.get(s) for s in sources),
                "target_actors": _join(codes.get(t) for t in targets),
                **_span("trigger", v.get("trigger")),
                **_span("evidence", v.get("evidence")),
                "more_evidence": _json(list(v.get("more_evidence") or ())),
                "quote_id": gid(v.get("quote")),
                **_date(v.get("date")),
                "location_name": location.get("name"),
                "location_country": location.get("country"),
                "location_start": loc_span.get("start"),
                "location_end": loc_span.get("end"),
                "polarity": v.get("polarity"),
                "modality": v.get("modality"),
                "confidence": v.get("confidence"),
            }
        )
        for role, members in (("source", sources), ("target", targets)):
            for position, ent in enumerate(members):
                out["event_actors"].append(
                    {
                        "event_id": vid,
                        "role": role,
                        "position": position,
                        "article_id": aid,
                        "entity_id": gid(ent),
                        "actor_code": codes.get(ent),
                    }
                )
    for x in doc.get("flags") or ():
        out["flags"].append(
            {
                "id": gid(x["id"]),
                "article_id": aid,
                "local_id": x["id"],
                "kind": x.get("kind"),
                "reason": x.get("reason"),
                "spans": _json(list(x.get("spans") or ())),
                "entities": _json([gid(e) for e in x.get("entities") or ()]),
            }
        )
    return out


def dangling_references(rows_by_table: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[str]:
    """Descriptions of references (speaker, event actor, quote) to records missing from the same rows.

    A document whose stage output points at an entity or quote it does not
    contain would break the stores' foreign keys; the batch runner records it
    as a failure with this description instead.
    """
    known = {name: {r["id"] for r in rows_by_table.get(name, ())} for name in ("entities", "quotes", "events")}
    problems = []
    for table in TABLES:
        for col in table.columns:
            if col.references is None or col.name == "article_id":
                continue
            target = col.references.split(".")[0]
            for row in rows_by_table.get(table.name, ()):
                value = row.get(col.name)
                if value is not None and value not in known.get(target, set()):
                    problems.append(f"{table.name}.{col.name} = {value!r} names no row of {target}")
    return problems
