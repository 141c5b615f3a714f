"""A nationality adjective before an actor noun or an actor's product is an entity of its country."""

from __future__ import annotations

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities


def _coded(parse_text, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    entities = code_actors(parsed, extract_entities(parsed).entities)
    return {e.name: (e.actor.country if e.actor else None) for e in entities}


def test_entities_demonym_before_product_noun_is_its_maker(parse_text) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(parse_text, "Pakistan rejected an Indian proposal on Monday.")
    assert coded.get("Indian") == "IND"


def test_entities_coordinated_demonyms_are_separate_entities(parse_text) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(parse_text, "Hungarian and Romanian officials signed the accord in Vienna.")
    assert coded.get("Hungarian") == "HUN"
    assert coded.get("Romanian officials") == "ROU"
    assert "Hungarian and Romanian officials" not in coded


def test_entities_demonyms_before_listed_actor_noun(parse_text) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(parse_text, "The Armenian and Georgian sides talked in Vienna on Monday.")
    assert "ARM" in coded.values()
    assert "GEO" in coded.values()


def test_entities_demonym_before_ordinary_noun_is_not_an_entity(parse_text) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(parse_text, "The guests ate Indian food and drank Turkish coffee.")
    assert "IND" not in coded.values()
    assert "TUR" not in coded.values()


def test_entities_country_name_before_product_noun_adds_nothing(parse_text) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_text("Iran rejected a US plan on Monday.")
    names = [e.name for e in extract_entities(parsed).entities]
    assert names.count("US") == 1


def test_entities_demonym_before_people_name_joins_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(parse_text, "Thousands of Iraqi Kurds crossed into Turkey last week.")
    assert coded.get("Iraqi Kurds") == "IRQ"
