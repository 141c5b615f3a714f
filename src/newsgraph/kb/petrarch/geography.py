"""Country records of the Phoenix dictionaries -> rows of ``petrarch_places.tsv``.

A country's record lists its other names, demonyms, misspellings, cities,
provinces, rivers and nicknames (``AFGHANISTAN_ [AFG]`` with ``+AFGHAN_``,
``+AFGANISTAN_``, ``+KABUL_``, ``+HELMAND`` ...). Each synonym the hand-written
knowledge base does not know becomes

- ``alias``: a spelling of the country's name (similar to one of its names);
- ``demonym``: a spelling of one of its demonyms;
- ``region``: any other place of that country (no sector: PLOVER codes a city
  as civilians only when it knows it is a city, which geonames' cities say).

A synonym that places.tsv gives to another country is left to places.tsv
(Phoenix lists "GREENVILLE" under the USA; the Liberian port is as likely in
the news), except where places.tsv marks the name ambiguous and Phoenix's
country is one of the candidates: then Phoenix settles it ("FLORIDA" is the
US state, not the Uruguayan department). A name the hand files give to
something else is never taken. A name two records give to different countries
is written ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from newsgraph.kb.knowledge import KnowledgeBase
from newsgraph.kb.petrarch.names import display
from newsgraph.kb.petrarch.reader import ActorRecord
from newsgraph.kb.text import demonym_plurals, normalize

_SIMILAR = 0.8
_COUNTRY_KINDS = ("country", "disputed", "territory")


@dataclass
class PlaceRow:
    name: str
    country: str
    kind: str  # alias | demonym | city | region
    note: str = ""
    also: list[str] = field(default_factory=list)


@dataclass
class PlaceBuilder:
    kb: KnowledgeBase
    rows: dict[str, PlaceRow] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def _skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def add(self, record: ActorRecord, country: str) -> None:
        c = self.kb.countries.get(country)
        if c is None:
            self._skip("country not in countries.tsv")
            return
        names = [normalize(n) for n in (c.name, *c.aliases)]
        demonyms = [normalize(f) for d in c.demonyms for f in (d, *demonym_plurals(d))]
        for raw in record.names:
            shown = display(raw)
            key = normalize(shown)
            if len(key) < 3:
                continue
            m = self.kb.lookup(shown, fuzzy=False)
            if m is not None:
                if m.country != country:
                    self._skip("name of something else in the knowledge base")
                continue
            place = self.kb.places.get(key)
            kind = "region"
            note = "Phoenix"
            if place is not None:
                _, pcountry, pkind, pnote = place
                candidates = {pcountry, *_also(pnote)}
                if pcountry == country and not pnote:
                    continue
                if not (pnote or "").startswith("ambiguous") or country not in candidates:
                    self._skip("place places.tsv gives to another country")
                    continue
                kind = pkind if pcountry == country else "region"
                note = f"Phoenix settles places.tsv's ambiguity ({pnote})"
            elif _close(key, names):
                kind = "alias"
            elif _close(key, demonyms):
                kind = "demonym"
            self._put(key, PlaceRow(shown, country, kind, note))

    def _put(self, key: str, row: PlaceRow) -> None:
        old = self.rows.get(key)
        if old is None:
            self.rows[key] = row
        elif old.country != row.country and row.country not in old.also:
            old.also.append(row.country)


def _also(note: str | None) -> list[str]:
    if not note or "also " not in note:
        return []
    return [c.strip() for c in note.split("also ", 1)[1].split(",") if c.strip()]


def _close(key: str, options: list[str]) -> bool:
    return any(Levenshtein.normalized_similarity(key, o) >= _SIMILAR for o in options if o)


def place_line(row: PlaceRow) -> str:
    note = row.note
    if row.also:
        note = "ambiguous: also " + ",".join(sorted(row.also))
    return "\t".join((row.name, row.country, row.kind, "", note)).rstrip("\t")


def is_country_code(kb: KnowledgeBase, record: ActorRecord, country: str) -> bool:
    """Whether the record is the country's own (one of its names is the country's name)."""
    for raw in record.names[:3]:
        m = kb.lookup(display(raw), fuzzy=False)
        if m is not None and m.kind in _COUNTRY_KINDS and m.country == country:
            return True
    return False
