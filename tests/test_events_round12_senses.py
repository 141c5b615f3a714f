"""Round-12 frame rules (issue 11): false events on whole articles that the trigger's object or
clause rules out (events/patient_senses.py). Each rule on sentences written for newsgraph, with
the real event beside it that must survive."""

from __future__ import annotations

from event_helpers import reported_codes
from newsgraph.events.lexicon import load_lexicon
from newsgraph.pipeline import Analyzer

_reported = reported_codes


def test_events_round12_the_doers_own_family_is_private(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _reported(analyzer("Senator Smith met his wife, a native of Peru, while hiking in the Andes."))
    assert "REQUEST" not in _reported(analyzer("Governor Jones urged her husband to stay home."))
    assert "CONSULT" not in _reported(analyzer("Senator Smith met his son in Paris."))
    # someone else's family, or a political counterpart, stays
    assert "CONSULT" in _reported(analyzer("Governor Jones met the president's wife in Paris."))
    assert "CONSULT" in _reported(analyzer("Senator Smith met President Xi in Beijing."))


def test_events_round12_a_guarded_place_or_client_is_no_verbal_support(analyzer: Analyzer) -> None:
    assert "SUPPORT" not in _reported(analyzer("Europe's borders are being defended by its weakest countries."))
    assert "SUPPORT" not in _reported(analyzer("The lawyer defended people accused of murder in four cases."))
    a = analyzer("Chancellor Angela Merkel defended Germany's decision to take in refugees.")
    assert "SUPPORT" in _reported(a)


def test_events_round12_a_duty_described_is_no_act(analyzer: Analyzer) -> None:
    a = analyzer("Mr. Smith's job was to assist Ukraine.")
    assert not {"AID", "AGREE"} & set(_reported(a))
    assert not [e for e in a.events if e.type in ("AID", "AGREE")]
    a = analyzer("The Ukrainian government asked the United States to assist Ukraine.")
    assert "REQUEST" in _reported(a) and [e for e in a.events if e.type == "AID"]


def test_events_round12_a_rate_of_acts_is_no_event(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _reported(analyzer("It is a pace of killing unknown to most Americans."))
    assert "ASSAULT" in _reported(analyzer("Police killed two protesters in Ohio."))


def test_events_round12_a_motion_verb_with_no_place_object_pays_no_visit(analyzer: Analyzer) -> None:
    a = analyzer("Mr. Smith, who heads the Center for Policy Studies in Ohio, said the plan would fail.")
    assert "CONSULT" not in _reported(a)
    assert "CONSULT" in _reported(analyzer("President Obama visited the Pentagon on Monday."))


def test_events_round12_an_interaction_with_oneself_is_none(analyzer: Analyzer) -> None:
    a = analyzer("Donald Trump spoke in Ohio. He has accepted himself and no one will change him.")
    assert "AGREE" not in _reported(a)
    assert "ACCUSE" in _reported(analyzer("Turkey distanced itself from Russia."))


def test_events_round12_a_thing_executed_is_carried_out(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _reported(analyzer("A worldwide terror campaign is being executed by the very people in Ohio."))
    assert "ASSAULT" not in _reported(analyzer("A terror campaign was executed by people in Ohio against the government."))
    assert "ASSAULT" in _reported(analyzer("Two prisoners were executed by the government in Iran on Monday."))


def test_events_round12_a_quantity_that_explodes_grows(analyzer: Analyzer) -> None:
    a = analyzer("America's prison population stood at 200,000 in 1972 and has since exploded to hold two million inmates.")
    assert "ASSAULT" not in _reported(a)


def test_events_round12_a_name_given_is_no_request(analyzer: Analyzer) -> None:
    a = analyzer("Mehmet Oz has been called a charlatan by fellow physicians for promoting medical cures.")
    assert "REQUEST" not in _reported(a)
    assert "REQUEST" in _reported(analyzer("The union called on the government to raise wages."))


def test_events_round12_one_persons_view_of_what_should_be_done_is_an_opinion(analyzer: Analyzer) -> None:
    assert "AGREE" not in _reported(analyzer("Senator Smith agreed that the rules should be changed."))
    # two parties, a partner, or an actor to do it: an agreement
    assert "AGREE" in _reported(analyzer("Senator Smith and Governor Jones agreed that the rules should be changed."))
    assert "AGREE" in _reported(analyzer("Senator Smith agreed with Governor Jones that the rules should be changed."))
    assert "AGREE" in _reported(analyzer("Senator Smith agreed that Russia should withdraw its troops."))


def test_events_round12_a_past_stance_held_as_a_habit_is_a_standing_attitude(analyzer: Analyzer) -> None:
    a = analyzer("Mr. Schultz generally supported Democrats during his time on the radio show.")
    assert "SUPPORT" not in _reported(a)
    assert "SUPPORT" in _reported(analyzer("Mr. Schultz supported Democrats in the 2012 election."))
    # a past habit of acts reports acts that happened
    assert "ASSAULT" in _reported(analyzer("Rebels frequently clashed with government troops in 2015."))


def test_events_round12_word_classes_present() -> None:
    lex = load_lexicon()
    for cls, word in (
        ("kin", "wife"),
        ("defence", "defend"),
        ("defended", "border"),
        ("duty", "job"),
        ("rate", "pace"),
        ("place_noun", "country"),
        ("quantity", "population"),
        ("undertaking", "campaign"),
    ):
        assert word in lex.word_class(cls), (cls, word)
