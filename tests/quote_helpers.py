"""Helpers shared by the quote tests: quotes of a text, the one quote with a cue word."""

from __future__ import annotations

from typing import Any

from newsgraph.records import Quote


def run(parse_text: Any, text: str) -> list[Quote]:
    from newsgraph.entities import extract_entities
    from newsgraph.quotes import extract_quotes

    parsed = parse_text(text)
    return extract_quotes(parsed, extract_entities(parsed))[0]


def with_cue(quotes: list[Quote], word: str) -> Quote:
    found = [q for q in quotes if q.cue is not None and word in q.cue.text.split()]
    assert len(found) == 1, [(q.cue and q.cue.text, q.content_text) for q in quotes]
    return found[0]
