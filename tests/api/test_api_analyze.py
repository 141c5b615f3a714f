"""POST /v1/analyze and GET /v1/health, in-process."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsgraph.records import SCHEMA, Analysis, check_spans

ARTICLE = (
    "Foreign Minister Anna Berg rejected the proposal on Monday.\n\n"
    '"We will not sign this agreement," Berg told reporters in Oslo.'
)


def test_api_analyze_text_returns_document(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"text": ARTICLE, "published": "2024-03-06", "title": "No deal"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    doc = r.json()
    assert doc["schema"] == SCHEMA
    assert doc["text"] == ARTICLE
    assert doc["published"] == "2024-03-06"
    assert doc["title"] == "No deal"
    assert check_spans(doc) == []
    # the document is a valid record, and the same as a direct analysis would give
    Analysis.from_dict(doc)
    quotes = [q for q in doc["quotes"] if q["kind"] == "direct"]
    assert quotes, "the direct quote was not found"
    assert quotes[0]["content"]["text"].startswith('"We will not sign')
    assert quotes[0]["speaker"]["name"] and "Berg" in quotes[0]["speaker"]["name"]


def test_api_analyze_same_as_library(app_client: TestClient, analyzer) -> None:  # type: ignore[no-untyped-def]
    r = app_client.post("/v1/analyze", json={"text": ARTICLE, "published": "2024-03-06"})
    assert r.json() == analyzer(ARTICLE, published="2024-03-06").to_dict()


def test_api_analyze_html(app_client: TestClient) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n\n"))
    page = (
        "<html><head><title>Berg says no</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Berg says no</h1>{paragraphs}{paragraphs.replace('Oslo', 'Bergen')}</article>"
        "<footer>Copyright</footer></body></html>"
    )
    r = app_client.post("/v1/analyze", json={"html": page})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert "We will not sign this agreement" in doc["text"]
    assert "Copyright" not in doc["text"]
    assert check_spans(doc) == []


def test_api_analyze_id_is_kept(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"text": "The talks ended.", "id": "my-article-7"})
    assert r.status_code == 200
    assert r.json()["id"] == "my-article-7"


def test_api_analyze_empty_text_warns(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"text": "   "})
    assert r.status_code == 200
    assert r.json()["warnings"] and r.json()["quotes"] == []


def test_api_analyze_needs_exactly_one_source(app_client: TestClient) -> None:
    assert app_client.post("/v1/analyze", json={}).status_code == 422
    assert app_client.post("/v1/analyze", json={"text": "a", "html": "<p>a</p>"}).status_code == 422
    assert app_client.post("/v1/analyze", json={"text": "a", "unknown": 1}).status_code == 422
    assert app_client.post("/v1/analyze", json=["text"]).status_code == 422


def test_api_analyze_bad_date_is_422(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"text": "The talks ended.", "published": "last week"})
    assert r.status_code == 422
    assert "YYYY-MM-DD" in r.text


def test_api_analyze_malformed_json_is_422(app_client: TestClient) -> None:
    r = app_client.post(
        "/v1/analyze", content=b'{"text": "unterminated', headers={"content-type": "application/json"}
    )
    assert r.status_code == 422


def test_api_analyze_lone_surrogate_is_422_not_500(app_client: TestClient) -> None:
    r = app_client.post(
        "/v1/analyze", content=b'{"text": "bad \\ud800 text"}', headers={"content-type": "application/json"}
    )
    assert r.status_code == 422
    assert "Unicode" in r.json()["detail"]


def test_api_analyze_html_without_text_warns(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"html": "<html><body></body></html>", "id": "empty-page"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["id"] == "empty-page" and doc["text"] == "" and doc["quotes"] == []
    assert any("no article text" in w for w in doc["warnings"])


def test_api_health(app_client: TestClient) -> None:
    r = app_client.get("/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] is False
    assert body["analyses_running"] == 0


def test_api_without_db_has_no_corpus_routes(app_client: TestClient) -> None:
    assert app_client.get("/v1/quotes").status_code == 404
    assert app_client.get("/corpus").status_code == 404
    paths = app_client.get("/openapi.json").json()["paths"]
    assert "/v1/analyze" in paths and "/v1/quotes" not in paths


def test_api_docs_work_offline(app_client: TestClient) -> None:
    page = app_client.get("/docs").text
    assert "/docs-static/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert app_client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert app_client.get("/redoc").status_code == 200
