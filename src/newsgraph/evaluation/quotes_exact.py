"""Exact-span scoring of attribution elements (``newsgraph eval quotes --exact``).

The way sequence taggers on PolNeAR are scored (e.g. CofeNet, COLING 2022),
applied to newsgraph's records:

* The article is cut into sentences (spaCy's sentence boundaries of our own
  parse) and tokens. Each element (source, cue, content) is a separate layer.
* A gold or predicted span is cut at sentence boundaries (an attribution that
  crosses sentences gives one span per sentence) and projected onto tokens: a
  token belongs to the span when their characters overlap. Discontiguous gold
  spans give one span per part.
* Within a layer, where spans nest or overlap, the longest is kept (one label
  per token per element). Gold gets the same treatment, so both sides are what
  a token tagger could output.
* A predicted span counts only when a gold span has exactly the same tokens in
  the same sentence. Micro precision, recall and F1 per element.

Predicted spans of a quote: its source phrase (``Quote.source``, else the speaker
mention), its cue, and each of its content spans; quotes nested within another
(``Quote.within``) are left out, as in the relation-level scores. A span shared by several relations counts once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsgraph.evaluation.scoring import PRF
from newsgraph.records import Quote

ELEMENTS = ("source", "cue", "content")

Spans = Sequence[tuple[int, int]]
TokenSpan = tuple[int, int]  # first token index, last token index + 1


@dataclass(frozen=True)
class Segmentation:
    """Character offsets of an article's tokens and sentences (sentences as token ranges)."""

    token_starts: tuple[int, ...]
    token_ends: tuple[int, ...]
    sentences: tuple[TokenSpan, ...]

    @classmethod
    def of_doc(cls, doc: object) -> Segmentation:
        toks = [t for t in doc if not t.is_space]  # type: ignore[attr-defined]
        starts = tuple(t.idx for t in toks)
        ends = tuple(t.idx + len(t.text) for t in toks)
        position = {t.i: k for k, t in enumerate(toks)}
        sents = []
        for s in doc.sents:  # type: ignore[attr-defined]
            ks = [position[t.i] for t in s if t.i in position]
            if ks:
                sents.append((ks[0], ks[-1] + 1))
        return cls(starts, ends, tuple(sents))

    def tokens(self, start: int, end: int) -> TokenSpan | None:
        """The tokens whose characters overlap ``[start, end)``, or None."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end)
        return (first, last) if first < last else None

    def cut(self, span: TokenSpan) -> list[TokenSpan]:
        """``span`` cut at sentence boundaries."""
        out = []
        for a, b in self.sentences:
            lo, hi = max(a, span[0]), min(b, span[1])
            if lo < hi:
                out.append((lo, hi))
        return out


def layer(seg: Segmentation, spans: Iterable[tuple[int, int]]) -> set[TokenSpan]:
    """Character spans as one token layer: cut at sentences, nested and overlapping ones to the longest."""
    pieces: set[TokenSpan] = set()
    for start, end in spans:
        t = seg.tokens(start, end)
        if t is not None:
            pieces.update(seg.cut(t))
    kept: list[TokenSpan] = []
    for p in sorted(pieces, key=lambda s: (s[0] - s[1], s[0])):
        if all(p[1] <= k[0] or p[0] >= k[1] for k in kept):
            kept.append(p)
    return set(kept)


def predicted_spans(quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {e: [] for e in ELEMENTS}
    for q in quotes:
        if q.within is not None:
            continue  # nested relations are not annotated in PolNeAR (see ``quotes``)
        src = q.source if q.source is not None else q.speaker.mention
        if src is not None:
            out["source"].append((src.start, src.end))
        if q.cue is not None:
            out["cue"].append((q.cue.start, q.cue.end))
        out["content"].extend((s.start, s.end) for s in q.content)
    return out


@dataclass
class ExactScores:
    prf: dict[str, PRF] = field(default_factory=lambda: {e: PRF() for e in ELEMENTS})

    def add(self, seg: Segmentation, gold: dict[str, list[tuple[int, int]]], quotes: Sequence[Quote]) -> None:
        pred = predicted_spans(quotes)
        for e in ELEMENTS:
            g = layer(seg, gold.get(e, ()))
            p = layer(seg, pred[e])
            self.prf[e].tp += len(g & p)
            self.prf[e].fp += len(p - g)
            self.prf[e].fn += len(g - p)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {e: self.prf[e].as_dict() for e in ELEMENTS}
