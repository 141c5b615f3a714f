"""Speakers, issue 12 round 4: transcript labels, cue verbs tagged as nouns after a quote,
participles describing people (texts written for these tests)."""

from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes
from newsgraph.records import Quote


def run(parse_text, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    quotes, _ = extract_quotes(parsed, extract_entities(parsed))
    return quotes


def speaker_text(q: Quote) -> str | None:
    return None if q.speaker.mention is None else q.speaker.mention.text


TRANSCRIPT = (
    "Harbour board faces the council.\n\n"
    "Mayor Ilse Brandt spoke with the harbour chief Tom Okafor on the evening show. Partial transcript:\n\n"
    "BRANDT: Tom, the ferries have been late every day this month and the fares keep rising.\n\n"
    "OKAFOR: We have ordered two new boats, and I expect the delays to end by the spring.\n\n"
    "BRANDT: And the fares, will they come down once the new boats are running?\n\n"
    "OKAFOR: No, the fares will stay where they are for at least another year.\n"
)


def test_transcript_turns_are_statements_of_their_labels(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes = [q for q in run(parse_text, TRANSCRIPT) if q.within is None]
    turns = [q for q in quotes if q.cue is not None and q.cue.text == ":"]
    assert [speaker_text(q) for q in turns] == ["BRANDT", "OKAFOR", "BRANDT", "OKAFOR"]
    assert turns[1].content_text.startswith("We have ordered two new boats")
    assert not turns[1].content_text.endswith(".")
    assert turns[1].speaker.name is not None and "Okafor" in turns[1].speaker.name


def test_relations_inside_a_turn_are_nested_within_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes = run(parse_text, TRANSCRIPT)
    expect = [q for q in quotes if q.cue is not None and q.cue.text == "have ordered"]
    turn = next(q for q in quotes if q.cue is not None and q.cue.text == ":" and speaker_text(q) == "OKAFOR")
    assert expect and all(q.within == turn.id for q in expect)


def test_list_of_short_labelled_lines_is_no_transcript(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "What each candidate needs tonight.\n\n"
        "The harbour race is close, and each of the candidates needs something different.\n\n"
        "Brandt: A clear win.\n\n"
        "Okafor: Second place.\n\n"
        "Adler: A miracle.\n"
    )
    quotes = run(parse_text, text)
    assert not [q for q in quotes if q.cue is not None and q.cue.text == ":"]


def test_single_label_paragraph_is_no_transcript(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ferry fares rise again.\n\n"
        "The harbour board raised the fares on Monday for the third time this year.\n\n"
        "Correction: An earlier version of this article gave the wrong date for the board meeting.\n"
    )
    quotes = run(parse_text, text)
    assert not [q for q in quotes if q.cue is not None and q.cue.text == ":"]


def test_cue_verb_tagged_as_noun_after_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The harbour board wrote to every ferry passenger on Friday.\n\n"
        "\u201cFriend, the boats are old and the fares must rise to pay for new ones,\u201d the letter reads.\n"
    )
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.kind == "direct")
    assert q.cue is not None and q.cue.text == "reads"
    assert speaker_text(q) == "the letter"


def test_participle_describing_people_after_preposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The developer gave thousands of dollars to groups backing the harbour plan, records show.\n"
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.cue is not None and q.cue.text == "backing")
    assert speaker_text(q) == "groups"


def test_participle_of_existential_there(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "There were emails that night showing that the harbour chief knew about the leak.\n"
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.cue is not None and "showing" in q.cue.text)
    assert speaker_text(q) == "emails"


def test_name_after_inverted_cue_before_colon(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harbour chief Tom Okafor defended the fares at the meeting on Monday.\n\n"
        "\u201cThe boats are old and we need new ones,\u201d Okafor said.\n\n"
        "Continued Okafor: \u201cSo I think the fares have to stay where they are for now.\u201d\n"
    )
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.content_text.startswith("\u201cSo I think"))
    assert q.cue is not None and q.cue.text.startswith("Continued")
    assert speaker_text(q) == "Okafor"


def test_carried_speaker_is_not_a_relative_pronoun(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The harbour board met on Monday.\n\n"
        "\u201cWe can still fix the ferries,\u201d said Tom Okafor, who thinks often about the old pier.\n\n"
        "\u201cThe boats are old, but the crews are good and the passengers are loyal.\u201d\n"
    )
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.content_text.startswith("\u201cThe boats"))
    assert q.cue is None
    assert speaker_text(q) == "Tom Okafor"
