"""Subjects: which token of the parse is the speaker of a cue (``_subject``).

The subject of the cue verb, or of the clause it hangs on ("..., saying ...", "is likely to
say"); the noun a participle modifies ("emails showing ..."); the object of a causative verb
("leaving many to wonder"); the agent of a passive ("asked by a reporter"), else no speaker.
A date, an all-caps dateline or anything on another line is never the speaker. Right after a
direct quote the word order is read instead of the parse (``positional.py``); a finite verb the
parse gives no subject takes the noun phrase ending right before it (``_phrase_before``).

Used by ``indirect.py``, ``direct.py`` and ``uncued.py``; ``speakers.py`` turns the token
into a mention span and an entity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.entities import lexicon
from newsgraph.quotes.clauses import _crosses_line, _unbracket, fronted_clause_subject
from newsgraph.quotes.cues import _is_cue_verb, _is_passive, _outer_cue, cue_lexicon, word_list

#: "9:30 p.m. Trump says" (live blogs), "Saturday ... said": a date is never the speaker;
#: percentages are ("47 percent said ...", polls)
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})


def _is_age(tok: Token) -> bool:
    """The "old" of an age used as a noun: "said the 47-year-old"."""
    doc = tok.doc
    return (
        tok.lower_ == "old"
        and tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 2].lower_ in ("year", "month")
    )


def _is_date(tok: Token) -> bool:
    """A date or time token, except an age used as a noun (the recognizer tags "46-year-old" a DATE)."""
    return tok.ent_type_ in _NOT_SPEAKER_ENTS and not _is_age(tok)


#: a word the parser made a subject that cannot name anyone: "Of Carson, Levine, who ..., said"
#: (parsed with "Of" as the subject and the name as its object)
_NOT_NOMINAL = frozenset({"ADP", "SCONJ", "CCONJ", "PUNCT", "PART", "INTJ", "SYM"})


def _usable_subject(tok: Token, verb: Token) -> bool:
    """A subject that can be a speaker: not a date, not a dateline ("WASHINGTON (AP) -"), same line."""
    if _is_date(tok) or tok.pos_ in _NOT_NOMINAL:
        return False
    if tok.is_upper and len(tok.text) > 2 and tok.ent_type_ in ("GPE", "LOC", ""):
        return False
    doc = tok.doc
    if (
        tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == "("
        and (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws)
    ):
        # "Washington (AFP) - ...": a dateline opening its line
        return False
    return not _crosses_line(tok, verb)


def _name_before(verb: Token) -> Token | None:
    """The name or pronoun right before ``verb`` on its line, when the parsed subject is unusable
    ("9:30 p.m.\nPresident Barack Obama says ...": the parser takes the time as subject)."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ in ("aux", "neg", "advmod", "auxpass") and verb.i - k < 4:
        k -= 1
    # "Sen. Elizabeth Warren (D-MA) said": the name before the party label
    k = _before_bracket(doc, k)
    if k < 0 or "\n" in doc[k].text_with_ws:
        return None
    if doc[k].text == "," or _spaced_dash(doc[k]):
        return _apposed_name(verb, k)
    tok = doc[k]
    if tok.pos_ in ("PROPN", "PRON", "NOUN") and _usable_subject(tok, verb):
        return tok
    return None


#: how many tokens a bracket between a subject and its verb may hold
_BRACKET_LIMIT = 30


def _before_bracket(doc: Doc, k: int) -> int:
    """The index of the token before a bracket closing at ``k`` ("Sen. Elizabeth Warren (D-MA)
    said", "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior
    staffer) says"), else ``k``: the bracket on one line, without quotation marks or another bracket."""
    if k <= 0 or doc[k].text != ")":
        return k
    for j in range(k - 1, max(-1, k - _BRACKET_LIMIT), -1):
        t = doc[j]
        if t.text == "(":
            return j - 1
        if t.text in _MARKS or "\n" in t.text_with_ws:
            return k
    return k


