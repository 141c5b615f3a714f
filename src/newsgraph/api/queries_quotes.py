"""Quote queries over the corpus store."""

from __future__ import annotations

from typing import Any

from newsgraph.api.filters import _QUOTE_WHEN, Page, _date_filters, _like, fts_query
from newsgraph.api.store_read import ReadOnlyStore


class QuoteQueries(ReadOnlyStore):
    """The quotes of the corpus, filtered and paged."""

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
