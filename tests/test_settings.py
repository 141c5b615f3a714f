from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import SETTINGS, Settings, load_settings


def test_settings_table_matches_dataclass() -> None:
    assert [s.name for s in SETTINGS] == list(Settings.__dataclass_fields__)
    for s in SETTINGS:
        assert getattr(Settings(), s.name) == s.default
        assert s.help


def test_settings_precedence(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "ng.toml"
    cfg.write_text("[newsgraph]\nmax_chars = 10\nchunk_chars = 3000\n")
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "20")
    s = load_settings(cfg, chunk_chars=None)
    assert s.max_chars == 20 and s.chunk_chars == 3000
    assert load_settings(cfg, max_chars=30).max_chars == 30


def test_settings_unknown_or_bad_values_raise(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "ng.toml"
    cfg.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(cfg)
    with pytest.raises(ConfigError, match="max_chars"):
        load_settings(max_chars="many")


@pytest.mark.parametrize("command", ["analyze", "batch", "serve", "spark"])
def test_settings_every_setting_has_a_flag(command: str, capsys) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.cli import main
    from newsgraph.settings import SETTINGS

    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    for s in SETTINGS:
        assert "--" + s.name.replace("_", "-") in out, (command, s.name)


def test_settings_flags_reach_the_settings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.cli import build_parser
    from newsgraph.settings import load_settings, setting_flags

    args = build_parser("analyze").parse_args(
        ["analyze", "x.txt", "--chunk-chars", "5000", "--section-chars", "0", "--min-actor-confidence", "0.5",
         "--kb-dir", "extra", "--max-chars", "7"]
    )
    s = load_settings(None, **setting_flags(args))
    assert (s.chunk_chars, s.section_chars, s.min_actor_confidence, s.kb_dir, s.max_chars) == (5000, 0, 0.5, "extra", 7)
