"""Rule-based PLOVER event extraction over the dependency parse.

For every sentence: find trigger tokens (verbs and event nouns from
``data/events/triggers.tsv``), take the source from the trigger's subject (or
the quote speaker when the trigger is a quote's cue, or "we"/"I" inside a quote),
the target from its object or prepositional object, turn the actor phrases into
entity ids through the entity mentions, mark polarity and modality from the
trigger's own negation/auxiliaries and from the words that govern it, and merge
repeated mentions of one event. All lookups are dictionary lookups per token and
every walk is bounded by a phrase or a chain of heads, so time stays linear in
the sentence length.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.dates import text_date as _text_date
from newsgraph.document import ParsedDocument
from newsgraph.entities import EntityIndex
from newsgraph.events.lexicon import CameoCode, Lexicon, Trigger, load_lexicon
from newsgraph.records import AnchoredDate, DateRef, Entity, Event, Location, Quote, Span

logger = logging.getLogger(__name__)


_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_OBJ = ("dobj", "obj", "dative", "attr", "oprd")
# prepositions whose object is the target of the event ("met with X", "attack on X")
_TARGET_PREPS = frozenset(
    "with against on upon to at into toward towards for over from of about between".split()
)
# verbs whose object is the subject of their infinitive ("urged X to", not "summoned X to complain")
_OBJECT_CONTROL = frozenset(
    "urge ask order tell force allow permit persuade encourage invite call press help enable require request "
    "advise warn forbid compel oblige authorize authorise instruct pressure push lead get cause".split()
)
_STATIVE_PASSIVE = frozenset("commit oppose prepare determine resolve dedicate".split())
_SECONDARY_PREPS = frozenset(("of", "about", "from"))
# prepositions that say what a person or thing belongs to ("member of", "volunteers from", "plant in")
_BELONG_PREPS = frozenset(("of", "from", "in", "at"))
_PLACE_PREPS = frozenset("in at near inside outside across throughout".split())
# dependency labels not part of an actor phrase's core
_PHRASE_SKIP = frozenset("relcl acl advcl appos prep punct cc mark case parataxis ccomp xcomp".split())
_CLIMB = frozenset("xcomp ccomp advcl conj pcomp pobj prep acl relcl dobj".split())
_MAX_CLIMB = 12
# violence verbs that, done by a named person, are words ("Trump attacked Clinton")
_REFLEXIVE = frozenset("himself herself themselves itself myself ourselves yourself".split())
_ARMED = frozenset(("MIL", "REB", "INS", "COP", "SPY", "UAF", "SEP"))
_VERBAL_ATTACK = frozenset(("attack", "assail", "blast", "hit", "slam", "savage", "target"))
# a that-clause with one of these is about what will be done, not an opinion ("agreed that they should")
_FUTURE_MODALS = frozenset("should would will shall must could can may might".split())
# verbal events whose condition is part of the act itself ("warned of action if ...")
_SPEECH_ACTS = frozenset(("THREATEN", "AGREE", "REQUEST", "ACCUSE", "REJECT"))
# pronouns that stand for the reporting speaker in reported speech ("Syria says it will ...")
_PERSONAL = frozenset("he she it they we i".split())
_MAX_PHRASE = 400
_MAX_LOOKBACK = 30


@dataclass
class _Candidate:
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
class _Ctx:
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


# --------------------------------------------------------------------------- triggers


def _forms(tok: Token) -> tuple[str, ...]:
    """The lemma, then the word, then the word with an inflection stripped.

    spaCy's small model sometimes lemmatises badly ("staged" -> "stag"); a table
    lookup tries these forms in order and the first one the table knows wins.
    """
    lemma, low = tok.lemma_.lower(), tok.lower_
    out = [lemma, low]
    if tok.tag_.startswith("VB") or tok.tag_ == "NNS":
        if low.endswith("ed"):
            out += [low[:-1], low[:-2]]
        elif low.endswith("ing"):
            out += [low[:-3] + "e", low[:-3]]
        elif low.endswith("s"):
            out += [low[:-1], low[:-2]]
    return tuple(out)


def _lemma_in(tok: Token, table: Any) -> str | None:
    for form in _forms(tok):
        if form in table:
            return form
    return None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def _objects(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in _OBJ or c.dep_ == "nsubjpass":
            out.append(c)
        elif c.dep_ in ("prep", "prt", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.append(tok.head)  # "a report released last year": the participle's noun is its object
    more: list[Token] = []
    for o in out:
        more.extend(x for x in o.conjuncts)
        # "700 kg of medicine", "aid deliveries": the measured or modifying noun names the object too
        more.extend(c for c in o.children if c.dep_ == "compound")
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                more.extend(g for g in c.children if g.dep_ == "pobj")
                more.extend(
                    x for g in c.children if g.dep_ == "pobj" for x in g.children if x.dep_ == "compound"
                )
    return out + more


def _evaluative(tok: Token, lex: Lexicon, polarity: str) -> bool:
    words = lex.word_class("evaluative")
    comps: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            comps.append(c)
    # "described as 'irresponsible' the letter": the evaluative word may be parsed as the object
    for c in tok.children:
        if c.dep_ in ("dobj", "amod", "advmod", "npadvmod") and c.i < tok.i + 6:
            comps.append(c)
    for c in comps:
        # the complement and its head word's modifiers ("as 'irresponsible'", "a mistake",
        # "as a dangerous provocation"), not words deep inside it ("as a question of the common good")
        near = [c] + [g for g in c.children] + [x for g in c.children if g.dep_ == "pobj" for x in g.children]
        for t in near:
            if t.dep_ in ("prep", "relcl", "acl"):
                continue
            if words.get(t.lower_) == polarity or words.get(t.lemma_.lower()) == polarity:
                if c.dep_ == "dobj" and t.i != c.i and t.dep_ != "amod":
                    continue
                return True
    return False


def _question(clause: Token) -> bool:
    """ "asked whether ...", "asked what ...": an indirect question, not a request."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("whether", "if")) or c.tag_ in ("WDT", "WP", "WP$", "WRB")
        for c in clause.children
    )


