"""Issue 11 round 9 (trigger matching by class): British spellings reach the American
vocabularies, a series noun in the object stands for what it is made of, and only the verb
"call" holds what it calls for (sentences invented for newsgraph)."""

from __future__ import annotations

from newsgraph.events.tokens import forms
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _types(a: Analysis) -> list[tuple[str, str | None]]:
    return [(e.type, e.cameo) for e in a.events if e.polarity == "asserted" and e.modality == "actual"]


def test_british_spelling_is_looked_up_in_american(analyzer: Analyzer) -> None:
    # the dictionary writes "penalize"; the British form is tried after the lemma and the word
    a = analyzer("Britain penalised Iran with new measures.")
    assert ("COERCE", "170") in _types(a), _types(a)


def test_british_forms_come_last(analyzer: Analyzer) -> None:
    doc = analyzer.nlp("The army mobilised its reserves.")
    out = forms(doc[2])
    assert out[0] == doc[2].lemma_.lower() and out[-1].endswith("ize"), out


def test_a_series_object_is_what_it_is_made_of(analyzer: Analyzer) -> None:
    # "impose +sanction" (163) matches through "a fresh round of", not the bare "impose" (170)
    a = analyzer("The United States imposed a fresh round of tough economic sanctions on North Korea.")
    assert ("COERCE", "163") in _types(a), _types(a)


def test_a_call_noun_does_not_hold_what_it_calls_for(analyzer: Analyzer) -> None:
    # "its call for the release of X" asks for a release; the release has not happened
    a = analyzer("Iran repeated its call for the release of the prisoners.")
    types = _types(a)
    assert ("REQUEST", "020") in types and all(t != "RETREAT" for t, _ in types), types
