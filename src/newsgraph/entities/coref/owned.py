"""Organisations of a named person: "the Sanders campaign", "Donald Trump's campaign".

A campaign or an administration speaks in its own name ("the campaign said", "the
administration insisted"), and news names it after its person. A noun marked ``owned`` in
``data/description_nouns.tsv`` with a person's name as its possessor or modifier becomes an
organisation entity of its own, named "<person> <noun>" ("Bernie Sanders campaign"), one per
person and noun within an article; ``descriptions`` then links "the campaign" to it like
any organisation whose name ends with the noun.

Runs before ``descriptions``; the person keeps its own mention ("Sanders" inside "the Sanders
campaign" still resolves to Sanders).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.document import tokens_of
from newsgraph.entities.common import Cluster
from newsgraph.entities.coref.descriptions import _add
from newsgraph.entities.lexicon import lexicon


def link_owned_organisations(doc: Doc, clusters: list[Cluster], occupied: set[int]) -> int:
    """Make the organisations of named people; returns how many mentions were added."""
    lex = lexicon()
    owned = [
        t
        for t in tokens_of(doc)
        if t.tag_ == "NN" and (info := lex.description_nouns.get(t.lower_)) is not None and info[3]
    ]
    if not owned:
        return 0
    person_at = {
        off: ci
        for ci, c in enumerate(clusters)
        if c.kind == "person"
        for m in c.mentions
        if m.kind == "name"
        for off in range(m.start, m.end)
    }
    made: dict[tuple[int, str], int] = {}
    linked = 0
    for tok in owned:
        if tok.idx in occupied:
            continue
        owner_tok = next(
            (c for c in tok.lefts if c.dep_ in ("poss", "compound") and c.idx in person_at),
            None,
        )
        if owner_tok is None:
            continue
        owner = person_at[owner_tok.idx]
        start = owner_tok.left_edge.i
        while start < owner_tok.i and doc[start].idx not in person_at:
            start += 1  # "the Sanders campaign": the mention starts at the name
        key = (owner, tok.lower_)
        ci = made.get(key)
        if ci is None:
            clusters.append(Cluster(kind="organization", name=f"{clusters[owner].name} {tok.lower_}"))
            ci = made[key] = len(clusters) - 1
        _add(clusters[ci], doc, start, tok.i + 1, "nominal", occupied)
        linked += 1
    return linked
