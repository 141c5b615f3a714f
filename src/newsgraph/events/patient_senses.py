"""Step 2c (continued): senses of a trigger that its object or its clause rules out on whole
articles (issue 11, round 12); called last by ``senses.frame_sense``.

* **one's own family**: an interaction whose only objects are the doer's kin ("met his wife",
  "urged her husband to stay home"; word class ``kin`` owned by a pronoun) is private life;
* **a defence of a place or a client**: a verb of support whose patient is a territory or a
  defendant ("Europe's borders were defended by", "defended people accused of murder"; word
  class ``defended``, a LOC or FAC name, or a person "accused"/"charged") is a military guard or a
  lawyer's work, no verbal support ("defended Germany's decision" stays);
* **a duty described**: an act that is the predicate of a duty noun ("his job was to assist the
  governor"; word class ``duty``) says what someone is for, not what was done;
* **a rate of acts**: an act under the "of" of a noun of rate ("a pace of killing unknown to
  most Americans"; word class ``rate``) is a statistic, no event;
* **a journey with an object that is no place**: a verb of motion other than "visit" whose
  direct object is no place ("who heads the Center for Policy Studies") leads or carries, it
  pays no visit ("left Washington", "fled the country" stay);
* **an interaction with oneself**: a non-violent interaction whose only object is the doer
  ("has accepted himself") involves no other actor ("aligned itself with Russia" stays);
* **a thing carried out**: an execution whose patient is no actor ("a terror campaign is being
  executed by militants") is a plan carried out ("the prisoners were executed" stays);
* **a quantity that grows**: violence whose subject is a quantity and that has no object ("the
  prison population has since exploded to hold two million inmates"; word class ``quantity``) is
  growth, no bombing;
* **a name given**: "call" with a predicate noun ("has been called a charlatan by doctors",
  "called the ruling a huge win") names, it asks for nothing ("called on X to", "called for X" stay).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.events.lexicon import VIOLENT_ROOTS, CameoCode, Lexicon
from newsgraph.events.tokens import is_verb, lemma_in

_OBJ_DEPS = frozenset(("dobj", "obj", "dative"))
_PARTNER_PREPS = frozenset(("with", "to"))
_KIN_TYPES = frozenset(("CONSULT", "REQUEST", "SUPPORT", "AGREE", "AID", "COOPERATE", "CONCEDE"))
_PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
_DEFENDANT_VERBS = frozenset(("accuse", "charge", "indict", "convict"))
_Test = Callable[[Token, Lexicon], bool]


def patient_sense(tok: Token, code: CameoCode, lex: Lexicon, actorlike: _Test) -> str | None:
    """Why the trigger at ``tok`` is no event by a round-12 rule, else ``None``; ``actorlike`` says
    whether a noun can name an actor (``senses._actorlike``)."""
    if code.plover in _KIN_TYPES and is_verb(tok) and _family(tok, lex):
        return "family"
    if code.plover == "SUPPORT" and is_verb(tok) and _defended(tok, lex):
        return "guard"
    if _duty(tok, lex):
        return "duty"
    if code.root in VIOLENT_ROOTS and _rate(tok, lex):
        return "rate"
    if code.code.startswith("186") and is_verb(tok) and _thing_executed(tok, lex, actorlike):
        return "carried out"
    if code.root in VIOLENT_ROOTS and is_verb(tok) and _growth(tok, lex):
        return "growth"
    if code.plover == "CONSULT" and is_verb(tok) and _no_journey(tok, lex):
        return "no journey"
    if code.root not in VIOLENT_ROOTS and is_verb(tok) and _self_only(tok):
        return "reflexive"
    if code.plover == "REQUEST" and is_verb(tok) and _naming(tok):
        return "naming"
    return None


def _objects(tok: Token) -> list[Token]:
    """The direct objects and datives of ``tok`` and the objects of its "with" / "to" phrases."""
    out = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    out += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out


def _family(tok: Token, lex: Lexicon) -> bool:
    """ "met his wife", "urged her husband to stay": every object is a kin noun that a possessive
    pronoun owns (the doer's own family; "met the president's wife" stays)."""
    objs = _objects(tok)
    if not objs:
        return False
    kin = lex.word_class("kin")
    return all(
        lemma_in(o, kin) is not None and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in o.children)
        for o in objs
    )


