"""Reading the knowledge-base TSV files, with errors that name the file and line.

Every file is UTF-8, tab-separated, with a header row naming its columns;
lines starting with ``#`` and blank lines are ignored; list-valued cells are
separated by ``|``. A row may omit trailing empty cells but never have more
cells than the header. ``FILES`` lists each file's columns and which are
required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError

_PEOPLE = (
    ("wikidata", "name", "aliases", "office", "country", "sector", "start", "end", "org", "as_of"),
    ("name", "office", "sector"),
)
_ORGS = (
    ("id", "name", "type", "aliases", "members", "parent", "country", "sector", "wikidata"),
    ("id", "name", "type"),
)
_PLACES = (("name", "country", "kind", "population", "note"), ("name", "country", "kind"))
_SECTORS = (("term", "sector", "note"), ("term", "sector"))

# file name: (columns, required columns), in the order the files are read. The files converted
# from the Phoenix dictionaries (``petrarch_*``, see newsgraph.kb.petrarch) come before the
# hand-written files of the same kind, so that a hand-written row wins.
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sector_codes.tsv": (("code", "description"), ("code", "description")),
    "countries.tsv": (
        ("code", "name", "status", "aliases", "demonyms", "capitals", "seats", "wikidata", "claimed_by", "note"),
        ("code", "name", "status"),
    ),
    "regions.tsv": (("name", "code", "aliases", "note"), ("name",)),
    "petrarch_sectors.tsv": _SECTORS,
    "sectors.tsv": _SECTORS,
    "petrarch_organizations.tsv": _ORGS,
    "organizations.tsv": _ORGS,
    "places.tsv": _PLACES,
    "petrarch_places.tsv": _PLACES,
    "petrarch_people.tsv": _PEOPLE,
    "people.tsv": _PEOPLE,
    "petrarch_discards.tsv": (("phrase", "scope", "match"), ("phrase", "scope", "match")),
}
CONVERTED = frozenset(name for name in FILES if name.startswith("petrarch_"))
PLACE_KINDS = {"places.tsv": ("city", "region"), "petrarch_places.tsv": ("city", "region", "alias", "demonym")}

_CODE = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ID = re.compile(r"^[A-Z0-9]{2,12}$")
COUNTRY_STATUS = ("member", "observer", "disputed", "former", "territory")
ORG_TYPES = ("igo", "alliance", "ngo", "img", "body")


@lru_cache(maxsize=65536)
def parse_date(value: str) -> date:
    """``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` (the first day): Wikidata gives year-only precision at best.

    Cached: the 28,000 roles of the people files share a few thousand dates.
    """
    if len(value) == 4 and value.isdigit():
        return date(int(value), 1, 1)
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        return date(int(value[:4]), int(value[5:]), 1)
    if len(value) != 10:
        raise ValueError(value)
    return date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its cells by column name, and where it came from."""

    cells: dict[str, str]
    path: Path
    line: int

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def list(self, column: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in self[column].split("|") if x.strip())

    def error(self, message: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(message, source=f"{self.path}:{self.line}")

    def code(self, column: str, *, required: bool = False) -> str | None:
        value = self[column]
        if not value:
            if required:
                raise self.error(f"column {column!r} is empty")
            return None
        if not _CODE.match(value):
            raise self.error(f"column {column!r}: {value!r} is not a three-letter upper-case code")
        return value

    def codes(self, column: str) -> tuple[str, ...]:
        out = self.list(column)
        for value in out:
            if not _CODE.match(value):
                raise self.error(f"column {column!r}: {value!r} is not a three-letter upper-case code")
        return out

    def qid(self, column: str = "wikidata") -> str | None:
        value = self[column]
        if value and not _QID.match(value):
            raise self.error(f"column {column!r}: {value!r} is not a Wikidata id like Q42")
        return value or None

    def date(self, column: str) -> date | None:
        value = self[column]
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueError:
            raise self.error(f"column {column!r}: {value!r} is not a date (YYYY-MM-DD)") from None

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self[column]
        if value not in allowed:
            raise self.error(f"column {column!r}: {value!r} is not one of {', '.join(allowed)}")
        return value


def read_places(path: Path) -> Iterator[tuple[int, str, str, str, str]]:
    """``(line, name, country, kind, note)`` of places.tsv (or petrarch_places.tsv): a lean reader for 30,000 rows."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"cannot read: {exc}", source=str(path)) from exc
    columns = FILES["places.tsv"][0]
    kinds = PLACE_KINDS.get(path.name, PLACE_KINDS["places.tsv"])
    header = False
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw or raw[0] == "#" or not raw.strip():
            continue
        cells = raw.split("\t")
        if not header:
            if tuple(c.strip() for c in cells) != columns[: len(cells)] or len(cells) < 3:
                raise KnowledgeBaseError(f"header must be the tab-separated columns {' '.join(columns)}", source=f"{path}:{number}")
            header = True
            continue
        if len(cells) > len(columns) or len(cells) < 3 or not cells[0] or not cells[1]:
            raise KnowledgeBaseError("expected name, country, kind[, population, note]", source=f"{path}:{number}")
        if cells[2] not in kinds:
            raise KnowledgeBaseError(f"column 'kind': {cells[2]!r} is not one of {', '.join(kinds)}", source=f"{path}:{number}")
        yield number, cells[0], cells[1], cells[2], cells[4] if len(cells) > 4 else ""


def read_table(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` of a people file, cells padded to its declared columns: a lean reader for 30,000 rows.

    Checks what ``read_rows`` checks (header, number of cells, required cells);
    the caller checks the values.
    """
    columns, required = FILES[path.name]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"not UTF-8 text ({exc.reason})", source=str(path)) from exc
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    width = 0
    need: tuple[int, ...] = ()
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw or raw[0] == "#" or not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if not width:
            header = [c.strip() for c in cells]
            if header != list(columns[: len(header)]) or len(header) < len(required):
                raise KnowledgeBaseError(
                    f"header must be the tab-separated columns {' '.join(columns)}, got {' '.join(header)!r}",
                    source=f"{path}:{number}",
                )
            width = len(header)
            need = tuple(columns.index(c) for c in required)
            continue
        if len(cells) > width:
            raise KnowledgeBaseError(
                f"{len(cells)} tab-separated cells but the header has {width} columns", source=f"{path}:{number}"
            )
        if raw[0] == " " or raw[-1] == " " or " \t" in raw or "\t " in raw:
            cells = [c.strip() for c in cells]
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        for i in need:
            if not cells[i]:
                raise KnowledgeBaseError(f"required column {columns[i]!r} is empty", source=f"{path}:{number}")
        yield number, cells
    if not width:
        raise KnowledgeBaseError("empty file: no header row", source=str(path))


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of one knowledge-base file, checked against its declared columns."""
    spec = FILES.get(path.name)
    if spec is None:
        raise KnowledgeBaseError(f"unknown knowledge-base file (expected one of {', '.join(FILES)})", source=str(path))
    columns, required = spec
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"not UTF-8 text ({exc.reason})", source=str(path)) from exc
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if header != list(columns[: len(header)]) or len(header) < len(required):
                raise KnowledgeBaseError(
                    f"header must be the tab-separated columns {' '.join(columns)}, got {' '.join(header)!r}",
                    source=f"{path}:{number}",
                )
            continue
        if len(cells) > len(header):
            raise KnowledgeBaseError(
                f"{len(cells)} tab-separated cells but the header has {len(header)} columns",
                source=f"{path}:{number}",
            )
        row = Row({c: v.strip() for c, v in zip(header, cells, strict=False)}, path, number)
        for column in required:
            if not row[column]:
                raise row.error(f"required column {column!r} is empty")
        yield row
    if header is None:
        raise KnowledgeBaseError("empty file: no header row", source=str(path))
