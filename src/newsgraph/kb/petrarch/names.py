"""Names in the Phoenix dictionaries: display forms, and what kind of thing a record names.

The dictionaries write every name in capitals ("BAN_KI-MOON"); the knowledge
base keeps a readable form ("Ban Ki-Moon") and leaves acronyms in capitals so
that they keep matching only text written in capitals ("UNITA", "ANSF").
"""

from __future__ import annotations

import re

# Head nouns of organisations: a record whose primary phrase holds one names an
# organisation, not a person ("PEOPLES_LIBERATION_ARMY", "WESTMINSTER_PALACE"). Role
# nouns ("PRESIDENT", "FARMER") are not here: they come from the sector vocabulary.
ORG_WORDS = frozenset(
    """
    ACADEMY ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD
    BRIGADE BRIGADES BUREAU CABINET CELL CELLS CENTER CENTRE CHAMBER CHURCH CLUB COALITION COLLEGE
    COMMAND COMMANDOS COMMISSION COMMITTEE COMPANY CONFEDERATION CONFERENCE CONGRESS CO CORP
    CORPORATION CORPS COUNCIL COURT DEPARTMENT DIRECTORATE DIVISION FEDERATION FORCE FORCES FORUM
    FOUNDATION FRONT FUND GOVERNMENT GROUP GROUPS GUARD GUARDS HOLDINGS INC INCORPORATED INDUSTRIES
    INITIATIVE INSTITUTE INSTITUTION JUNTA LEAGUE LIMITED LTD MILITIA MINISTRY MISSION MOVEMENT
    NAVY NETWORK NEWS OFFICE ORGANISATION ORGANIZATION PALACE PARLIAMENT PARTNERSHIP PARTY PLC POLICE
    PRESS PROGRAM PROGRAMME RADIO REGIME REGIMENT RESISTANCE SECRETARIAT SENATE SERVICE SERVICES
    SOCIETY SQUAD SQUADS TELEVISION TIMES TRIBUNAL TRUST UNION UNIT UNIVERSITY
    """.split()
)
# words kept in lower case inside a readable name
_SMALL = frozenset("of the and for in on at to de du des la le el del di da van von der den y".split())
_ACRONYM_MAX = 5


def is_acronym_token(word: str) -> bool:
    """A single word written as an acronym: "UNITA", "U.N.", "ANSF" (not "HEZBOLLAH")."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return False
    if "." in word or not re.search(r"[AEIOUaeiou]", letters):
        return True
    return len(letters) <= _ACRONYM_MAX


def display(phrase: str, *, acronyms: bool = True) -> str:
    """A readable form of an upper-case dictionary phrase.

    ``"PEOPLES LIBERATION ARMY"`` -> ``"Peoples Liberation Army"``; ``"ANSF"`` stays
    (``acronyms=False``: a title such as ``"KING"`` is a word, "King");
    ``"AL-QAEDA IN IRAQ"`` -> ``"Al-Qaeda in Iraq"``; ``"PEOPLE'S"`` -> ``"People's"``.
    """
    words = phrase.split()
    if acronyms and len(words) == 1 and is_acronym_token(words[0]):
        return words[0]
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _SMALL:
            out.append(word.lower())
        elif "." in word and len(re.sub(r"[^A-Za-z]", "", word)) <= 3 and len(word) > 2:
            out.append(word)  # "U.S.", "D.C."
        else:
            out.append("-".join(_capital(part) for part in word.split("-")))
    return " ".join(out)


def _capital(part: str) -> str:
    low = part.lower()
    if not low[:1].isalpha():
        return low
    # "O'NEILL" -> "O'Neill", "PEOPLE'S" -> "People's"
    if len(low) > 2 and low[1] == "'":
        return low[0].upper() + "'" + low[2:].capitalize()
    return low[:1].upper() + low[1:]


def words_of(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", phrase.upper()) if w]


def has_org_word(phrase: str) -> bool:
    return any(w.strip(".,'") in ORG_WORDS for w in words_of(phrase))


def initials_id(phrase: str) -> str:
    """An id in the knowledge base's style: the name's acronym ("ASIAN HUMAN RIGHTS COMMISSION" -> AHRC)."""
    words = [w for w in re.split(r"[\s\-/]+", phrase.upper()) if w and w.lower() not in _SMALL]
    letters = "".join(w[0] for w in words if w[0].isalnum())
    if len(letters) < 2:
        letters = re.sub(r"[^A-Z0-9]", "", phrase.upper())[:8]
    return letters[:10]
