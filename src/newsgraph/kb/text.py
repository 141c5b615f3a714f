"""Name normalisation and word scanning shared by the knowledge-base index and lookups."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# A word: letters/digits, possibly joined by dots, hyphens or apostrophes
# ("U.S.", "Nagorno-Karabakh's", "Côte d'Ivoire"); a trailing dot is kept so
# that "U.S." stays one word.
_WORD = re.compile(r"[^\W_]+(?:[.\-'’‘][^\W_]+)*\.?")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})
_KEY = str.maketrans({**{c: None for c in '.,"()[]'}, "-": " ", "/": " ", "`": "'"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def normalize(name: str) -> str:
    """A lookup key: case-folded, punctuation-light, no leading "the", no possessive.

    ``"the U.S."`` -> ``"us"``; ``"Nagorno-Karabakh’s"`` -> ``"nagorno karabakh"``.
    """
    if name.isascii():
        if name.isalpha():
            return name.lower()  # one plain word (most of places.tsv)
        words = name.translate(_KEY).lower().split()
    else:
        s = unicodedata.normalize("NFKC", name).translate(_APOS)
        if not s.isascii():
            # "Goražde" = "Gorazde", "Côte d'Ivoire" = "Cote d'Ivoire"
            s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
        # drop . , " ( ) [ ], hyphens and slashes separate words
        words = s.translate(_KEY).casefold().split()
    if words and words[0] == "the":
        del words[0]
    if words:
        last = words[-1]
        # "Azerbaijan's" -> "azerbaijan"; keep "s'" plural possessives ("Azerbaijanis'") as the plural
        if last.endswith("'s"):
            words[-1] = last[:-2]
        elif last.endswith("'"):
            words[-1] = last[:-1]
        if not words[-1]:
            del words[-1]
    return " ".join(words)


def person_key(name: str) -> str:
    """A key for person names: no suffixes (Jr., III) and no middle initials.

    ``"Frank Pallone, Jr."`` -> ``"frank pallone"``; ``"Gus M. Bilirakis"`` -> ``"gus bilirakis"``.
    """
    words = normalize(name).split(" ")
    kept = [w for w in words if w and w not in _SUFFIXES and not (len(w) == 1 and len(words) > 2)]
    return " ".join(kept)


def is_acronym(name: str) -> bool:
    """``"US"``, ``"U.N."``, ``"OSCE"``: short and written in capitals.

    Acronym keys only match text written in capitals, so that "us", "who" and
    "can" in running text never become the USA, the WHO or the Andean Community.
    """
    letters = re.sub(r"[^\w]", "", name)
    return 1 < len(letters) <= 7 and letters.isupper()


def words(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every word in ``text`` (see ``_WORD``)."""
    for m in _WORD.finditer(text.translate(_APOS)):
        end = m.end()
        # a sentence-final dot after a normal word is punctuation, not part of the word
        if text[end - 1] == "." and "." not in text[m.start() : end - 1]:
            end -= 1
        yield m.start(), end


def demonym_plurals(demonym: str) -> tuple[str, ...]:
    """"Azerbaijani" -> "Azerbaijanis", "Turk" -> "Turks"; "Chinese", "French" have none."""
    # "French", "Swiss", "Chinese", "Irish" have no plural noun form
    if demonym.endswith(("ese", "ish", "ch", "sh", "s", "x", "z")):
        return ()
    return (demonym + "s",)


def plural_forms(term: str) -> tuple[str, ...]:
    """English plural of the last word of a common noun phrase ("ministry" -> "ministries")."""
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    if not last:
        return ()
    if last.endswith("man"):
        return (prefix + last[:-3] + "men",)
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return (prefix + last[:-1] + "ies",)
    if last.endswith(("s", "x", "sh", "ch", "z")):
        return (prefix + last + "es",) if not last.endswith("s") else ()
    return (prefix + last + "s",)
