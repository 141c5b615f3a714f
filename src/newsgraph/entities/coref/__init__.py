"""Rule-based coreference: pronouns, descriptions and plural references to entities.

Step 4 of the entity stage. ``newsgraph.entities`` finds the names of an article and
groups them into clusters (one per referent); this package then attaches the other
ways an article refers to them, in this order (``entities.extract`` calls them):

1. ``link_descriptions`` (``descriptions``): "the senator", "the official", "the
   ministry" to the most recent entity whose roles or name carry that noun; plural
   descriptions ("the US senators", "the lawmakers") to the one group of that kind
   in the article (e.g. the Representatives listed by name), or to a new group
   entity when there is none;
2. ``link_relatives`` (``pronouns``): "who"/"which"/"that" to the entity their
   clause hangs on;
3. ``link_pronouns`` (``pronouns``, with ``salience``): he/she/his/her, it/its,
   they/their to the most recent compatible antecedent (gender and number must agree;
   for "...," he said, the last person who spoke; distance counted in sentences outside
   quotation marks; when nothing decides, the pronoun stays unlinked: precision
   first). Pronouns inside quotation marks (``quoted_regions``) are left alone: they
   speak from the quoted speaker's point of view ("It is truly reckless ...").

Everything here is a pure function of the spaCy ``Doc`` and the clusters that
``entities.extract`` passes in; the clusters are working objects local to one call
of ``extract_entities`` and are mutated in place.
"""

from __future__ import annotations

from newsgraph.entities.coref.descriptions import NOMINAL_WINDOW, PUBLIC_CLASSES, link_descriptions
from newsgraph.entities.coref.documents import DOCUMENT_WINDOW, link_documents
from newsgraph.entities.coref.focus import FOCUS_WINDOW, link_in_focus
from newsgraph.entities.coref.late_relatives import link_late_relatives
from newsgraph.entities.coref.owned import link_owned_organisations
from newsgraph.entities.coref.plural_speakers import link_plural_speakers
from newsgraph.entities.coref.pronouns import link_pronouns, link_relatives, quoted_regions
from newsgraph.entities.coref.salience import PRONOUN_WINDOW

__all__ = [
    "DOCUMENT_WINDOW",
    "FOCUS_WINDOW",
    "NOMINAL_WINDOW",
    "PRONOUN_WINDOW",
    "PUBLIC_CLASSES",
    "link_descriptions",
    "link_documents",
    "link_in_focus",
    "link_late_relatives",
    "link_owned_organisations",
    "link_plural_speakers",
    "link_pronouns",
    "link_relatives",
    "quoted_regions",
]
