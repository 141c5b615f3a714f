"""Faster stand-ins for two components of the English spaCy pipeline, with the same output.

On news articles spaCy's ``attribute_ruler`` and rule ``lemmatizer`` together take about a
quarter of the parse, although neither does much: the ruler runs a general ``Matcher`` over
180 patterns that are nearly all "this tag (and this word) gets this part of speech", and
the lemmatizer makes a ``Token`` object for every word to look up a lemma it has already
seen. ``speed_up(nlp)`` gives both components of a loaded pipeline a faster way to the same
annotations:

- ``IndexedAttributeRuler`` finds the ruler's matches through an index of its patterns by
  their first word or tag, checked on the document's attribute arrays; a pattern it cannot
  read (an operator, another attribute, a predicate other than equality, ``IN``, ``NOT_IN``
  or ``REGEX``) stays with spaCy's ``Matcher``. The matches are then set by the ruler's own
  ``set_annotations``, in the ruler's own order.
- ``CachedLemmatizer`` looks lemmas up in the cache the rule lemmatizer already keys by
  (word, part of speech, morphology), reading those from the document's arrays, and asks the
  lemmatizer itself only for keys it has not seen.

Both keep the components' names, settings and data, so a pipeline's configuration and meta
are unchanged. ``tests/test_annotators.py`` checks the annotations against the stock
components; ``make bench`` measures the parse with and without.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

logger = logging.getLogger(__name__)

#: the token attributes an indexed pattern may test, with their column in the attribute array
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]

#: a test of one token: its row of the attribute array -> bool
Test = Callable[[list[int]], bool]


def _value_test(column: int, spec: Any, strings: Any) -> Test | None:
    """The test of one attribute ``column`` against a pattern value ``spec``, or ``None``
    when the value uses a predicate this index does not read."""
    if column == _COLUMNS["IS_SPACE"]:
        if isinstance(spec, bool):
            want = int(spec)
            return lambda row: row[column] == want
        return None
    if isinstance(spec, str):
        key = strings.add(spec)
        return lambda row: row[column] == key
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, value),) = spec.items()
    if op == "IN" and isinstance(value, list):
        keys = frozenset(strings.add(v) for v in value)
        return lambda row: row[column] in keys
    if op == "NOT_IN" and isinstance(value, list):
        keys = frozenset(strings.add(v) for v in value)
        return lambda row: row[column] not in keys
    if op == "REGEX" and isinstance(value, str):
        regex = re.compile(value)
        return lambda row: regex.search(strings[row[column]]) is not None
    return None


def _token_tests(token: dict[str, Any], strings: Any) -> list[Test] | None:
    tests = []
    for attr, spec in token.items():
        column = _COLUMNS.get(attr)
        if column is None:
            return None
        test = _value_test(column, spec, strings)
        if test is None:
            return None
        tests.append(test)
    return tests


def _first_keys(token: dict[str, Any], strings: Any) -> tuple[int, list[int]] | None:
    """The column and values the first token of a pattern must have (an equality or ``IN``
    on its word, else its tag, else its dependency), to index the pattern by; ``None`` for a
    pattern tried at every distinct row."""
    for attr in ("LOWER", "TAG", "DEP"):
        spec = token.get(attr)
        if isinstance(spec, str):
            return _COLUMNS[attr], [strings.add(spec)]
        if isinstance(spec, dict) and list(spec) == ["IN"] and isinstance(spec["IN"], list):
            return _COLUMNS[attr], [strings.add(v) for v in spec["IN"]]
    return None


#: a compiled pattern: its match key and the tests of each of its tokens
Compiled = tuple[int, list[list[Test]]]


class _PatternIndex:
    """The ruler's patterns, compiled. Whether a pattern's first token matches depends only
    on that token's row of attributes, so the patterns whose first token a row matches are
    worked out once per distinct row (through an index by word, tag and dependency) and
    kept; a one-token pattern is then a match, a longer one has its other tokens checked.
    Patterns the index cannot read stay in a ``Matcher`` of their own."""

    #: distinct rows remembered (17,000 on the 84 PolNeAR dev articles, about 5 MiB); the memo restarts beyond
    MAX_ROWS = 50_000

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        # what the index was built from: the ruler's matcher (``clear`` makes a new one) and
        # its number of attribute sets (``add_patterns`` adds to them)
        self.matcher = ruler.matcher
        self.size = len(ruler.attrs)
        self.by_column: tuple[dict[int, list[Compiled]], ...] = ({}, {}, {})
        self.everywhere: list[Compiled] = []
        self.rest = Matcher(ruler.vocab)
        self.rows: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Compiled, ...]]] = {}
        for key, pattern in _ruler_patterns(ruler):
            seq = [_token_tests(tok, strings) for tok in pattern]
            if not seq or any(tests is None for tests in seq):
                self.rest.add(str(key), [pattern])
                continue
            entry = (key, [t for t in seq if t is not None])
            first = _first_keys(pattern[0], strings)
            if first is None:
                self.everywhere.append(entry)
            else:
                column, values = first
                for value in values:
                    self.by_column[column].setdefault(value, []).append(entry)

    def _starting(self, row: list[int]) -> tuple[tuple[int, ...], tuple[Compiled, ...]]:
        """The keys of the one-token patterns ``row`` matches, and the longer patterns whose
        first token it matches."""
        by_word, by_tag, by_dep = self.by_column
        entries = by_word.get(row[0], []) + by_tag.get(row[1], []) + by_dep.get(row[2], []) + self.everywhere
        single, longer = [], []
        for key, seq in entries:
            if all(test(row) for test in seq[0]):
                if len(seq) == 1:
                    single.append(key)
                else:
                    longer.append((key, seq))
        return tuple(single), tuple(longer)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every match in ``doc``, without repeats, sorted."""
        rows = doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else []
        n = len(rows)
        memo = self.rows
        if len(memo) > self.MAX_ROWS:
            memo.clear()
        found: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            t = tuple(row)
            starting = memo.get(t)
            if starting is None:
                starting = memo[t] = self._starting(row)
            single, longer = starting
            for key in single:
                found.add((key, i, i + 1))
            for key, seq in longer:
                end = i + len(seq)
                if end <= n and all(test(rows[i + j]) for j in range(1, len(seq)) for test in seq[j]):
                    found.add((key, i, end))
        if len(self.rest):
            strings = doc.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True):
                found.add((int(strings[match_id]), start, end))
        return sorted(found)


