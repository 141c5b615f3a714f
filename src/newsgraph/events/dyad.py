"""Step 3: the source and the target of one event, as entity ids.

``event_dyad`` turns the phrases from ``arguments`` into entity ids (through
``actors.actor_ids``) and, when they name no one, tries the fallbacks in a fixed
order. Source: the place a generic agent acts in, the reporter behind a pronoun
in reported speech ("Chad declares it will ..."), the maker of a document the
trigger describes ("put out a report accusing X"), the speaker of the quote whose
cue is the trigger. Target: a stance phrase ("in defiance of X"), the place of
the object's agent, a weaker of/about/from phrase, the subject of a demanded
clause ("demanded that Peru release"), the one summoned, the place
where the event happens (PLOVER GSR convention; for a participle, the place of the
clause it depends on), the place its object is in, the first coded actor
named deeper inside the object ("lift a ban on imports of British beef"), and finally
the first place named later in the sentence ("resigned ..., after protests in Peru"). Beside a coded actor,
an unplaced description is left off either side. An event with neither a source
nor a target is dropped by the caller. Next: ``guards`` reads polarity and
modality.

A new fallback belongs here, at its place in that order.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.events.actors import (
    actor_bounds,
    actor_ids,
    agent_place,
    collapse,
    entities_in,
    is_coded,
    phrase_tokens,
    places_at,
    report_nouns,
)
from newsgraph.events.arguments import (
    noun_targets,
    secondary_targets,
    stance_targets,
    subject,
    target_tokens,
)
from newsgraph.events.context import Context
from newsgraph.events.lexicon import CameoCode, Trigger
from newsgraph.events.tokens import MAX_CLIMB, is_verb
from newsgraph.records import Quote

_REFLEXIVE = frozenset("himself herself themselves itself myself ourselves yourself".split())
# pronouns that stand for the reporting speaker in reported speech ("Syria says it will ...")
_PERSONAL = frozenset("he she it they we i".split())
# how many tokens of an object phrase are searched for the place the act lands in
_MAX_OBJECT_WALK = 40
# sectors (data/kb/sector_codes.tsv) of the state and of armed or political bodies: a
# description with one of them is an actor even when nothing gives its country
STATE_SECTORS = frozenset("GOV MIL LEG REB COP JUD PTY SPY OPP".split())
# CAMEO roots of acts whose doer is whoever does them: protest (14) and violence (18-20)
CROWD_ACTS = frozenset(("14", "18", "19", "20"))


class Dyad(NamedTuple):
    """The actors of one event, whether one came from a fallback, and the places attached to it."""

    source: list[str]
    target: list[str]
    fallback: bool
    places: list[tuple[str, tuple[int, int]]]


def event_dyad(
    ctx: Context,
    tok: Token,
    trig: Trigger,
    pred: Token,
    code: CameoCode,
    src_toks: list[Token],
    tgt_toks: list[Token],
    quote: Quote | None,
    is_cue: bool,
) -> Dyad:
    """Source and target entity ids of the event triggered at ``tok`` (carried by ``pred``)."""
    source, src_fallback = _source(ctx, src_toks, pred, code, quote, is_cue)
    target, tgt_fallback = _target(ctx, tok, trig, pred, code, tgt_toks, quote, source)
    source, target = collapse(ctx, source), collapse(ctx, target)
    target = [x for x in target if x not in source]
    places = places_at(ctx, pred) or _scene_places(ctx, pred) or _means_places(ctx, pred)
    if not source and target and places and code.root == "17" and _agentless_passive(pred):
        # "a missionary was arrested in Lebanon", "the group was detained in Tarcin": the
        # authorities of the place where a coercive act is done did it (PLOVER GSR convention:
        # actor codes inferred from locations)
        if places[0][0] not in target:
            source = [places[0][0]]
    if target and places and places[0][0] not in source and not any(is_coded(ctx, x) for x in target):
        # "sent inspectors to the Natanz plant in central Iran": an uncoded target is
        # coded by where the event happens (PLOVER GSR: actor codes inferred from locations)
        target = [places[0][0]]
    reflexive = any(t.lower_ in _REFLEXIVE for t in tgt_toks)
    if not target and places and places[0][0] not in source and not reflexive:
        # PLOVER GSR convention: an event done "in Montenegro" with no other target is done to it
        target = [places[0][0]]
    if not target and source and not reflexive:
        # "agreed to set up a centre in Mumbai", "provided funds for those affected in Yemen":
        # with no one named, the place the act's object is in
        # (an event noun's own phrases too: "declared a ceasefire effective from Sunday in Somalia")
        own = [tok] if trig.pos == "noun" and tok.i != pred.i and not tgt_toks else []
        target = [x for x in _object_places(ctx, pred, tgt_toks + own)[:1] if x not in source]
    if (
        not target
        and not reflexive
        and trig.origin != "petrarch"
        and any(not _unplaced(ctx, x) for x in source)
    ):
        # "agreed to lift a ban on imports of British beef", "condemnation of the Israeli
        # Prime Minister's declaration": the first coded actor inside what the act is done to.
        # It fills a side of an event that stands anyway; it makes no event of a lone
        # description ("the crowd cheered ...") nor satisfies a dictionary pattern's dyad
        target = _object_actors(ctx, tok, trig, pred, tgt_toks, source)
    if (
        not target
        and len(source) == 1
        and not _unplaced(ctx, source[0])
        and not reflexive
        and trig.origin != "petrarch"
    ):
        # "resigned on Sunday, after protests calling for his removal in Peru", "agreed to
        # resign from Gloversville office": with no one named, the place named later in the
        # sentence is where the act lands (PLOVER GSR: actor codes inferred from locations).
        # Not for a joint act (several sources) nor to keep an event that would fall: a
        # dictionary pattern's dyad or a lone description ("the crowd cheered ... in X")
        target = _later_place(ctx, tok, pred, source)
    # "released the prime minister and more than 30 others": beside a coded actor, an
    # unplaced description adds no one a coder would record on that side
    source, target = coded_first(ctx, source), coded_first(ctx, target)
    if not source and target and not _agentless_certain(ctx, pred, target):
        return Dyad([], [], False, places)
    if not (source and target) and not _recordable(ctx, code, source, target):
        # "the crowd applauded": one side only, and it is a description no country or
        # name places; no actor a coder could record
        return Dyad([], [], False, places)
    return Dyad(source, target, src_fallback or tgt_fallback, places)


def coded_first(ctx: Context, ids: list[str]) -> list[str]:
    """``ids`` without the unplaced descriptions when a coded actor is among them."""
    if not any(is_coded(ctx, x) for x in ids):
        return ids
    return [x for x in ids if not _unplaced(ctx, x)]


def _object_places(ctx: Context, pred: Token, tgt_toks: list[Token]) -> list[str]:
    """Places inside the act's object phrases, or the object phrases of its complement."""
    heads = list(tgt_toks)
    for c in pred.children:
        if c.dep_ == "xcomp":
            heads.extend(target_tokens(c, False, None))
            heads.append(c)  # "agreed to build schools in Nairobi": the complement's own place
    for h in heads:
        for n in list(h.subtree)[:_MAX_OBJECT_WALK]:
            if n.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "VERB", "ADJ"):
                found = places_at(ctx, n)
                if found:
                    return [found[0][0]]
    return []


