"""Quotes: direct, indirect and mixed quotations with cue and speaker.

``extract_quotes(parsed, index)`` (in ``extract.py``) reads one article in these steps, one
module each, in this order:

1. ``marks.py``: every stretch in quotation marks, paragraph by paragraph (double marks, or
   single ones in an article that quotes speech British-style), multi-paragraph quotes joined;
   ``context.py`` then maps each token to its quote and paragraph for the steps after.
2. ``indirect.py``: relations from cue words in the parse (reporting verbs with a complement,
   "according to X", a headline ``Label: statement``); a quotation inside a relation's
   content makes it *mixed*, one that is (nearly) all of it makes it *direct*.
3. ``direct.py``: the quotations left look for a cue and speaker in the text around them;
   a quote split by its attribution becomes one quote; short phrases nobody is reported as
   saying are scare quotes or titles (``newsgraph.framing``), not quotes.
4. ``uncued.py``: quotes with no cue take the speaker of the sentence introducing them, else
   of the nearest attributed statement.
5. ``records.py``: the ``Quote`` and ``FramingItem`` records, with the PolNeAR span
   conventions of ``spans.py`` (the cue's verb group, the whole source phrase).

Between steps 2 and 3, ``scope.py`` adds the attributions beyond the reporting verbs
(beliefs, perceptions, intentions; noun and adjective cues; raising verbs) that the trained
cue classifier ``cue_model.py`` accepts (trained by ``train_cues.py``). Each relation has a
``mode`` (speech, belief, perception, intention); a nested one ("X said he believes Y")
says which quote it is ``within``.

Shared by steps 2-4: ``cues.py`` (the cue lexicon ``data/cues.tsv`` and what makes a word a
cue), ``subjects.py`` (which token of the parse is a cue's speaker) and ``speakers.py`` (the
speaker's mention span and the entity it resolves to).

Spans follow PolNeAR: the content of a direct quote includes its quotation
marks; the content of an indirect one includes its complementizer.
"""

from newsgraph.quotes.cues import CueLexicon, cue_lexicon
from newsgraph.quotes.extract import extract_quotes

__all__ = ["CueLexicon", "cue_lexicon", "extract_quotes"]
