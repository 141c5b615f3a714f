"""Rule-based coreference: pronouns, descriptions and plural references to entities.

``entities`` finds the names of an article and groups them into clusters (one per
referent); this module then attaches the other ways an article refers to them:

* pronouns (he/she/his/her, it/its, they/their) to the most recent compatible
  antecedent: gender and number must agree (gender from honorifics, a list of
  first names, gendered role nouns and pronouns already linked), and when a
  sentence offers several, the one in subject position wins; when nothing
  decides, the pronoun stays unlinked (precision first);
* descriptions ("the senator", "the official", "the ministry") to the most recent
  entity whose roles or name carry that noun;
* plural descriptions ("the US senators", "the lawmakers") to the one group of
  that kind in the article (e.g. the Representatives listed by name), or to a new
  group entity when there is none.

Pronouns inside quotation marks are left alone: they speak from the quoted
speaker's point of view ("It is truly reckless ...").

Everything here is a pure function of the spaCy ``Doc`` and the clusters that
``entities`` passes in; the clusters are working objects local to one call of
``entities.extract_entities`` and are mutated in place.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.records import Mention

logger = logging.getLogger(__name__)

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
#: Heads after which "it" does not refer ("it is clear that", "it should be noted").
_NONREFERENTIAL_IT_HEADS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "become",
        "remain",
        "take",
        "happen",
        "matter",
        "mean",
        "make",
        "note",
        "rain",
        "look",
        "sound",
        "feel",
    }
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 3
#: How many sentences back a singular description ("the minister") looks.
NOMINAL_WINDOW = 12
_OPEN_QUOTES = frozenset('"“„«')
_CLOSE_QUOTES = frozenset('"”»')


@dataclass(frozen=True)
class RoleNoun:
    word: str
    cls: str
    gender: str | None
    generic: bool


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``newsgraph/data`` that entity detection and coreference use."""

    pronouns: dict[str, tuple[str, str | None, str]]  # word -> (number, gender, case)
    roles: dict[str, RoleNoun]  # singular (lower case, may contain spaces/hyphens) -> info
    role_plurals: dict[str, str]  # plural -> singular
    role_max_words: int
    honorifics: dict[str, tuple[str | None, str | None, str | None]]  # token -> (gender, class, lemma)
    first_names: dict[str, str]  # capitalised name -> m|f
    org_nouns: dict[str, str]  # noun -> org|collective
    org_plurals: dict[str, str]
    place_aliases: dict[str, str]  # alias -> ISO alpha-3
    place_nouns: frozenset[str]  # "County", "Province": last words of place names
    collectives: dict[str, str]  # "countries" -> place: plural nouns that introduce a list
    speech_verbs: frozenset[str] = frozenset()  # lemmas: what an organisation "it" may be the subject of
    # first spaCy token of any role phrase ("co" of "co-chair")
    role_first_words: frozenset[str] = frozenset()
    role_last_words: frozenset[str] = frozenset()  # last token of any role phrase or its plural

    def role(self, phrase: str) -> tuple[RoleNoun, bool] | None:
        """``(info, plural)`` when ``phrase`` (any case) is a role noun or its plural."""
        key = phrase.lower()
        info = self.roles.get(key)
        if info is not None:
            return info, False
        sing = self.role_plurals.get(key)
        if sing is not None:
            return self.roles[sing], True
        return None

    def org_noun(self, word: str) -> str | None:
        key = word.lower()
        return self.org_nouns.get(key) or self.org_nouns.get(self.org_plurals.get(key, ""))