def _object_actors(
    ctx: Context, tok: Token, trig: Trigger, pred: Token, tgt_toks: list[Token], source: list[str]
) -> list[str]:
    """The first coded actor named deeper inside the act's object phrases, the phrases of its
    complement clause, or (for an event noun) the noun's own phrases."""
    heads = [t for t in tgt_toks if t.dep_ != "nsubj"]
    for c in pred.children:
        if c.dep_ in ("xcomp", "ccomp"):
            heads.extend(target_tokens(c, False, None))
    if trig.pos == "noun":
        heads.extend(c for c in tok.children if c.dep_ == "prep" and c.lower_ not in ("by", "from"))
    for h in heads:
        walk = list(h.subtree)[:_MAX_OBJECT_WALK]
        ids = [x for x in entities_in(ctx, walk) if x not in source and is_coded(ctx, x)]
        if ids:
            return ids[:1]
    return []


def _later_place(ctx: Context, tok: Token, pred: Token, source: list[str]) -> list[str]:
    """The first place named after the trigger in its sentence that is not the source."""
    end = pred.sent.end_char
    found = min(
        (
            (m.start, e.id)
            for e in ctx.by_id.values()
            if e.kind == "place" and e.id not in source
            for m in e.mentions
            if tok.idx < m.start < end
        ),
        default=None,
    )
    return [found[1]] if found else []


