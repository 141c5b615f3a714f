"""``newsgraph batch``: many articles into a SQLite store (and optionally Parquet), resumable."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, StorageError
from newsgraph.settings import add_setting_flags, load_settings, setting_flags


def register(sub: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="analyse many articles into a SQLite database (resumable, crash-safe)",
        description=(
            "Analyse every article of the inputs (directories of .txt/.html files, JSON Lines, "
            "CSV, WARC; plain or .gz) into a SQLite database, with N worker processes. "
            "Re-running the same command skips the stored articles and retries failed inputs; "
            "a run killed at any moment resumes where it stopped."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a directory, .txt, .html, .jsonl[.gz], .csv[.gz] or .warc[.gz]")
    p.add_argument("--db", default="newsgraph.db", metavar="FILE", help="SQLite database to create or resume (default: newsgraph.db)")
    p.add_argument(
        "--parquet",
        metavar="DIR",
        help="also export every table to Parquet under DIR (partitioned by month; failures, which have no "
        "month, as one unpartitioned table)",
    )
    p.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default 1; 0: one per CPU)")
    p.add_argument(
        "--published-field",
        default="published",
        metavar="NAME",
        help="JSON Lines/CSV field holding the publication date (default: published)",
    )
    p.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines/CSV field holding the text (default: text)")
    add_setting_flags(p, help={"max_chars": "record articles above this many characters as failures (0: no limit)"})
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--summary-json", metavar="FILE", help="write the run's summary (counts, timings, rates) as JSON to FILE")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failure and exit 1")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsgraph.jobs.batch import run_batch

    summary_path = Path(args.summary_json) if args.summary_json else None
    if summary_path is not None and not summary_path.parent.is_dir():
        # checked before the run, not after hours of it
        raise InputError(f"--summary-json {args.summary_json}: directory {summary_path.parent} does not exist")
    settings = load_settings(args.config, **setting_flags(args))
    summary = run_batch(
        args.inputs,
        args.db,
        workers=args.workers,
        parquet=args.parquet,
        published_field=args.published_field,
        text_field=args.text_field,
        fail_fast=args.fail_fast,
        settings=settings,
        progress=not args.quiet,
    )
    if summary_path is not None:
        try:
            summary_path.write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise StorageError(f"--summary-json {args.summary_json}: cannot write ({exc.strerror})") from exc
    if not args.quiet:
        print(summary.describe(), file=sys.stderr)
        if summary.failed:
            print(f"failures are listed in the 'failures' table of {args.db}", file=sys.stderr)
    return summary.exit_code(args.fail_fast)
