"""The faster attribute ruler and lemmatizer give the stock components' annotations."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsgraph.annotators import (
    CachedEnglishLemmatizer,
    CachedLemmatizer,
    IndexedAttributeRuler,
    speed_up,
)
from newsgraph.nlp import default_model_name

# invented sentences that reach the ruler's longer and regular-expression patterns
# (contractions, "gonna", "y'all", "there is"), spaces, and ordinary news prose
TEXTS = [
    "Y'all ain't gonna believe it, said the mayor. Let's go, c'mon, he added; nothin' doing.",
    "There is a report.  There are  two of them, and there's more:\n\n  I got ta say it's done.",
    "The ministers of France and Ghana met in Accra on Tuesday, officials said, and agreed "
    "to hold talks that were postponed last year. \"We won't accept it,\" the spokeswoman told reporters.",
    "",
    "   \n  ",
    "That which is, is. Those who were there did what they had to do.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    name = default_model_name()
    return spacy.load(name), speed_up(spacy.load(name))


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_stock_pipeline(pipelines, text: str) -> None:  # type: ignore[no-untyped-def]
    stock, fast = pipelines
    # twice: the second pass reads the caches the first one filled
    for _ in range(2):
        a, b = stock(text), fast(text)
        assert _annotations(a) == _annotations(b)
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()


def test_speed_up_keeps_names_and_settings(pipelines) -> None:  # type: ignore[no-untyped-def]
    stock, fast = pipelines
    assert fast.pipe_names == stock.pipe_names
    assert fast.meta == stock.meta
    assert isinstance(fast.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedEnglishLemmatizer)
    assert isinstance(stock.get_pipe("attribute_ruler"), AttributeRuler)
    assert not isinstance(stock.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    # idempotent, and the components still pickle by reference to their classes
    speed_up(fast)
    assert type(pickle.loads(pickle.dumps(fast.get_pipe("lemmatizer")))) is CachedEnglishLemmatizer


def test_load_pipeline_is_sped_up(nlp) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def _tagged(vocab, words, tags, deps) -> Doc:  # type: ignore[no-untyped-def]
    heads = [0] * len(words)
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_indexed_ruler_matches_like_spacy_for_every_kind_of_pattern() -> None:
    """Equality, IN, NOT_IN and REGEX on word, tag and dependency, longer patterns, a pattern
    with an operator (left to spaCy's Matcher), an index into the match, later rules winning,
    and patterns added after the first document."""
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": "run", "TAG": {"IN": ["VB", "VBP"]}}]], "attrs": {"POS": "VERB", "LEMMA": "run"}},
        {"patterns": [[{"LOWER": {"REGEX": "^ha+$"}}]], "attrs": {"POS": "INTJ"}},
        {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
        {"patterns": [[{"TAG": "JJ", "OP": "+"}, {"TAG": "NN"}]], "attrs": {"POS": "ADJ"}, "index": 0},
        {"patterns": [[{"TAG": "NN", "LOWER": "dog"}]], "attrs": {"POS": "PROPN"}},
    ]
    words = ["haaa", "that", "dog", "is", "gon", "na", "run", "there", "is", "big", "red", "cat", "the", "rest"]
    tags = ["UH", "DT", "NN", "VBZ", "VBG", "TO", "VB", "EX", "VBZ", "JJ", "JJ", "NN", "DT", "NN"]
    deps = ["intj", "nsubj", "ROOT", "cop", "aux", "aux", "xcomp", "expl", "ROOT", "amod", "amod", "attr", "det", "dobj"]
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    fast = AttributeRuler(nlp.vocab)
    fast.__class__ = IndexedAttributeRuler
    for ruler in (stock, fast):
        ruler.add_patterns(patterns[:-1])
    a, b = stock(_tagged(nlp.vocab, words, tags, deps)), fast(_tagged(nlp.vocab, words, tags, deps))
    assert [(t.pos_, t.lemma_) for t in a] == [(t.pos_, t.lemma_) for t in b]
    assert b[0].pos_ == "INTJ" and b[1].pos_ == "PRON" and b[5].lemma_ == "to" and b[8].pos_ == "VERB"
    assert b[9].pos_ == "ADJ" and b[10].pos_ == "ADJ"  # the operator pattern, through the Matcher
    assert b[2].pos_ == "NOUN" and b[12].pos_ == ""  # a determiner as det stays untouched
    for ruler in (stock, fast):
        ruler.add_patterns(patterns[-1:])  # a later rule wins over the earlier one for "dog"
    a, b = stock(_tagged(nlp.vocab, words, tags, deps)), fast(_tagged(nlp.vocab, words, tags, deps))
    assert [(t.pos_, t.lemma_) for t in a] == [(t.pos_, t.lemma_) for t in b]
    assert b[2].pos_ == "PROPN"


def test_cached_lemmatizer_keeps_lemmas_already_set(pipelines) -> None:  # type: ignore[no-untyped-def]
    """The ruler sets the lemma of "ai" in "ain't" before the lemmatizer runs, which must
    not overwrite it (the component is not set to overwrite)."""
    _, fast = pipelines
    doc = fast("They ain't here and they ain't coming.")
    assert [t.lemma_ for t in doc if t.lower_ == "ai"] == ["be", "be"]


def test_indexed_ruler_follows_a_cleared_ruler() -> None:
    """After ``clear`` and as many new patterns as before, the index is built again."""
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.__class__ = IndexedAttributeRuler
    words, tags, deps = ["dogs", "run"], ["NNS", "VBP"], ["nsubj", "ROOT"]
    ruler.add_patterns([{"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN"}}])
    assert ruler(_tagged(nlp.vocab, words, tags, deps))[0].pos_ == "NOUN"
    ruler.clear()
    ruler.add_patterns([{"patterns": [[{"TAG": "VBP"}]], "attrs": {"POS": "VERB"}}])
    doc = ruler(_tagged(nlp.vocab, words, tags, deps))
    assert [t.pos_ for t in doc] == ["", "VERB"]
