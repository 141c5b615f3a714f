"""Arbitrary text never makes quote extraction raise, and every span matches the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "``",
        "''",
        "\n",
        "\n\n",
        " ",
        ", ",
        ": ",
        ".",
        " said ",
        " he ",
        "Anna ",
        " according to ",
        " that ",
        "—",
        "The mayor",
        " warned ",
        "word",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join))
def test_quotes_never_raise_and_spans_match(parse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    if not text.strip():
        return
    parsed = parse_text(text)
    quotes, framing = extract_quotes(parsed, extract_entities(parsed))
    for q in quotes:
        assert q.content
        for s in (*q.content, q.cue, q.speaker.mention):
            if s is not None:
                assert text[s.start : s.end] == s.text
                assert 0 <= s.start <= s.end <= len(text)
    for f in framing:
        assert text[f.span.start : f.span.end] == f.span.text
