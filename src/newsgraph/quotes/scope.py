"""Attributions beyond the reporting verbs: beliefs, perceptions and intentions, with verb,
noun and adjective cues ("polls show", "officials fear", "his concern that", "was
reluctant to").

``_model_relations`` asks the trained cue classifier (``cue_model.py``) about every word
with a complement that no rule made a relation of (lexicon verbs included) nor refused on
purpose (``ctx.rejected``: an authorial aside, "I think", a nested or object-controlled
cue), and makes an indirect relation of each one it accepts: content = the complement (a clause, an infinitive, an object, or the
object of a linking preposition, which joins the cue: "warned of", "focuses on"); source =
the subject (of the copula for an adjective: "Reyes is sure that ..."), the possessor of a
noun ("her concern that ..."), or the subject of the verb a noun is the object of ("raised
the concern that ..."), the agent of a noun ("a demand by X"), the subject of a copula
("X is a supporter of"). A word inside the cue or content of a relation already found is
left alone: PolNeAR annotates the outermost attribution only. Raising verbs (``_raising``:
"The plan seems to work") give the subject and the complement as content, no source.

``_mode`` gives each relation its mode (speech, belief, perception, intention) from the cue
lexicon (``data/cues.tsv``) and the lexicon of other cue words (``data/cue_modes.tsv``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.document import tokens_of
from newsgraph.quotes.context import _Ctx
from newsgraph.quotes.cue_model import Candidate, accepts, candidates, forward_cue, reported
from newsgraph.quotes.cues import _cue_span, _deed_object, _is_cue_verb, word_list
from newsgraph.quotes.indirect import _cue_paragraph, _quote_clause_end, _subtree_span
from newsgraph.quotes.records import _Relation
from newsgraph.quotes.spans import names_a_time
from newsgraph.quotes.speakers import _speaker_of
from newsgraph.quotes.subjects import _experiencer_participles, _governor_subject, _names_someone, _subject
from newsgraph.records import Speaker

MODES = ("speech", "belief", "perception", "intention")


@lru_cache(maxsize=1)
def _other_modes() -> dict[str, str]:
    """``data/cue_modes.tsv``: the mode of cue words outside the verb lexicon, by lemma."""
    out: dict[str, str] = {}
    raw = resources.files("newsgraph").joinpath("data/cue_modes.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, mode = line.split("\t")[:2]
        out[lemma.strip().lower()] = mode.strip()
    return out


def _mode(ctx: _Ctx, tok: Token) -> str:
    """The mode of a cue word: the lexicons', else belief for an adjective, else speech."""
    lemma = tok.lemma_.lower()
    mode = ctx.lex.mode(lemma) or _other_modes().get(lemma) or ("belief" if tok.pos_ == "ADJ" else "speech")
    return mode if mode in MODES else "speech"


def _model_relations(ctx: _Ctx, relations: list[_Relation]) -> list[_Relation]:
    """Relations of the cue words the classifier accepts, outside the lexicon and outside
    the cues and contents of ``relations``."""
    taken = [False] * len(ctx.doc)  # per token: inside a relation's cue or content
    for r in relations:
        _take(ctx, taken, [*r.content, *([r.cue] if r.cue else [])])
    out: list[_Relation] = []
    for tok in tokens_of(ctx.doc):
        if ctx.quoted[tok.i] >= 0 or tok.pos_ not in ("VERB", "NOUN", "ADJ", "AUX") or taken[tok.i]:
            continue
        if tok.i in ctx.rejected:
            # the rules refused it on purpose (an authorial aside, "I think", a nested or
            # object-controlled cue): the classifier does not bring it back
            continue
        raised = _raising(ctx, tok)
        if raised is not None:
            out.append(raised)
            _take(ctx, taken, raised.content)
            continue
        for cand in candidates(tok):
            if cand.kind == "o" and "d" in ctx.lex.frames(tok.lemma_.lower()) and _deed_object(cand.comp):
                continue  # "Russia attacked Ukraine": a deed, whatever the classifier says
            if not accepts(cand, ctx.lex):
                continue
            content = reported(cand)
            if content is None:
                continue
            rel = _relation(ctx, content)
            if rel is not None:
                out.append(rel)
                _take(ctx, taken, rel.content)
    return out


def _take(ctx: _Ctx, taken: list[bool], spans: list[tuple[int, int]]) -> None:
    for a, b in spans:
        for k in range(ctx.tok_at(a), min(ctx.tok_at(b), len(taken))):
            taken[k] = True


#: verbs whose subject belongs to the attributed content: "The plan seems to work", "Turnout
#: is expected to rise" (content: "The plan" + "to work"; the source is left unnamed)
_RAISING = frozenset({"seem", "appear"})
#: verbs of appearance: their subject is what comes up, not who holds it
_APPEARANCE = frozenset({"emerge", "arise", "surface"})


