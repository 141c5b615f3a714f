"""Fixtures for the API tests: an app without a database, and one over a small hand-built store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fixtures import corpus_documents, write_store
from fastapi.testclient import TestClient

from newsgraph.api import ServeSettings, create_app
from newsgraph.pipeline import Analyzer


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("store") / "corpus.db", corpus_documents())


@pytest.fixture(scope="session")
def app_client(analyzer: Analyzer) -> Iterator[TestClient]:
    """Analysis only (no database), sharing the session's Analyzer."""
    with TestClient(create_app(None, analyzer=analyzer)) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_client(analyzer: Analyzer, corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(str(corpus_db), ServeSettings(max_page_size=100), analyzer=analyzer)
    ) as client:
        yield client
