"""``newsgraph spark``: the batch analysis on Spark (see ``newsgraph.jobs.spark``)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "spark",
        help="analyse JSON Lines, Parquet or WARC inputs on Spark into Parquet tables",
        description="Run the analysis on Spark: INPUT ... (Hadoop paths, globs, directories) -> "
        "OUTPUT/<table>/month=YYYY-MM/*.parquet, with OUTPUT/failures for records that failed. "
        "Needs pyspark (pip install 'newsgraph[spark]') and Java 17+.",
        epilog="newsgraph spark data/*.jsonl.gz out/ --master local[2]",
    )
    # imported lazily so that `newsgraph --help` does not need pyspark
    from newsgraph.jobs.spark import add_arguments

    add_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsgraph.errors import NewsgraphError

    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise NewsgraphError("pyspark is not installed: pip install 'newsgraph[spark]'") from exc
    from newsgraph.jobs.spark import run_from_args

    return run_from_args(args)
