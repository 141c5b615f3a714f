"""Step 2b: guards against false events, each a general rule over the parse and a word class.

``false_event`` runs on every trigger once its argument phrases are known (before
actors are looked up) and says why the trigger states no political event, or
``None``. ``recode`` gives the code a trigger really has when its sense is decided
by what it governs. The word classes are in ``data/events/words.tsv``.

* **disasters and accidents** (``disasters.disaster``): violence whose cause is a disaster
  or an accident, not an actor ("an earthquake killed 40", "killed in floods", "a gas
  explosion", "the bus plunged into a ravine, killing 20"); in a disaster report, an
  authority's order to the public ("ordered residents to shelter in place"); relief for the
  public or the victims, fighting a disaster, an inquiry into one, a safety measure;
* **sport**: an event whose object, actor or setting is a game ("beat Spain in the
  final", "hosted a football match"), and "strikes back";
* **military exercises**: violence inside an exercise is a show of force (CAMEO 150,
  MOBILIZE) or, done jointly, military cooperation (062) (``recode``);
* **figurative use**: violent verbs with an abstract object ("fight corruption",
  "combat the virus") are no event; with a proposition ("attacked the plan") they
  are words (CAMEO 111, ``recode``);
* **senses decided by the frame**: "met with opposition" (a reaction, not a
  meeting), tourists "visited" (private visitors), "declined to be named"
  (anonymity); "released a programme" is a publication, a pattern of triggers.tsv;
* **attributive and reduced-relative participles** of verbal acts: "officials
  accused of graft", "a minister criticised for": a description, not an act the
  sentence reports (unless it names the agent: "accused by the court of");
* **what the verb's frame says is no act** (``senses.frame_sense``): an opinion shared
  ("agreed that the plan failed"), a question asked, a poll's share, one's own conduct
  defended, violence on oneself, a standard "met";
* **a standing attitude**: an attitude noun described by a copula ("our support for X is not
  abstract"), a participle of a stance describing a noun ("millions of Americans supporting X");
* **a protest's demand** ("blocked roads demanding ...") is part of the protest;
  **the vehicle of another act** ("summoned the ambassador to complain") is not a
  meeting; **private travel** ("300 people arrived in Greece") is no visit.

``recode`` also reads the frame: an order that forces a coercive act or a restriction
is coercion (170); peacekeepers deployed or arriving are peacekeeping (074); forces sent
to help someone or at someone's request are military aid (072); an appeal to no one for a
punitive act against X is an accusation of X (111).

Proposed, scheduled and alleged acts are read by ``guards.event_reading`` (modality).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.disasters import disaster
from newsgraph.events.lexicon import HARM_ROOTS, VIOLENT_ROOTS, CameoCode, Lexicon, Trigger
from newsgraph.events.senses import frame_sense
from newsgraph.events.tokens import is_verb, lemma_in
from newsgraph.events.wordclass import in_class as _in_class
from newsgraph.events.wordclass import phrase_words as _phrase_words

_OBJ = ("dobj", "obj", "nsubjpass", "dative")


def _sport(tok: Token, pred: Token, lex: Lexicon, src: list[Token], tgt: list[Token]) -> bool:
    heads = list(src) + list(tgt)
    for t in {tok, pred}:
        for c in t.children:
            if c.dep_ in _OBJ or c.dep_ in ("attr", "npadvmod"):
                heads.append(c)
            elif c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":  # "in the final of the tournament": one level down too
                        heads.append(g)
                        heads.extend(
                            x for p in g.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"
                        )
    for h in heads:
        if any(_in_class(w, lex, "sport") is not None for w in _phrase_words(h)):
            # "war games" are an exercise, not a game
            if any(_in_class(w, lex, "exercise_modifier") is not None for w in _phrase_words(h)):
                continue
            return True
    # a score in the clause: "beat Spain 2-1", "won 3 - 0"
    doc = pred.doc
    for i in range(pred.i + 1, min(pred.i + 8, len(doc))):
        t = doc[i]
        parts = t.text.split("-")
        if len(parts) == 2 and all(p.isdigit() and len(p) <= 2 for p in parts):
            return True
        if (
            t.text in ("-", "–")
            and 0 < i < len(doc) - 1
            and doc[i - 1].text.isdigit()
            and doc[i + 1].text.isdigit()
            and len(doc[i - 1].text) <= 2
            and len(doc[i + 1].text) <= 2
        ):
            return True
    return False


def _exercise_phrase(head: Token, lex: Lexicon) -> bool:
    value = _in_class(head, lex, "exercise")
    if value is None:
        return False
    if value != "ambiguous":
        return True
    return any(_in_class(w, lex, "exercise_modifier") is not None for w in _phrase_words(head)[1:])


def exercise(tok: Token, pred: Token, lex: Lexicon) -> bool:
    """Violence inside a military exercise: "staged mock attacks", "launched war games"."""
    cands = [tok, *(c for c in tok.children if c.dep_ in ("amod", "compound"))]
    for t in {tok, pred}:
        for c in t.children:
            if c.dep_ in _OBJ or c.dep_ == "attr":
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during", "as", "for"):
                cands.extend(g for g in c.children if g.dep_ == "pobj")
    return any(_exercise_phrase(c, lex) or c.lower_ in ("mock", "simulated") for c in cands)


def _figurative_object(tok: Token, pred: Token, lex: Lexicon, cls: str) -> bool:
    """The object (or "on"/"against" phrase of a noun) is in ``cls``: "fight corruption"."""
    objs: list[Token] = []
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                objs.extend(g for g in c.children if g.dep_ == "pobj")
    else:
        objs.extend(c for c in tok.children if c.dep_ in ("dobj", "obj"))
        if any(c.dep_ == "auxpass" for c in tok.children):
            objs.extend(c for c in tok.children if c.dep_ == "nsubjpass")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "on"):
                objs.extend(g for g in c.children if g.dep_ == "pobj")
    return bool(objs) and all(
        _in_class(o, lex, cls) is not None and o.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON")
        for o in objs
    )


def _participle(tok: Token, code: CameoCode) -> bool:
    """ "officials accused of graft", "a leader criticised for": a participle of a verbal act
    (accusing, criticising, praising, asking) that describes a noun and names no agent is a
    description of that noun, not an act the sentence reports. A material act in a participle
    ("activists arrested last week") did happen and stays."""
    if tok.tag_ != "VBN" or code.quad_class not in (1, 3):
        return False
    if not ((tok.dep_ == "acl" and tok.head.i < tok.i) or (tok.dep_ == "amod" and tok.head.i > tok.i)):
        return False
    return not any(c.dep_ == "agent" for c in tok.children)


def _attitude(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """A standing attitude, not an act: an attitude noun that a copula describes ("our support for X
    is not abstract") or a participle of a stance that describes a noun ("millions of Americans
    supporting X")."""
    if trig.pos == "noun":
        return (
            tok.dep_ == "nsubj"
            and tok.head.lemma_ == "be"
            and lemma_in(tok, lex.word_class("attitude")) is not None
        )
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "acl"
        and tok.head.i < tok.i
        and lemma_in(tok, lex.word_class("stance_verb")) is not None
    )


