"""Cue extents of issue 12's seventh round (``quotes/spans.py``): "of" after a noun cue, the
addressee of "called on X to", a platform as the medium, an adjective cue without a copula."""

from __future__ import annotations

from quote_helpers import run, with_cue


def test_quotes_spans_noun_cue_keeps_of_before_its_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler's warm endorsement of the ferry subsidy surprised the harbour board.\n"
    q = with_cue(run(parse_text, text), "endorsement")
    assert q.cue is not None and q.cue.text == "warm endorsement of"
    assert q.content_text == "the ferry subsidy"


def test_quotes_spans_called_on_takes_the_addressee(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Maria Lopez called on Governor Tom Reed to resign over the water crisis.\n"
    q = with_cue(run(parse_text, text), "called")
    assert q.cue is not None and q.cue.text == "called on"
    assert q.content_text == "Governor Tom Reed to resign over the water crisis"


def test_quotes_spans_platform_is_the_medium(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor wrote on Facebook that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "wrote")
    assert q.cue is not None and q.cue.text == "wrote on Facebook"
    assert q.content_text == "that the ferry would run again in May"


def test_quotes_spans_adjective_cue_without_copula_keeps_adverb_and_preposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Many farmers, deeply skeptical about the new canal, stayed away from the meeting.\n"
    quotes = run(parse_text, text)
    q = with_cue(quotes, "skeptical")
    assert q.cue is not None and q.cue.text == "deeply skeptical about"


def test_quotes_spans_predicate_noun_cue_keeps_its_copula(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Ruth Adler has been an outspoken critic of Mayor Lena Okafor.\n"
    q = with_cue(run(parse_text, text), "critic")
    assert q.cue is not None and q.cue.text == "has been an outspoken critic of"
    assert q.content_text == "Mayor Lena Okafor"


def test_quotes_spans_source_after_the_cue_keeps_the_comma_closing_its_apposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "“The ferry will run again,” said Tom Reed, a spokesman for the harbour board, on Tuesday.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "Tom Reed, a spokesman for the harbour board,"


def test_quotes_spans_source_leaves_out_the_time_the_parser_hung_on_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "A judge in October ruled that the ferry contract was void.\n"
    q = with_cue(run(parse_text, text), "ruled")
    assert q.source is not None and q.source.text == "A judge"
