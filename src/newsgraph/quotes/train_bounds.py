"""Train the content-end model (``bounds.py``) from PolNeAR train: ``make bound-model``.

    python -m newsgraph.quotes.train_bounds --gold ../shared/anchors/quotes/polnear/data/train \\
        --out src/newsgraph/data/bound_model.json

The quote steps run on every article with the model off (``extract_quotes(..., bounds=False)``);
each indirect record paired with a gold relation (the evaluation's pairing: one-to-one by
content overlap) gives one example per candidate end of its last content span
(``bounds.end_candidates``), labelled positive when it is where the paired gold content ends.
Records whose gold end is none of the candidates are left out. The same logistic regression
and AdaGrad schedule as the cue classifier (``train_cues.train``), deterministic, so a rebuild
gives the same file. Only train is read; never dev or test.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from newsgraph.document import ParsedDocument
from newsgraph.entities import EntityIndex, extract_entities
from newsgraph.quotes.bounds import FORMAT, KINDS, end_candidates, start_candidates
from newsgraph.quotes.context import _build_ctx
from newsgraph.quotes.extract import extract_quotes
from newsgraph.quotes.train_cues import Example

logger = logging.getLogger(__name__)


Group = list[Example]


def examples(parsed: ParsedDocument, index: EntityIndex, gold: Sequence[object]) -> list[Group]:
    """The candidate ends of one article's indirect records with their labels; ``gold`` the
    article's ``evaluation.quotes.GoldRelation``s."""
    from newsgraph.evaluation.quotes import _chars, pair

    text = parsed.text
    quotes = [q for q in extract_quotes(parsed, index, bounds=False)[0] if q.within is None]
    preds = [_chars(text, ((s.start, s.end) for s in q.content)) for q in quotes]
    golds = [_chars(text, g.content) for g in gold]  # type: ignore[attr-defined]
    ctx = _build_ctx(parsed, index)
    out: list[Group] = []
    for i, j in pair(preds, golds):
        q = quotes[i]
        if q.kind not in KINDS or q.cue is None:
            continue
        last = q.content[-1]
        start, end = ctx.tok_at(last.start), ctx.tok_at(last.end)
        if end > len(ctx.doc) or end <= start or ctx.quoted[end - 1] >= 0:
            continue
        parts = [(a, b) for a, b in gold[j].content if a < last.end and last.start < b]  # type: ignore[attr-defined]
        if not parts:
            continue
        cue = (q.cue.start, q.cue.end)
        gold_end = ctx.tok_at(max(b for _, b in parts))
        cands = end_candidates(ctx, start, end, cue)
        if len(cands) >= 2 and any(c.tok == gold_end for c in cands):
            out.append([(c.feats, int(c.tok == gold_end)) for c in cands])
        first = q.content[0]
        start, end = ctx.tok_at(first.start), ctx.tok_at(first.end)
        parts = [(a, b) for a, b in gold[j].content if a < first.end and first.start < b]  # type: ignore[attr-defined]
        if not parts or ctx.quoted[start] >= 0:
            continue
        gold_start = ctx.tok_at(min(a for a, _ in parts))
        cands = start_candidates(ctx, start, end, cue)
        if len(cands) >= 2 and any(c.tok == gold_start for c in cands):
            out.append([(c.feats, int(c.tok == gold_start)) for c in cands])
    return out


def train_groups(
    data: Sequence[Group], *, epochs: int = 6, rate: float = 0.05, l2: float = 1e-5, seed: int = 13
) -> dict[str, float]:
    """Conditional-logit weights (a softmax over each group's candidates, one of them right), by
    AdaGrad over the groups in a seeded order: deterministic for a given ``seed``."""
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for k in order:
            group = data[k]
            zs = [sum(weights.get(f, 0.0) for f in feats) for feats, _ in group]
            top = max(zs)
            exps = [math.exp(z - top) for z in zs]
            total = sum(exps)
            grads: dict[str, float] = {}
            for (feats, label), e in zip(group, exps, strict=True):
                p = e / total
                if label:
                    loss -= math.log(p + 1e-12)
                for f in feats:
                    grads[f] = grads.get(f, 0.0) + p - label
            for f, g in grads.items():
                w = weights.get(f, 0.0)
                gf = g + l2 * w
                acc = grad_sq.get(f, 0.0) + gf * gf
                grad_sq[f] = acc
                weights[f] = w - rate * gf / math.sqrt(acc + 1e-8)
        logger.info("epoch %d: mean loss %.4f", epoch + 1, loss / max(1, len(data)))
    return weights


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newsgraph.quotes.train_bounds", description=__doc__.split("\n")[0])
    p.add_argument("--gold", required=True, type=Path, help="PolNeAR train split (DIR/text, DIR/attributions)")
    p.add_argument("--out", required=True, type=Path, help="the model file to write (JSON)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--prune", type=float, default=0.01)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from newsgraph.document import parse
    from newsgraph.evaluation.quotes import load_gold
    from newsgraph.nlp import load_pipeline
    from newsgraph.settings import load_settings

    settings = load_settings(None)
    nlp = load_pipeline(settings.model)
    data: list[Group] = []
    t0 = time.perf_counter()
    n = 0
    for art in load_gold(args.gold, args.limit):
        parsed = parse(art.text, nlp, published=art.published, settings=settings)
        data.extend(examples(parsed, extract_entities(parsed), art.relations))
        n += 1
        if n % 100 == 0:
            logger.info("%d articles, %d examples (%.0f s)", n, len(data), time.perf_counter() - t0)
    moved = sum(1 for g in data if not any(label for feats, label in g if "d=cur" in feats or "S:d=cur" in feats))
    logger.info("%d articles, %d contents, %d of them ending elsewhere", n, len(data), moved)
    weights = train_groups(data, epochs=args.epochs)
    meta = {"trained_on": args.gold.name, "articles": n, "contents": len(data), "moved": moved}
    save(weights, args.out, prune=args.prune, meta=meta)
    logger.info("wrote %s", args.out)
    return 0


def save(weights: dict[str, float], out: Path, *, prune: float, meta: dict[str, object]) -> None:
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= prune}
    data = {"format": FORMAT, **meta, "n_weights": len(kept), "weights": kept}
    out.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
