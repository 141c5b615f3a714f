"""Surnames the recognizer missed: '“...,” said Skelly' after "Bill Skelly" was named.

The small English model often leaves a bare surname untagged, or tags it as an adverb or a
common noun, when it stands where a name is unusual (after "said", before a comma, at the
start of a quote's attribution). Once the article has named the person in full, a
title-case token equal to that person's surname is a mention of them: the speaker of
"...," Skelly said' then resolves to Bill Skelly, as "Skelly" would had it been tagged.

Only when exactly one person of the article carries that surname (a shared "Clinton" or
"Trump" stays unmatched, as in name matching), when no organisation or place is called by
that word, after the full name's first mention, outside every mention already made, and
not as the first word of a sentence unless the parser reads it as a proper noun ("Cross
the bridge" is a verb), and not as the modifier of a noun ("the Skelly campaign", "Skelly
supporters" are other referents).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.document import tokens_of
from newsgraph.entities.common import Cluster
from newsgraph.records import Mention


def add_missed_surnames(doc: Doc, clusters: list[Cluster], occupied: set[int]) -> int:
    """Add the untagged surnames of named people as name mentions; returns how many."""
    owners: dict[str, set[int]] = {}
    first_seen: dict[int, int] = {}
    other_names: set[str] = set()
    for ci, c in enumerate(clusters):
        names = [m for m in c.mentions if m.kind == "name"]
        if c.kind != "person":
            other_names.update(m.text.lower() for m in names)
            continue
        for m in names:
            words = m.text.split()
            if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha():
                owners.setdefault(words[-1], set()).add(ci)
            for w in words:
                # a one-word mention or a first name can belong to another person too
                if len(words) == 1:
                    owners.setdefault(w, set()).add(ci)
        if names:
            first_seen[ci] = min(m.start for m in names)
    added = 0
    for tok in tokens_of(doc):
        cis = owners.get(tok.text)
        if not cis or len(cis) != 1 or tok.idx in occupied or tok.text.lower() in other_names:
            continue
        if not tok.is_title or (tok.is_sent_start and tok.pos_ != "PROPN"):
            continue
        (ci,) = cis
        if tok.idx <= first_seen.get(ci, 1 << 62):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if (nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and not nxt.is_sent_start) or (
            prev is not None
            and prev.pos_ == "PROPN"
            and prev.is_title
            and not prev.text.endswith(".")  # "Mr. Skelly" is ours
            and not tok.is_sent_start
        ):
            continue  # part of a longer name the recognizer missed ("Rita Skelly"): not ours to guess
        if nxt is not None and nxt.tag_ in ("NN", "NNS") and tok.dep_ in ("compound", "amod", "nmod"):
            continue  # a modifier ("the Skelly campaign", "Skelly supporters"): another referent
        clusters[ci].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "name"))
        occupied.add(tok.idx)
        added += 1
    return added
