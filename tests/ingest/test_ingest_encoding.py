"""One decoding rule for every reader: UTF-8 with a few bad bytes stays UTF-8, with a warning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from newsgraph.api.fetch import fetch_url
from newsgraph.errors import DecodeError
from newsgraph.ingest import ArticleInput, iter_path, read_path
from newsgraph.ingest.text import decode_text, mostly_utf8

# Curly quotes and an apostrophe: valid multi-byte UTF-8 that a code page would mangle.
STORY = (
    "Harbour chief Lena Moreau said on Monday that the port\u2019s cranes were unsafe.\n\n"
    "\u201cWe will not reopen the docks this week,\u201d Moreau told reporters.\n"
)


def _damaged(text: str = STORY, at: int = 40) -> tuple[bytes, int]:
    data = text.encode("utf-8")
    return data[:at] + b"\xff" + data[at:], at


def test_decode_one_bad_byte_in_utf8_is_replaced_with_a_warning() -> None:
    data, at = _damaged()
    decoded = decode_text(data, "story.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == STORY[:at] + "\ufffd" + STORY[at:]
    assert "\u2019" in decoded.text and "\u201c" in decoded.text  # not mojibake
    assert decoded.warnings == (f"1 invalid UTF-8 byte replaced by U+FFFD (the first at byte offset {at})",)


def test_decode_offset_counts_a_byte_order_mark() -> None:
    data, at = _damaged()
    decoded = decode_text(b"\xef\xbb\xbf" + data, "bom.txt")
    assert decoded.text.startswith("Harbour") and f"byte offset {at + 3}" in decoded.warnings[0]


def test_decode_ascii_with_few_bad_bytes_is_still_utf8() -> None:
    decoded = decode_text(b"The council met on Tuesday \x9d and voted.", "a.txt")
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1
    assert "the first at byte offset 27" in decoded.warnings[0]
    # three in 3,000 bytes: one per thousand
    data = (b"The council met on Tuesday \x9d and voted. " + b"x" * 960) * 3
    decoded = decode_text(data, "b.txt")
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 3 and "3 invalid" in decoded.warnings[0]


def test_decode_a_legacy_code_page_is_detected() -> None:
    text = "Le ministre a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait termin\u00e9e \u00e0 Gen\u00e8ve."
    decoded = decode_text(text.encode("cp1252"), "latin.txt")
    assert decoded.text == text
    assert decoded.encoding != "utf-8" and "decoded as" in decoded.warnings[0]


def test_decode_valid_utf8_has_no_warning_and_binary_is_refused() -> None:
    assert decode_text(STORY.encode(), "ok.txt").warnings == ()
    with pytest.raises(DecodeError, match="binary"):
        decode_text(bytes(range(256)) * 4, "bin.txt")


def test_decode_declared_charset_is_used_when_it_fits() -> None:
    text = "Z\u00fcrich and K\u00f6ln signed the accord."
    assert decode_text(text.encode("latin-1"), "x", declared="ISO-8859-1").text == text
    # declared UTF-8 that is not quite: the mostly-UTF-8 rule, not a strict failure
    data, _ = _damaged()
    assert decode_text(data, "x", declared="utf-8").warnings


@pytest.mark.parametrize(
    ("bad", "valid", "size", "expected"),
    [
        (1, 0, 50, True),  # one bad byte always counts as damage
        (2, 0, 2000, True),  # at most one per thousand bytes
        (3, 0, 2000, False),
        (5, 40, 500, True),  # fewer than the valid non-ASCII characters
        (40, 40, 500, False),
    ],
)
def test_decode_mostly_utf8_rule(bad: int, valid: int, size: int, expected: bool) -> None:
    assert mostly_utf8(bad, valid, size) is expected


def test_readers_share_the_rule(tmp_path: Path) -> None:
    data, _ = _damaged()
    (tmp_path / "a.txt").write_bytes(data)
    line = json.dumps({"id": "j1", "text": STORY}, ensure_ascii=False).encode("utf-8")
    (tmp_path / "b.jsonl").write_bytes(line[:60] + b"\xfe" + line[60:] + b"\n")
    buf = io.StringIO()
    csv.writer(buf).writerows([["id", "text"], ["c1", STORY]])
    raw = buf.getvalue().encode("utf-8")
    cut = raw.index(b"Harbour") + 10
    (tmp_path / "c.csv").write_bytes(raw[:cut] + b"\xff" + raw[cut:])
    html = f"<html><head><title>Docks</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>"
    hdata = html.encode("utf-8")
    (tmp_path / "d.html").write_bytes(hdata[:80] + b"\xff" + hdata[80:])
    items = [i for name in ("a.txt", "b.jsonl", "c.csv", "d.html") for i in read_path(str(tmp_path / name))]
    assert all(isinstance(i, ArticleInput) for i in items), items
    for item in items:
        assert isinstance(item, ArticleInput)
        assert "\u201cWe will not reopen" in item.text, item.source
        assert len(item.warnings) == 1 and "1 invalid UTF-8 byte" in item.warnings[0], item.source
    # an HTML page left for a batch worker keeps its warning through the extraction
    (deferred,) = list(iter_path(str(tmp_path / "d.html"), defer_html=True))
    assert isinstance(deferred, ArticleInput) and deferred.warnings


def test_warc_record_shares_the_rule(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = f"<html><head><title>Docks</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>"
    data = page.encode("utf-8")
    data = data[:80] + b"\xff" + data[80:]
    with open(tmp_path / "c.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("http://a.example/1", "response", payload=io.BytesIO(data), http_headers=headers)
        )
    (item,) = list(read_path(str(tmp_path / "c.warc.gz")))
    assert isinstance(item, ArticleInput) and "\u201cWe will" in item.text and item.warnings


def test_fetched_page_shares_the_rule() -> None:
    data, _ = _damaged()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=data)

    page = fetch_url(
        "http://news.example/a",
        timeout=5,
        max_bytes=100_000,
        max_redirects=0,
        resolve=lambda host, port: ["93.184.216.34"],
        transport=httpx.MockTransport(handler),
    )
    assert "\u201cWe will" in page.text and page.warnings and "byte offset 40" in page.warnings[0]


def test_analysis_carries_the_warning(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.cli import main

    data, _ = _damaged()
    (tmp_path / "a.txt").write_bytes(data)
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    doc = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert doc["warnings"] and "invalid UTF-8 byte" in doc["warnings"][0]
    assert any(q["kind"] == "direct" and "We will not reopen" in q["content"]["text"] for q in doc["quotes"])
