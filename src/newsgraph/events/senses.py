"""Step 2c: senses of a trigger that its frame rules out, each a general rule over the verb's
own dependents (its object's type, its clause) and a word class of ``data/events/words.tsv``.

``frame_sense`` runs inside ``false_events.false_event`` and says why the trigger states no
political event, or ``None``:

* **violence on oneself**: "killed himself", "has surrounded himself with advisers" (a
  suicide bomber who "blew himself up" stays);
* **an opinion shared**: "agreed that Smith won the debate", "agreed there was no reason" (not an agreement to act;
  "agreed to meet", "agreed that they should cooperate" stay);
* **a poll's share**: "supported by 42 percent" (an opinion measured, not an act); ``polled``
  tells ``coding.modal_requests`` that "74 percent of voters said X should Y" is no demand;
* **one's own conduct defended**: "defended his tweets", "cannot defend his record";
* **a standard met**: "four countries meet the bar" (no one is met);
* **a question asked**: "asked whether ...", "Asked about the attack, he said" (no demand);
* **a person noun**: "Obama's aides" (lemmatised "aid") names people, not an act;
* **a prediction**: "warned that bad things are going to happen" announces no act (no threat);
* **a thing that promises**: "the rules promise to transform the economy", "her proposals offer
  an alternative": only an actor agrees, promises or offers (AGREE needs an actor as subject);
* **a promise to no one**: "is promising lower taxes and jobs": a campaign promise of things
  with no counterpart is no interaction (PLOVER codes an intent between two actors).

Round 11 (``doer_senses``): a warning that states what a thing is ("warned that the museum
would not be a panacea") is no threat; a gerund under a stance ("opponents of taking in
migrants") is argued about, not done; a thing that allows ("the program allows investors to
...") or goes ("appointments went to men") gives no permission and pays no visit; a march
toward a date is figurative; looting money is a theft, not a riot.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.entities.collectives import people_nouns
from newsgraph.entities.lexicon import lexicon as role_lexicon
from newsgraph.events.doer_senses import doer_sense
from newsgraph.events.lexicon import VIOLENT_ROOTS, CameoCode, Lexicon
from newsgraph.events.patient_senses import patient_sense
from newsgraph.events.tokens import is_verb, lemma_in
from newsgraph.kb import load_kb


def frame_sense(tok: Token, code: CameoCode, lex: Lexicon, src: list[Token]) -> str | None:
    """Why the trigger at ``tok`` (coded ``code``, with source phrases ``src``) is no event, else ``None``."""
    if _person_noun(tok):
        return "person noun"
    if _reflexive(tok, code):
        return "reflexive"
    if _opinion(tok, code, lex):
        return "opinion"
    if _poll(src):
        return "poll"
    if code.plover in ("SUPPORT", "AGREE", "REJECT") and _own_conduct(tok, lex):
        return "own conduct"
    if code.plover == "CONSULT" and _standard(tok, lex):
        return "standard"
    if code.plover == "REQUEST" and is_verb(tok) and _question(tok):
        return "question"
    if code.plover == "THREATEN" and _prediction(tok, lex):
        return "prediction"
    if code.plover == "AGREE" and is_verb(tok) and src and not any(_names_actor(s, lex) for s in src):
        return "thing"
    if code.plover == "AGREE" and _no_counterpart(tok, lex):
        return "no counterpart"
    return doer_sense(tok, code, lex, _names_actor, _actorlike) or patient_sense(tok, code, lex, _actorlike)


_ACTOR_ENTS = frozenset(("PERSON", "ORG", "GPE", "NORP"))
_PERSONAL = frozenset("i me we us you he him she her they them".split())


def _actorlike(tok: Token, lex: Lexicon) -> bool:
    """The noun can name an actor: a name, a personal pronoun, or a noun of an agent, a role,
    an organisation or people ("the government", "officials", "the company", "voters")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _ACTOR_ENTS or tok.lower_ in _PERSONAL:
        return True
    if tok.pos_ not in ("NOUN", "PRON"):
        return tok.pos_ not in ("ADJ", "ADV", "VERB", "NUM")  # "all", "both": determiners stand for people
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("this", "that", "which", "what")  # "it" may be a country
    if lemma_in(tok, lex.word_class("agent")) is not None or lemma_in(tok, lex.word_class("actor_noun")) is not None:
        return True
    roles = role_lexicon()
    people = people_nouns()
    kb = load_kb()  # the sector vocabulary: "voters", "investors", "prisoners"
    return any(
        roles.role(w) is not None or roles.org_noun(w) is not None or w in people or kb.sector(w) is not None
        for w in (tok.lower_, tok.lemma_.lower())
    )


