"""CSV files (plain or .gz): one article per row.

The header names the columns: ``text`` (or ``html``) plus any of ``id``,
``url``, ``title``, ``published``, ``author`` (the text and publication
columns can be renamed, as in JSON Lines). Cells of any size are accepted: an
article of several megabytes is one (quoted) cell.
"""

from __future__ import annotations

import csv
import io
import logging
import sys
import zlib
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.base import ArticleInput, article_from_record, input_stem, open_binary
from newsgraph.ingest.text import INVALID_BYTE, decode_text

logger = logging.getLogger(__name__)

# The csv module refuses cells above 128 kB by default; articles are larger.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(path: str, *, text_field: str = "text", **options: Any) -> Iterator[ArticleInput | InputError]:
    """Articles from a CSV file with a header row; a bad row or an unreadable rest is an ``InputError`` item."""
    stem = input_stem(path)
    handle = open_binary(path)
    # Invalid bytes survive as lone surrogates; each cell holding some is then
    # decoded by the one rule of ``decode_text`` (mostly UTF-8: replaced, with a warning).
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="")
    line = 0
    try:
        reader = csv.DictReader(text)
        if reader.fieldnames is None:
            return
        if text_field not in reader.fieldnames and "html" not in reader.fieldnames:
            yield InputError(
                f"CSV header has no {text_field!r} or 'html' column (columns: {', '.join(reader.fieldnames)})",
                source=path,
            )
            return
        number = 0
        for number, row in enumerate(reader, 1):
            line = reader.line_num
            source = f"{path}:{line}"
            if None in row:
                yield InputError("row has more cells than the header", source=source)
                continue
            try:
                cells, warnings = _repair(row, source)
                yield article_from_record(
                    cells, source, stem=f"{stem}-{number}", text_field=text_field, warnings=warnings, **options
                )
            except InputError as exc:
                yield exc
    except (csv.Error, OSError, EOFError, zlib.error) as exc:
        yield InputError(f"unreadable after line {line}: {exc}", source=f"{path}:{line + 1}")
    finally:
        text.detach()
        if handle is not sys.stdin.buffer:
            handle.close()


def _repair(row: dict[str, Any], source: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The row with every cell holding invalid bytes decoded by ``decode_text``, and its warnings."""
    out = dict(row)
    warnings: list[str] = []
    for key, value in row.items():
        if isinstance(value, str) and INVALID_BYTE.search(value):
            decoded = decode_text(value.encode("utf-8", "surrogateescape"), f"{source} ({key})")
            out[key] = decoded.text
            warnings.extend(f"{key}: {w}" for w in decoded.warnings)
    return out, tuple(warnings)
