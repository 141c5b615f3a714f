"""Indirect relations: what cue words report in the parse, and the quotations inside them.

``_verb_relations``: every verb of the cue lexicon with a clause, infinitive or object
complement in the dependency parse gives an indirect relation: content = the complement's
subtree (with its "that", as PolNeAR annotates it), speaker = the subject (or the subject of
the clause it hangs on: "..., saying ..."); "according to X, ..." gives one too
(``_according_to``), and a headline ``Label: statement`` is the label's statement
(``_title_label``).

``_absorb_quotes``: a quotation inside a relation's content makes it *mixed*; a quotation
that is (nearly) the whole content makes it *direct*.

Runs after the quotation marks (``marks.py``); the quotations no relation holds go on to
``direct.py``.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from newsgraph.document import tokens_of
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.cues import (
    _authorial,
    _complement,
    _cue_span,
    _is_cue_verb,
    _is_passive,
    _outer_cue,
    cue_lexicon,
)
from newsgraph.quotes.records import _Relation
from newsgraph.quotes.spans import names_a_time
from newsgraph.quotes.speakers import _speaker_of
from newsgraph.quotes.subjects import _subject
from newsgraph.records import Span, Speaker


def _cue_relations(ctx: _Ctx) -> list[_Relation]:
    """The relations cue words give (``_verb_relations``); a headline labelled with its source
    (``_title_label``) replaces those of the headline's own verbs."""
    parsed = ctx.parsed
    relations = _verb_relations(ctx)
    title = _title_label(ctx)
    if title is not None:
        # the headline's own verbs ("Gingrich: Trump Must Decide ...") do not speak for it
        lo, hi = parsed.paragraphs[0]
        relations = [r for r in relations if not (r.cue and lo <= r.cue[0] < hi)] + [title]
    return relations


_FIRST_SECOND = frozenset({"i", "we", "you"})
_THIRD_PERSON = frozenset({"he", "she", "they"})


def _verb_relations(ctx: _Ctx) -> list[_Relation]:
    lex = ctx.lex
    out: list[_Relation] = []
    for tok in tokens_of(ctx.doc):
        if ctx.quoted[tok.i] >= 0:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
            rel = _according_to(ctx, tok)
            if rel is not None:
                out.append(rel)
            continue
        if not _is_cue_verb(tok, lex):
            continue
        if tok.dep_ == "xcomp" and _is_cue_verb(tok.head, lex):
            # "urged the senators to support X": the supporter is not the urger
            ctx.rejected.add(tok.i)
            continue
        lemma = tok.lemma_.lower()
        comp = _complement(tok, lex)
        if comp is None or comp.i < tok.i:
            paren = _parenthetical(ctx, tok)
            if paren is not None:
                out.append(paren)
            continue
        span = _subtree_span(comp, exclude=tok)
        if span is None:
            continue
        span = _quote_clause_end(ctx, comp, span)
        span = _cue_paragraph(ctx, tok, span)
        if span is None or names_a_time(ctx, [span]):
            # "..., he said Wednesday": the time of the statement is no content (a quotation
            # nearby may still be)
            continue
        subj = _subject(tok)
        if subj is not None and span[0] <= subj.idx < span[1]:
            subj = None
        if (
            subj is not None
            and subj.lower_ in _THIRD_PERSON
            and (outer_cue := _outer_cue(tok)) is not None
            and (outer := _subject(outer_cue)) is not None
            and outer.pos_ in ("PROPN", "NOUN", "PRON")
            and outer.i < subj.i
        ):
            # "Okafor said he would brief ...", "Lind said he believes ...": a nested relation,
            # kept apart (``ctx.nested``) so that no later step takes it for a statement of its
            # own; its record says which quote it is within. PolNeAR annotates the outer one
            # only (train: as separate relations they cost 0.07 speaker accuracy and 0.24 F1)
            rel = _Relation("indirect", [span], _cue_span(tok), _speaker_of(ctx, subj, tok), 0.5, tok.i)
            rel.mode = ctx.lex.mode(lemma) or "speech"
            rel.within = outer_cue.i
            ctx.nested.append(rel)
            ctx.rejected.add(tok.i)
            continue
        impersonal = False
        if subj is not None and subj.head.i != tok.i and subj.lower_ in ("it", "there", "that", "this"):
            # "it is difficult to predict ...", "that's not to suggest ...": nobody is named
            subj, impersonal = None, True
        belief = lex.cls(lemma) == "belief"
        if belief and subj is not None and subj.lower_ in _FIRST_SECOND:
            # "I think", "you know", "we believe" in an article's own voice or a transcript: half
            # of those matched on PolNeAR train had another source (12 of 24; 40 more unmatched)
            ctx.rejected.add(tok.i)
            continue
        if subj is None and _is_passive(tok) and _authorial(tok):
            # "It should be noted that ...", "it must be stressed that ...": the writer's own
            # aside, not a report of anybody's words
            ctx.rejected.add(tok.i)
            continue
        speaker = _speaker_of(ctx, subj, tok)
        conf = 0.55 if belief else 0.7
        if subj is None:
            if not (impersonal or _is_passive(tok)) or comp.dep_ == "dobj":
                # (a passive with an object, "were denied basic rights", is not speech)
                # no subject although the verb is active: a parse we cannot read; on PolNeAR
                # train such relations matched 28 gold relations, all with another speaker
                continue
            conf = 0.45
        rel = _Relation("indirect", [span], _cue_span(tok), speaker, conf, tok.i)
        rel.mode = ctx.lex.mode(lemma) or "speech"
        out.append(rel)
    return out


