"""Round 12 of issue 11: sentences with no event at all because their one actor is a description
that nothing places (texts written for newsgraph). A description of the state or of an armed or
political body is an actor a coder records without a country, and so is the doer of a protest or
of violence; private people doing anything else are not."""

from __future__ import annotations

from event_helpers import reported_of_type
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _source_names(a: Analysis, type_: str) -> list[str]:
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[x] for e in reported_of_type(a, type_) for x in e.source]


def test_events_armed_group_without_a_country_is_an_actor(analyzer: Analyzer) -> None:
    a = analyzer("Rebels fired shells into two villages near the river on Friday night.")
    assert _source_names(a, "ASSAULT") == ["Rebels"]


def test_events_militia_violating_a_truce_is_an_actor(analyzer: Analyzer) -> None:
    a = analyzer("Militias violated the truce 40 times overnight.")
    assert _source_names(a, "ASSAULT") == ["Militias"]


def test_events_officials_without_a_country_are_an_actor(analyzer: Analyzer) -> None:
    a = analyzer("Customs officials ordered an investigation against the harbour agents over alleged fraud.")
    assert _source_names(a, "ACCUSE") == ["Customs officials"]


def test_events_protesters_are_the_doers_of_their_protest(analyzer: Analyzer) -> None:
    a = analyzer("Hundreds of protesters blocked the main road for a third day on Monday.")
    assert _source_names(a, "PROTEST") == ["Hundreds of protesters"]


def test_events_private_people_alone_doing_no_protest_are_no_actor(analyzer: Analyzer) -> None:
    # a lone description of private people praising, or of no one at all, stays no event
    assert not analyzer("Hundreds of students praised the new library on Monday.").events
    a = analyzer("Experts say the tests underscore the regime's determination to deploy the warheads.")
    assert not reported_of_type(a, "MOBILIZE")
