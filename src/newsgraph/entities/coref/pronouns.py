"""Coreference of pronouns: personal pronouns and relative pronouns.

``link_pronouns`` attaches he/she/his/her, it/its, they/their to the most recent
compatible antecedent: gender and number must agree (gender from honorifics, a list
of first names, gendered role nouns and pronouns already linked), and when a sentence
offers several, the one in subject position wins; when nothing decides, the pronoun
stays unlinked (precision first). "They" after people coordinated as a subject ("X
and Y ... They") makes the group of those people. Pronouns inside quotation marks
(``quoted_regions``) are left alone: they speak from the quoted speaker's point of
view ("It is truly reckless ...").

``link_relatives`` gives a relative pronoun ("Varga, who heads ...") the entity of
the noun its clause hangs on in the parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.common import Cluster, role_head
from newsgraph.entities.coref.salience import PRONOUN_WINDOW, Occurrence, Salience, choose
from newsgraph.entities.lexicon import Lexicon, lexicon
from newsgraph.records import Mention

#: Heads after which "it" does not refer ("it is clear that", "it should be noted").
_NONREFERENTIAL_IT_HEADS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "become",
        "remain",
        "take",
        "happen",
        "matter",
        "mean",
        "make",
        "note",
        "rain",
        "look",
        "sound",
        "feel",
    }
)
_OPEN_QUOTES = frozenset('"“„«')
_CLOSE_QUOTES = frozenset('"”»')
_MARK = re.compile("''|``|[\"“„«”»]")


def quoted_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches inside double quotation marks.

    Straight and curly marks both open and close (articles mix them); a mark left
    open runs to the end of its paragraph, as in news style.
    """
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        # only the marks matter: the regex jumps from one to the next
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if len(mark) == 2:
                # typewriter-style quotes (``...'' or ''...'', as in some wire copy)
                if open_at is None:
                    open_at = i
                else:
                    out.append((open_at, i + 2))
                    open_at = None
            elif open_at is None and mark in _OPEN_QUOTES:
                open_at = i
            elif open_at is not None and mark in _CLOSE_QUOTES:
                out.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            out.append((open_at, p_end))
    return out


class _Regions:
    """Fast ``offset in any region`` for sorted, disjoint regions."""

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        self._regions = sorted(regions)
        self._starts = [r[0] for r in self._regions]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._regions[i][0] <= offset < self._regions[i][1]


def _nonreferential_it(tok: Token) -> bool:
    if tok.dep_ == "expl":
        return True
    if tok.dep_ != "nsubj":
        return True  # "fight it", "on it": objects are mostly things, not organisations
    head = tok.head
    if head.lemma_ in _NONREFERENTIAL_IT_HEADS:
        return True
    return any(
        c.dep_ in ("aux", "auxpass")
        and c.lemma_ in ("should", "must", "can", "could", "would")
        and head.lemma_ in _NONREFERENTIAL_IT_HEADS
        for c in head.children
    )


def _coordinated_people(
    doc: Doc,
    sents: Sequence[Any],
    s: int,
    tok: Token,
    clusters: list[Cluster],
    person_at: dict[int, int],
    coordinations: dict[tuple[int, ...], int],
) -> int | None:
    """A subject "X and Y" of named people in ``tok``'s sentence (before it) or the one before: their group.

    The group is made once per set of people and gets the coordination as its
    mention; ``None`` when there is no such subject.
    """
    for target in (s, s - 1):
        if target < 0:
            break
        sent = sents[target]
        stop = tok.i if target == s else sent.end
        for t in doc[sent.start : stop]:
            if t.dep_ not in ("nsubj", "nsubjpass", "ROOT") or t.pos_ != "PROPN" or not t.conjuncts:
                continue
            heads = [t, *t.conjuncts]
            members = [person_at.get(h.idx) for h in heads]
            if None in members or len(set(members)) < 2 or any(h.i >= stop for h in heads):
                continue
            key = tuple(sorted(set(m for m in members if m is not None)))
            gi = coordinations.get(key)
            if gi is None:
                first = min(heads, key=lambda h: h.i)
                last = max(heads, key=lambda h: h.i)
                start = min(first.left_edge.i, *(h.i for h in heads))
                while start < first.i and doc[start].dep_ in ("det", "punct", "cc"):
                    start += 1
                begin, end = doc[start].idx, last.idx + len(last.text)
                group = Cluster(kind="group", name=doc[start : last.i + 1].text, members=list(key))
                group.mentions.append(Mention(begin, end, doc[start : last.i + 1].text, "nominal"))
                clusters.append(group)
                gi = len(clusters) - 1
                coordinations[key] = gi
            return gi
    return None


