"""Exact-span scoring of sources, cues and contents (texts written for newsgraph)."""

from __future__ import annotations

import spacy

from newsgraph.evaluation.quotes import GoldRelation, gold_elements
from newsgraph.evaluation.quotes_exact import ExactScores, Segmentation, layer
from newsgraph.records import Quote, Span, Speaker

TEXT = "The mayor said the bridge will open soon. Workers doubt it. She added more."


def _seg() -> Segmentation:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Segmentation.of_doc(nlp(TEXT))


def _span(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def _quote(source: str, cue: str, content: str) -> Quote:
    def sp(x: str) -> Span:
        a, b = _span(x)
        return Span(a, b, TEXT[a:b])

    return Quote("Q1", "indirect", (sp(content),), cue=sp(cue), speaker=Speaker(mention=sp(source), name=source))


def test_quotes_exact_counts_only_identical_token_spans() -> None:
    gold = [GoldRelation(content=(_span("the bridge will open soon"),), source=(_span("The mayor"),), cue=(_span("said"),))]
    scores = ExactScores()
    # the source is cut short ("mayor"), the cue is right, the content takes the full stop too
    scores.add(_seg(), gold_elements(gold), [_quote("mayor", "said", "the bridge will open soon.")])
    m = scores.as_dict()
    assert m["cue"]["tp"] == 1 and m["cue"]["f1"] == 1.0
    assert m["source"]["tp"] == 0 and m["source"]["fp"] == 1 and m["source"]["fn"] == 1
    assert m["content"]["tp"] == 0


def test_quotes_exact_projects_partial_tokens_and_cuts_at_sentences() -> None:
    seg = _seg()
    # a span ending inside a token takes the whole token
    a, b = _span("brid")
    assert layer(seg, [(a, b)]) == layer(seg, [_span("bridge")])
    # a span across two sentences becomes one per sentence
    start, _ = _span("the bridge")
    _, end = _span("Workers doubt")
    assert len(layer(seg, [(start, end)])) == 2


def test_quotes_exact_keeps_the_longest_of_nested_spans() -> None:
    seg = _seg()
    outer = _span("the bridge will open soon")
    inner = _span("the bridge")
    assert layer(seg, [inner, outer]) == layer(seg, [outer])
