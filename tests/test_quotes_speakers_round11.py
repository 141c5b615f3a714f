"""Speakers, issue 12 round 11: a coordinated verb phrase the parser read as the complement of the
verb after it, on texts written for these tests (hand-built parses test a shape
whatever the statistical parser does with the sentence)."""

from __future__ import annotations

from newsgraph.quotes.subjects import _subject
from quote_helpers import hand_parsed


def test_verb_after_a_clause_read_as_its_complement_takes_that_clause_subject() -> None:
    # "Okafor has promised to widen the pier, opposed the toll and praised the ferry crews." (the
    # parser made "opposed" the root and the first conjunct its complement)
    doc = hand_parsed(
        [
            ("Okafor", "NNP", "PROPN", "nsubj", 2),
            ("has", "VBZ", "AUX", "aux", 2),
            ("promised", "VBN", "VERB", "ccomp", 8),
            ("to", "TO", "PART", "aux", 4),
            ("widen", "VB", "VERB", "xcomp", 2),
            ("the", "DT", "DET", "det", 6),
            ("pier", "NN", "NOUN", "dobj", 4),
            (",", ",", "PUNCT", "punct", 8),
            ("opposed", "VBD", "VERB", "ROOT", 8),
            ("the", "DT", "DET", "det", 10),
            ("toll", "NN", "NOUN", "dobj", 8),
            ("and", "CC", "CCONJ", "cc", 8),
            ("praised", "VBD", "VERB", "conj", 8),
            ("the", "DT", "DET", "det", 15),
            ("ferry", "NN", "NOUN", "compound", 15),
            ("crews", "NNS", "NOUN", "dobj", 12),
            (".", ".", "PUNCT", "punct", 8),
        ]
    )
    for cue in (8, 12):
        subj = _subject(doc[cue])
        assert subj is not None and subj.text == "Okafor"


def test_inverted_cue_after_a_quotation_keeps_no_fronted_subject() -> None:
    # "“The pier is safe,” said Okafor." is untouched: the verb has its own subject
    doc = hand_parsed(
        [
            ("“", "``", "PUNCT", "punct", 5),
            ("The", "DT", "DET", "det", 2),
            ("pier", "NN", "NOUN", "nsubj", 3),
            ("is", "VBZ", "AUX", "ccomp", 7),
            ("safe", "JJ", "ADJ", "acomp", 3),
            (",", ",", "PUNCT", "punct", 7),
            ("”", "''", "PUNCT", "punct", 7),
            ("said", "VBD", "VERB", "ROOT", 7),
            ("Okafor", "NNP", "PROPN", "nsubj", 7),
            (".", ".", "PUNCT", "punct", 7),
        ]
    )
    subj = _subject(doc[7])
    assert subj is not None and subj.text == "Okafor"
