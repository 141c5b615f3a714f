"""``newsgraph serve``: flags, a bad database, and the real server in a subprocess."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.api.config import SERVE_SETTINGS, ServeSettings, load_serve_settings
from newsgraph.cli import main
from newsgraph.errors import ConfigError


def test_serve_help_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    for flag in ("--db", "--host", "--port", "--workers"):
        assert flag in out
    for s in SERVE_SETTINGS:
        assert "--" + s.name.replace("_", "-") in out


def test_serve_missing_db_is_a_storage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--db", str(tmp_path / "nope.db"), "--port", "1"])
    assert code == 4
    assert "no such database" in capsys.readouterr().err


def test_serve_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_SERVE_MAX_BODY_BYTES", "1234")
    monkeypatch.setenv("NEWSGRAPH_SERVE_ALLOW_URL", "yes")
    s = load_serve_settings(max_queue=3)
    assert (s.max_body_bytes, s.allow_url, s.max_queue) == (1234, True, 3)
    monkeypatch.setenv("NEWSGRAPH_SERVE_ALLOW_URL", "perhaps")
    with pytest.raises(ConfigError):
        load_serve_settings()
    with pytest.raises(ConfigError):
        ServeSettings().with_values({"max_concurrent": 0})
    with pytest.raises(ConfigError):
        ServeSettings().with_values({"no_such_setting": 1})


@pytest.mark.slow
def test_serve_real_process(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--port", str(port), "--max-body-bytes", "5000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        r = httpx.post(base + "/v1/analyze", json={"text": '"No," said Mayor Ana Ruiz.'}, timeout=30)
        assert r.status_code == 200 and r.json()["schema"] == "newsgraph/1"
        big = httpx.post(base + "/v1/analyze", json={"text": "x" * 6000}, timeout=30)
        assert big.status_code == 413
        assert httpx.get(base + "/", timeout=10).headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(15)
