"""Actor coding: a CAMEO/PLOVER code (country, sector, IGO) for every entity.

``code_actors(parsed, entities)`` returns the entities with ``actor`` filled.
The evidence, in order of trust:

1. The entity's own name in the knowledge base (``kb.lookup``): a country, a
   disputed entity ("Nagorno-Karabakh" -> XNK, note "claimed by AZE"), an IGO
   ("EU" -> IGOEUR), a national body ("Congressional Armenian Caucus" ->
   USALEG), a capital or seat of government, or a demonym. Misspellings match
   fuzzily above ``settings.min_actor_confidence``; below it the code is null.
2. For people, the roles the article gives them (``entity.roles`` and the
   title or apposition around each name): a demonym or country in the role
   gives the country ("Chair of Abkhazia's Georgian Community" ->
   GEO, because the demonym beats the place it modifies), the role noun the
   sector (``sectors.tsv``: "Representatives" -> LEG, "community" -> CVL).
   Without a role in the text, the knowledge base's people file, using the
   role held on the publication date.
   A person the article does not name ("An Argentine judge") is coded from
   that description.
3. The noun a name modifies ("Azerbaijani parliament" -> LEG, "Hungarian
   officials" -> GOV) gives the sector when every mention agrees, unless that
   phrase is an entity of its own: then it carries the sector and the country
   name is the country alone ("US" in "four US senators" -> USA, the group
   USALEG); a plural demonym ("Armenians") is civilians (CVL). Actor phrases
   ("the Sudanese government", "refugees from Liberia") are entities made by
   the entity stage (``entities.actor_phrases``); a "<noun> from <place>"
   phrase takes the place's country.
4. Metonymy, as in the PLOVER gold-standard conventions: a seat of government
   ("the Kremlin") is the government; a capital is the government when it is
   a subject or object ("Baku said", "warned Washington"), otherwise the
   country's civilians (CVL).

Members of a group entity without their own code take the group's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span as SpacySpan

from newsgraph.actors.candidacy import candidacy_codes, same_person_codes
from newsgraph.actors.context import (
    ROLE_CONFIDENCE,
    first_names,
    lookup_place,
    modifier_sector,
    name_mentions,
    name_sector,
    owner_country,
    settle_ambiguous_places,
    world_region,
)
from newsgraph.actors.defaults import NOT_FIRST_NAMES, article_defaults, candidate_role, role_on
from newsgraph.actors.descriptions import context_countries
from newsgraph.actors.phrases import code_phrase, contained_code, head_word, is_plural_people
from newsgraph.actors.syntax import context_roles, context_sector, governor, is_agent, span_of, spans_of
from newsgraph.document import ParsedDocument
from newsgraph.entities import actor_phrases
from newsgraph.entities.lexicon import lexicon
from newsgraph.kb import KnowledgeBase, Match, Person, load_kb, normalize
from newsgraph.records import Actor, Entity, Mention

logger = logging.getLogger(__name__)

# confidences for codes that come from roles and the people file rather than from a name match
_ROLE_CONFIDENCE = ROLE_CONFIDENCE
_PEOPLE_CONFIDENCE = 0.8


def code_actors(parsed: ParsedDocument, entities: Sequence[Entity]) -> list[Entity]:
    """Return ``entities`` with ``actor`` filled (an ``Actor`` with a null code when unknown).

    A pure coding step: the entities (including actor phrases such as "the Sudanese
    government" and knowledge-base names the tagger missed) come from the entity
    stage, which runs before quote attribution so that quotes can resolve to them.
    """
    kb = load_kb(parsed.settings.kb_dir)
    min_conf = parsed.settings.min_actor_confidence
    actors: dict[str, Actor] = {}
    # "missionary from Calgary": the place's country, the noun's sector
    placed = {(ph.start, ph.end): ph for ph in actor_phrases(parsed.doc, kb) if ph.place is not None}
    covers = _actor_mentions(entities)
    # each person's titles and descriptions, read once: the person's code and the candidacy rules use them
    roles = {e.id: _role_texts(parsed, e) for e in entities if e.kind == "person"}
    # the given names the article writes before each surname ("Alicia" of "Alicia Machado")
    firsts = _article_firsts(kb, entities)
    for entity in entities:
        ph = next((placed[(m.start, m.end)] for m in entity.mentions if (m.start, m.end) in placed), None)
        if ph is not None and entity.kind in ("group", "organization"):
            actors[entity.id] = _actor(ph.place, ph.sector, confidence=_ROLE_CONFIDENCE)
            continue
        try:
            actors[entity.id] = _code_entity(parsed, kb, entity, min_conf, covers, roles.get(entity.id), firsts)
        except Exception:  # pragma: no cover - one odd entity must not sink the article
            logger.exception("actor coding failed for entity %s (%r)", entity.id, entity.name)
            actors[entity.id] = Actor()
    settle_ambiguous_places(kb, entities, actors, min_conf)
    # actors written as descriptions ("protesters", "a court"): the basis of their country,
    # or the country of the place they act in (newsgraph.entities.actor_context)
    actors = context_countries(parsed, kb, entities, actors)
    # candidates and their campaigns are party actors, person by person (newsgraph.actors.candidacy)
    actors = candidacy_codes(
        parsed.doc, parsed.published, entities, actors, roles, lambda e: _known_person(kb, e, parsed.published, firsts),
        kb.find_sectors,
    )
    # people, groups and role nouns still without a country: the article's (newsgraph.actors.defaults)
    actors = article_defaults(parsed, kb, entities, actors)
    # a surname left uncoded: the code of the fuller name it shortens
    actors = same_person_codes(entities, actors)
    # members of a coded group take the group's code when they have none of their own
    for entity in entities:
        group = actors.get(entity.id)
        if not entity.members or group is None or group.code is None:
            continue
        for member in entity.members:
            own = actors.get(member)
            if own is not None and own.country is None and own.igo is None:
                actors[member] = replace(group, note="from group " + entity.id)
    return [replace(e, actor=actors.get(e.id, Actor())) for e in entities]


def _actor_mentions(entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """Mentions of groups and organisations, which may hold a country name as a modifier."""
    return sorted(
        (m.start, m.end, e.id)
        for e in entities
        if e.kind in ("group", "organization")
        for m in e.mentions
        if m.kind != "pronoun"
    )


# ---------------------------------------------------------------------- entities


def _code_entity(
    parsed: ParsedDocument,
    kb: KnowledgeBase,
    entity: Entity,
    min_conf: float,
    covers: Sequence[tuple[int, int, str]] = (),
    roles: list[str] | None = None,
    firsts: dict[str, set[str]] | None = None,
) -> Actor:
    """``roles``: the person's ``_role_texts`` when the caller has them already; ``firsts``: the
    article's given names by surname (``_article_firsts``)."""
    names = name_mentions(entity)
    if entity.kind in ("person", "group"):
        people = _demonym_people(kb, entity.name)
        if people is not None:
            return people
    if entity.kind == "person":
        return _code_person(parsed, kb, entity, names, min_conf, roles, firsts)
    if entity.kind in ("place", "organization", "group"):
        region = world_region(kb, entity, names)
        if region is not None:
            # "Asia", "the Gulf", "Central America": larger than any one country, never coded as one
            shown = entity.name if normalize(entity.name) == normalize(region.name) else f"{entity.name} ({region.name})"
            return Actor(code=region.code or None, confidence=1.0, note=f"region: {shown}")
    match = _lookup_names(kb, entity, names, min_conf)
    if match is not None and match.confidence < 1.0 and entity.kind == "place" and lookup_place(kb, entity, names):
        # a place named exactly ("Indiana", a US state) is not the name it resembles ("Indian")
        match = None
    if match is None:
        # a mention cut short of the name the text writes ("Liberation Tigers" of "the Liberation
        # Tigers of Tamil Eelam"): the knowledge-base name that starts there and runs on
        match = _longer_name(parsed, kb, names)
    if match is None and " " in entity.name.strip() and kb.people_named(entity.name):
        # a person the parser took for an organisation ("Moody Awori")
        return _code_person(parsed, kb, entity, names, min_conf)
    spans = spans_of(parsed, names)
    sector: str | None = None
    if match is None and entity.kind == "place":
        place = lookup_place(kb, entity, names)
        if place is not None:
            if place.confidence < min_conf:
                return Actor(confidence=place.confidence, note=place.note)
            # PLOVER: a city is its country's civilians (capitals are handled below)
            sector = context_sector(kb, spans) or ("CVL" if place.kind == "city" else None)
            return _actor(place, sector, confidence=place.confidence)
    if match is None:
        phrase = contained_code(kb, entity, min_conf)
        if phrase is None or phrase.match is None:
            bare = kb.sector(entity.name) if entity.kind == "organization" else None
            if bare is not None and bare != "NGO":
                # a bare institution ("the Supreme Court", "a Senate subcommittee"): its sector here,
                # its country from the article (newsgraph.actors.defaults, basis in the note)
                return Actor(code=bare, sector=(bare,), confidence=_ROLE_CONFIDENCE)
            if entity.kind == "organization" and kb.sector(head_word(entity.name)) == "NGO":
                # "the Eastern Water Forum", "an Association of Coastal Lawyers": a civil-society body
                # of no country is a non-governmental organisation (CAMEO NGO; +2 dyads on PLOVER dev);
                # the people it gathers give its field as in CAMEO's NGOJUD, NGOHLH ("Lawyers" -> JUD)
                members = [t[2] for t in kb.find_sectors(entity.name) if not t[3] and t[2] != "NGO"]
                return Actor(code="NGO", sector=("NGO", *members[-1:]), confidence=_ROLE_CONFIDENCE)
            return Actor()
        sector = phrase.sector or context_sector(kb, spans)
        return _actor(phrase.match, sector, confidence=phrase.match.confidence * 0.9)
    if match.kind == "body" and match.country is not None:
        # "Rwanda's Senate", "the Senate of Rwanda", "the Rwandan parliament": a country named with
        # the institution decides whose it is; the knowledge base's body (the US Senate) only when
        # the text names no other country
        owner = owner_country(kb, spans, match.country)
        if owner is not None:
            return _actor(owner, match.sector[0] if match.sector else None, confidence=_ROLE_CONFIDENCE)
    if match.kind == "seat":
        sector = "GOV"
    elif match.kind == "capital":
        # PLOVER: a capital as subject or direct object is the government, elsewhere its
        # civilians; a noun it modifies decides first ("the Khartoum government")
        sector = context_sector(kb, spans) or ("GOV" if any(is_agent(s) for s in spans) else "CVL")
    elif match.sector:
        sector = match.sector[0]
        if sector == "PTY" and modifier_sector(kb, spans) == "LEG":
            # "congressional Republicans", "Senate Democrats": a party's legislators (CAMEO LEG)
            sector = "LEG"
    elif match.kind == "igo":
        # "the U.N. Security Council" (GOV), "UN peacekeepers" (MIL): the body's own role noun,
        # else the noun the name modifies
        sector = name_sector(kb, entity.name) or context_sector(kb, spans)
    elif match.kind == "demonym":
        sector = context_sector(kb, spans) or (
            "CVL" if any(is_plural_people(m.text, kb) for m in names) else None
        )
    elif match.kind in ("country", "disputed", "territory"):
        # "US" in "four US senators": when the phrase around the name is an entity of its own
        # (a group, an organisation), that entity is the actor with the sector; the country
        # name itself is just the country
        own = [s for s in spans if not _inside_other(s, entity.id, covers)]
        sector = context_sector(kb, own) if len(own) == len(spans) else None
    return _actor(match, sector, confidence=match.confidence)


def _longer_name(parsed: ParsedDocument, kb: KnowledgeBase, names: Sequence[Mention]) -> Match | None:
    """A knowledge-base name written in the text from a mention's start to beyond its end."""
    for m in names:
        found = kb.name_at_start(parsed.text[m.start : m.start + 160])
        if found is not None and found[0] > m.end - m.start and found[1].kind not in ("demonym", "capital"):
            return found[1]
    return None


def _demonym_people(kb: KnowledgeBase, name: str) -> Actor | None:
    """A "person" named by demonyms alone ("Bosnian Serbs", "Palestinians"): people of the first one's country.

    The first demonym is where they live ("Bosnian Serbs" are Bosnia's), the
    sector civilians; only when the last word is a plural people noun.
    """
    words = name.split()
    if not words or len(words) > 3:
        return None
    matches = [kb.lookup(w, fuzzy=False) for w in words]
    if any(m is None or m.kind != "demonym" for m in matches):
        return None
    first = matches[0]
    assert first is not None
    if not is_plural_people(words[-1], kb):
        return None  # "Hungarian" in "Hungarian and Romanian officials": the noun it modifies decides
    return _actor(first, "CVL", confidence=_ROLE_CONFIDENCE)


def _inside_other(span: SpacySpan, entity_id: str, covers: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a mention of another group/organisation holds ``span`` and the noun it modifies."""
    head = governor(span).head
    lo, hi = min(span.start_char, head.idx), max(span.end_char, head.idx + len(head.text))
    return any(s <= lo and hi <= e and eid != entity_id for s, e, eid in covers if s <= span.start_char)


def _role_texts(parsed: ParsedDocument, entity: Entity) -> list[str]:
    """The person's titles and descriptions: the entity's roles, those around each name, its nominal mentions."""
    roles = [r.text for r in entity.roles]
    for m in name_mentions(entity):
        span = span_of(parsed, m.start, m.end)
        if span is not None:
            roles.extend(context_roles(span))
    # a person the article does not name is described by the mention itself ("An Argentine judge")
    roles.extend(m.text for m in entity.mentions if m.kind == "nominal")
    return roles


def _code_person(
    parsed: ParsedDocument,
    kb: KnowledgeBase,
    entity: Entity,
    names: Sequence[Mention],
    min_conf: float,
    roles: list[str] | None = None,
    firsts: dict[str, set[str]] | None = None,
) -> Actor:
    if roles is None:
        roles = _role_texts(parsed, entity)
    country_match: Match | None = None
    sector: str | None = None
    for role_text in dict.fromkeys(r for r in roles if r.strip()):
        phrase = code_phrase(kb, role_text, min_confidence=max(min_conf, 0.9))
        if country_match is None and phrase.match is not None:
            country_match = phrase.match
        if sector is None and phrase.sector is not None:
            sector = phrase.sector
        if country_match is not None and sector is not None:
            break
    person = _known_person(kb, entity, parsed.published, firsts)
    if country_match is None and sector is None and person is None:
        return Actor()
    if country_match is None and person is not None:
        role = candidate_role(person, parsed.published, parsed.text) or role_on(person, parsed.published)
        org = kb.organization(role.org) if role is not None and role.org else None
        if org is not None and role is not None:
            # an IGO, NGO or armed-group post: the organisation's code ("Kofi Annan" -> IGOUNO)
            return Actor(
                code=org.code,
                country=org.country if org.type == "body" else None,
                sector=(sector or role.sector,),
                igo=None if org.type == "body" else org.id,
                wikidata=person.qid,
                confidence=_PEOPLE_CONFIDENCE,
                note=f"knowledge base: {role.office}",
            )
        country = role.country if role else person.country
        psector = sector or (role.sector if role else None)
        code = (country or "") + (psector or "") or None
        return Actor(
            code=code,
            country=country,
            sector=(psector,) if psector else (),
            wikidata=person.qid,
            confidence=_PEOPLE_CONFIDENCE,
            note=f"knowledge base: {role.office}" if role else "knowledge base: no office held on the day",
        )
    if sector is None and person is not None:
        role = candidate_role(person, parsed.published, parsed.text) or role_on(person, parsed.published)
        sector = role.sector if role else None
    base = (
        _actor(country_match, sector, confidence=_ROLE_CONFIDENCE)
        if country_match
        else Actor(code=sector, sector=(sector,) if sector else (), confidence=_ROLE_CONFIDENCE)
    )
    return replace(base, wikidata=person.qid if person else None)


def _known_person(
    kb: KnowledgeBase, entity: Entity, published: date | None, article_firsts: dict[str, set[str]] | None = None
) -> Person | None:
    candidates: list[Person] = []
    names = list(dict.fromkeys([entity.name, *(m.text for m in entity.mentions if m.kind == "name")]))
    # the first names the article gives the person ("Loretta" of "Loretta E. Lynch", "Mitt" of
    # "Mitt Romney"), not a title or a role word ("President Sharif")
    firsts = {n.split()[0].lower() for n in names if len(n.split()) > 1 and _given_name(kb, n)}
    for name in names:
        found = kb.people_named(name)
        if found and not firsts and article_firsts and len(name.split()) == 1:
            # a surname the person is only called by here ("Machado"): the given names the article
            # writes before that surname elsewhere ("Alicia Machado")
            firsts = article_firsts.get(name.lower(), set())
        if found and firsts and published is not None and len(name.split()) == 1:
            # in a dated article, a surname alone is the knowledge base's person only when the
            # article's given name agrees: its "Loretta E. Lynch" is not a "Noel Anderson Lynch"
            # found by "Lynch" (undated sentences keep the surname match)
            found = [p for p in found if first_names(p) & firsts]
        if found:
            candidates = found
            if " " in name.strip():
                break
    if not candidates:
        # a misspelt name ("Abdelaziz Bouteflicka"): the closest full name, if unambiguous
        close = kb.people_like(entity.name)
        if close and (len(close) == 1 or close[0][1] > close[1][1]):
            return close[0][0]
    if len(candidates) == 1:
        return candidates[0]
    if published is not None:
        # a surname shared by several office holders: the one in office on the day
        on_day = [p for p in candidates if p.roles_on(published)]
        if len(on_day) == 1:
            return on_day[0]
    return None


def _given_name(kb: KnowledgeBase, name: str) -> bool:
    """Whether the first word of a name of two or more words is a given name: one of the name
    list's, or a capitalised word that is no title, role noun or country word ("Mitt")."""
    first = name.split()[0]
    if first in lexicon().first_names:
        return True
    if not first.isalpha() or not first[:1].isupper() or first.isupper() or first in NOT_FIRST_NAMES:
        return False
    if any(t[0] == 0 for t in kb.find_sectors(name)):
        return False  # "Prime Minister Sharif", "Senator Smith"
    return kb.lookup(first, fuzzy=False) is None  # "American", "Texas"


def _article_firsts(kb: KnowledgeBase, entities: Sequence[Entity]) -> dict[str, set[str]]:
    """Lower-cased given names the article writes before each surname, from its people's full names."""
    out: dict[str, set[str]] = {}
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = m.text.split()
            if m.kind == "name" and len(words) > 1 and _given_name(kb, m.text):
                out.setdefault(words[-1].lower(), set()).add(words[0].lower())
    return out


def _actor(match: Match, sector: str | None, *, confidence: float) -> Actor:
    if match.igo is not None:
        code = match.code
        country = None
    else:
        country = match.country
        code = (country or "") + (sector or "") if country else match.code
    note = match.note
    if match.igo is not None and note in ("igo", "alliance", "ngo", "img"):
        note = None
    if match.confidence < 1.0:
        fuzzy = f"fuzzy match for {match.name!r} ({match.confidence:.2f})"
        note = f"{note}; {fuzzy}" if note else fuzzy
    return Actor(
        code=code or None,
        country=country,
        sector=(sector,) if sector else (),
        igo=match.igo,
        wikidata=match.qid,
        confidence=round(min(confidence, match.confidence), 4),
        note=note,
    )


# ---------------------------------------------------------------------- evidence


def _lookup_names(kb: KnowledgeBase, entity: Entity, names: Iterable, min_conf: float) -> Match | None:  # type: ignore[type-arg]
    best: Match | None = None
    for text in dict.fromkeys([entity.name, *(m.text for m in names)]):
        m = kb.lookup(text, min_confidence=min_conf)
        if m is not None and (best is None or m.confidence > best.confidence):
            best = m
            if m.confidence >= 1.0:
                break
    return best


