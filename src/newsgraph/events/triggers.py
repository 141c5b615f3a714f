"""Step 1: trigger tokens, the words that state an event.

``find_triggers`` matches every token of a sentence against the trigger patterns
of ``data/events/triggers.tsv`` (a verb or noun lemma with optional constraints:
a particle, an object, a clause complement, an evaluative complement); the most
specific pattern that matches wins. ``noun_licensed`` then decides whether an
event noun is something done ("renewed their support", "clashes erupted") or
only mentioned, and returns the predicate that carries it. A verb of ending with an event noun
as its object and no pattern of its own ("suspended sanctions") undoes the noun's event; a promise
of a conflictual act ("pledged to impose sanctions", "promised a veto") is a threat. Next: ``guards``
drops figurative violence nouns, ``arguments`` finds the actor phrases.

Patterns are read from the data files by ``lexicon`` (a further verb
dictionary is loaded there); a new kind of constraint on a pattern belongs in
``_matches``, a new way an event noun is licensed in ``noun_licensed``.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.document import sentence_tokens
from newsgraph.events.arguments import subject
from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.tokens import forms, is_verb, lemma_in

_OBJ = ("dobj", "obj", "dative", "attr", "oprd")
# a that-clause with one of these is about what will be done, not an opinion ("agreed that they should")
_FUTURE_MODALS = frozenset("should would will shall must could can may might".split())


def _objects(tok: Token, strict: bool = False, series: Container[str] = ()) -> list[Token]:
    """The object phrases' heads; ``strict``: direct objects only (not prepositional objects).
    A measure or a ``series`` noun stands for what it is made of ("700 kg of medicine", "a
    fresh round of sanctions")."""
    out = []
    for c in tok.children:
        if c.dep_ in _OBJ or c.dep_ == "nsubjpass":
            out.append(c)
        elif c.dep_ in ("prep", "prt", "agent") and not strict:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.append(tok.head)  # "a report released last year": the participle's noun is its object
    more: list[Token] = []
    for o in out:
        more.extend(x for x in o.conjuncts)
        # "700 kg of medicine", "aid deliveries": the measured or modifying noun names the object too
        more.extend(c for c in o.children if c.dep_ == "compound")
        if strict and not (_measure(o) or lemma_in(o, series) is not None):
            continue  # "a suspension of aid" is no aid; "13 tons of medicine" is medicine
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                # "a team of experts, equipment and drugs": every member of the measured list
                more.extend(x for g in c.children if g.dep_ == "pobj" for x in (g, *g.conjuncts))
                more.extend(
                    x for g in c.children if g.dep_ == "pobj" for x in g.children if x.dep_ == "compound"
                )
    return out + more


def _measure(tok: Token) -> bool:
    """A quantity that stands for what it measures ("700 kg", "$33 million", "dozens")."""
    return (
        tok.like_num
        or tok.pos_ == "NUM"
        or tok.ent_type_ in ("QUANTITY", "MONEY", "CARDINAL")
        or any(c.dep_ == "nummod" for c in tok.children)
    )


_MODIFIERS = ("amod", "compound", "nmod")
_CURRENCY = frozenset("$ € £ ¥ us$ usd eur gbp".split())


def _money(tok: Token) -> bool:
    """An amount of money: the tagger's MONEY, or a number written with a currency sign that the
    tagger missed ("€45m support", "£3bn in loans")."""
    if tok.ent_type_ == "MONEY":
        return True
    near = [tok, *(c for c in tok.children if c.dep_ in _MODIFIERS + ("nummod", "quantmod"))]
    return any(t.lower_ in _CURRENCY or t.tag_ == "$" for x in near for t in (x, *x.children))


def noun_keys(n: Token) -> set[str]:
    """The keys a pattern noun can match: the head's lemma and word, and modifier + head
    ("humanitarian_aid", "peace_plan"; two modifiers: "human_rights_abuse")."""
    heads = {n.lemma_.lower(), n.lower_}
    keys = set(heads)
    mods = [c for c in n.children if c.dep_ in _MODIFIERS and c.i < n.i][-3:]
    forms = [{c.lemma_.lower(), c.lower_} for c in mods]
    for h in heads:
        for i, fi in enumerate(forms):
            keys.update(f"{m}_{h}" for m in fi)
            for fj in forms[i + 1 :]:
                keys.update(f"{a}_{b}_{h}" for a in fi for b in fj)
    return keys


class Frame:
    """What a verb token offers the patterns: its objects, particles, prepositional phrases and
    subjects as keys. Built once per token; each pattern is then a few set lookups."""

    __slots__ = ("loose", "strict", "particles", "preps", "keys", "event_object", "_tok", "_subjects")

    def __init__(self, tok: Token, lex: Lexicon) -> None:
        self._tok = tok
        self._subjects: set[str] | None = None
        self.loose: set[str] = set()
        self.strict: set[str] = set()
        self.particles: set[str] = set()
        self.preps: dict[str, set[str]] = {}
        self.event_object = False
        if not is_verb(tok):
            # an event noun's "object" is the noun phrase itself: "air strikes", "naval drills"
            self.loose = self.strict = noun_keys(tok)
            if any(_money(c) for c in tok.children if c.dep_ in _MODIFIERS + ("nummod", "quantmod")) or any(
                _money(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            ):
                self.loose = self.strict = self.loose | {"MONEY"}  # "$45m support": money given
            self.keys = {"o:" + k for k in self.loose}
            return
        objs = _objects(tok)
        for o in objs:
            self.loose |= noun_keys(o)
        # "declined to comment": the infinitive is what is declined
        self.loose |= {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
        if any(_money(o) for o in objs):
            self.loose.add("MONEY")
        if any(o.dep_ in ("dobj", "obj", "nsubjpass") for o in objs):
            self.loose.add("*")  # a direct object, or the subject of the passive ("was returned by X")
        if any(
            o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") and o.dep_ in ("dobj", "obj", "dative")
            for o in objs
        ):
            self.loose.add("ACTOR")
        strict = _objects(tok, strict=True, series=lex.word_class("series"))
        for o in strict:
            self.strict |= noun_keys(o)
            # "sent a military platoon", "imposed an economic blockade": the dictionary matches the
            # words of the object phrase as PETRARCH2 does, so the modifier before the head is a key
            # too (not a name: "a Turkish ship" is no pattern's noun)
            for c in o.children:
                if c.dep_ in ("amod", "compound") and c.i == o.i - 1 and not c.ent_type_:
                    self.strict.add(c.lemma_.lower())
                    self.loose.add(c.lemma_.lower())
        if any(_money(o) for o in strict):
            # "received $2 billion": an amount of money is the dictionary's money (its currency
            # words name what the tagger reads as an amount)
            self.strict.add("money")
            self.loose.add("money")
        # "reaffirmed their backing for X", "launched a mediation effort": a light verb's object
        # that is an event noun names the event itself (``noun_licensed``), with its own actors
        self.event_object = lemma_in(tok, lex.word_class("light")) is not None and any(
            ("noun", x.lemma_.lower()) in lex.triggers
            for o in strict
            for x in (o, *(c for c in o.children if c.dep_ == "compound"))
        )
        self.particles |= {
            c.lower_
            for c in tok.children
            if c.dep_ in ("prt", "prep", "agent", "advmod") and not _temporal(c)
        }
        for holder in [tok, *strict]:
            for c in holder.children:
                if c.dep_ in ("prep", "agent", "dative") and not _temporal(c):
                    found = self.preps.setdefault(c.lower_, set())
                    for g in c.children:
                        if g.dep_ == "pobj":
                            found |= noun_keys(g)
                            for gg in g.children:  # "(ON STATE) (OF ALERT)": a phrase inside the phrase
                                if gg.dep_ == "prep":
                                    inner = self.preps.setdefault(gg.lower_, set())
                                    for x in gg.children:
                                        if x.dep_ == "pobj":
                                            inner |= noun_keys(x)
                        elif g.dep_ == "pcomp":  # "joined in condemning"
                            found.add(g.lemma_.lower())
        self.keys = (
            {"o:" + k for k in self.loose}
            | {"p:" + p for p in self.particles}
            | {"p:" + p for p in self.preps}
        )

    @property
    def subjects(self) -> set[str]:
        """The subject's keys (looked up only for the few patterns that name a subject)."""
        if self._subjects is None:
            self._subjects = set()
            if is_verb(self._tok):
                subs, passive = subject(self._tok)
                if not passive:
                    for sub in subs:
                        self._subjects |= noun_keys(sub)
        return self._subjects


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


def _object_control(verb: Token, c: Token) -> bool:
    """ "granted the government to delay Brexit", parsed as a purpose clause: a to-infinitive
    with no subject of its own right after the verb's direct object is what the object is to do."""
    return (
        c.dep_ == "advcl"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ in ("mark", "nsubj", "nsubjpass") for a in c.children)
        and any(o.dep_ in ("dobj", "dative") and o.right_edge.i + 1 == c.left_edge.i for o in verb.children)
    )


def _question(clause: Token) -> bool:
    """ "asked whether ...", "asked what ...": an indirect question, not a request."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("whether", "if")) or c.tag_ in ("WDT", "WP", "WP$", "WRB")
        for c in clause.children
    )


def _factual(clause: Token) -> bool:
    """A that-clause that states what is or was ("that it was a mistake", "that Clinton won",
    "that the talks are over"), not what should be done: no modal, and a past verb, a perfect
    or a form of "be" (a bare or present verb may be a subjunctive: "insisted that Russia
    withdraw its troops")."""
    if any(a.dep_ == "aux" and a.lower_ in _FUTURE_MODALS for a in clause.children):
        return False
    if clause.tag_ == "VBD" or clause.lemma_.lower() == "be":
        return True
    return any(a.dep_ in ("aux", "auxpass") and a.lemma_.lower() in ("have", "be") for a in clause.children)


def _temporal(prep: Token) -> bool:
    """ "on Tuesday", "at night": a preposition of time is not a verb particle."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _matches(tok: Token, trig: Trigger, lex: Lexicon, frame: Frame | None) -> bool:
    if frame is None:
        return _complements(tok, trig, lex)
    if trig.anchor and trig.anchor.isdisjoint(frame.keys):
        return False
    if (
        trig.particle is not None
        and trig.particle not in frame.particles
        # "filed charges against X", "gave X credit for Y": the preposition of a verb + object
        # pattern often hangs on the object
        and not (trig.objects and trig.particle in frame.preps)
    ):
        return False
    if trig.objects:
        # the dictionary's objects are direct objects (PETRARCH2 reads the verb phrase's noun);
        # the hand patterns also take prepositional objects and infinitives
        have = frame.strict if trig.origin == "petrarch" else frame.loose
        if have.isdisjoint(trig.objects) or (trig.origin == "petrarch" and frame.event_object):
            return False
    elif frame.event_object and trig.particle is None and not trig.preps and not trig.clause:
        return False  # "pledged its full support": the light verb's event noun is the event
    for preps, nouns in trig.preps:
        if not any(p in frame.preps and (not nouns or not nouns.isdisjoint(frame.preps[p])) for p in preps):
            return False
    if trig.subjects and trig.subjects.isdisjoint(frame.subjects):
        return False
    return _complements(tok, trig, lex)


def _complements(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """The clause, that-clause and evaluative constraints of a pattern."""
    if trig.clause and not any(
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not _question(c)) or _object_control(tok, c)
        for c in tok.children
    ):
        return False
    if trig.fact and not any(c.dep_ == "ccomp" and _factual(c) for c in tok.children):
        return False
    if trig.evaluative is not None and not _evaluative(tok, lex, trig.evaluative):
        return False
    return True


#: per lexicon (kept with it, so that a lexicon's id is never taken for another's): (part of
#: speech, tag, lemma, word) as vocabulary ids -> (a verb?, the patterns)
_CANDIDATES: dict[int, tuple[Lexicon, dict[tuple[int, int, int, int], tuple[bool, tuple[Trigger, ...]]]]] = {}
_CANDIDATES_MAX = 200_000


def _candidates(tok: Token, lex: Lexicon) -> tuple[bool, tuple[Trigger, ...]]:
    """Is ``tok`` a verb, and the patterns of its lemma (empty for most words).

    The answer depends only on the token's part of speech, tag, lemma and word, so it is
    kept per lexicon under their vocabulary ids: most words of a text were seen before.
    """
    entry = _CANDIDATES.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _CANDIDATES[id(lex)] = (lex, {})
    table = entry[1]
    key = (tok.pos, tok.tag, tok.lemma, tok.lower)
    found = table.get(key)
    if found is None:
        verb = is_verb(tok)
        kind = "verb" if verb else "noun" if tok.pos_ in ("NOUN", "PROPN") else None
        cands: tuple[Trigger, ...] = ()
        if kind is not None:
            for form in forms(tok):
                cands = lex.triggers.get((kind, form)) or ()
                if cands:
                    break
        if len(table) >= _CANDIDATES_MAX:
            table.clear()
        found = table[key] = (verb, cands)
    return found


def sentence_words(sent: SpacySpan) -> frozenset[str]:
    """Every word and lemma of the sentence, lower-cased: a frame's keys are made of these,
    so a pattern anchored on none of them cannot match in the sentence."""
    doc = sent.doc
    cached = doc.user_data.get(_WORDS_KEY)
    if cached is None:  # once per document: each token's vocabulary ids, and their strings
        ids = doc.to_array([LEMMA, LOWER])
        strings = doc.vocab.strings
        by_start: dict[int, frozenset[str]] = {}
        cached = doc.user_data[_WORDS_KEY] = (ids, {int(i): strings[int(i)].lower() for i in numpy.unique(ids)}, by_start)
    ids, lowered, by_start = cached
    words: frozenset[str] | None = by_start.get(sent.start)
    if words is None:
        words = by_start[sent.start] = frozenset(lowered[int(i)] for i in ids[sent.start : sent.end].ravel().tolist())
    return words


_WORDS_KEY = "newsgraph.sentence_words"


def match_trigger(tok: Token, lex: Lexicon, sent: SpacySpan | None = None) -> Trigger | None:
    """The most specific pattern that ``tok`` matches (``None``: none, or a "-" pattern) in
    its sentence ``sent`` (default: the token's own)."""
    verb, cands = _candidates(tok, lex)
    if not cands:
        return None  # most tokens: the checks below look at children, so they come after
    if verb and tok.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass") and any(c.dep_ == "det" for c in tok.children):
        return None  # "evacuated the wounded": a participle used as a noun
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "nsubj", "dobj")
        and not any(c.dep_ in ("dobj", "nsubj", "agent", "prep", "prt") for c in tok.children)
    ):
        return None  # "a pace of killing": a gerund naming an activity, with no one doing it
    # the frame is built only when a pattern constrains more than the lemma, or the verb is light
    frame: Frame | None = None
    light = lemma_in(tok, lex.word_class("light")) is not None
    if light or any(t.anchor or t.subjects for t in cands):
        words = sentence_words(sent if sent is not None else tok.sent)
        # a pattern whose anchor is in no word of the sentence fails the anchor test below
        cands = tuple(t for t in cands if t.anchor_words is None or not t.anchor_words.isdisjoint(words))
        if light or any(t.anchor or t.subjects for t in cands):
            frame = Frame(tok, lex)
    for trig in cands:  # most specific first
        if _matches(tok, trig, lex, frame):
            return trig if trig.cameo != "-" else None
    return None


def find_triggers(sent: SpacySpan, lex: Lexicon) -> dict[int, Trigger]:
    """The trigger pattern matched at each token of the sentence (by token index, in text order)."""
    trig_at: dict[int, Trigger] = {}
    for tok in sentence_tokens(sent):
        trig = match_trigger(tok, lex, sent)
        if trig is not None:
            trig_at[tok.i] = trig
    doc = sent.doc
    for i, trig in list(trig_at.items()):
        if trig.pos == "noun":
            undone = _undone(doc[i], trig, lex)
            if undone is not None and doc[i].head.i not in trig_at:
                trig_at[doc[i].head.i] = undone
    for i, trig in list(trig_at.items()):
        threat = _promised_threat(doc[i], trig, trig_at, lex)
        if threat is not None:
            trig_at[i] = threat
    return dict(sorted(trig_at.items()))


def _promised_threat(tok: Token, trig: Trigger, trig_at: dict[int, Trigger], lex: Lexicon) -> Trigger | None:
    """A promise whose promised act is conflictual is a threat (CAMEO 13), else ``None``.

    "pledged to impose sanctions on X", "promised a veto", "vowed to ban X": what is promised
    decides the type, as CAMEO codes an announced act of force a threat (138); the complement's
    own trigger gives its code (reject 12, protest 14 .. mass violence 20), and the ``threat``
    word class the threat's code by the act's code prefix (a ban 172 -> 132, sanctions 163 ->
    131, force 19 -> 138). A promise of a cooperative act stays an intent (AGREE)."""
    if trig.pos != "verb" or lemma_in(tok, lex.word_class("promise")) is None:
        return None
    code = lex.code(trig.cameo)
    if code is None or code.plover != "AGREE":
        return None
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "dobj", "obj")]
    # "committed to imposing sanctions": the act is the object of the particle
    acts += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ in ("pcomp", "pobj")]
    table = lex.word_class("threat")
    for act in acts:
        inner = trig_at.get(act.i)
        if inner is None or inner.cameo == "-":
            continue
        threat = next((table[inner.cameo[:n]] for n in range(len(inner.cameo), 1, -1) if inner.cameo[:n] in table), None)
        if threat is not None:
            return replace(trig, cameo=inner.cameo if threat == "=" else threat, scope="threatened")
    return None


