"""The web viewer in a real browser: Debian's chromium driven by Playwright, against the real server.

Starts uvicorn on a free loopback port (in a thread, sharing the session's
Analyzer), pastes an article, checks that its quotes are highlighted with the
right speakers, then opens the corpus page on the small hand-built store.
Screenshots go to test-artifacts/ (not committed).

Without chromium the tests skip, saying how to enable them; with
``NEWSGRAPH_REQUIRE_BROWSER=1`` (set by ``.ci/run``) they fail instead, so CI
cannot pass without running them. ``NEWSGRAPH_CHROMIUM`` names another
executable (a path that does not exist simulates a machine without chromium).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

ARTICLE = """Harbour talks collapse as strike enters third week

Port Authority chief Maria Lindqvist said on Tuesday that the harbour would stay closed until the dispute is settled.

"We cannot reopen the docks while the cranes are unsafe," Lindqvist told reporters in Gothenburg.

Union leader Tomas Berg accused the authority of stalling. "They have had three months to fix this," he said.

The city council will meet the union on Friday, according to a spokesperson.
"""

# (words inside the quote, the speaker's resolved name)
EXPECTED_DIRECT = [
    ("We cannot reopen the docks", "Maria Lindqvist"),
    ("They have had three months", "Tomas Berg"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chromium_executable() -> str | None:
    """The chromium to drive: ``NEWSGRAPH_CHROMIUM`` if set, else Debian's; ``None`` if there is none."""
    given = os.environ.get("NEWSGRAPH_CHROMIUM")
    candidates = [given] if given else [CHROMIUM, shutil.which("chromium")]
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def browser_missing(why: str) -> None:
    """Skip (a machine without chromium), or fail when the environment requires the browser tests (CI)."""
    message = f"{why}: the browser tests need Debian's chromium (apt-get install chromium chromium-driver)"
    if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER", "").strip().lower() in ("1", "true", "yes", "on"):
        pytest.fail(f"{message}; NEWSGRAPH_REQUIRE_BROWSER is set, so they may not be skipped")
    pytest.skip(message)


def _serve(db: Path, analyzer: Any) -> Iterator[str]:
    import uvicorn

    from newsgraph.api import create_app

    port = _free_port()
    app = create_app(str(db), analyzer=analyzer)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(analyzer: Any, corpus_db: Path) -> Iterator[str]:
    yield from _serve(corpus_db, analyzer)


def _spread_documents() -> list[Any]:
    """Events in January, February and July 2024, one undated, and a network of 30 actors."""
    from dataclasses import replace

    from api_fixtures import build_document

    def month(aid: str, day: str, n: int) -> Any:
        text = "\n\n".join(f"The Dock Union accused the Port Board of delay number {i}." for i in range(n))
        return build_document(
            aid, text, day, title=aid,
            entities=[("Dock Union", "organization", "CITLAB", ["Dock Union"]),
                      ("Port Board", "organization", "CITGOV", ["Port Board"])],
            events=[("ACCUSE", ["Dock Union"], ["Port Board"], f"accused#{i}" if i else "accused",
                     f"The Dock Union accused the Port Board of delay number {i}.") for i in range(n)],
        )

    names = [f"Harbour Committee Number {i:02d} of the Northern District" if i % 3 == 0 else f"Council {i:02d}"
             for i in range(30)]
    lines = [f"{names[i]} criticised {names[(i + 1) % 30]} on Monday." for i in range(30)]
    dense = build_document(
        "dense", "\n\n".join(lines), "2024-02-10", title="dense",
        entities=[(n, "organization", None, [n if i else n]) for i, n in enumerate(names)],
        events=[("DISAPPROVE", [names[i]], [names[(i + 1) % 30]], f"criticised#{i}" if i else "criticised", lines[i])
                for i in range(30)],
    )
    undated = month("undated", "2024-05-01", 1)
    undated = replace(
        undated, published=None, events=tuple(replace(v, date=None) for v in undated.events)
    )
    return [month("jan", "2024-01-09", 2), month("feb", "2024-02-03", 1), month("jul", "2024-07-21", 1), dense, undated]


