"""Cues: the cue lexicon and what makes a word of the parse a cue.

``data/cues.tsv`` lists the reporting verbs by lemma, with their class (speech or belief)
and the complements each takes (clause "c", infinitive "x", object "o"); ``cue_lexicon()``
loads it once. The helpers here read one token: is it a cue verb (``_is_cue_verb``), which
complement the lexicon lets it take (``_complement``), is it passive (then its subject is
no speaker) or the writer's own aside ("It should be noted that"), and which cue verb's
reported clause it belongs to (``_outer_cue``).

Used by the steps after the quotation marks: ``indirect.py`` (the relations cue verbs
give), ``direct.py``, ``uncued.py``, and ``subjects.py`` for the speaker token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs by lemma: their class (speech/belief), the complements they take and
    their mode (speech, belief, perception, intention)."""

    verbs: dict[str, tuple[str, str]]
    modes: dict[str, str] = field(default_factory=dict)

    def mode(self, lemma: str) -> str:
        return self.modes.get(lemma, "")

    def frames(self, lemma: str) -> str:
        entry = self.verbs.get(lemma)
        return entry[1] if entry else ""

    def cls(self, lemma: str) -> str:
        entry = self.verbs.get(lemma)
        return entry[0] if entry else ""


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """Load ``data/cues.tsv`` once."""
    verbs: dict[str, tuple[str, str]] = {}
    modes: dict[str, str] = {}
    raw = resources.files("newsgraph").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        lemma, cls, frames = cols[:3]
        verbs[lemma.strip().lower()] = (cls.strip(), frames.strip())
        modes[lemma.strip().lower()] = cols[3].strip() if len(cols) > 3 else cls.strip()
    return CueLexicon(verbs, modes)


def _is_cue_verb(tok: Token, lex: CueLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in lex.verbs:
        return False
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lower_ in ("said", "says")


def _complement(tok: Token, lex: CueLexicon) -> Token | None:
    """The complement of cue verb ``tok`` that its lexicon frames admit: a clause ("c"), else an
    infinitive ("x", not for beliefs), else an object ("o"); ``None`` when it has none."""
    lemma = tok.lemma_.lower()
    frames = lex.frames(lemma)
    comp = _clause_complement(tok) if "c" in frames else None
    # beliefs and intentions only with a clause ("thinks that ..."): with an infinitive
    # ("wants to ...") they were mostly unannotated in PolNeAR train (34 matches, 57 misses)
    if comp is None and "x" in frames and lex.cls(lemma) != "belief":
        for child in tok.children:
            if child.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children
            ):
                comp = child
                break
    if comp is None and "o" in frames:
        for child in tok.children:
            if child.dep_ == "dobj" and child.pos_ != "PRON" and not ("d" in frames and _deed_object(child)):
                comp = child
                break
    return comp


#: Marks after which a clause before a cue verb is no longer its content ("He made the
#: observation that ...; he and Reed had said the same thing")
_BREAKS = frozenset({";", ":", "—", "–", "--"})
#: Subordinators that put a cue in a clause of its own: "..., in part because he sees Adler as
#: a uniter" does not report the sentence before it
_SUBORDINATORS = frozenset({"because", "when", "as", "if", "while", "after", "before", "since", "although", "though"})


def _clause_complement(tok: Token) -> Token | None:
    """The clause ``tok`` reports: a clause complement after it, else one before it (the
    inverted "The ferry will run, Okafor said") unless a semicolon, colon, dash or line
    break lies between them, or ``tok`` heads a subordinate clause of its own (the parser
    hangs the clause before such a break on the verb after it)."""
    before: Token | None = None
    for child in tok.children:
        if child.dep_ != "ccomp":
            continue
        if child.i > tok.i:
            return child
        before = child
    if before is None or _detached(before, tok):
        return None
    return before


