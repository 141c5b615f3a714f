"""``newsgraph settings``: the settings table with current values and where they come from."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from newsgraph.settings import SETTINGS, load_settings


def register(sub: Any) -> None:
    p = sub.add_parser(
        "settings",
        help="list every setting with its default, current value and help",
        description="List the analysis settings. Set them with flags, NEWSGRAPH_<NAME> "
        "environment variables or a TOML file given with --config.",
    )
    p.add_argument("--json", action="store_true", help="print the current values as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    current = load_settings(args.config)
    if args.json:
        print(json.dumps(asdict(current), indent=2))
        return 0
    for s in SETTINGS:
        value = getattr(current, s.name)
        print(f"{s.name} = {value!r}  (default {s.default!r}; env NEWSGRAPH_{s.name.upper()})")
        print(f"    {s.help}")
    return 0
