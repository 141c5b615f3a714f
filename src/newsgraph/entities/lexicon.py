"""The data the entity stage reads, loaded once per process.

* ``lexicon()``: the word lists of ``newsgraph/data`` (pronouns, role nouns and their
  plurals, honorifics, first names, organisation nouns, place aliases and nouns,
  collective nouns, verbs of saying, person nouns, description nouns, document nouns, the attribution verbs of the quote stage's ``cues.tsv``) as one frozen ``Lexicon``; ``rows(name)`` reads
  any of those tab-separated files.
* ``gazetteer()``: the names of countries, capitals and organisations and the
  demonyms, from the knowledge base when it loads, else from pycountry; ``norm``
  is the key every name is looked up by.

Every other module of ``newsgraph.entities`` uses these; none of them reads files.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoleNoun:
    word: str
    cls: str
    gender: str | None
    generic: bool


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``newsgraph/data`` that entity detection and coreference use."""

    pronouns: dict[str, tuple[str, str | None, str]]  # word -> (number, gender, case)
    roles: dict[str, RoleNoun]  # singular (lower case, may contain spaces/hyphens) -> info
    role_plurals: dict[str, str]  # plural -> singular
    role_max_words: int
    honorifics: dict[str, tuple[str | None, str | None, str | None]]  # token -> (gender, class, lemma)
    first_names: dict[str, str]  # capitalised name -> m|f
    org_nouns: dict[str, str]  # noun -> org|collective
    org_plurals: dict[str, str]
    place_aliases: dict[str, str]  # alias -> ISO alpha-3
    place_nouns: frozenset[str]  # "County", "Province": last words of place names
    collectives: dict[str, str]  # "countries" -> place: plural nouns that introduce a list
    speech_verbs: frozenset[str] = frozenset()  # lemmas: what an organisation "it" may be the subject of
    # first spaCy token of any role phrase ("co" of "co-chair")
    role_first_words: frozenset[str] = frozenset()
    role_last_words: frozenset[str] = frozenset()  # last token of any role phrase or its plural
    #: nouns that describe a person without being a title ("the billionaire") -> gender (None: either)
    person_nouns: dict[str, str | None] = field(default_factory=dict)
    person_plurals: dict[str, str] = field(default_factory=dict)  # plural -> singular
    #: person nouns that may refer back to a named person in focus ("the actress", not "the source")
    focus_nouns: frozenset[str] = frozenset()
    #: "the company", "the state": noun -> (entity kind, the sectors or place kinds it fits (empty:
    #: any), whether an organisation the knowledge base does not know may fit, whether a person's
    #: name before it makes an organisation: "the Sanders campaign")
    description_nouns: dict[str, tuple[str, frozenset[str], bool, bool]] = field(default_factory=dict)
    #: lemmas of verbs that attribute a statement or a belief (the cue lexicon of ``newsgraph.quotes``,
    #: ``cues.tsv``, and the verbs of saying)
    attribution_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()  # "the report", "the poll": what speaks for its author

    def role(self, phrase: str) -> tuple[RoleNoun, bool] | None:
        """``(info, plural)`` when ``phrase`` (any case) is a role noun or its plural."""
        key = phrase.lower()
        info = self.roles.get(key)
        if info is not None:
            return info, False
        sing = self.role_plurals.get(key)
        if sing is not None:
            return self.roles[sing], True
        return None

    def org_noun(self, word: str) -> str | None:
        key = word.lower()
        return self.org_nouns.get(key) or self.org_nouns.get(self.org_plurals.get(key, ""))