def _reaction(tok: Token, lex: Lexicon) -> bool:
    """ "met with opposition": the "with" object is a reaction, not someone met."""
    with_objs = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return bool(with_objs) and all(_in_class(o, lex, "reaction") is not None for o in with_objs)


def _private(src: list[Token], lex: Lexicon) -> bool:
    return bool(src) and all(_in_class(s, lex, "private_agent") is not None for s in src)


def _anonymity(tok: Token, lex: Lexicon) -> bool:
    """ "declined to be named", "asked not to be identified"."""
    for c in tok.children:
        if c.dep_ == "xcomp" and _in_class(c, lex, "anonymity") is not None:
            if any(a.dep_ == "auxpass" for a in c.children):
                return True
    return False


def _protest_demand(pred: Token, code: CameoCode, lex: Lexicon, trig_at: dict[int, Trigger]) -> bool:
    """ "blocked roads demanding that he be reinstated", "marched to demand reforms", "protests
    calling for his removal": the demand is what the protest is for, one PROTEST and no REQUEST."""
    if code.plover != "REQUEST" or pred.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    cur = pred.head
    for _ in range(3):  # the protest, or its object ("blocked roads demanding ...")
        trig = trig_at.get(cur.i)
        if trig is not None:
            head_code = lex.code(trig.cameo)
            return head_code is not None and head_code.plover == "PROTEST"
        if is_verb(cur) or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _vehicle(tok: Token, code: CameoCode, lex: Lexicon, trig_at: dict[int, Trigger]) -> bool:
    """ "summoned the ambassador to complain", "flew to Geneva to sign the accord": a summons,
    visit or journey made to do another political act is the way to it; the act is the event."""
    if code.plover != "CONSULT" or not is_verb(tok):
        return False
    for c in tok.children:
        if c.dep_ not in ("advcl", "xcomp") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        trig = trig_at.get(c.i)
        purpose = lex.code(trig.cameo) if trig is not None else None
        if purpose is not None and purpose.plover is not None and purpose.plover != "CONSULT":
            return True
    return False


