"""Transcript labels: the turns of an interview or debate printed as ``NAME: words``.

A paragraph of the body that opens with a speaker's name and a colon ("TAPPER: Do you think
...", "Matthews: Well, the point is ...") is a statement of that person: content = the rest
of the paragraph (without its final period, as for a headline label), cue = the colon,
speaker = the name. A transcript has turns: the rule needs at least two such paragraphs in
the article, their labels naming people (a name the recognizer tags as a person, or the word
of a person entity of the article: "FALLIN" for Mary Fallin), and turns that are speech on
average longer than a few words (a list of candidates with their one-line prospects,
"Okafor: A long shot.", is no transcript). "Q:" and "A:" name nobody and are left alone, and
so is a label followed by a quotation (``direct.py`` reads ``X: "..."``).

The relations other steps found whose cue lies inside a turn ("TAPPER: ... I think he is
...") are kept as nested within the turn (PolNeAR annotates the turn only).

Runs after ``uncued.py``, over all relations found so far.
"""

from __future__ import annotations

import re

from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.records import _Relation
from newsgraph.quotes.speakers import _speaker_of
from newsgraph.records import Speaker

#: a name of one to four capitalised words, a colon, then the turn (not a quotation mark)
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})[^\S\n]*:[^\S\n]+(?=[^\s\"“”'‘’`])")
_MIN_TURNS = 2
#: the mean length in words of the turns, below which the labels make a list, not a transcript
_MIN_MEAN_WORDS = 8
_MARKS = "\"“”'‘’`"


def _person_words(ctx: _Ctx) -> frozenset[str]:
    """The words of the names of the article's person entities, lower-cased."""
    return frozenset(
        w.lower().strip(".,")
        for e in ctx.index.entities
        if e.kind == "person"
        for w in e.name.split()
        if len(w) > 1
    )


def _named_person(ctx: _Ctx, speaker: Speaker, label: str) -> Speaker:
    """The one person entity whose name ends with the label's last word ("TAPPER" -> Jake
    Tapper, named in the introduction), else ``speaker`` as it is."""
    last = label.split()[-1].lower().strip(".")
    found = [e for e in ctx.index.entities if e.kind == "person" and e.name.split()[-1].lower() == last]
    if len(found) != 1:
        return speaker
    return Speaker(speaker.mention, found[0].id, found[0].name)


def _transcript_labels(ctx: _Ctx, relations: list[_Relation]) -> list[_Relation]:
    """``relations`` with a relation for each transcript turn; the relations whose cue lies
    inside a turn move to ``ctx.nested``, within it."""
    text = ctx.text
    paragraphs = ctx.parsed.paragraphs
    people: frozenset[str] | None = None
    turns: list[tuple[int, int, int, int]] = []  # label start, label end, content start, content end
    caps: list[tuple[int, int, int, int]] = []  # all-capitals labels not known as people
    for lo, hi in paragraphs[1:]:
        m = _LABEL.match(text, lo, hi)
        if m is None:
            continue
        a, b = m.start(1), m.end(1)
        words = m.group(1).split()
        if len(words[-1].strip(".")) < 2 or words[0] == "The":
            continue
        c_lo, c_hi = m.end(), hi
        while c_hi > c_lo and text[c_hi - 1] in ". \n":
            c_hi -= 1
        if c_hi - c_lo < 2:
            continue
        if people is None:
            people = _person_words(ctx)
        label_toks = [t for t in ctx.doc[ctx.tok_at(a) : ctx.tok_at(b)] if not t.is_space]
        entity = ctx.index.resolve(a, b)
        if (
            any(t.ent_type_ == "PERSON" for t in label_toks)
            or (entity is not None and entity.kind == "person")
            or words[-1].lower().strip(".") in people
        ):
            turns.append((a, b, c_lo, c_hi))
        elif all(w.isupper() for w in words):
            # "TAPPER:" in a transcript whose other labels are known people
            caps.append((a, b, c_lo, c_hi))
    if not turns or len(turns) + len(caps) < _MIN_TURNS:
        return relations
    words_n = sum(len(text[c:d].split()) for _, _, c, d in turns)
    if words_n / len(turns) < _MIN_MEAN_WORDS:
        return relations
    turns = sorted(turns + caps)
    out: list[_Relation] = []
    inside: dict[int, int] = {}  # cue offset range start -> colon token of the turn
    for a, b, c_lo, c_hi in turns:
        colon = text.index(":", b)
        colon_tok = ctx.tok_at(colon)
        speaker = _speaker_of(ctx, ctx.doc[ctx.tok_at(b) - 1])
        if speaker.entity is None:
            speaker = _named_person(ctx, speaker, text[a:b])
        rel = _Relation("indirect", [(c_lo, c_hi)], (colon, colon + 1), speaker, 0.6, colon_tok)
        out.append(rel)
        inside[c_lo] = colon_tok
    bounds = sorted((c_lo, c_hi, inside[c_lo]) for _, _, c_lo, c_hi in turns)
    for rel in relations:
        owner = None
        if rel.cue is not None:
            owner = next((t for lo, hi, t in bounds if lo <= rel.cue[0] < hi), None)
        elif rel.kind == "direct" and rel.content:
            # a quotation without a cue inside a turn is part of the turn's words
            owner = next((t for lo, hi, t in bounds if lo <= rel.content[0][0] < hi), None)
        if owner is None:
            out.append(rel)
            continue
        rel.within = owner
        ctx.nested.append(rel)
    return out
