"""The browser tests on a machine without chromium: skipped with a hint, or failed when CI requires them.

Runs ``test_api_browser.py`` in a child pytest with ``NEWSGRAPH_CHROMIUM``
pointing at a file that does not exist, which is what a fresh machine with only
Python and make looks like to those tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BROWSER_TESTS = Path(__file__).with_name("test_api_browser.py")


def _run_browser_tests(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    child_env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_REQUIRE_BROWSER"}
    child_env.update(NEWSGRAPH_CHROMIUM=str(tmp_path / "no-chromium-here"), **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(BROWSER_TESTS)],
        capture_output=True,
        text=True,
        env=child_env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=300,
    )


def test_browser_tests_skip_with_a_hint_without_chromium(tmp_path: Path) -> None:
    proc = _run_browser_tests(tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    summary = out.strip().splitlines()[-1]
    # every browser test skipped (however many there are), none ran, none errored
    assert re.search(r"\b\d+ skipped", summary) and "error" not in summary and "passed" not in summary, out
    assert "apt-get install chromium chromium-driver" in out


def test_browser_tests_fail_without_chromium_when_required(tmp_path: Path) -> None:
    proc = _run_browser_tests(tmp_path, NEWSGRAPH_REQUIRE_BROWSER="1")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    # pytest.fail in a fixture reports each test as an error: the run exits 1 either way
    summary = out.strip().splitlines()[-1]
    assert re.search(r"\b\d+ errors?", summary) and "skipped" not in summary and "passed" not in summary, out
    assert "NEWSGRAPH_REQUIRE_BROWSER is set" in out
