"""Span conventions of the fifth round (issue 12): adverbs after the cue, the clause a
quotation continues, and a quoted fragment of a cue that already reports a content."""

from __future__ import annotations

from quote_helpers import run, with_cue


def test_quotes_spans_adverb_after_the_cue_joins_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor noted repeatedly that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "noted")
    assert q.cue is not None and q.cue.text == "noted repeatedly"
    assert q.content_text == "that the ferry would run again in May"


def test_quotes_spans_adverb_before_a_linking_preposition_joins_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler spoke passionately about the future of the old pier.\n"
    q = with_cue(run(parse_text, text), "spoke")
    assert q.cue is not None and q.cue.text == "spoke passionately about"


def test_quotes_spans_quotation_keeps_the_clause_it_continues(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'The harbour plan was "a long overdue step for the whole town," Mayor Lena Okafor said.\n'
    q = with_cue(run(parse_text, text), "said")
    assert q.kind == "mixed"
    assert q.content_text.startswith('The harbour plan was "a long overdue')


def test_quotes_spans_quotation_after_a_comma_of_its_own_stays_direct(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Mayor Lena Okafor smiled. "The ferry will run again in May," she said.\n'
    q = with_cue(run(parse_text, text), "said")
    assert q.kind == "direct"
    assert q.content_text.startswith('"The ferry')


def test_quotes_spans_quoted_fragment_of_a_cue_with_a_content_is_no_relation(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Ruth Adler tweeted that the mayor was a "loser" and later a "whiner."\n'
    quotes = run(parse_text, text)
    assert [q.content_text for q in quotes] == ['that the mayor was a "loser" and later a "whiner."']


def test_quotes_spans_verb_a_gerund_cue_complements_joins_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor kept insisting that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "insisting")
    assert q.cue is not None and q.cue.text == "kept insisting"


def test_quotes_spans_verb_of_a_noun_cue_joins_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor had no doubts about the new ferry timetable.\n"
    q = with_cue(run(parse_text, text), "doubts")
    assert q.cue is not None and q.cue.text == "had no doubts about"
    assert q.content_text == "the new ferry timetable"


def test_quotes_spans_source_leaves_out_even(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Even some of the harbour workers said that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "some of the harbour workers"


def test_quotes_spans_infinitive_cue_the_parse_hangs_as_a_purpose_takes_its_verb(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor went on to explain that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "explain")
    assert q.cue is not None and q.cue.text == "went on to explain"
