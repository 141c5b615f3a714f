"""Event scorers for sentence sets with marked actors or ACLED-style subtypes.

Two gold formats beside the PLOVER records of ``evaluation.events``:

``--plv FILE`` (Zero-Shot-PLOVER ``PLV_train.tsv`` style: ``sentence_id``,
``sentence``, ``marked_sentence`` with the source in ``<s>…</s>`` and the
target in ``<t>…</t>``, ``gold_root`` the PLOVER type). A sentence with several
dyads has one row per dyad. Old labels map as in the PLOVER records, and
``YIELD`` (an old root split since) is right as CONCEDE or RETREAT.

* ``type_recall``: share of rows whose sentence yields a reported event of the
  gold type.
* ``type_precision``: share of reported events in the scored sentences whose
  type is a gold type of their sentence.
* ``dyad_recall``: share of rows with a reported event of the gold type whose
  source entities cover the marked source text and whose target entities cover
  the marked target text. "Cover" means a mention of one of the event's
  entities on that side overlaps the marked characters. A side the row leaves
  unmarked (the data's "a recipient", "an actor") is not scored.

``--case FILE`` (CASE 2021 task 2 ``id<TAB>EventSnippet<TAB>SubType``). The
ACLED-style subtypes map to PLOVER (``CASE_TO_PLOVER``); a snippet counts as
found when it yields a reported event of the mapped type. Natural and
man-made disasters must yield no event: ``disaster_event_rate`` is the share
of disaster snippets with any reported event (lower is better). Other
subtypes are left out.

``--half even|odd`` keeps the sentences whose id (``sentence_id`` for ``--plv``,
the line number for ``--case``, whose ids are mostly odd; the sentence's position for
PLOVER records) is even or
odd: rules are written reading one half and believed on the other.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.records import Analysis, Event

# old PLOVER roots in the gold files -> the current types that are right for them
PLV_LABELS: dict[str, tuple[str, ...]] = {
    "DEMAND": ("REQUEST",),
    "DISAPPROVE": ("ACCUSE",),
    "FIGHT": ("ASSAULT",),
    "INVESTIGATE": ("ACCUSE",),
    "YIELD": ("CONCEDE", "RETREAT"),
}

# CASE 2021 subtype -> PLOVER type; the disasters must give no event
CASE_TO_PLOVER: dict[str, str] = {
    "PEACE_PROTEST": "PROTEST",
    "PROTEST_WITH_INTER": "PROTEST",
    "VIOL_DEMONSTR": "PROTEST",
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    "ARMED_CLASH": "ASSAULT",
    "ATTACK": "ASSAULT",
    "AIR_STRIKE": "ASSAULT",
    "ART_MISS_ATTACK": "ASSAULT",
    "SUIC_BOMB": "ASSAULT",
    "GRENADE": "ASSAULT",
    "REM_EXPLOS": "ASSAULT",
    "CHEM_WEAP": "ASSAULT",
    "SEX_VIOL": "ASSAULT",
    "ABDUCT_DISSAP": "ASSAULT",
    "ARREST": "COERCE",
}
CASE_DISASTERS = frozenset(("NATURAL_DISASTER", "MAN_MADE_DISASTER"))

_MARK = re.compile(r"</?[st]>")

Analyse = Callable[[str], Analysis]


def keep_half(key: int, half: str | None) -> bool:
    """True when ``key`` belongs to the requested half (``even``/``odd``; anything else keeps all)."""
    if half == "even":
        return key % 2 == 0
    if half == "odd":
        return key % 2 == 1
    return True


def _int_id(value: str, where: str) -> int:
    try:
        return int(value.strip())
    except ValueError as exc:
        raise InputError(f"id {value!r} is not an integer", source=where) from exc


def reported(events: Sequence[Event]) -> list[Event]:
    """The events newsgraph says happened (asserted and actual)."""
    return [e for e in events if e.polarity == "asserted" and e.modality == "actual"]


# --------------------------------------------------------------------------- --plv


def marked_spans(marked: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the ``<s>`` and ``<t>`` marks, in the unmarked sentence's offsets."""
    sources: list[tuple[int, int]] = []
    targets: list[tuple[int, int]] = []
    removed = 0
    open_at: dict[str, int] = {}
    for m in _MARK.finditer(marked):
        tag = m.group()
        pos = m.start() - removed
        removed += len(tag)
        kind = tag.strip("</>")
        if tag.startswith("</"):
            start = open_at.pop(kind, None)
            if start is not None and pos > start:
                (sources if kind == "s" else targets).append((start, pos))
        else:
            open_at[kind] = pos
    return sources, targets


