"""Background events (a relative clause, an "after" clause or phrase) are not reported beside the
sentence's news; a sentence that holds only background keeps it."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _types(a: Analysis) -> list[str]:
    return sorted(e.type for e in a.events)


def test_events_background_after_clause(analyzer: Analyzer) -> None:
    a = analyzer("Norway recalled its ambassador from Chile after Chile expelled two Norwegian diplomats.")
    assert [e.trigger.text for e in a.events] == ["recalled"]


def test_events_background_after_phrase(analyzer: Analyzer) -> None:
    a = analyzer("Following a meeting with Chile in Lima, Peru condemned Bolivia.")
    assert _types(a) == ["ACCUSE"]


def test_events_background_relative_clause(analyzer: Analyzer) -> None:
    a = analyzer("Ecuador freed a Peruvian journalist who had been arrested by Ecuadorian police in May.")
    assert [e.trigger.text for e in a.events] == ["freed"]
    a = analyzer("Norway condemned the bombing that killed twelve Chilean soldiers in Santiago.")
    assert _types(a) == ["ACCUSE"]


def test_events_background_alone_is_kept(analyzer: Analyzer) -> None:
    a = analyzer("The talks came after Chile released 40 Peruvian prisoners.")
    assert [e.trigger.text for e in a.events] == ["released"]


def test_events_background_content_of_a_document_is_kept(analyzer: Analyzer) -> None:
    a = analyzer("Peru published a report in which Chile accused Bolivia of smuggling.")
    assert "accused" in [e.trigger.text for e in a.events]
