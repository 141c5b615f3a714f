"""The in-memory knowledge base: indexes over the data files and the lookups on them."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.loader import COUNTRY_STATUS, FILES, ORG_TYPES, read_places, read_rows
from newsgraph.kb.model import Country, Match, Organization, Person, Role
from newsgraph.kb.text import demonym_plurals, is_acronym, normalize, person_key, plural_forms, words

logger = logging.getLogger(__name__)

# When two entries share a key, the lower rank wins: "Luxembourg" is the
# country before it is the capital, "Georgia" the country before anything else.
_RANK = {"country": 0, "disputed": 0, "territory": 1, "igo": 2, "body": 3, "seat": 4, "capital": 5, "demonym": 6}

# Fuzzy matching only for keys and queries at least this long: short names
# ("Iran"/"Iraq", "Mali"/"Bali") are one edit apart and must match exactly.
FUZZY_MIN_CHARS = 6

# A lookup key may be at most this many words (longest bundled key: 8 words).
_MAX_WORDS = 9


@dataclass
class _Entry:
    match: Match
    acronym: bool
    rank: int


def bundled_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "kb"))


@dataclass
class KnowledgeBase:
    """Countries, organisations, sector vocabulary and office holders, indexed for lookup.

    Build one with ``load_kb()`` (cached per process); ``KnowledgeBase.from_dirs``
    reads the bundled files and then any user directory, whose rows add to (and,
    for the same code, id or term, replace) the bundled ones.
    """

    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    sector_codes: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    generic_terms: set[str] = field(default_factory=set)
    people: list[Person] = field(default_factory=list)
    places: dict[str, tuple[str, str, str, str | None]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    _index: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _acronyms: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _fuzzy: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _people_index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _surname_index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _sector_words: int = 1
    _people_keys: list[str] | None = field(default=None, repr=False)
    _first_words: dict[str, int] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ loading

    @classmethod
    def from_dirs(cls, *dirs: str | Path) -> KnowledgeBase:
        kb = cls()
        people_rows: dict[str, list[tuple[str, str, tuple[str, ...], Role]]] = {}
        for directory in dirs:
            d = Path(directory)
            if not d.is_dir():
                raise KnowledgeBaseError("knowledge-base directory does not exist", source=str(d))
            for name in FILES:
                path = d / name
                if path.exists():
                    kb.sources.append(str(path))
                    kb._read(path, people_rows)
        for rows in people_rows.values():
            name, qid = rows[0][0], rows[0][1] or None
            roles = tuple(sorted((r[3] for r in rows), key=lambda r: (r.start or date.min, r.office)))
            countries = [r.country for r in roles if r.country]
            kb.people.append(
                Person(
                    name=name,
                    aliases=tuple(dict.fromkeys(a for r in rows for a in r[2])),
                    qid=qid,
                    country=max(set(countries), key=countries.count) if countries else None,
                    roles=roles,
                )
            )
        kb._build_index()
        return kb

    def _read(self, path: Path, people_rows: dict[str, list[tuple[str, str, tuple[str, ...], Role]]]) -> None:
        kind = path.name
        if kind == "places.tsv":
            for number, name, code, pkind, note in read_places(path):
                if code not in self.countries:
                    raise KnowledgeBaseError(f"unknown country code {code!r}", source=f"{path}:{number}")
                self.places[normalize(name)] = (name, code, pkind, note or None)
            return
        for row in read_rows(path):
            if kind == "sector_codes.tsv":
                code = row["code"]
                if not code.isalpha() or not code.isupper() or len(code) != 3:
                    raise row.error(f"sector code {code!r} is not three upper-case letters")
                self.sector_codes[code] = row["description"]
            elif kind == "sectors.tsv":
                sector = row["sector"]
                if sector not in self.sector_codes:
                    raise row.error(f"unknown sector {sector!r} (declare it in sector_codes.tsv)")
                term = normalize(row["term"])
                self.sectors[term] = sector
                if row["note"] == "generic":
                    self.generic_terms.add(term)
                else:
                    self.generic_terms.discard(term)
            elif kind == "countries.tsv":
                code = row.code("code", required=True) or ""
                status = row.choice("status", COUNTRY_STATUS)
                self.countries[code] = Country(
                    code=code,
                    name=row["name"],
                    status=status,
                    aliases=row.list("aliases"),
                    demonyms=row.list("demonyms"),
                    capitals=row.list("capitals"),
                    seats=row.list("seats"),
                    qid=row.qid(),
                    claimed_by=row.codes("claimed_by"),
                    note=row["note"] or None,
                )
            elif kind == "organizations.tsv":
                oid = row["id"]
                if not oid.isalnum() or not oid.isupper() or len(oid) > 12:
                    raise row.error(f"organisation id {oid!r} must be upper-case letters/digits, at most 12")
                otype = row.choice("type", ORG_TYPES)
                sectors = row.list("sector")
                for s in sectors:
                    if s not in self.sector_codes:
                        raise row.error(f"unknown sector {s!r} (declare it in sector_codes.tsv)")
                country = row.code("country", required=otype == "body")
                members = row.codes("members")
                for code in (*members, *([country] if country else [])):
                    if code not in self.countries:
                        raise row.error(f"unknown country code {code!r}")
                self.organizations[oid] = Organization(
                    id=oid,
                    name=row["name"],
                    type=otype,
                    aliases=row.list("aliases"),
                    members=members,
                    parent=row["parent"] or None,
                    country=country,
                    sector=sectors,
                    qid=row.qid(),
                )
            elif kind == "people.tsv":
                sector = row["sector"]
                if sector not in self.sector_codes:
                    raise row.error(f"unknown sector {sector!r} (declare it in sector_codes.tsv)")
                country = row.code("country")
                if country and country not in self.countries:
                    raise row.error(f"unknown country code {country!r}")
                start, end = row.date("start"), row.date("end")
                if start and end and end < start:
                    raise row.error(f"role ends ({end}) before it starts ({start})")
                qid = row.qid() or ""
                key = qid or person_key(row["name"])
                role = Role(office=row["office"], country=country, sector=sector, start=start, end=end)
                people_rows.setdefault(key, []).append((row["name"], qid, row.list("aliases"), role))
        if kind == "organizations.tsv":
            for org in self.organizations.values():
                if org.parent and org.parent not in self.organizations:
                    raise KnowledgeBaseError(f"organisation {org.id}: unknown parent {org.parent!r}", source=str(path))

    def _add(self, name: str, match: Match) -> None:
        key = normalize(name)
        if not key:
            return
        rank = _RANK.get(match.kind, 9)
        acronym = is_acronym(name)
        # an acronym and a word may share a key ("GUAM" the organisation, "Guam" the
        # territory): keep the best of each, and let the query's capitals choose
        index = self._acronyms if acronym else self._index
        old = index.get(key)
        if old is None or rank <= old.rank:
            index[key] = _Entry(match=match, acronym=acronym, rank=rank)

    def _build_index(self) -> None:
        self._index.clear()
        self._acronyms.clear()
        # lowest priority first so that higher-ranked entries overwrite on ties
        for c in self.countries.values():
            kind = "disputed" if c.status == "disputed" else "territory" if c.status == "territory" else "country"
            note = f"claimed by {', '.join(c.claimed_by)}" if c.claimed_by else c.note
            for name in (c.name, *c.aliases):
                self._add(name, Match(kind, c.code, c.name, normalize(name), 1.0, country=c.code, qid=c.qid, note=note))  # type: ignore[arg-type]
            for dem in c.demonyms:
                for form in (dem, *demonym_plurals(dem)):
                    self._add(form, Match("demonym", c.code, c.name, normalize(form), 1.0, country=c.code, qid=c.qid, note=note))
            for cap in c.capitals:
                self._add(
                    cap,
                    Match("capital", c.code + "GOV", c.name, normalize(cap), 1.0, country=c.code, sector=("GOV",), qid=c.qid, note=note),
                )
            for seat in c.seats:
                self._add(
                    seat,
                    Match("seat", c.code + "GOV", c.name, normalize(seat), 1.0, country=c.code, sector=("GOV",), qid=c.qid, note=note),
                )
        for org in self.organizations.values():
            kind = "body" if org.type == "body" else "igo"
            for name in (org.name, *org.aliases):
                self._add(
                    name,
                    Match(
                        kind,  # type: ignore[arg-type]
                        org.code,
                        org.name,
                        normalize(name),
                        1.0,
                        country=org.country,
                        sector=org.sector,
                        igo=None if org.type == "body" else org.id,
                        qid=org.qid,
                        note=None if org.type == "body" else org.type,
                    ),
                )
        # first word of every key -> longest key starting with it, so that ``find`` tries
        # only the positions where a name can start (cut the actor stage from 11% to ~2%
        # of analysis time on 40 PolNeAR articles)
        self._first_words.clear()
        for key in [*self._index, *self._acronyms]:
            parts = key.split(" ")
            for first in {parts[0], parts[0].removesuffix("'s")}:
                self._first_words[first] = max(self._first_words.get(first, 0), len(parts))
        fuzzy: dict[str, list[str]] = defaultdict(list)
        for key, entry in self._index.items():
            # candidates may be one letter shorter than queries ("Quatar" -> "qatar")
            if not entry.acronym and len(key) >= FUZZY_MIN_CHARS - 1:
                fuzzy[key[0]].append(key)
        self._fuzzy = dict(fuzzy)
        # sector vocabulary: add regular plurals of every term
        for term, sector in list(self.sectors.items()):
            for plural in plural_forms(term):
                if plural not in self.sectors:
                    self.sectors[plural] = sector
                    if term in self.generic_terms:
                        self.generic_terms.add(plural)
        self._sector_words = max((t.count(" ") + 1 for t in self.sectors), default=1)
        self._people_index.clear()
        self._surname_index.clear()
        for i, person in enumerate(self.people):
            for name in (person.name, *person.aliases):
                key = person_key(name)
                if key:
                    self._people_index.setdefault(key, []).append(i)
                    self._surname_index.setdefault(key.rsplit(" ", 1)[-1], []).append(i)

    # ------------------------------------------------------------------ lookups

    def lookup(self, name: str, *, min_confidence: float = 0.8, fuzzy: bool = True) -> Match | None:
        """The country, disputed entity, capital, demonym, IGO or national body called ``name``.

        Exact matches (after ``normalize``) have confidence 1.0; acronyms must be
        written in capitals ("US", not "us"). Otherwise, for names of at least
        ``FUZZY_MIN_CHARS`` characters, the closest key starting with the same
        letter by normalised Levenshtein similarity, when that is at least
        ``min_confidence`` ("Nagorno-Karabkh" -> XNK at 0.94). ``None`` when
        nothing is close enough: an unknown name gets no code, never a guess.
        """
        key = normalize(name)
        if not key:
            return None
        bare = name.strip()
        if bare[:4].lower() == "the ":
            bare = bare[4:]
        acronym = self._acronyms.get(key)
        if acronym is not None and (is_acronym(bare) or (key not in self._index and _is_title_acronym(bare))):
            return acronym.match
        entry = self._index.get(key)
        if entry is not None:
            return entry.match
        if not fuzzy or len(key) < FUZZY_MIN_CHARS:
            return None
        candidates = self._fuzzy.get(key[0])
        if not candidates:
            return None
        hits = process.extract(key, candidates, scorer=Levenshtein.normalized_similarity, score_cutoff=min_confidence, limit=5)
        best = next((h for h in hits if _words_agree(key, h[0], min_confidence)), None)
        if best is None:
            return None
        found, score, _ = best
        m = self._index[found].match
        return Match(m.kind, m.code, m.name, found, float(score), m.country, m.sector, m.igo, m.qid, m.note)

    def place(self, name: str) -> Match | None:
        """A city or region called ``name`` (exact, capitalised; never fuzzy), coded as its country.

        Kept apart from ``lookup`` because town names are often ordinary words
        ("Of", "Split", "Reading"): the actor stage asks only for place entities.
        A name shared by places of similar size in several countries has
        confidence 0.5, below any sensible threshold.
        """
        bare = name.strip()
        if bare[:4].lower() == "the ":
            bare = bare[4:]
        if not bare or not bare[0].isupper():
            return None
        key = normalize(bare)
        hit = self.places.get(key)
        if hit is None:
            return None
        pname, code, pkind, note = hit
        c = self.countries.get(code)
        return Match(
            pkind,  # type: ignore[arg-type]
            code,
            pname,
            key,
            0.5 if note and note.startswith("ambiguous") else 1.0,
            country=code,
            note=note,
            qid=None,
        ) if c is not None else None

    def find(self, text: str, *, min_confidence: float = 1.0) -> list[tuple[int, int, Match]]:
        """Every knowledge-base name in ``text``: ``(start, end, match)``, longest first, no overlaps.

        Exact matches only by default (``min_confidence=1.0``); pass a lower
        value to let single words match fuzzily.
        """
        spans = list(words(text))
        out: list[tuple[int, int, Match]] = []
        i = 0
        while i < len(spans):
            hit = None
            if text[spans[i][0] : spans[i][1]].lower() == "the":
                # "the Kremlin" is found as "Kremlin": spans start at the name
                i += 1
                continue
            fuzzy = min_confidence < 1.0
            first = normalize(text[spans[i][0] : spans[i][1]]).split(" ")[0]
            longest = self._first_words.get(first, 0)
            if not longest and not fuzzy:
                i += 1
                continue
            for n in range(min(_MAX_WORDS, max(longest, 1), len(spans) - i), 0, -1):
                start, end = spans[i][0], spans[i + n - 1][1]
                m = self.lookup(text[start:end], min_confidence=min_confidence, fuzzy=fuzzy and n == 1)
                if m is not None:
                    hit = (start, end, m, n)
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit[:3])
            i += hit[3]
        return out

    def sector(self, term: str) -> str | None:
        """The sector code of a role noun or title ("senators" -> LEG, "foreign minister" -> GOV)."""
        return self.sectors.get(normalize(term))

    def find_sectors(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Every sector term in ``text``: ``(start, end, sector, generic)``, longest first, no overlaps.

        ``generic`` marks terms such as "leader" or "head" that yield to a more
        specific term in the same role (see sectors.tsv).
        """
        spans = list(words(text))
        out: list[tuple[int, int, str, bool]] = []
        i = 0
        while i < len(spans):
            for n in range(min(self._sector_words, len(spans) - i), 0, -1):
                start, end = spans[i][0], spans[i + n - 1][1]
                term = normalize(text[start:end])
                sector = self.sectors.get(term)
                if sector is not None:
                    out.append((start, end, sector, term in self.generic_terms))
                    i += n
                    break
            else:
                i += 1
        return out

    def people_named(self, name: str) -> list[Person]:
        """Office holders called ``name`` (full name or alias; middle initials and "Jr." ignored).

        A single word is taken as a surname and returns everyone with it.
        """
        key = person_key(name)
        if not key:
            return []
        hits = self._people_index.get(key)
        if hits is None and " " not in key:
            hits = self._surname_index.get(key)
        return [self.people[i] for i in dict.fromkeys(hits or ())]

    def people_like(self, name: str, *, min_confidence: float = 0.9) -> list[tuple[Person, float]]:
        """Office holders whose name is within ``min_confidence`` (normalised Levenshtein) of ``name``.

        For misspelt names ("Abdelaziz Bouteflicka"); only full names of at least
        ``FUZZY_MIN_CHARS`` characters are compared, and only with names that
        start with the same letter.
        """
        key = person_key(name)
        if len(key) < FUZZY_MIN_CHARS or " " not in key:
            return []
        if self._people_keys is None:
            self._people_keys = [k for k in self._people_index if " " in k]
        candidates = [k for k in self._people_keys if k[0] == key[0]]
        hits = process.extract(key, candidates, scorer=Levenshtein.normalized_similarity, score_cutoff=min_confidence, limit=5)
        out: dict[int, float] = {}
        for found, score, _ in hits:
            for i in self._people_index[found]:
                out[i] = max(out.get(i, 0.0), float(score))
        return [(self.people[i], score) for i, score in sorted(out.items(), key=lambda kv: -kv[1])]

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def organization(self, oid: str) -> Organization | None:
        return self.organizations.get(oid)

    def show(self, code: str) -> Country | Organization | None:
        """A country by code, or an organisation by id or actor code (``EUR``, ``IGOEUR``)."""
        code = code.strip().upper()
        if code in self.countries:
            return self.countries[code]
        if code in self.organizations:
            return self.organizations[code]
        for prefix in ("IGO", "NGO", "IMG"):
            if code.startswith(prefix) and code[3:] in self.organizations:
                return self.organizations[code[3:]]
        return None

    def stats(self) -> dict[str, int]:
        by_status: dict[str, int] = defaultdict(int)
        for c in self.countries.values():
            by_status[c.status] += 1
        by_type: dict[str, int] = defaultdict(int)
        for o in self.organizations.values():
            by_type[o.type] += 1
        return {
            "countries (UN members)": by_status["member"],
            "observer states": by_status["observer"],
            "disputed entities": by_status["disputed"],
            "former states": by_status["former"],
            "territories": by_status["territory"],
            "IGOs": by_type["igo"],
            "alliances and groupings": by_type["alliance"],
            "NGOs": by_type["ngo"],
            "international militant groups": by_type["img"],
            "national bodies": by_type["body"],
            "sector codes": len(self.sector_codes),
            "sector terms": len(self.sectors),
            "places (cities and regions)": len(self.places),
            "people": len(self.people),
            "dated roles": sum(len(p.roles) for p in self.people),
            "lookup keys": len(self._index) + len(self._acronyms),
        }

    def names(self) -> Iterable[str]:
        return [*self._index.keys(), *self._acronyms.keys()]


def _words_agree(query: str, key: str, min_confidence: float) -> bool:
    """Word by word, a fuzzy match must hold too: "Republic of Wakanda" is not "Republic of Uganda"
    even though the shared "Republic of" lifts the whole-string similarity to 0.84."""
    qw, kw = query.split(), key.split()
    if len(qw) != len(kw):
        # "Nagorno Karabakh" written as one word: compare without spaces
        joined = Levenshtein.normalized_similarity(query.replace(" ", ""), key.replace(" ", ""))
        return (len(qw) == 1 or len(kw) == 1) and joined >= min_confidence
    for a, b in zip(qw, kw, strict=True):
        if a == b:
            continue
        if min(len(a), len(b)) < 4 or Levenshtein.normalized_similarity(a, b) < min_confidence:
            return False
    return True


def _is_title_acronym(name: str) -> bool:
    # "Nato", "Opec": acronyms some outlets write in title case
    letters = "".join(ch for ch in name if ch.isalpha())
    return len(letters) >= 4 and letters[0].isupper() and letters[1:].islower()
