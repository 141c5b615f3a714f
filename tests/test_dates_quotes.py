"""Dating speech acts: the date attached to the cue, else the publication date."""

from __future__ import annotations

from datetime import date

from newsgraph.dates import date_quotes, extract_dates, speech_date
from newsgraph.records import Quote, Span

PUB = date(2020, 4, 23)


def _quote(text: str, content: str, cue: str) -> Quote:
    cs = text.index(content)
    ce = cs + len(content)
    k = text.index(cue, ce) if cue in text[ce:] else text.index(cue)
    return Quote("Q1", "direct", (Span.of(text, cs, ce),), cue=Span.of(text, k, k + len(cue)))


def test_dates_quotes_date_attached_to_cue_clause(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The vote on March 31 was a sham," the envoy noted in a memo to the council on April 22.'
    )
    parsed = parse_text(text, published=PUB)
    refs = extract_dates(parsed)
    (q,) = date_quotes(parsed, [_quote(text, '"The vote on March 31 was a sham,"', "noted")], refs)
    assert q.date is not None
    assert (q.date.value, q.date.basis) == ("2020-04-22", "text")
    assert q.date.span is not None and q.date.span.text == "April 22"


def test_dates_quotes_date_inside_content_is_not_the_speech_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"The vote on March 31 was a sham," the envoy said.'
    parsed = parse_text(text, published=PUB)
    (q,) = date_quotes(
        parsed, [_quote(text, '"The vote on March 31 was a sham,"', "said")], extract_dates(parsed)
    )
    assert q.date is not None
    assert (q.date.value, q.date.basis, q.date.span) == ("2020-04-23", "publication", None)


def test_dates_quotes_date_of_another_clause_is_not_used(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The senator, who was elected on March 3, said the plan would fail."
    parsed = parse_text(text, published=PUB)
    cue = text.index("said")
    got = speech_date(parsed, Span.of(text, cue, cue + 4), extract_dates(parsed))
    assert got is not None and got.basis == "publication"


def test_dates_quotes_weekday_after_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said on Tuesday that talks would resume."
    parsed = parse_text(text, published=PUB)
    cue = text.index("said")
    content = text.index("that")
    q = Quote("Q1", "indirect", (Span.of(text, content, len(text) - 1),), cue=Span.of(text, cue, cue + 4))
    (dated,) = date_quotes(parsed, [q], extract_dates(parsed))
    assert dated.date is not None and (dated.date.value, dated.date.basis) == ("2020-04-21", "text")


def test_dates_quotes_no_publication_date_no_text_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"We will win," she said.'
    parsed = parse_text(text, published=None)
    (q,) = date_quotes(parsed, [_quote(text, '"We will win,"', "said")], extract_dates(parsed))
    assert q.date is None


def test_dates_quotes_date_modifying_a_noun_is_not_the_speech_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "She said of the 2012 race that it was over."
    parsed = parse_text(text, published=PUB)
    cue = text.index("said")
    got = speech_date(parsed, Span.of(text, cue, cue + 4), extract_dates(parsed))
    assert got is not None and got.basis == "publication"


def test_dates_quotes_date_inside_quotation_marks_is_skipped(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"It is different [from 2012] now," said the adviser on Monday.'
    parsed = parse_text(text, published=PUB)
    cue = text.index("said")
    # no content span given: the quotation marks alone keep 2012 out
    got = speech_date(parsed, Span.of(text, cue, cue + 4), extract_dates(parsed))
    assert got is not None and got.value == "2020-04-20"
