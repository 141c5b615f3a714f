"""The country of an actor written as a description, and the basis of that choice.

The actor stage (``newsgraph.actors.coding``) codes every entity from its own words; an
actor phrase or a collective ("the Moldovan foreign ministry", "Kenya's police",
"protesters", "a court") has a sector from its noun but may name no country.
``context_countries`` runs after that coding and, for entities mentioned only by
such descriptions, records where the country came from or finds one:

1. a nationality adjective in the phrase ("Hungarian officials"): note
   "country from the nationality adjective";
2. a possessor ("Kenya's police"): "country from the possessor";
3. failing both, the place the actor acts in, in its sentence ("police fired
   on protesters in Nairobi", "workers in Haiti"): "country from the place of the
   sentence: Nairobi";
4. failing that, the article's place: the dateline ("NAIROBI -- Police said"),
   or the one country all the article's places belong to: "country from the
   place of the article: NAIROBI".

Entities that name themselves (a name mention) are left as the name made them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import ParsedDocument
from newsgraph.records import Actor, Entity, Mention

#: Prepositions that place an actor or its act ("police in Nairobi", "marched in Lagos").
_PLACE_PREPS = frozenset("in at near inside outside across throughout around through along".split())
_PHRASE_KINDS = frozenset({"group", "organization", "person"})
#: How far into the article a dateline may end (characters).
_DATELINE_CHARS = 80
_DATELINE_DASHES = ("--", "—", "–", " - ")
#: The confidence of a code whose country or sector comes from the context (the default
#: ``min_actor_confidence`` keeps it).
_CONTEXT_CONFIDENCE = 0.8


def context_countries(
    parsed: ParsedDocument, kb: Any, entities: Sequence[Entity], actors: dict[str, Actor]
) -> dict[str, Actor]:
    """``actors`` with the country (and its basis in ``note``) of descriptive actors filled in."""
    doc = parsed.doc
    place_at = _place_mentions(entities, actors)
    article: tuple[str, str] | None = None
    article_done = False
    out = dict(actors)
    for e in entities:
        actor = actors.get(e.id)
        if actor is None or e.kind not in _PHRASE_KINDS or actor.igo is not None:
            continue
        if not e.mentions or any(m.kind == "name" for m in e.mentions):
            continue
        nominal = [m for m in e.mentions if m.kind == "nominal"]
        if not nominal:
            continue
        if actor.country:
            if actor.note is None:
                basis = _own_basis(doc, kb, nominal[0])
                if basis:
                    out[e.id] = replace(actor, note=basis)
            continue
        sector = actor.sector[0] if actor.sector else _sector(kb, nominal[0].text)
        if sector is None:
            continue
        found = None
        for m in nominal:
            found = _sentence_place(doc, m, place_at)
            if found:
                break
        basis = "sentence"
        if found is None:
            if not article_done:
                article, article_done = _article_place(parsed, place_at), True
            found, basis = article, "article"
        if found is None:
            if not actor.sector:
                out[e.id] = replace(actor, code=sector, sector=(sector,), confidence=_CONTEXT_CONFIDENCE)
            continue
        country, place_name = found
        out[e.id] = _placed(actor, country, sector, f"country from the place of the {basis}: {place_name}")
    return _ethnic_groups(doc, entities, out, place_at)


def _placed(actor: Actor, country: str, sector: str, note: str) -> Actor:
    """``actor`` in ``country`` with ``sector``, coded from context, ``note`` saying why."""
    return replace(
        actor, code=country + sector, country=country, sector=(sector,), confidence=_CONTEXT_CONFIDENCE, note=note
    )


def _ethnic_groups(
    doc: Doc, entities: Sequence[Entity], actors: dict[str, Actor], place_at: list[tuple[int, int, str, str]]
) -> dict[str, Actor]:
    """An ethnic group is coded by the country it lives in, not the one its name calls up
    (CAMEO codes ethnic groups under their country: "ethnic Albanian guerrillas operating in
    Macedonia" are Macedonia's); failing a place in the sentence, the nationality stays."""
    out = dict(actors)
    for e in entities:
        actor = actors.get(e.id)
        if actor is None or not actor.country or actor.igo is not None or e.kind == "place":
            continue
        for m in e.mentions:
            if m.kind == "pronoun":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not _ethnic(span):
                continue
            found = _sentence_place(doc, m, place_at)
            if found is not None and found[0] != actor.country:
                country, place_name = found
                sector = actor.sector[0] if actor.sector else "CVL"
                out[e.id] = _placed(
                    actor, country, sector, f"ethnic group: country from the place of the sentence: {place_name}"
                )
            break
    return out


def _ethnic(span: Any) -> bool:
    """Whether the phrase is introduced by "ethnic" ("ethnic Albanians", "the ethnic Uzbek minority")."""
    first = span[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ == "ethnic" or (before is not None and before.lower_ == "ethnic")


def _sector(kb: Any, text: str) -> str | None:
    terms = kb.find_sectors(text)
    if not terms:
        from newsgraph.entities.collectives import people_nouns

        words = text.lower().split()
        people = people_nouns()
        for w in reversed(words):
            if w in people:
                return people[w]
        return None
    specific = [t for t in terms if not t[3]]
    return str((specific or terms)[-1][2])


def _own_basis(doc: Doc, kb: Any, m: Mention) -> str | None:
    """Whether a coded phrase took its country from a nationality adjective or a possessor."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i != span.root.i:
            # (not the phrase itself as an owner: "the Israeli Prime Minister's declaration")
            return "country from the possessor"
    for t in span:
        if t.is_title or t.is_upper:
            found = kb.lookup(t.text, fuzzy=False)
            if found is not None and found.kind == "demonym":
                return "country from the nationality adjective"
    return None


def _place_mentions(entities: Sequence[Entity], actors: dict[str, Actor]) -> list[tuple[int, int, str, str]]:
    """``(start, end, country, text)`` of every mention of a place coded with a country."""
    out: list[tuple[int, int, str, str]] = []
    for e in entities:
        a = actors.get(e.id)
        if e.kind != "place" or a is None or not a.country:
            continue
        out.extend((m.start, m.end, a.country, m.text) for m in e.mentions if m.kind == "name")
    out.sort()
    return out


def _places_under(tok: Token, place_at: list[tuple[int, int, str, str]]) -> tuple[str, str] | None:
    """A place attached to ``tok`` by in/at/near ... ("in Nairobi", "in the streets of Lagos")."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
            continue
        lo, hi = c.idx, c.right_edge.idx + len(c.right_edge.text)
        for s, e, country, text in place_at:
            if lo <= s and e <= hi:
                return country, text
    return None


def _sentence_place(
    doc: Doc, m: Mention, place_at: list[tuple[int, int, str, str]]
) -> tuple[str, str] | None:
    """The place the actor of mention ``m`` acts in: attached to its noun, its verb, or the verb's object."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    anchors = [head]
    verb = head
    for _ in range(4):  # from the noun up to the clause it is an argument of
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    # "guerrillas operating in Macedonia", "a group based in Trinidad": the participle places them
    anchors.extend(c for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"))
    if verb.i != head.i:
        anchors.append(verb)
        anchors.extend(c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i != head.i)
    for a in anchors:
        found = _places_under(a, place_at)
        if found is not None:
            return found
    return None


def _article_place(
    parsed: ParsedDocument, place_at: list[tuple[int, int, str, str]]
) -> tuple[str, str] | None:
    """The dateline place ("NAIROBI, Kenya --"), else the one country every place of the article is in."""
    text = parsed.text
    head = text[:_DATELINE_CHARS]
    cut = min((head.find(d) for d in _DATELINE_DASHES if d in head), default=-1)
    if cut > 0:
        for s, _e, country, name in place_at:
            if s < cut:
                return country, name
    countries = {p[2] for p in place_at}
    if len(countries) == 1:
        first = place_at[0]
        return first[2], first[3]
    return None
