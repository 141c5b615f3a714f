"""Round-5 guards against false events on whole articles (issue 11): each rule on sentences
written for newsgraph, with the event beside it that must survive."""

from __future__ import annotations

from event_helpers import reported_types
from newsgraph.pipeline import Analyzer

_reported = reported_types


def test_events_round5_violence_on_oneself_is_no_attack(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _reported(analyzer("The senator has surrounded himself with loyal advisers from Moscow."))
    # a bomber who blew himself up attacked others
    assert "ASSAULT" in _reported(analyzer("A suicide bomber blew himself up outside the embassy of Iraq in Kabul."))


def test_events_round5_an_attempt_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Environmental groups in Ohio are trying to force the mining company to close the plant.")
    assert not _reported(a) & {"COERCE", "THREATEN"}
    assert "COERCE" in _reported(analyzer("Environmental groups in Ohio forced the mining company to close the plant."))
    # a past attempt was an act
    a = analyzer("Protesters in Lyon attempted to block traffic on Friday.")
    assert "PROTEST" in _reported(a)


def test_events_round5_a_power_to_act_is_no_act(analyzer: Analyzer) -> None:
    assert "COERCE" not in _reported(analyzer("The law gives the governor of Ohio the power to arrest the mayor of Dayton."))
    assert "SUPPORT" not in _reported(analyzer("Several mayors doubt the wisdom of supporting Governor Jones."))
    assert "SUPPORT" in _reported(analyzer("Several mayors are supporting Governor Jones."))


def test_events_round5_agreeing_that_something_is_so_is_an_opinion(analyzer: Analyzer) -> None:
    assert "AGREE" not in _reported(analyzer("Governor Jones of Ohio agreed with reporters that Senator Smith won the debate."))
    assert "AGREE" in _reported(analyzer("Officials of Chile and Peru agreed that their countries should cooperate."))
    assert "AGREE" in _reported(analyzer("Russia and the United States agreed that talks on Syria would resume next week."))
    assert "AGREE" in _reported(analyzer("Russia agreed to meet Turkey in Geneva."))


def test_events_round5_an_emergency_instruction_is_no_demand(analyzer: Analyzer) -> None:
    a = analyzer("After a chlorine spill at a plant near Dayton, the mayor ordered residents to stay inside.")
    assert not _reported(a) & {"REQUEST", "COERCE"}
    assert "REQUEST" in _reported(analyzer("The governor of Texas urged residents to vote against the bill."))


def test_events_round5_a_poll_share_is_no_supporter(analyzer: Analyzer) -> None:
    a = analyzer("In the poll, Senator Clinton was supported by 42 percent of those responding.")
    assert "SUPPORT" not in _reported(a)


def test_events_round5_defending_ones_own_conduct_is_no_support(analyzer: Analyzer) -> None:
    assert not _reported(analyzer("Donald Trump's campaign is defending his early-morning tweets."))
    assert not _reported(analyzer("The mayor said Trump cannot defend his own record."))
    assert "SUPPORT" in _reported(analyzer("The president of France defended the refugees from Syria."))


def test_events_round5_a_thing_that_should_do_something_is_asked_nothing(analyzer: Analyzer) -> None:
    assert "REQUEST" not in _reported(analyzer("Chris Matthews said Pence's performance should boost Trump's poll numbers."))
    assert "REQUEST" in _reported(analyzer("Senator Smith said the government of Chile must release the prisoners."))


def test_events_round5_meeting_a_standard_is_no_meeting(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _reported(analyzer("Only four NATO countries meet the bar set by the alliance."))
    assert "CONSULT" in _reported(analyzer("The president of Chile met the ambassador of Peru on Monday."))


def test_events_round5_a_question_is_no_demand(analyzer: Analyzer) -> None:
    assert "REQUEST" not in _reported(analyzer("Asked to describe the bomb, Police Commissioner Smith of New York said nothing."))
    assert "REQUEST" in _reported(analyzer("The family of the victim asked the police to release the video."))
    a = analyzer("The video shows Smith calmly leaving his car when asked to do so by police officers from Ohio.")
    assert "REQUEST" in _reported(a)


def test_events_round5_word_classes_present() -> None:
    from newsgraph.events.lexicon import load_lexicon

    lex = load_lexicon()
    for cls in ("generic", "temporal", "attempt", "public", "standard"):
        assert lex.word_class(cls), cls
