"""Quotation marks: the quoted stretches of an article (``_scan_marks``), the first step.

Every stretch in double quotation marks, paragraph by paragraph. Straight, curly,
``\u201e``/guillemets and the ````…''`` pairs of some wire texts are all accepted, and mixed
freely (a quote opened with a curly mark and closed with a straight one is one quote). A
mark's direction comes from its neighbours (space before: opening; space or punctuation
after: closing), else from the state. An opening mark never closed ends at its paragraph's
end; a quote left open at a paragraph's end whose next paragraph opens with a mark continues
there (the newspaper convention for multi-paragraph quotes). A paragraph typed with curly
marks only whose marks balance when counted as nested keeps its outer quote whole. Nothing
here can raise: stray marks are skipped.

An article that quotes speech in single marks (British style: ``‘We will not sign,’ the
minister said``) is read with those instead: when some single-quoted stretch is longer than
a scare quote and every double-quoted stretch lies inside a single one; apostrophes inside
words and cut-off clitics are no marks.

``context._build_ctx`` runs the scan once; every later step reads its ``_Quoted`` stretches.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph import framing

_DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»]")
_OPENERS = frozenset({"“", "„", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
_OPEN_BEFORE = frozenset("([{—–-/")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…")


@dataclass
class _Quoted:
    """A stretch in double quotation marks; ``[start, end)`` includes the marks that exist."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    paragraphs: int = 1


