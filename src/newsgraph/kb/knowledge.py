"""The in-memory knowledge base: indexes over the data files and the lookups on them."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from newsgraph.kb.assemble import PersonEntry, cached_person_key, make_person
from newsgraph.kb.model import Country, Match, Organization, Person
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
    fuzzy: bool = True


def bundled_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "kb"))


# answers ``lookup`` keeps before it starts again (a few MB at most)
_MAX_LOOKUPS = 50_000


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
    _people: list[Person | None] = field(default_factory=list, repr=False)
    _people_rows: list[PersonEntry | None] = field(default_factory=list, repr=False)
    places: dict[str, tuple[str, str, str, str | None]] = field(default_factory=dict)
    regions: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)
    discards: list[tuple[str, str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # other names of countries from the converted dictionaries: (name, country, "alias"|"demonym")
    _extra_names: list[tuple[str, str, str]] = field(default_factory=list, repr=False)
    _hand_orgs: set[str] = field(default_factory=set, repr=False)
    _converted_terms: set[str] = field(default_factory=set, repr=False)
    _org_sources: dict[str, str] = field(default_factory=dict, repr=False)
    _discard_pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _index: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _acronyms: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _fuzzy: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _people_index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _surname_index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _sector_words: int = 1
    # full-name keys by (first letter, length), for the fuzzy lookup
    _people_keys: dict[tuple[str, int], list[str]] | None = field(default=None, repr=False)
    _first_words: dict[str, int] = field(default_factory=dict, repr=False)
    # answers of ``lookup`` already given (names recur within and across articles)
    _lookups: dict[tuple[str, float, bool], Match | None] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ loading

    @classmethod
    def from_dirs(cls, *dirs: str | Path, converted: bool = True) -> KnowledgeBase:
        """Read the knowledge-base files of ``dirs`` in order (later rows win).

        ``converted=False`` skips the files converted from the Phoenix dictionaries
        (``petrarch_*``): the hand-written knowledge base alone, as ``kb build`` needs it.
        """
        from newsgraph.kb.assemble import read_dirs

        kb = cls()
        read_dirs(kb, dirs, converted=converted)
        kb._build_index()
        return kb

    def _add(self, name: str, match: Match, *, rank: int | None = None, fuzzy: bool = True) -> None:
        key = normalize(name)
        if not key:
            return
        rank = _RANK.get(match.kind, 9) if rank is None else rank
        acronym = is_acronym(name)
        # an acronym and a word may share a key ("GUAM" the organisation, "Guam" the
        # territory): keep the best of each, and let the query's capitals choose
        index = self._acronyms if acronym else self._index
        old = index.get(key)
        if old is None or rank <= old.rank:
            index[key] = _Entry(match=match, acronym=acronym, rank=rank, fuzzy=fuzzy)

    def _build_index(self) -> None:
        self._lookups.clear()
        self._index.clear()
        self._acronyms.clear()
        # lowest priority first so that higher-ranked entries overwrite on ties. The other
        # names of countries converted from the Phoenix dictionaries rank below everything
        # the hand-written files name.
        for name, code, kind in self._extra_names:
            c = self.countries[code]
            mkind = "demonym" if kind == "demonym" else _country_kind(c)
            note = f"claimed by {', '.join(c.claimed_by)}" if c.claimed_by else c.note
            self._add(name, Match(mkind, c.code, c.name, normalize(name), 1.0, country=c.code, qid=c.qid, note=note), rank=10)  # type: ignore[arg-type]
        for c in self.countries.values():
            kind = _country_kind(c)
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
        # organisations of the converted files first, so that the hand-written ones win a shared name;
        # only hand-written names match fuzzily (10,000 company and NGO names would make misspellings
        # of ordinary names match something)
        ordered = sorted(self.organizations.values(), key=lambda o: o.id in self._hand_orgs)
        for org in ordered:
            kind = "body" if org.type == "body" else "igo"
            hand = org.id in self._hand_orgs
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
                    fuzzy=hand,
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
            if entry.fuzzy and not entry.acronym and len(key) >= FUZZY_MIN_CHARS - 1:
                fuzzy[key[0]].append(key)
        self._fuzzy = dict(fuzzy)
        # sector vocabulary: add regular plurals of every term
        for term, sector in list(self.sectors.items()):
            for plural in plural_forms(term):
                # a hand-written term's plural beats the dictionary's ("militiamen": MIL, not UAF)
                if plural not in self.sectors or (term not in self._converted_terms and plural in self._converted_terms):
                    self.sectors[plural] = sector
                    if term in self.generic_terms:
                        self.generic_terms.add(plural)
        self._sector_words = max((t.count(" ") + 1 for t in self.sectors), default=1)
        self._people_index.clear()
        self._surname_index.clear()
        for i, raw in enumerate(self._people_rows):
            person = self._people[i]
            names = (person.name, *person.aliases) if person is not None else (raw[0], *raw[2]) if raw else ()
            for name in names:
                key = cached_person_key(name)
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
        asked = (name, min_confidence, fuzzy)
        if asked in self._lookups:
            return self._lookups[asked]
        if len(self._lookups) >= _MAX_LOOKUPS:
            self._lookups.clear()
        found = self._lookups[asked] = self._lookup(name, min_confidence, fuzzy)
        return found

    def _lookup(self, name: str, min_confidence: float, fuzzy: bool) -> Match | None:
        key = _key(name)
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
        if key in self.regions:
            return None  # "Asia", "the Gulf": not a town of one country that shares the name
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

    def world_region(self, name: str) -> Match | None:
        """A region larger than one country ("Asia", "the Gulf", "Central America"): ``regions.tsv``.

        ``code`` is the CAMEO region code when there is one ("ASA"), else empty;
        ``country`` is always None: a region is never coded as one of its states.
        """
        key = normalize(name)
        hit = self.regions.get(key)
        if hit is None:
            return None
        rname, code, note = hit
        return Match("world_region", code or "", rname, key, 1.0, note=note)

    def discarded(self, text: str) -> tuple[str, str] | None:
        """The first discard phrase found in ``text`` (sport, entertainment ...) and its scope, or None.

        Phrases come from ``petrarch_discards.tsv``: case-insensitive, starting at a
        word; ``word`` phrases must also end at one, ``stem`` phrases may continue
        ("BASKETBALL" matches "basketballs").
        """
        if not self.discards:
            return None
        if self._discard_pattern is None:
            parts = []
            for phrase, _, match in sorted(self.discards, key=lambda d: -len(d[0])):
                body = r"\s+".join(re.escape(w) for w in phrase.split())
                parts.append(body + (r"\b" if match == "word" else ""))
            self._discard_pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)
        m = self._discard_pattern.search(text)
        if m is None:
            return None
        found = " ".join(m.group(0).lower().split())
        scope = next((sc for phrase, sc, _ in sorted(self.discards, key=lambda d: -len(d[0])) if found.startswith(phrase)), "sentence")
        return found, scope

    def find(
        self, text: str, *, min_confidence: float = 1.0, capitalised: bool = False
    ) -> list[tuple[int, int, Match]]:
        """Every knowledge-base name in ``text``: ``(start, end, match)``, longest first, no overlaps.

        Exact matches only by default (``min_confidence=1.0``); pass a lower
        value to let single words match fuzzily. ``capitalised=True`` tries only
        names whose first word starts with a capital or a digit (proper names in
        running text), which skips most words of an article.
        """
        spans = list(words(text))
        out: list[tuple[int, int, Match]] = []
        i = 0
        while i < len(spans):
            if capitalised and not (text[spans[i][0]].isupper() or text[spans[i][0]].isdigit()):
                i += 1
                continue
            hit = self._longest_at(text, spans, i, min_confidence)
            if hit is None:
                i += 1
                continue
            out.append(hit[:3])
            i += hit[3]
        return out

    def name_at_start(self, text: str) -> tuple[int, Match] | None:
        """The longest knowledge-base name that ``text`` starts with: ``(end, match)``, exact only."""
        spans = []
        for span in words(text):
            spans.append(span)
            if len(spans) >= _MAX_WORDS:
                break
        hit = self._longest_at(text, spans, 0, 1.0) if spans and spans[0][0] == 0 else None
        return (hit[1], hit[2]) if hit is not None else None

    def _longest_at(
        self, text: str, spans: Sequence[tuple[int, int]], i: int, min_confidence: float
    ) -> tuple[int, int, Match, int] | None:
        """The longest name starting at word ``i``: ``(start, end, match, words)``; none at "the"."""
        if text[spans[i][0] : spans[i][1]].lower() == "the":
            # "the Kremlin" is found as "Kremlin": spans start at the name
            return None
        fuzzy = min_confidence < 1.0
        longest = self._first_words.get(_first_word(text[spans[i][0] : spans[i][1]]), 0)
        if not longest and not fuzzy:
            return None
        for n in range(min(_MAX_WORDS, max(longest, 1), len(spans) - i), 0, -1):
            start, end = spans[i][0], spans[i + n - 1][1]
            m = self.lookup(text[start:end], min_confidence=min_confidence, fuzzy=fuzzy and n == 1)
            if m is not None:
                return start, end, m, n
        return None

    def sector(self, term: str) -> str | None:
        """The sector code of a role noun or title ("senators" -> LEG, "foreign minister" -> GOV)."""
        return self.sectors.get(_key(term))

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
                term = _key(text[start:end])
                sector = self.sectors.get(term)
                if sector is not None:
                    if sector in _OFFICE_SECTORS and _former(text, spans, i):
                        # "former Secretary of State": a former state official is an elite (CAMEO ELI)
                        sector = "ELI"
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
        return [self.person(i) for i in dict.fromkeys(hits or ())]

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
            buckets: dict[tuple[str, int], list[str]] = {}
            for k in self._people_index:
                if " " in k:
                    buckets.setdefault((k[0], len(k)), []).append(k)
            self._people_keys = buckets
        # a similarity of c needs |len(a) - len(b)| <= (1 - c) * max(len(a), len(b)): only those lengths
        n = len(key)
        lengths = [m for m in range(int(n * min_confidence), int(n / min_confidence) + 2) if abs(m - n) <= (1 - min_confidence) * max(m, n) + 1e-9]
        candidates = [k for m in lengths for k in self._people_keys.get((key[0], m), ())]
        hits = process.extract(key, candidates, scorer=Levenshtein.normalized_similarity, score_cutoff=min_confidence, limit=5)
        out: dict[int, float] = {}
        for found, score, _ in hits:
            for i in self._people_index[found]:
                out[i] = max(out.get(i, 0.0), float(score))
        return [(self.person(i), score) for i, score in sorted(out.items(), key=lambda kv: -kv[1])]

    @property
    def people(self) -> list[Person]:
        """Every office holder (the converted ones are made into records here: slow the first time)."""
        return [self.person(i) for i in range(len(self._people))]

    @property
    def hand_people(self) -> list[Person]:
        """The office holders of the hand-written people files (kept current, unlike the converted ones)."""
        return [p for p in self._people if p is not None and p.as_of is None]

    def person(self, i: int) -> Person:
        """The ``i``-th office holder, made into a record on first use."""
        found = self._people[i]
        if found is None:
            entry = self._people_rows[i]
            assert entry is not None
            found = make_person(entry)
            self._people[i] = found
            self._people_rows[i] = None
        return found

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
            "world regions (names)": len(self.regions),
            "discard phrases": len(self.discards),
            "people": len(self._people),
            "dated roles": sum(
                len(p.roles) if p is not None else len(e[3]) if e else 0
                for p, e in zip(self._people, self._people_rows, strict=True)
            ),
            "lookup keys": len(self._index) + len(self._acronyms),
        }

    def names(self) -> Iterable[str]:
        return [*self._index.keys(), *self._acronyms.keys()]


def _country_kind(c: Country) -> str:
    return "disputed" if c.status == "disputed" else "territory" if c.status == "territory" else "country"


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


@lru_cache(maxsize=1 << 15)
def _key(name: str) -> str:
    """``normalize(name)`` for lookups at run time: an article asks for the same few hundred
    strings again and again (each mention, each word of the name scans)."""
    return normalize(name)


@lru_cache(maxsize=1 << 16)
def _first_word(word: str) -> str:
    """The normalised first word of ``word`` (words repeat: an article's are normalised once)."""
    return normalize(word).split(" ")[0]


_FORMER = frozenset({"former", "ex", "erstwhile"})
#: Sectors of state offices: a former holder of one is an elite; "a former farmer" stays a farmer.
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


def _former(text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Whether the word before word ``i`` of ``text`` makes a title a former one ("former", "ex-")."""
    if i == 0:
        return False
    a, b = spans[i - 1]
    return text[a:b].lower() in _FORMER