def _apposed_name(verb: Token, comma: int) -> Token | None:
    """'Tom Reed, a spokesman for the board, said': the name before an apposition that closes
    right before the verb, when the parser gave the verb no subject (it hangs the name on an
    opening phrase: "In a letter to Okafor, Reed, head of the board, wrote ...")."""
    doc = verb.doc
    lo = max(verb.sent.start, comma - 20)
    dash = doc[comma].text != ","
    # "Bush - in a line aimed at Trump - declared": an aside between spaced dashes as well
    opening = next(
        (j for j in range(comma - 1, lo - 1, -1) if (_spaced_dash(doc[j]) if dash else doc[j].text == ",")), None
    )
    if opening is None or opening == comma - 1 or opening == 0:
        return None
    aside = doc[opening + 1 : comma]
    if any("\n" in t.text_with_ws or t.text in _MARKS for t in doc[opening + 1 : comma]) or any(
        "\n" in t.text_with_ws or t.text in _MARKS for t in doc[opening - 1 : opening + 1] if t.i != opening or not dash
    ):
        return None
    first = aside[0]
    # the aside may also be a setting or a participle phrase: "Trump, in Kentucky, said",
    # "Reed, wearing the board's colours, said" (PolNeAR train a: 4 speakers missing, b: 2)
    if (
        first.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "ADV")
        and first.tag_ not in ("VBG", "VBN")
        and first.lower_ not in ("who", "whose")
    ):
        return None
    if first.lower_ not in ("who", "whose") and any(
        t.tag_ in ("VBD", "VBZ", "VBP") and not _inside_aside(t, aside.start, aside.end) for t in aside
    ):
        # a clause of its own ("Okafor, then left, said"), not an apposition; a finite verb inside a
        # phrase of the aside is fine ("Trump, later alleging that Obama wanted ..., said")
        return None
    name = doc[opening - 1]
    if name.lower_ in _PERSONAL and _usable_subject(name, verb):
        return name  # "She, in a letter to the board, said"
    if name.pos_ not in ("PROPN", "NOUN") or not _usable_subject(name, verb):
        return None
    if name.pos_ == "NOUN" and first.pos_ != "PROPN":
        return None  # "the chief, Paul Manafort, said": a description takes a name in apposition
    return name


_MARKS = frozenset({"“", "”", '"', "''", "``", "(", ")", "—", "–", ":"})


#: dashes that set off an aside when spaced ("Bush - in a line aimed at Trump - declared")
_DASHES = frozenset({"-", "--", "—", "–"})


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on either side (not the hyphen of "front-runner")."""
    return tok.text in _DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _inside_aside(tok: Token, lo: int, hi: int) -> bool:
    """``tok`` hangs, inside ``[lo, hi)``, on a participle, a preposition or a noun of the aside
    (directly or through other verbs): it belongs to a phrase of the aside, not to a clause."""
    head = tok.head
    while lo <= head.i < hi and head.i != tok.i:
        if head.tag_ in ("VBG", "VBN") or head.pos_ in ("ADP", "NOUN", "PROPN", "PRON"):
            return True
        tok, head = head, head.head
    return False
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


def _subject(verb: Token) -> Token | None:
    """The speaker token of a cue verb (``_parse_subject``), else, for a participle after a comma
    whose parse gives none, the subject of the clause before the comma."""
    subj = _parse_subject(verb)
    if subj is None and not _is_passive(verb):
        subj = _comma_participle_subject(verb)
    return subj


def _comma_participle_subject(verb: Token) -> Token | None:
    """'Mira Holt posted the photo online on Sunday, writing “...”': the parser made
    "writing" the subject of the quote's verb; the writer is the subject of the clause before
    the comma: the nearest finite verb before it in the sentence with a usable subject."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    doc = verb.doc
    k = verb.i - 1
    if doc[k].lower_ in ("and", "while", "before", "after", "by"):
        k -= 1
    if k < 0 or doc[k].text != ",":
        return None
    start = verb.sent.start
    for j in range(k - 1, start - 1, -1):
        cand = doc[j]
        if cand.tag_ not in ("VBD", "VBZ", "VBP") or cand.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in cand.children if c.dep_ == "nsubj" and c.i < cand.i), None)
        if subj is None and not any(c.dep_ in ("nsubjpass", "expl") for c in cand.children):
            # "Lazar, in a green jail jumpsuit, said little, offering ...": the finite verb's own
            # subject the parser hung elsewhere, read from the word order
            subj = _phrase_before(cand)
        if (
            subj is not None
            and _usable_subject(subj, verb)
            and subj.lower_ not in ("it", "there", "this", "that", "which", "what")
        ):
            return _unbracket(subj)
    return None


