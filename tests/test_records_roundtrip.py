from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
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
    check_spans,
)

TEXT = 'Ana Silva said "we will win," adding: "soon." She spoke on May 2.'


def _sample() -> Analysis:
    s = lambda a, b: Span.of(TEXT, a, b)  # noqa: E731
    ana = Entity(
        "E1",
        "Ana Silva",
        "person",
        (Mention(0, 9, "Ana Silva"), Mention(46, 49, "She", "pronoun")),
        roles=(),
        actor=Actor("BRAGOV", "BRA", ("GOV",), confidence=0.9),
    )
    q = Quote("Q1", "direct", (s(16, 27), s(39, 44)), cue=s(10, 14), speaker=Speaker(s(0, 9), "E1", "Ana Silva"),
              confidence=0.9, date=AnchoredDate("2024-05-02", "text", s(59, 64)))
    v = Event("V1", "SUPPORT", s(10, 14), s(0, 44), ("E1",), (), cameo="051", quad_class=1, goldstein=3.4,
              location=Location("Brazil", "BRA", None))
    return Analysis(
        id="a1",
        text=TEXT,
        published="2024-05-03",
        entities=(ana,),
        quotes=(q,),
        framing=(FramingItem("F1", "scare_quote", s(16, 27)),),
        dates=(DateRef("D1", s(59, 64), "2024-05-02", "date", True),),
        events=(v,),
        flags=(Flag("X1", "incompatible_offices", "two offices", (s(0, 3), s(4, 9)), ("E1",)),),
    )


def test_records_roundtrip_through_json() -> None:
    a = _sample()
    d = json.loads(json.dumps(a.to_dict()))
    assert Analysis.from_dict(d) == a
    assert d["schema"] == "newsgraph/1"


def test_records_split_quote_content_is_a_list_single_is_a_span() -> None:
    d = _sample().to_dict()
    assert isinstance(d["quotes"][0]["content"], list)
    single = Quote("Q2", "direct", (Span.of(TEXT, 16, 27),))
    assert single.to_dict()["content"] == {"start": 16, "end": 27, "text": "we will win"}


def test_records_check_spans_finds_bad_offsets() -> None:
    d = _sample().to_dict()
    assert check_spans(d) == []
    d["quotes"][0]["cue"]["start"] += 1
    assert len(check_spans(d)) == 1


def test_records_from_dict_rejects_other_schema() -> None:
    d = _sample().to_dict()
    d["schema"] = "newsgraph/0"
    with pytest.raises(InputError):
        Analysis.from_dict(d)
