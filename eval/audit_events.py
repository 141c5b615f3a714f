"""The hand audit of events on whole news articles (PolNeAR dev), as a coder would judge them.

Two audits, both over whole articles rather than single sentences:

1. ``sample``: analyse every PolNeAR dev article (publication dates from its
   metadata), take the reported events (asserted and actual) and draw N of
   them with a fixed seed. The worksheet (JSON lines, written OUTSIDE the
   repository because it quotes the articles) shows each event's sentence,
   type, CAMEO code, trigger, source and target entities with their codes.
   A coder fills ``eval/audit/events_sample.tsv``: one row per event key with
   ``type_ok``, ``source_ok``, ``target_ok`` (1/0) and a short note in the
   coder's own words. ``score-sample`` prints the shares.

2. ``recall``: for a few whole articles, a coder lists every event a coder
   would record (``eval/audit/events_recall.tsv``: article, the character
   offset of the sentence, PLOVER type, source and target actor codes,
   ``-`` for none), reading the article, not newsgraph's output.
   ``score-recall`` reports the share of listed events newsgraph finds: an
   event of that type in that sentence (type), whose sources include the
   listed source code and targets the listed target code (all three).

Keys identify an event by article and trigger offsets, so a judgement
belongs to the code that produced the sample: the TSV header records the
commit. Nothing here reads the test split; the articles' text never enters
the repository.

Usage:
    python eval/audit_events.py sample --gold ../shared/anchors/quotes/polnear/data/dev --n 60 --seed 2026 --out SHEET.jsonl
    python eval/audit_events.py score-sample eval/audit/events_sample.tsv
    python eval/audit_events.py articles --gold ... --stems A B C D E --out SHEET.jsonl
    python eval/audit_events.py score-recall --gold ... eval/audit/events_recall.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterable
from typing import Any

from newsgraph.evaluation.events import actor_code
from newsgraph.evaluation.quotes import load_gold
from newsgraph.records import Analysis, Event

CODES_NONE = ("", "-", "none")


def _analyses(gold: str, stems: Iterable[str] | None = None) -> dict[str, tuple[Analysis, list[tuple[int, int]]]]:
    """Each article's analysis and its sentences (start, end) from the same parse."""
    from newsgraph.document import parse
    from newsgraph.pipeline import Analyzer

    wanted = set(stems) if stems else None
    analyzer = Analyzer()
    out = {}
    for art in load_gold(gold):
        if wanted is not None and art.stem not in wanted:
            continue
        parsed = parse(art.text, analyzer.nlp, settings=analyzer.settings)
        sentences = [(s.start_char, s.end_char) for s in parsed.sentences]
        out[art.stem] = (analyzer(art.text, published=art.published, id=art.stem), sentences)
    return out


def event_key(stem: str, e: Event) -> str:
    return f"{stem}:{e.trigger.start}-{e.trigger.end}"


