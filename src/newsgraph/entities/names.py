"""Step 1 of the entity stage: the names of an article, repaired.

``candidate_pieces`` takes spaCy's named entities (PERSON, ORG, GPE, LOC, FAC, NORP)
and repairs them with general rules, because the small English model runs titles,
lists and owners into one span:

* a span is split at line breaks, possessives, spaced dashes and list punctuation
  (``"Moldova’s Dniester Valley Farmers’ Union Ilona Vasilescu"`` becomes the
  place, the organisation and the person; ``"the Senate Black Sea Caucus - Robert
  Hale"`` is split at the dash), and after a title or organisation noun
  (``"the Co-Chair Paul Renner"``);
* codes (``"COVID-19"``), nationality adjectives (``"the Moldovan community"``) and
  capitalised common nouns standing alone (``"the Government"``) are dropped;
* a PERSON the knowledge base knows as a country becomes a place, and so does a
  PERSON or NORP it knows as a town after in/near/at/outside/from or "the town of"
  (``"near Kidal"``) unless a person cue says otherwise;
* a first name spaCy left out is added (``extend_first_name``) and ``", Jr."``
  joins the name before it.

The list repairs (items spaCy missed in a list of names) are in ``groups``; the kind
of each name is decided afterwards, by vote over all its mentions, in ``matching``.
``drop_overlaps`` then keeps one piece where repairs overlap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.document import entity_spans, tokens_of
from newsgraph.entities.common import (
    DASHES,
    LABEL_KIND,
    LEADING_DROP,
    NAME_SUFFIXES,
    POSSESSIVE,
    TITLE_GLUE,
    Piece,
    is_cap,
    role_at,
    spaced,
)
from newsgraph.entities.lexicon import Gazetteer, Lexicon, norm, place_code

_SPLITTERS = frozenset({",", ";", ":", "(", ")", "[", "]", "/", "|", '"', "“", "”", "«", "»"})
_CODE = re.compile(r"^[A-Z]{2,}-?\d+$")  # "COVID-19", "MH17": codes, not organisations


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split an entity span at possessives, spaced dashes and list punctuation.

    Returns ``(start, end, is_owner)``: ``is_owner`` marks the part before a possessive.
    """
    out: list[tuple[int, int, bool]] = []
    cur = start
    for i in range(start, end):
        t = doc[i]
        if t.is_space and "\n" in t.text:
            out.append((cur, i, False))  # a name never runs over a line break ("Helena Marsh\n\nChair of")
            cur = i + 1
        elif "\n" in t.whitespace_:
            out.append((cur, i + 1, False))
            cur = i + 1
        elif t.text in ("’s", "'s") and i > start:
            out.append((cur, i, True))
            cur = i + 1
        elif (t.text in DASHES and spaced(doc, t)) or t.text in _SPLITTERS:
            if t.text == "," and i + 1 < end and doc[i + 1].lower_ in NAME_SUFFIXES:
                continue
            out.append((cur, i, False))
            cur = i + 1
    out.append((cur, end, False))
    return [s for s in out if s[0] < s[1]]


