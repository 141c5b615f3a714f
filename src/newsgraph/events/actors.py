"""Actor phrases to entity ids, through the entity mentions inside them.

``actor_ids`` is the one way a phrase becomes actors (used by ``dyad`` and
``coding``): the mentions in the phrase's core first, then in its prepositional
phrases, never across a paragraph break; an uncoded head acts for the coded body
or place it belongs to ("a deputy of the Kenyan parliament"); a product noun
("the elections") takes its maker from this or an earlier mention. ``places_at``
and ``agent_place`` give the places attached to a word, for the event's
location and for a generic agent ("police") that acts for the place where it
acts.

A new rule about which entity a phrase stands for belongs here; a new rule
about which phrase is the source or the target belongs in ``arguments`` or
``dyad``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from newsgraph.entities.lexicon import rows
from newsgraph.events.context import Context
from newsgraph.events.tokens import lemma_in
from newsgraph.records import Location, Quote

# prepositions that say what a person or thing belongs to ("member of", "volunteers from", "plant in")
_BELONG_PREPS = frozenset(("of", "from", "in", "at"))
_PLACE_PREPS = frozenset("in at near inside outside across throughout".split())
# dependency labels not part of an actor phrase's core
_PHRASE_SKIP = frozenset("relcl acl advcl appos prep punct cc mark case parataxis ccomp xcomp".split())
_MAX_PHRASE = 400
_MAX_LOOKBACK = 30
# a dateline opening a paragraph: where the reporter files from, not an actor ("NAIROBI, Kenya
# (AP) --", "Lima, May 3 (Reuters) -", "Port Town--"): capitalised words, an optional date
# and agency, then a dash
_DATELINE = re.compile(
    r"\s*(?!(?:The|A|An|In|On|At)\b)[A-Z][\w.'’]*(?:[ ,/]+[A-Z][\w.'’]*){0,5}"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?:, [A-Z]{2,8})?"
    r"(?: ?\([^()\n]{1,30}\))?\s*(?:--|—|–|-)(?=\s|[A-Z])\s*"
    # or without a dash, a place and a date before the agency: "Lima, May 3 (Reuters)"
    r"|\s*[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){0,3},? [A-Z][a-z]{2,8}\.? \d{1,2} ?\([A-Za-z]{2,10}\)\s*"
)
_DATELINE_MAX = 70


@lru_cache(maxsize=1)
def report_nouns() -> frozenset[str]:
    """Nouns for the unnamed origin of a report (data/report_nouns.tsv), singular and plural."""
    words = {r[0].strip().lower() for r in rows("report_nouns.tsv")}
    return frozenset(words | {w + "s" for w in words})


def phrase_tokens(tok: Token, with_preps: bool, bounds: tuple[int, int] | None = None) -> list[Token]:
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


def actor_bounds(ctx: Context, offset: int) -> tuple[int, int] | None:
    """The paragraph holding ``offset``, less a dateline at its start: the place the
    reporter files from is not an actor of the sentence it opens ("BAMAKO - Armed men attacked")."""
    para = ctx.parsed.paragraph_of(offset)
    if para is None:
        return None
    m = _DATELINE.match(ctx.parsed.text, para[0], min(para[1], para[0] + _DATELINE_MAX))
    if m is None:
        return para
    return m.end(), para[1]  # a phrase headed inside the dateline ("QUITO (Reuters)") names no one


def entities_in(ctx: Context, tokens: Iterable[Token]) -> list[str]:
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
        if kinds[r] == "organization" and root is not None and _in_title(ctx, doc, root, kept, kinds):
            continue  # "NBC News moderator Matt Lauer", "Wells Fargo CEO X": the person acts, the body is the title's
        if (
            root is not None
            and root.dep_ == "poss"
            and any(
                o is not r and (o[0] <= root.head.idx < o[1] or _modifies(doc, o, root.head)) for o in kept
            )
        ):
            continue  # "the emir's Hamas office", "Smith's NATO unit": the organisation acts, its owner qualifies it
        if r[2] not in out:
            out.append(r[2])
    return out


def _in_title(
    ctx: Context, doc: Any, root: Token, kept: list[tuple[int, int, str]], kinds: Mapping[tuple[int, int, str], str]
) -> bool:
    """Whether a name modifies the title before a coded person's name ("NBC News" of "NBC News moderator X")."""
    people = [(s, e) for (s, e, eid) in kept if kinds[(s, e, eid)] == "person" and is_coded(ctx, eid)]
    if not people:
        return False
    tok = root
    for _ in range(6):
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head is tok or tok.head.i < tok.i:
            return False
        tok = tok.head
        if any(s <= tok.idx < e for s, e in people):
            return True
    return False


