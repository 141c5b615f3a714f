"""Rule-based coreference: pronouns and descriptions to the entities they stand for."""

from __future__ import annotations

import re

from newsgraph.entities import extract_entities


def _entity_of(index, text: str, word: str):  # type: ignore[no-untyped-def]
    """The entity of the first whole-word occurrence of ``word``."""
    m = re.search(rf"\b{re.escape(word)}\b", text)
    assert m is not None
    return index.resolve(m.start(), m.end())


def test_he_links_to_the_previous_subject(parse_text) -> None:
    text = "Emil Varga wrote to Congress. He recalled that the village was flooded."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "He")
    assert e is not None and e.name == "Emil Varga"
    assert any(m.text == "He" and m.kind == "pronoun" for m in e.mentions)


def test_gender_decides_between_two_people(parse_text) -> None:
    text = "Maria Olsen met John Smith on Monday. He said the talks went well."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "He")
    assert e is not None and e.name == "John Smith"


def test_honorific_gives_gender(parse_text) -> None:
    text = "Mr. Varga spoke first. Ms. Petrescu answered him. She said she disagreed."
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "him").name == "Varga"
    assert _entity_of(index, text, "She").name == "Petrescu"


def test_ambiguous_pronoun_is_left_unlinked(parse_text) -> None:
    text = "The report cited John Smith and Peter Brown. Later he resigned."
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "he") is None


def test_pronoun_inside_a_quotation_is_not_linked(parse_text) -> None:
    text = 'Peter Brown arrived late. "He is a liar," Brown said of the mayor.'
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "He") is None


def test_pleonastic_it_is_not_linked(parse_text) -> None:
    text = "The OSCE Monitoring Group met on Friday. It must be stressed that the count was flawed."
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "It") is None


def test_description_matches_an_earlier_role(parse_text) -> None:
    text = "Sen. Jane Doe criticised the bill on Monday. The senator said it was rushed."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The senator")
    assert e is not None and e.name == "Jane Doe"
    assert any(m.text == "The senator" and m.kind == "nominal" for m in e.mentions)


def test_description_without_a_matching_role_is_not_linked(parse_text) -> None:
    text = "Jane Doe criticised the bill on Monday. The minister said it was rushed."
    index = extract_entities(parse_text(text))
    # not linked to Jane Doe: the description is an actor of its own (a role actor)
    e = _entity_of(index, text, "The minister")
    assert e is None or (e.name == "The minister" and len(e.mentions) == 1)


def test_plural_title_refers_to_the_listed_group(parse_text) -> None:
    text = (
        "Some US senators criticised the vote. US Representatives - Frank Miller, Jane Doe and Peter Brown - "
        "signed a letter. Varga asked the US senators to stop."
    )
    index = extract_entities(parse_text(text))
    group = next(e for e in index.entities if e.kind == "group")
    assert {m.text for m in group.mentions} >= {"US senators", "US Representatives", "the US senators"}
    assert len(group.members) == 3


def test_their_is_not_linked_when_its_sentence_has_its_own_plural_subject(parse_text) -> None:
    text = (
        "US Representatives - Frank Miller, Jane Doe and Peter Brown - signed a letter. "
        "Other countries renewed their support."
    )
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "their") is None


def test_organisation_description(parse_text) -> None:
    text = "The Lakeside Farmers Union rejected the plan. The union said members would strike."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "The union")
    assert e is not None and e.name == "Lakeside Farmers Union"


def test_relative_pronoun_takes_the_entity_its_clause_hangs_on(parse_text) -> None:
    text = "Emil Varga, who heads the community, said the vote was illegal."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "who")
    assert e is not None and e.name == "Emil Varga"


def test_relative_pronoun_of_a_plain_noun_is_not_linked(parse_text) -> None:
    text = "Emil Varga praised the old law which protects the river."
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "which") is None


def test_relative_pronoun_of_a_collective_takes_its_group(parse_text) -> None:
    # "farmers" becomes a group (collectives step) after the relatives were first linked
    text = "Emil Varga met farmers who grow wheat near the river."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "who")
    assert e is not None and e.kind == "group" and e == _entity_of(index, text, "farmers")


