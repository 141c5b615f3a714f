"""The input record and the dispatch from a path to its reader."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as read from an input, before analysis.

    ``source`` names where it came from (``path``, ``path:line``) for error
    messages and the failures table; ``stem`` names its output file.
    """

    text: str
    source: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    stem: str | None = None


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file", source=path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", source=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=path) from exc


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def article_from_record(record: Any, source: str, stem: str | None = None) -> ArticleInput:
    """An article from one JSON object with ``text`` or ``html`` (and optional metadata)."""
    from newsgraph.ingest.html import article_from_html

    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=source)
    meta = {k: record.get(k) for k in ("id", "url", "title", "published", "author")}
    meta = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    if isinstance(record.get("text"), str):
        return ArticleInput(text=record["text"], source=source, stem=meta["id"] or stem, **meta)
    if isinstance(record.get("html"), str):
        art = article_from_html(record["html"], source, **meta)
        return ArticleInput(**{**_fields(art), "stem": meta["id"] or stem})
    raise InputError("record has neither a 'text' nor an 'html' string field", source=source)


def read_jsonl(lines: Iterable[str], path: str, stem: str) -> Iterator[ArticleInput | InputError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON: {exc.msg} at column {exc.colno}", source=source)
            continue
        try:
            yield article_from_record(record, source, stem=f"{stem}-{number}")
        except InputError as exc:
            yield exc


def read_path(path: str) -> Iterator[ArticleInput | InputError]:
    """Read one input path (``-`` for standard input).

    Yields ``InputError`` objects (it does not raise them) for parts that
    cannot be read, so that the rest of the input is still processed.
    """
    from newsgraph.ingest.html import article_from_html
    from newsgraph.ingest.text import decode_bytes

    name = path.lower()
    stem = "stdin" if path == "-" else Path(path).name.split(".")[0] or "article"
    try:
        data = _read_bytes(path)
        if name.endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise InputError(f"corrupt gzip data: {exc}", source=path) from exc
        if name.endswith(JSONL_SUFFIXES):
            text = decode_bytes(data, path)
            yield from read_jsonl(text.splitlines(), path, stem)
            return
        text = decode_bytes(data, path)
        if name.endswith(HTML_SUFFIXES) or (path == "-" or not name.endswith(".txt")) and _looks_like_html(text):
            art = article_from_html(text, path)
            yield ArticleInput(**{**_fields(art), "stem": stem})
            return
        yield ArticleInput(text=text, source=path, stem=stem)
    except InputError as exc:
        yield exc


def _fields(art: ArticleInput) -> dict[str, Any]:
    return {f: getattr(art, f) for f in ArticleInput.__slots__}  # type: ignore[attr-defined]


def read_inputs(paths: Iterable[str]) -> Iterator[ArticleInput | InputError]:
    for path in paths:
        yield from read_path(path)
