"""Very long articles in independent sections, so that memory is bounded by the section size.

The stages hold the whole parse of an article (a spaCy ``Doc`` with its
tensors) and records that point into it: their memory grows with the article.
An article longer than ``section_chars`` (transcripts, live blogs, crawled
PDFs) is therefore cut at paragraph breaks into sections of about that size;
each section is analysed alone by the same stages, its parse dropped before
the next, and the records are joined here:

- every span is shifted from section to article offsets (so that
  ``text[start:end] == span.text`` holds for the article);
- entities with the same name and kind in several sections are one entity
  (mentions and roles joined, the first actor code kept), as the stages join
  the mentions of one name within an article;
- an event an earlier section reported already (same type, actors,
  polarity and modality, with a source, dates not in conflict: the events
  stage's rule across sentences) becomes more evidence of that event;
- ids are renumbered in article order (``E1`` ..., ``Q1`` ..., ``F1``,
  ``D1``, ``V1``, ``X1``), and every reference (speaker, event source and
  target, event quote, group members, flag entities) follows.

What a section cannot see: a pronoun or description whose antecedent is in
an earlier section stays unresolved (or resolves within its section), and a
contradiction between two sections is not flagged. The analysis says so in
its warnings. An article no longer than one section takes none of this path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsgraph.document import chunk_bounds
from newsgraph.records import (
    AnchoredDate,
    DateRef,
    Entity,
    Event,
    Flag,
    FramingItem,
    Location,
    Mention,
    Quote,
    Span,
)


@dataclass(frozen=True, slots=True)
class Records:
    """The records of one analysis (of an article, or of one of its sections)."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    framing: tuple[FramingItem, ...] = ()
    dates: tuple[DateRef, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()


def section_bounds(text: str, section_chars: int) -> list[tuple[int, int]]:
    """Paragraph-aligned ``(start, end)`` sections of about ``section_chars`` covering ``text``.

    One section (the whole text) when ``section_chars`` is 0 or the text is no longer.
    """
    if section_chars <= 0 or len(text) <= section_chars:
        return [(0, len(text))]
    return chunk_bounds(text, section_chars)


# -- shifting spans from section to article offsets ---------------------------


def _span(s: Span, by: int) -> Span:
    return Span(s.start + by, s.end + by, s.text)


def _opt(s: Span | None, by: int) -> Span | None:
    return None if s is None else _span(s, by)


def _date(d: AnchoredDate | None, by: int) -> AnchoredDate | None:
    return None if d is None else replace(d, span=_opt(d.span, by))


def _location(loc: Location | None, by: int) -> Location | None:
    return None if loc is None else replace(loc, span=_opt(loc.span, by))


def shift(records: Records, by: int) -> Records:
    """``records`` with every span moved ``by`` characters (section offsets to article offsets)."""
    if by == 0:
        return records
    return Records(
        entities=tuple(
            replace(
                e,
                mentions=tuple(Mention(m.start + by, m.end + by, m.text, m.kind) for m in e.mentions),
                roles=tuple(_span(r, by) for r in e.roles),
            )
            for e in records.entities
        ),
        quotes=tuple(
            replace(
                q,
                content=tuple(_span(s, by) for s in q.content),
                cue=_opt(q.cue, by),
                source=_opt(q.source, by),
                speaker=replace(q.speaker, mention=_opt(q.speaker.mention, by)),
                date=_date(q.date, by),
            )
            for q in records.quotes
        ),
        framing=tuple(replace(f, span=_span(f.span, by)) for f in records.framing),
        dates=tuple(replace(d, span=_span(d.span, by)) for d in records.dates),
        events=tuple(
            replace(
                v,
                trigger=_span(v.trigger, by),
                evidence=_span(v.evidence, by),
                more_evidence=tuple(_span(s, by) for s in v.more_evidence),
                date=_date(v.date, by),
                location=_location(v.location, by),
            )
            for v in records.events
        ),
        flags=tuple(replace(x, spans=tuple(_span(s, by) for s in x.spans)) for x in records.flags),
    )


# -- joining sections -----------------------------------------------------------


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _join_entity(first: Entity, later: Entity) -> Entity:
    roles = {(r.start, r.end): r for r in (*first.roles, *later.roles)}
    actor = first.actor
    if (actor is None or actor.code is None) and later.actor is not None and later.actor.code is not None:
        actor = later.actor
    return replace(
        first,
        mentions=(*first.mentions, *later.mentions),
        roles=tuple(sorted(roles.values(), key=lambda r: (r.start, r.end))),
        members=(*first.members, *later.members),  # still section ids: mapped by ``merge``
        actor=actor,
    )


def _event_key(v: Event) -> tuple[object, ...]:
    return (v.type, tuple(sorted(v.source)), tuple(sorted(v.target)), v.polarity, v.modality)


def _same_event(events: Sequence[Event], candidates: Sequence[int], v: Event) -> int | None:
    """The earlier section's event that ``v`` reports again, by the events stage's rule across sentences.

    Same type, actors, polarity and modality; ``v`` has a source; the two
    dates, when both are stated in the text, agree.
    """
    if not v.source:
        return None
    for at in candidates:
        k = events[at]
        if k.date is not None and v.date is not None and k.date.basis == v.date.basis == "text":
            if k.date.value != v.date.value:
                continue
        return at
    return None


def _join_event(first: Event, again: Event) -> Event:
    more = list(first.more_evidence)
    for span in (again.evidence, *again.more_evidence):
        if span != first.evidence and span not in more:
            more.append(span)
    date = first.date
    if date is None or (date.basis != "text" and again.date is not None and again.date.basis == "text"):
        date = again.date
    return replace(
        first,
        more_evidence=tuple(more),
        date=date,
        quote=first.quote or again.quote,
        confidence=max(first.confidence, again.confidence),
    )


def merge(parts: Sequence[Records]) -> Records:
    """Join the records of consecutive sections (already ``shift``-ed) into one article's records."""
    if len(parts) == 1:
        return parts[0]
    joined: list[Entity] = []
    by_key: dict[tuple[str, str], int] = {}
    # group members, mapped to article ids, joined once every section is in
    members: dict[int, list[str]] = {}
    quotes: list[Quote] = []
    framing: list[FramingItem] = []
    dates: list[DateRef] = []
    events: list[Event] = []
    earlier_events: dict[tuple[object, ...], list[int]] = {}
    flags: list[Flag] = []
    for part in parts:
        emap: dict[str, str] = {}
        for e in part.entities:
            key = (e.name, e.kind)
            at = by_key.get(key)
            if at is None:
                at = by_key[key] = len(joined)
                joined.append(replace(e, id=f"E{at + 1}", members=()))
            else:
                joined[at] = _join_entity(joined[at], replace(e, members=()))
            emap[e.id] = f"E{at + 1}"
        for e in part.entities:
            if e.members:
                at = int(emap[e.id][1:]) - 1
                members.setdefault(at, []).extend(emap[m] for m in e.members if m in emap)

        def ents(ids: Sequence[str], emap: dict[str, str] = emap) -> tuple[str, ...]:
            return _unique([emap[i] for i in ids if i in emap])

        qmap = {q.id: f"Q{len(quotes) + n}" for n, q in enumerate(part.quotes, 1)}
        for q in part.quotes:
            speaker = q.speaker
            if speaker.entity is not None:
                speaker = replace(speaker, entity=emap.get(speaker.entity))
            within = None if q.within is None else qmap.get(q.within)
            quotes.append(replace(q, id=qmap[q.id], speaker=speaker, within=within))
        for f in part.framing:
            framing.append(replace(f, id=f"F{len(framing) + 1}"))
        for d in part.dates:
            dates.append(replace(d, id=f"D{len(dates) + 1}"))
        added: list[int] = []
        for v in part.events:
            v = replace(
                v,
                source=ents(v.source),
                target=ents(v.target),
                quote=None if v.quote is None else qmap.get(v.quote),
            )
            at = _same_event(events, earlier_events.get(_event_key(v), ()), v)
            if at is None:
                added.append(len(events))
                events.append(replace(v, id=f"V{len(events) + 1}"))
            else:
                events[at] = _join_event(events[at], v)
        for at in added:
            earlier_events.setdefault(_event_key(events[at]), []).append(at)
        for x in part.flags:
            flags.append(replace(x, id=f"X{len(flags) + 1}", entities=ents(x.entities)))
    for at, ids in members.items():
        joined[at] = replace(joined[at], members=_unique([i for i in ids if i != joined[at].id]))
    return Records(tuple(joined), tuple(quotes), tuple(framing), tuple(dates), tuple(events), tuple(flags))


def sections_warning(count: int, section_chars: int) -> str:
    return (
        f"long article: analysed in {count} independent sections of about {section_chars:,} characters; "
        "pronouns and descriptions are not resolved across sections and contradictions between "
        "sections are not flagged"
    )
