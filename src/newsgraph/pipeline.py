"""``analyze``: one article in, one ``Analysis`` out.

The stages run in a fixed order, each a pure function of the parsed document
and the records before it:

    parse -> entities (with coreference) -> quotes (+ framing) -> actors
          -> dates (+ dating of quotes) -> events -> flags

An article longer than ``section_chars`` runs them once per paragraph-aligned
section and joins the records (``newsgraph.sections``), so that memory is
bounded by the section size rather than the article size.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from spacy.language import Language

from newsgraph import __version__, actors, dates, entities, events, flags, quotes
from newsgraph.document import check_length, parse
from newsgraph.errors import InputError
from newsgraph.ids import article_id
from newsgraph.language import language_warning
from newsgraph.nlp import load_pipeline, model_id
from newsgraph.records import Analysis
from newsgraph.sections import Records, merge, section_bounds, sections_warning, shift
from newsgraph.settings import Settings, load_settings

logger = logging.getLogger(__name__)

def parse_published(value: str | date | None) -> date | None:
    """Accept ``YYYY-MM-DD`` (or a longer ISO timestamp) and return the date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"publication date {value!r} is not YYYY-MM-DD") from exc


class Analyzer:
    """Holds one loaded pipeline and settings; ``analyzer(text, ...)`` analyses one article."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = nlp or load_pipeline(self.settings.model)
        # ``nlp.meta`` builds a fresh dict on every access (a third of a millisecond): once here
        self.model = model_id(self.nlp)

    def __call__(
        self,
        text: str,
        *,
        published: str | date | None = None,
        title: str | None = None,
        url: str | None = None,
        id: str | None = None,
        author: str | None = None,
        warnings: Sequence[str] = (),
    ) -> Analysis:
        """Analyse ``text``; ``warnings`` (from reading the input) are carried into the result's."""
        if not isinstance(text, str):
            raise InputError(f"article text must be str, not {type(text).__name__}")
        pub = parse_published(published)
        article: dict[str, Any] = {
            "id": id or article_id(text),
            "text": text,
            "published": pub.isoformat() if pub else None,
            "title": title,
            "url": url,
            "author": author,
            "meta": {"newsgraph": __version__, "model": self.model},
        }
        if not text.strip():
            logger.warning("article %s is empty", article["id"])
            return Analysis(**article, warnings=(*warnings, "empty text: nothing to analyse"))
        check_length(text, self.settings)
        not_english = language_warning(text)
        if not_english:
            logger.warning("article %s: %s", article["id"], not_english)
            warnings = (*warnings, not_english)
        bounds = section_bounds(text, self.settings.section_chars)
        if len(bounds) == 1:
            records = self._records(text, pub)
        else:
            # Memory bounded by the section, not the article: each section's parse
            # is dropped before the next one is made (see newsgraph.sections).
            logger.info("article %s: %d characters in %d sections", article["id"], len(text), len(bounds))
            records = merge([shift(self._records(text[a:b], pub), a) for a, b in bounds])
            warnings = (*warnings, sections_warning(len(bounds), self.settings.section_chars))
        return Analysis(
            **article,
            entities=records.entities,
            quotes=records.quotes,
            framing=records.framing,
            dates=records.dates,
            events=records.events,
            flags=records.flags,
            warnings=tuple(warnings),
        )

    def _records(self, text: str, published: date | None) -> Records:
        """The stages in order over one text (an article, or one section of a long one)."""
        parsed = parse(text, self.nlp, published=published, settings=self.settings)
        index = entities.extract_entities(parsed)
        found_quotes, framing = quotes.extract_quotes(parsed, index)
        coded = actors.code_actors(parsed, index.entities)
        date_refs = dates.extract_dates(parsed)
        found_quotes = dates.date_quotes(parsed, found_quotes, date_refs)
        found_events = events.extract_events(parsed, coded, found_quotes, date_refs)
        found_flags = flags.find_flags(parsed, coded, found_quotes, dates=date_refs)
        _freeze_loaded_data()
        return Records(
            entities=tuple(coded),
            quotes=tuple(found_quotes),
            framing=tuple(framing),
            dates=tuple(date_refs),
            events=tuple(found_events),
            flags=tuple(found_flags),
        )


_frozen = False


def _freeze_loaded_data() -> None:
    """After the first article, move every object alive (the spaCy pipeline, the knowledge base,
    the lexicons, all loaded by then) out of the garbage collector's reach, once per process.

    Those few hundred thousand long-lived objects were scanned again at every full collection;
    on the PolNeAR dev articles that took about 1% of the CPU time. Objects frozen are still
    freed when their last reference goes; only cycles among them would be kept.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


_default: Analyzer | None = None


def analyze(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Analysis:
    """Analyse one article with the default settings and pipeline (loaded once)."""
    global _default
    if _default is None:
        _default = Analyzer()
    return _default(text, published=published, title=title, url=url, id=id)
