from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.records import check_spans
from newsgraph.store.rows import dangling_references, month_of, rows_from_document
from newsgraph.store.schema import DOCUMENT_TABLES, TABLES, TABLES_BY_NAME, datasette_metadata

METADATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "datasette" / "metadata.json"


def test_store_schema_rows_have_exactly_the_table_columns(analysis):
    rows = rows_from_document(analysis.to_dict(), source="in.jsonl:3")
    assert set(rows) == set(DOCUMENT_TABLES)
    for name, table_rows in rows.items():
        for row in table_rows:
            assert tuple(row) == TABLES_BY_NAME[name].column_names, name
    counts = {k: len(v) for k, v in rows.items()}
    assert counts == {
        "articles": 1,
        "entities": 4,
        "mentions": 5,
        "quotes": 1,
        "framing": 1,
        "dates": 1,
        "events": 1,
        "event_actors": 3,
        "flags": 1,
    }


def test_store_schema_flattens_actors_speakers_and_compound_event_actors(analysis):
    rows = rows_from_document(analysis.to_dict(), source="in.jsonl:3")
    article = rows["articles"][0]
    assert article["source"] == "in.jsonl:3" and article["n_quotes"] == 1 and article["cluster"] is None
    aliyev = rows["entities"][0]
    assert (aliyev["id"], aliyev["actor_code"], aliyev["actor_sector"], aliyev["n_mentions"]) == (
        "art1:E1",
        "AZEGOV",
        "GOV,EXE",
        2,
    )
    assert json.loads(rows["entities"][3]["members"]) == ["art1:E1", "art1:E2"]
    quote = rows["quotes"][0]
    assert quote["speaker_entity_id"] == "art1:E1"
    assert analysis.text[quote["span_start"] : quote["span_end"]] == quote["text"] == "will never accept"
    assert analysis.text[quote["cue_start"] : quote["cue_end"]] == "said"
    assert quote["date_value"] == "2020-04-20" and quote["date_basis"] == "text"
    event = rows["events"][0]
    assert (event["source_actors"], event["target_actors"], event["quote_id"]) == (
        "AZEGOV",
        "RUSGOV",
        "art1:Q1",
    )
    links = [(r["role"], r["position"], r["entity_id"], r["actor_code"]) for r in rows["event_actors"]]
    assert links == [
        ("source", 0, "art1:E1", "AZEGOV"),
        ("target", 0, "art1:E2", "RUSGOV"),
        ("target", 1, "art1:E4", None),
    ]
    assert rows["dates"][0]["anchored"] is True


def test_store_schema_offsets_index_the_article_text(analysis):
    doc = analysis.to_dict()
    assert check_spans(doc) == []
    rows = rows_from_document(doc)
    text = doc["text"]
    for name in ("mentions", "framing", "dates"):
        for r in rows[name]:
            assert text[r["span_start"] : r["span_end"]] == r["text"]
    for prefix in ("trigger", "evidence"):
        e = rows["events"][0]
        assert text[e[f"{prefix}_start"] : e[f"{prefix}_end"]] == e[f"{prefix}_text"]


def test_store_schema_empty_document_gives_one_article_row():
    rows = rows_from_document({"schema": "newsgraph/1", "id": "x", "text": "", "entities": []})
    assert len(rows["articles"]) == 1 and all(not rows[t] for t in DOCUMENT_TABLES if t != "articles")


def test_store_schema_dangling_references_are_reported(analysis):
    doc = analysis.to_dict()
    doc["quotes"][0]["speaker"]["entity"] = "E99"
    problems = dangling_references(rows_from_document(doc))
    assert problems == ["quotes.speaker_entity_id = 'art1:E99' names no row of entities"]
    assert dangling_references(rows_from_document(analysis.to_dict())) == []


def test_store_schema_month_of():
    assert month_of("2020-04-22") == "2020-04"
    assert month_of(None) == month_of("") == month_of("April 2020") == "unknown"


def test_store_schema_datasette_metadata_file_matches_schema():
    shipped = json.loads(METADATA.read_text(encoding="utf-8"))
    assert shipped == datasette_metadata()
    tables = shipped["databases"]["newsgraph"]["tables"]
    assert set(tables) == {t.name for t in TABLES}
    assert all(set(tables[t.name]["columns"]) == set(t.column_names) for t in TABLES)


@settings(max_examples=60, deadline=None)
@given(
    st.text(min_size=1, max_size=200),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), min_size=1, max_size=6),
)
def test_store_schema_row_offsets_always_index_the_text(text, pairs):
    from newsgraph.records import Analysis, DateRef, Entity, Mention, Span

    spans = [Span.of(text, min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs]
    entity = Entity("E1", "x", "person", tuple(Mention(s.start, s.end, s.text) for s in spans))
    dates = tuple(DateRef(f"D{i}", s, "2020") for i, s in enumerate(spans, 1))
    rows = rows_from_document(Analysis("a", text, entities=(entity,), dates=dates).to_dict())
    for r in rows["mentions"] + rows["dates"]:
        assert text[r["span_start"] : r["span_end"]] == r["text"]
    assert len(rows["mentions"]) == len(rows["dates"]) == len(spans)
