"""Step 4: what an event is and is not: polarity, modality, figurative violence.

``figurative`` drops a violence noun with a figurative modifier ("legislative
attacks") before any actor is looked for. ``event_reading`` gives the polarity
(asserted/negated) and modality (actual/intended/threatened/hypothetical) of
an event from the trigger's own negation and auxiliaries and from what governs
it: a trigger's scope ("threatened to"), a governor word ("plans to", "failed
to", "is scheduled to"), a governing noun ("an offer to"), a condition ("if",
"unless"), a modifier of the trigger ("a planned visit", "an alleged attack",
"allegedly bribed"), a present-tense time clause ("when they meet next week") or
relative clause on a generic head ("people who attack him"), "too early to", a
goal someone is trying to reach ("are trying to force"), a hedge ("would likely take"),
a past habit ("would sometimes dismiss"), a gerund talked about ("has mentioned forcing"),
a wh-question about a stance ("why do you still refuse to"), a wish or forecast over a
future ("hoped it would encourage"); and the frames of ``unasserted``: an act kept from
happening or kept away from ("blocked X from leaving", "steered clear of criticizing"), a
condition without "if" ("Were X to attack"), the condition or forecast of the clause an event noun
is the subject of ("if the veto were overridden", "the veto is expected to come"), a stance the
narration describes ("openly admires Putin"), a bid in the imperative, "neither X nor Y", an
object that ranges over a kind ("one warring party or another"). ``refusal`` says which negations
CAMEO reads as a refusal (``coding.derived_event``): not a negated ability ("cannot allow"), nor a
plain "did not" with no counterpart ("didn't apologize for his remarks"), nor an act someone else
prevented. ``conditional`` tells ``coding.modal_requests`` that an obligation is the main clause of
a condition ("if the US pulls back, Europe must ...": a contingency, not a demand).
``verbal_attack`` says whether an "attack" between unarmed actors is words
(recoded as CAMEO 111 by the caller). Next: ``coding`` derives the events that
CAMEO reads into an announced, conditional or refused act.

A new check that something is not (this kind of) event belongs here.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from newsgraph.events.context import Candidate, Context
from newsgraph.events.lexicon import CameoCode, Lexicon, Trigger
from newsgraph.events.tokens import MAX_CLIMB, is_verb, lemma_in
from newsgraph.events.unasserted import (
    generic_object,
    imperative,
    inverted_condition,
    kept_from,
    neither,
    standing,
    verb_as_noun,
)

_CLIMB = frozenset("xcomp ccomp advcl conj pcomp pobj prep acl relcl dobj".split())
_ARMED = frozenset(("MIL", "REB", "INS", "COP", "SPY", "UAF", "SEP"))
# violence verbs that, done by a named person, are words ("Trump attacked Clinton")
_VERBAL_ATTACK = frozenset(("attack", "assail", "blast", "hit", "slam", "savage", "target"))
# light verbs whose event noun is a deed done on someone's behalf: "ordered attacks", "launched strikes"
_MATERIAL_LIGHT = frozenset(("order", "launch", "carry", "mount", "conduct", "stage", "step", "authorize", "authorise"))
# verbal events whose condition is part of the act itself ("warned of action if ...")
_SPEECH_ACTS = frozenset(("THREATEN", "AGREE", "REQUEST", "ACCUSE", "REJECT"))


class Reading(NamedTuple):
    """How the text states an event."""

    polarity: str  # asserted, negated
    modality: str  # actual, intended, threatened, hypothetical
    by_trigger: bool  # set by a governing trigger, which is an event of its own
    condition: str | None  # the event's own condition word ("if", "unless")
    conditioned: bool  # a condition that makes an act (not a speech act) hypothetical
    negation: str | None = None  # the clause's own negation: announced ("will not"), modal ("cannot"), plain ("did not")


def figurative(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """A violence noun with a figurative modifier ("their legislative attacks", "a campaign offensive")."""
    return code.quad_class == 4 and any(
        c.dep_ in ("amod", "compound") and c.lower_ in lex.word_class("figurative") for c in tok.children
    )


def event_reading(
    ctx: Context, tok: Token, trig: Trigger, pred: Token, code: CameoCode, trig_at: dict[int, Trigger]
) -> Reading:
    """Polarity and modality of the event triggered at ``tok`` and carried by ``pred``."""
    lex = ctx.lex
    polarity, modality, by_trigger, prevented = _scope(pred, ctx, trig_at)
    if prevented and code.plover == "PROTEST":
        # "police stopped the protesters from marching": a protest broken up by force is still a
        # protest (CASE's and ACLED's "protest with intervention"), only its goal was kept from it
        polarity, prevented = _own_modality(pred, lex)[0], False
    if trig.pos == "noun" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        polarity = "negated"
    if neither(pred):
        polarity = "negated"  # "neither X nor Y have been charged"
    if modality == "actual" and generic_object(pred):
        modality = "hypothetical"  # "have backed one warring party or another": no one act
    if modality == "actual" and polarity == "asserted" and standing(ctx, pred):
        modality = "hypothetical"  # "Trump openly admires Putin": an attitude the narration describes
    if modality == "actual":
        modality = _stated_modality(tok, lex) or modality
    # a habit, a question or a likelihood is no announced act, whatever its condition
    unsaid = _habitual(pred, lex) or _yes_no_question(pred) or _hedged(pred, lex) or imperative(pred)
    if modality in ("actual", "intended") and unsaid:
        modality = "hypothetical"  # "Will France attack Germany?": asked, not said; "Promise me ...": bid
    condition = _conditioned(pred, lex)
    conditioned = condition is not None and code.plover not in _SPEECH_ACTS and not unsaid
    if conditioned and modality == "actual":
        modality = "hypothetical"
    negation = ("prevented" if prevented else _negation_kind(pred, lex)) if polarity == "negated" else None
    return Reading(polarity, modality, by_trigger, condition, conditioned, negation)


def refusal(reading: Reading, has_target: bool) -> bool:
    """Whether a negated event is a refusal CAMEO codes (``coding.derived_event``: "will not meet X",
    "failed to reach agreement", "did not agree to X's offer"). A negated ability or obligation
    ("cannot allow X to win", "should not meet") states a stance, not a refusal, and a plain "did
    not" / "does not" with no counterpart ("did not apologize for his remarks", "does not defend
    it") only says that an act did not happen."""
    if reading.polarity != "negated":
        return True
    if reading.negation in ("modal", "prevented"):
        return False  # "blocked X from leaving": X refused nothing
    return reading.negation != "plain" or has_target


