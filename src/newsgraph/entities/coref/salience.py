"""Salience: which of the people mentioned before a pronoun it most likely stands for.

News writing keeps one person in focus at a time: a subject, and, after a quotation, the
person who spoke. ``Salience`` records every mention of an entity outside quotation marks
as an ``Occurrence`` with its grammatical role (subject, subject of a verb of saying) and
measures distance in
*narrative* sentences: a run of quoted sentences ("...," he said after three paragraphs of
a speech) does not push the speaker out of reach.

``choose`` picks the antecedent of a personal pronoun from these occurrences; it is used by
``pronouns.link_pronouns``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

#: How many narrative sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 3
#: However few of them are narrative, no further back than this many sentences.
MAX_SENTENCES = 15


@dataclass
class Occurrence:
    """One mention of cluster ``cluster`` at character ``start`` in sentence ``sent``."""

    start: int
    sent: int
    cluster: int
    subject: bool
    verb: int = -1  # token index of the verb this mention is the subject of
    speaker: bool = False  # the subject of a verb of saying
    main: bool = False  # the subject of the sentence's main verb (or of a verb joined to it)


def subject_of(token: Token) -> int:
    """Index of the verb ``token`` (or the name it is part of) is the subject of, else -1."""
    t = token
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.head.i
        if t.dep_ in ("compound", "flat", "appos") and t.head is not t:
            t = t.head
            continue
        break
    return -1


def is_main_verb(verb: Token) -> bool:
    """The sentence's root, or a verb coordinated with it ("X arrived and said")."""
    v = verb
    for _ in range(3):
        if v.dep_ == "ROOT":
            return True
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


class Salience:
    """Occurrences of entities by sentence, and distances that skip quoted sentences."""

    def __init__(self, doc: Doc, in_quote: Callable[[int], bool], speech_verbs: frozenset[str]) -> None:
        self.doc = doc
        self.sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self.sents]
        self.speech_verbs = speech_verbs
        self.in_quote = in_quote
        # narrative[k]: how many sentences up to and including k have words outside quotation marks
        self.narrative: list[int] = []
        count = 0
        for s in self.sents:
            words = 0
            for t in s:
                if t.is_alpha and not in_quote(t.idx):
                    words += 1
                    if words >= 2:
                        break
            count += int(words >= 2)
            self.narrative.append(count)
        self.by_sent: dict[int, list[Occurrence]] = {}

    def sent_of(self, offset: int) -> int:
        return bisect.bisect_right(self._sent_starts, offset) - 1

    def occurrence(self, start: int, cluster: int, token: Token | None, *, relative: bool = False) -> Occurrence:
        """An occurrence of ``cluster`` at ``start`` whose head token is ``token`` (its role read from the parse)."""
        verb = subject_of(token) if token is not None and not relative else -1
        speaker = verb >= 0 and self.doc[verb].lemma_.lower() in self.speech_verbs
        main = verb >= 0 and is_main_verb(self.doc[verb])
        return Occurrence(start, self.sent_of(start), cluster, verb >= 0, verb, speaker, main)

    def add(self, occ: Occurrence) -> None:
        bisect.insort(self.by_sent.setdefault(occ.sent, []), occ, key=lambda o: o.start)

    def distance(self, earlier: int, later: int) -> int:
        """Narrative sentences after sentence ``earlier`` up to sentence ``later``."""
        return self.narrative[later] - self.narrative[earlier]

    def window(self, s: int, window: int) -> list[int]:
        """Sentences a pronoun in sentence ``s`` may look back to, nearest first."""
        out = []
        for back in range(MAX_SENTENCES + 1):
            target = s - back
            if target < 0 or self.distance(target, s) > window:
                break
            out.append(target)
        return out


def choose(
    cands_by_sent: Sequence[list[Occurrence]],
    gender_of: Callable[[int], str | None],
    gender: str | None,
    *,
    speech_subject: bool,
    unknown_speakers: Sequence[list[int]] = (),
) -> int | None:
    """The cluster a singular personal pronoun stands for, or ``None`` when nothing decides.

    ``cands_by_sent``: the compatible occurrences of each sentence of the window, nearest
    sentence first. In the nearest sentence that has any:

    1. one person only: that person;
    2. a person known to have the pronoun's gender, when the others' gender is unknown
       (unless the one subject is known to agree too);
    3. the one subject.

    Otherwise, for the subject of a verb of saying ("...," he said), the last person who
    spoke in the window, the reader's antecedent after a quotation; when that is someone
    we have no entity for (``unknown_speakers``: "the campaign manager said"), nobody; when
    nobody spoke, the one subject of a main verb in the nearest sentence. (The main-clause
    subject is not preferred in general: for pronouns inside subordinate clauses it was wrong
    more often than right in a manual check of PolNeAR train.)
    """
    nearest = next((c for c in cands_by_sent if c), None)
    if nearest is None:
        return None
    ids = list(dict.fromkeys(o.cluster for o in nearest))
    if len(ids) == 1:
        return ids[0]
    subjects = list(dict.fromkeys(o.cluster for o in nearest if o.subject))
    if gender in ("m", "f"):
        # a candidate known to agree beats a subject of unknown gender ("Gov. Sam Keller
        # called Maria Olsen reckless after she attacked ...")
        known = [c for c in ids if gender_of(c) == gender]
        if len(known) == 1 and not (len(subjects) == 1 and gender_of(subjects[0]) == gender):
            return known[0]
    if len(subjects) == 1:
        return subjects[0]
    if speech_subject:
        # the last speaker, a person of ours or not
        last = _last_speaker(cands_by_sent, unknown_speakers)
        if last is not None:
            return last if last >= 0 else None
        # nobody spoke: the subject of the main clause ("Christie has argued for weeks that
        # Rubio is not ready. "...," he said": Christie)
        mains = list(dict.fromkeys(o.cluster for o in nearest if o.main))
        if len(mains) == 1:
            return mains[0]
    return None


def _last_speaker(cands_by_sent: Sequence[list[Occurrence]], unknown_speakers: Sequence[list[int]]) -> int | None:
    """The cluster of the latest subject of a verb of saying in the window; -1 when that
    speaker is no entity of ours; ``None`` when nobody spoke."""
    for sent_cands, unknown in zip(cands_by_sent, unknown_speakers, strict=True):
        known = [(o.start, o.cluster) for o in sent_cands if o.speaker]
        events = sorted(known + [(u, -1) for u in unknown], reverse=True)
        if events:
            return events[0][1]
    return None