def _scene_places(ctx: Context, pred: Token) -> list[tuple[str, tuple[int, int]]]:
    """The place of the clause a participle depends on ("declared a state of siege in Haiti,
    ... arresting opponents": the arrests are in Haiti), from the clause's verb or its object."""
    cur = pred
    for _ in range(3):
        if cur.dep_ == "conj" and cur.head.tag_ == "VBG":
            cur = cur.head
            continue
        break
    if cur.tag_ != "VBG" or cur.dep_ != "advcl" or not is_verb(cur.head):
        return []
    head = cur.head
    for anchor in (head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))):
        found = places_at(ctx, anchor)
        if found:
            return found
    return []


def _means_places(ctx: Context, pred: Token) -> list[tuple[str, tuple[int, int]]]:
    """Where the act is done through its means ("violated the truce by shelling villages and
    firing along the border in Kashmir": in Kashmir): the places of a "by" + gerund phrase."""
    for c in pred.children:
        if c.dep_ != "prep" or c.lower_ != "by":
            continue
        for g in c.children:
            if g.dep_ != "pcomp":
                continue
            for verb in (g, *(x for x in g.children if x.dep_ == "conj")):
                found = places_at(ctx, verb)
                if found:
                    return found
    return []


def _agentless_passive(pred: Token) -> bool:
    """A finite passive with no "by" agent ("was arrested in Lebanon")."""
    return any(c.dep_ == "auxpass" for c in pred.children) and not any(
        c.dep_ == "agent" for c in pred.children
    )


# where a bare participle describes its noun or clause ("a lawyer jailed for ...")
_DESCRIBING = frozenset("acl amod relcl advcl".split())


def _agentless_certain(ctx: Context, pred: Token, target: list[str]) -> bool:
    """Whether a passive with no agent still makes an event with an empty source.

    Only a finite passive ("grenades were hurled at the police station") whose target is a
    named or coded actor; a bare participle ("a lawyer jailed for ...", "convicted last year")
    describes its noun and is no report of the act.
    """
    if pred.tag_ != "VBN" or pred.pos_ not in ("VERB", "AUX"):
        return True  # not a participle: the caller's other rules decide
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children):
        return True  # a perfect ("has agreed"), active
    if any(c.dep_ == "auxpass" for c in pred.children):
        return all(is_coded(ctx, x) or not _unplaced(ctx, x) for x in target)
    return pred.dep_ not in _DESCRIBING


def _recordable(ctx: Context, code: CameoCode, source: list[str], target: list[str]) -> bool:
    """Whether the one side of an event names an actor a coder records (round 12).

    A name or a coded actor is one; so is a description of the state or of an armed or
    political body with no country ("DEA officials", "militias", "rebels fired shells into the
    city": a state or armed actor whose country the sentence does not give), and the doer of a
    protest or of violence, who is whoever the description says ("hundreds of protesters
    blocked the road"; its victims alone are not: that is the agentless passive's rule). A
    description of private people doing anything else ("the crowd applauded") is not.
    """
    if any(not _unplaced(ctx, x) or _state_body(ctx, x) for x in source + target):
        return True
    return bool(source) and code.root in CROWD_ACTS


def _state_body(ctx: Context, eid: str) -> bool:
    """A description whose sector is one of the state's or of an armed or political body: a group
    ("militias", "DEA officials") or a person described in more than a bare noun ("a police
    detective"; "law and justice" is no judge)."""
    ent = ctx.by_id.get(eid)
    a = ent.actor if ent is not None else None
    if ent is None or a is None or STATE_SECTORS.isdisjoint(a.sector):
        return False
    return ent.kind == "group" or any(len(m.text.split()) > 1 for m in ent.mentions)


