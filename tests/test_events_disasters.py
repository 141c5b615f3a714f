"""Harm and relief that no one able to act brings about (``newsgraph.events.disasters``), on
sentences written for newsgraph, with the political event beside each rule that must survive."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _types(a: Analysis) -> set[str]:
    return {e.type for e in a.events if e.polarity == "asserted" and e.modality == "actual"}


@pytest.mark.parametrize(
    "text",
    [
        # a named storm and a disease the tagger takes for names
        "Typhoon Haiyan killed more than 6,000 people in the Philippines.",
        "Ebola has killed 2,000 people in Congo, health officials said.",
        # a capitalised plural the tagger takes for a name
        "Wildfires destroyed 400 homes in California last week.",
        # two participles of one noun: "truck overturned ..., killing"
        "An army truck overturned in Pakistan, killing eight soldiers.",
        # an accident verb of the general vocabulary
        "A bus fell into a gorge in Nepal, killing 25 pilgrims.",
    ],
)
def test_events_disasters_harm_with_no_agent_is_no_assault(analyzer: Analyzer, text: str) -> None:
    assert "ASSAULT" not in _types(analyzer(text))


def test_events_disasters_a_weapon_that_falls_is_an_attack(analyzer: Analyzer) -> None:
    assert "ASSAULT" in _types(analyzer("Rockets fell on a market in Aleppo, killing 12 people."))


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers evacuated 500 residents from the flooded town in Germany.",
        "The military sent helicopters to rescue people stranded by the floods in Nigeria.",
        "Firefighters evacuated the building and rescued 12 people in Madrid.",
    ],
)
def test_events_disasters_relief_for_the_public_is_no_aid(analyzer: Analyzer, text: str) -> None:
    assert "AID" not in _types(analyzer(text))


def test_events_disasters_aid_to_a_country_stays(analyzer: Analyzer) -> None:
    assert "AID" in _types(analyzer("The United States sent aid to Haiti after the hurricane."))


def test_events_disasters_troops_sent_against_a_fire_are_no_show_of_force(analyzer: Analyzer) -> None:
    assert "MOBILIZE" not in _types(analyzer("Troops were sent to help fight the wildfires in Greece."))


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of firefighters fought the flames for three days in Portugal.",
        "Emergency workers battled to contain the oil spill off the coast of Mauritius.",
    ],
)
def test_events_disasters_fighting_a_disaster_is_no_fight(analyzer: Analyzer, text: str) -> None:
    assert "ASSAULT" not in _types(analyzer(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials launched an investigation into the cause of the fire at the factory in Bangladesh.",
        "Rescue workers searched for survivors in the rubble in Turkey.",
    ],
)
def test_events_disasters_an_inquiry_into_a_disaster_accuses_no_one(analyzer: Analyzer, text: str) -> None:
    assert "ACCUSE" not in _types(analyzer(text))


def test_events_disasters_a_safety_measure_is_no_coercion(analyzer: Analyzer) -> None:
    assert "COERCE" not in _types(analyzer("Authorities imposed a lockdown on Wuhan to contain the outbreak."))
    # an arrest after an accident is coercion of someone
    assert "COERCE" in _types(analyzer("Police arrested the owner of the building that collapsed in Lagos."))
