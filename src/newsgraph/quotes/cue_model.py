"""The trained cue classifier: which words outside the cue lexicon are attribution cues.

PolNeAR annotates every attribution of a statement, belief, perception or intention, and
most of its cues are a long tail of verbs, nouns and adjectives ("polls show", "officials
fear", "was reluctant to", "his concern that") that no hand list covers. ``candidates``
lists each word of the parse that has a complement that could be attributed content (a
clause, an infinitive, an object, a prepositional object); ``CueModel.score`` is a logistic
regression over sparse features of the word and its context (lemma, part of speech,
complement, subject, governing word, negation; since the eleventh issue-12 round also the
complement's shape, the subject's class and the word's place in its sentence) trained on PolNeAR train
(``python -m newsgraph.quotes.train_cues``, or ``make cue-model``), stored as JSON in
``data/cue_model.json``.

A missing or corrupt model file raises ``ModelError`` naming the file and how to rebuild it;
there is no silent fallback.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, cast

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Token

from newsgraph.entities.lexicon import lexicon
from newsgraph.errors import ModelError
from newsgraph.quotes.cues import CueLexicon, _clause_complement

MODEL_FILE = "data/cue_model.json"
REBUILD = "rebuild it with `make cue-model` (python -m newsgraph.quotes.train_cues)"
FORMAT = "newsgraph-cue-model/1"

_WH = frozenset({"that", "whether", "if", "how", "what", "why", "who", "when", "where"})
_PREPS = frozenset({"of", "about", "on", "for", "to", "against", "with", "over", "in", "at", "from"})


class Candidate(NamedTuple):
    """A word with a complement: ``kind`` c (clause), x (infinitive), o (object), p (preposition);
    ``comp`` the complement's head (for p, the preposition)."""

    tok: Token
    kind: str
    comp: Token


def candidates(tok: Token, *, clauses: bool = True) -> Iterator[Candidate]:
    """The complements of ``tok`` that could be attributed content, most clause-like first
    (``clauses=False``: not its clause complements)."""
    if tok.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
        return
    children = list(tok.children)
    for c in children:
        if (c.dep_ == "ccomp" and clauses) or (
            tok.pos_ == "NOUN" and c.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            yield Candidate(tok, "c", c)
            return
    for c in children:
        if c.dep_ in ("xcomp", "acl") and c.i > tok.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            yield Candidate(tok, "x", c)
            return
    if tok.pos_ == "VERB":
        for c in children:
            if c.dep_ == "dobj" and c.i > tok.i:
                yield Candidate(tok, "o", c)
                return
    for c in children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _PREPS and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            yield Candidate(tok, "p", c)
            return


def reported(cand: Candidate) -> Candidate | None:
    """The candidate whose complement is what ``cand``'s word reports. The classifier scores the
    first clause complement the parse gives (as in training); when that clause lies before the
    word and is cut off from it ("The pier was closed; the board argued the repairs ...") or a
    clause follows the word, the content is the clause after it, else the word's next
    complement, else nothing (``None``)."""
    tok, kind, comp = cand
    if kind != "c" or comp.dep_ != "ccomp":
        return cand
    clause = _clause_complement(tok)
    if clause is not None and clause.i == comp.i:
        return cand
    if clause is not None:
        return Candidate(tok, "c", clause)
    return next(candidates(tok, clauses=False), None)


def _subject_kind(tok: Token) -> str:
    t = tok
    if t.dep_ == "acomp" or (t.pos_ == "ADJ" and t.head.pos_ == "AUX"):
        t = t.head
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        if tok.pos_ == "NOUN":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            return "poss:" + (poss.pos_ if poss is not None else "none")
        return "none"
    kind = subj.dep_ + ":" + subj.pos_
    if subj.pos_ == "PRON":
        return kind + ":" + subj.lower_
    return kind + ":" + (subj.ent_type_ or "-")


def features(cand: Candidate, lex: CueLexicon) -> list[str]:
    """Sparse features of one candidate (strings; the model's weights are keyed by them)."""
    tok, kind, comp = cand
    lemma = tok.lemma_.lower()
    doc = tok.doc
    head = tok.head
    first = comp.left_edge if kind != "p" else comp
    nxt = doc[first.i + 1] if kind == "p" and first.i + 1 < len(doc) else first
    span_len = comp.right_edge.i - comp.left_edge.i + 1
    neg = any(c.dep_ == "neg" for c in tok.children)
    nested = False
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "xcomp") and lex.cls(t.head.lemma_.lower()):
            nested = True
            break
        t = t.head
    out = [
        "bias",
        f"lemma={lemma}",
        f"lemma+kind={lemma}|{kind}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lemma+dep={lemma}|{tok.dep_}",
        f"kind={kind}",
        f"pos+kind={tok.pos_}|{kind}",
        f"subj={_subject_kind(tok)}",
        f"lemma+subj={lemma}|{_subject_kind(tok).split(':')[0]}",
        f"head={head.lemma_.lower()}",
        f"headpos={head.pos_}|{tok.dep_}",
        f"lex={lex.cls(lemma) or 'none'}",
        f"lexframe={kind in lex.frames(lemma)}",
        f"neg={neg}",
        f"nested={nested}",
        f"first={first.lower_ if first.lower_ in _WH else first.pos_}",
        f"len={min(span_len, 20) // 4}",
        f"prev={doc[tok.i - 1].lower_ if tok.i else '^'}",
    ]
    if kind == "p":
        out.append(f"prep={comp.lower_}")
        out.append(f"lemma+prep={lemma}|{comp.lower_}")
        out.append(f"pobj={nxt.pos_}")
    elif kind == "o":
        out.append(f"obj={comp.pos_}|{comp.ent_type_ or '-'}")
        out.append(f"objlemma={comp.lemma_.lower()}")
    # the eleventh issue-12 round's families (compared held out one by one, docs/quotes.md)
    out.extend(_shape_features(cand, nxt))
    sk = _subject_class(tok)
    out.extend((f"sk={sk}", f"sk+kind={sk}|{kind}"))
    out.extend(_place_features(tok))
    return out


