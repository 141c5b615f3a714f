"""docs/batch.md is checked against the code: the schema table and the example queries."""

from __future__ import annotations

import re
from pathlib import Path

from test_store_parquet import EVENTS_PER_TYPE, QUOTES_OF_SPEAKER, TOP_DYADS  # type: ignore[import-not-found]

from newsgraph.store.schema import schema_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "batch.md"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_store_docs_schema_table_is_generated_from_the_schema():
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- schema:start", 1)[1].split("-->", 1)[1].split("<!-- schema:end -->", 1)[0]
    assert block.strip() == schema_markdown().strip(), (
        "regenerate with newsgraph.store.schema.schema_markdown()"
    )


def test_store_docs_example_queries_are_the_tested_ones():
    text = _norm(DOC.read_text(encoding="utf-8"))
    for query in (TOP_DYADS, QUOTES_OF_SPEAKER, EVENTS_PER_TYPE):
        assert _norm(query.format(d="DIR")) in text
