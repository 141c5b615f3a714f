"""Speaker coverage of entity resolution against PolNeAR-format gold (``newsgraph eval entities --gold DIR``).

PolNeAR marks the Source of every attribution as the local mention ("he",
"the official", "Mr. Olsen"); it does not link mentions to referents, so this
scores what can be scored without coreference gold:

* ``resolved``: the share of gold Source spans that ``EntityIndex.resolve``
  maps to some entity, overall and by the form of the source: a third-person
  pronoun (he/she/it/they ...), a first/second-person pronoun (I/we/you, the
  quoted speaker's own words, which we do not resolve), a capitalised phrase
  (names, "the Foreign Ministry") and other descriptions ("officials", "the
  spokesman");
* ``pronoun_samples``: resolved third-person pronoun sources with the entity
  they were resolved to and their context, for the manual plausibility check
  (printed with ``--samples N``; never stored in the repository).

Only parse and entities run.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from typing import Any

from newsgraph.evaluation.quotes import load_gold

logger = logging.getLogger(__name__)

_FIRST_SECOND = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"})
KINDS = ("pronoun", "first_second_person", "capitalised", "description")


def source_form(text: str, third_person: frozenset[str]) -> str:
    low = text.strip().lower()
    if low in third_person:
        return "pronoun"
    if low in _FIRST_SECOND:
        return "first_second_person"
    if any(w[:1].isupper() for w in text.split() if w.lower() not in ("the", "a", "an")):
        return "capitalised"
    return "description"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, help="PolNeAR-format split directory (text/ and attributions/)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument(
        "--samples", type=int, default=0, help="print N resolved pronoun sources for a manual check"
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    from newsgraph.document import parse
    from newsgraph.entities import extract_entities, lexicon
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline()
    third = frozenset(lexicon().pronouns)
    articles = load_gold(args.gold, args.limit)
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    samples: list[dict[str, str]] = []
    n_entities = 0
    t0 = time.perf_counter()
    for art in articles:
        parsed = parse(art.text, nlp, published=art.published)
        index = extract_entities(parsed)
        n_entities += len(index.entities)
        for rel in art.relations:
            if not rel.source:
                continue
            start, end = rel.source[0][0], rel.source[-1][1]
            src = art.text[start:end]
            form = source_form(src, third)
            total[form] += 1
            entity = index.resolve(start, end)
            if entity is not None:
                hit[form] += 1
                if form == "pronoun" and args.samples > 0:
                    ctx = art.text[max(0, start - 160) : end + 40].replace("\n", " ")
                    samples.append(
                        {
                            "article": art.stem,
                            "source": src,
                            "entity": entity.name,
                            "kind": entity.kind,
                            "context": ctx,
                        }
                    )
    seconds = time.perf_counter() - t0
    all_total = sum(total.values())
    metrics: dict[str, Any] = {
        "articles": len(articles),
        "entities_per_article": round(n_entities / max(len(articles), 1), 1),
        "sources": all_total,
        "resolved": round(sum(hit.values()) / max(all_total, 1), 3),
        "by_form": {
            k: {"sources": total[k], "resolved": round(hit[k] / total[k], 3) if total[k] else None}
            for k in KINDS
        },
        "seconds": round(seconds, 1),
    }
    if samples:
        # spread the sample evenly over the split rather than taking its first articles
        step = max(len(samples) / args.samples, 1.0)
        metrics["pronoun_samples"] = [samples[int(i * step)] for i in range(min(args.samples, len(samples)))]
    return metrics


def format_report(m: dict[str, Any]) -> str:
    lines = [
        f"articles {m['articles']}, gold sources {m['sources']}, entities/article {m['entities_per_article']}",
        f"sources resolved to an entity: {m['resolved']:.3f}",
    ]
    for k, v in m["by_form"].items():
        r = "-" if v["resolved"] is None else f"{v['resolved']:.3f}"
        lines.append(f"  {k:<20} {v['sources']:>5}  resolved {r}")
    for s in m.get("pronoun_samples", []):
        lines.append(
            f"  [{s['article']}] {s['source']!r} -> {s['entity']} ({s['kind']}) | ...{s['context']}..."
        )
    lines.append(f"({m['seconds']} s)")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: newsgraph eval entities --gold DIR")
