"""Entities: who and what the article talks about, one entity per real-world referent.

``extract_entities(parsed) -> EntityIndex`` is the stage; ``EntityIndex.resolve``
maps a span of text (a quote's speaker phrase: "he", "the official",
"Varga", "The OSCE Minsk Group") to the entity it mentions.

The steps:

1. **Names.** spaCy's named entities (PERSON, ORG, GPE, LOC, FAC, NORP), repaired
   by general rules, because the small English model runs titles, lists and
   owners into one span: ``"Moldova’s Dniester Valley Farmers’ Union Ilona
   Vasilescu"`` (ORG) becomes the place, the organisation and the person;
   ``"the Senate Black Sea Caucus - Robert Hale"`` is split at the spaced dash;
   ``"the Co-Chair Paul Renner"`` is split after the role noun; a PERSON that the
   knowledge base knows as a country (``"Moldova"``) becomes a place, and so does a
   PERSON or NORP it knows as a town after in/near/at/outside/from or "the town of"
   (``"near Kidal"``) unless a person cue says otherwise; adjectives
   (``"the Moldovan community"``) are dropped; ``", Jr."`` joins the name before it;
   capitalised items of a list of organisations or places that spaCy missed
   (``"..., ASEAN, GUAM, Mercosur, TURKPA"``) are added with their
   neighbours' kind. The kind of one name is decided once, by vote over all its
   mentions (knowledge base, spaCy labels, "in X" / "X region" context).
2. **Roles.** Titles before a name (``"Chair of Moldova’s Dniester Valley
   Farmers’ Union"``, ``"the Co-Chair"``, ``"Sen."``), appositions (``"X, the foreign
   minister,"``) and the plural title of a list (``"US Representatives ... - A,
   B, C, and D"``, which also makes a group entity with A-D as members; written
   right before the names, ``"Foreign Ministers A and B"``, it is the title of each).
3. **Name matching.** Mentions of one referent are merged: a person's surname or
   first name alone, names with or without middle initials and suffixes; an
   organisation's shorter name that keeps its head (``"the Minsk Group"`` for
   ``"OSCE Minsk Group"``, but ``"OSCE"`` stays apart) or its acronym; a country's
   other names (``"US"``, ``"the United States"``) and small misspellings.
4. **Coreference** (``newsgraph.coref``): pronouns, descriptions, plural groups.
5. **Actor phrases and missed names** (knowledge base): a demonym or country before
   a role or body noun (``"the Moldovan foreign ministry"``, ``"US and British
   forces"``), a role noun before a place (``"rebels in the Congo"``, ``"Rebels in
   Mali"``), and
   knowledge-base names the tagger missed (``"Baku accused ..."``) become entities
   here, before quote attribution, so that speakers resolve to them. Entities are
   then numbered E1.. in order of first mention.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from newsgraph import coref
from newsgraph.coref import Cluster, Lexicon, lexicon
from newsgraph.document import ParsedDocument
from newsgraph.records import Entity, Mention

logger = logging.getLogger(__name__)

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_DASHES = frozenset({"-", "–", "—", "--", "―"})
_SPLITTERS = frozenset({",", ";", ":", "(", ")", "[", "]", "/", "|", '"', "“", "”", "«", "»"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "`s"})
_LEADING_DROP = frozenset({"the", "a", "an", "some", "this", "that", "these", "those"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_LIST_SEPARATORS = frozenset({",", "and", "or", "&", ";"})
#: Words allowed inside a title written before a name ("Head of X's Y Community").
_TITLE_GLUE = frozenset({"of", "the", "for", "and", "on", "de", "to", "in"})
#: Lowercase modifiers of a role noun ("foreign minister", "deputy head").
_ROLE_MODIFIERS = frozenset(
    {
        "foreign", "deputy", "vice", "prime", "former", "acting", "senior", "chief", "top", "state", "assistant",
        "interior", "defense", "defence", "finance", "economy", "majority", "minority", "ranking", "executive",
        "press", "general", "national", "security", "special", "first", "co", "junior", "white", "house",
    }
)  # fmt: skip
_GROUP_LIST_LEADS = frozenset({"-", "–", "—", ":", ",", "including", "namely", "like", "as"})
_CODE = re.compile(r"^[A-Z]{2,}-?\d+$")  # "COVID-19", "MH17": codes, not organisations
_PLACE_CONTEXT_NOUNS = frozenset(
    {
        "region",
        "valley",
        "river",
        "coast",
        "province",
        "city",
        "territory",
        "territories",
        "capital",
        "state",
        "county",
        "district",
        "republic",
        "town",
        "village",
        "area",
    }
)
_KIND_RANK = {"person": 3, "group": 3, "organization": 2, "place": 1}


# ---------------------------------------------------------------------------
# The index other stages use


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one article and a lookup from character spans to them."""

    entities: tuple[Entity, ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False)
    _mentions: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> EntityIndex:
        rows = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        return cls(tuple(entities), [r[0] for r in rows], rows, {e.id: e for e in entities})

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def resolve(self, start: int, end: int) -> Entity | None:
        """The entity a phrase ``[start, end)`` refers to, or ``None``.

        Among the mentions touching the span, an exact one wins; then one that holds
        the whole phrase ("US senators" is part of the group mention "four US
        senators", not a mention of the place "US" inside it); then one fully inside
        beats one that only overlaps; then people and groups beat organisations and
        places (the speaker phrase "Chair of X’s Y Union Ilona Vasilescu" is about
        the person, not the place); then a mention ending where the phrase ends (its
        head); then the longest.
        """
        best: tuple[int, ...] | None = None
        best_id: str | None = None
        lo = bisect.bisect_left(self._starts, start - 200)
        for m_start, m_end, eid in self._mentions[lo:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            inside = int(start <= m_start and m_end <= end)
            holds = int(m_start <= start and end <= m_end)
            entity = self._by_id[eid]
            key = (inside & holds, holds, inside, _KIND_RANK.get(entity.kind, 0), int(m_end >= end), overlap)
            if best is None or key > best:
                best, best_id = key, eid
        return None if best_id is None else self.get(best_id)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for row in self._mentions[lo:]:
            if row[0] >= end:
                break
            if row[1] <= end:
                out.append(row)
        return out


# ---------------------------------------------------------------------------
# Gazetteer: the knowledge base when present, else pycountry


@dataclass(frozen=True)
class _Gazetteer:
    places: dict[str, str]  # normalised name -> place code
    demonyms: frozenset[str]  # lower case
    orgs: dict[str, str]  # normalised name -> org id


def _norm(name: str) -> str:
    s = name.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"[.,\"()]", "", s)
    s = re.sub(r"\s+", " ", s).strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("'"):
        s = s[:-1]
    return s