def _sentence_at(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for a, b in sentences:
        if a <= offset < b:
            return a, b
    return offset, offset + 1


def _actors(a: Analysis, ids: Iterable[str]) -> list[str]:
    by_id = {e.id: e for e in a.entities}
    out = []
    for i in ids:
        ent = by_id.get(i)
        if ent is not None:
            code = ent.actor.code if ent.actor else None
            out.append(f"{ent.name} [{code or '-'} / {actor_code(ent) or '-'}]")
    return out


def _row(stem: str, a: Analysis, sentences: list[tuple[int, int]], e: Event) -> dict[str, Any]:
    start, end = _sentence_at(sentences, e.trigger.start)
    return {
        "key": event_key(stem, e),
        "sentence": a.text[start:end],
        "evidence": e.evidence.text,
        "trigger": e.trigger.text,
        "type": e.type,
        "cameo": e.cameo,
        "source": _actors(a, e.source),
        "target": _actors(a, e.target),
    }


def reported(a: Analysis) -> list[Event]:
    return [e for e in a.events if e.polarity == "asserted" and e.modality == "actual"]


def cmd_sample(args: argparse.Namespace) -> int:
    analyses = _analyses(args.gold)
    pool = [(stem, e) for stem, (a, _) in sorted(analyses.items()) for e in reported(a)]
    rng = random.Random(args.seed)
    picked = rng.sample(pool, min(args.n, len(pool)))
    with open(args.out, "w", encoding="utf-8") as fh:
        for stem, e in picked:
            a, sentences = analyses[stem]
            fh.write(json.dumps(_row(stem, a, sentences, e)) + "\n")
    print(f"{len(pool)} reported events in {len(analyses)} articles; {len(picked)} sampled to {args.out}")
    return 0


def _read_tsv(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def cmd_score_sample(args: argparse.Namespace) -> int:
    rows = _read_tsv(args.judgements)
    n = len(rows)
    if not n:
        print("no judgements", file=sys.stderr)
        return 1

    def share(*cols: str) -> float:
        return sum(all(r[c] == "1" for c in cols) for r in rows) / n

    print(f"{n} sampled events judged")
    for label, cols in (
        ("type right", ("type_ok",)),
        ("source right", ("source_ok",)),
        ("target right", ("target_ok",)),
        ("type, source and target right", ("type_ok", "source_ok", "target_ok")),
    ):
        print(f"  {label:<32} {share(*cols):.2f}")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    analyses = _analyses(args.gold, args.stems)
    with open(args.out, "w", encoding="utf-8") as fh:
        for stem, (a, sentences) in sorted(analyses.items()):
            for start, end in sentences:
                fh.write(json.dumps({"article": stem, "sentence_offset": start, "sentence": a.text[start:end]}) + "\n")
    print(f"wrote {len(analyses)} articles to {args.out} (read them, list events, then score-recall)")
    return 0


def _codes(value: str) -> set[str]:
    return {c.strip() for c in value.split("|") if c.strip() and c.strip() not in CODES_NONE}


def cmd_score_recall(args: argparse.Namespace) -> int:
    rows = _read_tsv(args.listed)
    stems = sorted({r["article"] for r in rows})
    analyses = _analyses(args.gold, stems)
    per: dict[str, list[int]] = {}
    typed = full = 0
    for r in rows:
        a, sentences = analyses[r["article"]]
        start, end = _sentence_at(sentences, int(r["sentence_offset"]))
        by_id = {e.id: e for e in a.entities}
        hits = [e for e in reported(a) if e.type == r["type"] and start <= e.trigger.start < end]
        ok_type = bool(hits)
        want_s, want_t = _codes(r["source"]), _codes(r["target"])
        ok_full = any(
            want_s <= {actor_code(by_id.get(x)) for x in e.source}
            and want_t <= {actor_code(by_id.get(x)) for x in e.target}
            for e in hits
        )
        typed += ok_type
        full += ok_full
        c = per.setdefault(r["article"], [0, 0, 0])
        c[0] += 1
        c[1] += ok_type
        c[2] += ok_full
    print(f"{len(rows)} events listed by the coder in {len(stems)} articles")
    for stem, (n, t, f) in sorted(per.items()):
        print(f"  {stem:<40} listed {n:>3}  type found {t:>3}  type+source+target {f:>3}")
    if rows:
        print(f"  share found: type {typed / len(rows):.2f}, type+source+target {full / len(rows):.2f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("sample")
    p.add_argument("--gold", required=True)
    p.add_argument("--n", type=int, default=60)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_sample)
    p = sub.add_parser("score-sample")
    p.add_argument("judgements")
    p.set_defaults(func=cmd_score_sample)
    p = sub.add_parser("articles")
    p.add_argument("--gold", required=True)
    p.add_argument("--stems", nargs="+", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_articles)
    p = sub.add_parser("score-recall")
    p.add_argument("--gold", required=True)
    p.add_argument("listed")
    p.set_defaults(func=cmd_score_recall)
    args = ap.parse_args()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
