"""Organisations of the Phoenix dictionaries -> rows of ``petrarch_organizations.tsv``.

IGOs, NGOs, armed groups, companies and national institutions. A record whose
names the hand-written knowledge base already knows adds its other names to
that organisation (same id: the loader merges the aliases, the hand row's
fields win); a record whose code names a known organisation ("IGOUNOKID" ->
UNICEF) does the same; anything else becomes a new organisation with an id in
the knowledge base's style (its acronym). Filtered out, as wrong for a
knowledge base that codes names without context:

- names that are a bare role or institution noun ("SENATE_" as a synonym of
  the US Congress): the actor stage takes their country from the sentence;
- names the hand knowledge base gives to something else (a country, another
  organisation);
- companies without a country, and national records without a sector.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.kb.knowledge import KnowledgeBase
from newsgraph.kb.petrarch.codes import Code
from newsgraph.kb.petrarch.names import display, initials_id, is_acronym_token
from newsgraph.kb.petrarch.reader import ActorRecord
from newsgraph.kb.text import normalize

_TYPES = {"IGO": "igo", "NGO": "ngo", "IMG": "img", "MNC": "body"}
# single ordinary words the dictionaries use as a group's name: in news text they are almost always
# the word (sports teams, birds), so they are not taken as names
COMMON_WORDS = frozenset({"tigers", "falcon", "mavericks", "emetic", "yahweh", "boogeymen", "insula"})
# a name made only of these (and numbers) reads as a date in running text ("21 June", a Greek group)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday of the".split()
)
_IGO_LIKE = {"igo": ("igo", "alliance"), "ngo": ("ngo",), "img": ("img", "body"), "body": ("body",)}


@dataclass
class OrgRow:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    parent: str = ""
    country: str = ""
    sector: list[str] = field(default_factory=list)
    extends: bool = False  # adds names to an organisation of the hand-written files


@dataclass
class OrgBuilder:
    kb: KnowledgeBase
    rows: dict[str, OrgRow] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)
    _new_by_key: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for org in self.kb.organizations.values():
            for name in (org.name, *org.aliases):
                self._by_name.setdefault(normalize(name), org.id)

    def _skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def known_org(self, code: Code) -> str | None:
        """The innermost organisation of ``code`` the knowledge base has ("IGOUNOKID" -> UNICEF)."""
        for part in reversed(code.orgs):
            if part in self.kb.organizations:
                return part
        return None

    def add(self, record: ActorRecord, code: Code) -> None:
        otype = _TYPES.get(code.prefix or "", "body")
        country = code.country or ""
        sectors = list(code.sectors)
        if code.prefix is None and code.region is not None:
            otype = "img"  # a regional armed group ("MEAREB"): no one country
            country = ""
        elif code.prefix is None and code.religious and not country:
            otype, sectors = "ngo", ["REL"]
        if code.prefix == "MNC":
            sectors = ["BUS", *[s for s in sectors if s != "BUS"]]
            if not country:
                self._skip("company without a country")
                return
        if otype == "body" and (not country or not sectors):
            self._skip("national record without a country and sector")
            return
        if otype != "body":
            country = ""  # the organisation's code says whose it is, not a country
        names: list[str] = []
        target: str | None = None
        for name in record.names:
            shown = display(name)
            key = normalize(shown)
            if not key:
                continue
            if self.kb.sectors.get(key) or key in ("the", "us"):
                self._skip("bare role or institution noun")
                continue
            if all(w.isdigit() or w in _CALENDAR or w.rstrip("stndrh").isdigit() for w in key.split()):
                self._skip("a date or number")
                continue
            if key in COMMON_WORDS:
                self._skip("an ordinary word")
                continue
            hit = self._by_name.get(key)
            if hit is not None:
                if target is None and self._fits(hit, otype, country):
                    target = hit
                elif hit != target:
                    self._skip("name the hand files give to another organisation")
                continue
            if self.kb.lookup(shown, fuzzy=False) is not None:
                self._skip("name of something else in the knowledge base")
                continue
            names.append(shown)
        if not names:
            return
        if target is not None:
            # a record the hand files know by one of its names: its other names join that organisation
            base = self.kb.organizations[target]
            row = self.rows.setdefault(
                target,
                OrgRow(target, base.name, base.type, [], base.parent or "", base.country or "", list(base.sector), extends=True),
            )
            row.aliases.extend(n for n in names if n not in row.aliases)
            return
        key = normalize(names[0])
        existing = self._new_by_key.get(key)
        if existing is not None:
            row = self.rows[existing]
            row.aliases.extend(n for n in names[1:] if n not in row.aliases and n != row.name)
            return
        oid = self._new_id(names, code)
        # an organisation inside another's code ("IGOUNO..." -> the UN, "IMG...ALQ" -> al-Qaeda) is a
        # body of it or affiliated with it: its parent, not another name of it
        parent = self.known_org(code) if otype != "body" else None
        self.rows[oid] = OrgRow(oid, names[0], otype, names[1:], parent or "", country, sectors)
        self._new_by_key[key] = oid

    def _fits(self, oid: str, otype: str, country: str) -> bool:
        """Whether the hand-written organisation ``oid`` can be the one a record of this type and country names."""
        org = self.kb.organizations[oid]
        if org.type not in _IGO_LIKE[otype]:
            return False
        return org.type != "body" or not country or org.country == country

    def _new_id(self, names: list[str], code: Code) -> str:
        acronyms = [n for n in names[1:] if " " not in n and is_acronym_token(n)]
        base = "".join(ch for ch in (acronyms[0] if acronyms else initials_id(names[0])).upper() if ch.isalnum())
        base = (base or "ORG")[:10]
        if len(base) < 2:
            base += "X"
        oid, n = base, 1
        while oid in self.kb.organizations or oid in self.rows:
            n += 1
            oid = f"{base}{n}"
        return oid


def org_line(row: OrgRow) -> str:
    columns = [row.id, row.name, row.type, "|".join(row.aliases), "", row.parent, row.country, "|".join(row.sector), ""]
    return "\t".join(columns).rstrip("\t")
