"""Datelines: "BRUSSELS - European leaders gathered ...", "KYIV, Ukraine -- ...".

A line that opens with a place name and a dash names where the story was filed.
The dateline is not part of the sentence it runs into: "BRUSSELS" is not the
subject of "European leaders gathered", and not an actor of its events. The
``newsgraph_dateline`` spaCy component (added by ``newsgraph.nlp.load_pipeline``
before the parser) makes the dateline a sentence of its own, so the parser never
attaches it to the words after the dash; the actor stage reads it as the
article's place (``newsgraph.actors.defaults``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: How far into a text a dateline line may start (characters): after a headline and a
#: subtitle, as news sites print them.
DATELINE_WINDOW = 600
_WORD = r"[A-Z][A-Za-z.'\u2019-]*"
#: A line's opening place name (one to four capitalised words, an optional ", Region"
#: of up to three, an optional "(Agency)") and a spaced dash; the place must be in
#: capitals, or carry its region or an agency, to tell it from a headline's words.
DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,3}}(?:,[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,2}})?)"
    r"(?P<agency>[ \t]*\([A-Za-z. ]{2,20}\))?[ \t]+(?:--|-|\u2014|\u2013)[ \t]+(?=\S)"
)


def find_dateline(text: str) -> tuple[int, int, int] | None:
    """``(place_start, place_end, body_start)`` of the text's dateline, or ``None``.

    ``body_start`` is where the words after the dash begin.
    """
    for m in DATELINE.finditer(text, 0, min(len(text), DATELINE_WINDOW + 160)):
        if m.start("place") > DATELINE_WINDOW:
            return None
        place = m.group("place")
        # "BRUSSELS -", "Kyiv, Ukraine -", "London (AP) -"; not a headline's "Trump - the debate"
        first = place.split()[0]
        if (first.isupper() and len(first) > 1) or "," in place or m.group("agency"):
            return m.start("place"), m.end("place"), m.end()
    return None


@Language.component("newsgraph_dateline")
def mark_dateline(doc: Doc) -> Doc:
    """Start a sentence at the dateline's place and another at the word after its dash."""
    found = find_dateline(doc.text)
    if found is None:
        return doc
    start, _end, body = found
    first = doc.char_span(start, body, alignment_mode="expand")
    after = doc.char_span(body, min(len(doc.text), body + 1), alignment_mode="expand")
    if first is None or after is None or after.start >= len(doc):
        return doc
    doc[first.start].is_sent_start = True
    for tok in doc[first.start + 1 : after.start]:
        tok.is_sent_start = False
    doc[after.start].is_sent_start = True
    return doc
