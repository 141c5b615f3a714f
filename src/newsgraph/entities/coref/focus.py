"""Descriptions of the entity in focus: "the billionaire", "the company", "the state".

A definite description with no name in it and no title the article gave someone ("the
senator" is matched on roles by ``descriptions``) refers back to an entity of its type that
the text has just been talking about: "Donald Trump took questions in Salem. The billionaire
businessman began by ...", "Twitter said in a statement ... The company said ...".

``Focus`` keeps, sentence by sentence, the mentions of every entity (names, descriptions and
pronouns already linked) and answers "which entity of this type is in focus here": the only
one mentioned in the nearest sentence (this one before the description, or one of the
``FOCUS_WINDOW`` before it) that mentions any, else the only subject among them; otherwise
nobody.

``link_in_focus`` links, as subjects or after "according to":

* person nouns that are no title (``data/person_nouns.tsv``: "the actress", "the retired
  neurosurgeon"), of the right gender ("the candidate" to the person in focus was right about
  half the time in PolNeAR train: titles are left to ``descriptions``); a person the article never names ("a nurse") only by
  the same noun or a plain one ("the woman");
* organisation nouns (``data/description_nouns.tsv``: "the company", "the agency") to an
  organisation whose name holds that noun ("the board": "Illinois Board of Elections"), else
  whose sector in the knowledge base fits (a company is BUS, an agency GOV ...), else, for
  nouns that allow it ("the company", not "the administration"), one the knowledge base does
  not know;
* place nouns ("the state", "the city", "the country") to a place of that kind.

Runs after the pronouns (``extract`` then links the pronouns once more, for "he" after "the
billionaire").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import sentence_starts, tokens_of
from newsgraph.entities.common import Cluster, role_head
from newsgraph.entities.coref.descriptions import _add, _np_start
from newsgraph.entities.coref.salience import subject_of
from newsgraph.entities.lexicon import Lexicon, lexicon

#: How many sentences back (besides the description's own) a description looks for its entity.
FOCUS_WINDOW = 3
#: Words that describe anyone, so may refer back to a person introduced by another noun ("a nurse ... the woman").
#: organisation nouns that say nothing of the kind of organisation
_GENERIC_ORG = frozenset({"group", "organization", "organisation"})
_PLAIN_PERSON = frozenset({"man", "woman", "person", "guy", "lady", "gentleman", "individual", "boy", "girl"})


@dataclass(frozen=True)
class _Row:
    start: int
    cluster: int
    subject: bool


class Focus:
    """The mentions of every cluster, by sentence (kept up to date as descriptions are linked)."""

    def __init__(self, doc: Doc, clusters: list[Cluster]) -> None:
        self.doc = doc
        self.clusters = clusters
        self._sent_starts = sentence_starts(doc)
        self._by_sent: dict[int, list[_Row]] = {}
        for ci, c in enumerate(clusters):
            for m in c.mentions:
                self.add(m.start, m.end, ci)

    def sent_of(self, offset: int) -> int:
        return bisect.bisect_right(self._sent_starts, offset) - 1

    def add(self, start: int, end: int, cluster: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        subject = span is not None and len(span) > 0 and subject_of(span.root) >= 0
        row = _Row(start, cluster, subject)
        bisect.insort(self._by_sent.setdefault(self.sent_of(start), []), row, key=lambda r: r.start)

    def find(self, offset: int, accept: Callable[[Cluster], bool], *, window: int = FOCUS_WINDOW) -> int | None:
        """The cluster in focus before ``offset`` among those ``accept`` takes, or ``None``."""
        s = self.sent_of(offset)
        for target in range(s, max(-1, s - window - 1), -1):
            rows = [
                r for r in self._by_sent.get(target, ()) if r.start < offset and accept(self.clusters[r.cluster])
            ]
            if not rows:
                continue
            ids = list(dict.fromkeys(r.cluster for r in rows))
            if len(ids) == 1:
                return ids[0]
            subjects = list(dict.fromkeys(r.cluster for r in rows if r.subject))
            return subjects[0] if len(subjects) == 1 else None
        return None


def link_in_focus(doc: Doc, clusters: list[Cluster], occupied: set[int], kb: Any = None) -> int:
    """Attach definite descriptions to the entity in focus; returns how many were linked."""
    lex = lexicon()
    # built at the first candidate: most calls find none, and both index every mention
    focus: Focus | None = None
    name_kind: dict[int, str] = {}
    types = _Types(kb, lex)
    linked = 0
    for tok in tokens_of(doc):
        if tok.pos_ != "NOUN" or tok.idx in occupied:
            continue
        if tok.lower_ not in lex.person_nouns and tok.lower_ not in lex.description_nouns:
            continue  # no description the steps below could link
        if not _definite_subject(doc, tok):
            continue
        if focus is None:
            focus = Focus(doc, clusters)
            name_kind = {
                off: c.kind
                for c in clusters
                for m in c.mentions
                if m.kind == "name"
                for off in range(m.start, m.end)
            }
        start = _np_start(tok, keep_det=True)
        if any(doc[i].idx in name_kind for i in range(start, tok.i)):
            continue  # "the Trump campaign", "the Texas senator": the name says who, not the focus
        noun = tok.lower_
        accept: Callable[[Cluster], bool] | None = None
        role = role_head(doc, tok, lex)
        if noun in lex.person_nouns and role is None:
            accept = _person_fits(noun, lex.person_nouns[noun], named=noun in lex.focus_nouns)

        elif noun in lex.description_nouns:
            kind, fits, unknown, _ = lex.description_nouns[noun]
            accept = types.place_fits(fits) if kind == "place" else types.org_fits(noun, fits, unknown)
        if accept is None:
            continue
        ci = focus.find(doc[start].idx, accept)
        if ci is None:
            continue
        _add(clusters[ci], doc, start, tok.i + 1, "nominal", occupied)
        focus.add(doc[start].idx, tok.idx + len(tok.text), ci)
        linked += 1
    return linked


def _definite_subject(doc: Doc, tok: Token) -> bool:
    """ "the X" (singular) as a subject or after "according to"."""
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if tok.tag_ != "NN" or not dets or any(d.lower_ != "the" for d in dets):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and doc[head.i - 1].lower_ == "according"


def _person_fits(noun: str, gender: str | None, *, named: bool) -> Callable[[Cluster], bool]:
    """``named``: the noun may describe a named person ("the actress"); "the source", "the voter" refer
    only to someone introduced by that noun ("a source close to the campaign")."""

    def fits(c: Cluster) -> bool:
        if c.kind != "person" or (gender is not None and c.gender not in (None, gender)):
            return False
        # someone the article never names is "the reporter" again, or "the man", not "the businessman"
        if named and any(m.kind == "name" for m in c.mentions):
            return True
        return noun in c.role_words or noun in _PLAIN_PERSON

    return fits


class _Types:
    """What the knowledge base says an organisation's sectors and a place's kind are (cached by name)."""

    def __init__(self, kb: Any, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex
        self._sectors: dict[str, frozenset[str] | None] = {}
        self._places: dict[str, str | None] = {}

    def sectors(self, name: str) -> frozenset[str] | None:
        if name not in self._sectors:
            m = self.kb.lookup(name, fuzzy=False) if self.kb is not None else None
            if m is None:
                self._sectors[name] = None
            else:
                self._sectors[name] = frozenset(m.sector) | ({"IGO"} if m.kind == "igo" else frozenset())
        return self._sectors[name]

    def place_kind(self, name: str) -> str | None:
        if name not in self._places:
            kind = None
            if self.kb is not None:
                m = self.kb.lookup(name, fuzzy=False)
                if m is not None and m.kind in ("country", "capital"):
                    kind = m.kind
                else:
                    p = self.kb.place(name)
                    kind = p.kind if p is not None and p.confidence >= 1.0 else None
            self._places[name] = kind
        return self._places[name]

    def org_fits(self, noun: str, fits: frozenset[str], unknown: bool) -> Callable[[Cluster], bool]:
        def accept(c: Cluster) -> bool:
            if c.kind != "organization" or not c.name:
                return False
            nouns = {w for w in c.name.lower().split() if w in self.lex.description_nouns or w in self.lex.org_nouns}
            if nouns:
                # "the board" is the "Illinois Board of Elections", "the agency" not the "Democratic Party"
                if noun in nouns:
                    return True
                # "the group" is also the "National Golf Foundation" or the "Hunger Coalition": a
                # name whose nouns name no sector ("the group" is no party, ministry or company)
                return noun in _GENERIC_ORG and not any(
                    w in self.lex.description_nouns and self.lex.description_nouns[w][1] for w in nouns
                )
            known = self.sectors(c.name)
            if not fits:
                # "the group": an organisation of no known kind ("the rights group" is not the UN)
                return known is None and noun in ("group", "organization", "organisation")
            return bool(known & fits) if known is not None else unknown

        return accept

    def place_fits(self, fits: frozenset[str]) -> Callable[[Cluster], bool]:
        def accept(c: Cluster) -> bool:
            return c.kind == "place" and bool(c.name) and self.place_kind(c.name) in fits

        return accept