@pytest.fixture(scope="module")
def spread_server(analyzer: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from api_fixtures import write_store

    db = write_store(tmp_path_factory.mktemp("spread") / "spread.db", _spread_documents())
    yield from _serve(db, analyzer)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Checked here, in the first fixture every test requests (``page`` needs
    # ``browser`` before ``server``), so that nothing launches without chromium.
    executable = chromium_executable()
    if executable is None:
        browser_missing(f"no chromium at {os.environ.get('NEWSGRAPH_CHROMIUM') or CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_missing("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on(
        "request",
        lambda r: (
            problems.append(f"left the server: {r.url}") if not r.url.startswith("http://127.0.0.1") else None
        ),
    )
    pg.problems = problems
    yield pg
    context.close()


def _quote_id(page: Any, words: str) -> str | None:
    """The id of the highlighted quote whose pieces, joined, contain ``words``."""
    return page.evaluate(
        """words => {
            const text = {};
            document.querySelectorAll('#article-text span[data-q]').forEach(el => {
                el.getAttribute('data-q').split(' ').forEach(id => { text[id] = (text[id] || '') + el.textContent; });
            });
            return Object.keys(text).find(id => text[id].includes(words)) || null;
        }""",
        words,
    )


def _paste(page: Any, server: str, text: str) -> None:
    page.goto(server + "/")
    page.fill("#text", text)
    page.fill("input[name=published]", "2024-05-14")
    page.fill("input[name=title]", "Harbour talks")
    page.click("#analyse")
    page.wait_for_selector("#article-text")


def test_browser_article_quotes_highlighted_with_speakers(page: Any, server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    _paste(page, server, ARTICLE)
    assert page.inner_text("#article-text").strip() == ARTICLE.strip()
    for words, speaker in EXPECTED_DIRECT:
        qid = _quote_id(page, words)
        assert qid, f"no quote highlighted around {words!r}"
        quote = page.locator(f'#article-text span.q-direct[data-q~="{qid}"]').first
        assert quote.count() == 1, f"the quote around {words!r} is not styled as direct"
        quote.hover()
        tip = page.locator("#tip")
        tip.wait_for(state="visible")
        assert f"Speaker: {speaker}" in tip.inner_text()
        assert speaker in page.inner_text("#selected-details")
        # every piece of that quote is marked, and its speaker mention is outlined
        pieces = page.locator(f'#article-text span[data-q~="{qid}"]')
        assert pieces.count() >= 1
        assert pieces.count() == page.locator(f'#article-text span.hl[data-q~="{qid}"]').count()
        assert page.locator(f'#article-text span.hl-spk[data-spk~="{qid}"]').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "article-hover.png"), full_page=True)
    # direct and indirect quotes look different
    direct_bg = page.eval_on_selector(
        "#article-text span.q-direct", "e => getComputedStyle(e).backgroundColor"
    )
    indirect = page.locator("#article-text span.q-indirect")
    if indirect.count():
        indirect_bg = indirect.first.evaluate("e => getComputedStyle(e).backgroundColor")
        indirect_border = indirect.first.evaluate("e => getComputedStyle(e).borderBottomStyle")
        assert (indirect_bg, indirect_border) != (direct_bg, "none")
    # the quote list selects a quote too
    page.mouse.move(0, 0)
    page.locator("[data-select-quote]").first.click()
    assert page.locator("#article-text span.hl").count() >= 1
    assert page.problems == []


def test_browser_article_text_is_never_markup(page: Any, server: str) -> None:
    hostile = (
        'Mayor Ana Ruiz said "<script>window.__xss = 1</script>" was in the text.\n\n'
        '<img src=x onerror="window.__xss = 2"> and <b>bold</b> stay literal.'
    )
    _paste(page, server, hostile)
    assert page.evaluate("window.__xss === undefined")
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert "<script>window.__xss = 1</script>" in page.inner_text("#article-text")
    page.screenshot(path=str(ARTIFACTS / "article-literal-markup.png"), full_page=True)


def test_browser_event_evidence_link(page: Any, server: str) -> None:
    page.goto(server + "/articles/art-1")
    link = page.locator(".evidence-link").first
    event = link.get_attribute("data-event")
    link.click()
    marked = page.locator(f'#article-text span.ev-on[data-ev~="{event}"]')
    assert marked.count() >= 1
    assert "Source" in page.inner_text("#selected-details")
    page.screenshot(path=str(ARTIFACTS / "stored-article-event.png"), full_page=True)
    assert page.problems == []


def test_browser_corpus_page(page: Any, server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/corpus")
    # timeline: one bar per month with events; network: one node per actor, one edge per (dyad, type)
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == 2
    assert [bars.nth(i).get_attribute("data-count") for i in range(2)] == ["2", "2"]
    assert page.locator("#network .node").count() == 4
    assert page.locator("#network path.edge").count() == 4
    assert page.locator("#network-legend span").count() == 4
    page.screenshot(path=str(ARTIFACTS / "corpus.png"), full_page=True)
    # quote search
    page.fill("input[name=speaker]", "Ortiz")
    page.click("#search-quotes")
    page.wait_for_load_state()
    assert page.locator(".quote-table tbody tr").count() == 2
    # event filter by type keeps the quote search
    page.select_option("select[name=type]", "THREATEN")
    page.click("#filter-events")
    page.wait_for_load_state()
    assert page.locator(".event-table tbody tr").count() == 1
    assert page.locator(".quote-table tbody tr").count() == 2
    assert page.locator("#timeline rect.bar").count() == 1
    assert page.locator("#network .node").count() == 2
    # clicking a network node filters the events by that actor
    page.locator("#network .node", has_text="CITLEG").click()
    page.wait_for_load_state()
    assert page.input_value("input[name=actor]") == "CITLEG"
    assert page.locator(".event-table tbody tr").count() == 1
    assert "Appears with:" in page.inner_text(".actor-box")
    page.screenshot(path=str(ARTIFACTS / "corpus-filtered.png"), full_page=True)
    assert page.problems == []


def test_browser_corpus_page_shows_an_invalid_date(page: Any, server: str) -> None:
    page.goto(server + "/corpus")
    page.fill("input[name=from]", "2020-99-99")
    page.click("#filter-events")
    page.wait_for_load_state()
    error = page.locator("p.error")
    assert error.count() == 1 and error.is_visible()
    assert "event date from" in error.inner_text() and "2020-99-99" in error.inner_text()
    assert page.input_value("input[name=from]") == "2020-99-99"  # kept in the form, to be corrected


def test_browser_timeline_is_a_time_axis_and_counts_undated_events(page: Any, spread_server: str) -> None:
    page.goto(spread_server + "/corpus")
    bars = page.locator("#timeline rect.bar")
    periods = [bars.nth(i).get_attribute("data-period") for i in range(bars.count())]
    assert periods == ["2024-01", "2024-02", "2024-07"]
    xs = [float(bars.nth(i).get_attribute("x")) for i in range(bars.count())]
    # one month from January to February, five more to July: distances in proportion to time
    assert abs((xs[2] - xs[1]) - 5 * (xs[1] - xs[0])) < 1.0, xs
    assert [bars.nth(i).get_attribute("data-count") for i in range(3)] == ["2", "31", "1"]
    assert "1 matching event without a date" in page.inner_text("#timeline-undated")
    page.screenshot(path=str(ARTIFACTS / "corpus-time-axis.png"), full_page=True)
    assert page.problems == []


def test_browser_network_labels_do_not_overlap(page: Any, spread_server: str) -> None:
    page.goto(spread_server + "/corpus")
    labels = page.locator("#network .node text")
    assert labels.count() >= 30
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('#network .node text')).map(t => {
            const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent];
        })"""
    )
    svg = page.evaluate("() => { const r = document.querySelector('#network svg').getBoundingClientRect();"
                        " return [r.left, r.top, r.right, r.bottom]; }")
    overlaps = [
        (a[4], b[4])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1:]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert overlaps == []
    # and every label is inside the drawing, so none is cut off
    assert all(svg[0] <= a[0] and a[2] <= svg[2] + 0.5 and svg[1] <= a[1] and a[3] <= svg[3] + 0.5 for a in boxes)
    page.locator("#network").screenshot(path=str(ARTIFACTS / "corpus-network-labels.png"))
    assert page.problems == []
