"""Train the cue classifier (``cue_model.py``) from PolNeAR train: ``make cue-model``.

    python -m newsgraph.quotes.train_cues --gold ../shared/anchors/quotes/polnear/data/train \\
        --out src/newsgraph/data/cue_model.json

Every candidate word (``cue_model.candidates``) of every article is an example, labelled
positive when it lies inside a gold Cue span. The model is a logistic regression trained by
AdaGrad with L2 regularisation, a fixed number of epochs over the examples in a fixed
(seeded) order, so that a rebuild gives the same file. Only train is read; never dev or test.
Weights smaller than ``--prune`` are dropped to keep the file small.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.document import ParsedDocument
from newsgraph.quotes.cue_model import FORMAT, candidates, features
from newsgraph.quotes.cues import CueLexicon, cue_lexicon
from newsgraph.quotes.marks import _scan_marks

logger = logging.getLogger(__name__)

Example = tuple[list[str], int]


def examples(doc: Doc, cue_spans: Sequence[tuple[int, int]], lex: CueLexicon) -> list[Example]:
    """The candidates of one parsed article with their labels (1: inside a gold cue span)."""
    text = doc.text
    quotes, _ = _scan_marks(text, ParsedDocument(text=text, doc=doc).paragraphs)
    quoted = [(q.start, q.end) for q in quotes]
    out: list[Example] = []
    spans = sorted(cue_spans)
    for tok in doc:
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        for cand in candidates(tok):
            label = int(any(a <= tok.idx < b for a, b in spans))
            out.append((features(cand, lex), label))
    return out


def train(data: Sequence[Example], *, epochs: int = 6, rate: float = 0.05, l2: float = 1e-5, seed: int = 13) -> dict[str, float]:
    """Logistic-regression weights by AdaGrad (deterministic for a given ``seed``)."""
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for k in order:
            feats, label = data[k]
            z = sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= math.log(p + 1e-12) if label else math.log(1.0 - p + 1e-12)
            g = p - label
            for f in feats:
                w = weights.get(f, 0.0)
                gf = g + l2 * w
                acc = grad_sq.get(f, 0.0) + gf * gf
                grad_sq[f] = acc
                weights[f] = w - rate * gf / math.sqrt(acc + 1e-8)
        logger.info("epoch %d: mean loss %.4f", epoch + 1, loss / max(1, len(data)))
    return weights


def save(weights: dict[str, float], out: Path, *, threshold: float, prune: float, meta: dict[str, object]) -> None:
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= prune}
    data = {"format": FORMAT, "threshold": threshold, **meta, "n_weights": len(kept), "weights": kept}
    out.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")


def _gold_docs(gold: Path, limit: int | None) -> Iterable[tuple[Doc, list[tuple[int, int]]]]:
    from newsgraph.document import parse
    from newsgraph.evaluation.quotes import load_gold
    from newsgraph.nlp import load_pipeline
    from newsgraph.settings import load_settings

    settings = load_settings(None)
    nlp = load_pipeline(settings.model)
    for art in load_gold(gold, limit):
        parsed = parse(art.text, nlp, published=art.published, settings=settings)
        yield parsed.doc, [span for rel in art.relations for span in rel.cue]


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newsgraph.quotes.train_cues", description=__doc__.split("\n")[0])
    p.add_argument("--gold", required=True, type=Path, help="PolNeAR train split (DIR/text, DIR/attributions)")
    p.add_argument("--out", required=True, type=Path, help="the model file to write (JSON)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--prune", type=float, default=0.01)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    lex = cue_lexicon()
    data: list[Example] = []
    t0 = time.perf_counter()
    n = 0
    for doc, cues in _gold_docs(args.gold, args.limit):
        data.extend(examples(doc, cues, lex))
        n += 1
        if n % 100 == 0:
            logger.info("%d articles parsed, %d examples (%.0f s)", n, len(data), time.perf_counter() - t0)
    positives = sum(label for _, label in data)
    logger.info("%d articles, %d examples, %d positive", n, len(data), positives)
    weights = train(data, epochs=args.epochs)
    meta = {"trained_on": args.gold.name, "articles": n, "examples": len(data), "positives": positives}
    save(weights, args.out, threshold=args.threshold, prune=args.prune, meta=meta)
    logger.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
