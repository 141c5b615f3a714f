"""Direct quotes: the cue and speaker of a quotation from the text around it.

``_attribute_direct`` looks within the quote's sentence and paragraph: after it (``"...," he
said``, ``said X``, "according to X", a trailing dash, or a byline ``“...” ― Jane Doe``, also
on the next line: ``_dash_byline``) or before it (``X said: "..."``, a label ``X: "..."``);
else at a verb outside the quote that the parse hangs it on (``_governor``).

``_attribute_rest`` runs it over the quotations ``indirect.py`` left: a quote whose cue already
has an indirect relation replaces it, one whose cue already has a quote joins it, a quote
split by its attribution (``"...," he said, "..."``) becomes one quote with two content spans
(``_join_split_quotes``); short quoted phrases nobody is reported as saying are scare quotes
or titles (``framing``), not quotes. The rest go on to ``uncued.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph import framing
from newsgraph.quotes.clauses import _crosses_line
from newsgraph.quotes.context import _Ctx, _para_no
from newsgraph.quotes.cues import _cue_span, _is_cue_verb, _is_passive, word_list
from newsgraph.quotes.indirect import _TRIM
from newsgraph.quotes.marks import _Quoted
from newsgraph.quotes.positional import _inverted, _np_in, _positional_speaker, citation
from newsgraph.quotes.records import _Relation
from newsgraph.quotes.speakers import _best_entity, _speaker_of
from newsgraph.quotes.subjects import _is_date, _subject
from newsgraph.records import Span, Speaker

_SENT_END = frozenset({".", "!", "?", "…"})
_DASHES = frozenset({"—", "–", "-", "--"})


@dataclass
class _Attribution:
    cue: tuple[int, int] | None
    speaker: Speaker
    confidence: float


class _Attributed(NamedTuple):
    """What ``_attribute_rest`` leaves for the later steps."""

    relations: list[_Relation]  # the cue relations, less those a direct quote replaced
    direct: dict[int, _Relation]  # quote index -> the direct quote's relation
    framing_spans: list[tuple[int, int, str]]  # (start, end, framing kind) of quoted phrases
    pending: list[int]  # quotes with no cue found, for ``uncued.py``


def _attribute_rest(ctx: _Ctx, relations: list[_Relation], owner: dict[int, _Relation]) -> _Attributed:
    """The quotes no relation holds (not in ``owner``): a cue from the text around them, else
    framing (short phrases), else pending. ``owner`` gains every quote attributed here."""
    text = ctx.text
    quotes = ctx.quotes
    # remaining quotes: attribution from the surrounding text, else framing or carried speaker
    by_cue: dict[int, _Relation] = {r.cue_tok: r for r in relations if r.cue_tok >= 0}
    dropped: set[int] = set()  # ids of relations replaced by a direct quote
    direct: dict[int, _Relation] = {}
    where_of: dict[int, str] = {}
    framing_spans: list[tuple[int, int, str]] = []
    pending: list[int] = []
    for qi, q in enumerate(quotes):
        if qi in owner:
            continue
        found = _attribute_direct(ctx, q, qi)
        if found is not None and (named := _naming_verb(ctx, q)) is not None:
            found = _named(ctx, named, found)
        inner = text[q.inner_start : q.inner_end]
        short = framing.is_framing_candidate(inner)
        if found is not None:
            att, where = found
            cue_tok = ctx.tok_at(att.cue[0]) if att.cue else -1
            rel = _Relation("direct", [(q.start, q.end)], att.cue, att.speaker, att.confidence, cue_tok, [qi])
            if short and 0 <= cue_tok < ctx.tok_at(q.start) and where != "named":
                # a quoted word or phrase inside the speaker's own clause ("described as “reckless”
                # the council's plan"): a mixed quote over what the verb governs after it
                clause = _after_verb(ctx, ctx.doc[cue_tok], q)
                if clause is not None:
                    rel.kind = "mixed"
                    rel.content = [clause]
            if cue_tok in by_cue:
                old = by_cue[cue_tok]
                if old.kind == "indirect" and id(old) not in dropped:
                    # the parse gave the cue a wrong complement; the quote is its content
                    dropped.add(id(old))
                    if old.speaker.mention is not None and rel.speaker.mention is None:
                        rel.speaker = old.speaker
                elif old.kind in ("direct", "mixed"):
                    # the same cue already attributes another quote: a split quote
                    old.content.append((q.start, q.end))
                    old.quotes.append(qi)
                    owner[qi] = old
                    continue
            direct[qi] = rel
            where_of[qi] = where
            by_cue[cue_tok] = rel
            owner[qi] = rel
            continue
        if short:
            framing_spans.append(
                (q.start, q.end, framing.classify(text, q.start, q.end, q.inner_start, q.inner_end))
            )
            continue
        pending.append(qi)

    relations = [r for r in relations if id(r) not in dropped]
    pending = _join_split_quotes(ctx, direct, where_of, pending, owner)
    return _Attributed(relations, direct, framing_spans, pending)


def _join_split_quotes(
    ctx: _Ctx,
    direct: dict[int, _Relation],
    where_of: dict[int, str],
    pending: list[int],
    owner: dict[int, _Relation],
) -> list[int]:
    """Join each pending quote to the quote before it when the words between them attribute
    that one; the pending quotes left."""
    text = ctx.text
    quotes = ctx.quotes
    # split quotes: "...," he said, "..." / "...," he said. "..." -> one quote, two spans
    joined: set[int] = set()
    for qi in pending:
        prev_qi = qi - 1
        if prev_qi in direct and where_of.get(prev_qi) == "after":
            prev_q, q = quotes[prev_qi], quotes[qi]
            gap = text[prev_q.end : q.start]
            rel = direct[prev_qi]
            if rel.cue and "\n" not in gap and prev_q.end <= rel.cue[0] < q.start:
                rel.content.append((q.start, q.end))
                rel.quotes.append(qi)
                owner[qi] = rel
                joined.add(qi)
    pending = [qi for qi in pending if qi not in joined]
    return pending


def _attribute_direct(ctx: _Ctx, q: _Quoted, qi: int) -> tuple[_Attribution, str] | None:
    """The cue and speaker found in the text around quote ``q``, and where ("after"/"before")."""
    a_lo, a_hi = _frame_after(ctx, q, qi)
    b_lo, b_hi = _frame_before(ctx, q)
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    comma_end = inner.endswith((",", "?", "!", "—", "-", "–"))
    after = _find_cue(ctx, a_lo, a_hi, last=False) if a_hi > a_lo else None
    if after is None and comma_end and a_hi > a_lo:
        # '"...," he points out.': right after a quote that ends in a comma, any verb with a
        # subject is the cue, in the lexicon or not ("beamed", "chanted", "pondered")
        after = next(
            (
                ctx.doc[k]
                for k in range(a_lo, min(a_hi, a_lo + 6))
                if ctx.doc[k].pos_ == "VERB"
                and (sj := _subject(ctx.doc[k])) is not None
                and sj.pos_ in ("PRON", "PROPN")
            ),
            None,
        )
    if after is None and comma_end and a_hi > a_lo:
        after = _tagged_noun_cue(ctx, a_lo, a_hi)
    if after is not None and inner.endswith((".", "?", "!")) and _introduces(ctx, after, qi + 1):
        # '“We are not terrorists.” Mr. Zahed said: “The attack ...”': after a finished sentence, a
        # cue that opens the next quote is that quote's, not this one's (two speakers, not one)
        after = None
    before = _find_cue(ctx, b_lo, b_hi, last=True) if b_hi > b_lo else None
    if before is None and not (after is not None and comma_end) and (cited := citation(ctx, b_lo, b_hi)):
        # "To quote Mayor Okafor, “...”": the object of the citing infinitive is the speaker
        return _Attribution(cited[0], _speaker_of(ctx, cited[1]), 0.8), "before"
    colon = b_hi > b_lo and _ends_with_colon(ctx, b_lo, b_hi)
    if colon:
        # "Okafor pushed back on it:" (a verb just before the colon), or a label: "HuffPollster:",
        # "Polls agree - Carl Bialik:". A verb further back, or before a dash, belongs to
        # another clause ("Signs were everywhere ...:", PolNeAR train).
        c = b_hi - 1
        while c > b_lo and ctx.doc[c].is_space:
            c -= 1
        near = None
        for k in range(c - 1, max(b_lo, c - 6) - 1, -1):
            tok = ctx.doc[k]
            if tok.text in _DASHES:
                break
            if tok.pos_ == "VERB" and (_is_cue_verb(tok, ctx.lex) or _subject(tok) is not None):
                near = tok
                break
        label = ctx.doc[c - 1] if c - 1 >= b_lo else None
        if near is None and label is not None and label.pos_ == "PROPN" and not _is_date(label):
            return _Attribution((ctx.doc[c].idx, ctx.doc[c].idx + 1), _speaker_of(ctx, label), 0.6), "before"
        if near is not None:
            before = near
        elif before is None and c - b_lo <= 6:
            subj = _np_in(ctx, b_lo, c)
            if subj is not None:
                return _Attribution(
                    (ctx.doc[c].idx, ctx.doc[c].idx + 1), _speaker_of(ctx, subj), 0.6
                ), "before"
    order: list[tuple[Token, str]] = []
    if colon and before is not None:
        order.append((before, "before"))
    if after is not None and (comma_end or before is None):
        order.append((after, "after"))
    if before is not None and not colon:
        order.append((before, "before"))
    short = framing.is_framing_candidate(ctx.text[q.inner_start : q.inner_end])
    for verb, where in order:
        if (
            short
            and not (where == "after" and comma_end and verb.i - a_lo <= 3)
            and not _governs(ctx, verb, q)
        ):
            # a short fragment ("called it “flexibility”") is speech only when the cue governs
            # it; otherwise a nearby verb would turn every scare quote into a quote
            continue
        subj = _subject(verb)
        late = (
            where == "after"
            and subj is not None
            and verb.i < subj.i <= verb.i + 6
            and verb.i > a_lo
            and ctx.doc[verb.i - 1].text == ","
            and verb.tag_ in ("VBD", "VBZ")
        )
        # ('"..." for Clinton, said Kunin': the words between the quote and ", said" are part of
        # the quoted sentence; the parse's subject after the verb is the speaker, kept as is)
        if (
            where == "after"
            and not late
            and (subj is None or not a_lo <= subj.i < verb.i or _inverted(ctx, verb, a_lo))
        ):
            # the parse put the subject elsewhere than before the verb, or the order is
            # inverted ('"...," said Okafor, explaining she ...'): read the word order
            subj = _positional_speaker(ctx, verb, a_lo) or subj
        if where == "before" and (outer := _outermost_cue(ctx, verb, b_lo)) is not verb:
            # "Okafor said she is sure Adler will stay “...”", "Adler said he would
            # advise the mayor on “...”": the quote belongs to the outer statement and its speaker
            subj = _subject(outer) or subj
        if subj is not None and (ctx.quoted[subj.i] >= 0 or subj.lower_ in ("which", "that")):
            # a "which"/"that" subject of a verb near a direct quote was the wrong clause
            # in 10 of 13 cases on PolNeAR train
            subj = None
        if subj is None and not _is_passive(verb):
            # (a passive cue, "ravens are considered “...”", names no speaker: no guess)
            lo, hi = (a_lo, a_hi) if where == "after" else (b_lo, b_hi)
            subj = _np_in(ctx, lo, hi, after=verb.i) if where == "after" else _np_in(ctx, lo, verb.i)
            if subj is None and where == "before" and colon:
                # "Continued Stone: “...”", "Added the mayor: “...”": the name after an inverted cue
                subj = _np_in(ctx, verb.i + 1, b_hi, after=verb.i)
        speaker = _speaker_of(ctx, subj, verb)
        return _Attribution(_cue_span(verb), speaker, 0.9 if subj is not None else 0.6), where
    # (only for sentences: for short fragments it found 70 false quotes per 20 right on train)
    gov = None if framing.is_framing_candidate(ctx.text[q.inner_start : q.inner_end]) else _governor(ctx, q)
    if gov is not None:
        return gov, "governor"
    byline = _dash_byline(ctx, q)
    if byline is not None:
        return byline, "after"
    # "according to X" or a trailing dash: "..." — Jane Doe, spokeswoman
    for k in range(a_lo, min(a_hi, a_lo + 3)):
        tok = ctx.doc[k]
        if tok.lower_ == "according" and k + 1 < a_hi and ctx.doc[k + 1].lower_ == "to":
            subj = _np_in(ctx, k + 2, a_hi, after=k + 1)
            if subj is not None:
                cue = (tok.idx, ctx.doc[k + 1].idx + 2)
                return _Attribution(cue, _speaker_of(ctx, subj), 0.8), "after"
        if tok.text in _DASHES and q.closed:
            nxt = k + 1
            if nxt < a_hi and ctx.doc[nxt].pos_ == "PROPN":
                end = nxt
                while end + 1 < a_hi and ctx.doc[end + 1].pos_ == "PROPN":
                    end += 1
                return _Attribution(None, _speaker_of(ctx, ctx.doc[end]), 0.7), "after"
    return None


def naming_participle(verb: Token) -> bool:
    """A participle of naming (``data/naming_verbs.tsv``) right after the common noun it
    describes: "a group called the “We The People Foundation”", "a spot titled “Dangerous”". The
    noun is what is named, not who names it (not a name, nor a noun before a comma: "Limbaugh
    called it “...”", "an ally, called the plan “...”" are the parser's misreadings of an active verb)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.head.i == verb.i - 1
        and verb.head.pos_ == "NOUN"
        and verb.lemma_.lower() in word_list("naming_verbs")
    )