def _temporal(prep: Token) -> bool:
    """ "on Tuesday", "at night": a preposition of time is not a verb particle."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _matches(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    if trig.particle is not None:
        if not any(
            c.dep_ in ("prt", "prep", "agent", "advmod") and c.lower_ == trig.particle and not _temporal(c)
            for c in tok.children
        ):
            return False
    if trig.objects:
        objs = _objects(tok)
        lemmas = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        # "declined to comment": the infinitive is what is declined
        lemmas |= {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
        if any(o.ent_type_ == "MONEY" for o in objs):
            lemmas.add("MONEY")
        if any(o.dep_ in ("dobj", "obj") for o in objs):
            lemmas.add("*")
        if any(
            o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") and o.dep_ in ("dobj", "obj", "dative")
            for o in objs
        ):
            lemmas.add("ACTOR")
        if not lemmas & trig.objects:
            return False
    if trig.clause and not any(
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not _question(c)) for c in tok.children
    ):
        return False
    if trig.fact and not any(
        c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in _FUTURE_MODALS for a in c.children)
        for c in tok.children
    ):
        return False
    if trig.evaluative is not None and not _evaluative(tok, lex, trig.evaluative):
        return False
    return True


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    if (
        _is_verb(tok)
        and tok.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass")
        and any(c.dep_ == "det" for c in tok.children)
    ):
        return None  # "evacuated the wounded": a participle used as a noun
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "nsubj", "dobj")
        and not any(c.dep_ in ("dobj", "nsubj", "agent", "prep", "prt") for c in tok.children)
    ):
        return None  # "a pace of killing": a gerund naming an activity, with no one doing it
    if _is_verb(tok):
        kind = "verb"
    elif tok.pos_ in ("NOUN", "PROPN"):
        kind = "noun"
    else:
        return None
    cands = None
    for form in _forms(tok):
        cands = lex.triggers.get((kind, form))
        if cands:
            break
    if not cands:
        return None
    for trig in cands:  # most specific first
        if _matches(tok, trig, lex):
            return trig
    return None


def _noun_licensed(tok: Token, lex: Lexicon, triggered: set[int]) -> Token | None:
    """The predicate a trigger noun hangs from, or ``None`` when the noun is only mentioned.

    "renewed their support" (object of a light verb), "clashes erupted"
    (subject of an occurrence verb), a headline-like root noun. A noun under a
    verb that is a trigger itself ("condemned the attack") is that verb's
    object, not a second event.
    """
    frames = lex.word_class("frame")
    while tok.dep_ in ("conj", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound" and _lemma_in(tok.head, frames) is None:
            return None  # "truce monitors": the monitors are not a truce
        tok = tok.head  # "a mediation effort": the compound shares its frame noun's licence
    head = tok.head
    dep = tok.dep_
    if dep == "ROOT":
        return tok
    if dep == "pobj" and head.lower_ == "for" and _is_verb(head.head) and head.head.i not in triggered:
        # "negotiators return to Geneva for talks": a purpose phrase names what the subject does
        noun_trig = (lex.triggers.get(("noun", tok.lemma_.lower())) or (None,))[0]
        noun_code = lex.code(noun_trig.cameo) if noun_trig is not None else None
        if noun_code is not None and noun_code.plover == "CONSULT":
            return head.head
    if dep == "pobj" and head.dep_ in ("prep", "prt") and head.head.lemma_.lower() in ("go", "call", "carry"):
        head, dep = head.head, "dobj"
    if (
        dep == "pobj"
        and head.lower_ in ("of", "in")
        and head.head.pos_ in ("NOUN", "NUM")
        and head.head.dep_ in ("dobj", "obj")
    ):
        # "25,000 tons of food aid", "$33 million in assistance": the noun stands in for its measure
        head, dep = head.head.head, head.head.dep_
    if (
        dep == "pobj"
        and head.lower_ == "in"
        and head.head.i not in triggered
        and _lemma_in(head.head, lex.word_class("participation"))
    ):
        return head.head  # "were participating in a boycott", "took part in talks"
    if head.i in triggered:
        return None
    if dep in ("dobj", "obj", "nsubjpass") and _lemma_in(head, lex.word_class("light")):
        return head
    if dep in ("nsubj",) and _lemma_in(head, lex.word_class("occur")):
        return head
    return None


# --------------------------------------------------------------------------- actors


def _phrase_tokens(tok: Token, with_preps: bool, bounds: tuple[int, int] | None = None) -> list[Token]:
    """The actor phrase headed by ``tok``: its subtree without clauses (and without
    prepositional phrases unless ``with_preps``), cut to ``bounds`` (the paragraph:
    a byline parsed into the first sentence is not part of its subject)."""
    out: list[Token] = []
    stack = [tok]
    skip = _PHRASE_SKIP - ({"prep", "appos"} if with_preps else set())
    while stack and len(out) < _MAX_PHRASE:
        t = stack.pop()
        if bounds is not None and not (bounds[0] <= t.idx < bounds[1]):
            continue
        out.append(t)
        for c in t.children:
            if c.dep_ in skip or c.dep_ == "punct":
                continue
            stack.append(c)
    return out


def _entities_in(ctx: _Ctx, tokens: Iterable[Token]) -> list[str]:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return []
    ids_in = {t.i for t in toks}
    doc = toks[0].doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    rows = ctx.index.mentions_in(start, end)
    # keep outermost mentions whose first token is part of the phrase
    rows = sorted(rows, key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for r in rows:
        if r[0] < last_end:
            continue
        span = doc.char_span(r[0], r[1], alignment_mode="expand")
        if span is None or not any(t.i in ids_in for t in span):
            continue
        kept.append(r)
        last_end = r[1]
    if not kept:
        return []
    # a place or nationality modifying a person/organisation ("US President X") is not a co-actor
    kinds = {r: (ctx.by_id[r[2]].kind if r[2] in ctx.by_id else "person") for r in kept}
    has_agent = any(k in ("person", "organization") for k in kinds.values())
    # "a number of countries, including France, Germany ...": the listed members act, not
    # the umbrella group as well (a group alone, "the four Representatives", stays)
    listed = {r[2] for r in kept}
    umbrella = {eid for eid in listed if eid in ctx.by_id and set(ctx.by_id[eid].members) & (listed - {eid})}
    kept = [r for r in kept if r[2] not in umbrella]
    out: list[str] = []
    for r in kept:
        span = doc.char_span(r[0], r[1], alignment_mode="expand")
        root = span.root if span is not None else None
        if has_agent and kinds[r] in ("place", "group"):
            if root is not None and root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
                continue
        if (
            root is not None
            and root.dep_ == "poss"
            and any(o is not r and (o[0] <= root.head.idx < o[1] or _modifies(doc, o, root.head)) for o in kept)
        ):
            continue  # "the emir's Hamas office", "Smith's NATO unit": the organisation acts, its owner qualifies it
        if r[2] not in out:
            out.append(r[2])
    return out


def _modifies(doc: Any, mention: tuple[int, int, str], head: Token) -> bool:
    """Whether the mention is a name modifying ``head`` ("Hamas" in "Hamas armed wing")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i == head.i


