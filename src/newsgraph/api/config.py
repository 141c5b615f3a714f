"""The server's settings, declared once: name, default, type and help.

``newsgraph serve`` maps its flags onto this table (``--max-body-bytes`` sets
``max_body_bytes``) and so do the ``NEWSGRAPH_SERVE_<NAME>`` environment
variables; ``ServeSettings`` holds one resolved set. The analysis settings
(model, ``max_chars`` ...) stay in ``newsgraph.settings``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.settings import Setting, coerce_settings

SERVE_SETTINGS: tuple[Setting, ...] = (
    Setting("max_body_bytes", 2 * 1024 * 1024, int, "largest request body accepted (larger: 413)"),
    Setting(
        "analysis_timeout",
        30.0,
        float,
        "seconds one analysis may take: then its worker process is ended and the request gets 504",
    ),
    Setting(
        "max_concurrent",
        1,
        int,
        "analyses of any length running at once, each in its own worker process with its own pipeline",
    ),
    Setting(
        "small_chars",
        20_000,
        int,
        "texts up to this many characters may also use one more worker kept for them, so that a short "
        "article is answered while long ones fill the others (0: no such worker)",
    ),
    Setting(
        "in_process",
        False,
        bool,
        "run analyses in threads of the server process instead of worker processes: less memory, but an "
        "analysis past its timeout runs on and keeps its slot, and there is no worker for short texts",
    ),
    Setting("max_queue", 32, int, "analyses waiting for a slot; one more gets 503 with Retry-After"),
    Setting("queue_timeout", 30.0, float, "seconds an analysis may wait for a slot before 503"),
    Setting("allow_url", False, bool, "accept POST /v1/analyze with a url (the server fetches it)"),
    Setting("url_timeout", 10.0, float, "seconds for fetching one URL, all redirects included"),
    Setting("url_max_bytes", 5 * 1024 * 1024, int, "largest page fetched for URL analysis"),
    Setting("url_max_redirects", 5, int, "redirects followed when fetching a URL"),
    Setting("page_size", 50, int, "items per page when a query gives no limit"),
    Setting("max_page_size", 500, int, "largest limit a query may ask for"),
)

_BY_NAME = {s.name: s for s in SERVE_SETTINGS}


@dataclass(frozen=True, slots=True)
class ServeSettings:
    max_body_bytes: int = _BY_NAME["max_body_bytes"].default
    analysis_timeout: float = _BY_NAME["analysis_timeout"].default
    max_concurrent: int = _BY_NAME["max_concurrent"].default
    small_chars: int = _BY_NAME["small_chars"].default
    in_process: bool = _BY_NAME["in_process"].default
    max_queue: int = _BY_NAME["max_queue"].default
    queue_timeout: float = _BY_NAME["queue_timeout"].default
    allow_url: bool = _BY_NAME["allow_url"].default
    url_timeout: float = _BY_NAME["url_timeout"].default
    url_max_bytes: int = _BY_NAME["url_max_bytes"].default
    url_max_redirects: int = _BY_NAME["url_max_redirects"].default
    page_size: int = _BY_NAME["page_size"].default
    max_page_size: int = _BY_NAME["max_page_size"].default

    def with_values(self, values: Mapping[str, Any], *, origin: str = "settings") -> ServeSettings:
        """A copy with ``values`` applied (``None`` values are ignored)."""
        out = replace(self, **coerce_settings(_BY_NAME, values, origin=origin, what="server setting"))
        if out.max_concurrent < 1:
            raise ConfigError("max_concurrent must be at least 1", source=origin)
        if out.max_page_size < 1 or out.page_size < 1:
            raise ConfigError("page sizes must be at least 1", source=origin)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def load_serve_settings(**overrides: Any) -> ServeSettings:
    """Defaults, then ``NEWSGRAPH_SERVE_<NAME>`` environment variables, then ``overrides``."""
    env = {
        f.name: os.environ[f"NEWSGRAPH_SERVE_{f.name.upper()}"]
        for f in fields(ServeSettings)
        if f"NEWSGRAPH_SERVE_{f.name.upper()}" in os.environ
    }
    return ServeSettings().with_values(env, origin="environment").with_values(overrides, origin="arguments")
