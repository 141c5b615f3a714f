"""Lists of names, and the group entities they make (steps 1 and 2 of the entity stage).

Repairs of the names (step 1, before the kinds are voted):

* ``complete_lists``: capitalised items of a list of organisations or places that
  spaCy missed (``"..., ASEAN, GUAM, Mercosur, TURKPA"``) get their neighbours' kind;
* ``names_after_plural_title``: the first name of a list after a plural title that
  the tagger missed (``"Foreign Ministers *Pavel Dorn* and Lena Kiss"``).

Groups (step 2, after the roles):

* ``listed_groups``: a plural title followed by a list of people (``"US
  Representatives ... - A, B, C, and D"``); written right before the names
  (``"Foreign Ministers A and B"``) the title is each member's
  (``share_plural_titles``), otherwise ``add_group_clusters`` makes a group entity
  with the listed people as members;
* ``listed_collectives``: a plural noun introducing a list (``"several states,
  including A, B and C"``) is a group of the listed entities;
* ``titled_members``: a group named by a plural title gains the people given the
  singular title later in the same sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.document import sentence_starts, tokens_of
from newsgraph.entities.common import (
    LABEL_KIND,
    LEADING_DROP,
    NAME_SUFFIXES,
    Cluster,
    Piece,
    display_name,
    is_cap,
    role_at,
    role_starts,
)
from newsgraph.entities.lexicon import Gazetteer, Lexicon, norm, place_code
from newsgraph.entities.names import looks_like_person_tail
from newsgraph.records import Mention

_LIST_SEPARATORS = frozenset({",", "and", "or", "&", ";"})
_GROUP_LIST_LEADS = frozenset({"-", "–", "—", ":", ",", "including", "namely", "like", "as"})


def complete_lists(doc: Doc, pieces: list[Piece], lex: Lexicon) -> list[Piece]:
    """Add capitalised list items spaCy missed: "..., ASEAN, GUAM, Mercosur, TURKPA voiced"."""
    covered: set[int] = set()
    for p in pieces:
        covered.update(range(p.start, p.end))
    starts = {p.start: p for p in pieces}
    added: list[Piece] = []
    in_list: set[int] = set()  # starts of pieces known to be list items
    for p in pieces:
        if (
            p.start > 1
            and doc[p.start - 1].lower_ in _LIST_SEPARATORS
            and any(q.end in (p.start - 1, p.start - 2) for q in pieces)
        ):
            in_list.add(p.start)
    for p in sorted(pieces, key=lambda p: p.start):
        prev = p
        while True:
            i = prev.end
            if i < len(doc) and doc[i].text == ".":
                break
            seps = 0
            while i < len(doc) and doc[i].lower_ in _LIST_SEPARATORS and seps < 2:
                i += 1
                seps += 1
            if seps == 0 or i >= len(doc):
                break
            if i in covered:
                if i in starts and prev.start in in_list | {p.start}:
                    in_list.add(i)
                break
            if doc[i].lower_.rstrip(".") in NAME_SUFFIXES:
                break
            j = i
            while (
                j < len(doc)
                and j - i < 4
                and (is_cap(doc[j]) and doc[j].pos_ in ("PROPN", "NOUN", "X") and not doc[j].is_sent_start)
                and j not in covered
            ):
                j += 1
            if j == i or doc[i].lower_ in LEADING_DROP:
                break
            nxt_sep = j < len(doc) and doc[j].lower_ in _LIST_SEPARATORS
            nxt_item = nxt_sep and any((j + k) in starts for k in (1, 2))
            if not (nxt_item or prev.start in in_list):
                break
            kind = prev.kind or LABEL_KIND.get(prev.label)
            if kind not in ("organization", "place"):
                break
            if any(lex.role(doc[k].text) for k in range(i, j)):
                break
            q = Piece(i, j, kind, "LIST")
            added.append(q)
            covered.update(range(i, j))
            starts[i] = q
            in_list.add(i)
            prev = q
    return sorted(pieces + added, key=lambda p: p.start)


@dataclass
class _Group:
    np: tuple[int, int]  # token range of the plural title ("US Representatives")
    description: tuple[int, int]  # up to the list ("US Representatives from the ... Caucus")
    word: str
    cls: str
    members: list[Piece]


_QUANTITY_HEADS = frozenset(
    {
        "number",
        "group",
        "handful",
        "couple",
        "dozens",
        "host",
        "range",
        "series",
        "majority",
        "list",
        "coalition",
    }
)
_COLLECTIVE_LEADS = frozenset({"including", "like", "namely", ":", "-", "–", "—", "such", "as", ","})
_LIST_GLUE = frozenset({",", "and", "or", "the", "&"})


def listed_collectives(doc: Doc, pieces: list[Piece], lex: Lexicon) -> list[tuple[int, int, list[Piece]]]:
    """ "several states, including Peru, Chile and Ghana": a group of the listed entities.

    Returns ``(np start, np end, members)`` token ranges; the members are the
    named entities of the right kind listed right after the phrase.
    """
    by_start = {p.start: p for p in pieces}
    out = []
    for tok in tokens_of(doc):
        kind = lex.collectives.get(tok.lower_)
        if kind is None or tok.tag_ not in ("NNS", "NNPS"):
            continue
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "det", "nummod", "advmod"):
                start = min(start, child.left_edge.i)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _QUANTITY_HEADS:
            start = min(start, tok.head.head.left_edge.i)  # "a number of other states"
        # the list lead: ", including", " such as", ":" right after the noun
        i = tok.i + 1
        lead = 0
        while i < len(doc) and doc[i].lower_ in _COLLECTIVE_LEADS and lead < 3:
            i += 1
            lead += 1
        if lead == 0 or all(doc[k].text == "," for k in range(tok.i + 1, i)):
            continue
        members: list[Piece] = []
        while i < len(doc):
            while i < len(doc) and doc[i].lower_ in _LIST_GLUE and i not in by_start:
                i += 1
            p = by_start.get(i)
            if p is None or p.kind != kind:
                break
            members.append(p)
            i = p.end
            if i < len(doc) and doc[i].lower_ == "as" and i + 2 < len(doc) and doc[i + 1].lower_ == "well":
                break  # ", as well as organizations such as ...": the next list
            gap = 0
            while i < len(doc) and doc[i].lower_ in _LIST_GLUE and i not in by_start:
                i += 1
                gap += 1
            if gap == 0 or gap > 3:
                break
        if len(members) >= 2:
            out.append((start, tok.i + 1, members))
    return out


def listed_groups(doc: Doc, pieces: list[Piece], lex: Lexicon) -> list[_Group]:
    """A plural title followed by a list of named people: "US Representatives ... - A, B, C, and D"."""
    persons = [p for p in pieces if p.kind == "person"]
    starts = [p.start for p in persons]
    groups = []
    roles = role_starts(doc, lex)
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            r = role_at(doc, i, sent.end, lex) if i in roles else None
            if r is None or not r[1]:
                i += 1
                continue
            np_end = r[0]
            head = doc[np_end - 1]
            np_start = i
            for child in head.lefts:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < np_start:
                    np_start = child.left_edge.i
            # the list: after a dash/colon/"including" within a dozen tokens
            k = bisect.bisect_left(starts, np_end)
            if k >= len(persons) or persons[k].start - np_end > 12 or persons[k].start >= sent.end:
                i = np_end
                continue
            gap = doc[np_end : persons[k].start]
            leads = [t for t in gap if t.lower_ in _GROUP_LIST_LEADS]
            if not leads and len(gap) > 0:
                i = np_end
                continue
            members = [persons[k]]
            m = k + 1
            while m < len(persons) and persons[m].start < sent.end:
                between = doc[members[-1].end : persons[m].start]
                if all(t.lower_ in _LIST_SEPARATORS or t.is_space for t in between) and len(between) <= 2:
                    members.append(persons[m])
                    m += 1
                else:
                    break
            if len(members) >= 2:
                desc_end = leads[0].i if leads else np_end
                while desc_end > np_start and (doc[desc_end - 1].is_punct or doc[desc_end - 1].is_space):
                    desc_end -= 1
                groups.append(_Group((np_start, np_end), (np_start, desc_end), r[2], r[3], members))
            i = np_end
    return groups


def share_plural_titles(doc: Doc, groups: list[_Group]) -> None:
    """ "US Representatives A and B": a plural title right before a list is every member's title.

    ``roles._title_roles`` gives the title only to the first name (the scan left from B stops
    at A), and the group is not made because its title is that role: so the title
    span goes to the other members of the list here. Names after the list ("..., as
    did C") are no members (``listed_groups`` stops at the first non-separator).
    """
    for g in groups:
        first = g.members[0]
        head = doc[g.np[1] - 1].idx
        title = next(((s, e) for s, e in first.roles if s <= head < e), None)
        if title is None:
            continue  # a list after a dash or colon: the group entity gives the title
        for m in g.members[1:]:
            if title not in m.roles:
                m.roles.append(title)
            m.role_words.add(g.word)
            m.role_classes.add(g.cls)


def names_after_plural_title(doc: Doc, pieces: list[Piece], lex: Lexicon, gaz: Gazetteer) -> list[Piece]:
    """Add a first listed name the tagger missed: "Foreign Ministers *Pavel Dorn* and Lena Kiss".

    The small model often tags only the last name of such a list; a run of two or three
    capitalised words right after a plural title, followed by "and"/"," and a person's
    name, is that person (no role, organisation or place word inside).
    """
    covered = {i for p in pieces for i in range(p.start, p.end)}
    starts = {p.start: p for p in pieces}
    added = []
    roles = role_starts(doc, lex)
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            r = role_at(doc, i, sent.end, lex) if i in roles else None
            if r is None or not r[1] or not is_cap(doc[i]):
                i += 1
                continue
            j = k = r[0]
            while (
                k < sent.end and k - j < 4 and is_cap(doc[k]) and doc[k].pos_ == "PROPN" and k not in covered
            ):
                k += 1
            nxt = starts.get(k + 1)
            if (
                2 <= k - j <= 3
                and k < sent.end
                and doc[k].lower_ in ("and", ",")
                and nxt is not None
                and (nxt.kind == "person" or nxt.label == "PERSON")
                and looks_like_person_tail(doc, j, k, lex, set())
                and not any(
                    place_code(gaz, norm(t.text)) or t.text.casefold() in gaz.demonyms for t in doc[j:k]
                )
            ):
                added.append(Piece(j, k, "person", "SPLIT"))
                covered.update(range(j, k))
            i = max(r[0], k)
    return sorted(pieces + added, key=lambda p: p.start) if added else pieces


def titled_members(doc: Doc, clusters: list[Cluster]) -> None:
    """A group named by a plural title ("the Lake Forum Co-Chairs") gains the people
    given the singular title later in the same sentence ("the Co-Chair Paul Renner")."""
    sent_starts = sentence_starts(doc)
    for g in clusters:
        if g.kind != "group" or not g.role_words or not g.mentions:
            continue
        g_start = g.mentions[0].start
        g_sent = bisect.bisect_right(sent_starts, g_start) - 1
        for ci, c in enumerate(clusters):
            if c.kind != "person" or ci in g.members or not (c.role_words & g.role_words):
                continue
            if any(
                m.start > g_start and bisect.bisect_right(sent_starts, m.start) - 1 == g_sent
                for m in c.mentions
            ):
                g.members.append(ci)


def add_group_clusters(
    doc: Doc,
    text: str,
    clusters: list[Cluster],
    groups: list[_Group],
    collectives: list[tuple[int, int, list[Piece]]],
    piece_cluster: dict[int, int],
    occupied: set[int],
) -> None:
    """Make the group clusters of ``listed_groups`` and ``listed_collectives`` (in place).

    A group whose words a name or a title already holds (``occupied``: character
    offsets of tokens) is not made; a plural title's group gives its title to its
    members. ``piece_cluster`` maps ``id(piece)`` to the index of its cluster.
    """
    for g in groups:
        s, e = doc[g.np[0]].idx, doc[g.np[1] - 1].idx + len(doc[g.np[1] - 1].text)
        if doc[g.np[1] - 1].idx in occupied:
            continue
        ds, de = (
            doc[g.description[0]].idx,
            doc[g.description[1] - 1].idx + len(doc[g.description[1] - 1].text),
        )
        c = Cluster(kind="group", name=text[s:e])
        c.mentions.append(Mention(s, e, text[s:e], "nominal"))
        c.roles.append((ds, de))
        c.group_classes.add(g.cls)
        c.role_words.add(g.word)
        c.role_classes.add(g.cls)
        c.members = list(dict.fromkeys(piece_cluster[id(m)] for m in g.members))
        for mi in c.members:
            member = clusters[mi]
            member.roles.append((s, e))
            member.role_words.add(g.word)
            member.role_classes.add(g.cls)
        clusters.append(c)
        occupied.update(t.idx for t in doc[g.np[0] : g.np[1]])
    for np_start, np_end, listed in collectives:
        if any(t.idx in occupied for t in doc[np_start:np_end]):
            continue
        s, e = doc[np_start].idx, doc[np_end - 1].idx + len(doc[np_end - 1].text)
        c = Cluster(kind="group", name=display_name(text[s:e]))
        c.mentions.append(Mention(s, e, text[s:e], "nominal"))
        c.members = list(dict.fromkeys(piece_cluster[id(m)] for m in listed))
        clusters.append(c)
        occupied.update(t.idx for t in doc[np_start:np_end])
