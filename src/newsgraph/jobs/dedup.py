"""Wire copies: near-duplicate articles clustered with MinHash and LSH (datasketch).

An agency story reprinted by 40 outlets, each with its own headline, byline
or last paragraph cut, is one story. Each article gets a MinHash signature of
its word 5-shingles (computed in the batch workers, stored with the article);
after a run, LSH finds candidate pairs, the pairs whose estimated Jaccard
similarity reaches ``THRESHOLD`` are joined (union-find), and every article of
a group gets the same ``cluster`` id: the id of its earliest article
(earliest publication date, then smallest id, so the id does not depend on the
order of the input or of the workers).

Shingles of 5 words: two unrelated articles on the same topic share almost
none, while a copy with a new headline and a trimmed end shares most. With
``THRESHOLD`` 0.5 a copy that keeps at least about two thirds of a story
joins it (Jaccard of a prefix of share p is p).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

logger = logging.getLogger(__name__)

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 5
THRESHOLD = 0.5
#: datasketch's 32-bit hashing scheme: signatures are stored as 4-byte values.
SCHEME = "affine32"

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word ``size``-grams (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _minhash(hashvalues: Any = None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues)


def signature(text: str) -> bytes | None:
    """The MinHash signature of an article as bytes (None for a text without words)."""
    grams = shingles(text)
    if not grams:
        return None
    m = _minhash()
    m.update_batch(list(grams))
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4").astype(np.uint32)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_values(a) == _values(b)))


def cluster_ids(
    articles: Iterable[tuple[str, str | None, bytes | None]], *, threshold: float = THRESHOLD
) -> dict[str, str]:
    """Map every article id to its cluster id, from (id, published, signature) triples.

    Articles without a signature are their own cluster. Memory: about 3 kB
    per article with a signature (the LSH band tables and the signatures).
    """
    ids: list[str] = []
    published: dict[str, str | None] = {}
    sigs: dict[str, bytes] = {}
    for article_id, pub, sig in articles:
        ids.append(article_id)
        published[article_id] = pub
        if sig is not None and len(sig) == NUM_PERM * 4:
            sigs[article_id] = sig
    parent = {a: a for a in ids}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {a: _minhash(_values(s)) for a, s in sigs.items()}
    for a in sorted(hashes):
        lsh.insert(a, hashes[a], check_duplication=False)
    pairs = 0
    for a in sorted(hashes):
        for b in lsh.query(hashes[a]):
            if b <= a:
                continue
            if similarity(sigs[a], sigs[b]) >= threshold:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[ra] = rb
                pairs += 1

    def key(a: str) -> tuple[bool, str, str]:
        pub = published[a]
        return (pub is None, pub or "", a)

    first: dict[str, str] = {}
    for a in ids:
        root = find(a)
        if root not in first or key(a) < key(first[root]):
            first[root] = a
    logger.info("clustering: %d articles, %d near-duplicate pairs, %d clusters", len(ids), pairs, len(first))
    return {a: first[find(a)] for a in ids}


__all__ = ["NUM_PERM", "THRESHOLD", "cluster_ids", "shingles", "signature", "similarity"]
