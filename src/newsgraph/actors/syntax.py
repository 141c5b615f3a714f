"""Where an entity's mentions sit in the parse: the token a name hangs from, whether it is an
agent, the noun it modifies, the titles and appositions around a person's name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.document import ParsedDocument
from newsgraph.kb import KnowledgeBase

# dependency labels under which a capital is an agent or patient (PLOVER: "subject or direct object")
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "csubj"})
# labels of a name that modifies the noun after it ("Azerbaijani parliament", "US forces")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})


def spans_of(parsed: ParsedDocument, mentions: Iterable) -> list[SpacySpan]:  # type: ignore[type-arg]
    spans = [span_of(parsed, m.start, m.end) for m in mentions]
    return [s for s in spans if s is not None]



def span_of(parsed: ParsedDocument, start: int, end: int) -> SpacySpan | None:
    return parsed.doc.char_span(start, end, alignment_mode="expand")


def governor(span: SpacySpan) -> Token:
    """The token the name hangs from, climbing through coordination ("Hungarian and Romanian officials")."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok and not (span.start <= tok.head.i < span.end):
        tok = tok.head
    return tok


def is_agent(span: SpacySpan) -> bool:
    tok = governor(span)
    if tok.dep_ in _AGENT_DEPS:
        return True
    # "said Baku" / "according to Washington" style attributions
    return tok.dep_ == "pobj" and tok.head.lower_ == "by"


def context_sector(kb: KnowledgeBase, spans: Sequence[SpacySpan]) -> str | None:
    """The sector of the noun every mention modifies ("Azerbaijani parliament" -> LEG), if they agree."""
    found: list[str | None] = []
    for span in spans:
        tok = governor(span)
        sector = None
        if tok.dep_ in _MODIFIER_DEPS and not (span.start <= tok.head.i < span.end):
            head = tok.head
            # the head noun with its own compounds ("foreign ministry", "riot police")
            words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i > span.end - 1] + [head]
            phrase = " ".join(t.text for t in words)
            sector = kb.sector(phrase) or kb.sector(head.lemma_) or kb.sector(head.text)
        found.append(sector)
    if not found or any(s is None for s in found):
        return None
    counts = Counter(found)
    return counts.most_common(1)[0][0]


def context_roles(span: SpacySpan) -> list[str]:
    """Titles and descriptions around a person's name in the parse.

    The pre-modifiers of the name ("Serbian President Vojislav Kostunica"), an
    apposition on either side ("Tom King, the defence secretary"; "the
    Representatives - Frank Pallone, ..."), climbing through coordinated names.
    """
    doc = span.doc
    out: list[str] = []
    root = span.root
    # pre-modifiers inside the name's noun phrase, left of the name
    left = root.left_edge.i
    if left < span.start:
        out.append(doc[left : span.start].text)
    # appositions attached to the name, and "of/from <country>" after it ("Foreign Minister X of Lebanon")
    for child in root.children:
        if span.start <= child.i < span.end:
            continue
        if child.dep_ == "appos":
            out.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i >= span.end and left < span.start:
            out.append(doc[child.i : child.right_edge.i + 1].text)
    # the name is itself an apposition or coordinated with one: the noun it describes
    tok = root
    for _ in range(6):
        if tok.dep_ not in ("appos", "conj") or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ == "NOUN" or (tok.dep_ not in ("appos", "conj") and tok.pos_ != "PROPN"):
            left = tok.left_edge.i
            right = tok.i + 1
            # keep a following "of/from X" phrase but stop before the names
            for child in tok.rights:
                if child.dep_ == "prep" and child.i < span.start:
                    right = max(right, child.right_edge.i + 1)
            right = min(right, span.start) if tok.i < span.start else right
            if right > left:
                out.append(doc[left:right].text)
            break
    return out
