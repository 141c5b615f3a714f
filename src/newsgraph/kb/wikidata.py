"""Rebuilding the people file from Wikidata: a JSON dump or the SPARQL endpoint.

Both produce ``people.tsv`` rows (``wikidata, name, aliases, office, country,
sector, start, end``) from "position held" (P39) statements with their start
(P580) and end (P582) qualifiers. An office's country comes from its
"country" (P17) or "applies to jurisdiction" (P1001) claim, mapped to ISO3
through the ``wikidata`` column of countries.tsv (or ISO 3166-1 alpha-3, P298,
when the country item is in the dump); its sector from the office's English
label through the sector vocabulary ("Minister of Foreign Affairs" -> GOV).

The dump reader takes the standard Wikidata JSON dump layout (one entity per
line inside a JSON array, optionally gzip- or bz2-compressed) or JSON Lines.
Only ``fetch_sparql`` touches the network.
"""

from __future__ import annotations

import bz2
import gzip
import json
import logging
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

SPARQL_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "newsgraph/0.1 (knowledge-base rebuild; https://github.com/)"

# Offices whose holders are fetched by default: heads of state (Q48352),
# heads of government (Q2285706) and foreign ministers (Q7330070), with their
# subclasses; positions held since 1990.
SPARQL_QUERY = """
SELECT ?person ?personLabel ?office ?officeLabel ?iso ?start ?end WHERE {
  VALUES ?kind { wd:Q48352 wd:Q2285706 wd:Q7330070 }
  ?office wdt:P279* ?kind .
  ?office wdt:P17|wdt:P1001 ?country .
  ?country wdt:P298 ?iso .
  ?person p:P39 ?st .
  ?st ps:P39 ?office .
  OPTIONAL { ?st pq:P580 ?start . }
  OPTIONAL { ?st pq:P582 ?end . }
  FILTER(!BOUND(?end) || ?end >= "1990-01-01T00:00:00Z"^^xsd:dateTime)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""

COLUMNS = ("wikidata", "name", "aliases", "office", "country", "sector", "start", "end")


@dataclass(frozen=True, slots=True)
class PersonRow:
    qid: str
    name: str
    aliases: tuple[str, ...]
    office: str
    country: str
    sector: str
    start: str
    end: str

    def tsv(self) -> str:
        cells = (self.qid, self.name, "|".join(self.aliases), self.office, self.country, self.sector, self.start, self.end)
        return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)


def write_tsv(rows: Iterable[PersonRow]) -> str:
    header = (
        "# Office holders rebuilt from Wikidata (position held, P39) by `newsgraph kb rebuild-people`.\n"
        + "\t".join(COLUMNS)
        + "\n"
    )
    return header + "".join(r.tsv() + "\n" for r in rows)


def _time(value: Any) -> str:
    """``"+2019-05-20T00:00:00Z"`` -> ``"2019-05-20"``; year or month precision keeps what is known."""
    if isinstance(value, dict):
        precision = int(value.get("precision", 11))
        value = value.get("time", "")
    else:
        precision = 11
    text = str(value or "").lstrip("+")
    if len(text) < 10 or not text[:4].isdigit():
        return ""
    if precision <= 9 or text[5:10] == "00-00":
        return text[:4]
    if precision == 10 or text[8:10] == "00":
        return text[:7]
    return text[:10]


def _label(entity: dict[str, Any]) -> str:
    return str(((entity.get("labels") or {}).get("en") or {}).get("value") or "")


def _claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for st in (entity.get("claims") or {}).get(prop, ()):
        value = ((st.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and value.get("id"):
            out.append(str(value["id"]))
    return out


def _claim_strings(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for st in (entity.get("claims") or {}).get(prop, ()):
        value = ((st.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, str):
            out.append(value)
    return out


def read_dump(path: str | Path) -> Iterator[dict[str, Any]]:
    """The entities of a Wikidata JSON dump (array-per-line or JSON Lines, plain, .gz or .bz2)."""
    p = Path(path)
    opener: Any = gzip.open if p.suffix == ".gz" else bz2.open if p.suffix == ".bz2" else open
    try:
        with opener(p, "rt", encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip().rstrip(",")
                if not line or line in ("[", "]"):
                    continue
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise KnowledgeBaseError(f"not a Wikidata JSON entity: {exc.msg}", source=f"{p}:{number}") from exc
                if isinstance(entity, dict) and "id" in entity:
                    yield entity
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read dump: {exc}", source=str(p)) from exc


def people_from_entities(entities: Iterable[dict[str, Any]], kb: KnowledgeBase) -> list[PersonRow]:
    """``people.tsv`` rows for every human (P31 = Q5) with a "position held" claim."""
    by_qid: dict[str, dict[str, Any]] = {}
    humans: list[dict[str, Any]] = []
    for entity in entities:
        by_qid[str(entity["id"])] = entity
        if "Q5" in _claim_ids(entity, "P31") and (entity.get("claims") or {}).get("P39"):
            humans.append(entity)
    qid_to_iso = {c.qid: c.code for c in kb.countries.values() if c.qid}
    for qid, entity in by_qid.items():
        for iso in _claim_strings(entity, "P298"):
            if iso in kb.countries:
                qid_to_iso[qid] = iso
    rows: list[PersonRow] = []
    for person in humans:
        name = _label(person)
        if not name:
            continue
        aliases = tuple(a.get("value", "") for a in (person.get("aliases") or {}).get("en", ()) if a.get("value"))
        for st in person["claims"]["P39"]:
            office_id = (((st.get("mainsnak") or {}).get("datavalue") or {}).get("value") or {}).get("id")
            office = by_qid.get(str(office_id)) if office_id else None
            if office is None:
                continue
            office_label = _label(office)
            country = next(
                (qid_to_iso[c] for c in _claim_ids(office, "P17") + _claim_ids(office, "P1001") if c in qid_to_iso), ""
            )
            sector = _office_sector(kb, office_label)
            if not office_label or not sector:
                logger.info("skipping office %s (%r): no sector for its label", office_id, office_label)
                continue
            qualifiers = st.get("qualifiers") or {}
            start = next((_time(q["datavalue"]["value"]) for q in qualifiers.get("P580", ()) if q.get("datavalue")), "")
            end = next((_time(q["datavalue"]["value"]) for q in qualifiers.get("P582", ()) if q.get("datavalue")), "")
            rows.append(PersonRow(str(person["id"]), name, aliases, office_label, country, sector, start, end))
    return rows


def _office_sector(kb: KnowledgeBase, label: str) -> str | None:
    from newsgraph.actors import code_phrase

    return code_phrase(kb, label).sector


def people_from_sparql(bindings: Iterable[dict[str, Any]], kb: KnowledgeBase) -> list[PersonRow]:
    """``people.tsv`` rows from SPARQL JSON result bindings of ``SPARQL_QUERY``."""
    rows: list[PersonRow] = []
    seen: set[tuple[str, ...]] = set()
    for b in bindings:
        def v(key: str, b: dict[str, Any] = b) -> str:
            return str((b.get(key) or {}).get("value") or "")

        qid = v("person").rsplit("/", 1)[-1]
        name, office, iso = v("personLabel"), v("officeLabel"), v("iso")
        if not qid.startswith("Q") or not name or name == qid or iso not in kb.countries:
            continue
        sector = _office_sector(kb, office) or "GOV"
        row = PersonRow(qid, name, (), office, iso, sector, _time(v("start")), _time(v("end")))
        key = (row.qid, row.office, row.start)
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return rows


def fetch_sparql(query: str = SPARQL_QUERY, *, endpoint: str = SPARQL_ENDPOINT, timeout: float = 300.0) -> list[dict[str, Any]]:
    """Run ``query`` on the Wikidata SPARQL endpoint (network access needed) and return its bindings."""
    url = endpoint + "?" + urllib.parse.urlencode({"query": query, "format": "json"})
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - fixed https endpoint
            data = json.load(response)
    except OSError as exc:
        raise KnowledgeBaseError(f"Wikidata SPARQL request failed: {exc}", source=endpoint) from exc
    return list(data.get("results", {}).get("bindings", []))
