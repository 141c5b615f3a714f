"""Span conventions: the cue's verb group and the full source phrase, as PolNeAR marks them.

Runs after the attribution steps, on every relation, and changes no attribution:

* ``cue_group``: the cue verb with its entourage ("verb group" in PolNeAR's guidelines):
  the auxiliaries, modals, negation and adverbs right before it ("did not announce", "has
  also said"), a particle and a preposition that links it to its content right after it
  ("pointed out", "warned of", "called for"), "in a statement" / "in an interview", and a
  colon that introduces the content ("said:"). One contiguous span, never across a quote, a
  line break or the content.
* the source phrase is ``sources.source_phrase``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.document import tokens_of
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.cue_model import Candidate, accepts, forward_cue
from newsgraph.quotes.cues import aspectual_verbs

#: dependents before a cue verb that belong to its verb group
_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
#: prepositions that link a cue to its content ("warned of", "called for", "referring to")
_LINK_PREPS = frozenset(
    {"of", "for", "about", "to", "on", "against", "with", "at", "over", "from", "in", "into", "toward", "towards", "behind"}
)
#: "said in a statement", "wrote in an email": the medium belongs to the cue
_MEDIUM = frozenset(
    {
        "statement", "interview", "email", "e-mail", "letter", "post", "tweet", "speech", "release", "note",
        "memo", "phone", "video", "op-ed", "editorial", "column", "essay", "message", "conversation",
    }
)


#: "wrote on Facebook", "posted on Twitter": a platform is a medium after "on" (train a: 6 of 6)
_PLATFORMS = frozenset({"facebook", "twitter", "instagram", "youtube"})
#: prepositions of the medium: "in a statement", "during an interview", "over the phone", "on Facebook"
_MEDIUM_PREPS = frozenset({"in", "during", "over", "on"})


def _blocked(ctx: _Ctx, k: int, content: list[tuple[int, int]]) -> bool:
    """Token ``k`` may not join a cue or source: quoted, inside the content, or a space."""
    tok = ctx.doc[k]
    if tok.is_space or ctx.quoted[k] >= 0:
        return True
    return any(a <= tok.idx < b for a, b in content)


def _verb_group_start(ctx: _Ctx, gov: Token, content: list[tuple[int, int]]) -> int:
    """Where the verb group of ``gov`` starts: its auxiliaries, negation and adverbs just before it
    ("has not been", "had"), stopping at a token that may not join a cue or at a line break."""
    doc = ctx.doc
    lo = gov.i
    j = gov.i - 1
    while j >= 0 and not _blocked(ctx, j, content) and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if t.head.i != gov.i or t.dep_ not in _LEFT_DEPS or t.is_punct or t.tag_ == "WRB":
            break
        lo = j
        j -= 1
    return lo


def cue_group(ctx: _Ctx, cue: tuple[int, int], content: list[tuple[int, int]]) -> tuple[int, int]:
    """The verb group of the cue at ``cue`` (unchanged when the cue is no verb)."""
    doc = ctx.doc
    k = ctx.tok_at(cue[0])
    if k >= len(doc):
        return cue
    verb = doc[k]
    if verb.idx + len(verb.text) != cue[1]:
        return cue
    if verb.pos_ == "NOUN":
        return _noun_group(ctx, verb, content)
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return cue
    lo = hi = verb.i
    if (verb.pos_ == "ADJ" or verb.tag_ == "VBN") and verb.dep_ == "acomp" and verb.head.i < verb.i:
        # "is not sure that", "was reluctant to": the copula's group and the adjective's adverbs
        # (an adjective without its copula keeps its own adverbs and linking preposition:
        # "deeply skeptical about", "acutely aware of")
        cop = verb.head
        j = verb.i - 1
        while j >= 0 and not _blocked(ctx, j, content) and (
            (doc[j].head.i == verb.i and doc[j].dep_ in ("advmod", "neg", "npadvmod"))
            or doc[j].i == cop.i
            or (doc[j].head.i == cop.i and doc[j].dep_ in _LEFT_DEPS)
        ):
            lo = j
            j -= 1
    # left: "did not", "has also", "could not bring himself to" is too far (not a dependent)
    j = verb.i - 1
    while j >= 0 and not _blocked(ctx, j, content) and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if t.head.i == verb.i and t.dep_ in _LEFT_DEPS and not t.is_punct and t.tag_ != "WRB" and t.pos_ != "PROPN":
            lo = min(lo, j)
            j -= 1
            continue
        break
    if doc[lo].lower_ == "to" and doc[lo].dep_ == "aux":
        # an infinitive cue: "was reluctant to sign", "went on to say", "had to explain" take
        # the words that govern it; otherwise the "to" alone is no part of the cue
        lo = _governing_group(ctx, verb, lo, content)
    elif lo == verb.i and verb.tag_ == "VBG":
        # "started publishing", "put off deciding": the verb a gerund complements joins the cue
        lo = _governing_group(ctx, verb, lo, content)
    # right: particle, linking preposition, "in a statement", colon
    j = verb.i + 1
    while j < len(doc) and not _blocked(ctx, j, content) and "\n" not in doc[j - 1].text_with_ws:
        t = doc[j]
        if t.head.i == verb.i and t.dep_ in ("prt", "neg"):
            hi = j
            j += 1
            continue
        if t.head.i == verb.i:
            end = _adverb_run(ctx, verb, j, content)
            if end is not None:
                hi = end
                j = end + 1
                continue
        if t.head.i == verb.i and t.dep_ == "prep" and t.lower_ in _LINK_PREPS and _links_content(t, content):
            hi = j
            j += 1
            continue
        if t.head.i == verb.i and t.dep_ == "prep" and t.lower_ in _MEDIUM_PREPS:
            end = _medium_end(doc, t)
            if end is not None:
                hi = j = end
                j += 1
                continue
        if t.text == ":":
            hi = j
        break
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)




def _adverb_run(ctx: _Ctx, verb: Token, j: int, content: list[tuple[int, int]]) -> int | None:
    """Last token of a run of the verb's adverbs starting at ``j`` that ends where the content
    starts, at a colon before it, or at a particle or linking preposition ("noted repeatedly
    that", "added warily:", "spoke passionately about"); None when the run does not reach them.
    Not a time ("said Wednesday that": the gold includes it as often as not) nor a medium."""
    doc = ctx.doc
    k = j
    last = None
    while k < len(doc) and k - j < 12:
        t = doc[k]
        if any(a == t.idx for a, _ in content):
            return last
        if last is not None and t.text == ":" and k + 1 < len(doc) and any(a == doc[k + 1].idx for a, _ in content):
            return k
        if last is not None and t.head.i == verb.i and (
            t.dep_ in ("prt", "neg") or (t.dep_ == "prep" and t.lower_ in _LINK_PREPS and _links_content(t, content))
        ):
            return last
        if _blocked(ctx, k, content) or t.head.i != verb.i or "\n" in t.text_with_ws:
            return None
        if t.dep_ != "advmod" or t.tag_ not in ("RB", "RBR") or t.right_edge.i != t.i:
            return None
        last = k
        k += 1
    return None



def _governing_group(ctx: _Ctx, verb: Token, lo: int, content: list[tuple[int, int]]) -> int:
    """Start of the cue of an infinitive ``verb`` whose "to" is at ``lo``: the verb group of the
    word it complements when that ends right before the "to", else the word after the "to". Also
    for an infinitive the parser hangs as a purpose ("went on to explain": advcl), or a gerund
    ("kept insisting", ``lo`` the gerund itself)."""
    doc = ctx.doc
    gov = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or gov.i == verb.i or gov.i >= lo or lo - gov.i > 2:
        return lo
    between = [doc[k] for k in range(gov.i + 1, lo)]
    if any(t.head.i != gov.i or t.dep_ not in ("prt", "neg", "advmod") for t in between):
        return lo
    start = gov.i
    anchor = gov.head if gov.dep_ == "acomp" and gov.head.i < gov.i else gov
    j = start - 1
    while j >= 0 and not _blocked(ctx, j, content) and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if (t.head.i in (gov.i, anchor.i) and t.dep_ in _LEFT_DEPS and not t.is_punct) or t.i == anchor.i:
            start = j
            j -= 1
            continue
        break
    return start


#: a noun cue's words before it that belong to the cue (the guidelines' "include determiners,
#: quantifiers and adjectives"): "a passing promise", "no apologies", "new questions"
_NOUN_LEFT_DEPS = frozenset({"det", "amod", "nummod", "neg"})



def _noun_group(ctx: _Ctx, noun: Token, content: list[tuple[int, int]]) -> tuple[int, int]:
    """A noun cue with its determiner and adjectives and the preposition that links it to its
    content: "growing concern about", "a passing promise", "her embrace of" (the possessor is
    the source, not the cue)."""
    doc = ctx.doc
    lo = hi = noun.i
    j = noun.i - 1
    while j >= 0 and not _blocked(ctx, j, content) and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if t.head.i == noun.i and t.dep_ in _NOUN_LEFT_DEPS and not t.is_punct:
            lo = j
            j -= 1
            continue
        break
    gov = noun.head
    if noun.dep_ == "dobj" and gov.i == lo - 1 and gov.pos_ in ("VERB", "AUX") and not _blocked(ctx, gov.i, content):
        # "had harsh words for", "raising fresh questions about": the verb whose object the
        # noun cue is joins it, with its auxiliaries and negation
        lo = _verb_group_start(ctx, gov, content)
    elif noun.dep_ == "attr" and gov.lemma_ == "be" and gov.i < lo and _predicated_of_subject(noun, gov):
        # "has been a pointed critic of", "is not a supporter of": the copula's group joins a noun
        # cue predicated of its subject (the source)
        between = range(gov.i + 1, lo)
        if all(doc[k].head.i == gov.i and doc[k].dep_ in _LEFT_DEPS and not _blocked(ctx, k, content) for k in between):
            lo = _verb_group_start(ctx, gov, content)
    j = noun.i + 1
    if j < len(doc) and not _blocked(ctx, j, content):
        t = doc[j]
        # "of" too when its object is the content ("endorsements of [Clinton]", "criticism of
        # [Trump]": train a 15 of 16)
        if t.head.i == noun.i and t.dep_ == "prep" and t.lower_ in _LINK_PREPS and _links_content(t, content):
            hi = j
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _predicated_of_subject(noun: Token, cop: Token) -> bool:
    """``noun`` names what the copula's subject is ("Adler is a critic of"), not a statement of
    someone else ("It was her suggestion", "There is concern")."""
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    subj = next((c for c in cop.children if c.dep_ in ("nsubj", "expl")), None)
    return subj is not None and subj.dep_ == "nsubj" and subj.lower_ not in ("it", "there", "this", "that")


def _links_content(prep: Token, content: list[tuple[int, int]]) -> bool:
    """The preposition's object starts a content span ("warned of a crisis")."""
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return False
    start = obj.left_edge.idx
    return any(a == start for a, _ in content)


def _medium_end(doc: Doc, prep: Token) -> int | None:
    """Last token of "in a statement" / "in an interview with X" is too long: only a bare one."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in (_PLATFORMS if prep.lower_ == "on" else _MEDIUM):
        return None
    if obj.right_edge.i != obj.i or obj.i - prep.i > 3:
        return None
    return obj.i


#: a cue verb's dependents after its object that belong to what is attributed: "praised the
#: board for its patience", "described the plan as a disgrace", "called the plan a disgrace",
#: "put his wealth at $6 billion" (any preposition but a time or a medium: "on Tuesday", "in a
#: statement")
_OBJECT_TAIL_DEPS = frozenset({"oprd", "xcomp", "ccomp"})
#: prepositions of the time or the setting of the act, not of what is attributed ("sued the
#: board after the vote", "thanked supporters during the rally")
_SETTING_PREPS = frozenset({"after", "before", "during", "until", "across", "through", "throughout", "amid"})


def object_tail(ctx: _Ctx, cue_tok: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content that is the object of its cue verb reaches over the verb's dependents right
    after the object that complete what is attributed (a reason, a description, a predicate):
    'criticized the board for its delay' -> 'the board for its delay'. Not over a comma, a
    line break, a quotation mark or an adjunct ("in a statement", "on Tuesday")."""
    doc = ctx.doc
    if len(content) != 1 or not 0 <= cue_tok < len(doc):
        return content
    verb = doc[cue_tok]
    a, b = content[0]
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.idx != a:
        # the object of a linking preposition: 'referred to Rubio as a “bright leader”'
        obj = next(
            (
                g
                for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i
                for g in c.children
                if g.dep_ == "pobj" and g.left_edge.idx == a
            ),
            None,
        )
        if obj is None:
            return content
    end = obj.right_edge.i
    if doc[end].idx + len(doc[end].text) != b:
        return content
    for c in verb.children:
        if c.i <= obj.i:
            continue
        if c.left_edge.i != end + 1:
            break
        ok = c.dep_ in _OBJECT_TAIL_DEPS or (
            c.dep_ == "prep"
            and c.lower_ not in _SETTING_PREPS
            and not any(
                g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in _MEDIUM)
                for g in c.children
            )
        )
        toks = range(c.left_edge.i, c.right_edge.i + 1)
        if not ok or any("\n" in doc[k].text_with_ws for k in range(end, c.right_edge.i)):
            break
        if any(doc[k].text == "," and ctx.quoted[k] < 0 for k in toks):
            break
        end = c.right_edge.i
    while end > obj.i and (doc[end].is_punct and ctx.quoted[end] < 0 or doc[end].is_space):
        end -= 1
    return [(a, max(b, doc[end].idx + len(doc[end].text)))]


