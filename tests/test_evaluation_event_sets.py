"""The sentence-set event scorers: marked PLOVER sentences and CASE snippets (synthetic data written for newsgraph)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import event_sets
from newsgraph.records import Analysis, Entity, Event, Mention, Span

TEXT = "Ruritania shelled Freedonia."
#       0        9      17       27


def _entity(eid: str, name: str, start: int, end: int) -> Entity:
    return Entity(eid, name, "place", mentions=(Mention(start, end, TEXT[start:end], "name"),))


def _event(type_: str, source: tuple[str, ...], target: tuple[str, ...], modality: str = "actual") -> Event:
    sp = Span(10, 17, "shelled")
    return Event(id="V1", type=type_, trigger=sp, evidence=sp, source=source, target=target, modality=modality)


def _analysis(*events: Event) -> Analysis:
    ents = (_entity("E1", "Ruritania", 0, 9), _entity("E2", "Freedonia", 18, 27))
    return Analysis(id="a", text=TEXT, entities=ents, events=events)


def _plv(tmp_path: Path, rows: list[tuple[int, str, str]]) -> Path:
    p = tmp_path / "plv.tsv"
    lines = ["uid\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root"]
    for sid, marked, root in rows:
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append(f"\t{sid}\t{plain}\t{marked}\tx\ty\t4\t{root}")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_event_sets_marked_spans_are_offsets_in_the_plain_sentence() -> None:
    sources, targets = event_sets.marked_spans("<s>Ruritania</s> shelled <t>Freedonia</t>.")
    assert sources == [(0, 9)] and targets == [(18, 27)]
    assert TEXT[0:9] == "Ruritania" and TEXT[18:27] == "Freedonia"


def test_event_sets_reads_plv_halves_and_maps_yield(tmp_path: Path) -> None:
    p = _plv(
        tmp_path,
        [(2, "<s>Ruritania</s> shelled <t>Freedonia</t>.", "FIGHT"), (3, "<s>A</s> gave in to <t>B</t>.", "YIELD")],
    )
    even = event_sets.read_plv(p, "even")
    odd = event_sets.read_plv(p, "odd")
    assert [r["id"] for r in even] == [2] and even[0]["types"] == ("ASSAULT",)
    assert [r["id"] for r in odd] == [3] and odd[0]["types"] == ("CONCEDE", "RETREAT")
    assert len(event_sets.read_plv(p)) == 2


def test_event_sets_plv_rejects_a_marked_sentence_that_differs(tmp_path: Path) -> None:
    p = tmp_path / "bad.tsv"
    p.write_text(
        "uid\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
        "\t1\tOne text.\t<s>Other</s> text.\tx\ty\t4\tASSAULT\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="does not match"):
        event_sets.read_plv(p)


def test_event_sets_plv_scores_type_and_dyad(tmp_path: Path) -> None:
    rows = event_sets.read_plv(_plv(tmp_path, [(1, "<s>Ruritania</s> shelled <t>Freedonia</t>.", "ASSAULT")]))
    right = event_sets.score_plv(rows, {TEXT: _analysis(_event("ASSAULT", ("E1",), ("E2",)))})
    assert (right["type_recall"], right["type_precision"], right["dyad_recall"]) == (1.0, 1.0, 1.0)
    swapped = event_sets.score_plv(rows, {TEXT: _analysis(_event("ASSAULT", ("E2",), ("E1",)))})
    assert swapped["type_recall"] == 1.0 and swapped["dyad_recall"] == 0.0
    wrong = event_sets.score_plv(
        rows, {TEXT: _analysis(_event("PROTEST", ("E1",), ("E2",)), _event("ASSAULT", ("E1",), ()))}
    )
    # the right type with no target does not cover the marked target; one of two events is of a gold type
    assert wrong["type_recall"] == 1.0 and wrong["dyad_recall"] == 0.0 and wrong["type_precision"] == 0.5
    threatened = event_sets.score_plv(rows, {TEXT: _analysis(_event("ASSAULT", ("E1",), ("E2",), "threatened"))})
    assert threatened["type_recall"] == 0.0 and threatened["predicted_events"] == 0


def test_event_sets_plv_unmarked_side_is_not_scored(tmp_path: Path) -> None:
    rows = event_sets.read_plv(_plv(tmp_path, [(1, "<s>Ruritania</s> shelled Freedonia.", "ASSAULT")]))
    m = event_sets.score_plv(rows, {TEXT: _analysis(_event("ASSAULT", ("E1",), ()))})
    assert m["dyad_recall"] == 1.0


def test_event_sets_case_maps_subtypes_and_counts_disasters(tmp_path: Path) -> None:
    p = tmp_path / "case.tsv"
    p.write_text(
        "id\tEventSnippet\tSubType\n"
        f"1\t{TEXT}\tART_MISS_ATTACK\n"
        "2\tA flood hit the valley.\tNATURAL_DISASTER\n"
        "3\tA new office opened.\tHQ_ESTABLISHED\n"
        "4\tThe fire killed two.\tMAN_MADE_DISASTER\n",
        encoding="utf-8",
    )
    rows = event_sets.read_case(p)
    assert [r["subtype"] for r in rows] == ["ART_MISS_ATTACK", "NATURAL_DISASTER", "MAN_MADE_DISASTER"]
    analyses = {
        TEXT: _analysis(_event("ASSAULT", ("E1",), ("E2",))),
        "A flood hit the valley.": Analysis(id="b", text="A flood hit the valley."),
        "The fire killed two.": Analysis(
            id="c", text="The fire killed two.", events=(_event("ASSAULT", (), ()),)
        ),
    }
    m = event_sets.score_case(rows, analyses)
    assert m["recall"] == 1.0 and m["mapped"] == 1
    assert m["disasters"] == 2 and m["disaster_event_rate"] == 0.5


def test_event_sets_case_names_a_malformed_line(tmp_path: Path) -> None:
    p = tmp_path / "case.tsv"
    p.write_text("id\tEventSnippet\tSubType\nx\tsome text\tATTACK\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an integer"):
        event_sets.read_case(p)
