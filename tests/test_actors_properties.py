"""Properties of actor coding on arbitrary texts: no crash, exact spans, null or confident codes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities

WORDS = [
    "Baku",
    "Azerbaijani",
    "officials",
    "said",
    "the",
    "Kremlin",
    "rejected",
    "NATO",
    "rebels",
    "in",
    "Gorazde",
    "US",
    "Representatives",
    "Frank",
    "Pallone",
    "Nagorno-Karabkh",
    "community",
    "of",
    "Wakanda",
    "’s",
    ",",
    ".",
    "Sudanese",
    "government",
    "president",
    "Armenia",
    "Head",
    "Ivory",
    "Coast",
    "refugees",
    "from",
    "UN",
    "\n",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_actors_spans_exact_and_codes_confident(parse_text, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    parsed = parse_text(text)
    coded = code_actors(parsed, extract_entities(parsed).entities)
    ids = [e.id for e in coded]
    assert len(ids) == len(set(ids))
    for e in coded:
        assert e.actor is not None
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
        if e.actor.code is not None:
            assert e.actor.confidence >= parsed.settings.min_actor_confidence
