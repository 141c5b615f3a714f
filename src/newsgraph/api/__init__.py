"""The HTTP API and web viewer (``newsgraph serve``).

``create_app(db, settings)`` builds the FastAPI application; ``ServeSettings``
holds its limits. Needs FastAPI, uvicorn and Jinja2 (installed with newsgraph).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.api.config import SERVE_SETTINGS, ServeSettings, load_serve_settings

if TYPE_CHECKING:
    from newsgraph.api.app import create_app


def __getattr__(name: str) -> Any:
    # FastAPI and the pipeline load on first use: `newsgraph --help` and the
    # settings of `serve` need neither.
    if name == "create_app":
        from newsgraph.api.app import create_app

        return create_app
    raise AttributeError(f"module 'newsgraph.api' has no attribute {name!r}")


__all__ = ["SERVE_SETTINGS", "ServeSettings", "create_app", "load_serve_settings"]
