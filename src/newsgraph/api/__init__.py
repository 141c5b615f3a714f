"""The HTTP API and web viewer (``newsgraph serve``).

``create_app(db, settings)`` builds the FastAPI application; ``ServeSettings``
holds its limits. Needs FastAPI, uvicorn and Jinja2 (installed with newsgraph).
"""

from newsgraph.api.app import create_app
from newsgraph.api.config import SERVE_SETTINGS, ServeSettings, load_serve_settings

__all__ = ["SERVE_SETTINGS", "ServeSettings", "create_app", "load_serve_settings"]
