"""The actor stage: codes for entities (country, sector, IGO), one module per concern.

- ``coding``: ``code_actors`` codes every entity from its own words (names
  through the knowledge base, titles and role nouns, dated offices of known
  people) and ``code_phrase`` codes a free phrase;
- ``context``: what the text around an actor says about it: world regions
  are never a country, a named country decides whose institution it is
  ("Rwanda's Senate"), a place name several countries share takes the
  article's country;
- ``descriptions``: actors written as descriptions ("protesters", "Kenya's
  police") get their country from a nationality adjective, a possessor or the
  place they act in, with the basis in the actor's note.
"""

from newsgraph.actors.coding import code_actors
from newsgraph.actors.phrases import PhraseCode, code_phrase

__all__ = ["PhraseCode", "code_actors", "code_phrase"]