def _negation_kind(pred: Token, lex: Lexicon) -> str | None:
    """How the clause of ``pred`` (or the verb whose infinitive it is) negates itself: "announced"
    (will / shall / would + not), "modal" (can, should, must, may, might + not: an ability or an
    obligation), "plain" (did not, does not, has never, could not, "neither X nor Y"); None when a
    governor negates it ("failed to"); ``event_reading`` gives "prevented" for an act someone kept
    from happening ("blocked X from leaving")."""
    neg = lex.word_class("negation")
    modal = lex.word_class("modal")
    verbs = [pred]
    if pred.dep_ in ("xcomp", "conj") and pred.head.i != pred.i:
        verbs.append(pred.head)
    for verb in verbs:
        if not any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in neg) for c in verb.children):
            if verb is pred and neither(verb):
                return "plain"
            continue
        aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"), None)
        if aux is None:
            return "plain"
        if aux.lower_ == "could":
            return "plain"  # "could not reach agreement": a past failure, as "did not"
        if modal.get(aux.lemma_.lower()) == "intended" or aux.lower_ in ("would", "wo", "'ll", "’ll"):
            return "announced"  # "will not attend", "said he would not accept X's offer"
        return "modal"
    return None


def _hedged(tok: Token, lex: Lexicon) -> bool:
    """ "would probably host", "would likely take weeks to convene": a likelihood on the verb or on
    the verb whose infinitive or clause it is."""
    hedge = lex.word_class("hedge")
    verbs = (tok, tok.head) if tok.dep_ in ("xcomp", "advcl") else (tok,)
    return any(c.dep_ == "advmod" and c.lower_ in hedge for v in verbs for c in v.children)


