"""Ethnic groups are coded by the country they live in; participles place descriptions (texts written for newsgraph)."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.records import Actor


def _actor(analyzer: Analyzer, text: str, fragment: str) -> Actor:
    for e in analyzer(text).entities:
        if fragment in e.name and e.actor is not None:
            return e.actor
    raise AssertionError(f"no entity like {fragment!r}")


def test_actors_ethnic_group_takes_the_country_it_acts_in(analyzer: Analyzer) -> None:
    a = _actor(analyzer, "Ethnic Serb militias operating in Kosovo blocked two roads on Monday.", "Serb")
    assert a.country == "XKX"
    assert a.note is not None and a.note.startswith("ethnic group")


def test_actors_nationality_without_ethnic_keeps_its_country(analyzer: Analyzer) -> None:
    a = _actor(analyzer, "Serbian militias operating in Kosovo blocked two roads on Monday.", "Serbian")
    assert a.country == "SRB"


def test_actors_ethnic_group_with_no_place_keeps_the_nationality(analyzer: Analyzer) -> None:
    a = _actor(analyzer, "Ethnic Albanian guerrillas blocked two roads on Monday.", "Albanian")
    assert a.country == "ALB"
