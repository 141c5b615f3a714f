"""Flags: claims in one article that contradict each other or the knowledge base.

Two kinds:

``incompatible_offices``
    The same people are given two offices nobody holds at once (``data/office_conflicts.tsv``):
    four members of the House called "US Representatives" and later "US
    senators". Same people is established, in order, by (1) one entity (or a
    group and its members) carrying both office phrases as roles or mentions,
    (2) one name given both titles ("Sen. Smith" ... "Rep. Smith"), or (3) for
    plural groups coreference missed, two office phrases of the same country
    whose clauses share a predicate stem ("senators' congratulatory letter" /
    "Representatives congratulated"), which is what tells a reader they are the
    same people.
``office_not_held``
    A person called by a title (``President Barack Obama``) the knowledge base
    says they did not hold on the date of the sentence (its text date, else the
    publication date): either they held it at another time, or they are in the
    hand-written people file, it lists holders of that office, and never them.
    Office holders converted from the Phoenix dictionaries count with the
    offices their dictionary titles name ("PRESIDENT_ZARA_TESTOVA" names her
    dated GOV role), and only for dates up to the dictionary's (``as_of``,
    January 2014). Titles after "former", "ex-", "then-", "late", "future" ...
    are not claims about that date.

``find_flags`` takes the knowledge base as an argument (``kb=``) so tests can
pass a small one; by default it loads the bundled one (``newsgraph.kb``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol

from spacy.tokens import Token

from newsgraph.dates import extract_dates, text_date
from newsgraph.document import ParsedDocument, entity_spans
from newsgraph.errors import NewsgraphError
from newsgraph.records import DateRef, Entity, Flag, Quote, Span

logger = logging.getLogger(__name__)

__all__ = ["OfficeMention", "find_flags", "office_class", "office_mentions"]


class _KB(Protocol):
    """What ``find_flags`` needs of a knowledge base (``newsgraph.kb.KnowledgeBase`` has it)."""

    def people_named(self, name: str) -> list[Any]: ...

    def lookup(self, name: str, *, min_confidence: float = ..., fuzzy: bool = ...) -> Any: ...


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Offices:
    phrases: dict[str, tuple[str, str | None, bool, bool]]  # phrase -> (class, country, needs capital, plural)
    conflicts: dict[frozenset[str], str]
    pattern: re.Pattern[str]


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def _offices() -> _Offices:
    phrases: dict[str, tuple[str, str | None, bool, bool]] = {}
    for row in _rows("offices.tsv"):
        phrase, cls, country, case, number = (row + ["", "", "any", "s"])[:5]
        phrases[phrase.lower()] = (cls, country or None, case == "title", number == "p")
    conflicts = {frozenset((a, b)): reason for a, b, reason in (r[:3] for r in _rows("office_conflicts.tsv"))}
    alt = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") + (r"(?!\w)" if p.endswith(".") else r"\b")
        for p in sorted(phrases, key=len, reverse=True)
    )
    return _Offices(phrases, conflicts, re.compile(rf"(?<![\w-])(?:{alt})", re.IGNORECASE))


def office_class(text: str) -> str | None:
    """The office class of an office title ("U.S. Senator" -> ``upper_house``), or ``None``."""
    offices = _offices()
    for m in offices.pattern.finditer(text):
        return offices.phrases[re.sub(r"\s+", " ", m.group(0).lower())][0]
    return None


# --------------------------------------------------------------------------- office mentions


@dataclass(frozen=True, slots=True)
class OfficeMention:
    """An office noun in the text with its class, plurality and country qualifier.

    ``span`` covers the qualifier too ("US senators"); ``head`` is the noun itself.
    """

    span: Span
    head: Span
    office: str
    plural: bool
    country: str | None
    modifier: str | None = None  # "former", "then-" ... when present


_QUALIFIER = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,2})$")
_PAST_MODIFIERS = frozenset({"former", "ex", "then", "late", "onetime", "one-time", "future", "would-be",
                             "incoming", "candidate", "presumptive", "fictional", "acting"})
_GENERIC_PREDICATES = frozenset(
    "say tell add note state claim be have do make take give get go come write ask call urge describe "
    "accuse want need know think believe see remind send hold also include".split()
)


def _modifier(before: str) -> str | None:
    """A word like "former" among the last six words before an office, within its phrase.

    The window spans qualifiers and coordination: "former Florida governor",
    "former Ohio governor and senator" (both offices are past).
    """
    phrase = re.split(r"[,.;:()\"“”!?\n]", before)[-1]
    words: list[str] = re.findall(r"[a-z]+(?:-[a-z]+)?", phrase.lower())[-6:]
    for w in words:
        parts: list[str] = [w, *w.split("-")]
        for part in parts:
            if part in _PAST_MODIFIERS:
                return part
    return None


def _country_of(words: str, kb: _KB | None) -> str | None:
    if kb is None:
        return None
    for cand in (words, words.split()[-1] if words.split() else ""):
        cand = cand.strip()
        if not cand:
            continue
        try:
            match = kb.lookup(cand, fuzzy=False)
        except Exception:  # a user KB we cannot query should not stop the analysis
            logger.debug("knowledge-base lookup failed for %r", cand, exc_info=True)
            return None
        if match is not None and getattr(match, "country", None) and getattr(match, "kind", "") in (
            "country", "demonym", "disputed", "territory"
        ):
            return str(match.country)
    return None


def office_mentions(text: str, kb: _KB | None = None) -> list[OfficeMention]:
    """Every office noun of ``text`` (see ``data/offices.tsv``), in text order."""
    offices = _offices()
    out: list[OfficeMention] = []
    for m in offices.pattern.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group(0).lower())
        cls, implied, title, plural = offices.phrases[phrase]
        if title and not m.group(0)[0].isupper():
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if re.search(r"\bHouse\s+of\s+$|\bSecretary\s+of\s+$", before) or re.match(r"\s+of\s+(?:the\s+)?(?:[A-Z]\w+\s+)*(?:company|firm|club|university|college|board|association|corporation|bank|council|foundation)\b", text[m.end():m.end() + 80]):
            continue  # "the House of Representatives" (the chamber), "president of the company"
        if phrase in ("president", "vice president", "vice-president") and re.match(r"\s*(?:of|for)\s+(?:[a-z]|the\s+[a-z])", text[m.end() : m.end() + 20]):
            continue  # "president of sales", "vice president for marketing"
        start = m.start()
        country = implied
        q = _QUALIFIER.search(before)
        if q:
            words = q.group(1).strip()
            found = _country_of(words, kb)
            if found:
                country = found
                start = m.start() - len(q.group(1))
                # keep only the qualifier words, not a sentence-initial word before them
                while start < m.start() and text[start].isspace():
                    start += 1
        modifier = _modifier(before)
        if text[m.end() : m.end() + 6].lower() == "-elect":
            modifier = "elect"
        out.append(
            OfficeMention(
                span=Span.of(text, start, m.end()),
                head=Span.of(text, m.start(), m.end()),
                office=cls,
                plural=plural,
                country=country,
                modifier=modifier,
            )
        )
    return out


def _compatible(a: OfficeMention, b: OfficeMention) -> str | None:
    """The reason ``a`` and ``b`` cannot describe the same people, or ``None``."""
    if a.modifier or b.modifier:
        return None
    if a.country and b.country and a.country != b.country:
        return None
    return _offices().conflicts.get(frozenset((a.office, b.office)))


# --------------------------------------------------------------------------- incompatible offices


def _in_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(s.overlaps(span) for s in spans)


_TITLE_DEPS = frozenset({"compound", "amod", "flat", "appos", "conj", "nmod", "prep", "pobj"})


def _heads_role(parsed: ParsedDocument, om: OfficeMention, role: Span) -> bool:
    """Whether the office noun is the head of the role phrase, not nested in it.

    A role such as "a pilot who joined the cabinet after the president
    phoned her" contains "president" but does not say the person is one.
    """
    sp = parsed.doc.char_span(role.start, role.end, alignment_mode="expand")
    head = parsed.doc.char_span(om.head.start, om.head.end, alignment_mode="expand")
    if sp is None or head is None or len(sp) == 0:
        return False
    root = sp.root
    for tok in head:
        for _ in range(4):
            if tok.i == root.i:
                return True
            if tok.dep_ not in _TITLE_DEPS or tok.head is tok or not (sp.start <= tok.head.i < sp.end):
                break
            if tok.dep_ in ("prep", "pobj") and tok.head.i not in {t.i for t in head}:
                break  # "Secretary of State" is one title; "analyst at the request of" is not
            tok = tok.head
    return False


def _from_entities(
    parsed: ParsedDocument, mentions: Sequence[OfficeMention], entities: Sequence[Entity]
) -> Iterator[tuple[OfficeMention, OfficeMention, list[str]]]:
    by_id = {e.id: e for e in entities}
    for e in entities:
        # Titles attached to the entity's names (roles), and plural office
        # nouns coreference put in a group. A singular "the president" linked
        # by coreference is not trusted: on 200 PolNeAR train articles such
        # links gave 2 false flags (Biden / "the president").
        own = list(e.roles)
        ids = [e.id, *e.members]
        for member in e.members:
            m_ent = by_id.get(member)
            if m_ent is not None:
                own.extend(m_ent.roles)
        plural_mentions = [m.span for m in e.mentions if m.kind != "pronoun"]
        mine = [
            om for om in mentions
            if any(r.contains(om.head) and _heads_role(parsed, om, r) for r in own)
            or (om.plural and _in_any(om.head, plural_mentions))
        ]
        for i, a in enumerate(mine):
            for b in mine[i + 1 :]:
                if _compatible(a, b):
                    yield a, b, ids


def _name_key(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in ("jr", "sr", "ii", "iii")]
    return words[-1].lower() if words else ""


def _from_titles(
    parsed: ParsedDocument, mentions: Sequence[OfficeMention], persons: Sequence[tuple[int, int]]
) -> Iterator[tuple[OfficeMention, OfficeMention, str]]:
    """One surname given two conflicting titles ("Sen. Smith" ... "Rep. Smith")."""
    titled: dict[str, list[OfficeMention]] = {}
    for om in mentions:
        if om.plural:
            continue
        person = _person_after(parsed, om, persons)
        if person is not None:
            titled.setdefault(_name_key(person.text), []).append(om)
    for key, oms in titled.items():
        for i, a in enumerate(oms):
            for b in oms[i + 1 :]:
                if key and _compatible(a, b):
                    yield a, b, key


def _stems(tok: Token) -> set[str]:
    """Content words of the predicate an office phrase takes part in (its verb, or what it possesses)."""
    out: set[str] = set()
    for _ in range(4):  # a title before names: "Representatives Ann Long and Bob Short congratulated"
        if tok.dep_ not in ("compound", "appos", "flat") or tok.head is tok:
            break
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        out.add(head.lemma_.lower())
        for obj in head.children:
            if obj.dep_ in ("dobj", "attr"):
                out.add(obj.lemma_.lower())
                out.update(c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound"))
    elif tok.dep_ == "poss":
        out.add(head.lemma_.lower())
        out.update(c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound"))
        if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            out.add(head.head.lemma_.lower())
    elif tok.dep_ == "pobj" and head.dep_ == "agent":
        out.add(head.head.lemma_.lower())
    return {w for w in out if w.isalpha() and len(w) >= 4 and w not in _GENERIC_PREDICATES}


def _share_stem(a: set[str], b: set[str]) -> str | None:
    for x in a:
        for y in b:
            n = 0
            for cx, cy in zip(x, y, strict=False):
                if cx != cy:
                    break
                n += 1
            # "congratulatory" / "congratulated": a shared stem of 6+ letters
            # covering most of the shorter word
            if n >= 6 and n >= 0.75 * min(len(x), len(y)) or (x == y and len(x) >= 5):
                return x[:n]
    return None


def _token(parsed: ParsedDocument, span: Span) -> Token | None:
    sp = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    return None if sp is None or len(sp) == 0 else sp[-1]


def _from_predicates(parsed: ParsedDocument, mentions: Sequence[OfficeMention]) -> Iterator[tuple[OfficeMention, OfficeMention, str]]:
    groups = [om for om in mentions if om.plural]
    stems = {}
    for om in groups:
        tok = _token(parsed, om.head)
        stems[om] = _stems(tok) if tok is not None else set()
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            if not _compatible(a, b):
                continue
            shared = _share_stem(stems[a], stems[b])
            if shared:
                yield a, b, shared


def _members_of(parsed: ParsedDocument, om: OfficeMention, entities: Sequence[Entity]) -> list[str]:
    """Person entities named in the office phrase's own noun phrase ("US Representatives ... - A, B and C")."""
    tok = _token(parsed, om.head)
    if tok is None:
        return []
    sub = list(tok.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    sent = tok.sent
    # a list after a dash or colon is often parsed outside the noun phrase
    tail = re.match(r"[^.;]*?[-–—:]\s*", parsed.text[hi : sent.end_char])
    if tail:
        hi = sent.end_char
        verb = next((t for t in sent if t.dep_ == "ROOT"), None)
        if verb is not None and verb.idx > lo:
            hi = verb.idx
    out = []
    for e in entities:
        if e.kind != "person":
            continue
        if any(lo <= m.start and m.end <= hi for m in e.mentions):
            out.append(e.id)
    return out


def _incompatible(
    parsed: ParsedDocument,
    mentions: Sequence[OfficeMention],
    entities: Sequence[Entity],
    persons: Sequence[tuple[int, int]],
) -> list[tuple[str, tuple[Span, ...], tuple[str, ...]]]:
    found: list[tuple[str, tuple[Span, ...], tuple[str, ...]]] = []
    seen: set[frozenset[str]] = set()  # one flag per pair of office classes and country

    def add(a: OfficeMention, b: OfficeMention, reason: str, ids: Iterable[str]) -> None:
        key = frozenset((a.office, b.office, a.country or b.country or ""))
        if key in seen:
            return
        seen.add(key)
        first, second = sorted((a, b), key=lambda om: om.span.start)
        # the later mentions of the same two offices, same country, are the same claim
        more = [
            om.span for om in mentions
            if om not in (a, b) and om.office in (a.office, b.office) and om.plural == first.plural
            and (om.country or first.country) == (first.country or om.country) and not om.modifier
        ]
        spans = tuple(sorted({first.span, second.span, *more}, key=lambda s: s.start))
        people = [*ids, *_members_of(parsed, a, entities), *_members_of(parsed, b, entities)]
        found.append((reason, spans, tuple(dict.fromkeys(people))))

    for a, b, ids in _from_entities(parsed, mentions, entities):
        add(a, b, f"{a.span.text!r} and {b.span.text!r} describe the same people: {_compatible(a, b)}", ids)
    for a, b, name in _from_titles(parsed, mentions, persons):
        ids = [e.id for e in entities if e.kind == "person" and any(_name_key(m.text) == name for m in e.mentions)]
        add(a, b, f"{name.title()} is called both {a.span.text!r} and {b.span.text!r}: {_compatible(a, b)}", ids)
    for a, b, stem in _from_predicates(parsed, mentions):
        ids = [e.id for e in entities if any(_in_any(om.head, [*e.roles, *(m.span for m in e.mentions)]) for om in (a, b))]
        add(
            a, b,
            f"{a.span.text!r} and {b.span.text!r} are said to do the same thing ({stem}-): "
            f"the same people, but {_compatible(a, b)}",
            ids,
        )
    return found


# --------------------------------------------------------------------------- office not held


def _persons(parsed: ParsedDocument) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the spaCy PERSON entities, computed once per call of ``find_flags``.

    (``doc.ents`` rebuilds its spans on every access: 75% of the stage's time before.)
    """
    return tuple((e.start_char, e.end_char) for e in entity_spans(parsed.doc) if e.label_ == "PERSON")


def _person_after(parsed: ParsedDocument, om: OfficeMention, persons: Sequence[tuple[int, int]]) -> Span | None:
    """The person name right after a singular title ("President Barack Obama")."""
    tail = parsed.text[om.head.end : om.head.end + 3]
    gap = len(tail) - len(tail.lstrip(" "))
    if gap > 1:
        return None
    start = om.head.end + gap
    for s, e in persons:
        if s == start:
            return parsed.span(s, e)
    # spaCy often folds the title into the name ("President Barack Obama" as one PERSON)
    for s, e in persons:
        if s <= om.head.start and e > start:
            return parsed.span(start, e)
    return None


def _not_held(
    parsed: ParsedDocument,
    mentions: Sequence[OfficeMention],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    dates: Callable[[], Sequence[DateRef]],
    kb: _KB,
    persons: Sequence[tuple[int, int]],
) -> list[tuple[str, tuple[Span, ...], tuple[str, ...]]]:
    found: list[tuple[str, tuple[Span, ...], tuple[str, ...]]] = []
    for om in mentions:
        if om.plural or om.modifier:
            continue
        name = _person_after(parsed, om, persons)
        if name is None or len(name.text.split()) < 2:
            continue  # a surname alone matches too many people
        on = _claim_date(parsed, om, name, quotes, dates)
        if on is None:
            continue
        try:
            people = kb.people_named(name.text)
        except Exception:
            logger.debug("people_named failed for %r", name.text, exc_info=True)
            continue
        if len(people) != 1:
            continue  # unknown, or several people of that name: no claim
        person = people[0]
        as_of = getattr(person, "as_of", None)
        if as_of is not None and on > as_of:
            continue  # the source lists this person's offices only up to as_of (Phoenix: January 2014)
        same = [r for r in person.roles if office_class(r.office) == om.office and (not om.country or not r.country or r.country == om.country)]
        if any(r.held_on(on) for r in same):
            continue
        if same:
            periods = "; ".join(
                f"{r.start.isoformat() if r.start else '?'} to {r.end.isoformat() if r.end else 'now'}" for r in same
            )
            reason = f"{person.name} is called {om.head.text!r} on {on.isoformat()}, but held that office {periods} (knowledge base)"
        elif person.roles and as_of is None and _kb_covers(kb, om.office):
            # only for people of the hand-written file: the dictionaries' lists of a person's
            # offices are incomplete (legislative careers are often missing), so an office they do
            # not list says nothing
            held = ", ".join(sorted({r.office for r in person.roles}))
            reason = f"{person.name} is called {om.head.text!r}, an office the knowledge base never lists for them (it lists: {held})"
        else:
            continue
        ids = tuple(e.id for e in entities if any(m.span.overlaps(name) for m in e.mentions))
        found.append((reason, (om.span, name) if not om.span.overlaps(name) else (om.span,), ids))
    return found


def _claim_date(
    parsed: ParsedDocument,
    om: OfficeMention,
    name: Span,
    quotes: Sequence[Quote],
    dates: Callable[[], Sequence[DateRef]],
) -> date | None:
    """The day a title is claimed for, or ``None`` when the article does not pin it down.

    News style gives people the title they held at the time of the event told
    ("opposed President Carter's grain embargo"), so a title is only
    checked against a day the sentence states (a date attached to its clause)
    or, for a person quoted in the article, the day of the quote. On PolNeAR
    dev, checking every title against the publication date gave 2 flags, both
    such historical references.
    """
    ref = text_date(parsed, _clause_verb(parsed, om.head), dates())
    if ref is not None and ref.anchored and re.match(r"\d{4}-\d{2}-\d{2}", ref.value):
        return date.fromisoformat(ref.value[:10])
    for q in quotes:
        mention = q.speaker.mention
        if mention is None or not (mention.overlaps(name) or mention.overlaps(om.head)):
            continue
        if q.date is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", q.date.value[:10]):
            return date.fromisoformat(q.date.value[:10])
        if parsed.published is not None:
            return parsed.published
    return None


def _clause_verb(parsed: ParsedDocument, span: Span) -> Span:
    """The verb of the clause ``span`` is in (the title's claim is dated by that clause)."""
    tok = _token(parsed, span)
    for _ in range(8):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return span
    return parsed.span(tok.idx, tok.idx + len(tok))


def _kb_covers(kb: _KB, office: str) -> bool:
    """Whether the knowledge base's hand-written people file lists holders of ``office`` at all."""
    people = getattr(kb, "hand_people", None)
    if people is None:
        people = getattr(kb, "people", None)
    if not people:
        return False
    return any(office_class(r.office) == office for p in people for r in p.roles)


# --------------------------------------------------------------------------- the stage


def _default_kb(parsed: ParsedDocument) -> _KB | None:
    try:
        from newsgraph.kb import load_kb
    except ImportError:  # pragma: no cover - the knowledge base ships with the package
        return None
    try:
        return load_kb(parsed.settings.kb_dir)
    except NewsgraphError as exc:
        logger.warning("knowledge base unavailable, office flags limited: %s", exc)
        return None


_NO_KB = object()


def find_flags(
    parsed: ParsedDocument,
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    *,
    dates: Sequence[DateRef] | None = None,
    kb: _KB | None | object = _NO_KB,
) -> list[Flag]:
    """Contradictions within the article and with the knowledge base, ids ``X1``, ``X2`` ...

    ``kb=None`` disables knowledge-base checks; by default the bundled
    knowledge base is used. ``dates`` defaults to ``extract_dates(parsed)``.
    """
    base: _KB | None = _default_kb(parsed) if kb is _NO_KB else kb  # type: ignore[assignment]
    mentions = office_mentions(parsed.text, base)
    if not mentions:
        return []
    persons = _persons(parsed)
    raw = [("incompatible_offices", *row) for row in _incompatible(parsed, mentions, entities, persons)]
    if base is not None:
        cache: list[Sequence[DateRef]] = []

        def refs() -> Sequence[DateRef]:  # dated only when a titled name needs it
            if not cache:
                cache.append(extract_dates(parsed) if dates is None else dates)
            return cache[0]

        raw += [("office_not_held", *row) for row in _not_held(parsed, mentions, entities, quotes, refs, base, persons)]
    return [
        Flag(id=f"X{i}", kind=kind, reason=reason, spans=spans, entities=ids)
        for i, (kind, reason, spans, ids) in enumerate(raw, 1)
    ]