_QUOTE_CHARS = frozenset('"\u201c\u201d\u00ab\u00bb')
_FINITE_TAGS = {"VBD": "past", "VBZ": "pres", "VBP": "pres", "MD": "modal"}


class _Layout(NamedTuple):
    """Per document: ``marks[i]`` the number of tokens before token ``i`` holding a quotation
    mark (one entry more than tokens), and the first token of every sentence."""

    marks: list[int]
    starts: list[int]


_LAYOUT_KEY = "newsgraph.cue_layout"


def _doc_layout(doc: Doc) -> _Layout:
    """The document's ``_Layout``, built once and kept in ``doc.user_data`` (``Doc.text`` and
    ``Token.sent`` would walk the document or the sentence for every candidate)."""
    cached = doc.user_data.get(_LAYOUT_KEY)
    if cached is not None and len(cached.marks) == len(doc) + 1:
        return cast(_Layout, cached)
    arr = doc.to_array([ORTH, SENT_START])
    # by distinct word form, not by token: building every token (or ``Doc.text``) costs more
    forms, which = numpy.unique(arr[:, 0], return_inverse=True)
    strings = doc.vocab.strings
    quoted = numpy.array([any(ch in strings[int(f)] for ch in _QUOTE_CHARS) for f in forms], dtype=numpy.int64)
    has = numpy.zeros(len(doc) + 1, dtype=numpy.int64)
    has[1:] = quoted[which.reshape(-1)] if len(doc) else 0
    starts = numpy.flatnonzero(arr[:, 1] == 1).tolist() if len(doc) else []
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    layout = doc.user_data[_LAYOUT_KEY] = _Layout(numpy.cumsum(has).tolist(), starts)
    return layout


def _sentence(doc: Doc, layout: _Layout, i: int) -> tuple[int, int]:
    """Token ``i``'s sentence as token indices ``[start, end)``."""
    k = bisect_right(layout.starts, i)
    return layout.starts[k - 1], layout.starts[k] if k < len(layout.starts) else len(doc)


def _clause_shape(head: Token) -> str:
    """How finite a clause headed by ``head`` is: its tense (past, pres, modal, none), with its
    own subject or not, negated or not."""
    tense = _FINITE_TAGS.get(head.tag_, "none")
    subj = neg = False
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            subj = True
        elif c.dep_ == "neg":
            neg = True
        elif c.dep_ in ("aux", "auxpass") and c.i < head.i:
            if c.tag_ == "MD":
                tense = "modal"
            elif tense == "none" and c.tag_ in _FINITE_TAGS:
                tense = _FINITE_TAGS[c.tag_]
    return f"{tense}|{'s' if subj else '-'}|{'n' if neg else '-'}"


def _noun_shape(t: Token) -> str:
    """What a nominal complement is: a clause-bearing noun ("the claim that ..."), a gerund,
    a number, a name, a pronoun, or a bare thing."""
    if t.pos_ == "VERB":
        return "verb"
    if t.like_num or t.pos_ == "NUM":
        return "num"
    if t.pos_ == "PRON":
        return "pron"
    for c in t.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX"):
            return "noun+clause"
    if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "name"
    return "noun"


def _shape_features(cand: Candidate, nxt: Token) -> list[str]:
    """The complement's shape: a finite clause (tense, subject, negation), an infinitive with
    an object or a clause, a proposition or a mere thing; its length; a quotation mark in it."""
    tok, kind, comp = cand
    if kind == "c":
        shape = "c:" + _clause_shape(comp)
    elif kind == "x":
        inner = next((c.dep_ for c in comp.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and c.i > comp.i), "-")
        shape = f"x:{inner}"
    elif kind == "o":
        shape = "o:" + _noun_shape(comp)
    else:
        pobj = next((c for c in comp.children if c.dep_ in ("pobj", "pcomp")), nxt)
        shape = f"p:{pobj.dep_}:" + _noun_shape(pobj)
    a, b = comp.left_edge, comp.right_edge
    n = b.i - a.i + 1
    size = "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+"
    marks = _doc_layout(tok.doc).marks
    quoted = marks[b.i + 1] > marks[a.i]
    return [
        f"shape={shape}",
        f"size={kind}|{size}",
        f"shape+size={shape}|{size}",
        f"cquote={quoted}",
    ]