def object_noun_cue(
    ctx: _Ctx, cue_tok: int, content: list[tuple[int, int]]
) -> tuple[int, list[tuple[int, int]]] | None:
    """A cue verb whose object is itself a cue noun linked to what is attributed ("expressed
    concern about the pier", "raised new questions about the fares", "voiced support for
    the plan"): PolNeAR's cue runs from the verb to the preposition, the content is the
    preposition's object (the guidelines' "He raised the concern that ...": the cue takes the
    act of expression and the noun). Whether the noun is a cue word, the trained cue classifier
    says, as it would for the noun alone. Returns the end of the cue and the new content, or
    ``None`` when the relation is no such case."""
    doc = ctx.doc
    if len(content) != 1 or not 0 <= cue_tok < len(doc):
        return None
    verb = doc[cue_tok]
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ != "NOUN" or obj.left_edge.idx != content[0][0]:
        return None
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.i > obj.i), None)
    if prep is None or prep.lower_ not in _LINK_PREPS or prep.i - obj.i > 1:
        return None
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or any(_blocked(ctx, k, []) or doc[k].is_punct for k in range(verb.i, prep.i + 1)):
        return None
    if not accepts(Candidate(obj, "p", prep), ctx.lex):
        return None
    lo, hi = pobj.left_edge.i, pobj.right_edge.i
    while hi > lo and (doc[hi].is_punct and ctx.quoted[hi] < 0 or doc[hi].is_space):
        hi -= 1
    return prep.idx + len(prep.text), [(doc[lo].idx, doc[hi].idx + len(doc[hi].text))]


