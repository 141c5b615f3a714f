"""Reading the knowledge-base files into a ``KnowledgeBase``: rows checked, merged, people assembled.

``read_dirs(kb, dirs)`` reads every file of ``loader.FILES`` in each directory,
in that order, so that the files converted from the Phoenix dictionaries
(``petrarch_*``) come before the hand-written files of the same kind: a
hand-written row wins (same country code, organisation id or sector term;
organisation aliases are merged), and a person of the hand-written people
files replaces the dictionary's person of the same name. The 18,000 office
holders of the converted people file are kept as raw rows and made into
``Person`` records when first looked up (``KnowledgeBase.person``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.loader import (
    CONVERTED,
    COUNTRY_STATUS,
    FILES,
    ORG_TYPES,
    Row,
    parse_date,
    read_places,
    read_rows,
    read_table,
)
from newsgraph.kb.model import Country, Organization, Person, Role
from newsgraph.kb.text import normalize, person_key

if TYPE_CHECKING:
    from newsgraph.kb.knowledge import KnowledgeBase

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")

# one person of a people file: name, wikidata id, aliases, roles as
# (office, country, sector, start, end, org), the as_of date of each row
RoleCells = tuple[str, str | None, str, date | None, date | None, str | None]
PersonEntry = tuple[str, str, list[str], list[RoleCells], list[date | None]]


def make_person(entry: PersonEntry) -> Person:
    name, qid, aliases, role_cells, as_of = entry
    roles = tuple(
        sorted(
            (Role(office=o, country=c, sector=s, start=b, end=e, org=g) for o, c, s, b, e, g in role_cells),
            key=lambda r: (r.start or date.min, r.office),
        )
    )
    countries = [r.country for r in roles if r.country]
    dates = [d for d in as_of if d is not None]
    return Person(
        name=name,
        aliases=tuple(aliases),
        qid=qid or None,
        country=max(set(countries), key=countries.count) if countries else None,
        roles=roles,
        as_of=max(dates) if dates else None,
    )


@lru_cache(maxsize=65536)
def cached_person_key(name: str) -> str:
    # the rows of one person repeat the name: key it once
    return person_key(name)


def read_dirs(kb: KnowledgeBase, dirs: Iterable[str | Path], *, converted: bool = True) -> None:
    """Fill ``kb`` from the files of ``dirs`` (see the module docstring); the index is built by the caller."""
    people_rows: dict[str, PersonEntry] = {}
    hand_people: set[str] = set()
    for directory in dirs:
        d = Path(directory)
        if not d.is_dir():
            raise KnowledgeBaseError("knowledge-base directory does not exist", source=str(d))
        for name in FILES:
            path = d / name
            if path.exists() and (converted or name not in CONVERTED):
                kb.sources.append(str(path))
                _read(kb, path, people_rows, hand_people)
    for org in kb.organizations.values():
        if org.parent and org.parent not in kb.organizations:
            raise KnowledgeBaseError(f"organisation {org.id}: unknown parent {org.parent!r}", source=kb._org_sources.get(org.id))
    for key, entry in people_rows.items():
        if key.startswith("petrarch:"):
            if key[9:] in hand_people:
                continue  # the hand-written people file wins over the dictionary
            # 18,000 office holders: made into Person records when first looked up
            kb._people.append(None)
            kb._people_rows.append(entry)
        else:
            kb._people.append(make_person(entry))
            kb._people_rows.append(None)


def _read(
    kb: KnowledgeBase,
    path: Path,
    people_rows: dict[str, PersonEntry],
    hand_people: set[str],
) -> None:
    kind = path.name.removeprefix("petrarch_")
    converted = path.name in CONVERTED
    if kind == "people.tsv":
        _read_people(kb, path, converted, people_rows, hand_people)
        return
    if kind == "places.tsv":
        for number, name, code, pkind, note in read_places(path):
            if code not in kb.countries:
                raise KnowledgeBaseError(f"unknown country code {code!r}", source=f"{path}:{number}")
            if pkind in ("alias", "demonym"):
                kb._extra_names.append((name, code, pkind))
            else:
                kb.places[normalize(name)] = (name, code, pkind, note or None)
        return
    for row in read_rows(path):
        if kind == "sector_codes.tsv":
            code = row["code"]
            if not code.isalpha() or not code.isupper() or len(code) != 3:
                raise row.error(f"sector code {code!r} is not three upper-case letters")
            kb.sector_codes[code] = row["description"]
        elif kind == "sectors.tsv":
            sector = row["sector"]
            if sector not in kb.sector_codes:
                raise row.error(f"unknown sector {sector!r} (declare it in sector_codes.tsv)")
            term = normalize(row["term"])
            kb.sectors[term] = sector
            if converted:
                kb._converted_terms.add(term)
            else:
                kb._converted_terms.discard(term)
            if row["note"] == "generic":
                kb.generic_terms.add(term)
            else:
                kb.generic_terms.discard(term)
        elif kind == "countries.tsv":
            _read_country(kb, row)
        elif kind == "regions.tsv":
            region = row["code"] or None
            if region is not None and not re.fullmatch(r"[A-Z]{3}", region):
                raise row.error(f"column 'code': {region!r} is not a three-letter upper-case code")
            for name in (row["name"], *row.list("aliases")):
                kb.regions[normalize(name)] = (row["name"], region, row["note"] or None)
        elif kind == "organizations.tsv":
            _read_org(kb, row, converted)
        elif kind == "discards.tsv":
            scope, match = row.choice("scope", ("sentence", "story")), row.choice("match", ("word", "stem"))
            kb.discards.append((row["phrase"].lower(), scope, match))

def _read_country(kb: KnowledgeBase, row: Row) -> None:
    code = row.code("code", required=True) or ""
    status = row.choice("status", COUNTRY_STATUS)
    kb.countries[code] = Country(
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

def _read_org(kb: KnowledgeBase, row: Row, converted: bool) -> None:
    oid = row["id"]
    if not oid.isalnum() or not oid.isupper() or len(oid) > 12:
        raise row.error(f"organisation id {oid!r} must be upper-case letters/digits, at most 12")
    otype = row.choice("type", ORG_TYPES)
    sectors = row.list("sector")
    for s in sectors:
        if s not in kb.sector_codes:
            raise row.error(f"unknown sector {s!r} (declare it in sector_codes.tsv)")
    country = row.code("country", required=otype == "body")
    members = row.codes("members")
    for code in (*members, *([country] if country else [])):
        if code not in kb.countries:
            raise row.error(f"unknown country code {code!r}")
    old = kb.organizations.get(oid)
    aliases = row.list("aliases")
    if old is not None:
        # same id: this row wins, and keeps the names the earlier one gave
        aliases = tuple(dict.fromkeys((*aliases, *(a for a in (old.name, *old.aliases) if a != row["name"]))))
    kb.organizations[oid] = Organization(
        id=oid,
        name=row["name"],
        type=otype,
        aliases=aliases,
        members=members,
        parent=row["parent"] or None,
        country=country,
        sector=sectors,
        qid=row.qid(),
    )
    kb._org_sources[oid] = f"{row.path}:{row.line}"
    if not converted:
        kb._hand_orgs.add(oid)

def _read_people(
    kb: KnowledgeBase,
    path: Path,
    converted: bool,
    people_rows: dict[str, PersonEntry],
    hand_people: set[str],
) -> None:
    last_name, last_key = "", ""
    sectors, countries, orgs = kb.sector_codes, kb.countries, kb.organizations
    for number, cells in read_table(path):
        qid, name, aliases_cell, office, country, sector, start_s, end_s, org, as_of_s = cells
        problem = None
        if sector not in sectors:
            problem = f"unknown sector {sector!r} (declare it in sector_codes.tsv)"
        elif country and country not in countries:
            problem = (
                f"unknown country code {country!r}"
                if _CODE_RE.match(country)
                else f"column 'country': {country!r} is not a three-letter upper-case code"
            )
        elif qid and not _QID_RE.match(qid):
            problem = f"column 'wikidata': {qid!r} is not a Wikidata id like Q42"
        elif org and org not in orgs:
            problem = f"unknown organisation {org!r} in column 'org'"
        try:
            start = parse_date(start_s) if start_s else None
            end = parse_date(end_s) if end_s else None
            as_of = parse_date(as_of_s) if as_of_s else None
        except ValueError as exc:
            problem = problem or f"{exc.args[0]!r} is not a date (YYYY-MM-DD)"
        if problem is None and start and end and end < start:
            problem = f"role ends ({end}) before it starts ({start})"
        if problem is not None:
            raise KnowledgeBaseError(problem, source=f"{path}:{number}")
        if name != last_name:
            last_name, last_key = name, cached_person_key(name)
        key = qid or last_key
        aliases = [a.strip() for a in aliases_cell.split("|") if a.strip()] if aliases_cell else []
        if converted:
            key = "petrarch:" + key
        else:
            hand_people.add(last_key)
            hand_people.update(k for k in map(person_key, aliases) if " " in k)
        role = (office, country or None, sector, start, end, org or None)
        entry = people_rows.get(key)
        if entry is None:
            people_rows[key] = (name, qid, aliases, [role], [as_of])
        else:
            entry[2].extend(a for a in aliases if a not in entry[2])
            entry[3].append(role)
            entry[4].append(as_of)

