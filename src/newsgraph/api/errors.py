"""Errors that carry their HTTP status, and the mapping of newsgraph errors onto statuses.

::

    NewsgraphError           (newsgraph.errors: the one root)
    └── ApiError             any refusal with a status (and optional headers)
        ├── BodyTooLarge         413: the request body is above max_body_bytes
        ├── Busy                 503 + Retry-After: no analysis slot free in time
        ├── WorkerDied           503: the analysis worker process ended before answering
        ├── AnalysisTimeout      504: one analysis took longer than analysis_timeout
        ├── UrlDisabled          403: URL analysis is off on this server
        ├── UrlRefused           400: the URL (or a redirect) points somewhere not allowed
        ├── FetchFailed          502: the URL could not be fetched (timeout, too large, bad status)
        └── NotFound             404

Every error response is JSON ``{"detail": message}`` (FastAPI's shape), so a
client has one thing to read whatever went wrong.
"""

from __future__ import annotations

from newsgraph.errors import (
    InputError,
    ModelError,
    NewsgraphError,
    StorageError,
    TooLargeError,
)


class ApiError(NewsgraphError):
    status = 400

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class BodyTooLarge(ApiError):
    status = 413


class Busy(ApiError):
    status = 503


class WorkerDied(ApiError):
    status = 503


class AnalysisTimeout(ApiError):
    status = 504


class UrlDisabled(ApiError):
    status = 403


class UrlRefused(ApiError):
    status = 400


class FetchFailed(ApiError):
    status = 502


class NotFound(ApiError):
    status = 404


def status_for(exc: NewsgraphError) -> int:
    """The HTTP status a newsgraph error maps to."""
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, (StorageError, ModelError)):
        return 503
    return 500
