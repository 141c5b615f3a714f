"""Very long articles are analysed in independent sections whose records are joined."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import pipeline
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, check_spans
from newsgraph.sections import Records, merge, section_bounds
from newsgraph.settings import Settings

PARAGRAPHS = [
    "Port Authority chief Maria Lindqvist said on Tuesday that the harbour would stay closed until the dispute is settled.",
    '"We cannot reopen the docks while the cranes are unsafe," Lindqvist told reporters in Gothenburg.',
    "Union leader Tomas Berg accused the authority of stalling. \"They have had three months to fix this,\" he said.",
    "The city council will meet the union on Friday, according to a spokesperson for Mayor Anna Holm.",
    "Sweden's transport minister, Erik Dahl, urged both sides to return to talks and warned of fines.",
    "Police arrested two protesters outside the harbour gate on Wednesday, officials said.",
]
ARTICLE = "\n\n".join(PARAGRAPHS * 4) + "\n"
SECTION = 700


@pytest.fixture(scope="module")
def sectioned(nlp: Any) -> Analysis:  # type: ignore[no-untyped-def]
    return Analyzer(Settings(section_chars=SECTION), nlp=nlp)(ARTICLE, published="2024-05-14", id="long")


def test_sections_are_paragraph_aligned_and_cover_the_text() -> None:
    bounds = section_bounds(ARTICLE, SECTION)
    assert len(bounds) > 2
    assert bounds[0][0] == 0 and bounds[-1][1] == len(ARTICLE)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(ARTICLE[a - 1] == "\n" for a, _ in bounds[1:])
    assert section_bounds(ARTICLE, 0) == [(0, len(ARTICLE))] == section_bounds(ARTICLE, len(ARTICLE))


def test_sectioned_document_is_consistent(sectioned: Analysis) -> None:
    doc = sectioned.to_dict()
    assert doc["text"] == ARTICLE and check_spans(doc) == []
    for kind, prefix in (("entities", "E"), ("quotes", "Q"), ("dates", "D"), ("events", "V"), ("flags", "X")):
        ids = [x["id"] for x in doc[kind]]
        assert ids == [f"{prefix}{i}" for i in range(1, len(ids) + 1)], kind
    entity_ids = {e["id"] for e in doc["entities"]}
    quote_ids = {q["id"] for q in doc["quotes"]}
    assert all(q["speaker"]["entity"] in entity_ids for q in doc["quotes"] if q["speaker"]["entity"])
    for v in doc["events"]:
        assert set(v["source"]) | set(v["target"]) <= entity_ids
        assert v["quote"] is None or v["quote"] in quote_ids
    assert all(set(e["members"]) <= entity_ids for e in doc["entities"])
    assert any("independent sections" in w for w in doc["warnings"])


def test_one_name_in_several_sections_is_one_entity(sectioned: Analysis) -> None:
    (lindqvist,) = [e for e in sectioned.entities if e.name == "Maria Lindqvist"]
    bounds = section_bounds(ARTICLE, SECTION)
    sections_with_mentions = {i for m in lindqvist.mentions for i, (a, b) in enumerate(bounds) if a <= m.start < b}
    assert len(sections_with_mentions) >= 3
    names = [e.name for e in sectioned.entities]
    assert len(names) == len(set((e.name, e.kind) for e in sectioned.entities))


def test_sections_give_what_each_section_gives_alone(sectioned: Analysis, nlp: Any) -> None:  # type: ignore[no-untyped-def]
    alone = Analyzer(Settings(section_chars=0), nlp=nlp)
    expected_quotes, expected_events = [], []
    for a, b in section_bounds(ARTICLE, SECTION):
        part = alone(ARTICLE[a:b], published="2024-05-14")
        expected_quotes += [(q.kind, q.start + a, q.end + a, q.speaker.name) for q in part.quotes]
        expected_events += [(v.type, v.evidence.start + a, v.evidence.text) for v in part.events]
    assert [(q.kind, q.start, q.end, q.speaker.name) for q in sectioned.quotes] == expected_quotes
    # every event of a section is an event of the article, or more evidence of one an earlier section reported
    found = {
        (v.type, span.start, span.text) for v in sectioned.events for span in (v.evidence, *v.more_evidence)
    }
    assert set(expected_events) == found
    assert len(sectioned.events) < len(expected_events)  # the repeated paragraphs report the same events


def test_an_event_reported_again_in_a_later_section_is_more_evidence(sectioned: Analysis) -> None:
    bounds = section_bounds(ARTICLE, SECTION)

    def section(offset: int) -> int:
        return next(i for i, (a, b) in enumerate(bounds) if a <= offset < b)

    again = [v for v in sectioned.events if any(section(s.start) != section(v.evidence.start) for s in v.more_evidence)]
    assert again, [(v.type, v.source, v.evidence.text) for v in sectioned.events]
    assert all(v.source for v in again)


def test_no_stage_sees_more_than_a_section(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    real = pipeline.parse

    def spy(text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse", spy)
    Analyzer(Settings(section_chars=SECTION), nlp=nlp)(ARTICLE)
    assert len(seen) > 2 and max(seen) <= 2 * SECTION


def test_an_article_within_one_section_takes_the_single_path(nlp: Any) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(PARAGRAPHS) + "\n"
    whole = Analyzer(Settings(section_chars=0), nlp=nlp)(text, id="a").to_dict()
    fits = Analyzer(Settings(section_chars=len(text)), nlp=nlp)(text, id="a").to_dict()
    assert fits == whole and not fits["warnings"]
    one = Records()
    assert merge([one]) is one
