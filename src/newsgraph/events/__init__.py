"""Events: PLOVER event records (with CAMEO codes) between coded actors.

``extract_events(parsed, entities, quotes, dates)`` is the pipeline stage; the
lexicons it reads (CAMEO table, trigger patterns, word classes) live in
``newsgraph/data/events/`` and are loaded once by ``load_lexicon()``. The steps
of the stage are one module each (triggers, arguments, actors, dyad, guards,
coding, merge); ``extract.py``'s docstring gives the order they run in.
"""

from __future__ import annotations

from newsgraph.events.extract import extract_events
from newsgraph.events.lexicon import PLOVER_TYPES, CameoCode, Lexicon, Trigger, load_lexicon

__all__ = ["PLOVER_TYPES", "CameoCode", "Lexicon", "Trigger", "extract_events", "load_lexicon"]
