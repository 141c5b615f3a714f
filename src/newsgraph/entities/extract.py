"""The entity stage: ``extract_entities(parsed) -> EntityIndex`` runs the steps in order.

1. names (``names``, list repairs in ``groups``, kinds voted in ``matching``);
2. roles (``roles``) and the groups of lists (``groups``);
3. name matching into clusters (``matching``), then the surnames the tagger missed (``surnames``);
4. coreference (``coref``): descriptions, relative pronouns, then the collective and role
   actors no description took (``collectives``: "the protesters", "a court"), then pronouns;
5. actor phrases and knowledge-base names the tagger missed (``actor_entities``),
   then the entities are numbered E1.. in order of first mention, and the relative
   pronouns still unlinked take the entities these steps made (``coref.late_relatives``).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from newsgraph.document import ParsedDocument
from newsgraph.entities import coref
from newsgraph.entities.actor_entities import add_actor_entities
from newsgraph.entities.collectives import add_collective_clusters
from newsgraph.entities.common import Cluster, display_name
from newsgraph.entities.groups import (
    add_group_clusters,
    complete_lists,
    listed_collectives,
    listed_groups,
    names_after_plural_title,
    share_plural_titles,
    titled_members,
)
from newsgraph.entities.index import EntityIndex
from newsgraph.entities.lexicon import gazetteer, lexicon
from newsgraph.entities.matching import cluster_names, vote_kinds
from newsgraph.entities.names import candidate_pieces, drop_overlaps, extend_first_name
from newsgraph.entities.roles import add_office_roles, assign_roles
from newsgraph.entities.surnames import add_missed_surnames
from newsgraph.records import Entity, Mention

logger = logging.getLogger(__name__)


def extract_entities(parsed: ParsedDocument) -> EntityIndex:
    """Find the entities of an article with all their mentions, roles and members."""
    doc = parsed.doc
    lex = lexicon()
    gaz = gazetteer()
    # 1. names
    kb = _load_kb(parsed)
    pieces = candidate_pieces(doc, lex, gaz, kb)
    pieces = complete_lists(doc, pieces, lex)
    pieces = names_after_plural_title(doc, pieces, lex, gaz)
    vote_kinds(doc, pieces, gaz, lex)
    for p in pieces:
        if p.kind == "person" and p.label not in ("PERSON", "SPLIT"):
            extend_first_name(doc, p, lex, gaz)
    pieces = drop_overlaps(pieces)
    # 2. roles and groups
    assign_roles(doc, pieces, lex)
    groups = listed_groups(doc, pieces, lex)
    share_plural_titles(doc, groups)
    collectives = listed_collectives(doc, pieces, lex)
    # 3. name matching
    clusters, assign = cluster_names(doc, pieces, lex, gaz)
    votes: dict[int, Counter[str]] = {}
    for k, p in enumerate(pieces):
        c = clusters[assign[k]]
        s, e = doc[p.start].idx, doc[p.end - 1].idx + len(doc[p.end - 1].text)
        c.mentions.append(Mention(s, e, parsed.text[s:e], "name"))
        c.roles.extend(p.roles)
        c.role_words |= p.role_words
        c.role_classes |= p.role_classes
        if p.kind == "group" and p.label == "ROLE-PLURAL":
            c.group_classes |= p.role_classes
        if p.gender:
            votes.setdefault(assign[k], Counter())[p.gender] += p.gender_weight
    for ci, count in votes.items():
        # the gender most of its names carry, an honorific counting three times ("Mrs. Clinton"
        # outweighs "Clinton" read as a man's first name); a tie goes to the first mention's
        clusters[ci].gender = count.most_common(1)[0][0]
    piece_cluster = {id(p): assign[k] for k, p in enumerate(pieces)}
    occupied: set[int] = {t.idx for p in pieces for t in doc[p.start : p.end]}
    for c in clusters:
        for rs, _re in c.roles:
            span = doc.char_span(rs, _re, alignment_mode="expand")
            if span is not None:
                occupied.update(t.idx for t in span)
    # surnames the recognizer left untagged once the person was named in full ('..., said Skelly')
    add_missed_surnames(doc, clusters, occupied)
    add_group_clusters(doc, parsed.text, clusters, groups, collectives, piece_cluster, occupied)
    titled_members(doc, clusters)
    add_office_roles(clusters, kb, parsed.published, lex)
    # 4. coreference; collectives left after the descriptions are linked can take pronouns
    n_desc = coref.link_owned_organisations(doc, clusters, occupied)
    n_desc += coref.link_descriptions(doc, clusters, occupied)
    n_desc += coref.link_plural_speakers(doc, clusters, occupied, kb)
    n_desc += coref.link_relatives(doc, clusters, occupied)
    # descriptions of a named entity ("the billionaire", "the agency") before the collectives
    # could claim them as actors of their own; linked again below once pronouns add focus
    n_desc += coref.link_in_focus(doc, clusters, occupied, kb)
    n_desc += coref.link_documents(doc, clusters, occupied)
    n_coll = add_collective_clusters(doc, parsed.text, kb, clusters, occupied)
    quoted = coref.quoted_regions(parsed.text, parsed.paragraphs)
    n_pron = coref.link_pronouns(doc, clusters, occupied, quoted)
    # descriptions of the entity in focus ("the billionaire", "the company") and documents'
    # authors, then the relatives and pronouns they let us link
    n_late = coref.link_in_focus(doc, clusters, occupied, kb)
    if n_late:
        n_late += coref.link_relatives(doc, clusters, occupied)
    n_late += coref.link_documents(doc, clusters, occupied)
    if n_late:
        n_pron += coref.link_pronouns(doc, clusters, occupied, quoted)
    n_desc += n_late
    logger.debug(
        "entities: %d names, %d collectives, %d descriptions, %d pronouns linked",
        len(pieces), n_coll, n_desc, n_pron,
    )  # fmt: skip
    # 5. actor phrases and missed names, numbering
    # relatives whose antecedent only these steps made an entity ("the Mexican president, who ...")
    entities = coref.link_late_relatives(doc, add_actor_entities(parsed, _finish(parsed.text, clusters)))
    return EntityIndex.build(entities)


def _load_kb(parsed: ParsedDocument) -> Any:
    try:
        from newsgraph.kb import load_kb

        return load_kb(parsed.settings.kb_dir)
    except Exception as exc:  # the knowledge base is optional for entity detection
        logger.debug("knowledge base unavailable (%s)", exc)
        return None


def _finish(text: str, clusters: list[Cluster]) -> list[Entity]:
    """Order entities by first mention, number them E1.., and turn clusters into records."""
    live = [(c.first, ci) for ci, c in enumerate(clusters) if c.mentions]
    live.sort()
    ids = {ci: f"E{n}" for n, (_, ci) in enumerate(live, 1)}
    out = []
    for _, ci in live:
        c = clusters[ci]
        mentions = tuple(sorted(set(c.mentions), key=lambda m: (m.start, m.end)))
        roles = tuple(sorted({text_span(text, s, e) for s, e in c.roles}, key=lambda r: (r.start, r.end)))
        names = [m for m in mentions if m.kind == "name"]
        name = c.name
        if names and c.kind in ("person", "organization", "place"):
            # the longest name is the most complete ("Emil Varga", "OSCE Minsk Group")
            name = display_name(max(names, key=lambda m: (len(m.text.split()), len(m.text))).text)
        out.append(
            Entity(
                id=ids[ci],
                name=name,
                kind=c.kind,  # type: ignore[arg-type]
                mentions=mentions,
                roles=roles,
                members=tuple(ids[m] for m in c.members if m in ids),
            )
        )
    return out


def text_span(text: str, start: int, end: int) -> Any:
    from newsgraph.records import Span

    return Span.of(text, start, end)
