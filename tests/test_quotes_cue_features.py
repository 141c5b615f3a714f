"""The cue classifier's evidence beyond the word itself (``quotes/cue_model.py``, eleventh
round): the complement's shape, the subject's class, and the candidate's place in its sentence."""

from __future__ import annotations

from newsgraph.quotes.cue_model import candidates, cue_model, features
from newsgraph.quotes.cues import cue_lexicon


def _feats(parse_text, text: str, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = parse_text(text).doc
    tok = next(t for t in doc if t.text == word)
    cand = next(candidates(tok))
    return features(cand, cue_lexicon())


def test_cue_features_finite_clause_with_modal_and_negation(parse_text) -> None:  # type: ignore[no-untyped-def]
    feats = _feats(parse_text, "The harbour board fears that the old pier will not survive the winter.", "fears")
    assert "shape=c:modal|s|n" in feats
    assert "size=c|6-10" in feats


def test_cue_features_object_that_is_a_number_or_holds_a_quotation(parse_text) -> None:  # type: ignore[no-untyped-def]
    feats = _feats(parse_text, "The harbour board estimated 4,000 on Tuesday.", "estimated")
    assert "shape=o:num" in feats
    feats = _feats(parse_text, 'The mayor repeated the phrase "a harbour for all" twice.', "repeated")
    assert "cquote=True" in feats


def test_cue_features_subject_class(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert "sk=role" in _feats(parse_text, "Officials fear that the ferry will stop running.", "fear")
    assert "sk=document" in _feats(parse_text, "The survey found that most riders want a later ferry.", "found")
    assert "sk=pron:person" in _feats(parse_text, "She doubts that the ferry will run in May.", "doubts")
    feats = _feats(parse_text, "The plan was criticised by harbour officials for ignoring the fishermen.", "criticised")
    assert "sk=agent:role" in feats


def test_cue_features_place_in_the_sentence(parse_text) -> None:  # type: ignore[no-untyped-def]
    feats = _feats(parse_text, "According to the harbour board, the pier will reopen in May.", "According")
    assert "opener=according" in feats
    assert "where=0-2" in feats
    text = 'The pier, which critics believe is unsafe, was closed. "It will stay shut," the board wrote.'
    assert "clause=relcl" in _feats(parse_text, text, "believe")


def test_cue_features_have_weights_in_the_shipped_model() -> None:
    weights = cue_model().weights
    for prefix in ("shape=", "sk=", "clause=", "opener="):
        assert any(f.startswith(prefix) for f in weights), prefix
