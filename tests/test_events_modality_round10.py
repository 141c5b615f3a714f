"""Modality on whole articles, tenth round of issue 11: avoidance and prevention, conditions on an
event noun and on a reported obligation, conditions without "if", an event noun whose clause is
forecast, objects that range over a kind, "neither ... nor" (sentences written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_types
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event

_reported = reported_types


def _at(a: Analysis, trigger: str) -> list[Event]:
    return [e for e in a.events if e.trigger.text == trigger]


def test_events_round10_an_act_someone_steers_clear_of_is_not_done(analyzer: Analyzer) -> None:
    a = analyzer(
        "The White House said the leaks show the need for reform. But it is steering clear of criticizing"
        " Trump for taking advantage of deductions."
    )
    assert "ACCUSE" not in _reported(a)
    assert [e.polarity for e in _at(a, "criticizing")] == ["negated"]
    a = analyzer("Senator Warren shied away from attacking President Putin.")
    assert not _reported(a)


def test_events_round10_a_governor_the_tagger_took_for_a_noun_still_governs(analyzer: Analyzer) -> None:
    # "Trump avoids" is parsed as a noun compound with "condemning" hanging on "avoids"
    a = analyzer("Trump avoids condemning Russia's invasion of Ukraine.")
    assert "ACCUSE" not in _reported(a)


def test_events_round10_an_act_kept_from_happening_is_negated_and_no_refusal(analyzer: Analyzer) -> None:
    a = analyzer("In 1986, the Supreme Court blocked a New Jersey company from abandoning its plants in bankruptcy.")
    assert "CONCEDE" not in _reported(a)
    assert [e.polarity for e in _at(a, "abandoning")] == ["negated"]
    assert "REJECT" not in _reported(a)  # the company refused nothing
    a = analyzer("The police stopped Senator Cruz from visiting the embassy of Mexico.")
    assert "CONSULT" not in _reported(a)


def test_events_round10_a_protest_stopped_by_force_is_still_a_protest(analyzer: Analyzer) -> None:
    a = analyzer("The police stopped the protesters from marching to the embassy.")
    assert "PROTEST" in _reported(a)


def test_events_round10_an_event_noun_in_a_condition_is_hypothetical(analyzer: Analyzer) -> None:
    a = analyzer("If Obama's veto were overridden, the United States would suffer.")
    assert [e.modality for e in _at(a, "veto")] == ["hypothetical"]


def test_events_round10_an_event_noun_whose_clause_is_a_forecast_is_not_actual(analyzer: Analyzer) -> None:
    a = analyzer("Obama's veto is expected to come before the deadline at midnight Friday.")
    assert "REJECT" not in _reported(a)


def test_events_round10_a_condition_without_if_is_a_condition(analyzer: Analyzer) -> None:
    a = analyzer("Were Iran to attack Israel, the United States says it will defend Israel.")
    assert "ASSAULT" not in _reported(a)
    assert [e.modality for e in _at(a, "attack")] == ["hypothetical"]


def test_events_round10_a_reported_obligation_under_a_condition_is_no_demand(analyzer: Analyzer) -> None:
    a = analyzer("Hollande said that if the United States makes a choice to pull back, Europe must be able to defend itself.")
    assert "REQUEST" not in _reported(a)
    assert "REQUEST" in _reported(analyzer("Hollande said Iran must stop enrichment."))


def test_events_round10_an_object_that_ranges_over_a_kind_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Russia and China have backed one warring party or another.")
    assert "SUPPORT" not in _reported(a)
    assert "SUPPORT" in _reported(analyzer("Russia and China have backed the government of Syria."))


def test_events_round10_neither_nor_denies_the_act(analyzer: Analyzer) -> None:
    a = analyzer("Neither Clinton nor her allies have been charged with any crime.")
    assert "ACCUSE" not in _reported(a)
    assert [e.polarity for e in _at(a, "charged")] == ["negated"]


def test_events_round10_a_reluctance_to_act_states_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Germany's reluctance to send troops to Mali angered France.")
    assert "MOBILIZE" not in _reported(a)


def test_events_round10_a_bid_in_the_imperative_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("“Stop bombing Aleppo,” Senator Warren told President Putin.")
    assert "RETREAT" not in _reported(a)
    a = analyzer("Senator Warren told President Putin: “Stop bombing Aleppo.”")
    assert "RETREAT" not in _reported(a)
    a = analyzer("Promise mama you'll keep your hands in sight, Blige sings to Clinton.")
    assert "AGREE" not in _reported(a)


def test_events_round10_a_stance_the_narration_describes_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Senator Cruz openly backs President Putin of Russia.")
    assert "SUPPORT" not in _reported(a)
    a = analyzer("The governor of Texas is supported by the mayor of Houston.")
    assert "SUPPORT" not in _reported(a)
    a = analyzer("The spokesman of Saudi Arabia said that they support the call of the UN for a ceasefire.")
    assert "SUPPORT" in _reported(a)  # a stance stated is a statement of support
