"""Issue 11 round 8 (trigger reach): a statement verb does not hold a coordinated event noun, the
dictionary matches the modifier of the object phrase, forces sent to help are military aid
(sentences invented for newsgraph)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event


def _actual(a: Analysis) -> list[Event]:
    return [e for e in a.events if e.polarity == "asserted" and e.modality == "actual"]


def _types(a: Analysis) -> list[tuple[str, str | None]]:
    return [(e.type, e.cameo) for e in _actual(a)]


CASES = [
    # "expressed concern" is a statement (CAMEO 010); the condemnation beside it is the event
    ("Egypt expressed its deep concern and strong condemnation of the Israeli raid on Gaza.", "ACCUSE", "111"),
    # the dictionary's "send +medical" matches the object phrase's modifier ("medical personnel")
    ("Japan sent medical personnel to Turkey.", "AID", "073"),
    # forces sent at someone's request or to help are military aid, not a show of force
    ("Chad sent soldiers to Cameroon at the request of the Cameroonian government.", "AID", "072"),
    ("The United States sent 500 troops to Iraq to help the Iraqi army.", "AID", "072"),
]


@pytest.mark.parametrize(("text", "type_", "cameo"), CASES, ids=[c[0][:40] for c in CASES])
def test_round8_trigger(analyzer: Analyzer, text: str, type_: str, cameo: str) -> None:
    a = analyzer(text)
    assert (type_, cameo) in _types(a), _types(a)


def test_troops_sent_to_protect_are_no_threat(analyzer: Analyzer) -> None:
    # an announced deployment to help is an intent to give military aid (033), not a threat (138)
    a = analyzer("Britain will send troops to Estonia to protect it from Russia.")
    types = [t for t, _ in _types(a)]
    assert "AGREE" in types and "THREATEN" not in types, _types(a)


def test_troops_sent_without_a_helping_purpose_stay_a_deployment(analyzer: Analyzer) -> None:
    a = analyzer("Russia deployed troops to the border with Ukraine.")
    assert ("MOBILIZE", "154") in _types(a)


def test_a_name_before_the_object_is_no_pattern_noun(analyzer: Analyzer) -> None:
    # "a Turkish ship": the nationality modifies the object, it is not a key of a pattern
    a = analyzer("Iran released a British tanker on Friday.")
    assert all(c != "062" for _, c in _types(a)), _types(a)
