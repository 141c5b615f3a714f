"""Rule-based PLOVER event extraction over the dependency parse: the stage's entry point.

``extract_events`` indexes the article once (``context``), then for every
sentence runs the steps, each in its own module, in this order:

1. ``triggers``   trigger tokens: verbs and event nouns from ``data/events/triggers.tsv``;
                  an event noun counts only when a predicate licenses it;
2. ``arguments``  the source and target phrases of the trigger in the parse;
3. ``dyad``       those phrases as entity ids (through ``actors``), with fallbacks
                  when they name no one; a sentence with no actor gives no event;
   ``false_events`` triggers that state no political event (disasters, sport,
                  exercises, figurative and other senses, attributive participles);
4. ``guards``     polarity and modality from what governs the trigger; figurative
                  violence ("legislative attacks", a verbal "attack");
5. ``coding``     the events CAMEO derives from an announced, conditional or
                  refused act, and "X said Y must Z" requests;
6. ``interaction`` no event whose named sides are all private (citizens, firms)
                  short of material conflict: no political interaction;

and finally ``merge`` folds repeated mentions of one event and builds the
``Event`` records. All lookups are dictionary lookups per token and every walk
is bounded by a phrase or a chain of heads, so time stays linear in the
sentence length.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.document import ParsedDocument
from newsgraph.events.actors import location_of
from newsgraph.events.arguments import argument_tokens, noun_targets
from newsgraph.events.coding import derived_event, modal_requests
from newsgraph.events.context import (
    Candidate,
    Context,
    anchored_date,
    build_context,
    evidence_span,
    quote_at,
)
from newsgraph.events.dyad import event_dyad
from newsgraph.events.false_events import false_event, private_travel, recode
from newsgraph.events.guards import drop_background, event_reading, figurative, material_attack, verbal_attack
from newsgraph.events.interaction import political
from newsgraph.events.lexicon import Trigger
from newsgraph.events.merge import event_records, merge
from newsgraph.events.tokens import depth
from newsgraph.events.triggers import find_triggers, noun_licensed
from newsgraph.records import DateRef, Entity, Event, Quote

logger = logging.getLogger(__name__)


def extract_events(
    parsed: ParsedDocument, entities: Sequence[Entity], quotes: Sequence[Quote], dates: Sequence[DateRef]
) -> list[Event]:
    """PLOVER events of one article (ids ``V1``.. in text order)."""
    ctx = build_context(parsed, entities, quotes, dates)
    cands: list[Candidate] = []
    for sent in parsed.sentences:
        cands.extend(c for c in _sentence_events(ctx, sent) if political(ctx, c))
    return event_records(ctx, merge(cands))


def _sentence_events(ctx: Context, sent: SpacySpan) -> list[Candidate]:
    trig_at = find_triggers(sent, ctx.lex)
    if not trig_at:
        return modal_requests(ctx, sent, [])
    # a statement verb ("expressed its concern and condemnation of X": "express +concern" is
    # CAMEO 010) states no event of its own, so an event noun in its object is not the object of
    # another event (+1 event of a gold type on the zsp odd half)
    verbs = {i for i, t in trig_at.items() if t.pos == "verb" and not _statement(ctx, t)}
    doc = sent.doc
    out: list[Candidate] = []
    for i, trig in trig_at.items():
        out.extend(_trigger_events(ctx, sent, doc[i], trig, trig_at, verbs))
    out.extend(modal_requests(ctx, sent, out, frozenset(trig_at)))
    return drop_background(doc, out)


def _trigger_events(
    ctx: Context, sent: SpacySpan, tok: Token, trig: Trigger, trig_at: dict[int, Trigger], verbs: set[int]
) -> list[Candidate]:
    """The event triggered at ``tok`` (and the one CAMEO derives from it), or none."""
    lex = ctx.lex
    ev_start, ev_end = evidence_span(ctx, sent, tok)
    code = lex.code(trig.cameo)
    if code is None or code.plover is None:
        return []  # a statement ("released a statement"), not an event
    if trig.pos == "noun":
        pred = noun_licensed(tok, lex, verbs)
        if pred is None or figurative(tok, code, lex):
            return []
    else:
        pred = tok
    quote, is_cue = quote_at(ctx, pred.idx)
    if quote is None and pred.i != tok.i:
        quote, is_cue = quote_at(ctx, tok.idx)
    src_toks, tgt_toks = argument_tokens(tok, trig, pred)
    if trig.reverse:  # "came under fire from X": the subject is the one acted on
        src_toks, tgt_toks = tgt_toks, src_toks
        if any(not nouns for _, nouns in trig.preps):
            # "received $20 million from Venezuela": the pattern's phrase with any object names
            # the doer, not the object
            src_toks = [
                g
                for c in tok.children
                if c.dep_ == "prep" and any(c.lower_ in p and not n for p, n in trig.preps)
                for g in c.children
                if g.dep_ == "pobj"
            ] or src_toks
    if trig.preps and not tgt_toks:
        # "engaged in a firefight with X": the pattern's noun lends its own with/against/on phrase
        tgt_toks = _pattern_phrase(tok, trig)
    why = false_event(tok, trig, pred, code, lex, src_toks, tgt_toks, trig_at)
    if why is not None:
        logger.debug("no event at %r: %s", tok.text, why)
        return []
    code = recode(tok, pred, code, lex, len(src_toks), trig_at)
    source, target, fallback, places = event_dyad(
        ctx, tok, trig, pred, code, src_toks, tgt_toks, quote, is_cue
    )
    if not source and not target:
        return []  # no recognisable actor: no event
    if private_travel(tok, code, lex, _group_sectors(ctx, source)):
        return []  # "300 people arrived in Greece": private people travelling
    if trig.origin == "petrarch" and not (source and target):
        return []  # the dictionary codes dyads (PETRARCH2's require_dyad): one actor is not enough
    reading = event_reading(ctx, tok, trig, pred, code, trig_at)
    trigger_span = ctx.parsed.span(tok.idx, tok.idx + len(tok.text))
    confidence = 0.45 + 0.25 * bool(source) + 0.2 * bool(target) - 0.15 * fallback + 0.05 * bool(quote)
    if verbal_attack(ctx, tok, code, source, target, pred):
        code = lex.code("111") or code
    elif material_attack(tok, code, lex):
        code = lex.code("190") or code
    cand = Candidate(
        code=code,
        trigger=(trigger_span.start, trigger_span.end),
        evidence=(ev_start, ev_end),
        source=source,
        target=target,
        token_i=tok.i,
        depth=depth(pred),
        quote=quote.id if quote is not None else None,
        date=anchored_date(ctx, trigger_span, quote, is_cue),
        location=location_of(ctx, places),
        polarity=reading.polarity,
        modality=reading.modality,
        confidence=round(min(confidence, 0.95), 2),
    )
    derived = derived_event(cand, reading, pred, lex)
    return [cand] if derived is None else [cand, derived]


def _statement(ctx: Context, trig: Trigger) -> bool:
    """A CAMEO 01 statement pattern (no PLOVER type): it silences the lemma's other patterns."""
    code = ctx.lex.code(trig.cameo)
    return code is None or code.plover is None


def _pattern_phrase(tok: Token, trig: Trigger) -> list[Token]:
    """The actor heads in the prepositional phrases of ``tok`` that the pattern names."""
    return [
        t
        for c in tok.children
        if c.dep_ == "prep" and any(c.lower_ in p for p, _ in trig.preps)
        for g in c.children
        if g.dep_ == "pobj"
        for t in noun_targets(g)
    ]


def _group_sectors(ctx: Context, ids: Sequence[str]) -> list[tuple[str, ...]]:
    """The sectors of unnamed groups among ``ids`` (``()`` for any other kind of actor)."""
    out: list[tuple[str, ...]] = []
    for x in ids:
        ent = ctx.by_id.get(x)
        ok = ent is not None and ent.kind == "group" and ent.actor is not None
        out.append(tuple(ent.actor.sector) if ok and ent is not None and ent.actor is not None else ())
    return out
