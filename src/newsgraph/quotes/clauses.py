"""Clause repairs read by ``subjects.py`` (issue 12, round 11).

``fronted_clause_subject``: a coordinated verb phrase the parser read as the complement of the
verb after it ("She has promised to push harder, opposed the deal and ..." gives "promised", with
its subject, as a clause before "opposed", the root, which has none of its own).

Also the token helpers ``_unbracket`` and ``_crosses_line`` (moved from ``subjects.py``).
"""

from __future__ import annotations

from spacy.tokens import Token

_FINITE = ("VBD", "VBZ", "VBP")
#: subjects that name nobody, or only through an antecedent elsewhere
_EMPTY = frozenset({"it", "there", "this", "that", "what", "which"})


def fronted_clause_subject(v: Token) -> Token | None:
    """The subject of the first conjunct the parser made the complement of finite verb ``v``:
    the clause ends with a comma right before ``v`` and holds a finite or auxiliary-carrying verb
    with a subject of its own before it; ``v`` has no subject (a subject after it, "..., said
    Okafor", rules the shape out), and no quotation mark bounds the clause (a quotation before
    an inverted cue is its content)."""
    doc = v.doc
    if v.tag_ not in _FINITE or v.i < 2 or doc[v.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        return None
    comp = next((c for c in v.children if c.dep_ == "ccomp" and c.right_edge.i == v.i - 2), None)
    if comp is None or comp.pos_ != "VERB" or doc[comp.left_edge.i].is_quote or doc[v.i - 2].is_quote:
        return None
    if not (comp.tag_ in _FINITE or any(c.dep_ == "aux" for c in comp.children)):
        return None
    subj = next((c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i), None)
    if subj is None or subj.lower_ in _EMPTY:
        return None
    return subj


def _unbracket(tok: Token) -> Token:
    """'Rep. Dana Ortiz (D-NM) said': the name before a bracketed subject, not the bracket."""
    doc = tok.doc
    # the bracket may hold several tokens ("(D-MA)" is three)
    lo = next((k for k in range(tok.i, max(-1, tok.i - 5), -1) if doc[k].text in ("(", ")")), None)
    hi = next((k for k in range(tok.i, min(len(doc), tok.i + 5)) if doc[k].text in ("(", ")")), None)
    if lo is not None and hi is not None and lo > 0 and doc[lo].text == "(" and doc[hi].text == ")":
        prev = doc[lo - 1]
        if prev.pos_ in ("PROPN", "NOUN"):
            return prev
    return tok


def _crosses_line(a: Token, b: Token) -> bool:
    """True when a line break lies between tokens ``a`` and ``b``.

    (Reads only the tokens between them: ``Doc.text`` rebuilds the whole text
    on every call, which made a 150 kB article take 50 s.)
    """
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return any("\n" in doc[k].text_with_ws for k in range(lo, hi))