def _local_description(doc: Doc, start: int, end: int, occupied: _Regions | set[int], lex: Lexicon) -> bool:
    """Is a person described but not named the subject in tokens ``[start, end)``?

    "The company's founder said ... but she denied": the pronoun
    refers to the description, which is no entity of ours, so it stays unlinked.
    """
    for t in doc[start:end]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.idx not in occupied and t.tag_ == "NN":
            if role_head(doc, t, lex) is not None:
                return True
    return False


def _local_plural(doc: Doc, start: int, end: int, occupied: _Regions | set[int]) -> bool:
    """Is there another plural subject in tokens ``[start, end)``?

    A plural common noun outside any mention ("Party aides acknowledged ...") or
    coordinated subjects ("Doe and Brown did not react ...") are the likelier
    antecedents of a following "they"; we make no entity of them, so we do not link.
    """
    for t in doc[start:end]:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if t.tag_ in ("NNS", "NNPS") and t.idx not in occupied:
            return True
        if any(c.dep_ == "conj" for c in t.children):
            return True
    return False


def _named(c: Cluster) -> bool:
    return any(m.kind == "name" for m in c.mentions)


def _compatible(pron: tuple[str, str | None, str], cluster: Cluster) -> bool:
    number, gender, _case = pron
    if number == "pl":
        return cluster.kind == "group"
    if gender == "n":
        return cluster.kind in ("organization",)
    if cluster.kind != "person":
        return False
    return cluster.gender is None or cluster.gender == gender


def link_pronouns(
    doc: Doc,
    clusters: list[Cluster],
    occupied: _Regions | set[int],
    quoted: Sequence[tuple[int, int]],
) -> int:
    """Attach third-person pronouns to clusters; returns how many were linked."""
    lex = lexicon()
    in_quote = _Regions(quoted)
    sal = Salience(doc, in_quote.__contains__, lex.speech_verbs)
    sents = sal.sents
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            if m.start in in_quote:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            root = span.root if span is not None and len(span) > 0 else None
            # "who" is the subject of a relative clause, not of the sentence
            sal.add(sal.occurrence(m.start, ci, root, relative=m.text.lower() in _RELATIVES))
    # token offset -> person cluster, for coordinated subjects ("Mr. Doe and Mr. Brown ... They")
    person_at: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        if c.kind == "person":
            for m in c.mentions:
                if m.kind == "name":
                    for off in range(m.start, m.end):
                        person_at[off] = ci
    coordinations: dict[tuple[int, ...], int] = {}
    # a second pass (after descriptions linked by focus) leaves the pronouns linked by the first alone
    done = {m.start for c in clusters for m in c.mentions if m.kind == "pronoun"}
    linked = 0
    # walk pronouns in order, inserting each linked pronoun as a new occurrence so chains form
    for tok in tokens_of(doc):
        low = tok.lower_
        pron = lex.pronouns.get(low)
        if pron is None or tok.pos_ not in ("PRON", "DET") or tok.idx in in_quote or tok.idx in occupied:
            continue
        if tok.idx in done:
            continue
        if low == "it" and (_nonreferential_it(tok) or tok.head.lemma_ not in lex.speech_verbs):
            continue
        s = sal.sent_of(tok.idx)
        window = PRONOUN_WINDOW
        if pron[1] in ("m", "f") and _local_description(doc, sents[s].start, tok.i, occupied, lex):
            continue
        if pron[0] == "pl":
            coordinated = _coordinated_people(doc, sents, s, tok, clusters, person_at, coordinations)
            if coordinated is not None:
                c = clusters[coordinated]
                c.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
                sal.add(Occurrence(tok.idx, s, coordinated, False))
                linked += 1
                continue
            # "several other states ... restated their backing": a plural noun
            # of the pronoun's own sentence is the likelier antecedent, and we do not
            # make entities of those; groups are looked for one sentence back at most.
            if _local_plural(doc, sents[s].start, tok.i, occupied):
                continue
            window = 1
        chosen = _antecedent(doc, sal, tok, s, pron, window, clusters, occupied)
        if chosen is None:
            continue
        c = clusters[chosen]
        c.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
        if c.kind == "person" and c.gender is None and pron[1] in ("m", "f"):
            c.gender = pron[1]
        sal.add(sal.occurrence(tok.idx, chosen, tok))
        linked += 1
    return linked


