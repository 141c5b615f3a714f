"""Actor phrases: actors written as a description rather than a name (step 5 of the entity stage).

``actor_phrases(doc, kb)`` finds, in text order,

1. a demonym or country before a role or body noun (``"the Moldovan foreign
   ministry"``, ``"Serbia's interior ministry"``); of coordinated nationalities
   (``"US and British forces"``) each one is a phrase of its own; a demonym before
   a noun of ``demonym_nouns.tsv`` (``"the Turkish side"``, ``"an Indian
   proposal"``), or before any noun a verb acts on (``"released a Turkish ship"``:
   the demonym alone); a capitalised title with no name is a role noun (``"the
   Israeli Prime Minister's declaration"``);
2. a role noun before a place (``"rebels in the Congo"``, ``"officials in Kabul"``,
   ``"missionary from Calgary"``, ``"fighters in the Idlib countryside"``).

``actor_entities`` turns the phrases no other mention covers into entities; the actor
stage (``newsgraph.actors``) also calls ``actor_phrases`` to code them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.common import DASHES
from newsgraph.entities.lexicon import lexicon, rows

#: Nouns too vague to make an actor phrase of ("the Turkish side", "Iraqi town").
_NOT_ACTORS = frozenset(
    {"man", "woman", "men", "women", "member", "members", "village", "town", "city", "area"}
)
#: Sectors of nouns that make a "<noun> in <place>" actor only in the plural ("officials in Kabul").
_GENERIC_SECTORS_ONLY = frozenset({"GOV", "CVL"})
_PHRASE_PLACE_KINDS = frozenset({"country", "disputed", "territory", "capital", "city", "region"})


@dataclass(frozen=True)
class ActorPhrase:
    """An actor written as a description rather than a name.

    ``"the Sudanese government"``, ``"US forces"``, ``"Moldova's foreign ministry"``
    (a demonym or country before a role noun: ``place`` is None, the country comes from
    the words), or ``"rebels in the Congo"``, ``"missionary from Calgary"`` (a role
    noun before a place: ``place`` is that place's knowledge-base match).
    """

    start: int
    end: int
    sector: str
    plural: bool
    place: Any = None  # newsgraph.kb.Match | None
    name_inside: bool = False  # the phrase may hold a name mention ("Moldova's foreign ministry")
    head_end: int = 0  # end of the role noun (pattern 2: the place after it may be a name)
    #: a demonym coordinated before another ("*Hungarian* and Romanian officials"): where
    #: the phrase of the last one starts (a mention of the whole list is cut back to it)
    rest_start: int = -1
    #: the entity kind when the phrase decides it (``collectives``: a singular person noun is a person)
    kind: str | None = None
    #: start of the head noun (``collectives``: the head must be free of other mentions)
    head_start: int = -1


def actor_phrases(doc: Doc, kb: Any) -> list[ActorPhrase]:
    """All actor phrases of ``doc`` in text order (whether or not some entity covers them).

    Computed once per document (the entity and actor stages both ask), kept in ``doc.user_data``.
    """
    key = f"newsgraph.actor_phrases.{id(kb)}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = tuple(_find_actor_phrases(doc, kb))
    return list(cached)


def _find_actor_phrases(doc: Doc, kb: Any) -> list[ActorPhrase]:
    out: list[ActorPhrase] = []
    for tok in tokens_of(doc):
        # the small model often tags a lower-case "ministry" after "foreign" as PROPN, and a
        # capitalised plural at the start of a sentence before a bare name ("Rebels in Mali")
        # as a singular PROPN, while "Rebels in the Congo" stays NOUN/NNS
        initial = initial_common_noun(doc, tok)
        title = _bare_title(doc, tok)
        if not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower) or initial or title):
            continue
        if tok.lower_ in _NOT_ACTORS:
            continue
        compounds = [
            t
            for t in tok.lefts
            if t.dep_ == "compound" and (t.pos_ == "NOUN" or t.is_lower or (title and t.is_title))
        ]
        noun = " ".join([*(t.text for t in compounds), tok.text])
        sector = kb.sector(noun) or kb.sector(tok.lemma_) or kb.sector(tok.text)
        # "the Turkish side", "an Indian proposal": nouns the knowledge base gives no sector
        # but that make a demonym before them an actor (data/demonym_nouns.tsv)
        extra = None
        acted_on = False
        if sector is None:
            listed = _demonym_nouns()
            extra = listed.get(noun.lower()) or listed.get(tok.lemma_.lower()) or listed.get(tok.lower_)
            if extra is None and _argument_of_verb(tok):
                acted_on = True
                # "released a Turkish ship", "lifted a ban on British beef", "trains Iraqi pilots":
                # what a clause acts on, owned or made by a nation, stands for that nation (CAMEO
                # codes the country); the demonym alone is the entity, as for "an Indian proposal"
                extra = "product"
            if extra is None:
                continue
            sector = ""
        plural = tok.tag_ in ("NNS", "NNPS") or (
            initial and tok.lower_.endswith("s") and not tok.lower_.endswith("ss")
        )
        # 1. "<demonym|country> <role noun>", "<country>'s <role noun>"
        mods = [
            t
            for t in tok.lefts
            if (t.is_title or t.is_upper)
            # "African-American voters" are not the United States
            and not (t.i > 0 and doc[t.i - 1].text in DASHES and not doc[t.i - 1].whitespace_)
            and (
                (t.dep_ in ("amod", "compound", "nmod") and t.pos_ in ("ADJ", "PROPN", "NOUN"))
                or (t.dep_ == "poss" and t.pos_ == "PROPN")
            )
        ]
        found = False
        # a demonym next to the noun beats an owner further left ("Abkhazia's Georgian community")
        for mod in sorted(mods, key=lambda t: (t.dep_ == "poss", t.i)):
            first = mod.left_edge if mod.dep_ == "poss" else mod
            name = doc[first.i : mod.i + 1].text
            m = kb.lookup(name, fuzzy=False)
            if m is None or m.kind not in ("demonym", "country", "capital", "disputed"):
                continue
            if mod.dep_ == "poss" and m.kind == "demonym":
                continue
            if extra is not None and (mod.dep_ == "poss" or m.kind != "demonym"):
                continue  # "Russia's proposal", "a US plan": the owner is a name entity already
            if mod.dep_ != "poss":
                # "US and British forces", "U.S. and Chinese envoys": each nationality is an
                # actor (PLOVER codes them apart); the one next to the noun makes the phrase,
                # the demonyms before it ("Hungarian and Romanian officials") are entities alone
                last = _last_conjunct(doc, mod, tok, kb)
                if last is not None:
                    for c in _demonym_conjuncts(doc, mod, last, kb):
                        out.append(
                            ActorPhrase(
                                c.idx, c.idx + len(c.text), sector, plural,
                                head_end=tok.idx + len(tok.text), rest_start=last.idx,
                            )
                        )  # fmt: skip
                    first = last
            if extra == "product":
                # "rejected an Indian proposal": the proposal's maker, India, is the actor
                out.append(ActorPhrase(first.idx, first.idx + len(first.text), sector, False))
            else:
                # the owner or a country written before the noun ("Serbia's police", "Benin
                # police") is a name mention inside the phrase
                inside = mod.dep_ == "poss" or m.kind in ("country", "capital", "disputed") or _is_body(kb, first)
                out.append(ActorPhrase(first.idx, tok.idx + len(tok.text), sector, plural, None, inside))
            found = True
            break
        if found or acted_on:
            continue
        # 2. "<role noun> in|from|of <place>"
        if not (plural or sector not in _GENERIC_SECTORS_ONLY):
            continue
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of"):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            place = doc[pobj.left_edge.i : pobj.i + 1]
            if pobj.is_title or pobj.is_upper:
                m = (
                    kb.lookup(place.text, fuzzy=False)
                    # a place of two words before its last word alone: "officials in Lashkar Gah",
                    # "people of New Jersey" (a US state, not Jersey)
                    or kb.place(place.text)
                    or kb.lookup(pobj.text, fuzzy=False)
                    or kb.place(pobj.text)
                )
            else:
                m = _named_area(doc, pobj, kb)
            if m is None or m.kind not in _PHRASE_PLACE_KINDS or m.confidence < 1.0:
                continue
            first = min([tok, *(t for t in tok.lefts if t.dep_ in ("compound", "amod"))], key=lambda t: t.i)
            out.append(
                ActorPhrase(first.idx, place.end_char, sector, plural, m, True, tok.idx + len(tok.text))
            )
            break
    return out


#: Common nouns for a part of a named place ("the Deraa countryside", "the Idlib province").
_AREA_NOUNS = frozenset("countryside province region district governorate state county suburbs outskirts".split())


def _named_area(doc: Doc, noun: Token, kb: Any) -> Any:
    """The place named before an area noun ("rebels in the Deraa countryside": Deraa), or None."""
    if noun.lower_ not in _AREA_NOUNS:
        return None
    names = [t for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not names:
        return None
    words = doc[names[0].i : names[-1].i + 1].text
    return kb.lookup(words, fuzzy=False) or kb.place(words)


#: Dependency labels of a noun a clause acts on (its object, a passive subject, a prepositional object).
_ACTED_ON = frozenset(("dobj", "obj", "nsubjpass", "dative"))
_ACTED_ON_PREPS = frozenset("on to against into from for with of".split())


def _argument_of_verb(tok: Token) -> bool:
    """Whether a common noun is what an event verb acts on: its object, its passive subject,
    or the object of its on/to/against/... phrase, also through one phrase of such an object
    ("lifted a ban on British beef"). The verb must be a trigger of the event lexicon: "ate
    Indian food" makes no actor."""
    cur = tok
    for _ in range(2):
        if cur.dep_ in _ACTED_ON:
            return _event_verb(cur.head)
        if cur.dep_ != "pobj" or cur.head.lower_ not in _ACTED_ON_PREPS:
            return False
        cur = cur.head.head
        if cur.pos_ in ("VERB", "AUX"):
            return _event_verb(cur)
        if cur.pos_ not in ("NOUN", "PROPN"):
            return False
    return False


def _event_verb(tok: Token) -> bool:
    from newsgraph.events.lexicon import load_lexicon  # the entity stage runs before events

    return tok.pos_ in ("VERB", "AUX") and ("verb", tok.lemma_.lower()) in load_lexicon().triggers


def initial_common_noun(doc: Doc, tok: Token) -> bool:
    """A capitalised word the tagger took for a name only because it opens the sentence.

    Only the first word of a sentence (or of a quotation or line) outside any named entity;
    the caller still needs the knowledge base to know it as a role noun ("Rebels", "Officials").
    """
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
        return False
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = doc[tok.i - 1]
    return prev.text in ('"', "“", "'", "‘") or (prev.is_space and "\n" in prev.text)


#: Positions where the collectives take a capitalised role title (their argument positions).
_COLLECTIVE_DEPS = frozenset("nsubj nsubjpass dobj obj pobj dative conj appos attr oprd ROOT npadvmod".split())


def _bare_title(doc: Doc, tok: Token) -> bool:
    """A capitalised title with no name after it, as an owner ("condemned the Israeli Prime
    Minister's declaration"): the tagger makes it a name, but it is a role noun (the caller
    asks the knowledge base for its sector). A subject or object the role lexicon knows
    ("talks with the Peruvian Prime Minister") is left to the collectives."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
        return False
    if tok.dep_ in _COLLECTIVE_DEPS:
        words = " ".join([*(t.text for t in tok.lefts if t.dep_ == "compound"), tok.text])
        if lexicon().role(words) is not None or lexicon().role(tok.text) is not None:
            return False  # (a tagged name: "the US Senate" is a name entity already)
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        return False
    # "Secretary of State Rex Tillerson", "the Grand Mufti of Egypt, Sheikh X": a title of a name
    phrase = tok.head.subtree if tok.dep_ in ("compound", "nmod", "appos") else tok.subtree
    return not any(t.ent_type_ == "PERSON" for t in phrase)


def _last_conjunct(doc: Doc, mod: Token, noun: Token, kb: Any) -> Token | None:
    """The nationality coordinated with ``mod`` right before ``noun`` ("US and *British* forces")."""
    conj = [c for c in mod.conjuncts if mod.i < c.i < noun.i and (c.is_title or c.is_upper)]
    if not conj:
        return None
    last = max(conj, key=lambda c: c.i)
    if any(t.is_punct or t.pos_ == "CCONJ" for t in doc[last.i + 1 : noun.i]):
        return None  # not contiguous with the noun
    m = kb.lookup(last.text, fuzzy=False)
    # "British and EU negotiators": an international body's name closes the list as a country's does
    return last if m is not None and m.kind in ("demonym", "country", "igo") else None


def _is_body(kb: Any, tok: Token) -> bool:
    """Whether the word is an international body's name ("EU" in "British and EU negotiators")."""
    m = kb.lookup(tok.text, fuzzy=False)
    return m is not None and m.kind == "igo"


def _demonym_conjuncts(doc: Doc, mod: Token, last: Token, kb: Any) -> list[Token]:
    """The demonyms coordinated before ``last`` ("*Hungarian* and Romanian officials")."""
    out = []
    for c in sorted([mod, *mod.conjuncts], key=lambda t: t.i):
        if c.i >= last.i or not (c.is_title or c.is_upper):
            continue
        m = kb.lookup(c.text, fuzzy=False)
        if m is not None and m.kind == "demonym":
            out.append(c)
    return out


@lru_cache(maxsize=1)
def _demonym_nouns() -> dict[str, str]:
    """Noun -> ``actor``/``product`` from data/demonym_nouns.tsv (loaded once)."""
    return {r[0].lower(): r[1] for r in rows("demonym_nouns.tsv")}
