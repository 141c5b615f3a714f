"""The event lexicons: CAMEO codes, trigger patterns and word classes (data/events/*.tsv).

The trigger vocabulary has two layers. The base is the PETRARCH2 CAMEO verb
dictionary as converted by ``petrarch.build`` (``petrarch_verbs.tsv``: verbs and
their blocks; ``petrarch_patterns.tsv``: each block's verb + object / preposition
/ subject patterns). On top of it, ``triggers.tsv`` holds the patterns written
for newsgraph (event nouns, clause and evaluative constraints, scopes, and the
verb patterns that measured better than the dictionary's). For one lemma every
pattern of both layers is tried, most specific first; on a tie the hand pattern
comes first.

Loaded once per process (``load_lexicon()`` is cached). A malformed line raises
``KnowledgeBaseError`` naming the file and line, so a user-edited copy fails loudly.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
SCOPES = ("-", "intended", "threatened", "hypothetical", "negated")
# what a dictionary verb does to an event in its clause, by the verb's CAMEO root
# (the hand patterns say it per pattern): "urged X to withdraw", "agreed to meet", "threatened to strike"
_ROOT_SCOPE = {"02": "hypothetical", "10": "hypothetical", "03": "intended", "13": "threatened"}
# which vocabulary to load (an ablation switch for the evaluation: petrarch, hand or both)
VOCABULARY_ENV = "NEWSGRAPH_EVENT_VOCAB"
# which verbs of a block a dictionary pattern applies to: every verb (block), the verbs its line names
# (named), or those and, for a verb + object pattern of a material act, every verb (material; the default)
PATTERN_SCOPE_ENV = "NEWSGRAPH_PETRARCH_PATTERNS"
PATTERN_SCOPES = ("block", "named", "material")


#: CAMEO roots of violence: assault (18), fight (19), mass violence (20)
VIOLENT_ROOTS = frozenset(("18", "19", "20"))
#: CAMEO roots of harm to people: coercion (17) and the violent roots
HARM_ROOTS = frozenset(("17", "18", "19", "20"))


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code and its PLOVER reading (``plover`` is None for CAMEO 01 statements)."""

    code: str
    plover: str | None
    mode: str | None
    context: str | None
    quad_class: int
    goldstein: float
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def penta_class(self) -> int:
        """CAMEO PentaClass: 0 statement/appeal (01-02), 1 verbal cooperation (03-05),
        2 material cooperation (06-08), 3 verbal conflict (09-13 and 16, reduce relations),
        4 material conflict (14-15, 17-20).

        Root 16 (reduce relations, sanctions, expulsions, suspended aid) counts as verbal
        conflict as in the ConfliBERT PentaClass labels (41 of 41 such sentences in its
        train file), unlike the QuadClass, where it is material conflict.
        """
        root = int(self.root)
        if root <= 2:
            return 0
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13 or root == 16:
            return 3
        return 4


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern (from triggers.tsv or the converted PETRARCH2 dictionary)."""

    pos: str  # "verb" | "noun"
    lemma: str
    cameo: str  # "-": matches, but is no event (silences less specific patterns)
    scope: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    clause: bool = False
    fact: bool = False
    evaluative: str | None = None  # "neg" | "pos"
    line: int = 0
    # prepositional phrases: (the prepositions, the heads of their object; empty = any)
    preps: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    subjects: frozenset[str] = frozenset()
    reverse: bool = False  # the subject is the target ("came under fire", a "[:code]" entry)
    origin: str = "hand"  # "hand" | "petrarch"

    @property
    def specificity(self) -> int:
        return (
            3 * int(self.particle is not None)  # "called on X to" before "called X a liar"
            + 2 * int(bool(self.objects))
            + int(bool(self.objects) and all("_" in o for o in self.objects))  # "humanitarian aid"
            + int(self.clause)
            + 2 * int(self.fact)
            + 2 * int(self.evaluative is not None)
            + sum(4 if nouns else 3 for _, nouns in self.preps)
            + 2 * int(bool(self.subjects))
        )

    # frame keys of which the token must have one (a cheap first test; empty: no test)
    anchor: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # the words the anchor keys end in ("o:humanitarian_aid" -> "aid", "p:against" ->
    # "against"): each is a token's word or lemma in the sentence whenever the key is in the
    # frame, so a sentence without any of them cannot match (None: no such test, as for "o:*")
    anchor_words: frozenset[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.objects:
            anchor = frozenset("o:" + o for o in self.objects)
        elif self.preps:
            anchor = frozenset("p:" + p for p in self.preps[0][0])
        elif self.particle is not None:
            anchor = frozenset(("p:" + self.particle,))
        else:  # a subject is checked by itself (the frame looks it up only then)
            anchor = frozenset()
        object.__setattr__(self, "anchor", anchor)
        heads = frozenset(key[2:].rsplit("_", 1)[-1] for key in anchor)
        # "o:*", "o:MONEY", "o:ACTOR" stand for no word of their own, nor does "o:money", which an
        # amount ("$20 million") also gives
        if heads and all(h and h == h.lower() and h not in ("*", "money") for h in heads):
            object.__setattr__(self, "anchor_words", heads)


@dataclass(frozen=True)
class Lexicon:
    cameo: dict[str, CameoCode]
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def word_class(self, cls: str) -> dict[str, str]:
        return self.words.get(cls, {})

    def code(self, code: str) -> CameoCode | None:
        while code:
            found = self.cameo.get(code)
            if found is not None:
                return found
            code = code[:-1]
        return None


def _rows(path: Path | resources.abc.Traversable, ncols: int) -> Iterator[tuple[int, list[str]]]:
    header_seen = False
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(cols) < ncols:
            raise KnowledgeBaseError(
                f"expected {ncols} tab-separated columns, got {len(cols)}", source=f"{path}:{lineno}"
            )
        yield lineno, [c.strip() for c in cols]


def _dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def parse_cameo(path: Path | resources.abc.Traversable) -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    for lineno, (code, plover, mode, context, quad, goldstein, desc, *_) in _rows(path, 7):
        p = _dash(plover)
        if p is not None and p not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"unknown PLOVER type {p!r}", source=f"{path}:{lineno}")
        try:
            out[code] = CameoCode(code, p, _dash(mode), _dash(context), int(quad), float(goldstein), desc)
        except ValueError as exc:
            raise KnowledgeBaseError(f"bad number: {exc}", source=f"{path}:{lineno}") from exc
    return out


def _heads(words: str) -> frozenset[str]:
    return frozenset(w if w in ("MONEY", "ACTOR", "*") else w.lower() for w in words.split("|") if w)


def parse_pattern(
    pos: str, pattern: str, cameo: str, scope: str, line: int = 0, origin: str = "hand"
) -> Trigger:
    """One pattern: ``LEMMA`` then constraints (see triggers.tsv's header)::

    @PART          a particle or preposition attached to the verb ("call @on")
    @P1/P2:N1|N2   a prepositional phrase with one of these heads ("@for:visit|talks"); a
                   second bare @P is a preposition that must be there ("set @off @for")
    +O1|O2         the object's head; "humanitarian_aid" is "aid" modified by "humanitarian"
    <S1|S2         the subject's head ("<troops": "troops rushed to the border")
    >clause >fact  a clause complement; a that-clause without a modal
    =neg =pos      an evaluative complement
    !rev           the subject is the target
    """
    parts = pattern.split()
    if not parts or parts[0][0] in "@+>=<!":
        raise KnowledgeBaseError(f"pattern {pattern!r} has no lemma", source=f"line {line}")
    particle = None
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    preps: list[tuple[frozenset[str], frozenset[str]]] = []
    clause = False
    fact = False
    reverse = False
    evaluative = None
    for part in parts[1:]:
        if part.startswith("@") and len(part) > 1:
            word, colon, nouns = part[1:].partition(":")
            alts = frozenset(w.lower() for w in word.split("/") if w)
            if not alts or (colon and not nouns):
                raise KnowledgeBaseError(f"bad preposition {part!r} in {pattern!r}", source=f"line {line}")
            if colon or len(alts) > 1 or particle is not None:
                preps.append((alts, frozenset() if nouns == "*" else _heads(nouns)))
            else:
                particle = word.lower()
        elif part.startswith("+") and len(part) > 1:
            objects = _heads(part[1:])
        elif part.startswith("<") and len(part) > 1:
            subjects = _heads(part[1:])
        elif part == ">clause":
            clause = True
        elif part == ">fact":
            fact = True
        elif part in ("=neg", "=pos"):
            evaluative = part[1:]
        elif part == "!rev":
            reverse = True
        else:
            raise KnowledgeBaseError(
                f"unknown pattern element {part!r} in {pattern!r}", source=f"line {line}"
            )
    return Trigger(
        pos=pos,
        lemma=parts[0].lower(),
        cameo=cameo,
        scope=_dash(scope),
        particle=particle,
        objects=objects,
        clause=clause,
        fact=fact,
        evaluative=evaluative,
        line=line,
        preps=tuple(preps),
        subjects=subjects,
        reverse=reverse,
        origin=origin,
    )


def _known_code(code: str, cameo: dict[str, CameoCode]) -> bool:
    return code == "-" or any(code[:n] in cameo for n in range(len(code), 1, -1))


def parse_triggers(
    path: Path | resources.abc.Traversable, cameo: dict[str, CameoCode]
) -> dict[tuple[str, str], tuple[Trigger, ...]]:
    found: dict[tuple[str, str], list[Trigger]] = {}
    for trig in _hand_rows(path, cameo):
        found.setdefault((trig.pos, trig.lemma), []).append(trig)
    # most specific first: "release +statement" must be tried before bare "release"
    return {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in found.items()}


def _hand_rows(path: Path | resources.abc.Traversable, cameo: dict[str, CameoCode]) -> Iterator[Trigger]:
    for lineno, (pos, pattern, code, scope, *_) in _rows(path, 4):
        if pos not in ("verb", "noun"):
            raise KnowledgeBaseError(f"kind must be verb or noun, not {pos!r}", source=f"{path}:{lineno}")
        if code not in cameo:
            raise KnowledgeBaseError(f"CAMEO code {code!r} is not in cameo.tsv", source=f"{path}:{lineno}")
        if scope not in SCOPES:
            raise KnowledgeBaseError(
                f"scope must be one of {SCOPES}, not {scope!r}", source=f"{path}:{lineno}"
            )
        try:
            yield parse_pattern(pos, pattern, code, scope, lineno)
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(exc.message, source=f"{path}:{lineno}") from exc


def _dictionary_scope(code: str, pattern: str) -> str:
    """The scope of a dictionary verb: by its CAMEO root, for a verb that can govern a clause."""
    if "+" in pattern:
        return "-"  # "offered aid": the object is the act, there is no clause to scope
    return _ROOT_SCOPE.get(code[:2], "-")


def parse_petrarch(
    verbs_path: Path | resources.abc.Traversable,
    patterns_path: Path | resources.abc.Traversable,
    cameo: dict[str, CameoCode],
    scope: str = "block",
) -> dict[tuple[str, str], list[Trigger]]:
    """The converted PETRARCH2 dictionary as trigger patterns, by (``"verb"``, lemma).

    A verb's own code becomes a bare pattern (none when it has no PLOVER type: a
    statement verb is not a trigger). Which verbs of its block a pattern applies to
    (``scope``): ``block`` every verb; ``named`` the verbs its source line names (all
    when it names none); ``material`` those, and every verb of the block for a pattern
    naming a noun that codes a material act (QuadClass 2 or 4: "suspended publication",
    "revoked the decision", "contributed medicine"): the object names a deed whatever the
    block's verb, while a verbal act ("disputed the results") depends on the verb.
    """
    if scope not in PATTERN_SCOPES:
        raise ValueError(f"pattern scope must be one of {PATTERN_SCOPES}, not {scope!r}")
    blocks: dict[str, list[tuple[Trigger, frozenset[str]]]] = {}
    for lineno, (block, pattern, code, named, *_) in _rows(patterns_path, 4):
        if not _known_code(code, cameo):
            raise KnowledgeBaseError(
                f"CAMEO code {code!r} is not in cameo.tsv", source=f"{patterns_path}:{lineno}"
            )
        try:
            trig = parse_pattern("verb", "_ " + pattern, code, "-", lineno, origin="petrarch")
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(exc.message, source=f"{patterns_path}:{lineno}") from exc
        names = frozenset(n for n in named.split(",") if n and n != "-")
        blocks.setdefault(block, []).append((trig, names))
    found: dict[tuple[str, str], list[Trigger]] = {}
    for lineno, (verb, block, code, *_) in _rows(verbs_path, 3):
        if not _known_code(code, cameo):
            raise KnowledgeBaseError(
                f"CAMEO code {code!r} is not in cameo.tsv", source=f"{verbs_path}:{lineno}"
            )
        try:
            own = parse_pattern("verb", verb, code, _dictionary_scope(code, verb), lineno, origin="petrarch")
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(exc.message, source=f"{verbs_path}:{lineno}") from exc
        out = found.setdefault(("verb", own.lemma), [])
        known = cameo.get(code[:3]) or cameo.get(code[:2])
        if code != "-" and known is not None and known.plover is not None:
            out.append(own)
        if " " in verb:
            continue  # a compound verb ("call off") brings no block patterns to its head verb
        for trig, names in blocks.get(block, ()):
            unnamed = scope != "block" and bool(names) and verb not in names
            if unnamed and not (scope == "material" and _material(trig, cameo)):
                continue
            if all(t is not trig for t in out):
                out.append(trig)
    return found


def _material(trig: Trigger, cameo: dict[str, CameoCode]) -> bool:
    """A pattern naming a noun (the object's, or a prepositional phrase's: "pay for humanitarian
    aid") that codes a material act (CAMEO QuadClass 2 or 4)."""
    if not (trig.objects or any(nouns for _, nouns in trig.preps)) or trig.cameo == "-":
        return False  # a bare verb, particle or any-object preposition: the verb decides
    code = next((cameo[trig.cameo[:n]] for n in range(len(trig.cameo), 1, -1) if trig.cameo[:n] in cameo), None)
    return code is not None and code.quad_class in (2, 4)


def parse_words(path: Path | resources.abc.Traversable) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for _lineno, (cls, word, value, *_) in _rows(path, 3):
        out.setdefault(cls, {})[word.lower()] = value
    return out


def data_dir() -> resources.abc.Traversable:
    return resources.files("newsgraph").joinpath("data", "events")


def merge_vocabularies(
    hand: dict[tuple[str, str], list[Trigger]], dictionary: dict[tuple[str, str], list[Trigger]]
) -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Both layers for each lemma: the hand patterns first (most specific first), then the
    dictionary's (most specific first). A hand pattern is an override of the dictionary."""
    out: dict[tuple[str, str], tuple[Trigger, ...]] = {}
    for key in set(hand) | set(dictionary):
        ordered = sorted(hand.get(key, ()), key=lambda t: -t.specificity)
        ordered += sorted(dictionary.get(key, ()), key=lambda t: -t.specificity)
        if ordered:
            out[key] = tuple(ordered)
    return out


@lru_cache(maxsize=4)
def _load(vocabulary: str, pattern_scope: str) -> Lexicon:
    base = data_dir()
    cameo = parse_cameo(base.joinpath("cameo.tsv"))
    hand: dict[tuple[str, str], list[Trigger]] = {}
    if vocabulary in ("both", "hand"):
        for trig in _hand_rows(base.joinpath("triggers.tsv"), cameo):
            hand.setdefault((trig.pos, trig.lemma), []).append(trig)
    dictionary: dict[tuple[str, str], list[Trigger]] = {}
    if vocabulary in ("both", "petrarch"):
        dictionary = parse_petrarch(
            base.joinpath("petrarch_verbs.tsv"),
            base.joinpath("petrarch_patterns.tsv"),
            cameo,
            scope=pattern_scope,
        )
        if vocabulary == "petrarch":  # the dictionary has no event nouns: keep the hand nouns
            for trig in _hand_rows(base.joinpath("triggers.tsv"), cameo):
                if trig.pos == "noun":
                    hand.setdefault((trig.pos, trig.lemma), []).append(trig)
    return Lexicon(
        cameo=cameo,
        triggers=merge_vocabularies(hand, dictionary),
        words=parse_words(base.joinpath("words.tsv")),
    )


def load_lexicon() -> Lexicon:
    """The event lexicon (cached): CAMEO table, both trigger layers, word classes."""
    return _load(os.environ.get(VOCABULARY_ENV, "both"), os.environ.get(PATTERN_SCOPE_ENV, "material"))
