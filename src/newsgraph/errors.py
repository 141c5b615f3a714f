"""The newsgraph exception tree.

::

    NewsgraphError             root: catch this to catch everything newsgraph raises
    ├── InputError             an input cannot be read or is not what it claims (exit code 2)
    │   ├── DecodeError        bytes that are not text in any encoding we can detect
    │   └── TooLargeError      a text above the configured ``max_chars`` limit
    ├── ModelError             the spaCy pipeline cannot be loaded
    ├── KnowledgeBaseError     a knowledge-base data file is malformed (names file and line)
    ├── StorageError           a database or Parquet store cannot be read or written
    │   └── SchemaVersionError a store written by another schema version
    ├── ConfigError            an unknown or ill-typed setting
    └── ApiError               (newsgraph.api.errors) an HTTP refusal carrying its status

Each error carries the input (file, line, record) it is about in ``source``
when there is one, so that a batch can record it and go on.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of every error newsgraph raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(NewsgraphError):
    """An input cannot be read, decoded or parsed."""

    exit_code = 2


class DecodeError(InputError):
    """Bytes that are not text in any encoding we can detect (binary data)."""


class TooLargeError(InputError):
    """A text longer than the configured ``max_chars``."""


class ModelError(NewsgraphError):
    """The spaCy pipeline cannot be found or loaded."""

    exit_code = 3


class KnowledgeBaseError(NewsgraphError):
    """A knowledge-base file is malformed; the message names the file and line."""

    exit_code = 3


class StorageError(NewsgraphError):
    """A store (SQLite, Parquet) cannot be opened, read or written."""

    exit_code = 4


class SchemaVersionError(StorageError):
    """A store written by a different schema version."""


class ConfigError(NewsgraphError):
    """An unknown setting or a value of the wrong type."""

    exit_code = 2


__all__ = [
    "ConfigError",
    "DecodeError",
    "InputError",
    "KnowledgeBaseError",
    "ModelError",
    "NewsgraphError",
    "SchemaVersionError",
    "StorageError",
    "TooLargeError",
]
