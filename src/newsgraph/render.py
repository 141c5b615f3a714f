"""A readable plain-text view of an analysis, for people at a terminal."""

from __future__ import annotations

from collections import defaultdict

from newsgraph.records import Analysis, Quote


def _speaker_label(analysis: Analysis, quote: Quote) -> str:
    sp = quote.speaker
    if sp.name:
        return sp.name
    if sp.mention is not None:
        return f"{sp.mention.text} (unresolved)"
    return "(unknown speaker)"


def render_text(analysis: Analysis) -> str:
    lines = [f"# {analysis.title or analysis.id}"]
    if analysis.published:
        lines.append(f"published {analysis.published}")
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in analysis.quotes:
        by_speaker[_speaker_label(analysis, q)].append(q)
    lines.append("")
    lines.append(f"## Quotes ({len(analysis.quotes)})")
    for speaker, quotes in by_speaker.items():
        entity = next((analysis.entity(q.speaker.entity) for q in quotes if q.speaker.entity), None)
        code = ""
        if entity is not None and entity.actor is not None and entity.actor.code:
            code = f" [{entity.actor.code}]"
        lines.append("")
        lines.append(f"{speaker}{code}")
        for q in quotes:
            cue = q.cue.text if q.cue else "no cue"
            via = f' via "{q.speaker.mention.text}"' if q.speaker.mention and q.speaker.mention.text != speaker else ""
            date = f", {q.date.value}" if q.date else ""
            lines.append(f"  - {q.kind} ({cue}{via}{date}): {q.content_text}")
    if analysis.events:
        lines.append("")
        lines.append(f"## Events ({len(analysis.events)})")
        names = {e.id: e.name for e in analysis.entities}
        for v in analysis.events:
            src = ", ".join(names.get(i, i) for i in v.source) or "?"
            tgt = ", ".join(names.get(i, i) for i in v.target) or "?"
            flags = "" if v.polarity == "asserted" and v.modality == "actual" else f" ({v.polarity}, {v.modality})"
            lines.append(f"  - {src} -> {v.type}{flags} -> {tgt}: {v.trigger.text!r}")
    if analysis.flags:
        lines.append("")
        lines.append(f"## Flags ({len(analysis.flags)})")
        for f in analysis.flags:
            lines.append(f"  - {f.kind}: {f.reason}")
    for w in analysis.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines)
