"""What the article page shows: the text cut into annotated pieces, and the side panels.

``segments`` cuts the article text at every boundary of every span shown
(quote contents, cues, speaker mentions, entity mentions, dates, event
triggers and evidence, framing items) and records which annotations cover
each piece, so overlapping and crossing spans need no nesting. Joining the
pieces' text gives the article text back exactly; the template escapes each
piece, so the article is always shown as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import Analysis, Entity, Span

# layer -> CSS class stem; the order is the order of classes in the markup
LAYERS: tuple[str, ...] = ("q", "cue", "spk", "e", "d", "v", "ev", "f")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: str
    id: str
    css: str


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    text: str
    layers: dict[str, list[str]] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    title: str = ""
    anchor: str | None = None

    @property
    def plain(self) -> bool:
        return not self.layers

    def data_attributes(self) -> list[tuple[str, str]]:
        return [(f"data-{layer}", " ".join(ids)) for layer, ids in self.layers.items()]


def _actor_label(entity: Entity | None) -> str:
    if entity is None or entity.actor is None or not entity.actor.code:
        return ""
    return entity.actor.code


def marks(analysis: Analysis) -> list[Mark]:
    """Every span the page highlights, as ``Mark`` objects (clipped to the text)."""
    out: list[Mark] = []
    n = len(analysis.text)

    def add(span: Span | None, layer: str, ident: str, css: str) -> None:
        if span is None:
            return
        start, end = max(0, span.start), min(n, span.end)
        if start < end:
            out.append(Mark(start, end, layer, ident, css))

    for q in analysis.quotes:
        for part in q.content:
            add(part, "q", q.id, f"q q-{q.kind}")
        add(q.cue, "cue", q.id, "cue")
        add(q.speaker.mention, "spk", q.id, "spk")
    for e in analysis.entities:
        for m in e.mentions:
            add(m.span, "e", e.id, f"ent ent-{e.kind} ment-{m.kind}")
    for d in analysis.dates:
        add(d.span, "d", d.id, "date")
    for v in analysis.events:
        add(v.trigger, "v", v.id, "trig")
        add(v.evidence, "ev", v.id, "evid")
        for extra in v.more_evidence:
            add(extra, "ev", v.id, "evid")
    for f in analysis.framing:
        add(f.span, "f", f.id, "frame")
    return out


def segments(analysis: Analysis) -> list[Segment]:
    """The article text cut into pieces, each with the annotations covering all of it."""
    text = analysis.text
    found = marks(analysis)
    cuts = {0, len(text)}
    for m in found:
        cuts.add(m.start)
        cuts.add(m.end)
    bounds = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in found:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    seen_anchor: set[str] = set()
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        seg = Segment(a, b, text[a:b])
        classes: list[str] = []
        for layer in LAYERS:
            ids = sorted({m.id for m in active if m.layer == layer}, key=_id_order)
            if not ids:
                continue
            seg.layers[layer] = ids
            for m in active:
                if m.layer == layer:
                    for css in m.css.split():
                        if css not in classes:
                            classes.append(css)
        seg.classes = classes
        for layer, prefix in (("q", "quote-"), ("ev", "ev-"), ("e", "ent-")):
            for ident in seg.layers.get(layer, ()):
                key = prefix + ident
                if key not in seen_anchor and seg.anchor is None:
                    seen_anchor.add(key)
                    seg.anchor = key
        out.append(seg)
    return out


def _id_order(ident: str) -> tuple[str, int]:
    head = ident.rstrip("0123456789")
    tail = ident[len(head) :]
    return head, int(tail) if tail else 0


def _names(analysis: Analysis, ids: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for i in ids:
        e = analysis.entity(i)
        out.append({"id": i, "name": e.name if e else i, "code": _actor_label(e)})
    return out


def speaker_label(analysis: Analysis, quote_id: str) -> str:
    for q in analysis.quotes:
        if q.id == quote_id:
            if q.speaker.name:
                return q.speaker.name
            if q.speaker.mention is not None:
                return f"{q.speaker.mention.text} (unresolved)"
    return "unknown speaker"


def titles(analysis: Analysis, segs: list[Segment]) -> None:
    """Fill each segment's ``title`` (the tooltip shown without JavaScript)."""
    ents = {e.id: e for e in analysis.entities}
    quotes = {q.id: q for q in analysis.quotes}
    dates = {d.id: d for d in analysis.dates}
    events = {v.id: v for v in analysis.events}
    for seg in segs:
        parts: list[str] = []
        for qid in seg.layers.get("q", ()):
            q = quotes[qid]
            parts.append(f"{q.kind} quote {qid}: {speaker_label(analysis, qid)}")
        for qid in seg.layers.get("cue", ()):
            parts.append(f"cue of {qid}")
        for qid in seg.layers.get("spk", ()):
            parts.append(f"speaker of {qid}")
        for eid in seg.layers.get("e", ()):
            e = ents[eid]
            code = _actor_label(e)
            parts.append(f"{e.name} ({e.kind}{', ' + code if code else ''})")
        for did in seg.layers.get("d", ()):
            parts.append(f"date {dates[did].value}")
        for vid in seg.layers.get("v", ()):
            parts.append(f"event {vid}: {events[vid].type}")
        seg.title = "; ".join(parts)


def panels(analysis: Analysis) -> dict[str, Any]:
    """The side panels: quotes, entities, events and dates, ready for the template."""
    quotes = []
    for q in analysis.quotes:
        entity = analysis.entity(q.speaker.entity) if q.speaker.entity else None
        quotes.append(
            {
                "id": q.id,
                "kind": q.kind,
                "speaker": speaker_label(analysis, q.id),
                "entity": entity.id if entity else None,
                "code": _actor_label(entity),
                "cue": q.cue.text if q.cue else None,
                "text": q.content_text,
                "date": q.date.value if q.date else None,
            }
        )
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "code": _actor_label(e),
            "country": e.actor.country if e.actor else None,
            "mentions": len(e.mentions),
        }
        for e in analysis.entities
    ]
    events = [
        {
            "id": v.id,
            "type": v.type,
            "mode": v.mode,
            "source": _names(analysis, v.source),
            "target": _names(analysis, v.target),
            "trigger": v.trigger.text,
            "evidence": v.evidence.text,
            "date": v.date.value if v.date else None,
            "polarity": v.polarity,
            "modality": v.modality,
        }
        for v in analysis.events
    ]
    dates = [{"id": d.id, "text": d.span.text, "value": d.value, "kind": d.kind} for d in analysis.dates]
    return {"quotes": quotes, "entities": entities, "events": events, "dates": dates}


def article_context(analysis: Analysis) -> dict[str, Any]:
    """Everything ``article.html`` needs for one analysis."""
    segs = segments(analysis)
    titles(analysis, segs)
    return {"analysis": analysis, "segments": segs, **panels(analysis)}
