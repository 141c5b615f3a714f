"""Date normalisation coverage and speed (``newsgraph eval dates --texts DIR``).

There is no date gold in the anchors, so this reports what can be counted on
any directory of article texts (``DIR/*.txt`` or ``DIR/text/*.txt``; the
publication dates from ``--metadata``, a TSV with ``filename`` and
``publication_date`` columns as PolNeAR's ``metadata.tsv``):

* ``spacy_date_coverage``: the share of spaCy ``DATE`` entities that overlap a
  normalised ``DateRef`` (the rest are mostly ages, bare numbers and vague
  phrases like "the day"); ``unresolved`` lists the commonest of the rest.
* ``dates``, ``by_kind``, ``anchored_share``: how many expressions, of which kind,
  and how many got a fully specified calendar value.
* ``quotes_text_dated_share``: the share of quotes dated by a date in the text
  (the rest fall back to the publication date).
* ``flags``: the flags found, by kind.
* ``ms_per_article``: mean time of parsing and of the dates, quote-dating and
  flags stages.

Correctness is checked by the hand-written cases in ``tests/test_dates_*.py``.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

logger = logging.getLogger(__name__)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--texts", required=True, metavar="DIR", help="directory of .txt articles (or DIR/text/*.txt)")
    p.add_argument("--metadata", metavar="TSV", help="publication dates (default: DIR/../metadata.tsv if present)")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N articles")


def _published(meta: Path | None) -> dict[str, date]:
    if meta is None or not meta.exists():
        return {}
    out = {}
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                out[row["filename"]] = date.fromisoformat(row["publication_date"][:10])
            except (KeyError, ValueError):
                continue
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    from newsgraph import dates, entities, flags, quotes
    from newsgraph.document import parse
    from newsgraph.nlp import load_pipeline

    root = Path(args.texts)
    files = sorted((root / "text").glob("*.txt")) or sorted(root.glob("*.txt"))
    if not files:
        raise InputError(f"no .txt files in {root} or {root / 'text'}")
    if args.limit:
        files = files[: args.limit]
    meta = Path(args.metadata) if args.metadata else root / ".." / "metadata.tsv"
    published = _published(meta)
    nlp = load_pipeline()
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    flag_kinds: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    times: Counter[str] = Counter()
    for i, path in enumerate(files, 1):
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        parsed = parse(text, nlp, published=published.get(path.stem))
        t1 = time.perf_counter()
        index = entities.extract_entities(parsed)
        found_quotes, _ = quotes.extract_quotes(parsed, index)
        t2 = time.perf_counter()
        refs = dates.extract_dates(parsed)
        t3 = time.perf_counter()
        dated = dates.date_quotes(parsed, found_quotes, refs)
        t4 = time.perf_counter()
        found_flags = flags.find_flags(parsed, index.entities, dated, dates=refs)
        t5 = time.perf_counter()
        times.update({"parse": t1 - t0, "dates": t3 - t2, "date_quotes": t4 - t3, "flags": t5 - t4})
        counts["dates"] += len(refs)
        counts["anchored"] += sum(r.anchored for r in refs)
        kinds.update(r.kind for r in refs)
        counts["quotes"] += len(dated)
        counts["quotes_text_dated"] += sum(1 for q in dated if q.date is not None and q.date.basis == "text")
        flag_kinds.update(f.kind for f in found_flags)
        for ent in parsed.doc.ents:
            if ent.label_ != "DATE":
                continue
            counts["spacy_date"] += 1
            if any(r.span.start < ent.end_char and ent.start_char < r.span.end for r in refs):
                counts["spacy_date_normalised"] += 1
            else:
                unresolved[ent.text.strip().lower()] += 1
        if i % 10 == 0:
            print(f"\r{i}/{len(files)} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    n = len(files)
    return {
        "articles": n,
        "with_publication_date": sum(1 for f in files if f.stem in published),
        "dates": counts["dates"],
        "by_kind": dict(kinds),
        "anchored_share": counts["anchored"] / counts["dates"] if counts["dates"] else 0.0,
        "spacy_date_entities": counts["spacy_date"],
        "spacy_date_coverage": counts["spacy_date_normalised"] / counts["spacy_date"] if counts["spacy_date"] else 0.0,
        "unresolved": unresolved.most_common(15),
        "quotes": counts["quotes"],
        "quotes_text_dated_share": counts["quotes_text_dated"] / counts["quotes"] if counts["quotes"] else 0.0,
        "flags": dict(flag_kinds),
        "ms_per_article": {k: 1000 * v / n for k, v in times.items()},
    }


def format_report(m: dict[str, Any]) -> str:
    ms = m["ms_per_article"]
    lines = [
        f"articles                 {m['articles']} ({m['with_publication_date']} with a publication date)",
        f"dates                    {m['dates']}  {m['by_kind']}",
        f"anchored                 {m['anchored_share']:.3f}",
        f"spaCy DATE coverage      {m['spacy_date_coverage']:.3f} of {m['spacy_date_entities']}",
        f"quotes dated by text     {m['quotes_text_dated_share']:.3f} of {m['quotes']}",
        f"flags                    {m['flags']}",
        "ms/article               " + "  ".join(f"{k} {v:.1f}" for k, v in ms.items()),
        "commonest unresolved     " + ", ".join(f"{t!r} {c}" for t, c in m["unresolved"][:10]),
    ]
    return "\n".join(lines)
