"""The entity package's public surface: what other stages import from ``newsgraph.entities``."""

from __future__ import annotations

import newsgraph.entities
import newsgraph.entities.coref


def test_entities_package_all_names_exist() -> None:
    for module in (newsgraph.entities, newsgraph.entities.coref):
        assert len(set(module.__all__)) == len(module.__all__), module.__name__
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_entities_package_stage_entry_points() -> None:
    from newsgraph.entities import EntityIndex, actor_phrases, extract_entities

    assert callable(extract_entities) and callable(actor_phrases)
    assert EntityIndex.build([]).resolve(0, 10) is None
