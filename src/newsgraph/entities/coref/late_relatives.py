"""Relative pronouns linked once every entity exists (the last step of the entity stage).

``link_relatives`` runs with the other coreference steps, before the collectives ("the
protesters"), the actor phrases ("the Mexican president") and the knowledge-base names the
tagger missed become entities; a "who" whose antecedent is one of those stayed unlinked. This
step gives such a relative the entity holding its antecedent, and reads two shapes the parse
does not mark as a relative clause of the antecedent:

* a second relative clause coordinated with the first ("Ana Ruiz, who chairs the board, and
  who has said ..."): the antecedent of the first;
* a relative right after "Name," whose clause the parser hung elsewhere ("especially for the
  elder Mr. Voss, who is by all accounts ..."): the entity whose mention ends at the comma.

The kinds a relative may take are the same as ``link_relatives``' ("who" a person or a group,
"which" an organisation or a place).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.coref.pronouns import _RELATIVES
from newsgraph.entities.lexicon import lexicon
from newsgraph.records import Entity, Mention


def link_late_relatives(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """``entities`` with the relative pronouns no earlier step linked added as mentions."""
    spans = sorted((m.start, m.end, k) for k, e in enumerate(entities) for m in e.mentions if m.kind != "pronoun")
    starts = [s[0] for s in spans]
    mentioned = {m.start for e in entities for m in e.mentions}
    ends: dict[int, int] = {}  # mention end -> entity ("Mr. Voss," before a relative)
    for _start, end, k in spans:
        ends.setdefault(end, k)

    def holder(token: Token) -> int | None:
        """The entity with a (non-pronoun) mention holding ``token``, a person or group before others."""
        i = bisect.bisect_right(starts, token.idx) - 1
        found: int | None = None
        while i >= 0 and token.idx - spans[i][0] <= 300:
            s, e, k = spans[i]
            if s <= token.idx < e and (found is None or entities[k].kind in ("person", "group")):
                found = k
            i -= 1
        return found

    lex = lexicon()
    added: dict[int, list[Mention]] = {}
    for tok in tokens_of(doc):
        kinds = _RELATIVES.get(tok.lower_)
        if kinds is None or tok.idx in mentioned or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        found = None
        antecedent = _antecedent(tok)
        if antecedent is not None and antecedent.i > tok.i:
            antecedent = None  # a relative follows what it describes; the parse is wrong
        if antecedent is not None:
            found = holder(antecedent)
            if found is None and antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i:
                found = holder(antecedent.head)
        elif tok.lower_ != "that" and tok.i >= 2 and doc[tok.i - 1].text == ",":
            # "..., especially for the elder Mr. Voss, who is ...": the parse hung the clause elsewhere
            prev = doc[tok.i - 2]
            found = ends.get(prev.idx + len(prev.text))
        if found is None:
            continue
        if entities[found].kind not in kinds and not (
            # "the Mexican president, who said": an actor phrase headed by a person's title
            entities[found].kind == "organization"
            and tok.lower_ in ("who", "whom")
            and antecedent is not None
            and antecedent.pos_ == "NOUN"
            and lex.role(antecedent.lower_) is not None
        ):
            continue
        added.setdefault(found, []).append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
    if not added:
        return entities
    out = list(entities)
    for k, extra in added.items():
        mentions = tuple(sorted({*out[k].mentions, *extra}, key=lambda m: (m.start, m.end)))
        out[k] = replace(out[k], mentions=mentions)
    return out


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun's clause describes, through a coordinated second clause."""
    clause = tok.head
    if clause.dep_ != "relcl" and tok.lower_ == "whose":
        clause = clause.head
    if clause.dep_ == "conj" and clause.head.i < clause.i:
        if clause.head.dep_ == "relcl":
            clause = clause.head  # "..., who chairs the board, and who has said ..."
        elif clause.head.pos_ in ("PROPN", "NOUN"):
            return clause.head  # the same, with the second clause parsed as a conjunct of the name
    if clause.dep_ != "relcl":
        return None
    return clause.head
