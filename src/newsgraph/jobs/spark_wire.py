"""Wire copies across the corpus on Spark: MinHash bands, candidate pairs, clusters."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession


logger = logging.getLogger(__name__)

# The same clusters as ``newsgraph.jobs.dedup.cluster_ids`` (same signatures,
# same LSH bands, same similarity check, same cluster id: the earliest
# article), computed without gathering the signatures in one process: the
# band buckets are a shuffle, only the verified pairs reach the driver.

#: Buckets larger than this (one band shared by very many articles: boilerplate)
#: are linked as a chain instead of all pairs, to stay linear.
MAX_BUCKET_PAIRS = 200


def _band_keys(b: int, r: int, row: tuple[str, bytes]) -> list[tuple[tuple[int, bytes], str]]:
    aid, sig = row
    return [((i, sig[i * r * 4 : (i + 1) * r * 4]), aid) for i in range(b)]


def _bucket_pairs(ids: Iterable[str]) -> list[tuple[str, str]]:
    members = sorted(set(ids))
    if len(members) < 2:
        return []
    if len(members) > MAX_BUCKET_PAIRS:
        return list(zip(members, members[1:], strict=False))
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]


def wire_clusters(spark: SparkSession, articles: Any) -> dict[str, str]:
    """Cluster id of every article in a wire-copy cluster of two or more (others are their own)."""
    from newsgraph.jobs.dedup import NUM_PERM, THRESHOLD, band_parameters, similarity

    b, r = band_parameters(THRESHOLD, NUM_PERM)
    keyed = (
        articles.where("signature IS NOT NULL")
        .select("article_id", "published", "signature")
        .rdd.map(lambda row: (row[0], (row[1], bytes(row[2]))))
    )
    keyed = keyed.filter(lambda kv: len(kv[1][1]) == NUM_PERM * 4)
    candidates = (
        keyed.map(lambda kv: (kv[0], kv[1][1]))
        .flatMap(partial(_band_keys, b, r))
        .groupByKey()
        .flatMap(lambda kv: _bucket_pairs(kv[1]))
        .distinct()
    )
    edges = (
        candidates.join(keyed)  # (a, (b, (pub_a, sig_a)))
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(keyed)  # (b, ((a, (pub_a, sig_a)), (pub_b, sig_b)))
        .filter(lambda kv: similarity(kv[1][0][1][1], kv[1][1][1]) >= THRESHOLD)
        .map(lambda kv: (kv[1][0][0], kv[1][0][1][0], kv[0], kv[1][1][0]))
        .collect()
    )
    parent: dict[str, str] = {}
    published: dict[str, str | None] = {}

    def find(a: str) -> str:
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, pub_a, b_id, pub_b in edges:
        published[a], published[b_id] = pub_a, pub_b
        ra, rb = find(a), find(b_id)
        if ra != rb:
            parent[ra] = rb

    def key(a: str) -> tuple[bool, str, str]:
        pub = published[a]
        return (pub is None, pub or "", a)

    first: dict[str, str] = {}
    for a in parent:
        root = find(a)
        if root not in first or key(a) < key(first[root]):
            first[root] = a
    clusters = {a: first[find(a)] for a in parent}
    logger.info("wire copies: %d near-duplicate pairs, %d articles in %d clusters",
                len(edges), len(clusters), len(first))
    return clusters


def _with_clusters(spark: SparkSession, rows: Any, clusters: Mapping[str, str]) -> Any:
    """The articles rows with ``cluster`` filled: its cluster's id, else the article's own id."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    columns = rows.columns
    mapping = spark.createDataFrame(
        list(clusters.items()),
        StructType([StructField("_cid", StringType(), False), StructField("_cluster", StringType(), False)]),
    )
    joined = rows.join(F.broadcast(mapping), rows["id"] == mapping["_cid"], "left")
    joined = joined.withColumn("cluster", F.coalesce(F.col("_cluster"), F.col("id")))
    return joined.select(*columns)
