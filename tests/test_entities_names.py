"""Name matching: one entity per referent across the names an article uses."""

from __future__ import annotations

from newsgraph.entities import extract_entities


def test_surname_joins_the_full_name(parse_text) -> None:
    text = "Emil Varga criticised the letter. Varga said it was wrong. Later Varga left."
    index = extract_entities(parse_text(text))
    people = [e for e in index.entities if e.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Emil Varga"
    assert len(people[0].mentions) == 3


def test_shared_surname_stays_unresolved(parse_text) -> None:
    text = "Bill Clinton and Hillary Clinton arrived. Clinton spoke first."
    index = extract_entities(parse_text(text))
    full = {e.name for e in index.entities if e.kind == "person"}
    assert {"Bill Clinton", "Hillary Clinton"} <= full
    for e in index.entities:
        if e.name in ("Bill Clinton", "Hillary Clinton"):
            assert all(m.text != "Clinton" for m in e.mentions)


def test_organisation_short_name_keeps_its_head(parse_text) -> None:
    text = "The OSCE Monitoring Group released a report. The Monitoring Group said the count was flawed. The OSCE was not consulted."
    index = extract_entities(parse_text(text))
    orgs = {e.name: e for e in index.entities if e.kind == "organization"}
    assert [m.text for m in orgs["OSCE Monitoring Group"].mentions] == ["OSCE Monitoring Group", "Monitoring Group"]
    assert "OSCE" in orgs  # a different referent


def test_country_aliases_are_one_place(parse_text) -> None:
    text = "The United States objected. Officials in the US said the plan failed."
    index = extract_entities(parse_text(text))
    places = [e for e in index.entities if e.kind == "place"]
    assert len(places) == 1
    assert {m.text for m in places[0].mentions} == {"United States", "US"}


def test_resolve_prefers_the_person_in_a_titled_phrase(parse_text) -> None:
    text = "Head of the Lakeside Council Omar Haddad spoke. Haddad said the Lakeside Council agreed."
    parsed = parse_text(text)
    index = extract_entities(parsed)
    phrase_end = text.index(" spoke")
    found = index.resolve(0, phrase_end)
    assert found is not None and found.name == "Omar Haddad"
    assert index.resolve(text.index("agreed"), len(text)) is None


def test_entities_names_never_begin_or_end_with_an_emoji(parse_text) -> None:
    text = "The mayor of Kyiv 💥 said he was fine. 🔥Lviv🔥 and Odesa 🇺🇦 were hit by Russia 🇷🇺 overnight."
    index = extract_entities(parse_text(text))
    names = {e.name for e in index.entities}
    assert {"Kyiv", "Lviv", "Russia"} <= names
    for e in index.entities:
        for m in e.mentions:
            assert m.text[:1].isalnum() or m.text[:1] in "\"'“(", m.text
            assert m.text[-1:].isalnum() or m.text[-1:] in ".\"'”)", m.text
