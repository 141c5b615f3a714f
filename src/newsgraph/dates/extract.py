"""The stage: the date expressions of a parsed document as ``DateRef`` records."""


from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Token

from newsgraph.dates.normalise import Normalised, normalise
from newsgraph.document import ParsedDocument, entity_spans
from newsgraph.records import DateRef

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "gon"})


def _future_clause(parsed: ParsedDocument, start: int, end: int) -> bool:
    """Whether the clause around ``[start, end)`` is in the future tense ("will meet on Monday")."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok: Token = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return False
        tok = tok.head
    else:
        return False
    for t in (tok, *tok.children):
        if t.lower_ in _FUTURE_AUX or (t.lemma_ == "go" and any(c.lower_ == "to" for c in t.children)):
            return True
    return False


def _found(parsed: ParsedDocument, text: str, offset: int, permissive: bool) -> Iterator[Normalised]:
    published = parsed.published
    for n in normalise(text, published, permissive=permissive):
        start, end = n.start + offset, n.end + offset
        if published is not None and n.kind == "date" and _future_clause(parsed, start, end):
            again = [x for x in normalise(text[n.start : n.end], published, future=True, permissive=True) if x.start == 0]
            if again and again[0].end == n.end - n.start:
                n = again[0]
        yield Normalised(start, end, n.value, n.kind, n.anchored)


def extract_dates(parsed: ParsedDocument) -> list[DateRef]:
    """Every date expression of the article, in text order, ids ``D1``, ``D2`` ..."""
    text = parsed.text
    found = list(_found(parsed, text, 0, permissive=False))
    # spaCy DATE/TIME entities the grammar did not touch: a permissive pass
    # inside them catches the bare years and unit words the grammar alone
    # would over-generate on ("2016" in "the 2016 election").
    # found is in text order and non-overlapping, so one bisect finds any overlap
    starts = [n.start for n in found]
    ends = [n.end for n in found]
    for ent in entity_spans(parsed.doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        k = bisect.bisect_left(starts, ent.end_char)
        if k > 0 and ends[k - 1] > ent.start_char:
            continue
        found.extend(_found(parsed, ent.text, ent.start_char, permissive=True))
    found.sort(key=lambda n: (n.start, -n.end))
    refs: list[DateRef] = []
    last_end = -1
    for n in found:
        if n.start < last_end:
            continue
        last_end = n.end
        refs.append(
            DateRef(id=f"D{len(refs) + 1}", span=parsed.span(n.start, n.end), value=n.value, kind=n.kind, anchored=n.anchored)  # type: ignore[arg-type]
        )
    return refs
