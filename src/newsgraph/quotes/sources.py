"""The source phrase of a relation, as PolNeAR marks its Source (``source_phrase``).

The whole noun phrase of the speaker mention, with its modifiers, appositions and
coordinated names ("Harbour Board Press Officer Jan Voss", "Tom Reed, a spokesman for the
board,", "Ms. Berg and Mr. Lund"); a relative pronoun stays itself ("who"). The mention
(``speaker.mention``) stays the compact phrase the speaker was resolved from; the full
phrase is the record's ``source``. Runs after the attribution steps, with ``spans.py``'s
conventions, and changes no attribution.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.entities.lexicon import lexicon
from newsgraph.quotes.context import _Ctx


def _names_a_time(mod: Token) -> bool:
    """``mod`` is a time: a date noun phrase ("Sunday night") or a preposition with one ("on
    Tuesday", "in October")."""
    if mod.dep_ == "npadvmod" or (mod.dep_ in ("appos", "compound", "nmod") and mod.pos_ == "PROPN"):
        words = list(mod.subtree)
    elif mod.dep_ == "prep" and mod.lower_ in ("on", "in", "at", "during"):
        words = [t for t in mod.subtree if t.i != mod.i]
    else:
        return False
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _title_apposition(name: Token) -> bool:
    """``name`` is in apposition to a common noun right before its comma, with the noun's own
    modifiers ("His successor, Jay Carney", "The director of the bureau, Jan Voss"), on one line, with no dash (a dateline or headline) between.
    A noun that is the object of a verb or preposition has a role of its own ("In a letter
    to the mayor, Vasquez, head of the Trust, wrote"): the name is not its apposition."""
    gov = name.head
    if name.dep_ != "appos" or gov.i >= name.i or gov.pos_ != "NOUN" or gov.ent_type_:
        return False
    if gov.dep_ in ("pobj", "dobj", "dative", "iobj"):
        return False
    doc = name.doc
    first = name.left_edge.i
    if first < 2 or doc[first - 1].text != "," or gov.i > first - 2:
        return False
    if any(not gov.is_ancestor(doc[k]) or doc[k].text == "," for k in range(gov.i + 1, first - 1)):
        # the words between the noun and the comma are its own ("The director of the bureau,
        # James Comey,"), without a comma of their own
        return False
    between = doc[gov.left_edge.i : first]
    return not any("\n" in t.text_with_ws or t.text in ("—", "–", "-", "--", "(", ")") for t in between)


#: what makes a demonstrative or quantifier pronoun a phrase of its own
_PRONOUN_MODIFIERS = frozenset({"prep", "acl", "relcl"})
#: dashes: a phrase before one is not part of the source after it (a dateline, a kicker)
_DASHES = frozenset({"-", "--", "—", "–"})


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on either side (not the hyphen of "front-runner", "76-year-old")."""
    return tok.text in _DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


#: marks that set a relative clause off from its noun
_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _incidental(head: Token, rel: Token, speakers: frozenset[int]) -> bool:
    """A relative clause set off from the source's head by a comma or dash that only describes
    it ("Trump, who has a commanding lead in delegates,"; the guidelines' "Gov. Kasich, who has
    the hardest path to victory, said"): not after an apposition, whose description it extends
    ("Carl Tobias, a law professor who specializes in ..."), and not a copula naming what the
    source is ("who is the director of ..."), nor after the full name of someone the article
    names here for the first time ("Jason Furman, who leads ...": the clause says who he is)."""
    doc = head.doc
    if doc[rel.left_edge.i - 1].text not in _ASIDE_MARKS:
        return False
    if any(rel.left_edge.idx <= k <= rel.right_edge.idx for k in speakers):
        # "Mr. McConnell, who has endorsed Mr. Trump, said": the clause is an attribution of its
        # own (the guidelines' "Jeremy, who supports Sanders, says ..."), not part of the source
        return True
    if any(c.dep_ == "appos" and head.i < c.i < rel.i for c in head.children):
        return False
    if rel.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in rel.children):
        return False
    return not (_full_name(head) and doc.text.find(head.text) >= head.idx)


def _full_name(head: Token) -> bool:
    """``head`` ends a name of at least two words besides a title ("Jason Furman", "Adm. Harry
    B. Harris Jr."; not "Mr. Furman", "Trump")."""
    if head.pos_ != "PROPN":
        return False
    honorifics = lexicon().honorifics
    words = [
        c for c in head.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.text.rstrip(".") not in honorifics
    ]
    return bool(words)


def source_phrase(
    ctx: _Ctx, mention: tuple[int, int], cue: tuple[int, int] | None, speakers: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The full noun phrase around the speaker mention ``mention``, cut at the cue and at quotes.

    ``speakers``: where the speaker mentions of the article's relations start (a relative clause
    holding one is an attribution of its own, never part of the source)."""
    doc = ctx.doc
    a, b = mention
    lo_t, hi_t = ctx.tok_at(a), ctx.tok_at(b)
    toks = [doc[k] for k in range(lo_t, min(hi_t, len(doc)))]
    if not toks:
        return mention
    heads = [t for t in toks if not (lo_t <= t.head.i < hi_t) or t.head.i == t.i]
    head = heads[0] if heads else toks[-1]
    # a pronoun stays itself, unless coordinated ("he and Mr. Lund said": both are the source)
    coordinated = any(c.dep_ == "conj" for c in head.children)
    if not coordinated and (
        head.tag_ in ("WP", "WDT", "PRP", "PRP$")
        or (head.pos_ == "PRON" and not any(c.dep_ in _PRONOUN_MODIFIERS for c in head.children))
    ):
        # a pronoun stays itself; not a quantifier or demonstrative with its "of", participle or
        # relative clause ("some of the women", "those surveyed", "those who back her rivals")
        return mention
    if (
        head.dep_ == "appos"
        and head.head.pos_ == "NOUN"
        and head.left_edge.i == head.head.i + 1
        and ctx.quoted[head.head.i] == ctx.quoted[head.i]
        and "\n" not in head.head.text_with_ws
    ):
        # "The Slate technology columnist David Auerbach", "his nephew Jan Voss": a name the parser
        # set in apposition to the title right before it, without a comma, is one phrase with it
        head = head.head
    elif _title_apposition(head):
        # "Her campaign manager, Robby Mook, said": the name in apposition is the mention, the
        # source is the whole phrase
        head = head.head
    cue_t = ctx.tok_at(cue[0]) if cue is not None else -1
    lo, hi = head.left_edge.i, head.right_edge.i
    lo, hi = min(lo, lo_t), max(hi, hi_t - 1)
    q = ctx.quoted[head.i]
    # never across the cue, a quote the head is not in, a line break, or a dash before the head
    # ("Dec 29 (Reuters) - Democratic candidate Hillary Clinton", "OTHER STATES - Michael P. McDonald")
    for k in range(head.i - 1, lo - 1, -1):
        if k == cue_t or ctx.quoted[k] != q or "\n" in doc[k].text_with_ws or _spaced_dash(doc[k]):
            lo = k + 1
            break
    for k in range(head.i + 1, hi + 1):
        if k == cue_t or ctx.quoted[k] != q or "\n" in doc[k - 1].text_with_ws:
            hi = k - 1
            break
    for c in head.children:
        if c.dep_ == "acl" and head.i < c.left_edge.i <= hi and doc[c.left_edge.i - 1].text == ",":
            # "Marco Rubio, speaking at a rally in Miami, said": the participle set off by
            # commas is the writer's scene, not the source (train a: 21 cut, 2 kept)
            hi = min(hi, c.left_edge.i - 2)
        elif head.i < c.i and c.right_edge.i == hi and _names_a_time(c):
            # "the mayor on Tuesday said", "a judge in October": the time of the statement
            # the parser hung on its source (train a: 8 cut; "a poll released Sunday" stays)
            hi = min(hi, c.left_edge.i - 1)
        elif c.dep_ == "relcl" and head.i < c.left_edge.i <= hi and _incidental(head, c, speakers):
            # "Trump, who has a commanding lead in delegates, said": an aside on a bare name
            hi = min(hi, c.left_edge.i - 2)
    while lo < head.i and (doc[lo].is_punct and doc[lo].text not in ("(", "“", '"') or doc[lo].is_space):
        lo += 1
    if lo < head.i and lo < lo_t and doc[lo].lower_ == "even" and doc[lo].dep_ in ("advmod", "preconj", "predet"):
        # "Even Mr. Reed said": the focus particle is no part of the source (train a: 12 of 17)
        lo += 1
    while hi > head.i and (doc[hi].is_punct and doc[hi].text not in (")", "”", '"') or doc[hi].is_space):
        hi -= 1
    start, end = min(doc[lo].idx, a), max(doc[hi].idx + len(doc[hi].text), b)
    if head.i < cue_t < hi_t:
        # a mention the speaker step ran over its own cue ("groups backing Senator Ted Cruz",
        # cue "backing"): the source still stops before the cue
        end = doc[hi].idx + len(doc[hi].text)
    # a parenthetical apposition keeps its closing comma, before the cue ("Tom Reed, a
    # spokesman for the board, said") and after it ('"...," said Tom Reed, a spokesman for the
    # board, as ...': train a 12 of 16)
    nxt = hi + 1
    if (
        nxt < len(doc)
        and doc[nxt].text == ","
        and any(doc[k].text == "," for k in range(lo, hi))
        and cue_t >= 0
        and cue_t != nxt
    ):
        end = doc[nxt].idx + 1
    return start, end