def _ruler_patterns(ruler: AttributeRuler) -> Iterable[tuple[int, list[dict[str, Any]]]]:
    """``(key, pattern)`` for every pattern of the ruler, ``key`` the index of its attributes
    (the ruler's own match key)."""
    for key in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(key))[1]:
            yield key, pattern


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler finding its matches through a ``_PatternIndex``."""

    _index: _PatternIndex | None = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        index = self._index
        if index is None or index.matcher is not self.matcher or index.size != len(self.attrs):
            index = self._index = _PatternIndex(self)
        strings = self.vocab.strings
        # the ruler's own form: (attributes index, match id, start, end), sorted so that
        # later rules win
        return [(key, strings.add(str(key)), start, end) for key, start, end in index.matches(doc)]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """The ruler's own ``set_annotations`` without making a ``Span`` per match: the token
        given by the pattern's index within the match gets the attributes, in match order."""
        for key, _, start, end in matches:
            index = self.indices[key]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                super().set_annotations(doc, [(key, _, start, end)])  # type: ignore[no-untyped-call]  # spaCy's own error
                continue
            set_token_attrs(doc[at], self.attrs[key])


class CachedLemmatizer(Lemmatizer):
    """spaCy's rule lemmatizer reading its cache keys from the document's arrays."""

    _lemma_keys: dict[tuple[int, int, int], int] | None = None
    #: distinct (word, part of speech, morphology) keys remembered; the cache restarts beyond
    MAX_KEYS = 100_000

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        keys = self._lemma_keys
        if keys is None or len(keys) > self.MAX_KEYS:
            keys = self._lemma_keys = {}
        strings = self.vocab.strings
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = keys.get(key)
                if found is None:
                    found = keys[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
        column: Any = np.ascontiguousarray(lemmas.reshape(-1, 1))
        doc.from_array([LEMMA], column)
        return doc


class CachedEnglishLemmatizer(CachedLemmatizer, EnglishLemmatizer):
    """``CachedLemmatizer`` over the English lemmatizer (which adds its own base-form rules)."""


#: the lemmatizer classes given a cached reading, and the class each becomes
_CACHED: dict[type, type] = {Lemmatizer: CachedLemmatizer, EnglishLemmatizer: CachedEnglishLemmatizer}


def speed_up(nlp: Language) -> Language:
    """Give ``nlp``'s attribute ruler and rule lemmatizer (when they are of spaCy's own
    classes) the faster ways to their annotations, in place; returns ``nlp``. Other
    components, and subclasses spaCy does not ship, are left as they are."""
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = IndexedAttributeRuler
        elif type(component) in _CACHED and getattr(component, "mode", None) == "rule":
            component.__class__ = _CACHED[type(component)]
        else:
            continue
        logger.debug("spaCy component %s: %s", name, type(component).__name__)
    return nlp
