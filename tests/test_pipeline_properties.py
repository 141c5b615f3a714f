"""Whatever the text, analysis never raises and every span matches the article text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline import Analyzer
from newsgraph.records import check_spans

# Text built from pieces that stress the extractors: quote marks of every
# kind, unbalanced, nested, across paragraph breaks, with names and cues.
PIECES = st.sampled_from(
    [
        '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", " - ", " \u2013 ", "\n", "\n\n",
        "he said", "said Anna Berg", "according to the ministry", "Berg", "She", "they warned that",
        "the official", "France", "NATO", "on April 22", "last Tuesday", ", ", ". ", ":", " ",
        "urged the senators to act", "rejected the elections", "x", "\u00e9", "\t", "\x0c",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_pipeline_arbitrary_text_spans_valid(analyzer: Analyzer, text: str) -> None:
    doc = analyzer(text, published="2024-04-23").to_dict()
    assert doc["text"] == text
    assert check_spans(doc) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_pipeline_any_unicode_never_raises(analyzer: Analyzer, text: str) -> None:
    doc = analyzer(text).to_dict()
    assert check_spans(doc) == []