def pluralize(word: str) -> str:
    """English plural of a role or organisation noun ("co-chair" -> "co-chairs", "chairman" -> "chairmen")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def rows(name: str) -> Iterable[list[str]]:
    """The tab-separated fields of each line of ``newsgraph/data/<name>``, without blank and comment lines."""
    text = resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _opt(value: str) -> str | None:
    return None if value in ("-", "") else value


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the word lists once per process."""
    pronouns = {r[0]: (r[1], _opt(r[2]) if r[2] != "n" else "n", r[3]) for r in rows("pronouns.tsv")}
    roles: dict[str, RoleNoun] = {}
    plurals: dict[str, str] = {}
    for word, cls, gender, generic in rows("role_nouns.tsv"):
        key = word.lower()
        roles[key] = RoleNoun(key, cls, _opt(gender), generic == "1")
        head, _, last = key.rpartition(" ")
        plurals[(head + " " if head else "") + pluralize(last)] = key
    max_words = max(len(k.replace("-", " - ").split()) for k in roles)
    honorifics = {r[0]: (_opt(r[1]), _opt(r[2]), _opt(r[3])) for r in rows("honorifics.tsv")}
    first = {r[0]: r[1] for r in rows("first_names.tsv")}
    org_nouns = {r[0]: r[1] for r in rows("org_nouns.tsv")}
    org_plurals = {pluralize(k): k for k in org_nouns}
    aliases = {r[0]: r[1] for r in rows("place_aliases.tsv")}
    place_nouns = frozenset(r[0] for r in rows("place_nouns.tsv"))
    collectives = {r[0]: r[1] for r in rows("collective_nouns.tsv")}
    # cheap pre-checks: most tokens cannot start or end a role phrase (the phrase lookups
    # were 10% of the entity stage's time on PolNeAR dev before these)
    phrases = [k.replace("-", " - ").split() for k in (*roles, *plurals)]
    person_rows = list(rows("person_nouns.tsv"))
    person_nouns = {r[0]: _opt(r[1]) for r in person_rows}
    return Lexicon(
        pronouns,
        roles,
        plurals,
        max_words,
        honorifics,
        first,
        org_nouns,
        org_plurals,
        aliases,
        place_nouns,
        collectives,
        frozenset(r[0] for r in rows("speech_verbs.tsv")),
        frozenset(p[0] for p in phrases),
        frozenset(p[-1] for p in phrases),
        person_nouns,
        {pluralize(k): k for k in person_nouns} | {"people": "person"},
        frozenset(r[0] for r in person_rows if r[2] == "1"),
        {
            r[0]: (r[1], frozenset(r[2].split(",")) - {"-"}, r[3] == "1", r[4] == "1")
            for r in rows("description_nouns.tsv")
        },
        frozenset(r[0] for r in rows("cues.tsv")) | frozenset(r[0] for r in rows("speech_verbs.tsv")),
        frozenset(r[0] for r in rows("document_nouns.tsv")),
    )


@dataclass(frozen=True)
class Gazetteer:
    """Known names of places and organisations, by ``norm`` key, and demonyms."""

    places: dict[str, str]  # normalised name -> place code
    demonyms: frozenset[str]  # lower case
    orgs: dict[str, str]  # normalised name -> org id


def norm(name: str) -> str:
    """The key a name is looked up by: case-folded, plain quotes and dashes, no "the" or possessive."""
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


def place_code(gaz: Gazetteer, key: str) -> str | None:
    """The place code of a ``norm`` key (hyphens also read as spaces), else ``None``."""
    return gaz.places.get(key) or gaz.places.get(key.replace("-", " "))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    places: dict[str, str] = {}
    demonyms: set[str] = set()
    orgs: dict[str, str] = {}
    try:  # helper C's knowledge base, when installed
        from newsgraph.kb import load_kb

        kb: Any = load_kb()
        for c in getattr(kb, "countries", ()) or ():
            c = c if not isinstance(c, str) else kb.countries[c]
            for n in (c.name, *c.aliases):
                places.setdefault(norm(n), c.code)
            for n in getattr(c, "capitals", ()):
                # a capital is a place of its own, not another name of its country
                places.setdefault(norm(n), f"{c.code}/{norm(n)}")
            demonyms.update(d.casefold() for d in getattr(c, "demonyms", ()))
        for o in getattr(kb, "organizations", ()) or ():
            o = o if not isinstance(o, str) else kb.organizations[o]
            for n in (o.name, *o.aliases):
                orgs.setdefault(norm(n), o.id)
    except Exception as exc:  # the knowledge base is optional here: degrade to pycountry
        logger.debug("knowledge base unavailable for entity detection (%s); using pycountry", exc)
    if not places:
        import pycountry

        for country in pycountry.countries:
            code = country.alpha_3
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    places.setdefault(norm(value), code)
                    places.setdefault(norm(value.split(",")[0]), code)
    for alias, code in lexicon().place_aliases.items():
        places.setdefault(norm(alias), code)
    return Gazetteer(places, frozenset(demonyms), orgs)