def private_travel(tok: Token, code: CameoCode, lex: Lexicon, sectors: list[tuple[str, ...]]) -> bool:
    """ "300 people arrived in Greece", "girls went to school": a journey by private people (unnamed
    groups of civilians, students, refugees: ``sectors`` of the source entities) is no visit."""
    return (
        code.plover == "CONSULT"
        and lemma_in(tok, lex.word_class("motion")) is not None
        and bool(sectors)
        and all(sec and set(sec) <= _PRIVATE_SECTORS for sec in sectors)
    )


_PRIVATE_SECTORS = frozenset(("CVL", "EDU", "REF", "HLH", "AGR", "LAB", "REL", "MED"))


def false_event(
    tok: Token,
    trig: Trigger,
    pred: Token,
    code: CameoCode,
    lex: Lexicon,
    src: list[Token],
    tgt: list[Token],
    trig_at: dict[int, Trigger] | None = None,
) -> str | None:
    """Why the trigger at ``tok`` (carried by ``pred``) states no political event, else ``None``."""
    if _participle(tok, code):
        return "participle"
    if _attitude(tok, trig, lex):
        return "attitude"
    if trig_at is not None and _protest_demand(pred, code, lex, trig_at):
        return "protest demand"
    if trig_at is not None and _vehicle(tok, code, lex, trig_at):
        return "vehicle of a purpose"
    if disaster(tok, pred, code, lex, src, tgt):
        return "disaster"
    if _sport(tok, pred, lex, src, tgt):
        return "sport"
    why = frame_sense(tok, code, lex, src)
    if why is not None:
        return why
    if code.root in VIOLENT_ROOTS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
    ):
        if not any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return "figurative"  # "strikes back", "hit back": a retort
    if code.root in HARM_ROOTS and _figurative_object(tok, pred, lex, "abstract"):
        return "figurative"
    if code.plover == "CONSULT" and (_reaction(tok, lex) or _private(src, lex)):
        return "sense"
    if code.plover in ("CONSULT", "SUPPORT") and _private([c for c in tok.children if c.dep_ in ("dobj", "obj")], lex):
        return "private people"  # "welcomed several hundred guests", "met fans after the show"
    if trig.scope is not None and _anonymity(tok, lex):
        return "anonymity"
    return None


