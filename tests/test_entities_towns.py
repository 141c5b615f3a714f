"""Towns the tagger takes for people or nationalities become places in a place context."""

from __future__ import annotations

import pytest

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities


def _entity(parse_text, text: str, name: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    coded = code_actors(parsed, extract_entities(parsed).entities)
    found = [e for e in coded if name in [m.text for m in e.mentions]]
    assert found, f"no entity mentioned as {name!r}: {[e.name for e in coded]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the small model tags these towns NORP, PERSON, PERSON and ORG
        ("Fighting broke out near Kidal on Sunday, residents said.", "Kidal", "MLI"),
        ("Gunmen attacked a market in Gao and fled north.", "Gao", "MLI"),
        ("Two drones struck the city of Kherson overnight.", "Kherson", "UKR"),
        ("Aid reached the town of Kalemie late on Friday.", "Kalemie", "COD"),
        ("Officials in Lashkar Gah reported heavy shelling.", "Lashkar Gah", "AFG"),
    ],
)
def test_entities_mislabelled_town_is_a_place(parse_text, text: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    e = _entity(parse_text, text, name)
    assert e.kind == "place"
    assert e.actor is not None and e.actor.country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Gao's view, the deal was fair.", "Gao"),  # a possessive: someone's view
        ("The letter came from Gao, who runs the trade office.", "Gao"),  # "who": a person
        ("He met Mr. Florence in the lobby.", "Florence"),  # an honorific, no preposition
        # a word of a full name in the article (there is also a town Obama in Japan)
        ("Barack Obama spoke on Monday. A letter from Obama arrived later.", "Obama"),
    ],
)
def test_entities_person_named_like_a_town_stays_a_person(parse_text, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    e = _entity(parse_text, text, name)
    assert e.kind == "person"


def test_entities_town_context_outvotes_other_mentions(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a market in Gao on Monday. Gao was calm again by Wednesday."
    index = extract_entities(parse_text(text))
    towns = [e for e in index.entities if e.name == "Gao"]
    assert len(towns) == 1 and towns[0].kind == "place"
    assert [m.text for m in towns[0].mentions] == ["Gao", "Gao"]
