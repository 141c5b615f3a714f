"""Word-class look-ups shared by the false-event and disaster rules (``data/events/words.tsv``)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon


def in_class(tok: Token, lex: Lexicon, cls: str) -> str | None:
    """The class value of the token's lemma or word, else ``None``. A capitalised plural the
    tagger took for a name keeps its "s" in the lemma ("Wildfires destroyed"): its singular too."""
    table = lex.word_class(cls)
    lower = tok.lower_
    forms = [tok.lemma_.lower(), lower]
    if tok.pos_ == "PROPN" and lower.endswith("s") and len(lower) > 3:
        forms.append(lower[:-1])
    for w in forms:
        if w in table:
            return table[w]
    return None


def phrase_words(head: Token) -> list[Token]:
    """The head and its modifiers ("gas explosion", "football match", "war games")."""
    return [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss"))]
