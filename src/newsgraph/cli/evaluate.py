"""``newsgraph eval KIND``: score newsgraph against gold data.

Each kind's scorer is ``newsgraph.evaluation.<kind>`` with ``add_arguments(parser)``
and ``run(args) -> dict`` (the metrics); the CLI prints a table, or JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

KINDS: tuple[str, ...] = ("quotes", "entities", "actors", "events", "dates")


def register(sub: Any) -> None:
    p = sub.add_parser("eval", help="score newsgraph against gold data", description=__doc__)
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in KINDS:
        module = importlib.import_module(f"newsgraph.evaluation.{kind}")
        kp = kinds.add_parser(kind, help=(module.__doc__ or "").strip().splitlines()[0])
        module.add_arguments(kp)
        kp.add_argument("--json", metavar="FILE", help="also write the metrics as JSON to FILE (- for stdout)")
        kp.set_defaults(func=_runner(module))


def _runner(module: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        metrics: dict[str, Any] = module.run(args)
        if args.json == "-":
            print(json.dumps(metrics, indent=2))
        else:
            print(module.format_report(metrics) if hasattr(module, "format_report") else json.dumps(metrics, indent=2))
            if args.json:
                Path(args.json).write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
        sys.stdout.flush()
        return 0

    return run
