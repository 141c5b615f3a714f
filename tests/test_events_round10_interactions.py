"""Round 10 of issue 11: which events are political interactions (texts written for newsgraph)."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event


def _at(a: Analysis, trigger: str) -> list[Event]:
    return [e for e in a.events if e.trigger.text == trigger]


def test_events_business_loan_between_firms_is_no_political_event(analyzer: Analyzer) -> None:
    # both sides named and private (BUS): no state, political or organised actor involved
    a = analyzer("Other investors lent the company $5 million.")
    assert not _at(a, "lent")


def test_events_private_actor_addressing_a_state_body_stays(analyzer: Analyzer) -> None:
    a = analyzer("A Dayton woman urged the Ohio legislature to ban the landfill.")
    assert _at(a, "urged")


def test_events_private_protest_stays(analyzer: Analyzer) -> None:
    # material conflict (a protest, an attack) is coded whoever does it
    a = analyzer("Hundreds of residents of Dayton, Ohio, protested against the new landfill.")
    assert _at(a, "protested")
