"""``python -m newsgraph`` runs the command line, as the ``newsgraph`` script does."""

import subprocess
import sys


def test_python_dash_m_newsgraph_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "newsgraph", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0
    assert "analyze" in out.stdout
