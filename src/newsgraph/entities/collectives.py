"""Collective and role actors nobody named (part of step 5 of the entity stage).

``collective_phrases(doc, kb)`` finds noun phrases whose head is a role or
collective noun of the knowledge base's sector vocabulary (``sectors.tsv``:
"protesters", "police", "troops", "a court", "the government") or a noun for
people (``data/people_nouns.tsv``: "suspects", "a 35-year-old man"), used as an
argument of a clause, with no nationality or place that ``actor_phrases``
already turns into a phrase. A quantity in front belongs to the phrase
("thousands of people", "several thousand workers", "a group of asylum
seekers"), since the parse makes the quantity the subject or object.

The phrases become entities like the other actor phrases (``actor_entities``);
the actor stage gives them a sector from the noun and a country from the place
of the sentence or article (``actor_context``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.actor_phrases import ActorPhrase, actor_phrases, initial_common_noun
from newsgraph.entities.common import Cluster
from newsgraph.entities.lexicon import lexicon
from newsgraph.errors import KnowledgeBaseError
from newsgraph.records import Mention

#: Dependency labels of a noun phrase that is an argument (subject, object, agent, conjunct).
_ARGUMENT_DEPS = frozenset("nsubj nsubjpass dobj obj pobj dative conj appos attr oprd ROOT npadvmod".split())
_SECTOR = re.compile(r"[A-Z]{3}")
#: Modifiers that belong to the phrase ("the", "several", "37", "armed", "textile").
_PHRASE_MODS = frozenset("det amod nummod compound quantmod nmod advmod".split())
#: Heads of a quantity before "of" ("thousands of people", "a group of asylum seekers");
#: numerals and quantifiers ("one of the victims", "some of the protesters") count too.
_QUANTITY_HEADS = frozenset(
    "thousands hundreds dozens scores millions tens thousand hundred dozen score "
    "group groups number handful crowd crowds band bands team teams contingent unit units "
    "batch wave busload busloads".split()
)
_QUANTIFIERS = frozenset("some many several most all few both none each".split())
#: Endings of nouns for a person ("worker", "journalist", "protester", "civilian"), as against
#: bodies ("court", "police", "government", "parliament"): a singular one is a person.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ive")
#: Nouns of places: "the town" is where something happens, not who acts (PLOVER codes a town
#: named in the text as its country's civilians, through the name).
_PLACE_WORDS = frozenset("village villages town towns city cities area areas".split())
#: Prepositions by which a noun belongs to a named body or place ("the minister of Japan").
_BELONG_PREPS = frozenset(("of", "in", "from", "at"))


@lru_cache(maxsize=1)
def people_nouns() -> dict[str, str]:
    """Noun (singular and plural, lower case) -> sector, from data/people_nouns.tsv."""
    text = resources.files("newsgraph").joinpath("data", "people_nouns.tsv").read_text(encoding="utf-8")
    return parse_people_nouns(text, "newsgraph/data/people_nouns.tsv")


def parse_people_nouns(text: str, source: str) -> dict[str, str]:
    """The rows of a people-nouns file; a malformed row is an error naming the file and line."""
    out: dict[str, str] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not _SECTOR.fullmatch(fields[1].strip()):
            raise KnowledgeBaseError(
                "expected noun<TAB>sector code (3 capitals)", source=f"{source}:{lineno}"
            )
        word, sector = fields[0].strip().lower(), fields[1].strip()
        out[word] = sector
        out[_plural(word)] = sector
    return out


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def noun_sector(kb: Any, tok: Token) -> str | None:
    """The sector of a role or people noun (with its compounds: "riot police", "contract employees")."""
    compounds = [t for t in tok.lefts if t.dep_ == "compound" and (t.pos_ == "NOUN" or t.is_lower)]
    noun = " ".join([*(t.text for t in compounds), tok.text])
    found: str | None = kb.sector(noun) or kb.sector(tok.lemma_) or kb.sector(tok.text)
    if found is None:
        people = people_nouns()
        found = people.get(noun.lower()) or people.get(tok.lower_) or people.get(tok.lemma_.lower())
    return found


def _is_plural(tok: Token) -> bool:
    if tok.tag_ in ("NNS", "NNPS"):
        return True
    low = tok.lower_
    return tok.pos_ == "PROPN" and low.endswith("s") and not low.endswith("ss")


def _quantity(tok: Token) -> Token | None:
    """The quantity a noun is counted by ("*thousands* of people", "*one* of the victims")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    q = tok.head.head
    if q.i >= tok.i:
        return None
    if q.lower_ in _QUANTITY_HEADS or q.lemma_.lower() in _QUANTITY_HEADS:
        return q
    if q.pos_ == "NUM" or (q.lower_ in _QUANTIFIERS and q.pos_ in ("PRON", "DET", "ADJ", "NOUN")):
        return q
    return None


def _phrase_start(tok: Token) -> int:
    """First token of the phrase headed by ``tok``: its determiner, numerals and adjectives
    (not what the parser hung on them: "BAMAKO - Armed men" starts at "Armed")."""
    start = tok.i
    stack = [c for c in tok.lefts if c.dep_ in _PHRASE_MODS]
    while stack:
        t = stack.pop()
        start = min(start, t.i)
        stack.extend(c for c in t.lefts if c.dep_ not in ("npadvmod", "punct", "appos", "prep", "cc"))
    return start


def _capitalised_title(doc: Doc, tok: Token, lex: Any) -> bool:
    """A capitalised title used without a name ("held talks with the Algerian Prime Minister"):
    the tagger makes it a name, but no name follows and the words are a role noun."""
    if tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC"):
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        return False
    compounds = [t for t in tok.lefts if t.dep_ == "compound"]
    words = " ".join([*(t.text for t in compounds), tok.text])
    return lex.role(words) is not None or lex.role(tok.text) is not None


