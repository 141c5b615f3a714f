"""Step 6: one record per event, and the ``Event`` records.

``merge`` folds repeated mentions of one event (the same type, actors, polarity
and modality) into one candidate: within a sentence always, across sentences
when it has a source and no conflicting text dates, the later sentences kept as
further evidence. ``event_records`` numbers what is left in text order and
fills in the date (the text's, a speaker's dated quote further down, else the
publication date) and the CAMEO/PLOVER fields of the ``Event`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.events.context import Candidate, Context
from newsgraph.events.dyad import coded_first
from newsgraph.records import AnchoredDate, Event, Quote


def _key(c: Candidate) -> tuple[Any, ...]:
    return (c.type, tuple(sorted(c.source)), tuple(sorted(c.target)), c.polarity, c.modality)


def merge(cands: list[Candidate]) -> list[Candidate]:
    """One record per event: same type, actors, polarity and modality.

    Within a sentence that is always the same event ("agreed ... and signed an
    agreement"); across sentences only when it has a source and the dates do
    not disagree (a lead sentence and the later paragraph that reports it).
    """
    local: list[Candidate] = []
    by_sentence: dict[tuple[Any, ...], Candidate] = {}
    for c in cands:
        # "began a fast to protest against X": one protest, whose target is X
        k2 = (c.evidence, c.type, tuple(sorted(c.source)), c.polarity, c.modality)
        first = by_sentence.get(k2) if c.source else None
        if first is None:
            by_sentence[k2] = c
            local.append(c)
            continue
        first.target.extend(x for x in c.target if x not in first.target and x not in first.source)
        first.confidence = max(first.confidence, c.confidence)
        first.quote = first.quote or c.quote
        first.location = first.location or c.location  # a folded mention's place fills an empty one
        if c.depth < first.depth:
            first.depth = c.depth
    kept: list[Candidate] = []
    seen: dict[tuple[Any, ...], list[Candidate]] = {}
    for c in local:
        merged = False
        for k in seen.get(_key(c), []):
            same_sentence = k.evidence == c.evidence
            if not same_sentence:
                if not c.source:
                    continue
                if (
                    k.date is not None
                    and c.date is not None
                    and k.date.basis == c.date.basis == "text"
                    and k.date.value != c.date.value
                ):
                    continue
            if not same_sentence and c.evidence not in k.more:
                k.more.append(c.evidence)
            if k.date is None or (k.date.basis != "text" and c.date is not None and c.date.basis == "text"):
                k.date = c.date
            k.quote = k.quote or c.quote
            k.location = k.location or c.location
            k.confidence = max(k.confidence, c.confidence)
            if c.depth < k.depth and same_sentence:
                k.depth = c.depth
            merged = True
            break
        if not merged:
            kept.append(c)
            seen.setdefault(_key(c), []).append(c)
    return kept


def _speaker_dates(quotes: Sequence[Quote]) -> dict[str, tuple[int, AnchoredDate]]:
    """Each speaker's first quote dated by the text: (its offset, the date)."""
    out: dict[str, tuple[int, AnchoredDate]] = {}
    for q in quotes:
        if q.speaker.entity and q.date is not None and q.date.basis == "text" and q.speaker.entity not in out:
            out[q.speaker.entity] = (q.start, q.date)
    return out


def _publication(ctx: Context) -> AnchoredDate | None:
    pub = ctx.parsed.published
    return AnchoredDate(pub.isoformat(), "publication") if pub is not None else None


def event_records(ctx: Context, kept: list[Candidate]) -> list[Event]:
    """``Event`` records of the merged candidates (ids ``V1``.. in text order)."""
    parsed = ctx.parsed
    by_speaker = _speaker_dates(ctx.quotes)
    pub = _publication(ctx)
    events = []
    for n, c in enumerate(sorted(kept, key=lambda c: c.trigger[0]), 1):
        date = c.date
        dated = by_speaker.get(c.source[0]) if len(c.source) == 1 else None
        if date is None and c.code.quad_class in (1, 3) and dated is not None and c.trigger[0] < dated[0]:
            # a lead sentence ("X has described ... as irresponsible") summarises a statement the
            # article dates further down ("X noted in a letter ... on April 22"): that quote's date
            date = dated[1]
        if date is None:
            date = pub
        events.append(
            Event(
                id=f"V{n}",
                type=c.type,
                trigger=parsed.span(*c.trigger),
                evidence=parsed.span(*c.evidence),
                # the mentions folded in may bring a description beside a coded actor
                source=tuple(coded_first(ctx, c.source)),
                target=tuple(coded_first(ctx, c.target)),
                mode=c.code.mode,
                context=tuple(x.strip() for x in c.code.context.split(";")) if c.code.context else (),
                cameo=c.code.code,
                quad_class=c.code.quad_class,
                goldstein=c.code.goldstein,
                quote=c.quote,
                date=date,
                location=c.location,
                polarity=c.polarity,
                modality=c.modality,
                confidence=c.confidence,
                more_evidence=tuple(parsed.span(a, b) for a, b in c.more),
            )
        )
    return events
