"""Actors of round 8 of issue 11: the place named later in the sentence as the target of an act
that names no one else (texts written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_of_type
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[i] for i in ids]


_reported = reported_of_type


def test_events_dyad_later_place_is_the_target_of_an_act_aimed_at_no_one(analyzer: Analyzer) -> None:
    a = analyzer(
        "Governor Alma Ferreira resigned on Tuesday, after weeks of strikes demanding her removal in Paraguay."
    )
    resign = [e for e in a.events if e.trigger.text == "resigned"]
    assert resign and _names(a, resign[0].target) == ["Paraguay"]


def test_events_dyad_later_place_not_for_a_joint_act(analyzer: Analyzer) -> None:
    # several sources: the parties are each other's counterparts, not the place's
    a = analyzer(
        "Senior Chilean and Peruvian officials agreed on Monday that their countries should cooperate"
        " to encourage Peruvian migrants in Chile to go home."
    )
    agree = _reported(a, "AGREE")
    assert agree and "Chile" not in _names(a, agree[0].target)
