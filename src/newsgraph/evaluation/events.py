"""PLOVER events against gold event records (``newsgraph eval events``).

Two gold formats:

``--gold FILE`` (PLOVER gold-standard records, JSON lines: ``text``, ``event``,
``source``/``target`` lists of ``{actorText, code}``; a ``DOCUMENT`` line is
skipped). The old labels map to current PLOVER: DEMAND -> REQUEST,
DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE. Records with the
same text are one sentence. Only events newsgraph reports as happening count
(polarity ``asserted``, modality ``actual``): a threatened or negated event is
not a prediction that it happened.

* ``type_recall`` ("type accuracy"): share of gold records whose sentence
  yields an event of the gold type.
* ``type_precision``: share of predicted events, in those sentences, whose type
  some gold event of the sentence has.
* ``dyad``: precision/recall/F1 over (type, source code, target code) triples,
  compound actors expanded (one triple per source x target pair; a missing
  side is ``None``), a set per sentence. A predicted actor's code is its
  country (ISO3), ``IGO`` for an intergovernmental organisation, ``IMG`` for an
  international militant group (CAMEO's code class, e.g. al-Qaeda), ``NGO`` for
  a non-governmental one (the gold file's conventions).
* ``per_type``: gold count, recall, predicted count and precision per type.

``--pentaclass FILE`` (TSV ``text<TAB>label``, CAMEO PentaClass 0 statement,
1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict): the sentence's class is that of its main event (actual, asserted;
the one whose trigger is highest in the dependency tree, then the first), and
0 when it has none: a sentence with no event is a statement at most. Reports
accuracy, per-class P/R/F1 and macro-F1.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation import event_sets
from newsgraph.evaluation.scoring import PRF
from newsgraph.events.lexicon import PLOVER_TYPES, load_lexicon
from newsgraph.records import Analysis, Entity, Event

logger = logging.getLogger(__name__)

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
PENTA_NAMES = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)

Dyad = tuple[str, str | None, str | None]


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--gold", metavar="FILE", help="PLOVER gold-standard records (JSON lines)")
    g.add_argument("--pentaclass", metavar="FILE", help="TSV of sentence<TAB>CAMEO PentaClass (0-4)")
    g.add_argument("--plv", metavar="FILE", help="PLOVER sentences with <s>source</s> and <t>target</t> marked (TSV)")
    g.add_argument("--case", metavar="FILE", help="CASE 2021 task 2 snippets (id<TAB>EventSnippet<TAB>SubType)")
    p.add_argument(
        "--half",
        choices=("even", "odd", "all"),
        default="all",
        help="score only the sentences with an even or odd id (--gold: position), to keep a half unread",
    )
    p.add_argument("--limit", type=int, default=0, metavar="N", help="score only the first N sentences")
    p.add_argument("--model", default=None, help="spaCy pipeline to load instead of the default")
    p.add_argument(
        "--errors",
        metavar="FILE",
        help="write every sentence with its gold and predicted events (JSON lines)",
    )


# --------------------------------------------------------------------------- reading


def _actor_codes(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(a["code"]) for a in value if isinstance(a, dict) and a.get("code")]


def read_plover(path: str | Path) -> list[dict[str, Any]]:
    """Gold records as ``{text, type, sources, targets}`` (old labels mapped, DOCUMENT skipped)."""
    out = []
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such gold file: {p}")
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc}", source=f"{p}:{lineno}") from exc
        label = d.get("event")
        if label == "DOCUMENT" or not d.get("text"):
            continue
        label = OLD_LABELS.get(label, label)
        out.append(
            {
                "text": d["text"],
                "type": label,
                "sources": _actor_codes(d.get("source")),
                "targets": _actor_codes(d.get("target")),
            }
        )
    return out


def read_pentaclass(path: str | Path) -> list[tuple[str, int]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such gold file: {p}")
    out = []
    with p.open(encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) < 2 or not row[-1].strip().isdigit():
                raise InputError("expected text<TAB>label", source=f"{p}:{lineno}")
            out.append(("\t".join(row[:-1]), int(row[-1])))
    return out


# --------------------------------------------------------------------------- scoring helpers


def actor_code(entity: Entity | None) -> str | None:
    """The gold file's actor code for an entity: ISO3 country, IGO, IMG, NGO, or None."""
    if entity is None or entity.actor is None:
        return None
    a = entity.actor
    if (a.code or "").startswith("IMG"):
        return "IMG"  # the knowledge base's militant groups carry an igo id, but CAMEO codes them IMG
    if a.igo or (a.code or "").startswith("IGO"):
        return "IGO"
    if a.country:
        return a.country
    if "NGO" in a.sector or (a.code or "").startswith("NGO"):
        return "NGO"
    return None


def reported(events: Iterable[Event]) -> list[Event]:
    """The events newsgraph says happened."""
    return [e for e in events if e.polarity == "asserted" and e.modality == "actual"]


