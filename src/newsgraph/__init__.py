"""newsgraph: structured, verifiable records of political communication from news articles.

>>> import newsgraph
>>> result = newsgraph.analyze('"We will not back down," the minister said.')
>>> result.to_dict()["schema"]
'newsgraph/1'
"""

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
from newsgraph.pipeline import Analyzer, __version__, analyze, article_id
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
