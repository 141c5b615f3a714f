"""Actor coding against PLOVER gold-standard records (country, sector, coverage).

Gold: JSON Lines records with ``text`` and ``source``/``target`` lists of
``{actorText, code, sector}`` (the PLOVER GSR CAMEO file). For each gold actor
we analyse the record's text, find the entity with a mention covering the
``actorText`` (a mention inside it first, then the largest overlap) and compare:

- country: the gold ``code`` against ``actor.country``; gold ``IGO`` counts as
  correct when the entity has an ``igo``, ``NGO`` when its code starts with
  NGO or its sector is NGO/HRI, ``IMG`` when its code starts with IMG. Old
  CAMEO country codes in the gold are mapped to ISO 3166 (``JAP`` -> JPN,
  ``ITL`` -> ITA, ``VTN`` -> VNM).
- sector (only where the gold gives one): the gold sector's first three
  letters (``REBalb`` -> REB; ``CIV`` read as CVL; ``***`` ignored) among the
  actor's sectors.
- coverage: the share of gold actors for which an entity was found.

Country and sector accuracy are over the covered actors; ``*_strict`` counts
uncovered actors as wrong. ``--half even|odd`` keeps the sentences at even or
odd positions among the file's distinct texts, the same halves as
``eval events --gold --half``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation.event_sets import keep_half
from newsgraph.evaluation.scoring import Accuracy
from newsgraph.records import Analysis, Entity

# CAMEO-era country codes the gold still uses, mapped to ISO 3166-1 alpha-3
_OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_SECTOR_ALIASES = {"CIV": "CVL", "JRN": "MED"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, metavar="FILE", help="PLOVER gold-standard JSON Lines file")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N records")
    p.add_argument("--errors", metavar="FILE", help="write every miss (gold vs. predicted) as JSON Lines to FILE")
    p.add_argument(
        "--half",
        choices=("even", "odd", "all"),
        default="all",
        help="score only the sentences at an even or odd position (as eval events --gold), to keep a half unread",
    )


def gold_actors(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            continue
        for actor in value:
            if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                out.append((role, actor))
    return out


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character span of ``actor_text`` in ``text``; "A ... B" spans from A to B."""
    parts = [p.strip() for p in actor_text.replace("..", "\u2026").split("\u2026")]
    parts = [p.strip(".") .strip() for p in parts if p.strip(". ")]
    if not parts:
        return None
    lowered = text.lower()
    start = text.find(parts[0])
    if start < 0:
        start = lowered.find(parts[0].lower())
    if start < 0:
        return None
    end = start + len(parts[0])
    for part in parts[1:]:
        nxt = lowered.find(part.lower(), end)
        if nxt < 0:
            break
        end = nxt + len(part)
    return start, end


def covering_entity(analysis: Analysis, start: int, end: int) -> Entity | None:
    best: tuple[int, int, int] | None = None
    found: Entity | None = None
    for entity in analysis.entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            inside = int(start <= m.start and m.end <= end)
            key = (inside, overlap, int(m.kind == "name"))
            if best is None or key > best:
                best, found = key, entity
    return found


def country_correct(gold_code: str, entity: Entity) -> bool:
    actor = entity.actor
    if actor is None:
        return False
    gold_code = _OLD_CODES.get(gold_code, gold_code)
    if gold_code == "IGO":
        return actor.igo is not None and not (actor.code or "").startswith(("NGO", "IMG"))
    if gold_code == "NGO":
        return (actor.code or "").startswith("NGO") or bool({"NGO", "HRI"} & set(actor.sector))
    if gold_code == "IMG":
        return (actor.code or "").startswith("IMG")
    return actor.country == gold_code


