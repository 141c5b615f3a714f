"""Turning bytes into text: UTF-8 first, then charset detection, binary refused.

One rule for every input (files, JSON Lines lines, WARC records, HTML pages,
pages fetched by the server):

1. a UTF-8 or UTF-16 byte-order mark decides;
2. data with NUL bytes or more than 1% control characters is binary: refused;
3. a charset declared by the container (an HTTP ``Content-Type``) is used when
   the bytes decode with it;
4. valid UTF-8 is UTF-8;
5. bytes that are *mostly* UTF-8 are read as UTF-8, each invalid byte replaced
   by U+FFFD, with a warning naming how many there were and the byte offset
   of the first. Mostly UTF-8: the invalid bytes are at most one per thousand
   bytes of the input (a single bad byte always qualifies), or fewer than the
   correctly encoded non-ASCII characters around them. A legacy code page
   fails this test at once, since every one of its accented letters, curly
   quotes and dashes is an invalid byte and no valid multi-byte sequence
   occurs; a UTF-8 file with a few damaged bytes passes it;
6. anything else goes to charset detection (charset-normalizer), with a
   warning naming the encoding it chose; nothing detected is refused.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsgraph.errors import DecodeError

logger = logging.getLogger(__name__)

# Control characters other than tab, newline, carriage return and form feed:
# more than this share of them marks binary data, whatever a detector guesses.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.01
#: Invalid bytes per input byte up to which a text is still read as UTF-8.
MAX_BAD_UTF8_SHARE = 0.001
# With errors="surrogateescape" every invalid byte becomes one of these.
INVALID_BYTE = re.compile("[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used and what the reader should be told about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b in _CONTROL)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def mostly_utf8(bad: int, valid_non_ascii: int, size: int) -> bool:
    """The rule of step 5: few enough invalid bytes for the text to be UTF-8 with damage."""
    return bad <= max(1, int(size * MAX_BAD_UTF8_SHARE)) or bad < valid_non_ascii


def decode_text(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode an article's bytes by the rule above; raise ``DecodeError`` naming ``source`` if they are not text.

    ``declared`` is a charset named by the container (HTTP, WARC); it is
    trusted only when the bytes decode with it.
    """
    skipped = 0
    if data.startswith(b"\xef\xbb\xbf"):
        data, skipped = data[3:], 3
    if not data:
        return Decoded("", "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 text: {exc.reason}", source=source) from exc
    if _looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    codec = _codec(declared)
    if codec is not None and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            logger.info("%s: not %s as declared", source, codec)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start + skipped
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(INVALID_BYTE.findall(escaped))
    if mostly_utf8(bad, len(_VALID_NON_ASCII.findall(escaped)), len(data)):
        message = (
            f"{bad} invalid UTF-8 byte{'s' if bad != 1 else ''} replaced by U+FFFD "
            f"(the first at byte offset {first})"
        )
        logger.warning("%s: %s", source, message)
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", (message,))
    return _detect(data, source, bad)


def _detect(data: bytes, source: str, bad: int) -> Decoded:
    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    # Ties between single-byte code pages are common on short texts; among
    # equally good candidates prefer windows-1252, the usual legacy encoding
    # of English and Western European news pages.
    for m in matches:
        if m.encoding == "cp1252" and best is not None and (m.chaos, -m.coherence) <= (best.chaos, -best.coherence):
            best = m
            break
    if best is None or best.encoding is None:
        raise DecodeError(
            f"undecodable bytes: not UTF-8 ({bad} invalid bytes) and no encoding detected", source=source
        )
    logger.info("%s: decoded as %s", source, best.encoding)
    message = f"not UTF-8 ({bad} invalid bytes): decoded as {best.encoding}, the encoding detected"
    return Decoded(str(best), best.encoding, (message,))


def decode_bytes(data: bytes, source: str) -> str:
    """The text of ``decode_text`` alone (its warnings are logged)."""
    return decode_text(data, source).text