def _antecedent(
    doc: Doc,
    sal: Salience,
    tok: Token,
    s: int,
    pron: tuple[str, str | None, str],
    window: int,
    clusters: list[Cluster],
    occupied: _Regions | set[int],
) -> int | None:
    """The cluster pronoun ``tok`` (in sentence ``s``) stands for, or ``None``."""
    cands_by_sent: list[list[Occurrence]] = []
    for back, target in enumerate(sal.window(s, window)):
        cands = [
            o
            for o in sal.by_sent.get(target, ())
            if o.start < tok.idx
            and _compatible(pron, clusters[o.cluster])
            # an unnamed person ("a spokesman") is an antecedent only as a subject
            and (o.subject or clusters[o.cluster].kind == "group" or _named(clusters[o.cluster]))
        ]
        if back == 0 and pron[2] in ("obj", "poss") and tok.dep_ != "poss":
            # "Smith met Brown and told him": an object pronoun is not its own clause's subject
            cands = [o for o in cands if o.verb != tok.head.i]
        cands_by_sent.append(cands)
        if not cands or pron[1] in ("m", "f"):
            continue
        # "they", "it": the nearest sentence with a candidate decides
        if pron[0] == "pl":
            sent = sal.sents[target]
            if back and _local_plural(doc, sent.start, sent.end, occupied):
                return None
        else:
            # "it": only an organisation in subject position ("The ministry met on Monday. It
            # said ..."); objects and possessors were mostly wrong in a manual check
            cands_by_sent[-1] = [o for o in cands if o.subject]
            if not cands_by_sent[-1]:
                return None
        break
    speech_subject = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in sal.speech_verbs
    unknown = [_unknown_speakers(sal, target, tok, occupied) for target in sal.window(s, window)] if speech_subject else []
    return choose(
        cands_by_sent,
        lambda c: clusters[c].gender,
        pron[1],
        speech_subject=speech_subject,
        unknown_speakers=unknown[: len(cands_by_sent)],
    )


def _unknown_speakers(sal: Salience, target: int, tok: Token, occupied: _Regions | set[int]) -> list[int]:
    """Offsets of the speakers in sentence ``target`` (before ``tok``) that are no entity of ours.

    "Bennett, the campaign manager, said he needed to speak to the candidate first. "Why
    don't I ...," he told the AP": the last speaker is the manager, so "he" is nobody we know,
    whoever else the window names.
    """
    lex = lexicon()
    known = {o.start for o in sal.by_sent.get(target, ())}
    out = []
    for t in sal.sents[target]:
        if t.i >= tok.i:
            break
        if t.dep_ != "nsubj" or t.head.lemma_.lower() not in sal.speech_verbs or t.idx in occupied or t.idx in known:
            continue
        if sal.in_quote(t.idx):
            continue
        if t.pos_ == "PROPN" or t.lower_ in ("he", "she") or (t.pos_ == "NOUN" and role_head(sal.doc, t, lex)):
            out.append(t.idx)
    return out


_RELATIVES = {
    "who": ("person", "group"),
    "whom": ("person", "group"),
    "whose": ("person", "group", "organization"),
    "which": ("organization", "place"),
    "that": ("person", "group", "organization"),
}


def link_relatives(doc: Doc, clusters: list[Cluster], occupied: set[int]) -> int:
    """ "Varga, who heads the community, said ...": a relative pronoun takes the entity of the noun its clause hangs on.

    The parse decides (the pronoun's clause is a ``relcl`` of a word inside one of
    the entity's mentions), so no guessing is involved; relative pronouns were
    15% of the description-like Sources in 300 PolNeAR train articles.
    """
    # mention start offsets -> cluster, to find the mention that holds a token
    spans = sorted(
        (m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions if m.kind != "pronoun"
    )
    starts = [s[0] for s in spans]
    linked = 0

    def holder(token: Token) -> int | None:
        """The cluster with a mention holding ``token`` (a person or group before others)."""
        i = bisect.bisect_right(starts, token.idx) - 1
        found: int | None = None
        while i >= 0 and spans[i][0] <= token.idx:
            s, e, ci = spans[i]
            if s <= token.idx < e:
                found = ci if found is None or clusters[ci].kind in ("person", "group") else found
            if token.idx - s > 300:
                break
            i -= 1
        return found

    # (not ``occupied``: that also holds the words of roles, and an apposition's relative clause is
    # part of its role: "Anna Berg, a lawyer who has argued ...")
    mentioned = {m.start for c in clusters for m in c.mentions}
    for tok in tokens_of(doc):
        kinds = _RELATIVES.get(tok.lower_)
        if kinds is None or tok.idx in mentioned:
            continue
        if tok.lower_ == "that" and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clause = tok.head
        if clause.dep_ != "relcl" and tok.lower_ == "whose":
            clause = clause.head  # "Schlafly, whose campaigns ...": the clause is above the possessed noun
        if clause.dep_ != "relcl":
            continue
        antecedent = clause.head
        found = holder(antecedent)
        if found is None and antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i:
            # "R. Gil Kerlikowske, the border commissioner, who conceded": the name the apposition describes
            found = holder(antecedent.head)
        if found is None or clusters[found].kind not in kinds:
            continue
        clusters[found].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))
        occupied.add(tok.idx)
        linked += 1
    return linked
