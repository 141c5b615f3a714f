"""Step 2: the actor phrases of a trigger in the dependency parse.

``argument_tokens`` gives the head tokens of the source phrases (the subject,
through control, coordination and relative clauses; the "by" agent of a
passive; both sides of "between") and of the target phrases (the object, dative
or prepositional object) of a verb trigger, or of an event noun and the
predicate that licenses it. These are tokens only: ``dyad`` turns them into
entity ids (through ``actors``) and adds the fallbacks when they name no one.

A new grammatical position for a source or a target belongs here.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.tokens import MAX_CLIMB, lemma_in

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
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


def subject(tok: Token) -> tuple[list[Token], bool]:
    """The subject(s) of ``tok`` (climbing through control and coordination); flag: passive.

    Several subjects come back when the parser split a long list ("..., Visegrad
    Group, TURKPA reiterated" gives two nsubj children).
    """
    # "does not change ... and will not be recognised": the conjunct's own voice counts
    own_passive = any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in tok.children)
    cur = tok
    via_complement = False
    raised = False
    for _ in range(MAX_CLIMB):
        passive = own_passive or any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in cur.children)
        subs = [c for c in cur.children if c.dep_ in _SUBJ] or _misparsed_subject(cur)
        if subs:
            c = subs[0]
            if c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                return [_predicated(cur.head)], False
            # "X is scheduled to visit Y", "X was forced to resign": the subject of a passive
            # governor does the infinitive's act; only the infinitive's own voice counts
            return subs, own_passive if raised else passive
        if cur.dep_ == "xcomp" or _bare_complement(cur):
            obj = next((c for c in cur.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and lemma_in(cur.head, _OBJECT_CONTROL):
                return [obj], False  # "urged the senators to promote": the senators would promote
            cur = cur.head
            raised = True
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            # "accused Sudan of supporting the rebels": the accused is who supports
            obj = next((c for c in cur.head.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return [obj], False
            # "a missionary was arrested for collaborating with X": the one arrested collaborated
            patient = next((c for c in cur.head.head.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return [patient], False
            cur = cur.head.head
            via_complement = True
            continue
        if cur.dep_ in ("conj", "advcl", "acomp"):
            cur = cur.head  # "Peru is willing to pull back": the subject of "is"
            continue
        if cur.dep_ in ("acl", "relcl"):
            # "a suspect accused of bombing the embassy": the accused is who would have bombed,
            # not who was bombed (the participle's voice is not the complement's)
            # a participle with a direct object of its own is active, whatever the parser's tag
            # ("doctors from two aid groups [donated and] delivered goods to X" parsed as a
            # reduced relative on "groups": the groups delivered)
            kids = (*tok.children, *cur.children)
            active = any(c.dep_ in ("dobj", "obj") for c in kids) and not any(c.dep_ == "agent" for c in kids)
            return [cur.head], cur.tag_ == "VBN" and not via_complement and not active
        return [], passive
    return [], False


def _predicated(noun: Token) -> Token:
    """The one a predicate noun describes ("X is a demagogue who vowed to ...": X), else the noun."""
    head = noun
    for _ in range(MAX_CLIMB):
        if head.dep_ != "conj":
            break
        head = head.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        # "X incites violence and is a liar who ...": the copula's subject, through coordination
        subs, _passive = subject(head.head)
        if subs and subs[0].lower_ not in ("it", "this", "that", "there") and subs[0].i != noun.i:
            return subs[0]
    return noun


def _misparsed_subject(verb: Token) -> list[Token]:
    """A name that opens the clause and that the parser hung on a subjectless finite verb as
    a modifier ("USAID had announced ...", "In cooperation with partners, USAID provided ...",
    parsed with "USAID" as an adverb): the subject."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ in ("VB", "VBG", "TO") or verb.dep_ not in ("ROOT", "conj"):
        return []
    first = verb.sent[0]
    for c in reversed(list(verb.lefts)):
        if c.dep_ in ("advmod", "npadvmod", "dep", "nmod"):
            first = c
            break
    if first.i > verb.sent.start and first.nbor(-1).text != ",":
        return []
    name = first.pos_ == "PROPN" or (first.is_upper and len(first) > 1 and first.is_alpha)  # "USAID" as RB
    if first.head.i != verb.i or first.dep_ not in ("advmod", "npadvmod", "dep", "nmod") or not name:
        return []
    return [first]


def _bare_complement(tok: Token) -> bool:
    """A bare verb the parser made a clausal complement though it has no subject of its own
    ("Ethiopia let free some 74 leaders"): its subject is found as for an ``xcomp``."""
    return (
        tok.dep_ == "ccomp"
        and tok.tag_ == "VB"
        and tok.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJ or c.dep_ in ("mark", "aux") for c in tok.children)
    )


