"""Property tests from the OpenAPI schema: schemathesis generates requests for every operation.

Every response must conform to the schema (status code, content type, body),
and no request, valid or not, may get a 5xx. The app runs in-process with the
real analyzer and the small hand-built store.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import schemathesis
from api_fixtures import corpus_documents, write_store
from hypothesis import HealthCheck, settings

from newsgraph.api import ServeSettings, create_app
from newsgraph.pipeline import Analyzer

# More examples for a deeper run: NEWSGRAPH_SCHEMATHESIS_EXAMPLES=500 pytest tests/api/test_api_schemathesis.py
EXAMPLES = int(os.environ.get("NEWSGRAPH_SCHEMATHESIS_EXAMPLES", "25"))

_db = write_store(Path(tempfile.mkdtemp(prefix="newsgraph-schemathesis-")) / "corpus.db", corpus_documents())


def _app():  # type: ignore[no-untyped-def]
    # The analyzer is the expensive part; build it lazily on the first analysis.
    return create_app(str(_db), ServeSettings(max_page_size=50, analysis_timeout=60, in_process=True))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@pytest.fixture(scope="module", autouse=True)
def _share_analyzer(analyzer: Analyzer) -> None:
    schema.app.state.ctx._analyzer = analyzer


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("NEWSGRAPH_SCHEMATHESIS_RANDOM") is None,
)
def test_api_schema_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:300]}"
    )
    case.validate_response(response)
