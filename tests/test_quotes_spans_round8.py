"""Issue 12's eighth round: the content-end model reads the cue's head, a time adverb of the cue
verb stays out of the content, an aspectual verb's infinitive joins the cue, a cue noun's "of"
after a verb's object (``quotes/bounds.py``, ``quotes/spans.py``)."""

from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.quotes import bounds as bounds_module
from newsgraph.quotes.bounds import BoundModel, _cue_head, adjust, end_candidates
from newsgraph.quotes.context import _build_ctx
from quote_helpers import run, with_cue


def _ctx(parse_text, text: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return _build_ctx(parsed, extract_entities(parsed))


def _span(text: str, part: str) -> tuple[int, int]:
    a = text.index(part)
    return a, a + len(part)


def test_quotes_bounds_cue_head_is_the_verb_not_its_first_word(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour board earlier congratulated the mayor on winning the vote in the port.\n"
    ctx = _ctx(parse_text, text)
    cue = _span(text, "earlier congratulated")
    head = _cue_head(ctx, cue)
    assert ctx.doc[head].text == "congratulated"
    a, b = _span(text, "the mayor on winning the vote in the port")
    cands = end_candidates(ctx, ctx.tok_at(a), ctx.tok_at(b), cue)
    on = next(c for c in cands if ctx.doc[c.tok].text == "on")
    # the preposition hangs on the cue verb: read as attached to the cue, not to a word before it
    assert "d+battach+b=cut|cue|on" in on.feats


def test_quotes_bounds_never_extend_over_a_time_adverb_of_the_cue(parse_text, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bounds_module, "bound_model", lambda: BoundModel({"d=ext": 9.0}))
    text = "Several harbour unions rejected the ferry subsidy earlier.\n"
    ctx = _ctx(parse_text, text)
    content = [_span(text, "the ferry subsidy")]
    assert adjust(ctx, content, _span(text, "rejected")) == content


def test_quotes_spans_aspectual_verb_joins_the_infinitive_to_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor continued to attack the new harbour plan.\n"
    q = with_cue(run(parse_text, text), "continued")
    assert q.cue is not None and q.cue.text == "continued to attack"
    assert q.content_text == "the new harbour plan"


def test_quotes_spans_object_noun_cue_reaches_over_of(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor made no mention of the ferry subsidy in her speech.\n"
    q = with_cue(run(parse_text, text), "made")
    assert q.cue is not None and q.cue.text == "made no mention of"
    assert q.content_text.startswith("the ferry subsidy")


def test_quotes_bounds_shipped_model_leaves_the_cue_verbs_time_adverb_out(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Several harbour unions rejected the ferry subsidy earlier.\n"
    q = with_cue(run(parse_text, text), "rejected")
    assert q.content_text == "the ferry subsidy"
