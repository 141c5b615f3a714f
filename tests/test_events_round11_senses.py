"""Round-11 frame rules (issue 11): false events round 10 left or exposed. Each rule on sentences
written for newsgraph, with the real event beside it that must survive."""

from __future__ import annotations

from event_helpers import reported_codes
from newsgraph.events.lexicon import load_lexicon
from newsgraph.pipeline import Analyzer

_reported = reported_codes


def test_events_round11_a_warning_of_what_a_thing_is_is_no_threat(analyzer: Analyzer) -> None:
    a = analyzer("Mr. Smith warned that the Ohio History Museum would not be a panacea for the state's troubles.")
    assert "THREATEN" not in _reported(a)
    assert "THREATEN" in _reported(analyzer("Russia warned Ukraine that it would retaliate."))
    assert "THREATEN" in _reported(analyzer("Russia warned Ukraine that there would be consequences."))
    a = analyzer("Russia warned that the consequences would be severe if Ukraine joined NATO.")
    assert "THREATEN" in _reported(a)


def test_events_round11_a_gerund_under_a_stance_is_no_act(analyzer: Analyzer) -> None:
    assert "AID" not in _reported(analyzer("The opponents of taking in migrants rallied in Berlin."))
    a = _reported(analyzer("Supporters of sending aid to Ukraine met in Paris."))
    assert "AID" not in a and "CONSULT" in a
    assert "AID" in _reported(analyzer("Germany agreed to take in migrants from Syria, and Berlin began taking in migrants."))


def test_events_round11_a_thing_gives_no_permission(analyzer: Analyzer) -> None:
    a = analyzer("The Ohio History Museum's exhibits put the war into context, allowing people to see the progress.")
    assert not {"AGREE", "CONCEDE"} & set(_reported(a))
    a = analyzer("The Ohio visa program, which allows foreign investors to gain citizenship, is being debated again.")
    assert not {"AGREE", "CONCEDE"} & set(_reported(a))
    a = analyzer("North Korea said the new test now allows Pyongyang to produce nuclear warheads.")
    assert not {"AGREE", "CONCEDE"} & set(_reported(a))
    # a country lets someone do something
    assert "CONCEDE" in _reported(analyzer("Egypt permitted the refugees to cross the border."))


def test_events_round11_a_thing_pays_no_visit(analyzer: Analyzer) -> None:
    a = analyzer("Governor Jones did appoint several women to key posts, but a vast majority of his senior appointments went to men.")
    assert "CONSULT" not in _reported(a)
    assert "CONSULT" in _reported(analyzer("President Obama went to Cuba in March."))


def test_events_round11_a_march_toward_a_date_is_figurative(analyzer: Analyzer) -> None:
    assert "PROTEST" not in _reported(analyzer("Senator Smith continued her march toward Election Day."))
    assert "PROTEST" in _reported(analyzer("Protesters marched on parliament."))


def test_events_round11_money_looted_is_no_riot(analyzer: Analyzer) -> None:
    a = analyzer(
        "According to a civil complaint filed by the Ohio Securities Commission, the developers engaged in a"
        ' "massive fraudulent scheme" in which they "systematically looted" millions of dollars from the investors.'
    )
    assert "PROTEST" not in _reported(a)
    assert "PROTEST" in _reported(analyzer("Rioters looted shops in Paris."))


def test_events_round11_word_classes_present() -> None:
    lex = load_lexicon()
    assert {"opponent", "supporter", "advocate"} <= set(lex.word_class("attitude_agent"))
    assert {"allow", "permit", "let"} <= set(lex.word_class("permission"))
