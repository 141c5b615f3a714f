"""The ``newsgraph`` command line.

Each subcommand lives in its own module here with ``register(subparsers)``;
``COMMANDS`` lists them. Only this layer configures logging and prints.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from newsgraph import __version__
from newsgraph.errors import NewsgraphError

COMMANDS: tuple[str, ...] = ("analyze", "batch", "spark", "serve", "kb", "evaluate", "settings")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` the parser of that one command.

    Each command module is imported to register its arguments; some import
    heavy libraries (spaCy, FastAPI) at module level, so ``main`` registers
    only the command it runs. ``newsgraph --help`` still lists them all.
    """
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Structured, verifiable records of political communication from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    parser.add_argument("--config", metavar="FILE", help="TOML file of settings (see `newsgraph settings`)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"newsgraph.cli.{name}").register(sub)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word after the global options), if it is one of ours."""
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            # `eval` is registered by the `evaluate` module
            name = "evaluate" if word == "eval" else word
            return name if name in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(argv))
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return int(args.func(args) or 0)
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
