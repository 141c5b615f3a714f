"""Speakers: a speaker token made a ``Speaker``, its mention span and entity (``_speaker_of``).

The mention is the compact noun phrase the token heads (no apposition or clause, never
across a comma, quotation mark or line break), resolved through the entity index. A relative
"who" is the mention and resolves through its antecedent; a title phrase ("Chair of X's
Union Ilona Vasilescu") resolves to the person named in it; a possessed phrase ("her
spokesman") is not its owner, a name in apposition ("Her deputy, Tom Reed, said") is the
speaker, and a place inside the phrase ("Benin police said", "sources in neighbouring
Pakistan said") is not: the head of the phrase is.

Used by ``indirect.py``, ``direct.py`` and ``uncued.py`` on the token ``subjects.py`` chose.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsgraph.quotes.context import _Ctx
from newsgraph.records import Entity, Span, Speaker


def _speaker_of(ctx: _Ctx, head: Token | None, verb: Token | None = None) -> Speaker:
    if head is None:
        return Speaker()
    text = ctx.text
    if head.tag_ in ("WP", "WDT") or head.lower_ in ("who", "which", "that"):
        # "..., who said ...": the mention is the relative pronoun, the speaker its antecedent
        mention = Span.of(text, head.idx, head.idx + len(head.text))
        clause = verb if verb is not None else head.head
        while clause is not None and clause.dep_ != "relcl" and clause.head.i != clause.i:
            clause = clause.head if clause.dep_ in ("conj", "xcomp", "advcl") else None  # type: ignore[assignment]
        entity = None
        if clause is not None and clause.dep_ == "relcl":
            ante = clause.head
            a, b = _name_span(ante)
            entity = ctx.index.resolve(a, b) or ctx.index.resolve(*_compact(ante))
        return Speaker(mention, entity.id if entity else None, entity.name if entity else None)
    start, end = _compact(head)
    a, b = _name_span(head)
    # the owner a phrase is said of is not its referent: "her spokesman", "Pike's lawyer"
    # speak for themselves (their mentions of "her", "Pike" are left out of the lookup)
    owners = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in head.children if c.dep_ == "poss"]
    cut = max((e for _, e in owners), default=-1)
    entity = ctx.index.resolve(max(a, cut), b) if max(a, cut) < b else None
    if entity is None and max(start, cut) < end:
        entity = ctx.index.resolve(max(start, cut), end)
    modifier = entity is not None and not _heads(entity, head)
    if modifier:
        # "Benin police said", "sources in neighbouring Pakistan said": a place inside the
        # speaker's phrase is where the speaker is from, not who speaks
        entity = None
    if (entity is None or _unnamed(entity)) and head.pos_ in ("NOUN", "PROPN"):
        # "Her deputy, Tom Reed, said": the name in apposition is the speaker (also when the
        # description itself became an actor of its own, "One farmer, Maria Lopez, said")
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                named = ctx.index.resolve(*_name_span(c))
                if named is not None:
                    entity = named
                    if head.pos_ == "NOUN" and entity.kind == "person":
                        # "One pastor supporting X, Darran Whiting, said": the name is the source
                        start, end = _name_span(c)
                    break
    if entity is None and not modifier and head.pos_ in ("NOUN", "PROPN"):
        # a title heading the phrase: "Chair of X's Union Ilona Vasilescu" -> the person named in
        # it; not the owner the phrase is said of ("her spokesman", "Pike's lawyer" speak for
        # themselves, not for her)
        lo, hi = _phrase(head)
        found = _best_entity(ctx, lo, hi, skip=owners)
        if found is not None:
            start, end = min(start, lo), max(end, hi)
            entity = found if _heads(found, head) else None
    elif entity is not None and entity.kind == "group" and head.pos_ == "NOUN" and not modifier:
        # an unnamed group ("protest organizers in Cleveland said"): the mention keeps the words
        # that say which group, as it did before such groups were entities
        lo, hi = _phrase(head)
        if _best_entity(ctx, lo, hi, skip=[*owners, (start, end)]) is not None:
            start, end = min(start, lo), max(end, hi)
    mention = Span.of(text, start, end)
    return Speaker(mention, entity.id if entity else None, entity.name if entity else None)


def _unnamed(entity: Entity) -> bool:
    """An entity known only by descriptions ("one farmer", "the protesters"), never by a name."""
    return all(m.kind != "name" for m in entity.mentions)


def _heads(entity: Entity, head: Token) -> bool:
    """Whether ``entity`` can be the speaker whose phrase ``head`` heads: not a place that only modifies a
    common noun (a mention of it holding the head is fine: "the Moldovan police" made an entity)."""
    if entity.kind != "place" or head.pos_ != "NOUN":
        return True
    return any(m.start <= head.idx < m.end for m in entity.mentions)


def _compact(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` without appositions or clauses."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "flat", "det", "amod", "poss", "nmod", "nummod", "case", "prt"):
            if child.dep_ == "amod" and child.pos_ == "VERB" and tok.pos_ == "PROPN":
                continue  # "Continued Okafor: ...": an inverted cue the parser hung on the name
            if child.i < left.i:
                left = child.left_edge if child.dep_ == "poss" else child
    # never reach across a comma, a quotation mark or a line break ("By Helena Marsh\n\nChair of ...")
    i = left.i
    while i < tok.i and tok.doc[i].is_punct and tok.doc[i].text not in (".", "'s", "’s"):
        i += 1
    for j in range(tok.i - 1, i - 1, -1):
        if tok.doc[j].text in (",", "“", "”", '"', "(", ")", "—", "–") or "\n" in tok.doc[j].text_with_ws:
            i = j + 1
            break
    right = tok
    for child in tok.rights:
        # "Vice President Dave Gorab": a name in apposition without a comma belongs to the mention
        if child.dep_ in ("flat", "compound", "appos") and child.left_edge.i == right.i + 1:
            right = child if child.dep_ != "appos" else child.right_edge
            if child.dep_ == "appos" and any(t.is_punct for t in child.subtree):
                right = child
    start = tok.doc[i].idx
    return start, right.idx + len(right.text)


def _name_span(tok: Token) -> tuple[int, int]:
    """The proper-name tokens around ``tok`` (for resolving "Chair of X Ilona Vasilescu" to the person)."""
    i = tok.i
    doc = tok.doc
    while (
        i > 0
        and doc[i - 1].pos_ == "PROPN"
        and doc[i - 1].dep_ in ("compound", "flat")
        and doc[i - 1].head.i >= tok.i
        and "\n" not in doc[i - 1].text_with_ws
    ):
        i -= 1
    return doc[i].idx, tok.idx + len(tok.text)


_KIND_RANK = {"person": 3, "organization": 2, "group": 1, "place": 0}


def _phrase(head: Token) -> tuple[int, int]:
    """The subject's subtree on its own line, up to the first comma or bracket after the head."""
    doc = head.doc
    lo, hi = head.left_edge.i, head.right_edge.i
    for k in range(head.i - 1, lo - 1, -1):
        if "\n" in doc[k].text_with_ws:
            lo = k + 1
            break
    for k in range(head.i + 1, hi + 1):
        if doc[k].text in (",", "(", "—", "–") or "\n" in doc[k - 1].text_with_ws:
            hi = k - 1
            break
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _best_entity(
    ctx: _Ctx, lo: int, hi: int, skip: Sequence[tuple[int, int]] = ()
) -> Entity | None:
    """The person (else organisation ...) with a mention in ``[lo, hi)``, the rightmost of the
    best kind; mentions inside a ``skip`` range do not count."""
    best: tuple[int, int] | None = None
    best_id = None
    for m_start, m_end, eid in ctx.index.mentions_in(lo, hi):
        if any(a <= m_start and m_end <= b for a, b in skip):
            continue
        ent = ctx.index.get(eid)
        if ent is None:
            continue
        key = (_KIND_RANK.get(ent.kind, 0), m_start)
        if best is None or key > best:
            best, best_id = key, ent
    return best_id
