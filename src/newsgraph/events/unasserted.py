"""Clause frames that state no act done, asked by ``guards.event_reading`` and ``guards._scope``.

A condition without "if" ("Were X to attack, ..."), a stance the narration describes in the simple
present ("Trump openly admires Putin"), a bid in the imperative ("Stop bombing Aleppo"), an act
someone keeps from happening or keeps away from ("blocked X from leaving", "steered clear of
criticizing X"), a governing verb the tagger took for a noun ("Trump avoids condemning X"),
"neither X nor Y", and an object that ranges over a kind ("one warring party or another").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.context import Context, quote_at
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.tokens import MAX_CLIMB, is_verb, lemma_in

_INVERTING = frozenset(("were", "had", "should"))


def inverted_condition(clause: Token) -> bool:
    """ "Were the veto overridden, ...", "Had Russia attacked, ...", "Should talks fail, ...": an
    adverbial clause that opens with the auxiliary before its subject is a condition without "if"."""
    if clause.dep_ != "advcl" or clause.i > clause.head.i:
        return False
    first = clause.left_edge
    if first.lower_ not in _INVERTING or not (first.i == clause.i or first.head.i == clause.i):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children) or first.i == clause.i


def standing(ctx: Context, verb: Token) -> bool:
    """A stance verb (``standing`` word class) in the simple present, active or passive, that the
    narration states ("Trump openly admires Putin", "Trump is supported by far fewer papers"): a
    standing attitude. Said in a quote or a reported clause ("said they support the UN call") it is a
    statement of support."""
    if lemma_in(verb, ctx.lex.word_class("standing")) is None:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        if aux:
            return False
    elif not (verb.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in ("VBZ", "VBP")):
        return False
    cur = verb
    for _ in range(MAX_CLIMB):
        if cur.dep_ == "ccomp" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ == "ccomp":
        return False
    quote, is_cue = quote_at(ctx, verb.idx)
    return quote is None or is_cue  # the stance verb may be a cue itself ("backs the plan")


def imperative(verb: Token) -> bool:
    """ "Promise me you'll stay", "Stop bombing Aleppo!": a bare verb that opens its sentence with no
    subject or auxiliary bids someone act; it reports no act."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "advcl", "xcomp"):
        return False  # a quoted bid hangs on its reporting verb: "“Stop bombing Aleppo,” she told him"
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    # it opens the sentence or a quotation after a colon ("told Putin: “Stop bombing Aleppo.”")
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].is_quote or verb.doc[i].is_space):
        i -= 1
    return i < verb.sent.start or verb.doc[i].text == ":"


def kept_from(cur: Token, head: Token, lex: Lexicon) -> bool | None:
    """The act in the "from" phrase ``cur`` that ``head`` keeps from happening: True when someone
    else keeps it ("blocked a company from abandoning", ``prevent`` word class), False when the
    subject keeps away from it ("steered clear of criticizing", "shied away from attacking":
    ``avoid_phrase``, the verb with its adverb); None for any other phrase."""
    if cur.dep_ != "prep" or cur.lower_ not in ("from", "of"):
        return None
    if cur.lower_ == "from" and is_verb(head) and lemma_in(head, lex.word_class("prevent")) is not None:
        return True
    if head.dep_ in ("advmod", "prt", "acomp") and head.head.i != head.i:
        verb = head.head  # "steered clear of": the phrase hangs on the adverb
    elif is_verb(head):
        verb = head  # "held off on": the phrase hangs on the verb
        head = next((c for c in verb.children if c.dep_ in ("advmod", "prt") and c.i < cur.i), verb)
    else:
        return None
    word = lemma_in(verb, lex.word_class("avoid_phrase"))
    if word is not None and head.lower_ in lex.word_class("avoid_phrase")[word].split("|"):
        return False
    return None


def verb_as_noun(cur: Token, head: Token) -> bool:
    """A governing verb the tagger took for a plural noun ("Trump avoids condemning X" parsed as
    the noun "avoids" with a participle): the participle is its complement."""
    return head.tag_ == "NNS" and cur.dep_ == "acl" and cur.tag_ == "VBG"


def neither(verb: Token) -> bool:
    """ "Neither X nor Y have been charged", "met neither X nor Y": the clause denies the act."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(d.dep_ in ("det", "preconj", "cc") and d.lower_ == "neither" for d in c.children)
        for c in verb.children
    )


def generic_object(verb: Token) -> bool:
    """ "have backed one warring party or another": an object that ranges over a kind, no one act."""
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if any(d.lower_ == "one" for d in c.children if d.dep_ in ("nummod", "det")) and any(
            d.dep_ == "conj" and d.lower_ in ("another", "other") for d in c.children
        ):
            return True
    return False
