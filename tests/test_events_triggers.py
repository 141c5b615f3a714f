"""Event triggers: one sentence per PLOVER type and one per trigger-pattern class (texts written for newsgraph)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[i] for i in ids]


def _actual(a: Analysis) -> list[Event]:
    return [e for e in a.events if e.polarity == "asserted" and e.modality == "actual"]


def _find(a: Analysis, type_: str) -> Event:
    found = [e for e in _actual(a) if e.type == type_]
    assert found, f"no actual {type_} event in {[(e.type, e.trigger.text) for e in a.events]}"
    return found[0]


# one sentence per PLOVER type: (text, type, a source name, a target name or None)
PLOVER_CASES = [
    ("Canada agreed to cooperate with Mexico on border security.", "AGREE", "Canada", "Mexico"),
    ("The foreign minister of Japan met his counterpart from India in Tokyo.", "CONSULT", "Japan", "India"),
    ("Spain praised Portugal for its handling of the crisis.", "SUPPORT", "Spain", "Portugal"),
    ("Kenya conceded to Somalia's demands over the port.", "CONCEDE", "Kenya", "Somalia"),
    ("Norway cooperated with Sweden on the investigation.", "COOPERATE", "Norway", "Sweden"),
    ("Germany sent humanitarian aid to Greece.", "AID", "Germany", "Greece"),
    ("Russia withdrew its troops from Georgia.", "RETREAT", "Russia", "Georgia"),
    ("Chile urged Peru to resume negotiations.", "REQUEST", "Chile", "Peru"),
    ("Egypt accused Sudan of supporting the rebels.", "ACCUSE", "Egypt", "Sudan"),
    ("Iran rejected the proposal from Iraq.", "REJECT", "Iran", "Iraq"),
    ("China threatened Taiwan with military action.", "THREATEN", "China", "Taiwan"),
    ("Thousands of students protested against the government of Serbia.", "PROTEST", None, "Serbia"),
    ("Canada expelled two diplomats of Iran.", "SANCTION", "Canada", "Iran"),
    ("The European Union imposed sanctions on Belarus.", "COERCE", "European Union", "Belarus"),
    ("Pakistan deployed troops along its border with India.", "MOBILIZE", "Pakistan", "India"),
    ("Israel detained Lebanon's ambassador on Monday.", "COERCE", "Israel", "Lebanon"),
    ("Syria attacked the town of Idlib.", "ASSAULT", "Syria", "Idlib"),
]


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"), PLOVER_CASES, ids=[c[1] for c in PLOVER_CASES]
)
def test_events_triggers_each_plover_type(
    analyzer: Analyzer, text: str, type_: str, source: str | None, target: str | None
) -> None:
    a = analyzer(text)
    ev = _find(a, type_)
    # entity names may carry more words than the country ("the foreign minister of Japan")
    if source is not None:
        assert any(source in n for n in _names(a, ev.source)), _names(a, ev.source)
    if target is not None:
        assert any(target in n for n in _names(a, ev.target)), _names(a, ev.target)
    assert ev.cameo and a.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
    assert ev.quad_class in (1, 2, 3, 4) and ev.goldstein is not None


def test_events_triggers_bare_verb(analyzer: Analyzer) -> None:
    ev = _find(analyzer("France criticized Germany on Monday."), "ACCUSE")
    assert ev.cameo == "111" and ev.trigger.text == "criticized" and ev.mode == "disapprove"


def test_events_triggers_verb_with_particle(analyzer: Analyzer) -> None:
    a = analyzer("France called on Germany to withdraw its troops.")
    ev = _find(a, "REQUEST")
    assert _names(a, ev.target) == ["Germany"]
    # "on Tuesday" is a date, not the particle of "call on"
    assert not [e for e in analyzer("Germany called Austria on Tuesday.").events if e.type == "REQUEST"]


def test_events_triggers_verb_with_object(analyzer: Analyzer) -> None:
    a = analyzer("Iran held talks with Iraq.")
    ev = _find(a, "CONSULT")
    assert ev.cameo == "046" and _names(a, ev.target) == ["Iraq"]
    # "hold" alone is no event
    assert not analyzer("Iran held the city of Basra.").events or all(
        e.type != "CONSULT" for e in analyzer("Iran held the city of Basra.").events
    )


def test_events_triggers_object_money(analyzer: Analyzer) -> None:
    a = analyzer("Japan gave $5 million to Nepal.")
    ev = _find(a, "AID")
    assert _names(a, ev.source) == ["Japan"] and _names(a, ev.target) == ["Nepal"]


def test_events_triggers_clause_constraint(analyzer: Analyzer) -> None:
    a = analyzer("Austria refused to meet Hungary.")
    assert _find(a, "REJECT")
    meet = [e for e in a.events if e.type == "CONSULT"]
    assert meet and all(e.polarity == "negated" for e in meet)


def test_events_triggers_evaluative_complement(analyzer: Analyzer) -> None:
    a = analyzer("Chile called Peru's decision illegal.")
    ev = _find(a, "ACCUSE")
    assert _names(a, ev.source) == ["Chile"] and _names(a, ev.target) == ["Peru"]
    b = analyzer("Brazil described the meeting with Argentina as constructive.")
    assert _find(b, "SUPPORT")
    # a neutral complement is no event
    assert not analyzer("Brazil described the meeting with Argentina as long.").events


def test_events_triggers_noun_under_light_verb(analyzer: Analyzer) -> None:
    a = analyzer("Poland expressed its solidarity with Lithuania.")
    ev = _find(a, "SUPPORT")
    assert ev.trigger.text == "solidarity" and _names(a, ev.target) == ["Lithuania"]


def test_events_triggers_noun_under_occurrence_verb(analyzer: Analyzer) -> None:
    a = analyzer("Clashes erupted between Armenia and Azerbaijan.")
    ev = _find(a, "ASSAULT")
    assert set(_names(a, ev.source)) == {"Armenia", "Azerbaijan"}


def test_events_triggers_mentioned_noun_is_no_event(analyzer: Analyzer) -> None:
    # "the attack" is what is condemned, not a second event
    a = analyzer("France condemned the attack on Ukraine.")
    assert [e.type for e in _actual(a)] == ["ACCUSE"]


def test_events_triggers_statement_code_silences_bare_pattern(analyzer: Analyzer) -> None:
    assert not analyzer("France released a statement about Germany.").events
    assert _find(analyzer("France released two prisoners from Mali."), "RETREAT")


def test_events_triggers_denial_is_a_statement(analyzer: Analyzer) -> None:
    assert not [e for e in analyzer("Iran rejected accusations by Israel.").events if e.type == "REJECT"]


def test_events_triggers_fact_clause_is_an_opinion(analyzer: Analyzer) -> None:
    # "agreed that it was a mistake" expresses accord (a statement); "agreed to cooperate" is AGREE
    assert not [
        e
        for e in analyzer("Austria agreed that the plan of Hungary was a mistake.").events
        if e.type == "AGREE"
    ]
    assert _find(analyzer("Austria agreed to cooperate with Hungary."), "AGREE")


def test_events_triggers_actor_object_marker(analyzer: Analyzer) -> None:
    a = analyzer("The president of Egypt hosted Jordan's King Abdullah in Cairo.")
    assert _find(a, "CONSULT").cameo == "043"
    assert not [e for e in analyzer("Egypt hosted a football match in Cairo.").events if e.type == "CONSULT"]


def test_events_triggers_noun_after_participation_verb(analyzer: Analyzer) -> None:
    a = analyzer("Students from Chile participated in a hunger strike against Peru.")
    assert _find(a, "PROTEST").trigger.text in ("strike", "hunger")


def test_events_triggers_measured_noun(analyzer: Analyzer) -> None:
    a = analyzer("Japan delivered 25,000 tons of food aid to Nepal.")
    ev = _find(a, "AID")
    assert _names(a, ev.target) == ["Nepal"]


def test_events_triggers_figurative_modifier(analyzer: Analyzer) -> None:
    assert not [
        e
        for e in analyzer("Senators from Ohio continued their legislative attacks on Canada.").events
        if e.type == "ASSAULT"
    ]


def test_events_triggers_noun_with_its_own_actor(analyzer: Analyzer) -> None:
    # the verb names only the harm; the noun names the act and its actor
    a = analyzer("Six soldiers of Mali were killed in an attack by Niger.")
    assert any("Niger" in n for e in _actual(a) if e.type == "ASSAULT" for n in _names(a, e.source))
    b = analyzer("Dozens died after clashes between Armenia and Azerbaijan.")
    assert set(_names(b, _find(b, "ASSAULT").source)) == {"Armenia", "Azerbaijan"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan sent medical supplies and tents to Nepal.", "073"),
        ("Norway gave 20 million dollars to Haiti.", "071"),
        ("Ghana is sending a platoon to Mali on a peacekeeping mission.", "074"),
    ],
)
def test_events_triggers_the_resource_decides_the_aid(analyzer: Analyzer, text: str, cameo: str) -> None:
    assert _find(analyzer(text), "AID").cameo == cameo


@pytest.mark.parametrize(
    ("text", "type_", "cameo"),
    [
        # light verbs with event nouns, from the converted dictionary and the hand patterns
        ("Troops of Mali engaged in a firefight with rebels of Niger.", "ASSAULT", "193"),
        (
            "Thousands of students in Serbia took to the streets against the government of Serbia.",
            "PROTEST",
            "141",
        ),
        ("Prisoners of Turkey staged a hunger strike against the government of Turkey.", "PROTEST", "142"),
        ("The Grand Mufti of Egypt cancelled a planned visit to Britain.", "REJECT", "125"),
    ],
)
def test_events_triggers_light_verbs_with_event_nouns(
    analyzer: Analyzer, text: str, type_: str, cameo: str
) -> None:
    assert _find(analyzer(text), type_).cameo == cameo


@pytest.mark.parametrize(
    ("text", "type_", "cameo"),
    [
        # the object decides the sense of "grant": permission or a request granted is yielding
        ("A judge in Ohio granted the ACLU a temporary restraining order.", "CONCEDE", "080"),
        ("The European Union granted Britain permission to delay its exit.", "CONCEDE", "080"),
        ("Germany granted asylum to two journalists from Turkey.", "AID", "075"),
        # a court's verdict is a finding of guilt (CAMEO 116), a warrant an act of legal coercion
        ("A court in Sweden convicted two Iraqi men of fraud.", "ACCUSE", "116"),
        ("Police in Italy issued an arrest warrant for the former mayor of Rome.", "COERCE", "173"),
    ],
)
def test_events_triggers_the_object_decides_the_legal_sense(
    analyzer: Analyzer, text: str, type_: str, cameo: str
) -> None:
    assert _find(analyzer(text), type_).cameo == cameo


def test_events_triggers_an_announced_boycott_is_a_threat(analyzer: Analyzer) -> None:
    a = analyzer("The opposition parties of Chad said they would boycott the elections.")
    assert _find(a, "THREATEN").cameo == "133"
    assert "PROTEST" not in {e.type for e in _actual(a)}


def test_events_triggers_announced_force_and_disarmament(analyzer: Analyzer) -> None:
    # an announced military operation is a threat of force (CAMEO 138)
    a = analyzer("The president of Turkey says it will begin a new military operation against Kurdish fighters in Syria.")
    assert _find(a, "THREATEN").cameo == "138"
    assert not any(e.type == "ASSAULT" for e in _actual(a))
    # a promise to lay down arms is an agreement to de-escalate (CAMEO 035 from 087)
    assert _find(analyzer("Rebels in Chad said they will lay down their weapons next week."), "AGREE").cameo == "035"
    # an operation that is no use of force is no event
    assert not _actual(analyzer("The hospital ran a vaccination operation in Chad."))


def test_events_triggers_money_and_refugees_decide_the_aid(analyzer: Analyzer) -> None:
    assert _find(analyzer("The EU provides $45 million support for farmers in Nigeria."), "AID").cameo == "071"
    assert _find(analyzer("Turkey opened its borders to refugees from Syria."), "AID").cameo == "075"
    assert _find(analyzer("Japan reiterated its support for India."), "SUPPORT").cameo == "051"
    assert _find(analyzer("Benin opened its borders to traders from Nigeria."), "RETREAT").cameo == "086"


@pytest.mark.parametrize(
    ("text", "type_", "cameo"),
    [
        ("American troops have begun leaving Afghanistan under the peace agreement.", "RETREAT", "087"),
        ("The army of Syria says it has ceased its military operations near Damascus.", "RETREAT", "087"),
        ("The court of Kenya dropped the investigation of the former minister.", "CONCEDE", "080"),
        ("The rebels of Chad complied with the demands of Sudan.", "CONCEDE", "080"),
        ("The president of Chile authorized the release of two prisoners from Peru.", "RETREAT", "084"),
        ("Ghana announced the deployment of 300 troops to Mali on a peacekeeping mission.", "AID", "074"),
    ],
)
def test_events_triggers_yielding_and_withdrawing(analyzer: Analyzer, text: str, type_: str, cameo: str) -> None:
    assert _find(analyzer(text), type_).cameo == cameo


def test_events_triggers_leaving_is_a_withdrawal_only_for_forces(analyzer: Analyzer) -> None:
    assert not _actual(analyzer("The foreign minister of Chile left Peru on Monday."))


@pytest.mark.parametrize(
    "text",
    [
        "The FBI has joined a criminal investigation of the Boeing company.",
        "A barrister from Brisbane is heading an inquiry into abuses by police in Queensland.",
    ],
)
def test_events_triggers_joining_or_heading_an_inquiry_is_investigating(analyzer: Analyzer, text: str) -> None:
    assert _find(analyzer(text), "ACCUSE").cameo == "090"


def test_events_triggers_every_member_of_a_measured_list(analyzer: Analyzer) -> None:
    a = analyzer("The health ministry of China sent a team of medical experts, equipment and drugs to the hospital in Lagos.")
    assert _find(a, "AID").cameo == "073"


def test_events_triggers_violating_a_norm_is_defiance(analyzer: Analyzer) -> None:
    assert _find(analyzer("North Korea has violated a ban by the UN on ballistic missile tests."), "REJECT").cameo == "128"
    assert _find(analyzer("Armenian militias violated the ceasefire in Karabakh 115 times."), "ASSAULT").cameo == "196"


def test_events_triggers_a_court_rejecting_a_complaint_or_an_order(analyzer: Analyzer) -> None:
    a = analyzer("The high court of Madras quashed the detention orders passed by the police commissioner of Chennai.")
    assert _find(a, "REJECT").cameo == "120"
    b = analyzer("The electoral tribunal of the Philippines dismissed the protest filed by the senator.")
    assert _find(b, "REJECT").cameo == "120"


def test_events_triggers_pressing_someone_to_act_is_a_demand(analyzer: Analyzer) -> None:
    a = analyzer("The authorities of Nigeria are pressuring lecturers to cancel the strike.")
    assert _find(a, "REQUEST").cameo == "100"
    assert "COERCE" not in {e.type for e in _actual(a)}


def test_events_triggers_a_that_clause_of_fact_is_a_statement(analyzer: Analyzer) -> None:
    # "insisted that X lost": an assertion of what was; "insisted that X withdraw": a demand
    assert not [e for e in analyzer("Peru insisted that Chile lost the vote.").events if e.type == "REQUEST"]
    assert [e for e in analyzer("Peru insisted that Chile withdraw its ships.").events if e.type == "REQUEST"]
    # "agreed that it had been a mistake" is an opinion; "agreed that both armies withdraw" a commitment
    assert not analyzer("Peru agreed that the treaty had been a mistake.").events
    a = analyzer("The two ministers agreed that both armies withdraw from the border.")
    assert "AGREE" in [e.type for e in a.events]


def test_events_triggers_credit_for_a_deed_is_praise(analyzer: Analyzer) -> None:
    assert [e.type for e in _actual(analyzer("Peru gave Chile credit for the rescue."))] == ["SUPPORT"]


def test_events_triggers_money_written_with_a_currency_sign(analyzer: Analyzer) -> None:
    # the tagger often misses "£3bn" as MONEY: the currency sign says it is money given (CAMEO 071)
    assert [e.cameo for e in _actual(analyzer("Japan gave £3bn to Kenya."))] == ["071"]
    assert [e.type for e in _actual(analyzer("Japan voiced strong support for Kenya."))] == ["SUPPORT"]


def test_events_triggers_object_pattern_in_the_passive(analyzer: Analyzer) -> None:
    # "return +*" needs an object: in the passive it is the subject
    a = analyzer("The stolen painting was returned by Italian police to Spanish authorities.")
    assert [e.type for e in _actual(a)] == ["RETREAT"]


def test_events_triggers_object_control_parsed_as_a_purpose(analyzer: Analyzer) -> None:
    # the parser hangs "to search" on "granted" as a purpose clause; it is what the navy may do
    a = analyzer("Peru granted the Chilean navy to search its waters.")
    assert [e.type for e in _actual(a)] == ["CONCEDE"]


def test_events_triggers_a_charge_is_an_accusation(analyzer: Analyzer) -> None:
    # a court's or a prosecutor's charge is a formal accusation (PLOVER ACCUSE); an arrest is COERCE
    a = analyzer("A Kenyan court charged two Somali diplomats with espionage.")
    assert [e.type for e in _actual(a)] == ["ACCUSE"]
    a = analyzer("Kenyan police filed charges against two Somali diplomats.")
    assert [e.type for e in _actual(a)] == ["ACCUSE"]


def test_events_triggers_attack_by_weapons_is_a_deed(analyzer: Analyzer) -> None:
    # "attacked ... positions" reads as words ("attacked his position") unless weapons do it
    a = analyzer("Chilean warplanes attacked rebel positions inside Peru on Monday.")
    assert [e.type for e in _actual(a)] == ["ASSAULT"]
    a = analyzer("Senator Lopez attacked the minister's position on fishing quotas.")
    assert [e.type for e in _actual(a)] == ["ACCUSE"]
