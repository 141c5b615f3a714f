"""Speakers, issue 12 round 10: subjects the parse hides behind a long bracket, under an auxiliary
or as the modifier of a verb read as a noun; issue 12 item 3's forms ("To quote X", '”, added
KCNA.', nominal organisations) on texts written for these tests (the
hand-built parses test a shape whatever the statistical parser does with the sentence)."""

from __future__ import annotations

from newsgraph.quotes.scope import _source_token
from newsgraph.quotes.subjects import _subject
from quote_helpers import hand_parsed, run, with_cue


def test_name_before_a_long_bracket_right_before_a_subjectless_verb() -> None:
    # "Sen. Ortiz (a Democrat so young she was mistaken for an intern) says she was adrift." (the parser
    # made the name the subject of "young" and left "says" without one)
    doc = hand_parsed(
        [
            ("Sen.", "NNP", "PROPN", "compound", 1),
            ("Ortiz", "NNP", "PROPN", "nsubj", 6),
            ("(", "-LRB-", "PUNCT", "punct", 1),
            ("a", "DT", "DET", "det", 4),
            ("Democrat", "NNP", "PROPN", "appos", 1),
            ("so", "RB", "ADV", "advmod", 6),
            ("young", "JJ", "ADJ", "advcl", 14),
            ("she", "PRP", "PRON", "nsubjpass", 9),
            ("was", "VBD", "AUX", "auxpass", 9),
            ("mistaken", "VBN", "VERB", "ccomp", 6),
            ("for", "IN", "ADP", "prep", 9),
            ("an", "DT", "DET", "det", 12),
            ("intern", "NN", "NOUN", "pobj", 10),
            (")", "-RRB-", "PUNCT", "punct", 6),
            ("says", "VBZ", "VERB", "ROOT", 14),
            ("she", "PRP", "PRON", "nsubj", 16),
            ("was", "VBD", "AUX", "ccomp", 14),
            ("adrift", "JJ", "ADJ", "acomp", 16),
            (".", ".", "PUNCT", "punct", 14),
        ]
    )
    subj = _subject(doc[14])
    assert subj is not None and subj.text == "Ortiz"


def _estimates_parse(first: tuple[str, str, str]):
    # "<first> estimates that the ferry lost money." with "estimates" tagged a plural noun and
    # the first word hung on it as a compound
    word, tag, pos = first
    return hand_parsed(
        [
            (word, tag, pos, "compound", 1),
            ("estimates", "NNS", "NOUN", "ROOT", 1),
            ("that", "IN", "SCONJ", "mark", 5),
            ("the", "DT", "DET", "det", 4),
            ("ferry", "NN", "NOUN", "nsubj", 5),
            ("lost", "VBD", "VERB", "ccomp", 1),
            ("money", "NN", "NOUN", "dobj", 5),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_name_before_a_verb_read_as_a_plural_noun() -> None:
    # "Okafor estimates that the ferry lost money." (the tagger read "estimates" as a noun)
    doc = _estimates_parse(("Okafor", "NNP", "PROPN"))
    subj = _source_token(doc[1])
    assert subj is not None and subj.text == "Okafor"


def test_a_noun_before_a_noun_is_no_such_subject() -> None:
    # "Audit estimates that ..." : a noun modifier stays a modifier
    doc = _estimates_parse(("Audit", "NN", "NOUN"))
    assert _source_token(doc[1]) is None


def test_experiencer_passive_whose_subject_hangs_on_the_auxiliary() -> None:
    # "Not everyone is convinced the ferry will run."
    doc = hand_parsed(
        [
            ("Not", "RB", "PART", "neg", 1),
            ("everyone", "NN", "PRON", "nsubj", 2),
            ("is", "VBZ", "AUX", "auxpass", 3),
            ("convinced", "VBN", "VERB", "ROOT", 3),
            ("the", "DT", "DET", "det", 5),
            ("ferry", "NN", "NOUN", "nsubj", 7),
            ("will", "MD", "AUX", "aux", 7),
            ("run", "VB", "VERB", "ccomp", 3),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    subj = _subject(doc[3])
    assert subj is not None and subj.text == "everyone"


def test_to_quote_names_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry has run since 1950. To quote Mayor Lena Okafor, \u201cthe ferry is the heart of this town.\u201d\n"
    (q,) = [q for q in run(parse_text, text) if q.kind == "direct"]
    assert q.cue is not None and q.cue.text == "To quote"
    assert q.speaker.name == "Lena Okafor"


def test_inverted_cue_after_a_comma_outside_the_marks(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cWe will strike back at any time\u201d, added KCNA.\n"
    q = with_cue(run(parse_text, text), "added")
    assert q.speaker.mention is not None and q.speaker.mention.text == "KCNA"


def test_the_hospital_is_the_named_hospital(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Officials at Oslo University Hospital were cautious on Monday. The hospital said it had treated 40 patients.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.speaker.name == "Oslo University Hospital"
