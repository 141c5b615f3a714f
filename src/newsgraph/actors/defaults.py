"""Codes an actor takes by default: the office held on the day, and the article's country.

Helpers of the actor stage (``newsgraph.actors.coding``):

- ``role_on``: the knowledge-base role a person holds on the publication date. A
  person holds an office only on its dates. With none held that day, an ended
  office makes a former office holder, an elite of that office's country (CAMEO
  sector ``ELI``: former officials, prominent persons without office, as the
  Phoenix dictionaries code them); an office that starts later gives nothing (a
  2016 candidate is not yet the president). A candidacy the knowledge base dates (a
  party's nominee, ``PTY``, from nomination to election day) is no office: it counts
  only in an article about a campaign (``candidate_role``).
- ``article_defaults``: people, groups and role nouns the article is about
  ("residents", "the campaign", a private citizen named once) that no name, role,
  possessor or place of their sentence gave a country take the country of the
  article: its dateline place, else the country its coded actors clearly share.
  Private persons are civilians (``CVL``) unless a role gives the sector. The
  basis goes in the actor's ``note`` ("country from the article: ..."). Names the
  knowledge base knows (somebody elsewhere, an organisation, a place) and actors
  with a foreign country in their sentence are left as they are: an actor that
  matches nothing stays uncoded rather than take a wrong code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from newsgraph.datelines import find_dateline
from newsgraph.document import ParsedDocument
from newsgraph.kb import Person, Role
from newsgraph.records import Actor, Entity

#: The sector of a former office holder (CAMEO "elites": former officials).
FORMER_SECTOR = "ELI"
#: A clearly dominant country: at least this many coded actors hold it ...
_DOMINANT_MIN = 3
#: ... and at least this share of the coded actors with a country.
_DOMINANT_SHARE = 0.6
#: A text of at most this many sentences is short (``is_short``).
_SHORT_SENTENCES = 3
_CONTEXT_CONFIDENCE = 0.8
#: The note ``newsgraph.actors.descriptions`` gives a country taken from the article's places.
_PLACES_NOTE = "country from the place of the article"
_DEFAULT_KINDS = frozenset({"person", "group", "organization"})
#: Sectors that are codes of their own, of no country (CAMEO transnational NGO, IGO, IMG).
_OWN_CODES = frozenset({"NGO", "IGO", "IMG"})


def role_on(person: Person, published: date | None) -> Role | None:
    """The role ``person`` holds on ``published``, a former office holder's ELI role, or ``None``.

    Without a date, the last role listed (as the knowledge base has no day to check).
    """
    if published is None:
        return person.roles[-1] if person.roles else None
    held = offices_on(person, published)
    if held:
        return held[-1]
    ended = [r for r in person.roles if r.end is not None and r.end < published and not is_candidacy(r)]
    if not ended:
        return None  # no office yet (or only later ones): the office gives nothing
    last = max(ended, key=lambda r: r.end or published)
    country = last.country or person.country
    if country is None:
        return None  # an IGO post without a country: a former official of no country
    return Role(
        office=f"former {last.office} (to {last.end.isoformat() if last.end else '?'})",
        country=country,
        sector=FORMER_SECTOR,
        start=last.end,
        end=None,
        org=None,
    )


#: A knowledge-base role that is a candidacy, not an office ("Democratic nominee for President").
_CANDIDACY_OFFICE = re.compile(r"\b(?:nominee|candidate)\b", re.IGNORECASE)


def is_candidacy(role: Role) -> bool:
    """Whether a dated knowledge-base role is a candidacy (a party role from nomination to election day)."""
    return role.sector == "PTY" and _CANDIDACY_OFFICE.search(role.office) is not None


def offices_on(person: Person, day: date) -> tuple[Role, ...]:
    """The offices ``person`` holds on ``day``: roles held that day other than candidacies."""
    return tuple(r for r in person.roles_on(day) if not is_candidacy(r))


#: An office this close after the day makes its holder a candidate (or one elected) on the day.
_CANDIDACY_DAYS = 366
#: Words of an article about a campaign or an election.
_CAMPAIGN_WORDS = re.compile(
    r"\b(?:campaign(?:s|ing|ed)?|candidates?|candidacy|nominee|nomination|running mate|elections?|"
    r"primar(?:y|ies)|ballots?|voters?|electoral)\b",
    re.IGNORECASE,
)


def candidate_role(person: Person, published: date | None, text: str) -> Role | None:
    """A party role (``PTY``) for a person who holds no office on the day but is a candidate.

    Either the article speaks of the person's own campaign ("Clinton's campaign", "the Trump
    campaign": a former Secretary of State running for president), or it is about a campaign
    or an election and the person's first office after the day starts within a year (Trump
    in September 2016 is not yet the president). A coder codes such people PTY.
    """
    if published is None:
        return None
    running = [r for r in person.roles_on(published) if is_candidacy(r)]
    if running and about_campaign(text):
        # a candidacy of the knowledge base's, on the day, in an article about a campaign
        r = running[-1]
        return Role(office=f"candidate ({r.office})", country=r.country, sector="PTY", start=None, end=None, org=None)
    if offices_on(person, published):
        return None
    later = [r for r in person.roles if r.start is not None and r.start > published and not is_candidacy(r)]
    first = min(later, key=lambda r: r.start or published) if later else None
    basis = None
    if _own_campaign((person.name, *person.aliases), text):
        basis = "candidate (the article speaks of the person's campaign)"
    elif first is not None and first.start is not None and (first.start - published).days <= _CANDIDACY_DAYS:
        if about_campaign(text):
            basis = f"candidate (office from {first.start.isoformat()}: {first.office})"
    if basis is None:
        return None
    known = first or (person.roles[-1] if person.roles else None)
    country = (known.country if known is not None else None) or person.country
    if country is None:
        return None
    return Role(office=basis, country=country, sector="PTY", start=None, end=None, org=None)


# capitalised words before a surname that are no first name (also read by newsgraph.actors.coding) ("The Clinton campaign", "Mrs. Clinton")
NOT_FIRST_NAMES = frozenset("The A An And But Mr Mrs Ms Dr Senator Sen President Secretary Governor Gov Rep Candidate Nominee".split())


@lru_cache(maxsize=8)
def about_campaign(text: str) -> bool:
    """Whether the article speaks of a campaign or an election (asked once per article)."""
    return _CAMPAIGN_WORDS.search(text) is not None


@lru_cache(maxsize=256)
def _own_campaign(person_names: tuple[str, ...], text: str) -> bool:
    """Whether the text names a campaign of the person called ``person_names`` (name and
    aliases): "Clinton's campaign", "the Trump campaign". Cached: an article asks for each of
    its people at every mention."""
    names = [n.split() for n in person_names if n.split()]
    own_first = {n[0] for n in names if len(n) > 1}
    for surname in {n[-1] for n in names}:
        if len(surname) < 3 or not surname[0].isupper():
            continue
        firsts = set(re.findall(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text))
        if firsts - own_first - NOT_FIRST_NAMES:
            continue  # another person of that surname ("Bill Clinton" beside "Hillary Clinton")
        pattern = rf"\b{re.escape(surname)}(?:'s|’s)?(?: presidential| election| re-election)? campaign\b"
        if re.search(pattern, text):
            return True
    return False


def dateline_place(text: str) -> tuple[int, int] | None:
    """The span of a dateline's place ("BRUSSELS" in "BRUSSELS - European leaders ..."), if any."""
    found = find_dateline(text)
    return None if found is None else (found[0], found[1])


