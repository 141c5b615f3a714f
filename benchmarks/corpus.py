"""Benchmark corpora, built at bench time from the PolNeAR texts in the shared anchors.

The texts are copyrighted news (research use only): they are read from
``--anchors`` and written to a temporary directory for the run, never into
the repository.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

POLNEAR = Path("quotes/polnear/data")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: str | None
    title: str | None


def _metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def polnear_articles(anchors: Path, splits: tuple[str, ...]) -> list[Article]:
    """The PolNeAR articles of ``splits`` (``train``, ``dev``), in a stable order.

    Never pass ``test``: the held-out split is not for development.
    """
    if "test" in splits:
        raise ValueError("the PolNeAR test split is held out")
    root = anchors / POLNEAR
    meta = _metadata(root)
    out: list[Article] = []
    for split in splits:
        folder = root / split / "text"
        if not folder.is_dir():
            raise FileNotFoundError(f"PolNeAR texts not found: {folder}")
        for path in sorted(folder.glob("*.txt")):
            row = meta.get(path.stem, {})
            published = row.get("publication_date") or None
            out.append(
                Article(
                    id=f"{split}-{path.stem}"[:64],
                    text=path.read_text(encoding="utf-8"),
                    published=published if published and published != "None" else None,
                    title=row.get("title") or None,
                )
            )
    return out


def interleave(articles: list[Article], n: int) -> list[Article]:
    """``n`` articles spread evenly over ``articles`` (all publishers and dates, not the first n)."""
    if n >= len(articles):
        return list(articles)
    step = len(articles) / n
    return [articles[int(i * step)] for i in range(n)]


def write_jsonl(articles: list[Article], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            record = {"id": a.id, "text": a.text, "published": a.published, "title": a.title}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: Path) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(Article(d["id"], d["text"], d.get("published"), d.get("title")))
    return out
