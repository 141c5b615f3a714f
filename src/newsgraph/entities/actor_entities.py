"""Step 5 of the entity stage: the actors the names leave out.

``add_actor_entities`` runs after coreference, on the finished entities:

* knowledge-base names the tagger missed (``"Baku accused ..."``) join the entity of
  the same name or become new ones (``_missed_names``);
* proper-noun subjects the tagger gave no label ("Sisi met ...", and objects of
  with/against/to/on) become name entities (``_untagged_subjects``);
* actor phrases (``actor_phrases``) and collective or role actors (``collectives``:
  "protesters", "thousands of people", "the police") no mention covers become group,
  organisation or person entities with a nominal mention (``_phrase_entities``);
* the entities are numbered E1.. in order of first mention.

These used to be added by the actor stage, after quote attribution, so a quote could
not resolve its speaker to them ("The Moldovan foreign ministry said ..."); they are
entities, so they are made here.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from newsgraph.document import ParsedDocument, tokens_of
from newsgraph.entities.actor_phrases import ActorPhrase, actor_phrases
from newsgraph.entities.collectives import collective_phrases
from newsgraph.records import Entity, Mention

logger = logging.getLogger(__name__)


_MISSED_KINDS = {
    "country": "place", "disputed": "place", "capital": "place", "territory": "place",
    "seat": "organization", "igo": "organization", "body": "organization",
}  # fmt: skip


def _phrase_entities(parsed: ParsedDocument, kb: Any, entities: list[Entity]) -> list[Entity]:
    """Group/organisation entities (nominal mentions) for actor phrases no mention covers."""
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    out: list[Entity] = []
    by_key: dict[str, int] = {}

    def free(a: int, b: int, *, allow_inside: bool) -> bool:
        return not any(s < b and a < e and not (allow_inside and a <= s and e <= b) for s, e in taken)

    # the phrases with a nationality or place first; bare role nouns where none of them is
    for ph in [*actor_phrases(parsed.doc, kb), *collective_phrases(parsed.doc, kb)]:
        if ph.rest_start >= 0:
            # coref made one group of "Hungarian and Romanian officials"; PLOVER codes each
            # nationality, so that mention keeps only "Romanian officials"
            entities = _cut_list_mention(parsed.text, entities, ph)
            taken = [(m.start, m.end) for e in [*entities, *out] for m in e.mentions]
        if ph.place is not None:
            # the role noun must be free; the place after it may be a name inside the phrase
            if not (
                free(ph.start, ph.head_end, allow_inside=False) and free(ph.start, ph.end, allow_inside=True)
            ):
                continue
        elif not free(ph.start, ph.end, allow_inside=ph.name_inside):
            continue
        text = parsed.text[ph.start : ph.end]
        mention = Mention(ph.start, ph.end, text, "nominal")
        key = text.casefold()
        if key in by_key:
            e = out[by_key[key]]
            out[by_key[key]] = replace(e, mentions=(*e.mentions, mention))
        else:
            kind = ph.kind or ("group" if ph.plural or ph.sector in ("CVL", "REF") else "organization")
            by_key[key] = len(out)
            out.append(Entity(id=f"P{len(out)}", name=text, kind=kind, mentions=(mention,)))  # type: ignore[arg-type]
        taken.append((ph.start, ph.end))
    return [*entities, *out]


def _cut_list_mention(text: str, entities: list[Entity], ph: ActorPhrase) -> list[Entity]:
    """Cut nominal mentions spanning a coordinated demonym and its noun back to the last conjunct."""
    out = []
    for e in entities:
        mentions = []
        for m in e.mentions:
            if m.kind == "nominal" and m.start <= ph.start < ph.rest_start < m.end == ph.head_end:
                old = m.text
                m = Mention(ph.rest_start, m.end, text[ph.rest_start : m.end], "nominal")
                if e.name in old:
                    e = replace(e, name=m.text)
            mentions.append(m)
        out.append(replace(e, mentions=tuple(mentions)))
    return out


def _missed_names(parsed: ParsedDocument, kb: Any, entities: list[Entity]) -> list[Entity]:
    """Knowledge-base names spaCy did not tag ("Baku accused ...", a sentence-initial capital).

    Only proper nouns that are exactly a country, disputed entity, capital, seat of
    government, IGO or national body, and that no mention covers. A name the article
    also mentions elsewhere joins that entity; otherwise it becomes a new one.
    """
    from newsgraph.kb import normalize

    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    by_name: dict[str, int] = {}
    out = list(entities)
    for i, e in enumerate(out):
        for m in e.mentions:
            if m.kind == "name":
                by_name.setdefault(normalize(m.text), i)
    # the span must be proper nouns (checked below), so only capitalised words can start one
    for start, end, match in kb.find(parsed.text, capitalised=True):
        if match.kind not in _MISSED_KINDS or any(a < end and start < b for a, b in taken):
            continue
        span = parsed.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != end:
            continue
        if not (_name_like(span) or _country_word(span, match.kind)):
            continue
        if span.text.isupper() and _mostly_capitals(span.sent):
            continue  # "THIS IS A HEADLINE": capitals say nothing there ("IS" is not Islamic State)
        mention = Mention(start, end, parsed.text[start:end], "name")
        taken.append((start, end))
        key = normalize(mention.text)
        if key in by_name:
            i = by_name[key]
            out[i] = replace(
                out[i], mentions=tuple(sorted((*out[i].mentions, mention), key=lambda m: m.start))
            )
        else:
            by_name[key] = len(out)
            kind = _MISSED_KINDS[match.kind]
            out.append(Entity(id=f"K{len(out)}", name=mention.text, kind=kind, mentions=(mention,)))  # type: ignore[arg-type]
    return out


# the clause roles an untagged proper noun is read as a name in
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


def _untagged_subjects(parsed: ParsedDocument, entities: list[Entity]) -> list[Entity]:
    """Proper-noun subjects the tagger gave no label at all ("Sisi had held a meeting", "The
    Madras High Court quashed ...", "Trump and Putin agreed", an acronym read as a common
    noun: "ICE returned ..."), and title-cased ones an act is aimed at through a
    with/against/to/on phrase ("held talks with Zuwayri"): a name entity each, so the
    events they do and undergo have actors. Only a head noun with its proper-noun compounds, in a
    sentence not written in capitals, that no mention overlaps."""
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    out = list(entities)
    for tok in tokens_of(parsed.doc):
        acronym = tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 6
        if (tok.pos_ != "PROPN" and not acronym) or tok.ent_type_ or not (tok.is_title or acronym):
            continue
        dep = tok.dep_
        role_tok = tok.head if dep == "conj" else tok
        if role_tok.dep_ not in _SUBJECT_DEPS and (acronym or not _aimed_at(role_tok)):
            continue  # (as an object, only a title-cased name: "PSA" may be a law's acronym)
        words = [tok]
        for c in reversed(list(tok.lefts)):
            if c.dep_ != "compound" or c.pos_ != "PROPN" or c.ent_type_ or c.i != words[0].i - 1:
                break
            words.insert(0, c)
        start, end = words[0].idx, tok.idx + len(tok)
        before = tok.doc[words[0].i - 1] if words[0].i > tok.sent.start else None
        if before is not None and (before.pos_ == "PROPN" or before.ent_type_ or before.text in "/-"):
            continue  # a piece of a longer name ("Theresa May" tagged as "Theresa", "SLM/A")
        if len(words) == 1 and (len(tok) < 3 or tok.is_stop or any(c.dep_ == "det" for c in tok.children)):
            continue  # "the Government": a capitalised common noun, not a person's name
        if any(a < end and start < b for a, b in taken) or _mostly_capitals(tok.sent):
            continue
        described = [
            x for c in tok.children if c.dep_ not in ("conj", "cc", "compound") for x in c.subtree
        ]
        if any(a < x.idx + len(x) and x.idx < b for x in described for a, b in taken):
            continue  # "Head of X's community Tural Ganjaliyev": a title before a tagged name
        text = parsed.text[start:end]
        taken.append((start, end))
        kind = "person" if len(words) == 1 and not acronym else "organization"
        out.append(Entity(id=f"U{len(out)}", name=text, kind=kind, mentions=(Mention(start, end, text, "name"),)))  # type: ignore[arg-type]
    return out


# prepositions whose object is the one an act is aimed at ("talks with X", "a suit against X")
_TARGET_PREPS = frozenset(("with", "against", "to", "on"))


def _aimed_at(tok: Any) -> bool:
    """The object of a with/against/to/on phrase ("held talks with Dbeibeh", "speaking to Xi")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _TARGET_PREPS