def _naming_verb(ctx: _Ctx, q: _Quoted) -> Token | None:
    """The verb of naming (``data/naming_verbs.tsv``) a quoted name follows, as a participle or a
    passive ("a spot titled “Dangerous,”", "the show was officially named “...”", "what had been
    called the “Golden Week,”"): at most an article between them, and the quote hanging on it."""
    lo = ctx.tok_at(q.start)
    k = lo - 1
    if k > 0 and ctx.doc[k].pos_ == "DET":
        k -= 1
    if k < 0:
        return None
    verb = ctx.doc[k]
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in word_list("naming_verbs"):
        return None
    if not (naming_participle(verb) or any(c.dep_ == "auxpass" for c in verb.children)):
        return None
    hi = ctx.tok_at(q.end)
    if not any(ctx.doc[j].head.i == verb.i for j in range(k + 1, min(hi, len(ctx.doc)))):
        return None
    return verb


def _named(ctx: _Ctx, verb: Token, found: tuple[_Attribution, str]) -> tuple[_Attribution, str]:
    """A quoted name after a naming participle or passive ``verb``: 'a spot titled “Dangerous,”
    warning ...' is the naming verb's, with no source, not the statement of the cue after it; and
    'a group called the “...”' is not said by the group its participle describes."""
    att, where = found
    if where == "after":
        return _Attribution(_cue_span(verb), Speaker(), 0.45), "named"
    mention = att.speaker.mention
    noun = verb.head
    if att.cue == _cue_span(verb) and mention is not None and mention.start <= noun.idx < mention.end:
        return _Attribution(att.cue, Speaker(), 0.45), where
    return found