def gold_sector(actor: dict[str, Any]) -> str | None:
    sector = actor.get("sector")
    if not sector or not isinstance(sector, str) or not sector[:3].isalpha():
        return None
    code = sector[:3].upper()
    return _SECTOR_ALIASES.get(code, code)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from newsgraph.pipeline import Analyzer
    from newsgraph.settings import load_settings

    path = Path(args.gold)
    if not path.is_file():
        raise InputError("gold file not found", source=str(path))
    analyzer = Analyzer(load_settings(getattr(args, "config", None)))
    country, sector, country_strict, sector_strict = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    by_kind: dict[str, Accuracy] = {}
    n_gold = located = covered = records = 0
    misses: list[dict[str, Any]] = []
    confusions: Counter[str] = Counter()
    half = getattr(args, "half", "all")
    positions: dict[str, int] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if not text or record.get("event") == "DOCUMENT":
                continue
            position = positions.setdefault(text, len(positions))
            if not keep_half(position, half):
                continue
            records += 1
            if args.limit and records > args.limit:
                break
            analysis = analyzer(text, id=record.get("id"))
            for role, actor in gold_actors(record):
                n_gold += 1
                code = str(actor["code"])
                gsector = gold_sector(actor)
                kind = code if code in ("IGO", "NGO", "IMG") else "country"
                span = locate(text, str(actor["actorText"]))
                entity = None
                if span is not None:
                    located += 1
                    entity = covering_entity(analysis, *span)
                if entity is None:
                    country_strict.add(False)
                    if gsector:
                        sector_strict.add(False)
                    misses.append({"id": record.get("id"), "role": role, "gold": actor, "entity": None})
                    continue
                covered += 1
                ok = country_correct(code, entity)
                country.add(ok)
                country_strict.add(ok)
                by_kind.setdefault(kind, Accuracy()).add(ok)
                predicted = entity.actor.to_dict() if entity.actor else None
                sok = None
                if gsector:
                    sok = bool(entity.actor and gsector in entity.actor.sector)
                    sector.add(sok)
                    sector_strict.add(sok)
                    if not sok:
                        got = ",".join(entity.actor.sector) if entity.actor and entity.actor.sector else "-"
                        confusions[f"{gsector}->{got}"] += 1
                if not ok or sok is False:
                    misses.append(
                        {"id": record.get("id"), "role": role, "gold": actor, "entity": entity.name, "actor": predicted}
                    )
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            for miss in misses:
                out.write(json.dumps(miss, ensure_ascii=False) + "\n")
    return {
        "gold": str(path),
        "half": half,
        "records": min(records, args.limit) if args.limit else records,
        "gold_actors": n_gold,
        "located": located,
        "covered": covered,
        "coverage": round(covered / n_gold, 4) if n_gold else 0.0,
        "country_accuracy": round(country.value, 4),
        "country_n": country.total,
        "sector_accuracy": round(sector.value, 4),
        "sector_n": sector.total,
        "country_accuracy_strict": round(country_strict.value, 4),
        "sector_accuracy_strict": round(sector_strict.value, 4),
        "country_accuracy_by_kind": {k: {"accuracy": round(v.value, 4), "n": v.total} for k, v in sorted(by_kind.items())},
        "sector_confusions": dict(confusions.most_common(12)),
    }


def format_report(metrics: dict[str, Any]) -> str:
    lines = [
        f"actor coding vs {metrics['gold']}" + ("" if metrics.get("half", "all") == "all" else f" ({metrics['half']} half)"),
        f"  records {metrics['records']}, gold actors {metrics['gold_actors']}, located in text {metrics['located']}",
        f"  coverage            {metrics['coverage']:.3f}  ({metrics['covered']}/{metrics['gold_actors']} gold actors with an entity)",
        f"  country accuracy    {metrics['country_accuracy']:.3f}  (n={metrics['country_n']}; strict {metrics['country_accuracy_strict']:.3f})",
        f"  sector accuracy     {metrics['sector_accuracy']:.3f}  (n={metrics['sector_n']}; strict {metrics['sector_accuracy_strict']:.3f})",
    ]
    for kind, v in metrics["country_accuracy_by_kind"].items():
        lines.append(f"    {kind:<8} {v['accuracy']:.3f}  (n={v['n']})")
    if metrics["sector_confusions"]:
        lines.append("  sector misses (gold->predicted): " + ", ".join(f"{k} {v}" for k, v in metrics["sector_confusions"].items()))
    return "\n".join(lines)
