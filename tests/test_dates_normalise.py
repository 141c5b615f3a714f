"""Date expressions normalised against a publication date (no spaCy needed)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.dates import normalise

PUB = date(2020, 4, 23)  # a Thursday


def one(text: str, published: date | None = PUB, **kw: bool) -> tuple[str, str, str, bool]:
    found = normalise(text, published, **kw)
    assert len(found) == 1, found
    n = found[0]
    return text[n.start : n.end], n.value, n.kind, n.anchored


# Hand-checked cases: (text, expression, value, kind) with publication 2020-04-23 (Thursday).
CASES = [
    ("on April 22", "April 22", "2020-04-22", "date"),
    ("held on March 31", "March 31", "2020-03-31", "date"),
    ("Sept. 11, 2001", "Sept. 11, 2001", "2001-09-11", "date"),
    ("on 22 April 2020", "22 April 2020", "2020-04-22", "date"),
    ("on the 3rd of May", "the 3rd of May", "2020-05-03", "date"),
    ("Wednesday, April 22", "Wednesday, April 22", "2020-04-22", "date"),
    ("on 4/22/2020", "4/22/2020", "2020-04-22", "date"),
    ("on 2020-04-22", "2020-04-22", "2020-04-22", "date"),
    ("in May 2012", "May 2012", "2012-05", "date"),
    ("in early February", "early February", "2020-02", "date"),
    ("since 2016", "2016", "2016", "date"),
    ("yesterday", "yesterday", "2020-04-22", "date"),
    ("today", "today", "2020-04-23", "date"),
    ("tomorrow", "tomorrow", "2020-04-24", "date"),
    ("last night", "last night", "2020-04-22TNI", "date"),
    ("this morning", "this morning", "2020-04-23TMO", "date"),
    ("on Monday", "Monday", "2020-04-20", "date"),
    ("on Thursday", "Thursday", "2020-04-23", "date"),
    ("Tuesday night", "Tuesday night", "2020-04-21TNI", "date"),
    ("last Tuesday", "last Tuesday", "2020-04-21", "date"),
    ("next Tuesday", "next Tuesday", "2020-04-28", "date"),
    ("earlier this month", "earlier this month", "2020-04", "date"),
    ("last month", "last month", "2020-03", "date"),
    ("this week", "this week", "2020-W17", "date"),
    ("last week", "last week", "2020-W16", "date"),
    ("next year", "next year", "2021", "date"),
    ("earlier this year", "earlier this year", "2020", "date"),
    ("last summer", "last summer", "2019-SU", "date"),
    ("last April", "last April", "2019-04", "date"),
    ("two weeks ago", "two weeks ago", "2020-W15", "date"),
    ("six months ago", "six months ago", "2019-10", "date"),
    ("20 years ago", "20 years ago", "2000", "date"),
    ("three days ago", "three days ago", "2020-04-20", "date"),
    ("in the 1990s", "the 1990s", "199X", "date"),
    ("in the '80s", "the '80s", "198X", "date"),
    ("the 19th century", "the 19th century", "18XX", "date"),
    ("in the first quarter of 2013", "the first quarter of 2013", "2013-Q1", "date"),
    ("on Christmas Day", "Christmas Day", "2019-12-25", "date"),
    ("the past 26 years", "the past 26 years", "P26Y", "duration"),
    ("for the last two weeks", "the last two weeks", "P2W", "duration"),
    ("in the coming weeks", "the coming weeks", "PXW", "duration"),
    ("for three months", "three months", "P3M", "duration"),
    ("a three-day visit", "three-day", "P3D", "duration"),
    ("a 10-year sentence", "10-year", "P10Y", "duration"),
    ("for 48 hours", "48 hours", "PT48H", "duration"),
    ("in recent years", "recent years", "PAST_REF", "date"),
    ("by the end of the year", "the end of the year", "2020", "date"),
    ("on election day", "election day", "2019-11-05", "date"),
    ("every Monday", "every Monday", "XXXX-WXX-1", "set"),
    ("every April", "every April", "XXXX-04", "set"),
    ("twice a week", "twice a week", "P1W", "set"),
    ("published daily", "daily", "P1D", "set"),
]


@pytest.mark.parametrize(("text", "expr", "value", "kind"), CASES)
def test_dates_normalise_hand_checked(text: str, expr: str, value: str, kind: str) -> None:
    got_expr, got_value, got_kind, anchored = one(text)
    assert (got_expr, got_value, got_kind) == (expr, value, kind)
    assert anchored == (kind == "date" and "X" not in value and not value.endswith("_REF"))


def test_dates_normalise_year_nearest_publication_preferring_past() -> None:
    # late December seen from early January is last year's
    assert one("on December 30", date(2021, 1, 5))[1] == "2020-12-30"
    # a few days ahead across new year stays in the future
    assert one("on January 3", date(2020, 12, 30))[1] == "2021-01-03"
    # a month ahead is nearer than eleven months back, even counting double
    assert one("in May", PUB)[1] == "2020-05"
    # ... but ten months ahead loses to two months back
    assert one("in February", PUB)[1] == "2020-02"


def test_dates_normalise_future_clause_resolves_forward() -> None:
    assert one("on Monday", PUB, future=True)[1] == "2020-04-27"
    autumn = date(2020, 10, 20)
    assert one("on April 20", autumn)[1] == "2020-04-20"
    assert one("on April 20", autumn, future=True)[1] == "2021-04-20"


def test_dates_normalise_without_publication_date_is_unanchored() -> None:
    assert one("on April 22", None)[1:] == ("XXXX-04-22", "date", False)
    assert one("yesterday", None)[1:] == ("XXXX-XX-XX", "date", False)
    assert one("last week", None)[1:] == ("XXXX-WXX", "date", False)
    assert one("on Tuesday", None)[1:] == ("XXXX-WXX-2", "date", False)
    # explicit years need no publication date
    assert one("Sept. 11, 2001", None)[1:] == ("2001-09-11", "date", True)


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "April Ryan asked a question.",
        "a 21-year-old man",
        "the march on Washington",
        "The Daily Beast reported",
        "he paid $2016 for it",
        "there were 2016 votes",
        "twice a day",  # a set, never the duration "a day"
    ],
)
def test_dates_normalise_rejects_non_dates(text: str) -> None:
    assert [n for n in normalise(text, PUB) if n.kind != "set"] == []


def test_dates_normalise_splits_coordinated_dates() -> None:
    text = "the concerts on March 30 and April 13"
    got = [(text[n.start : n.end], n.value) for n in normalise(text, PUB)]
    assert got == [("March 30", "2020-03-30"), ("April 13", "2020-04-13")]


def test_dates_normalise_permissive_accepts_bare_years_and_units() -> None:
    assert normalise("2016", PUB) == []
    assert one("2016", PUB, permissive=True)[1] == "2016"
    assert one("years", PUB, permissive=True)[1:3] == ("PXY", "duration")
    assert one("a week", PUB, permissive=True)[1:3] == ("P1W", "duration")


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("April Mayday 2019 last next week the past 26 years ago ,.-'\n")),
        max_size=80,
    ),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)) | st.none(),
)
def test_dates_normalise_offsets_are_valid_and_ordered(text: str, published: date | None) -> None:
    found = normalise(text, published)
    prev = 0
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert n.start >= prev
        assert text[n.start : n.end] == text[n.start : n.end].strip()
        assert n.kind in ("date", "duration", "set")
        prev = n.end


@pytest.mark.parametrize(
    "text", ["Figueroa told USA Today.", "he told CBS This Morning in an interview", "USA TODAY reported"]
)
def test_dates_normalise_names_are_not_deictic_dates(text: str) -> None:
    assert normalise(text, PUB) == []


def test_dates_normalise_sentence_initial_deictic_is_a_date() -> None:
    assert one("He left. Today the party met.")[:2] == ("Today", "2020-04-23")
    assert one("in July.")[0] == "July"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)) | st.none())
def test_dates_normalise_never_fails_on_any_text(text: str, published: date | None) -> None:
    for n in normalise(text, published):
        assert 0 <= n.start < n.end <= len(text)


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_dates_normalise_calendar_edges(published: date) -> None:
    # the year before 1 / after 9999 does not exist: no crash, some value or none
    for expr in (
        "on December 30",
        "on January 3",
        "last week",
        "next year",
        "tomorrow",
        "yesterday",
        "on Monday",
    ):
        normalise(expr, published)
