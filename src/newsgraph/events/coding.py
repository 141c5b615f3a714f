"""Step 5: the events CAMEO's practice reads into what the text says.

``derived_event`` adds, beside an announced, conditional or refused act, the
event CAMEO codes for it: an intended cooperative act is also an AGREE ("will
send aid" -> 033), an intended act of force a THREATEN (138), an act
conditioned by "unless" a THREATEN, a negated cooperative act a REJECT ("failed
to reach agreement" -> 120). ``modal_requests`` reads "X said Y must Z" as a
REQUEST from X to Y (CAMEO 100; "should": 020). Next: ``merge``.

A new derived reading, or a new event read from a construction rather than a
trigger word, belongs here.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.document import sentence_tokens
from newsgraph.events.actors import actor_ids
from newsgraph.events.arguments import subject
from newsgraph.events.context import Candidate, Context, anchored_date, evidence_span, quote_at
from newsgraph.events.dyad import reporter
from newsgraph.events.guards import Reading, conditional, refusal
from newsgraph.events.lexicon import CameoCode, Lexicon
from newsgraph.events.senses import polled
from newsgraph.events.tokens import MAX_CLIMB, depth, is_verb, lemma_in

# PLOVER reading of an announced, conditional or refused event (CAMEO's own practice):
# "will visit" is an intent to meet (036), "will attack" a threat of force (138),
# "failed to reach agreement" a rejection (120).
_INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
_REFUSAL_CODE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def _derived_code(code: CameoCode, polarity: str, modality: str, lex: Lexicon) -> CameoCode | None:
    if polarity == "negated":
        derived = _REFUSAL_CODE.get(code.root)
    elif modality in ("intended", "hypothetical-conditioned"):
        derived = _INTENT_CODE.get(code.root) or _THREAT_CODE.get(code.root)
    else:
        derived = None
    return lex.code(derived) if derived else None


def derived_event(cand: Candidate, reading: Reading, pred: Token, lex: Lexicon) -> Candidate | None:
    """The event CAMEO derives from ``cand`` (its own reading made explicit), if any.

    None from an event whose reading a governing trigger set (that trigger is the
    event), without a source, or inside a relative clause (background).
    """
    code = cand.code
    if reading.by_trigger or not cand.source or _in_relative(pred) or not refusal(reading, bool(cand.target)):
        return None
    derived = _derived_code(
        code, reading.polarity, "hypothetical-conditioned" if reading.conditioned else reading.modality, lex
    )
    if reading.condition == "unless" and reading.polarity == "asserted" and code.plover != "THREATEN":
        # "will withdraw its force unless ...": a conditional sanction is a threat
        derived = lex.code(_THREAT_CODE.get(code.root, "131"))
    if derived is None or derived.plover is None or derived.plover == code.plover:
        return None
    return replace(
        cand,
        code=derived,
        polarity="asserted",
        modality="actual",
        confidence=round(cand.confidence * 0.85, 2),
        more=[],
    )


def _in_relative(tok: Token) -> bool:
    """Inside a relative or participle clause: background, whose intentions are not announced acts."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.dep_ in ("relcl", "acl"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _actor_head(ctx: Context, tok: Token, ids: list[str]) -> bool:
    """The subject's head names an actor: a name, an agent noun ("the government of Chile"), or a
    mention of one of ``ids``; not a thing of theirs ("Pence's performance")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or lemma_in(tok, ctx.lex.word_class("agent")) is not None:
        return True
    return any(
        ent is not None and any(m.start <= tok.idx < m.end for m in ent.mentions)
        for ent in (ctx.by_id.get(x) for x in ids)
    )


def modal_requests(
    ctx: Context, sent: SpacySpan, found: list[Candidate], triggered: frozenset[int] = frozenset()
) -> list[Candidate]:
    """'X said Y must Z': reported obligation is a demand from X to Y (CAMEO 10; "should": 02)."""
    lex = ctx.lex
    request_modal = lex.word_class("request_modal")
    out: list[Candidate] = []
    for tok in sentence_tokens(sent):
        if tok.dep_ != "aux" or tok.lower_ not in request_modal:
            continue
        verb = tok.head
        if verb.dep_ not in ("ccomp",) or not is_verb(verb.head) or verb.head.i in triggered:
            continue  # "agreed that they should cooperate" is the agreement, not a demand
        if polled(verb.head):
            continue  # "74 percent of voters said X should Y": a poll's finding
        if conditional(verb, lex):
            continue  # "said if the US pulls back, Europe must defend itself": a contingency, not a demand
        code = lex.code(request_modal[tok.lower_])
        if code is None or code.plover is None:
            continue
        quote, is_cue = quote_at(ctx, verb.idx)
        speaker = reporter(ctx, verb, quote, is_cue)
        if not speaker:
            continue
        subjs, passive = subject(verb)
        if passive or not subjs or any(x.pos_ == "PRON" for x in subjs):
            continue  # "the report should be published", "we must not", "she should not have to": no one is asked
        target: list[str] = []
        heads = False
        for sub in subjs:
            ids, _fb = actor_ids(ctx, sub, quote)
            target.extend(x for x in ids if x not in target and x not in speaker)
            heads = heads or _actor_head(ctx, sub, ids)
        if not target or not heads:
            # a demand needs someone it is made of: "Pence's performance should boost his polls"
            # and "voters shouldn't lose their right" ask no one (the subject is no actor's name)
            continue
        span = ctx.parsed.span(tok.idx, tok.idx + len(tok.text))
        evidence = found[0].evidence if found else evidence_span(ctx, sent, tok)
        out.append(
            Candidate(
                code=code,
                trigger=(span.start, span.end),
                evidence=evidence,
                source=speaker,
                target=target,
                token_i=tok.i,
                depth=depth(verb),
                quote=quote.id if quote is not None else None,
                date=anchored_date(ctx, span, quote, is_cue),
                confidence=0.6 if target else 0.45,
            )
        )
    return out
