"""Records: the working relation the steps build (``_Relation``) and the records made from it.

``indirect.py``, ``direct.py`` and ``uncued.py`` make and refine ``_Relation``s (kind, content
spans, cue, speaker, confidence). ``extract.py`` ends with ``_to_records``: one ``Quote`` per
distinct content, ``Q1``.. in text order; and ``_framing_records``: the ``FramingItem``s
(``F1``..) of quoted phrases that are not speech, single-quoted ones included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph import framing
from newsgraph.quotes.bounds import KINDS, adjust
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.mixed import joined_quotes, lead_before, lead_in
from newsgraph.quotes.sources import source_phrase
from newsgraph.quotes.spans import (
    addressee_infinitive,
    content_spans,
    cue_group,
    infinitive_cue,
    object_noun_cue,
    object_tail,
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


#: objects that are a written or spoken statement: "released a statement saying ..."
_ARTIFACTS = frozenset({"statement", "message", "letter", "email", "e-mail", "note", "memo", "release", "post", "tweet"})


def _artifact_cues(ctx: _Ctx, relations: list[_Relation]) -> list[_Relation]:
    """'released a statement saying ...', 'sent a letter stating ...': one relation, whose cue
    runs from the verb over its object to the participle (PolNeAR's "put out a statement
    saying"; the guidelines' creator of the artifact is the source), instead of the verb with
    the statement as content and the participle with a source of its own."""
    doc = ctx.doc
    by_cue = {r.cue_tok: r for r in relations if r.cue_tok >= 0 and r.kind != "direct"}
    dropped: set[int] = set()
    for r in relations:
        if r.kind != "indirect" or r.cue is None or not 0 <= r.cue_tok < len(doc) or id(r) in dropped:
            continue
        verb = doc[r.cue_tok]
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or obj.lemma_.lower() not in _ARTIFACTS or obj.left_edge.idx != r.content[0][0]:
            continue
        part = next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > obj.i), None)
        inner = by_cue.get(part.i) if part is not None else None
        if part is None or inner is None or inner is r or inner.within >= 0:
            continue
        if any(doc[k].is_punct or ctx.quoted[k] >= 0 for k in range(verb.i, part.i)):
            continue
        start = cue_group(ctx, r.cue, inner.content)[0]
        inner.cue = (start, part.idx + len(part.text))
        if r.speaker.mention is not None:
            inner.speaker = r.speaker
        inner.confidence = max(inner.confidence, r.confidence)
        dropped.add(id(r))
    return [r for r in relations if id(r) not in dropped]


_Row = tuple[tuple[tuple[int, int], ...], _Relation]


def _shared_cue_fragments(ctx: _Ctx, rows: list[_Row]) -> list[_Row]:
    """A quoted fragment after a cue that already reports another content ('called the plan
    “a disaster” and the board “a whiner.”'): no relation of its own (PolNeAR marks one content
    per cue)."""
    text = ctx.text
    by_cue: dict[tuple[int, int], list[int]] = {}
    for n, (_, r) in enumerate(rows):
        if r.cue is not None and r.within < 0:
            by_cue.setdefault(r.cue, []).append(n)
    drop: set[int] = set()
    for idx in by_cue.values():
        if len(idx) < 2:
            continue
        for n in idx:
            content, r = rows[n]
            if r.kind != "direct" or r.cue is None or content[0][0] < r.cue[1]:
                continue
            inner = text[content[0][0] : content[-1][1]].lstrip("\"“”'‘’« ")
            if inner[:1].islower() and any(m != n and m not in drop for m in idx):
                drop.add(n)
    return [row for n, row in enumerate(rows) if n not in drop]


def _to_records(ctx: _Ctx, relations: list[_Relation], *, bounds: bool = True) -> list[Quote]:
    """The records; ``bounds``: the trained content-end model (``bounds.py``) ends each
    indirect content (off only to train it)."""
    text = ctx.text
    relations = _artifact_cues(ctx, relations)
    rows = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for rel in relations:
        spans = rel.content
        if rel.kind == "indirect":
            merged = object_noun_cue(ctx, rel.cue_tok, spans) or infinitive_cue(ctx, rel.cue_tok, spans)
            if merged is not None:
                rel.cue_end, spans = merged
            else:
                spans = addressee_infinitive(ctx, rel.cue_tok, object_tail(ctx, rel.cue_tok, spans))
            spans = trailing_aside(ctx, spans)
        spans = content_spans(ctx, spans)
        if rel.kind == "direct" and rel.cue is not None and rel.cue[1] <= min(spans)[0]:
            widened = lead_in(ctx, rel.cue, sorted(spans))
            if widened[0] != min(spans):
                rel.kind = "mixed"
            spans = widened
        elif rel.kind == "direct" and (rel.cue is None or rel.cue[0] >= max(spans)[1]):
            widened = lead_before(ctx, sorted(spans))
            if widened[0] != min(spans):
                rel.kind = "mixed"
            spans = widened
        if rel.kind in ("direct", "mixed"):
            spans = joined_quotes(ctx, rel.cue, sorted(spans))
        content = tuple(sorted(set(spans)))
        if not content or content in seen:
            continue
        seen.add(content)
        rows.append((content, rel))
    rows = _shared_cue_fragments(ctx, rows)
    # a nested relation is kept when the relation it is within is
    by_cue = {r.cue_tok for _, r in rows if r.cue_tok >= 0}
    for rel in ctx.nested:
        content = tuple(sorted(set(rel.content)))
        if rel.within in by_cue and content not in seen:
            seen.add(content)
            rows.append((content, rel))
    rows.sort(key=lambda x: (x[0][0][0], x[0][-1][1]))
    ids = {r.cue_tok: f"Q{i}" for i, (_, r) in enumerate(rows, 1) if r.cue_tok >= 0 and r.within < 0}
    speakers = frozenset(r.speaker.mention.start for _, r in rows if r.speaker.mention is not None)
    out = []
    for i, (content, rel) in enumerate(rows, 1):
        cue = None if rel.cue is None else cue_group(ctx, rel.cue, list(content))
        if cue is not None and rel.cue_end > cue[1]:
            cue = (cue[0], rel.cue_end)
        if bounds and cue is not None and rel.kind in KINDS and rel.within < 0:
            content = tuple(adjust(ctx, list(content), cue))
        mention = rel.speaker.mention
        source = None if mention is None else source_phrase(ctx, (mention.start, mention.end), cue, speakers)
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