def article_country(
    parsed: ParsedDocument, entities: Sequence[Entity], actors: dict[str, Actor]
) -> tuple[str, str] | None:
    """``(country, basis)`` of the article: its dateline place's country, else the clearly dominant one.

    Dominant: the country of at least 60% of the entities coded from their own names
    (not from the article, which would count its own guesses), more than any other,
    and of at least three of them (two in a text of a few sentences).
    """
    span = dateline_place(parsed.text)
    if span is not None:
        for e in entities:
            a = actors.get(e.id)
            if e.kind != "place" or a is None or not a.country:
                continue
            if any(m.start < span[1] and span[0] < m.end for m in e.mentions):
                return a.country, f"dateline {parsed.text[span[0] : span[1]]}"
    counts: Counter[str] = Counter()
    for e in entities:
        a = actors.get(e.id)
        if a is not None and a.country and a.igo is None and not (a.note or "").startswith("country from"):
            counts[a.country] += 1
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    total = sum(counts.values())
    enough = n >= _DOMINANT_MIN or (is_short(parsed) and n >= 2)
    if enough and n / total >= _DOMINANT_SHARE and (not rest or n > rest[0][1]):
        return top, f"{n} of its {total} coded actors are {top}"
    return None


def is_short(parsed: ParsedDocument) -> bool:
    """A text of a few sentences (a snippet, a brief), where one place may well be the whole story's."""
    return (
        sum(1 for _ in zip(parsed.doc.sents, range(_SHORT_SENTENCES + 1), strict=False)) <= _SHORT_SENTENCES
    )


