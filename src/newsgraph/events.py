"""Events: PLOVER event records (with CAMEO codes) between coded actors."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.document import ParsedDocument
from newsgraph.records import DateRef, Entity, Event, Quote


def extract_events(
    parsed: ParsedDocument, entities: Sequence[Entity], quotes: Sequence[Quote], dates: Sequence[DateRef]
) -> list[Event]:
    return []