def _unplaced(ctx: Context, eid: str) -> bool:
    """An actor written as a description ("the crowd", "protesters") with no country or IGO."""
    ent = ctx.by_id.get(eid)
    if ent is None or any(m.kind == "name" for m in ent.mentions):
        return False
    return not is_coded(ctx, eid)


def _source(
    ctx: Context, src_toks: list[Token], pred: Token, code: CameoCode, quote: Quote | None, is_cue: bool
) -> tuple[list[str], bool]:
    """Entity ids of the source phrases, else of the fallbacks; flag: from a fallback."""
    source: list[str] = []
    fallback = False
    for t in src_toks:
        ids, fb = actor_ids(ctx, t, quote)
        fallback = fallback or fb
        source.extend(x for x in ids if x not in source)
    if not source:
        for t in src_toks:
            ids = agent_place(ctx, t, pred, code.quad_class != 4 or code.root == "14")
            if ids:
                source, fallback = ids, True
                break
    if not source and any(t.lower_ in _PERSONAL for t in src_toks):
        source = reporter(ctx, pred, quote, is_cue)
    elif source and all(_definite_description(ctx, x, t) for x in source for t in src_toks[:1]):
        # "Holness announced that the government will extend the curfew", "Taliban leaders said
        # the fighters will lay down their arms": a definite description of the speaker's own
        # kind in reported speech is the speaker's body
        speaker = reporter(ctx, pred, quote, is_cue)
        if speaker and all(_same_sector(ctx, s, x) for s in speaker for x in source):
            source = speaker
    if not source:
        source = _document_maker(ctx, src_toks, pred, quote)
    anonymous = any(t.lemma_.lower() in report_nouns() for t in src_toks)
    if not source and quote is not None and is_cue and quote.speaker.entity and not anonymous:
        # (not for "sources in Pakistan said": the quote stage may resolve them to the place)
        source = [quote.speaker.entity]
    return source, fallback


def _definite_description(ctx: Context, eid: str, tok: Token) -> bool:
    """An entity written only as "the <noun>" here, with no name anywhere ("the government")."""
    ent = ctx.by_id.get(eid)
    if ent is None or any(m.kind == "name" for m in ent.mentions):
        return False
    # bare: "the government", not "the Syrian government" nor "the country's army"
    lefts = list(tok.lefts)
    return tok.pos_ == "NOUN" and len(lefts) == 1 and lefts[0].lower_ == "the"


def _same_sector(ctx: Context, speaker: str, eid: str) -> bool:
    """Whether the speaker's actor shares a sector (and any country) with the description's."""
    a, b = ctx.by_id.get(speaker), ctx.by_id.get(eid)
    if a is None or b is None or a.actor is None or b.actor is None:
        return False
    if a.actor.country and b.actor.country and a.actor.country != b.actor.country:
        return False
    return bool(set(a.actor.sector) & set(b.actor.sector))


def _document_maker(ctx: Context, src_toks: list[Token], pred: Token, quote: Quote | None) -> list[str]:
    """Who speaks through a document the trigger describes: "Amnesty put out a report accusing
    X", "the Senate is considering a resolution demanding X" (the subject of the verb whose
    object the document is)."""
    for t in src_toks:
        if pred.dep_ != "acl" or pred.head.i != t.i or t.dep_ not in ("dobj", "obj"):
            continue
        lemma = t.lemma_.lower()
        if lemma not in ctx.lex.word_class("product") and lemma not in report_nouns():
            continue
        subjs, passive = subject(t.head)
        if subjs and not passive:
            ids, _fb = actor_ids(ctx, subjs[0], quote)
            if ids:
                return ids
    return []


