"""Collective and role actors nobody named, and the basis of their country (texts written for newsgraph)."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Entity


def _entity(a: Analysis, text: str) -> Entity | None:
    start = a.text.index(text)
    for e in a.entities:
        if any(m.start == start and m.end == start + len(text) for m in e.mentions):
            return e
    return None


def test_entities_collectives_a_crowd_takes_the_country_of_its_place(analyzer: Analyzer) -> None:
    a = analyzer("Several thousand people marched through Lagos on Friday.")
    crowd = _entity(a, "Several thousand people")
    assert crowd is not None and crowd.kind == "group" and crowd.actor is not None
    assert crowd.actor.code == "NGACVL"
    assert crowd.actor.note == "country from the place of the sentence: Lagos"


def test_entities_collectives_possessor_and_nationality_are_recorded(analyzer: Analyzer) -> None:
    a = analyzer("Ghana's police detained two suspects. Hungarian officials met on Monday.")
    police = _entity(a, "Ghana's police")
    assert police is not None and police.actor is not None and police.actor.code == "GHACOP"
    assert police.actor.note == "country from the possessor"
    officials = _entity(a, "Hungarian officials")
    assert officials is not None and officials.actor is not None and officials.actor.country == "HUN"
    assert officials.actor.note == "country from the nationality adjective"
    suspects = _entity(a, "two suspects")
    assert suspects is not None and suspects.actor is not None and suspects.actor.sector == ("CRM",)


def test_entities_collectives_dateline_is_the_place_of_the_article(analyzer: Analyzer) -> None:
    a = analyzer("ACCRA -- Soldiers arrested a 40-year-old man on Sunday.")
    soldiers = _entity(a, "Soldiers")
    assert soldiers is not None and soldiers.actor is not None and soldiers.actor.code == "GHAMIL"
    assert soldiers.actor.note == "country from the place of the article: ACCRA"
    man = _entity(a, "a 40-year-old man")
    assert man is not None and man.kind == "person"


def test_entities_collectives_no_country_without_a_place(analyzer: Analyzer) -> None:
    a = analyzer("Rioters burned cars overnight.")
    rioters = _entity(a, "Rioters")
    assert rioters is not None and rioters.actor is not None
    # the sector comes from the role noun (the converted Phoenix agents code rioters OPP)
    assert rioters.actor.country is None and rioters.actor.code == rioters.actor.sector[0]


def test_entities_collectives_nouns_that_stand_for_another_actor(analyzer: Analyzer) -> None:
    a = analyzer(
        "Norway withdrew its troops. The foreign minister of Chile praised the deal. "
        "Peru deployed soldiers near the town. A group of Ecuadorian diplomats arrived."
    )
    assert _entity(a, "troops") is None  # the possessor's own
    assert _entity(a, "The foreign minister") is None  # acts for Chile
    assert _entity(a, "soldiers") is None  # forces as the object are the subject's
    assert _entity(a, "the town") is None
    assert _entity(a, "A group") is None  # the diplomats are the actor
    assert _entity(a, "Ecuadorian diplomats") is not None
    a = analyzer("The army shelled rebel-held villages on Monday.")
    assert _entity(a, "rebel") is None  # part of a modifier


def test_entities_collectives_pronouns_refer_to_a_crowd(analyzer: Analyzer) -> None:
    a = analyzer("Protesters gathered in Minsk on Sunday. They attacked the police.")
    crowd = _entity(a, "Protesters")
    assert crowd is not None and any(m.text == "They" and m.kind == "pronoun" for m in crowd.mentions)
    assault = next(e for e in a.events if e.type == "ASSAULT")
    police = _entity(a, "the police")
    assert police is not None
    assert assault.source == (crowd.id,) and assault.target == (police.id,)


def test_entities_collectives_people_nouns_file_errors_name_the_line() -> None:
    import pytest

    from newsgraph.entities.collectives import parse_people_nouns
    from newsgraph.errors import KnowledgeBaseError

    assert parse_people_nouns("# comment\nsuspect\tCRM\n", "f.tsv") == {"suspect": "CRM", "suspects": "CRM"}
    with pytest.raises(KnowledgeBaseError, match="f.tsv:3"):
        parse_people_nouns("# comment\nsuspect\tCRM\nhostage civilians\n", "f.tsv")