def _names_actor(head: Token, lex: Lexicon) -> bool:
    """The subject phrase names an actor: its head, or a name in its own phrases ("a weekend in
    Hangzhou, Obama and Xi committed", a parse that made the date the subject); not the owner of
    a thing ("Mrs. Clinton's proposals offer") nor a name in its relative clause."""
    if _actorlike(head, lex):
        return True
    stack = [c for c in head.children if c.dep_ not in ("poss", "relcl", "acl", "det")]
    while stack:
        t = stack.pop()
        if t.pos_ == "PROPN" or t.ent_type_ in _ACTOR_ENTS:
            return True
        stack.extend(c for c in t.children if c.dep_ not in ("poss", "relcl", "acl"))
    return False


_COUNTERPART_PREPS = frozenset("to with for on against toward towards from".split())


def _no_counterpart(tok: Token, lex: Lexicon) -> bool:
    """ "is promising lower taxes and more jobs": a promise (``promise`` word class) of things
    to no one is a campaign promise, no interaction between actors. A counterpart is an actor
    in the object, the dative or a prepositional phrase of the promise or of its object
    ("promised aid to Mozambique"). A promised act ("pledged to push for an amendment") is left
    to the act: with every promise read, PLOVER odd lost an AGREE its gold codes."""
    if not is_verb(tok) or lemma_in(tok, lex.word_class("promise")) is None:
        return False
    kids = list(tok.children)
    if not any(c.dep_ in ("dobj", "obj") for c in kids) or any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "to") for c in kids
    ):
        return False
    for c in kids:
        if c.dep_ in ("dobj", "obj", "dative"):
            phrase = [c, *c.conjuncts]
        elif c.dep_ == "prep" and c.lower_ in _COUNTERPART_PREPS:
            phrase = [g for g in c.children if g.dep_ == "pobj"]
            phrase += [x for g in phrase for x in g.conjuncts]
        else:
            continue
        # "promised military aid to Mozambique": the object's own phrase
        phrase += [
            g
            for x in phrase
            for p in x.children
            if p.dep_ == "prep" and p.lower_ in _COUNTERPART_PREPS
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if any(_actorlike(x, lex) and x.lower_ not in ("it", "that", "which") for x in phrase):
            return False
    return True


_WARN = frozenset(("warn", "caution"))
_FUTURE_AUX = frozenset(("will", "would", "shall", "could", "might", "may", "'ll", "wo"))


def _prediction(tok: Token, lex: Lexicon) -> bool:
    """ "warned that bad things are going to happen", "warned that the administration was giving
    up its leverage": a warning whose clause announces no act to come (no future, no condition)
    or whose subject is no one ("things", "anything") is a prediction or a complaint, not a
    threat; "warned that it would retaliate if ...", "warned that X would act should Y ..." stay."""
    if tok.lemma_.lower() not in _WARN:
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and (is_verb(c) or _predicate(c))]
    if not clauses:
        return False
    for c in clauses:
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and lemma_in(subj, lex.word_class("generic")) is not None:
            continue
        conditional = any(w.dep_ == "mark" and w.lower_ in ("if", "unless") for w in c.subtree)
        if subj is not None and _forecast_subject(subj, lex) and not conditional:
            continue  # "warned that Britain's exit will sap the defences": what a thing will do
        if subj is not None and subj.dep_ != "expl" and _predicate(c) and not conditional:
            continue  # "warned that the museum would not be a panacea": what a thing is or will be
        future = c.lower_ == "going" or any(
            w.tag_ == "MD" or w.lower_ in _FUTURE_AUX or (w.dep_ == "mark" and w.lower_ in ("if", "unless"))
            for w in c.subtree
        )
        if future:
            return False
    return True