def _target(
    ctx: Context,
    tok: Token,
    trig: Trigger,
    pred: Token,
    code: CameoCode,
    tgt_toks: list[Token],
    quote: Quote | None,
    source: list[str],
) -> tuple[list[str], bool]:
    """Entity ids of the target phrases (not the source's), else of the fallbacks; flag: from a fallback."""
    lex = ctx.lex
    fallback = False
    target: list[str] = []
    object_named = False
    for t in tgt_toks:
        if object_named and t.dep_ == "pobj" and t.head.lower_ == "for":
            continue  # "blamed Chad for the raid on X": with an object named, "for" gives the reason
        ids, fb = actor_ids(ctx, t, quote, target=True)
        ids = [x for x in ids if x not in source]  # "their first meeting": the possessor is the source
        if not ids and t.pos_ == "NOUN":
            # "held their second round of talks with Lund", "broke its pledge to the coastal
            # towns": the object noun's own with/to/against phrase names whom it concerns
            for n in noun_targets(t):
                ids.extend(x for x in actor_ids(ctx, n, quote, target=True)[0] if x not in ids)
        object_named = object_named or (bool(ids) and t.dep_ in ("dobj", "obj", "dative", "nsubjpass"))
        fallback = fallback or fb
        target.extend(x for x in ids if x not in target)
    stance = [
        x
        for t in stance_targets(pred, lex, code.quad_class in (3, 4))
        for x in actor_ids(ctx, t, quote, target=True)[0]
        if x not in source
    ]
    if stance:
        # "occupied squares in Minsk in defiance of the Belarusian government": the stance names
        # whom the act is aimed at; of the rest only a named direct object stays
        direct = [
            x
            for t in tgt_toks
            if t.dep_ in ("dobj", "obj", "dative")
            for x in entities_in(ctx, phrase_tokens(t, False, actor_bounds(ctx, t.idx)))
        ]
        target = [x for x in dict.fromkeys(direct + stance) if x not in source]
    if not target:
        for t in tgt_toks:
            ids = agent_place(ctx, t, pred)
            if ids:
                target, fallback = ids, True
                break
    if not target:
        for t in secondary_targets(pred):
            ids, _fb = actor_ids(ctx, t, quote)
            target.extend(x for x in ids if x not in target)
    if not target:
        target = _complement_targets(ctx, tok if trig.pos == "verb" else pred, quote)
    if not target and pred.dep_ in ("xcomp", "advcl") and code.quad_class in (1, 3):
        # "summoned Niger's ambassador to complain": a verbal act aimed at the one summoned
        obj = next((c for c in pred.head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            target = [x for x in actor_ids(ctx, obj, quote)[0] if x not in source]
    if not target and trig.pos == "noun" and pred.i != tok.i:
        # "joined Zarif for a first meeting with partners": when the event noun's own phrases
        # name no one, the licensing verb's object is who the event is with
        for obj in (c for c in pred.children if c.dep_ in ("dobj", "obj", "dative") and c.i != tok.i):
            target.extend(x for x in actor_ids(ctx, obj, quote, target=True)[0] if x not in source + target)
    sent_agents = [x for x in target if _own_agents(ctx, x, source)]
    if sent_agents:
        # "sent seven military experts to Riyadh to investigate", "the deployment of 230 troops
        # to Liberia": the source's own unnamed agents are the means of the act; the place or
        # body they are sent to is whom it concerns
        dest = _destination(ctx, tok, pred, quote, source)
        if dest:
            target = [x for x in target if x not in sent_agents] + [x for x in dest if x not in target]
    if any(is_coded(ctx, x) and _is_kind(ctx, x, ("person", "group", "organization")) for x in target):
        # "invited Trump to a meeting in Mexico City", "pledged at a conference in Herndon, Virginia":
        # beside a named party the place an act happens in is the venue, not whom it is aimed at
        target = [x for x in target if not _venue(ctx, x, pred)]
    return target, fallback


# prepositions of the place where something happens
_VENUE_PREPS = frozenset(("in", "at"))


def _is_kind(ctx: Context, eid: str, kinds: tuple[str, ...]) -> bool:
    ent = ctx.by_id.get(eid)
    return ent is not None and ent.kind in kinds


def _venue(ctx: Context, eid: str, pred: Token) -> bool:
    """Whether a place's mention in the predicate's sentence is the object of an "in"/"at" phrase
    (through the names it is listed or placed with: "in Herndon, Virginia")."""
    if not _is_kind(ctx, eid, ("place",)):
        return False
    sent = pred.sent
    doc = pred.doc
    for m in ctx.by_id[eid].mentions:
        if not (sent.start_char <= m.start < sent.end_char):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(4):
            if tok.dep_ not in ("appos", "conj", "npadvmod", "compound") or tok.head is tok:
                break
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in _VENUE_PREPS:
            return True
    return False


# sectors of the agents a state or body sends (troops, police, officials, experts, medics)
_AGENT_SECTORS = frozenset("MIL COP GOV SPY JUD MED HLH".split())


def _own_agents(ctx: Context, eid: str, source: list[str]) -> bool:
    """An unnamed group or person of a state's agents with no country or the source's own."""
    ent = ctx.by_id.get(eid)
    if ent is None or ent.actor is None or ent.kind not in ("group", "person"):
        return False
    if any(m.kind == "name" for m in ent.mentions) or not set(ent.actor.sector) & _AGENT_SECTORS:
        return False
    own = {a.country for a in (ctx.by_id[x].actor for x in source if x in ctx.by_id) if a is not None}
    return ent.actor.country is None or ent.actor.country in own


def _destination(ctx: Context, tok: Token, pred: Token, quote: Quote | None, source: list[str]) -> list[str]:
    """The coded actors of a "to"/"into" phrase of the act, of its predicate or of the verb a
    purpose infinitive hangs on ("sent experts **to Riyadh** to investigate")."""
    verbs = [tok, pred] + ([pred.head] if pred.dep_ in ("xcomp", "advcl") else [])
    for v in dict.fromkeys(verbs):
        for c in v.children:
            if c.dep_ != "prep" or c.lower_ not in ("to", "into"):
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                ids = [x for x in actor_ids(ctx, g, quote, target=True)[0] if x not in source]
                if ids and all(is_coded(ctx, x) for x in ids):
                    return ids
    return []


def _complement_targets(ctx: Context, tok: Token, quote: Quote | None) -> list[str]:
    """The target of a verb whose object is a clause: the clause's subject ("demanded that
    Peru release"), or what the infinitive acts on ("offered to hand back to Chile")."""
    # "will not lift the embargo until Cuba undertakes reforms": a condition is put to its subject
    cond = set(ctx.lex.word_class("conditional")) | {"until", "till"}
    frontier = [tok]
    for _depth_level in range(3):
        nxt: list[Token] = []
        for verb in frontier:
            for c in verb.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in c.children):
                    # "warned it would quit the talks if Norway pressed on": the condition's subject
                    for sub in (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
                        ids, _fb = actor_ids(ctx, sub, quote)
                        if ids:
                            return ids
                    continue
                if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    nxt.append(c)  # a purpose infinitive: "closed a bridge to voice their anger at X"
                    for t in target_tokens(c, False, None):
                        ids, _fb = actor_ids(ctx, t, quote)
                        if ids:
                            return ids
                        nxt.append(t)
                    continue
                if c.dep_ == "ccomp":
                    for sub in (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
                        ids, _fb = actor_ids(ctx, sub, quote)
                        if ids:
                            return ids
                    nxt.append(c)
                elif c.dep_ == "xcomp":
                    for t in target_tokens(c, False, None):
                        ids, _fb = actor_ids(ctx, t, quote)
                        if ids:
                            return ids
                        nxt.append(t)
                    nxt.append(c)
                elif (
                    c.pos_ in ("NOUN", "PROPN")
                    and c.dep_ in ("dobj", "obj")
                    and (verb.i != tok.i or verb.pos_ == "NOUN")
                ):
                    for t in noun_targets(c):
                        ids, _fb = actor_ids(ctx, t, quote)
                        if ids:
                            return ids
        frontier = nxt
        if not frontier:
            break
    return []


def reporter(ctx: Context, pred: Token, quote: Quote | None, is_cue: bool) -> list[str]:
    """Who a pronoun subject in reported speech stands for: the quote's speaker, or
    the subject of the reporting verb ("Chad declares it will not admit the trucks")."""
    if quote is not None and not is_cue and quote.speaker.entity and quote.kind != "direct":
        return [quote.speaker.entity]
    cur = pred
    for _ in range(MAX_CLIMB):
        if cur.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "acomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.dep_ == "conj" and is_verb(cur.head):
            continue
        subjs, passive = subject(cur)
        if subjs and not passive:
            ids, _fb = actor_ids(ctx, subjs[0], None)
            if ids:
                return ids
            if subjs[0].pos_ != "PRON":
                return []
    return []
