"""Documents and stores for the API tests, built record by record.

The store's documents are built by hand (not by the analysis stages), so that
the corpus tests know exactly which quotes, actors and events it holds
whatever the stages find today.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsgraph.api import ServeSettings, create_app
from newsgraph.records import (
    Actor,
    Analysis,
    AnchoredDate,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    Speaker,
    check_spans,
)
from newsgraph.store.rows import rows_from_document
from newsgraph.store.sqlite import SqliteStore


def _find(text: str, needle: str) -> Span:
    """The span of ``needle`` in ``text``; ``"word#2"`` is the third occurrence of ``word``."""
    nth = 0
    if "#" in needle and needle.rsplit("#", 1)[1].isdigit():
        needle, count = needle.rsplit("#", 1)
        nth = int(count)
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in text"
    return Span.of(text, start, start + len(needle))


def build_document(
    article_id: str,
    text: str,
    published: str,
    *,
    title: str,
    entities: list[tuple[str, str, str | None, list[str]]],
    quotes: list[tuple[str, str, str | None, str, str]] = (),  # type: ignore[assignment]
    events: list[tuple[str, list[str], list[str], str, str]] = (),  # type: ignore[assignment]
) -> Analysis:
    """An ``Analysis`` from a few declarations.

    entities: (name, kind, actor code or None, [mention strings]);
    quotes: (kind, content string, cue string or None, speaker mention, speaker entity name);
    events: (PLOVER type, [source names], [target names], trigger string, evidence string).
    """
    ents: list[Entity] = []
    by_name: dict[str, str] = {}
    for i, (name, kind, code, mentions) in enumerate(entities, 1):
        eid = f"E{i}"
        by_name[name] = eid
        spans = [_find(text, m) for m in mentions]
        actor = Actor(code=code, country=code[:3] if code else None, confidence=0.9) if code else None
        ents.append(
            Entity(
                eid, name, kind, tuple(Mention(s.start, s.end, s.text, "name") for s in spans), actor=actor
            )  # type: ignore[arg-type]
        )
    qs = []
    for i, (kind, content, cue, mention, speaker) in enumerate(quotes, 1):
        qs.append(
            Quote(
                f"Q{i}",
                kind,  # type: ignore[arg-type]
                (_find(text, content),),
                cue=_find(text, cue) if cue else None,
                speaker=Speaker(_find(text, mention), by_name[speaker], speaker),
                confidence=0.9,
                date=AnchoredDate(published, "publication"),
            )
        )
    evs = []
    for i, (etype, sources, targets, trigger, evidence) in enumerate(events, 1):
        evs.append(
            Event(
                f"V{i}",
                etype,
                _find(text, trigger),
                _find(text, evidence),
                source=tuple(by_name[s] for s in sources),
                target=tuple(by_name[t] for t in targets),
                date=AnchoredDate(published, "publication"),
                confidence=0.8,
            )
        )
    doc = Analysis(
        id=article_id,
        text=text,
        published=published,
        title=title,
        entities=tuple(ents),
        quotes=tuple(qs),
        events=tuple(evs),
        meta={"newsgraph": "test"},
    )
    assert not check_spans(doc.to_dict())
    return doc


def corpus_documents() -> list[Analysis]:
    t1 = (
        "Mayor Lena Ortiz met the Harbour Workers Union on Tuesday.\n\n"
        '"We will not accept these cuts," Ortiz said after the meeting.\n\n'
        "The union accused the city council of ignoring the port."
    )
    t2 = (
        "Governor Paul Reyes criticised Mayor Lena Ortiz over the port budget.\n\n"
        'Ortiz said the budget "protects every job" and rejected the criticism.\n\n'
        "<script>alert('x')</script> appeared in a comment field."
    )
    t3 = (
        "The Harbour Workers Union threatened a strike against the city council.\n\n"
        '"A strike is the last resort," union leader Sam Okafor told reporters.'
    )
    return [
        build_document(
            "art-1",
            t1,
            "2024-03-05",
            title="Mayor meets dock workers",
            entities=[
                ("Lena Ortiz", "person", "CITGOV", ["Lena Ortiz", "Ortiz#1"]),
                ("Harbour Workers Union", "organization", "CITLAB", ["Harbour Workers Union", "union"]),
                ("city council", "organization", "CITLEG", ["city council"]),
            ],
            quotes=[("direct", '"We will not accept these cuts,"', "said", "Ortiz#1", "Lena Ortiz")],
            events=[
                (
                    "CONSULT",
                    ["Lena Ortiz"],
                    ["Harbour Workers Union"],
                    "met",
                    "Mayor Lena Ortiz met the Harbour Workers Union on Tuesday.",
                ),
                (
                    "ACCUSE",
                    ["Harbour Workers Union"],
                    ["city council"],
                    "accused",
                    "The union accused the city council of ignoring the port.",
                ),
            ],
        ),
        build_document(
            "art-2",
            t2,
            "2024-04-11",
            title="Governor criticises mayor <b>budget</b>",
            entities=[
                ("Paul Reyes", "person", "PROGOV", ["Paul Reyes"]),
                ("Lena Ortiz", "person", "CITGOV", ["Lena Ortiz", "Ortiz#1"]),
            ],
            quotes=[("indirect", 'the budget "protects every job"', "said", "Ortiz#1", "Lena Ortiz")],
            events=[
                (
                    "DISAPPROVE",
                    ["Paul Reyes"],
                    ["Lena Ortiz"],
                    "criticised",
                    "Governor Paul Reyes criticised Mayor Lena Ortiz over the port budget.",
                ),
            ],
        ),
        build_document(
            "art-3",
            t3,
            "2024-04-20",
            title="Union threatens strike",
            entities=[
                ("Harbour Workers Union", "organization", "CITLAB", ["Harbour Workers Union"]),
                ("city council", "organization", "CITLEG", ["city council"]),
                ("Sam Okafor", "person", None, ["Sam Okafor"]),
            ],
            quotes=[("direct", '"A strike is the last resort,"', "told", "Sam Okafor", "Sam Okafor")],
            events=[
                (
                    "THREATEN",
                    ["Harbour Workers Union"],
                    ["city council"],
                    "threatened",
                    "The Harbour Workers Union threatened a strike against the city council.",
                ),
            ],
        ),
    ]


def write_store(path: Path, documents: list[Analysis]) -> Path:
    with SqliteStore(path) as store:
        for doc in documents:
            store.write_document(rows_from_document(doc.to_dict(), source=f"test:{doc.id}"))
    return path


def make_client(analyzer: Any = None, db: str | None = None, **kw: Any) -> TestClient:
    """A client over an app with ``kw`` applied to its ``ServeSettings`` (``resolver``/``transport`` passed on)."""
    extra = {k: kw.pop(k) for k in ("resolver", "transport") if k in kw}
    return TestClient(create_app(db, ServeSettings(**kw), analyzer=analyzer, **extra))
