"""The event lexicons: CAMEO codes, trigger patterns and word classes (data/events/*.tsv).

Loaded once per process (``load_lexicon()`` is cached). A malformed line raises
``KnowledgeBaseError`` naming the file and line, so a user-edited copy fails loudly.
"""

from __future__ import annotations

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
    """One trigger pattern from triggers.tsv."""

    pos: str  # "verb" | "noun"
    lemma: str
    cameo: str
    scope: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    clause: bool = False
    fact: bool = False
    evaluative: str | None = None  # "neg" | "pos"
    line: int = 0

    @property
    def specificity(self) -> int:
        return (
            3 * int(self.particle is not None)  # "called on X to" before "called X a liar"
            + 2 * int(bool(self.objects))
            + int(self.clause)
            + 2 * int(self.fact)
            + 2 * int(self.evaluative is not None)
        )


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


def parse_pattern(pos: str, pattern: str, cameo: str, scope: str, line: int = 0) -> Trigger:
    parts = pattern.split()
    if not parts or parts[0][0] in "@+>=":
        raise KnowledgeBaseError(f"pattern {pattern!r} has no lemma", source=f"line {line}")
    particle = None
    objects: frozenset[str] = frozenset()
    clause = False
    fact = False
    evaluative = None
    for part in parts[1:]:
        if part.startswith("@"):
            particle = part[1:].lower()
        elif part.startswith("+"):
            objects = frozenset(
                w if w in ("MONEY", "ACTOR", "*") else w.lower() for w in part[1:].split("|") if w
            )
        elif part == ">clause":
            clause = True
        elif part == ">fact":
            fact = True
        elif part in ("=neg", "=pos"):
            evaluative = part[1:]
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
    )


def parse_triggers(
    path: Path | resources.abc.Traversable, cameo: dict[str, CameoCode]
) -> dict[tuple[str, str], tuple[Trigger, ...]]:
    found: dict[tuple[str, str], list[Trigger]] = {}
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
            trig = parse_pattern(pos, pattern, code, scope, lineno)
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(exc.message, source=f"{path}:{lineno}") from exc
        found.setdefault((pos, trig.lemma), []).append(trig)
    # most specific first: "release +statement" must be tried before bare "release"
    return {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in found.items()}


def parse_words(path: Path | resources.abc.Traversable) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for _lineno, (cls, word, value, *_) in _rows(path, 3):
        out.setdefault(cls, {})[word.lower()] = value
    return out


def data_dir() -> resources.abc.Traversable:
    return resources.files("newsgraph").joinpath("data", "events")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    base = data_dir()
    cameo = parse_cameo(base.joinpath("cameo.tsv"))
    return Lexicon(
        cameo=cameo,
        triggers=parse_triggers(base.joinpath("triggers.tsv"), cameo),
        words=parse_words(base.joinpath("words.tsv")),
    )
