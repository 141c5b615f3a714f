"""A plural title before a coordinated list of names is the title of every listed name."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities
from newsgraph.records import Entity


def _people(parse_text, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    coded = code_actors(parsed, extract_entities(parsed).entities)
    return {e.name: e for e in coded if e.kind == "person"}


def test_entities_plural_title_goes_to_every_listed_name(parse_text) -> None:  # type: ignore[no-untyped-def]
    people = _people(parse_text, "US Representatives Tom Keller and Anna Birch introduced the bill.")
    for name in ("Tom Keller", "Anna Birch"):
        assert [r.text for r in people[name].roles] == ["US Representatives"]
        assert people[name].actor is not None and people[name].actor.code == "USALEG"


def test_entities_plural_title_covers_a_three_name_list(parse_text) -> None:  # type: ignore[no-untyped-def]
    people = _people(
        parse_text, "On Monday, Senators Mark Hale, Judy Brand and Tim Ortega wrote to the agency."
    )
    assert all(
        [r.text for r in people[n].roles] == ["Senators"] for n in ("Mark Hale", "Judy Brand", "Tim Ortega")
    )


def test_entities_plural_title_adds_the_first_name_the_tagger_missed(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Foreign Ministers Pavel Dorn and Lena Kiss met in Vienna on Monday."
    people = _people(parse_text, text)
    assert set(people) == {"Pavel Dorn", "Lena Kiss"}
    for e in people.values():
        assert [r.text for r in e.roles] == ["Foreign Ministers"]
        assert e.actor is not None and "GOV" in e.actor.sector


def test_entities_plural_title_stops_at_the_end_of_the_list(parse_text) -> None:  # type: ignore[no-untyped-def]
    people = _people(parse_text, "Senators Mark Hale and Judy Brand voted against it, as did Paul Frey.")
    assert [r.text for r in people["Judy Brand"].roles] == ["Senators"]
    assert people["Paul Frey"].roles == ()
    people = _people(parse_text, "Governors Ann Lutz and Carl Meyer signed the pact with Mayor Dan Pike.")
    assert [r.text for r in people["Carl Meyer"].roles] == ["Governors"]
    assert [r.text for r in people["Dan Pike"].roles] == ["Mayor"]


def test_entities_singular_title_is_not_shared(parse_text) -> None:  # type: ignore[no-untyped-def]
    people = _people(parse_text, "French Foreign Minister Claire Dubois and Mark Stone held talks.")
    assert people["Mark Stone"].roles == ()


_WORDS = [
    "Senators", "Foreign", "Ministers", "Minister", "Pavel", "Dorn", "Lena", "Kiss", "Mayor", "and", ",", ".",
    "in", "near", "at", "from", "outside", "Gao", "Kidal", "Lashkar", "Gah", "town", "city", "of", "the",
    "Rebels", "rebels", "Mali", "who", "'s", "said", "US", "Representatives", "-", '"', "\n",
]  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_entities_list_and_town_rules_keep_offsets(parse_text, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    parsed = parse_text(text)
    entities = code_actors(parsed, extract_entities(parsed).entities)
    ids = {e.id for e in entities}
    for e in entities:
        assert e.mentions
        for span in (*e.mentions, *e.roles):
            assert text[span.start : span.end] == span.text
        assert set(e.members) <= ids
