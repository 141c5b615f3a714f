"""Surnames the recognizer leaves untagged join the person named in full (texts written for these tests)."""

from __future__ import annotations

import re

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes


def _resolve_all(index, text: str, word: str):  # type: ignore[no-untyped-def]
    return [index.resolve(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


TEXT = (
    "Prime Minister Tom Reed faces a vote on the harbour plan this week. Opposition leader Paul Dorn "
    'criticised the plan on Monday. "It is a waste of money," Dorn said.\n'
)


def test_entities_surnames_untagged_surname_joins_the_full_name(parse_text) -> None:  # type: ignore[no-untyped-def]
    index = extract_entities(parse_text(TEXT))
    found = _resolve_all(index, TEXT, "Dorn")
    assert [e.name if e else None for e in found] == ["Paul Dorn", "Paul Dorn"]


def test_entities_surnames_speaker_of_a_quote_resolves(parse_text) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_text(TEXT)
    quotes, _ = extract_quotes(parsed, extract_entities(parsed))
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.speaker.mention.text if q.speaker.mention else None, q.speaker.name) for q in direct] == [
        ("Dorn", "Paul Dorn")
    ]


def test_entities_surnames_shared_surname_stays_unmatched(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anna Dorn and her brother Paul Dorn run the ferry company. "
        '"We will not sell," Dorn said on Monday.\n'
    )
    index = extract_entities(parse_text(text))
    last = _resolve_all(index, text, "Dorn")[-1]
    assert last is None or last.name not in ("Anna Dorn", "Paul Dorn")


def test_entities_surnames_modifier_is_not_the_person(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Opposition leader Paul Dorn spoke on Monday. Later, Dorn supporters marched to the harbour.\n"
    index = extract_entities(parse_text(text))
    last = _resolve_all(index, text, "Dorn")[-1]
    assert last is None or last.name != "Paul Dorn"
