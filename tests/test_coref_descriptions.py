"""Coreference of descriptions: the entity in focus, owned organisations, plural speakers, documents."""

from __future__ import annotations

import re

from newsgraph.entities import extract_entities


def _entity_of(index, text: str, phrase: str):  # type: ignore[no-untyped-def]
    m = re.search(rf"\b{re.escape(phrase)}\b", text)
    assert m is not None
    return index.resolve(m.start(), m.end())


def test_coref_descriptions_epithet_refers_to_the_person_in_focus(parse_text) -> None:
    text = "Donald Reyes took questions in Salem on Monday. The billionaire businessman said the border was open."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The billionaire businessman")
    assert e is not None and e.name == "Donald Reyes"


def test_coref_descriptions_an_unnamed_person_is_not_a_named_one(parse_text) -> None:
    text = "A young woman asked Maria Olsen about the plan. The woman said it was unfair to the island."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The woman")
    assert e is not None and e.name == "A young woman"


def test_coref_descriptions_organisation_noun_fits_the_sector(parse_text) -> None:
    text = "The FBI opened an inquiry on Monday. The agency said it had found nothing."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The agency")
    assert e is not None and e.name == "FBI"
    other = "The FBI opened an inquiry on Monday. The company said it had found nothing."
    company = _entity_of(extract_entities(parse_text(other)), other, "The company")
    # not the FBI; the unnamed company may be an actor of its own (a collective or role actor)
    assert company is None or company.name != "FBI"


def test_coref_descriptions_place_noun_fits_the_kind_of_place(parse_text) -> None:
    text = "Ohio counted its ballots on Tuesday. According to the state, turnout was the highest in years."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "the state")
    assert e is not None and e.name == "Ohio"


def test_coref_descriptions_campaign_of_a_named_person_is_an_organisation(parse_text) -> None:
    text = "Dana Ortiz's campaign raised $2 million in May. The campaign said most donors gave small sums."
    index = extract_entities(parse_text(text))
    campaign = _entity_of(index, text, "The campaign")
    assert campaign is not None and campaign.kind == "organization" and campaign.name == "Dana Ortiz campaign"
    person = _entity_of(index, text, "Dana Ortiz")
    assert person is not None and person.kind == "person"


def test_coref_descriptions_plural_speakers_are_a_group(parse_text) -> None:
    text = "Officials said the bridge was safe. On Friday they said it would close for a week."
    index = extract_entities(parse_text(text))
    group = _entity_of(index, text, "Officials")
    assert group is not None and group.kind == "group"
    assert _entity_of(index, text, "they") == group


def test_coref_descriptions_voters_who_said_are_a_group(parse_text) -> None:
    text = "Emil Varga met voters who said the vote was illegal."
    index = extract_entities(parse_text(text))
    who = _entity_of(index, text, "who")
    assert who is not None and who.kind == "group" and who.name == "voters"


def test_coref_descriptions_document_speaks_for_its_author(parse_text) -> None:
    text = "The Harbour Trust issued a statement on Monday. The statement said the pier would reopen in May."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The statement")
    assert e is not None and e.name == "Harbour Trust"


def test_coref_descriptions_relative_after_an_apposition_is_the_named_person(parse_text) -> None:
    text = "The vote was condemned by Anna Berg, a lawyer and former city official who has argued the count was flawed."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "who")
    assert e is not None and e.name == "Anna Berg"


def test_coref_descriptions_generic_group_noun_fits_a_foundation(parse_text) -> None:
    text = (
        "Ferry traffic fell by a third last year, according to the Harbour Users Foundation. "
        "The group said most passengers now take the bridge."
    )
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The group")
    assert e is not None and e.name == "Harbour Users Foundation"
    # a name whose noun names a sector is no "group": the party is not
    other = "The Harbour Party lost two seats on Monday. The group said the vote had been close."
    e = _entity_of(extract_entities(parse_text(other)), other, "The group")
    assert e is None or e.name != "Harbour Party"
