"""Reading the PETRARCH/Phoenix dictionary formats: actors, agents and discards.

The formats are described in ``dictionaries.rst`` of the PETRARCH2 repository
(github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/). In short:

Actors (``Phoenix.*.actors.txt``)
    A record is a primary phrase, optional ``+synonym`` lines and optional
    code lines. Codes are ``[CODE]`` or ``[CODE restriction]`` on the primary
    line or on indented lines below it; a restriction is ``<date`` (until),
    ``>date`` (from) or ``date-date``, a date ``YYYYMMDD`` or ``YYMMDD``
    (two-digit years 00-29 are 20xx, 30-99 19xx, as in the files). A code
    without a restriction is the default, used when no dated one applies.
    ``---`` is the null code. Words are joined by ``_`` or blanks; a final
    ``_`` is dropped.
Agents (``Phoenix.agents.txt``)
    ``PHRASE {plural forms} [~CODE]`` (``~CODE`` follows the actor's code,
    ``CODE~`` precedes it); ``{}`` means no plural; ``!NAME! = A, B`` defines
    a substitution set used as ``!NAME!`` in phrases.
Discards (``Phoenix.discards.txt``)
    One phrase a line; ``+`` discards the whole story instead of the
    sentence; a final ``_`` requires a word boundary, otherwise the phrase is
    a stem.

Everything after ``#`` is a comment. A malformed line raises
``KnowledgeBaseError`` naming the file and line, except for the few defects of
the upstream files listed in ``CORRECTIONS`` (the line as written -> the line
as read), which are repaired and logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError

logger = logging.getLogger(__name__)

# Defects of the files at petrarch2 @ 676801c: (file name, line as written) -> line as read.
CORRECTIONS: dict[tuple[str, str], str] = {
    # a seven-digit date: 1990-08-23 (Armenia's declaration of sovereignty)
    ("Phoenix.Countries.actors.txt", "\t[ARMUNR 9008223-911221]"): "\t[ARMUNR 900823-911221]",
    # nine digits: 2010-05-11 (Cameron took office)
    ("Phoenix.Countries.actors.txt", "\t[GBRGOV >201005011] "): "\t[GBRGOV >20100511] ",
    # ten digits: the 2003-03-20 invasion written after a stray "19"
    ("Phoenix.Countries.actors.txt", "\t[IRQOCC 1920030320-20060520]"): "\t[IRQOCC 20030320-20060520]",
    ("Phoenix.Countries.actors.txt", "\t[SDNSSDAUT 1920050709-20110709]"): "\t[SDNSSDAUT 20050709-20110709]",
    # seven digits; Ban Ki-moon became foreign minister on 2004-01-17
    ("Phoenix.International.actors.txt", "\t[KORGOVBUS 2004017-20061201]"): "\t[KORGOVBUS 20040117-20061201]",
    # a primary phrase indented like a code line
    (
        "Phoenix.International.actors.txt",
        "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt",
    ): "JOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt",
    # Ganzouri's second term as prime minister ran 2011-12-07 to 2012-08-02 (start year mistyped)
    ("Phoenix.Countries.actors.txt", "\t[EGYGOV 20121207-20120802] # PM pt. 2"): "\t[EGYGOV 20111207-20120802] # PM pt. 2",
    # a date without "<" or ">": Dukanovic's fourth term began 2012-12-04; Burns joined the service in 1982
    ("Phoenix.Countries.actors.txt", "\t[MNEGOV 20121204]"): "\t[MNEGOV >20121204]",
    ("Phoenix.Countries.actors.txt", "\t[USAGOV 19820101] # entered Foreign Service"): (
        "\t[USAGOV >19820101] # entered Foreign Service"
    ),
    # "EEUR": Eastern Europe is EEU
    (
        "Phoenix.International.actors.txt",
        "ASSOCIATION_FOR_SUSTAINABLE_HUMAN_DEVELOPMENT_\t[NGOEEURENV] #MleH 01 Jul 2010",
    ): "ASSOCIATION_FOR_SUSTAINABLE_HUMAN_DEVELOPMENT_\t[NGOEEUENV] #MleH 01 Jul 2010",
    # stock-listing columns after the code without a "#"
    (
        "Phoenix.International.actors.txt",
        "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000",
    ): "A.H._BELO_CORPORATION_\t[MNCMED]\t# Newspapers/Magazines\t$137,000,000",
    (
        "Phoenix.International.actors.txt",
        "ACCRETIVE_HEALTH_INC_\t[MNCHLH]\tOther Consumer Services\t$991,000,000",
    ): "ACCRETIVE_HEALTH_INC_\t[MNCHLH]\t# Other Consumer Services\t$991,000,000",
    (
        "Phoenix.International.actors.txt",
        "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] Antilles\tMedical/Dental Instruments\t$503,000,000",
    ): "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] # Antilles\tMedical/Dental Instruments\t$503,000,000",
    # a note left uncommented between two records
    ("Phoenix.International.actors.txt", "Source: MNC.MLH.actors"): "# Source: MNC.MLH.actors",
    # an agent without a code; its neighbours "ISLAMIC_EXTREMIST_GROUP" and "EXTREMIST_WAHHABI" are ~MUSRAD
    ("Phoenix.agents.txt", "ISLAMIC_EXTREMIST"): "ISLAMIC_EXTREMIST [~MUSRAD]",
    # a closing brace for a bracket
    ("Phoenix.agents.txt", "DEPARMENT_OF_ENVIRONMENT [~ENV}"): "DEPARMENT_OF_ENVIRONMENT [~ENV]",
}

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
# three-letter parts; CAMEO religion codes may carry a three-digit denomination number
# ("NGOCHRPRO214"), which is dropped
_CODE = re.compile(r"^(?:---|[A-Z]{3}(?:[A-Z]{3}|\d{3})*)$")
_DATE = re.compile(r"^\d{6}(?:\d{2})?$")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class Restriction:
    """One code of an actor, with the period it applies to (both ends inclusive)."""

    code: str  # "USAGOV", "---" for the null code
    start: date | None = None
    end: date | None = None
    line: int = 0

    @property
    def default(self) -> bool:
        """A code without dates: it applies when no dated code does."""
        return self.start is None and self.end is None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """A primary phrase, its synonyms and its codes."""

    names: tuple[str, ...]  # primary first, upper case, words separated by one space
    codes: tuple[Restriction, ...]
    comment: str  # the comment on the primary line
    section: str  # the last whole-line comment before the record
    source: str  # file:line of the primary phrase


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """A role noun (``phrase``) with its plural forms and agent code."""

    phrase: str
    plurals: tuple[str, ...] | None  # None: regular plural; (): none
    code: str  # "GOVMIL"
    prefix: bool  # True for "NGO~" (goes before the actor code)
    source: str


@dataclass(frozen=True, slots=True)
class DiscardRecord:
    phrase: str  # upper case, words separated by one space
    story: bool  # discard the whole story, not just the sentence
    stem: bool  # match as a prefix of a word (no final "_")
    source: str


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"not UTF-8 text ({exc.reason})", source=str(path)) from exc
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    for number, raw in enumerate(text.splitlines(), 1):
        fixed = CORRECTIONS.get((path.name, raw))
        if fixed is not None:
            logger.info("%s:%d: corrected %r -> %r", path, number, raw, fixed)
            raw = fixed
        yield number, raw


def _split_comment(raw: str) -> tuple[str, str]:
    body, _, comment = raw.partition("#")
    return body.rstrip(), comment.strip()


def phrase_words(text: str) -> str:
    """``"BARACK_OBAMA_"`` -> ``"BARACK OBAMA"`` (underscores and blanks both separate words)."""
    return " ".join(w for w in re.split(r"[_\s]+", text) if w)


def parse_date(text: str, where: str) -> date:
    """``YYYYMMDD`` or ``YYMMDD`` (00-29: 20xx, 30-99: 19xx)."""
    if not _DATE.match(text):
        raise KnowledgeBaseError(f"{text!r} is not a date (YYMMDD or YYYYMMDD)", source=where)
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        raise KnowledgeBaseError(f"{text!r} is not a calendar date", source=where) from None


def parse_bracket(content: str, where: str, line: int) -> Restriction:
    """``"USAGOV 20090120-20170120"`` -> ``Restriction("USAGOV", 2009-01-20, 2017-01-20)``."""
    parts = content.split(None, 1)
    if not parts:
        raise KnowledgeBaseError("empty code brackets []", source=where)
    code = parts[0]
    if not _CODE.match(code):
        raise KnowledgeBaseError(f"{code!r} is not a CAMEO code (three-letter parts, or ---)", source=where)
    code = re.sub(r"\d{3}", "", code)
    if len(parts) == 1:
        return Restriction(code, line=line)
    rest = re.sub(r"\s+", "", parts[1])
    if rest.startswith("<"):
        return Restriction(code, None, parse_date(rest[1:], where), line)
    if rest.startswith(">"):
        return Restriction(code, parse_date(rest[1:], where), None, line)
    first, sep, second = rest.partition("-")
    if not sep:
        raise KnowledgeBaseError(f"{parts[1]!r} is not a date restriction (<date, >date or date-date)", source=where)
    start, end = parse_date(first, where), parse_date(second, where)
    if end < start:
        raise KnowledgeBaseError(f"restriction {parts[1]!r} ends before it starts", source=where)
    return Restriction(code, start, end, line)


def _codes(text: str, where: str, line: int) -> list[Restriction]:
    """Every ``[...]`` in ``text``; anything else on the line is an error."""
    found = [parse_bracket(m.group(1), where, line) for m in _BRACKET.finditer(text)]
    leftover = _BRACKET.sub("", text).strip()
    if leftover:
        raise KnowledgeBaseError(f"unexpected text {leftover!r} outside [...] codes", source=where)
    return found


def split_names(phrase: str) -> list[str]:
    """A phrase and the acronym it carries in parentheses, without the parentheses.

    ``"CONTINUITY IRISH REPUBLICAN ARMY (CIRA)"`` -> the name and ``"CIRA"``; a
    parenthesised word that is not the name's acronym (``"(COLOMBIA)"``, a
    disambiguator) is dropped, never made a name of its own.
    """
    extra = [m.group(1).strip() for m in _PAREN.finditer(phrase)]
    base = phrase_words(_PAREN.sub(" ", phrase))
    out = [base] if base else []
    initials = "".join(w[0] for w in base.replace("-", " ").split() if w[0].isalpha())
    for token in extra:
        letters = re.sub(r"[^A-Z]", "", token.upper())
        if " " not in token.strip() and 2 <= len(letters) <= 8 and _subsequence(letters, initials):
            out.append(token.strip())
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def read_actors(path: Path) -> list[ActorRecord]:
    """The records of a Phoenix/PETRARCH actor dictionary, in file order."""
    records: list[ActorRecord] = []
    names: list[str] = []
    codes: list[Restriction] = []
    comment = section = ""
    start = 0

    def flush() -> None:
        if names:
            records.append(ActorRecord(tuple(dict.fromkeys(names)), tuple(codes), comment, section_at, f"{path}:{start}"))

    section_at = ""
    for number, raw in _lines(path):
        where = f"{path}:{number}"
        stripped = raw.strip()
        if not stripped or stripped.startswith("<"):
            continue
        if raw.startswith("#"):
            section = stripped.lstrip("#").strip() or section
            continue
        body, note = _split_comment(raw)
        if not body.strip():
            continue
        if body.startswith("+"):
            if not names:
                raise KnowledgeBaseError("a +synonym before any primary phrase", source=where)
            text, _, codepart = body[1:].partition("[")
            names.extend(split_names(text))
            if codepart:
                codes.extend(_codes("[" + codepart, where, number))
            continue
        if body[0] in " \t" or body.startswith("["):
            if not body.strip().startswith("["):
                raise KnowledgeBaseError("an indented line must hold [CODE ...] restrictions", source=where)
            if not names:
                raise KnowledgeBaseError("a code line before any primary phrase", source=where)
            codes.extend(_codes(body, where, number))
            continue
        text, _, codepart = body.partition("[")
        new_names = split_names(text)
        if not new_names:
            raise KnowledgeBaseError("a primary phrase without words", source=where)
        if names and not codes:
            # consecutive primary phrases share the codes that follow them ("IVO_JOSIPOVIC_",
            # "PRESIDENT_JOSIPOVIC_", then the indented codes)
            names.extend(new_names)
            if codepart:
                codes = _codes("[" + codepart, where, number)
            continue
        flush()
        names = new_names
        codes = _codes("[" + codepart, where, number) if codepart else []
        comment, section_at, start = note, section, number
    flush()
    return records


_SUBST = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_AGENT_CODE = re.compile(r"^(~)?([A-Z]{3}(?:[A-Z]{3})*)(~)?$")


def read_agents(path: Path) -> list[AgentRecord]:
    """The role nouns of a PETRARCH agents dictionary, substitution sets expanded."""
    subst: dict[str, list[str]] = {}
    out: list[AgentRecord] = []
    for number, raw in _lines(path):
        where = f"{path}:{number}"
        body, _ = _split_comment(raw)
        body = body.strip()
        if not body or body.startswith("<"):
            continue
        m = _SUBST.match(body)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        brackets = _BRACKET.findall(body)
        if len(brackets) != 1:
            raise KnowledgeBaseError("expected one [~CODE] on an agent line", source=where)
        cm = _AGENT_CODE.match(brackets[0].strip())
        if cm is None or bool(cm.group(1)) == bool(cm.group(3)):
            raise KnowledgeBaseError(f"{brackets[0]!r} is not an agent code (~CODE or CODE~)", source=where)
        text = _BRACKET.sub("", body)
        plurals: tuple[str, ...] | None = None
        brace = re.search(r"\{([^{}]*)\}", text)
        if brace:
            plurals = tuple(phrase_words(p) for p in brace.group(1).split() if phrase_words(p))
            text = text[: brace.start()] + text[brace.end() :]
        if "{" in text or "}" in text:
            raise KnowledgeBaseError("unbalanced {...} plural", source=where)
        phrase = text.strip()
        if not phrase:
            raise KnowledgeBaseError("an agent line without a phrase", source=where)
        for variant in _expand(phrase, subst, where):
            words = phrase_words(variant)
            # a substitution already supplies singular and plural forms: no further plurals
            forms = () if "!" in phrase else plurals
            out.append(AgentRecord(words, forms, cm.group(2), bool(cm.group(3)), where))
    return out


def _expand(phrase: str, subst: dict[str, list[str]], where: str) -> list[str]:
    m = re.search(r"!([A-Z]+)!", phrase)
    if m is None:
        return [phrase]
    options = subst.get(m.group(1))
    if options is None:
        raise KnowledgeBaseError(f"substitution !{m.group(1)}! is not defined above its use", source=where)
    out: list[str] = []
    for option in options:
        out.extend(_expand(phrase[: m.start()] + option + phrase[m.end() :], subst, where))
    return out


def read_discards(path: Path) -> list[DiscardRecord]:
    """The phrases of a PETRARCH discard list."""
    out: list[DiscardRecord] = []
    for number, raw in _lines(path):
        body, _ = _split_comment(raw)
        body = body.strip()
        if not body or body.startswith("<"):
            continue
        story = body.startswith("+")
        text = body[1:].strip() if story else body
        stem = not text.endswith("_")
        words = phrase_words(text)
        if not words:
            raise KnowledgeBaseError("a discard line without a phrase", source=f"{path}:{number}")
        out.append(DiscardRecord(words.upper(), story, stem, f"{path}:{number}"))
    return out