def _symbol(tok: Token) -> bool:
    """A token with no letter or digit that is not punctuation: an emoji, a flag, an arrow."""
    return not tok.is_punct and not tok.is_space and not any(ch.isalnum() for ch in tok.text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    toks = tokens_of(doc)
    # the tagger takes emoji into names ("Kyiv 💥" as an ORG): symbols never begin or end one
    while start < end and (
        toks[start].lower_ in LEADING_DROP or toks[start].is_punct or toks[start].is_space or _symbol(toks[start])
    ):
        start += 1
    while end > start and (
        _symbol(toks[end - 1])
        or toks[end - 1].is_punct
        and toks[end - 1].text not in (".",)
        or toks[end - 1].text in POSSESSIVE
        or toks[end - 1].is_space
        or toks[end - 1].lower_ in TITLE_GLUE  # "Chair of"
    ):
        end -= 1
    if end > start and toks[end - 1].text == "." and end - 1 > start and len(toks[end - 2].text) > 2:
        end -= 1  # sentence-final dot
    return start, end


def looks_like_person_tail(doc: Doc, start: int, end: int, lex: Lexicon, surnames: set[str]) -> bool:
    toks = doc[start:end]
    if not 1 <= len(toks) <= 5 or not all(is_cap(t) or t.text in (".", "-") for t in toks):
        return False
    if any(lex.org_noun(t.text) or lex.role(t.text) for t in toks):
        return False
    words = [t.text for t in toks if t.text not in (".", "-")]
    return words[0] in lex.first_names or words[-1] in surnames or len(words) >= 2


def _split_title(doc: Doc, start: int, end: int, label: str, lex: Lexicon, surnames: set[str]) -> list[Piece]:
    """Split "Co-Chair Paul Renner" / "Farmers’ Union Ilona Vasilescu" / "Lake Forum Co-Chairs"."""
    # the last role or organisation noun inside the span
    cut: tuple[int, int, bool, str, str] | None = None  # (noun start, noun end, is_role, word, class)
    i = start
    while i < end:
        r = role_at(doc, i, end, lex)
        if r is not None and is_cap(doc[i]):
            cut = (i, r[0], True, r[2], r[3])
            if r[1] and r[0] == end and i > start and doc[i - 1].lower_ not in TITLE_GLUE:
                # "... Minsk Group Co-Chairs": a group named after its body ("House of Representatives" is a name)
                return [
                    Piece(start, i, "organization", label),
                    Piece(start, end, "group", "ROLE-PLURAL", role_words={r[2]}, role_classes={r[3]}),
                ]
            i = r[0]
            continue
        if lex.org_noun(doc[i].text) and is_cap(doc[i]):
            cut = (i, i + 1, False, doc[i].lower_, lex.org_noun(doc[i].text) or "")
        i += 1
    if cut is None:
        if (
            label != "PERSON"
            and end - start >= 2
            and doc[start].text in lex.first_names
            and looks_like_person_tail(doc, start, end, lex, surnames)
        ):
            return [Piece(start, end, "person", "SPLIT")]  # "Caucus - Robert Hale": the part after the dash
        return [Piece(start, end, None, label)]
    c_start, c_end, is_role, word, cls = cut
    if c_end >= end:
        after_honorific = start > 0 and (
            doc[start - 1].text in lex.honorifics or doc[start - 1].text + "." in lex.honorifics
        )
        if is_role and c_start == start and not after_honorific:
            return []  # a bare title ("the Co-Chair") is no name; "Mr. King" is
        return [Piece(start, end, None, label)]
    if not (
        looks_like_person_tail(doc, c_end, end, lex, surnames)
        and (is_role or label == "PERSON" or c_end - start >= 1)
    ):
        return [Piece(start, end, None, label)]
    if not is_role and label == "GPE":
        return [Piece(start, end, None, label)]
    out = []
    person = Piece(c_end, end, "person", "SPLIT")
    if is_role:
        # "the Co-Chair" belongs to the person as a title (recorded by roles._title_roles)
        pass
    elif cls == "org":
        out.append(Piece(start, c_end, "organization", "SPLIT"))
    out.append(person)
    return out


def candidate_pieces(doc: Doc, lex: Lexicon, gaz: Gazetteer, kb: Any = None) -> list[Piece]:
    ents = entity_spans(doc)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) >= 1}
    # words of full names: "from Obama" after "Barack Obama" is the person, not the Japanese town
    name_words: dict[str, list[int]] = defaultdict(list)
    for name in ents:
        if name.label_ == "PERSON" and len(name) >= 2:
            for t in name:
                name_words[t.text].append(t.i)
    pieces: list[Piece] = []
    for ent in ents:
        if ent.label_ not in LABEL_KIND:
            continue
        for s, e, owner in _segments(doc, ent.start, ent.end):
            s, e = _trim(doc, s, e)
            if s >= e:
                continue
            if owner:
                pieces.append(Piece(s, e, None, ent.label_))
                continue
            if e - s == 1 and lex.org_noun(doc[s].text) == "org" and doc[s].is_title and s == ent.start:
                # "Caucus - Robert Hale" (PERSON): the org noun ends a name spaCy cut off on its left
                k = s
                while (
                    k > 0 and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].ent_type_
                ):
                    k -= 1
                if k < s:
                    pieces.append(Piece(k, e, "organization", "SPLIT"))
                    continue
            pieces.extend(_split_title(doc, s, e, ent.label_, lex, surnames))
    out = []
    for p in pieces:
        p.start, p.end = _trim(doc, p.start, p.end)
        if p.start >= p.end:
            continue
        span = doc[p.start : p.end]
        text = span.text
        if _CODE.match(text):
            continue
        if _bare_common_noun(span, gaz):
            continue  # "any participating State", "the Government": a capitalised noun, not a name
        if p.label in ("PERSON", "NORP", "ORG") and _town_in_context(doc, p, lex, kb, name_words):
            # "near Kidal" (NORP), "the city of Kherson" (PERSON). PLOVER dev: actor coverage
            # 0.952 -> 0.955, event dyad F1 0.661 -> 0.677, PolNeAR dev pronouns 0.775 -> 0.778
            p.kind, p.label = "place", "TOWN"
            out.append(p)
            continue
        if p.label == "NORP":
            last = doc[p.end - 1]
            if last.tag_ not in ("NNPS", "NNS") or last.dep_ in ("amod", "compound"):
                continue  # "Moldovan society": an adjective, not a referent
            p.kind = "group"
            before = doc[p.start - 1] if p.start > 0 else None
            if (
                before is not None
                and before.is_title
                and before.head.i == last.i
                and before.text.casefold() in gaz.demonyms
            ):
                # "Iraqi Kurds" (spaCy: two NORP spans): the people of that country
                p.start -= 1
                text = doc[p.start : p.end].text
        elif p.end - p.start == 1 and (
            span[0].tag_ == "JJ" or span[0].dep_ == "amod" or text.casefold() in gaz.demonyms
        ):
            if text not in lex.first_names:
                continue  # "the Moldovan community": an adjective
        elif (
            p.label == "PERSON"
            and p.end - p.start == 1
            and span[0].dep_ == "compound"
            and span[0].head.pos_ == "NOUN"
            and not span[0].head.is_title
        ):
            if text not in lex.first_names and not place_code(gaz, norm(text)):
                continue
        key = norm(text)
        if (
            p.label in ("PERSON", "POSS")
            and place_code(gaz, key)
            and p.end - p.start <= 3
            and not (text.isupper() and len(text) > 3)
        ):
            p.kind = "place"
        if p.kind == "person" or (p.kind is None and p.label == "PERSON"):
            if p.end - p.start >= 2 and _is_speech_form(doc[p.end - 1].lower_, lex):
                p.end -= 1  # a headline's "Obama Says ...": spaCy takes the title-case verb into the name
            extend_first_name(doc, p, lex, gaz)
            # "Robert Hale, Jr.": the suffix belongs to the name
            j = p.end
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if j < len(doc) and doc[j].lower_.rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
                p.end = j + 1
                if p.end < len(doc) and doc[p.end].text == "." and doc[p.end - 1].text[-1] != ".":
                    p.end += 1
        out.append(p)
    out.sort(key=lambda p: (p.start, -(p.end - p.start)))
    return out


