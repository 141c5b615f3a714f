"""Speech in single quotation marks (British style): read as quotes, apostrophes left alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.marks import _scan_marks, _scan_single_paragraph

BRITISH = (
    "‘We will not sign this agreement,’ the minister said on Monday. ‘It gives away too much.’\n\n"
    "The dockers’ leader, Ann Pike, said the workers’ pay offer was ‘a scandal’.\n\n"
    "‘I can’t accept it,’ she added. ‘Nobody in the docks will.’\n\n"
    "Her deputy, Tom Reed, said: ‘The port’s owners told us “no more talks”, and we believe them.’\n"
)


def run(parse_text, text: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return extract_quotes(parsed, extract_entities(parsed))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        if line:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_single_marked_speech_is_quoted_with_its_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes, framing = run(parse_text, BRITISH)
    first = quotes[0]
    assert first.kind == "direct"
    assert [c.text for c in first.content] == ["‘We will not sign this agreement,’", "‘It gives away too much.’"]
    assert first.cue is not None and first.cue.text == "said"
    assert first.speaker.mention is not None and first.speaker.mention.text == "the minister"
    added = next(q for q in quotes if q.cue is not None and q.cue.text == "added")
    assert [c.text for c in added.content] == ["‘I can’t accept it,’", "‘Nobody in the docks will.’"]
    assert added.speaker.name == "Ann Pike"
    reed = next(q for q in quotes if "port’s owners" in q.content[0].text)
    # the double-quoted words inside are a quote within the quote, not a quote of their own
    assert reed.content[0].text.endswith("we believe them.’")
    # the name in apposition is the source (PolNeAR's convention), and the speaker
    assert reed.speaker.mention is not None and reed.speaker.mention.text == "Tom Reed"
    assert reed.speaker.name == "Tom Reed"
    assert not any(q.content[0].text == "“no more talks”" for q in quotes)
    # the quoted fragment inside reported speech makes a mixed quote
    pay = next(q for q in quotes if "pay offer" in q.content[0].text)
    assert pay.kind == "mixed" and pay.content[0].text.endswith("‘a scandal’")


def test_straight_single_marks(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "'The ferry will run again in May,' the harbour master said. 'We owe the islanders that.'\n"
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    assert [c.text for c in quotes[0].content] == ["'The ferry will run again in May,'", "'We owe the islanders that.'"]
    assert quotes[0].speaker.mention is not None and quotes[0].speaker.mention.text == "the harbour master"


def test_apostrophes_and_plural_possessives_are_not_marks() -> None:
    quotes, single = _scan_marks(BRITISH, _paragraphs(BRITISH))
    assert single
    texts = [BRITISH[q.start : q.end] for q in quotes]
    assert "‘a scandal’" in texts
    assert not any(t.startswith("’") or t.startswith("’ leader") for t in texts)
    assert all("dockers’ leader" not in t for t in texts)


def test_double_marked_speech_keeps_single_marks_for_framing(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We will not sign this agreement," the minister said on Monday.\n\n'
        "Critics called the vote an 'empty show' and the union's leaders stayed away.\n"
    )
    quotes, framing = run(parse_text, text)
    _, single = _scan_marks(text, _paragraphs(text))
    assert not single
    assert [q.content[0].text for q in quotes if q.kind == "direct"] == ['"We will not sign this agreement,"']
    assert any(f.span.text == "'empty show'" for f in framing)


def test_a_lone_scare_quote_does_not_switch_to_single_marks() -> None:
    text = "The council called the plan a 'fresh start' on Tuesday.\n"
    _, single = _scan_marks(text, _paragraphs(text))
    assert not single


def test_clitics_cut_off_their_word_open_nothing() -> None:
    text = "Mr Reed 's decision was final , and they 're gone .\n"
    assert _scan_single_paragraph(text, 0, len(text) - 1) == []


@given(st.text(alphabet=st.sampled_from(list("ab s,.’‘'\"“”\n")), max_size=120))
def test_single_mark_scan_never_fails_and_stays_in_order(text: str) -> None:
    paragraphs = _paragraphs(text)
    quotes, _ = _scan_marks(text, paragraphs)
    last_end = -1
    for q in quotes:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.start >= last_end
        last_end = q.end