#: verbs whose object is the subject of their infinitive ("leaving many to wonder"), unlike
#: "used a word to describe" or "took pains to say"
_CAUSATIVE = frozenset(
    "leave lead prompt cause require force allow encourage push drive get inspire spur compel want expect "
    "need invite challenge help persuade convince enable pressure let make".split()
)
_CLITICS = frozenset({"’s", "'s", "’ve", "'ve", "’re", "'re", "’d", "'d", "’ll", "'ll", "’m", "'m"})


def _parse_subject(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or that of the clause it hangs on.

    "..., saying ..." and "is likely to say" take the subject of the governing
    clause; "emails showing X" (a participle modifying a noun) takes that
    noun, unless the noun is an object ("emailed supporters saying"), then
    the subject of its verb. A passive cue has no speaker.
    """
    pron = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (
        pron is not None
        and pron.pos_ in ("PRON", "PROPN")
        and pron.lower_ not in ("it", "this", "that", "there", "what")
        and any(c.dep_ == "auxpass" and c.text in _CLITICS for c in verb.children)
        and _is_cue_verb(verb, cue_lexicon())
    ):
        # "he's said he'll fight": the parser read the clitic 's (has) as a passive "is"
        return pron
    if _is_passive(verb):
        # "Asked by the host whether ...", "was asked by a reporter": the agent is the speaker
        for child in verb.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
                if agent is not None and _usable_subject(agent, verb):
                    return agent
        if pron is None and verb.lower_ in _experiencer_participles():
            # "Not everyone is convinced ...": the parser gave the passive an active subject, or
            # hung it on the auxiliary
            pron = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) or next(
                (
                    g
                    for a in verb.children
                    if a.dep_ in ("aux", "auxpass") and a.i < verb.i
                    for g in a.children
                    if g.dep_ in ("nsubj", "nsubjpass") and g.i < a.i
                ),
                None,
            )
        if pron is not None and verb.lower_ in _experiencer_participles():
            # "Okafor is convinced that ...", "she is assured of ...": the one who holds the belief
            # (PolNeAR train A: 7 sources of such cues were missing)
            if _usable_subject(pron, verb) and pron.lower_ not in ("it", "there", "this", "what"):
                return _unbracket(pron)
        if pron is None and verb.dep_ == "ROOT" and not any(c.dep_ == "auxpass" for c in verb.children):
            # "Less than a third agreed with ...": a past tense the tagger read as a participle,
            # its subject hung on it in another role, is no passive
            return _orphan_subject(verb)
        return None
    v: Token = verb
    for _ in range(4):
        # of two subjects ("At a fish market in Bergen, Norway, Okafor went after Adler"), the usable one
        # nearest before the verb: the parser reads a place before it as a second subject
        # (PolNeAR train: 10 fixed, 6 lost against taking the leftmost one)
        subjects = [_unclitic(c) for c in v.children if c.dep_ == "nsubj"] or _aux_subjects(v)
        if not subjects and v is not verb:
            subjects = [c for c in v.children if c.dep_ == "nsubjpass" and _clitic_passive(c, v)]
        if v is not verb and verb.tag_ == "VBG" and any(c.lower_ == "there" for c in v.children if c.i < v.i):
            # "There were emails that night showing ...": the participle describes the noun
            attr = next((c for c in v.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
            if attr is not None and attr.i < verb.i:
                return attr if _usable_subject(attr, verb) else None
        if not subjects and (fronted := _fronted(v, verb)) is not None:
            # "She has promised to ..., opposed the deal and ...": the parser took the first
            # conjunct for the complement of the next (``clauses.py``)
            return fronted
        if not subjects and v is verb and (before := _phrase_before(verb)) is not None:
            # "one in four said", "than the oil industry says", "Buck, a spokesman for Ryan,
            # told": the parser hung the noun phrase right before a finite verb elsewhere
            return before
        if subjects and all(_expletive(c, v) for c in subjects):
            # "It seems that ...", "it's impossible to talk about ...": nobody is named
            return None
        if subjects:
            for child in sorted(subjects, key=lambda c: (c.i > v.i, abs(v.i - c.i))):
                if _usable_subject(child, verb):
                    return _unbracket(child)
            child = subjects[0]
            # "Geneva (AFP) - Senator Ana Ruiz ... said": the name after a dateline
            # the parser took for the subject is its apposition
            after = [c for c in child.children if c.dep_ == "appos" and c.i > child.i + 1]
            if after and _usable_subject(after[-1], verb) and after[-1].pos_ == "PROPN":
                return after[-1]
            return _name_before(v)
        if v is verb and v.dep_ == "xcomp" and v.head.i != v.i and v.head.lemma_.lower() in _CAUSATIVE:
            # object control: "leaving many to wonder", "leads experts to suspect", "requires
            # Republicans to recognize": the one who wonders is the object of the governing verb
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None and obj.lower_ not in ("it", "this", "that"):
                return obj if _usable_subject(obj, verb) else None
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = v.head
            if _people_after_preposition(noun) or _there_is(noun):
                # "into groups backing Ortiz", "like others defending the law", "there is
                # evidence suggesting ...": the people (or the thing) the participle describes
                return noun if _usable_subject(noun, verb) else None
            if noun.dep_ in ("dobj", "pobj", "npadvmod", "attr", "appos"):
                v = noun.head.head if noun.dep_ == "pobj" else noun.head
                continue
            return noun if _usable_subject(noun, verb) else None
        if v.dep_ in ("advcl", "xcomp", "conj", "acomp", "pcomp", "pobj", "prep") and v.head.i != v.i:
            if _crosses_line(v.head, verb):
                # the parser joined a headline or byline to the sentence: stay on the verb's line
                return _name_before(verb)
            if v is verb and v.dep_ in ("advcl", "conj"):
                outer = _outer_cue(v.head)
                if outer is not None:
                    v = outer
                    continue
            v = v.head
        else:
            if v is verb:
                return _name_before(verb) or _orphan_subject(verb)
            return None
    return None


#: links inside a noun phrase that ends right before its verb ("Large majorities of voters in six
#: states going to the polls on Tuesday said")
_PHRASE_LINKS = frozenset({"pobj", "prep", "compound", "nummod", "quantmod", "nmod", "poss", "acl", "amod"})
#: words a subject phrase may follow inside its sentence ("than the oil industry says")
_OPENERS = frozenset({"than", "as", "like"})


def _phrase_before(verb: Token) -> Token | None:
    """The subject of a finite verb the parse gives none, read from the word order: the noun phrase
    that ends right before it (adverbs and auxiliaries aside), when that phrase opens its clause.

    The name, pronoun or apposition right before the verb (``_name_before``), else the head of the
    phrase whose last word comes right before it, climbing from that word through the links inside a
    noun phrase ("one in four said", "Large majorities of ... voters ... on Super Tuesday said"); not
    the object of another verb, and only when punctuation, a conjunction or "than"/"as" comes before
    the phrase.
    """
    if verb.tag_ not in _FINITE or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "auxpass") for c in verb.children):
        return None
    doc = verb.doc
    found = _name_before(verb)
    if found is not None and (found.pos_ != "NOUN" or doc[verb.i - 1].text in (",", ")")):
        return found
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ in ("aux", "neg", "advmod") and verb.i - k < 4:
        k -= 1
    # "Advisers to a rival campaign (that would be ...) even suggest": the phrase before a bracket
    k = _before_bracket(doc, k)
    if k < 0 or "\n" in doc[k].text_with_ws or doc[k].pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    cur = doc[k]
    top = None if _is_date(cur) else cur
    start = verb.sent.start
    while (
        cur.dep_ in _PHRASE_LINKS
        and start <= cur.head.i < verb.i
        and cur.head.i != cur.i
        and cur.head.lower_ not in _OPENERS
    ):
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not _is_date(cur):
            top = cur
    if top is None or top.dep_ in ("dobj", "iobj", "attr", "oprd", "dative") or not _usable_subject(top, verb):
        return None
    j = top.left_edge.i - 1
    if j >= start and not (
        doc[j].is_punct or doc[j].pos_ in ("CCONJ", "SCONJ") or doc[j].dep_ in ("cc", "mark") or doc[j].lower_ in _OPENERS
    ):
        return None
    return top


#: a clause before the verb whose subject may be the verb's own ("Kasich offered the man a job,
#: then says ...": the parser made the first clause a complement of the second)
_LEFT_CLAUSES = frozenset({"ccomp", "csubj", "parataxis"})
#: roles the parser gives a subject it did not attach as one ("Party elites — most of them
#: senators — are acquiescing": dep; "Less than a third agreed": npadvmod)
_LOST_SUBJECT = frozenset({"npadvmod", "dep"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _orphan_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parse gives none, when the sentence opens with it.

    The parser sometimes hangs the opening noun phrase of a clause on the verb in another role
    ("Party elites — what's left of them — are acquiescing": dep) or makes the words before a
    second verb of the subject a clause of their own ("Kasich jokingly offered him a job, then
    says ...", "Clinton supports X, opposes Y"): the nominal that opens the sentence is then
    taken, either a left child of the verb or the subject of a left clause child. Only when
    nothing but punctuation or a conjunction comes before it in the sentence, and not right
    after a closing quotation mark ('"...," said' keeps the quote's clause for its content).
    (PolNeAR train a: 5 speakers found, none lost; b: 4 found.)
    """
    deps = {c.dep_ for c in verb.children}
    if verb.tag_ not in _FINITE and "aux" not in deps and not (verb.tag_ == "VBN" and verb.dep_ == "ROOT"):
        return None  # a ROOT participle may be a past tense the tagger read as one
    if deps & {"nsubj", "nsubjpass", "csubjpass", "expl", "agent", "auxpass"}:
        return None
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and (
        prev.text in _MARKS or (prev.text == "," and verb.i > 1 and doc[verb.i - 2].text in _MARKS)
    ):
        return None
    start = verb.sent.start
    while start < verb.i and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    for child in verb.lefts:
        cand: Token | None = None
        if child.dep_ in _LOST_SUBJECT and child.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            if any(
                doc[k].tag_ in _FINITE and not (doc[k].head.i == verb.i and doc[k].dep_ in ("aux", "auxpass"))
                for k in range(child.right_edge.i + 1, verb.i)
            ):
                continue  # "Okafor, then left, said ...": a clause of its own comes between
            cand = child
        elif child.dep_ in _LEFT_CLAUSES:
            cand = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
        if cand is None or cand.left_edge.i != start or cand.lower_ in _NOBODY_SUBJECT:
            continue
        if _usable_subject(cand, verb):
            return _unbracket(cand)
    return None


_NOBODY_SUBJECT = frozenset({"it", "there", "this", "that", "what", "which", "who"})


_PEOPLE_PRONOUNS = frozenset({"those", "others", "some", "many", "few", "several"})


def _people_after_preposition(noun: Token) -> bool:
    """A noun naming people as the object of a preposition ("for candidates proposing ...",
    "including those backing ..."): a role, a person noun, an organisation noun of the entity
    lexicon, or "those"/"others". (The object of a verb is not: "emailed supporters saying
    ..." is the sender's message; PolNeAR train A: 27 of 33 such sources are the sender.)"""
    if noun.dep_ != "pobj":
        return False
    if noun.lower_ in _PEOPLE_PRONOUNS:
        return True
    if noun.pos_ != "NOUN":
        return False
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return lex.role(lemma) is not None or lemma in lex.person_nouns or lex.org_noun(lemma) is not None


def _there_is(noun: Token) -> bool:
    """The noun of an existential "there is/are" ("there were emails showing ...")."""
    head = noun.head
    return (
        noun.dep_ == "attr"
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "expl" and c.lower_ == "there" for c in head.children)
    )


