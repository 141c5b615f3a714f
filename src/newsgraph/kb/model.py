"""The knowledge base's record types: countries, organisations, people and matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

MatchKind = Literal[
    "country", "disputed", "territory", "capital", "seat", "demonym", "igo", "body", "person", "city", "region", "world_region"
]


@dataclass(frozen=True, slots=True)
class Country:
    """A state, an observer state, a dependent territory or a disputed entity.

    ``code`` is ISO 3166-1 alpha-3 (from pycountry) or, for an entity without
    one, a code from the ISO user-assigned range ``XAA``-``XZZ`` (``XKX``
    Kosovo, ``XNK`` Nagorno-Karabakh ...). ``claimed_by`` names the state(s)
    that claim a disputed entity.
    """

    code: str
    name: str
    status: str  # member | observer | territory | disputed
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    qid: str | None = None
    claimed_by: tuple[str, ...] = ()
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "status": self.status,
            "aliases": list(self.aliases),
            "demonyms": list(self.demonyms),
            "capitals": list(self.capitals),
            "seats": list(self.seats),
            "wikidata": self.qid,
            "claimed_by": list(self.claimed_by),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Organization:
    """An intergovernmental organisation, alliance, NGO, militant group or national body.

    ``type`` is ``igo``, ``alliance``, ``ngo``, ``img`` (international militant
    group) or ``body`` (a national institution or group: ``country`` and
    ``sector`` then say whose and what it is). ``id`` is the knowledge-base id;
    the actor code is ``IGO<id>`` for IGOs and alliances, ``NGO<id>``,
    ``IMG<id>``, or ``<country><sector>`` for a national body.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    qid: str | None = None

    @property
    def code(self) -> str:
        if self.type == "body":
            return f"{self.country or ''}{''.join(self.sector[:1])}"
        prefix = {"ngo": "NGO", "img": "IMG"}.get(self.type, "IGO")
        return prefix + self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "members": list(self.members),
            "parent": self.parent,
            "country": self.country,
            "sector": list(self.sector),
            "wikidata": self.qid,
        }


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: ``start``/``end`` ``None`` when open or unknown."""

    office: str
    country: str | None
    sector: str
    start: date | None = None
    end: date | None = None
    org: str | None = None  # the organisation of an IGO, NGO or armed-group post (organizations.tsv id)

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "country": self.country,
            "sector": self.sector,
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "org": self.org,
        }


@dataclass(frozen=True, slots=True)
class Person:
    """A well-known office holder with dated roles.

    ``as_of``: the date up to which the source lists the person's roles (the
    Phoenix dictionaries: January 2014); ``None`` when they are kept current.
    """

    name: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    as_of: date | None = None

    def roles_on(self, day: date | None) -> tuple[Role, ...]:
        """The roles held on ``day`` (all roles when ``day`` is None)."""
        if day is None:
            return self.roles
        return tuple(r for r in self.roles if r.held_on(day))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "wikidata": self.qid,
            "country": self.country,
            "roles": [r.to_dict() for r in self.roles],
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Match:
    """The result of ``KnowledgeBase.lookup``.

    ``code`` is the CAMEO-style actor code (``AZE``, ``RUSGOV`` for "the
    Kremlin", ``IGOEUR`` for the EU); ``country``/``sector``/``igo`` its parts.
    ``confidence`` is 1.0 for an exact (normalised) match and the normalised
    Levenshtein similarity for a fuzzy one.
    """

    kind: MatchKind
    code: str
    name: str
    key: str
    confidence: float
    country: str | None = None
    sector: tuple[str, ...] = ()
    igo: str | None = None
    qid: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "code": self.code,
            "name": self.name,
            "matched": self.key,
            "confidence": round(self.confidence, 4),
            "country": self.country,
            "sector": list(self.sector),
            "igo": self.igo,
            "wikidata": self.qid,
            "note": self.note,
        }