def _agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def target_tokens(tok: Token, passive: bool, particle: str | None, evaluative: bool = False) -> list[Token]:
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
    first_subject = min((c.i for c in tok.children if c.dep_ in _SUBJ), default=tok.i)
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and (c.lower_ in _TARGET_PREPS or c.lower_ == particle):
            if c.lower_ in _SECONDARY_PREPS and c.lower_ != particle:
                continue
            if c.dep_ == "prep" and c.i < first_subject:
                # "At a fundraiser in New York with X, Clinton called ...": a phrase fronted
                # before the subject sets the scene; it names no one the act is aimed at
                continue
            objs = [g for g in c.children if g.dep_ == "pobj"]
            out.extend(objs or _stranded_object(c))
    return out


def _stranded_object(prep: Token) -> list[Token]:
    """The noun phrase right after a preposition the parser left without an object ("granted
    asylum to [five officers] holed up in ...", the phrase made the subject of the next verb)."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or any(c.dep_ == "pcomp" for c in prep.children):
        return []
    start = prep.i + 1
    heads = [
        t
        for t in doc[start : min(len(doc), start + 12)]
        if t.pos_ in ("NOUN", "PROPN") and t.left_edge.i == start and t.head.i > prep.i
    ]
    return heads[-1:] if heads else []


def secondary_targets(tok: Token) -> list[Token]:
    """Weaker target phrases, used when the object names no actor ("withdraw its force from Chad")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in _SECONDARY_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def noun_targets(noun: Token) -> list[Token]:
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            # "its demand that Israel ease restrictions": the clause's subject is addressed
            out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


def stance_targets(tok: Token, lex: Lexicon, conflict: bool = False) -> list[Token]:
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


def argument_tokens(tok: Token, trig: Trigger, pred: Token) -> tuple[list[Token], list[Token]]:
    """The head tokens of the source phrases and of the target phrases of the trigger at ``tok``.

    ``pred`` is the predicate that carries the trigger: ``tok`` itself for a verb,
    the licensing verb for an event noun ("renewed" for "renewed their support").
    """
    src_toks: list[Token] = []
    tgt_toks: list[Token] = []
    passive = False
    if trig.pos == "verb":
        subjs, passive = subject(tok)
        if passive and _agent(tok) is None and lemma_in(tok, _STATIVE_PASSIVE):
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
            for t in target_tokens(tok, passive, trig.particle, trig.evaluative is not None)
            if t not in tgt_toks
        )
    else:
        src_toks.extend(_noun_sources(tok))
        if pred.i == tok.i or not subject(pred)[0] or subject(pred)[0][0].i == tok.i:
            # "clashes erupted between Armenia and Azerbaijan": both sides act
            src_toks.extend(_between(tok) + (_between(pred) if pred.i != tok.i else []))
        if pred.i != tok.i:
            subjs, passive = subject(pred)
            if not passive:
                src_toks.extend(x for x in subjs if x.i != tok.i)
            # "gave Putin a deadline", "granted the government permission": the licensing
            # verb's indirect object receives the act, before the noun's own phrases
            tgt_toks.extend(c for c in pred.children if c.dep_ == "dative" and c.i != tok.i and c.pos_ != "ADP")
            if not tgt_toks:
                tgt_toks.extend(noun_targets(tok))
            purpose = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == pred.i
            if not tgt_toks:
                # a purpose: "travelled to Vienna for talks" are not talks with Vienna, but
                # "convened the council for a meeting" is a meeting of the council
                tgt_toks.extend(
                    t
                    for t in target_tokens(pred, passive, None)
                    if t.i != tok.i and not (purpose and t.dep_ == "pobj")
                )
        else:
            tgt_toks.extend(noun_targets(tok))
    return src_toks, tgt_toks
