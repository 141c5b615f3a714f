"""The trained content-end model: where an indirect content ends.

PolNeAR's annotators end a reported clause at places the parse does not mark: before an
aside the writer adds ("..., though he did not say who"), a setting of the cue verb the
parser hung inside the content ("he was on the plane [via Facebook on Friday]"), or after a
coordinated clause the parse cut off ("she was tired of the status quo and wanted ...").
The rules of ``spans.py`` give a content; ``end_candidates`` lists the places in its last
sentence where it could end instead (each punctuation mark, coordinating or subordinating
word and phrase attached outside the content, and the sentence's end), and ``BoundModel``
scores each one with a logistic regression over sparse features of the words around it; the
best-scoring place wins (the rules' own end is one candidate, with a feature of its own).

Trained by ``python -m newsgraph.quotes.train_bounds`` (``make bound-model``) on PolNeAR
train only, from the rules' contents with the model off, stored as JSON in
``data/bound_model.json``. A missing or corrupt model file raises ``ModelError`` naming the
file and how to rebuild it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.document import tokens_of
from newsgraph.errors import ModelError
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.cue_model import load_weights
from newsgraph.quotes.cues import word_list
from newsgraph.quotes.spans import _MEDIUM, _SETTING_PREPS

MODEL_FILE = "data/bound_model.json"
REBUILD = "rebuild it with `make bound-model` (python -m newsgraph.quotes.train_bounds)"
FORMAT = "newsgraph-bound-model/1"

#: punctuation a content may end before
_BREAKS = frozenset({",", ";", ":", "--", "—", "–", "-", "(", ")"})
#: the kinds of relation whose contents the model ends (a direct quote's are its quotation marks)
KINDS = frozenset({"indirect"})
#: at most this many candidate ends per content (the nearest to the rules' end first)
_MAX = 12


class End(NamedTuple):
    """A candidate end: ``tok`` the first token after the content, ``feats`` its features."""

    tok: int
    feats: list[str]


_HEADS_KEY = "newsgraph.quotes.bounds.heads"


def _heads(ctx: _Ctx) -> list[int]:
    """The head index of every token, read once per document (``Token.head`` makes a new token
    at each access) and kept in ``doc.user_data``."""
    doc = ctx.doc
    cached = doc.user_data.get(_HEADS_KEY)
    if cached is None or len(cached) != len(doc):
        rel = doc.to_array("HEAD").astype("int64")
        cached = doc.user_data[_HEADS_KEY] = [i + int(r) for i, r in enumerate(rel)]
    return cached


_COUNTS_KEY = "newsgraph.quotes.bounds.counts"


def _counts(ctx: _Ctx) -> tuple[list[int], list[int], list[int]]:
    """Running counts of verbs, subjects and quoted tokens (``c[j]``: among the first ``j``
    tokens), once per document: whether a stretch of tokens holds one is a subtraction."""
    doc = ctx.doc
    cached = doc.user_data.get(_COUNTS_KEY)
    if cached is None or len(cached[0]) != len(doc) + 1:
        verbs, subjs, quoted = [0], [0], [0]
        for t in tokens_of(doc):
            verbs.append(verbs[-1] + (t.pos_ in ("VERB", "AUX")))
            subjs.append(subjs[-1] + (t.dep_ in ("nsubj", "nsubjpass")))
            quoted.append(quoted[-1] + (ctx.quoted[t.i] >= 0))
        cached = doc.user_data[_COUNTS_KEY] = (verbs, subjs, quoted)
    return cached


def _cue_head(ctx: _Ctx, cue: tuple[int, int] | None) -> int:
    """The token heading the cue span (its verb, noun or adjective: the one whose head lies outside
    the span), not its first token: "has described", "earlier congratulated", "did not say" are
    headed by their verb; -1 without a cue."""
    if cue is None:
        return -1
    heads = _heads(ctx)
    a, b = ctx.tok_at(cue[0]), ctx.tok_at(cue[1])
    for j in range(a, min(b, len(heads))):
        if not a <= heads[j] < b or heads[j] == j:
            return j
    return a


def _roots(heads: list[int], lo: int, up: int) -> list[int]:
    """The tokens of ``[lo, up)`` whose head lies outside it (or who are their own head)."""
    return [j for j in range(lo, up) if not lo <= heads[j] < up or heads[j] == j]


def _bucket(n: int) -> str:
    n = abs(n)
    return "0" if n == 0 else "1" if n <= 2 else "3" if n <= 5 else "6" if n <= 10 else "11"


def end_candidates(
    ctx: _Ctx, start: int, end: int, cue: tuple[int, int] | None, cue_head: int | None = None
) -> list[End]:
    """The places a content whose last span covers tokens ``[start, end)`` could end: within
    its sentence and paragraph, never inside a quotation, the cue or across a line."""
    doc = tokens_of(ctx.doc)
    heads = _heads(ctx)
    n = len(doc)
    if not 0 <= start < end <= n:
        return []
    last = doc[end - 1]
    sent = last.sent
    hi = sent.end
    while hi - 1 > end - 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in (")",):
        hi -= 1
    # the content never reaches a quotation, the cue or a line break after its end
    cue_tok = ctx.tok_at(cue[0]) if cue is not None else -1
    for k in range(end, hi):
        t = doc[k]
        if ctx.quoted[k] >= 0 or k == cue_tok or "\n" in t.text or ctx.para_of_tok[k] != ctx.para_of_tok[end - 1]:
            hi = k
            break
    places = {end}
    if hi > end:
        places.add(hi)
    for k in range(start + 2, hi):
        if k == end or ctx.quoted[k] >= 0 or ctx.quoted[k - 1] >= 0:
            continue
        t = doc[k]
        if t.text in _BREAKS or t.dep_ in ("cc", "mark") or (
            t.dep_ in ("prep", "advcl", "npadvmod", "advmod") and not start <= heads[k] < k and t.left_edge.i == k
        ):
            places.add(k)
    ordered = sorted(places, key=lambda k: (abs(k - end), k))[:_MAX]
    ch = _cue_head(ctx, cue) if cue_head is None else cue_head
    head_tok = doc[ch] if 0 <= ch < n else None
    first = doc[start]
    ctx_feats = [
        f"first={first.lower_ if first.lower_ in ('that', 'to', 'whether', 'if') else first.pos_}",
        f"cuepos={head_tok.pos_ if head_tok is not None else '-'}",
    ]
    cont = _root_dep(doc, heads, start, end)
    out = []
    for k in sorted(ordered):
        feats = _features(ctx, doc, heads, start, end, hi, k, ch, cont)
        out.append(End(k, feats + ctx_feats))
    return out


def _root_dep(doc: Sequence[Token], heads: Sequence[int], start: int, end: int) -> str:
    """The dependency label of the head of tokens ``[start, end)`` (the one whose head lies outside)."""
    for j in range(start, end):
        h = heads[j]
        if not start <= h < end or h == j:
            return doc[j].dep_
    return "-"


def _features(
    ctx: _Ctx, doc: Sequence[Token], heads: list[int], start: int, end: int, hi: int, k: int, cue_tok: int, cont: str
) -> list[str]:
    d = "cur" if k == end else "cut" if k < end else "ext"
    b = doc[k] if k < len(doc) else None
    nx = doc[k + 1] if k + 1 < len(doc) else None
    lastt = doc[k - 1]
    lo, up = min(k, end), max(k, end)
    verbs, subjs, quoted = _counts(ctx)
    if b is None:
        bw, bpos, bdep, battach = "$", "$", "$", "$"
    else:
        bw = b.lower_ if (b.is_punct or b.pos_ in ("CCONJ", "SCONJ", "ADP", "PRON", "DET", "AUX", "PART")) else b.pos_
        bpos, bdep = b.pos_, b.dep_
        h = heads[k]
        battach = "cue" if h == cue_tok else "in" if start <= h < k else "after" if h >= k else "before"
    nw = "$" if nx is None else (nx.lower_ if nx.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "VERB") else nx.pos_)
    out = [
        "bias",
        f"d={d}",
        f"d+b={d}|{bw}",
        f"d+bdep={d}|{bdep}",
        f"d+bpos={d}|{bpos}",
        f"d+attach={d}|{battach}",
        f"d+bn={d}|{bw}|{nw}",
        f"d+n={d}|{nw}",
        f"d+dist={d}|{_bucket(k - end)}",
        f"d+len={d}|{_bucket(k - start)}",
        f"d+last={d}|{lastt.lower_ if lastt.is_punct else lastt.pos_}",
        f"d+sentend={d}|{k == hi}",
        f"d+segverb={d}|{verbs[up] > verbs[lo]}",
        f"d+segquote={d}|{quoted[up] > quoted[lo]}",
        f"d+battach+b={d}|{battach}|{bw}",
        f"d+cont={d}|{cont}",
        f"d+cont+battach={d}|{cont}|{battach}|{bdep}",
    ]
    if d != "cur" and up > lo:
        roots = _roots(heads, lo, up)
        root = next((doc[j] for j in roots if not doc[j].is_punct), doc[roots[0]])
        h = heads[root.i]
        attach = "cue" if h == cue_tok else "content" if start <= h < lo else "after" if h >= up else "before"
        word = next((doc[j] for j in range(lo, up) if not doc[j].is_punct), doc[lo])
        ww = word.lower_ if word.pos_ in ("CCONJ", "SCONJ", "ADP", "PRON", "DET", "AUX", "PART", "ADV") else word.pos_
        out += [
            f"d+segroot={d}|{root.dep_}|{root.pos_}",
            f"d+segattach={d}|{attach}|{root.dep_}",
            f"d+segword={d}|{ww}",
            f"d+segsubj={d}|{subjs[up] > subjs[lo]}",
            f"d+roots={d}|{min(len(roots), 3)}",
            f"d+cont+segattach={d}|{cont}|{attach}|{root.dep_}",
        ]
    return out


def start_candidates(
    ctx: _Ctx, start: int, end: int, cue: tuple[int, int] | None, cue_head: int | None = None
) -> list[End]:
    """The places a content whose first span covers tokens ``[start, end)`` could start: within
    its sentence and paragraph, after the cue when the cue comes first, never inside a quotation
    or across a line. ``End.tok`` is the first token of the content."""
    doc = tokens_of(ctx.doc)
    heads = _heads(ctx)
    n = len(doc)
    if not 0 <= start < end <= n:
        return []
    first = doc[start]
    lo = first.sent.start
    cue_tok = ctx.tok_at(cue[0]) if cue is not None else -1
    cue_end = ctx.tok_at(cue[1]) if cue is not None else -1
    for k in range(start - 1, lo - 1, -1):
        t = doc[k]
        if ctx.quoted[k] >= 0 or k == cue_end - 1 or "\n" in t.text or ctx.para_of_tok[k] != ctx.para_of_tok[start]:
            lo = k + 1
            break
    while lo < start and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    places = {start}
    if lo < start:
        places.add(lo)
    for k in range(lo + 1, end - 1):
        if k == start or ctx.quoted[k] >= 0 or ctx.quoted[k - 1] >= 0 or doc[k].is_punct or doc[k].is_space:
            continue
        t = doc[k]
        if doc[k - 1].text in _BREAKS or t.dep_ in ("mark", "cc") or t.lower_ in ("that", "to") or (
            t.dep_ in ("ccomp", "dobj", "pobj", "nsubj", "advcl", "prep", "xcomp", "conj")
            and not k <= heads[k] < end
            and t.left_edge.i == k
        ):
            places.add(k)
    ordered = sorted(places, key=lambda k: (abs(k - start), k))[:_MAX]
    ch = _cue_head(ctx, cue) if cue_head is None else cue_head
    head_tok = doc[ch] if 0 <= ch < n else None
    shared = [f"S:cuepos={head_tok.pos_ if head_tok is not None else '-'}", f"S:cueside={'before' if cue_tok < start else 'after'}"]
    cont = _root_dep(doc, heads, start, end)
    out = []
    for k in sorted(ordered):
        feats = _start_features(ctx, doc, heads, start, end, lo, k, ch, cue_end)
        d = feats[1][4:]
        feats.append(f"S:d+cont={d}|{cont}")
        out.append(End(k, feats + shared))
    return out


def _start_features(
    ctx: _Ctx, doc: Sequence[Token], heads: list[int], start: int, end: int, lo: int, k: int, cue_tok: int, cue_end: int
) -> list[str]:
    d = "cur" if k == start else "cut" if k > start else "ext"
    t = doc[k]
    prev = doc[k - 1] if k > 0 else None
    a, b = min(k, start), max(k, start)
    tw = _word(t)
    pw = "^" if prev is None else _word(prev)
    h = heads[k]
    attach = "cue" if h == cue_tok else "in" if k <= h < end else "before" if h < k else "after"
    out = [
        "S:bias",
        f"S:d={d}",
        f"S:d+t={d}|{tw}",
        f"S:d+tdep={d}|{t.dep_}",
        f"S:d+p={d}|{pw}",
        f"S:d+pt={d}|{pw}|{tw}",
        f"S:d+attach={d}|{attach}|{t.dep_}",
        f"S:d+dist={d}|{_bucket(k - start)}",
        f"S:d+len={d}|{_bucket(end - k)}",
        f"S:d+sentstart={d}|{k == lo}",
        f"S:d+prevcue={d}|{k == cue_end or (prev is not None and heads[k - 1] == cue_tok)}",
    ]
    if b > a:
        verbs, subjs, quoted = _counts(ctx)
        roots = _roots(heads, a, b)
        root = next((doc[j] for j in roots if not doc[j].is_punct), doc[roots[0]])
        rh = heads[root.i]
        rattach = "cue" if rh == cue_tok else "content" if b <= rh < end else "before" if rh < a else "after"
        out += [
            f"S:d+segroot={d}|{root.dep_}|{root.pos_}",
            f"S:d+segattach={d}|{rattach}|{root.dep_}",
            f"S:d+segverb={d}|{verbs[b] > verbs[a]}",
            f"S:d+segsubj={d}|{subjs[b] > subjs[a]}",
            f"S:d+segquote={d}|{quoted[b] > quoted[a]}",
            f"S:d+roots={d}|{min(len(roots), 3)}",
        ]
    return out


def _word(t: Token) -> str:
    return t.lower_ if (t.is_punct or t.pos_ in ("CCONJ", "SCONJ", "ADP", "PRON", "DET", "AUX", "PART", "ADV")) else t.pos_


@dataclass(frozen=True)
class BoundModel:
    """A logistic regression over the features of a candidate end: ``score`` is P(the content ends there)."""

    weights: dict[str, float]

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def adjust(ctx: _Ctx, content: list[tuple[int, int]], cue: tuple[int, int] | None) -> list[tuple[int, int]]:
    """``content`` (sorted spans) with its first span starting and its last span ending where
    the model puts them; each place is chosen on the rules' content, and a choice that would
    leave a span empty is not made."""
    if not content:
        return content
    model = bound_model()
    doc = tokens_of(ctx.doc)
    ch = _cue_head(ctx, cue)
    out = list(content)
    a, b = content[-1]
    start, end = ctx.tok_at(a), ctx.tok_at(b)
    if start < end <= len(doc) and ctx.quoted[end - 1] < 0:
        cands = [c for c in end_candidates(ctx, start, end, cue, ch) if c.tok <= end or not _adds_aside(ctx, end, c.tok, ch)]
        if len(cands) >= 2:
            best = max(cands, key=lambda c: (model.score(c.feats), c.tok == end))
            last = doc[best.tok - 1]
            out[-1] = (a, last.idx + len(last.text))
    a, b = content[0]
    start, end = ctx.tok_at(a), ctx.tok_at(b)
    if start < end <= len(doc) and ctx.quoted[start] < 0:
        cands = start_candidates(ctx, start, end, cue, ch)
        if len(cands) >= 2:
            best = max(cands, key=lambda c: (model.score(c.feats), c.tok == start))
            if doc[best.tok].idx < out[0][1]:
                out[0] = (doc[best.tok].idx, out[0][1])
    return out


def _adds_aside(ctx: _Ctx, lo: int, up: int, cue_head: int = -1) -> bool:
    """Tokens ``[lo, up)`` are only the time, setting or medium of the act ("for years", "on Tuesday",
    "in a statement", "after the vote" on the cue verb, an adverb of time of the cue verb: "rejected the vote earlier",
    ``data/time_adverbs.tsv``), or a relative clause set off by a comma (", which surprised the board":
    the writer's aside, the guidelines' "be conservative"): the content is not extended over
    them, whatever the model says (the rules leave them out: ``spans.object_tail``,
    ``spans.trailing_aside``)."""
    doc = tokens_of(ctx.doc)
    words = [j for j in range(lo, up) if not doc[j].is_punct]
    if words and words[0] > lo and doc[words[0]].tag_ in ("WDT", "WP", "WP$") and doc[lo].text == ",":
        return True
    heads = _heads(ctx)
    roots = [j for j in _roots(heads, lo, up) if not doc[j].is_punct]
    if not roots:
        return False
    for j in roots:
        t = doc[j]
        if t.ent_type_ in ("DATE", "TIME"):
            continue
        if heads[j] == cue_head and t.dep_ in ("advmod", "npadvmod") and t.lower_ in word_list("time_adverbs"):
            continue
        if t.dep_ == "prep" and any(
            g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in _MEDIUM) for g in t.children
        ):
            continue
        if t.dep_ == "prep" and heads[j] == cue_head and t.lower_ in _SETTING_PREPS:
            # the time or setting of the cue verb's act ("criticized the board after the vote")
            continue
        return False
    return True


@lru_cache(maxsize=1)
def bound_model() -> BoundModel:
    """Load ``data/bound_model.json`` once; ``ModelError`` when it is missing or corrupt."""
    path = resources.files("newsgraph").joinpath(MODEL_FILE)
    try:
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"the content-end model is missing: {REBUILD}", source=f"newsgraph/{MODEL_FILE}") from exc
    return parse_model(raw, f"newsgraph/{MODEL_FILE}")


def parse_model(raw: str, source: str) -> BoundModel:
    """A ``BoundModel`` from the JSON text of a model file; ``ModelError`` naming ``source`` if it is not one."""
    weights, _ = load_weights(raw, source, FORMAT, REBUILD)
    return BoundModel(weights)