def _stated_modality(tok: Token, lex: Lexicon) -> str | None:
    """ "a planned visit", "the proposed talks" (intended); "an alleged attack", "possible strikes",
    "allegedly bribed" (hypothetical): the word beside the trigger says the act is not (yet) actual."""
    table = lex.word_class("act_modifier")
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "advmod", "npadvmod"):
            value = table.get(c.lower_) or table.get(c.lemma_.lower())
            if value is not None:
                return value
    return None


def verbal_attack(
    ctx: Context, tok: Token, code: CameoCode, source: list[str], target: list[str], pred: Token | None = None
) -> bool:
    """ "Trump attacked Clinton for ...": people attack each other in words (CAMEO 111). An attack
    noun that a leader orders, launches or carries out ("ordered air attacks on X") is a deed, and
    so is an attack whose subject is an attacker or a weapon ("warplanes attacked")."""
    if pred is not None and pred.i != tok.i and lemma_in(pred, _MATERIAL_LIGHT):
        return False
    if armed_subject(tok, ctx.lex):
        return False  # "gunmen attacked the minister": a deed
    return (
        code.root in ("18", "19")
        and bool(source)
        and bool(lemma_in(tok, _VERBAL_ATTACK))
        and _verbal(ctx, source, target)
    )


def armed_subject(tok: Token, lex: Lexicon) -> bool:
    """The subject of the trigger is an attacker or a weapon ("warplanes", "gunmen", "rockets")."""
    return any(c.dep_ == "nsubj" and lemma_in(c, lex.word_class("attacker")) for c in tok.children)


def material_attack(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """ "Iraqi warplanes attacked ... positions inside Syria": a verbal reading of an attack verb
    (a pattern's "attacked the position") is a deed when an attacker or a weapon does it."""
    return code.root == "11" and bool(lemma_in(tok, _VERBAL_ATTACK)) and armed_subject(tok, lex)


def _verbal(ctx: Context, source: list[str], target: list[str]) -> bool:
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


def _habitual(tok: Token, lex: Lexicon) -> bool:
    """ "often criticizes", "have sometimes gathered to protest": the present (or present perfect)
    of a habit is no act that happened (a past "frequently clashed" reports acts that did happen,
    but a past stance, "generally supported Democrats", is a standing attitude: word class
    ``standing``). The adverb belongs to its verb and to the verb's infinitive, not to a conjunct
    ("has used the phrase often, and criticized X")."""
    for verb in (tok, tok.head) if tok.dep_ in ("xcomp", "advcl") else (tok,):
        perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
        # "would sometimes dismiss": a past habit, no one act
        habit = verb.tag_ in ("VBZ", "VBP") or perfect or any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)
        habit = habit or (verb.tag_ == "VBD" and lemma_in(verb, lex.word_class("standing")) is not None)
        if habit and any(c.dep_ == "advmod" and c.lower_ in lex.word_class("habitual") for c in verb.children):
            return True
    return False


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
    if any(c.dep_ == "advmod" and c.lower_ in lex.word_class("hedge") for c in tok.children):
        modality = "hypothetical"  # "would likely take weeks", "probably met": a likelihood
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
        polarity = "negated"
    if (
        modality == "actual"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in tok.children)
    ):
        modality = "hypothetical"  # "a chance for a deal to be signed": wanted, not done
    return polarity, modality


def _future_frame(head: Token) -> bool:
    """ "is to" + infinitive (a schedule) and "is going to" + infinitive."""
    if head.lemma_.lower() == "be" and head.pos_ == "AUX":
        return True
    return head.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children)


def _obligation(head: Token) -> bool:
    """ "has to" / "have to" / "will have to" + infinitive: what must be done (a past "had to
    resign" reports what was done)."""
    if head.lemma_.lower() != "have" or head.tag_ in ("VBD", "VBN"):
        return False
    return head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


_QUESTION_OPENERS = frozenset(
    "will would shall should can could may might must do does did is are was were has have had".split()
)


