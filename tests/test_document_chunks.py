from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.document import chunk_bounds, parse
from newsgraph.errors import TooLargeError
from newsgraph.settings import Settings


@given(st.text(alphabet=st.sampled_from("ab \n.\""), max_size=400), st.integers(5, 50))
def test_document_chunks_cover_text_exactly(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (a, b), (c, _) in zip(bounds, bounds[1:], strict=False):
        assert b == c and a < b


def test_document_chunked_parse_keeps_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    paragraph = "The minister said the talks would resume on Monday in Geneva.\n\n"
    text = paragraph * 60
    parsed = parse(text, nlp, settings=Settings(chunk_chars=1000))
    assert parsed.doc.text == text
    geneva = [t for t in parsed.doc if t.text == "Geneva"]
    assert len(geneva) == 60
    assert all(text[t.idx : t.idx + 6] == "Geneva" for t in geneva)
    assert len(parsed.paragraphs) == 60


def test_document_refuses_text_above_limit(nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TooLargeError, match="max_chars"):
        parse("x" * 101, nlp, settings=Settings(max_chars=100))
