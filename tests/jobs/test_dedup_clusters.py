from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.jobs.dedup import cluster_ids, shingles, signature, similarity

WORDS = (
    "minister government talks officials week measures protest capital opposition leaders budget vote "
    "parliament agreement border troops ceasefire election court ruling president spokesman statement"
).split()


def _story(seed: int, n: int = 250) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def test_dedup_wire_copies_share_a_cluster_and_other_stories_do_not():
    story = _story(1)
    copy = (
        "PARIS (AFP) - "
        + story[: int(len(story) * 0.85)]
        + " Reporting by a correspondent; editing by a desk."
    )
    other = _story(2)
    assert similarity(signature(story), signature(copy)) > 0.6
    assert similarity(signature(story), signature(other)) < 0.1
    clusters = cluster_ids(
        [
            ("b", "2020-04-02", signature(copy)),
            ("a", "2020-04-01", signature(story)),
            ("c", "2020-04-01", signature(other)),
        ]
    )
    assert clusters == {"a": "a", "b": "a", "c": "c"}


def test_dedup_cluster_id_is_the_earliest_article_whatever_the_order():
    story = _story(3)
    items = [(f"id{n}", f"2020-05-0{9 - n}", signature(story + f" Update {n}.")) for n in range(5)]
    first = cluster_ids(items)
    assert set(first.values()) == {"id4"}  # published 2020-05-05, the earliest
    assert cluster_ids(list(reversed(items))) == first


def test_dedup_undated_articles_rank_after_dated_and_by_id():
    story = _story(4)
    clusters = cluster_ids(
        [
            ("z", None, signature(story)),
            ("y", None, signature(story + " x")),
            ("q", "2021-01-01", signature(story)),
        ]
    )
    assert set(clusters.values()) == {"q"}
    clusters = cluster_ids([("z", None, signature(story)), ("y", None, signature(story + " x"))])
    assert set(clusters.values()) == {"y"}


def test_dedup_texts_without_words_are_their_own_cluster():
    assert signature("  ... !!! ") is None
    assert cluster_ids([("a", None, None), ("b", None, None)]) == {"a": "a", "b": "b"}


def test_dedup_short_text_is_one_shingle():
    assert shingles("The vote passed") == {b"the vote passed"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=12), st.randoms())
def test_dedup_clusters_do_not_depend_on_input_order(stories, rng):
    items = [(f"a{i}", None, signature(_story(s) + f" v{i}")) for i, s in enumerate(stories)]
    shuffled = list(items)
    rng.shuffle(shuffled)
    expected = cluster_ids(items)
    assert cluster_ids(shuffled) == expected
    for i, s in enumerate(stories):
        for j, t in enumerate(stories):
            assert (expected[f"a{i}"] == expected[f"a{j}"]) == (s == t)
