"""The input record and the dispatch from a path to its reader.

Readers stream: a JSON Lines, CSV or WARC file is read record by record, so a
corpus larger than memory can be processed, and a corrupt part (a truncated
gzip member, a broken WARC record) ends that file with an ``InputError`` item
after everything before it has been yielded.

Inputs, by name:

==========================  ================================================
``DIR``                     every supported file below it, in sorted order
                            (hidden files and other suffixes are skipped)
``*.txt``                   one article (HTML is detected and extracted)
``*.html``, ``*.htm``       one article, main text extracted by trafilatura
``*.jsonl``, ``*.ndjson``   one article per line: ``text`` or ``html`` plus
(``.gz``)                   optional ``id``, ``url``, ``title``, ``published``,
                            ``author``
``*.csv`` (``.gz``)         one article per row, same columns as JSON Lines
``*.warc``, ``*.warc.gz``   HTML responses (status 200) and text/HTML resource
                            records; other records are skipped
``-``                       standard input (text, HTML or JSON Lines)
==========================  ================================================
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import InputError

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
TEXT_SUFFIXES = (".txt",)
#: Suffixes a directory walk picks up.
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + WARC_SUFFIXES
METADATA_FIELDS = ("id", "url", "title", "published", "author")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as read from an input, before analysis.

    ``source`` names where it came from (``path``, ``path:line``,
    ``path@offset``) for error messages and the failures table; ``stem`` names
    its output file. ``html`` is set (and ``text`` empty) when the text is
    still to be extracted from an HTML page: ``resolve`` does it, so that a
    batch can leave the extraction to its workers. ``warnings`` (bytes that
    were not valid UTF-8, an encoding guessed) go into the analysis' warnings.
    """

    text: str
    source: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    stem: str | None = None
    html: str | None = None
    warnings: tuple[str, ...] = ()


def resolve(item: ArticleInput) -> ArticleInput:
    """The article with its text: extracts a pending HTML page (raises ``InputError`` if it has none)."""
    if item.html is None:
        return item
    from newsgraph.ingest.html import article_from_html

    given = {k: getattr(item, k) for k in METADATA_FIELDS}
    art = article_from_html(item.html, item.source, **given)
    return replace(art, stem=item.stem, warnings=item.warnings + art.warnings)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def article_from_record(
    record: Any,
    source: str,
    stem: str | None = None,
    *,
    published_field: str = "published",
    text_field: str = "text",
    defer_html: bool = False,
    warnings: tuple[str, ...] = (),
) -> ArticleInput:
    """An article from one JSON object (or CSV row) with ``text`` or ``html`` and optional metadata."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=source)
    fields = {k: k for k in METADATA_FIELDS}
    fields["published"] = published_field
    meta = {k: record.get(name) for k, name in fields.items()}
    meta = {k: (str(v) if v not in (None, "") else None) for k, v in meta.items()}
    text, html = record.get(text_field), record.get("html")
    # A CSV row has every column: an empty text cell with an HTML cell means HTML.
    if isinstance(text, str) and (text != "" or not isinstance(html, str) or html == ""):
        return ArticleInput(text=text, source=source, stem=meta["id"] or stem, warnings=warnings, **meta)
    if isinstance(html, str):
        pending = ArticleInput(text="", source=source, stem=meta["id"] or stem, html=html, warnings=warnings, **meta)
        return pending if defer_html else resolve(pending)
    raise InputError(f"record has neither a {text_field!r} nor an 'html' string field", source=source)


def json_error(exc: json.JSONDecodeError) -> str:
    """``malformed JSON: <what> at character N`` (N counted from 1 within the line).

    Some of the json module's messages end in "at" themselves ("Unterminated
    string starting at"): the position then completes them.
    """
    where = f"character {exc.pos + 1}"
    msg = exc.msg.rstrip()
    return f"malformed JSON: {msg} {where}" if msg.endswith(" at") else f"malformed JSON: {msg} at {where}"


def read_jsonl(
    lines: Iterable[str | bytes], path: str, stem: str, **options: Any
) -> Iterator[ArticleInput | InputError]:
    """Articles from JSON Lines; a malformed line (or unreadable rest of the file) is an ``InputError`` item."""
    from newsgraph.ingest.text import decode_text

    number = 0
    try:
        for number, line in enumerate(lines, 1):
            source = f"{path}:{number}"
            warnings: tuple[str, ...] = ()
            if isinstance(line, bytes):
                try:
                    decoded = decode_text(line, source)
                except InputError as exc:
                    yield exc
                    continue
                text, warnings = decoded.text, decoded.warnings
            else:
                text = line
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield InputError(json_error(exc), source=source)
                continue
            try:
                yield article_from_record(record, source, stem=f"{stem}-{number}", warnings=warnings, **options)
            except InputError as exc:
                yield exc
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"unreadable after line {number}: {exc}", source=f"{path}:{number + 1}")


def open_binary(path: str, *, decompress: bool = True) -> IO[bytes]:
    """Open ``path`` (``-``: standard input) for reading bytes, decompressing ``.gz`` unless told not to."""
    if path == "-":
        return sys.stdin.buffer
    try:
        if decompress and path.lower().endswith(".gz"):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise InputError("no such file", source=path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", source=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=path) from exc


def _read_all(path: str) -> bytes:
    handle = open_binary(path)
    try:
        return handle.read()
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt or unreadable data: {exc}", source=path) from exc
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def input_stem(path: str) -> str:
    """An input's file name without its input suffix: ``a.1.txt`` -> ``a.1``, ``news.jsonl.gz`` -> ``news``.

    Only the suffix that names the format goes, so that ``a.1.txt`` and
    ``a.2.txt`` keep distinct names (their output files, ``a.1.json`` and
    ``a.2.json``, must not collide).
    """
    if path == "-":
        return "stdin"
    name = Path(path).name
    low = name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or "article"


def walk_directory(path: str) -> Iterator[str]:
    """Supported files below ``path`` in sorted order (hidden files and directories skipped)."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().endswith(SUPPORTED_SUFFIXES):
                yield os.path.join(root, name)
            else:
                logger.info("%s: skipped (not a supported input suffix)", os.path.join(root, name))


