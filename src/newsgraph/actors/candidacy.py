"""Per-person codes the whole article settles: candidates, campaigns, the same person named twice.

Helpers of the actor stage (``newsgraph.actors.coding``), run over all of an article's
coded entities:

- ``candidacy_codes``: a person is a candidate (PLOVER/CAMEO ``PTY``) when the text says so
  of that person, whatever the article is about: a title or apposition ("Democratic
  nominee X", "X, the party's candidate", "his running mate X"), or, for a person who
  holds no office on the day, a campaign, candidacy, nomination, bid or running mate of
  theirs ("X's campaign", "X and her campaign", "the X campaign"); and, in an article
  about a campaign, a former office holder coordinated with a candidate ("Trump and
  Clinton"). A campaign itself
  ("X's campaign" as an actor) is a party actor of its candidate's country, and so are
  its staff ("a campaign spokeswoman", "the chairman of X's campaign").
- ``same_person_codes``: a bare surname or short name ("Peña Nieto") left uncoded takes
  the code of the fuller name it shortens ("Enrique Peña Nieto", coded from "The Mexican
  president, Enrique Peña Nieto"), when every such fuller name in the article has one code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from newsgraph.actors.defaults import about_campaign, is_candidacy, offices_on
from newsgraph.kb import Person
from newsgraph.records import Actor, Entity, Mention

PARTY_SECTOR = "PTY"
#: A title or apposition that makes its person a candidate ("Republican nominee", "running mate").
_CANDIDATE_ROLE = re.compile(r"\b(?:nominees?|candidates?|running mates?|standard[- ]bearer)\b", re.IGNORECASE)
#: A post in a campaign ("the chairman of her presidential campaign", "a campaign spokeswoman"):
#: campaign staff are party actors too.
_CAMPAIGN_ROLE = re.compile(r"\bcampaign\b", re.IGNORECASE)
#: ... unless the candidacy is over ("former candidate", "a one-time nominee").
_PAST_ROLE = re.compile(r"\b(?:former|ex|one-time|onetime|erstwhile|defeated|failed|past|previous|then)\b", re.IGNORECASE)
#: Nouns a candidate's name or pronoun is the possessor of ("her campaign", "the Smith campaign").
_CANDIDACY_HEADS = frozenset({"campaign", "candidacy", "nomination", "bid"})
_OWNER_DEPS = frozenset({"poss", "compound"})
#: Posts on a politician's staff the sector table gives no sector ("aide", "adviser").
_STAFF_POST = re.compile(r"\b(?:aides?|advis[eo]rs?|staffers?|strategists?)\b", re.IGNORECASE)
#: Sectors of a post on a politician's staff ("communications director", "spokesman").
_STAFF_SECTORS = frozenset({"GOV", PARTY_SECTOR})
#: A title opening with a name, then the post ("Clinton communications director", "a Trump adviser").
_STAFF_TITLE = re.compile(r"(?:(?:[Tt]he|[Aa]n?)\s+)?([A-Z][\w'’-]+?)(?:'s|’s)?\s+(\w.*)")
_CONFIDENCE = 0.8


def candidacy_codes(
    doc: Doc,
    published: date | None,
    entities: Sequence[Entity],
    actors: dict[str, Actor],
    roles: dict[str, list[str]],
    known: Callable[[Entity], Person | None],
    sectors: Callable[[str], list[tuple[int, int, str, bool]]] | None = None,
) -> dict[str, Actor]:
    """``actors`` with candidates coded ``PTY`` and campaigns as their candidate's party actors.

    ``roles`` holds each person's titles and appositions; ``known`` finds the knowledge
    base's person for an entity (whose offices on ``published`` keep an office holder's
    code unless a title calls them a candidate); ``sectors`` finds a title's sector terms
    (``KnowledgeBase.find_sectors``), for the candidates' staff.
    """
    if published is None:
        return actors
    campaign = about_campaign(doc.text)  # ``Doc.text`` joins every token: once per article
    out = dict(actors)
    shared = _shared_surnames(entities)
    for e in entities:
        actor = out.get(e.id)
        if e.kind != "person" or actor is None or actor.igo is not None:
            continue
        if _is_party(actor):
            continue
        basis = _candidate_title(roles.get(e.id, ()))
        person = known(e) if basis is None else None
        if person is not None:
            running = [r for r in person.roles_on(published) if is_candidacy(r)]
            if running and campaign:
                # the knowledge base's candidacy on the day beats a title of an office ("former Secretary")
                basis = f"candidate (knowledge base: {running[-1].office})"
            elif offices_on(person, published):
                continue  # an office holder running again is coded by the office
        if basis is None and _owns_candidacy(doc, e, shared):
            basis = "candidate (the text speaks of the person's campaign)"
        if basis is None:
            continue
        out[e.id] = _as_party(actor, basis)
    if campaign:
        out = _named_with_candidates(doc, published, entities, out, known)
    if sectors is not None:
        out = _candidate_staff(entities, out, roles, sectors)
    return _campaigns(doc, entities, out)


def _candidate_staff(
    entities: Sequence[Entity],
    actors: dict[str, Actor],
    roles: dict[str, list[str]],
    sectors: Callable[[str], list[tuple[int, int, str, bool]]],
) -> dict[str, Actor]:
    """A post named after a candidate ("Clinton communications director X", "a Trump adviser")
    is on the candidate's staff: a party actor of the candidate's country, whatever post the
    person held before (CAMEO codes a campaign's staff PTY). Not a person any of whose titles is
    past ("former Clinton aide", "a former aide to Clinton"), not a title without a staff post ("Clinton's husband", "Trump critic", "Clinton's lawyer")."""
    staff_of: dict[str, Actor] = {}
    for e in entities:
        actor = actors.get(e.id)
        if e.kind == "person" and actor is not None and _is_party(actor) and "candidate" in (actor.note or ""):
            last = e.name.split()[-1:]
            if last:
                staff_of.setdefault(last[0], actor)
    if not staff_of:
        return actors
    out = dict(actors)
    for e in entities:
        actor = out.get(e.id)
        if e.kind != "person" or actor is None or actor.igo is not None or _is_party(actor):
            continue
        titles = roles.get(e.id, ())
        if any(_PAST_ROLE.search(t) for t in titles):
            continue  # "Clinton tech aide X" whom the article also calls "a former technology aide to Clinton"
        for text in titles:
            m = _STAFF_TITLE.match(text.strip())
            if m is None or m.group(1) not in staff_of or e.name.split()[-1:] == [m.group(1)]:
                continue
            post = m.group(2)
            if not (_STAFF_POST.search(post) or any(t[2] in _STAFF_SECTORS for t in sectors(post))):
                continue
            boss = staff_of[m.group(1)]
            out[e.id] = replace(
                _as_party(actor, f"a candidate's staff (title: {text.strip()})"),
                code=(boss.country or "") + PARTY_SECTOR,
                country=boss.country,
            )
            break
    return out


def _named_with_candidates(
    doc: Doc,
    published: date,
    entities: Sequence[Entity],
    actors: dict[str, Actor],
    known: Callable[[Entity], Person | None],
) -> dict[str, Actor]:
    """In an article about a campaign, a former office holder named together with a candidate
    ("Trump and Clinton", "Clinton and Trump") is the other candidate, a party actor too."""
    root_of: dict[int, str] = {}
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            if m.kind == "name":
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    root_of[span.root.i] = e.id
    names = {e.id: e.name for e in entities}
    candidates = {
        i: pid for i, pid in root_of.items() if "candidate" in (actors[pid].note or "") and _is_party(actors[pid])
    }
    out = dict(actors)
    by_id = {e.id: e for e in entities}
    for i, pid in candidates.items():
        for j in _coordinated(doc[i]):
            other = root_of.get(j)
            if other is None or other == pid or other in candidates.values():
                continue
            if names[other].split()[-1:] == names[pid].split()[-1:]:
                continue  # "Bill and Hillary Clinton": a candidate's family is not a candidate
            actor = out[other]
            if actor.country is None or actor.igo is not None or _is_party(actor):
                continue
            person = known(by_id[other])
            if person is None or offices_on(person, published):
                continue  # a private person, or an office holder: not a candidate by company
            out[other] = _as_party(
                actor, f"candidate (named with the candidate {names[pid]!r} in an article about a campaign)"
            )
    return out


def _as_party(actor: Actor, note: str) -> Actor:
    """``actor`` as a party actor (PTY) of its country, with the basis in ``note``."""
    return replace(
        actor,
        code=(actor.country or "") + PARTY_SECTOR,
        sector=(PARTY_SECTOR,),
        confidence=min(actor.confidence or _CONFIDENCE, _CONFIDENCE),
        note=note,
    )


def _is_party(actor: Actor) -> bool:
    return bool(actor.sector) and actor.sector[0] == PARTY_SECTOR


def _coordinated(tok: Token) -> list[int]:
    """Indices of the tokens coordinated with ``tok`` ("Trump and Clinton": each the other)."""
    out = [c.i for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        out.append(tok.head.i)
        out.extend(c.i for c in tok.head.children if c.dep_ == "conj" and c.i != tok.i)
    return out


def _candidate_title(roles: Sequence[str]) -> str | None:
    for text in roles:
        if _PAST_ROLE.search(text):
            continue
        if _CANDIDATE_ROLE.search(text):
            return f"candidate (title: {text.strip()})"
        if _CAMPAIGN_ROLE.search(text):
            return f"campaign staff (title: {text.strip()})"
    return None


def _shared_surnames(entities: Sequence[Entity]) -> set[str]:
    """Last words of names that two or more people of the article share ("Bill" and "Hillary Clinton")."""
    seen: dict[str, str] = {}
    shared: set[str] = set()
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            if m.kind != "name" or len(m.text.split()) < 2:
                continue
            last = m.text.split()[-1].lower()
            if seen.setdefault(last, e.id) != e.id:
                shared.add(last)
    return shared


def _owns_candidacy(doc: Doc, e: Entity, shared: set[str]) -> bool:
    """Whether a mention of ``e`` is the possessor of a campaign, candidacy, nomination or bid."""
    for m in e.mentions:
        if m.kind == "name" and len(m.text.split()) == 1 and m.text.lower() in shared:
            continue  # "the Clinton campaign" beside two Clintons: whose is open
        if m.kind == "nominal":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ in _OWNER_DEPS and not (span.start <= tok.head.i < span.end):
            head = tok.head
            if head.lemma_.lower() in _CANDIDACY_HEADS:
                return True
            if head.lemma_.lower() == "mate" and any(c.lower_ == "running" for c in head.children):
                return True
    return False


def _campaigns(doc: Doc, entities: Sequence[Entity], actors: dict[str, Actor]) -> dict[str, Actor]:
    """A campaign named by its candidate ("Smith's campaign", "the Smith campaign") is a party actor
    of the candidate's country; an uncoded one stays without a country. A sector the campaign's
    words give alone ("presidential" of "Smith's presidential campaign": GOV), with or without a
    country guessed from the article's places, yields to the party."""
    owners: list[tuple[int, int, str]] = sorted(
        (m.start, m.end, e.id) for e in entities if e.kind == "person" for m in e.mentions if m.kind == "name"
    )
    out = dict(actors)
    for e in entities:
        actor = out.get(e.id)
        if e.kind not in ("organization", "group") or actor is None or not _weak_code(actor):
            continue
        owner = _campaign_owner(doc, e.mentions, owners)
        if owner is None:
            continue
        person = out.get(owner)
        country = person.country if person is not None else None
        out[e.id] = replace(
            actor,
            code=(country or "") + PARTY_SECTOR,
            country=country,
            sector=(PARTY_SECTOR,),
            confidence=_CONFIDENCE,
            note="a candidate's campaign",
        )
    return out


def _campaign_owner(doc: Doc, mentions: Sequence[Mention], owners: list[tuple[int, int, str]]) -> str | None:
    """The person whose campaign the mentions name, when one mention is "<person>('s) campaign"."""
    for m in mentions:
        if m.kind == "pronoun":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() != "campaign":
            continue
        for c in span.root.children:
            if c.dep_ not in _OWNER_DEPS or c.i >= span.root.i:
                continue
            lo, hi = c.left_edge.idx, c.idx + len(c.text)
            for s, end, pid in owners:
                if s <= c.idx < end or (lo <= s and end <= hi):
                    return pid
    return None


def same_person_codes(entities: Sequence[Entity], actors: dict[str, Actor]) -> dict[str, Actor]:
    """Uncoded people named by a shorter form of a coded person's name take that person's code.

    A shorter name coded by its sector alone ("Cruz" of "Senator Cruz": LEG, no country) takes the
    code of the fuller name of that sector ("Ted Cruz", USALEG), not that of a relative of the
    same surname ("Heidi Cruz", USACVL).
    """
    full: list[tuple[tuple[str, ...], str]] = []
    for e in entities:
        a = actors.get(e.id)
        if e.kind != "person" or a is None or a.code is None:
            continue
        for m in e.mentions:
            words = tuple(m.text.lower().split())
            if m.kind == "name" and len(words) >= 2:
                full.append((words, e.id))
    if not full:
        return actors
    out = dict(actors)
    for e in entities:
        a = actors.get(e.id)
        if e.kind != "person" or a is None or not _sector_only(a) and a.code is not None:
            continue
        names = {tuple(m.text.lower().split()) for m in e.mentions if m.kind == "name"}
        if not names:
            continue
        owners = {
            pid for words, pid in full for n in names if len(n) < len(words) and words[-len(n) :] == n and pid != e.id
        }
        if a.code is not None:
            owners = {pid for pid in owners if actors[pid].sector[:1] == a.sector[:1] and actors[pid].country}
        if not owners:
            continue
        codes = {actors[pid].code for pid in owners}
        if len(codes) != 1:
            continue  # "Scott" beside two coded Scotts of different codes: whose it is stays open
        pid = min(owners)
        source = actors[pid]
        named = next(e2.name for e2 in entities if e2.id == pid)
        out[e.id] = replace(
            source,
            confidence=min(source.confidence or _CONFIDENCE, _CONFIDENCE),
            note=f"same person as {named!r}" + (f" ({source.note})" if source.note else ""),
        )
    return out


def _sector_only(actor: Actor) -> bool:
    """A code that is a sector alone: no country, no IGO ("LEG" of a senator named by surname)."""
    return actor.code is not None and not actor.country and actor.igo is None and actor.code in actor.sector


def _weak_code(actor: Actor) -> bool:
    """No code, a sector alone, or a code whose country is a guess from the article ("country from ...")."""
    return actor.code is None or _sector_only(actor) or (actor.note or "").startswith("country from")
