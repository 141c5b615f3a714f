"""docs/api.md is checked against the code: every route and every server setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.api.config import SERVE_SETTINGS

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _normalise(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def test_docs_list_every_route(corpus_client: TestClient) -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = {_normalise(p) for p in re.findall(r"`(?:GET|POST) (/v1/[^?` ]*)", text)}
    for path in corpus_client.get("/openapi.json").json()["paths"]:
        assert _normalise(path) in documented, f"{path} is not in docs/api.md"


def test_docs_list_every_setting() -> None:
    text = DOC.read_text(encoding="utf-8")
    for s in SERVE_SETTINGS:
        assert f"`{s.name}`" in text, f"setting {s.name} is not in docs/api.md"
