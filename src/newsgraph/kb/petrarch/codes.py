"""CAMEO actor codes ("USAGOVLEG", "IGOUNOREFHCR") read into newsgraph's parts.

``CodeTable.parse("USAGOVLEG")`` gives ``Code(country="USA", sectors=("LEG", "GOV"))``:
the first part is a country (or a region, or an IGO/NGO/IMG/MNC prefix), the
rest roles, religions, organisations and refinements. The table of parts that
need translating is ``data/kb/cameo_actor_codes.tsv``; ISO country codes and
newsgraph's sector codes are read as themselves.

The primary sector is the first role, except that a government's legislature
("GOVLEG") is coded as the branch: CAMEO writes members of congress
``USAGOVLEG``, PLOVER's actor type for them is LEG. ("GOVJUD" stays GOV: in
CountryInfo it is a minister of justice.)
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from newsgraph.errors import KnowledgeBaseError

logger = logging.getLogger(__name__)

_BRANCHES = frozenset({"LEG"})


@dataclass(frozen=True, slots=True)
class Code:
    """The parts of one CAMEO actor code, in newsgraph's terms."""

    raw: str
    prefix: str | None = None  # IGO, NGO, IMG, MNC
    country: str | None = None  # ISO 3166-1 alpha-3 (newsgraph's codes)
    region: str | None = None  # CAMEO region code (MEA, WST ...) when no country
    sectors: tuple[str, ...] = ()  # newsgraph sector codes, primary first
    orgs: tuple[str, ...] = ()  # organisation ids (organizations.tsv) or unknown CAMEO parts, outer first
    religious: bool = False

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


@dataclass
class CodeTable:
    """What each three-letter part of a CAMEO code means (see the module docstring)."""

    countries: frozenset[str]
    sectors: frozenset[str]
    parts: dict[str, tuple[str, str]] = field(default_factory=dict)  # part -> (kind, value)
    unknown: Counter[str] = field(default_factory=Counter)

    @classmethod
    def load(cls, countries: frozenset[str], sectors: frozenset[str]) -> CodeTable:
        table = cls(countries, sectors)
        text = resources.files("newsgraph").joinpath("data", "kb", "cameo_actor_codes.tsv").read_text(encoding="utf-8")
        header = False
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header:
                header = True
                continue
            if len(cells) < 2 or len(cells[0]) != 3:
                raise KnowledgeBaseError("expected code, kind, value, note", source=f"cameo_actor_codes.tsv:{number}")
            table.parts[cells[0]] = (cells[1], cells[2] if len(cells) > 2 else "")
        return table

    def region_name(self, code: str) -> str | None:
        kind, value = self.parts.get(code, ("", ""))
        return value if kind == "region" else None

    def parse(self, raw: str) -> Code | None:
        """The parts of ``raw``; ``None`` for the null code ``---`` or a code naming nothing newsgraph codes."""
        if raw == "---" or len(raw) % 3:
            return None
        chunks = [raw[i : i + 3] for i in range(0, len(raw), 3)]
        prefix = country = region = None
        sectors: list[str] = []
        orgs: list[str] = []
        religious = False
        first = chunks[0]
        kind, value = self.parts.get(first, ("", ""))
        if kind == "prefix":
            prefix = value
        elif kind == "country":
            if not value:
                return None
            country = value
        elif kind == "region":
            region = first
        elif first in self.countries:
            country = first
        elif kind == "religion":
            # "[BAH]": a religious body of no country
            religious = True
        elif first in self.sectors:
            sectors.append(first)
        else:
            self.unknown[first] += 1
            return None
        for chunk in chunks[1:]:
            kind, value = self.parts.get(chunk, ("", ""))
            if kind == "sector":
                if value:
                    sectors.append(value)
            elif chunk in self.sectors and kind not in ("org", "region"):
                sectors.append(chunk)
            elif kind == "religion":
                religious = True
            elif kind in ("ethnic", "status"):
                continue
            elif kind == "org":
                orgs.append(value)
            elif kind == "region":
                if prefix is None and country is None:
                    region = region or chunk
            elif kind == "country" or chunk in self.countries:
                iso = value if kind == "country" else chunk
                if not iso:
                    continue
                if prefix is None and country is not None and not sectors:
                    # "NZLTKL", "GBRVGB", "SUNRUS": a territory or member named after its state
                    country = iso
                elif prefix is None and country is None:
                    country = iso
                elif prefix is not None and country is None:
                    country = iso
            elif kind == "prefix":
                continue
            else:
                # an organisation part newsgraph does not know ("IGOAGRIGC"): kept for the id
                self.unknown[chunk] += 1
                orgs.append(chunk)
        return Code(raw, prefix, country, region, tuple(_order(sectors)), tuple(orgs), religious)


def _order(sectors: list[str]) -> list[str]:
    """Primary sector first: a government's legislature is coded as the branch."""
    out = list(dict.fromkeys(sectors))
    if len(out) > 1 and out[0] == "GOV" and out[1] in _BRANCHES:
        out[0], out[1] = out[1], out[0]
    return out