def _place_code(gaz: _Gazetteer, key: str) -> str | None:
    return gaz.places.get(key) or gaz.places.get(key.replace("-", " "))


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    places: dict[str, str] = {}
    demonyms: set[str] = set()
    orgs: dict[str, str] = {}
    try:  # helper C's knowledge base, when installed
        from newsgraph.kb import load_kb

        kb: Any = load_kb()
        for c in getattr(kb, "countries", ()) or ():
            c = c if not isinstance(c, str) else kb.countries[c]
            for n in (c.name, *c.aliases):
                places.setdefault(_norm(n), c.code)
            for n in getattr(c, "capitals", ()):
                # a capital is a place of its own, not another name of its country
                places.setdefault(_norm(n), f"{c.code}/{_norm(n)}")
            demonyms.update(d.casefold() for d in getattr(c, "demonyms", ()))
        for o in getattr(kb, "organizations", ()) or ():
            o = o if not isinstance(o, str) else kb.organizations[o]
            for n in (o.name, *o.aliases):
                orgs.setdefault(_norm(n), o.id)
    except Exception as exc:  # the knowledge base is optional here: degrade to pycountry
        logger.debug("knowledge base unavailable for entity detection (%s); using pycountry", exc)
    if not places:
        import pycountry

        for country in pycountry.countries:
            code = country.alpha_3
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    places.setdefault(_norm(value), code)
                    places.setdefault(_norm(value.split(",")[0]), code)
    for alias, code in lexicon().place_aliases.items():
        places.setdefault(_norm(alias), code)
    return _Gazetteer(places, frozenset(demonyms), orgs)


# ---------------------------------------------------------------------------
# Step 1: names


@dataclass
class _Piece:
    """A name found in the text (token range ``[start, end)``)."""

    start: int
    end: int
    kind: str | None  # None: decide by vote
    label: str
    roles: list[tuple[int, int]] = field(default_factory=list)  # char spans
    gender: str | None = None
    role_words: set[str] = field(default_factory=set)
    role_classes: set[str] = field(default_factory=set)


def _spaced(doc: Doc, tok: Token) -> bool:
    """A dash with a space on either side separates; "Guinea-Bissau" does not."""
    before = tok.i > 0 and bool(doc[tok.i - 1].whitespace_)
    return before or bool(tok.whitespace_)


def _role_at(doc: Doc, i: int, end: int, lex: Lexicon) -> tuple[int, bool, str, str] | None:
    """A role noun starting at token ``i`` (not past ``end``): (end token, plural, word, class)."""
    if doc[i].lower_ not in lex.role_first_words:
        return None
    for n in range(min(lex.role_max_words, end - i), 0, -1):
        span = doc[i : i + n]
        found = lex.role(span.text)
        if found is not None:
            return i + n, found[1], found[0].word, found[0].cls
    return None


def _is_cap(tok: Token) -> bool:
    return bool(tok.text[:1].isupper())


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
        elif (t.text in _DASHES and _spaced(doc, t)) or t.text in _SPLITTERS:
            if t.text == "," and i + 1 < end and doc[i + 1].lower_ in _NAME_SUFFIXES:
                continue
            out.append((cur, i, False))
            cur = i + 1
    out.append((cur, end, False))
    return [s for s in out if s[0] < s[1]]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        and doc[end - 1].text not in (".",)
        or doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in _TITLE_GLUE  # "Chair of"
    ):
        end -= 1
    if end > start and doc[end - 1].text == "." and end - 1 > start and len(doc[end - 2].text) > 2:
        end -= 1  # sentence-final dot
    return start, end


def _looks_like_person_tail(doc: Doc, start: int, end: int, lex: Lexicon, surnames: set[str]) -> bool:
    toks = doc[start:end]
    if not 1 <= len(toks) <= 5 or not all(_is_cap(t) or t.text in (".", "-") for t in toks):
        return False
    if any(lex.org_noun(t.text) or lex.role(t.text) for t in toks):
        return False
    words = [t.text for t in toks if t.text not in (".", "-")]
    return words[0] in lex.first_names or words[-1] in surnames or len(words) >= 2


def _split_title(
    doc: Doc, start: int, end: int, label: str, lex: Lexicon, surnames: set[str]
) -> list[_Piece]:
    """Split "Co-Chair Paul Renner" / "Farmers’ Union Ilona Vasilescu" / "Lake Forum Co-Chairs"."""
    # the last role or organisation noun inside the span
    cut: tuple[int, int, bool, str, str] | None = None  # (noun start, noun end, is_role, word, class)
    i = start
    while i < end:
        r = _role_at(doc, i, end, lex)
        if r is not None and _is_cap(doc[i]):
            cut = (i, r[0], True, r[2], r[3])
            if r[1] and r[0] == end and i > start and doc[i - 1].lower_ not in _TITLE_GLUE:
                # "... Minsk Group Co-Chairs": a group named after its body ("House of Representatives" is a name)
                return [
                    _Piece(start, i, "organization", label),
                    _Piece(start, end, "group", "ROLE-PLURAL", role_words={r[2]}, role_classes={r[3]}),
                ]
            i = r[0]
            continue
        if lex.org_noun(doc[i].text) and _is_cap(doc[i]):
            cut = (i, i + 1, False, doc[i].lower_, lex.org_noun(doc[i].text) or "")
        i += 1
    if cut is None:
        if (
            label != "PERSON"
            and end - start >= 2
            and doc[start].text in lex.first_names
            and _looks_like_person_tail(doc, start, end, lex, surnames)
        ):
            return [_Piece(start, end, "person", "SPLIT")]  # "Caucus - Robert Hale": the part after the dash
        return [_Piece(start, end, None, label)]
    c_start, c_end, is_role, word, cls = cut
    if c_end >= end:
        after_honorific = start > 0 and (
            doc[start - 1].text in lex.honorifics or doc[start - 1].text + "." in lex.honorifics
        )
        if is_role and c_start == start and not after_honorific:
            return []  # a bare title ("the Co-Chair") is no name; "Mr. King" is
        return [_Piece(start, end, None, label)]
    if not (
        _looks_like_person_tail(doc, c_end, end, lex, surnames)
        and (is_role or label == "PERSON" or c_end - start >= 1)
    ):
        return [_Piece(start, end, None, label)]
    if not is_role and label == "GPE":
        return [_Piece(start, end, None, label)]
    out = []
    person = _Piece(c_end, end, "person", "SPLIT")
    if is_role:
        # "the Co-Chair" belongs to the person as a title (recorded by _title_roles)
        pass
    elif cls == "org":
        out.append(_Piece(start, c_end, "organization", "SPLIT"))
    out.append(person)
    return out


def _candidate_pieces(doc: Doc, lex: Lexicon, gaz: _Gazetteer, kb: Any = None) -> list[_Piece]:
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 1}
    # words of full names: "from Obama" after "Barack Obama" is the person, not the Japanese town
    name_words: dict[str, list[int]] = defaultdict(list)
    for name in doc.ents:
        if name.label_ == "PERSON" and len(name) >= 2:
            for t in name:
                name_words[t.text].append(t.i)
    pieces: list[_Piece] = []
    for ent in doc.ents:
        if ent.label_ not in _LABEL_KIND:
            continue
        for s, e, owner in _segments(doc, ent.start, ent.end):
            s, e = _trim(doc, s, e)
            if s >= e:
                continue
            if owner:
                pieces.append(_Piece(s, e, None, ent.label_))
                continue
            if e - s == 1 and lex.org_noun(doc[s].text) == "org" and doc[s].is_title and s == ent.start:
                # "Caucus - Robert Hale" (PERSON): the org noun ends a name spaCy cut off on its left
                k = s
                while (
                    k > 0 and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].ent_type_
                ):
                    k -= 1
                if k < s:
                    pieces.append(_Piece(k, e, "organization", "SPLIT"))
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
            if text not in lex.first_names and not _place_code(gaz, _norm(text)):
                continue
        key = _norm(text)
        if (
            p.label in ("PERSON", "POSS")
            and _place_code(gaz, key)
            and p.end - p.start <= 3
            and not (text.isupper() and len(text) > 3)
        ):
            p.kind = "place"
        if p.kind == "person" or (p.kind is None and p.label == "PERSON"):
            if p.end - p.start >= 2 and _is_speech_form(doc[p.end - 1].lower_, lex):
                p.end -= 1  # a headline's "Obama Says ...": spaCy takes the title-case verb into the name
            _extend_first_name(doc, p, lex, gaz)
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


