"""Modality, sixth round of issue 11: obligations, allegations, orders, inability and warnings that
announce no act (sentences written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_types
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _kinds(a: Analysis) -> set[tuple[str, str, str]]:
    return {(e.type, e.polarity, e.modality) for e in a.events}


_reported = reported_types


def test_events_modality_an_obligation_is_no_act(analyzer: Analyzer) -> None:
    assert ("RETREAT", "asserted", "hypothetical") in _kinds(analyzer("France has to withdraw its troops from Mali."))


def test_events_modality_an_allegation_noun_or_verb_is_not_asserted(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _reported(analyzer("The charge that the army of Peru attacked Chile angered Lima."))
    k = _kinds(analyzer("Chile charged that the army of Peru attacked its embassy."))
    assert ("ACCUSE", "asserted", "actual") in k  # the charge is the event
    assert ("ASSAULT", "asserted", "actual") not in k


def test_events_modality_a_prediction_is_not_asserted(analyzer: Analyzer) -> None:
    a = analyzer("Analysts predicted that Russia attacks Ukraine in May.")
    assert "ASSAULT" not in _reported(a)


def test_events_modality_what_an_order_or_a_purpose_wants_is_not_done(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _reported(analyzer("The army of Chile was sent in order to attack the rebels."))
    assert "COERCE" not in _reported(analyzer("Mali's president issued an order to arrest the opposition leader."))


def test_events_modality_unable_is_negated(analyzer: Analyzer) -> None:
    assert ("ACCUSE", "negated", "actual") in _kinds(analyzer("Obama will be unable to accuse Russia."))


def test_events_modality_a_warning_that_announces_no_act_is_no_threat(analyzer: Analyzer) -> None:
    a = analyzer("The president of France warned that the economy of Germany was collapsing.")
    assert "THREATEN" not in _reported(a)
    assert "THREATEN" in _reported(analyzer("Russia warned Ukraine that it will retaliate."))


def test_events_senses_a_role_noun_is_no_event(analyzer: Analyzer) -> None:
    # "aides" lemmatised to "aid" names people, not aid
    assert "AID" not in _reported(analyzer("Macron's aides were also complimentary about the speech."))


def test_events_senses_agreeing_on_a_state_is_an_opinion(analyzer: Analyzer) -> None:
    a = analyzer("Senator Warren agreed with Senator Sanders that there was no reason to delay the vote.")
    assert "AGREE" not in _reported(a)
    a = analyzer("Independent analysts agree the rich would be the biggest winners of the plan of Senator Cruz.")
    assert "AGREE" not in _reported(a)


def test_events_senses_an_act_towards_private_people_is_no_event(analyzer: Analyzer) -> None:
    assert "SUPPORT" not in _reported(analyzer("Senator Warner welcomed several hundred guests at his farm."))
