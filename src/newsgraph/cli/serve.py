"""``newsgraph serve``: the HTTP API and web viewer on uvicorn."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from newsgraph.api.config import SERVE_SETTINGS, load_serve_settings
from newsgraph.errors import ConfigError
from newsgraph.settings import add_setting_flags, setting_flags

_ENV_DB = "NEWSGRAPH_SERVE_DB"
_ENV_SETTINGS = "NEWSGRAPH_SERVE_SETTINGS_JSON"
_ENV_ANALYSIS = "NEWSGRAPH_SERVE_ANALYSIS_JSON"
_ENV_HOSTS = "NEWSGRAPH_SERVE_ALLOWED_HOSTS_JSON"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(host: str) -> list[str] | None:
    """On loopback, accept only loopback names in the Host header (defeats DNS rebinding)."""
    if host in LOOPBACK:
        return ["127.0.0.1", "localhost", "::1", "[::1]"]
    return None


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the HTTP API (/v1, docs at /docs) and the web viewer",
        description="Serve the HTTP API and the web viewer. Without --db: analysis only.",
    )
    p.add_argument("--db", metavar="FILE", help="SQLite store written by `newsgraph batch` (opened read-only)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1, help="server processes, each with its own spaCy pipeline")
    add_setting_flags(p)  # the analysis settings, as for `newsgraph analyze`
    for s in SERVE_SETTINGS:
        flag = "--" + s.name.replace("_", "-")
        if s.type is bool:
            p.add_argument(flag, action="store_true", default=None, help=s.help)
        else:
            p.add_argument(flag, type=s.type, default=None, metavar=s.type.__name__.upper(),
                           help=f"{s.help} (default {s.default})")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def app_from_env() -> Any:
    """The application factory uvicorn's worker processes call (settings come through the environment)."""
    from newsgraph.api import create_app
    from newsgraph.api.config import ServeSettings
    from newsgraph.settings import load_settings

    settings = ServeSettings().with_values(json.loads(os.environ.get(_ENV_SETTINGS, "{}")), origin="serve")
    analysis = load_settings(None, **json.loads(os.environ.get(_ENV_ANALYSIS, "{}")))
    hosts = json.loads(os.environ.get(_ENV_HOSTS, "null"))
    app = create_app(os.environ.get(_ENV_DB) or None, settings, analysis_settings=analysis, allowed_hosts=hosts)
    app.state.ctx.preload()  # load the pipeline(s) before the first request
    return app


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from newsgraph.api import create_app
    from newsgraph.settings import load_settings

    if args.workers < 1:
        raise ConfigError("--workers must be at least 1")
    settings = load_serve_settings(**{s.name: getattr(args, s.name) for s in SERVE_SETTINGS})
    analysis = load_settings(args.config, **setting_flags(args))
    where = f"http://{args.host}:{args.port}"
    print(f"newsgraph: serving {where}/ (API docs {where}/docs){' with ' + args.db if args.db else ''}", file=sys.stderr)
    if args.host not in LOOPBACK:
        print("newsgraph: warning: listening beyond loopback; the API has no authentication", file=sys.stderr)
    if args.workers == 1:
        app = create_app(args.db, settings, analysis_settings=analysis, allowed_hosts=allowed_hosts(args.host))
        app.state.ctx.preload()  # load the pipeline(s) now, not on the first request
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, timeout_graceful_shutdown=5)
        return 0
    # Several processes: each worker builds its own app (and pipeline) from the environment.
    if args.db:
        create_app(args.db, settings, analysis_settings=analysis)  # fail now on a bad database
    os.environ[_ENV_DB] = args.db or ""
    os.environ[_ENV_HOSTS] = json.dumps(allowed_hosts(args.host))
    os.environ[_ENV_SETTINGS] = json.dumps(settings.to_dict())
    os.environ[_ENV_ANALYSIS] = json.dumps({f: getattr(analysis, f) for f in analysis.__dataclass_fields__})
    uvicorn.run(
        "newsgraph.cli.serve:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        timeout_graceful_shutdown=5,
    )
    return 0
