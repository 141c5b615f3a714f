"""Helpers shared by the quote tests: quotes of a text, the one quote with a cue word, a parse built by hand."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

from newsgraph.records import Quote


def run(parse_text: Any, text: str) -> list[Quote]:
    from newsgraph.entities import extract_entities
    from newsgraph.quotes import extract_quotes

    parsed = parse_text(text)
    return extract_quotes(parsed, extract_entities(parsed))[0]


def with_cue(quotes: list[Quote], word: str) -> Quote:
    found = [q for q in quotes if q.cue is not None and word in q.cue.text.split()]
    assert len(found) == 1, [(q.cue and q.cue.text, q.content_text) for q in quotes]
    return found[0]


def hand_parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, tag, pos, dep, head index) rows: a shape tested whatever the
    statistical parser does with the sentence (no space before ".", "," and "'s")."""
    nlp = spacy.blank("en")
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (".", ",", "'s") for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )
