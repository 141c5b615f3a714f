"""The kind of each name, and the mentions of one referent (steps 1 and 3 of the entity stage).

* ``vote_kinds`` (end of step 1): every mention of one name gets the same kind,
  decided once by vote over all its mentions and spelling variants (knowledge base,
  spaCy labels, "in X" / "X region" context, "... County");
* ``cluster_names`` (step 3): name pieces of one referent are merged into one
  ``Cluster``: a person's surname or first name alone, names with or without middle
  initials and suffixes; an organisation's shorter name that keeps its head (``"the
  Minsk Group"`` for ``"OSCE Minsk Group"``, but ``"OSCE"`` stays apart) or its
  acronym; a country's other names (``"US"``, ``"the United States"``) and small
  misspellings.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz
from spacy.tokens import Doc

from newsgraph.document import span_text, tokens_of
from newsgraph.entities.common import (
    KIND_RANK,
    LABEL_KIND,
    NAME_SUFFIXES,
    TITLE_GLUE,
    Cluster,
    Piece,
    display_name,
)
from newsgraph.entities.lexicon import Gazetteer, Lexicon, norm, place_code

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


def vote_kinds(doc: Doc, pieces: list[Piece], gaz: Gazetteer, lex: Lexicon) -> None:
    """Give every mention of one name the same kind, decided over all its mentions."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    # "Olsen" in "the Olsen campaign" is often tagged ORG: a word that is the surname of a
    # full name tagged PERSON in the same article is that person
    toks = tokens_of(doc)
    surnames = {
        toks[p.end - 1].text.casefold()
        for p in pieces
        if (p.label == "PERSON" or p.kind == "person") and p.end - p.start >= 2
    }
    for p in pieces:
        key = norm(span_text(doc, p.start, p.end))
        if p.end - p.start == 1 and key in surnames:
            votes[key]["person"] += 2
        if p.kind is not None:
            votes[key][p.kind] += 3 if p.label in ("SPLIT", "LIST", "ROLE-PLURAL", "TOWN") else 1
        elif p.label in LABEL_KIND:
            votes[key][LABEL_KIND[p.label]] += 1
        before = toks[p.start - 1] if p.start > 0 else None
        before2 = toks[p.start - 2] if p.start > 1 else None
        after = toks[p.end] if p.end < len(toks) else None
        if toks[p.end - 1].text in lex.place_nouns and p.end - p.start >= 2:
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
        text = span_text(doc, p.start, p.end)
        key = norm(text)
        code = place_code(gaz, key) or place_code(gaz, canon.get(key, key))
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
            p.kind = max(pv.items(), key=lambda kv: (kv[1], KIND_RANK.get(kv[0], 0)))[0]
        if p.kind is None:
            p.kind = "organization"


def _person_words(doc: Doc, p: Piece, lex: Lexicon) -> list[str]:
    out = []
    for t in doc[p.start : p.end]:
        w = t.text.rstrip(".")
        if not w or t.is_punct or t.lower_ in NAME_SUFFIXES or w.lower() in NAME_SUFFIXES:
            continue
        if t.text in lex.honorifics or (t.text + ".") in lex.honorifics:
            continue
        if len(w) == 1:
            continue  # middle initial
        out.append(w.casefold())
    return out


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper() and w.lower() not in TITLE_GLUE)


def cluster_names(
    doc: Doc, pieces: list[Piece], lex: Lexicon, gaz: Gazetteer
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
    full_gender: dict[int, str] = {}  # person cluster -> the gender of the full name that made it
    for k in order:
        p = pieces[k]
        kind = p.kind or "organization"
        text = span_text(doc, p.start, p.end)
        if kind == "person":
            words = _person_words(doc, p, lex)
            key = (kind, " ".join(words) if len(words) != 3 else f"{words[0]} {words[-1]}")
        elif kind == "place":
            code = place_code(gaz, norm(text))
            key = (kind, f"@{code}" if code else norm(text))
        else:
            key = (kind, norm(text))
        ci = by_key.get(key)
        if ci is None and kind == "person":
            words = key[1].split()
            if len(words) == 1:
                cands = person_last.get(words[0], set()) or person_first.get(words[0], set())
                if len(cands) > 1 and p.gender is not None:
                    # "Mrs. Clinton" in an article naming Hillary and Bill Clinton: the one of her gender
                    cands = {c for c in cands if full_gender.get(c) == p.gender}
                if len(cands) == 1:
                    ci = next(iter(cands))
        elif ci is None and kind in ("organization", "group"):
            n = norm(text)
            cands = org_tails.get(n, set())
            if len(n.split()) >= 2 or (n not in lex.org_nouns and len(n) > 3):
                if len(cands) == 1:
                    ci = next(iter(cands))
            if ci is None and text.isupper() and 2 <= len(text) <= 8:
                cands = acronyms.get(text, set())
                if len(cands) == 1:
                    ci = next(iter(cands))
        elif ci is None and kind == "place":
            n = norm(text)
            for other, oc in place_names:
                if len(n) >= 5 and (other.endswith(" " + n) or other.endswith("-" + n)):
                    ci = oc
                    break
                if len(n) >= 8 and len(other) >= 8 and fuzz.ratio(n, other) >= 92:
                    ci = oc
                    break
        if ci is None:
            ci = len(clusters)
            clusters.append(Cluster(kind=kind, name=display_name(text)))
            if kind == "person":
                words = key[1].split()
                if len(words) >= 2:
                    person_last[words[-1]].add(ci)
                    person_first[words[0]].add(ci)
                    if p.gender is not None:
                        full_gender[ci] = p.gender
            elif kind in ("organization", "group"):
                toks = norm(text).split()
                for cut in range(1, len(toks)):
                    org_tails[" ".join(toks[cut:])].add(ci)
                raw = [t.text for t in doc[p.start : p.end]]
                acr = _acronym(raw)
                if len(acr) >= 2 and len(raw) >= 2:
                    acronyms[acr].add(ci)
            elif kind == "place":
                place_names.append((norm(text), ci))
        by_key.setdefault(key, ci)
        assign[k] = ci
    return clusters, assign