def iter_path(
    path: str,
    *,
    published_field: str = "published",
    text_field: str = "text",
    defer_html: bool = False,
) -> Iterator[ArticleInput | InputError]:
    """Read one input path of any supported kind (a directory, a file, ``-`` for standard input).

    Yields ``InputError`` objects (it does not raise them) for parts that
    cannot be read, so that the rest of the input is still processed. With
    ``defer_html`` HTML pages are yielded unextracted (see ``resolve``).
    """
    options: dict[str, Any] = {"published_field": published_field, "text_field": text_field, "defer_html": defer_html}
    name = path.lower()
    if path != "-" and os.path.isdir(path):
        for child in walk_directory(path):
            yield from iter_path(child, **options)
        return
    stem = input_stem(path)
    try:
        if name.endswith(WARC_SUFFIXES):
            from newsgraph.ingest.warc import read_warc

            yield from read_warc(path, defer_html=defer_html)
            return
        if name.endswith(CSV_SUFFIXES):
            from newsgraph.ingest.csv_rows import read_csv

            yield from read_csv(path, **options)
            return
        if name.endswith(JSONL_SUFFIXES):
            handle = open_binary(path)
            try:
                yield from read_jsonl(handle, path, stem, **options)
            finally:
                if handle is not sys.stdin.buffer:
                    handle.close()
            return
        yield from _read_single(path, name, stem, defer_html=defer_html)
    except InputError as exc:
        yield exc


def _read_single(path: str, name: str, stem: str, *, defer_html: bool) -> Iterator[ArticleInput]:
    from newsgraph.ingest.text import decode_text

    decoded = decode_text(_read_all(path), path)
    text = decoded.text
    if name.endswith(HTML_SUFFIXES) or (path == "-" or not name.endswith(".txt")) and _looks_like_html(text):
        pending = ArticleInput(text="", source=path, stem=stem, html=text, warnings=decoded.warnings)
        yield pending if defer_html else resolve(pending)
        return
    yield ArticleInput(text=text, source=path, stem=stem, warnings=decoded.warnings)


def read_path(path: str, **options: Any) -> Iterator[ArticleInput | InputError]:
    """Read one input path, HTML already extracted (the ``newsgraph analyze`` reader)."""
    yield from iter_path(path, **{**options, "defer_html": False})


def read_inputs(paths: Iterable[str], **options: Any) -> Iterator[ArticleInput | InputError]:
    for path in paths:
        yield from iter_path(path, **options)
