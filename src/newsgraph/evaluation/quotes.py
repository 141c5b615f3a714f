"""Quote attribution against PolNeAR-format gold (``newsgraph eval quotes --gold DIR``).

Gold: ``DIR/text/<stem>.txt`` and ``DIR/attributions/<stem>_<annotator>.ann``
(brat standoff; the first annotator file in sorted order is used). A gold
relation is ``E Attribution:T Content:T Cue:T [Source:T]``; spans may be
discontiguous (``T9 Content 10 20;30 40``).

The rule:

* Predicted quotes and gold relations are paired one-to-one by content
  overlap: the F1 of the two sets of non-space character offsets must be at
  least 0.5. Pairing is greedy: all candidate pairs are sorted by overlap F1
  (best first, ties by text order) and taken while both sides are free.
* ``all``: content precision/recall/F1 over every gold relation (direct,
  indirect, mixed, beliefs) and every predicted quote.
* ``direct``: gold relations whose content contains a double quotation mark
  (``"`` ``“`` ``”`` ``„`` ``«`` ``»`` or the `````` / ``''`` pairs) against
  predicted quotes of kind ``direct`` or ``mixed`` (a mixed quote carries a
  quoted fragment, as do the gold contents of this subset); paired separately
  with the same rule.
* ``speaker_accuracy`` / ``cue_accuracy``: over the pairs of the same rule with
  one preference added: a pair whose cues share a character goes before any pair
  whose cues do not (then by overlap F1). Of two gold relations whose contents
  both overlap a prediction enough, the one of the prediction's cue is its
  attribution: "X said he was a critic of the plan, which he argued ..." has a
  "said" and an "argued" relation, and a "said" prediction whose content runs
  to the end of the sentence is judged against "said" even when its content
  overlaps "argued" more. Content overlap still decides which pairs are
  possible, so no pair is made that content alone would not allow (PolNeAR
  train half a: 7,121 pairs against 7,120 by content). Correct when the predicted speaker
  mention (cue) overlaps the gold Source (Cue) span. A gold relation without a
  Source (or Cue) counts as correct only when the prediction has no speaker
  mention (cue) either. ``speaker_accuracy_by_content`` (reported, not gated)
  is the speaker accuracy over the content pairs alone, as scored before.
* ``speaker_entity_accuracy`` (reported, not gated): as ``speaker_accuracy``, but a pair is
  also correct when the predicted speaker *entity* has some mention (anywhere in the
  article) overlapping the gold Source: "he said" resolved to Vasilescu counts when the
  annotator marked "Vasilescu" two sentences up. It measures who is credited, whatever
  mention the annotator picked; ``speaker_accuracy`` stays the strict, gated number.

A quote nested within another's content (``Quote.within``: "X said he believes Y" gives the
statement and, within it, the belief) is left out of every score: PolNeAR annotates the
outermost attribution only (its guidelines, "No nested attributions"; none of the 19,832
relations of train is nested).

Only the stages quotes depend on run (parse, entities, quotes), so that a
failure in a later stage cannot change these numbers.
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.evaluation.quotes_exact import ExactScores, Segmentation
from newsgraph.evaluation.scoring import PRF, Accuracy
from newsgraph.records import Quote

if TYPE_CHECKING:  # newsgraph.entities imports spaCy, which `newsgraph --help` should not load
    from newsgraph.entities import EntityIndex

logger = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]

#: characters whose presence makes a gold content a "direct" quote
_QUOTE_MARK = re.compile(r"[\"“”„«»]|``|''")

MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class GoldRelation:
    content: Spans
    source: Spans = ()
    cue: Spans = ()


@dataclass(frozen=True)
class GoldArticle:
    stem: str
    text: str
    relations: tuple[GoldRelation, ...]
    published: date | None = None


def _parse_spans(raw: str) -> Spans:
    out = []
    for part in raw.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(path: Path) -> list[GoldRelation]:
    """The attribution relations of one brat ``.ann`` file (relations without Content are skipped)."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        try:
            if cols[0].startswith("T"):
                label, _, offsets = cols[1].partition(" ")
                spans[cols[0]] = (label, _parse_spans(offsets))
            elif cols[0].startswith("E"):
                events.append(dict(arg.split(":", 1) for arg in cols[1].split()))
        except ValueError as exc:
            raise InputError(f"malformed line {n}: {line!r}", source=str(path)) from exc

    def get(ev: dict[str, str], role: str) -> Spans:
        tid = ev.get(role)
        return spans[tid][1] if tid in spans else ()

    relations = []
    for ev in events:
        content = get(ev, "Content")
        if content:
            relations.append(GoldRelation(content, get(ev, "Source"), get(ev, "Cue")))
    return relations


def _read_dates(meta: Path) -> dict[str, date]:
    if not meta.is_file():
        return {}
    out = {}
    with meta.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                out[row["filename"]] = date.fromisoformat(row["publication_date"][:10])
            except (KeyError, ValueError, TypeError):
                continue
    return out


