"""Security: XSS through article text and query parameters, SSRF through URL analysis, headers."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import httpx
import pytest
from api_fixtures import build_document, make_client, write_store
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.api.errors import FetchFailed, UrlRefused
from newsgraph.api.fetch import address_refusal, check_url, fetch_url

XSS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "</script><script>alert(2)</script>",
    "javascript:alert(3)",
]

RAW = re.compile(r"<script>alert|<img src=x|<svg onload|</script><script>", re.I)


def _scripts_in(html: str) -> list[str]:
    """The ``src`` of every script element plus the type of every inline one."""
    return re.findall(r"<script\b([^>]*)>", html)


def test_xss_article_text_is_shown_as_text(app_client: TestClient) -> None:
    text = '"We reject this," said Mayor Ana Ruiz. ' + " ".join(XSS) + " The council met on Monday."
    r = app_client.post("/article", data={"text": text, "title": "<b>bold</b> title"})
    assert r.status_code == 200
    html = r.text
    assert not RAW.search(html), RAW.search(html)
    assert "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;bold&lt;/b&gt; title" in html
    # only our own script file and the inert JSON data block
    assert sorted(_scripts_in(html)) == sorted(
        [' type="application/json" id="analysis-data"', ' src="/static/article.js?v=0.1.0"']
    )


def test_xss_stored_article_and_titles(tmp_path: Path, analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Ana Ruiz spoke. " + " ".join(XSS)
    doc = build_document(
        "x<s>",
        text,
        "2024-01-02",
        title="<script>alert('title')</script>",
        entities=[("<img src=x onerror=alert(9)>", "person", None, ["Ana Ruiz"])],
    )
    db = write_store(tmp_path / "xss.db", [doc])
    with TestClient(
        __import__("newsgraph.api", fromlist=["create_app"]).create_app(str(db), analyzer=analyzer)
    ) as c:
        page = c.get("/articles/x%3Cs%3E")
        assert page.status_code == 200
        assert not RAW.search(page.text)
        assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page.text
        corpus = c.get("/corpus", params={"actor": "<img src=x onerror=alert(9)>"})
        assert not RAW.search(corpus.text)


@pytest.mark.parametrize("payload", XSS)
def test_xss_query_parameters_are_escaped(corpus_client: TestClient, payload: str) -> None:
    for name in ("speaker", "q", "actor", "type", "from", "qfrom", "kind"):
        r = corpus_client.get("/corpus", params={name: payload})
        assert r.status_code in (200, 422)
        assert not RAW.search(r.text), (name, payload)
    r = corpus_client.get("/articles/" + payload.replace("/", "%2F"))
    assert not RAW.search(r.text)


def test_xss_json_data_block_cannot_close_its_script(app_client: TestClient) -> None:
    text = 'Ana Ruiz said "</script><script>alert(1)</script>" loudly.'
    html = app_client.post("/article", data={"text": text}).text
    block = html[html.index('id="analysis-data">') :]
    block = block[: block.index("</script>")]
    assert "<" not in block.split(">", 1)[1]


def test_security_headers_on_pages(app_client: TestClient) -> None:
    r = app_client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_elsewhere(app_client: TestClient, corpus_client: TestClient) -> None:
    pages = [app_client.get("/").text, app_client.post("/article", data={"text": "Ana Ruiz said no."}).text]
    pages.append(corpus_client.get("/corpus").text)
    for html in pages:
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert url.startswith(("/", "#")), url


# -- URL analysis (SSRF) -------------------------------------------------------------


def test_url_analysis_off_by_default(app_client: TestClient) -> None:
    r = app_client.post("/v1/analyze", json={"url": "https://example.com/news"})
    assert r.status_code == 403
    assert "--allow-url" in r.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8000/v1/health",
        "http://localhost:8000/",
        "http://10.0.0.1/",
        "http://10.255.3.4:8080/admin",
        "http://192.168.1.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "file:///etc/passwd",
        "gopher://127.0.0.1/",
        "ftp://example.com/",
        "http://user:pw@example.com/",
        "not a url",
    ],
)
def test_url_fetch_refuses_internal_addresses(url: str, analyzer) -> None:  # type: ignore[no-untyped-def]
    def no_network(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"must not connect: {request.url}")

    with make_client(analyzer, allow_url=True, transport=httpx.MockTransport(no_network)) as client:
        r = client.post("/v1/analyze", json={"url": url})
        assert r.status_code in (400, 502), r.text
        assert r.status_code == 400 or "resolve" in r.json()["detail"]


def test_url_fetch_refuses_names_resolving_inside() -> None:
    resolver = {"intranet.test": ["10.1.2.3"], "mixed.test": ["93.184.216.34", "127.0.0.1"]}
    for host in resolver:
        with pytest.raises(UrlRefused):
            check_url(f"http://{host}/", resolve=lambda h, p: resolver[h])


PAGE = (
    "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
    "<p>Foreign Minister Anna Berg rejected the proposal on Monday.</p>"
    "<p>&quot;We will not sign this agreement,&quot; Berg told reporters in Oslo.</p>"
    "<p>The talks will resume next month in Geneva, officials said.</p>"
    "</article></body></html>"
)


def test_url_fetch_connects_to_the_checked_address(analyzer) -> None:  # type: ignore[no-untyped-def]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, html=PAGE)

    with make_client(
        analyzer,
        allow_url=True,
        resolver=lambda host, port: ["93.184.216.34"],
        transport=httpx.MockTransport(handler),
    ) as client:
        r = client.post("/v1/analyze", json={"url": "http://news.test/story?id=1#top"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["url"] == "http://news.test/story?id=1"
    assert "We will not sign this agreement" in doc["text"]
    assert len(seen) == 1
    assert seen[0].url.host == "93.184.216.34"
    assert seen[0].headers["host"] == "news.test"


def test_url_fetch_redirect_to_metadata_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    with pytest.raises(UrlRefused, match="link-local"):
        fetch_url(
            "http://news.test/",
            timeout=5,
            max_bytes=10_000,
            max_redirects=3,
            resolve=lambda h, p: ["93.184.216.34"],
            transport=httpx.MockTransport(handler),
        )
    assert seen == ["http://93.184.216.34/"]


def test_url_fetch_redirect_via_dns_to_private_is_refused() -> None:
    addresses = {"news.test": ["93.184.216.34"], "internal.test": ["192.168.0.10"]}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": "http://internal.test/secret"})

    with pytest.raises(UrlRefused, match="private"):
        fetch_url(
            "http://news.test/",
            timeout=5,
            max_bytes=10_000,
            max_redirects=3,
            resolve=lambda h, p: addresses[h],
            transport=httpx.MockTransport(handler),
        )


def test_url_fetch_limits() -> None:
    public = {"resolve": lambda h, p: ["93.184.216.34"], "timeout": 5, "max_redirects": 2}
    big = httpx.MockTransport(lambda r: httpx.Response(200, html="<p>" + "x" * 50_000 + "</p>"))
    with pytest.raises(FetchFailed, match="larger than"):
        fetch_url("http://news.test/", max_bytes=10_000, transport=big, **public)  # type: ignore[arg-type]
    loop = httpx.MockTransport(lambda r: httpx.Response(302, headers={"location": "/again"}))
    with pytest.raises(FetchFailed, match="redirects"):
        fetch_url("http://news.test/", max_bytes=10_000, transport=loop, **public)  # type: ignore[arg-type]
    binary = httpx.MockTransport(
        lambda r: httpx.Response(200, content=b"\x00" * 10, headers={"content-type": "image/png"})
    )
    with pytest.raises(FetchFailed, match="image/png"):
        fetch_url("http://news.test/", max_bytes=10_000, transport=binary, **public)  # type: ignore[arg-type]
    missing = httpx.MockTransport(lambda r: httpx.Response(404))
    with pytest.raises(FetchFailed, match="404"):
        fetch_url("http://news.test/", max_bytes=10_000, transport=missing, **public)  # type: ignore[arg-type]


@given(st.ip_addresses(v=4))
def test_address_refusal_matches_ipv4_and_its_mapped_ipv6(addr: ipaddress.IPv4Address) -> None:
    verdict = address_refusal(str(addr))
    if not addr.is_global or addr.is_multicast:
        assert verdict is not None
    mapped = ipaddress.IPv6Address(f"::ffff:{addr}")
    assert (address_refusal(str(mapped)) is None) == (verdict is None)


@pytest.mark.parametrize("addr", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "1.1.1.1"])
def test_address_refusal_lets_public_addresses_through(addr: str) -> None:
    assert address_refusal(addr) is None


def test_loopback_server_refuses_foreign_host_headers(analyzer) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.api import create_app
    from newsgraph.cli.serve import allowed_hosts

    hosts = allowed_hosts("127.0.0.1")
    assert hosts and allowed_hosts("0.0.0.0") is None
    with TestClient(
        create_app(None, analyzer=analyzer, allowed_hosts=hosts), base_url="http://127.0.0.1:8000"
    ) as c:
        assert c.get("/v1/health").status_code == 200
        assert c.get("/v1/health", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/v1/health", headers={"host": "attacker.example:8000"}).status_code == 400
