"""Dating speech acts and events: the date attached to a cue or its clause, else the publication date."""


from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from newsgraph.document import ParsedDocument
from newsgraph.records import AnchoredDate, DateRef, Quote, Span

# Dependencies through which a date still belongs to the anchor's clause;
# climbing through any other link from a verb (ccomp, advcl, relcl, conj ...)
# means the date belongs to another event.
_CLAUSE_BREAKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "csubj", "parataxis", "conj", "acomp", "pcomp"})
_MAX_HOPS = 8
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "nmod"})


def _anchor_tokens(parsed: ParsedDocument, span: Span) -> list[Token]:
    sp = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return []
    verbs = [t for t in sp if t.pos_ in ("VERB", "AUX")]
    return verbs or [sp.root]


def _attachment(parsed: ParsedDocument, ref: DateRef, anchors: Sequence[Token]) -> int | None:
    """Hops from the date up to an anchor token within one clause, ``None`` if it belongs elsewhere."""
    sp = parsed.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    anchor_ids = {t.i for t in anchors}
    tok: Token = sp.root
    if tok.dep_ in _NOUN_MODIFIERS and tok.i not in anchor_ids and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "the 2016 election", "Monday's debate": when the thing was, not the act
    for hops in range(_MAX_HOPS + 1):
        if tok.i in anchor_ids:
            return hops
        if tok.head is tok:
            return None
        is_verb = tok.pos_ in ("VERB", "AUX")
        if is_verb and tok.dep_ in _CLAUSE_BREAKS:
            return None
        if is_verb and tok.dep_ == "acl" and tok.tag_ not in ("VBN", "VBG"):
            return None  # a finite relative clause: "the law that passed on Monday"
        tok = tok.head
    return None


_DOUBLE_MARKS = '"“”«»'  # single marks double as apostrophes ("Trump’s"): not counted


def _inside_quotation(parsed: ParsedDocument, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened earlier in its paragraph.

    A date the quoted speaker says ("[from 2012]") is not when they said it,
    even when the quote extractor's content span misses it. Paragraphs, not
    sentences: spaCy often splits a sentence right after an opening mark.
    """
    para = parsed.paragraph_of(offset)
    before = parsed.text[para[0] if para else max(0, offset - 2000) : offset]
    # every double mark toggles: texts mix “ with a closing " (the seed does)
    return sum(before.count(c) for c in _DOUBLE_MARKS) % 2 == 1


def _in_range(dates: Sequence[DateRef], start: int, end: int) -> Sequence[DateRef]:
    """The dates starting in ``[start, end)`` of ``dates`` in text order (a bisect: long texts stay linear)."""
    lo = bisect.bisect_left(dates, start, key=lambda r: r.span.start)
    hi = bisect.bisect_left(dates, end, lo=lo, key=lambda r: r.span.start)
    return dates[lo:hi]


def text_date(
    parsed: ParsedDocument, span: Span, dates: Sequence[DateRef], *, exclude: Sequence[Span] = ()
) -> DateRef | None:
    """The date the text gives for the act at ``span`` (a cue or event trigger), if any.

    A calendar date in the same sentence whose dependency path reaches the
    anchor without leaving its clause (so "noted in a letter ... on April 22"
    counts, "said the vote, held on March 31, ..." does not), and which is not
    inside an ``exclude`` span (the quoted content). The nearest such date wins.
    ``dates`` must be in text order, as ``extract_dates`` returns them.
    """
    anchors = _anchor_tokens(parsed, span)
    if not anchors:
        return None
    sent = anchors[0].sent
    best: tuple[int, int, DateRef] | None = None
    for ref in _in_range(dates, sent.start_char, sent.end_char):
        if ref.kind != "date" or ref.value.endswith("_REF"):
            continue
        if not (sent.start_char <= ref.span.start and ref.span.end <= sent.end_char):
            continue
        if any(ref.span.overlaps(x) for x in exclude) or _inside_quotation(parsed, ref.span.start):
            continue
        hops = _attachment(parsed, ref, anchors)
        if hops is None:
            continue
        key = (hops, abs(ref.span.start - span.start))
        if best is None or key < best[:2]:
            best = (key[0], key[1], ref)
    return None if best is None else best[2]


def speech_date(
    parsed: ParsedDocument, span: Span | None, dates: Sequence[DateRef], *, exclude: Sequence[Span] = ()
) -> AnchoredDate | None:
    """When the act at ``span`` happened: the text's date, else the publication date, else ``None``."""
    ref = text_date(parsed, span, dates, exclude=exclude) if span is not None else None
    if ref is not None:
        return AnchoredDate(ref.value, "text", ref.span)
    if parsed.published is not None:
        return AnchoredDate(parsed.published.isoformat(), "publication")
    return None


def date_quotes(parsed: ParsedDocument, quotes: Sequence[Quote], dates: Sequence[DateRef]) -> list[Quote]:
    """Each quote with ``date`` set to the date of its speech act (see ``speech_date``)."""
    out = []
    dates = sorted(dates, key=lambda r: r.span.start)
    for q in quotes:
        anchor = q.cue
        if anchor is None and q.speaker.mention is not None:
            anchor = q.speaker.mention
        out.append(replace(q, date=speech_date(parsed, anchor, dates, exclude=q.content)))
    return out
