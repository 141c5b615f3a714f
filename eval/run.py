"""Run every evaluation against the gold data and collect the metrics in one JSON file.

Usage: python eval/run.py --anchors ../shared/anchors --out eval/results.json

Each evaluation is a ``newsgraph eval`` command (the scorers live in
``newsgraph.evaluation``); this script only runs them and flattens their
metrics into ``{"quotes.direct.f1": 0.83, ...}`` for ``eval/gate.py``.
Evaluations whose gold files are absent are skipped (and reported). When
none could run (no gold data at all, as in a checkout without ``../shared``)
nothing is written and the exit code is 2, so that ``make eval`` says so and
``make gate`` fails rather than passing on an empty file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# name -> (gold path under anchors, newsgraph eval arguments)
EVALUATIONS: dict[str, tuple[str, list[str]]] = {
    "quotes": ("quotes/polnear/data/dev", ["quotes", "--gold", "{gold}", "--exact"]),
    "entities": ("quotes/polnear/data/dev", ["entities", "--gold", "{gold}"]),
    "actors": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["actors", "--gold", "{gold}"]),
    "events": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["events", "--gold", "{gold}"]),
    "pentaclass": ("eventcoding/conflibert_cameo/cameo_class/train.tsv", ["events", "--pentaclass", "{gold}"]),
    # the PLOVER records again by halves (even/odd position of the sentence), to report both
    "events_even": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["events", "--gold", "{gold}", "--half", "even"]),
    "events_odd": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["events", "--gold", "{gold}", "--half", "odd"]),
    "actors_even": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["actors", "--gold", "{gold}", "--half", "even"]),
    "actors_odd": ("eventcoding/plover_gsr_cameo/dev.jsonl", ["actors", "--gold", "{gold}", "--half", "odd"]),
    # sentence sets scored by halves: rules are written reading the even half, believed on the odd one
    "plv_even": ("eventcoding/zsp_plv/train.tsv", ["events", "--plv", "{gold}", "--half", "even"]),
    "plv_odd": ("eventcoding/zsp_plv/train.tsv", ["events", "--plv", "{gold}", "--half", "odd"]),
    "case_even": ("eventcoding/case2021_task2/dev.tsv", ["events", "--case", "{gold}", "--half", "even"]),
    "case_odd": ("eventcoding/case2021_task2/dev.tsv", ["events", "--case", "{gold}", "--half", "odd"]),
}


def flatten(prefix: str, value: Any, out: dict[str, float]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(f"{prefix}.{k}", v, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        out[prefix] = float(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--anchors", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*", help="run only these evaluations")
    args = ap.parse_args()
    anchors = Path(args.anchors)
    results: dict[str, float] = {}
    failed = []
    skipped = []
    for name, (rel, argv) in EVALUATIONS.items():
        if args.only and name not in args.only:
            continue
        gold = anchors / rel
        if not gold.exists():
            print(f"eval {name}: skipped, {gold} not found", file=sys.stderr)
            skipped.append(name)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "metrics.json"
            cmd = [sys.executable, "-m", "newsgraph.cli", "eval", *[a.format(gold=gold) for a in argv], "--json", str(out)]
            started = time.monotonic()
            proc = subprocess.run(cmd, text=True)
            took = time.monotonic() - started
            if proc.returncode != 0 or not out.exists():
                print(f"eval {name}: FAILED (exit {proc.returncode})", file=sys.stderr)
                failed.append(name)
                continue
            metrics = json.loads(out.read_text())
        flatten(name, metrics, results)
        results[f"{name}.seconds"] = round(took, 1)
        print(f"eval {name}: done in {took:.0f}s", file=sys.stderr)
    if not results and not failed:
        print(
            f"eval: nothing was scored: no gold data under {anchors} (skipped: {', '.join(skipped) or 'none'}); "
            f"{args.out} not written. The gold data is not part of the repository: put it in "
            "../shared/anchors or pass SHARED=DIR to make.",
            file=sys.stderr,
        )
        return 2
    Path(args.out).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