def _name_like(span: Any) -> bool:
    """Whether a knowledge-base match is written as a name: proper nouns (or capitals) only;
    for a name of several words, also title-cased words the tagger read as common ones
    ("Action Against Hunger") and a common head noun after two proper nouns ("the Islamic
    State group")."""
    toks = [t for t in span if t.is_alpha]
    if all(t.pos_ == "PROPN" or t.is_upper for t in toks):
        return True
    if len(toks) < 2 or not any(t.pos_ == "PROPN" for t in toks):
        return False
    if all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in toks):
        return True
    head, rest = toks[-1], toks[:-1]
    return head.is_lower and head.pos_ == "NOUN" and len(rest) >= 2 and all(t.pos_ == "PROPN" for t in rest)


# knowledge-base kinds a capitalised word inside a sentence names whatever its tag
_PLACE_KINDS = frozenset(("country", "disputed", "territory"))


def _country_word(span: Any, kind: str) -> bool:
    """A country written as one capitalised word that the tagger read as a common noun
    ("established ties with Seychelles"): inside the sentence, a capital says it is a name."""
    return (
        kind in _PLACE_KINDS
        and len(span) == 1
        and span[0].pos_ == "NOUN"
        and span[0].is_title
        and span[0].i != span[0].sent.start
    )


def _mostly_capitals(sent: Any) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and sum(t.is_upper for t in words) * 2 > len(words)


def _renumber(entities: list[Entity]) -> list[Entity]:
    """Ids E1.. in order of first mention, members remapped."""
    order = sorted(entities, key=lambda e: min((m.start for m in e.mentions), default=0))
    ids = {e.id: f"E{n}" for n, e in enumerate(order, 1)}
    return [replace(e, id=ids[e.id], members=tuple(ids[m] for m in e.members if m in ids)) for e in order]


def add_actor_entities(parsed: ParsedDocument, entities: list[Entity]) -> list[Entity]:
    try:
        from newsgraph.kb import load_kb

        kb = load_kb(parsed.settings.kb_dir)
    except Exception as exc:  # the knowledge base is optional for entity detection
        logger.debug("knowledge base unavailable (%s): no actor phrases", exc)
        return entities
    entities = _missed_names(parsed, kb, entities)
    entities = _untagged_subjects(parsed, entities)
    entities = _phrase_entities(parsed, kb, entities)
    return _renumber(entities)