def _mention_has(ctx: _Ctx, eid: str, tok: Token) -> bool:
    """Whether one of the entity's mentions covers the token (the phrase's head is that entity)."""
    ent = ctx.by_id.get(eid)
    return ent is not None and any(m.start <= tok.idx < m.end for m in ent.mentions)


def _collapse(ctx: _Ctx, ids: list[str]) -> list[str]:
    """Drop a group entity when some of its members are listed beside it."""
    listed = set(ids)
    return [i for i in ids if not (i in ctx.by_id and set(ctx.by_id[i].members) & (listed - {i}))]


def _coded(ctx: _Ctx, eid: str) -> bool:
    """Whether an entity has an actor code that places it (a country, an IGO or militant group, an NGO)."""
    ent = ctx.by_id.get(eid)
    a = ent.actor if ent is not None else None
    return a is not None and bool(a.country or a.igo or "NGO" in a.sector)


def _actors(
    ctx: _Ctx, tok: Token | None, quote: Quote | None, target: bool = False
) -> tuple[list[str], bool]:
    """Entity ids for the actor phrase headed by ``tok``; the flag says they came from a fallback.

    ``target``: the phrase is what an event is aimed at, so a deed's "by" agent counts first.
    """
    if tok is None:
        return [], False
    first_person = tok.pos_ == "PRON" and tok.lower_ in ctx.lex.word_class("first_person")  # not "the US"
    if quote is not None and quote.speaker.entity and first_person:
        return [quote.speaker.entity], False
    if tok.dep_ in ("poss",) and first_person and quote is not None:
        return [quote.speaker.entity] if quote.speaker.entity else [], False
    bounds = ctx.parsed.paragraph_of(tok.idx)
    core = _entities_in(ctx, _phrase_tokens(tok, False, bounds))
    if core and any(_coded(ctx, x) for x in core):
        return core, False
    if target and tok.pos_ == "NOUN":
        # "marched against abuses by the riot police", "looking into killings by a militia
        # against villagers": the doer of a deed is who the event is aimed at
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for with_preps in (False, True):  # "by a militia against villagers": the militia
                    found = _entities_in(
                        ctx, [x for p in c.children for x in _phrase_tokens(p, with_preps, bounds)]
                    )
                    if found:
                        return found, False
    # a dative "to" heads its noun ("sent inspectors to the X facility")
    head = next((c for c in tok.children if c.dep_ == "pobj"), tok) if tok.pos_ == "ADP" else tok
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    if core and not (owned and not any(_mention_has(ctx, x, head) for x in core)):
        # "volunteers from the Labour Party", "a deputy of the Kenyan parliament", "the mayor of
        # Lyon": an uncoded head acts for the coded body or place it belongs to (only of/from/in/at
        # phrases and appositions: "X's essay on Trump" is not Trump's; +3 dyads, -5 false on PLOVER dev)
        belong = [
            t
            for c in head.children
            if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in _BELONG_PREPS)
            for t in _phrase_tokens(c, True, bounds)
        ]
        coded = [x for x in _entities_in(ctx, belong) if x not in core and _coded(ctx, x)]
        return (coded or core), False
    if core:
        return core, False  # "met his cousin, a native of X": only the possessor is named
    found = _entities_in(ctx, _phrase_tokens(tok, True, bounds))
    if found:
        # "the envoy of Kingdom of Spain" split by the tagger: an uncoded name beside coded ones is a fragment
        return ([x for x in found if _coded(ctx, x)] or found), False
    lemma = tok.lemma_.lower()
    if lemma in ctx.lex.word_class("product") or tok.lower_ in ctx.lex.word_class("product"):
        owner = _owner(ctx, tok)
        if owner:
            return owner, True
    return [], False


