"""Actors of round 7 of issue 11: a country the tagger reads as a common noun, the place in an
event noun's own phrases (texts written for newsgraph)."""

from __future__ import annotations

from event_helpers import reported_of_type
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[i] for i in ids]


_reported = reported_of_type


def test_entities_country_read_as_a_common_noun_is_a_place(analyzer: Analyzer) -> None:
    a = analyzer("Fiji has established diplomatic ties with Seychelles at ambassadorial level.")
    seychelles = [e for e in a.entities if e.name == "Seychelles"]
    assert seychelles and seychelles[0].kind == "place"
    assert seychelles[0].actor is not None and seychelles[0].actor.country == "SYC"
    ties = _reported(a, "SUPPORT")
    assert ties and _names(a, ties[0].target) == ["Seychelles"]


def test_entities_country_word_opening_a_sentence_needs_its_tag() -> None:
    from newsgraph.entities.actor_entities import _country_word

    class _Tok:
        pos_ = "NOUN"
        is_title = True
        i = 0

        class sent:  # noqa: N801 - a stand-in for spaCy's span
            start = 0

    assert not _country_word([_Tok()], "country")  # the first word's capital says nothing
    assert not _country_word([_Tok()], "body")


def test_events_dyad_place_in_the_event_nouns_own_phrase_is_the_target(analyzer: Analyzer) -> None:
    a = analyzer("The Karen rebels have declared a unilateral ceasefire effective from Sunday in Myanmar.")
    truce = _reported(a, "RETREAT")
    assert truce and _names(a, truce[0].target) == ["Myanmar"]


def _parsed(nlp, words, pos, deps, heads):  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, sent_starts=[True] + [False] * (len(words) - 1))
    return SimpleNamespace(doc=doc, text=doc.text)


def test_entities_untagged_name_in_a_with_phrase_is_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.entities.actor_entities import _untagged_subjects

    words = ["Sweden", "held", "talks", "with", "Zuwayri", "."]
    parsed = _parsed(
        nlp, words, ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], [1, 1, 1, 2, 3, 1],
    )  # fmt: skip
    names = [e.name for e in _untagged_subjects(parsed, [])]  # type: ignore[arg-type]
    assert "Zuwayri" in names


def test_entities_untagged_acronym_as_an_object_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.entities.actor_entities import _untagged_subjects

    words = ["Delhi", "acted", "against", "PSA", "."]
    parsed = _parsed(
        nlp, words, ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["nsubj", "ROOT", "prep", "pobj", "punct"], [1, 1, 1, 2, 1],
    )  # fmt: skip
    names = [e.name for e in _untagged_subjects(parsed, [])]  # type: ignore[arg-type]
    assert "PSA" not in names
