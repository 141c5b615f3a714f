"""What the steps of the entity stage share: the working objects and small token tests.

* ``Piece``: a name found in the text (a token range), made by ``names`` and
  ``groups``, given a kind by ``matching`` and roles by ``roles``;
* ``Cluster``: one referent while entities are collected (made by ``matching``,
  ``groups`` and ``coref``, turned into an ``Entity`` by ``extract``);
* word sets several steps test tokens against, and tests for a role noun
  starting (``role_at``) or ending (``role_head``) at a token.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.entities.lexicon import Lexicon, RoleNoun
from newsgraph.records import Mention

#: spaCy entity label -> entity kind.
LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
#: Dashes; spaced, they separate two names ("Caucus - Robert Hale").
DASHES = frozenset({"-", "–", "—", "--", "―"})
#: Possessive endings, as spaCy tokenises them.
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "`s"})
#: Determiners that are no part of a name ("the OSCE").
LEADING_DROP = frozenset({"the", "a", "an", "some", "this", "that", "these", "those"})
#: Suffixes of a person's name (", Jr.").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
#: Words allowed inside a title written before a name ("Head of X's Y Community").
TITLE_GLUE = frozenset({"of", "the", "for", "and", "on", "de", "to", "in"})
#: Which kind wins a tie (in the vote on a name's kind, and between mentions in ``EntityIndex.resolve``).
KIND_RANK = {"person": 3, "group": 3, "organization": 2, "place": 1}


@dataclass
class Piece:
    """A name found in the text (token range ``[start, end)``)."""

    start: int
    end: int
    kind: str | None  # None: decide by vote
    label: str
    roles: list[tuple[int, int]] = field(default_factory=list)  # char spans
    gender: str | None = None
    role_words: set[str] = field(default_factory=set)
    role_classes: set[str] = field(default_factory=set)
    #: how much ``gender`` counts when a name's mentions disagree (an honorific: 3, else 1)
    gender_weight: int = 1


def spaced(doc: Doc, tok: Token) -> bool:
    """A dash with a space on either side separates; "Guinea-Bissau" does not."""
    before = tok.i > 0 and bool(doc[tok.i - 1].whitespace_)
    return before or bool(tok.whitespace_)


def role_at(doc: Doc, i: int, end: int, lex: Lexicon) -> tuple[int, bool, str, str] | None:
    """A role noun starting at token ``i`` (not past ``end``): (end token, plural, word, class)."""
    for found in _role_table(doc, lex).get(i, ()):  # longest first
        if found[0] <= end:
            return found
    return None


def role_starts(doc: Doc, lex: Lexicon) -> Container[int]:
    """The token indices where a role noun starts (``role_at`` is ``None`` everywhere else)."""
    return _role_table(doc, lex).keys()


_ROLES_KEY = "newsgraph.roles"


def _role_table(doc: Doc, lex: Lexicon) -> dict[int, tuple[tuple[int, bool, str, str], ...]]:
    """Token index -> every role noun starting there, longest first; built in one pass over the
    document, since several entity steps ask at every token (kept with the document)."""
    cached = doc.user_data.get(_ROLES_KEY)
    if cached is not None and cached[0] is lex:
        known: dict[int, tuple[tuple[int, bool, str, str], ...]] = cached[1]
        return known
    table = {}
    n_tokens = len(doc)
    for i, tok in enumerate(tokens_of(doc)):
        if tok.lower_ not in lex.role_first_words:
            continue
        found = []
        for n in range(min(lex.role_max_words, n_tokens - i), 0, -1):
            role = lex.role(doc[i : i + n].text)
            if role is not None:
                found.append((i + n, role[1], role[0].word, role[0].cls))
        if found:
            table[i] = tuple(found)
    doc.user_data[_ROLES_KEY] = (lex, table)
    return table


def is_cap(tok: Token) -> bool:
    """Does the token start with a capital letter?"""
    return bool(tok.text[:1].isupper())


def display_name(text: str) -> str:
    """A name as an entity shows it: without a leading "the" or a trailing possessive."""
    s = text.strip()
    if s.lower().startswith("the "):
        s = s[4:]
    for poss in ("’s", "'s"):
        if s.endswith(poss):
            s = s[: -len(poss)]
    return s


@dataclass
class Cluster:
    """One referent while entities are being collected (turned into an ``Entity`` at the end)."""

    kind: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[tuple[int, int]] = field(default_factory=list)
    members: list[int] = field(default_factory=list)
    gender: str | None = None
    role_words: set[str] = field(default_factory=set)
    role_classes: set[str] = field(default_factory=set)
    #: for a group of people: the classes of the role nouns that name it ("Representatives" -> legislator)
    group_classes: set[str] = field(default_factory=set)
    #: offices the knowledge base says a person had left by the publication date ("the former president")
    former_role_words: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 1 << 62


def role_head(doc: Doc, tok: Token, lex: Lexicon) -> tuple[RoleNoun, bool, int] | None:
    """The role noun ending at ``tok`` (``"prime minister"``, ``"co-chair"``): info, plural, first token."""
    if tok.lower_ not in lex.role_last_words:
        return None
    for n in range(min(lex.role_max_words, tok.i + 1), 0, -1):
        span = doc[tok.i - n + 1 : tok.i + 1]
        found = lex.role(span.text)
        if found is not None:
            return found[0], found[1], span.start
    return None