def _tagged_noun_cue(ctx: _Ctx, lo: int, hi: int) -> Token | None:
    """'"...," the memo reads.', '"...," the document states.': right after a quote ending in a
    comma, a cue verb of the lexicon the tagger read as a noun (the compound head of "the memo
    reads"), after a noun phrase of at most four words and before the sentence's end or a comma."""
    doc = ctx.doc
    for k in range(lo + 1, min(hi, lo + 6)):
        tok = doc[k]
        if tok.tag_ not in ("NN", "NNS") or tok.lemma_.lower() not in ctx.lex.verbs:
            continue
        before = [t for t in doc[lo:k] if not (t.is_punct or t.is_space)]
        if not before or before[-1].pos_ not in ("NOUN", "PROPN") or any(
            t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") for t in before
        ):
            return None
        if k + 1 < len(doc) and not (doc[k + 1].is_punct or ctx.para_of_tok[k + 1] != ctx.para_of_tok[k]):
            return None
        return tok
    return None


def _introduces(ctx: _Ctx, verb: Token, next_qi: int) -> bool:
    """Whether ``verb`` is followed, within its clause, by a comma or colon and then quote ``next_qi``
    ("Mills then writes back, “...”")."""
    doc = ctx.doc
    for k in range(verb.i + 1, min(len(doc) - 1, verb.i + 6)):
        if ctx.quoted[k] >= 0:
            return False
        if doc[k].text in (",", ":"):
            j = k + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            return j < len(doc) and ctx.quoted[j] == next_qi
    return False


