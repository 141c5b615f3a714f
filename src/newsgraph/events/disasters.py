"""Step 2b (part): harm and relief that no one able to act brings about: disasters and accidents.

An act needs an agent able to act. Harm (CAMEO 17-20) whose subject or cause is a natural
force or an accident ("an earthquake killed 40", "killed in floods", "a gas explosion", "died
when a building collapsed", "the bus plunged into a ravine, killing 20", "Typhoon Haiyan
killed") is no event; nor is, in a report of a disaster, harm or relief with no human agent,
an emergency instruction to the public ("ordered residents to shelter in place"), the relief
the public or the victims get ("evacuated 500 residents", "rescued people stranded by the
floods", "firefighters evacuated the building"), troops sent to fight a disaster, fighting
one ("battled to contain the spill", "fought the flames") or an inquiry into one ("an
investigation into the cause of the fire", "searched for survivors").

The word classes (``disaster``, ``context_disaster``, ``industrial``, ``accident``, ``public``,
``emergency``, ``attacker``, ``agent`` in ``data/events/words.tsv``) follow the hazard groups of
the EM-DAT classification (geophysical, meteorological, hydrological, climatological,
biological; industrial, transport and other accidents), in everyday words.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.guards import armed_subject
from newsgraph.events.lexicon import HARM_ROOTS, VIOLENT_ROOTS, CameoCode, Lexicon
from newsgraph.events.tokens import is_verb, lemma_in
from newsgraph.events.wordclass import in_class, phrase_words

_CAUSE_PREPS = frozenset("in by during after from amid following due".split())


def _disaster(head: Token, lex: Lexicon) -> bool:
    """A disaster or accident phrase: "the earthquake", "a gas explosion", "floods", and a named
    one ("Typhoon Haiyan", "Cyclone Idai": a name whose compound is a disaster)."""
    value = in_class(head, lex, "disaster")
    if value is None and head.pos_ == "PROPN":
        value = next(
            (v for c in head.children if c.dep_ == "compound" and (v := in_class(c, lex, "disaster")) != "ambiguous" and v),
            None,
        )
    if value is None:
        return False
    if value != "ambiguous":
        return True
    # an explosion is an accident only with an industrial modifier, subject or place
    near = phrase_words(head) + [
        g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    near += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(in_class(t, lex, "industrial") is not None for t in near)


def _causes(tok: Token, pred: Token) -> list[Token]:
    """What brings the harm about: the subject, the cause phrases ("in an earthquake"),
    and for a participle or infinitive ("..., killing 20") the clause it hangs from."""
    out: list[Token] = []
    # "were killed and ... injured after an earthquake rocked": conjoined verbs share the cause
    near = {tok, pred, *tok.conjuncts, *pred.conjuncts}
    for t in near:
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                out.append(c)
            elif c.dep_ in ("prep", "agent") and c.lower_ in _CAUSE_PREPS | {"by"}:
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "advcl":  # "were killed when a building collapsed"
                out.append(c)
                out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    if pred.dep_ in ("advcl", "xcomp", "conj") and pred.head.i != pred.i:
        head = pred.head
        out.append(head)
        out.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    elif pred.dep_ == "acl" and pred.head.pos_ in ("NOUN", "PROPN"):
        # "An army truck overturned ..., killing eight" parsed as two participles of "truck"
        out.extend(c for c in pred.head.children if c.dep_ == "acl" and c.i != pred.i and is_verb(c))
    return out


def _disaster_context(tok: Token, lex: Lexicon) -> bool:
    """The sentence (or the one before it) is about a disaster or an industrial accident and
    names no armed attacker: "The blasts killed 50" after "explosions tore through a chemical
    store", "evacuated residents" of a flooded town."""
    doc = tok.doc
    sent = tok.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    disaster = industrial = False
    for t in doc[start : sent.end]:
        if t.ent_type_ in ("PERSON", "ORG", "GPE"):
            continue
        if lemma_in(t, lex.word_class("attacker")) is not None:
            return False
        value = in_class(t, lex, "disaster")
        if value == "-" and t.pos_ == "NOUN" and in_class(t, lex, "context_disaster") is not None:
            disaster = True
        elif value == "ambiguous":
            industrial = industrial or any(
                in_class(x, lex, "industrial") is not None for x in doc[start : sent.end] if x.pos_ == "NOUN"
            )
    return disaster or industrial