def _foreign_in_sentence(
    parsed: ParsedDocument, e: Entity, country: str, coded: list[tuple[int, int, str]]
) -> bool:
    """Whether the sentence that introduces ``e`` also names an actor or place of another country.

    The sentence of the first name mention (where an article says who a person is); for an
    entity named by no name, every sentence that mentions it. A person named often is not
    foreign because one later sentence names a foreign body ("Strada accused the Saudi government").
    """
    doc = parsed.doc
    first = next((m for m in sorted(e.mentions, key=lambda m: m.start) if m.kind == "name"), None)
    for m in [first] if first is not None else e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        lo, hi = sent.start_char, sent.end_char
        if any(lo <= s < hi and c != country for s, _e, c in coded):
            return True
    return False


def article_defaults(
    parsed: ParsedDocument, kb: Any, entities: Sequence[Entity], actors: dict[str, Actor]
) -> dict[str, Actor]:
    """``actors`` with the article's country given to uncoded people, groups and role nouns it is about."""
    found = article_country(parsed, entities, actors)
    out = dict(actors)
    if not is_short(parsed):
        for e in entities:
            actor = out.get(e.id)
            if actor is not None and (actor.note or "").startswith(_PLACES_NOTE):
                # a long article's only country of places is not its country when its actors
                # say otherwise ("the administration condemned Russia"): the article's, or none
                out[e.id] = replace(
                    actor, code=actor.sector[0] if actor.sector else None, country=None, note=None
                )
    if found is None:
        return out
    country, basis = found
    # countries the text itself gives: names, roles, possessors, places of a sentence
    coded = sorted(
        (m.start, m.end, a.country)
        for e in entities
        if (a := out.get(e.id)) is not None and a.country and not (a.note or "").startswith(_PLACES_NOTE)
        for m in e.mentions
        if m.kind != "pronoun"
    )
    for e in entities:
        actor = out.get(e.id)
        if actor is None or e.kind not in _DEFAULT_KINDS or not e.mentions:
            continue
        if actor.country or actor.igo or (actor.note or "").startswith("region"):
            continue
        if actor.code and (not actor.sector or actor.sector[0] in _OWN_CODES):
            continue  # a code of its own (an NGO, a region's): not a country's actor
        sector = actor.sector[0] if actor.sector else None
        named = any(m.kind == "name" for m in e.mentions)
        titled = False
        if sector is None and e.kind == "person" and named:
            # a private person named in the article is a civilian; one with a title the
            # sector table does not know ("Officer X") takes the country alone
            titled = any(r.text.strip() for r in e.roles)
            sector = None if titled else "CVL"
        if (sector is None and not titled) or not _defaultable(kb, e):
            continue  # no role noun ("the radio", "sources"): nothing says it is a country's actor
        if named and _foreign_in_sentence(parsed, e, country, coded):
            # a named person beside another country may well be its own (descriptions have had
            # their sentence's places, nationality and possessor read by newsgraph.actors.descriptions)
            continue
        out[e.id] = replace(
            actor,
            code=country + (sector or ""),
            country=country,
            sector=(sector,) if sector else (),
            confidence=min(actor.confidence or _CONTEXT_CONFIDENCE, _CONTEXT_CONFIDENCE),
            note=f"country from the article: {basis}",
        )
    return out


def _defaultable(kb: Any, e: Entity) -> bool:
    """Whether nothing in the knowledge base claims the entity's names (a person, place or body elsewhere)."""
    # a surname alone ("Scott") calls up everybody of that name: a full name the article gives
    # and the knowledge base does not know ("Keith Lamont Scott") is somebody else
    full = any(m.kind == "name" and len(m.text.split()) > 1 for m in e.mentions)
    for m in e.mentions:
        if m.kind != "name" or (full and len(m.text.split()) == 1):
            continue
        if kb.people_named(m.text) or kb.lookup(m.text, fuzzy=False) is not None:
            return False  # somebody or something the knowledge base knows, perhaps abroad
    return True
