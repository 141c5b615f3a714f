"""Speakers, issue 12 round 12: a source the gold leaves implicit (a cue noun received or undergone,
a quoted name after a naming participle) and the mention of the same person PolNeAR picks (the
subject of the verb whose object is "his" cue noun), on texts written for these tests (the
hand-built parses test a shape whatever the statistical parser does with the sentence)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.quotes.direct import naming_participle
from newsgraph.quotes.scope import _source_token
from quote_helpers import hand_parsed, run


def _with_lemmas(doc: Doc, lemmas: dict[int, str]) -> Doc:
    for i, lemma in lemmas.items():
        doc[i].lemma_ = lemma
    return doc


def _criticism_parse(verb: str, lemma: str) -> Doc:
    # "Okafor is already <verb> criticism for her plan."
    return _with_lemmas(
        hand_parsed(
            [
                ("Okafor", "NNP", "PROPN", "nsubj", 3),
                ("is", "VBZ", "AUX", "aux", 3),
                ("already", "RB", "ADV", "advmod", 3),
                (verb, "VBG", "VERB", "ROOT", 3),
                ("criticism", "NN", "NOUN", "dobj", 3),
                ("for", "IN", "ADP", "prep", 4),
                ("her", "PRP$", "PRON", "poss", 7),
                ("plan", "NN", "NOUN", "pobj", 5),
                (".", ".", "PUNCT", "punct", 3),
            ]
        ),
        {3: lemma, 4: "criticism"},
    )


def test_a_cue_noun_received_has_no_source() -> None:
    # the one who receives criticism is its target, not its source
    assert _source_token(_criticism_parse("receiving", "receive")[4]) is None


def test_a_cue_noun_voiced_keeps_the_subject() -> None:
    # "Okafor is already voicing criticism for her plan.": the subject holds it
    subj = _source_token(_criticism_parse("voicing", "voice")[4])
    assert subj is not None and subj.text == "Okafor"


def _calls_parse(subject: str, tag: str) -> Doc:
    # "<subject> expanded upon his calls for a new ferry."
    return _with_lemmas(
        hand_parsed(
            [
                (subject, tag, "PRON" if tag == "PRP" else "PROPN", "nsubj", 1),
                ("expanded", "VBD", "VERB", "ROOT", 1),
                ("upon", "IN", "ADP", "prep", 1),
                ("his", "PRP$", "PRON", "poss", 4),
                ("calls", "NNS", "NOUN", "pobj", 2),
                ("for", "IN", "ADP", "prep", 4),
                ("a", "DT", "DET", "det", 8),
                ("new", "JJ", "ADJ", "amod", 8),
                ("ferry", "NN", "NOUN", "pobj", 5),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "expand", 4: "call"},
    )


def test_his_cue_noun_after_his_own_verb_takes_the_subject() -> None:
    subj = _source_token(_calls_parse("He", "PRP")[4])
    assert subj is not None and subj.text == "He"


def test_his_cue_noun_after_another_subject_keeps_the_owner() -> None:
    # "Okafor expanded upon his calls ...": the owner may be someone else; "his" stays
    subj = _source_token(_calls_parse("Okafor", "NNP")[4])
    assert subj is not None and subj.text == "his"


def _named_parse(noun: str, pos: str, comma: bool) -> Doc:
    # "Reyes joined <noun> called the Harbour Friends." (with a comma before "called": the
    # parser's misreading of "..., an ally, called the plan ...")
    rows = [
        ("Reyes", "NNP", "PROPN", "nsubj", 1),
        ("joined", "VBD", "VERB", "ROOT", 1),
        (noun, "NN" if pos == "NOUN" else "NNP", pos, "dobj", 1),
    ]
    if comma:
        rows.append((",", ",", "PUNCT", "punct", 2))
    v = len(rows)
    rows += [
        ("called", "VBN", "VERB", "acl", 2),
        ("the", "DT", "DET", "det", v + 3),
        ("Harbour", "NNP", "PROPN", "compound", v + 3),
        ("Friends", "NNP", "PROPN", "oprd", v),
        (".", ".", "PUNCT", "punct", 1),
    ]
    return _with_lemmas(hand_parsed(rows), {v: "call"})


def test_a_naming_participle_right_after_its_noun() -> None:
    doc = _named_parse("groups", "NOUN", comma=False)
    assert naming_participle(doc[3])


def test_a_naming_verb_after_a_name_or_a_comma_is_no_participle() -> None:
    # "Limbaugh called the plan ...", "..., an ally, called the plan ...": an active verb the
    # parser hung on the noun
    assert not naming_participle(_named_parse("Limbaugh", "PROPN", comma=False)[3])
    assert not naming_participle(_named_parse("groups", "NOUN", comma=True)[4])


def test_a_quoted_title_after_a_naming_participle_has_no_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # (without the rule the quoted title was the statement of "warning" after it, by Okafor)
    text = "The harbour must stay open, Okafor says in a new advert titled “Safe Harbour,” warning against the toll.\n"
    quotes = run(parse_text, text)
    q = next(q for q in quotes if "Safe Harbour" in q.content_text)
    assert q.cue is not None and q.cue.text == "titled"
    assert q.speaker.mention is None
    warning = next(q for q in quotes if q.cue is not None and q.cue.text.startswith("warning"))
    assert warning.speaker.mention is not None and warning.speaker.mention.text == "Okafor"


def test_a_quoted_name_after_a_naming_passive_has_no_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Okafor praised the crews of what was once called the “Harbour Week,” saying that it brought visitors.\n"
    quotes = run(parse_text, text)
    q = next(q for q in quotes if "Harbour Week" in q.content_text and q.kind != "indirect")
    assert q.cue is not None and "called" in q.cue.text
    assert q.speaker.mention is None


def test_a_quoted_name_after_an_active_naming_verb_keeps_its_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Okafor called the plan “a gift to the harbour,” praising the ferry crews.\n"
    quotes = run(parse_text, text)
    q = next(q for q in quotes if "a gift to the harbour" in q.content_text)
    assert q.speaker.mention is not None and "Okafor" in q.speaker.mention.text
