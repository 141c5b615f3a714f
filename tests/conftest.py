"""Shared fixtures: one spaCy pipeline and one Analyzer for the whole test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.document import ParsedDocument, parse
from newsgraph.nlp import load_pipeline
from newsgraph.pipeline import Analyzer
from newsgraph.settings import Settings


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer(nlp) -> Analyzer:  # type: ignore[no-untyped-def]
    return Analyzer(Settings(), nlp=nlp)


@pytest.fixture(scope="session")
def parse_text(nlp) -> Callable[..., ParsedDocument]:  # type: ignore[no-untyped-def]
    def _parse(text: str, **kw) -> ParsedDocument:  # type: ignore[no-untyped-def]
        return parse(text, nlp, **kw)

    return _parse
