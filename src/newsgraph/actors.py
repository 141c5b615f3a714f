"""Actor coding: a CAMEO/PLOVER code (country, sector, IGO) for every entity."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.document import ParsedDocument
from newsgraph.records import Entity


def code_actors(parsed: ParsedDocument, entities: Sequence[Entity]) -> list[Entity]:
    return list(entities)