def event_dyads(analysis: Analysis, event: Event) -> set[Dyad]:
    by_id = {e.id: e for e in analysis.entities}
    sources = [actor_code(by_id.get(x)) for x in event.source] or [None]
    targets = [actor_code(by_id.get(x)) for x in event.target] or [None]
    return {(event.type, s, t) for s in sources for t in targets}


def gold_dyads(record: dict[str, Any]) -> set[Dyad]:
    sources = record["sources"] or [None]
    targets = record["targets"] or [None]
    return {(record["type"], s, t) for s in sources for t in targets}


def _analyzer(args: argparse.Namespace) -> Any:
    from newsgraph.pipeline import Analyzer
    from newsgraph.settings import load_settings

    settings = load_settings(getattr(args, "config", None))
    if args.model:
        settings = settings.with_values({"model": args.model})
    return Analyzer(settings)


# --------------------------------------------------------------------------- PLOVER records


def score_plover(records: Sequence[dict[str, Any]], analyses: dict[str, Analysis]) -> dict[str, Any]:
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_text[r["text"]].append(r)
    recall_hits = 0
    per_type: dict[str, Counter[str]] = {t: Counter() for t in PLOVER_TYPES}
    n_pred = n_pred_ok = 0
    dyad = PRF()
    with_event = 0
    for r in records:
        preds = reported(analyses[r["text"]].events)
        hit = any(e.type == r["type"] for e in preds)
        recall_hits += hit
        per_type.setdefault(r["type"], Counter())
        per_type[r["type"]]["gold"] += 1
        per_type[r["type"]]["found"] += hit
    for text, recs in by_text.items():
        analysis = analyses[text]
        preds = reported(analysis.events)
        with_event += bool(preds)
        gold_types = {r["type"] for r in recs}
        for e in preds:
            n_pred += 1
            ok = e.type in gold_types
            n_pred_ok += ok
            per_type.setdefault(e.type, Counter())
            per_type[e.type]["predicted"] += 1
            per_type[e.type]["correct"] += ok
        g: set[Dyad] = set().union(*(gold_dyads(r) for r in recs))
        p: set[Dyad] = set()
        for e in preds:
            p |= event_dyads(analysis, e)
        dyad.tp += len(g & p)
        dyad.fp += len(p - g)
        dyad.fn += len(g - p)
    table = {}
    for t, c in per_type.items():
        if not c:
            continue
        table[t] = {
            "gold": c["gold"],
            "recall": round(c["found"] / c["gold"], 4) if c["gold"] else None,
            "predicted": c["predicted"],
            "precision": round(c["correct"] / c["predicted"], 4) if c["predicted"] else None,
        }
    return {
        "records": len(records),
        "sentences": len(by_text),
        "sentences_with_event": with_event,
        "type_recall": round(recall_hits / len(records), 4) if records else 0.0,
        "type_precision": round(n_pred_ok / n_pred, 4) if n_pred else 0.0,
        "predicted_events": n_pred,
        "dyad": dyad.as_dict(),
        "per_type": table,
    }


# --------------------------------------------------------------------------- PentaClass


def _depth_of(doc: Any, offset: int) -> int:
    for tok in doc:
        if tok.idx <= offset < tok.idx + len(tok.text):
            d = 0
            while tok.head.i != tok.i and d < 50:
                tok, d = tok.head, d + 1
            return d
    return 99


def sentence_class(analysis: Analysis, doc: Any) -> int:
    """CAMEO PentaClass of a sentence from its main reported event (0 without one)."""
    lex = load_lexicon()
    preds = [e for e in reported(analysis.events) if e.cameo]
    if not preds:
        return 0
    main = min(preds, key=lambda e: (_depth_of(doc, e.trigger.start), e.trigger.start))
    code = lex.code(main.cameo or "")
    return code.penta_class if code is not None else 0


def score_pentaclass(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    per_class = {}
    f1s = []
    for k in range(5):
        prf = PRF()
        for g, p in zip(gold, pred, strict=True):
            prf.tp += g == k and p == k
            prf.fp += g != k and p == k
            prf.fn += g == k and p != k
        per_class[str(k)] = {"name": PENTA_NAMES[k], **prf.as_dict()}
        f1s.append(prf.f1)
    confusion = [
        [sum(1 for g, p in zip(gold, pred, strict=True) if g == i and p == j) for j in range(5)]
        for i in range(5)
    ]
    return {
        "sentences": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4)
        if gold
        else 0.0,
        "macro_f1": round(sum(f1s) / 5, 4),
        "per_class": per_class,
        "confusion": confusion,
    }


# --------------------------------------------------------------------------- entry points