def _frame_after(ctx: _Ctx, q: _Quoted, qi: int) -> tuple[int, int]:
    """Token range ``[i, j)`` after quote ``qi`` up to its sentence's end, the next quote or the paragraph's end."""
    i = ctx.tok_at(q.end)
    j = i
    n = len(ctx.doc)
    if i >= n:
        return i, i
    para = ctx.para_of_tok[i]
    q_para = ctx.para_of_tok[max(0, i - 1)]  # the paragraph of the quote's last token
    if para != q_para:
        return i, i
    while j < n and j - i < 40:
        t = ctx.doc[j]
        if ctx.para_of_tok[j] != para or ctx.quoted[j] >= 0:
            break
        if t.text in _SENT_END and j > i:
            break
        j += 1
    return i, j


def _frame_before(ctx: _Ctx, q: _Quoted) -> tuple[int, int]:
    """Token range before quote ``q`` back to its sentence's start, the previous quote or the paragraph's start.

    A quote opening a paragraph after one that ends in a colon ("... released
    the following statement:") takes that paragraph's last sentence.
    """
    j = ctx.tok_at(q.start)
    i = j
    if j == 0:
        return 0, 0
    para = ctx.para_of_tok[j] if j < len(ctx.doc) else ctx.para_of_tok[-1]
    while i > 0 and j - i < 40:
        t = ctx.doc[i - 1]
        if t.is_space:
            i -= 1
            continue
        if ctx.para_of_tok[i - 1] != para:
            if ctx.doc[i:j].text.strip() == "" and t.text == ":" and ctx.quoted[i - 1] < 0:
                para = ctx.para_of_tok[i - 1]
            else:
                break
        if ctx.quoted[i - 1] >= 0 or t.text in _SENT_END:
            break
        i -= 1
    return i, j


