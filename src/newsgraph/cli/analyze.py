"""``newsgraph analyze``: one or more articles to ``newsgraph/1`` JSON documents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.ingest import ArticleInput, read_inputs
from newsgraph.records import Analysis
from newsgraph.render import render_text
from newsgraph.settings import add_setting_flags, load_settings, setting_flags

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer


def register(sub: Any) -> None:
    p = sub.add_parser(
        "analyze",
        help="analyse articles (text, HTML, JSON Lines, - for stdin)",
        description="Analyse articles and write one newsgraph/1 JSON document per article.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .txt, .html or .jsonl file, or - for stdin")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUTDIR",
        help="write OUTDIR/<name>.json per article: the file name without its input suffix (a.1.txt -> a.1.json), "
        "for JSON Lines and CSV the record's id, else <file>-<line>; two inputs with the same name are an error",
    )
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (overrides the input's)")
    p.add_argument("--format", choices=("json", "text"), default="json", help="json (default) or a readable view")
    add_setting_flags(p)
    p.set_defaults(func=run)


def _file_name(stem: str) -> str:
    """``<stem>.json`` with characters that are unsafe in a file name replaced by ``_``."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).strip("._")
    return f"{cleaned or 'article'}.json"


def _collides(target: Path, source: str, written: dict[Path, str]) -> bool:
    """Report (and return True) when ``target`` was already written for another input in this run."""
    other = written.get(target)
    if other is None:
        return False
    print(
        f"newsgraph: error: {source}: its output {target} was already written for {other}; "
        "not overwritten (rename one of the inputs, or give JSON Lines records distinct ids)",
        file=sys.stderr,
    )
    return True


def run(args: argparse.Namespace) -> int:
    # Imported here: the other commands need not load spaCy to parse their arguments.
    from newsgraph.pipeline import Analyzer, parse_published

    if args.published:
        parse_published(args.published)  # fail early on a bad flag
    settings = load_settings(args.config, **setting_flags(args))
    analyzer: Analyzer | None = None
    outdir = Path(args.output) if args.output else None
    if outdir:
        outdir.mkdir(parents=True, exist_ok=True)
    errors = 0
    # output file -> the input written there in this run: a second input with
    # the same name is refused rather than silently overwriting the first
    written: dict[Path, str] = {}
    results: list[Analysis] = []
    for item in read_inputs(args.paths):
        if isinstance(item, InputError):
            errors += 1
            print(f"newsgraph: error: {item}", file=sys.stderr)
            continue
        if outdir and item.stem and _collides(outdir / _file_name(item.stem), item.source, written):
            errors += 1
            continue
        analyzer = analyzer or Analyzer(settings)
        try:
            result = _analyze_one(analyzer, item, args.published)
        except InputError as exc:
            errors += 1
            print(f"newsgraph: error: {item.source}: {exc.message}", file=sys.stderr)
            continue
        if outdir:
            target = outdir / _file_name(item.stem or result.id)
            if _collides(target, item.source, written):
                errors += 1
                continue
            target.write_text(_dump(result, args.format, pretty=True), encoding="utf-8")
            written[target] = item.source
        else:
            results.append(result)
    if outdir:
        print(f"newsgraph: wrote {len(written)} document(s) to {outdir}", file=sys.stderr)
    else:
        # One document: pretty JSON. Several: JSON Lines, one document per line.
        for result in results:
            sys.stdout.write(_dump(result, args.format, pretty=len(results) == 1))
    return 2 if errors else 0


def _analyze_one(analyzer: Analyzer, item: ArticleInput, published: str | None) -> Analysis:
    return analyzer(
        item.text,
        published=published or item.published,
        title=item.title,
        url=item.url,
        id=item.id,
        author=item.author,
        warnings=item.warnings,
    )


def _dump(result: Analysis, fmt: str, *, pretty: bool) -> str:
    if fmt == "text":
        return render_text(result) + "\n"
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if pretty else None) + "\n"