def _scan_marks(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[list[_Quoted], bool]:
    """All quoted stretches, multi-paragraph quotes joined, in text order, and whether they
    are in single marks (British style) rather than double ones."""
    doubles = _scan_double_marks(text, paragraphs)
    singles = _speech_marks_are_single(text, paragraphs, doubles)
    if singles is None:
        return doubles, False
    return _join_paragraphs(text, paragraphs, singles), True


def _scan_double_marks(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Quoted]:
    per_paragraph: list[list[_Quoted]] = []
    for p_start, p_end in paragraphs:
        found = _scan_paragraph(text, p_start, p_end)
        if any(not q.closed for q in found):
            # curly marks nested inside curly marks read as an unclosed quote then another:
            # counted, they balance (rare: 5 paragraphs of PolNeAR train, 1 of dev)
            nested = _scan_nested(text, p_start, p_end)
            if nested is not None:
                found = nested
        per_paragraph.append(found)
    return _join_paragraphs(text, paragraphs, per_paragraph)


def _direction(text: str, pos: int, length: int, p_start: int, p_end: int) -> str:
    prev = text[pos - 1] if pos > p_start else " "
    nxt = text[pos + length] if pos + length < p_end else " "
    left_open = prev.isspace() or prev in _OPEN_BEFORE
    right_open = nxt.isspace() or nxt in _CLOSE_AFTER
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def _scan_paragraph(text: str, p_start: int, p_end: int) -> list[_Quoted]:
    out: list[_Quoted] = []
    open_at: tuple[int, int] | None = None  # (position, length) of the pending opening mark
    for m in _DOUBLE_MARK.finditer(text, p_start, p_end):
        mark, pos, length = m.group(), m.start(), m.end() - m.start()
        if mark in _OPENERS or mark in _CLOSERS:
            kind = "open" if mark in _OPENERS else "close"
            # a curly mark typed the wrong way round ('create,“ said Clyburn') follows its neighbours
            # when they are unambiguous and a quote is (or is not) open
            d = _direction(text, pos, length, p_start, p_end)
            if d == "close" and kind == "open" and open_at is not None:
                kind = "close"
            elif d == "open" and kind == "close" and open_at is None:
                kind = "open"
        else:
            kind = _direction(text, pos, length, p_start, p_end)
            if kind == "either":
                kind = "close" if open_at is not None else "open"
        if kind == "open":
            if open_at is not None:
                # a second opening mark: the first quote was never closed
                end = pos
                while end > open_at[0] + open_at[1] and text[end - 1].isspace():
                    end -= 1
                out.append(_Quoted(open_at[0], end, open_at[0] + open_at[1], end, False))
            open_at = (pos, length)
        elif open_at is not None:
            out.append(_Quoted(open_at[0], pos + length, open_at[0] + open_at[1], pos, True))
            open_at = None
        # a closing mark with nothing open is stray: skipped
    if open_at is not None:
        out.append(_Quoted(open_at[0], p_end, open_at[0] + open_at[1], p_end, False))
    return [q for q in out if text[q.inner_start : q.inner_end].strip()]


def _scan_nested(text: str, p_start: int, p_end: int) -> list[_Quoted] | None:
    """The outermost quotes of a paragraph typed with curly marks only, nesting counted
    (“... what she calls “the mess” than ...”), or ``None`` when the marks do not balance."""
    out: list[_Quoted] = []
    depth = 0
    start = 0
    for m in _DOUBLE_MARK.finditer(text, p_start, p_end):
        mark = m.group()
        if mark in _OPENERS:
            if depth == 0:
                start = m.start()
            depth += 1
        elif mark in _CLOSERS:
            if depth == 0:
                return None
            depth -= 1
            if depth == 0:
                out.append(_Quoted(start, m.end(), start + 1, m.start(), True))
        else:
            return None  # a straight mark: direction unknown, leave it to _scan_paragraph
    if depth:
        return None
    return [q for q in out if text[q.inner_start : q.inner_end].strip()]


_SINGLE_MARK = re.compile(r"[‘’']")
_CLITIC_AFTER = re.compile(r"(?:s|t|d|ll|re|ve|m)(?![\w])", re.IGNORECASE)


def _scan_single_paragraph(text: str, p_start: int, p_end: int) -> list[_Quoted]:
    """Single-quoted stretches of a paragraph, for articles whose speech marks are single.

    An apostrophe inside a word ("can't", "union’s") is no mark. A mark after an "s" followed
    by a lower-case word ("the workers' pay") is read as a possessive first, and closes an open
    quote only when no later mark of the paragraph does.
    """
    out: list[_Quoted] = []
    open_at: tuple[int, int] | None = None
    possessive: int | None = None  # a skipped possessive-looking mark while a quote is open
    for m in _SINGLE_MARK.finditer(text, p_start, p_end):
        pos = m.start()
        prev = text[pos - 1] if pos > p_start else " "
        nxt = text[pos + 1] if pos + 1 < p_end else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: "don't", "O’Neill"
        if _CLITIC_AFTER.match(text, pos + 1, p_end):
            continue  # a clitic cut off its word ("Biden 's decision", "they 're")
        kind = "open" if m.group() == "‘" else _direction(text, pos, 1, p_start, p_end)
        if kind == "either":
            kind = "close" if open_at is not None else "open"
        if kind == "open":
            if open_at is None:
                open_at, possessive = (pos, 1), None
            continue
        if open_at is None:
            continue  # a stray closing mark or a possessive outside any quote
        after = text[pos + 1 : pos + 3]
        if prev in "sS" and after[:1] == " " and after[1:2].islower():
            possessive = pos
            continue
        out.append(_Quoted(open_at[0], pos + 1, open_at[0] + 1, pos, True))
        open_at, possessive = None, None
    if open_at is not None:
        if possessive is not None:
            out.append(_Quoted(open_at[0], possessive + 1, open_at[0] + 1, possessive, True))
        else:
            out.append(_Quoted(open_at[0], p_end, open_at[0] + 1, p_end, False))
    return [q for q in out if text[q.inner_start : q.inner_end].strip()]


def _speech_marks_are_single(
    text: str, paragraphs: Sequence[tuple[int, int]], doubles: Sequence[_Quoted]
) -> list[list[_Quoted]] | None:
    """The single-quoted stretches when the article quotes speech in single marks (British
    style: ‘We will not sign,’ the minister said), else ``None``.

    So read when some single-quoted stretch looks like speech (a sentence, or longer than a
    scare quote) and every double-quoted stretch lies inside a single-quoted one (a quote
    within a quote). An article with double-quoted speech keeps single marks for framing.
    """
    if not _SINGLE_MARK.search(text):
        return None
    per_paragraph = [_scan_single_paragraph(text, a, b) for a, b in paragraphs]
    singles = [q for found in per_paragraph for q in found]  # in text order, never overlapping
    if not any(not framing.is_framing_candidate(text[q.inner_start : q.inner_end]) for q in singles):
        return None
    starts = [q.start for q in singles]
    for d in doubles:
        k = bisect.bisect_right(starts, d.start) - 1
        if k < 0 or singles[k].end < d.end:
            return None
    return per_paragraph


def _join_paragraphs(
    text: str, paragraphs: Sequence[tuple[int, int]], per_paragraph: Sequence[list[_Quoted]]
) -> list[_Quoted]:
    """Join a quote left open at its paragraph's end with the next paragraph's opening quote."""
    quotes: list[_Quoted] = []
    for (p_start, _), found in zip(paragraphs, per_paragraph, strict=True):
        found = list(found)
        if (
            found
            and quotes
            and not quotes[-1].closed
            and quotes[-1].end >= _prev_paragraph_end(paragraphs, p_start)
            and found[0].start == p_start
        ):
            # the previous paragraph's quote ran to its end and this paragraph opens a mark
            prev = quotes.pop()
            first = found[0]
            found[0] = _Quoted(
                prev.start, first.end, prev.inner_start, first.inner_end, first.closed, prev.paragraphs + 1
            )
        quotes.extend(found)
    return quotes


def _prev_paragraph_end(paragraphs: Sequence[tuple[int, int]], p_start: int) -> int:
    i = bisect.bisect_left(paragraphs, (p_start, -1))
    return paragraphs[i - 1][1] if i > 0 else 0
