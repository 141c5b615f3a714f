"""Dates: date expressions normalised against the publication date."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.document import ParsedDocument
from newsgraph.records import DateRef, Quote


def extract_dates(parsed: ParsedDocument) -> list[DateRef]:
    return []


def date_quotes(parsed: ParsedDocument, quotes: Sequence[Quote], dates: Sequence[DateRef]) -> list[Quote]:
    return list(quotes)
