from __future__ import annotations

import gzip
import io
import json

from newsgraph.errors import InputError, TooLargeError
from newsgraph.ingest import ArticleInput, iter_path, read_path, resolve

HTML = (
    "<html><head><title>Budget talks</title></head><body><article>"
    "<p>The finance minister said on Monday that the budget would be balanced by next year.</p>"
    "<p>Opposition leaders rejected the plan and called for an early vote in parliament.</p>"
    "</article></body></html>"
)


def _items(path, **kw):
    return list(iter_path(str(path), **kw))


def test_ingest_jsonl_plain_and_gz_with_published_field(tmp_path):
    lines = [{"id": "a", "text": "One.", "date": "2020-04-01"}, {"text": "Two.", "title": "T"}]
    body = "".join(json.dumps(x) + "\n" for x in lines)
    (tmp_path / "c.jsonl").write_text(body)
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as f:
        f.write(body)
    for name in ("c.jsonl", "c.jsonl.gz"):
        items = _items(tmp_path / name, published_field="date")
        assert [(i.id, i.text, i.published, i.title) for i in items] == [
            ("a", "One.", "2020-04-01", None),
            (None, "Two.", None, "T"),
        ]
        assert items[1].source.endswith(f"{name}:2")


def test_ingest_jsonl_bad_line_and_truncated_gzip_are_errors_not_crashes(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\n{not json\n[1, 2]\n{"text": "after"}\n')
    items = _items(tmp_path / "bad.jsonl")
    assert [type(i).__name__ for i in items] == ["ArticleInput", "InputError", "InputError", "ArticleInput"]
    assert items[1].source.endswith("bad.jsonl:2") and "malformed JSON" in items[1].message
    body = "".join(json.dumps({"text": f"Article number {n}. " * 20}) + "\n" for n in range(200)).encode()
    data = gzip.compress(body)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = _items(tmp_path / "cut.jsonl.gz")
    assert isinstance(items[-1], InputError) and "unreadable" in items[-1].message
    assert all(isinstance(i, ArticleInput) for i in items[:-1]) and len(items) > 1


def test_ingest_csv_text_column_and_large_cell(tmp_path):
    big = "word " * 40_000  # above the csv module's default 128 kB cell limit
    import csv

    with open(tmp_path / "c.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "published", "title", "text"])
        w.writerow(["x1", "2021-01-02", "First", "Line one,\nline two."])
        w.writerow(["x2", "", "", big])
    items = _items(tmp_path / "c.csv")
    assert [(i.id, i.published, i.title) for i in items] == [
        ("x1", "2021-01-02", "First"),
        ("x2", None, None),
    ]
    assert items[0].text == "Line one,\nline two." and len(items[1].text) == len(big)
    assert items[1].source.endswith("c.csv:4")


def test_ingest_csv_without_text_column_is_one_error(tmp_path):
    (tmp_path / "n.csv").write_text("id,body\n1,hello\n")
    items = _items(tmp_path / "n.csv")
    assert len(items) == 1 and isinstance(items[0], InputError) and "'text'" in items[0].message


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def test_ingest_warc_html_responses_only(tmp_path):
    _warc(
        tmp_path / "c.warc.gz",
        [
            ("http://a.example/1", "200 OK", "text/html; charset=utf-8", HTML.encode()),
            ("http://a.example/img", "200 OK", "image/png", b"\x89PNG..."),
            ("http://a.example/404", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("http://a.example/2", "200 OK", "text/html", HTML.replace("Budget", "Tax").encode("latin-1")),
        ],
    )
    items = _items(tmp_path / "c.warc.gz")
    assert [i.url for i in items] == ["http://a.example/1", "http://a.example/2"]
    assert all(isinstance(i, ArticleInput) and "finance minister" in i.text for i in items)
    assert items[0].title == "Budget talks" and "@" in items[0].source
    deferred = _items(tmp_path / "c.warc.gz", defer_html=True)
    assert deferred[0].html is not None and deferred[0].text == ""
    assert resolve(deferred[0]).text == items[0].text


def test_ingest_warc_corrupt_record_is_an_error_after_the_good_ones(tmp_path):
    _warc(
        tmp_path / "c.warc.gz",
        [(f"http://a.example/{n}", "200 OK", "text/html", HTML.encode()) for n in range(3)],
    )
    data = (tmp_path / "c.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 200] + b"garbage" * 10)
    items = _items(tmp_path / "cut.warc.gz")
    assert isinstance(items[-1], InputError) and all(isinstance(i, ArticleInput) for i in items[:-1])
    (tmp_path / "junk.warc").write_bytes(b"not a warc file at all\n" * 5)
    items = _items(tmp_path / "junk.warc")
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_ingest_directory_walk_sorted_and_skipping_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second text.")
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "sub" / "c.txt").write_text("Third text.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    items = _items(tmp_path)
    names = [i.source.rsplit("/", 1)[-1] for i in items]
    assert names == ["a.html", "b.txt", "empty.html", "c.txt"]
    assert isinstance(items[2], InputError) and "no article text" in items[2].message


def test_ingest_read_path_extracts_html_for_analyze(tmp_path):
    (tmp_path / "p.html").write_text(HTML)
    (item,) = list(read_path(str(tmp_path / "p.html")))
    assert item.html is None and item.text.startswith("The finance minister")
    (missing,) = list(read_path(str(tmp_path / "nope.txt")))
    assert isinstance(missing, InputError) and "no such file" in missing.message


def test_ingest_warc_too_large_payload(tmp_path, monkeypatch):
    from newsgraph.ingest import warc

    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 100)
    _warc(tmp_path / "c.warc.gz", [("http://a.example/1", "200 OK", "text/html", HTML.encode())])
    (item,) = _items(tmp_path / "c.warc.gz")
    assert isinstance(item, TooLargeError)


def test_ingest_jsonl_error_messages_read_as_english(tmp_path):
    # the last line has no newline: its string is unterminated, not cut by a control character
    (tmp_path / "m.jsonl").write_text('{"text" 1}\n{"text": "ok"} x\n{"text": "unterminated')
    messages = [i.message for i in _items(tmp_path / "m.jsonl") if isinstance(i, InputError)]
    assert len(messages) == 3
    assert messages[0] == "malformed JSON: Expecting ':' delimiter at character 9"
    assert messages[1] == "malformed JSON: Extra data at character 16"
    assert messages[2] == "malformed JSON: Unterminated string starting at character 10"
    assert all(" at at " not in m for m in messages)
