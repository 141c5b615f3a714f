"""Quote attribution on short texts written for these tests (a fictional harbour dispute)."""

from __future__ import annotations

import pytest

from newsgraph.entities import EntityIndex
from newsgraph.quotes import extract_quotes
from newsgraph.records import Entity, Mention

STORY = """By Maria Lopez

Harbour Commissioner Elena Varga has described as “reckless” the council's decision to sell the old pier.

“It is deeply reckless to call this a ‘public consultation' when the outcome was fixed in advance. Nobody asked the fishermen who work here every day," Varga said in a letter on Monday.

She reminded that the pier has been used by fishing families for ninety years.

“The decision ignores the law and it ignores the people who depend on the harbour,” Varga said.

Varga urged the council to postpone the sale until an independent review is complete.

“This is a bad deal for the town, and everybody on the council knows it very well", she added.

“Unfortunately, the real motive for the sale seems to be money and nothing else.”

Varga noted that the fishing cooperative has offered to maintain the pier at its own cost.

The Harbour Trust issued a statement, saying "The pier is a protected site under the 1998 act and cannot be sold without a public vote.

Residents gathered outside the town hall on Tuesday.
"""


def _mentions(text: str, phrase: str, kind: str = "name") -> list[Mention]:
    out, start = [], 0
    while (i := text.find(phrase, start)) != -1:
        out.append(Mention(i, i + len(phrase), phrase, kind))  # type: ignore[arg-type]
        start = i + len(phrase)
    return out


def story_index(text: str) -> EntityIndex:
    """An entity index as the entity stage would build it (pronouns already resolved)."""
    varga = _mentions(text, "Elena Varga") + [
        m for m in _mentions(text, "Varga") if not text[max(0, m.start - 6) : m.start].endswith("Elena ")
    ]
    varga += _mentions(text, "She reminded", "pronoun")[:1]
    varga = [
        Mention(m.start, m.start + 3, text[m.start : m.start + 3], "pronoun")
        if m.text == "She reminded"
        else m
        for m in varga
    ]
    she = text.find("she added")
    varga.append(Mention(she, she + 3, "she", "pronoun"))
    entities = [
        Entity("E1", "Maria Lopez", "person", tuple(_mentions(text, "Maria Lopez"))),
        Entity("E2", "Elena Varga", "person", tuple(sorted(varga, key=lambda m: m.start))),
        Entity("E3", "Harbour Trust", "organization", tuple(_mentions(text, "Harbour Trust"))),
    ]
    return EntityIndex.build(entities)


@pytest.fixture(scope="module")
def story(parse_text):  # type: ignore[no-untyped-def]
    parsed = parse_text(STORY)
    quotes, framing = extract_quotes(parsed, story_index(STORY))
    return parsed, quotes, framing


def _find(quotes, fragment):  # type: ignore[no-untyped-def]
    hits = [q for q in quotes if fragment in q.content_text]
    assert hits, f"no quote contains {fragment!r}: {[q.content_text[:40] for q in quotes]}"
    return hits[0]


def test_quotes_ids_in_text_order(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, framing = story
    assert [q.id for q in quotes] == [f"Q{i}" for i in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert [f.id for f in framing] == [f"F{i}" for i in range(1, len(framing) + 1)]


def test_direct_quote_with_cue_after(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, _ = story
    q = _find(quotes, "It is deeply reckless")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Varga"
    assert q.speaker.entity == "E2"
    # PolNeAR convention: the quotation marks belong to the content
    assert q.content[0].text.startswith("“") and q.content[0].text.endswith('"')


def test_curly_open_straight_close_is_one_quote_with_pronoun_speaker(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, _ = story
    q = _find(quotes, "This is a bad deal")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "added"
    assert q.speaker.mention is not None and q.speaker.mention.text == "she"
    assert q.speaker.entity == "E2" and q.speaker.name == "Elena Varga"


def test_quote_without_cue_takes_speaker_of_neighbour(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, _ = story
    q = _find(quotes, "Unfortunately, the real motive")
    assert q.kind == "direct"
    assert q.cue is None
    assert q.speaker.entity == "E2"
    assert q.confidence < _find(quotes, "This is a bad deal").confidence


def test_unclosed_quote_ends_at_its_paragraph(story) -> None:  # type: ignore[no-untyped-def]
    parsed, quotes, _ = story
    q = _find(quotes, "The pier is a protected site")
    assert q.content[-1].text.endswith("without a public vote.")
    assert "Residents" not in q.content_text
    assert q.speaker.entity == "E3"
    assert q.cue is not None and q.cue.text == "saying"


@pytest.mark.parametrize(
    ("fragment", "cue", "speaker"),
    [
        ("that the pier has been used", "reminded", "She"),
        ("to postpone the sale", "urged", "Varga"),
        ("that the fishing cooperative", "noted", "Varga"),
    ],
)
def test_indirect_speech(story, fragment: str, cue: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes, _ = story
    q = _find(quotes, fragment)
    assert q.kind == "indirect"
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker.mention is not None and q.speaker.mention.text == speaker
    assert q.speaker.entity == "E2"


def test_scare_quote_is_framing_not_a_quote(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, framing = story
    assert not any(q.content_text.strip("‘’'\"“” ") == "public consultation" for q in quotes)
    assert any("public consultation" in f.span.text and f.kind == "scare_quote" for f in framing)


def test_title_speaker_resolves_to_the_person_named(story) -> None:  # type: ignore[no-untyped-def]
    _, quotes, _ = story
    q = _find(quotes, "reckless”")
    assert q.speaker.entity == "E2"
    assert "Maria Lopez" not in (q.speaker.mention.text if q.speaker.mention else "")


def test_every_span_matches_the_text(story) -> None:  # type: ignore[no-untyped-def]
    parsed, quotes, framing = story
    spans = [s for q in quotes for s in q.content]
    spans += [q.cue for q in quotes if q.cue] + [q.speaker.mention for q in quotes if q.speaker.mention]
    spans += [f.span for f in framing]
    for s in spans:
        assert parsed.text[s.start : s.end] == s.text


def test_quotes_authorial_aside_is_not_a_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.entities import extract_entities
    from newsgraph.quotes import extract_quotes

    text = (
        "It should be noted that the mayor rejected the plan earlier. "
        "It was reported that the council would meet on Friday."
    )
    parsed = parse_text(text)
    quotes, _ = extract_quotes(parsed, extract_entities(parsed))
    contents = [q.content_text for q in quotes]
    assert not any("mayor rejected" in c for c in contents)
    # an impersonal report without a modal is still an attribution with no source
    assert any("council would meet" in c for c in contents)
