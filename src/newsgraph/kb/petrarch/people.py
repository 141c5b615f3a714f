"""Persons of the Phoenix dictionaries -> rows of ``petrarch_people.tsv``.

Each dated code becomes a role (``[USAGOV 20090120-20170120]``: country USA,
sector GOV, from/to); a code without dates becomes a role without dates, which
the actor stage uses only when no dated role holds. The office of a role is
taken from the titles the dictionary itself gives the person among their
synonyms ("PRESIDENT_BARACK_OBAMA", "SENATOR_JOHN_KERRY_"): a title whose
sector is the role's, when exactly one role has that sector and the titles
agree on one office class (``data/offices.tsv``); otherwise the office is
written ``Phoenix <code>`` and says nothing a flag could check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from newsgraph.kb.knowledge import KnowledgeBase
from newsgraph.kb.petrarch.codes import Code, CodeTable
from newsgraph.kb.petrarch.names import ORG_WORDS, display, words_of
from newsgraph.kb.petrarch.reader import ActorRecord, Restriction
from newsgraph.kb.text import person_key

# words that make a title not a claim about the period of the role it sits next to
_NOT_NOW = frozenset({"FORMER", "EX", "LATE", "THEN", "ELECT", "FUTURE", "ACTING", "DEPOSED", "OUSTED", "EXILED"})
_DEFAULT_SECTOR = {"IGO": "GOV", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}


@dataclass(frozen=True, slots=True)
class RoleRow:
    office: str
    country: str
    sector: str
    start: date | None
    end: date | None
    org: str


@dataclass
class PersonRow:
    name: str
    aliases: list[str]
    roles: list[RoleRow]
    source: str


def choose_name(names: Iterable[str], sector_of: Callable[[str], str | None]) -> str:
    """The first name without a title or role noun ("BAN KI-MOON", not "SECRETARY-GENERAL BAN KI-MOON")."""
    names = list(names)
    for name in names:
        ws = words_of(name)
        if 2 <= len(ws) and not any(sector_of(w.lower()) for w in ws) and not any(w in ORG_WORDS for w in ws):
            return name
    return names[0]


def person_rows(
    record: ActorRecord,
    table: CodeTable,
    kb: KnowledgeBase,
    org_of: Callable[[Code], str | None],
    office_class: Callable[[str], str | None],
) -> PersonRow | None:
    """The person a record names, with its roles; ``None`` when no code says anything newsgraph codes."""
    primary = choose_name(record.names, kb.sector)
    core = set(words_of(primary))
    aliases = []
    titles: list[tuple[str, str, str | None]] = []  # (title, sector, country)
    for name in record.names:
        if name == primary:
            continue
        ws = words_of(name)
        if ws and ws[-1].strip(".") in ORG_WORDS:
            continue  # "GORBACHEV ADMINISTRATION": an institution, not another name
        aliases.append(display(name))
        title = _title(name, core)
        if title and not (set(re.split(r"[\s\-]+", title)) & _NOT_NOW):
            found = _title_code(kb, title)
            if found is not None:
                titles.append((title, *found))
    roles: list[RoleRow] = []
    parsed: list[tuple[Restriction, Code]] = []
    for r in record.codes:
        code = table.parse(r.code)
        if code is None or (code.country is None and code.prefix is None and not code.sectors):
            continue  # a region's code ("MEA"): no role newsgraph can code
        parsed.append((r, code))
    by_sector = Counter(_sector(c) for r, c in parsed if not r.default)
    for r, code in parsed:
        sector = _sector(code)
        org = org_of(code) if code.prefix in ("IGO", "NGO", "IMG") else None
        country = code.country if code.prefix in (None, "MNC") else None
        office = f"Phoenix {r.code}"
        if not r.default and by_sector[sector] == 1:
            office = _office(titles, sector, country, office_class) or office
        row = RoleRow(office, country or "", sector, r.start, r.end, org or "")
        if row not in roles:
            roles.append(row)
    if not roles:
        return None
    return PersonRow(display(primary), list(dict.fromkeys(a for a in aliases if person_key(a) != person_key(primary))), roles, record.source)


def _sector(code: Code) -> str:
    if code.sector:
        return code.sector
    if code.prefix:
        return _DEFAULT_SECTOR[code.prefix]
    # a person coded with a country alone: a prominent person of no stated role
    return "ELI"


def _title(name: str, core: set[str]) -> str | None:
    """The words before the person's own name in a synonym ("US PRESIDENT" in "US PRESIDENT BARACK OBAMA")."""
    ws = name.split()
    for i, w in enumerate(ws):
        if w in core:
            return " ".join(ws[:i]) if i else None
    return None


def _title_code(kb: KnowledgeBase, title: str) -> tuple[str, str | None] | None:
    from newsgraph.actors import code_phrase

    phrase = code_phrase(kb, display(title, acronyms=False))
    if phrase.sector is None:
        return None
    return phrase.sector, phrase.match.country if phrase.match is not None else None


def _office(
    titles: list[tuple[str, str, str | None]],
    sector: str,
    country: str | None,
    office_class: Callable[[str], str | None],
) -> str | None:
    fitting = [t for t, s, c in titles if s == sector and (c is None or country is None or c == country)]
    classes = {office_class(display(t, acronyms=False)) for t in fitting} - {None}
    if len(classes) != 1:
        return None
    cls = classes.pop()
    same = sorted((t for t in fitting if office_class(display(t, acronyms=False)) == cls), key=lambda t: (len(t), t))
    return display(same[0], acronyms=False)
