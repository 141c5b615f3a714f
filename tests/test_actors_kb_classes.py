"""Classes of actor-coding errors: places, regions, institutions of a named country, titled people.

Sentences written for these tests; the people, places and bodies are the knowledge base's
(hand-written and converted from the Phoenix dictionaries).
"""

from __future__ import annotations

from event_helpers import actor_named
from newsgraph.records import Actor


def _actor(analyzer, text: str, name: str, published: str = "2019-03-01") -> Actor:  # type: ignore[no-untyped-def]
    return actor_named(analyzer, text, name, published)


def test_actors_institution_takes_the_country_named_with_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _actor(analyzer, "Rwanda's Senate approved the budget on Tuesday.", "Senate").code == "RWALEG"
    assert _actor(analyzer, "The Senate of Rwanda approved the budget.", "Senate").code == "RWALEG"
    # with no other country in the text the knowledge base's body stands
    assert _actor(analyzer, "The Senate approved the budget on Tuesday.", "Senate").code == "USALEG"


def test_actors_world_regions_are_never_a_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Refugees fled across Asia and the Gulf last year."
    asia, gulf = _actor(analyzer, text, "Asia"), _actor(analyzer, text, "Gulf")
    assert (asia.code, asia.country) == ("ASA", None) and (gulf.code, gulf.country) == ("PGS", None)
    central = _actor(analyzer, "Central America faces a drought, officials in Guatemala said.", "Central America")
    assert central.country is None and "region" in (central.note or "")


def test_actors_us_state_is_usa(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _actor(analyzer, "Protesters marched in Colorado on Sunday.", "Colorado").country == "USA"


def test_actors_ambiguous_place_settled_by_the_article(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Peterborough is a city in England and one in Ontario: the article's other mentions decide
    text = "Floods hit Peterborough on Monday, Canadian officials said, as Canada and Ottawa prepared aid."
    assert _actor(analyzer, text, "Peterborough").country == "CAN"
    alone = _actor(analyzer, "Officials in Peterborough said the river rose.", "Peterborough")
    assert alone.code is None  # nothing settles it: uncoded, never the nearest guess


def test_actors_titled_unknown_person_gets_country_from_the_text(analyzer) -> None:  # type: ignore[no-untyped-def]
    name = "Zorbel Qasimov"  # not in the knowledge base
    for text in (
        "Lebanese President Zorbel Qasimov met the visiting delegation.",
        "Lebanon's president, Zorbel Qasimov, met the visiting delegation.",
        "Foreign Minister Zorbel Qasimov of Lebanon met the delegation.",
    ):
        assert _actor(analyzer, text, name).code == "LBNGOV", text


def test_actors_office_holder_from_the_dictionaries(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Michel Suleiman is in the converted Phoenix people file (president of Lebanon 2008-2014)
    actor = _actor(analyzer, "President Michel Suleiman met the visiting delegation.", "Michel Suleiman", "2010-03-01")
    assert actor.code == "LBNGOV" and "knowledge base" in (actor.note or "")


def test_actors_igo_official_codes_as_the_igo(analyzer) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(analyzer, "Kofi Annan urged restraint.", "Kofi Annan", "2003-03-01")
    assert actor.code == "IGOUNO" and actor.igo == "UNO"


def test_actors_people_named_by_demonyms(analyzer) -> None:  # type: ignore[no-untyped-def]
    for text in ("Bosnian Serbs rejected the plan on Sunday.", "The Bosnian Serbs blocked the road."):
        assert _actor(analyzer, text, "Bosnian Serbs").code == "BIHCVL", text