def load_gold(gold_dir: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """Read a PolNeAR-format split: one article per text, its first annotator file in sorted order."""
    root = Path(gold_dir)
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputError("expected text/ and attributions/ subdirectories", source=str(root))
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        first.setdefault(stem, ann)
    dates = _read_dates(root.parent / "metadata.tsv")
    articles = []
    for stem in sorted(first):
        txt = root / "text" / f"{stem}.txt"
        if not txt.is_file():
            logger.warning("no text for %s", stem)
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(GoldArticle(stem, text, tuple(read_ann(first[stem])), dates.get(stem)))
        if limit and len(articles) >= limit:
            break
    return articles


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in spans for i in range(a, min(b, len(text))) if not text[i].isspace())


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))


def pair(
    pred: Sequence[frozenset[int]],
    gold: Sequence[frozenset[int]],
    pred_cues: Sequence[frozenset[int]] | None = None,
    gold_cues: Sequence[frozenset[int]] | None = None,
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing by content overlap F1 (>= ``MIN_OVERLAP``), best first.

    With the cues of both sides (``pred_cues``, ``gold_cues``: non-space character offsets),
    a pair whose cues share a character goes before any pair whose cues do not, then by
    overlap F1: of two gold relations whose contents both overlap a prediction enough, the
    one of the same cue is the same attribution. Without them, content overlap alone.
    """
    candidates = []
    for i, p in enumerate(pred):
        if not p:
            continue
        lo, hi = min(p), max(p)
        for j, g in enumerate(gold):
            if not g or max(g) < lo or min(g) > hi:
                continue
            f = overlap_f1(p, g)
            if f >= MIN_OVERLAP:
                same = pred_cues is not None and gold_cues is not None and bool(pred_cues[i] & gold_cues[j])
                candidates.append((not same, -f, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def gold_elements(relations: Sequence[GoldRelation]) -> dict[str, list[tuple[int, int]]]:
    """Every part of every gold Source, Cue and Content span, by element."""
    out: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
    for r in relations:
        out["source"].extend(r.source)
        out["cue"].extend(r.cue)
        out["content"].extend(r.content)
    return out


def is_direct_gold(text: str, rel: GoldRelation) -> bool:
    return any(_QUOTE_MARK.search(text[a:b]) for a, b in rel.content)


def _entity_overlaps(index: EntityIndex, entity_id: str | None, spans: Spans) -> bool:
    """True when some mention of entity ``entity_id`` overlaps one of ``spans``."""
    entity = index.get(entity_id) if entity_id else None
    if entity is None or not spans:
        return False
    return any(_overlaps((mn.start, mn.end), spans) for mn in entity.mentions)


def _overlaps(span: tuple[int, int] | None, spans: Spans) -> bool:
    if span is None:
        return False
    return any(span[0] < b and a < span[1] for a, b in spans)


def _speaker_right(q: Quote, g: GoldRelation) -> bool:
    """The prediction's speaker mention overlaps the gold Source (no mention when there is none)."""
    mention = q.speaker.mention
    m = None if mention is None else (mention.start, mention.end)
    return _overlaps(m, g.source) if g.source else m is None


@dataclass
class QuoteScores:
    all: PRF = field(default_factory=PRF)
    direct: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    speaker_entity: Accuracy = field(default_factory=Accuracy)
    cue: Accuracy = field(default_factory=Accuracy)
    speaker_by_content: Accuracy = field(default_factory=Accuracy)
    articles: int = 0

    def add(
        self,
        text: str,
        gold: Sequence[GoldRelation],
        quotes: Sequence[Quote],
        index: EntityIndex | None = None,
    ) -> None:
        self.articles += 1
        quotes = [q for q in quotes if q.within is None]  # PolNeAR annotates no nested relation
        pred_sets = [_chars(text, ((s.start, s.end) for s in q.content)) for q in quotes]
        gold_sets = [_chars(text, g.content) for g in gold]
        # content scores pair by content alone; the speaker and cue of a prediction are judged
        # against the gold relation of its own cue when that one's content overlaps enough too
        pairs = pair(pred_sets, gold_sets)
        self.all.tp += len(pairs)
        self.all.fp += len(quotes) - len(pairs)
        self.all.fn += len(gold) - len(pairs)
        for i, j in pairs:
            self.speaker_by_content.add(_speaker_right(quotes[i], gold[j]))
        pred_cues = [
            frozenset() if q.cue is None else _chars(text, [(q.cue.start, q.cue.end)]) for q in quotes
        ]
        gold_cues = [_chars(text, g.cue) for g in gold]
        for i, j in pair(pred_sets, gold_sets, pred_cues, gold_cues):
            q, g = quotes[i], gold[j]
            strict = _speaker_right(q, g)
            self.speaker.add(strict)
            if index is not None:
                self.speaker_entity.add(strict or _entity_overlaps(index, q.speaker.entity, g.source))
            c = None if q.cue is None else (q.cue.start, q.cue.end)
            self.cue.add(_overlaps(c, g.cue) if g.cue else c is None)
        d_pred = [k for k, q in enumerate(quotes) if q.kind in ("direct", "mixed")]
        d_gold = [k for k, g in enumerate(gold) if is_direct_gold(text, g)]
        d_pairs = pair([pred_sets[k] for k in d_pred], [gold_sets[k] for k in d_gold])
        self.direct.tp += len(d_pairs)
        self.direct.fp += len(d_pred) - len(d_pairs)
        self.direct.fn += len(d_gold) - len(d_pairs)

    def as_dict(self) -> dict[str, Any]:
        out = {
            "articles": self.articles,
            "direct": self.direct.as_dict(),
            "all": self.all.as_dict(),
            "speaker_accuracy": round(self.speaker.value, 4),
            "speaker_pairs": self.speaker.total,
            "cue_accuracy": round(self.cue.value, 4),
            "speaker_accuracy_by_content": round(self.speaker_by_content.value, 4),
            "cue_pairs": self.cue.total,
        }
        if self.speaker_entity.total:
            out["speaker_entity_accuracy"] = round(self.speaker_entity.value, 4)
        return out


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--gold", required=True, metavar="DIR", help="PolNeAR-format split: DIR/text, DIR/attributions"
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N articles")
    p.add_argument("--model", default=None, help="spaCy pipeline to use (default: the configured one)")
    p.add_argument(
        "--exact",
        action="store_true",
        help="also score source, cue and content spans by exact token match, sentence by sentence",
    )


def evaluate(articles: Sequence[GoldArticle], extract: Any, *, progress: bool = False) -> dict[str, Any]:
    """Score ``extract(text, published)`` over ``articles``.

    ``extract`` returns the quotes, or ``(quotes, EntityIndex)``, or
    ``(quotes, EntityIndex, spaCy Doc)``. With the entity index,
    ``speaker_entity_accuracy`` is reported too; with the Doc, the exact-span
    scores (``exact``, see ``quotes_exact``).
    """
    scores = QuoteScores()
    exact = ExactScores()
    with_exact = False
    t0 = time.perf_counter()
    for n, art in enumerate(articles, 1):
        found = extract(art.text, art.published)
        if not isinstance(found, tuple):
            found = (found,)
        quotes, index, doc = (tuple(found) + (None, None))[:3]
        scores.add(art.text, art.relations, quotes, index)
        if doc is not None:
            with_exact = True
            exact.add(Segmentation.of_doc(doc), gold_elements(art.relations), quotes)
        if progress:
            print(f"\r[eval quotes] {n}/{len(articles)} articles", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    metrics = scores.as_dict()
    if with_exact:
        metrics["exact"] = exact.as_dict()
    metrics["seconds"] = round(time.perf_counter() - t0, 2)
    return metrics


def run(args: argparse.Namespace) -> dict[str, Any]:
    from newsgraph.document import parse
    from newsgraph.entities import extract_entities
    from newsgraph.nlp import load_pipeline
    from newsgraph.quotes import extract_quotes
    from newsgraph.settings import load_settings

    settings = load_settings(getattr(args, "config", None), model=args.model)
    nlp = load_pipeline(settings.model)
    articles = load_gold(args.gold, args.limit)

    def extract(text: str, published: date | None) -> tuple[Any, ...]:
        parsed = parse(text, nlp, published=published, settings=settings)
        index = extract_entities(parsed)
        found, _ = extract_quotes(parsed, index)
        return (found, index, parsed.doc) if args.exact else (found, index)

    metrics = evaluate(articles, extract, progress=True)
    metrics["gold"] = str(args.gold)
    return metrics


def format_report(m: dict[str, Any]) -> str:
    lines = [f"quote attribution on {m['articles']} articles ({m.get('gold', '')})"]
    lines.append(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'fp':>7}{'fn':>7}")
    for key in ("direct", "all"):
        s = m[key]
        lines.append(
            f"{key:10}{s['precision']:8.3f}{s['recall']:8.3f}{s['f1']:8.3f}{s['tp']:7.0f}{s['fp']:7.0f}{s['fn']:7.0f}"
        )
    lines.append(f"speaker accuracy {m['speaker_accuracy']:.3f} on {m['speaker_pairs']} pairs")
    if "speaker_accuracy_by_content" in m:
        lines.append(
            f"speaker accuracy by content pairs {m['speaker_accuracy_by_content']:.3f} (not gated: "
            "pairs made without the cue preference)"
        )
    if "speaker_entity_accuracy" in m:
        lines.append(
            f"speaker entity accuracy {m['speaker_entity_accuracy']:.3f} (not gated: the entity "
            "has a mention on the gold Source)"
        )
    lines.append(f"cue accuracy     {m['cue_accuracy']:.3f} on {m['cue_pairs']} pairs")
    if "exact" in m:
        lines.append("exact spans, sentence by sentence:")
        for key, s in m["exact"].items():
            lines.append(
                f"  {key:8}{s['precision']:8.3f}{s['recall']:8.3f}{s['f1']:8.3f}{s['tp']:7.0f}{s['fp']:7.0f}{s['fn']:7.0f}"
            )
    return "\n".join(lines)