def _modifies(doc: Any, mention: tuple[int, int, str], head: Token) -> bool:
    """Whether the mention is a name modifying ``head`` ("Hamas" in "Hamas armed wing")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i == head.i


def _mention_has(ctx: Context, eid: str, tok: Token) -> bool:
    """Whether one of the entity's mentions covers the token (the phrase's head is that entity)."""
    ent = ctx.by_id.get(eid)
    return ent is not None and any(m.start <= tok.idx < m.end for m in ent.mentions)


def _is_kind(ctx: Context, eid: str, kind: str) -> bool:
    ent = ctx.by_id.get(eid)
    return ent is not None and ent.kind == kind


def collapse(ctx: Context, ids: list[str]) -> list[str]:
    """Drop a group entity when some of its members are listed beside it."""
    listed = set(ids)
    return [i for i in ids if not (i in ctx.by_id and set(ctx.by_id[i].members) & (listed - {i}))]


def is_coded(ctx: Context, eid: str) -> bool:
    """Whether an entity has an actor code that places it (a country, an IGO or militant group, an NGO)."""
    ent = ctx.by_id.get(eid)
    a = ent.actor if ent is not None else None
    return a is not None and bool(a.country or a.igo or "NGO" in a.sector)


def actor_ids(
    ctx: Context, tok: Token | None, quote: Quote | None, target: bool = False
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
    bounds = actor_bounds(ctx, tok.idx)
    if bounds is not None and tok.idx < bounds[0]:
        # "MOGADISHU -- A U.S. airstrike killed ...": the parser made the dateline the subject
        # and the real subject its apposition
        # ("THE HAGUE, Netherlands -- A UN prosecutor": through the dateline's own appositions)
        app: Token | None = tok
        for _ in range(3):
            kids = [c for c in app.children if c.dep_ == "appos"] if app is not None else []
            app = next((c for c in kids if c.idx >= bounds[0]), None) or next(iter(kids), None)
            if app is None or app.idx >= bounds[0]:
                break
        if app is None or app.idx < bounds[0]:
            return [], False
        return actor_ids(ctx, app, quote, target)
    core = entities_in(ctx, phrase_tokens(tok, False, bounds))
    if tok.lemma_.lower() in report_nouns() and not any(
        _mention_has(ctx, x, tok) and is_coded(ctx, x) for x in core
    ):
        # "diplomatic sources in Pakistan said", "reports reaching here from Freetown": the
        # place is where the reporting comes from, not who acts (also when the sources
        # themselves became an uncoded group entity)
        return [], False
    if core and any(is_coded(ctx, x) for x in core):
        return core + _named_apposition(ctx, tok, core, bounds), False
    if target and tok.pos_ == "NOUN":
        # "marched against abuses by the riot police", "looking into killings by a militia
        # against villagers": the doer of a deed is who the event is aimed at
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for with_preps in (False, True):  # "by a militia against villagers": the militia
                    found = entities_in(
                        ctx, [x for p in c.children for x in phrase_tokens(p, with_preps, bounds)]
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
        # an apposition of a named person describes them: only its own words count ("Evan
        # Mawarire, a critic of President X" is not X)
        named = any(_mention_has(ctx, x, head) and _is_kind(ctx, x, "person") for x in core)
        belong = [
            t
            for c in head.children
            if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in _BELONG_PREPS)
            for t in phrase_tokens(c, not (named and c.dep_ == "appos"), bounds)
        ]
        coded = [x for x in entities_in(ctx, belong) if x not in core and is_coded(ctx, x)]
        return (coded or core), False
    if core:
        return core, False  # "met his cousin, a native of X": only the possessor is named
    found = entities_in(ctx, phrase_tokens(tok, True, bounds))
    if found:
        # "the envoy of Kingdom of Spain" split by the tagger: an uncoded name beside coded ones is a fragment
        return ([x for x in found if is_coded(ctx, x)] or found), False
    lemma = tok.lemma_.lower()
    if lemma in ctx.lex.word_class("product") or tok.lower_ in ctx.lex.word_class("product"):
        owner = _owner(ctx, tok)
        if owner:
            return owner, True
    if tok.lower_ in _THIRD_PERSON and tok.pos_ == "PRON":
        return pronoun_antecedent(ctx, tok, quote, target), False
    return [], False


# third-person pronouns the entity stage may leave unlinked, and what they can stand for
_THIRD_PERSON: dict[str, str] = {
    "he": "person", "him": "person", "she": "person", "her": "person",
    "it": "body", "its": "body", "they": "plural", "them": "plural", "their": "plural",
}
_OBJECTS = ("dobj", "obj", "dative")


def pronoun_antecedent(ctx: Context, tok: Token, quote: Quote | None, target: bool = False) -> list[str]:
    """The actor a pronoun the entity stage left unlinked stands for, from the parse alone.

    Only two places where the grammar decides: the same role in the first of two coordinated
    clauses ("the court convicted the activist and sentenced **him**", "the army shelled the
    town and **it** ...": the object for an object, the subject for a subject), and the subject
    of a main clause that opens its sentence, for the subject of the paragraph's sentence before
    ("Iran seized a tanker on Friday. **It** also arrested the crew"). The antecedent must agree
    (he/she a person, it a country or an organisation, they a group or a plural noun) and, across
    sentences, carry a code. Anything less certain stays empty.
    """
    want = _THIRD_PERSON[tok.lower_]
    verb = tok.head
    subj_role = tok.dep_ in ("nsubj", "nsubjpass")
    if (subj_role or tok.dep_ in _OBJECTS) and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        roles = ("nsubj",) if subj_role else _OBJECTS
        for c in verb.head.children:
            if c.dep_ in roles and c.pos_ != "PRON" and c.i < tok.i:
                ids = [x for x in actor_ids(ctx, c, quote, target)[0] if _agrees(ctx, x, c, want)]
                if ids:
                    return ids
        return []
    if not subj_role or want == "person":
        return []  # people: the entity stage's coreference decides
    if verb.dep_ not in ("ROOT", "conj") or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in tok.lefts):
        return []
    sent = tok.sent
    if any(t.pos_ in ("NOUN", "PROPN") for t in sent[: tok.i - sent.start]) or sent.start == 0:
        return []  # not the opening subject of its sentence
    before = tok.doc[sent.start - 1].sent
    if ctx.parsed.paragraph_of(before.start_char) != ctx.parsed.paragraph_of(tok.idx):
        return []
    subjects = [c for c in before.root.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return []
    ids = actor_ids(ctx, subjects[0], quote, target)[0]
    if not ids or not all(is_coded(ctx, x) and _agrees(ctx, x, subjects[0], want) for x in ids):
        return []
    return ids


def _agrees(ctx: Context, eid: str, head: Token, want: str) -> bool:
    """Whether the entity (its phrase headed by ``head``) can be what the pronoun stands for."""
    ent = ctx.by_id.get(eid)
    if ent is None:
        return False
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    if want == "person":
        # a singular description the tagger took for a body ("an Ethiopian smuggler") also agrees
        described = head.tag_ == "NN" and not any(m.kind == "name" for m in ent.mentions)
        return ent.kind == "person" or (described and ent.kind != "place")
    if want == "body":
        return ent.kind in ("place", "organization") and not plural
    return ent.kind == "group" or plural


def _named_apposition(
    ctx: Context, head: Token, core: list[str], bounds: tuple[int, int] | None
) -> list[str]:
    """The coded name in apposition to a description ("his Iranian counterpart, Mostafa
    Najjar"): the same actor, named; kept beside the description so either mention counts."""
    if any(_mention_has(ctx, x, head) and _named(ctx, x) for x in core):
        return []
    out: list[str] = []
    for c in head.children:
        if c.dep_ != "appos":
            continue
        for x in entities_in(ctx, phrase_tokens(c, False, bounds)):
            if x not in core and x not in out and _named(ctx, x) and is_coded(ctx, x):
                out.append(x)
    return out


def _named(ctx: Context, eid: str) -> bool:
    ent = ctx.by_id.get(eid)
    return ent is not None and any(m.kind == "name" for m in ent.mentions)


def _owner(ctx: Context, noun: Token) -> list[str]:
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


def _owner_here(ctx: Context, noun: Token) -> list[str]:
    for c in noun.children:
        if c.dep_ == "poss":
            found = entities_in(ctx, phrase_tokens(c, False))
            if found:
                return found
    for c in noun.children:
        if c.dep_ in ("acl",):
            for g in c.children:
                if g.dep_ == "agent":
                    found = entities_in(ctx, [x for p in g.children for x in phrase_tokens(p, True)])
                    if found:
                        return found
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and lemma_in(head, ctx.lex.word_class("producer")):
        subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
        if subj is not None:
            found = entities_in(ctx, phrase_tokens(subj, True))
            if found:
                return found
    # what a document says ("a resolution demanding that X ...", "a report accusing X") is its
    # content, not who made it
    tokens = [
        t
        for c in noun.children
        if c.dep_ in ("prep", "amod", "compound") or (c.dep_ == "acl" and c.tag_ != "VBG")
        for t in c.subtree
    ]
    if len(tokens) > _MAX_PHRASE:
        tokens = tokens[:_MAX_PHRASE]
    return entities_in(ctx, tokens)


def places_at(
    ctx: Context, tok: Token, preps: frozenset[str] = _PLACE_PREPS
) -> list[tuple[str, tuple[int, int]]]:
    """Place entities attached to ``tok`` by "in/at/near" (its own location phrase)."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for eid in entities_in(ctx, phrase_tokens(g, True)):
                    ent = ctx.by_id.get(eid)
                    if ent is not None and ent.kind == "place":
                        m = next((m for m in ent.mentions if g.idx <= m.start < g.idx + 200), None)
                        out.append((eid, (m.start, m.end) if m else (g.idx, g.idx + len(g.text))))
    return out


def agent_place(
    ctx: Context, phrase_head: Token | None, pred: Token, object_place: bool = False
) -> list[str]:
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
        places = places_at(ctx, anchor, _PLACE_PREPS | {"near", "outside"})
        if places:
            return [places[0][0]]
    for c in phrase_head.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" or (c.dep_ == "acl" and c.tag_ == "VBG"):
            # "a weekly based in Tunis", "rebels operating in Mali"
            places = places_at(ctx, c)
            if places:
                return [places[0][0]]
    return []


def location_of(ctx: Context, places: list[tuple[str, tuple[int, int]]]) -> Location | None:
    """The event's location: the first place attached to its predicate."""
    if not places:
        return None
    eid, (a, b) = places[0]
    ent = ctx.by_id[eid]
    return Location(ent.name, ent.actor.country if ent.actor is not None else None, ctx.parsed.span(a, b))
