"""``newsgraph eval dates``: coverage and speed report over a directory of texts."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import dates as eval_dates


def test_dates_evaluation_counts(tmp_path: Path) -> None:
    text_dir = tmp_path / "dev" / "text"
    text_dir.mkdir(parents=True)
    (text_dir / "a.txt").write_text(
        "The senator said on Monday that the vote on March 31 was fair.\n", encoding="utf-8"
    )
    (text_dir / "b.txt").write_text("Nothing happened for three weeks.\n", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("filename\tpublication_date\na\t2020-04-23\n", encoding="utf-8")
    m = eval_dates.run(argparse.Namespace(texts=str(tmp_path / "dev"), metadata=None, limit=None))
    assert m["articles"] == 2 and m["with_publication_date"] == 1
    assert m["by_kind"] == {"date": 2, "duration": 1}
    assert m["anchored_share"] == pytest.approx(2 / 3)
    assert set(m["ms_per_article"]) == {"parse", "dates", "date_quotes", "flags"}
    assert "spaCy DATE coverage" in eval_dates.format_report(m)


def test_dates_evaluation_empty_dir(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        eval_dates.run(argparse.Namespace(texts=str(tmp_path), metadata=None, limit=None))
