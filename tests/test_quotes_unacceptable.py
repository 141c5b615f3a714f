"""Quotes a reader would never accept (issue 10, item 7): each class on an invented text.

Deeds are no statements, a mixed quote ends with its clause, a place inside the speaker's
phrase is not the speaker, the head of the phrase is, and two speakers' quotes are two records.
"""

from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.pipeline import Analyzer
from newsgraph.quotes import extract_quotes


def _quotes(parse_text, text: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return extract_quotes(parsed, extract_entities(parsed))[0]


def test_quotes_unacceptable_a_country_attacking_a_country_is_no_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(parse_text, "Russia attacked Ukraine on Thursday.") == []
    assert _quotes(parse_text, "Rebels attacked the town before dawn.") == []
    # an attack in words is still one
    words = _quotes(parse_text, "The senator attacked the plan as “a giveaway to the rich”.")
    assert len(words) == 1 and words[0].cue is not None and words[0].cue.text == "attacked"


def test_quotes_unacceptable_mixed_quote_ends_with_its_clause(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'The president said "we will respond" and the army attacked the town.'
    quotes = _quotes(parse_text, text)
    assert len(quotes) == 1
    assert quotes[0].content_text == '"we will respond"'
    assert quotes[0].speaker.mention is not None and quotes[0].speaker.mention.text == "The president"
    # a report that goes on after the quotation keeps its second clause
    text = 'The mayor said that the ferry was "a lifeline" and that the council would keep it.'
    (quote,) = _quotes(parse_text, text)
    assert quote.content_text.endswith("the council would keep it")


def test_quotes_unacceptable_place_inside_the_speaker_phrase_is_not_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Western diplomatic sources in neighbouring Pakistan said the talks had stalled."
    (quote,) = _quotes(parse_text, text)
    assert quote.speaker.name != "Pakistan"
    assert quote.speaker.mention is not None and quote.speaker.mention.text.startswith("Western diplomatic sources")


def test_quotes_unacceptable_the_head_of_the_phrase_is_the_speaker(analyzer: Analyzer) -> None:
    result = analyzer("Benin police said three people were arrested in Cotonou on Monday.")
    (quote,) = result.quotes
    assert quote.speaker.name == "Benin police"
    police = next(e for e in result.entities if e.name == "Benin police")
    assert police.actor is not None and police.actor.code == "BENCOP"


def test_quotes_unacceptable_two_speakers_are_two_records(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "“We are refugees,” Ms. Alawee said. “We are not terrorists.” Mr. Zahed said: “The attack was the work of terrorists.”\n"
    quotes = _quotes(parse_text, text)
    zahed = [q for q in quotes if q.speaker.name == "Zahed"]
    assert len(zahed) == 1 and [c.text for c in zahed[0].content] == ["“The attack was the work of terrorists.”"]
    text = "“Can you explain that?”\n\n“I am very disappointed in the party,” Trump said.\n"
    quotes = _quotes(parse_text, text)
    assert all(len(q.content) == 1 for q in quotes)
