"""eval/run.py and eval/gate.py without gold data: say that nothing was scored, and fail the gate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_eval_without_gold_data_scores_nothing_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "run.py"), "--anchors", str(tmp_path / "no-shared"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert "nothing was scored" in proc.stderr and "not written" in proc.stderr
    assert not out.exists()


def test_gate_fails_on_an_empty_results_file(tmp_path: Path) -> None:
    empty = tmp_path / "results.json"
    empty.write_text("{}\n")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "gate.py"), str(empty), str(ROOT / "eval" / "floors.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "nothing was scored" in proc.stdout


def test_gate_passes_and_fails_on_floors(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"_note": "x", "quotes.direct.f1": 0.8}))
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"quotes.direct.f1": 0.85}))
    gate = [sys.executable, str(ROOT / "eval" / "gate.py"), str(results), str(floors)]
    assert subprocess.run(gate, capture_output=True, timeout=60).returncode == 0
    results.write_text(json.dumps({"quotes.direct.f1": 0.75}))
    assert subprocess.run(gate, capture_output=True, timeout=60).returncode == 1


def test_gate_fails_a_number_over_its_ceiling(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"quotes.direct.f1": 0.8, "ceilings": {"case_odd.disaster_event_rate": 0.1}}))
    results = tmp_path / "results.json"
    gate = [sys.executable, str(ROOT / "eval" / "gate.py"), str(results), str(floors)]
    results.write_text(json.dumps({"quotes.direct.f1": 0.85, "case_odd.disaster_event_rate": 0.05}))
    assert subprocess.run(gate, capture_output=True, timeout=60).returncode == 0
    results.write_text(json.dumps({"quotes.direct.f1": 0.85, "case_odd.disaster_event_rate": 0.2}))
    proc = subprocess.run(gate, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "ceiling" in proc.stdout
    results.write_text(json.dumps({"quotes.direct.f1": 0.85}))
    assert subprocess.run(gate, capture_output=True, timeout=60).returncode == 1
