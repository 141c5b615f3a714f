"""Quote attribution against PolNeAR-format gold (placeholder until the scorer lands)."""

from __future__ import annotations

import argparse
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, metavar="DIR")


def run(args: argparse.Namespace) -> dict[str, Any]:
    raise NotImplementedError