def _raising(ctx: _Ctx, tok: Token) -> _Relation | None:
    lemma = tok.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX") or not (lemma in _RAISING or (lemma == "expect" and passive)):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next(
        (c for c in tok.children if c.dep_ in ("xcomp", "acomp", "oprd", "attr") and c.i > tok.i), None
    )
    if subj is None or comp is None or subj.i > tok.i or subj.lower_ in ("it", "there"):
        return None
    if ctx.quoted[subj.i] >= 0 or ctx.quoted[comp.i] >= 0 or _is_cue_verb(comp, ctx.lex) or _inner_cue(ctx, comp):
        # "She appeared to imply that ...": the inner verb is the cue and she its source
        return None
    first = _subtree_span(subj)
    second = _subtree_span(comp, exclude=tok)
    if first is None or second is None:
        return None
    rel = _Relation("indirect", [first, second], _cue_span(tok), Speaker(), 0.45, tok.i)
    rel.mode = "belief"
    return rel


def _inner_cue(ctx: _Ctx, comp: Token) -> bool:
    """The infinitive after a raising verb is a cue word the classifier accepts, with a
    complement after it ("seemed to imply that ...", "appears to confirm the report")."""
    return comp.pos_ == "VERB" and forward_cue(comp, ctx.lex) is not None


#: objects that name an act of speech, not what was said: "issued a statement", "made
#: remarks" are no attribution without their content (PolNeAR's guidelines: "John made a
#: statement" is not one)
_SPEECH_ACTS = frozenset(
    {"statement", "comment", "remark", "speech", "interview", "announcement", "appearance", "address", "briefing"}
)


def _relation(ctx: _Ctx, cand: Candidate) -> _Relation | None:
    tok, kind, comp = cand
    if kind == "o" and comp.lemma_.lower() in _SPEECH_ACTS and not any(
        c.dep_ in ("acl", "ccomp", "relcl", "prep", "appos") for c in comp.children
    ):
        return None
    if kind == "o" and _stimulus_verb(tok, comp):
        return _stimulus_relation(ctx, tok, comp)
    if kind == "p":
        obj = next((c for c in comp.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        span = _subtree_span(obj, exclude=tok)
    else:
        span = _subtree_span(comp, exclude=tok)
        if span is not None:
            # the same limits as the lexicon's relations: the clause ends with its quotation,
            # and a content does not reach back across a paragraph break (two speakers)
            span = _cue_paragraph(ctx, tok, _quote_clause_end(ctx, comp, span))
    if span is None or names_a_time(ctx, [span]):
        return None
    subj = _source_token(tok)
    if subj is not None and span[0] <= subj.idx < span[1]:
        subj = None
    confidence = 0.5
    if kind == "x" and tok.lemma_.lower() in _RAISING and not _inner_cue(ctx, comp):
        # "Investors seem to agree", "He sounded subdued and seemed to take hope from ...": a
        # raising verb names no source, as ``_raising`` (which these shapes escape: a lexicon
        # verb without a complement inside, or a coordinated verb without a subject of its own)
        subj, confidence = None, 0.45
    if tok.lemma_.lower() in _APPEARANCE:
        # "Questions arose about ...", "news has emerged that ...": what appears is talk, its
        # subject no holder (PolNeAR puts it in the cue and names no source)
        subj = None
    speaker = _speaker_of(ctx, subj, tok if tok.pos_ == "VERB" else None)
    rel = _Relation("indirect", [span], _cue_span(tok), speaker, confidence, tok.i)
    rel.mode = _mode(ctx, tok)
    return rel


def _stimulus_verb(tok: Token, obj: Token) -> bool:
    """An active verb of emotion or persuasion whose object holds the attitude ("The plan has
    angered the fishermen", "Such talk is alarming many voters"; ``data/experiencer_participles.tsv``,
    the participles whose passive subject holds it)."""
    if tok.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    forms = {lemma, lemma + "ed", lemma + "d", lemma[:-1] + "ied"}
    if not forms & _experiencer_participles():
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    return subj is not None and subj.lower_ not in _EMPTY and obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.lower_ != "it"


def _stimulus_relation(ctx: _Ctx, tok: Token, obj: Token) -> _Relation | None:
    """PolNeAR's reading of a stimulus verb: the object is the source, the subject the content
    ("[His behavior] has angered [the party's leaders]")."""
    subj = next(c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i)
    span = _subtree_span(subj)
    if span is None or ctx.quoted[subj.i] >= 0:
        return None
    rel = _Relation("indirect", [span], _cue_span(tok), _speaker_of(ctx, obj, None), 0.5, tok.i)
    rel.mode = "belief"
    return rel


def _source_token(tok: Token) -> Token | None:
    """Who holds the attributed attitude of cue word ``tok`` (see the module docstring)."""
    if tok.pos_ == "VERB":
        subj = _subject(tok)
        if subj is None and not any(c.dep_ == "auxpass" for c in tok.children):
            # the parse names a subject the speaker rules found unusable: keep it for a cue
            # word only the model knows (train: 72 of 150 speaker misses had none)
            subj = next(
                (c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _EMPTY and c.pos_ != "DET"),
                None,
            ) or _governor_subject(tok)
        return subj
    if tok.pos_ == "ADJ":
        while tok.dep_ == "conj" and tok.head.pos_ == "ADJ" and tok.head.i < tok.i:
            # "They are confident and acutely aware of ...": the first adjective's holder
            tok = tok.head
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i < tok.i:
            # an adjective after its noun: "supporters reluctant to give up", "the only ones worried
            # about ..." (PolNeAR train a: 4 sources missing)
            return tok.head
        gov = tok.head if tok.dep_ in ("acomp", "xcomp", "oprd") else tok
        subj = _copula_subject(gov)
        if subj is None and tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX"):
            # an adjective phrase set off by a comma: "Aides spent the day calling voters, confident
            # that ...": the subject of the clause it hangs on
            subj = _subject(tok.head)
        return subj
    if tok.pos_ == "NOUN":
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            return _owner_subject(tok, poss) or poss
        agent = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        if agent is not None:
            # "a demand by the Speaker that ...", "no mention from the senator of ..."
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                return obj
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            if tok.head.lemma_.lower() in word_list("undergo_verbs"):
                # "Clinton is receiving criticism for ...", "the plan drew complaints that ...":
                # the subject is the target, the source left implicit
                return None
            return _subject(tok.head)
        if tok.dep_ == "attr" and tok.head.pos_ == "AUX":
            # "Reyes is a fervent supporter of the plan"
            return _copula_subject(tok.head)
        # a verb the parser tagged as a noun keeps its subject: "Audit files show that ..."
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _EMPTY), None)
        if subj is None and tok.dep_ == "ROOT" and tok.tag_ == "NNS":
            # "Trump estimates that ...", "Trump calls for ...": a verb in -s the parser read as the
            # head of a noun phrase, its subject as a modifier opening the sentence
            subj = _noun_verb_subject(tok)
        if subj is None and tok.dep_ == "pobj":
            # "Cruz closed out his tour with only sparing mention of his rivals"
            subj = _governor_subject(tok)
            if subj is not None and not _names_someone(subj):
                subj = None  # "The report stirred growing concern about ...": a thing holds no view
        return subj
    return None


