"""The bundled knowledge base: contents and lookups."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.kb import load_kb


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def test_kb_covers_every_un_member_with_iso3_from_pycountry(kb) -> None:  # type: ignore[no-untyped-def]
    members = [c for c in kb.countries.values() if c.status == "member"]
    assert len(members) == 193
    for c in members:
        assert pycountry.countries.get(alpha_3=c.code) is not None, c.code
        assert c.demonyms and c.capitals, c.code
    assert kb.countries["VAT"].status == "observer"


def test_kb_disputed_entities_have_codes_and_claimants(kb) -> None:  # type: ignore[no-untyped-def]
    disputed = {c.name: c for c in kb.countries.values() if c.status == "disputed"}
    for name in (
        "Nagorno-Karabakh",
        "Abkhazia",
        "South Ossetia",
        "Transnistria",
        "Northern Cyprus",
        "Kosovo",
        "Taiwan",
        "Western Sahara",
        "Palestine",
    ):
        assert name in disputed
    assert disputed["Nagorno-Karabakh"].claimed_by == ("AZE",)
    assert disputed["Abkhazia"].claimed_by == ("GEO",)


def test_kb_has_at_least_150_igos_with_fixed_member_lists(kb) -> None:  # type: ignore[no-untyped-def]
    igos = [o for o in kb.organizations.values() if o.type in ("igo", "alliance")]
    assert len(igos) >= 150
    assert set(kb.organizations["V4"].members) == {"CZE", "HUN", "POL", "SVK"}
    assert len(kb.organizations["NATO"].members) == 32
    assert len(kb.organizations["EUR"].members) == 27


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Baku", "capital", "AZEGOV"),
        ("Washington", "capital", "USAGOV"),
        ("the Kremlin", "seat", "RUSGOV"),
        ("Downing Street", "seat", "GBRGOV"),
        ("the White House", "seat", "USAGOV"),
        ("Azerbaijani", "demonym", "AZE"),
        ("Armenians", "demonym", "ARM"),
        ("Turkish", "demonym", "TUR"),
        ("France", "country", "FRA"),
        ("UK", "country", "GBR"),
        ("the U.S.", "country", "USA"),
        ("EU", "igo", "IGOEUR"),
        ("NATO", "igo", "IGONATO"),
        ("OSCE Minsk Group", "igo", "IGOOSCEMG"),
        ("GUAM", "igo", "IGOGUAM"),
        ("Visegrad Group", "igo", "IGOV4"),
        ("TURKPA", "igo", "IGOTURKPA"),
        ("UN Security Council", "igo", "IGOUNSC"),
        ("OIC", "igo", "IGOOIC"),
        ("Congressional Armenian Caucus", "body", "USALEG"),
        ("Nagorno-Karabakh’s", "disputed", "XNK"),
    ],
)
def test_kb_lookup_exact(kb, name: str, kind: str, code: str) -> None:  # type: ignore[no-untyped-def]
    m = kb.lookup(name)
    assert m is not None, name
    assert (m.kind, m.code, m.confidence) == (kind, code, 1.0)


def test_kb_lookup_misspelling_is_fuzzy_with_confidence(kb) -> None:  # type: ignore[no-untyped-def]
    m = kb.lookup("Nagorno-Karabkh")
    assert m is not None and m.code == "XNK"
    assert 0.9 <= m.confidence < 1.0
    assert m.note == "claimed by AZE"


@pytest.mark.parametrize(
    "name", ["Wakanda", "Frankfurt", "us", "who", "Mali Bali", "Slovenija Republic", "Iraqistan"]
)
def test_kb_lookup_unknown_gives_none(kb, name: str) -> None:  # type: ignore[no-untyped-def]
    assert kb.lookup(name) is None


def test_kb_lookup_acronym_needs_capitals(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.lookup("Guam").code == "GUM"
    assert kb.lookup("GUAM").code == "IGOGUAM"
    assert kb.lookup("Nato").code == "IGONATO"


def test_kb_find_scans_longest_first(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Two US lawmakers of the Congressional Armenian Caucus visited NATO staff in Baku."
    found = [(text[s:e], m.code) for s, e, m in kb.find(text)]
    assert found == [
        ("US", "USA"),
        ("Congressional Armenian Caucus", "USALEG"),
        ("NATO", "IGONATO"),
        ("Baku", "AZEGOV"),
    ]


def test_kb_sector_vocabulary_with_plurals(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.sector("senators") == "LEG"
    assert kb.sector("Representatives") == "LEG"
    assert kb.sector("foreign minister") == "GOV"
    assert kb.sector("ministries") == "GOV"
    assert kb.sector("troops") == "MIL"
    assert kb.sector("separatists") == "REB"
    assert kb.sector("police") == "COP"
    assert kb.sector("refugees") == "REF"
    assert kb.sector("court") == "JUD"
    assert kb.sector("journalists") == "MED"
    assert kb.sector("community") == "CVL"


def test_kb_people_named_with_dated_roles(kb) -> None:  # type: ignore[no-untyped-def]
    [schiff] = kb.people_named("Adam B. Schiff")
    assert schiff.country == "USA"
    [role] = schiff.roles_on(date(2020, 4, 23))
    assert (role.country, role.sector) == ("USA", "LEG")
    assert "Representative" in role.office
    assert kb.people_named("Frank Pallone, Jr.")[0].roles[0].sector == "LEG"
    assert kb.people_named("Nobody Atall") == []


def test_kb_people_like_survives_misspelling(kb) -> None:  # type: ignore[no-untyped-def]
    hits = kb.people_like("Abdelaziz Bouteflicka")
    assert hits and hits[0][0].name == "Abdelaziz Bouteflika"
    assert kb.people_like("Zzyzx Qwerty") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_kb_lookup_never_raises_and_respects_threshold(name: str) -> None:
    m = load_kb().lookup(name, min_confidence=0.85)
    assert m is None or m.confidence >= 0.85


def test_kb_find_is_linear_in_a_list_of_hundreds_of_names() -> None:
    """A sentence listing hundreds of names: ``find`` tries each word once, for a bounded number of lengths."""
    from newsgraph.kb import load_kb

    kb = load_kb()
    names = ["Azerbaijan", "the Kremlin", "Zorblax Quentin", "Liberation Tigers of Tamil Eelam", "Kofi Annan"]
    calls: list[int] = []
    counting = kb.lookup

    def count(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return counting(*args, **kwargs)

    kb.lookup = count  # type: ignore[method-assign]
    try:
        sizes = {}
        for n in (100, 400):
            calls.clear()
            found = kb.find(", ".join(names[i % len(names)] for i in range(n)) + ".")
            sizes[n] = len(calls)
            assert len(found) >= n * 3 // len(names)
    finally:
        del kb.lookup
    assert sizes[400] <= 4.2 * sizes[100]


def test_kb_former_title_is_an_elite(kb) -> None:  # type: ignore[no-untyped-def]
    # CAMEO ELI: former officials; the same title without "former" keeps its sector
    assert [s for _, _, s, _ in kb.find_sectors("the former Secretary of State")] == ["ELI"]
    assert [s for _, _, s, _ in kb.find_sectors("the ex senator")] == ["ELI"]
    assert [s for _, _, s, _ in kb.find_sectors("the Secretary of State")] == ["GOV"]
    assert [s for _, _, s, _ in kb.find_sectors("a former farmer")] != ["ELI"]
