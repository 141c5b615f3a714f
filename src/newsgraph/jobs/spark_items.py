"""Input records of the Spark job as plain items: JSON Lines lines, gzip files, WARC records; failures as items."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.base import ArticleInput, json_error

if TYPE_CHECKING:  # pragma: no cover

    pass

logger = logging.getLogger(__name__)

INPUT_FORMATS: tuple[str, ...] = ("auto", "jsonl", "parquet", "warc")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".json.gz", "jsonl"),
    (".parquet", "parquet"),
    (".warc", "warc"), (".warc.gz", "warc"),
)
#: Record fields read from every input format.
FIELDS: tuple[str, ...] = ("id", "text", "html", "url", "title", "published", "author")



# These run on the executors. An item is a plain dict (cheap to pickle):
# an article {"id", "source", "text", "url", "title", "published", "author"}
# or a failure {"failure": True, "source", "article_id", "error_type", "message"}.


def _failure(source: str, exc: BaseException, article_id: str | None = None) -> dict[str, Any]:
    message = exc.message if isinstance(exc, NewsgraphError) else str(exc)
    if not isinstance(exc, NewsgraphError):
        # a bug, not bad input: keep where it happened
        frames = traceback.extract_tb(exc.__traceback__)
        if frames:
            last = frames[-1]
            message = f"{message} ({os.path.basename(last.filename)}:{last.lineno})"
    return {
        "failure": True,
        "source": source,
        "article_id": article_id,
        "error_type": type(exc).__name__,
        "message": message or type(exc).__name__,
    }


def _plain(value: Any) -> Any:
    """A field value as JSON Lines would give it (dates from Parquet as ISO strings)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _article_item(art: ArticleInput, order: tuple[str, int]) -> dict[str, Any]:
    """An item from an ``ArticleInput`` (its HTML extracted now: on the executor)."""
    from newsgraph.ids import article_id
    from newsgraph.ingest.base import resolve

    try:
        art = resolve(art)
        return {
            "id": art.id or article_id(art.text),
            "source": art.source,
            "text": art.text,
            "url": art.url,
            "title": art.title,
            "published": art.published,
            "author": art.author,
            "warnings": list(art.warnings),
            "order": (*order, art.source),
        }
    except Exception as exc:  # one bad record never stops the job
        return _failure(art.source, exc, art.id)


def record_to_item(
    record: Any, source: str, published_field: str = "published", order: tuple[str, int] | None = None
) -> dict[str, Any]:
    """One input record (a JSON object or a Parquet row as a dict) to an article item or a failure.

    ``order`` (file, offset) decides which copy of a repeated article id is kept: the first.
    """
    from newsgraph.ingest.base import article_from_record

    if isinstance(record, dict):
        record = {k: _plain(v) for k, v in record.items()}
    try:
        art = article_from_record(record, source, published_field=published_field, defer_html=True)
    except Exception as exc:
        given = record.get("id") if isinstance(record, dict) else None
        return _failure(source, exc, str(given) if given is not None else None)
    return _article_item(art, order or (source, 0))


def _from_reader(
    items: Iterable[ArticleInput | InputError], path: str, display: str, order_of: Callable[[str], int]
) -> Iterator[dict[str, Any]]:
    """Items from one of ``newsgraph.ingest``'s readers run on a local copy ``path`` of ``display``."""
    for x in items:
        if isinstance(x, InputError):
            source = (x.source or path).replace(path, display, 1)
            yield _failure(source, x)
            continue
        x = replace(x, source=x.source.replace(path, display, 1))
        yield _article_item(x, (display, order_of(x.source)))


def _position(source: str) -> int:
    """The line or offset at the end of a ``path:line`` / ``path@offset`` location."""
    tail = source.rsplit("@", 1)[-1].rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def jsonl_line_item(path: str, number: int, line: str, published_field: str) -> list[dict[str, Any]]:
    """Line ``number`` (from 1) of a plain JSON Lines file to zero or one item (location ``path:number``)."""
    if not line.strip():
        return []
    path = _display(path)
    source = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return [_failure(source, InputError(json_error(exc)))]
    return [record_to_item(record, source, published_field, (path, number))]


def jsonl_gz_items(
    path: str, data: bytes, published_field: str, shown: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """The items of a gzipped JSON Lines file (``path:line``); a corrupt stream ends it with a failure row."""
    from newsgraph.ingest.base import read_jsonl

    display = _display(path, shown)
    stem = display.rsplit("/", 1)[-1].split(".")[0]
    lines = gzip.GzipFile(fileobj=io.BytesIO(data))
    reader = read_jsonl(lines, display, stem, published_field=published_field, defer_html=True)
    yield from _from_reader(reader, display, display, _position)


def warc_items(path: str, data: bytes, shown: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """The articles of a WARC file, read by ``newsgraph.ingest.warc`` from a local copy of its bytes."""
    from newsgraph.ingest.warc import read_warc

    display = _display(path, shown)
    with tempfile.TemporaryDirectory(prefix="newsgraph-warc-") as tmp:
        # Named .warc even when gzipped: warcio then reads the gzip members one
        # by one itself, so a truncated .warc.gz keeps the records before the
        # damage (through gzip.open it yielded none at all, silently).
        local = os.path.join(tmp, "input.warc")
        with open(local, "wb") as fh:
            fh.write(data)
        del data
        yield from _from_reader(read_warc(local, defer_html=True), local, display, _position)


def _display(uri: str, shown: Mapping[str, str] | None = None) -> str:
    """Local files as plain paths (as given, with ``shown``: see ``shown_names``), other file systems as URIs."""
    if uri.startswith("file:///"):
        uri = uri[len("file://"):]
    elif uri.startswith("file:/") and not uri.startswith("file://"):
        uri = uri[len("file:"):]
    return (shown or {}).get(uri, uri)
