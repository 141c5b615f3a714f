"""Step 2c (continued): senses of a trigger that its doer or its object rules out (issue 11,
round 11: false events round 10 left or exposed); called last by ``senses.frame_sense``.

* **a stance on an act**: a gerund in the "of"/"for"/"to" phrase of a noun of a stance's holder
  ("opponents of taking in migrants", "advocates for sending troops") is an act argued about, not
  one done (word class ``attitude_agent``; not the stance nouns: "reiterated its commitment to
  supporting X" is the support);
* **a thing that allows**: a verb of letting (``permission``) whose doer is a thing ("the program,
  which allows investors to gain citizenship", "the test allows Pyongyang to produce warheads",
  "the exhibits would put ..., allowing people to see") states a capability, no permission given;
* **a thing that goes**: a motion verb coded as a visit whose subject names no actor ("a majority
  of his appointments went to men");
* **a march toward a date** ("continue her march toward Election Day") is figurative;
* **money looted** ("looted millions of dollars from investors") is a theft, not a riot.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.events.lexicon import CameoCode, Lexicon
from newsgraph.events.tokens import is_verb, lemma_in

_STANCE_PREPS = frozenset(("of", "for", "to", "toward", "towards", "against"))
_RELATIVE = frozenset(("which", "that", "who"))
_TIME_ENTS = frozenset(("DATE", "TIME"))
_DESTINATION_PREPS = frozenset(("toward", "towards", "to"))
_Test = Callable[[Token, Lexicon], bool]


def doer_sense(
    tok: Token, code: CameoCode, lex: Lexicon, names_actor: _Test, actorlike: _Test
) -> str | None:
    """Why the trigger at ``tok`` is no event by a round-11 rule, else ``None``; ``names_actor``
    says whether a subject phrase names an actor (``senses._names_actor``), ``actorlike`` whether
    its head noun can (``senses._actorlike``: "the Ohio visa program, which allows" is a thing)."""
    if is_verb(tok) and _stance_gerund(tok, lex):
        return "stance"
    if is_verb(tok) and lemma_in(tok, lex.word_class("permission")) is not None and _thing_doer(tok, lex, actorlike):
        return "thing"
    if (
        code.plover == "CONSULT"
        and is_verb(tok)
        and lemma_in(tok, lex.word_class("motion")) is not None
        and _thing_doer(tok, lex, names_actor)
    ):
        return "thing"
    if code.root == "14" and tok.lemma_.lower() == "march" and _toward_date(tok):
        return "figurative"
    if code.root == "14" and is_verb(tok) and _money_object(tok):
        return "theft"
    return None


def _stance_gerund(tok: Token, lex: Lexicon) -> bool:
    """ "opponents of taking in migrants", "advocates for sending troops", "support for sending
    troops": the gerund hangs on a preposition of a stance holder's noun or a stance noun."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj"):
        return False
    prep = tok.head
    if prep.dep_ != "prep" or prep.lower_ not in _STANCE_PREPS:
        return False
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    # not the stance nouns themselves: "reiterated its commitment to supporting X" is the act
    return lemma_in(noun, lex.word_class("attitude_agent")) is not None


def _doer(tok: Token) -> Token | None:
    """The subject of the verb: its own ("the test allows"), a relative pronoun's antecedent ("the
    program, which allows"), or, for a participle or infinitive with none, its governor's
    ("the exhibits would put ..., allowing"); ``None`` for a passive or when no subject is found."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return None
    verb = tok
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ in ("VBG", "VB"):
        verb = tok.head
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _RELATIVE:
        # "the program, which allows": the antecedent; a relative pronoun elsewhere is unresolved
        return verb.head if verb.dep_ == "relcl" else None
    return subj


def _thing_doer(tok: Token, lex: Lexicon, is_actor: _Test) -> bool:
    """The doer of the verb is found and neither it nor a conjunct is an actor by ``is_actor``."""
    doer = _doer(tok)
    return (
        doer is not None
        and doer.pos_ in ("NOUN", "PROPN", "PRON")
        and not any(is_actor(d, lex) for d in (doer, *doer.conjuncts))
    )


def _toward_date(tok: Token) -> bool:
    """ "continue her march toward Election Day": the march's destination (on the noun or on the
    verb that carries it) is a date or a time, so the march is the campaign's, no protest."""
    carriers = [tok] if is_verb(tok) else [tok, tok.head]
    for t in carriers:
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in _DESTINATION_PREPS:
                if any(g.dep_ == "pobj" and g.ent_type_ in _TIME_ENTS for g in p.children):
                    return True
    return False


def _money_object(tok: Token) -> bool:
    """ "systematically looted millions of dollars from the investors": the object is a sum of
    money, so the act is a theft or a fraud, no riot or protest."""
    return any(c.dep_ in ("dobj", "obj") and c.ent_type_ == "MONEY" for c in tok.children)