def _subject_class(tok: Token) -> str:
    """The kind of the candidate's subject (or agent, or possessor for a noun): a person, an
    organisation or place, a personal or other pronoun, a role noun, a document noun, a thing."""
    t = tok
    if t.dep_ == "acomp" or (t.pos_ == "ADJ" and t.head.pos_ == "AUX"):
        t = t.head
    subj = None
    for _ in range(3):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "poss")), None)
        if subj is not None or t.dep_ not in ("conj", "xcomp", "advcl") or t.head.i == t.i:
            break
        t = t.head
    agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        subj = agent
    if subj is None:
        return "none"
    pre = "agent:" if subj is agent else ""
    if subj.pos_ == "PRON":
        return pre + ("pron:person" if subj.lower_ in _PERSONAL else "pron:other")
    ent = subj.ent_type_
    if ent == "PERSON":
        return pre + "person"
    if ent in ("ORG", "NORP", "GPE"):
        return pre + "org"
    noun = subj.lemma_.lower()
    lex = lexicon()
    if noun in lex.roles or noun in lex.person_nouns or noun in ("people", "person"):
        return pre + "role"
    if noun in lex.document_nouns:
        return pre + "document"
    if noun in lex.org_nouns or noun in lex.description_nouns:
        return pre + "body"
    return pre + ("name" if subj.pos_ == "PROPN" else "thing")


_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who", "me", "us", "him", "her", "them"})


def _place_features(tok: Token) -> list[str]:
    """Where the candidate stands: its clause (main or the first subordinate label above it),
    its place in the sentence, a quotation mark in the sentence before or after it, and a
    sentence that opens with "According to" or "In a statement"."""
    t = tok
    clause = "main"
    for _ in range(8):
        if t.head.i == t.i:
            break
        if t.dep_ in ("advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis"):
            clause = t.dep_
            break
        t = t.head
    doc = tok.doc
    layout = _doc_layout(doc)
    start, end = _sentence(doc, layout, tok.i)
    off = tok.i - start
    where = "0-2" if off < 3 else "3-7" if off < 8 else "8-15" if off < 16 else "16+"
    marks = layout.marks
    before = marks[tok.i] > marks[start]
    after = marks[end] > marks[tok.i]
    first = doc[start].lower_
    opener = "-"
    if first == "according" or (first == "in" and end - start > 2 and doc[start + 1].lower_ in ("a", "an")):
        opener = first
    return [
        f"clause={clause}",
        f"clause+pos={clause}|{tok.pos_}",
        f"where={where}",
        f"squote={before}|{after}",
        f"opener={opener}",
    ]


@dataclass(frozen=True)
class CueModel:
    """A logistic regression over ``features``: ``score`` is P(the candidate is a cue)."""

    weights: dict[str, float]
    threshold: float

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def accepts(cand: Candidate, lex: CueLexicon) -> bool:
    """Whether the shipped classifier takes ``cand`` for a cue."""
    model = cue_model()
    return model.score(features(cand, lex)) >= model.threshold


def forward_cue(tok: Token, lex: CueLexicon, *, any_word: bool = False) -> Candidate | None:
    """``tok``'s first complement (``candidates``) when it follows ``tok`` and the classifier
    accepts it (``any_word``: whatever it says): the inner verb of "seemed to imply that ...",
    "declined to comment on ...", "tried to rally the board"."""
    cand = next(candidates(tok), None)
    if cand is None or cand.comp.i < tok.i or not (any_word or accepts(cand, lex)):
        return None
    return cand


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """Load ``data/cue_model.json`` once; ``ModelError`` when it is missing or corrupt."""
    path = resources.files("newsgraph").joinpath(MODEL_FILE)
    try:
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"the cue model is missing: {REBUILD}", source=f"newsgraph/{MODEL_FILE}") from exc
    return parse_model(raw, f"newsgraph/{MODEL_FILE}")


def parse_model(raw: str, source: str) -> CueModel:
    """A ``CueModel`` from the JSON text of a model file; ``ModelError`` naming ``source`` if it is not one."""
    weights, threshold = load_weights(raw, source, FORMAT, REBUILD)
    if threshold is None or not 0.0 < threshold < 1.0:
        raise ModelError(f"the cue model is corrupt (no weights or a bad threshold): {REBUILD}", source=source)
    return CueModel(weights, threshold)


def load_weights(raw: str, source: str, fmt: str, rebuild: str) -> tuple[dict[str, float], float | None]:
    """The weights (and threshold, if any) of a model file of format ``fmt``; ``ModelError``
    naming ``source`` and the ``rebuild`` command when it is not one."""
    try:
        data = json.loads(raw)
        if data.get("format") != fmt:
            raise ValueError(f"format {data.get('format')!r}, expected {fmt!r}")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        threshold = None if data.get("threshold") is None else float(data["threshold"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"the model is corrupt ({exc}): {rebuild}", source=source) from exc
    if not weights:
        raise ModelError(f"the model is corrupt (no weights): {rebuild}", source=source)
    return weights, threshold