def _patient(tok: Token) -> Token | None:
    """The one acted on: the direct object, or the subject of a passive."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    for c in tok.children:
        if c.dep_ == ("nsubjpass" if passive else "dobj"):
            return c
    return None


def _defended(tok: Token, lex: Lexicon) -> bool:
    """ "Europe's borders were being defended", "a force to defend the bloc", "defended people
    accused of murder": a territory, a place or a defendant is guarded, not supported in words."""
    if lemma_in(tok, lex.word_class("defence")) is None:
        return False
    patient = _patient(tok)
    if patient is None:
        return False
    if lemma_in(patient, lex.word_class("defended")) is not None or patient.ent_type_ in ("LOC", "FAC"):
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in _DEFENDANT_VERBS for c in patient.children)


def _duty(tok: Token, lex: Lexicon) -> bool:
    """ "Mr. Smith's job was to assist the governor": the act is the copula's infinitive predicate
    and the copula's subject a duty noun."""
    if not is_verb(tok) or tok.dep_ not in ("xcomp", "ccomp", "advcl", "attr"):
        return False
    cop = tok.head
    if cop.lemma_.lower() != "be":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" and lemma_in(c, lex.word_class("duty")) is not None for c in cop.children)


def _rate(tok: Token, lex: Lexicon) -> bool:
    """ "a pace of killing unknown to most Americans", "the rate of shootings": a noun of rate
    measures acts, it reports none."""
    if tok.dep_ not in ("pcomp", "pobj"):
        return False
    prep = tok.head
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    return lemma_in(prep.head, lex.word_class("rate")) is not None


def _thing_executed(tok: Token, lex: Lexicon, actorlike: _Test) -> bool:
    """ "a terror campaign is being executed": the one executed is a thing (no actor, or a noun of
    an undertaking, which the sector vocabulary may also read as a party: "campaign"), not a person."""
    patient = _patient(tok)
    if patient is None or patient.pos_ != "NOUN" or patient.ent_type_:
        return False
    return not actorlike(patient, lex) or lemma_in(patient, lex.word_class("undertaking")) is not None


def _growth(tok: Token, lex: Lexicon) -> bool:
    """ "the prison population has since exploded": a quantity grows; no object is harmed."""
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "conj":  # "stood at 200,000 and has since exploded"
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and lemma_in(subj, lex.word_class("quantity")) is not None


def _no_journey(tok: Token, lex: Lexicon) -> bool:
    """ "who heads the Center for Policy Studies": a verb of motion (not "visit", whose object is
    whatever is visited) with a direct object that is no place; "fled the country" stays."""
    if lemma_in(tok, lex.word_class("motion")) is None or tok.lemma_.lower() == "visit":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objs:
        return False
    return all(o.ent_type_ not in _PLACE_ENTS and lemma_in(o, lex.word_class("place_noun")) is None for o in objs)


def _self_only(tok: Token) -> bool:
    """ "has accepted himself": the only object is a reflexive pronoun, and no phrase names
    another party ("aligned itself with Russia", "distanced himself from X" stay)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if len(objs) != 1 or not (objs[0].tag_ == "PRP" and objs[0].lower_.endswith(("self", "selves"))):
        return False
    return not any(c.dep_ in ("prep", "dative", "xcomp", "ccomp", "oprd") for c in tok.children)


def _naming(tok: Token) -> bool:
    """ "has been called a charlatan", "called the ruling a huge win": "call" with a predicate
    noun (an object predicate) and no "on" / "upon" of a request; a "for" phrase is then the
    reason ("called a charlatan for promoting cures"), not what is called for."""
    if tok.lemma_.lower() != "call":
        return False
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in tok.children):
        return False
    return any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
