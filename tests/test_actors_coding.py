"""Actor coding of entities: countries, IGOs, people's roles, metonymy, groups."""

from __future__ import annotations

import pytest

from newsgraph.actors import code_actors, code_phrase
from newsgraph.entities import extract_entities
from newsgraph.kb import load_kb
from newsgraph.records import Entity


def _coded(analyzer, text: str, **kw) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    result = analyzer(text, **kw)
    return {e.name: e for e in result.entities}


def _actor_of(entities: dict[str, Entity], fragment: str):  # type: ignore[no-untyped-def]
    for name, e in entities.items():
        if fragment in name:
            return e.actor
    raise AssertionError(f"no entity named like {fragment!r} in {list(entities)}")


@pytest.mark.parametrize(
    ("phrase", "whose", "sector"),
    [
        ("Chair of Abkhazia's Georgian Community", "GEO", "CVL"),
        ("US Representatives", "USA", "LEG"),
        ("Japanese Prime Minister", "JPN", "GOV"),
        ("president of Armenia", "ARM", "GOV"),
        ("Afghan rebel leaders", "AFG", "REB"),
        ("British Foreign Secretary", "GBR", "GOV"),
        ("Liberian riot police", "LBR", "COP"),
        ("U.N. Secretary-General", "UNSG", "GOV"),
        ("spokesman", None, "GOV"),
    ],
)
def test_actors_code_phrase(phrase: str, whose: str | None, sector: str) -> None:
    pc = code_phrase(load_kb(), phrase)
    got = None if pc.match is None else (pc.match.igo or pc.match.country)
    assert (got, pc.sector) == (whose, sector)


def test_actors_countries_and_organisations_in_a_list(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Diplomats from Norway, Canada, Estonia, Turkey, UK, Germany and France, joined by envoys of "
        "bodies like NATO, the EU, GUAM, OSCE, TURKPA, OIC and the Visegrad Group, criticised the decree."
    )
    ents = _coded(analyzer, text)
    expected = {
        "France": "FRA",
        "Germany": "DEU",
        "Turkey": "TUR",
        "UK": "GBR",
        "Canada": "CAN",
        "Norway": "NOR",
        "Estonia": "EST",
    }
    for name, code in expected.items():
        assert _actor_of(ents, name).country == code
    for name, igo in {
        "EU": "EUR",
        "NATO": "NATO",
        "OSCE": "OSCE",
        "OIC": "OIC",
        "GUAM": "GUAM",
        "Visegrad": "V4",
        "TURKPA": "TURKPA",
    }.items():
        actor = _actor_of(ents, name)
        assert actor.igo == igo and actor.code == "IGO" + igo


def test_actors_person_role_gives_country_and_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Chair of the Azerbaijani Community Council of Lankaran Rauf Mammadli said the plan was unfair."
    actor = _actor_of(_coded(analyzer, text), "Mammadli")
    assert (actor.country, actor.sector, actor.code) == ("AZE", ("CVL",), "AZECVL")


def test_actors_listed_representatives_are_usa_leg(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "US Representatives Carla Moreno and Nancy Pelosi signed the petition on Monday."
    ents = _coded(analyzer, text, published="2020-04-23")
    for name in ("Moreno", "Pelosi"):
        actor = _actor_of(ents, name)
        assert (actor.country, actor.sector) == ("USA", ("LEG",))


def test_actors_known_person_without_role_uses_people_file(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "Nikol Pashinyan spoke to reporters in Yerevan.", published="2020-04-23")
    actor = _actor_of(ents, "Pashinyan")
    assert (actor.country, actor.sector) == ("ARM", ("GOV",))
    assert actor.note and "Prime Minister of Armenia" in actor.note


def test_actors_capital_as_agent_is_government_else_civilians(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _actor_of(_coded(analyzer, "Baku rejected the proposal on Tuesday."), "Baku").code == "AZEGOV"
    assert (
        _actor_of(_coded(analyzer, "Thousands marched through the streets in Baku."), "Baku").code == "AZECVL"
    )
    assert _actor_of(_coded(analyzer, "The Kremlin denied the report."), "Kremlin").code == "RUSGOV"


def test_actors_misspelt_disputed_entity_is_coded_with_note(analyzer) -> None:  # type: ignore[no-untyped-def]
    actor = _actor_of(_coded(analyzer, "Elections were held in Nagorno-Karabkh last week."), "Karabkh")
    assert actor.country == "XNK"
    assert actor.confidence < 1.0 and "claimed by AZE" in (actor.note or "")


def test_actors_demonym_with_role_noun_is_an_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "The Sudanese government accused Armenian society of bias.")
    assert _actor_of(ents, "Sudanese government").code == "SDNGOV"
    assert _actor_of(ents, "Armenian society").code == "ARMCVL"


def test_actors_unknown_names_get_a_null_code(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "The Republic of Wakanda and the Zorblax Alliance signed a deal with Mexico.")
    assert _actor_of(ents, "Mexico").country == "MEX"
    for name, e in ents.items():
        if "Wakanda" in name or "Zorblax" in name:
            assert e.actor is not None and e.actor.code is None and e.actor.country is None


def test_actors_every_entity_gets_an_actor_and_spans_stay_exact(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops and Ukrainian police met U.N. envoys in Kyiv, the Foreign Ministry said."
    parsed = parse_text(text)
    coded = code_actors(parsed, extract_entities(parsed).entities)
    assert coded and all(e.actor is not None for e in coded)
    for e in coded:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_actors_city_is_its_country_civilians(analyzer) -> None:  # type: ignore[no-untyped-def]
    actor = _actor_of(_coded(analyzer, "Shelling hit Gorazde overnight, witnesses said."), "Gorazde")
    assert (actor.country, actor.sector) == ("BIH", ("CVL",))


def test_actors_role_noun_with_place_is_an_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "Rebels in the Congo attacked a convoy near the border.")
    assert _actor_of(ents, "Rebels in").code == "COGREB"


def test_kb_place_is_exact_capitalised_and_ambiguity_aware() -> None:
    kb = load_kb()
    assert kb.place("Calgary").country == "CAN"
    assert kb.place("calgary") is None  # lower case: an ordinary word, not a town
    assert kb.place("Calgari") is None  # never fuzzy
    ambiguous = next(name for name, row in kb.places.items() if row[3] and row[3].startswith("ambiguous"))
    assert kb.place(kb.places[ambiguous][0]).confidence < 0.8


def test_actors_missed_capital_is_added_but_not_from_shouted_headlines(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "Baku accused the Armenian government of shelling.")
    assert _actor_of(ents, "Baku").code == "AZEGOV"
    shouted = _coded(analyzer, "THIS IS THE END OF THE LINE FOR THE TALKS.")
    assert not any(e.actor and e.actor.igo == "ISIL" for e in shouted.values())


def test_actors_civil_society_body_of_no_country_is_an_ngo(analyzer) -> None:  # type: ignore[no-untyped-def]
    ents = _coded(analyzer, "The Baltic Fisheries Forum demanded that Norway reopen its waters.")
    assert _actor_of(ents, "Baltic Fisheries Forum").code == "NGO"
    assert _actor_of(ents, "Norway").country == "NOR"
