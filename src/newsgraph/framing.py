"""Framing devices found while reading quotation marks: scare quotes and quoted titles.

A short stretch in quotation marks that nobody is reported as saying
("the 'peace summit'", the film "The Long Summer Road") is not a quotation: it is
kept here as a ``FramingItem`` of kind ``scare_quote`` or ``title`` so that
later framing analysis can use it. ``quotes.extract_quotes`` decides which
quoted stretches are speech; this module only classifies the rest and finds
single-quoted phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.records import FramingItem, Span

#: words longer than this never count as a scare quote or title
MAX_FRAMING_WORDS = 6

#: a phrase in single quotation marks: the opening mark follows a non-word
#: character and precedes a word character; the closing one the reverse. Up to
#: 80 characters, no line break, no double mark inside.
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[\w$])([^\n\"“”‘]{1,80}?)(?<=[\w.!?,)])[’'](?![\w])")

#: words before a quoted stretch that announce a title ("the book ...")
_TITLE_BEFORE = re.compile(
    r"\b(?:book|books|film|movie|show|program|programme|series|song|album|article|op-ed|column|essay|"
    r"headline|titled|entitled|dubbed|called|named|memoir|novel|report|documentary|podcast|play|poem|"
    r"speech|slogan|campaign|episode|magazine|newspaper)\W{0,3}$",
    re.IGNORECASE,
)

_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from vs is as its".split())


def word_count(text: str) -> int:
    return len(text.split())


def looks_like_title(inner: str, before: str) -> bool:
    """True for a quoted title: announced by a title noun, or in Title Case of two or more words."""
    if _TITLE_BEFORE.search(before[-40:]):
        return True
    words = [w.strip(".,:;!?'’‘\"()") for w in inner.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return (
        bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content) and words[0][:1].isupper()
    )


def is_framing_candidate(inner: str) -> bool:
    """Short and not a sentence: the shape of a scare quote or a title, not of speech."""
    stripped = inner.strip().rstrip(",")
    if not stripped or word_count(stripped) > MAX_FRAMING_WORDS:
        return False
    return not stripped.endswith((".", "!", "?", "…", ":"))


def classify(text: str, start: int, end: int, inner_start: int, inner_end: int) -> str:
    """``title`` or ``scare_quote`` for the quoted stretch ``text[start:end]``."""
    before = text[max(0, start - 40) : start]
    return "title" if looks_like_title(text[inner_start:inner_end], before) else "scare_quote"


def single_quoted(text: str, bounds: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """``(start, end, inner_start, inner_end)`` of short single-quoted phrases in the paragraphs ``bounds``."""
    out = []
    for p_start, p_end in bounds:
        for m in _SINGLE.finditer(text, p_start, p_end):
            inner = m.group(1)
            if is_framing_candidate(inner):
                out.append((m.start(), m.end(), m.start(1), m.end(1)))
    return out


def framing_items(text: str, stretches: Iterable[tuple[int, int, str]]) -> list[FramingItem]:
    """Number ``(start, end, kind)`` stretches F1.. in text order, dropping exact duplicates."""
    seen = sorted(set(stretches))
    return [FramingItem(f"F{i}", kind, Span.of(text, s, e)) for i, (s, e, kind) in enumerate(seen, 1)]
