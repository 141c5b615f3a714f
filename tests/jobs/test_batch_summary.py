"""The run summary of ``newsgraph batch``: counts, timings and the rate once started."""

from __future__ import annotations

import json

from newsgraph.cli import main
from newsgraph.jobs.batch import BatchSummary


def test_steady_rate_counts_results_after_the_first() -> None:
    s = BatchSummary(stored=5, seconds=20.0, results=5, first_result_s=8.0, last_result_s=10.0)
    assert s.rate == 5 / 20.0
    # four results in the two seconds after the first one
    assert s.steady_rate == 2.0
    assert "2.0 once started" in s.describe()


def test_steady_rate_is_none_without_two_results() -> None:
    assert BatchSummary(results=1, first_result_s=3.0, last_result_s=3.0).steady_rate is None
    assert BatchSummary().steady_rate is None
    assert "once started" not in BatchSummary().describe()


def test_summary_json_is_written(tmp_path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"a{n}", "text": f'"We will meet again in May {n}," the minister said.'}) + "\n"
            for n in range(3)
        )
        + "not json\n"
    )
    out = tmp_path / "summary.json"
    code = main(["batch", str(corpus), "--db", str(tmp_path / "o.db"), "--quiet", "--summary-json", str(out)])
    assert code == 0
    summary = json.loads(out.read_text())
    assert (summary["read"], summary["stored"], summary["failed"]) == (4, 3, 1)
    assert summary["results"] == 3  # the bad line failed while reading, before any analysis
    assert 0 < summary["first_result_s"] <= summary["last_result_s"] <= summary["seconds"]
    assert summary["steady_articles_per_s"] > 0


def test_summary_json_in_a_missing_directory_fails_before_the_run(tmp_path, capsys) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The minister said the port would reopen."}) + "\n")
    db = tmp_path / "o.db"
    code = main(["batch", str(corpus), "--db", str(db), "--quiet", "--summary-json", str(tmp_path / "no" / "s.json")])
    assert code == 2
    assert "--summary-json" in capsys.readouterr().err
    assert not db.exists()  # nothing was run
