"""``newsgraph kb build --petrarch DIR``: the Phoenix dictionaries -> the knowledge base's own files.

Reads, from DIR (a checkout of github.com/openeventdata/petrarch2,
petrarch2/data/dictionaries/):

====================================  ======================================================
Phoenix.Countries.actors.txt          countries' places and names, office holders with dated
                                      roles, national institutions
Phoenix.International.actors.txt      IGOs, NGOs, companies and their officials
Phoenix.MilNonState.actors.txt        armed non-state groups
Phoenix.agents.txt                    role nouns -> sector
Phoenix.discards.txt                  phrases that mark sentences not to code (sport, ...)
LICENSE                               the MIT licence, copied beside the output
====================================  ======================================================

and writes ``petrarch_people.tsv``, ``petrarch_organizations.tsv``,
``petrarch_places.tsv``, ``petrarch_sectors.tsv``, ``petrarch_discards.tsv`` and
``PETRARCH_LICENSE.txt`` to the output directory (the bundled
``newsgraph/data/kb/`` by default). The hand-written files are read first to
decide what is new, and they win at load time: a person, organisation, place
or sector term the hand files know keeps the hand files' reading.

Which records are people: those from CountryInfo (the comment says so) or the
IGO rulers list, and those with dated codes whose names hold no organisation
noun; in the international file also undated ones whose first word is a known
first name. Records whose every name holds a role noun ("AMERICAN VICE
PRESIDENT") are left out: the actor stage codes such descriptions itself.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.knowledge import KnowledgeBase, bundled_dir
from newsgraph.kb.petrarch.codes import Code, CodeTable
from newsgraph.kb.petrarch.geography import PlaceBuilder, place_line
from newsgraph.kb.petrarch.names import has_org_word, words_of
from newsgraph.kb.petrarch.organizations import OrgBuilder, org_line
from newsgraph.kb.petrarch.people import PersonRow, choose_name, person_rows
from newsgraph.kb.petrarch.reader import ActorRecord, Restriction, read_actors, read_agents, read_discards
from newsgraph.kb.text import normalize, person_key

logger = logging.getLogger(__name__)

SOURCE = "github.com/openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/"
LICENCE = "MIT, Copyright (c) 2014 Open Event Data Alliance (PETRARCH_LICENSE.txt)"
COUNTRIES, INTERNATIONAL, NONSTATE = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENTS, DISCARDS = "Phoenix.agents.txt", "Phoenix.discards.txt"
OUTPUTS = (
    "petrarch_people.tsv",
    "petrarch_organizations.tsv",
    "petrarch_places.tsv",
    "petrarch_sectors.tsv",
    "petrarch_discards.tsv",
    "PETRARCH_LICENSE.txt",
)
_GENERATED = re.compile(r"Generated at: \w+ (\w+) (\d+) [\d:]+ (\d{4})")
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
# coder stamps and dates that ended up as discard phrases ("MJ 18 APR 2006", "1914", "ATS 9/27/01")
_NOT_A_DISCARD = re.compile(r"^(?:[\d\s]+|[A-Z]{2,4} \d{1,2} [A-Z]{3} \d{4}|.*\d+/\d+/\d+.*)$")


@dataclass
class Report:
    """What a build read and wrote (printed by the CLI)."""

    counts: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    written: list[str] = field(default_factory=list)


@cache
def _first_names() -> frozenset[str]:
    text = resources.files("newsgraph").joinpath("data", "first_names.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0].upper() for line in text.splitlines() if line and not line.startswith("#"))


def current(parsed: list[tuple[Restriction, Code]]) -> Code:
    """The code that applies now: an open-ended one, else the default, else the latest."""
    open_ended = [c for r, c in parsed if r.start is not None and r.end is None]
    if open_ended:
        return open_ended[-1]
    default = [c for r, c in parsed if r.default]
    if default:
        return default[-1]
    return max(parsed, key=lambda rc: rc[0].end or date.min)[1]


def classify(file: str, record: ActorRecord, parsed: list[tuple[Restriction, Code]], kb: KnowledgeBase) -> str:
    """``person``, ``org``, ``place`` or ``role`` (a description, left to the actor stage)."""
    codes = [c for _, c in parsed]
    if file == NONSTATE or any(c.prefix == "MNC" for c in codes):
        return "org"
    if "CountryInfo" in record.comment or "IGOrulers" in record.comment:
        return "person"
    if all(c.prefix is None and not c.sectors and not c.religious for c in codes):
        return "place"
    primary = choose_name(record.names, kb.sector)
    if has_org_word(primary):
        return "org"
    ws = words_of(primary)
    if any(kb.sector(w.lower()) for w in ws):
        return "role"
    dated = any(not r.default for r, _ in parsed)
    if len(ws) == 1:
        return "org"
    if dated or file == COUNTRIES:
        return "person"
    return "person" if ws[0] in _first_names() and len(ws) <= 4 else "org"


def build(source_dir: str | Path, out_dir: str | Path | None = None, *, kb: KnowledgeBase | None = None) -> Report:
    """Convert the dictionaries in ``source_dir`` and write the knowledge-base files to ``out_dir``."""
    src = Path(source_dir)
    out = Path(out_dir) if out_dir is not None else bundled_dir()
    for name in (COUNTRIES, INTERNATIONAL, NONSTATE, AGENTS, DISCARDS, "LICENSE"):
        if not (src / name).is_file():
            raise KnowledgeBaseError(f"{name} not found (expected the petrarch2 dictionaries directory)", source=str(src))
    out.mkdir(parents=True, exist_ok=True)
    if kb is None:
        kb = KnowledgeBase.from_dirs(bundled_dir(), converted=False)
    from newsgraph.flags import office_class

    report = Report()
    table = CodeTable.load(frozenset(kb.countries), frozenset(kb.sector_codes))
    orgs, places = OrgBuilder(kb), PlaceBuilder(kb)
    persons: list[ActorRecord] = []
    parsed_of: dict[str, list[tuple[Restriction, Code]]] = {}
    for file in (COUNTRIES, INTERNATIONAL, NONSTATE):
        for record in read_actors(src / file):
            report.counts[f"records in {file}"] += 1
            parsed = [(r, c) for r in record.codes if (c := table.parse(r.code)) is not None]
            if not parsed:
                report.skipped["records with only null or unknown codes"] += 1
                continue
            kind = classify(file, record, parsed, kb)
            report.counts[f"{kind} records"] += 1
            if kind == "person":
                persons.append(record)
                parsed_of[record.source] = parsed
            elif kind == "org":
                orgs.add(record, current(parsed))
            elif kind == "place":
                code = current(parsed)
                if code.country is not None:
                    places.add(record, code.country)
            else:
                report.skipped["role descriptions (coded by the actor stage)"] += 1
    people: dict[str, PersonRow] = {}
    for record in persons:
        row = person_rows(record, table, kb, orgs.known_org, office_class)
        if row is None:
            report.skipped["people without a usable code"] += 1
            continue
        key = person_key(row.name)
        if key in people:
            old = people[key]
            old.aliases.extend(a for a in row.aliases if a not in old.aliases)
            old.roles.extend(r for r in row.roles if r not in old.roles)
        else:
            people[key] = row
    report.skipped.update(orgs.skipped)
    report.skipped.update({f"places: {k}": v for k, v in places.skipped.items()})
    for part, n in table.unknown.most_common():
        logger.info("CAMEO code part %s (%d times) is not in cameo_actor_codes.tsv: dropped", part, n)
    as_of = _as_of(src / COUNTRIES)
    _write(out / "petrarch_people.tsv", _people_text(people, as_of), report)
    _write(out / "petrarch_organizations.tsv", _orgs_text(orgs), report)
    _write(out / "petrarch_places.tsv", _places_text(places), report)
    _write(out / "petrarch_sectors.tsv", _sectors_text(src / AGENTS, table, report), report)
    _write(out / "petrarch_discards.tsv", _discards_text(src / DISCARDS, report), report)
    shutil.copyfile(src / "LICENSE", out / "PETRARCH_LICENSE.txt")
    report.written.append(str(out / "PETRARCH_LICENSE.txt"))
    report.counts["people written"] = len(people)
    report.counts["roles written"] = sum(len(p.roles) for p in people.values())
    report.counts["organisations written"] = sum(not r.extends for r in orgs.rows.values())
    report.counts["hand organisations given more names"] = sum(r.extends for r in orgs.rows.values())
    report.counts["places written"] = len(places.rows)
    return report


def _header(what: str, columns: str) -> str:
    return (
        f"# {what}\n"
        f"# Converted by `newsgraph kb build --petrarch` from the Phoenix dictionaries, {SOURCE}\n"
        f"# Licence: {LICENCE}. Do not edit: the hand-written files and a kb_dir override these rows.\n"
        f"{columns}\n"
    )


def _write(path: Path, text: str, report: Report) -> None:
    path.write_text(text, encoding="utf-8")
    report.written.append(str(path))


def _as_of(path: Path) -> date | None:
    """The date the CountryInfo file was generated (its office holders' roles are complete up to it)."""
    with path.open(encoding="utf-8") as f:
        for _ in range(10):
            m = _GENERATED.search(f.readline())
            if m and m.group(1) in _MONTHS:
                return date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    return None


def _people_text(people: dict[str, PersonRow], as_of: date | None) -> str:
    lines = []
    for person in sorted(people.values(), key=lambda p: (normalize(p.name), p.source)):
        roles = sorted(person.roles, key=lambda r: (r.start or date.min, r.end or date.max, r.office))
        for i, r in enumerate(roles):
            cells = [
                "",
                person.name,
                "|".join(person.aliases) if i == 0 else "",
                r.office,
                r.country,
                r.sector,
                r.start.isoformat() if r.start else "",
                r.end.isoformat() if r.end else "",
                r.org,
                as_of.isoformat() if as_of and i == 0 else "",
            ]
            lines.append("\t".join(cells).rstrip("\t"))
    what = (
        "Office holders with dated roles. An undated role applies when no dated one does; as_of: the date "
        "the source's roles are complete to (later offices are unknown)"
    )
    return _header(what, "wikidata\tname\taliases\toffice\tcountry\tsector\tstart\tend\torg\tas_of") + "\n".join(lines) + "\n"


def _orgs_text(orgs: OrgBuilder) -> str:
    rows = sorted(orgs.rows.values(), key=lambda r: (r.extends is False, r.id))
    what = (
        "Organisations: IGOs, NGOs, armed groups, companies, national institutions. A row with the id of a "
        "hand-written organisation adds names to it"
    )
    return _header(what, "id\tname\ttype\taliases\tmembers\tparent\tcountry\tsector\twikidata") + "\n".join(
        org_line(r) for r in rows
    ) + "\n"


def _places_text(places: PlaceBuilder) -> str:
    rows = sorted(places.rows.values(), key=lambda r: (r.country, normalize(r.name)))
    what = (
        "Countries' other names (alias, demonym) and places (region) from the country records; "
        "places.tsv wins where it is not ambiguous"
    )
    return _header(what, "name\tcountry\tkind\tpopulation\tnote") + "\n".join(place_line(r) for r in rows) + "\n"


def _sectors_text(path: Path, table: CodeTable, report: Report) -> str:
    seen: dict[str, tuple[str, str]] = {}
    for agent in read_agents(path):
        code = table.parse(agent.code)
        sector: str | None = None
        note = ""
        if code is not None:
            sector = code.sector or ("REL" if code.religious else None)
            if agent.prefix and code.prefix:
                sector = {"NGO": "NGO", "IGO": "IGO"}.get(code.prefix)
        if sector is None:
            report.skipped["agents without a sector (radical, development ...)"] += 1
            continue
        if agent.code != sector:
            note = f"Phoenix ~{agent.code}"
        for term in (agent.phrase, *(agent.plurals or ())):
            key = term.lower()
            if key and key not in seen:
                seen[key] = (sector, note)
    report.counts["sector terms written"] = len(seen)
    what = "Role nouns and titles -> sector, from the agents dictionary (sectors.tsv wins)"
    lines = [f"{term}\t{sector}\t{note}".rstrip("\t") for term, (sector, note) in sorted(seen.items())]
    return _header(what, "term\tsector\tnote") + "\n".join(lines) + "\n"


def _discards_text(path: Path, report: Report) -> str:
    lines = []
    for d in read_discards(path):
        if _NOT_A_DISCARD.match(d.phrase):
            report.skipped["discards that are years or coder stamps"] += 1
            continue
        lines.append("\t".join((d.phrase.lower(), "story" if d.story else "sentence", "stem" if d.stem else "word")))
    what = (
        "Phrases that mark a sentence (scope sentence) or a whole story (story) as not political news: "
        "sport, entertainment, disasters. match: word (whole words) or stem (a word may continue)"
    )
    return _header(what, "phrase\tscope\tmatch") + "\n".join(dict.fromkeys(lines)) + "\n"