def _yes_no_question(tok: Token) -> bool:
    """The trigger's clause, or a clause above it, asks whether something happens: an auxiliary
    before its subject in a sentence that ends with a question mark ("Will France attack
    Germany?", "Did the court release him?"), or asks about a stance or a possibility ("Why do you
    refuse to meet him?", "Why would France attack?"). A wh-question in the past presupposes the
    act ("Why did France criticize Germany?") and is not one."""
    if not _asked(tok):
        return False
    first = next((t for t in tok.sent if not t.is_punct), None)
    if first is not None and first.lower_ in _QUESTION_OPENERS:
        return True  # "Will the army attack ...?" even when the parse has lost the inversion
    cur = tok
    for _ in range(MAX_CLIMB):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        aux = next((c for c in cur.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"), None)
        if subj is not None and aux is not None and aux.i < subj.i:
            if not any(t.tag_ in ("WRB", "WP", "WDT", "WP$") for t in cur.doc[cur.left_edge.i : aux.i]):
                return True
            # a wh-question in the simple present or with a modal asks about a stance or a possibility
            # ("why do you still refuse to ...?", "why would Russia attack ...?"), not a past act
            return aux.lower_ in ("do", "does") or aux.tag_ == "MD"
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "conj", "ccomp"):
            return False
        cur = cur.head
    return False


def _asked(tok: Token) -> bool:
    """The trigger's sentence ends in a question mark: the first sentence-final mark after the
    trigger is "?" (a sentence cut by an ellipsis or glued to the next paragraph still counts)."""
    for t in tok.doc[tok.i : tok.sent.end]:
        if t.tag_ == "." and t.text in ("?", "!", "."):
            return t.text == "?"
    return tok.sent.text.rstrip(" \"'”’)").endswith("?")


def conditional(verb: Token, lex: Lexicon) -> bool:
    """The clause of ``verb`` is the main clause of a condition ("if the United States pulls back,
    Europe must defend itself", "were X to leave, Y would"): what it states is contingent."""
    return _conditioned(verb, lex) is not None


def _conditioned(tok: Token, lex: Lexicon) -> str | None:
    """The event's own condition word ("will withdraw ... unless", "would meet ... if"), if any."""
    cond = lex.word_class("conditional")
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in cond:
                    return m.lower_
            if inverted_condition(c):
                return "if"
    return None


def _scope(tok: Token, ctx: Context, trig_at: dict[int, Trigger]) -> tuple[str, str, bool, bool]:
    """Polarity and modality of the event at ``tok`` from what governs it; flags: set by a trigger
    (the governing "agreed"/"threatened"/"refused" is already an event of its own), and kept from
    happening by someone else ("blocked X from leaving")."""
    lex = ctx.lex
    polarity, modality = _own_modality(tok, lex)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
        # an event noun that is the subject of its clause is under the clause's condition or
        # forecast ("if the president's veto were overridden", "Obama's veto is expected to come"),
        # not its auxiliaries ("the offensive would end if ...": the end is what "would" announces)
        head = tok.head
        gv = lemma_in(head, lex.word_class("governor"))
        if gv is not None and any(c.dep_ == "xcomp" for c in head.children):
            value = lex.word_class("governor")[gv]
            if value != "negated" and modality == "actual":
                modality = value
        tok = head
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj"):
        modality = "hypothetical"  # "removing the sanctions is out of the question": an act talked about
    cond = lex.word_class("conditional")
    governors = lex.word_class("governor")
    noun_governors = lex.word_class("noun_governor")
    cur = tok
    prev: Token | None = None
    said = False
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in cond for c in cur.children) or inverted_condition(cur):
            # "if America were to slap tariffs": a condition, even on a scheduled or announced act
            modality = "hypothetical"
        elif cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in cur.children):
            # "will not end the strike until their demands are met": a condition still to be met
            hp, hm = _own_modality(cur.head, lex)
            if (hp == "negated" or hm != "actual") and modality in ("actual", "intended"):
                modality = "hypothetical"
        if modality == "actual" and not said and _generic_clause(cur, lex):
            modality = "hypothetical"
        dep = cur.dep_
        said = said or dep == "ccomp"  # a reported clause has its own tense
        if dep not in _CLIMB or cur.head.i == cur.i:
            break
        head = cur.head
        if cur.tag_ == "VBG" and _talked_about(cur, head, lex):
            modality = "hypothetical" if modality == "actual" else modality
            break  # "has mentioned forcing universities to ...", "discussed imposing sanctions"
        if dep == "conj":
            shared = _shared_infinitive(cur, head)
            if shared is not None:
                # "wants to triple X, grow Y and create Z", parsed with "grow" as a conjunct of
                # "wants": the bare verb shares the infinitive's "to" and its governor
                prev, cur = cur, shared
                continue
            # "would end the emergency and further ease sanctions": the conjunct shares the auxiliaries
            hp, hm = _own_modality(head, lex)
            if (
                hm != "actual"
                and modality == "actual"
                and not any(c.dep_ in ("aux", "auxpass") for c in cur.children)
            ):
                modality = hm
            prev, cur = cur, head
            continue
        trig = trig_at.get(head.i)
        # "accused the law of attacking X": the "of" phrase of the object is the scope's clause too
        through_object = dep == "dobj" and prev is not None and prev.dep_ == "prep" and prev.lower_ == "of"
        if trig is not None and trig.scope and (dep != "dobj" or through_object):
            if trig.scope == "negated":
                polarity = "negated"
            elif modality == "actual":
                modality = trig.scope
            return polarity, modality, True, False
        kept = kept_from(cur, head, lex)
        if kept is not None:
            # "blocked a company from abandoning", "steered clear of criticizing X": not done
            return "negated", modality, False, kept
        ng = lemma_in(head, noun_governors) if head.pos_ == "NOUN" else None
        if ng is not None and dep in ("acl", "ccomp", "prep", "relcl"):
            # "a Danish offer to host the talks", "an admission that forces murdered ...": not asserted
            if modality == "actual":
                modality = noun_governors[ng]
            break
        if dep == "xcomp" and head.pos_ == "ADJ" and any(c.lower_ == "too" for c in head.children):
            modality = "hypothetical" if modality == "actual" else modality
            break  # "too early to discuss", "too weak to attack": the act does not happen
        if dep == "xcomp" and lemma_in(head, lex.word_class("attempt")) is not None and _present(head):
            modality = "hypothetical" if modality == "actual" else modality
            break  # "are trying to force the industry to clean up": a goal
        gv = lemma_in(head, governors) if head.pos_ != "NOUN" or verb_as_noun(cur, head) else None
        if dep == "xcomp" and gv is None and modality == "actual":
            # "announced plans to give": an infinitive parsed as the verb's but the object noun's
            ng = _governing_object(cur, head, noun_governors)
            if ng is not None:
                modality = noun_governors[ng]
                break
        # "find it difficult to repeat": an adjective's infinitive parsed as an adverbial clause
        adj_inf = dep == "advcl" and head.pos_ == "ADJ" and any(c.tag_ == "TO" for c in cur.children)
        if gv is not None and (dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl") or adj_inf):
            value = governors[gv]
            if value == "negated":
                polarity = "negated"
            elif modality == "actual" or (value == "hypothetical" and modality == "intended"):
                modality = value  # "hoped it would encourage", "expects that X will attack": a wish, a forecast
            hp, hm = _own_modality(head, lex)
            if hp == "negated":  # "not willing to", "did not plan to"
                polarity = "negated"
            break
        if dep == "xcomp" and _future_frame(head) and modality == "actual":
            modality = "intended"  # "is to meet next week", "is going to attack"
        if dep == "xcomp" and _obligation(head) and modality == "actual":
            modality = "hypothetical"  # "has to withdraw", "will have to negotiate": an obligation, not an act
        if is_verb(head) or head.pos_ == "AUX":
            hp, hm = _own_modality(head, lex)
            # a that-clause has its own tense ("should be noted that X rejected"): only
            # infinitives and adverbial clauses inherit the governing verb's modal
            if dep in ("xcomp", "advcl") and hm != "actual" and modality == "actual":
                modality = hm
            if dep in ("xcomp",) and hp == "negated":
                polarity = "negated"
        prev, cur = cur, head
    return polarity, modality, False, False


def _talked_about(cur: Token, head: Token, lex: Lexicon) -> bool:
    """A gerund that is the object of a verb of talk or thought ("mentioned forcing X", "talked about
    imposing sanctions"), also when parsed as a conjunct of that verb ("has mentioned refinancing
    loans and forcing X": a gerund has no tense to share with "has mentioned")."""
    dep = cur.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in ("about", "of") and head.head.i != head.i:
        head = head.head
    elif dep == "conj":
        if head.tag_ == "VBG" or not is_verb(head) or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cur.children
        ):
            return False
    elif dep not in ("xcomp", "dobj"):
        return False
    return lemma_in(head, lex.word_class("topic")) is not None


