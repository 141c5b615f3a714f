"""Flags: claims in one article that contradict each other or the knowledge base."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.document import ParsedDocument
from newsgraph.records import Entity, Flag, Quote


def find_flags(parsed: ParsedDocument, entities: Sequence[Entity], quotes: Sequence[Quote]) -> list[Flag]:
    return []