def test_unnamed_official_is_a_referent_of_its_own(parse_text) -> None:
    text = "A senior administration official said the talks failed. The official added that nothing changed."
    index = extract_entities(parse_text(text))
    first = _entity_of(index, text, "A senior administration official")
    assert first is not None and first.kind == "person"
    assert _entity_of(index, text, "The official") == first


def test_predicate_title_is_a_role_and_matches_a_later_description(parse_text) -> None:
    text = "John Smith is a senator. According to a spokesman, he left. The senator said so."
    index = extract_entities(parse_text(text))
    smith = _entity_of(index, text, "John Smith")
    assert [r.text for r in smith.roles] == ["a senator"]
    assert _entity_of(index, text, "The senator") == smith
    assert _entity_of(index, text, "he") == smith


def test_they_after_coordinated_people_is_their_group(parse_text) -> None:
    text = "Jane Doe and Peter Brown signed the letter. They said it was urgent."
    index = extract_entities(parse_text(text))
    they = _entity_of(index, text, "They")
    assert they is not None and they.kind == "group"
    assert {index.get(m).name for m in they.members} == {"Jane Doe", "Peter Brown"}


def test_typewriter_quotes_hide_their_pronouns(parse_text) -> None:
    text = "Mrs. Clinton spoke in Ohio. ''He is wrong,'' she said."
    index = extract_entities(parse_text(text))
    assert _entity_of(index, text, "He") is None
    assert _entity_of(index, text, "she").name == "Clinton"


def test_he_after_a_run_of_quoted_sentences_is_the_last_speaker(parse_text) -> None:
    # the antecedent is seven sentences back, but all of them between are quoted speech
    text = (
        "Tom Hale spoke to the council on Monday.\n\n"
        "“We tested the pumps. They work. Nobody objected. The costs fell. The town agreed. "
        "The river is clean again.”\n\n"
        "“It will stay that way,” he said."
    )
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "he")
    assert e is not None and e.name == "Tom Hale"


def test_he_said_takes_the_main_subject_when_nobody_spoke(parse_text) -> None:
    text = (
        "Tom Hale has argued for weeks that Peter Brown is not ready for the job. "
        "“He has never run anything,” he said."
    )
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "he")
    assert e is not None and e.name == "Tom Hale"


def test_he_said_takes_the_last_speaker_over_the_last_name(parse_text) -> None:
    text = (
        "On Monday Tom Hale said that Peter Brown had rigged the vote in the spring. "
        "“I have the numbers,” he said."
    )
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "he")
    assert e is not None and e.name == "Tom Hale"


def test_a_surname_that_is_also_a_first_name_keeps_the_gender_of_the_person(parse_text) -> None:
    # "Clinton" is a man's first name in the name list; here it is Maria Clinton's surname
    text = "Clinton arrived late. Maria Clinton then said she was ready."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "she")
    assert e is not None and e.name == "Maria Clinton"


def test_honorific_chooses_between_two_people_with_one_surname(parse_text) -> None:
    text = "Helen Ward and Paul Ward run the farm. On Monday Mrs. Ward said she would sell it."
    index = extract_entities(parse_text(text))
    mrs = _entity_of(index, text, "Ward said")
    assert mrs is not None and mrs.name == "Helen Ward"
    assert _entity_of(index, text, "she") == mrs


def test_relative_of_an_actor_phrase_made_after_coreference_is_linked(parse_text) -> None:
    # "the Spanish defence minister" becomes an entity in the actor-phrase step, after the
    # relatives were first linked
    text = "Reporters waited outside for the Spanish defence minister, who later told them the base would stay open."
    index = extract_entities(parse_text(text))
    e = _entity_of(index, text, "who")
    assert e is not None and e.name == "Spanish defence minister"


def test_second_coordinated_relative_takes_the_same_antecedent(parse_text) -> None:
    text = (
        "Senator Maria Lopez, who chairs the harbour committee, and who has long said the fees are too "
        "high, voted against the plan on Monday."
    )
    index = extract_entities(parse_text(text))
    second = text.index("who", text.index("and who"))
    e = index.resolve(second, second + 3)
    assert e is not None and e.name == "Maria Lopez"

