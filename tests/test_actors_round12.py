"""Actor codes of the slots of real events on whole articles (round 12): a state named like a
country ("New Jersey", "Indiana"), a lower-case word resembling a party's name, a legislature's
floor leaders, a surname coded by its sector alone, a person named often beside one foreign body."""

from __future__ import annotations

from event_helpers import actor_named
from newsgraph.actors import code_phrase
from newsgraph.kb import load_kb

_actor = actor_named


def test_actors_state_named_like_a_territory() -> None:
    # "Jersey" (JEY) is the end of "New Jersey", a US state: the longer place is what the phrase names
    assert code_phrase(load_kb(), "two New Jersey police officers").match.country == "USA"  # type: ignore[union-attr]
    assert code_phrase(load_kb(), "Jersey police").match.country == "JEY"  # type: ignore[union-attr]


def test_actors_lower_case_word_is_no_fuzzy_party() -> None:
    # "conservative" is a common word here, not the Conservative Party's "conservatives"
    assert code_phrase(load_kb(), "conservative radio host", min_confidence=0.9).match is None
    assert code_phrase(load_kb(), "conservative radio host", min_confidence=0.9).sector == "MED"


def test_actors_floor_leaders_are_legislators() -> None:
    # "minority" alone is civilians (CVL); a chamber's minority or majority leader is LEG
    assert code_phrase(load_kb(), "Senate Minority Leader").sector == "LEG"
    assert code_phrase(load_kb(), "House majority whip").sector == "LEG"


def test_actors_place_named_exactly_beats_a_fuzzy_demonym(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "Indiana" resembles "Indian" (IND) but is a US state
    text = "The governor spoke in Fort Wayne, Indiana, on Friday."
    assert _actor(analyzer, text, "Indiana").country == "USA"


def test_actors_surname_with_a_sector_only_takes_the_full_name_of_that_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sen. Wendel Cruz endorsed the governor on Monday, the White House said. "
        "His wife, Marta Cruz, was at the rally in Ohio. "
        "Senator Cruz thanked the voters of Ohio for their support."
    )
    full = _actor(analyzer, text, "Wendel Cruz")
    short = _actor(analyzer, text, "Cruz")
    assert full.country == "USA" and full.sector[:1] == ("LEG",)
    assert short.code == full.code


def test_actors_person_named_often_is_no_foreigner_for_one_later_sentence(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marla Tevendish spoke to reporters in Washington on Monday. "
        "The Senate passed the bill and the White House said the president would sign it. "
        "The FBI and the Justice Department said so. "
        "Tevendish later accused the Saudi government of blocking the lawsuit."
    )
    assert _actor(analyzer, text, "Marla Tevendish").code == "USACVL"


def test_actors_surname_of_another_given_name_is_not_the_kb_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the knowledge base knows a Cyril Romney (VGB); "Tavish Romney" (a given name outside the
    # name list) is somebody else, also where the article then writes "Romney" alone
    text = (
        "Tavish Romney spoke in Ohio on Monday, the White House said. "
        "The Senate and the FBI said so. Romney criticized the mayor."
    )
    actor = _actor(analyzer, text, "Tavish Romney")
    assert actor.country != "VGB"


def test_actors_presidential_campaign_is_a_party_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "presidential" alone gives GOV; a candidate's campaign is a party actor (PTY)
    text = (
        "Republican presidential nominee Donald Trump spoke in Ohio on Monday. "
        "Sen. Wendel Cruz is endorsing Donald Trump's presidential campaign."
    )
    actor = _actor(analyzer, text, "Donald Trump campaign")
    assert actor.sector[:1] == ("PTY",)


def test_actors_people_of_a_state_named_like_a_territory(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "The governor thanked the resilient people of New Jersey on Monday."
    assert _actor(analyzer, text, "resilient people of New Jersey").country == "USA"
