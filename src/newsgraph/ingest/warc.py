"""WARC and ARC files (plain or .gz), read with warcio.

Articles are the HTML responses with HTTP status 200 and the ``resource``
records of type text/html or text/plain; their main text is extracted like
any HTML page (``newsgraph.ingest.html``). Other records (requests, metadata,
redirects, images, PDFs) are skipped, logged at debug level. The source of an
article is ``path@offset`` (the record's byte offset in the file), and its
URL the record's ``WARC-Target-URI``; the publication date is the one the
page states (the crawl date is not a publication date).

A corrupt record ends the file with one ``InputError`` item naming its
offset: the records after it cannot be located reliably.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import InputError, TooLargeError
from newsgraph.ingest.base import ArticleInput, input_stem, open_binary, resolve
from newsgraph.ingest.text import Decoded, decode_text

logger = logging.getLogger(__name__)

#: Larger payloads are refused unread (a crawl's HTML pages are far smaller).
MAX_RECORD_BYTES = 20_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _decode(payload: bytes, content_type: str, source: str) -> Decoded:
    return decode_text(payload, source, declared=_charset(content_type))


def read_warc(path: str, *, defer_html: bool = False) -> Iterator[ArticleInput | InputError]:
    """Articles from the HTML responses of a WARC (or ARC) file."""
    stem = input_stem(path)
    # warcio reads gzip members itself: offsets are then those of the
    # compressed file (usable for random access, as in Common Crawl indexes).
    handle = open_binary(path, decompress=False)
    offset = end = 0
    try:
        expect_warc = ".warc" in path.lower()
        records = ArchiveIterator(handle, arc2warc=not expect_warc)
        for record in records:
            if expect_warc and getattr(record, "format", "warc") != "warc":
                # warcio reads any text as ARC records; a .warc file must hold WARC ones.
                yield InputError("not a WARC file (no WARC record header)", source=f"{path}@{end}")
                return
            # The payload is read before the offset is asked for: warcio
            # computes the offset by reading the record to its end.
            content = _payload(record)
            offset = records.get_record_offset()
            end = offset + records.get_record_length()
            if content is None:
                continue
            item = _article(*content, f"{path}@{offset}", f"{stem}-{offset}")
            if item is None:
                continue
            if isinstance(item, InputError) or defer_html:
                yield item
                continue
            try:
                yield resolve(item)
            except InputError as exc:
                yield exc
        # warcio ends quietly at a truncated or garbled gzip member: bytes
        # left over after the last record it read are such a record.
        size = os.path.getsize(path)
        if end < size:
            yield InputError(
                f"corrupt WARC data: {size - end} byte(s) after offset {end} are not a readable record",
                source=f"{path}@{end}",
            )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield InputError(f"corrupt WARC data after offset {offset}: {exc}", source=f"{path}@{offset}")
    finally:
        handle.close()


def _payload(record: object) -> tuple[bytes | None, str, str | None] | None:
    """(payload, content type, URL) of an article record, None for a record that is not one.

    The payload is None when it is above ``MAX_RECORD_BYTES``.
    """
    rec_type = getattr(record, "rec_type", None)
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    if rec_type == "response":
        http = record.http_headers  # type: ignore[attr-defined]
        if http is None:
            return None
        status = http.get_statuscode()
        content_type = http.get_header("Content-Type") or ""
        if status != "200" or not content_type.lower().startswith(_HTML_TYPES):
            logger.debug("%s: skipped (%s %s)", url, status, content_type)
            return None
    elif rec_type == "resource":
        content_type = headers.get_header("Content-Type") or ""
        if not content_type.lower().startswith(_HTML_TYPES + ("text/plain",)):
            return None
    else:
        return None
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    return (None if len(payload) > MAX_RECORD_BYTES else payload), content_type, url


def _article(
    payload: bytes | None, content_type: str, url: str | None, source: str, name: str
) -> ArticleInput | InputError | None:
    if payload is None:
        return TooLargeError(f"record payload above {MAX_RECORD_BYTES} bytes", source=source)
    try:
        decoded = _decode(payload, content_type, source)
    except InputError as exc:
        return exc
    if content_type.lower().startswith("text/plain"):
        return ArticleInput(text=decoded.text, source=source, url=url, stem=name, warnings=decoded.warnings)
    return ArticleInput(text="", source=source, url=url, stem=name, html=decoded.text, warnings=decoded.warnings)
