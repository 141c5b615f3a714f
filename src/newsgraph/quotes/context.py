"""The state every step reads: the parse, the entity index, the cue lexicon and the quotes.

``_build_ctx`` runs the quotation-mark scan (``marks.py``) once and records, per token, the
quote and the paragraph it lies in. ``extract.py`` builds it first and hands it to each step.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsgraph.document import ParsedDocument, tokens_of
from newsgraph.entities import EntityIndex
from newsgraph.quotes.cues import CueLexicon, cue_lexicon
from newsgraph.quotes.marks import _Quoted, _scan_marks


@dataclass
class _Ctx:
    parsed: ParsedDocument
    index: EntityIndex
    lex: CueLexicon
    doc: Doc
    text: str
    starts: list[int]
    quoted: list[int]  # per token: index of the direct quote containing it, or -1
    quotes: list[_Quoted]
    para_of_tok: list[int]
    single_marks: bool = False  # speech is in single quotation marks (British style)
    nested: list[Any] = field(default_factory=list)  # relations within another's content (records._Relation)
    rejected: set[int] = field(default_factory=set)  # cue tokens the rules refused on purpose

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


def _build_ctx(parsed: ParsedDocument, index: EntityIndex) -> _Ctx:
    text = parsed.text
    doc = parsed.doc
    starts = [t.idx for t in tokens_of(doc)]
    quotes, single_marks = _scan_marks(text, parsed.paragraphs)
    quoted = [-1] * len(doc)
    for qi, q in enumerate(quotes):
        lo = bisect.bisect_left(starts, q.start)
        hi = bisect.bisect_left(starts, q.end)
        for k in range(lo, hi):
            quoted[k] = qi
    return _Ctx(
        parsed,
        index,
        cue_lexicon(),
        doc,
        text,
        starts,
        quoted,
        quotes,
        _para_index(parsed.paragraphs, starts),
        single_marks,
    )


def _para_index(paragraphs: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[int]:
    out = []
    p = 0
    for s in starts:
        while p + 1 < len(paragraphs) and paragraphs[p][1] <= s:
            p += 1
        out.append(p)
    return out


def _para_no(paragraphs: Sequence[tuple[int, int]], offset: int) -> int:
    return max(0, bisect.bisect_right(paragraphs, (offset, 1 << 60)) - 1)
