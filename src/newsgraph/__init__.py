"""newsgraph: structured, verifiable records of political communication from news articles.

>>> import newsgraph
>>> result = newsgraph.analyze('"We will not back down," the minister said.')
>>> result.to_dict()["schema"]
'newsgraph/1'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from newsgraph.errors import (
    ConfigError,
    DecodeError,
    InputError,
    KnowledgeBaseError,
    ModelError,
    NewsgraphError,
    SchemaVersionError,
    StorageError,
    TooLargeError,
)
from newsgraph.ids import article_id
from newsgraph.records import (
    SCHEMA,
    Actor,
    Analysis,
    AnchoredDate,
    DateRef,
    Entity,
    Event,
    Flag,
    FramingItem,
    Location,
    Mention,
    Quote,
    Span,
    Speaker,
    check_spans,
)
from newsgraph.settings import SETTINGS, Settings, load_settings

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer, analyze

# The pipeline (and with it spaCy, ~1.5 s and ~100 MB) is imported on first
# use of ``Analyzer`` or ``analyze``, so that processes which never analyse
# (the batch writer, the Spark driver, ``newsgraph --help``) do not pay for it.
_LAZY = {"Analyzer", "analyze"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from newsgraph import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = [
    "SCHEMA",
    "SETTINGS",
    "Actor",
    "Analysis",
    "Analyzer",
    "AnchoredDate",
    "ConfigError",
    "DateRef",
    "DecodeError",
    "Entity",
    "Event",
    "Flag",
    "FramingItem",
    "InputError",
    "KnowledgeBaseError",
    "Location",
    "Mention",
    "ModelError",
    "NewsgraphError",
    "Quote",
    "SchemaVersionError",
    "Settings",
    "Span",
    "Speaker",
    "StorageError",
    "TooLargeError",
    "__version__",
    "analyze",
    "article_id",
    "check_spans",
    "load_settings",
]
