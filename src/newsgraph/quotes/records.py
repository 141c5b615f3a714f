"""Records: the working relation the steps build (``_Relation``) and the records made from it.

``indirect.py``, ``direct.py`` and ``uncued.py`` make and refine ``_Relation``s (kind, content
spans, cue, speaker, confidence). ``extract.py`` ends with ``_to_records``: one ``Quote`` per
distinct content, ``Q1``.. in text order; and ``_framing_records``: the ``FramingItem``s
(``F1``..) of quoted phrases that are not speech, single-quoted ones included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph import framing
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.spans import (
    content_spans,
    cue_group,
    infinitive_cue,
    lead_in,
    object_noun_cue,
    object_tail,
    source_phrase,
    trailing_aside,
)
from newsgraph.records import FramingItem, Quote, Span, Speaker


@dataclass
class _Relation:
    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: Speaker
    confidence: float
    cue_tok: int = -1
    quotes: list[int] = field(default_factory=list)  # direct quotes absorbed
    mode: str = "speech"
    within: int = -1  # for a nested relation: the cue token of the relation it is within
    cue_end: int = -1  # set by the span conventions: the cue reaches over its object noun


def _to_records(ctx: _Ctx, relations: list[_Relation]) -> list[Quote]:
    text = ctx.text
    rows = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for rel in relations:
        spans = rel.content
        if rel.kind == "indirect":
            merged = object_noun_cue(ctx, rel.cue_tok, spans) or infinitive_cue(ctx, rel.cue_tok, spans)
            if merged is not None:
                rel.cue_end, spans = merged
            else:
                spans = object_tail(ctx, rel.cue_tok, spans)
            spans = trailing_aside(ctx, spans)
        spans = content_spans(ctx, spans)
        if rel.kind == "direct" and rel.cue is not None and rel.cue[1] <= min(spans)[0]:
            widened = lead_in(ctx, rel.cue, sorted(spans))
            if widened[0] != min(spans):
                rel.kind = "mixed"
            spans = widened
        content = tuple(sorted(set(spans)))
        if not content or content in seen:
            continue
        seen.add(content)
        rows.append((content, rel))
    # a nested relation is kept when the relation it is within is
    by_cue = {r.cue_tok for _, r in rows if r.cue_tok >= 0}
    for rel in ctx.nested:
        content = tuple(sorted(set(rel.content)))
        if rel.within in by_cue and content not in seen:
            seen.add(content)
            rows.append((content, rel))
    rows.sort(key=lambda x: (x[0][0][0], x[0][-1][1]))
    ids = {r.cue_tok: f"Q{i}" for i, (_, r) in enumerate(rows, 1) if r.cue_tok >= 0 and r.within < 0}
    out = []
    for i, (content, rel) in enumerate(rows, 1):
        cue = None if rel.cue is None else cue_group(ctx, rel.cue, list(content))
        if cue is not None and rel.cue_end > cue[1]:
            cue = (cue[0], rel.cue_end)
        mention = rel.speaker.mention
        source = None if mention is None else source_phrase(ctx, (mention.start, mention.end), cue)
        out.append(
            Quote(
                id=f"Q{i}",
                kind=rel.kind,  # type: ignore[arg-type]
                content=tuple(Span.of(text, a, b) for a, b in content),
                cue=None if cue is None else Span.of(text, *cue),
                speaker=rel.speaker,
                confidence=round(rel.confidence, 2),
                mode=rel.mode,  # type: ignore[arg-type]
                source=None if source is None else Span.of(text, *source),
                within=ids.get(rel.within) if rel.within >= 0 else None,
            )
        )
    return out


def _framing_records(ctx: _Ctx, spans: list[tuple[int, int, str]]) -> list[FramingItem]:
    """Framing items (``F1``..) from the quoted phrases found not to be speech, in text order."""
    text = ctx.text
    framing_spans = list(spans)
    # single-quoted short phrases (anywhere) join the unattributed short double-quoted ones
    # (when speech is in single marks, the short unattributed ones were classified already)
    for s, e, inner_s, inner_e in [] if ctx.single_marks else framing.single_quoted(text, ctx.parsed.paragraphs):
        framing_spans.append((s, e, framing.classify(text, s, e, inner_s, inner_e)))
    return framing.framing_items(text, framing_spans)
