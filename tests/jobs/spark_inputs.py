"""Small inputs, written for these tests, for the Spark job's tests (no pyspark needed here)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HARBOUR = (
    '"We will not back down," the harbour minister, Ana Pereira, said on Tuesday.\n'
    "The port workers' union said it would strike on Friday unless wages rose.\n"
    "Pereira later told reporters that talks would resume next week in Lisbon."
)
COUNCIL = (
    "The city council of Eastbridge voted to close the old ferry terminal.\n"
    '"It is a sad day for the town," said councillor Tom Hale, who voted against the plan.'
)
PAGE = """<!doctype html><html><head><title>Rail strike called off</title>
<meta name="date" content="2024-05-02"></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Rail strike called off</h1>
<p>The national rail union called off Thursday's strike after a late offer from the transport ministry.</p>
<p>"This offer is a real step forward," union leader Carla Mendes said in a statement on Wednesday evening.</p>
<p>Transport minister Paul Okafor said the government had listened to the workers and hoped for a quick agreement.</p>
<p>Commuters had feared a week of disruption across the northern lines, where services were already reduced.</p>
</article><footer>Copyright The Example Gazette</footer></body></html>"""


def jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "harbour", "text": HARBOUR, "published": "2024-03-05", "title": "Port talks"}),
        "this line is not JSON",
        json.dumps({"id": "no-text", "title": "a record without text"}),
        json.dumps({"text": COUNCIL, "published": "2024-04-11"}),
        json.dumps(
            {"id": "harbour", "text": "A later copy with the same id: dropped.", "published": "2024-03-06"}
        ),
        json.dumps({"id": "huge", "text": "Word " * 3000, "published": "2024-03-07"}),
    ]


def write_jsonl(path: Path) -> Path:
    path.write_text("\n".join(jsonl_lines()) + "\n", encoding="utf-8")
    return path


def truncated_gzip_jsonl() -> bytes:
    """A gzipped JSON Lines file whose stream breaks off after its first two lines."""
    lines = [
        json.dumps({"id": "gz-1", "text": COUNCIL, "published": "2024-06-01"}),
        json.dumps({"id": "gz-2", "text": HARBOUR}),
    ]
    good = gzip.compress(("\n".join(lines) + "\n").encode())
    tail = gzip.compress(("x" * 5000 + "\n").encode())
    return good + tail[: len(tail) // 2]


def warc_bytes() -> bytes:
    """A WARC with an article page, a 404 page and an image: one article."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def response(url: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )

    response("https://gazette.example/rail", "200 OK", "text/html; charset=utf-8", PAGE.encode())
    response(
        "https://gazette.example/missing", "404 Not Found", "text/html", b"<html><body>gone</body></html>"
    )
    response("https://gazette.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
    return buf.getvalue()
