"""The corpus endpoints over a small store of hand-built documents (see conftest.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from api_fixtures import corpus_documents, write_store
from fastapi.testclient import TestClient

from newsgraph.api import ServeSettings, create_app
from newsgraph.api.db import CorpusDB
from newsgraph.api.filters import fts_query
from newsgraph.errors import StorageError


def test_api_articles_list_newest_first(corpus_client: TestClient) -> None:
    page = corpus_client.get("/v1/articles").json()
    assert page["total"] == 3
    assert [a["id"] for a in page["items"]] == ["art-3", "art-2", "art-1"]
    assert page["next_offset"] is None


def test_api_articles_pagination(corpus_client: TestClient) -> None:
    first = corpus_client.get("/v1/articles?limit=2").json()
    assert [a["id"] for a in first["items"]] == ["art-3", "art-2"]
    assert first["next_offset"] == 2
    second = corpus_client.get(f"/v1/articles?limit=2&offset={first['next_offset']}").json()
    assert [a["id"] for a in second["items"]] == ["art-1"]
    assert second["next_offset"] is None


def test_api_articles_date_filters_are_inclusive_prefixes(corpus_client: TestClient) -> None:
    ids = lambda q: [a["id"] for a in corpus_client.get("/v1/articles" + q).json()["items"]]  # noqa: E731
    assert ids("?to=2024-03") == ["art-1"]
    assert ids("?from=2024-04&to=2024-04-11") == ["art-2"]
    assert ids("?from=2024") == ["art-3", "art-2", "art-1"]
    assert corpus_client.get("/v1/articles?from=March").status_code == 422


@pytest.mark.parametrize(
    ("path", "param", "value"),
    [
        ("/v1/quotes", "from", "2020-02-30"),
        ("/v1/quotes", "from", "2020-13"),
        ("/v1/events", "from", "2020-04-31"),
        ("/v1/events", "to", "2019-02-29"),
        ("/v1/articles", "to", "0000"),
        ("/v1/stats/timeline", "from", "2024-00"),
        ("/v1/stats/network", "to", "2024-02-30"),
        ("/v1/events", "type", "NOTATYPE"),
        ("/v1/stats/timeline", "type", "attack"),
        ("/v1/stats/network", "type", "CAMEO"),
    ],
)
def test_api_invalid_filter_values_are_422_naming_the_parameter(
    corpus_client: TestClient, path: str, param: str, value: str
) -> None:
    r = corpus_client.get(path, params={param: value})
    assert r.status_code == 422, r.text
    (error,) = r.json()["detail"]
    assert error["loc"] == ["query", param] and value in error["msg"] and param in error["msg"]


def test_api_valid_calendar_edges_and_any_case_type_are_accepted(corpus_client: TestClient) -> None:
    assert corpus_client.get("/v1/quotes", params={"from": "2024-02-29", "to": "2024-12-31"}).status_code == 200
    upper = corpus_client.get("/v1/events", params={"type": "THREATEN"}).json()
    lower = corpus_client.get("/v1/events", params={"type": "threaten"}).json()
    assert upper["total"] == lower["total"] == 1
    # a type the store holds though it is not PLOVER (an older store's DISAPPROVE) is accepted too
    assert corpus_client.get("/v1/events", params={"type": "disapprove"}).json()["total"] == 1
    enum = corpus_client.get("/openapi.json").json()["paths"]["/v1/events"]["get"]["parameters"]
    (type_param,) = [p for p in enum if p["name"] == "type"]
    assert "DISAPPROVE" in type_param["schema"]["enum"] and "ASSAULT" in type_param["schema"]["enum"]


def test_api_article_document_roundtrips(corpus_client: TestClient) -> None:
    for doc in corpus_documents():
        got = corpus_client.get(f"/v1/articles/{doc.id}")
        assert got.status_code == 200
        assert got.json() == doc.to_dict()


def test_api_article_missing_is_404(corpus_client: TestClient) -> None:
    r = corpus_client.get("/v1/articles/nope")
    assert r.status_code == 404
    assert "nope" in r.json()["detail"]


def test_api_quotes_by_speaker_name_code_and_words(corpus_client: TestClient) -> None:
    by_name = corpus_client.get("/v1/quotes", params={"speaker": "ortiz"}).json()
    assert {q["id"] for q in by_name["items"]} == {"art-1:Q1", "art-2:Q1"}
    by_code = corpus_client.get("/v1/quotes", params={"speaker": "CITGOV"}).json()
    assert {q["id"] for q in by_code["items"]} == {"art-1:Q1", "art-2:Q1"}
    words = corpus_client.get("/v1/quotes", params={"q": "last resort"}).json()
    assert [q["speaker"]["name"] for q in words["items"]] == ["Sam Okafor"]
    assert corpus_client.get("/v1/quotes", params={"q": "resort cuts"}).json()["total"] == 0


def test_api_quotes_kind_and_dates(corpus_client: TestClient) -> None:
    direct = corpus_client.get("/v1/quotes", params={"kind": "direct"}).json()
    assert {q["id"] for q in direct["items"]} == {"art-1:Q1", "art-3:Q1"}
    april = corpus_client.get("/v1/quotes", params={"from": "2024-04", "to": "2024-04"}).json()
    assert {q["id"] for q in april["items"]} == {"art-2:Q1", "art-3:Q1"}
    assert corpus_client.get("/v1/quotes", params={"kind": "sarcastic"}).status_code == 422


def test_api_quote_search_syntax_cannot_break_fts(corpus_client: TestClient) -> None:
    for q in ['"', "AND", "strike OR", "*", "NEAR(", "'; DROP TABLE quotes; --"]:
        r = corpus_client.get("/v1/quotes", params={"q": q})
        assert r.status_code == 200, (q, r.text)
    assert fts_query('say "hi" AND') == '"say" "hi" "AND"'
    assert fts_query("  ;; ") is None


def test_api_events_by_actor_role_type(corpus_client: TestClient) -> None:
    lab = corpus_client.get("/v1/events", params={"actor": "citlab"}).json()
    assert {e["type"] for e in lab["items"]} == {"CONSULT", "ACCUSE", "THREATEN"}
    as_source = corpus_client.get("/v1/events", params={"actor": "CITLAB", "role": "source"}).json()
    assert {e["type"] for e in as_source["items"]} == {"ACCUSE", "THREATEN"}
    by_name = corpus_client.get("/v1/events", params={"actor": "Paul Reyes"}).json()
    assert [e["type"] for e in by_name["items"]] == ["DISAPPROVE"]
    ev = by_name["items"][0]
    assert [s["actor_code"] for s in ev["source"]] == ["PROGOV"]
    assert [t["name"] for t in ev["target"]] == ["Lena Ortiz"]
    assert ev["evidence"].startswith("Governor Paul Reyes criticised")
    threats = corpus_client.get("/v1/events", params={"type": "threaten"}).json()
    assert [e["id"] for e in threats["items"]] == ["art-3:V1"]


def test_api_actor_detail(corpus_client: TestClient) -> None:
    r = corpus_client.get("/v1/actors/CITGOV")
    assert r.status_code == 200
    actor = r.json()
    assert actor["code"] == "CITGOV"
    assert actor["names"][0]["name"] == "Lena Ortiz"
    assert actor["articles"] == 2
    assert actor["quotes"]["total"] == 2
    assert [e["type"] for e in actor["events_as_source"]["items"]] == ["CONSULT"]
    assert [e["type"] for e in actor["events_as_target"]["items"]] == ["DISAPPROVE"]
    co = {c["actor"]: c["articles"] for c in actor["co_occurring"]}
    assert co == {"CITLAB": 1, "CITLEG": 1, "PROGOV": 1}
    # an uncoded actor by name, and by stored entity id
    sam = corpus_client.get("/v1/actors/sam okafor").json()
    assert sam["code"] is None and sam["quotes"]["total"] == 1
    assert corpus_client.get("/v1/actors/art-3:E3").json()["quotes"]["total"] == 1
    assert corpus_client.get("/v1/actors/NOBODY").status_code == 404
    # a coded actor's name leads to its code
    assert corpus_client.get("/v1/actors/lena ortiz").json()["code"] == "CITGOV"


def test_api_timeline_and_network(corpus_client: TestClient) -> None:
    timeline = corpus_client.get("/v1/stats/timeline").json()
    assert [(b["period"], b["count"]) for b in timeline["buckets"]] == [("2024-03", 2), ("2024-04", 2)]
    assert timeline["undated"] == 0
    days = corpus_client.get("/v1/stats/timeline", params={"granularity": "day", "actor": "CITLAB"}).json()
    assert [(b["period"], b["count"]) for b in days["buckets"]] == [("2024-03-05", 2), ("2024-04-20", 1)]
    network = corpus_client.get("/v1/stats/network").json()
    edges = {(e["source"], e["type"], e["target"]): e["n"] for e in network["edges"]}
    assert edges == {
        ("CITGOV", "CONSULT", "CITLAB"): 1,
        ("CITLAB", "ACCUSE", "CITLEG"): 1,
        ("CITLAB", "THREATEN", "CITLEG"): 1,
        ("PROGOV", "DISAPPROVE", "CITGOV"): 1,
    }
    assert network["nodes"][0] == {"id": "CITLAB", "events": 3}


def test_api_page_size_is_bounded(corpus_client: TestClient) -> None:
    assert corpus_client.get("/v1/quotes?limit=100").status_code == 200
    assert corpus_client.get("/v1/quotes?limit=101").status_code == 422
    assert corpus_client.get("/v1/quotes?limit=0").status_code == 422
    assert corpus_client.get("/v1/quotes?offset=-1").status_code == 422


def test_api_overview(corpus_client: TestClient) -> None:
    o = corpus_client.get("/v1/overview").json()
    assert o["counts"] == {"articles": 3, "quotes": 3, "events": 4, "entities": 8}
    assert o["event_types"] == ["ACCUSE", "CONSULT", "DISAPPROVE", "THREATEN"]


def test_api_db_connection_is_read_only(corpus_db: Path) -> None:
    db = CorpusDB(corpus_db)
    try:
        conn = db._conn()
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM quotes")
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE x (a)")
    finally:
        db.close()


def test_api_db_never_writes_the_file(tmp_path: Path, corpus_db: Path, analyzer) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.db"
    shutil.copy(corpus_db, copy)
    before = copy.read_bytes()
    with TestClient(create_app(str(copy), analyzer=analyzer)) as client:
        for url in (
            "/v1/quotes?q=strike",
            "/v1/events?actor=CITLAB",
            "/v1/actors/CITGOV",
            "/corpus",
            "/articles/art-1",
        ):
            assert client.get(url).status_code == 200
    assert copy.read_bytes() == before


def test_api_db_path_with_uri_characters(tmp_path: Path, corpus_db: Path) -> None:
    odd = tmp_path / "a dir?x=1#frag" / "c%20.db"
    odd.parent.mkdir()
    shutil.copy(corpus_db, odd)
    db = CorpusDB(odd)
    try:
        assert db.overview()["counts"]["articles"] == 3
    finally:
        db.close()


def test_api_bad_db_fails_at_startup(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        create_app(str(tmp_path / "missing.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError):
        create_app(str(junk))
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError):
        create_app(str(other))


def test_api_corpus_routes_documented(corpus_client: TestClient) -> None:
    paths = corpus_client.get("/openapi.json").json()["paths"]
    for p in (
        "/v1/articles",
        "/v1/articles/{article_id}",
        "/v1/quotes",
        "/v1/events",
        "/v1/actors/{actor_id}",
    ):
        assert p in paths
    params = {p["name"] for p in paths["/v1/quotes"]["get"]["parameters"]}
    assert {"speaker", "q", "from", "to", "limit", "offset"} <= params


def test_api_page_settings_apply(corpus_db: Path, analyzer) -> None:  # type: ignore[no-untyped-def]
    with TestClient(
        create_app(str(corpus_db), ServeSettings(page_size=1, max_page_size=2), analyzer=analyzer)
    ) as c:
        page = c.get("/v1/events").json()
        assert page["limit"] == 1 and len(page["items"]) == 1 and page["next_offset"] == 1
        assert c.get("/v1/events?limit=3").status_code == 422


def test_api_real_analysis_roundtrips_through_the_store(tmp_path: Path, analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Port Authority chief Maria Lindqvist said on Tuesday that the harbour would stay closed.\n\n"
        '"We cannot reopen the docks while the cranes are unsafe," Lindqvist told reporters in Gothenburg.\n\n'
        'Union leader Tomas Berg accused the authority of stalling. "They had months to fix this," he said.'
    )
    doc = analyzer(text, published="2024-05-14", title="Harbour", id="real-1")
    db = write_store(tmp_path / "real.db", [doc])
    with TestClient(create_app(str(db), analyzer=analyzer)) as client:
        assert client.get("/v1/articles/real-1").json() == doc.to_dict()
        assert client.get("/articles/real-1").status_code == 200


def test_api_date_schema_pattern_accepts_exactly_what_the_check_accepts() -> None:
    import re
    from datetime import date, timedelta

    from newsgraph.api.filters import DATE_FILTER_PATTERN, check_date_filter
    from newsgraph.errors import InputError

    pattern = re.compile(DATE_FILTER_PATTERN)

    def accepted(value: str) -> bool:
        try:
            check_date_filter(value, "from")
        except InputError:
            return False
        return True

    values = {"0000", "0001", "9999", "2024-00", "2024-13", "2024", "1900-02-29", "2000-02-29", "0400-02-29"}
    day = date(1899, 12, 1)
    while day < date(2105, 1, 1):  # every real day of two centuries with their edges
        values.add(day.isoformat())
        day += timedelta(days=1)
    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(0, 14):
            values.add(f"{year}-{month:02d}")
            for d in (0, 28, 29, 30, 31, 32):
                values.add(f"{year}-{month:02d}-{d:02d}")
    disagree = [v for v in sorted(values) if bool(pattern.match(v)) != accepted(v)]
    assert disagree == []


def test_api_timeline_counts_undated_events(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    docs = corpus_documents()
    undated = replace(docs[0], id="undated", published=None, events=tuple(replace(v, date=None) for v in docs[0].events))
    db = write_store(tmp_path / "u.db", [*docs, undated])
    with TestClient(create_app(str(db), ServeSettings(in_process=True))) as client:
        timeline = client.get("/v1/stats/timeline").json()
        assert timeline["undated"] == len(undated.events) > 0
        assert sum(b["count"] for b in timeline["buckets"]) == 4  # the dated ones, as before
        page = client.get("/corpus").text
        assert f"{len(undated.events)} matching event" in page and "not drawn" in page
        # a date filter leaves the undated events out of the count too (they match no date)
        assert client.get("/v1/stats/timeline", params={"from": "2024"}).json()["undated"] == 0