def _predicate(clause: Token) -> bool:
    """A copula that says what its subject is ("would not be a panacea", "will be costly"), with
    no act inside its predicate ("would be ready to strike back", "would be forced to act")."""
    if clause.lemma_.lower() != "be" or any(c.dep_ == "auxpass" for c in clause.children):
        return False
    preds = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
    return bool(preds) and not any(g.dep_ in ("xcomp", "ccomp", "acl") for p in preds for g in p.children)


def _person_noun(tok: Token) -> bool:
    """ "Obama's aides were complimentary": a noun the tagger gives an event lemma ("aides" ->
    "aid") that is a role noun of the entity stage's vocabulary names people, not an act."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return role_lexicon().role(tok.lower_) is not None


def _reflexive(tok: Token, code: CameoCode) -> bool:
    """ "killed himself", "has surrounded himself with advisers": violence whose object is the
    doer is no act on another (a suicide, or another sense of the verb); a bomber who "blew
    himself up" (a particle) attacked others and stays."""
    if code.root not in VIOLENT_ROOTS or not is_verb(tok) or any(c.dep_ == "prt" for c in tok.children):
        return False
    return any(
        c.dep_ in ("dobj", "obj") and c.tag_ == "PRP" and c.lower_.endswith(("self", "selves"))
        for c in tok.children
    )


# verbs whose that-clause may be an opinion shared rather than an act agreed to
_OPINION_VERBS = frozenset(("agree",))


def _opinion(tok: Token, code: CameoCode, lex: Lexicon) -> bool:
    """ "agreed with reporters that Smith won", "a panel that all agreed Pence won": agreeing that
    something was so is sharing an opinion, not an agreement to act; "agreed to meet", "agreed
    with Turkey that ...", "agreed that their countries should cooperate" and "agreed that both
    armies withdraw" (what is to be done) stay."""
    if code.plover != "AGREE" or tok.lemma_.lower() not in _OPINION_VERBS:
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in ("xcomp", "dobj", "obj") for c in tok.children):
        return False
    if all(_state(c) for c in clauses):
        return True  # "agreed the rich would be the winners", "agreed with X that there was no reason"
    partners = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if any(g.pos_ == "PROPN" or g.ent_type_ or lemma_in(g, lex.word_class("agent")) is not None for g in partners):
        return False  # "agreed with Turkey that ...": two parties agree
    if _one_person(tok) and all(_forecast(c, lex, duty=True) for c in clauses):
        return True  # "Senator Smith agreed that the rules should be changed": one person's view of a thing
    # a modal or a bare (subjunctive) verb says what is to be done: "agreed that both armies withdraw"
    if not any(
        c.tag_ in ("VB", "VBP") or any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in clauses
    ):
        return True
    # "agreed that the proposal would increase taxes": what a thing will do is a forecast, not an
    # act anyone agrees to (no "should" or "must" of a duty, and no actor to do it)
    return all(_forecast(c, lex) for c in clauses)


_DUTY = frozenset("should must shall ought".split())


def _forecast(clause: Token, lex: Lexicon, duty: bool = False) -> bool:
    """A clause about what a thing will do or be: its subjects are no actors and (unless ``duty``)
    no modal of duty."""
    if not duty and any(a.dep_ == "aux" and a.lower_ in _DUTY for a in clause.children):
        return False
    subjs = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjs) and all(_forecast_subject(x, lex) and x.lower_ != "it" for x in subjs)


