"""Coding a role or descriptive phrase: what country or IGO it names, what sector its noun gives.

``code_phrase(kb, "Japanese Prime Minister")`` -> a match for Japan and the sector GOV. Used by
actor coding (titles and appositions of people, names that contain a known name) and by the
knowledge-base builders (the roles of the people files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsgraph.kb import KnowledgeBase, Match, normalize
from newsgraph.records import Entity

# words that only qualify a place name ("southern Lebanon", "occupied Nagorno-Karabakh")
_PLACE_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central upper lower greater occupied "
    "northeast northwest southeast southwest northeastern northwestern southeastern southwestern "
    "province region district county republic territory territories state city town village area enclave "
    "oblast governorate prefecture".split()
)
# prepositions that end the head part of a role ("Head | of X Community", "Representatives | from ...")
_ROLE_BOUNDARY = re.compile(r"\b(?:of|from|for|to|at|in|with|on)\b", re.IGNORECASE)


# preference among matches found inside a role or phrase (lower first)
_PHRASE_RANK = {
    "demonym": 0,
    "country": 1,
    "disputed": 1,
    "territory": 2,
    "body": 3,
    "igo": 4,
    "seat": 5,
    "capital": 6,
}


@dataclass(frozen=True, slots=True)
class PhraseCode:
    """What a role or descriptive phrase says: a match for whose, a sector for what."""

    match: Match | None
    sector: str | None


def code_phrase(kb: KnowledgeBase, text: str, *, min_confidence: float = 1.0) -> PhraseCode:
    """Code a role or description ("Japanese Prime Minister", "Head of X's Azerbaijani Community").

    The sector is the most specific role noun of the head part (before the first
    "of"/"from"/...), else the first after it; generic nouns ("head",
    "leader") count only alone. The country or IGO is the knowledge-base match
    nearest before that noun, else the first after it; demonyms beat names.
    """
    terms = kb.find_sectors(text)
    boundary_m = _ROLE_BOUNDARY.search(text)
    boundary = boundary_m.start() if boundary_m else len(text)
    specific = [t for t in terms if not t[3]]
    chosen = None
    pool = specific or terms
    if pool:
        before = [t for t in pool if t[1] <= boundary]
        chosen = before[-1] if before else pool[0]
    matches = [
        _longer_place(kb, text, m)
        for m in kb.find(text, min_confidence=min_confidence)
        if m[2].kind != "person" and not _common_word(text, m)
    ]
    best: Match | None = None
    inside = False  # the role noun is a word of the body's name ("Justice" of "Justice Department")
    if matches:
        if chosen is not None:
            before_m = [m for m in matches if m[1] <= chosen[0]]
            after_m = [m for m in matches if m[0] >= chosen[1]]
            around = [m for m in matches if m[0] <= chosen[0] and chosen[1] <= m[1] and m[2].kind == "body"]
            if around:
                best, inside = around[0][2], True
            elif before_m:
                # nearest before the role noun, demonyms first ("Abkhazia's Georgian Community")
                best = min(before_m, key=lambda m: (_PHRASE_RANK.get(m[2].kind, 9), -m[0]))[2]
            elif after_m:
                best = after_m[0][2]
        if best is None:
            best = min(matches, key=lambda m: (_PHRASE_RANK.get(m[2].kind, 9), m[0]))[2]
    # the post itself names no sector ("Justice Department congressional liaison"): what the
    # title says of the post's field ("congressional") yields to the institution that holds it
    post = text[:boundary].split()[-1:] if chosen is not None else []
    free = bool(post) and not any(t[0] <= text.rfind(post[0], 0, boundary) < t[1] for t in terms)
    if (chosen is None or chosen[3] or free or inside) and best is not None and best.kind == "body" and best.sector:
        # "CNN anchor", "Senate leader": a role noun with no sector of its own (or a generic one)
        # names a post in the institution, whose sector it takes (named exactly: a fuzzy match
        # such as "Republican" for the party leaves the candidacy rules to decide)
        if best.confidence >= 1.0:
            return PhraseCode(best, best.sector[0])
    return PhraseCode(best, chosen[2] if chosen else None)



def _common_word(text: str, found: tuple[int, int, Match]) -> bool:
    """A lower-case word matched fuzzily ("conservative" for the Conservative Party's
    "conservatives"): a common word of the phrase, not the name it resembles."""
    start, end, match = found
    return match.confidence < 1.0 and text[start:end].islower()


def _longer_place(kb: KnowledgeBase, text: str, found: tuple[int, int, Match]) -> tuple[int, int, Match]:
    """The place a match is the end of ("Jersey" of "New Jersey", "Wales" of "New South Wales"):
    the longer place, which is what the phrase names."""
    start, end, match = found
    if match.kind not in ("country", "territory", "disputed"):
        return found
    head = text[:start].split()
    for n in (1, 2):
        if len(head) < n or not all(w[:1].isupper() for w in head[-n:]):
            break
        longer = " ".join(head[-n:]) + " " + text[start:end]
        place = kb.place(longer)
        if place is not None and place.country and place.country != match.country:
            return text.rfind(head[-n], 0, start), end, replace(place, kind=match.kind)
    return found


def contained_code(kb: KnowledgeBase, entity: Entity, min_conf: float) -> PhraseCode | None:
    """A name not in the knowledge base that contains one ("Latvian Constitutional Court")."""
    text = entity.name
    phrase = code_phrase(kb, text, min_confidence=max(min_conf, 0.9))
    if phrase.match is None:
        return None
    if entity.kind == "place":
        # "southern Lebanon" is Lebanon, but "New Mexico" is not Mexico
        rest = kb_words_outside(text, phrase.match)
        if any(w not in _PLACE_QUALIFIERS for w in rest):
            return None
    return phrase


def head_word(name: str) -> str:
    """The head noun of an organisation name: the last word before "of"/"for" ("Association of X")."""
    head = _ROLE_BOUNDARY.split(name, maxsplit=1)[0].split()
    return head[-1].lower() if head else ""


def kb_words_outside(text: str, match: Match) -> list[str]:
    """The lower-cased words of ``text`` other than those of ``match.key``."""

    key_words = set(match.key.split())
    return [w for w in normalize(text).split() if w not in key_words]



def is_plural_people(text: str, kb: KnowledgeBase) -> bool:
    """ "Armenians", "Palestinians": a demonym used as a plural noun."""

    key = normalize(text)
    if not key.endswith("s") or key.endswith("ss"):
        return False
    plural, singular = kb.lookup(text, fuzzy=False), kb.lookup(key[:-1], fuzzy=False)
    return plural is not None and singular is not None and plural.code == singular.code