def run(args: argparse.Namespace) -> dict[str, Any]:
    analyzer = _analyzer(args)
    t0 = time.perf_counter()
    errors: list[dict[str, Any]] = []
    if args.plv or args.case:
        return _run_sets(args, analyzer, t0)
    if args.gold:
        records = read_plover(args.gold)
        texts = list(dict.fromkeys(r["text"] for r in records))
        if args.half != "all":
            texts = [t for n, t in enumerate(texts) if event_sets.keep_half(n, args.half)]
            kept = set(texts)
            records = [r for r in records if r["text"] in kept]
        if args.limit:
            texts = texts[: args.limit]
            keep = set(texts)
            records = [r for r in records if r["text"] in keep]
        analyses = {}
        for n, text in enumerate(texts, 1):
            analyses[text] = analyzer(text)
            if n % 50 == 0:
                logger.info("%d/%d sentences", n, len(texts))
        metrics = score_plover(records, analyses)
        metrics["gold"] = str(args.gold)
        if args.errors:
            for text in texts:
                a = analyses[text]
                names = {e.id: f"{e.name}[{actor_code(e)}]" for e in a.entities}
                errors.append(
                    {
                        "text": text,
                        "gold": [
                            [r["type"], r["sources"], r["targets"]] for r in records if r["text"] == text
                        ],
                        "entities": [[e.name, actor_code(e)] for e in a.entities],
                        "pred": [
                            [
                                e.type,
                                e.cameo,
                                e.trigger.text,
                                [names.get(x) for x in e.source],
                                [names.get(x) for x in e.target],
                                e.polarity,
                                e.modality,
                            ]
                            for e in a.events
                        ],
                    }
                )
    else:
        rows = read_pentaclass(args.pentaclass)
        if args.limit:
            rows = rows[: args.limit]
        gold, pred = [], []
        for n, (text, label) in enumerate(rows, 1):
            a = analyzer(text)
            doc = analyzer.nlp(text) if a.events else None
            cls = sentence_class(a, doc) if doc is not None else 0
            gold.append(label)
            pred.append(cls)
            if args.errors:
                errors.append(
                    {
                        "text": text,
                        "gold": label,
                        "pred": cls,
                        "events": [
                            [e.type, e.cameo, e.trigger.text, e.modality, e.polarity] for e in a.events
                        ],
                    }
                )
            if n % 200 == 0:
                logger.info("%d/%d sentences", n, len(rows))
        metrics = score_pentaclass(gold, pred)
        metrics["gold"] = str(args.pentaclass)
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    if args.errors:
        Path(args.errors).write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    return metrics


def _run_sets(args: argparse.Namespace, analyzer: Any, t0: float) -> dict[str, Any]:
    half = None if args.half == "all" else args.half
    if args.plv:
        rows = event_sets.read_plv(args.plv, half)
        score, errors, gold = event_sets.score_plv, event_sets.errors_plv, args.plv
    else:
        rows = event_sets.read_case(args.case, half)
        score, errors, gold = event_sets.score_case, event_sets.errors_case, args.case
    if args.limit:
        rows = rows[: args.limit]
    analyses = event_sets.analyse_all([r["text"] for r in rows], analyzer)
    metrics = score(rows, analyses)
    metrics["gold"] = str(gold)
    metrics["half"] = args.half
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    if args.errors:
        lines = errors(rows, analyses)
        Path(args.errors).write_text("".join(json.dumps(e) + "\n" for e in lines), encoding="utf-8")
    return metrics


def format_report(m: dict[str, Any]) -> str:
    lines = []
    if "dyad_recall" in m:
        lines.extend(event_sets.format_plv(m))
    elif "disaster_event_rate" in m:
        lines.extend(event_sets.format_case(m))
    elif "per_type" in m:
        d = m["dyad"]
        lines.append(
            f"PLOVER events: {m['records']} gold records in {m['sentences']} sentences ({m['gold']})"
        )
        lines.append(f"  type recall (accuracy)  {m['type_recall']:.3f}")
        lines.append(
            f"  type precision          {m['type_precision']:.3f}   ({m['predicted_events']} reported events)"
        )
        lines.append(f"  dyad P / R / F1         {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}")
        lines.append(f"  sentences with an event {m['sentences_with_event']}/{m['sentences']}")
        lines.append("")
        lines.append(f"  {'type':<10} {'gold':>5} {'recall':>7} {'pred':>5} {'prec':>6}")
        for t, row in sorted(m["per_type"].items()):
            rec = "-" if row["recall"] is None else f"{row['recall']:.2f}"
            prec = "-" if row["precision"] is None else f"{row['precision']:.2f}"
            lines.append(f"  {t:<10} {row['gold']:>5} {rec:>7} {row['predicted']:>5} {prec:>6}")
    else:
        lines.append(f"CAMEO PentaClass: {m['sentences']} sentences ({m['gold']})")
        lines.append(f"  accuracy {m['accuracy']:.3f}   macro-F1 {m['macro_f1']:.3f}")
        for k, row in m["per_class"].items():
            lines.append(
                f"  {k} {row['name']:<22} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            )
        lines.append("  confusion (rows gold 0-4, columns predicted 0-4):")
        for i, row in enumerate(m["confusion"]):
            lines.append(f"    {i}: " + " ".join(f"{v:>4}" for v in row))
    lines.append(f"  ({m['seconds']} s)")
    return "\n".join(lines)
