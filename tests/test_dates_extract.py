"""``extract_dates`` over parsed articles: spans, values, future clauses, spaCy fallback."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.dates import extract_dates

PUB = date(2020, 4, 23)

TEXT = (
    "The mayor of Springfield said on Monday that the fair, open on March 30 and April 13, was busy.\n"
    "Residents have waited for the past 26 years. The council meets every Tuesday.\n"
    "The 2016 election changed everything, she said yesterday."
)


def test_dates_extract_values_and_ids(parse_text) -> None:  # type: ignore[no-untyped-def]
    refs = extract_dates(parse_text(TEXT, published=PUB))
    got = [(r.id, r.span.text, r.value, r.kind, r.anchored) for r in refs]
    assert got == [
        ("D1", "Monday", "2020-04-20", "date", True),
        ("D2", "March 30", "2020-03-30", "date", True),
        ("D3", "April 13", "2020-04-13", "date", True),
        ("D4", "the past 26 years", "P26Y", "duration", False),
        ("D5", "every Tuesday", "XXXX-WXX-2", "set", False),
        ("D6", "2016", "2016", "date", True),
        ("D7", "yesterday", "2020-04-22", "date", True),
    ]


def test_dates_extract_spans_match_text(parse_text) -> None:  # type: ignore[no-untyped-def]
    for r in extract_dates(parse_text(TEXT, published=PUB)):
        assert TEXT[r.span.start : r.span.end] == r.span.text


def test_dates_extract_without_publication_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    refs = extract_dates(parse_text("The letter was sent on April 22.", published=None))
    assert [(r.value, r.anchored) for r in refs] == [("XXXX-04-22", False)]


def test_dates_extract_future_clause(parse_text) -> None:  # type: ignore[no-untyped-def]
    past = extract_dates(parse_text("The minister met the envoy on Friday.", published=PUB))
    future = extract_dates(parse_text("The minister will meet the envoy on Friday.", published=PUB))
    assert [r.value for r in past] == ["2020-04-17"]
    assert [r.value for r in future] == ["2020-04-24"]


def test_dates_extract_ignores_ages(parse_text) -> None:  # type: ignore[no-untyped-def]
    refs = extract_dates(parse_text("A 54-year-old man, aged 54, was arrested.", published=PUB))
    assert refs == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "He spoke on",
                "April 22",
                "last week",
                ",",
                "the past",
                "3 years",
                "and",
                "Monday",
                ".",
                "\n",
                "in 2019",
            ]
        ),
        max_size=15,
    )
)
def test_dates_extract_offsets_property(parse_text, words) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    refs = extract_dates(parse_text(text, published=PUB))
    ends = 0
    for r in refs:
        assert text[r.span.start : r.span.end] == r.span.text
        assert r.span.start >= ends  # no overlaps, in text order
        ends = r.span.end
    assert [r.id for r in refs] == [f"D{i}" for i in range(1, len(refs) + 1)]
