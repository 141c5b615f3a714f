"""Quotes: direct, indirect and mixed quotations with cue and speaker."""

from __future__ import annotations

from newsgraph.document import ParsedDocument
from newsgraph.entities import EntityIndex
from newsgraph.records import FramingItem, Quote


def extract_quotes(parsed: ParsedDocument, index: EntityIndex) -> tuple[list[Quote], list[FramingItem]]:
    return [], []
