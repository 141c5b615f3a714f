"""Uncued quotes: the speaker of a quotation with no cue of its own (``_carry_speakers``).

A quote that follows a sentence in its own paragraph ("Okafor also defended the fares --
“...”") takes that sentence's subject as speaker and its verb as cue (``_local_subject``).
Otherwise it takes the speaker of the nearest attributed statement before it (within three
paragraphs), else after it (the next paragraph), with ``cue=None`` and lower confidence; a
statement reported inside another one's content is never carried from (``_nested_cues``).

Runs last of the attribution steps, on the quotes ``direct.py`` found no cue for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import islice

from spacy.tokens import Token

from newsgraph.quotes.context import _Ctx, _para_no
from newsgraph.quotes.cues import _cue_span
from newsgraph.quotes.marks import _Quoted
from newsgraph.quotes.records import _Relation
from newsgraph.quotes.speakers import _speaker_of
from newsgraph.quotes.subjects import _subject
from newsgraph.records import Speaker


def _carry_speakers(
    ctx: _Ctx,
    relations: list[_Relation],
    direct: dict[int, _Relation],
    owner: dict[int, _Relation],
    pending: list[int],
) -> list[_Relation]:
    """A direct-quote relation for each ``pending`` quote (no cue found around it)."""
    parsed = ctx.parsed
    quotes = ctx.quotes
    # quotes without a cue: the speaker of the nearest attributed quote (before, else after)
    # candidates: attributed quotes, and reported speech with a speaker ("Vasilescu noted that ...")
    # A relation reported inside another one's content ("Okafor said that some rivals had long
    # expected ...") is not the voice of the article's next paragraph: the outer one is.
    nested = _nested_cues(relations + list(direct.values()))
    attributed = sorted(
        [
            (quotes[k].start, r)
            for k, r in owner.items()
            if (r.speaker.mention is not None or r.speaker.entity) and r.cue_tok not in nested
        ]
        + [
            (r.content[0][0], r)
            for r in relations
            if r.kind == "indirect"
            and r.speaker.mention is not None
            and r.cue_tok not in nested
            # a relative clause's statement ("said Murphy, who thinks ...") is an aside, not the
            # voice a next paragraph continues
            and r.speaker.mention.text.lower() not in _RELATIVES
        ],
        key=lambda x: x[0],
    )
    att_starts = [s for s, _ in attributed]
    carried: list[_Relation] = []
    for qi in pending:
        q = quotes[qi]
        q_para = _para_no(parsed.paragraphs, q.start)
        k = bisect.bisect_left(att_starts, q.start)
        cand: _Relation | None = None
        if k > 0:
            s, r = attributed[k - 1]
            if q_para - _para_no(parsed.paragraphs, s) <= 3:
                cand = r
        if cand is None and k < len(attributed):
            s, r = attributed[k]
            if _para_no(parsed.paragraphs, s) - q_para <= 1:
                cand = r
        # the mention is the one that attributes the neighbouring quote: the reader's (and
        # PolNeAR's) source for a continuation paragraph (+1.1 speaker accuracy on train)
        sp = cand.speaker if cand is not None else Speaker()
        conf = 0.5 if cand else 0.3
        cue: tuple[int, int] | None = None
        local = _local_subject(ctx, q)
        words_of = _in_the_words_of(ctx, q)
        if words_of is not None:
            # "In the words of Mayor Okafor, “...”": the phrase names the speaker and is the cue
            sp, cue, conf = _speaker_of(ctx, words_of[0]), words_of[1], 0.6
        elif local is not None:
            # the sentence that introduces the quote in its own paragraph names the speaker, not a
            # quote paragraphs back (PolNeAR train: speaker accuracy +0.3, cue accuracy +0.6)
            sp, cue, conf = _speaker_of(ctx, local[0], local[1]), _cue_span(local[1]), 0.5
        carried.append(_Relation("direct", [(q.start, q.end)], cue, sp, conf, -1, [qi]))
    return carried


_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_WORDS_OF = re.compile(r"\b(?:[Ii]n|[Tt]o (?:quote|use))\s+(?:the\s+)?words\s+of\s+(\S(?:[^,;:.“”\"\n]|\.(?=\S))*?)\s*[,:]?\s*$")


def _in_the_words_of(ctx: _Ctx, q: _Quoted) -> tuple[Token, tuple[int, int]] | None:
    """"In the words of X, “...”" right before quote ``q`` in its paragraph: X's head token and
    the cue phrase ("In the words of")."""
    para_start = ctx.parsed.paragraphs[_para_no(ctx.parsed.paragraphs, q.start)][0]
    lo = max(para_start, q.start - 200)
    m = _WORDS_OF.search(ctx.text, lo, q.start)
    if m is None:
        return None
    span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cue_end = ctx.text.rindex("of", m.start(), m.start(1)) + 2
    return span.root, (m.start(), cue_end)


def _local_subject(ctx: _Ctx, q: _Quoted) -> tuple[Token, Token] | None:
    """The subject and verb of the clause just before quote ``q`` in its own paragraph.

    "Okafor also defended the ferry fares -- “...”", "The mayor leaned in and shouted:
    “...”": a quote with no cue of its own, introduced by its paragraph's sentence.
    """
    j = ctx.tok_at(q.start)
    k = j - 1
    while k >= 0 and (ctx.doc[k].is_space or ctx.doc[k].is_punct) and ctx.quoted[k] < 0:
        k -= 1
    if k < 0 or j >= len(ctx.doc) or ctx.quoted[k] >= 0 or ctx.para_of_tok[k] != ctx.para_of_tok[j]:
        return None
    sent = ctx.doc[k].sent
    # the verb nearest the quote ("as the columnist Lee Park puts it, “...”", "while the mayor refers to
    # the ferry as “the old lady”"), else the sentence's main verb
    near = (
        t
        for t in reversed(ctx.doc[sent.start : k + 1])
        if t.pos_ == "VERB" and ctx.quoted[t.i] < 0 and t.dep_ not in ("amod", "acl", "relcl")
    )
    for verb in (*islice(near, 1), sent.root):
        if ctx.quoted[verb.i] >= 0 or verb.pos_ not in ("VERB", "AUX") or verb.i > j:
            continue
        subj = _subject(verb)
        if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN") or ctx.quoted[subj.i] >= 0:
            continue
        if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that", "there", "what"):
            continue
        return subj, verb
    return None


def _nested_cues(relations: Sequence[_Relation]) -> set[int]:
    """Cue tokens of relations whose cue lies inside another relation's content (one sweep)."""
    spans = sorted((a, b) for r in relations for a, b in r.content)
    starts = [a for a, _ in spans]
    reach: list[int] = []  # running maximum of span ends
    for _, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)
    out: set[int] = set()
    for r in relations:
        if r.cue is None or r.cue_tok < 0:
            continue
        k = bisect.bisect_right(starts, r.cue[0]) - 1
        if k >= 0 and reach[k] > r.cue[1]:
            out.add(r.cue_tok)
    return out