#: Prepositions after which a known town's name is the town ("fighting near Kidal").
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "from"})
#: "the town of X": nouns that make the name after "of" a place, whatever the tagger says.
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "district", "province", "region"})


def _town_in_context(doc: Doc, p: Piece, lex: Lexicon, kb: Any, name_words: dict[str, list[int]]) -> bool:
    """A name tagged PERSON or NORP that is a knowledge-base town where a place is expected.

    The small model tags unfamiliar towns as people or nationalities ("in Gao", "near
    Kidal"). A name of one to three words that ``kb.place`` knows unambiguously becomes
    a place after "in"/"near"/"at"/"outside"/"from" or in "the town/city/village of X"
    (also when tagged ORG there), unless a person cue says otherwise: a possessive or
    "who" after it, the subject of a verb of saying, a word of a full name tagged PERSON
    in the article ("Barack Obama ... a letter from Obama"), or a known first name
    after "at"/"from" ("a call from Florence").
    """
    if kb is None or p.start == 0 or p.end - p.start > 3:
        return False
    span = doc[p.start : p.end]
    if not all(is_cap(t) for t in span if t.is_alpha):
        return False
    before = doc[p.start - 1]
    low = before.lower_
    settlement = low == "of" and p.start > 1 and doc[p.start - 2].lower_ in _SETTLEMENT_NOUNS
    if not settlement and (low not in _PLACE_PREPOSITIONS or p.label == "ORG"):
        return False
    after = doc[p.end] if p.end < len(doc) else None
    if after is not None and after.text == "," and p.end + 1 < len(doc):
        after = doc[p.end + 1]
    if after is not None and (after.text in POSSESSIVE or after.lower_ == "who"):
        return False
    if not settlement and low in ("at", "from") and span.text in lex.first_names:
        return False
    if any(not p.start <= i < p.end for t in span for i in name_words.get(t.text, ())):
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lex.speech_verbs:
        return False
    m = kb.place(span.text)
    return m is not None and m.confidence >= 1.0


