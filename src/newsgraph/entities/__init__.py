"""Entities: who and what the article talks about, one entity per real-world referent.

``extract_entities(parsed) -> EntityIndex`` is the stage; ``EntityIndex.resolve``
maps a span of text (a quote's speaker phrase: "he", "the official",
"Varga", "The OSCE Minsk Group") to the entity it mentions.

The steps, and the module of each (``extract`` runs them in this order):

1. **Names** (``names``; list repairs in ``groups``; kinds in ``matching``). spaCy's
   named entities (PERSON, ORG, GPE, LOC, FAC, NORP), repaired by general rules,
   because the small English model runs titles, lists and owners into one span:
   ``"Moldova’s Dniester Valley Farmers’ Union Ilona Vasilescu"`` (ORG) becomes the
   place, the organisation and the person; ``"the Senate Black Sea Caucus - Robert
   Hale"`` is split at the spaced dash; ``"the Co-Chair Paul Renner"`` is split after
   the role noun; a PERSON that the knowledge base knows as a country
   (``"Moldova"``) becomes a place, and so does a PERSON or NORP it knows as a town
   after in/near/at/outside/from or "the town of" (``"near Kidal"``) unless a person
   cue says otherwise; adjectives (``"the Moldovan community"``) are dropped;
   ``", Jr."`` joins the name before it; capitalised items of a list of
   organisations or places that spaCy missed (``"..., ASEAN, GUAM, Mercosur,
   TURKPA"``) are added with their neighbours' kind. The kind of one name is
   decided once, by vote over all its mentions (knowledge base, spaCy labels, "in X"
   / "X region" context).
2. **Roles** (``roles``, lists in ``groups``). Titles before a name (``"Chair of
   Moldova’s Dniester Valley Farmers’ Union"``, ``"the Co-Chair"``, ``"Sen."``),
   appositions (``"X, the foreign minister,"``) and the plural title of a list
   (``"US Representatives ... - A, B, C, and D"``, which also makes a group entity
   with A-D as members; written right before the names, ``"Foreign Ministers A and
   B"``, it is the title of each).
3. **Name matching** (``matching``). Mentions of one referent are merged: a person's
   surname or first name alone, names with or without middle initials and suffixes;
   an organisation's shorter name that keeps its head (``"the Minsk Group"`` for
   ``"OSCE Minsk Group"``, but ``"OSCE"`` stays apart) or its acronym; a country's
   other names (``"US"``, ``"the United States"``) and small misspellings.
4. **Coreference** (``coref``): pronouns, descriptions, plural groups.
5. **Actor phrases and missed names** (``actor_phrases``, ``actor_entities``;
   knowledge base): a demonym or country before a role or body noun (``"the
   Moldovan foreign ministry"``, ``"US and British forces"``), a role noun before a
   place (``"rebels in the Congo"``, ``"Rebels in Mali"``), and knowledge-base names
   the tagger missed (``"Baku accused ..."``) become entities here, before quote
   attribution, so that speakers resolve to them. Entities are then numbered E1..
   in order of first mention.

The other modules: ``lexicon`` loads the word lists and the gazetteer once;
``common`` holds the working objects (``Piece``, ``Cluster``) and token tests the
steps share; ``index`` is ``EntityIndex``.
"""

from __future__ import annotations

from newsgraph.entities.actor_phrases import ActorPhrase, actor_phrases
from newsgraph.entities.extract import extract_entities, text_span
from newsgraph.entities.index import EntityIndex
from newsgraph.entities.lexicon import Lexicon, RoleNoun, lexicon

__all__ = [
    "ActorPhrase",
    "EntityIndex",
    "Lexicon",
    "RoleNoun",
    "actor_phrases",
    "extract_entities",
    "lexicon",
    "text_span",
]