def pluralize(word: str) -> str:
    """English plural of a role or organisation noun ("co-chair" -> "co-chairs", "chairman" -> "chairmen")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _opt(value: str) -> str | None:
    return None if value in ("-", "") else value


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the word lists once per process."""
    pronouns = {r[0]: (r[1], _opt(r[2]) if r[2] != "n" else "n", r[3]) for r in _rows("pronouns.tsv")}
    roles: dict[str, RoleNoun] = {}
    plurals: dict[str, str] = {}
    for word, cls, gender, generic in _rows("role_nouns.tsv"):
        key = word.lower()
        roles[key] = RoleNoun(key, cls, _opt(gender), generic == "1")
        head, _, last = key.rpartition(" ")
        plurals[(head + " " if head else "") + pluralize(last)] = key
    max_words = max(len(k.replace("-", " - ").split()) for k in roles)
    honorifics = {r[0]: (_opt(r[1]), _opt(r[2]), _opt(r[3])) for r in _rows("honorifics.tsv")}
    first = {r[0]: r[1] for r in _rows("first_names.tsv")}
    org_nouns = {r[0]: r[1] for r in _rows("org_nouns.tsv")}
    org_plurals = {pluralize(k): k for k in org_nouns}
    aliases = {r[0]: r[1] for r in _rows("place_aliases.tsv")}
    place_nouns = frozenset(r[0] for r in _rows("place_nouns.tsv"))
    collectives = {r[0]: r[1] for r in _rows("collective_nouns.tsv")}
    # cheap pre-checks: most tokens cannot start or end a role phrase (the phrase lookups
    # were 10% of the entity stage's time on PolNeAR dev before these)
    phrases = [k.replace("-", " - ").split() for k in (*roles, *plurals)]
    return Lexicon(
        pronouns,
        roles,
        plurals,
        max_words,
        honorifics,
        first,
        org_nouns,
        org_plurals,
        aliases,
        place_nouns,
        collectives,
        frozenset(r[0] for r in _rows("speech_verbs.tsv")),
        frozenset(p[0] for p in phrases),
        frozenset(p[-1] for p in phrases),
    )


@dataclass
class Cluster:
    """One referent while entities are being collected (turned into an ``Entity`` at the end)."""

    kind: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[tuple[int, int]] = field(default_factory=list)
    members: list[int] = field(default_factory=list)
    gender: str | None = None
    role_words: set[str] = field(default_factory=set)
    role_classes: set[str] = field(default_factory=set)
    #: for a group of people: the classes of the role nouns that name it ("Representatives" -> legislator)
    group_classes: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 1 << 62


