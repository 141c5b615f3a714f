"""``extract_quotes``: the quote steps in order, from a parsed article to its records.

1. ``context._build_ctx``: the quotation marks (``marks.py``) and the token maps.
2. ``indirect._cue_relations``: the relations cue words give in the parse;
   ``scope._model_relations``: those of the cue words the trained classifier accepts;
   ``indirect._absorb_quotes``: the quotations inside a relation's content (direct or mixed).
3. ``direct._attribute_rest``: the other quotations' cues and speakers from the text around
   them; split quotes joined; short unattributed phrases set aside as framing.
4. ``uncued._carry_speakers``: quotations with no cue; ``labels._transcript_labels``: the
   turns of a transcript (``NAME: words``), the relations inside a turn nested within it.
5. ``records._to_records`` and ``records._framing_records``: the ``Quote`` and
   ``FramingItem`` records (span conventions: ``spans.py``; nested relations: ``ctx.nested``).

The numbers are those of the package docstring (``newsgraph/quotes/__init__.py``).
"""

from __future__ import annotations

import logging

from newsgraph.document import ParsedDocument
from newsgraph.entities import EntityIndex
from newsgraph.quotes.context import _build_ctx
from newsgraph.quotes.direct import _attribute_rest
from newsgraph.quotes.indirect import _absorb_quotes, _cue_relations
from newsgraph.quotes.labels import _transcript_labels
from newsgraph.quotes.records import _framing_records, _to_records
from newsgraph.quotes.scope import _model_relations
from newsgraph.quotes.uncued import _carry_speakers
from newsgraph.records import FramingItem, Quote

logger = logging.getLogger(__name__)


def extract_quotes(
    parsed: ParsedDocument, index: EntityIndex, *, bounds: bool = True
) -> tuple[list[Quote], list[FramingItem]]:
    """Quotes (``Q1``..) and framing items (``F1``..) of one article, each in text order
    (``bounds=False``: indirect contents as the rules end them, without the trained
    content-end model; only its trainer asks for that)."""
    text = parsed.text
    if not text.strip() or len(parsed.doc) == 0:
        return [], []
    # 1. quotation marks
    ctx = _build_ctx(parsed, index)
    # 2. relations of cue words; the quotes inside their content: direct (the content is the quote)
    # or mixed. ``owner`` maps each attributed quote to its relation.
    relations = _cue_relations(ctx)
    relations += _model_relations(ctx, relations)
    owner = _absorb_quotes(ctx, relations)
    # 3. remaining quotes: attribution from the surrounding text ("...," he said, "..." is one
    # quote with two spans), else framing, else pending
    relations, direct, framing_spans, pending = _attribute_rest(ctx, relations, owner)
    # 4. pending quotes (no cue): the speaker of the introducing sentence or of the nearest
    # attributed statement
    carried = _carry_speakers(ctx, relations, direct, owner, pending)
    # 5. records
    all_rel = _transcript_labels(ctx, relations + list(direct.values()) + carried)
    return _to_records(ctx, all_rel, bounds=bounds), _framing_records(ctx, framing_spans)
