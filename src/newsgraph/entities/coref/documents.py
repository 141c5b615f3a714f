"""Documents that speak for their author: "the report said", "the poll found", "the statement".

A report, a poll or a statement is its author's voice: "The Holocaust Museum issued a
statement ... the statement urged Americans to ..." is the museum speaking, "a CNN poll ...
the same poll" is CNN's. A noun of ``data/document_nouns.tsv`` records an author where the
article names one with it:

* a name inside the phrase: "a CNN poll", "Clinton's statement", "the FBI report";
* "by"/"from" a name: "a report by the Congressional Budget Office", "a statement from X";
* the subject of the verb the document is the object of ("X issued a statement", "Sanders is
  releasing a new ad") or that it is said "in" ("X said in a statement").

A later definite mention of the same noun ("the statement", "the report") as a subject or
after "according to", within ``DOCUMENT_WINDOW`` sentences of the authored one, becomes a
mention of the author, unless another author of that noun came between.

Runs after the pronouns, so "he said in a statement" finds the author too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.document import sentence_starts, tokens_of
from newsgraph.entities.common import Cluster
from newsgraph.entities.coref.descriptions import _add
from newsgraph.entities.lexicon import lexicon

#: How many sentences after the authored mention a description may refer to it.
DOCUMENT_WINDOW = 8
_AUTHOR_KINDS = frozenset({"person", "organization", "group"})


def link_documents(doc: Doc, clusters: list[Cluster], occupied: set[int]) -> int:
    """Link definite document descriptions to their author; returns how many were linked."""
    lex = lexicon()
    spans = sorted((m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions if c.kind in _AUTHOR_KINDS)
    starts = [s[0] for s in spans]

    def author_at(tok: Token) -> int | None:
        i = bisect.bisect_right(starts, tok.idx) - 1
        while i >= 0 and tok.idx - spans[i][0] < 200:
            s, e, ci = spans[i]
            if s <= tok.idx < e:
                return ci
            i -= 1
        return None

    sent_starts = sentence_starts(doc)
    last: dict[str, tuple[int, int]] = {}  # noun -> (sentence, author) of its latest authored mention
    linked = 0
    for tok in tokens_of(doc):
        noun = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or noun not in lex.document_nouns:
            continue
        sent = bisect.bisect_right(sent_starts, tok.idx) - 1
        author = _author(tok, author_at)
        if author is not None:
            last[noun] = (sent, author)
            continue
        seen = last.get(noun)
        if seen is None or sent - seen[0] > DOCUMENT_WINDOW or tok.idx in occupied or not _definite_speaker(doc, tok):
            continue
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in ("det", "amod", "compound", "nummod") and child.left_edge.i < start:
                start = child.left_edge.i
        if any(doc[i].idx in occupied for i in range(start, tok.i)):
            continue
        _add(clusters[seen[1]], doc, start, tok.i + 1, "nominal", occupied)
        linked += 1
    return linked


def _author(tok: Token, find: Callable[[Token], int | None]) -> int | None:
    """The entity the article names as the author of document noun ``tok``, else ``None``."""
    for child in tok.children:
        named: Token | None = None
        if child.i < tok.i and child.dep_ in ("compound", "poss", "nmod"):
            named = child  # "a CNN poll", "Clinton's statement"
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            named = next((g for g in child.children if g.dep_ == "pobj"), None)  # "a report by X"
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            # "a statement issued by the Sanders campaign"
            agent = next((g for g in child.children if g.dep_ == "agent"), None)
            named = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        found = find(named) if named is not None else None
        if found is not None:
            return found
    verb = None
    if tok.dep_ == "dobj":
        verb = tok.head  # "the museum issued a statement"
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
        verb = tok.head.head  # "X said in a statement"
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return find(subj)
    return None


def _definite_speaker(doc: Doc, tok: Token) -> bool:
    """ "the report" (or "the same poll", "the new ad") as a subject or after "according to"."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and doc[head.i - 1].lower_ == "according"