def _town_in_context(doc: Doc, p: _Piece, lex: Lexicon, kb: Any, name_words: dict[str, list[int]]) -> bool:
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
    if not all(_is_cap(t) for t in span if t.is_alpha):
        return False
    before = doc[p.start - 1]
    low = before.lower_
    settlement = low == "of" and p.start > 1 and doc[p.start - 2].lower_ in _SETTLEMENT_NOUNS
    if not settlement and (low not in _PLACE_PREPOSITIONS or p.label == "ORG"):
        return False
    after = doc[p.end] if p.end < len(doc) else None
    if after is not None and after.text == "," and p.end + 1 < len(doc):
        after = doc[p.end + 1]
    if after is not None and (after.text in _POSSESSIVE or after.lower_ == "who"):
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


def _load_kb(parsed: ParsedDocument) -> Any:
    try:
        from newsgraph.kb import load_kb

        return load_kb(parsed.settings.kb_dir)
    except Exception as exc:  # the knowledge base is optional for entity detection
        logger.debug("knowledge base unavailable (%s)", exc)
        return None


#: Capitalised common nouns that, alone, name nothing in particular ("State", "Ministry").
_BARE_NOUNS = frozenset(
    "state states government governments ministry ministries parliament army police embassy military navy "
    "authorities authority department agency council committee commission cabinet".split()
)


def _bare_common_noun(span: Any, gaz: _Gazetteer) -> bool:
    """A lone capitalised org or state noun the knowledge base does not know as a name.

    "Congress" and "Senate" are knowledge-base bodies and stay; "State", "Government",
    "Ministry" alone refer to whatever the context says, not to one named entity.
    """
    if len(span) != 1 or not span[0].is_title:
        return False
    word = span[0].lower_
    if word not in _BARE_NOUNS:
        return False  # not every org noun: "the House", "the Bank" often stand for one named body
    key = _norm(span.text)
    return key not in gaz.orgs and not _place_code(gaz, key)


_IRREGULAR_SPEECH = {"said": "say", "told": "tell", "wrote": "write", "says": "say"}


def _is_speech_form(word: str, lex: Lexicon) -> bool:
    """Is ``word`` (lower case) a form of a verb of saying ("says", "urges", "told")?"""
    if word in _IRREGULAR_SPEECH:
        return True
    for cut in ("s", "es", "d", "ed"):
        if word.endswith(cut) and word[: -len(cut)] in lex.speech_verbs:
            return True
    return False


def _extend_first_name(doc: Doc, p: _Piece, lex: Lexicon, gaz: _Gazetteer) -> None:
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
        and not _place_code(gaz, _norm(doc[k - 1].text))
        and doc[k - 1].text.casefold() not in gaz.demonyms
    ):
        k -= 1
    p.start = k


def _complete_lists(doc: Doc, pieces: list[_Piece], lex: Lexicon) -> list[_Piece]:
    """Add capitalised list items spaCy missed: "..., ASEAN, GUAM, Mercosur, TURKPA voiced"."""
    covered: set[int] = set()
    for p in pieces:
        covered.update(range(p.start, p.end))
    starts = {p.start: p for p in pieces}
    added: list[_Piece] = []
    in_list: set[int] = set()  # starts of pieces known to be list items
    for p in pieces:
        if (
            p.start > 1
            and doc[p.start - 1].lower_ in _LIST_SEPARATORS
            and any(q.end in (p.start - 1, p.start - 2) for q in pieces)
        ):
            in_list.add(p.start)
    for p in sorted(pieces, key=lambda p: p.start):
        prev = p
        while True:
            i = prev.end
            if i < len(doc) and doc[i].text == ".":
                break
            seps = 0
            while i < len(doc) and doc[i].lower_ in _LIST_SEPARATORS and seps < 2:
                i += 1
                seps += 1
            if seps == 0 or i >= len(doc):
                break
            if i in covered:
                if i in starts and prev.start in in_list | {p.start}:
                    in_list.add(i)
                break
            if doc[i].lower_.rstrip(".") in _NAME_SUFFIXES:
                break
            j = i
            while (
                j < len(doc)
                and j - i < 4
                and (_is_cap(doc[j]) and doc[j].pos_ in ("PROPN", "NOUN", "X") and not doc[j].is_sent_start)
                and j not in covered
            ):
                j += 1
            if j == i or doc[i].lower_ in _LEADING_DROP:
                break
            nxt_sep = j < len(doc) and doc[j].lower_ in _LIST_SEPARATORS
            nxt_item = nxt_sep and any((j + k) in starts for k in (1, 2))
            if not (nxt_item or prev.start in in_list):
                break
            kind = prev.kind or _LABEL_KIND.get(prev.label)
            if kind not in ("organization", "place"):
                break
            if any(lex.role(doc[k].text) for k in range(i, j)):
                break
            q = _Piece(i, j, kind, "LIST")
            added.append(q)
            covered.update(range(i, j))
            starts[i] = q
            in_list.add(i)
            prev = q
    return sorted(pieces + added, key=lambda p: p.start)


def _variant_keys(keys: list[str]) -> dict[str, str]:
    """Map spelling variants ("nagorno-karabkh") and hyphen tails ("karabakh") to a longer key.

    Variants are searched among keys with the same first letter, which keeps this
    near-linear for articles listing hundreds of names.
    """
    out: dict[str, str] = {}
    buckets: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys, key=len, reverse=True):
        if len(key) >= 8:
            for longer in buckets[key[:1]]:
                if len(longer) >= len(key) and fuzz.ratio(key, longer) >= 92:
                    out[key] = out.get(longer, longer)
                    break
        buckets[key[:1]].append(key)
    tails = {k.rsplit("-", 1)[1]: k for k in keys if "-" in k and " " not in k}
    for key in keys:
        if len(key) >= 5 and key in tails and key not in out:
            out[key] = out.get(tails[key], tails[key])
    return out


