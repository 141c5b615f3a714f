"""Actors of round 6 of issue 11: nations owning what is acted on, bare titles, coordinated
bodies, areas of a named place, the speaker's own body (texts written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_of_type
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Entity


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[i] for i in ids]


def _entity(a: Analysis, name: str) -> Entity:
    return next(e for e in a.entities if e.name == name)


_reported = reported_of_type


def test_events_dyad_demonym_on_the_object_names_the_target_nation(analyzer: Analyzer) -> None:
    a = analyzer("Greece released a Danish trawler near Piraeus on Friday.")
    released = _reported(a, "RETREAT")
    assert released and _names(a, released[0].target) == ["Danish"]
    ent = _entity(a, "Danish")
    assert ent.actor is not None and ent.actor.country == "DNK"
    assert ent.actor.note == "country from the nationality adjective"


def test_entities_demonym_outside_an_argument_makes_no_entity(analyzer: Analyzer) -> None:
    a = analyzer("The Danish trawler sailed north before dawn.")
    assert "Danish" not in [e.name for e in a.entities]


def test_entities_demonym_deep_inside_the_object_makes_no_entity(analyzer: Analyzer) -> None:
    a = analyzer("The court lifted limits on the sale of the Danish cheese.")
    assert "Danish" not in [e.name for e in a.entities]


def test_entities_capitalised_title_without_a_name_is_an_actor(analyzer: Analyzer) -> None:
    a = analyzer("Argentina condemned the Chilean Prime Minister's remarks on Tuesday.")
    condemned = _reported(a, "ACCUSE")
    assert condemned and _names(a, condemned[0].target) == ["Chilean Prime Minister"]
    ent = _entity(a, "Chilean Prime Minister")
    assert ent.actor is not None and ent.actor.country == "CHL"
    assert ent.actor.note == "country from the nationality adjective"


def test_entities_title_of_a_named_person_is_not_an_actor_of_its_own(analyzer: Analyzer) -> None:
    a = analyzer("Chilean Minister of Finance Rodrigo Vergara met the bankers on Monday.")
    assert not [e.name for e in a.entities if e.name.endswith("Minister")]


def test_entities_demonym_before_an_international_body_is_an_actor(analyzer: Analyzer) -> None:
    a = analyzer("Norwegian and UN negotiators signed the accord in Oslo.")
    names = [e.name for e in a.entities]
    assert "Norwegian" in names
    assert _entity(a, "Norwegian").actor is not None and _entity(a, "Norwegian").actor.country == "NOR"


def test_entities_role_noun_in_an_area_of_a_named_place(analyzer: Analyzer) -> None:
    a = analyzer("Rebel fighters in the Idlib countryside said they would hand over their weapons.")
    ent = next(e for e in a.entities if e.name.startswith("Rebel fighters"))
    assert ent.actor is not None and ent.actor.country == "SYR"


def test_events_dyad_the_speakers_own_body_in_reported_speech_is_the_speaker(analyzer: Analyzer) -> None:
    a = analyzer("Prime Minister Keith Rowley announced that the government will extend the curfew in Trinidad.")
    curfew = _reported(a, "THREATEN")
    assert curfew and _names(a, curfew[0].source) == ["Keith Rowley"]


def test_events_dyad_another_nations_body_in_reported_speech_stays(analyzer: Analyzer) -> None:
    a = analyzer("Prime Minister Keith Rowley said the Venezuelan government will extend the curfew in Caracas.")
    curfew = _reported(a, "THREATEN")
    assert curfew and _names(a, curfew[0].source) == ["Venezuelan government"]