def _undone(noun: Token, trig: Trigger, lex: Lexicon) -> Trigger | None:
    """The verb of ending whose object ``noun`` is, as a trigger of the event that undoes the
    noun's ("suspended sanctions" 085, "ended its offensive" 087, "lifted the curfew" 081, "called
    off the strike" 082: the ``undone`` word class), else ``None``."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj", "nsubjpass") or not is_verb(verb):
        return None
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "imposed a curfew to stop demonstrations": a purpose, and no concession
    ending = lemma_in(verb, lex.word_class("undo")) is not None or (
        verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )
    if not ending:
        return None
    table = lex.word_class("undone")
    code = next((table[trig.cameo[:n]] for n in range(len(trig.cameo), 1, -1) if trig.cameo[:n] in table), None)
    if code is None:
        return None
    return Trigger(
        pos="verb",
        lemma=verb.lemma_.lower(),
        cameo=code,
        scope="-",
        objects=frozenset((noun.lemma_.lower(),)),
        line=trig.line,
    )


def noun_licensed(tok: Token, lex: Lexicon, triggered: set[int]) -> Token | None:
    """The predicate a trigger noun hangs from, or ``None`` when the noun is only mentioned.

    "renewed their support" (object of a light verb), "clashes erupted"
    (subject of an occurrence verb), a headline-like root noun. A noun under a
    verb that is a trigger itself ("condemned the attack") is that verb's
    object, not a second event.
    """
    frames = lex.word_class("frame")
    while tok.dep_ in ("conj", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound" and lemma_in(tok.head, frames) is None:
            return None  # "truce monitors": the monitors are not a truce
        tok = tok.head  # "a mediation effort": the compound shares its frame noun's licence
    head = tok.head
    dep = tok.dep_
    if lemma_in(tok, lex.word_class("agent_noun")) is not None:
        return _copular(tok)  # "X is the largest donor": the role names what the subject does
    if dep == "ROOT":
        return tok
    if dep == "pobj" and head.lower_ == "for" and is_verb(head.head) and head.head.i not in triggered:
        # "negotiators return to Geneva for talks": a purpose phrase names what the subject does
        noun_trig = (lex.triggers.get(("noun", tok.lemma_.lower())) or (None,))[0]
        noun_code = lex.code(noun_trig.cameo) if noun_trig is not None else None
        if noun_code is not None and noun_code.plover == "CONSULT":
            return head.head
    if (
        dep == "pobj"
        and head.dep_ in ("prep", "prt")
        and head.head.lemma_.lower() in ("go", "call", "carry")
        and is_verb(head.head)  # "called for a strike", not "their calls for the release of X"
    ):
        head, dep = head.head, "dobj"
    if (
        dep == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and (lemma_in(head.head, lex.word_class("series")) or lemma_in(head.head, frames))
    ):
        # "launched a wave of attacks on X", "began a campaign of arrests": the acts are what the
        # series or the frame is made of, and take its place in the clause
        head, dep = head.head.head, head.head.dep_
    if (
        dep == "pobj"
        and head.lower_ in ("of", "in")
        and head.head.pos_ in ("NOUN", "NUM")
        and head.head.dep_ in ("dobj", "obj")
        and _measure(head.head)
    ):
        # "25,000 tons of food aid", "$33 million in assistance": the noun stands in for its measure
        head, dep = head.head.head, head.head.dep_
    if (
        dep == "pobj"
        and head.lower_ == "in"
        and head.head.i not in triggered
        and lemma_in(head.head, lex.word_class("participation"))
    ):
        return head.head  # "were participating in a boycott", "took part in talks"
    if head.i in triggered:
        return None
    if dep in ("dobj", "obj", "nsubjpass") and lemma_in(head, lex.word_class("light")):
        return head
    if dep in ("nsubj",) and lemma_in(head, lex.word_class("occur")):
        return head
    if dep in ("nsubj", "nsubjpass") and _own_actor(tok) and lemma_in(tok, lex.word_class("attitude")) is None:
        # "a Saudi-led strike on a school bus used a guided bomb": the subject is the act; an
        # attitude is not ("her support among millennials lags": a standing opinion, measured)
        return tok
    if dep == "pobj" and head.lower_ in ("of", "to") and head.head.lower_ in _CAUSAL.get(head.lower_, ()):
        head = head.head  # "because of fighting between A and B": a cause sets the scene
    if (
        dep == "pobj"
        and head.lower_ in _SETTING
        and lemma_in(tok, lex.word_class("stance")) is None
        and _own_actor(tok, sources_only=head.head.i in triggered)
    ):
        # "were killed in an attack by rebels", "died after clashes with the army": the noun
        # names the act and its actor where the verb names only the harm
        return tok
    return None


_COPULAS = frozenset("be remain become".split())


def _copular(noun: Token) -> Token | None:
    """The copula an agent noun is the predicate of ("X remains the largest donor", "X is one of
    the largest donors"), else ``None``: the noun alone ("donors met") states no act."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head  # "one of the largest donors"
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
        return noun.head
    return None


_NOUN_ACTOR_PREPS = ("by", "with", "between", "on", "against")
# prepositions of a noun that sets the scene of the clause ("killed in an attack by ...")
_SETTING = frozenset("in during after following amid by because owing".split())
# two-word prepositions of cause, by their second word: "because of", "owing to" (not "due to":
# "is due to" is also a schedule)
_CAUSAL = {"of": frozenset(("because",)), "to": frozenset(("owing",))}


def _own_actor(noun: Token, sources_only: bool = False) -> bool:
    """The event noun names an actor of its own: "by rebels", "Israel's", "Israeli", "Saudi-led",
    "with the army", "between A and B", "on the embassy" (``sources_only``: not the last two kinds,
    so "marched in protest against X" stays one protest)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("amod", "compound") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or c.lower_.endswith(("-led", "-backed"))
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in (
            ("by", "with", "between") if sources_only else _NOUN_ACTOR_PREPS
        ):
            if any(g.dep_ == "pobj" for g in c.children):
                return True
    return False
