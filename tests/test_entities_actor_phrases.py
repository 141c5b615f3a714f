"""Actor phrases ("the Georgian foreign ministry") are entities of the entity stage,
so that the quote stage, which runs before actor coding, can resolve speakers to them."""

from __future__ import annotations

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes


def test_entities_demonym_ministry_is_an_organization(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The Georgian foreign ministry said the ballot had no legal force."
    index = extract_entities(parse_text(text))
    start = text.index("Georgian")
    found = index.resolve(0, text.index(" said"))
    assert found is not None and found.kind == "organization"
    assert found.mentions[0].start == start and found.name == "Georgian foreign ministry"


def test_entities_country_possessive_body_is_an_organization(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Serbia's interior ministry denied the report on Monday."
    index = extract_entities(parse_text(text))
    found = index.resolve(0, text.index(" denied"))
    assert found is not None and found.kind == "organization"
    assert found.name == "Serbia's interior ministry"


def test_entities_phrase_entity_is_in_index_before_actor_coding(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The Bolivian army said on Friday that the road was open."
    parsed = parse_text(text)
    index = extract_entities(parsed)
    ids = [e.id for e in index.entities]
    assert ids == [f"E{n}" for n in range(1, len(ids) + 1)]  # numbered in text order
    army = index.resolve(0, text.index(" said"))
    assert army is not None and "army" in army.name
    # actor coding adds codes, not entities
    coded = code_actors(parsed, index.entities)
    assert [e.id for e in coded] == ids
    assert next(e for e in coded if e.id == army.id).actor.code == "BOLMIL"


def test_entities_quote_speaker_resolves_to_phrase_entity(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'The Peruvian government said: "We will not sign this agreement."'
    parsed = parse_text(text)
    index = extract_entities(parsed)
    quotes, _ = extract_quotes(parsed, index)
    assert quotes, "expected one quote"
    speaker = quotes[0].speaker
    assert speaker.entity is not None
    entity = index.get(speaker.entity)
    assert entity is not None and entity.name == "Peruvian government"


def test_entities_knowledge_base_name_missed_by_tagger_is_added(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Baku accused Yerevan of shelling. Later Baku repeated the claim."
    index = extract_entities(parse_text(text))
    baku = index.resolve(0, 4)
    assert baku is not None and baku.kind == "place"
    assert [m.text for m in baku.mentions] == ["Baku", "Baku"]


def test_entities_bare_capitalised_common_nouns_are_not_entities(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The Council of Europe said "the decision will not be accepted by any member State". '
        "The Ministry declined to comment, and the Government was silent."
    )
    index = extract_entities(parse_text(text))
    names = {e.name for e in index.entities}
    assert not names & {"State", "Ministry", "Government"}, names


def test_entities_known_bodies_named_by_one_word_stay(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Congress passed the bill on Tuesday after a long debate."
    index = extract_entities(parse_text(text))
    assert any(e.name == "Congress" for e in index.entities)


def test_entities_resolve_prefers_the_mention_holding_the_phrase(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Four US senators wrote the letter. US Senators from the Armed Services Committee - "
        "John Hart, Mary Vance, Lee Ortiz and Ann Cole - signed it."
    )
    index = extract_entities(parse_text(text))
    part = text.index("US senators")
    group = index.resolve(part, part + len("US senators"))  # inside the mention "Four US senators"
    assert group is not None and group.kind == "group"
    us = index.resolve(part, part + 2)  # exactly the name "US"
    assert us is not None and us.kind == "place"


def test_entities_demonym_phrase_beats_owner(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Kosovo's Serbian community protested on Monday. The Serbian community said it felt ignored."
    index = extract_entities(parse_text(text))
    names = [e.name for e in index.entities if "community" in e.name]
    assert names == ["Serbian community"], names
    entity = next(e for e in index.entities if e.name == "Serbian community")
    assert len([m for m in entity.mentions if m.kind == "nominal"]) == 2
