"""The article page: text cut into annotated pieces, styles per quote kind, panels."""

from __future__ import annotations

import html as htmlmod
import re

from api_fixtures import corpus_documents
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.api.view import article_context, segments
from newsgraph.records import Analysis, Entity, Mention, Quote, Span, Speaker


@st.composite
def annotated(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=80))
    n = len(text)

    def span() -> Span:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span.of(text, a, b)

    quotes = tuple(
        Quote(
            f"Q{i}",
            draw(st.sampled_from(["direct", "indirect", "mixed"])),
            (span(),),
            cue=span(),
            speaker=Speaker(span(), None, "X"),
        )
        for i in range(1, draw(st.integers(0, 4)) + 1)
    )
    ents = tuple(
        Entity(f"E{i}", "N", "person", tuple(Mention(s.start, s.end, s.text) for s in (span(), span())))
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    return Analysis(id="a", text=text, quotes=quotes, entities=ents)


@given(annotated())
def test_view_segments_cover_the_text_exactly(analysis: Analysis) -> None:
    segs = segments(analysis)
    assert "".join(s.text for s in segs) == analysis.text
    pos = 0
    for s in segs:
        assert s.start == pos and s.end > s.start and s.text == analysis.text[s.start : s.end]
        pos = s.end
    # every non-empty quote span is covered by pieces that carry its id
    for q in analysis.quotes:
        part = q.content[0]
        if part.start < part.end:
            covering = [s for s in segs if s.start < part.end and part.start < s.end]
            assert all(q.id in s.layers.get("q", ()) for s in covering)


def test_view_classes_by_quote_kind() -> None:
    doc = corpus_documents()[1]  # an indirect quote inside a sentence
    segs = segments(doc)
    quoted = [s for s in segs if "q" in s.layers]
    assert quoted and all("q-indirect" in s.classes for s in quoted)
    assert "".join(s.text for s in quoted) == 'the budget "protects every job"'
    cue = [s for s in segs if "cue" in s.layers]
    assert [s.text for s in cue] == ["said"]


def test_view_panels_and_titles() -> None:
    ctx = article_context(corpus_documents()[0])
    assert ctx["quotes"][0]["speaker"] == "Lena Ortiz" and ctx["quotes"][0]["code"] == "CITGOV"
    ev = {e["type"]: e for e in ctx["events"]}
    assert [a["name"] for a in ev["CONSULT"]["source"]] == ["Lena Ortiz"]
    assert [a["code"] for a in ev["ACCUSE"]["target"]] == ["CITLEG"]
    titled = [s.title for s in ctx["segments"] if "q" in s.layers]
    assert titled and "direct quote Q1: Lena Ortiz" in titled[0]


def test_view_page_marks_quotes_with_speakers(corpus_client: TestClient) -> None:
    page = corpus_client.get("/articles/art-1").text
    body = page[page.index('id="article-text"') :]
    body = body[body.index(">") + 1 : body.index("</div>")]
    spans = re.findall(r'<span class="([^"]*)"([^>]*)>([^<]*)</span>', body)
    direct = [(c, a, t) for c, a, t in spans if "q-direct" in c]
    assert direct and all('data-q="Q1"' in a for _, a, _ in direct)
    assert htmlmod.unescape("".join(t for _, _, t in direct)) == '"We will not accept these cuts,"'
    speaker = [t for c, a, t in spans if "spk" in c.split()]
    assert speaker == ["Ortiz"]
    # the side panel: speaker, code, and the events with links to their evidence
    assert '<span class="who">Lena Ortiz</span> <code>CITGOV</code>' in page
    assert 'href="#ev-V1"' in page and 'id="ev-V1"' in page
    # the article text reads the same once the markup is removed
    assert htmlmod.unescape(re.sub(r"<[^>]+>", "", body)) == corpus_documents()[0].text


def test_view_paste_form_errors(app_client: TestClient) -> None:
    r = app_client.post("/article", data={"text": "  "})
    assert r.status_code == 422 and "paste some article text" in r.text
    r = app_client.post("/article", data={"text": "Ana Ruiz spoke.", "published": "soon"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.text
    assert "Ana Ruiz spoke.</textarea>" in r.text  # the text is kept for another try


def test_view_open_stored_article_redirects(corpus_client: TestClient) -> None:
    r = corpus_client.get("/articles", params={"id": "art 1/2"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/articles/art%201%2F2"
    assert corpus_client.get("/articles/unknown").status_code == 404


def test_view_corpus_page(corpus_client: TestClient) -> None:
    r = corpus_client.get("/corpus", params={"speaker": "Ortiz", "actor": "CITLAB", "type": "ACCUSE"})
    assert r.status_code == 200
    page = r.text
    assert "2 quotes" in page and "1 events" in page
    assert "We will not accept these cuts" in page
    assert "Appears with:" in page  # the actor box for CITLAB
    data = page[page.index('id="chart-data">') :]
    assert '"period": "2024-03"' in data or '"period":"2024-03"' in data
    bad = corpus_client.get("/corpus", params={"from": "yesterday"})
    assert bad.status_code == 422 and "YYYY" in bad.text
    for params, named in (
        ({"from": "2020-99-99"}, "event date from"),
        ({"qto": "2020-02-30"}, "quote date to"),
        ({"type": "NOTATYPE"}, "event type"),
    ):
        bad = corpus_client.get("/corpus", params=params)
        assert bad.status_code == 422 and 'class="error"' in bad.text and named in bad.text, params


def test_view_corpus_articles_card(corpus_client: TestClient) -> None:
    page = corpus_client.get("/corpus", params={"aq": "union"}).text
    card = page[page.index('id="articles"') :]
    assert "1 articles" in card and 'href="/articles/art-3"' in card
    assert "&lt;b&gt;budget" in corpus_client.get("/corpus").text  # titles stay text
