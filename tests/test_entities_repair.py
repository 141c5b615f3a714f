"""Entity detection: spaCy's run-together spans are repaired by general rules."""

from __future__ import annotations

from newsgraph.entities import EntityIndex, extract_entities
from newsgraph.records import Entity


def _by_name(index: EntityIndex, name: str) -> Entity:
    found = [e for e in index.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in index.entities]}"
    return found[0]


def test_title_before_name_is_split_off_and_kept_as_role(parse_text) -> None:
    text = "Chairman of the Riverside Farmers Union Maria Olsen has criticised the plan. Olsen said it was rushed."
    index = extract_entities(parse_text(text))
    olsen = _by_name(index, "Maria Olsen")
    assert olsen.kind == "person"
    assert [m.text for m in olsen.mentions if m.kind == "name"] == ["Maria Olsen", "Olsen"]
    assert [r.text for r in olsen.roles] == ["Chairman of the Riverside Farmers Union"]
    assert _by_name(index, "Riverside Farmers Union").kind == "organization"


def test_role_noun_prefix_is_a_role_not_an_entity(parse_text) -> None:
    text = "The plan was rejected by the Co-Chair Paul Renner on Friday."
    index = extract_entities(parse_text(text))
    renner = _by_name(index, "Paul Renner")
    assert [r.text for r in renner.roles] == ["the Co-Chair"]
    assert not any("Co-Chair" in e.name for e in index.entities)


def test_list_after_dash_gives_people_and_a_group(parse_text) -> None:
    text = (
        "Lawmakers from the Harbor Caucus - Frank Miller, Jr., Jane Doe, Peter Brown, and Anna Berg - "
        "signed a letter. The lawmakers said they regret nothing."
    )
    index = extract_entities(parse_text(text))
    names = {e.name: e for e in index.entities}
    assert "Frank Miller, Jr." in names and names["Frank Miller, Jr."].kind == "person"
    assert names["Harbor Caucus"].kind == "organization"
    group = next(e for e in index.entities if e.kind == "group")
    assert {index.get(m).name for m in group.members} == {
        "Frank Miller, Jr.",
        "Jane Doe",
        "Peter Brown",
        "Anna Berg",
    }
    assert [r.text for r in group.roles] == ["Lawmakers from the Harbor Caucus"]
    assert {m.text for m in group.mentions} >= {"Lawmakers", "The lawmakers", "they"}
    assert [r.text for r in names["Jane Doe"].roles] == ["Lawmakers"]


def test_list_items_spacy_missed_take_their_neighbours_kind(parse_text) -> None:
    text = (
        "Envoys from France, Germany and Norway, joined by bodies like "
        "the EU, NATO, GUAM, TURKPA welcomed the truce."
    )
    index = extract_entities(parse_text(text))
    kinds = {e.name: e.kind for e in index.entities}
    for name in ("France", "Germany", "Norway"):
        assert kinds[name] == "place"
    for name in ("EU", "NATO", "GUAM", "TURKPA"):
        assert kinds.get(name) == "organization", (name, kinds)


def test_country_is_never_a_person(parse_text) -> None:
    text = "The letter disregards Moldova's sovereignty, Petrescu said. Moldova protested."
    index = extract_entities(parse_text(text))
    azerbaijan = [e for e in index.entities if e.name == "Moldova"]
    assert len(azerbaijan) == 1 and azerbaijan[0].kind == "place"
    assert len(azerbaijan[0].mentions) == 2


def test_adjective_of_nationality_is_no_entity(parse_text) -> None:
    text = "The Moldovan community has been displaced, the report said."
    index = extract_entities(parse_text(text))
    assert not any(e.name == "Moldovan" for e in index.entities)


def test_appositive_title_is_a_role(parse_text) -> None:
    text = "John Smith, the foreign minister, met Peter Brown in Oslo."
    index = extract_entities(parse_text(text))
    assert [r.text for r in _by_name(index, "John Smith").roles] == ["the foreign minister"]
    assert _by_name(index, "Peter Brown").roles == ()


def test_every_mention_and_role_points_at_its_text(parse_text) -> None:
    text = "Head of the Lakeside Council Omar Haddad - the envoy - met Ms. Jane Doe. She said he was late."
    parsed = parse_text(text)
    for e in extract_entities(parsed).entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
        for r in e.roles:
            assert text[r.start : r.end] == r.text


def test_listed_countries_and_organisations_form_groups(parse_text) -> None:
    text = (
        "Several other states, including Romania, Poland and Japan, and alliances "
        "like the EU and NATO, praised the truce."
    )
    index = extract_entities(parse_text(text))
    groups = {e.name: e for e in index.entities if e.kind == "group"}
    countries = groups["Several other states"]
    assert {index.get(m).name for m in countries.members} == {"Romania", "Poland", "Japan"}
    assert {index.get(m).name for m in groups["alliances"].members} == {"EU", "NATO"}
    for name in ("Romania", "Poland", "Japan", "EU", "NATO"):
        assert _by_name(index, name).kind in ("place", "organization")
