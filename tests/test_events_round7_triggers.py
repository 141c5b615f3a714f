"""Issue 11 round 7 (trigger reach): ending verbs undo their object's event, support in money or
arms is aid, paying for something is aid, verbs of degree carry their object's event, peacekeepers
arriving help (sentences invented for newsgraph)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event


def _actual(a: Analysis) -> list[Event]:
    return [e for e in a.events if e.polarity == "asserted" and e.modality == "actual"]


def _types(a: Analysis) -> list[tuple[str, str | None]]:
    return [(e.type, e.cameo) for e in _actual(a)]


CASES = [
    # an ending verb whose object is an event noun undoes that event, coded by the noun's class
    ("The EU suspended sanctions against Belarus.", "RETREAT", "085"),
    ("The army ended its offensive against the rebels of the FLN.", "RETREAT", "087"),
    ("The United States scrapped the curfew in Fallujah.", "CONCEDE", "081"),
    # support given in money or arms is aid, not praise
    ("The EU gave financial support to Tunisia.", "AID", "071"),
    ("The U.S. military provided air support to Iraqi forces.", "AID", "072"),
    # paying for another's project is economic aid (CAMEO 071), not economic cooperation
    ("Britain funded the construction of schools in Sierra Leone.", "AID", "071"),
    # a verb of degree does the act its object names
    ("France doubled its aid to Haiti.", "AID", None),
    # peacekeepers arriving somewhere are peacekeeping, not a received deployment
    ("Chinese peacekeepers arrived in South Sudan on Thursday.", "AID", "074"),
]


@pytest.mark.parametrize(("text", "type_", "cameo"), CASES, ids=[c[0][:40] for c in CASES])
def test_round7_trigger(analyzer: Analyzer, text: str, type_: str, cameo: str | None) -> None:
    a = analyzer(text)
    found = [(t, c) for t, c in _types(a) if t == type_ and (cameo is None or c == cameo)]
    assert found, _types(a)


def test_purpose_of_a_restriction_is_no_concession(analyzer: Analyzer) -> None:
    a = analyzer("Indian authorities imposed a curfew in Kashmir to stop fresh demonstrations.")
    assert [t for t, _ in _types(a)] == ["COERCE"]


def test_expressed_support_stays_support(analyzer: Analyzer) -> None:
    a = analyzer("France expressed its support for the government of Mali.")
    assert ("SUPPORT", "051") in _types(a)


ASYLUM_AND_WORDS = [
    # verbs of taking people in, with refugees as their object, are asylum (CAMEO 075)
    ("Brazil welcomed 2,000 Venezuelan refugees.", "AID", "075"),
    ("Canada resettled 25,000 Syrian refugees.", "AID", "075"),
    # doctors or rescuers sent somewhere are humanitarian aid
    ("Cuba sent 200 doctors to Peru.", "AID", "073"),
    ("Norway dispatched rescue teams to Turkey.", "AID", "073"),
    # "slammed" and "hit out at" criticise in the news
    ("Chad slammed Niger over the border dispute.", "ACCUSE", "111"),
    ("The president of Chad hit out at Niger over the border dispute.", "ACCUSE", "111"),
    # accepting or agreeing to a proposition endorses it
    ("Britain and Ireland agreed to the dual track approach of the commission.", "SUPPORT", "051"),
    ("The government of Tanzania accepted the proposal submitted by China.", "SUPPORT", "051"),
]


@pytest.mark.parametrize(("text", "type_", "cameo"), ASYLUM_AND_WORDS, ids=[c[0][:40] for c in ASYLUM_AND_WORDS])
def test_round7_vocabulary(analyzer: Analyzer, text: str, type_: str, cameo: str) -> None:
    assert (type_, cameo) in _types(analyzer(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Brazil welcomed the decision of Venezuela.", "SUPPORT"),
        ("Iran accepted the invitation of Russia.", "AGREE"),
        ("Rebels of the FLN hit the town of Mopti with rockets.", "ASSAULT"),
    ],
)
def test_round7_other_senses_stay(analyzer: Analyzer, text: str, type_: str) -> None:
    assert type_ in [t for t, _ in _types(analyzer(text))]


def test_slamming_into_something_is_no_event(analyzer: Analyzer) -> None:
    assert _types(analyzer("The bus of the team of Chad slammed into a wall in Niger.")) == []