def read_plv(path: str | Path, half: str | None = None) -> list[dict[str, Any]]:
    """Rows as ``{id, text, types, sources, targets}`` (types: the right PLOVER types)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such gold file: {p}")
    out = []
    with p.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        need = {"sentence_id", "sentence", "marked_sentence", "gold_root"}
        if not need <= set(reader.fieldnames or ()):
            raise InputError(f"expected the columns {sorted(need)}", source=str(p))
        for lineno, row in enumerate(reader, 2):
            where = f"{p}:{lineno}"
            key = _int_id(row["sentence_id"], where)
            if not keep_half(key, half):
                continue
            text = row["sentence"]
            if _MARK.sub("", row["marked_sentence"]) != text:
                raise InputError("marked_sentence does not match sentence", source=where)
            root = row["gold_root"].strip()
            sources, targets = marked_spans(row["marked_sentence"])
            out.append(
                {
                    "id": key,
                    "text": text,
                    "label": root,
                    "types": PLV_LABELS.get(root, (root,)),
                    "sources": sources,
                    "targets": targets,
                }
            )
    return out


def _covers(analysis: Analysis, ids: Sequence[str], marks: Sequence[tuple[int, int]]) -> bool:
    if not marks:
        return True  # the side is not marked in the gold row: not scored
    by_id = {e.id: e for e in analysis.entities}
    for x in ids:
        ent = by_id.get(x)
        if ent is None:
            continue
        for m in ent.mentions:
            if any(m.start < end and m.end > start for start, end in marks):
                return True
    return False


def score_plv(rows: Sequence[dict[str, Any]], analyses: dict[str, Analysis]) -> dict[str, Any]:
    found = dyad = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    gold_types: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        gold_types[r["text"]].update(r["types"])
        a = analyses[r["text"]]
        hits = [e for e in reported(a.events) if e.type in r["types"]]
        ok_dyad = any(
            _covers(a, e.source, r["sources"]) and _covers(a, e.target, r["targets"]) for e in hits
        )
        found += bool(hits)
        dyad += ok_dyad
        per_type[r["label"]]["gold"] += 1
        per_type[r["label"]]["found"] += bool(hits)
        per_type[r["label"]]["dyad"] += ok_dyad
    n_pred = n_ok = 0
    for text, types in gold_types.items():
        for e in reported(analyses[text].events):
            n_pred += 1
            n_ok += e.type in types
            per_type[e.type]["predicted"] += 1
            per_type[e.type]["correct"] += e.type in types
    n = len(rows)
    return {
        "rows": n,
        "sentences": len(gold_types),
        "type_recall": round(found / n, 4) if n else 0.0,
        "type_precision": round(n_ok / n_pred, 4) if n_pred else 0.0,
        "dyad_recall": round(dyad / n, 4) if n else 0.0,
        "predicted_events": n_pred,
        "per_type": {
            t: {
                "gold": c["gold"],
                "recall": round(c["found"] / c["gold"], 4) if c["gold"] else None,
                "dyad_recall": round(c["dyad"] / c["gold"], 4) if c["gold"] else None,
                "predicted": c["predicted"],
                "precision": round(c["correct"] / c["predicted"], 4) if c["predicted"] else None,
            }
            for t, c in sorted(per_type.items())
        },
    }


# --------------------------------------------------------------------------- --case


def read_case(path: str | Path, half: str | None = None) -> list[dict[str, Any]]:
    """Snippets as ``{id, text, subtype}``; only mapped subtypes and disasters are kept."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such gold file: {p}")
    out = []
    with p.open(encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if lineno == 1 and row[:1] == ["id"]:
                continue
            where = f"{p}:{lineno}"
            if len(row) != 3:
                raise InputError("expected id<TAB>EventSnippet<TAB>SubType", source=where)
            key = _int_id(row[0], where)
            subtype = row[2].strip()
            # the ids are mostly odd: the half goes by position in the file
            if not keep_half(lineno, half):
                continue
            if subtype in CASE_TO_PLOVER or subtype in CASE_DISASTERS:
                out.append({"id": key, "text": row[1], "subtype": subtype})
    return out


def score_case(rows: Sequence[dict[str, Any]], analyses: dict[str, Analysis]) -> dict[str, Any]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    found = mapped = disasters = with_event = 0
    for r in rows:
        events = reported(analyses[r["text"]].events)
        c = per[r["subtype"]]
        c["gold"] += 1
        if r["subtype"] in CASE_DISASTERS:
            disasters += 1
            with_event += bool(events)
            c["with_event"] += bool(events)
        else:
            mapped += 1
            hit = any(e.type == CASE_TO_PLOVER[r["subtype"]] for e in events)
            found += hit
            c["found"] += hit
    return {
        "snippets": len(rows),
        "mapped": mapped,
        "recall": round(found / mapped, 4) if mapped else 0.0,
        "disasters": disasters,
        "disaster_event_rate": round(with_event / disasters, 4) if disasters else 0.0,
        "per_subtype": {
            s: {
                "plover": CASE_TO_PLOVER.get(s),
                "gold": c["gold"],
                **(
                    {"with_event": round(c["with_event"] / c["gold"], 4)}
                    if s in CASE_DISASTERS
                    else {"recall": round(c["found"] / c["gold"], 4)}
                ),
            }
            for s, c in sorted(per.items())
        },
    }


# --------------------------------------------------------------------------- running


def analyse_all(texts: Sequence[str], analyse: Analyse) -> dict[str, Analysis]:
    out: dict[str, Analysis] = {}
    for t in texts:
        if t not in out:
            out[t] = analyse(t)
    return out


def errors_plv(rows: Sequence[dict[str, Any]], analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        a = analyses[r["text"]]
        names = {e.id: e.name for e in a.entities}
        out.append(
            {
                "id": r["id"],
                "text": r["text"],
                "gold": [r["label"], [r["text"][s:e] for s, e in r["sources"]], [r["text"][s:e] for s, e in r["targets"]]],
                "pred": [
                    [e.type, e.cameo, e.trigger.text, [names.get(x) for x in e.source],
                     [names.get(x) for x in e.target], e.polarity, e.modality]
                    for e in a.events
                ],
            }
        )
    return out


def errors_case(rows: Sequence[dict[str, Any]], analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    return [
        {
            "id": r["id"],
            "text": r["text"],
            "gold": [r["subtype"], CASE_TO_PLOVER.get(r["subtype"])],
            "pred": [[e.type, e.cameo, e.trigger.text, e.polarity, e.modality] for e in analyses[r["text"]].events],
        }
        for r in rows
    ]


def format_plv(m: dict[str, Any]) -> list[str]:
    lines = [
        f"PLOVER sentences with marked actors: {m['rows']} rows in {m['sentences']} sentences ({m['gold']})",
        f"  type recall             {m['type_recall']:.3f}",
        f"  type precision          {m['type_precision']:.3f}   ({m['predicted_events']} reported events)",
        f"  dyad recall             {m['dyad_recall']:.3f}",
        "",
        f"  {'type':<12} {'gold':>5} {'recall':>7} {'dyad':>6} {'pred':>5} {'prec':>6}",
    ]
    for t, row in m["per_type"].items():
        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}"

        lines.append(
            f"  {t:<12} {row['gold']:>5} {fmt(row['recall']):>7} {fmt(row['dyad_recall']):>6} "
            f"{row['predicted']:>5} {fmt(row['precision']):>6}"
        )
    return lines


def format_case(m: dict[str, Any]) -> list[str]:
    lines = [
        f"CASE 2021 snippets: {m['snippets']} ({m['gold']})",
        f"  mapped-subtype recall   {m['recall']:.3f}   ({m['mapped']} snippets)",
        f"  disasters with an event {m['disaster_event_rate']:.3f}   ({m['disasters']} snippets; lower is better)",
        "",
    ]
    for s, row in m["per_subtype"].items():
        value = row.get("recall", row.get("with_event"))
        what = "recall" if "recall" in row else "with event"
        lines.append(f"  {s:<24} {row['plover'] or '(none)':<8} {row['gold']:>4}  {what} {value:.2f}")
    return lines