_TRIM = frozenset({".", ",", ";", ":", "--", "—", "–", "-"})
_PAREN_VERBS = frozenset({"VBD", "VBZ", "VBP"})


def _parenthetical(ctx: _Ctx, verb: Token) -> _Relation | None:
    """A cue set off by commas inside or after its reported sentence: "The ferry, he said, will
    run again", "Turnout will rise, Okafor told reporters." The content is the sentence around
    the ``X said`` clause: two spans when the clause interrupts it, as PolNeAR splits it.

    Only a finite cue verb with its subject next to it, never a quoted sentence (the
    direct-quote step reads those).
    """
    doc = ctx.doc
    if verb.tag_ not in _PAREN_VERBS or not _is_cue_verb(verb, ctx.lex):
        return None
    if ctx.lex.cls(verb.lemma_.lower()) == "belief":
        # "..., I think, ...", "..., he believes, ...": hedges more often than attributions
        # (train half a: 8 of 30 matched a gold relation)
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or verb.dep_ == "relcl":
        # "..., Christie, who endorsed him last week, ...": a relative clause reports nothing
        # around it
        return None
    lo = min(subj.left_edge.i, verb.i)
    sent = verb.sent
    if lo >= 1 and doc[lo - 1].lower_ == "as":
        # "..., as The Gazette reported on Monday, ...", "As The Gazette first reported, ..."
        lo -= 1
    opening = doc[lo].lower_ == "as" and all(t.is_space for t in doc[sent.start : lo])
    if not opening and (lo < 1 or doc[lo - 1].text != ","):
        return None
    # the clause runs to the next comma or sentence end ("told The Huffington Post on Sunday")
    hi = max(verb.i, subj.right_edge.i)
    while hi + 1 < sent.end and doc[hi + 1].text not in (",", ".", ";", "!", "?") and hi - verb.i < 8:
        hi += 1
    if hi + 1 >= len(doc) or doc[hi + 1].text not in (",", ".", ";"):
        return None
    para = ctx.para_of_tok[verb.i]
    b_lo = sent.start
    while b_lo < lo and (ctx.para_of_tok[b_lo] != para or doc[b_lo].is_space):
        b_lo += 1
    before = None if opening else _clean(ctx, b_lo, lo - 2)
    if before is None and not opening:
        return None
    content = [] if before is None else [before]
    if doc[hi + 1].text == ",":
        after = _clean(ctx, hi + 2, sent.end - 1)
        if after is not None:
            content.append(after)
    if not content:
        return None
    rel = _Relation("indirect", content, _cue_span(verb), _speaker_of(ctx, subj, verb), 0.65, verb.i)
    rel.mode = ctx.lex.mode(verb.lemma_.lower()) or "speech"
    return rel


def _clean(ctx: _Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """Characters of tokens ``[lo, hi]`` trimmed of outer punctuation; ``None`` when empty, quoted
    or on more than one line."""
    doc = ctx.doc
    while lo <= hi and (doc[lo].text in _TRIM or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].text in _TRIM or doc[hi].is_space):
        hi -= 1
    if hi < lo or any(ctx.quoted[k] >= 0 or "\n" in doc[k].text_with_ws for k in range(lo, hi)):
        return None
    if ctx.quoted[hi] >= 0:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