def _public(tgt: list[Token], lex: Lexicon) -> bool:
    """The addressees are the public ("residents", "visitors"), no named or official actor."""
    return bool(tgt) and all(
        t.pos_ == "NOUN" and not t.ent_type_ and in_class(t, lex, "public") is not None for t in tgt
    )


def _addressees(tok: Token) -> list[Token]:
    """Who a demand is made of when the argument step found no one: the subject of its clause
    ("ordered residents to shelter", parsed with "residents" as the clause's subject)."""
    return [g for c in tok.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]


def _human_agent(src: list[Token], lex: Lexicon) -> bool:
    """A source phrase that names people who act: an entity, an agent noun ("police", "rebels").
    A disaster is no one, even when the tagger takes its name for one ("Ebola has killed",
    "Typhoon Haiyan killed")."""
    return any(
        (
            s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or s.pos_ in ("PROPN", "PRON")
            or lemma_in(s, lex.word_class("agent")) is not None
            or lemma_in(s, lex.word_class("attacker")) is not None
        )
        and not _disaster(s, lex)
        for s in src
    )


def _accident(tok: Token, pred: Token, lex: Lexicon) -> bool:
    for cause in _causes(tok, pred):
        if cause.pos_ in ("VERB", "AUX"):
            if armed_subject(cause, lex):
                continue  # "rockets fell on the market, killing 12": an attack
            if in_class(cause, lex, "accident") is not None or _disaster(cause, lex):
                return True
            continue
        if _disaster(cause, lex):
            return True
        for c in cause.children:  # "the collapse of a building", "an explosion at a gas plant"
            if c.dep_ == "compound" and _disaster(c, lex):
                return True
    if tok.pos_ == "NOUN" and _disaster(tok, lex):
        return True  # the trigger noun itself: "a gas explosion"
    return False


def _victims(tgt: list[Token], lex: Lexicon) -> bool:
    """No actor is helped: the target phrases are the public or the victims ("residents",
    "survivors", "thousands"), or things ("the building", "food"); a "to" phrase counts by its
    object ("sent aid to Haiti" helps Haiti)."""
    tgt = [g for t in tgt for g in ([c for c in t.children if c.dep_ == "pobj"] if t.pos_ == "ADP" else [t])]
    return all(
        t.pos_ not in ("PROPN", "PRON")
        and t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
        and (
            in_class(t, lex, "public") is not None
            or t.like_num
            or t.ent_type_ == "CARDINAL"
            or lemma_in(t, lex.word_class("agent")) is None
        )
        for t in tgt
    )


def _emergency_service(src: list[Token], lex: Lexicon) -> bool:
    return bool(src) and all(
        any(in_class(w, lex, "emergency") is not None for w in phrase_words(s)) for s in src
    )


def _mentions_disaster(tok: Token, lex: Lexicon) -> bool:
    """A disaster word among the trigger's own words ("flood victims", "stranded by the floods",
    "to fight the wildfires"), not the whole sentence."""
    return any(t.pos_ in ("NOUN", "PROPN") and _disaster(t, lex) for t in tok.subtree)


