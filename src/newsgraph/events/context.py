"""The shared state of one article's event extraction, and the draft event record.

``build_context`` is called first (by ``extract.extract_events``): it indexes the
article's entities and quotes once, and every later step reads that ``Context``.
Each trigger that survives the steps becomes a ``Candidate``, a mutable draft
that ``merge`` folds into ``Event`` records at the end. The anchoring helpers
say where a candidate sits in the article: its evidence sentence
(``evidence_span``), the quote that holds it (``quote_at``), the date written
beside it (``anchored_date``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.dates import text_date as _text_date
from newsgraph.document import ParsedDocument
from newsgraph.entities import EntityIndex
from newsgraph.events.lexicon import CameoCode, Lexicon, load_lexicon
from newsgraph.records import AnchoredDate, DateRef, Entity, Location, Quote, Span


@dataclass
class Candidate:
    """A draft event: offsets into the article text, entity ids, the CAMEO code it was coded with."""

    code: CameoCode
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    source: list[str]
    target: list[str]
    token_i: int
    depth: int
    quote: str | None = None
    date: AnchoredDate | None = None
    location: Location | None = None
    polarity: str = "asserted"
    modality: str = "actual"
    confidence: float = 0.5
    more: list[tuple[int, int]] = field(default_factory=list)

    @property
    def type(self) -> str:
        assert self.code.plover is not None
        return self.code.plover


@dataclass
class Context:
    """What every step reads: the parsed article, the lexicon, the entity and quote lookups, caches."""

    parsed: ParsedDocument
    lex: Lexicon
    index: EntityIndex
    by_id: dict[str, Entity]
    quotes: Sequence[Quote]
    dates: Sequence[DateRef]
    cue_at: dict[int, Quote]
    content_quotes: list[tuple[int, int, Quote]]
    nouns: dict[str, list[Token]] = field(default_factory=dict)
    owner_cache: dict[int, list[str]] = field(default_factory=dict)


def build_context(
    parsed: ParsedDocument, entities: Sequence[Entity], quotes: Sequence[Quote], dates: Sequence[DateRef]
) -> Context:
    """Index one article's entities and quotes (the quote cue at each offset, quote contents in order)."""
    lex = load_lexicon()
    cue_at: dict[int, Quote] = {}
    content: list[tuple[int, int, Quote]] = []
    for q in quotes:
        if q.cue is not None:
            for off in range(q.cue.start, q.cue.end):
                cue_at.setdefault(off, q)
        content.extend((s.start, s.end, q) for s in q.content)
    content.sort(key=lambda r: r[0])
    return Context(
        parsed=parsed,
        lex=lex,
        index=EntityIndex.build(entities),
        by_id={e.id: e for e in entities},
        quotes=quotes,
        dates=dates,
        cue_at=cue_at,
        content_quotes=content,
    )


def quote_at(ctx: Context, start: int) -> tuple[Quote | None, bool]:
    """The quote whose cue (True) or content (False) holds the offset."""
    q = ctx.cue_at.get(start)
    if q is not None:
        return q, True
    for a, b, quote in ctx.content_quotes:
        if a <= start < b:
            return quote, False
        if a > start:
            break
    return None, False


def anchored_date(ctx: Context, trigger: Span, quote: Quote | None, is_cue: bool) -> AnchoredDate | None:
    """The date the text gives in the trigger's clause (not inside the quote it cues),
    else the text date of the quote whose cue it is."""
    exclude = quote.content if (quote is not None and is_cue) else ()
    ref = _text_date(ctx.parsed, trigger, ctx.dates, exclude=exclude)
    if ref is not None:
        return AnchoredDate(ref.value, "text", ref.span)
    if quote is not None and is_cue and quote.date is not None and quote.date.basis == "text":
        return quote.date
    return None


def evidence_span(ctx: Context, sent: SpacySpan, tok: Token) -> tuple[int, int]:
    """The sentence that states the event, cut to its paragraph and stripped of surrounding space."""
    text = ctx.parsed.text
    start, end = sent.start_char, sent.end_char
    para = ctx.parsed.paragraph_of(tok.idx)
    if para is not None:  # a sentence the parser ran across a paragraph break
        start, end = max(start, para[0]), min(end, para[1])
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
