"""The actor knowledge base: countries, disputed entities, IGOs, sectors and office holders.

The data are TSV files in ``newsgraph/data/kb/`` (documented in the README
there); a user directory (``settings.kb_dir``) with files of the same names
extends them. ``load_kb()`` reads them once per process.

Public surface::

    kb = load_kb()                    # or load_kb(settings.kb_dir)
    kb.lookup("Baku")                 # Match(kind="capital", code="AZEGOV", country="AZE", ...)
    kb.lookup("Nagorno-Karabkh")      # fuzzy: Match(code="XNK", confidence=0.94, note="claimed by AZE")
    kb.people_named("Adam Schiff")    # [Person(..., roles=(Role("U.S. Representative", "USA", "LEG", ...),))]
    kb.sector("senators")             # "LEG"
"""

from __future__ import annotations

import threading
from pathlib import Path

from newsgraph.kb.knowledge import KnowledgeBase, bundled_dir
from newsgraph.kb.model import Country, Match, Organization, Person, Role
from newsgraph.kb.text import normalize, person_key

_cache: dict[str, KnowledgeBase] = {}
_lock = threading.Lock()


def load_kb(kb_dir: str = "") -> KnowledgeBase:
    """The bundled knowledge base, extended by the files in ``kb_dir`` if given; cached per process."""
    key = str(Path(kb_dir).resolve()) if kb_dir else ""
    kb = _cache.get(key)
    if kb is None:
        with _lock:
            kb = _cache.get(key)
            if kb is None:
                dirs = [bundled_dir()] + ([Path(kb_dir)] if kb_dir else [])
                kb = KnowledgeBase.from_dirs(*dirs)
                _cache[key] = kb
    return kb


def clear_cache() -> None:
    """Forget loaded knowledge bases (after a user edited their files)."""
    with _lock:
        _cache.clear()


__all__ = [
    "Country",
    "KnowledgeBase",
    "Match",
    "Organization",
    "Person",
    "Role",
    "bundled_dir",
    "clear_cache",
    "load_kb",
    "normalize",
    "person_key",
]
