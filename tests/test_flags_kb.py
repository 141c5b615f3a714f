"""Offices the knowledge base says a person did not hold on the article's date (injected KB)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.flags import find_flags
from newsgraph.records import AnchoredDate, Quote, Span, Speaker


@dataclass(frozen=True)
class FakeRole:
    office: str
    country: str | None
    sector: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class FakePerson:
    name: str
    roles: tuple[FakeRole, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass
class FakeKB:
    people: list[FakePerson] = field(default_factory=list)

    def people_named(self, name: str) -> list[FakePerson]:
        return [p for p in self.people if p.name == name or name in p.aliases]

    def lookup(self, name: str, *, min_confidence: float = 0.8, fuzzy: bool = True) -> None:
        return None


KB = FakeKB(
    [
        FakePerson(
            "Carl Berg",
            (FakeRole("President of Ruritania", "RUR", "GOV", date(2001, 1, 1), date(2009, 1, 1)),),
        ),
        FakePerson(
            "Dana Holt", (FakeRole("Prime Minister of Ruritania", "RUR", "GOV", date(2015, 5, 1), None),)
        ),
        FakePerson(
            "Eve Stone",
            (FakeRole("Foreign Minister of Ruritania", "RUR", "GOV", date(2010, 1, 1), date(2012, 1, 1)),),
        ),
    ]
)


def test_flags_kb_office_held_at_another_time(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "President Carl Berg opened the session on April 20."
    (flag,) = find_flags(parse_text(text, published=date(2020, 4, 23)), [], [], kb=KB)
    assert flag.kind == "office_not_held"
    assert "2001-01-01 to 2009-01-01" in flag.reason
    assert [s.text for s in flag.spans] == ["President", "Carl Berg"]


def test_flags_kb_office_held_on_the_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert (
        find_flags(
            parse_text("President Carl Berg opened the session on Monday.", published=date(2005, 6, 1)),
            [],
            [],
            kb=KB,
        )
        == []
    )
    assert (
        find_flags(
            parse_text("Prime Minister Dana Holt spoke on Monday.", published=date(2020, 4, 23)),
            [],
            [],
            kb=KB,
        )
        == []
    )


def test_flags_kb_text_date_wins_over_publication(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "President Carl Berg signed the treaty on March 3, 2004."
    assert find_flags(parse_text(text, published=date(2020, 4, 23)), [], [], kb=KB) == []


def test_flags_kb_never_held_covered_office(parse_text) -> None:  # type: ignore[no-untyped-def]
    (flag,) = find_flags(
        parse_text("Prime Minister Eve Stone spoke on Monday.", published=date(2011, 1, 1)), [], [], kb=KB
    )
    assert flag.kind == "office_not_held" and "never" in flag.reason


def test_flags_kb_former_and_unknown_people_not_flagged(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert (
        find_flags(
            parse_text("Former President Carl Berg spoke on Monday.", published=date(2020, 4, 23)),
            [],
            [],
            kb=KB,
        )
        == []
    )
    assert (
        find_flags(
            parse_text("President Zed Quill spoke on Monday.", published=date(2020, 4, 23)), [], [], kb=KB
        )
        == []
    )


def test_flags_kb_no_date_no_claim(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert (
        find_flags(parse_text("President Carl Berg opened the session.", published=None), [], [], kb=KB) == []
    )


def test_flags_kb_historical_title_not_checked_against_publication(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "He voted against President Carl Berg's budget."
    assert find_flags(parse_text(text, published=date(2020, 4, 23)), [], [], kb=KB) == []


def test_flags_kb_quoted_person_dated_by_the_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"We will win," President Carl Berg said.'
    k = text.index("President")
    quote = Quote(
        "Q1",
        "direct",
        (Span.of(text, 0, 14),),
        cue=Span.of(text, text.index("said"), text.index("said") + 4),
        speaker=Speaker(mention=Span.of(text, k, k + 19)),
        date=AnchoredDate("2020-04-23", "publication"),
    )
    (flag,) = find_flags(parse_text(text, published=date(2020, 4, 23)), [], [quote], kb=KB)
    assert flag.kind == "office_not_held"


def test_flags_kb_week_dates_are_not_days(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "this weekend" is 2020-W17-WE: not a day to check a title against, and no crash
    text = "President Carl Berg opened the session this weekend."
    assert find_flags(parse_text(text, published=date(2020, 4, 23)), [], [], kb=KB) == []


@dataclass(frozen=True)
class DictionaryPerson:
    """An office holder converted from the Phoenix dictionaries: offices known up to ``as_of``."""

    name: str
    roles: tuple[FakeRole, ...] = ()
    aliases: tuple[str, ...] = ()
    as_of: date | None = date(2014, 1, 30)


PHOENIX_KB = FakeKB(
    [
        *KB.people,
        DictionaryPerson("Ivo Marek", (FakeRole("President", "RUR", "GOV", date(2010, 2, 1), None),)),
        DictionaryPerson("Lina Voss", (FakeRole("Phoenix RURLEG", "RUR", "LEG", date(2001, 1, 1), date(2009, 1, 1)),)),
    ]
)


def test_flags_kb_dictionary_person_checked_up_to_its_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    # before the dated role the dictionary's title names: flagged
    (flag,) = find_flags(
        parse_text("President Ivo Marek spoke on Monday.", published=date(2008, 5, 5)), [], [], kb=PHOENIX_KB
    )
    assert flag.kind == "office_not_held" and "2010-02-01 to now" in flag.reason
    # after the dictionary's date nothing is known: no claim either way
    assert find_flags(parse_text("President Ivo Marek spoke on Monday.", published=date(2019, 5, 5)), [], [], kb=PHOENIX_KB) == []


def test_flags_kb_dictionary_silence_is_not_evidence(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the dictionary lists no presidency for her, but its lists are incomplete: no "never held" flag
    assert (
        find_flags(parse_text("President Lina Voss spoke on Monday.", published=date(2005, 5, 5)), [], [], kb=PHOENIX_KB)
        == []
    )