def _detached(comp: Token, tok: Token) -> bool:
    """True when clause ``comp`` before cue ``tok`` is cut off from it (see ``_clause_complement``)."""
    doc = tok.doc
    if any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in tok.children):
        return True
    if comp.sent.start != tok.sent.start:
        return True
    return any(t.text in _BREAKS or "\n" in t.text for t in doc[comp.right_edge.i + 1 : tok.i])


#: Names of what a deed is done to: places ("attacked Ukraine", "attacked Aleppo"); people, peoples
#: and organisations are attacked in words as often (PolNeAR train: "attacked Fiorina",
#: "attacked Republicans", spaCy often tags such names ORG)
_TARGET_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _deed_object(obj: Token) -> bool:
    """The object of a verb that also names a deed ("d" in its frames), when it is what a deed is
    done to by a country or a people: "Russia attacked Ukraine" is an assault, not a statement
    with "Ukraine" as its content ("Trump attacked Mexico", "... attacked Cruz" stay speech). A quotation in the object keeps it speech
    ("attacked Kyiv's “junta”")."""
    if any(t.text in ('"', "“", "”", "''", "``") for t in obj.subtree):
        return False
    subject = next((c for c in obj.head.children if c.dep_ == "nsubj"), None)
    if obj.lemma_.lower() in _deed_targets():
        # "the army attacked the town": a place nobody attacks in words (unless a person does)
        return subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i"))
    if obj.ent_type_ not in _TARGET_TYPES:
        return False
    # a person attacks a country in words ("Trump attacked Mexico"); a country or a people in deeds
    return subject is None or subject.ent_type_ in _AGENT_TYPES


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of ``data/NAME.tsv`` (one per line, ``#`` comments), lower-cased, loaded once:
    the quote steps' word lists (deed targets, aspectual verbs, time adverbs, experiencer
    participles)."""
    raw = resources.files("newsgraph").joinpath(f"data/{name}.tsv").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


def _deed_targets() -> frozenset[str]:
    return word_list("deed_targets")


def aspectual_verbs() -> frozenset[str]:
    """Verbs of an act's phase or attempt ("continued to", "tried to"), whose infinitive's verb
    the cue runs over (``spans.infinitive_cue``)."""
    return word_list("aspectual_verbs")


#: Subjects whose attack on a place is a deed: countries, regions, peoples ("Russia attacked Ukraine").
_AGENT_TYPES = frozenset({"GPE", "LOC", "NORP"})


def _cue_span(verb: Token) -> tuple[int, int]:
    return verb.idx, verb.idx + len(verb.text)


def _is_passive(verb: Token) -> bool:
    """'was announced', 'Asked about it, ...': the subject (if any) is not the speaker."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.lower_ == "asked" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if (
            prev is None
            or prev.is_space
            or prev.text in (".", "\n")
            or verb.is_sent_start
            or prev.lower_ in ("when", "if", "after", "once")
        ):
            # "Asked about the plan, Mr. Daley said ...", "when asked which plan she preferred": the
            # asker is not named
            return True
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and any(c.lower_ == "as" for c in verb.children):
        # "ferries known as “floating sheds”", "a blogger known online as “Harbourmaster”": the noun
        # is who is named, not who names (PolNeAR train: 3 fixed, none lost)
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "ROOT")
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    )


_AUTHORIAL_MODALS = frozenset({"should", "must", "can", "could", "may", "might", "ought"})


def _authorial(verb: Token) -> bool:
    """A passive cue with an expletive "it" and a modal: "It should be noted that"."""
    children = list(verb.children)
    expletive = any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in children)
    modal = any(c.dep_ == "aux" and c.lower_ in _AUTHORIAL_MODALS for c in children)
    return expletive and modal


def _outer_cue(tok: Token) -> Token | None:
    """The cue verb whose reported clause ``tok`` belongs to, if any ("X said he ... and predicted")."""
    lex = cue_lexicon()
    t = tok
    for _ in range(3):
        if t.dep_ == "ccomp" and t.head.i != t.i and _is_cue_verb(t.head, lex):
            return t.head
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None