#: verbs whose subject "it" stands for a clause after them ("It seems that ...", "It may seem
#: surprising that ...", "it's impossible to say"), not for anyone who speaks
_LINKING = frozenset({"be", "seem", "appear", "look", "sound", "remain", "become"})


def _expletive(tok: Token, verb: Token) -> bool:
    """An "it" or "there" that names nobody: the subject of a linking verb (not "it was to
    report earnings": the company, with "be" + infinitive)."""
    if tok.lower_ not in ("it", "there") or verb.lemma_.lower() not in _LINKING:
        return False
    deps = {c.dep_ for c in verb.children}
    return not (verb.lemma_.lower() == "be" and "xcomp" in deps and not deps & {"acomp", "attr"})


def _experiencer_participles() -> frozenset[str]:
    """``data/experiencer_participles.tsv``: participles whose passive subject holds the attitude."""
    return word_list("experiencer_participles")


#: links a cue word climbs to the clause it belongs to (``_governor_subject``)
_CLIMB = frozenset({"prep", "pcomp", "pobj", "advcl", "xcomp", "conj", "acomp"})
_NOBODY_GOVERNOR = frozenset({"it", "there", "this", "that", "what", "which"})


def _governor_subject(verb: Token) -> Token | None:
    """The subject of the nearest clause ``verb`` hangs on through prepositions, adverbial,
    complement and coordinated clauses, up to six steps, active or passive: "Christina Romer
    was sidelined after demonstrating that ...", "Trump ... was tepid about Ukraine and
    distinguished himself by saying ...", "FBI officials were angered by the deal and predicted
    ...". For a cue word the classifier accepts, whose relation stands with or without a source
    (``scope.py``), when the speaker rules found none."""
    if verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "Asked about the toll, Okafor said ...": a passive participle names no speaker
    poss = next((c for c in verb.children if c.dep_ == "poss"), None)
    if poss is not None:
        # "his campaign railing against ...", "anyone's guess": the possessor of a gerund
        return poss if _usable_subject(poss, verb) and _names_someone(poss) else None
    v = verb
    for _ in range(6):
        if (
            v is verb
            and v.dep_ in ("relcl", "acl")
            and v.head.dep_ == "dobj"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        ):
            # "had nothing bad to say about ...": an infinitive after the object of a clause
            v = v.head
        elif v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        v = v.head
        if _crosses_line(v, verb):
            return None
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i] or _aux_subjects(v)
        if not subjects and (fronted := _fronted(v, verb)) is not None:
            return fronted
        if subjects:
            subj = _unclitic(subjects[0])
            if subj.lower_ in _NOBODY_GOVERNOR or _expletive(subj, v) or not _usable_subject(subj, verb):
                return None
            return _unbracket(subj)
        if any(c.dep_ == "expl" for c in v.children):
            return None
    return None


