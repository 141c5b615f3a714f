"""Turning bytes into text: UTF-8 first, then charset detection, binary refused."""

from __future__ import annotations

import logging

from charset_normalizer import from_bytes

from newsgraph.errors import DecodeError

logger = logging.getLogger(__name__)

# Control characters other than tab, newline, carriage return and form feed:
# more than this share of them marks binary data, whatever a detector guesses.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.01


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b in _CONTROL)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an article's bytes; raise ``DecodeError`` naming ``source`` if they are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data:
        return ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 text: {exc.reason}", source=source) from exc
    if _looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
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
        raise DecodeError("undecodable bytes: not UTF-8 and no encoding detected", source=source)
    logger.info("%s: decoded as %s", source, best.encoding)
    return str(best)
