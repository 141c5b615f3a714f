"""Plural titles join the group of the same people: "three Canadian senators" are the
"Canadian Senators" listed by name, unless the numbers disagree."""

from __future__ import annotations

from newsgraph.entities import extract_entities

_LIST = (
    "Three Canadian senators wrote to the minister last week. "
    "Canadian Senators on the trade committee - Anne Roy, Paul Martin and Greg Lee - asked for a delay. "
    "The senators said they expected a reply."
)


def _group_of(index, text: str, phrase: str):  # type: ignore[no-untyped-def]
    start = text.index(phrase)
    return index.resolve(start, start + len(phrase))


def test_coref_numbered_plural_title_joins_listed_group(parse_text) -> None:  # type: ignore[no-untyped-def]
    index = extract_entities(parse_text(_LIST))
    first = _group_of(index, _LIST, "Three Canadian senators")
    listed = _group_of(index, _LIST, "Canadian Senators")
    later = _group_of(index, _LIST, "The senators")
    assert first is not None and first.kind == "group"
    assert first.id == listed.id == later.id
    assert len(first.members) == 3


def test_coref_conflicting_number_stays_apart(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = _LIST.replace("Three Canadian senators", "Two Canadian senators")
    index = extract_entities(parse_text(text))
    first = _group_of(index, text, "Two Canadian senators")
    listed = _group_of(index, text, "Canadian Senators")
    assert listed is not None and len(listed.members) == 3
    assert first is None or first.id != listed.id


def test_coref_other_nationality_stays_apart(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = _LIST.replace("Three Canadian senators", "Three Mexican senators")
    index = extract_entities(parse_text(text))
    first = _group_of(index, text, "Three Mexican senators")
    listed = _group_of(index, text, "Canadian Senators")
    assert first is None or first.id != listed.id