#: a possessive pronoun and the subject pronoun of the same person
_OWN_SUBJECT = {"his": "he", "her": "she", "their": "they", "my": "i", "our": "we", "your": "you"}


def _owner_subject(noun: Token, poss: Token) -> Token | None:
    """'He reserved his most eloquent passion for ...', 'she expanded upon her calls for ...':
    a cue noun owned by a pronoun, the object of a verb (or of its preposition) whose subject is
    the same person's pronoun, belongs to that subject: the verb is part of the cue, and PolNeAR
    marks the subject as the source (half a: 2 of 2)."""
    want = _OWN_SUBJECT.get(poss.lower_)
    if want is None or poss.pos_ != "PRON":
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subj if subj is not None and subj.lower_ == want else None


def _noun_verb_subject(tok: Token) -> Token | None:
    """The name or pronoun a verb read as a plural noun hangs on as a compound, right before it
    and opening the sentence ("Trump estimates that ..."): not a noun ("Audit files")."""
    mod = tok.doc[tok.i - 1] if tok.i > 0 else None
    if mod is None or mod.head.i != tok.i or mod.dep_ not in ("compound", "nmod", "amod"):
        return None
    named = mod.ent_type_ in ("PERSON", "ORG", "NORP")
    if not (named or (mod.pos_ in ("PROPN", "PRON") and not mod.ent_type_)):
        return None  # (the tagger reads "Trump" as a common noun, a named entity all the same)
    first = min((c.left_edge.i for c in tok.lefts), default=tok.i)
    start = tok.sent.start
    if any(not (t.is_punct or t.is_space) for t in tok.doc[start:first]):
        return None
    return mod


def _copula_subject(cop: Token) -> Token | None:
    """The subject of a copula (or of the adjective's governor), else of the verbs it is
    coordinated with: "Reyes has not signed it and has been a pointed critic of ...". A
    subject read as passive counts ("she's been a critic of": the parser took 's for "is")."""
    for _ in range(4):
        subj = next(
            (c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _NOBODY), None
        )
        if subj is not None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cop.children):
            return subj
        if cop.dep_ != "conj" or cop.head.i == cop.i:
            return None
        cop = cop.head
    return None


_EMPTY = frozenset({"it", "there", "this", "that", "what", "which"})
#: subjects of a copula that name nobody (a relative "which" or "who" does: "the White House,
#: which has long been lukewarm about ...")
_NOBODY = frozenset({"it", "there", "this", "what"})