def _relief(tok: Token, code: CameoCode, lex: Lexicon, src: list[Token], tgt: list[Token]) -> bool:
    """Emergency relief: an evacuation, a rescue or supplies given to the public or the victims of
    a disaster by no named actor ("evacuated 500 residents from the flooded town", "the army sent
    helicopters to rescue people stranded by the floods"), or any of it done by the emergency
    services ("firefighters evacuated the building"). Aid to or by a named actor ("China sent
    rescue teams to Nepal", "the WHO provided assistance to the flood victims") stays."""
    if code.root != "07" or not _victims(tgt, lex):
        return False
    if _emergency_service(src, lex):
        return True
    if any(s.pos_ == "PROPN" or s.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for s in src):
        return False  # "the WHO is providing assistance to people hit by flooding": aid by a named actor
    return _mentions_disaster(tok, lex) or _disaster_context(tok, lex)


def _emergency_measure(pred: Token, code: CameoCode, lex: Lexicon) -> bool:
    """A restriction imposed to meet a disaster ("imposed a lockdown to contain the outbreak",
    "ordered schools closed as the cyclone approached"): a safety measure, no coercion of an
    actor. Arrests and other coercion of people (173 ...) stay."""
    return code.code[:3] in ("170", "172") and _mentions_disaster(pred, lex)


def _deployed_for_relief(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """Troops deployed or sent to fight a disaster or to help its victims ("troops were sent to help
    fight the wildfires", "soldiers were deployed to evacuate residents after the flood"): the
    purpose names a disaster, no show of force."""
    if code.root not in ("15", "04") or not is_verb(tok):
        return False
    return any(
        c.dep_ in ("xcomp", "advcl") and _mentions_disaster(c, lex) and not armed_subject(c, lex)
        for c in tok.children
    )


def _fights_disaster(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """ "fought the flames", "battled to contain the oil spill", "the fight against the epidemic":
    violence whose object (or whose infinitive's object) is a disaster is the work of containing it."""
    if code.root not in VIOLENT_ROOTS:
        return False
    objs: list[Token] = []
    for t in (tok, *(c for c in tok.children if c.dep_ in ("xcomp", "advcl"))):
        for c in t.children:
            if c.dep_ in ("dobj", "obj"):
                objs.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("against", "on", "with"):
                objs.extend(g for g in c.children if g.dep_ == "pobj")
    return bool(objs) and all(_disaster(o, lex) for o in objs)


def _inquiry(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """ "an investigation into the cause of the fire", "searched for survivors": an inquiry into a
    disaster or a search for its victims accuses no one."""
    if code.root != "09":
        return False
    objs: list[Token] = []
    frontier = [tok]
    for _ in range(3):  # "into the cause of the fire at the factory": down the of/into chain
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("dobj", "obj"):
                    nxt.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("into", "for", "of"):
                    nxt.extend(g for g in c.children if g.dep_ == "pobj")
        objs += nxt
        frontier = nxt
    return any(_disaster(o, lex) or (o.pos_ == "NOUN" and in_class(o, lex, "public") is not None) for o in objs)


def disaster(
    tok: Token, pred: Token, code: CameoCode, lex: Lexicon, src: list[Token], tgt: list[Token]
) -> bool:
    """The trigger at ``tok`` (carried by ``pred``) is harm or relief that a disaster or an accident
    brings about, with no political act in it (see the module's description)."""
    # a passive's agent is its "by" phrase; the others are acted on ("forcing 2,000 people to be evacuated")
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    human = _human_agent([s for s in src if not passive or s.head.dep_ == "agent" or s.head.lower_ == "by"], lex)
    if code.root in HARM_ROOTS and not human and _accident(tok, pred, lex):
        return True
    if code.root in HARM_ROOTS | {"07", "02", "08"} and not human and _disaster_context(tok, lex):
        # "the blasts killed 50" in a report of a chemical fire; evacuating people from a flood
        return True
    if code.plover == "REQUEST" and _public(tgt or _addressees(tok), lex) and _disaster_context(tok, lex):
        # "officials ordered residents to shelter in place" after a chemical spill
        return True
    return (
        _relief(tok, code, lex, src, tgt)
        or _emergency_measure(pred, code, lex)
        or _deployed_for_relief(tok, code, lex)
        or _fights_disaster(tok, code, lex)
        or _inquiry(tok, code, lex)
    )