def _names_someone(tok: Token) -> bool:
    """A subject that can hold a view: a pronoun, a name, a person, group or number ("Dozens of
    them"), or a role, person or organisation noun of the entity lexicon ("opponents", "the
    campaign"); not a thing ("The report", "the tax")."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "CARDINAL"):
        return True
    if tok.pos_ != "NOUN":
        return False
    lex = lexicon()
    lemma = tok.lemma_.lower()
    return lex.role(lemma) is not None or lemma in lex.person_nouns or lex.org_noun(lemma) is not None


def _aux_subjects(v: Token) -> list[Token]:
    """'Trump wasn't so much saying that ...': the parser hung the subject on the auxiliary."""
    return [
        _unclitic(g)
        for a in v.children
        if a.dep_ == "aux" and a.i < v.i
        for g in a.children
        if g.dep_ == "nsubj" and g.i < a.i
    ]


def _clitic_passive(subj: Token, v: Token) -> bool:
    """'She's tacked to the left, criticizing ...': the parser read the clitic 's (has) of the
    governing verb as a passive "is"; its subject is the one the participle describes."""
    return (
        subj.pos_ in ("PRON", "PROPN")
        and subj.lower_ not in ("it", "this", "that", "there", "what")
        and any(c.dep_ == "auxpass" and c.text in _CLITICS for c in v.children)
    )


def _unclitic(tok: Token) -> Token:
    """'he’s said', 'who’ve said': the parser took the clitic for the subject; the word before it."""
    if tok.text in _CLITICS and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("PRON", "PROPN", "NOUN"):
        return tok.doc[tok.i - 1]
    return tok


def _fronted(v: Token, cue: Token) -> Token | None:
    """``clauses.fronted_clause_subject`` when usable as the speaker of ``cue``."""
    subj = fronted_clause_subject(v)
    if subj is None or not _usable_subject(subj, cue):
        return None
    return _unbracket(_unclitic(subj))
