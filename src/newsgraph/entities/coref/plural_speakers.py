"""Plural speakers: the unnamed groups of people an article reports as saying or thinking something.

"Officials said ...", "critics argue ...", "most voters believe ...", "according to aides":
a plural noun for people (a role noun such as "officials", a person noun such as "voters",
"critics", "people") that is the subject of a verb of attribution
(``Lexicon.attribution_verbs``) or of a relative clause with one ("voters who said"), or the
people of a share of them ("47 percent of voters said"), or that follows "according to",
becomes a group entity: the statement then has a speaker entity, and a later "they" an
antecedent. The same words name the same group within an article ("officials" ... "the
officials"); "black voters" and "voters" are two groups; quantifiers ("most", "many", "some")
and numbers are no part of the name. A possessed group ("his supporters") is left to the
owner's pronoun.

Groups named by a role noun with a modifier anywhere in the text ("US senators") are made
earlier by ``descriptions``; this step adds the bare and the person-noun ones, and only where
they speak.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.common import Cluster
from newsgraph.entities.coref.descriptions import _add
from newsgraph.entities.lexicon import Lexicon, lexicon

#: Words before a plural that say how many, not which ("most voters", "many officials").
_QUANTIFIERS = frozenset(
    "many most some all few several other others more fewer both any each every no certain numerous "
    "various such".split()
)
#: Heads of a share of a group: "47 percent of voters", "most of the delegates".
_SHARES = frozenset("percent percentage share majority minority half third quarter number most many some".split())


def link_plural_speakers(doc: Doc, clusters: list[Cluster], occupied: set[int], kb: Any = None) -> int:
    """Make and link the group entities of plural speakers; returns how many mentions were added."""
    lex = lexicon()
    groups: dict[tuple[str, ...], int] = {}
    linked = 0
    for tok in tokens_of(doc):
        if tok.pos_ != "NOUN" or tok.idx in occupied:
            continue
        noun = _people_noun(tok, lex)
        if noun is None or not _speaks(doc, tok, lex):
            continue
        if any(c.dep_ == "poss" for c in tok.lefts):
            continue
        if (
            kb is not None
            and kb.sector(noun) is not None
            and any(
                c.dep_ == "prep" and c.lower_ in ("in", "from", "of") and any(g.pos_ == "PROPN" for g in c.children)
                for c in tok.rights
            )
        ):
            continue  # "officials in Kabul": an actor phrase of the place, made by the actor step
        start = tok.i
        for child in tok.lefts:
            if (
                child.dep_ in ("amod", "compound", "nmod")
                and child.pos_ in ("ADJ", "NOUN", "PROPN")
                and child.left_edge.i < start
            ):
                start = child.left_edge.i
        while start < tok.i and (
            doc[start].lower_ in _QUANTIFIERS or doc[start].like_num or doc[start].is_punct or doc[start].dep_ == "det"
        ):
            start += 1
        if any(doc[i].idx in occupied for i in range(start, tok.i)):
            continue  # "Pentagon officials": a name inside, left to the name and role steps
        key = (*(doc[i].lower_ for i in range(start, tok.i)), noun)
        ci = groups.get(key)
        if ci is None:
            cluster = Cluster(kind="group", name=doc[start : tok.i + 1].text)
            cluster.role_words.add(noun)
            clusters.append(cluster)
            ci = groups[key] = len(clusters) - 1
        _add(clusters[ci], doc, start, tok.i + 1, "nominal", occupied)
        linked += 1
    return linked


def _people_noun(tok: Token, lex: Lexicon) -> str | None:
    """The singular of a plural noun for people ("officials" -> "official"), else ``None``."""
    low = tok.lower_
    if tok.tag_ != "NNS":
        return None
    if low in lex.person_plurals:
        return lex.person_plurals[low]
    found = lex.role(low)
    if found is not None and found[1]:
        return found[0].word
    return None


def _speaks(doc: Doc, tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` the subject of a verb of attribution, the people of such a subject's share, or after "according to"?"""
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _SHARES:
        t = t.head.head  # "47 percent of voters said"
    if any(
        c.dep_ == "relcl"
        and _attributes(c, lex)
        and any(r.dep_ in ("nsubj", "nsubjpass") and r.tag_ in ("WP", "WDT") for r in c.children)
        for c in tok.children
    ):
        return True  # "voters who said ...", "people who believe ..."
    if t.dep_ in ("nsubj", "nsubjpass"):
        return _attributes(t.head, lex)
    if t.dep_ == "pobj" and t.head.dep_ == "agent":
        return _attributes(t.head.head, lex)  # "was criticized by experts"
    return (
        t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 and doc[t.head.i - 1].lower_ == "according"
    )


def _attributes(verb: Token, lex: Lexicon) -> bool:
    """A verb of attribution, or one with such a complement ("critics are likely to say")."""
    if verb.lemma_.lower() in lex.attribution_verbs:
        return True
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.attribution_verbs for c in verb.children)