def _shared_infinitive(cur: Token, head: Token) -> Token | None:
    """The infinitive that a bare-verb conjunct of a tensed verb really coordinates with: in "wants
    to triple X and create Y" a "create" attached to "wants" has no tense or subject of its own."""
    if cur.tag_ != "VB" or head.tag_ not in ("VBZ", "VBD", "VBP", "VBN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("aux", "auxpass") and c.tag_ != "TO") for c in cur.children):
        return None
    return next((c for c in head.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < cur.i), None)


def _governing_object(cur: Token, head: Token, noun_governors: dict[str, str]) -> str | None:
    """The noun governor that is ``head``'s object just before the infinitive ``cur`` ("announced
    plans this week to give"): the infinitive is that noun's complement."""
    for c in head.children:
        if c.dep_ == "dobj" and head.i < c.i < cur.i and c.pos_ == "NOUN":
            return lemma_in(c, noun_governors)
    return None


def _present(verb: Token) -> bool:
    """The clause's verb is in the present (simple, perfect or passive): "meet", "has signed", "is attacked"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children
    )


def _generic_clause(cur: Token, lex: Lexicon) -> bool:
    """A present-tense time clause ("when they meet next week", "when you start calling people
    names": future or a general truth), or a present-tense relative clause on a generic head
    ("people who attack him", "the things they ask you to do"): no act that happened. An
    ongoing act ("people who are protesting") is one."""
    if cur.dep_ == "advcl" and _present(cur):
        marks = lex.word_class("temporal")
        mark = " ".join(c.lower_ for c in cur.children if c.dep_ == "mark")
        return mark in marks or any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever") for c in cur.children)
    if cur.dep_ == "relcl" and _present(cur) and not (cur.tag_ == "VBG"):
        return lemma_in(cur.head, lex.word_class("generic")) is not None
    return False


# a clause or phrase with one of these words sets the scene for the sentence's news
_BACKGROUND_MARKS = frozenset(("after", "following"))


def background(tok: Token) -> bool:
    """The trigger sits in a clause that tells what came before or describes a noun: a relative
    clause ("the ship it seized", "bombings that killed 250") or an "after" clause or phrase
    ("after Russia seized Crimea", "following an emergency meeting"). Such an event is already
    known news; the sentence reports the one in its main clause (see ``drop_background``).
    A relative clause that gives what a document or meeting holds ("a letter in which four
    senators praised X") is its content, not background."""
    t = tok
    for _ in range(MAX_CLIMB):
        if t.head.i == t.i:
            return False
        if t.dep_ == "relcl" and not _content_clause(t):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children):
            return True
        if t.dep_ in ("pobj", "pcomp") and t.head.dep_ == "prep" and t.head.lower_ in _BACKGROUND_MARKS:
            return True
        t = t.head
    return False


def drop_background(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The sentence's events without its background ones (``background``), when it reports
    some other event in the foreground; a sentence that reports only background keeps it
    ("the move came after X released 100 prisoners")."""
    behind = {c.token_i for c in cands if background(doc[c.token_i])}
    if not behind or all(c.token_i in behind for c in cands):
        return cands
    return [c for c in cands if c.token_i not in behind]


def _content_clause(relcl: Token) -> bool:
    """ "in which", "at which", "during which": the clause is what its noun contains."""
    return any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.tag_ in ("WDT", "WP") for g in c.children)
        for c in relcl.children
    )

