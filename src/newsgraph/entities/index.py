"""``EntityIndex``: the entities of one article, and the lookup later stages use.

``extract`` builds it last; quotes, actors and events ask it which entity a span of
text (a speaker phrase, an event's subject) refers to.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.entities.common import KIND_RANK
from newsgraph.records import Entity


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one article and a lookup from character spans to them."""

    entities: tuple[Entity, ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False)
    _mentions: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> EntityIndex:
        rows = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        return cls(tuple(entities), [r[0] for r in rows], rows, {e.id: e for e in entities})

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def resolve(self, start: int, end: int) -> Entity | None:
        """The entity a phrase ``[start, end)`` refers to, or ``None``.

        Among the mentions touching the span, an exact one wins; then one that holds
        the whole phrase ("US senators" is part of the group mention "four US
        senators", not a mention of the place "US" inside it); then one fully inside
        beats one that only overlaps; then people and groups beat organisations and
        places (the speaker phrase "Chair of X’s Y Union Ilona Vasilescu" is about
        the person, not the place); then a mention ending where the phrase ends (its
        head); then the longest.
        """
        best: tuple[int, ...] | None = None
        best_id: str | None = None
        lo = bisect.bisect_left(self._starts, start - 200)
        for m_start, m_end, eid in self._mentions[lo:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            inside = int(start <= m_start and m_end <= end)
            holds = int(m_start <= start and end <= m_end)
            entity = self._by_id[eid]
            key = (inside & holds, holds, inside, KIND_RANK.get(entity.kind, 0), int(m_end >= end), overlap)
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