_CC = frozenset({"and", "but", "or", "yet"})


def _cue_paragraph(ctx: _Ctx, cue: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """A content the parse ran across a paragraph break, cut back to the cue's paragraph:
    '“Can you explain that?”' ending one paragraph is not what "Trump said" reports in the next
    (two speakers); ``None`` when all of it lies in an earlier paragraph and the cue's sentence has
    a quotation of its own. A quotation that itself runs on across paragraphs is kept, and so is a
    content after a cue ("He said:" / "“...”")."""
    para = ctx.para_of_tok[cue.i]
    lo, hi = span
    last_tok = len(ctx.doc) - 1
    a, b = min(ctx.tok_at(lo), last_tok), min(ctx.tok_at(max(lo, hi - 1)), last_tok)
    if ctx.para_of_tok[a] == para and ctx.para_of_tok[b] == para:
        return span
    toks = [t for t in ctx.doc[a : b + 1] if ctx.para_of_tok[t.i] == para and not t.is_space]
    if not toks:
        if ctx.para_of_tok[b] > para:
            return span
        # all of it in an earlier paragraph: not when the cue has a quotation of its own there
        own = any(ctx.quoted[t.i] >= 0 and ctx.para_of_tok[t.i] == para for t in cue.sent)
        return None if own else span
    first, last = toks[0], toks[-1]
    for t in (first, last):
        if ctx.quoted[t.i] >= 0:
            q = ctx.quotes[ctx.quoted[t.i]]
            if ctx.para_of_tok[ctx.tok_at(q.start)] != ctx.para_of_tok[ctx.tok_at(max(q.start, q.end - 1))]:
                return span  # a quotation of several paragraphs
    return max(lo, first.idx), min(hi, last.idx + len(last.text))


def _quote_clause_end(ctx: _Ctx, comp: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause that ends with a quotation ends there: 'The president said "we will
    respond" and the army attacked the town' reports the words, not the attack: a clause joined
    after the closing mark with a subject of its own (a noun, not a pronoun, and no "that") is
    the writer's narration."""
    for conj in comp.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < comp.i:
            continue
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or any(c.dep_ == "mark" for c in conj.children):
            # "said that A “...” and that B", "... and he feels": the report goes on
            continue
        if any(ctx.quoted[t.i] >= 0 for t in conj.subtree):
            continue  # 'he "loves China," and "people from China love me"': still quoting
        first = conj.left_edge
        k = first.i - 1
        while k > comp.i and (ctx.doc[k].dep_ == "cc" or ctx.doc[k].text == "," or ctx.doc[k].is_space):
            k -= 1
        if ctx.quoted[k] < 0:
            continue
        q = ctx.quotes[ctx.quoted[k]]
        if span[0] <= q.start and q.end <= first.idx and q.end <= ctx.doc[k].idx + len(ctx.doc[k].text):
            return span[0], q.end
    return span


def _subtree_span(tok: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    """Characters of ``tok``'s subtree, trimmed of outer punctuation (not quotation marks).

    A coordinated cue verb without a subject of its own that the parse put inside the
    subtree ("said the fares would fall but conceded that ...") ends it: it is the same speaker's
    next statement, a relation of its own.
    """
    doc = tok.doc
    toks = tokens_of(doc)
    lo, hi = tok.left_edge.i, tok.right_edge.i
    lex = cue_lexicon()
    for k in range(tok.i + 1, hi + 1):
        t = toks[k]
        if (
            t.dep_ == "conj"
            and _is_cue_verb(t, lex)
            and t.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            hi = t.left_edge.i - 1
            while hi > lo and (doc[hi].lower_ in _CC or doc[hi].text in _TRIM or doc[hi].is_space):
                hi -= 1
            break
    if exclude is not None and lo <= exclude.i <= hi:
        # the cue verb sits inside (a parse of an inverted sentence): keep the side with the head
        if exclude.i < tok.i:
            lo = exclude.i + 1
        else:
            hi = exclude.i - 1
    while lo <= hi and (doc[lo].text in _TRIM or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].text in _TRIM or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _according_to(ctx: _Ctx, tok: Token) -> _Relation | None:
    doc = ctx.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src_lo = tok.i
    src_hi = pobj.right_edge.i
    sent = tok.sent
    # content: the rest of the sentence on the longer side of the "according to X" phrase
    left = (sent.start, src_lo - 1)
    right = (src_hi + 1, sent.end - 1)
    lo, hi = left if (left[1] - left[0]) >= (right[1] - right[0]) else right
    while lo <= hi and (doc[lo].text in _TRIM or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].text in _TRIM or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    content = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    cue = (tok.idx, to.idx + len(to.text))
    speaker = _speaker_of(ctx, pobj)
    return _Relation("indirect", [content], cue, speaker, 0.6, tok.i)


#: a headline "Label: statement" ("Okafor: No delay on the harbour bridge"): a name of one to
#: four capitalised words before the colon
_TITLE_LABEL = re.compile(r"([A-Z][\w.'’&-]*(?:[^\S\n]+[A-Z][\w.'’&-]*){0,3}):[^\S\n]+\S")


def _title_label(ctx: _Ctx) -> _Relation | None:
    """The statement of a headline labelled with its source: "Okafor: Harbour Bridge
    Will Reopen." -> content "Harbour Bridge Will Reopen", speaker "Okafor", cue ":".

    PolNeAR annotates 71 of the 112 such headlines of train this way; "The Latest: ..." and
    all-capitals kickers ("HARBOUR WATCH: ...") are section names, not sources, and are skipped.
    """
    paragraphs = ctx.parsed.paragraphs
    if not paragraphs:
        return None
    lo, hi = paragraphs[0]
    if hi - lo > 200:
        return None
    text = ctx.text
    m = _TITLE_LABEL.match(text, lo, hi)
    if m is None:
        return None
    label = m.group(1)
    words = label.split()
    if words[0] == "The" or (all(w.isupper() for w in words) and any(len(w) > 2 for w in words)):
        return None
    a, b = m.start(1), m.end(1)
    last = ctx.doc[max(0, ctx.tok_at(b) - 1)]
    if last.pos_ not in ("PROPN", "NOUN"):
        # "Wow: ...", "Look: ...", "Breaking: ...": an exclamation, not a source
        return None
    c_lo, c_hi = m.end() - 1, hi
    while c_hi > c_lo and text[c_hi - 1] in ". ":
        c_hi -= 1
    if c_hi - c_lo < 3:
        return None
    entity = ctx.index.resolve(a, b)
    speaker = Speaker(Span.of(text, a, b), entity.id if entity else None, entity.name if entity else None)
    colon = b
    return _Relation("indirect", [(c_lo, c_hi)], (colon, colon + 1), speaker, 0.6, ctx.tok_at(colon))


def _absorb_quotes(ctx: _Ctx, relations: list[_Relation]) -> dict[int, _Relation]:
    """Which relation each quote inside a relation's content belongs to (by quote index); the
    relations that hold a quote become ``direct`` (it is the whole content) or ``mixed``."""
    text = ctx.text
    quotes = ctx.quotes
    # quotes inside a verb relation's content: direct (the content is the quote) or mixed
    owner: dict[int, _Relation] = {}
    q_starts = [q.start for q in quotes]
    for rel in relations:
        a, b = rel.content[0]
        inside = []
        k = bisect.bisect_left(q_starts, a)
        while k < len(quotes) and quotes[k].start < b:
            if quotes[k].end <= b + 1:
                inside.append(k)
            k += 1
        if not inside:
            continue
        covered = sum(_nonspace(text, quotes[k].start, quotes[k].end) for k in inside)
        total = _nonspace(text, a, b)
        if len(inside) == 1 and covered >= 0.8 * total:
            k = inside[0]
            rel.kind = "direct"
            lead = _nonspace(text, a, quotes[k].start)
            if lead > 0:
                # 'said she had “steady hands.”': PolNeAR's content keeps the words of the
                # reported clause before the quotation (a mixed quote)
                rel.kind = "mixed"
                rel.content = [(a, quotes[k].end)]
            else:
                rel.content = [(quotes[k].start, quotes[k].end)]
            rel.confidence = max(rel.confidence, 0.85)
        else:
            rel.kind = "mixed"
            rel.confidence = max(rel.confidence, 0.7)
        rel.quotes = inside
        for k in inside:
            # the quote belongs to the innermost (shortest) relation that contains it
            prev = owner.get(k)
            if prev is None or (prev.content[0][1] - prev.content[0][0]) > (b - a):
                owner[k] = rel
    return owner


def _nonspace(text: str, a: int, b: int) -> int:
    return sum(1 for c in text[a:b] if not c.isspace())