def quoted_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches inside double quotation marks.

    Straight and curly marks both open and close (articles mix them); a mark left
    open runs to the end of its paragraph, as in news style.
    """
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        i = p_start
        while i < p_end:
            ch = text[i]
            pair = text[i : i + 2]
            if pair in ("''", "``"):
                # typewriter-style quotes (``...'' or ''...'', as in some wire copy)
                if open_at is None:
                    open_at = i
                else:
                    out.append((open_at, i + 2))
                    open_at = None
                i += 2
                continue
            if open_at is None and ch in _OPEN_QUOTES:
                open_at = i
            elif open_at is not None and ch in _CLOSE_QUOTES:
                out.append((open_at, i + 1))
                open_at = None
            i += 1
        if open_at is not None:
            out.append((open_at, p_end))
    return out


class _Regions:
    """Fast ``offset in any region`` for sorted, disjoint regions."""

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        self._regions = sorted(regions)
        self._starts = [r[0] for r in self._regions]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._regions[i][0] <= offset < self._regions[i][1]


@dataclass
class _Occurrence:
    start: int
    sent: int
    cluster: int
    subject: bool
    verb: int = -1  # token index of the verb this mention is the subject of


def _subject_of(token: Token) -> int:
    """Index of the verb ``token`` (or the name it is part of) is the subject of, else -1."""
    t = token
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.head.i
        if t.dep_ in ("compound", "flat", "appos") and t.head is not t:
            t = t.head
            continue
        break
    return -1


def _nonreferential_it(tok: Token) -> bool:
    if tok.dep_ == "expl":
        return True
    if tok.dep_ != "nsubj":
        return True  # "fight it", "on it": objects are mostly things, not organisations
    head = tok.head
    if head.lemma_ in _NONREFERENTIAL_IT_HEADS:
        return True
    return any(
        c.dep_ in ("aux", "auxpass")
        and c.lemma_ in ("should", "must", "can", "could", "would")
        and head.lemma_ in _NONREFERENTIAL_IT_HEADS
        for c in head.children
    )


def _coordinated_people(
    doc: Doc,
    sents: Sequence[Any],
    s: int,
    tok: Token,
    clusters: list[Cluster],
    person_at: dict[int, int],
    coordinations: dict[tuple[int, ...], int],
) -> int | None:
    """A subject "X and Y" of named people in ``tok``'s sentence (before it) or the one before: their group.

    The group is made once per set of people and gets the coordination as its
    mention; ``None`` when there is no such subject.
    """
    for target in (s, s - 1):
        if target < 0:
            break
        sent = sents[target]
        stop = tok.i if target == s else sent.end
        for t in doc[sent.start : stop]:
            if t.dep_ not in ("nsubj", "nsubjpass", "ROOT") or t.pos_ != "PROPN" or not t.conjuncts:
                continue
            heads = [t, *t.conjuncts]
            members = [person_at.get(h.idx) for h in heads]
            if None in members or len(set(members)) < 2 or any(h.i >= stop for h in heads):
                continue
            key = tuple(sorted(set(m for m in members if m is not None)))
            gi = coordinations.get(key)
            if gi is None:
                first = min(heads, key=lambda h: h.i)
                last = max(heads, key=lambda h: h.i)
                start = min(first.left_edge.i, *(h.i for h in heads))
                while start < first.i and doc[start].dep_ in ("det", "punct", "cc"):
                    start += 1
                begin, end = doc[start].idx, last.idx + len(last.text)
                group = Cluster(kind="group", name=doc[start : last.i + 1].text, members=list(key))
                group.mentions.append(Mention(begin, end, doc[start : last.i + 1].text, "nominal"))
                clusters.append(group)
                gi = len(clusters) - 1
                coordinations[key] = gi
            return gi
    return None


def _local_description(doc: Doc, start: int, end: int, occupied: _Regions | set[int], lex: Lexicon) -> bool:
    """Is a person described but not named the subject in tokens ``[start, end)``?

    "The company's founder said ... but she denied": the pronoun
    refers to the description, which is no entity of ours, so it stays unlinked.
    """
    for t in doc[start:end]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.idx not in occupied and t.tag_ == "NN":
            if _role_head(doc, t, lex) is not None:
                return True
    return False


def _local_plural(doc: Doc, start: int, end: int, occupied: _Regions | set[int]) -> bool:
    """Is there another plural subject in tokens ``[start, end)``?

    A plural common noun outside any mention ("Party aides acknowledged ...") or
    coordinated subjects ("Doe and Brown did not react ...") are the likelier
    antecedents of a following "they"; we make no entity of them, so we do not link.
    """
    for t in doc[start:end]:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if t.tag_ in ("NNS", "NNPS") and t.idx not in occupied:
            return True
        if any(c.dep_ == "conj" for c in t.children):
            return True
    return False


def _named(c: Cluster) -> bool:
    return any(m.kind == "name" for m in c.mentions)


def _compatible(pron: tuple[str, str | None, str], cluster: Cluster) -> bool:
    number, gender, _case = pron
    if number == "pl":
        return cluster.kind == "group"
    if gender == "n":
        return cluster.kind in ("organization",)
    if cluster.kind != "person":
        return False
    return cluster.gender is None or cluster.gender == gender


def _choose(cands: list[_Occurrence], clusters: Sequence[Cluster], gender: str | None) -> int | None:
    ids = list(dict.fromkeys(o.cluster for o in cands))
    if len(ids) == 1:
        return ids[0]
    subjects = list(dict.fromkeys(o.cluster for o in cands if o.subject))
    if gender in ("m", "f"):
        # a candidate known to agree beats a subject of unknown gender ("Gov. Sam Keller
        # called Maria Olsen reckless after she attacked ...")
        known = [c for c in ids if clusters[c].gender == gender]
        if len(known) == 1 and not (len(subjects) == 1 and clusters[subjects[0]].gender == gender):
            return known[0]
    if len(subjects) == 1:
        return subjects[0]
    return None


def link_pronouns(
    doc: Doc,
    clusters: list[Cluster],
    occupied: _Regions | set[int],
    quoted: Sequence[tuple[int, int]],
) -> int:
    """Attach third-person pronouns to clusters; returns how many were linked."""
    lex = lexicon()
    in_quote = _Regions(quoted)
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]

    def sent_of(offset: int) -> int:
        return bisect.bisect_right(sent_starts, offset) - 1

    occs: list[_Occurrence] = []
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            if m.start in in_quote:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            verb = _subject_of(span.root) if span is not None and len(span) > 0 else -1
            if m.text.lower() in _RELATIVES:
                verb = -1  # "who" is the subject of a relative clause, not of the sentence
            occs.append(_Occurrence(m.start, sent_of(m.start), ci, verb >= 0, verb))
    # occurrences by sentence: a pronoun only looks a few sentences back, so each lookup
    # touches a handful of mentions however long the article is
    by_sent: dict[int, list[_Occurrence]] = {}
    for o in sorted(occs, key=lambda o: o.start):
        by_sent.setdefault(o.sent, []).append(o)
    # token offset -> person cluster, for coordinated subjects ("Mr. Doe and Mr. Brown ... They")
    person_at: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        if c.kind == "person":
            for m in c.mentions:
                if m.kind == "name":
                    for off in range(m.start, m.end):
                        person_at[off] = ci
    coordinations: dict[tuple[int, ...], int] = {}
    linked = 0
    # walk pronouns in order, inserting each linked pronoun as a new occurrence so chains form
    for tok in doc:
        low = tok.lower_
        pron = lex.pronouns.get(low)
        if pron is None or tok.pos_ not in ("PRON", "DET") or tok.idx in in_quote or tok.idx in occupied:
            continue
        if low == "it" and (_nonreferential_it(tok) or tok.head.lemma_ not in lex.speech_verbs):
            continue
        s = sent_of(tok.idx)
        window = PRONOUN_WINDOW
        if pron[1] in ("m", "f") and _local_description(doc, sents[s].start, tok.i, occupied, lex):
            continue
        if pron[0] == "pl":
            coordinated = _coordinated_people(doc, sents, s, tok, clusters, person_at, coordinations)
            if coordinated is not None:
                c = clusters[coordinated]
                c.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
                bisect.insort(
                    by_sent.setdefault(s, []),
                    _Occurrence(tok.idx, s, coordinated, False),
                    key=lambda o: o.start,
                )
                linked += 1
                continue
            # "several other states ... restated their backing": a plural noun
            # of the pronoun's own sentence is the likelier antecedent, and we do not
            # make entities of those; groups are looked for one sentence back at most.
            if _local_plural(doc, sents[s].start, tok.i, occupied):
                continue
            window = 1
        chosen: int | None = None
        for back in range(window + 1):
            target = s - back
            if target < 0:
                break
            cands = [
                o
                for o in by_sent.get(target, ())
                if o.start < tok.idx
                and _compatible(pron, clusters[o.cluster])
                # an unnamed person ("a spokesman") is an antecedent only as a subject
                and (o.subject or clusters[o.cluster].kind == "group" or _named(clusters[o.cluster]))
            ]
            if back == 0 and pron[2] in ("obj", "poss") and tok.dep_ != "poss":
                # "Smith met Brown and told him": an object pronoun is not its own clause's subject
                cands = [o for o in cands if o.verb != tok.head.i]
            if not cands:
                continue
            if pron[0] == "pl":
                sent = sents[target]
                if back and _local_plural(doc, sent.start, sent.end, occupied):
                    break
            if pron[1] == "n":
                # "it": only an organisation in subject position ("The ministry met on Monday. It
                # said ..."); objects and possessors were mostly wrong in a manual check
                cands = [o for o in cands if o.subject]
                if not cands:
                    break
            chosen = _choose(cands, clusters, pron[1])
            break
        if chosen is None:
            continue
        c = clusters[chosen]
        c.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
        if c.kind == "person" and c.gender is None and pron[1] in ("m", "f"):
            c.gender = pron[1]
        subj = tok.dep_ in ("nsubj", "nsubjpass")
        bisect.insort(
            by_sent.setdefault(s, []),
            _Occurrence(tok.idx, s, chosen, subj, tok.head.i if subj else -1),
            key=lambda o: o.start,
        )
        linked += 1
    return linked


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


def _role_head(doc: Doc, tok: Token, lex: Lexicon) -> tuple[RoleNoun, bool, int] | None:
    """The role noun ending at ``tok`` (``"prime minister"``, ``"co-chair"``): info, plural, first token."""
    if tok.lower_ not in lex.role_last_words:
        return None
    for n in range(min(lex.role_max_words, tok.i + 1), 0, -1):
        span = doc[tok.i - n + 1 : tok.i + 1]
        found = lex.role(span.text)
        if found is not None:
            return found[0], found[1], span.start
    return None


def link_descriptions(
    doc: Doc,
    clusters: list[Cluster],
    occupied: set[int],
) -> int:
    """Attach "the senator"/"the ministry"/"the senators" descriptions; returns how many were linked."""
    lex = lexicon()
    sent_starts = [s.start_char for s in doc.sents]

    def sent_of(offset: int) -> int:
        return bisect.bisect_right(sent_starts, offset) - 1

    def last_before(c: Cluster, offset: int) -> int:
        return max((m.start for m in c.mentions if m.start < offset), default=-1)

    linked = 0
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.idx in occupied:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") or (
            tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-",) and not doc[tok.i].whitespace_
        ):
            continue  # a modifier ("the Co-Chair countries"), not the head of its phrase
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.idx in occupied:
            continue  # a title before a name ("the Co-Chair Paul Renner"): a role, done by entities
        role = _role_head(doc, tok, lex)
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
            if any(doc[i].pos_ == "PROPN" and doc[i].idx in occupied for i in range(start, tok.i)):
                continue  # "the Moldovan minister" is fine, "the Emil minister" odd: skip
            offset = doc[start].idx
            cands = []
            for ci, c in enumerate(clusters):
                if c.kind != "person":
                    continue
                lb = last_before(c, offset)
                if lb < 0 or sent_of(offset) - sent_of(lb) > NOMINAL_WINDOW:
                    continue
                fits = info.word in c.role_words or (
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
    "X is a senator" and "X, a senator," describe X (roles), not someone new.
    """
    indefinite = any(d.lower_ in _INDEFINITE for d in dets) or any(
        c.dep_ == "nummod" and c.lower_ == "one" for c in tok.lefts
    )
    if not indefinite or tok.dep_ not in ("nsubj", "nsubjpass", "pobj"):
        return False
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


