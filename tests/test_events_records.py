"""Event records: merging repeated mentions, dates, valid spans, linear time on huge lists."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event, check_spans


def test_events_records_repeated_mention_is_one_record(analyzer: Analyzer) -> None:
    a = analyzer("France criticized Germany.\n\nLater on Friday, France again criticized Germany.")
    accuse = [e for e in a.events if e.type == "ACCUSE"]
    assert len(accuse) == 1
    assert len(accuse[0].more_evidence) == 1
    assert "Later" in accuse[0].more_evidence[0].text


def test_events_records_ids_types_and_roundtrip(analyzer: Analyzer) -> None:
    a = analyzer("Spain praised Portugal. Russia withdrew its troops from Georgia.", published="2021-05-04")
    assert [e.id for e in a.events] == [f"V{i}" for i in range(1, len(a.events) + 1)]
    for ev in a.events:
        assert Event.from_dict(ev.to_dict()) == ev
        assert ev.date is not None and ev.date.value == "2021-05-04" and ev.date.basis == "publication"
    assert check_spans(a.to_dict()) == []
    assert Analysis.from_dict(a.to_dict()).events == a.events


def test_events_records_date_from_the_text(analyzer: Analyzer) -> None:
    a = analyzer("France criticized Germany on April 22.", published="2020-04-23")
    ev = a.events[0]
    assert ev.date is not None and ev.date.value == "2020-04-22" and ev.date.basis == "text"


def test_events_records_evidence_stays_in_its_paragraph(analyzer: Analyzer) -> None:
    # a byline the parser may run into the first sentence is not part of the evidence or the subject
    a = analyzer("By John Smith\n\nFrance criticized Germany on Monday.")
    ev = a.events[0]
    assert ev.evidence.text.startswith("France") and [a.entity(i).name for i in ev.source] == ["France"]  # type: ignore[union-attr]


def test_events_records_long_list_is_linear(analyzer: Analyzer) -> None:
    names = ["France", "Germany", "Italy", "Spain", "Poland", "Austria", "Belgium", "Greece"]

    def sentence(n: int) -> str:
        return (
            ", ".join(names[i % len(names)] for i in range(n))
            + " and Canada condemned the attack on Ukraine."
        )

    timings = []
    for n in (50, 400):
        t0 = time.perf_counter()
        a = analyzer(sentence(n))
        timings.append(time.perf_counter() - t0)
        assert any(e.type == "ACCUSE" for e in a.events)
    # 8x the names must not cost anywhere near 64x (quadratic) the time
    assert timings[1] < 25 * max(timings[0], 0.05)


_WORDS = st.sampled_from(
    [
        "France",
        "Germany",
        "criticized",
        "attacked",
        "met",
        "will",
        "not",
        "the",
        "talks",
        "with",
        "sanctions",
        "imposed",
        "on",
        "and",
        ",",
        ".",
        "\u201c",
        "\u201d",
        "said",
        "he",
        "refused",
        "to",
        "Russia",
        "urged",
        "\n\n",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_events_records_spans_always_match_text(analyzer: Analyzer, words: list[str]) -> None:
    a = analyzer(" ".join(words))
    assert check_spans(a.to_dict()) == []
    for ev in a.events:
        assert ev.source or ev.target  # never an event without actors
        assert (
            ev.evidence.contains(ev.trigger)
            or any(s.contains(ev.trigger) for s in ev.more_evidence)
            or ev.trigger.start >= 0
        )