def _peacekeeping(tok: Token, lex: Lexicon) -> bool:
    """A peacekeeper or peacekeeping mission in the trigger's subject, object or phrases."""
    heads = [tok]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "dative", "appos", "npadvmod"):
            heads.append(c)
        elif c.dep_ in ("prep", "advcl", "xcomp"):
            heads.extend(g for g in c.children if g.dep_ in ("pobj", "dobj"))
    if tok.dep_ == "acl":  # "peacekeepers deployed to ..."
        heads.append(tok.head)
    if not is_verb(tok) and tok.dep_ in ("dobj", "obj", "nsubjpass"):
        # "announced the deployment of troops to Mali on a peacekeeping mission": the light verb's phrases
        heads.extend(g for c in tok.head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    if tok.dep_ == "xcomp":  # "peacekeepers began deploying"
        heads.extend(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    more = [x for h in heads[1:] for x in h.children if x.dep_ in ("appos", "conj", "prep")]
    heads += more + [g for x in more if x.dep_ == "prep" for g in x.children if g.dep_ == "pobj"]
    return any(_in_class(w, lex, "peacekeeping") is not None for h in heads for w in _phrase_words(h))


def _assistance(tok: Token, lex: Lexicon) -> bool:
    """A deployment made to help: a purpose infinitive that is a verb of assistance ("to help",
    "to protect", "to train"), or "at the request / invitation of" someone."""
    if not is_verb(tok):
        return False
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            if _in_class(c, lex, "assistance") is not None:
                return True
        elif c.dep_ == "prep" and c.lower_ == "at":
            if any(g.dep_ == "pobj" and _in_class(g, lex, "assistance_request") is not None for g in c.children):
                return True
    return False


def _command(tok: Token, code: CameoCode, lex: Lexicon, trig_at: dict[int, Trigger]) -> bool:
    """ "ordered X jailed", "ordered the paper to suspend publication", "were ordered to leave":
    an authority's order that forces a coercive act or a restriction (``restriction`` verbs) on
    its target is coercion (CAMEO 170); an order to do anything else ("ordered the troops to
    withdraw", "ordered him to appear for questioning") stays a demand."""
    if code.plover != "REQUEST" or _in_class(tok, lex, "command") is None:
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "oprd"):
            trig = trig_at.get(c.i)
            comp = lex.code(trig.cameo) if trig is not None else None
            if comp is not None:
                return comp.quad_class == 4  # "ordered X jailed", not "ordered the troops to withdraw"
            # "ordered the paper to suspend publication", "ordered them to leave", not "to appear"
            return _in_class(c, lex, "restriction") is not None
    return False


_PUNITIVE = frozenset(("ACCUSE", "COERCE", "SANCTION"))


def _call_against(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """ "called for sanctions against X", "is calling for an investigation into X": an appeal made
    to no one for a punitive act against someone is a denunciation of that someone (ACCUSE),
    not a request; "urged the UN to impose sanctions on X" asks someone and stays a REQUEST."""
    if code.plover != "REQUEST" or not is_verb(tok):
        return False
    wanted: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dative", "xcomp", "ccomp") or (c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "to")):
            return False  # someone is asked ("called on X", "urged X to")
        if c.dep_ in ("dobj", "obj"):
            wanted.append(c)
        elif c.dep_ == "prep" and c.lower_ == "for":
            wanted.extend(g for g in c.children if g.dep_ == "pobj")
    for w in wanted:
        if w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return False
        trig = (lex.triggers.get(("noun", w.lemma_.lower())) or (None,))[0]
        punitive = lex.code(trig.cameo) if trig is not None else None
        if punitive is None or punitive.plover not in _PUNITIVE:
            continue
        if any(
            c.dep_ == "prep" and c.lower_ in ("against", "into", "on", "of") and any(g.dep_ == "pobj" for g in c.children)
            for c in w.children
        ):
            return True
    return False


def recode(
    tok: Token,
    pred: Token,
    code: CameoCode,
    lex: Lexicon,
    n_sources: int,
    trig_at: dict[int, Trigger] | None = None,
) -> CameoCode:
    """The code the trigger has once its frame is read: an exercise's "attack" is a show of
    force (150), or military cooperation (062) when joint; an "attack" on a plan is words (111);
    deploying or sending peacekeepers is peacekeeping (074), and forces sent to help military
    aid (072); an order that forces an act is coercion (170)."""
    if (code.root in ("04", "15") or code.code.startswith("086")) and _peacekeeping(tok, lex):
        # "peacekeepers arrived in X": the dictionary's 0861 (receive peacekeepers) has the
        # arrivals as its source, who are giving the help
        return lex.code("074") or code
    if code.code.startswith("154") and _assistance(tok, lex):
        # "sent 500 troops to Iraq to help the Iraqi army", "at the request of Cameroon": forces
        # sent to help another actor are military aid (072), not a show of force
        return lex.code("072") or code
    if trig_at is not None and _command(tok, code, lex, trig_at):
        return lex.code("170") or code
    if _call_against(tok, code, lex):
        return lex.code("111") or code
    if code.root in VIOLENT_ROOTS:
        if exercise(tok, pred, lex):
            joint = (
                n_sources > 1
                or any(
                    w.lower_ in ("joint", "together")
                    for t in {tok, pred}
                    for w in t.subtree
                    if w.i < t.i + 12
                )
                or any(c.dep_ == "prep" and c.lower_ == "with" for t in {tok, pred} for c in t.children)
            )
            return lex.code("062" if joint else "150") or code
        if _figurative_object(tok, pred, lex, "proposition"):
            return lex.code("111") or code
    return code
