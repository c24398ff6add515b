"""dedupe.py's own MinHash and LSH banding give exactly what datasketch gave.

Signatures stored by earlier versions (made with datasketch 2.0's MinHash,
scheme affine32, seed 1) must keep matching new ones, and the index must
propose the same candidates as datasketch's MinHashLSH(0.5, 128).
datasketch is a test dependency only (pyproject's `test` extra).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed import dedupe

datasketch = pytest.importorskip("datasketch")

WORDS = ["công", "an", "tỉnh", "thanh", "hóa", "cho", "biết", "đối", "tượng", "lừa", "đảo", "chiếm", "đoạt", "tài", "sản", "ngày", "tháng", "năm", "bắt", "giữ", "điều", "tra"]


def _datasketch_minhash(text: str):
    minhash = datasketch.MinHash(num_perm=128, hashfunc=int, scheme="affine32")
    minhash.update_batch(dedupe.shingle_hashes(text).tolist())
    return minhash


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), min_size=30, max_size=400))
def test_signature_equals_datasketch_minhash(tokens):
    text = " ".join(tokens)
    ours = dedupe.signature(text)
    if ours is None:
        assert len(dedupe.shingle_hashes(text)) < dedupe.THRESHOLDS["min_shingles"][0]
        return
    theirs = _datasketch_minhash(text)
    assert ours.hashvalues.dtype == np.uint32
    assert np.array_equal(ours.hashvalues, theirs.hashvalues)
    assert dedupe.signature_bytes(ours) == theirs.hashvalues.astype("<u4").tobytes()


def test_banding_parameters_are_datasketchs():
    lsh = datasketch.MinHashLSH(threshold=dedupe.THRESHOLDS["lsh_threshold"][0],
                                num_perm=int(dedupe.THRESHOLDS["num_perm"][0]))
    assert dedupe.LSH_BANDS[(0.5, 128)] == (lsh.b, lsh.r)


def _corpus(n: int, seed: int) -> list[str]:
    """Stories, and edited copies of some of them (a word in ten replaced), in a shuffled order."""
    rng = np.random.default_rng(seed)
    stories = [" ".join(rng.choice(WORDS, size=int(rng.integers(40, 120)))) for _ in range(n)]
    copies = []
    for text in stories[: n // 2]:
        tokens = text.split()
        for i in np.flatnonzero(rng.random(len(tokens)) < float(rng.uniform(0.02, 0.25))):
            tokens[i] = WORDS[int(rng.integers(len(WORDS)))]
        copies.append(" ".join(tokens))
    texts = stories + copies
    return [texts[i] for i in rng.permutation(len(texts))]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidates_equal_datasketch_lsh(seed):
    texts = _corpus(60, seed)
    lsh = datasketch.MinHashLSH(threshold=0.5, num_perm=128)
    index = dedupe.StoryIndex()
    proposed = 0
    for key, text in enumerate(texts):
        ours, theirs = dedupe.signature(text), _datasketch_minhash(text)
        candidates = set(index._candidates(ours))
        assert candidates == set(lsh.query(theirs)), key
        proposed += len(candidates)
        index.add(key, ours)
        lsh.insert(key, theirs)
    assert proposed >= 10  # the copies were found: the comparison was not between empty sets


def test_remove_takes_a_story_out_of_every_band():
    texts = _corpus(20, 4)
    index = dedupe.StoryIndex()
    for key, text in enumerate(texts):
        index.add(key, dedupe.signature(text))
    for key in range(0, len(texts), 2):
        index.remove(key)
    for key, text in enumerate(texts):
        assert all(k % 2 == 1 for k in index._candidates(dedupe.signature(text)))
    for key in range(1, len(texts), 2):
        index.remove(key)
    assert index._buckets == {} and len(index) == 0
