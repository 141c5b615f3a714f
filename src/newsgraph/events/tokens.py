"""Token helpers shared by every step of event extraction.

Used by all the other modules of ``newsgraph.events``: the word forms a table
lookup tries for a token (spaCy's small model sometimes lemmatises badly), whether
a token is a verb, and how deep it sits in the parse. ``MAX_CLIMB`` bounds every
walk up a chain of heads, which keeps time linear in the sentence length.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

MAX_CLIMB = 12


def forms(tok: Token) -> tuple[str, ...]:
    """The lemma, then the word, then the word with an inflection stripped.

    spaCy's small model sometimes lemmatises badly ("staged" -> "stag"); a table
    lookup tries these forms in order and the first one the table knows wins.
    """
    lemma, low = tok.lemma_.lower(), tok.lower_
    out = [lemma, low]
    if tok.tag_.startswith("VB") or tok.tag_ == "NNS":
        if low.endswith("ed"):
            out += [low[:-1], low[:-2]]
        elif low.endswith("ing"):
            out += [low[:-3] + "e", low[:-3]]
        elif low.endswith("s"):
            out += [low[:-1], low[:-2]]
    # British spelling: the vocabularies are mostly American ("mobilised" -> "mobilize",
    # "mobilisation" -> "mobilization"); tried last, so a British entry of the table wins
    for suffix, us in _SPELLING:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            out.append(lemma[: -len(suffix)] + us)
            break
    return tuple(out)


_SPELLING = (("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("yse", "yze"), ("our", "or"))


def lemma_in(tok: Token, table: Any) -> str | None:
    """The first of the token's ``forms`` that ``table`` holds, else ``None``."""
    for form in forms(tok):
        if form in table:
            return form
    return None


def is_verb(tok: Token) -> bool:
    """A verb by its part of speech, or by its VB* tag unless it is an auxiliary."""
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def depth(tok: Token) -> int:
    """How many steps up the chain of heads the token is from its root (counted up to 50)."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
