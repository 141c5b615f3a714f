"""Commands load only what they use: spaCy only where an article is analysed."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_newsgraph_does_not_load_spacy() -> None:
    mods = _modules_after("import newsgraph\nassert newsgraph.__version__")
    assert "newsgraph.records" in mods
    assert "spacy" not in mods


def test_analyze_loads_the_pipeline_on_first_use() -> None:
    mods = _modules_after("import newsgraph\nnewsgraph.Analyzer")
    assert "spacy" in mods and "newsgraph.pipeline" in mods


@pytest.mark.parametrize("command", ["batch", "settings", "kb"])
def test_light_commands_parse_without_spacy(command: str) -> None:
    code = (
        "from newsgraph.cli import main\n"
        "try:\n"
        f"    main([{command!r}, '--help'])\n"
        "except SystemExit:\n"
        "    pass"
    )
    mods = _modules_after(code)
    assert f"newsgraph.cli.{command}" in mods
    assert "spacy" not in mods
    assert "fastapi" not in mods


def test_batch_writer_imports_stay_light() -> None:
    # what the parent of a multi-worker batch imports: no spaCy, no pyarrow
    mods = _modules_after("import newsgraph.cli.batch, newsgraph.jobs.batch, newsgraph.store.sqlite")
    assert "spacy" not in mods
    assert "pyarrow" not in mods


def test_global_options_before_the_command() -> None:
    from newsgraph.cli import _command_of

    assert _command_of(["-v", "--config", "batch", "eval", "quotes"]) == "evaluate"
    assert _command_of(["--config", "x.toml", "batch", "in.jsonl"]) == "batch"
    assert _command_of(["nonsense"]) is None
    assert _command_of([]) is None
