"""Coreference of descriptions: "the senator", "a spokesman", "the ministry", "US senators".

``link_descriptions`` attaches

* a definite singular description ("the senator", "the official") to the most
  recent person whose roles carry that noun (or, for a generic noun, its class);
* "the ministry" / "the union" to the most recent organisation whose name ends with
  that noun;
* an indefinite title as subject or after according to/by/from ("a senior
  administration official said") to a new person of its own (``_new_person``);
* a plural title ("US senators", "the lawmakers") to the one group of that class
  whose mentions carry its modifiers and size, else to a new group when it has a
  modifier (``_link_plural``).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsgraph.document import sentence_starts, tokens_of
from newsgraph.entities.common import Cluster, role_head
from newsgraph.entities.lexicon import RoleNoun, lexicon
from newsgraph.records import Mention

#: Role classes of public office: what a generic "the official" may stand for.
PUBLIC_CLASSES = frozenset(
    {
        "legislator",
        "executive",
        "minister",
        "diplomat",
        "official",
        "spokesperson",
        "military",
        "chair",
        "head",
        "leader",
        "judicial",
    }
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: How many sentences back a singular description ("the minister") looks.
NOMINAL_WINDOW = 12


def _np_start(tok: Token, *, keep_det: bool) -> int:
    """Index of the first token of ``tok``'s noun phrase, up to the head (modifiers, optionally the determiner)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "nummod") or (
            keep_det and child.dep_ == "det" and child.lower_ in _DEFINITE
        ):
            start = min(start, child.left_edge.i)
        elif child.dep_ == "poss":
            start = min(start, child.left_edge.i)
    return start


def link_descriptions(
    doc: Doc,
    clusters: list[Cluster],
    occupied: set[int],
) -> int:
    """Attach "the senator"/"the ministry"/"the senators" descriptions; returns how many were linked."""
    lex = lexicon()
    sent_starts = sentence_starts(doc)

    def sent_of(offset: int) -> int:
        return bisect.bisect_right(sent_starts, offset) - 1

    def last_before(c: Cluster, offset: int) -> int:
        return max((m.start for m in c.mentions if m.start < offset), default=-1)

    # token offset -> kind of the name it is part of ("the Vermont senator": a place, fine;
    # "the Emil minister": a person, odd)
    name_kind = {
        off: c.kind for c in clusters for m in c.mentions if m.kind == "name" for off in range(m.start, m.end)
    }
    linked = 0
    for tok in tokens_of(doc):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.idx in occupied:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") or (
            tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-",) and not doc[tok.i].whitespace_
        ):
            continue  # a modifier ("the Co-Chair countries"), not the head of its phrase
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.idx in occupied:
            continue  # a title before a name ("the Co-Chair Paul Renner"): a role, done by entities
        role = role_head(doc, tok, lex)
        dets = [c for c in tok.lefts if c.dep_ == "det"]
        definite = any(d.lower_ in _DEFINITE for d in dets)
        if role is not None:
            info, plural, first = role
            if plural:
                linked += _link_plural(doc, tok, info, first, clusters, occupied, sent_of)
                continue
            if not definite:
                if _new_person(doc, tok, info, first, dets, clusters, occupied):
                    linked += 1
                continue
            if any(d.lower_ in ("these", "those") for d in dets):
                continue
            start = min(_np_start(tok, keep_det=True), first)
            if any(name_kind.get(doc[i].idx) == "person" for i in range(start, tok.i)):
                continue  # "the Moldovan minister", "the Texas senator" are fine, "the Emil minister" odd: skip
            offset = doc[start].idx
            # "the former president": an office the person has left, or one the article's title says
            former = any(doc[i].lower_ in ("former", "ex") for i in range(start, tok.i))
            cands = []
            for ci, c in enumerate(clusters):
                if c.kind != "person":
                    continue
                lb = last_before(c, offset)
                if lb < 0 or sent_of(offset) - sent_of(lb) > NOMINAL_WINDOW:
                    continue
                fits = info.word in c.role_words or (former and info.word in c.former_role_words) or (
                    info.generic
                    and (
                        info.cls in c.role_classes
                        or (info.cls == "official" and c.role_classes & PUBLIC_CLASSES)
                    )
                )
                if fits and (info.gender is None or c.gender in (None, info.gender)):
                    cands.append((lb, ci))
            if not cands:
                continue
            cands.sort(reverse=True)
            ci = cands[0][1]
            _add(clusters[ci], doc, start, tok.i + 1, "nominal", occupied)
            if info.gender and clusters[ci].gender is None:
                clusters[ci].gender = info.gender
            linked += 1
            continue
        if not definite and tok.tag_ == "NN" and tok.lower_ in lex.person_nouns:
            # "a young woman asked ...": someone new, whom "the woman" may refer to later
            noun = RoleNoun(tok.lower_, "person", lex.person_nouns[tok.lower_], False)
            if _new_person(doc, tok, noun, tok.i, dets, clusters, occupied):
                linked += 1
            continue
        org_class = lex.org_noun(tok.text)
        if org_class != "org" or not definite or tok.is_title or tok.lower_ in lex.org_plurals:
            continue
        start = _np_start(tok, keep_det=True)
        if start < tok.i and any(doc[i].pos_ == "PROPN" for i in range(start, tok.i)):
            continue  # "the Foreign Ministry": a name spaCy missed, not a description
        offset = doc[start].idx
        cands = []
        for ci, c in enumerate(clusters):
            if c.kind not in ("organization",):
                continue
            lb = last_before(c, offset)
            if lb < 0 or sent_of(offset) - sent_of(lb) > NOMINAL_WINDOW:
                continue
            head = c.name.split()[-1].lower() if c.name else ""
            if head == tok.lower_ or (
                tok.lower_ in ("organization", "organisation") and head not in lex.org_nouns
            ):
                cands.append((lb, ci))
        if not cands:
            continue
        cands.sort(reverse=True)
        _add(clusters[cands[0][1]], doc, start, tok.i + 1, "nominal", occupied)
        linked += 1
    return linked