def infinitive_cue(
    ctx: _Ctx, cue_tok: int, content: list[tuple[int, int]]
) -> tuple[int, list[tuple[int, int]]] | None:
    """A cue whose content is an infinitive that is itself a cue with a complement of its own
    ("declined to comment on the deal", "seemed to imply that ...", "was quick to point out
    that ..."): PolNeAR's cue runs over "to" and the inner verb's group (the guidelines' "is
    attempting to highlight that ..."), the content is the inner verb's complement. Whether
    the inner verb is a cue, the trained cue classifier says, as it would for the verb alone;
    an infinitive of an act ("refused to give up the seat") stays the content, unless the verb
    before it is aspectual or conative (``data/aspectual_verbs.tsv``: "continued to block his
    efforts", "tried to rally world leaders": an action, not an attribution). Returns the end
    of the cue and the new content, or ``None``."""
    doc = ctx.doc
    if len(content) != 1 or not 0 <= cue_tok < len(doc):
        return None
    verb = doc[cue_tok]
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    a, b = content[0]
    inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.left_edge.idx == a), None)
    if inner is None or inner.pos_ != "VERB" or doc[inner.left_edge.i].lower_ != "to" or inner.i != inner.left_edge.i + 1:
        return None
    cand = forward_cue(inner, ctx.lex, any_word=verb.lemma_.lower() in aspectual_verbs())
    if cand is None:
        return None
    first = cand.comp
    if cand.kind == "p":
        obj = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        first = obj
    start = first.left_edge
    if start.i <= inner.i or any(doc[k].is_punct or _blocked(ctx, k, []) for k in range(inner.i, start.i)):
        return None
    new = [(start.idx, b)]
    end = cue_group(ctx, (inner.idx, inner.idx + len(inner.text)), new)[1]
    if end > start.idx:
        return None
    return end, new


