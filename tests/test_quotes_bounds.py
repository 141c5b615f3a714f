"""The trained content-end model (``quotes/bounds.py``): candidates, the choice, the model file."""

from __future__ import annotations

import json

import pytest

from newsgraph.entities import extract_entities
from newsgraph.errors import ModelError
from newsgraph.quotes import bounds as bounds_module
from newsgraph.quotes.bounds import FORMAT, BoundModel, adjust, end_candidates, parse_model, start_candidates
from newsgraph.quotes.context import _build_ctx
from newsgraph.quotes.extract import extract_quotes
from quote_helpers import with_cue


def _ctx(parse_text, text: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return _build_ctx(parsed, extract_entities(parsed))


def _span(ctx, text: str, part: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    a = text.index(part)
    return a, a + len(part)


TEXT = "Mayor Lena Okafor said the ferry would run again in May, though she gave no date.\n"


def test_quotes_bounds_end_candidates_stop_at_breaks_and_the_sentence_end(parse_text) -> None:  # type: ignore[no-untyped-def]
    ctx = _ctx(parse_text, TEXT)
    a, b = _span(ctx, TEXT, "the ferry would run again in May")
    start, end = ctx.tok_at(a), ctx.tok_at(b)
    cue = _span(ctx, TEXT, "said")
    ends = [c.tok for c in end_candidates(ctx, start, end, cue)]
    assert end in ends  # the rules' own end ("... in May", before the comma)
    words = {ctx.doc[k - 1].text for k in ends}
    assert "date" in words  # the sentence's end, without its period
    assert all(ctx.doc[k - 1].text != "." for k in ends)
    assert all(start < k for k in ends)
    firsts = [c.tok for c in start_candidates(ctx, start, end, cue)]
    assert start in firsts and all(k > ctx.tok_at(cue[0]) for k in firsts)  # never over the cue


def test_quotes_bounds_candidates_never_enter_a_quotation(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Mayor Lena Okafor said the ferry would run, adding "soon, very soon" to the notes.\n'
    ctx = _ctx(parse_text, text)
    a, b = _span(ctx, text, "the ferry would run")
    ends = [c.tok for c in end_candidates(ctx, ctx.tok_at(a), ctx.tok_at(b), _span(ctx, text, "said"))]
    assert all(ctx.quoted[k - 1] < 0 for k in ends)


def test_quotes_bounds_adjust_follows_the_model(parse_text, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = _ctx(parse_text, TEXT)
    content = [_span(ctx, TEXT, "the ferry would run again in May, though she gave no date")]
    cue = _span(ctx, TEXT, "said")
    # a model that prefers cutting the content short before "though"
    cut = BoundModel({"d+b=cut|,": 5.0, "d+n=cut|though": 5.0})
    monkeypatch.setattr(bounds_module, "bound_model", lambda: cut)
    assert [TEXT[a:b] for a, b in adjust(ctx, content, cue)] == ["the ferry would run again in May"]
    keep = BoundModel({"d=cur": 5.0, "S:d=cur": 5.0})
    monkeypatch.setattr(bounds_module, "bound_model", lambda: keep)
    assert adjust(ctx, content, cue) == content


def test_quotes_bounds_shipped_model_keeps_a_when_clause_the_rules_cut(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the rules end the content at the comma; PolNeAR's contents keep such a "when" clause,
    # and the shipped model (trained on train) learnt it
    text = "Mayor Lena Okafor warned that the ferry would stop in May, when the old contract ends.\n"
    parsed = parse_text(text)
    index = extract_entities(parsed)
    rules = with_cue(extract_quotes(parsed, index, bounds=False)[0], "warned")
    model = with_cue(extract_quotes(parsed, index)[0], "warned")
    assert rules.content_text == "that the ferry would stop in May"
    assert model.content_text == "that the ferry would stop in May, when the old contract ends"


def test_quotes_bounds_corrupt_model_names_the_file_and_the_rebuild() -> None:
    with pytest.raises(ModelError, match="make bound-model"):
        parse_model("{not json", "newsgraph/data/bound_model.json")
    with pytest.raises(ModelError, match="x.json"):
        parse_model(json.dumps({"format": "newsgraph-cue-model/1", "weights": {"bias": 1.0}}), "x.json")
    with pytest.raises(ModelError, match="make bound-model"):
        parse_model(json.dumps({"format": FORMAT, "weights": {}}), "x.json")
    model = parse_model(json.dumps({"format": FORMAT, "weights": {"bias": 1.0}}), "x.json")
    assert model.score(["bias", "unknown"]) == pytest.approx(0.731, abs=1e-3)


def test_quotes_bounds_missing_model_file_is_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bounds_module, "MODEL_FILE", "data/no_such_bound_model.json")
    bounds_module.bound_model.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"no_such_bound_model\.json.*missing.*make bound-model"):
            bounds_module.bound_model()
    finally:
        bounds_module.bound_model.cache_clear()


def test_quotes_bounds_shipped_model_loads_and_is_small() -> None:
    from importlib import resources

    path = resources.files("newsgraph").joinpath("data/bound_model.json")
    assert len(path.read_bytes()) < 20 * 1024 * 1024
    model = bounds_module.bound_model()
    assert len(model.weights) > 100


def test_quotes_bounds_never_extend_over_a_time_or_a_relative_aside(parse_text, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a model that always extends: the guards still keep a time and a relative clause out
    monkeypatch.setattr(bounds_module, "bound_model", lambda: BoundModel({"d=ext": 9.0}))
    text = "Councillor Ruth Adler has supported the ferry subsidy for years.\n"
    ctx = _ctx(parse_text, text)
    content = [_span(ctx, text, "the ferry subsidy")]
    assert adjust(ctx, content, _span(ctx, text, "supported")) == content
    text = "Mayor Lena Okafor said that the ferry would run again in May, which surprised the harbour board.\n"
    ctx = _ctx(parse_text, text)
    content = [_span(ctx, text, "that the ferry would run again in May")]
    assert adjust(ctx, content, _span(ctx, text, "said")) == content
    text = "Mayor Lena Okafor said that the ferry would run again in May and the pier would reopen.\n"
    ctx = _ctx(parse_text, text)
    content = [_span(ctx, text, "that the ferry would run again in May")]
    extended = adjust(ctx, content, _span(ctx, text, "said"))
    assert [text[a:b] for a, b in extended] == ["that the ferry would run again in May and the pier would reopen"]
