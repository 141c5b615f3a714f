"""Round-10 frame rules (issue 11): the type an act's frame gives to promises and agreement.
Each rule on sentences written for newsgraph, with the event beside it that must survive."""

from __future__ import annotations

from event_helpers import reported_codes
from newsgraph.events.lexicon import load_lexicon
from newsgraph.pipeline import Analyzer

_reported = reported_codes


def test_events_round10_a_promise_of_a_conflictual_act_is_a_threat(analyzer: Analyzer) -> None:
    a = _reported(analyzer("The Security Council pledged to impose further sanctions on North Korea."))
    assert a.get("THREATEN") == "131" and "AGREE" not in a
    a = _reported(analyzer("Senator Smith has repeatedly pledged to ban all Muslims from entering the country."))
    assert a.get("THREATEN") == "132" and "AGREE" not in a
    a = _reported(analyzer("The White House promised Congress a veto of the bill."))
    assert "THREATEN" in a and "AGREE" not in a
    a = _reported(analyzer("Russia committed to attacking Ukraine."))
    assert a.get("THREATEN") == "138"
    # a promise of a cooperative act stays an intent to cooperate
    a = _reported(analyzer("Japan promised to send aid to Haiti."))
    assert "AGREE" in a and "THREATEN" not in a


def test_events_round10_agreeing_on_what_a_thing_will_do_is_an_opinion(analyzer: Analyzer) -> None:
    a = _reported(analyzer("All the experts agreed that Senator Smith's proposal would increase taxes on the rich."))
    assert "AGREE" not in a
    # what actors will do, what should be done, and an event to come stay agreements
    assert "AGREE" in _reported(analyzer("France and Germany agreed that they would meet again in May."))
    assert "AGREE" in _reported(analyzer("Russia and the United States agreed that talks on Syria would resume next week."))


def test_events_round10_a_thing_promises_or_offers_nothing(analyzer: Analyzer) -> None:
    assert "AGREE" not in _reported(analyzer("Senator Smith's tax proposals offer a stark alternative to Governor Jones's."))
    assert "AGREE" not in _reported(analyzer("President Obama leaves rules that promise to transform the economy of Ohio."))
    assert "AGREE" in _reported(analyzer("Senator Smith offered to meet Governor Jones in Dayton."))


def test_events_round10_a_promise_to_no_one_is_no_event(analyzer: Analyzer) -> None:
    assert "AGREE" not in _reported(analyzer("Senator Smith is promising lower taxes and more jobs."))
    # a promise made to someone, or of an act, stays
    assert "AGREE" in _reported(analyzer("British Defence Secretary Tom King promised military aid to Mozambique."))
    assert "AGREE" in _reported(analyzer("Governor Jones promised to continue supporting Senator Smith."))


def test_events_round10_taking_part_is_what_one_takes_part_in(analyzer: Analyzer) -> None:
    assert "AGREE" not in _reported(analyzer("More than 100,000 teachers took part in a nationwide walk-in in Ohio."))
    a = _reported(analyzer("Iran took part in talks with the United States in Geneva."))
    assert "CONSULT" in a and "AGREE" not in a


def test_events_round10_word_classes_present() -> None:
    lex = load_lexicon()
    assert {"promise", "pledge", "vow"} <= set(lex.word_class("promise"))
    assert lex.word_class("threat")["172"] == "132"
    assert "nations" in lex.word_class("actor_noun")


def test_events_round10_an_attitude_as_subject_is_no_act(analyzer: Analyzer) -> None:
    assert "SUPPORT" not in _reported(analyzer("Senator Smith's support among young voters in Ohio still lags."))
    assert "SUPPORT" in _reported(analyzer("Senator Smith renewed his support for Governor Jones."))


def test_events_round10_a_warning_of_what_a_thing_will_do_is_a_prediction(analyzer: Analyzer) -> None:
    a = analyzer("Leaders of Poland warned that the exit of Britain will sap the defence capabilities of Europe.")
    assert "THREATEN" not in _reported(a)
    # an actor's act to come, an event noun, or a condition stays a threat
    assert "THREATEN" in _reported(analyzer("Iran warned the United States that it would retaliate."))
    assert "THREATEN" in _reported(analyzer("Russia warned Ukraine that sanctions would follow."))
    a = analyzer("Russia warned Ukraine that the consequences would be severe if it joined NATO.")
    assert "THREATEN" in _reported(a)
