"""The events scorer: PLOVER gold records and PentaClass sentences (synthetic data written for newsgraph)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import events as ev_eval
from newsgraph.records import Actor, Analysis, Entity, Event, Span


def _event(
    type_: str,
    source: tuple[str, ...],
    target: tuple[str, ...],
    *,
    modality: str = "actual",
    cameo: str = "111",
) -> Event:
    sp = Span(0, 1, "x")
    return Event(
        id="V1",
        type=type_,
        trigger=sp,
        evidence=sp,
        source=source,
        target=target,
        cameo=cameo,
        modality=modality,
    )


def _analysis(text: str, events: tuple[Event, ...]) -> Analysis:
    ents = (
        Entity("E1", "France", "place", actor=Actor(code="FRA", country="FRA")),
        Entity("E2", "Germany", "place", actor=Actor(code="DEU", country="DEU")),
        Entity("E3", "United Nations", "organization", actor=Actor(code="IGOUNO", igo="UNO")),
        Entity("E4", "Somebody", "person"),
    )
    return Analysis(id="a", text=text, entities=ents, events=events)


def test_evaluation_events_reads_plover_and_maps_old_labels(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = [
        {"event": "DOCUMENT", "eventText": "header"},
        {"text": "A.", "event": "DISAPPROVE", "source": [{"code": "FRA"}], "target": [{"code": "DEU"}]},
        {"text": "B.", "event": "FIGHT", "source": [{"code": "FRA"}, {"code": "DEU"}], "target": ""},
        {"text": "C.", "event": "DEMAND", "source": {"code": "IGO"}},
        {"text": "D.", "event": "INVESTIGATE"},
    ]
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    recs = ev_eval.read_plover(gold)
    assert [r["type"] for r in recs] == ["ACCUSE", "ASSAULT", "REQUEST", "ACCUSE"]
    assert recs[1]["sources"] == ["FRA", "DEU"] and recs[1]["targets"] == []
    assert recs[2]["sources"] == ["IGO"]
    with pytest.raises(InputError):
        ev_eval.read_plover(tmp_path / "missing.jsonl")


def test_evaluation_events_actor_codes() -> None:
    a = _analysis("x", ())
    assert [ev_eval.actor_code(e) for e in a.entities] == ["FRA", "DEU", "IGO", None]


def test_evaluation_events_scores_types_and_dyads() -> None:
    records = [
        {"text": "s1", "type": "ACCUSE", "sources": ["FRA"], "targets": ["DEU"]},
        {"text": "s2", "type": "ASSAULT", "sources": ["FRA", "DEU"], "targets": []},
        {"text": "s3", "type": "REQUEST", "sources": ["IGO"], "targets": ["FRA"]},
    ]
    analyses = {
        # right type and dyad
        "s1": _analysis("s1", (_event("ACCUSE", ("E1",), ("E2",)),)),
        # right type, compound source expanded: one of two dyads right; plus a wrong-type event
        "s2": _analysis("s2", (_event("ASSAULT", ("E1",), ()), _event("SUPPORT", ("E1",), ("E2",)))),
        # only a threatened event: not reported as happening, so nothing predicted
        "s3": _analysis("s3", (_event("REQUEST", ("E3",), ("E1",), modality="threatened"),)),
    }
    m = ev_eval.score_plover(records, analyses)
    assert m["type_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["type_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["dyad"]["tp"] == 2 and m["dyad"]["fn"] == 2 and m["dyad"]["fp"] == 1
    assert m["per_type"]["ASSAULT"] == {"gold": 1, "recall": 1.0, "predicted": 1, "precision": 1.0}
    assert m["per_type"]["SUPPORT"]["precision"] == 0.0
    assert "type recall" in ev_eval.format_report({**m, "gold": "g", "seconds": 0.0})


def test_evaluation_events_pentaclass_scores() -> None:
    gold = [0, 1, 2, 3, 4, 4]
    pred = [0, 1, 2, 3, 4, 0]
    m = ev_eval.score_pentaclass(gold, pred)
    assert m["accuracy"] == pytest.approx(5 / 6, abs=1e-3)
    assert m["per_class"]["4"]["recall"] == 0.5
    assert m["confusion"][4] == [1, 0, 0, 0, 1]
    assert 0.0 < m["macro_f1"] < 1.0
    assert "macro-F1" in ev_eval.format_report({**m, "gold": "g", "seconds": 0.0})


def test_evaluation_events_pentaclass_reader(tmp_path: Path) -> None:
    f = tmp_path / "p.tsv"
    f.write_text("France attacked Germany.\t4\nFrance praised Germany.\t1\n")
    assert ev_eval.read_pentaclass(f) == [("France attacked Germany.", 4), ("France praised Germany.", 1)]
    f.write_text("no label here\n")
    with pytest.raises(InputError):
        ev_eval.read_pentaclass(f)


@pytest.mark.slow
def test_evaluation_events_run_end_to_end(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "text": "France criticized Germany on Monday.",
                "event": "DISAPPROVE",
                "source": [{"code": "FRA"}],
                "target": [{"code": "DEU"}],
            }
        )
        + "\n"
    )
    m = ev_eval.run(_args(gold=str(gold)))
    assert m["type_recall"] == 1.0 and m["dyad"]["f1"] == 1.0
    penta = tmp_path / "p.tsv"
    penta.write_text("France criticized Germany on Monday.\t3\nThe weather was nice.\t0\n")
    m = ev_eval.run(_args(pentaclass=str(penta)))
    assert m["accuracy"] == 1.0
    plv = tmp_path / "plv.tsv"
    plv.write_text(
        "uid\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
        "\t1\tFrance criticized Germany on Monday.\t<s>France</s> criticized <t>Germany</t> on Monday.\t"
        "France\tGermany\t3\tDISAPPROVE\n"
    )
    m = ev_eval.run(_args(plv=str(plv)))
    assert m["type_recall"] == 1.0 and m["dyad_recall"] == 1.0
    assert "dyad recall" in ev_eval.format_report(m)
    assert ev_eval.run(_args(plv=str(plv), half="even"))["rows"] == 0


def _args(**given: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    ev_eval.add_arguments(parser)
    argv = []
    for k, v in given.items():
        argv += [f"--{k}", str(v)]
    return parser.parse_args(argv)


def test_evaluation_events_militant_group_codes_as_img() -> None:
    img = Entity("E9", "al-Qaeda", "organization", actor=Actor(code="IMGAQ", igo="AQ"))
    igo = Entity("E8", "NATO", "organization", actor=Actor(code="IGONATO", igo="NATO"))
    assert ev_eval.actor_code(img) == "IMG"
    assert ev_eval.actor_code(igo) == "IGO"