def _acts_for_another(tok: Token, kb: Any, sector: str) -> bool:
    """Whether the noun stands for an actor named around it rather than for an actor of its own.

    * "rebel-held", "police-run": the first part of a hyphenated modifier;
    * "its troops", "their force": the possessor acts (coreference gives it);
    * "the minister of Japan", "the authorities in Taipei": the name it belongs to acts;
    * "deployed troops", "sent police": bare forces as the object are the subject's own;
    * "a group of diplomats", "members of the party": a generic noun with an "of" phrase is
      counted or owned by what follows;
    * "the largest group", "a force": a generic noun alone, in the singular, is a description of
      a named actor or no actor at all (but "a 35-year-old man", "the president" are persons);
    * "Israeli helicopters and tanks": a conjunct shares the nationality of the first noun.
    """
    if tok.lower_ in _PLACE_WORDS:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and not tok.whitespace_ and nxt.text in ("-", "–"):
        return True  # "rebel-held territory", "government-backed militias": part of a modifier
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _BELONG_PREPS:
            if any(g.pos_ == "PROPN" for p in c.children if p.dep_ == "pobj" for g in p.subtree):
                return True
    if (
        tok.dep_ in ("dobj", "obj")
        and sector in ("MIL", "COP")
        and not any(c.dep_ == "det" for c in tok.children)
    ):
        return True  # "deployed troops", but "attacked the police"
    generic = tok.lower_ in kb.generic_terms or tok.lemma_.lower() in kb.generic_terms
    if generic and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True
    people = people_nouns()
    role = lexicon().role(tok.text)
    # a specific title ("the president") names one person; a generic one ("the leader") does not
    person = (
        tok.lower_ in people or tok.lemma_.lower() in people or (role is not None and not role[0].generic)
    )
    if generic and not person and not _is_plural(tok) and _quantity(tok) is None:
        return True
    if tok.dep_ == "conj":
        first = tok.head
        for c in first.lefts:
            if c.dep_ in ("amod", "compound", "nmod", "poss") and (c.is_title or c.is_upper):
                m = kb.lookup(c.text, fuzzy=False)
                if m is not None and m.kind in ("demonym", "country"):
                    return True
    return False


def collective_phrases(doc: Doc, kb: Any) -> list[ActorPhrase]:
    """Phrases headed by a role, collective or people noun, in text order (covered or not).

    Computed once per document, kept in ``doc.user_data``.
    """
    key = f"newsgraph.collective_phrases.{id(kb)}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = tuple(_find_collective_phrases(doc, kb))
    return list(cached)


def _find_collective_phrases(doc: Doc, kb: Any) -> list[ActorPhrase]:
    out: list[ActorPhrase] = []
    lex = lexicon()
    for tok in tokens_of(doc):
        if not (
            tok.pos_ == "NOUN"
            or (tok.pos_ == "PROPN" and (tok.is_lower or _capitalised_title(doc, tok, lex)))
            or initial_common_noun(doc, tok)
        ):
            continue
        if tok.dep_ not in _ARGUMENT_DEPS:
            continue  # a modifier ("police officers": the head decides), not an argument
        sector = noun_sector(kb, tok)
        if sector is None or _acts_for_another(tok, kb, sector):
            continue
        plural = _is_plural(tok)
        start = _phrase_start(tok)
        quantity = _quantity(tok)
        if quantity is not None:
            start = min(start, _phrase_start(quantity))
            plural = True
        end_char = tok.idx + len(tok.text)
        role = lex.role(tok.text)
        if plural:
            kind = "group"
        elif (
            role is not None
            or tok.lower_ in people_nouns()
            or tok.lemma_.lower() in people_nouns()
            or (tok.lower_.endswith(_PERSON_ENDINGS) and not tok.lower_.endswith("ment"))
        ):
            kind = "person"
        else:
            kind = "group" if sector in ("CVL", "REF") else "organization"
        out.append(
            ActorPhrase(
                doc[start].idx, end_char, sector, plural, head_end=end_char, kind=kind, head_start=tok.idx
            )
        )
    return out


def add_collective_clusters(doc: Doc, text: str, kb: Any, clusters: list[Cluster], occupied: set[int]) -> int:
    """Make a cluster of each collective phrase no name, title or linked description holds,
    before pronouns are linked, so that "they" and "it" can refer to "the protesters" or
    "the court" (in place).

    Phrases of the same words ("police" ... "police") are one cluster, as the entity stage
    does for actor phrases. Returns how many mentions were added.
    """
    if kb is None:
        return 0
    by_key: dict[str, Cluster] = {}
    added = 0
    # a phrase with a nationality, owner or place ("the Peruvian government") is left to
    # ``actor_phrases``, which names it and codes it after coreference
    described = [(p.start, p.end) for p in actor_phrases(doc, kb)]
    for ph in collective_phrases(doc, kb):
        if any(s < ph.end and ph.start < e for s, e in described):
            continue
        span = doc.char_span(ph.start, ph.end, alignment_mode="expand")
        if span is None or any(t.idx in occupied for t in span):
            continue
        words = text[ph.start : ph.end]
        mention = Mention(ph.start, ph.end, words, "nominal")
        key = words.casefold()
        cluster = by_key.get(key)
        if cluster is None:
            cluster = Cluster(kind=ph.kind or "group", name=words)
            by_key[key] = cluster
            clusters.append(cluster)
        cluster.mentions.append(mention)
        occupied.update(t.idx for t in span)
        added += 1
    return added
