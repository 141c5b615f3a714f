"""The PolNeAR-format quote scorer: reading brat files, pairing, metrics (no spaCy needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation.quotes import GoldRelation, QuoteScores, load_gold, overlap_f1, pair, read_ann
from newsgraph.records import Quote, Span, Speaker

TEXT = 'Lena said "the dam is safe" today. Officials believe that repairs will take years, Omar added.\n'


def _span(text: str, fragment: str) -> tuple[int, int]:
    i = text.index(fragment)
    return i, i + len(fragment)


def _ann() -> str:
    c1 = _span(TEXT, '"the dam is safe"')
    s1 = _span(TEXT, "Lena")
    k1 = _span(TEXT, "said")
    c2a = _span(TEXT, "that repairs")
    c2b = _span(TEXT, "will take years")
    s2 = _span(TEXT, "Officials")
    k2 = _span(TEXT, "believe")
    rows = [
        f"T1\tContent {c1[0]} {c1[1]}\t",
        f"T2\tSource {s1[0]} {s1[1]}\t",
        f"T3\tCue {k1[0]} {k1[1]}\t",
        f"T4\tAttribution {k1[0]} {k1[1]}\t",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tContent {c2a[0]} {c2a[1]};{c2b[0]} {c2b[1]}\t",
        f"T6\tSource {s2[0]} {s2[1]}\t",
        f"T7\tCue {k2[0]} {k2[1]}\t",
        f"T8\tAttribution {k2[0]} {k2[1]}\t",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        "T9\tDiscard 0 4\t",
    ]
    return "\n".join(rows) + "\n"


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a1_aaaa.ann").write_text(_ann(), encoding="utf-8")
    # a second annotator file for the same article: ignored (first in sorted order wins)
    (tmp_path / "attributions" / "a1_zzzz.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_read_ann_discontiguous_and_roles(gold_dir: Path) -> None:
    rels = read_ann(gold_dir / "attributions" / "a1_aaaa.ann")
    assert len(rels) == 2
    assert len(rels[1].content) == 2
    assert TEXT[rels[0].source[0][0] : rels[0].source[0][1]] == "Lena"


def test_load_gold_first_annotator(gold_dir: Path) -> None:
    arts = load_gold(gold_dir)
    assert [a.stem for a in arts] == ["a1"]
    assert len(arts[0].relations) == 2


def test_load_gold_rejects_wrong_layout(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_gold(tmp_path)


def test_overlap_and_greedy_pairing() -> None:
    a = frozenset(range(0, 10))
    b = frozenset(range(5, 15))
    assert overlap_f1(a, b) == pytest.approx(0.5)
    # the better pair wins; each side is used once
    pairs = pair([frozenset(range(0, 10)), frozenset(range(0, 9))], [frozenset(range(0, 10))])
    assert pairs == [(0, 0)]
    assert pair([frozenset(range(0, 3))], [frozenset(range(0, 10))]) == []


def _q(kind: str, content: str, cue: str | None, speaker: str | None) -> Quote:
    def sp(fragment: str) -> Span:
        a, b = _span(TEXT, fragment)
        return Span.of(TEXT, a, b)

    return Quote(
        id="Q1",
        kind=kind,  # type: ignore[arg-type]
        content=(sp(content),),
        cue=sp(cue) if cue else None,
        speaker=Speaker(sp(speaker) if speaker else None),
    )


def test_scores(gold_dir: Path) -> None:
    art = load_gold(gold_dir)[0]
    scores = QuoteScores()
    scores.add(
        art.text,
        art.relations,
        [
            _q("direct", '"the dam is safe"', "said", "Lena"),
            _q("indirect", "that repairs will take years", "added", "Omar"),
            _q("direct", "today", None, None),
        ],
    )
    m = scores.as_dict()
    assert m["all"]["tp"] == 2 and m["all"]["fp"] == 1 and m["all"]["fn"] == 0
    assert m["direct"]["tp"] == 1 and m["direct"]["fp"] == 1 and m["direct"]["fn"] == 0
    assert m["speaker_accuracy"] == pytest.approx(0.5)
    assert m["cue_accuracy"] == pytest.approx(0.5)
    assert m["articles"] == 1


def test_speaker_entity_accuracy_credits_any_mention_of_the_entity(gold_dir: Path) -> None:
    from newsgraph.entities import EntityIndex
    from newsgraph.records import Entity, Mention

    art = load_gold(gold_dir)[0]
    a, b = _span(TEXT, "Officials")
    o1, o2 = _span(TEXT, "Omar")
    # the entity stage put "Omar" and "Officials" in one entity: the strict rule still wants
    # the annotated mention, the entity rule credits the entity
    index = EntityIndex.build(
        [Entity("E1", "Officials", "group", (Mention(a, b, "Officials"), Mention(o1, o2, "Omar")))]
    )
    q = _q("indirect", "that repairs will take years", "added", "Omar")
    q = Quote(id=q.id, kind=q.kind, content=q.content, cue=q.cue, speaker=Speaker(q.speaker.mention, "E1"))
    scores = QuoteScores()
    scores.add(art.text, art.relations, [q], index)
    m = scores.as_dict()
    assert m["speaker_accuracy"] == pytest.approx(0.0)
    assert m["speaker_entity_accuracy"] == pytest.approx(1.0)
    plain = QuoteScores()
    plain.add(art.text, art.relations, [q])
    assert "speaker_entity_accuracy" not in plain.as_dict()


CHAIN = "Mira Holt said she was a critic of the harbour plan, which she argued would cost the town dearly.\n"


def _chain_relation(content: str, cue: str, source: str) -> GoldRelation:
    return GoldRelation((_span(CHAIN, content),), (_span(CHAIN, source),), (_span(CHAIN, cue),))


def test_pairing_prefers_the_gold_relation_of_the_same_cue() -> None:
    # two gold relations: "said" (up to "plan") and "argued" (the relative clause); the prediction
    # of "said" runs to the end of the sentence and overlaps "argued" more, yet it is the "said"
    # relation: the pair of the same cue goes first when both contents overlap enough
    said = _chain_relation("she was a critic of the harbour plan", "said", "Mira Holt")
    argued = _chain_relation("which she argued would cost the town dearly", "argued", "she")
    pred = Quote(
        id="Q1",
        kind="indirect",
        content=(
            Span.of(
                CHAIN,
                *_span(
                    CHAIN, "she was a critic of the harbour plan, which she argued would cost the town dearly"
                ),
            ),
        ),
        cue=Span.of(CHAIN, *_span(CHAIN, "said")),
        speaker=Speaker(Span.of(CHAIN, *_span(CHAIN, "Mira Holt"))),
    )
    scores = QuoteScores()
    scores.add(CHAIN, [said, argued], [pred])
    m = scores.as_dict()
    assert m["all"]["tp"] == 1
    assert m["speaker_accuracy"] == 1.0 and m["cue_accuracy"] == 1.0
    # by content overlap alone it would pair with "argued" (and its speaker would be wrong)
    p = [frozenset(i for i in range(len(CHAIN) - 2) if not CHAIN[i].isspace())]
    sets = [
        frozenset(i for a, b in r.content for i in range(a, b) if not CHAIN[i].isspace())
        for r in (said, argued)
    ]
    assert pair(p, sets) == [(0, 1)]


def test_pairing_by_cue_never_pairs_what_content_does_not_allow() -> None:
    cue = [frozenset(range(0, 4))]
    assert pair([frozenset(range(0, 3))], [frozenset(range(0, 10))], cue, cue) == []