_INDEFINITE = frozenset({"a", "an", "another", "one"})


def _new_person(
    doc: Doc,
    tok: Token,
    info: RoleNoun,
    first: int,
    dets: list[Token],
    clusters: list[Cluster],
    occupied: set[int],
) -> bool:
    """ "a senior administration official said": a person the article does not name is still a referent.

    Only as a subject or the object of a preposition ("according to a spokesman"):
    "X is a senator" and "X, a senator," describe X (roles), not someone new. A role with an
    owner ("the prime minister's spokesman said") counts as a subject only.
    """
    indefinite = any(d.lower_ in _INDEFINITE for d in dets) or any(
        c.dep_ == "nummod" and c.lower_ == "one" for c in tok.lefts
    )
    # "the prime minister's spokesman said", "her lawyer said": someone the owner's phrase names
    owned = info.cls != "person" and not dets and any(c.dep_ == "poss" for c in tok.lefts)
    if owned and tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not (indefinite or owned) or tok.dep_ not in ("nsubj", "nsubjpass", "pobj"):
        return False
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
        return False  # "Her deputy, Tom Reed, said": the name in apposition is the person
    if tok.dep_ == "pobj" and tok.head.lower_ not in ("to", "by", "from"):
        return False
    start = min(_np_start(tok, keep_det=True), first)
    for child in tok.lefts:
        if child.dep_ in ("det", "nummod") and child.lower_ in _INDEFINITE:
            start = min(start, child.i)
    c = Cluster(kind="person", name=doc[start : tok.i + 1].text, gender=info.gender)
    c.role_words.add(info.word)
    c.role_classes.add(info.cls)
    clusters.append(c)
    _add(c, doc, start, tok.i + 1, "nominal", occupied)
    return True


def _link_plural(
    doc: Doc,
    tok: Token,
    info: RoleNoun,
    first: int,
    clusters: list[Cluster],
    occupied: set[int],
    sent_of: object,
) -> int:
    """ "US senators", "the lawmakers": the one group of that class, else a new group entity."""
    start = min(_np_start(tok, keep_det=True), first)
    while start < tok.i and doc[start].dep_ == "det" and doc[start].lower_ not in _DEFINITE:
        start += 1  # "some US senators" -> "US senators"
    if start < tok.i and doc[start].dep_ == "poss":
        return 0  # "Moldova's diplomats": owned, a different kind of phrase
    # the modifiers must fit: "US senators" may be the "US Representatives", but "Senate
    # aides" are not the "Pentagon officials" seen before
    # a number is not a modifier but must agree: "four US senators" are the US Senators
    # listed later as four names, not a group of two
    number = next((_number(doc[i]) for i in range(start, first) if _number(doc[i]) is not None), None)
    modifiers = {
        doc[i].lower_
        for i in range(start, first)
        if doc[i].dep_ != "det" and not doc[i].is_punct and _number(doc[i]) is None
    }
    groups = [
        ci
        for ci, c in enumerate(clusters)
        if c.kind == "group"
        and info.cls in c.group_classes
        and modifiers <= {w.lower() for m in c.mentions if m.kind != "pronoun" for w in m.text.split()}
        and (number is None or _group_size(doc, c) in (None, number))
    ]
    if len(groups) > 1:
        offset = doc[start].idx
        before = [ci for ci in groups if clusters[ci].first < offset]
        groups = (
            [max(before, key=lambda ci: max(m.start for m in clusters[ci].mentions if m.start < offset))]
            if before
            else []
        )
    if groups:
        _add(clusters[groups[0]], doc, start, tok.i + 1, "nominal", occupied)
        return 1
    # a new group: named people of a kind ("US senators", "Republican lawmakers") need a modifier
    # to be a referent; a bare "officials" is too vague to be one entity.
    if start == tok.i or all(doc[i].dep_ == "det" for i in range(start, tok.i)):
        return 0
    span = doc[start : tok.i + 1]
    c = Cluster(kind="group", name=span.text if doc[start].dep_ != "det" else doc[start + 1 : tok.i + 1].text)
    c.group_classes.add(info.cls)
    c.role_words.add(info.word)
    clusters.append(c)
    _add(c, doc, start, tok.i + 1, "nominal", occupied)
    return 1


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


def _number(tok: Token) -> int | None:
    """The value of a cardinal modifier ("four", "12"), else None."""
    if tok.like_num and tok.text.isdigit():
        return int(tok.text)
    return _NUMBER_WORDS.get(tok.lower_) if tok.dep_ == "nummod" or tok.tag_ == "CD" else None


def _group_size(doc: Doc, c: Cluster) -> int | None:
    """How many a group is, when the article says: its listed members, else a number in a mention."""
    if c.members:
        return len(c.members)
    for m in c.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            n = _number(tok)
            if n is not None:
                return n
    return None


def _add(c: Cluster, doc: Doc, start: int, end: int, kind: str, occupied: set[int]) -> None:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    c.mentions.append(Mention(s, e, doc[start:end].text, kind))  # type: ignore[arg-type]
    for t in doc[start:end]:
        occupied.add(t.idx)