def _ends_with_colon(ctx: _Ctx, lo: int, hi: int) -> bool:
    k = hi - 1
    while k >= lo and ctx.doc[k].is_space:
        k -= 1
    return k >= lo and ctx.doc[k].text == ":"


def _after_verb(ctx: _Ctx, verb: Token, q: _Quoted) -> tuple[int, int] | None:
    """From the word after ``verb`` to the end of its subtree (on its line), when that holds ``q``."""
    doc = ctx.doc
    lo, hi = verb.i + 1, verb.right_edge.i
    for k in range(lo, hi + 1):
        if "\n" in doc[k].text_with_ws and k < hi:
            hi = k
            break
    while hi > lo and (doc[hi].text in _TRIM or doc[hi].is_space):
        hi -= 1
    a, b = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if not (a <= q.start and q.end <= b + 1) or b - a > 400:
        return None
    return a, max(b, q.end)


def _governor(ctx: _Ctx, q: _Quoted) -> _Attribution | None:
    """The verb outside quote ``q`` that the quote hangs on, when it has a named or pronoun subject.

    Catches cues missing from the lexicon for fragments the parse attaches to
    the verb ("Reyes thanked her for “showing up”", "she dubbed him “the harbour
    king”"). Lower confidence than a lexicon cue.
    """
    lo, hi = ctx.tok_at(q.start), ctx.tok_at(q.end)
    head: Token | None = None
    for k in range(lo, hi):
        h = ctx.doc[k].head
        if not lo <= h.i < hi:
            head = h
            break
    for _ in range(4):
        if head is None or ctx.quoted[head.i] >= 0:
            return None
        if head.pos_ == "VERB":
            break
        if head.head.i == head.i:
            return None
        head = head.head
    else:
        return None
    if head is None or head.pos_ != "VERB" or _crosses_line(head, ctx.doc[lo]):
        return None
    subj = _subject(head)
    if subj is None or subj.pos_ not in ("PROPN", "PRON") or ctx.quoted[subj.i] >= 0:
        return None
    return _Attribution(_cue_span(head), _speaker_of(ctx, subj, head), 0.6)