#: Capitalised common nouns that, alone, name nothing in particular ("State", "Ministry").
_BARE_NOUNS = frozenset(
    "state states government governments ministry ministries parliament army police embassy military navy "
    "authorities authority department agency council committee commission cabinet".split()
)


def _bare_common_noun(span: Any, gaz: Gazetteer) -> bool:
    """A lone capitalised org or state noun the knowledge base does not know as a name.

    "Congress" and "Senate" are knowledge-base bodies and stay; "State", "Government",
    "Ministry" alone refer to whatever the context says, not to one named entity.
    """
    if len(span) != 1 or not span[0].is_title:
        return False
    word = span[0].lower_
    if word not in _BARE_NOUNS:
        return False  # not every org noun: "the House", "the Bank" often stand for one named body
    key = norm(span.text)
    return key not in gaz.orgs and not place_code(gaz, key)


_IRREGULAR_SPEECH = {"said": "say", "told": "tell", "wrote": "write", "says": "say"}


def _is_speech_form(word: str, lex: Lexicon) -> bool:
    """Is ``word`` (lower case) a form of a verb of saying ("says", "urges", "told")?"""
    if word in _IRREGULAR_SPEECH:
        return True
    for cut in ("s", "es", "d", "ed"):
        if word.endswith(cut) and word[: -len(cut)] in lex.speech_verbs:
            return True
    return False


def extend_first_name(doc: Doc, p: Piece, lex: Lexicon, gaz: Gazetteer) -> None:
    """ "Emil Varga" at the start of a sentence, "Union Ilona Vasilescu": spaCy often leaves the first name out."""
    k = p.start
    while (
        k > 0
        and p.start - k < 2
        and doc[k - 1].pos_ == "PROPN"
        and doc[k - 1].dep_ == "compound"
        and p.start <= doc[k - 1].head.i < p.end
        and doc[k - 1].is_title
        and (doc[k - 1].ent_type_ == "" or doc[k - 1].text in lex.first_names)
        and lex.role(doc[k - 1].text) is None
        and doc[k - 1].text not in lex.honorifics
        and not lex.org_noun(doc[k - 1].text)
        and not place_code(gaz, norm(doc[k - 1].text))
        and doc[k - 1].text.casefold() not in gaz.demonyms
    ):
        k -= 1
    p.start = k


def drop_overlaps(pieces: list[Piece]) -> list[Piece]:
    """Drop pieces that overlap an earlier, longer one (after splitting they should not).

    A plural title's group ("ROLE-PLURAL", made by ``_split_title``) keeps the
    organisation piece inside it, and is kept over what it overlaps.
    """
    kept: list[Piece] = []
    last_end = -1
    for p in sorted(pieces, key=lambda p: (p.start, -(p.end - p.start))):
        if p.start < last_end and p.label != "ROLE-PLURAL" and not (kept and kept[-1].label == "ROLE-PLURAL"):
            continue
        kept.append(p)
        last_end = max(last_end, p.end)
    return kept