_RELATIVES = {
    "who": ("person", "group"),
    "whom": ("person", "group"),
    "whose": ("person", "group", "organization"),
    "which": ("organization", "place"),
    "that": ("person", "group", "organization"),
}


def link_relatives(doc: Doc, clusters: list[Cluster], occupied: set[int]) -> int:
    """ "Varga, who heads the community, said ...": a relative pronoun takes the entity of the noun its clause hangs on.

    The parse decides (the pronoun's clause is a ``relcl`` of a word inside one of
    the entity's mentions), so no guessing is involved; relative pronouns were
    15% of the description-like Sources in 300 PolNeAR train articles.
    """
    # mention start offsets -> cluster, to find the mention that holds a token
    spans = sorted(
        (m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions if m.kind != "pronoun"
    )
    starts = [s[0] for s in spans]
    linked = 0
    for tok in doc:
        kinds = _RELATIVES.get(tok.lower_)
        if kinds is None or tok.head.dep_ != "relcl" or tok.idx in occupied:
            continue
        if tok.lower_ == "that" and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        antecedent = tok.head.head
        i = bisect.bisect_right(starts, antecedent.idx) - 1
        found: int | None = None
        while i >= 0 and spans[i][0] <= antecedent.idx:
            s, e, ci = spans[i]
            if s <= antecedent.idx < e:
                found = ci if found is None or clusters[ci].kind in ("person", "group") else found
            if antecedent.idx - s > 300:
                break
            i -= 1
        if found is None or clusters[found].kind not in kinds:
            continue
        clusters[found].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
        occupied.add(tok.idx)
        linked += 1
    return linked