def _governs(ctx: _Ctx, verb: Token, q: _Quoted) -> bool:
    """True when some token of quote ``q`` hangs (directly or not) on ``verb`` in the parse."""
    lo, hi = ctx.tok_at(q.start), ctx.tok_at(q.end)
    for k in range(lo, min(hi, lo + 12)):
        t = ctx.doc[k]
        for _ in range(8):
            if t.i == verb.i:
                return True
            if t.head.i == t.i:
                break
            t = t.head
    return False


def _find_cue(ctx: _Ctx, lo: int, hi: int, last: bool) -> Token | None:
    rng = range(hi - 1, lo - 1, -1) if last else range(lo, hi)
    for k in rng:
        tok = ctx.doc[k]
        if _is_cue_verb(tok, ctx.lex):
            return tok
    return None


def _outermost_cue(ctx: _Ctx, verb: Token, lo: int) -> Token:
    """The outermost unquoted cue verb in ``[lo, verb)`` that ``verb`` hangs on, else ``verb``."""
    best = verb
    t = verb
    while t.head.i != t.i:
        # a coordinated, adverbial or relative clause with a subject of its own is its own
        # statement ("Okafor said ..., though she said, “We expect to.”", "Adler said ..., calling
        # ... and he said"), unlike a complement clause ("Okafor said she is sure Adler will be
        # “...”"): PolNeAR train +19 speaker matches (28 fixed, 9 lost) over climbing every ancestor
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        if own_subject and t.dep_ in ("conj", "advcl", "relcl", "parataxis"):
            break
        anc = t.head
        if anc.i < lo:
            break
        if anc.i < verb.i and ctx.quoted[anc.i] < 0 and _is_cue_verb(anc, ctx.lex):
            best = anc
        t = anc
    return best


#: a dash and a name closing a quote: '” ― Jane Doe', '”—Jane Doe, Ohio' or a paragraph '- Jane Doe.'
#: (read from the characters: the tokenizer glues '”―' into one token)
_DASH_NAME = re.compile(
    r"[^\S\n]*(?:―|—|–|--|-)[^\S\n]*"
    r"((?:[A-Z][\w.'’-]*)(?:[^\S\n]+(?:[A-Z][\w.'’-]*|de|van|von|der|la|del|bin|al))*)"
    r"[^\S\n]*(?:[,.;(]|$)"
)


def _dash_byline(ctx: _Ctx, q: _Quoted) -> _Attribution | None:
    """The name after a dash that closes quote ``q``: '“...” ― Jane Doe', or, for a quote that ends
    its paragraph, a next paragraph '- Jane Doe.' (collections of readers' or debate quotes).

    The dash is the cue, as in PolNeAR (gold cue "―"/"-"). Only a closed quote, and only a name
    of at most five words followed by the end of the line or a comma.
    """
    if not q.closed:
        return None
    text = ctx.text
    paragraphs = ctx.parsed.paragraphs
    pi = _para_no(paragraphs, q.start)
    p_end = paragraphs[pi][1] if pi < len(paragraphs) else len(text)
    m = _DASH_NAME.match(text[q.end : p_end])
    base = q.end
    if m is None:
        if text[q.end : p_end].strip(" \t\xa0.,") or pi + 1 >= len(paragraphs):
            return None
        n_start, n_end = paragraphs[pi + 1]
        if n_end - n_start > 120:
            return None
        m = _DASH_NAME.match(text[n_start:n_end])
        base = n_start
    if m is None or len(m.group(1).split()) > 5:
        return None
    a, b = base + m.start(1), base + m.end(1)
    while b > a and text[b - 1] == ".":
        b -= 1
    dash = base + len(m.group(0)) - len(m.group(0).lstrip())
    d_end = dash
    while d_end < a and text[d_end] in "―—–-":
        d_end += 1
    entity = ctx.index.resolve(a, b) or _best_entity(ctx, a, b)
    speaker = Speaker(Span.of(text, a, b), entity.id if entity else None, entity.name if entity else None)
    return _Attribution((dash, d_end), speaker, 0.7)
