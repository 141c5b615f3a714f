"""Entities: who and what the article talks about, each with all its mentions.

Baseline: spaCy named entities grouped by name, pronouns attached to the most
recent person. ``coref`` refines the grouping. The public surface other stages
rely on is ``extract_entities(parsed) -> EntityIndex`` and ``EntityIndex.resolve``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.document import ParsedDocument
from newsgraph.records import Entity, Mention

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one article and a lookup from character spans to them."""

    entities: tuple[Entity, ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False)
    _mentions: list[tuple[int, int, str]] = field(default_factory=list, repr=False)

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> EntityIndex:
        rows = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        return cls(tuple(entities), [r[0] for r in rows], rows)

    def get(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def resolve(self, start: int, end: int) -> Entity | None:
        """The entity with a mention inside ``[start, end)`` (or covering it), best overlap first.

        A mention fully inside the span wins over one that only overlaps; among
        those, the longest. ``None`` when no mention touches the span.
        """
        best: tuple[int, int] | None = None
        best_id: str | None = None
        lo = bisect.bisect_left(self._starts, start - 200)
        for m_start, m_end, eid in self._mentions[lo:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            inside = int(start <= m_start and m_end <= end)
            key = (inside, overlap)
            if best is None or key > best:
                best, best_id = key, eid
        return None if best_id is None else self.get(best_id)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for row in self._mentions[lo:]:
            if row[0] >= end:
                break
            if row[1] <= end:
                out.append(row)
        return out


def extract_entities(parsed: ParsedDocument) -> EntityIndex:
    groups: dict[tuple[str, str], list[Mention]] = {}
    order: list[tuple[str, str]] = []
    for ent in parsed.doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        key = (kind, name.lower())
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(Mention(ent.start_char, ent.end_char, ent.text, "name"))
    entities = []
    for i, key in enumerate(order, 1):
        mentions = tuple(groups[key])
        entities.append(Entity(id=f"E{i}", name=mentions[0].text, kind=key[0], mentions=mentions))  # type: ignore[arg-type]
    return EntityIndex.build(entities)