def _vote_kinds(doc: Doc, pieces: list[_Piece], gaz: _Gazetteer, lex: Lexicon) -> None:
    """Give every mention of one name the same kind, decided over all its mentions."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    # "Olsen" in "the Olsen campaign" is often tagged ORG: a word that is the surname of a
    # full name tagged PERSON in the same article is that person
    surnames = {
        doc[p.end - 1].text.casefold()
        for p in pieces
        if (p.label == "PERSON" or p.kind == "person") and p.end - p.start >= 2
    }
    for p in pieces:
        key = _norm(doc[p.start : p.end].text)
        if p.end - p.start == 1 and key in surnames:
            votes[key]["person"] += 2
        if p.kind is not None:
            votes[key][p.kind] += 3 if p.label in ("SPLIT", "LIST", "ROLE-PLURAL", "TOWN") else 1
        elif p.label in _LABEL_KIND:
            votes[key][_LABEL_KIND[p.label]] += 1
        before = doc[p.start - 1] if p.start > 0 else None
        before2 = doc[p.start - 2] if p.start > 1 else None
        after = doc[p.end] if p.end < len(doc) else None
        if doc[p.end - 1].text in lex.place_nouns and p.end - p.start >= 2:
            votes[key]["place"] += 3  # "Kent County"
        if after is not None and after.lower_ in _PLACE_CONTEXT_NOUNS:
            votes[key]["place"] += 2  # "the Dniester valley", "Transnistria region": a strong cue
        if before is not None and (
            before.lower_ == "in" or (before.pos_ == "ADJ" and before2 is not None and before2.lower_ == "in")
        ):
            votes[key]["place"] += 1
    canon = _variant_keys(list(votes))
    pooled: dict[str, Counter[str]] = defaultdict(Counter)
    for key, v in votes.items():
        pooled[canon.get(key, key)].update(v)
    for p in pieces:
        text = doc[p.start : p.end].text
        key = _norm(text)
        code = _place_code(gaz, key) or _place_code(gaz, canon.get(key, key))
        if code and p.kind != "group" and not (text.isupper() and len(text) > 3):
            p.kind = "place"
            continue
        if key in gaz.orgs and p.kind not in ("group", "person"):
            p.kind = "organization"
            continue
        if p.kind in ("group", "person") and p.label in ("SPLIT", "ROLE-PLURAL", "NORP"):
            continue
        pv = pooled.get(canon.get(key, key))
        if pv:
            p.kind = max(pv.items(), key=lambda kv: (kv[1], _KIND_RANK.get(kv[0], 0)))[0]
        if p.kind is None:
            p.kind = "organization"


# ---------------------------------------------------------------------------
# Step 2: roles


def _title_roles(doc: Doc, p: _Piece, lex: Lexicon, taken: set[int]) -> None:
    """Record the title written before a person's name and the honorific's gender."""
    if p.start > 0:
        h = lex.honorifics.get(doc[p.start - 1].text)
        if h is None and p.start > 1 and doc[p.start - 1].text == ".":
            h = lex.honorifics.get(doc[p.start - 2].text + ".")
        if h is not None:
            gender, cls, word = h
            if gender:
                p.gender = gender
            if cls and word:
                t = doc[p.start - 1]
                p.roles.append((t.idx, t.idx + len(t.text)))
                p.role_words.add(word)
                p.role_classes.add(cls)
    # scan left over the words a title is made of
    j = p.start - 1
    while j >= 0:
        t = doc[j]
        if j in taken or t.is_space or t.text == "\n":
            break
        if t.text in _POSSESSIVE or (t.text in _DASHES and not _spaced(doc, t)):
            j -= 1
            continue
        if t.is_punct or t.like_num:
            break
        low = t.lower_
        if _is_cap(t) or low in _TITLE_GLUE or low in _ROLE_MODIFIERS or lex.role(t.text) is not None:
            j -= 1
            continue
        break
    lo = j + 1
    if lo >= p.start:
        return
    i = lo
    role_start: int | None = None
    while i < p.start:
        r = _role_at(doc, i, p.start, lex)
        if r is not None:
            if role_start is None:
                role_start = i
            p.role_words.add(r[2])
            p.role_classes.add(r[3])
            i = r[0]
            continue
        i += 1
    if role_start is None:
        return
    k = role_start
    while (
        k > lo
        and (doc[k - 1].pos_ in ("PROPN", "ADJ") or doc[k - 1].lower_ in _ROLE_MODIFIERS)
        and doc[k - 1].lower_ not in _TITLE_GLUE
    ):
        k -= 1
    if k > lo and doc[k - 1].lower_ == "the":
        k -= 1
    s, e = k, p.start
    while e > s and (doc[e - 1].is_punct or doc[e - 1].text in _POSSESSIVE):
        e -= 1
    if e > s:
        p.roles.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))


def _appositive_roles(doc: Doc, p: _Piece, lex: Lexicon, pieces_at: dict[int, _Piece]) -> None:
    """ "X, the foreign minister, said" / "X is a senator": the apposition or predicate is a role of X."""
    head = doc[p.start : p.end].root
    described = [c for c in head.rights if c.dep_ == "appos" and c.i >= p.end]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        described += [c for c in head.head.rights if c.dep_ == "attr"]
    for child in described:
        if child.i in pieces_at and pieces_at[child.i].kind == "person":
            continue
        sub = list(child.subtree)
        s, e = sub[0].i, sub[-1].i + 1
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if not 0 < e - s <= 15 or any(t.text in ('"', "“", "”") for t in doc[s:e]):
            continue
        words = set()
        for i in range(s, e):
            r = _role_at(doc, i, e, lex)
            if r is not None:
                words.add((r[2], r[3]))
        if not words:
            continue
        p.roles.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
        for w, c in words:
            p.role_words.add(w)
            p.role_classes.add(c)


@dataclass
class _Group:
    np: tuple[int, int]  # token range of the plural title ("US Representatives")
    description: tuple[int, int]  # up to the list ("US Representatives from the ... Caucus")
    word: str
    cls: str
    members: list[_Piece]


_QUANTITY_HEADS = frozenset(
    {
        "number",
        "group",
        "handful",
        "couple",
        "dozens",
        "host",
        "range",
        "series",
        "majority",
        "list",
        "coalition",
    }
)
_COLLECTIVE_LEADS = frozenset({"including", "like", "namely", ":", "-", "–", "—", "such", "as", ","})
_LIST_GLUE = frozenset({",", "and", "or", "the", "&"})


def _listed_collectives(doc: Doc, pieces: list[_Piece], lex: Lexicon) -> list[tuple[int, int, list[_Piece]]]:
    """ "several states, including Peru, Chile and Ghana": a group of the listed entities.

    Returns ``(np start, np end, members)`` token ranges; the members are the
    named entities of the right kind listed right after the phrase.
    """
    by_start = {p.start: p for p in pieces}
    out = []
    for tok in doc:
        kind = lex.collectives.get(tok.lower_)
        if kind is None or tok.tag_ not in ("NNS", "NNPS"):
            continue
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "det", "nummod", "advmod"):
                start = min(start, child.left_edge.i)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _QUANTITY_HEADS:
            start = min(start, tok.head.head.left_edge.i)  # "a number of other states"
        # the list lead: ", including", " such as", ":" right after the noun
        i = tok.i + 1
        lead = 0
        while i < len(doc) and doc[i].lower_ in _COLLECTIVE_LEADS and lead < 3:
            i += 1
            lead += 1
        if lead == 0 or all(doc[k].text == "," for k in range(tok.i + 1, i)):
            continue
        members: list[_Piece] = []
        while i < len(doc):
            while i < len(doc) and doc[i].lower_ in _LIST_GLUE and i not in by_start:
                i += 1
            p = by_start.get(i)
            if p is None or p.kind != kind:
                break
            members.append(p)
            i = p.end
            if i < len(doc) and doc[i].lower_ == "as" and i + 2 < len(doc) and doc[i + 1].lower_ == "well":
                break  # ", as well as organizations such as ...": the next list
            gap = 0
            while i < len(doc) and doc[i].lower_ in _LIST_GLUE and i not in by_start:
                i += 1
                gap += 1
            if gap == 0 or gap > 3:
                break
        if len(members) >= 2:
            out.append((start, tok.i + 1, members))
    return out


def _listed_groups(doc: Doc, pieces: list[_Piece], lex: Lexicon) -> list[_Group]:
    """A plural title followed by a list of named people: "US Representatives ... - A, B, C, and D"."""
    persons = [p for p in pieces if p.kind == "person"]
    starts = [p.start for p in persons]
    groups = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            r = _role_at(doc, i, sent.end, lex)
            if r is None or not r[1]:
                i += 1
                continue
            np_end = r[0]
            head = doc[np_end - 1]
            np_start = i
            for child in head.lefts:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < np_start:
                    np_start = child.left_edge.i
            # the list: after a dash/colon/"including" within a dozen tokens
            k = bisect.bisect_left(starts, np_end)
            if k >= len(persons) or persons[k].start - np_end > 12 or persons[k].start >= sent.end:
                i = np_end
                continue
            gap = doc[np_end : persons[k].start]
            leads = [t for t in gap if t.lower_ in _GROUP_LIST_LEADS]
            if not leads and len(gap) > 0:
                i = np_end
                continue
            members = [persons[k]]
            m = k + 1
            while m < len(persons) and persons[m].start < sent.end:
                between = doc[members[-1].end : persons[m].start]
                if all(t.lower_ in _LIST_SEPARATORS or t.is_space for t in between) and len(between) <= 2:
                    members.append(persons[m])
                    m += 1
                else:
                    break
            if len(members) >= 2:
                desc_end = leads[0].i if leads else np_end
                while desc_end > np_start and (doc[desc_end - 1].is_punct or doc[desc_end - 1].is_space):
                    desc_end -= 1
                groups.append(_Group((np_start, np_end), (np_start, desc_end), r[2], r[3], members))
            i = np_end
    return groups


def _share_plural_titles(doc: Doc, groups: list[_Group]) -> None:
    """ "US Representatives A and B": a plural title right before a list is every member's title.

    ``_title_roles`` gives the title only to the first name (the scan left from B stops
    at A), and the group is not made because its title is that role: so the title
    span goes to the other members of the list here. Names after the list ("..., as
    did C") are no members (``_listed_groups`` stops at the first non-separator).
    """
    for g in groups:
        first = g.members[0]
        head = doc[g.np[1] - 1].idx
        title = next(((s, e) for s, e in first.roles if s <= head < e), None)
        if title is None:
            continue  # a list after a dash or colon: the group entity gives the title
        for m in g.members[1:]:
            if title not in m.roles:
                m.roles.append(title)
            m.role_words.add(g.word)
            m.role_classes.add(g.cls)


def _names_after_plural_title(doc: Doc, pieces: list[_Piece], lex: Lexicon, gaz: _Gazetteer) -> list[_Piece]:
    """Add a first listed name the tagger missed: "Foreign Ministers *Pavel Dorn* and Lena Kiss".

    The small model often tags only the last name of such a list; a run of two or three
    capitalised words right after a plural title, followed by "and"/"," and a person's
    name, is that person (no role, organisation or place word inside).
    """
    covered = {i for p in pieces for i in range(p.start, p.end)}
    starts = {p.start: p for p in pieces}
    added = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            r = _role_at(doc, i, sent.end, lex)
            if r is None or not r[1] or not _is_cap(doc[i]):
                i += 1
                continue
            j = k = r[0]
            while (
                k < sent.end and k - j < 4 and _is_cap(doc[k]) and doc[k].pos_ == "PROPN" and k not in covered
            ):
                k += 1
            nxt = starts.get(k + 1)
            if (
                2 <= k - j <= 3
                and k < sent.end
                and doc[k].lower_ in ("and", ",")
                and nxt is not None
                and (nxt.kind == "person" or nxt.label == "PERSON")
                and _looks_like_person_tail(doc, j, k, lex, set())
                and not any(
                    _place_code(gaz, _norm(t.text)) or t.text.casefold() in gaz.demonyms for t in doc[j:k]
                )
            ):
                added.append(_Piece(j, k, "person", "SPLIT"))
                covered.update(range(j, k))
            i = max(r[0], k)
    return sorted(pieces + added, key=lambda p: p.start) if added else pieces


# ---------------------------------------------------------------------------
# Step 3: name matching


def _person_words(doc: Doc, p: _Piece, lex: Lexicon) -> list[str]:
    out = []
    for t in doc[p.start : p.end]:
        w = t.text.rstrip(".")
        if not w or t.is_punct or t.lower_ in _NAME_SUFFIXES or w.lower() in _NAME_SUFFIXES:
            continue
        if t.text in lex.honorifics or (t.text + ".") in lex.honorifics:
            continue
        if len(w) == 1:
            continue  # middle initial
        out.append(w.casefold())
    return out


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper() and w.lower() not in _TITLE_GLUE)


def _cluster_names(
    doc: Doc, pieces: list[_Piece], lex: Lexicon, gaz: _Gazetteer
) -> tuple[list[Cluster], dict[int, int]]:
    """Group name pieces into clusters; returns the clusters and piece index -> cluster index."""
    clusters: list[Cluster] = []
    assign: dict[int, int] = {}
    by_key: dict[tuple[str, str], int] = {}
    # longest names first, so that "Varga" finds "Emil Varga" even when it comes first
    order = sorted(range(len(pieces)), key=lambda k: (-(pieces[k].end - pieces[k].start), pieces[k].start))
    person_last: dict[str, set[int]] = defaultdict(set)
    person_first: dict[str, set[int]] = defaultdict(set)
    org_tails: dict[str, set[int]] = defaultdict(set)
    acronyms: dict[str, set[int]] = defaultdict(set)
    place_names: list[tuple[str, int]] = []
    for k in order:
        p = pieces[k]
        kind = p.kind or "organization"
        text = doc[p.start : p.end].text
        if kind == "person":
            words = _person_words(doc, p, lex)
            key = (kind, " ".join(words) if len(words) != 3 else f"{words[0]} {words[-1]}")
        elif kind == "place":
            code = _place_code(gaz, _norm(text))
            key = (kind, f"@{code}" if code else _norm(text))
        else:
            key = (kind, _norm(text))
        ci = by_key.get(key)
        if ci is None and kind == "person":
            words = key[1].split()
            if len(words) == 1:
                cands = person_last.get(words[0], set()) or person_first.get(words[0], set())
                if len(cands) == 1:
                    ci = next(iter(cands))
        elif ci is None and kind in ("organization", "group"):
            n = _norm(text)
            cands = org_tails.get(n, set())
            if len(n.split()) >= 2 or (n not in lex.org_nouns and len(n) > 3):
                if len(cands) == 1:
                    ci = next(iter(cands))
            if ci is None and text.isupper() and 2 <= len(text) <= 8:
                cands = acronyms.get(text, set())
                if len(cands) == 1:
                    ci = next(iter(cands))
        elif ci is None and kind == "place":
            n = _norm(text)
            for other, oc in place_names:
                if len(n) >= 5 and (other.endswith(" " + n) or other.endswith("-" + n)):
                    ci = oc
                    break
                if len(n) >= 8 and len(other) >= 8 and fuzz.ratio(n, other) >= 92:
                    ci = oc
                    break
        if ci is None:
            ci = len(clusters)
            clusters.append(Cluster(kind=kind, name=_display_name(text)))
            if kind == "person":
                words = key[1].split()
                if len(words) >= 2:
                    person_last[words[-1]].add(ci)
                    person_first[words[0]].add(ci)
            elif kind in ("organization", "group"):
                toks = _norm(text).split()
                for cut in range(1, len(toks)):
                    org_tails[" ".join(toks[cut:])].add(ci)
                raw = [t.text for t in doc[p.start : p.end]]
                acr = _acronym(raw)
                if len(acr) >= 2 and len(raw) >= 2:
                    acronyms[acr].add(ci)
            elif kind == "place":
                place_names.append((_norm(text), ci))
        by_key.setdefault(key, ci)
        assign[k] = ci
    return clusters, assign


def _display_name(text: str) -> str:
    s = text.strip()
    if s.lower().startswith("the "):
        s = s[4:]
    for poss in ("’s", "'s"):
        if s.endswith(poss):
            s = s[: -len(poss)]
    return s


# ---------------------------------------------------------------------------
# The stage


def extract_entities(parsed: ParsedDocument) -> EntityIndex:
    """Find the entities of an article with all their mentions, roles and members."""
    doc = parsed.doc
    lex = lexicon()
    gaz = _gazetteer()
    pieces = _candidate_pieces(doc, lex, gaz, _load_kb(parsed))
    pieces = _complete_lists(doc, pieces, lex)
    pieces = _names_after_plural_title(doc, pieces, lex, gaz)
    _vote_kinds(doc, pieces, gaz, lex)
    for p in pieces:
        if p.kind == "person" and p.label not in ("PERSON", "SPLIT"):
            _extend_first_name(doc, p, lex, gaz)
    # drop pieces that overlap an earlier, longer one (after splitting they should not)
    kept: list[_Piece] = []
    last_end = -1
    for p in sorted(pieces, key=lambda p: (p.start, -(p.end - p.start))):
        if p.start < last_end and p.label != "ROLE-PLURAL" and not (kept and kept[-1].label == "ROLE-PLURAL"):
            continue
        kept.append(p)
        last_end = max(last_end, p.end)
    pieces = kept
    taken = {i for p in pieces if p.kind == "person" for i in range(p.start, p.end)}
    pieces_at = {p.start: p for p in pieces}
    for p in pieces:
        if p.kind == "person":
            _title_roles(doc, p, lex, taken)
            _appositive_roles(doc, p, lex, pieces_at)
            first = next((t.text for t in doc[p.start : p.end] if t.text not in lex.honorifics), "")
            # gender: an honorific (set by _title_roles), else the first name, else a
            # gendered title ("chairman" is also said of women, so it comes last)
            if p.gender is None and first in lex.first_names:
                p.gender = lex.first_names[first]
            if p.gender is None:
                genders = {lex.roles[w].gender for w in p.role_words if w in lex.roles} - {None}
                if len(genders) == 1:
                    p.gender = genders.pop()
    groups = _listed_groups(doc, pieces, lex)
    _share_plural_titles(doc, groups)
    collectives = _listed_collectives(doc, pieces, lex)
    clusters, assign = _cluster_names(doc, pieces, lex, gaz)
    for k, p in enumerate(pieces):
        c = clusters[assign[k]]
        s, e = doc[p.start].idx, doc[p.end - 1].idx + len(doc[p.end - 1].text)
        c.mentions.append(Mention(s, e, parsed.text[s:e], "name"))
        c.roles.extend(p.roles)
        c.role_words |= p.role_words
        c.role_classes |= p.role_classes
        if p.kind == "group" and p.label == "ROLE-PLURAL":
            c.group_classes |= p.role_classes
        if p.gender and c.gender is None:
            c.gender = p.gender
    piece_cluster = {id(p): assign[k] for k, p in enumerate(pieces)}
    occupied: set[int] = {t.idx for p in pieces for t in doc[p.start : p.end]}
    for c in clusters:
        for rs, _re in c.roles:
            span = doc.char_span(rs, _re, alignment_mode="expand")
            if span is not None:
                occupied.update(t.idx for t in span)
    for g in groups:
        s, e = doc[g.np[0]].idx, doc[g.np[1] - 1].idx + len(doc[g.np[1] - 1].text)
        if doc[g.np[1] - 1].idx in occupied:
            continue
        ds, de = (
            doc[g.description[0]].idx,
            doc[g.description[1] - 1].idx + len(doc[g.description[1] - 1].text),
        )
        c = Cluster(kind="group", name=parsed.text[s:e])
        c.mentions.append(Mention(s, e, parsed.text[s:e], "nominal"))
        c.roles.append((ds, de))
        c.group_classes.add(g.cls)
        c.role_words.add(g.word)
        c.role_classes.add(g.cls)
        c.members = list(dict.fromkeys(piece_cluster[id(m)] for m in g.members))
        for mi in c.members:
            member = clusters[mi]
            member.roles.append((s, e))
            member.role_words.add(g.word)
            member.role_classes.add(g.cls)
        clusters.append(c)
        occupied.update(t.idx for t in doc[g.np[0] : g.np[1]])
    for np_start, np_end, listed in collectives:
        if any(t.idx in occupied for t in doc[np_start:np_end]):
            continue
        s, e = doc[np_start].idx, doc[np_end - 1].idx + len(doc[np_end - 1].text)
        c = Cluster(kind="group", name=_display_name(parsed.text[s:e]))
        c.mentions.append(Mention(s, e, parsed.text[s:e], "nominal"))
        c.members = list(dict.fromkeys(piece_cluster[id(m)] for m in listed))
        clusters.append(c)
        occupied.update(t.idx for t in doc[np_start:np_end])
    _titled_members(doc, clusters)
    n_desc = coref.link_descriptions(doc, clusters, occupied)
    n_desc += coref.link_relatives(doc, clusters, occupied)
    quoted = coref.quoted_regions(parsed.text, parsed.paragraphs)
    n_pron = coref.link_pronouns(doc, clusters, occupied, quoted)
    logger.debug("entities: %d names, %d descriptions, %d pronouns linked", len(pieces), n_desc, n_pron)
    return EntityIndex.build(_add_actor_entities(parsed, _finish(parsed.text, clusters)))


def _titled_members(doc: Doc, clusters: list[Cluster]) -> None:
    """A group named by a plural title ("the Lake Forum Co-Chairs") gains the people
    given the singular title later in the same sentence ("the Co-Chair Paul Renner")."""
    sent_starts = [s.start_char for s in doc.sents]
    for g in clusters:
        if g.kind != "group" or not g.role_words or not g.mentions:
            continue
        g_start = g.mentions[0].start
        g_sent = bisect.bisect_right(sent_starts, g_start) - 1
        for ci, c in enumerate(clusters):
            if c.kind != "person" or ci in g.members or not (c.role_words & g.role_words):
                continue
            if any(
                m.start > g_start and bisect.bisect_right(sent_starts, m.start) - 1 == g_sent
                for m in c.mentions
            ):
                g.members.append(ci)


def _finish(text: str, clusters: list[Cluster]) -> list[Entity]:
    """Order entities by first mention, number them E1.., and turn clusters into records."""
    live = [(c.first, ci) for ci, c in enumerate(clusters) if c.mentions]
    live.sort()
    ids = {ci: f"E{n}" for n, (_, ci) in enumerate(live, 1)}
    out = []
    for _, ci in live:
        c = clusters[ci]
        mentions = tuple(sorted(set(c.mentions), key=lambda m: (m.start, m.end)))
        roles = tuple(sorted({text_span(text, s, e) for s, e in c.roles}, key=lambda r: (r.start, r.end)))
        names = [m for m in mentions if m.kind == "name"]
        name = c.name
        if names and c.kind in ("person", "organization", "place"):
            # the longest name is the most complete ("Emil Varga", "OSCE Minsk Group")
            name = _display_name(max(names, key=lambda m: (len(m.text.split()), len(m.text))).text)
        out.append(
            Entity(
                id=ids[ci],
                name=name,
                kind=c.kind,  # type: ignore[arg-type]
                mentions=mentions,
                roles=roles,
                members=tuple(ids[m] for m in c.members if m in ids),
            )
        )
    return out


def text_span(text: str, start: int, end: int) -> Any:
    from newsgraph.records import Span

    return Span.of(text, start, end)


# ---------------------------------------------------------------------------
# Step 5: actors the names leave out. These used to be added by the actor stage,
# after quote attribution, so a quote could not resolve its speaker to them ("The
# Moldovan foreign ministry said ..."); they are entities, so they are made here.

#: Nouns too vague to make an actor phrase of ("the Turkish side", "Iraqi town").
_NOT_ACTORS = frozenset(
    {"man", "woman", "men", "women", "member", "members", "village", "town", "city", "area"}
)
#: Sectors of nouns that make a "<noun> in <place>" actor only in the plural ("officials in Kabul").
_GENERIC_SECTORS_ONLY = frozenset({"GOV", "CVL"})
_PHRASE_PLACE_KINDS = frozenset({"country", "disputed", "territory", "capital", "city", "region"})
_MISSED_KINDS = {
    "country": "place", "disputed": "place", "capital": "place", "territory": "place",
    "seat": "organization", "igo": "organization", "body": "organization",
}  # fmt: skip


@dataclass(frozen=True)
class ActorPhrase:
    """An actor written as a description rather than a name.

    ``"the Sudanese government"``, ``"US forces"``, ``"Moldova's foreign ministry"``
    (a demonym or country before a role noun: ``place`` is None, the country comes from
    the words), or ``"rebels in the Congo"``, ``"missionary from Calgary"`` (a role
    noun before a place: ``place`` is that place's knowledge-base match).
    """

    start: int
    end: int
    sector: str
    plural: bool
    place: Any = None  # newsgraph.kb.Match | None
    name_inside: bool = False  # the phrase may hold a name mention ("Moldova's foreign ministry")
    head_end: int = 0  # end of the role noun (pattern 2: the place after it may be a name)
    #: a demonym coordinated before another ("*Hungarian* and Romanian officials"): where
    #: the phrase of the last one starts (a mention of the whole list is cut back to it)
    rest_start: int = -1


def actor_phrases(doc: Doc, kb: Any) -> list[ActorPhrase]:
    """All actor phrases of ``doc`` in text order (whether or not some entity covers them)."""
    out: list[ActorPhrase] = []
    for tok in doc:
        # the small model often tags a lower-case "ministry" after "foreign" as PROPN, and a
        # capitalised plural at the start of a sentence before a bare name ("Rebels in Mali")
        # as a singular PROPN, while "Rebels in the Congo" stays NOUN/NNS
        initial = _initial_common_noun(doc, tok)
        if not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower) or initial):
            continue
        if tok.lower_ in _NOT_ACTORS:
            continue
        compounds = [t for t in tok.lefts if t.dep_ == "compound" and (t.pos_ == "NOUN" or t.is_lower)]
        noun = " ".join([*(t.text for t in compounds), tok.text])
        sector = kb.sector(noun) or kb.sector(tok.lemma_) or kb.sector(tok.text)
        # "the Turkish side", "an Indian proposal": nouns the knowledge base gives no sector
        # but that make a demonym before them an actor (data/demonym_nouns.tsv)
        extra = None
        if sector is None:
            listed = _demonym_nouns()
            extra = listed.get(noun.lower()) or listed.get(tok.lemma_.lower()) or listed.get(tok.lower_)
            if extra is None:
                continue
            sector = ""
        plural = tok.tag_ in ("NNS", "NNPS") or (
            initial and tok.lower_.endswith("s") and not tok.lower_.endswith("ss")
        )
        # 1. "<demonym|country> <role noun>", "<country>'s <role noun>"
        mods = [
            t
            for t in tok.lefts
            if (t.is_title or t.is_upper)
            # "African-American voters" are not the United States
            and not (t.i > 0 and doc[t.i - 1].text in _DASHES and not doc[t.i - 1].whitespace_)
            and (
                (t.dep_ in ("amod", "compound", "nmod") and t.pos_ in ("ADJ", "PROPN", "NOUN"))
                or (t.dep_ == "poss" and t.pos_ == "PROPN")
            )
        ]
        found = False
        # a demonym next to the noun beats an owner further left ("Abkhazia's Georgian community")
        for mod in sorted(mods, key=lambda t: (t.dep_ == "poss", t.i)):
            first = mod.left_edge if mod.dep_ == "poss" else mod
            name = doc[first.i : mod.i + 1].text
            m = kb.lookup(name, fuzzy=False)
            if m is None or m.kind not in ("demonym", "country", "capital", "disputed"):
                continue
            if mod.dep_ == "poss" and m.kind == "demonym":
                continue
            if extra is not None and (mod.dep_ == "poss" or m.kind != "demonym"):
                continue  # "Russia's proposal", "a US plan": the owner is a name entity already
            if mod.dep_ != "poss":
                # "US and British forces", "U.S. and Chinese envoys": each nationality is an
                # actor (PLOVER codes them apart); the one next to the noun makes the phrase,
                # the demonyms before it ("Hungarian and Romanian officials") are entities alone
                last = _last_conjunct(doc, mod, tok, kb)
                if last is not None:
                    for c in _demonym_conjuncts(doc, mod, last, kb):
                        out.append(
                            ActorPhrase(
                                c.idx, c.idx + len(c.text), sector, plural,
                                head_end=tok.idx + len(tok.text), rest_start=last.idx,
                            )
                        )  # fmt: skip
                    first = last
            if extra == "product":
                # "rejected an Indian proposal": the proposal's maker, India, is the actor
                out.append(ActorPhrase(first.idx, first.idx + len(first.text), sector, False))
            else:
                out.append(
                    ActorPhrase(first.idx, tok.idx + len(tok.text), sector, plural, None, mod.dep_ == "poss")
                )
            found = True
            break
        if found:
            continue
        # 2. "<role noun> in|from|of <place>"
        if not (plural or sector not in _GENERIC_SECTORS_ONLY):
            continue
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of"):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or not (pobj.is_title or pobj.is_upper):
                continue
            place = doc[pobj.left_edge.i : pobj.i + 1]
            m = (
                kb.lookup(place.text, fuzzy=False)
                or kb.lookup(pobj.text, fuzzy=False)
                or kb.place(place.text)  # a town of two words ("officials in Lashkar Gah")
                or kb.place(pobj.text)
            )
            if m is None or m.kind not in _PHRASE_PLACE_KINDS or m.confidence < 1.0:
                continue
            first = min([tok, *(t for t in tok.lefts if t.dep_ in ("compound", "amod"))], key=lambda t: t.i)
            out.append(
                ActorPhrase(first.idx, place.end_char, sector, plural, m, True, tok.idx + len(tok.text))
            )
            break
    return out


def _initial_common_noun(doc: Doc, tok: Token) -> bool:
    """A capitalised word the tagger took for a name only because it opens the sentence.

    Only the first word of a sentence (or of a quotation or line) outside any named entity;
    the caller still needs the knowledge base to know it as a role noun ("Rebels", "Officials").
    """
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
        return False
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = doc[tok.i - 1]
    return prev.text in ('"', "“", "'", "‘") or (prev.is_space and "\n" in prev.text)


def _last_conjunct(doc: Doc, mod: Token, noun: Token, kb: Any) -> Token | None:
    """The nationality coordinated with ``mod`` right before ``noun`` ("US and *British* forces")."""
    conj = [c for c in mod.conjuncts if mod.i < c.i < noun.i and (c.is_title or c.is_upper)]
    if not conj:
        return None
    last = max(conj, key=lambda c: c.i)
    if any(t.is_punct or t.pos_ == "CCONJ" for t in doc[last.i + 1 : noun.i]):
        return None  # not contiguous with the noun
    m = kb.lookup(last.text, fuzzy=False)
    return last if m is not None and m.kind in ("demonym", "country") else None


def _demonym_conjuncts(doc: Doc, mod: Token, last: Token, kb: Any) -> list[Token]:
    """The demonyms coordinated before ``last`` ("*Hungarian* and Romanian officials")."""
    out = []
    for c in sorted([mod, *mod.conjuncts], key=lambda t: t.i):
        if c.i >= last.i or not (c.is_title or c.is_upper):
            continue
        m = kb.lookup(c.text, fuzzy=False)
        if m is not None and m.kind == "demonym":
            out.append(c)
    return out


@lru_cache(maxsize=1)
def _demonym_nouns() -> dict[str, str]:
    """Noun -> ``actor``/``product`` from data/demonym_nouns.tsv (loaded once)."""
    return {r[0].lower(): r[1] for r in coref._rows("demonym_nouns.tsv")}


def _phrase_entities(parsed: ParsedDocument, kb: Any, entities: list[Entity]) -> list[Entity]:
    """Group/organisation entities (nominal mentions) for actor phrases no mention covers."""
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    out: list[Entity] = []
    by_key: dict[str, int] = {}

    def free(a: int, b: int, *, allow_inside: bool) -> bool:
        return not any(s < b and a < e and not (allow_inside and a <= s and e <= b) for s, e in taken)

    for ph in actor_phrases(parsed.doc, kb):
        if ph.rest_start >= 0:
            # coref made one group of "Hungarian and Romanian officials"; PLOVER codes each
            # nationality, so that mention keeps only "Romanian officials"
            entities = _cut_list_mention(parsed.text, entities, ph)
            taken = [(m.start, m.end) for e in [*entities, *out] for m in e.mentions]
        if ph.place is not None:
            # the role noun must be free; the place after it may be a name inside the phrase
            if not (
                free(ph.start, ph.head_end, allow_inside=False) and free(ph.start, ph.end, allow_inside=True)
            ):
                continue
        elif not free(ph.start, ph.end, allow_inside=ph.name_inside):
            continue
        text = parsed.text[ph.start : ph.end]
        mention = Mention(ph.start, ph.end, text, "nominal")
        key = text.casefold()
        if key in by_key:
            e = out[by_key[key]]
            out[by_key[key]] = replace(e, mentions=(*e.mentions, mention))
        else:
            kind = "group" if ph.plural or ph.sector in ("CVL", "REF") else "organization"
            by_key[key] = len(out)
            out.append(Entity(id=f"P{len(out)}", name=text, kind=kind, mentions=(mention,)))  # type: ignore[arg-type]
        taken.append((ph.start, ph.end))
    return [*entities, *out]


def _cut_list_mention(text: str, entities: list[Entity], ph: ActorPhrase) -> list[Entity]:
    """Cut nominal mentions spanning a coordinated demonym and its noun back to the last conjunct."""
    out = []
    for e in entities:
        mentions = []
        for m in e.mentions:
            if m.kind == "nominal" and m.start <= ph.start < ph.rest_start < m.end == ph.head_end:
                old = m.text
                m = Mention(ph.rest_start, m.end, text[ph.rest_start : m.end], "nominal")
                if e.name in old:
                    e = replace(e, name=m.text)
            mentions.append(m)
        out.append(replace(e, mentions=tuple(mentions)))
    return out


def _missed_names(parsed: ParsedDocument, kb: Any, entities: list[Entity]) -> list[Entity]:
    """Knowledge-base names spaCy did not tag ("Baku accused ...", a sentence-initial capital).

    Only proper nouns that are exactly a country, disputed entity, capital, seat of
    government, IGO or national body, and that no mention covers. A name the article
    also mentions elsewhere joins that entity; otherwise it becomes a new one.
    """
    from newsgraph.kb import normalize

    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    by_name: dict[str, int] = {}
    out = list(entities)
    for i, e in enumerate(out):
        for m in e.mentions:
            if m.kind == "name":
                by_name.setdefault(normalize(m.text), i)
    for start, end, match in kb.find(parsed.text):
        if match.kind not in _MISSED_KINDS or any(a < end and start < b for a, b in taken):
            continue
        span = parsed.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != end:
            continue
        if not all(t.pos_ == "PROPN" or t.is_upper or not t.is_alpha for t in span):
            continue
        if span.text.isupper() and _mostly_capitals(span.sent):
            continue  # "THIS IS A HEADLINE": capitals say nothing there ("IS" is not Islamic State)
        mention = Mention(start, end, parsed.text[start:end], "name")
        taken.append((start, end))
        key = normalize(mention.text)
        if key in by_name:
            i = by_name[key]
            out[i] = replace(
                out[i], mentions=tuple(sorted((*out[i].mentions, mention), key=lambda m: m.start))
            )
        else:
            by_name[key] = len(out)
            kind = _MISSED_KINDS[match.kind]
            out.append(Entity(id=f"K{len(out)}", name=mention.text, kind=kind, mentions=(mention,)))  # type: ignore[arg-type]
    return out


def _mostly_capitals(sent: Any) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and sum(t.is_upper for t in words) * 2 > len(words)


def _renumber(entities: list[Entity]) -> list[Entity]:
    """Ids E1.. in order of first mention, members remapped."""
    order = sorted(entities, key=lambda e: min((m.start for m in e.mentions), default=0))
    ids = {e.id: f"E{n}" for n, e in enumerate(order, 1)}
    return [replace(e, id=ids[e.id], members=tuple(ids[m] for m in e.members if m in ids)) for e in order]


def _add_actor_entities(parsed: ParsedDocument, entities: list[Entity]) -> list[Entity]:
    try:
        from newsgraph.kb import load_kb

        kb = load_kb(parsed.settings.kb_dir)
    except Exception as exc:  # the knowledge base is optional for entity detection
        logger.debug("knowledge base unavailable (%s): no actor phrases", exc)
        return entities
    entities = _missed_names(parsed, kb, entities)
    entities = _phrase_entities(parsed, kb, entities)
    return _renumber(entities)