def _owner(ctx: _Ctx, noun: Token) -> list[str]:
    """Who made a product noun ("the elections", "the letter"): its holder or author.

    Looks at this mention and back through earlier mentions of the same noun:
    a possessor, a "by X" agent, a place it is "in", or the subject of the verb
    that made it ("X held elections").
    """
    if noun.i in ctx.owner_cache:
        return ctx.owner_cache[noun.i]
    if not ctx.nouns:
        for t in ctx.parsed.doc:
            if t.pos_ in ("NOUN", "PROPN"):
                ctx.nouns.setdefault(t.lemma_.lower(), []).append(t)
    result: list[str] = []
    earlier = [t for t in ctx.nouns.get(noun.lemma_.lower(), []) if t.i <= noun.i]
    for t in reversed(earlier[-_MAX_LOOKBACK:]):
        result = _owner_here(ctx, t)
        if result:
            break
    ctx.owner_cache[noun.i] = result
    return result


def _owner_here(ctx: _Ctx, noun: Token) -> list[str]:
    for c in noun.children:
        if c.dep_ == "poss":
            found = _entities_in(ctx, _phrase_tokens(c, False))
            if found:
                return found
    for c in noun.children:
        if c.dep_ in ("acl",):
            for g in c.children:
                if g.dep_ == "agent":
                    found = _entities_in(ctx, [x for p in g.children for x in _phrase_tokens(p, True)])
                    if found:
                        return found
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and _lemma_in(head, ctx.lex.word_class("producer")):
        subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
        if subj is not None:
            found = _entities_in(ctx, _phrase_tokens(subj, True))
            if found:
                return found
    tokens = [t for c in noun.children if c.dep_ in ("prep", "acl", "amod", "compound") for t in c.subtree]
    if len(tokens) > _MAX_PHRASE:
        tokens = tokens[:_MAX_PHRASE]
    return _entities_in(ctx, tokens)


