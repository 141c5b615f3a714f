"""datasette serves a newsgraph store with the shipped metadata (in-process test client)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from newsgraph.store.rows import rows_from_document
from newsgraph.store.sqlite import SqliteStore

METADATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "datasette" / "metadata.json"


def test_store_datasette_serves_tables_links_and_search(tmp_path, make_analysis):
    from datasette.app import Datasette

    db = tmp_path / "newsgraph.db"
    with SqliteStore(db) as store:
        store.write_document(rows_from_document(make_analysis().to_dict(), source="in:1"))

    async def fetch():
        ds = Datasette([str(db)], metadata=json.loads(METADATA.read_text(encoding="utf-8")))
        page = await ds.client.get("/newsgraph/quotes")
        data = await ds.client.get("/newsgraph/quotes.json?_search=accept&_labels=on&_shape=objects")
        events = await ds.client.get("/newsgraph/cluster_events.json?_shape=objects")
        return page, data, events

    page, data, events = asyncio.run(fetch())
    assert page.status_code == 200
    assert "entity the quote is attributed to" in page.text  # column description from the metadata
    rows = data.json()["rows"]
    assert len(rows) == 1
    assert rows[0]["speaker_entity_id"] == {"value": "art1:E1", "label": "Ilham Aliyev"}
    assert events.status_code == 200 and events.json()["rows"][0]["type"] == "CONSULT"
