"""The shared token list and sentence starts (``tokens_of``), and the quoted regions of coreference."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.document import ParsedDocument, sentence_starts, sentence_tokens, tokens_of
from newsgraph.entities.coref.pronouns import quoted_regions


def test_tokens_of_is_the_document_once(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister arrived. She said the talks would resume.")
    toks = tokens_of(doc)
    assert [t.i for t in toks] == list(range(len(doc)))
    assert [t.text for t in toks] == [t.text for t in doc]
    assert tokens_of(doc) is toks  # built once
    sent = list(doc.sents)[1]
    assert [t.i for t in sentence_tokens(sent)] == list(range(sent.start, sent.end))
    assert sentence_starts(doc) == [s.start_char for s in doc.sents]


def test_tokens_of_is_per_document(nlp) -> None:  # type: ignore[no-untyped-def]
    a, b = nlp("One two three."), nlp("Four five.")
    assert [t.text for t in tokens_of(a)] == ["One", "two", "three", "."]
    assert [t.text for t in tokens_of(b)] == ["Four", "five", "."]


def _regions_by_characters(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The rule of ``quoted_regions`` read one character at a time (the reference)."""
    out = []
    for p_start, p_end in paragraphs:
        open_at = None
        i = p_start
        while i < p_end:
            if text[i : i + 2] in ("''", "``"):
                if open_at is None:
                    open_at = i
                else:
                    out.append((open_at, i + 2))
                    open_at = None
                i += 2
                continue
            if open_at is None and text[i] in '"“„«':
                open_at = i
            elif open_at is not None and text[i] in '"”»':
                out.append((open_at, i + 1))
                open_at = None
            i += 1
        if open_at is not None:
            out.append((open_at, p_end))
    return out


@given(st.text(alphabet=st.sampled_from("ab '`\"“”„«»\n"), max_size=60))
def test_quoted_regions_match_the_character_rule(text: str) -> None:
    paragraphs = ParsedDocument(text, None).paragraphs  # type: ignore[arg-type]
    assert quoted_regions(text, paragraphs) == _regions_by_characters(text, paragraphs)


def test_quoted_regions_unclosed_mark_runs_to_paragraph_end() -> None:
    text = 'He said: "we will win\nThen "yes" and ``no\'\' there.'
    paragraphs = ParsedDocument(text, None).paragraphs  # type: ignore[arg-type]
    assert quoted_regions(text, paragraphs) == [(9, 21), (27, 32), (37, 43)]