def _subject(tok: Token) -> tuple[list[Token], bool]:
    """The subject(s) of ``tok`` (climbing through control and coordination); flag: passive.

    Several subjects come back when the parser split a long list ("..., Visegrad
    Group, TURKPA reiterated" gives two nsubj children).
    """
    # "does not change ... and will not be recognised": the conjunct's own voice counts
    own_passive = any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in tok.children)
    cur = tok
    for _ in range(_MAX_CLIMB):
        passive = own_passive or any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in cur.children)
        subs = [c for c in cur.children if c.dep_ in _SUBJ]
        if subs:
            c = subs[0]
            if c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                return [cur.head], False
            return subs, passive
        if cur.dep_ == "xcomp":
            obj = next((c for c in cur.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and _lemma_in(cur.head, _OBJECT_CONTROL):
                return [obj], False  # "urged the senators to promote": the senators would promote
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            # "accused Sudan of supporting the rebels": the accused is who supports
            obj = next((c for c in cur.head.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return [obj], False
            cur = cur.head.head
            continue
        if cur.dep_ in ("conj", "advcl", "acomp"):
            cur = cur.head  # "Peru is willing to pull back": the subject of "is"
            continue
        if cur.dep_ in ("acl", "relcl"):
            return [cur.head], cur.tag_ == "VBN"
        return [], passive
    return [], False


def _agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _target_tokens(tok: Token, passive: bool, particle: str | None, evaluative: bool = False) -> list[Token]:
    out: list[Token] = []
    if evaluative:  # "described as 'irresponsible' the letter" / "described the letter as irresponsible"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                out.extend(g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON"))
            elif c.dep_ in ("oprd", "ccomp", "xcomp", "acomp"):
                # "called [Peru's decision illegal]": the small clause's subject is what is judged
                out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    if passive:
        out.extend(c for c in tok.children if c.dep_ in ("nsubjpass",))
    out.extend(c for c in tok.children if c.dep_ in ("dobj", "obj", "dative"))
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and (c.lower_ in _TARGET_PREPS or c.lower_ == particle):
            if c.lower_ in _SECONDARY_PREPS and c.lower_ != particle:
                continue
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _secondary_targets(tok: Token) -> list[Token]:
    """Weaker target phrases, used when the object names no actor ("withdraw its force from Chad")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in _SECONDARY_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _noun_targets(noun: Token) -> list[Token]:
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            # "its demand that Israel ease restrictions": the clause's subject is addressed
            out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


def _stance_targets(tok: Token, lex: Lexicon, conflict: bool = False) -> list[Token]:
    """X in "in defiance of X", "in protest against X", "in solidarity with X" (``stance`` nouns);
    for a conflictual act also "despite X's pressure" / "despite pressure by X" (the one defied)."""
    stance = lex.word_class("stance")
    out: list[Token] = []
    # "refused to step down despite pressure by X": the refused act's stance counts for the refusal
    kids = [c for c in tok.children] + [g for c in tok.children if c.dep_ == "xcomp" for g in c.children]
    for c in kids:
        if conflict and c.dep_ == "prep" and c.lower_ == "despite":
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN")
            continue
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for n in c.children:
            if n.dep_ == "pobj" and n.lemma_.lower() in stance:
                for p in n.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "against", "at", "to", "with", "for", "over"):
                        out.extend(g for g in p.children if g.dep_ == "pobj")
    return out


def _between(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _noun_sources(noun: Token) -> list[Token]:
    out = [c for c in noun.children if c.dep_ in ("poss",)]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    out.extend(
        c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
    )
    return out


def _places(ctx: _Ctx, tok: Token, preps: frozenset[str] = _PLACE_PREPS) -> list[tuple[str, tuple[int, int]]]:
    """Place entities attached to ``tok`` by "in/at/near" (its own location phrase)."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for eid in _entities_in(ctx, _phrase_tokens(g, True)):
                    ent = ctx.by_id.get(eid)
                    if ent is not None and ent.kind == "place":
                        m = next((m for m in ent.mentions if g.idx <= m.start < g.idx + 200), None)
                        out.append((eid, (m.start, m.end) if m else (g.idx, g.idx + len(g.text))))
    return out


def _agent_place(ctx: _Ctx, phrase_head: Token | None, pred: Token, object_place: bool = False) -> list[str]:
    """A generic agent ("police", "protesters") takes the place where it acts (PLOVER GSR convention)."""
    if phrase_head is None:
        return []
    agents = ctx.lex.word_class("agent")
    lemma = phrase_head.lemma_.lower()
    is_event_noun = phrase_head.pos_ == "NOUN" and ("noun", lemma) in ctx.lex.triggers
    if lemma not in agents and phrase_head.lower_ not in agents and not is_event_noun:
        return []  # an event noun ("a roadside bombing near Samarra killed ...") also acts where it happens
    # "occupied squares in Minsk": where the act's object is, the act happens (not for force:
    # "shelled a town in Chad" is done to Chad, not by it)
    objects = [c for c in pred.children if c.dep_ in ("dobj", "obj")] if object_place else []
    for anchor in (phrase_head, pred, *objects):
        places = _places(ctx, anchor, _PLACE_PREPS | {"near", "outside"})
        if places:
            return [places[0][0]]
    for c in phrase_head.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" or (c.dep_ == "acl" and c.tag_ == "VBG"):
            # "a weekly based in Tunis", "rebels operating in Mali"
            places = _places(ctx, c)
            if places:
                return [places[0][0]]
    return []


# --------------------------------------------------------------------------- modality


def _own_modality(tok: Token, lex: Lexicon) -> tuple[str, str]:
    polarity, modality = "asserted", "actual"
    neg = lex.word_class("negation")
    modal = lex.word_class("modal")
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in neg):
            polarity = "negated"
        elif c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in modal and modality == "actual":
            modality = modal[c.lemma_.lower()]
            if c.lower_ == "would" and tok.dep_ in ("ccomp", "conj"):
                # reported future ("said they would boycott"): an announced intention
                modality = "intended"
        elif c.dep_ == "aux" and c.lower_ in ("going",):
            modality = "intended"
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
        polarity = "negated"
    if modality == "actual" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in tok.children
    ):
        modality = "hypothetical"  # "a chance for a deal to be signed": wanted, not done
    return polarity, modality


def _conditioned(tok: Token, lex: Lexicon) -> str | None:
    """The event's own condition word ("will withdraw ... unless", "would meet ... if"), if any."""
    cond = lex.word_class("conditional")
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in cond:
                    return m.lower_
    return None


def _scope(tok: Token, ctx: _Ctx, trig_at: dict[int, Trigger]) -> tuple[str, str, bool]:
    """Polarity and modality of the event at ``tok`` from what governs it; flag: set by a trigger
    (the governing "agreed"/"threatened"/"refused" is already an event of its own)."""
    lex = ctx.lex
    polarity, modality = _own_modality(tok, lex)
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj"):
        modality = "hypothetical"  # "removing the sanctions is out of the question": an act talked about
    cond = lex.word_class("conditional")
    governors = lex.word_class("governor")
    noun_governors = lex.word_class("noun_governor")
    cur = tok
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in cond for c in cur.children):
            modality = "hypothetical" if modality == "actual" else modality
        dep = cur.dep_
        if dep not in _CLIMB or cur.head.i == cur.i:
            break
        head = cur.head
        if dep in ("conj",):
            # "would end the emergency and further ease sanctions": the conjunct shares the auxiliaries
            hp, hm = _own_modality(head, lex)
            if (
                hm != "actual"
                and modality == "actual"
                and not any(c.dep_ in ("aux", "auxpass") for c in cur.children)
            ):
                modality = hm
            cur = head
            continue
        trig = trig_at.get(head.i)
        if trig is not None and trig.scope and dep != "dobj":
            if trig.scope == "negated":
                polarity = "negated"
            elif modality == "actual":
                modality = trig.scope
            return polarity, modality, True
        ng = _lemma_in(head, noun_governors) if head.pos_ == "NOUN" else None
        if ng is not None and dep in ("acl", "ccomp", "prep", "relcl"):
            # "a Danish offer to host the talks", "an admission that forces murdered ...": not asserted
            if modality == "actual":
                modality = noun_governors[ng]
            break
        gv = _lemma_in(head, governors) if head.pos_ != "NOUN" else None
        if gv is not None and dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl"):
            value = governors[gv]
            if value == "negated":
                polarity = "negated"
            elif modality == "actual":
                modality = value
            hp, hm = _own_modality(head, lex)
            if hp == "negated":  # "not willing to", "did not plan to"
                polarity = "negated"
            break
        if _is_verb(head) or head.pos_ == "AUX":
            hp, hm = _own_modality(head, lex)
            # a that-clause has its own tense ("should be noted that X rejected"): only
            # infinitives and adverbial clauses inherit the governing verb's modal
            if dep in ("xcomp", "advcl") and hm != "actual" and modality == "actual":
                modality = hm
            if dep in ("xcomp",) and hp == "negated":
                polarity = "negated"
        cur = head
    return polarity, modality, False


# PLOVER reading of an announced, conditional or refused event (CAMEO's own practice):
# "will visit" is an intent to meet (036), "will attack" a threat of force (138),
# "failed to reach agreement" a rejection (120).
_INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
_REFUSAL_CODE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def _derived_code(code: CameoCode, polarity: str, modality: str, lex: Lexicon) -> CameoCode | None:
    if polarity == "negated":
        derived = _REFUSAL_CODE.get(code.root)
    elif modality in ("intended", "hypothetical-conditioned"):
        derived = _INTENT_CODE.get(code.root) or _THREAT_CODE.get(code.root)
    else:
        derived = None
    return lex.code(derived) if derived else None


# --------------------------------------------------------------------------- dates, quotes


def _quote_at(ctx: _Ctx, start: int) -> tuple[Quote | None, bool]:
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


def _date(ctx: _Ctx, trigger: Span, quote: Quote | None, is_cue: bool) -> AnchoredDate | None:
    exclude = quote.content if (quote is not None and is_cue) else ()
    ref = _text_date(ctx.parsed, trigger, ctx.dates, exclude=exclude)
    if ref is not None:
        return AnchoredDate(ref.value, "text", ref.span)
    if quote is not None and is_cue and quote.date is not None and quote.date.basis == "text":
        return quote.date
    return None


def _publication(ctx: _Ctx) -> AnchoredDate | None:
    pub = ctx.parsed.published
    return AnchoredDate(pub.isoformat(), "publication") if pub is not None else None


# --------------------------------------------------------------------------- sentence


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _sentence_events(ctx: _Ctx, sent: SpacySpan) -> list[_Candidate]:
    lex = ctx.lex
    trig_at: dict[int, Trigger] = {}
    for tok in sent:
        trig = _match(tok, lex)
        if trig is not None:
            trig_at[tok.i] = trig
    if not trig_at:
        return _modal_requests(ctx, sent, [])
    verbs = {i for i, t in trig_at.items() if t.pos == "verb"}
    doc = sent.doc
    out: list[_Candidate] = []
    for i, trig in trig_at.items():
        tok = doc[i]
        ev_start, ev_end = _evidence(ctx, sent, tok)
        code = lex.code(trig.cameo)
        if code is None or code.plover is None:
            continue  # a statement ("released a statement"), not an event
        if trig.pos == "noun":
            pred = _noun_licensed(tok, lex, verbs)
            if pred is None:
                continue
            if code.quad_class == 4 and any(
                c.dep_ in ("amod", "compound") and c.lower_ in lex.word_class("figurative")
                for c in tok.children
            ):
                continue  # "their legislative attacks", "a campaign offensive": not violence
        else:
            pred = tok
        quote, is_cue = _quote_at(ctx, pred.idx)
        if quote is None and pred.i != tok.i:
            quote, is_cue = _quote_at(ctx, tok.idx)
        # --- source and target phrases
        src_toks: list[Token] = []
        tgt_toks: list[Token] = []
        passive = False
        if trig.pos == "verb":
            subjs, passive = _subject(tok)
            if passive and _agent(tok) is None and _lemma_in(tok, _STATIVE_PASSIVE):
                passive = False  # "Vietnam is committed to", "X is opposed to": a state of the subject
            head_agent = _agent(tok.head) if tok.dep_ == "advcl" and tok.tag_ == "VBG" else None
            if passive and _agent(tok) is None and head_agent is not None:
                # "was ambushed by militiamen, killing 12 soldiers": the participle is the agent's act
                src_toks.append(head_agent)
            elif passive:
                ag = _agent(tok)
                if ag is not None:
                    src_toks.append(ag)
                tgt_toks.extend(subjs)
            else:
                src_toks.extend(subjs)
            tgt_toks.extend(
                t
                for t in _target_tokens(tok, passive, trig.particle, trig.evaluative is not None)
                if t not in tgt_toks
            )
        else:
            src_toks.extend(_noun_sources(tok))
            if pred.i == tok.i or not _subject(pred)[0] or _subject(pred)[0][0].i == tok.i:
                # "clashes erupted between Armenia and Azerbaijan": both sides act
                src_toks.extend(_between(tok) + (_between(pred) if pred.i != tok.i else []))
            if pred.i != tok.i:
                subjs, passive = _subject(pred)
                if not passive:
                    src_toks.extend(x for x in subjs if x.i != tok.i)
                tgt_toks.extend(_noun_targets(tok))
                purpose = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == pred.i
                if not tgt_toks:
                    # a purpose: "travelled to Vienna for talks" are not talks with Vienna, but
                    # "convened the council for a meeting" is a meeting of the council
                    tgt_toks.extend(
                        t
                        for t in _target_tokens(pred, passive, None)
                        if t.i != tok.i and not (purpose and t.dep_ == "pobj")
                    )
            else:
                tgt_toks.extend(_noun_targets(tok))
        source: list[str] = []
        fallback = False
        for t in src_toks:
            ids, fb = _actors(ctx, t, quote)
            fallback = fallback or fb
            source.extend(x for x in ids if x not in source)
        if not source:
            for t in src_toks:
                ids = _agent_place(ctx, t, pred, code.quad_class != 4 or code.root == "14")
                if ids:
                    source, fallback = ids, True
                    break
        if not source and any(t.lower_ in _PERSONAL for t in src_toks):
            source = _reporter(ctx, pred, quote, is_cue)
        if not source and quote is not None and is_cue and quote.speaker.entity:
            source = [quote.speaker.entity]
        target: list[str] = []
        object_named = False
        for t in tgt_toks:
            if object_named and t.dep_ == "pobj" and t.head.lower_ == "for":
                continue  # "blamed Chad for the raid on X": with an object named, "for" gives the reason
            ids, fb = _actors(ctx, t, quote, target=True)
            ids = [x for x in ids if x not in source]  # "their first meeting": the possessor is the source
            if not ids and t.pos_ == "NOUN":
                # "held their second round of talks with Lund", "broke its pledge to the coastal
                # towns": the object noun's own with/to/against phrase names whom it concerns
                for n in _noun_targets(t):
                    ids.extend(x for x in _actors(ctx, n, quote, target=True)[0] if x not in ids)
            object_named = object_named or (bool(ids) and t.dep_ in ("dobj", "obj", "dative", "nsubjpass"))
            fallback = fallback or fb
            target.extend(x for x in ids if x not in target)
        stance = [
            x
            for t in _stance_targets(pred, lex, code.quad_class in (3, 4))
            for x in _actors(ctx, t, quote, target=True)[0]
            if x not in source
        ]
        if stance:
            # "occupied squares in Minsk in defiance of the Belarusian government": the stance names
            # whom the act is aimed at; of the rest only a named direct object stays
            direct = [
                x
                for t in tgt_toks
                if t.dep_ in ("dobj", "obj", "dative")
                for x in _entities_in(ctx, _phrase_tokens(t, False, ctx.parsed.paragraph_of(t.idx)))
            ]
            target = [x for x in dict.fromkeys(direct + stance) if x not in source]
        if not target:
            for t in tgt_toks:
                ids = _agent_place(ctx, t, pred)
                if ids:
                    target, fallback = ids, True
                    break
        if not target:
            for t in _secondary_targets(pred):
                ids, _fb = _actors(ctx, t, quote)
                target.extend(x for x in ids if x not in target)
        if not target:
            target = _complement_targets(ctx, tok if trig.pos == "verb" else pred, quote)
        if not target and pred.dep_ in ("xcomp", "advcl") and code.quad_class in (1, 3):
            # "summoned Niger's ambassador to complain": a verbal act aimed at the one summoned
            obj = next((c for c in pred.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                target = [x for x in _actors(ctx, obj, quote)[0] if x not in source]
        source, target = _collapse(ctx, source), _collapse(ctx, target)
        target = [x for x in target if x not in source]
        places = _places(ctx, pred)
        if target and places and places[0][0] not in source and not any(_coded(ctx, x) for x in target):
            # "sent inspectors to the Natanz plant in central Iran": an uncoded target is
            # coded by where the event happens (PLOVER GSR: actor codes inferred from locations)
            target = [places[0][0]]
        reflexive = any(t.lower_ in _REFLEXIVE for t in tgt_toks)
        if not target and places and places[0][0] not in source and not reflexive:
            # PLOVER GSR convention: an event done "in Montenegro" with no other target is done to it
            target = [places[0][0]]
        if not source and not target:
            continue  # no recognisable actor: no event
        polarity, modality, by_trigger = _scope(pred, ctx, trig_at)
        if trig.pos == "noun" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            polarity = "negated"
        condition = _conditioned(pred, lex)
        conditioned = condition is not None and code.plover not in _SPEECH_ACTS
        if conditioned and modality == "actual":
            modality = "hypothetical"
        trigger_span = ctx.parsed.span(tok.idx, tok.idx + len(tok.text))
        location = None
        if places:
            eid, (a, b) = places[0]
            ent = ctx.by_id[eid]
            location = Location(
                ent.name, ent.actor.country if ent.actor is not None else None, ctx.parsed.span(a, b)
            )
        confidence = 0.45 + 0.25 * bool(source) + 0.2 * bool(target) - 0.15 * fallback + 0.05 * bool(quote)
        if (
            code.root in ("18", "19")
            and source
            and _lemma_in(tok, _VERBAL_ATTACK)
            and _verbal(ctx, source, target)
        ):
            # "Trump attacked Clinton for ...": people attack each other in words (CAMEO 111)
            code = lex.code("111") or code
        cand = _Candidate(
            code=code,
            trigger=(trigger_span.start, trigger_span.end),
            evidence=(ev_start, ev_end),
            source=source,
            target=target,
            token_i=tok.i,
            depth=_depth(pred),
            quote=quote.id if quote is not None else None,
            date=_date(ctx, trigger_span, quote, is_cue),
            location=location,
            polarity=polarity,
            modality=modality,
            confidence=round(min(confidence, 0.95), 2),
        )
        out.append(cand)
        if not by_trigger and source and not _in_relative(pred):
            derived = _derived_code(
                code, polarity, "hypothetical-conditioned" if conditioned else modality, lex
            )
            if condition == "unless" and polarity == "asserted" and code.plover != "THREATEN":
                # "will withdraw its force unless ...": a conditional sanction is a threat
                derived = lex.code(_THREAT_CODE.get(code.root, "131"))
            if derived is not None and derived.plover is not None and derived.plover != code.plover:
                out.append(
                    replace(
                        cand,
                        code=derived,
                        polarity="asserted",
                        modality="actual",
                        confidence=round(cand.confidence * 0.85, 2),
                        more=[],
                    )
                )
    out.extend(_modal_requests(ctx, sent, out, frozenset(trig_at)))
    return out


def _complement_targets(ctx: _Ctx, tok: Token, quote: Quote | None) -> list[str]:
    """The target of a verb whose object is a clause: the clause's subject ("demanded that
    Peru release"), or what the infinitive acts on ("offered to hand back to Chile")."""
    cond = ctx.lex.word_class("conditional")
    frontier = [tok]
    for _depth_level in range(3):
        nxt: list[Token] = []
        for verb in frontier:
            for c in verb.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in c.children):
                    # "warned it would quit the talks if Norway pressed on": the condition's subject
                    for sub in (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
                        ids, _fb = _actors(ctx, sub, quote)
                        if ids:
                            return ids
                    continue
                if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    nxt.append(c)  # a purpose infinitive: "closed a bridge to voice their anger at X"
                    for t in _target_tokens(c, False, None):
                        ids, _fb = _actors(ctx, t, quote)
                        if ids:
                            return ids
                        nxt.append(t)
                    continue
                if c.dep_ == "ccomp":
                    for sub in (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
                        ids, _fb = _actors(ctx, sub, quote)
                        if ids:
                            return ids
                    nxt.append(c)
                elif c.dep_ == "xcomp":
                    for t in _target_tokens(c, False, None):
                        ids, _fb = _actors(ctx, t, quote)
                        if ids:
                            return ids
                        nxt.append(t)
                    nxt.append(c)
                elif (
                    c.pos_ in ("NOUN", "PROPN")
                    and c.dep_ in ("dobj", "obj")
                    and (verb.i != tok.i or verb.pos_ == "NOUN")
                ):
                    for t in _noun_targets(c):
                        ids, _fb = _actors(ctx, t, quote)
                        if ids:
                            return ids
        frontier = nxt
        if not frontier:
            break
    return []


def _verbal(ctx: _Ctx, source: list[str], target: list[str]) -> bool:
    """An "attack" in words: by people, or by organisations on people, none of them armed."""
    ents = [ctx.by_id[x] for x in source + target if x in ctx.by_id]
    if any(e.actor is not None and set(e.actor.sector) & _ARMED for e in ents):
        return False
    src = [ctx.by_id[x] for x in source if x in ctx.by_id]
    tgt = [ctx.by_id[x] for x in target if x in ctx.by_id]
    if all(e.kind == "person" for e in src):
        return True
    return (
        bool(tgt)
        and all(e.kind == "person" for e in tgt)
        and all(e.kind in ("person", "organization") for e in src)
    )


def _in_relative(tok: Token) -> bool:
    """Inside a relative or participle clause: background, whose intentions are not announced acts."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.dep_ in ("relcl", "acl"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _reporter(ctx: _Ctx, pred: Token, quote: Quote | None, is_cue: bool) -> list[str]:
    """Who a pronoun subject in reported speech stands for: the quote's speaker, or
    the subject of the reporting verb ("Chad declares it will not admit the trucks")."""
    if quote is not None and not is_cue and quote.speaker.entity and quote.kind != "direct":
        return [quote.speaker.entity]
    cur = pred
    for _ in range(_MAX_CLIMB):
        if cur.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "acomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.dep_ == "conj" and _is_verb(cur.head):
            continue
        subjs, passive = _subject(cur)
        if subjs and not passive:
            ids, _fb = _actors(ctx, subjs[0], None)
            if ids:
                return ids
            if subjs[0].pos_ != "PRON":
                return []
    return []


def _modal_requests(
    ctx: _Ctx, sent: SpacySpan, found: list[_Candidate], triggered: frozenset[int] = frozenset()
) -> list[_Candidate]:
    """'X said Y must Z': reported obligation is a demand from X to Y (CAMEO 10; "should": 02)."""
    lex = ctx.lex
    request_modal = lex.word_class("request_modal")
    out: list[_Candidate] = []
    for tok in sent:
        if tok.dep_ != "aux" or tok.lower_ not in request_modal:
            continue
        verb = tok.head
        if verb.dep_ not in ("ccomp",) or not _is_verb(verb.head) or verb.head.i in triggered:
            continue  # "agreed that they should cooperate" is the agreement, not a demand
        code = lex.code(request_modal[tok.lower_])
        if code is None or code.plover is None:
            continue
        quote, is_cue = _quote_at(ctx, verb.idx)
        speaker = _reporter(ctx, verb, quote, is_cue)
        if not speaker:
            continue
        subjs, passive = _subject(verb)
        if passive or not subjs or any(x.pos_ == "PRON" for x in subjs):
            continue  # "the report should be published", "we must not", "she should not have to": no one is asked
        target: list[str] = []
        for sub in subjs:
            ids, _fb = _actors(ctx, sub, quote)
            target.extend(x for x in ids if x not in target and x not in speaker)
        if not target:
            continue  # a demand needs someone it is made of
        span = ctx.parsed.span(tok.idx, tok.idx + len(tok.text))
        evidence = found[0].evidence if found else _evidence(ctx, sent, tok)
        out.append(
            _Candidate(
                code=code,
                trigger=(span.start, span.end),
                evidence=evidence,
                source=speaker,
                target=target,
                token_i=tok.i,
                depth=_depth(verb),
                quote=quote.id if quote is not None else None,
                date=_date(ctx, span, quote, is_cue),
                confidence=0.6 if target else 0.45,
            )
        )
    return out


def _evidence(ctx: _Ctx, sent: SpacySpan, tok: Token) -> tuple[int, int]:
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


# --------------------------------------------------------------------------- merging


def _key(c: _Candidate) -> tuple[Any, ...]:
    return (c.type, tuple(sorted(c.source)), tuple(sorted(c.target)), c.polarity, c.modality)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """One record per event: same type, actors, polarity and modality.

    Within a sentence that is always the same event ("agreed ... and signed an
    agreement"); across sentences only when it has a source and the dates do
    not disagree (a lead sentence and the later paragraph that reports it).
    """
    local: list[_Candidate] = []
    by_sentence: dict[tuple[Any, ...], _Candidate] = {}
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
        if c.depth < first.depth:
            first.depth = c.depth
    kept: list[_Candidate] = []
    seen: dict[tuple[Any, ...], list[_Candidate]] = {}
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


# --------------------------------------------------------------------------- entry point


def extract_events(
    parsed: ParsedDocument, entities: Sequence[Entity], quotes: Sequence[Quote], dates: Sequence[DateRef]
) -> list[Event]:
    """PLOVER events of one article (ids ``V1``.. in text order)."""
    lex = load_lexicon()
    cue_at: dict[int, Quote] = {}
    content: list[tuple[int, int, Quote]] = []
    for q in quotes:
        if q.cue is not None:
            for off in range(q.cue.start, q.cue.end):
                cue_at.setdefault(off, q)
        content.extend((s.start, s.end, q) for s in q.content)
    content.sort(key=lambda r: r[0])
    ctx = _Ctx(
        parsed=parsed,
        lex=lex,
        index=EntityIndex.build(entities),
        by_id={e.id: e for e in entities},
        quotes=quotes,
        dates=dates,
        cue_at=cue_at,
        content_quotes=content,
    )
    cands: list[_Candidate] = []
    for sent in parsed.sentences:
        cands.extend(_sentence_events(ctx, sent))
    kept = _merge(cands)
    by_speaker = _speaker_dates(quotes)
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
                source=tuple(c.source),
                target=tuple(c.target),
                mode=c.code.mode,
                context=(c.code.context,) if c.code.context else (),
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
