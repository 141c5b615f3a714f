"""Guards against false events (``newsgraph.events.false_events``): each rule on sentences written
for newsgraph, with the political event beside it that must survive."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _kinds(a: Analysis) -> set[tuple[str, str]]:
    return {(e.type, e.cameo) for e in a.events if e.polarity == "asserted" and e.modality == "actual"}


def _types(a: Analysis) -> set[str]:
    return {t for t, _ in _kinds(a)}


@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake killed 40 people in Nepal.",
        "Dozens of villagers in Peru were killed in floods on Monday.",
        "A gas explosion at a factory in Lagos killed 12 workers.",
        "The bus plunged into a ravine in Bolivia, killing 20 passengers.",
    ],
)
def test_events_false_events_disasters_and_accidents_are_no_assault(analyzer: Analyzer, text: str) -> None:
    assert "ASSAULT" not in _types(analyzer(text))


def test_events_false_events_an_attack_with_a_bomb_stays(analyzer: Analyzer) -> None:
    assert "ASSAULT" in _types(analyzer("Rebels from Chad killed 12 soldiers of Niger with a car bomb."))


@pytest.mark.parametrize(
    "text",
    [
        "Spain beat Italy 2-1 in the final of the tournament.",
        "Egypt hosted a football match in Cairo.",
        "Brazil struck back at Argentina in the second half.",
    ],
)
def test_events_false_events_sport_and_retorts(analyzer: Analyzer, text: str) -> None:
    assert not _types(analyzer(text)) & {"ASSAULT", "CONSULT"}


def test_events_false_events_war_games_are_cooperation_or_a_show_of_force(analyzer: Analyzer) -> None:
    assert ("COOPERATE", "062") in _kinds(analyzer("Russia and China launched joint war games near Japan."))
    mock = _kinds(analyzer("Troops of Iran staged mock attacks in the Gulf."))
    assert ("MOBILIZE", "150") in mock and "ASSAULT" not in {t for t, _ in mock}


def test_events_false_events_figurative_violence(analyzer: Analyzer) -> None:
    assert "ASSAULT" not in _types(analyzer("The army of Chile fought corruption in the ports."))
    # an attack on a plan is words: CAMEO 111
    assert ("ACCUSE", "111") in _kinds(
        analyzer("Senator Warren attacked the plan of the president of Brazil.")
    )


def test_events_false_events_senses_decided_by_the_frame(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _types(analyzer("The plan of Germany met with opposition from Italy."))
    assert "CONSULT" in _types(analyzer("The chancellor of Germany met with the president of Italy."))
    assert "CONSULT" not in _types(analyzer("Tourists from China visited Paris."))
    assert "RETREAT" not in _types(analyzer("The government of Ghana released a programme of reforms."))
    assert "RETREAT" in _types(analyzer("The government of Ghana released two journalists from Togo."))


def test_events_false_events_anonymity_is_no_refusal(analyzer: Analyzer) -> None:
    a = analyzer("A senior official of Kenya, who declined to be named, criticised Uganda.")
    assert "REJECT" not in _types(a) and "ACCUSE" in _types(a)


def test_events_false_events_participle_of_a_verbal_act_is_a_description(analyzer: Analyzer) -> None:
    a = analyzer("Officials of Peru accused of graft resigned on Monday.")
    assert "ACCUSE" not in _types(a)
    # with its agent it is the act itself
    b = analyzer("Officials of Peru accused by the court of Lima of graft resigned on Monday.")
    assert "ACCUSE" in _types(b)


def test_events_false_events_air_strikes_are_no_labour_protest(analyzer: Analyzer) -> None:
    a = analyzer("The United States carried out air strikes against Syria.")
    assert "ASSAULT" in _types(a) and "PROTEST" not in _types(a)
    b = analyzer("Dockers of Rotterdam staged a strike against the government of the Netherlands.")
    assert "PROTEST" in _types(b)


def test_events_false_events_disaster_context(analyzer: Analyzer) -> None:
    a = analyzer(
        "Explosions tore through a warehouse where chemicals were stored in the port of Tianjin. "
        "The blasts killed at least 50 people."
    )
    assert "ASSAULT" not in _types(a)
    # people who act stay the source of their act, whatever the weather
    b = analyzer("Police in Chile fired tear gas at protesters in Santiago as heavy rains fell.")
    assert "ASSAULT" in _types(b) or "COERCE" in _types(b)


def test_events_false_events_a_protest_demand_is_part_of_the_protest(analyzer: Analyzer) -> None:
    a = analyzer("The Taliban blocked roads in Kandahar demanding that the governor resign.")
    assert "PROTEST" in _types(a) and "REQUEST" not in _types(a)
    # a demand on its own is a request
    assert "REQUEST" in _types(analyzer("The Taliban demanded that the governor of Kandahar resign."))


def test_events_false_events_an_order_that_forces_an_act_is_coercion(analyzer: Analyzer) -> None:
    a = analyzer("The government of Kenya ordered the newspaper to suspend publication for a week.")
    assert "COERCE" in _types(a) and "REQUEST" not in _types(a)
    # an order to do something cooperative stays a demand
    b = analyzer("President Obama ordered the troops to withdraw from Iraq.")
    assert "REQUEST" in _types(b) and "COERCE" not in _types(b)


def test_events_false_events_an_ordered_attack_is_a_deed(analyzer: Analyzer) -> None:
    a = analyzer("Prime Minister Ariel Sharon ordered massive attacks on the Gaza Strip on Sunday.")
    assert ("ASSAULT", "190") in _kinds(a)
    # a politician's attack on a rival is still words
    assert "ACCUSE" in _types(analyzer("Senator Warren attacked President Trump for his remarks."))


def test_events_false_events_peacekeepers_give_peacekeeping(analyzer: Analyzer) -> None:
    assert ("AID", "074") in _kinds(analyzer("Hundreds of Nigerian peacekeepers arrived in Liberia on Monday."))
    a = analyzer("Hundreds of Nigerian soldiers arrived in Liberia on Monday.")
    assert "AID" not in _types(a)


def test_events_false_events_a_call_for_punishment_is_a_denunciation(analyzer: Analyzer) -> None:
    a = analyzer("The prime minister of Canada called for sanctions against Russia over the poisoning.")
    assert "ACCUSE" in _types(a) and "REQUEST" not in _types(a)
    # asking someone to punish is a request
    b = analyzer("Germany urged the European Union to impose sanctions on Belarus.")
    assert "REQUEST" in _types(b)


def test_events_false_events_a_journey_to_another_act_is_that_act(analyzer: Analyzer) -> None:
    a = analyzer("Kenya summoned the ambassador of Uganda to complain about the arrests.")
    assert "CONSULT" not in _types(a) and "ACCUSE" in _types(a)
    assert "CONSULT" in _types(analyzer("Kenya summoned the ambassador of Uganda on Monday."))


def test_events_false_events_private_travel_is_no_visit(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _types(analyzer("About 300 people arrived in Greece seeking asylum last week."))
    assert "CONSULT" in _types(analyzer("A delegation of Chinese officials arrived in Nairobi on Monday."))


def test_events_false_events_meeting_a_need_is_no_meeting(analyzer: Analyzer) -> None:
    assert "CONSULT" not in _types(analyzer("The army of Chad met the needs of refugees from Sudan."))
    assert "CONSULT" in _types(analyzer("The army of Chad met officials from Sudan."))


def test_events_false_events_people_moved_by_a_disaster_are_no_agents(analyzer: Analyzer) -> None:
    a = analyzer("A second wave of floods hit Kerala today after heavy rain, forcing 2,000 people to be evacuated.")
    assert not _types(a)
    # the agent of a passive still acts
    assert "ASSAULT" in _types(analyzer("Dozens of villagers were killed by rebels in Congo."))


def test_events_false_events_approving_a_request_is_yielding(analyzer: Analyzer) -> None:
    a = analyzer("The defence minister of Peru approved a request from the health ministry for help.")
    assert "CONCEDE" in _types(a) and "REQUEST" not in _types(a)


def test_events_false_events_a_weapon_that_explodes_is_a_bombing(analyzer: Analyzer) -> None:
    assert ("ASSAULT", "183") in _kinds(analyzer("A grenade exploded near a police station in Manipur, injuring three officers."))
    assert ("ASSAULT", "183") in _kinds(analyzer("Suspected militants hurled two grenades at a police station in Kashmir on Friday."))
    # an accident is not
    assert "ASSAULT" not in _types(analyzer("A gas cylinder exploded in a restaurant in Lagos, killing five people."))