#: what a comma sets off after an indirect content: a relative clause ("..., which ..."), a
#: participle modifying a noun ("..., captured in 1967"); not an adverbial clause ("...,
#: leaving workers ...", "..., so that ...": PolNeAR keeps those more often than not, train
#: a), nor an apposition ("... the board's chair, Ruth Adler": kept more often than not, train a)
_ASIDE_DEPS = frozenset({"relcl", "acl"})


def trailing_aside(ctx: _Ctx, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An indirect content ends before a comma that sets off an aside running to its end: the
    writer's addition more often than the source's words (PolNeAR's guidelines: "be
    conservative, only include what is clearly attributed"). Not inside a quotation, nor when
    the aside quotes."""
    doc = ctx.doc
    if not content:
        return content
    a, b = content[-1]
    lo, hi = ctx.tok_at(a), ctx.tok_at(b) - 1
    if not 0 <= lo < hi < len(doc):
        return content
    for k in range(lo + 1, hi):
        if doc[k].text != "," or ctx.quoted[k] >= 0:
            continue
        nxt = doc[k + 1]
        h = nxt
        while h.head.i != h.i and h.head.left_edge.i == nxt.i and h.head.i <= hi:
            h = h.head
        if h.left_edge.i != nxt.i or h.right_edge.i < hi - 1 or h.dep_ not in _ASIDE_DEPS:
            continue
        if not lo <= h.head.i < k or any(ctx.quoted[m] >= 0 for m in range(k, hi + 1)):
            continue
        end = k - 1
        while end > lo and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        return content[:-1] + [(a, doc[end].idx + len(doc[end].text))]
    return content


def names_a_time(ctx: _Ctx, content: list[tuple[int, int]]) -> bool:
    """An indirect content that is only a time ("said Wednesday morning", "cited on Wednesday"):
    the parse took the time of the statement for what was said."""
    if len(content) != 1:
        return False
    doc = ctx.doc
    lo, hi = ctx.tok_at(content[0][0]), min(ctx.tok_at(content[0][1]), len(doc))
    toks = tokens_of(doc)[lo:hi]
    heads = [t for t in toks if not lo <= t.head.i < hi or t.head.i == t.i]
    return bool(heads) and all(t.ent_type_ in ("DATE", "TIME") for t in heads)


def content_spans(ctx: _Ctx, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content spans that stop just inside a quotation reach its marks: a clause ending on a
    quoted phrase ends after the phrase's closing mark (and the punctuation before it:
    'cause of “cheaper fares.”'), one starting on it starts at its opening mark; a trailing
    conjunction or comma outside quotation marks is no part of it."""
    out = []
    text = ctx.text
    doc = ctx.doc
    for a, b in content:
        k = ctx.tok_at(b) - 1
        # a content the parse ended on a conjunction ("... trustworthy, and") ends before it
        while 0 < k < len(doc) and doc[k].idx > a and ctx.quoted[k] < 0 and (
            doc[k].dep_ == "cc" or doc[k].text in (",", ";", "—", "–", "--") or doc[k].is_space
        ):
            k -= 1
            b = doc[k].idx + len(doc[k].text)
        if 0 <= k < len(ctx.doc) and (qi := ctx.quoted[k]) >= 0:
            q = ctx.quotes[qi]
            if q.end > b and not text[b : q.end].strip(".,;:!?…'\"“”’‘ \u00a0"):
                b = q.end
        k = ctx.tok_at(a)
        if k < len(ctx.doc) and (qi := ctx.quoted[k]) >= 0:
            q = ctx.quotes[qi]
            if q.start < a and not text[q.start : a].strip("'\"“”‘’„«» \u00a0"):
                a = q.start
        out.append((a, b))
    return out



#: phrasal verbs that address someone before an infinitive ("called on X to", "appealed to X to")
_ADDRESSING = frozenset({("call", "on"), ("call", "upon"), ("appeal", "to"), ("prevail", "on"), ("prevail", "upon")})


def addressee_infinitive(ctx: _Ctx, cue_tok: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A cue verb that names whom it addresses through a preposition before its infinitive
    ("called on the board to resign", "appealed to voters to stay home"): the content starts at
    the addressee, as PolNeAR marks it (the preposition then joins the cue: "called on"). Only
    when the content is the infinitive right after the preposition's object."""
    doc = ctx.doc
    if len(content) != 1 or not 0 <= cue_tok < len(doc):
        return content
    verb = doc[cue_tok]
    a, b = content[0]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i <= verb.i or (verb.lemma_.lower(), prep.lower_) not in _ADDRESSING:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.right_edge.i + 1 >= len(doc):
            continue
        to = doc[obj.right_edge.i + 1]
        if to.lower_ != "to" or to.idx != a or to.head.dep_ != "xcomp" or to.head.head.i != verb.i:
            continue
        if any(_blocked(ctx, k, []) or "\n" in doc[k].text_with_ws for k in range(prep.i, obj.right_edge.i + 1)):
            continue
        return [(obj.left_edge.idx, b)]
    return content
