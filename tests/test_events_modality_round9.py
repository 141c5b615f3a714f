"""Modality and "no act" guards, ninth round of issue 11: negations that are no refusal, hedged,
habitual and standing acts, infinitives and gerunds the parse detaches from their governor,
questions about a stance, attitudes (sentences written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_types
from newsgraph.pipeline import Analyzer

_reported = reported_types


def test_events_round9_a_plain_negation_with_no_counterpart_is_no_refusal(analyzer: Analyzer) -> None:
    assert "REJECT" not in _reported(analyzer("Senator Warren didn't apologize for her remarks."))
    assert "REJECT" not in _reported(analyzer("Senator Warren does not defend it."))


def test_events_round9_a_negated_ability_is_a_stance_not_a_refusal(analyzer: Analyzer) -> None:
    assert "REJECT" not in _reported(analyzer("Senator Cruz says he cannot allow Senator Warren to win."))


def test_events_round9_announced_and_addressed_refusals_stay(analyzer: Analyzer) -> None:
    assert "REJECT" in _reported(analyzer("Mexico will not meet Senator Cruz."))
    assert "REJECT" in _reported(analyzer("Israel did not agree to the ceasefire with Hamas."))


def test_events_round9_a_hedged_act_is_a_likelihood(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _reported(analyzer("The president of Chile probably met the president of Peru."))


def test_events_round9_a_past_habit_with_would_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Senator Cruz said senators would sometimes dismiss her proposals, only to praise the same ideas later.")
    assert not _reported(a) & {"REJECT", "SUPPORT", "AGREE"}


def test_events_round9_a_detached_infinitive_keeps_its_governor(analyzer: Analyzer) -> None:
    a = analyzer(
        "Senator Warren wants to triple the size of the program, grow the Peace Corps and create a new reserve"
        " program with Mexico."
    )
    assert "MOBILIZE" not in _reported(a)


def test_events_round9_a_gerund_talked_about_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Senator Cruz has mentioned refinancing loans and forcing universities to help students.")
    assert "COERCE" not in _reported(a)
    assert "COERCE" not in _reported(analyzer("The president of Chile discussed imposing sanctions on Peru."))


def test_events_round9_a_question_about_a_stance_is_no_act(analyzer: Analyzer) -> None:
    assert "REJECT" not in _reported(analyzer("Why do you still refuse to meet President Putin?"))
    assert "ACCUSE" in _reported(analyzer("Why did France criticize Germany?"))  # presupposed


def test_events_round9_an_attitude_is_no_act(analyzer: Analyzer) -> None:
    assert "SUPPORT" not in _reported(analyzer("Our support for Senator Warren is not abstract."))
    assert "SUPPORT" not in _reported(analyzer("Millions of Americans supporting Senator Cruz are angry."))


def test_events_round9_a_hedged_or_asked_condition_derives_no_intent(analyzer: Analyzer) -> None:
    a = analyzer("If Kaine becomes vice president, Virginia would probably host the talks with Mexico in 2017.")
    assert "AGREE" not in _reported(a)
    a = analyzer("If the army of Chile were to attack Peru, how strongly should Bolivia retaliate against Chile?")
    assert "THREATEN" not in _reported(a)


def test_events_round9_a_scheduled_act_inside_a_condition_is_hypothetical(analyzer: Analyzer) -> None:
    a = analyzer("Scholars modeled what would happen if the army of Chile were to attack Peru.")
    assert not _reported(a) & {"ASSAULT", "THREATEN"}


def test_events_round9_a_question_cut_by_an_ellipsis_is_still_asked(analyzer: Analyzer) -> None:
    a = analyzer("She asked the president: “And why do you still refuse to meet the leaders of … Mexico?”")
    assert "REJECT" not in _reported(a)


def test_events_round9_a_habit_noun_and_a_hard_infinitive_state_no_act(analyzer: Analyzer) -> None:
    a = analyzer("“I am not in the habit of praising senators who attack my wife,” Senator Cruz said in July.")
    assert "SUPPORT" not in _reported(a)
    a = analyzer("Senator Cruz will also find it difficult to repeat his attacks on Senator Warren.")
    assert "ACCUSE" not in _reported(a)


def test_events_round9_a_polls_should_is_no_demand(analyzer: Analyzer) -> None:
    a = analyzer("A Gallup poll found that 74 percent of likely voters said Senator Cruz should release his tax returns.")
    assert "REQUEST" not in _reported(a)
    assert "REQUEST" in _reported(analyzer("Senator Warren said Senator Cruz should release his tax returns."))


def test_events_round9_a_hoped_future_is_a_wish_not_an_announcement(analyzer: Analyzer) -> None:
    a = analyzer("The president of France said he hoped it would encourage a dialogue between Chile and Peru.")
    assert not _reported(a) & {"SUPPORT", "AGREE"}


def test_events_round9_an_infinitive_detached_from_its_plan_noun_is_planned(analyzer: Analyzer) -> None:
    a = analyzer("Steyer announced plans this week to give an additional $15 million to the government of Mexico.")
    assert "AID" not in _reported(a)
