"""Convert the PETRARCH2 CAMEO verb dictionary into newsgraph's trigger pattern files.

``build(source_dir, out_dir)`` reads ``CAMEO.2.0.txt`` (the Open Event Data
Alliance's verb pattern dictionary, MIT licence; format in its header and in
``dictionaries.rst`` beside it) and writes three files to ``out_dir``:

``petrarch_verbs.tsv``
    one row per verb of a verb block: the verb (a lemma, or a lemma with the
    constraint a multi-word verb adds: ``call @off``, ``wage +war``), its block,
    the CAMEO code of the verb on its own (``-``: no event by itself) and the
    source line.
``petrarch_patterns.tsv``
    one row per pattern line of a block, in newsgraph's pattern syntax (see
    ``lexicon.parse_pattern``): ``+OBJ|..`` the object's head (``humanitarian_aid``
    is the head ``aid`` with the modifier ``humanitarian``), ``@PREP`` a particle or
    preposition, ``@PREP:NOUN|..`` a prepositional phrase, ``<SUBJ|..`` the
    subject's head, ``!rev`` the subject is the target (a ``[:code]`` entry); synonym
    sets (``&WEAPON``) are expanded in place; with the code and the verbs the
    source names for the pattern.
``LICENSE.petrarch2``
    the dictionary's licence.

Filtered on the way (each drop is counted and logged): patterns without a verb
slot, TABARI-era patterns with role markers or function words before the verb
(noun-verb disambiguation leftovers that PETRARCH2 itself never matches), noun
phrases longer than three words, codes that are not CAMEO codes, compound
verbs joined by "and"/"or". Corrections written for newsgraph from reading the
dictionary (polysemous verbs whose bare code is wrong: "hold" is not a
detention, "match" not a fight) are read from ``data/events/petrarch_fixes.tsv``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError
from newsgraph.events.lexicon import parse_cameo

logger = logging.getLogger(__name__)

SOURCE_FILE = "CAMEO.2.0.txt"
SOURCE = "github.com/openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt"
VERBS_FILE = "petrarch_verbs.tsv"
PATTERNS_FILE = "petrarch_patterns.tsv"
LICENSE_FILE = "LICENSE.petrarch2"
FIXES_FILE = "petrarch_fixes.tsv"

# words that stand after the verb without a noun: particles and bare prepositions ("huddle with")
_FUNCTION = frozenset(
    "up down out off back away forward over aside in on through around along together apart to for with "
    "from into against at by of about toward towards upon onto under behind before after across between among".split()
)
# before the verb PETRARCH2 expects the subject's head noun; anything else is a TABARI leftover
_NOT_SUBJECT = frozenset("will would not no is are was were has have had the a an on_the".split())
_MARKERS = frozenset("+ $ ^ %".split())
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class _Block:
    name: str
    code: str  # "-" = the bare verb is no event
    line: int
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[_Pattern] = field(default_factory=list)


@dataclass
class _Verb:
    pattern: str  # "attack", "call @off", "wage +war"
    code: str | None  # own code; None = the block's
    forms: frozenset[str]  # upper-case surface forms, for matching the verbs a pattern names
    line: int


@dataclass
class _Pattern:
    pattern: str
    code: str
    verbs: tuple[str, ...]
    line: int


def _split_code(raw: str) -> tuple[str, bool]:
    """ "042:043" -> ("042", False); ":173" -> ("173", True); "---" -> ("-", False)."""
    raw = raw.strip()
    if raw.startswith("---") or raw == "":
        return "-", False
    first, _, second = raw.partition(":")
    first, second = first.strip(), second.strip()
    if first and first != "---":
        return first, False
    if second and second != "---":
        return second, True
    return "-", False


def _singulars(word: str) -> list[str]:
    """The word and its naive singular ("talks" -> "talk", "parties" -> "party")."""
    out = [word]
    if len(word) > 3 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    elif len(word) > 3 and word.endswith(("ses", "xes", "ches", "shes")):
        out.append(word[:-2])
    elif len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


class _Reader:
    """One pass over the dictionary text: synonym sets, blocks, verbs, patterns."""

    def __init__(self, text: str, valid_code: set[str], name: str) -> None:
        self.name = name
        self.valid = valid_code
        self.synsets: dict[str, list[str]] = {}
        self.blocks: list[_Block] = []
        self.dropped: Counter[str] = Counter()
        self._read(text)

    # --- codes and words -------------------------------------------------------------------
    def _code_ok(self, code: str) -> bool:
        return code == "-" or (code.isdigit() and (code[:3] in self.valid or code[:2] in self.valid))

    def _expand(self, word: str) -> list[list[str]]:
        """A pattern word as alternatives, each a list of words ("&CEASEFIRE" -> [["truce"], ["cease", "fire"]])."""
        if word.startswith("&"):
            members = self.synsets.get(word)
            if members is None:
                raise ValueError(f"undefined synonym set {word}")
            return [m.split() for m in members]
        return [[w.lower()] for w in word.split("/") if w]

    def _phrase(self, words: list[str]) -> list[str]:
        """Alternatives of a noun phrase (modifiers then head) as ``mod_mod_head`` keys."""
        alts: list[list[str]] = [[]]
        for w in words:
            alts = [a + e for a in alts for e in self._expand(w)]
        out: list[str] = []
        for a in alts:
            if not a or len(a) > 3:
                continue
            for head in _singulars(a[-1]):
                key = "_".join(a[:-1] + [head])
                if key not in out:
                    out.append(key)
        if not out:
            raise ValueError("noun phrase longer than three words")
        return out

    # --- the file ----------------------------------------------------------------------------
    def _read(self, text: str) -> None:
        in_patterns = False
        synset: str | None = None
        block: _Block | None = None
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.rstrip()
            if line.startswith("####### VERB PATTERNS"):
                in_patterns, synset = True, None
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not in_patterns:
                if line.startswith("&"):
                    synset = line.split()[0].rstrip("_")
                    self.synsets[synset] = []
                    self.synsets[line.split()[0]] = self.synsets[synset]
                elif line.startswith("+") and synset is not None:
                    term = line[1:].split("#")[0].strip().rstrip("_").lower().replace("_", " ")
                    if term:
                        self.synsets[synset].append(term)
                continue
            if line.startswith("~"):
                self.dropped["verb transformation (not used)"] += 1
                continue
            if line.startswith("---"):
                block = self._block(line, lineno)
                self.blocks.append(block)
                continue
            if block is None:
                raise KnowledgeBaseError(
                    "a verb or pattern before the first block", source=f"{self.name}:{lineno}"
                )
            if line.startswith("-"):
                self._pattern(block, line, lineno)
            else:
                self._verb(block, line, lineno)

    def _block(self, line: str, lineno: int) -> _Block:
        parts = line.strip("- \t").split()
        if not parts:
            raise KnowledgeBaseError("verb block without a name", source=f"{self.name}:{lineno}")
        m = _CODE.search(line)
        code = _split_code(m.group(1))[0] if m else "-"
        if not self._code_ok(code):
            self.dropped["block code not in CAMEO"] += 1
            code = "-"
        return _Block(parts[0], code, lineno)

    def _verb(self, block: _Block, line: str, lineno: int) -> None:
        body = line.split("#")[0]
        m = _CODE.search(body)
        code: str | None = None
        if m:
            code = _split_code(m.group(1))[0]
            body = body[: m.start()] + body[m.end() :]
            if not self._code_ok(code):
                self.dropped["verb code not in CAMEO"] += 1
                code = None
        irregular = re.findall(r"\{([^}]*)\}", body)
        body = re.sub(r"\{[^}]*\}", " ", body)
        words = body.split()
        if not words:
            return
        primary = words[0]
        forms = {primary.replace("+", "")}
        for group in irregular:
            forms.update(w.replace("+", "") for w in group.split())
        stem = (
            primary.replace("+", "").split("_")[0] if primary.startswith("+") or "+" not in primary else None
        )
        if stem is not None:
            forms.update(_regular_forms(stem, primary.replace("+", "")))
        pattern = self._verb_pattern(primary)
        if pattern is None:
            self.dropped["compound verb that is not a verb phrase"] += 1
            return
        block.verbs.append(_Verb(pattern, code, frozenset(forms), lineno))

    def _verb_pattern(self, primary: str) -> str | None:
        """ "ATTACK" -> "attack"; "+CALL_OFF" -> "call @off"; "+WAGE_WAR" -> "wage +war";
        "RE_+ARREST" -> "rearrest"; "+SHOT_AND" -> None."""
        words = primary.lower().split("_")
        if any(w in ("and", "or") for w in words):
            return None
        if "+" not in primary or len(words) == 1:
            return words[0].replace("+", "")
        if not words[0].startswith("+"):
            if words[0] == "re" and len(words) == 2:
                return "re" + words[1].lstrip("+")
            return None  # "WIRE_+TAP": a noun before the verb, which the parser joins as it likes
        lemma, rest = words[0][1:], [w for w in words[1:] if w]
        out = [lemma]
        i = 0
        while i < len(rest):
            w = rest[i]
            if w in _FUNCTION:
                if i + 1 < len(rest) and rest[i + 1] not in _FUNCTION:
                    out.append(f"@{w}:{rest[i + 1]}")
                    i += 2
                    continue
                out.append(f"@{w}")
            else:
                out.append(f"+{w}")
            i += 1
        return " ".join(out)

    def _pattern(self, block: _Block, line: str, lineno: int) -> None:
        body, _, comment = line[1:].partition("#")
        m = _CODE.search(body)
        if m is None:
            self.dropped["pattern without a code"] += 1
            return
        code, reverse = _split_code(m.group(1))
        if not self._code_ok(code):
            self.dropped["pattern code not in CAMEO"] += 1
            return
        text = body[: m.start()]
        if "*" not in text or body[m.end() :].strip():
            self.dropped["malformed pattern"] += 1
            return
        pre, post = text.split("*", 1)
        try:
            parts = self._pre(pre.split()) + self._post(post)
        except ValueError as exc:
            self.dropped[str(exc)] += 1
            return
        if not parts:
            self.dropped["pattern without a constraint"] += 1
            return
        if reverse:
            parts.append("!rev")
        verbs = tuple(
            v.strip().split()[0].upper()
            for v in comment.split("<")[0].split(",")
            if v.strip() and re.fullmatch(r"[A-Z_]+", v.strip().split()[0])
        )
        block.patterns.append(_Pattern(" ".join(parts), code, verbs, lineno))

    def _pre(self, words: list[str]) -> list[str]:
        if not words:
            return []
        text = " ".join(words)
        if any(w in _MARKERS or w.lower() in _NOT_SUBJECT or w.lower().endswith("ly") for w in words):
            raise ValueError("TABARI leftover before the verb")
        if "(" in text:
            raise ValueError("preposition before the verb")
        nps = _noun_phrases(text)
        if len(nps) != 1:
            raise ValueError("several nouns before the verb")
        return ["<" + "|".join(self._phrase(nps[0]))]

    def _post(self, text: str) -> list[str]:
        tokens = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", text)
        if any(t.count("(") != t.count(")") or t.count("{") != t.count("}") for t in tokens):
            raise ValueError("malformed pattern")
        while tokens and tokens[-1] in _MARKERS:
            tokens.pop()  # "(TO {BANNED PARTIES}) $": a trailing role marker adds nothing
        if any(t in _MARKERS for t in tokens):
            raise ValueError("TABARI role marker inside the pattern")
        parts: list[str] = []
        nouns: list[str] = []
        for tok in tokens:
            if tok.startswith("("):
                inner = tok[1:-1].split()
                if not inner:
                    raise ValueError("empty prepositional phrase")
                preps = [p.lower() for p in inner[0].split("/")]
                rest = [w for w in inner[1:] if w not in _MARKERS]
                if rest:
                    nps = _noun_phrases(" ".join(rest))
                    if len(nps) != 1:
                        raise ValueError("several nouns in a prepositional phrase")
                    parts.append("@" + "/".join(preps) + ":" + "|".join(self._phrase(nps[0])))
                elif len(inner) == 1 and inner[0] in _MARKERS:
                    continue
                else:  # "(AGAINST)": the preposition, with any object, on the verb or its object
                    parts.append("@" + "/".join(preps) + ":*")
            elif tok.lower() in _FUNCTION and not tok.startswith("{"):
                parts.append("@" + tok.lower())
            else:
                nouns.append(tok)
        if nouns:
            nps = _noun_phrases(" ".join(nouns))
            if len(nps) != 1:
                raise ValueError("several nouns after the verb")
            parts.insert(0, "+" + "|".join(self._phrase(nps[0])))
        return parts


def _noun_phrases(text: str) -> list[list[str]]:
    """ "{FINANCIAL AID}" -> [["FINANCIAL", "AID"]]; adjacent bare words form one phrase."""
    out: list[list[str]] = []
    bare: list[str] = []
    for tok in re.findall(r"\{[^}]*\}|[^\s{}]+", text):
        if tok.startswith("{"):
            if bare:
                out.append(bare)
                bare = []
            out.append(tok[1:-1].split())
        else:
            bare.append(tok)
    if bare:
        out.append(bare)
    return [p for p in out if p]


def _regular_forms(stem: str, primary: str) -> set[str]:
    tail = primary[len(stem) :]
    forms = {stem + "S", stem + "ES", stem + "ED", stem + "D", stem + "ING", stem[:-1] + "ING"}
    if stem.endswith("Y"):
        forms |= {stem[:-1] + "IES", stem[:-1] + "IED"}
    if len(stem) > 2:
        forms |= {stem + stem[-1] + "ED", stem + stem[-1] + "ING"}
    return {f + tail for f in forms}


@dataclass(frozen=True)
class Fix:
    """One correction of the dictionary (``data/events/petrarch_fixes.tsv``)."""

    action: str  # "bare": set a verb's own code ("-" removes it); "drop": remove the verb;
    # "pattern": recode a pattern ("BLOCK pattern"; code "drop" removes it)
    verb: str
    code: str
    line: int


def read_fixes(path: Path | resources.abc.Traversable) -> list[Fix]:
    out: list[Fix] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = [c.strip() for c in raw.split("\t")]
        if cols[0] == "action":
            continue
        if len(cols) < 4 or cols[0] not in ("bare", "drop", "pattern"):
            raise KnowledgeBaseError(
                "expected: bare|drop|pattern <TAB> verb <TAB> code <TAB> reason", source=f"{path}:{lineno}"
            )
        verb = cols[1] if cols[0] == "pattern" else cols[1].lower()
        out.append(Fix(cols[0], verb, cols[2], lineno))
    return out


def _apply_fixes(blocks: list[_Block], fixes: Iterable[Fix]) -> Counter[str]:
    done: Counter[str] = Counter()
    by_verb = {f.verb: f for f in fixes if f.action != "pattern"}
    by_pattern = {f.verb: f for f in fixes if f.action == "pattern"}
    used: set[str] = set()
    for block in blocks:
        pats = []
        for pat in block.patterns:
            key = f"{block.name} {pat.pattern}"
            pfix = by_pattern.get(key)
            if pfix is None:
                pats.append(pat)
                continue
            used.add(key)
            if pfix.code == "drop":
                done["patterns dropped by a fix"] += 1
            else:
                pat.code = pfix.code
                pats.append(pat)
                done["pattern codes fixed"] += 1
        block.patterns = pats
        kept = []
        for verb in block.verbs:
            fix = by_verb.get(verb.pattern)
            if fix is None:
                kept.append(verb)
            elif fix.action == "drop":
                done["verbs dropped by a fix"] += 1
            else:
                verb.code = fix.code
                kept.append(verb)
                done["bare codes fixed"] += 1
        block.verbs = kept
    known = {v.pattern for b in blocks for v in b.verbs}
    for fix in by_verb.values():
        if fix.action == "bare" and fix.verb not in known:
            done["fixes naming no verb of the dictionary"] += 1
            logger.debug("petrarch fix on line %d names no verb of the dictionary: %s", fix.line, fix.verb)
    for key, fix in by_pattern.items():
        if key not in used:
            done["fixes naming no pattern of the dictionary"] += 1
            logger.debug("petrarch fix on line %d names no pattern of the dictionary: %s", fix.line, key)
    return done


def convert(
    text: str, valid_codes: set[str], fixes: Iterable[Fix] = (), name: str = SOURCE_FILE
) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str, str]], Counter[str]]:
    """The verb rows (verb, block, code, origin) and pattern rows (block, pattern, code, verbs, origin)."""
    reader = _Reader(text, valid_codes, name)
    dropped = reader.dropped + _apply_fixes(reader.blocks, fixes)
    verbs: list[tuple[str, str, str, str]] = []
    patterns: list[tuple[str, str, str, str, str]] = []
    for block in reader.blocks:
        for verb in block.verbs:
            code = verb.code if verb.code is not None else block.code
            verbs.append((verb.pattern, block.name, code, f"L{verb.line}"))
        for pat in block.patterns:
            names = []
            for v in pat.verbs:
                hit = next(
                    (x.pattern for x in block.verbs if v in x.forms or v.replace("_", "") in x.forms), None
                )
                if hit is not None and hit not in names:
                    names.append(hit)
            # British and American spellings are one verb ("RECOGNISE" names "recognize" too)
            for x in block.verbs:
                if x.pattern not in names and any(_spelling(x.pattern) == _spelling(n) for n in names):
                    names.append(x.pattern)
            patterns.append((block.name, pat.pattern, pat.code, ",".join(names) or "-", f"L{pat.line}"))
    return verbs, patterns, dropped


def _spelling(verb: str) -> str:
    """One key for British and American spellings: "recognise"/"recognize", "honour"/"honor"."""
    return verb.replace("ise", "ize").replace("yse", "yze").replace("our", "or")


def _tsv(rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    for row in rows:
        yield "\t".join(row) + "\n"


_HEADER = (
    "# Converted by newsgraph.events.petrarch.build() from the PETRARCH2 CAMEO verb dictionary\n"
    f"# ({SOURCE}), MIT licence, Copyright (c) 2015 Open Event Data Alliance: see LICENSE.petrarch2.\n"
    "# Regenerate with `newsgraph kb build --petrarch DIR`; do not edit by hand (corrections go to\n"
    f"# {FIXES_FILE}). Pattern syntax: see newsgraph.events.lexicon.parse_pattern.\n"
)


def build(source_dir: Path, out_dir: Path) -> list[Path]:
    """Convert ``source_dir/CAMEO.2.0.txt``; write the verb, pattern and licence files to ``out_dir``.

    Returns the paths written. Raises ``KnowledgeBaseError`` naming the file when
    the dictionary is missing or malformed.
    """
    src = Path(source_dir) / SOURCE_FILE
    if not src.is_file():
        raise KnowledgeBaseError("the PETRARCH2 verb dictionary is missing", source=str(src))
    text = src.read_text(encoding="utf-8", errors="replace")
    base = resources.files("newsgraph").joinpath("data", "events")
    valid = set(parse_cameo(base.joinpath("cameo.tsv")))
    fixes = read_fixes(base.joinpath(FIXES_FILE))
    verbs, patterns, dropped = convert(text, valid, fixes, name=str(src))
    for reason, n in sorted(dropped.items()):
        logger.info("petrarch: %s: %d", reason, n)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vpath, ppath, lpath = out / VERBS_FILE, out / PATTERNS_FILE, out / LICENSE_FILE
    with vpath.open("w", encoding="utf-8") as fh:
        fh.write(_HEADER)
        fh.write(
            "# verb: a lemma, or a compound verb as a pattern; cameo: the verb on its own (- = no event)\n"
        )
        fh.writelines(_tsv([("verb", "block", "cameo", "origin"), *verbs]))
    with ppath.open("w", encoding="utf-8") as fh:
        fh.write(_HEADER)
        fh.write("# a pattern applies to every verb of its block; verbs: the verbs the source names for it\n")
        fh.writelines(_tsv([("block", "pattern", "cameo", "verbs", "origin"), *patterns]))
    licence = Path(source_dir) / "LICENSE"
    lic_text = licence.read_text(encoding="utf-8") if licence.is_file() else ""
    lpath.write_text(
        f"The files {VERBS_FILE} and {PATTERNS_FILE} are converted from {SOURCE}.\n"
        "That dictionary is distributed under the MIT licence; its header reads\n"
        '"Copyright (c) 2015 Open Event Data Alliance".\n\n' + (lic_text or _MIT),
        encoding="utf-8",
    )
    return [vpath, ppath, lpath]


_MIT = """The MIT License (MIT)

Copyright (c) 2015 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
