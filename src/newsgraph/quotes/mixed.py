"""Mixed quotes: the words of the reported clause around a quotation, as PolNeAR marks them.

Run by ``records`` after the content spans are set, on direct quotes only:

* ``lead_in``: a quotation after its cue keeps the words of the cue's clause between them
  ('called the plan “a disgrace”', 'said she had “steady hands”');
* ``lead_before``: a quotation that continues a clause begun at its sentence's start keeps
  that clause's first words ('Teachers “get why ...,” she said');
* ``joined_quotes``: quotations of one content in one sentence are one span.
"""

from __future__ import annotations

from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.spans import _LINK_PREPS

#: the longest stretch (tokens) between two quotations of one content that joins them
_JOIN_GAP = 6


def joined_quotes(ctx: _Ctx, cue: tuple[int, int] | None, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations of one content in one sentence with only a few words of the clause between
    them are one span, as PolNeAR marks them ('is a “loser,” a “liar” and a “whiner.”', 'that it
    was “committed to ...” and “open to ...”'): not across a verb (a cue: '“...,” he said,
    “...”' stays two spans), the cue, a sentence or a line."""
    if len(content) < 2:
        return content
    doc = ctx.doc
    out = [content[0]]
    for a, b in content[1:]:
        pa, pb = out[-1]
        lo, hi = ctx.tok_at(pb), ctx.tok_at(a)
        gap = [doc[k] for k in range(lo, min(hi, len(doc)))]
        ok = (
            0 < len(gap) <= _JOIN_GAP
            and hi < len(doc)
            and doc[lo].sent.start == doc[hi].sent.start
            and not any(
                "\n" in t.text_with_ws or ctx.quoted[t.i] >= 0 or t.pos_ in ("VERB", "AUX") or t.text in (":", ";")
                for t in gap
            )
            and (cue is None or not (pb <= cue[0] < a))
        )
        if ok:
            out[-1] = (pa, b)
        else:
            out.append((a, b))
    return out


#: the longest lead-in (tokens) of a reported clause before its quotation
_LEAD_CLAUSE = 30


def lead_in(ctx: _Ctx, cue: tuple[int, int], content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation after its cue with words of the cue's clause between them keeps them, as
    PolNeAR marks a mixed quote: 'called the plan “a disgrace”' -> 'the plan “a disgrace”';
    the cue's reported clause from its first word, commas included ('said she had “steady
    hands”', 'said that, so far, the ferry is “doing better”'). Other words not across a comma
    or colon ('told reporters: “...”': the recipient is no content)."""
    doc = ctx.doc
    a = content[0][0]
    c = ctx.tok_at(cue[1])
    q = ctx.tok_at(a)
    if not 0 < q - c <= _LEAD_CLAUSE or q >= len(doc):
        return content
    between = [doc[k] for k in range(c, q)]
    if any("\n" in t.text_with_ws or ctx.quoted[t.i] >= 0 or t.text in (":", ";") for t in between):
        return content
    verb = doc[c - 1]
    clause = next((t for t in verb.children if t.dep_ in ("ccomp", "xcomp") and c <= t.left_edge.i < q), None)
    if clause is not None and clause.right_edge.i >= q and not doc[clause.left_edge.i].is_punct:
        # 'said she had “steady hands”', 'told reporters the ferry is “doing better”': the
        # reported clause starts before the quotation (the recipient stays out)
        return [(doc[clause.left_edge.i].idx, content[0][1])] + content[1:]
    obj = next((t for t in verb.children if t.dep_ == "dobj" and c <= t.left_edge.i < q), None)
    if obj is not None and q - obj.i > 1 and not doc[obj.left_edge.i].is_punct and any(
        (ch.i == obj.i or (ch.i > obj.i and ch.dep_ in ("prep", "oprd"))) and ch.left_edge.i <= q <= ch.right_edge.i
        for ch in verb.children
    ):
        # 'heralded the deal with Turkey as a “breakthrough.”', 'noted on Twitter the change from
        # the slogan, “...”': the object and what the verb says of it, from the object's first word
        # (not a recipient right before the quotation: 'told reporters “...”')
        return [(doc[obj.left_edge.i].idx, content[0][1])] + content[1:]
    if q - c > 8 or any(t.is_punct for t in between):
        return content
    if between[0].lower_ in ("that", "whether", "if") or any(t.pos_ in ("VERB", "AUX") for t in between):
        return content
    if between[0].pos_ in ("PRON",) and between[0].lower_ in ("me", "us", "reporters") and len(between) == 1:
        return content
    start = c
    if between[0].dep_ == "prep" and between[0].head.i == verb.i and between[0].lower_ in _LINK_PREPS and q > c + 1:
        # 'warned of a “ferocious” battle': the preposition links the cue to its content and
        # joins the cue ("warned of"), the content starts after it
        start = c + 1
    return [(doc[start].idx, content[0][1])] + content[1:]


_LEAD_BEFORE = 12


def lead_before(ctx: _Ctx, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation that continues a clause begun before it in its sentence keeps that clause's
    words, as PolNeAR marks a mixed quote: 'Teachers “get why the union endorsed her,” she said',
    'The bill's failure was “heartbreaking,” Okafor said'. Only from the sentence's start, with
    no punctuation, quotation or line between, and when those words and the quotation are
    one clause (a word before it governs a quoted word or is governed by one)."""
    doc = ctx.doc
    q = ctx.tok_at(content[0][0])
    if q >= len(doc) or q == 0 or ctx.quoted[q] < 0:
        return content
    sent = doc[q].sent
    first = sent.start
    while first < q and (doc[first].is_space or doc[first].is_punct and doc[first].text in ("(", "—", "-", "–")):
        first += 1
    if not 0 < q - first <= _LEAD_BEFORE:
        return content
    between = [doc[k] for k in range(first, q)]
    if any((t.is_punct and t.text != ",") or "\n" in t.text_with_ws or ctx.quoted[t.i] >= 0 for t in between):
        return content
    qi = ctx.quoted[q]
    inside = {k for k in range(q, min(len(doc), q + 60)) if ctx.quoted[k] == qi}
    if not any(t.head.i in inside for t in between) and not any(doc[k].head.i in range(first, q) for k in inside):
        return content
    if any(t.lemma_.lower() in ctx.lex.verbs for t in between if t.pos_ == "VERB"):
        return content
    return [(doc[first].idx, content[0][1])] + content[1:]
