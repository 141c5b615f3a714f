"""The README is tested against the code: every command, setting, eval kind and table is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import COMMANDS, build_parser
from newsgraph.cli.evaluate import KINDS
from newsgraph.settings import SETTINGS
from newsgraph.store.schema import TABLES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[union-attr]


def test_docs_every_cli_command_in_readme() -> None:
    names = _command_names()
    assert len(names) == len(COMMANDS)
    for name in names:
        assert f"newsgraph {name}" in README, name


@pytest.mark.parametrize("kind", KINDS)
def test_docs_every_eval_kind_in_readme(kind: str) -> None:
    assert f"newsgraph eval {kind}" in README


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_every_setting_in_readme(setting: str) -> None:
    assert f"`{setting}`" in README


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_docs_every_store_table_in_readme(table: str) -> None:
    assert f"`{table}`" in README


def test_docs_quick_start_is_two_commands() -> None:
    start = README.index("## Quick start")
    block = README[start : README.index("```", README.index("```sh", start) + 5)]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip() and not line.startswith("```")]
    commands = [c for c in commands if c.startswith("make")]
    assert commands == ["make demo", "make test"]
