"""Speakers read from the word order next to a direct quote (``_positional_speaker``).

The parser often attaches the words after a quotation wrongly; right after the closing mark the
order is fixed: '"...," X said' names the noun phrase before the cue verb, '"...," said X' the one
after it (``_inverted``); ``_np_in`` picks a likely speaker from a stretch of tokens and
``_modified_head`` the noun a name modifies ("said a senior Cruz adviser"); ``citation`` reads
"To quote Mayor Okafor, “...”" before a quotation (the object of the citing infinitive speaks).

Used by ``direct.py``; split from ``subjects.py``, which reads the speaker from the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.cues import word_list
from newsgraph.quotes.subjects import _is_age, _is_date


def _inverted(ctx: _Ctx, verb: Token, a_lo: int) -> bool:
    """True when a finite ``verb`` is the first word after the quote's closing punctuation ('," said X').

    (Not a participle: '“small-town manners,” saying the village ...' names no speaker after it.
    A past form the tagger read as a participle modifying the name after it is finite here:
    '“...”, added KCNA.', the comma outside the marks, parsed as "added KCNA" = the added KCNA.)
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (verb.tag_ == "VBN" and verb.dep_ == "amod" and verb.head.i > verb.i):
        return False
    return all(ctx.doc[k].is_punct or ctx.doc[k].is_space for k in range(a_lo, verb.i))


def _positional_speaker(ctx: _Ctx, verb: Token, a_lo: int) -> Token | None:
    """The speaker of '"...," X said' / '"...," said X' read from word order, not the parse.

    The parser often attaches the words after a quotation wrongly; right after
    the closing mark the order is fixed: the noun phrase before the cue verb,
    or (inverted) the one after it.
    """
    doc = ctx.doc
    lo = a_lo
    while lo < verb.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if lo < verb.i:
        # "X said": the last nominal of the words between the quote and the verb; with an
        # apposition ("Gene Sperling, a top adviser, said") the name before the first comma
        comma = next((k for k in range(lo, verb.i) if doc[k].text == ","), None)
        if comma is not None and comma > lo and verb.i - lo <= 25:
            names = [t for t in doc[lo:comma] if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if names and not any(t.pos_ == "VERB" for t in doc[lo:comma]):
                return names[-1]
        span = [t for t in doc[lo : verb.i] if t.dep_ not in ("aux", "neg", "advmod")]
        if not span or verb.i - lo > 8:
            return None
        nominal = [t for t in span if (t.pos_ in ("PROPN", "PRON", "NOUN") or _is_age(t)) and not _is_date(t)]
        if not nominal or any(t.pos_ == "VERB" for t in span):
            return None
        # the head of the phrase: the nominal the others hang on, else the last one
        heads = [t for t in nominal if not (lo <= t.head.i < verb.i) or t.head.i == t.i]
        return heads[0] if heads else nominal[-1]
    # "said X": the first nominal after the verb, before any comma
    if not _inverted(ctx, verb, a_lo):
        return None
    for k in range(verb.i + 1, min(len(doc), verb.i + 8)):
        t = doc[k]
        if t.text in (",", ".", "(", "—", "–") or ctx.quoted[k] >= 0:
            return None
        if (t.pos_ in ("PROPN", "PRON", "NOUN") or _is_age(t) or _number_speaker(t)) and not _is_date(t):
            # extend to the end of a name: "said Anna Berg" -> "Berg"
            while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text not in (",",):
                k += 1
            return _modified_head(ctx, doc[k], verb.i + 8)
    return None


def _number_speaker(tok: Token) -> bool:
    """A number standing for people or things on its own ('"...," read one.', '"...," said one of
    the organisers'), not one counting the noun after it ("said two officials")."""
    return tok.pos_ == "NUM" and tok.ent_type_ in ("", "CARDINAL") and not (tok.dep_ == "nummod" and tok.head.i > tok.i)


def _modified_head(ctx: _Ctx, tok: Token, limit: int) -> Token:
    """The noun a name modifies right after it: 'said a senior Cruz adviser', 'said former Obama
    adviser David Axelrod' name the adviser, not Cruz or Obama (a compound or possessor the parse
    hangs on a noun after it, on the same line, outside quotes, no comma between)."""
    doc = ctx.doc
    while (
        tok.dep_ in ("compound", "poss", "nmod")
        and tok.i < tok.head.i < limit
        and tok.head.pos_ in ("NOUN", "PROPN")
        and ctx.quoted[tok.head.i] < 0
        and not any(t.is_punct and t.text not in ("-", "'s", "’s") or "\n" in t.text_with_ws for t in doc[tok.i : tok.head.i])
    ):
        tok = tok.head
    return tok


def _np_in(ctx: _Ctx, lo: int, hi: int, after: int | None = None) -> Token | None:
    """A likely speaker token in ``[lo, hi)``: the first nominal after ``after`` (or the last one)."""
    cands = [
        k
        for k in range(lo, hi)
        if ctx.doc[k].pos_ in ("PROPN", "PRON", "NOUN")
        and ctx.doc[k].dep_ != "compound"
        and not _is_date(ctx.doc[k])
        and not (ctx.doc[k].is_upper and len(ctx.doc[k].text) > 2)
        and ctx.doc[k].ent_type_ not in ("GPE", "LOC")
        and ctx.quoted[k] < 0
    ]
    if not cands:
        return None
    if after is not None:
        later = [k for k in cands if k > after]
        return ctx.doc[later[0]] if later else None
    # before the verb: the last subject or name, not the object of another verb ("Trump defended
    # eminent domain, calling it ...", parsed with "Trump" as a noun root: Trump)
    agents = [
        k
        for k in cands
        if ctx.doc[k].dep_ in ("nsubj", "nsubjpass", "ROOT") or ctx.doc[k].ent_type_ in ("PERSON", "ORG", "NORP")
    ]
    return ctx.doc[(agents or cands)[-1]]


def citation(ctx: _Ctx, lo: int, hi: int) -> tuple[tuple[int, int], Token] | None:
    """'To quote Mayor Okafor, “...”': an infinitive of a verb of citing (``data/citation_verbs.tsv``)
    opening the words ``[lo, hi)`` right before a quotation, with its object and then a comma or
    colon before the quotation: the cue ("To quote") and the object's head, the speaker."""
    doc = ctx.doc
    k = lo
    while k < hi and (doc[k].is_punct or doc[k].is_space):
        k += 1
    if k + 2 >= hi or doc[k].lower_ != "to" or doc[k + 1].lemma_.lower() not in word_list("citation_verbs"):
        return None
    verb = doc[k + 1]
    end = hi - 1
    while end > k and doc[end].is_space:
        end -= 1
    if doc[end].text not in (",", ":"):
        return None
    inner = [t for t in doc[verb.i + 1 : end] if not t.is_space]
    if not inner or len(inner) > 12 or any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", "(") for t in inner):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < end), None)
    if obj is None:
        # the parser hung the name elsewhere: the last nominal before the comma
        nominal = [t for t in inner if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "compound"]
        if not nominal:
            return None
        obj = nominal[-1]
    return (doc[k].idx, verb.idx + len(verb.text)), obj
