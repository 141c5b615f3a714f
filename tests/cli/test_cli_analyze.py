from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.records import check_spans

STORY = 'The mayor said the bridge would reopen in May. "We are ready," she added.\n'


def test_cli_analyze_one_file_prints_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    assert main(["analyze", str(f), "--published", "2024-05-02"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "newsgraph/1"
    assert doc["text"] == STORY and doc["published"] == "2024-05-02"
    assert check_spans(doc) == []


def test_cli_analyze_output_dir_one_file_per_jsonl_id(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a-1", "text": STORY}), "{not json", json.dumps({"id": "b-2", "text": "Hello."})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # the malformed line is reported (exit 2) but the good lines are still written
    assert main(["analyze", str(f), "-o", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["a-1.json", "b-2.json"]
    assert json.loads((out / "a-1.json").read_text())["id"] == "a-1"


def test_cli_analyze_html_uses_extracted_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "".join(f"<p>{STORY.strip()} Paragraph {i} of the report continues here.</p>" for i in range(4))
    html = (
        "<html><head><title>Bridge to reopen</title>"
        '<meta property="article:published_time" content="2024-05-02"></head>'
        f"<body><nav>Home | News</nav><article><h1>Bridge to reopen</h1>{body}</article></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    assert main(["analyze", str(f)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "The mayor said" in doc["text"] and "<p>" not in doc["text"]
    assert doc["title"] == "Bridge to reopen"
    assert doc["published"] == "2024-05-02"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_cli_analyze_bad_input_exit_2_names_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, message: str
) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    assert main(["analyze", str(f)]) == 2
    err = capsys.readouterr().err
    assert name in err and message in err


def test_cli_analyze_latin1_file_is_decoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré que la réunion était terminée à Genève.".encode("latin-1"))
    assert main(["analyze", str(f)]) == 0
    assert "Genève" in json.loads(capsys.readouterr().out)["text"]


def test_cli_analyze_empty_text_gives_valid_document_with_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("   \n\n ", encoding="utf-8")
    assert main(["analyze", str(f)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["quotes"] == [] and doc["entities"] == [] and doc["warnings"]


def test_cli_analyze_bad_published_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    assert main(["analyze", str(f), "--published", "yesterday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_analyze_text_format_lists_speakers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    assert main(["analyze", str(f), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "## Quotes" in out


def test_cli_analyze_stdin_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "analyze", "-"],
        input=STORY.encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["text"] == STORY


def test_cli_analyze_output_names_keep_the_full_stem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.1.txt", "a.2.txt"):
        (tmp_path / name).write_text(STORY.replace("May", name), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.1.txt"), str(tmp_path / "a.2.txt"), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.1.json", "a.2.json"]
    assert "a.2.txt" in json.loads((out / "a.2.json").read_text())["text"]
    assert "wrote 2 document(s)" in capsys.readouterr().err


def test_cli_analyze_output_collision_is_an_error_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"
    for f in (first, second):
        f.parent.mkdir()
        f.write_text(STORY.replace("May", f.parent.name), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(first), str(second), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(first) in err and str(second) in err and "not overwritten" in err
    assert [p.name for p in out.iterdir()] == ["a.json"]
    assert "one" in json.loads((out / "a.json").read_text())["text"]  # the first input's document survives
    assert "wrote 1 document(s)" in err
