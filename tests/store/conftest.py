"""A hand-built analysis with every kind of record, for the store tests."""

from __future__ import annotations

import pytest

from newsgraph.records import (
    Actor,
    Analysis,
    AnchoredDate,
    DateRef,
    Entity,
    Event,
    Flag,
    FramingItem,
    Location,
    Mention,
    Quote,
    Span,
    Speaker,
)

TEXT = (
    'Ilham Aliyev said on Monday that Azerbaijan "will never accept" the proposal. '
    "He met Vladimir Putin in Moscow, and the two leaders met again later."
)


def _sp(s: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return Span.of(TEXT, start, start + len(s))


def _m(s: str, kind: str = "name") -> Mention:
    sp = _sp(s)
    return Mention(sp.start, sp.end, sp.text, kind)  # type: ignore[arg-type]


def make_analysis(
    article_id: str = "art1", published: str | None = "2020-04-22", text_suffix: str = ""
) -> Analysis:
    aliyev = Entity(
        "E1",
        "Ilham Aliyev",
        "person",
        (_m("Ilham Aliyev"), _m("He", "pronoun")),
        actor=Actor("AZEGOV", "AZE", ("GOV", "EXE"), wikidata="Q1"),
    )
    putin = Entity(
        "E2", "Vladimir Putin", "person", (_m("Vladimir Putin"),), actor=Actor("RUSGOV", "RUS", ("GOV",))
    )
    moscow = Entity("E3", "Moscow", "place", (_m("Moscow"),))
    leaders = Entity(
        "E4", "the two leaders", "group", (_m("the two leaders", "nominal"),), members=("E1", "E2")
    )
    quote = Quote(
        "Q1",
        "mixed",
        (_sp("will never accept"),),
        cue=_sp("said"),
        speaker=Speaker(_sp("Ilham Aliyev"), "E1", "Ilham Aliyev"),
        confidence=0.9,
        date=AnchoredDate("2020-04-20", "text", _sp("on Monday")),
    )
    date = DateRef("D1", _sp("on Monday"), "2020-04-20", "date", True)
    event = Event(
        "V1",
        "CONSULT",
        _sp("met"),
        _sp("He met Vladimir Putin in Moscow"),
        source=("E1",),
        target=("E2", "E4"),
        quote="Q1",
        context=("diplomacy",),
        location=Location("Moscow", "RUS", _sp("Moscow")),
        more_evidence=(_sp("met", 1),),
        confidence=0.7,
    )
    framing = FramingItem("F1", "scare_quote", _sp('"will never accept"'))
    flag = Flag("X1", "contradiction", "two meetings", (_sp("met"), _sp("met", 1)), ("E1", "E2"))
    return Analysis(
        article_id,
        TEXT + text_suffix,
        published=published,
        title="Talks",
        entities=(aliyev, putin, moscow, leaders),
        quotes=(quote,),
        framing=(framing,),
        dates=(date,),
        events=(event,),
        flags=(flag,),
        meta={"newsgraph": "test"},
    )


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture(name="make_analysis")
def make_analysis_fixture():  # type: ignore[no-untyped-def]
    return make_analysis