def _one_person(tok: Token) -> bool:
    """The verb's subject is one named person, with no conjunct ("Senator Smith agreed"): one
    person alone makes no agreement; a pronoun, a plural or a group may stand for parties."""
    subjs = [c for c in tok.children if c.dep_ == "nsubj"]
    return len(subjs) == 1 and subjs[0].ent_type_ == "PERSON" and not subjs[0].conjuncts


def _forecast_subject(subj: Token, lex: Lexicon) -> bool:
    """The subject of a clause is a thing, so the clause forecasts: no actor, and no event noun
    ("agreed that talks would resume", "warned that sanctions would follow" are acts to come)."""
    return not _actorlike(subj, lex) and ("noun", subj.lemma_.lower()) not in lex.triggers


def _state(clause: Token) -> bool:
    """A clause that states what is so, not what is to be done: a copula ("would be the
    biggest beneficiaries", "is dead") or "there is"."""
    if clause.lemma_.lower() != "be":
        return False
    return any(c.dep_ in ("attr", "acomp", "expl") for c in clause.children)


_POLL_SHARES = frozenset(("percent", "%", "percentage", "pct"))


def _poll(src: list[Token]) -> bool:
    """ "Clinton was supported by 42 percent", "5 percent prefer Johnson": a share of the people
    polled backing someone is an opinion measured, not an act."""
    return bool(src) and all(s.lower_ in _POLL_SHARES for s in src)


_POLL_GROUPS = _POLL_SHARES | frozenset(("majority", "plurality", "minority"))


def polled(verb: Token) -> bool:
    """ "74 percent of likely voters said X should Y", "a majority of Americans say": what the
    subject of a saying verb answers is a poll's finding, not a demand anyone makes."""
    return any(c.dep_ == "nsubj" and c.lower_ in _POLL_GROUPS for c in verb.children)


_JUSTIFY = frozenset(("defend", "justify"))


def _own_conduct(tok: Token, lex: Lexicon) -> bool:
    """ "defended his tweets", "cannot defend his own record": defending what one's own
    pronoun owns is justifying oneself, not support for anyone ("defended the court's decision",
    "defended the refugees" stay)."""
    if tok.lemma_.lower() not in _JUSTIFY:
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") or (passive and c.dep_ == "nsubjpass")]
    return bool(objs) and all(
        o.pos_ == "NOUN"
        and not o.ent_type_
        and lemma_in(o, lex.word_class("agent")) is None
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in o.children)
        for o in objs
    )


def _standard(tok: Token, lex: Lexicon) -> bool:
    """ "four countries meet the bar", "met the emissions target": the object is a standard, not
    someone met."""
    table = lex.word_class("standard")
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return bool(objs) and all(lemma_in(o, table) is not None and not o.ent_type_ for o in objs)


_QUESTION_WORDS = frozenset(("whether", "if", "why", "how", "what", "when", "where", "who", "which"))


def _question(tok: Token) -> bool:
    """ "We asked whether the story would hurt him", "Zero Hedge asked, 'Wait ...'", "Asked to
    describe the device, the chief said": asking a question (someone's, or a reporter's) is no
    demand; "asked the police to release the video" (someone asked for something) stays."""
    if tok.lemma_.lower() != "ask" or any(c.dep_ == "agent" for c in tok.children):
        return False
    if (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        and not any(w.lower_ == "by" for w in tok.subtree)  # "when asked to do so by police": a demand
    ):
        return True  # "Asked about the attack, the minister said"
    kids = list(tok.children)
    if any(
        c.dep_ in ("dobj", "obj", "dative", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("for", "about"))
        for c in kids
    ):
        return False
    # no one asked for anything: a question, direct or reported ("asked whether ...")
    # (the clause opens with its question word; "ask that the people who suffered ..." is a plea)
    return all(c.left_edge.lower_ in _QUESTION_WORDS for c in kids if c.dep_ == "ccomp")
