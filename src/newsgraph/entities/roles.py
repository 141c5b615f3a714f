"""Step 2 of the entity stage: the roles and the gender of each named person.

``assign_roles`` gives every person piece

* the title written before the name (``"Chair of Moldova’s Dniester Valley Farmers’
  Union"``, ``"the Co-Chair"``, ``"Sen."``) and the gender of an honorific;
* appositions and copular predicates that hold a role noun (``"X, the foreign
  minister,"``, ``"X is a senator"``);
* a gender from the honorific, else the first name, else a gendered title.

The titles of lists of people (``"US Representatives A and B"``) are in ``groups``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from newsgraph.entities.common import DASHES, POSSESSIVE, TITLE_GLUE, Cluster, Piece, is_cap, role_at, spaced
from newsgraph.entities.lexicon import Lexicon


def assign_roles(doc: Doc, pieces: list[Piece], lex: Lexicon) -> None:
    """Give every person piece its titles, appositions and gender (in place)."""
    taken = {i for p in pieces if p.kind == "person" for i in range(p.start, p.end)}
    pieces_at = {p.start: p for p in pieces}
    # the last words of full names: "Clinton" alone is a surname in an article that names
    # "Hillary Clinton", not the man's first name Clinton
    surnames = {doc[p.end - 1].text for p in pieces if p.kind == "person" and p.end - p.start > 1}
    for p in pieces:
        if p.kind == "person":
            _title_roles(doc, p, lex, taken)
            inner = lex.honorifics.get(doc[p.start].text)
            if p.gender is None and inner is not None and inner[0]:
                p.gender = inner[0]  # "Mrs. Clinton" read as one name
            if p.gender is not None:
                p.gender_weight = 3  # an honorific: "Mrs. Clinton" is a woman whatever "Clinton" suggests
            _appositive_roles(doc, p, lex, pieces_at)
            words = [t.text for t in doc[p.start : p.end] if t.text not in lex.honorifics]
            first = words[0] if words and not (len(words) == 1 and words[0] in surnames) else ""
            # gender: an honorific (set by _title_roles), else the first name, else a
            # gendered title ("chairman" is also said of women, so it comes last)
            if p.gender is None and first in lex.first_names:
                p.gender = lex.first_names[first]
            if p.gender is None:
                genders = {lex.roles[w].gender for w in p.role_words if w in lex.roles} - {None}
                if len(genders) == 1:
                    p.gender = genders.pop()


#: Lowercase modifiers of a role noun ("foreign minister", "deputy head").
_ROLE_MODIFIERS = frozenset(
    {
        "foreign", "deputy", "vice", "prime", "former", "acting", "senior", "chief", "top", "state", "assistant",
        "interior", "defense", "defence", "finance", "economy", "majority", "minority", "ranking", "executive",
        "press", "general", "national", "security", "special", "first", "co", "junior", "white", "house",
    }
)  # fmt: skip


def _title_roles(doc: Doc, p: Piece, lex: Lexicon, taken: set[int]) -> None:
    """Record the title written before a person's name and the honorific's gender."""
    if p.start > 0:
        h = lex.honorifics.get(doc[p.start - 1].text)
        if h is None and p.start > 1 and doc[p.start - 1].text == ".":
            h = lex.honorifics.get(doc[p.start - 2].text + ".")
        if h is not None:
            gender, cls, word = h
            if gender:
                p.gender = gender
            if cls and word:
                t = doc[p.start - 1]
                p.roles.append((t.idx, t.idx + len(t.text)))
                p.role_words.add(word)
                p.role_classes.add(cls)
    # scan left over the words a title is made of
    j = p.start - 1
    while j >= 0:
        t = doc[j]
        if j in taken or t.is_space or t.text == "\n":
            break
        if t.text in POSSESSIVE or (t.text in DASHES and not spaced(doc, t)):
            j -= 1
            continue
        if t.is_punct or t.like_num:
            break
        low = t.lower_
        if is_cap(t) or low in TITLE_GLUE or low in _ROLE_MODIFIERS or lex.role(t.text) is not None:
            j -= 1
            continue
        break
    lo = j + 1
    if lo >= p.start:
        return
    i = lo
    role_start: int | None = None
    while i < p.start:
        r = role_at(doc, i, p.start, lex)
        if r is not None:
            if role_start is None:
                role_start = i
            p.role_words.add(r[2])
            p.role_classes.add(r[3])
            i = r[0]
            continue
        i += 1
    if role_start is None:
        return
    k = role_start
    while (
        k > lo
        and (doc[k - 1].pos_ in ("PROPN", "ADJ") or doc[k - 1].lower_ in _ROLE_MODIFIERS)
        and doc[k - 1].lower_ not in TITLE_GLUE
    ):
        k -= 1
    if k > lo and doc[k - 1].lower_ == "the":
        k -= 1
    s, e = k, p.start
    while e > s and (doc[e - 1].is_punct or doc[e - 1].text in POSSESSIVE):
        e -= 1
    if e > s:
        p.roles.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))


def _appositive_roles(doc: Doc, p: Piece, lex: Lexicon, pieces_at: dict[int, Piece]) -> None:
    """ "X, the foreign minister, said" / "X is a senator": the apposition or predicate is a role of X."""
    head = doc[p.start : p.end].root
    described = [c for c in head.rights if c.dep_ == "appos" and c.i >= p.end]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        described += [c for c in head.head.rights if c.dep_ == "attr"]
    for child in described:
        if child.i in pieces_at and pieces_at[child.i].kind == "person":
            continue
        sub = list(child.subtree)
        s, e = sub[0].i, sub[-1].i + 1
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if not 0 < e - s <= 15 or any(t.text in ('"', "“", "”") for t in doc[s:e]):
            continue
        words = set()
        for i in range(s, e):
            r = role_at(doc, i, e, lex)
            if r is not None:
                words.add((r[2], r[3]))
        if not words:
            continue
        p.roles.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
        for w, c in words:
            p.role_words.add(w)
            p.role_classes.add(c)


def add_office_roles(clusters: list[Cluster], kb: Any, published: date | None, lex: Lexicon) -> None:
    """Give named people the offices the knowledge base says they held on the publication date.

    "Barack Obama" in an article of 2015 is "the president", Hillary Clinton "the former
    secretary of state" (kept apart: a plain "the secretary of state" is not a former one).
    Only a person the knowledge base knows by one full name of the article, and only with a
    publication date.
    """
    if kb is None or published is None:
        return
    for c in clusters:
        if c.kind != "person":
            continue
        names = [m.text for m in c.mentions if m.kind == "name" and len(m.text.split()) >= 2]
        if not names:
            continue
        people = kb.people_named(max(names, key=len))
        if len(people) != 1:
            continue
        for role in people[0].roles:
            words = _office_words(role.office, lex)
            if role.held_on(published):
                for word, cls in words:
                    c.role_words.add(word)
                    c.role_classes.add(cls)
            elif role.end is not None and role.end < published:
                c.former_role_words.update(w for w, _ in words)


def _office_words(office: str, lex: Lexicon) -> list[tuple[str, str]]:
    """The role nouns an office title holds ("United States Secretary of State" -> secretary of state)."""
    words = office.lower().replace(",", " ").split()
    out = []
    i = 0
    while i < len(words):
        for n in range(min(lex.role_max_words, len(words) - i), 0, -1):
            part = words[i : i + n]
            found = lex.role(" ".join(part)) or lex.role("-".join(part))  # "vice president": vice-president
            if found is not None and not found[1]:
                out.append((found[0].word, found[0].cls))
                i += n - 1
                break
        i += 1
    return out
