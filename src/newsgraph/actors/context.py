"""What the text around an actor says about it: regions, owners, ambiguous places.

Helpers of the actor stage (``newsgraph.actors.coding``) that read beyond the
entity's own name:

- ``world_region``: "Asia", "the Gulf", "Central America" are regions
  (``regions.tsv``), never coded as one of their countries;
- ``owner_country``: a country named with an institution ("Rwanda's Senate",
  "the Senate of Rwanda") decides whose it is;
- ``settle_ambiguous_places``: a place name several countries share takes the
  country the article mentions most, or stays uncoded;
- ``first_names``, ``name_sector``, ``modifier_sector``: a person's given names, the
  role noun inside a name, the role word before every mention ("congressional").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Span as SpacySpan

from newsgraph.kb import KnowledgeBase, Match, Person
from newsgraph.records import Actor, Entity, Mention

# confidence of a code read from a role, a description or the article rather than a name match
ROLE_CONFIDENCE = 0.9


def name_mentions(entity: Entity) -> list[Mention]:
    names = [m for m in entity.mentions if m.kind == "name"]
    return names or list(entity.mentions)


def lookup_place(kb: KnowledgeBase, entity: Entity, names: Iterable) -> Match | None:  # type: ignore[type-arg]
    for text in dict.fromkeys([entity.name, *(m.text for m in names)]):
        m = kb.place(text)
        if m is not None:
            return m
    return None


def world_region(kb: KnowledgeBase, entity: Entity, names: Sequence[Mention]) -> Match | None:
    for text in dict.fromkeys([entity.name, *(m.text for m in names)]):
        m = kb.world_region(text)
        if m is not None:
            return m
    return None


# dependency labels of a country named with an institution: "Rwanda's Senate", "the Rwandan Senate"
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OWNER_KINDS = frozenset({"country", "disputed", "territory", "demonym"})


def owner_country(kb: KnowledgeBase, spans: Sequence[SpacySpan], own: str) -> Match | None:
    """A country the text gives an institution other than the knowledge base's ("Rwanda's Senate" -> RWA).

    Read from a possessor or modifier of the mention ("Rwanda's", "Rwandan") or an
    "of"/"in" phrase after it ("the Senate of Rwanda"). Every mention that names
    one must name the same country.
    """
    found: list[Match] = []
    for span in spans:
        root = span.root
        texts: list[str] = []
        for child in root.children:
            if span.start <= child.i < span.end:
                continue
            if child.dep_ in _OWNER_DEPS and child.i < span.start:
                words = [t for t in child.subtree if t.dep_ != "case" and t.i < span.start]
                texts.append(" ".join(t.text for t in words))
            elif child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i >= span.end:
                texts.extend(" ".join(t.text for t in g.subtree) for g in child.children if g.dep_ == "pobj")
        for text in texts:
            m = kb.lookup(text, fuzzy=False)
            if m is not None and m.kind in _OWNER_KINDS and m.country is not None:
                found.append(m)
                break
    countries = {m.country for m in found}
    if len(countries) != 1 or own in countries:
        return None
    m = found[0]
    return Match("country", m.country or "", m.name, m.key, 1.0, country=m.country, qid=m.qid, note=m.note)


def settle_ambiguous_places(
    kb: KnowledgeBase, entities: Sequence[Entity], actors: dict[str, Actor], min_conf: float
) -> None:
    """A place name several countries share ("Florida", "Santa Cruz") takes the country the article names most.

    Only among the countries that have a place of that name, and only when one
    of them is mentioned more often than the others (counted by mentions of
    the article's coded actors); otherwise the place stays uncoded.
    """
    counts: Counter[str] = Counter()
    for entity in entities:
        a = actors.get(entity.id)
        if a is not None and a.country and a.confidence >= min_conf:
            counts[a.country] += len(entity.mentions) or 1
    if not counts:
        return
    for entity in entities:
        a = actors.get(entity.id)
        if a is None or a.code is not None or not (a.note or "").startswith("ambiguous"):
            continue
        place = lookup_place(kb, entity, name_mentions(entity))
        if place is None or place.country is None:
            continue
        candidates = [place.country, *(c.strip() for c in (place.note or "").split("also ", 1)[-1].split(","))]
        ranked = sorted(((counts[c], c) for c in dict.fromkeys(candidates) if c in kb.countries), reverse=True)
        if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            continue
        country = ranked[0][1]
        sector = "CVL" if place.kind == "city" else None
        actors[entity.id] = Actor(
            code=country + (sector or ""),
            country=country,
            sector=(sector,) if sector else (),
            confidence=ROLE_CONFIDENCE,
            note=f"{place.name!r} is the name of places in {', '.join(c for _, c in ranked)}: "
            f"{country}, the country the article mentions most",
        )


def first_names(person: Person) -> set[str]:
    """The lower-cased first words of a person's name and aliases."""
    return {n.split()[0].lower().rstrip(".") for n in (person.name, *person.aliases) if len(n.split()) > 1}


def name_sector(kb: KnowledgeBase, name: str) -> str | None:
    """The sector of the most specific role noun in a name ("Security Council" -> GOV), if any."""
    specific = [t for t in kb.find_sectors(name) if not t[3]]
    return specific[-1][2] if specific else None


def modifier_sector(kb: KnowledgeBase, spans: Sequence[SpacySpan]) -> str | None:
    """The sector of the word right before every mention when it modifies the name ("congressional")."""
    found: set[str | None] = set()
    for span in spans:
        if span.start == 0:
            return None
        tok = span.doc[span.start - 1]
        if tok.dep_ not in ("amod", "compound") or not (span.start <= tok.head.i < span.end):
            return None
        found.add(kb.sector(tok.text))
    return found.pop() if len(found) == 1 else None
