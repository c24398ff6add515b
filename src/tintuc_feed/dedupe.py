"""Near-duplicate stories across sources: MinHash + LSH over Vietnamese word shingles.

A story republished by another site (a province re-posting a Bộ Công an item,
a "(VGP) - " prefix, a new title or lead, a byline line added) keeps most of
its 3-word shingles; two different stories written on the same template share
only the template's.  ``signature`` turns text into a MinHash of its folded
3-word shingles; ``StoryIndex`` finds candidates by LSH banding (no
pair-by-pair comparison), confirms each with the estimated Jaccard similarity,
and gives every story a cluster id: the cluster of its closest confirmed match,
or its own key.

MinHash and banding are done here on numpy directly.  They give exactly what
datasketch 2.0's ``MinHash(scheme="affine32")`` and ``MinHashLSH(threshold=0.5,
num_perm=128)`` gave (same permutations, same 25 bands of 5 rows; tested
against datasketch where it is installed), so the signatures already stored
stay valid, without importing datasketch and scipy (0.4 s, 45 MiB) in every
process that touches the store.

Text is folded for comparison only (lower case, tone marks and đ removed,
punctuation to spaces), so "Hòa"/"Hoà", NFD text and spacing do not matter.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

# Every tunable number -> (value, why).
THRESHOLDS: dict[str, tuple[float, str]] = {
    "shingle_words": (3, "3 Vietnamese syllables ≈ one or two words: order-sensitive, robust to small edits"),
    "num_perm": (128, "Jaccard estimate error ≈ 1/sqrt(128) ≈ 0.09; 64 was too noisy near the threshold"),
    "lsh_threshold": (0.5, "candidates from J≈0.5: republished copies with a new title/lead score 0.6-0.95"),
    "match_jaccard": (0.55, "confirmed match: template siblings (same warning, other facts) score ≤ 0.35"),
    "min_shingles": (25, "under ~25 shingles (a caption, a one-line brief) similarity is chance, not a story"),
}

# LSH banding for lsh_threshold 0.5 at num_perm 128: 25 bands of 5 rows, the (bands, rows) that
# datasketch's MinHashLSH picks by minimising the false positive + false negative areas (weights
# 0.5/0.5); the probability that a pair of Jaccard s shares a band is 1 - (1 - s^5)^25: 0.3 -> 0.06,
# 0.55 -> 0.72, 0.7 -> 0.99.  The last 3 of the 128 values are in no band (as in datasketch).
LSH_BANDS = {(0.5, 128): (25, 5)}
PERMUTATION_SEED = 1  # datasketch's default seed: the stored signatures were made with it
_MARKS = re.compile(r"[\u0300-\u036f]+")  # combining diacritics (tone marks, circumflex, breve, horn)
_WORD = re.compile(r"[^\W_]+")


def _threshold(name: str) -> float:
    return THRESHOLDS[name][0]


def _fold_table() -> dict[int, str | None]:
    """Precomposed Latin letters -> base letter, đ -> d, stray combining marks -> nothing."""
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in range(0xC0, 0x1F00):
        base = _MARKS.sub("", unicodedata.normalize("NFD", chr(cp)))
        if base != chr(cp) and len(base) == 1:
            table[cp] = base
    table.update({ord("đ"): "d", ord("Đ"): "D"})
    return table


_FOLD_TABLE = _fold_table()


def words(text: str) -> list[str]:
    """The folded words of text, in order: lower case, no tone marks, đ->d, punctuation dropped.

    On text already cleaned by normalize.text (Article.content_text is), this equals
    ``normalize.text.fold_key(text).split()`` (tested) at a tenth of the cost: fold_key also
    unescapes entities and removes invisible characters, which content_text no longer has.
    """
    folded = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).lower()
    return _WORD.findall(folded)


def shingles(text: str, size: int | None = None) -> set[str]:
    """The set of `size`-word shingles of the folded text."""
    size = int(size or _threshold("shingle_words"))
    tokens = words(text)
    return {" ".join(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0))}


class _WordHashes(dict):
    """CRC-32 of each word, remembered: news text reuses a few thousand syllables over and over."""

    LIMIT = 500_000  # forget everything past this many distinct words (numbers, names, codes)

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _WordHashes()
# Odd 64-bit multipliers that combine the word hashes of a shingle (order matters).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def shingle_hashes(text: str, size: int | None = None) -> np.ndarray:
    """The distinct 32-bit hashes of text's `size`-word shingles.

    Same sets as shingles() (up to 32-bit collisions), computed from one CRC-32 per word
    combined in numpy instead of one string per shingle: 3x faster on a 300-word article.
    """
    size = int(size or _threshold("shingle_words"))
    hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words(text)), dtype=np.uint64)
    count = len(hashes) - size + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint32)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _MIX[offset % 3] + hashes[offset : offset + count]
    combined ^= combined >> np.uint64(31)
    return np.unique((combined * _MIX[0]) >> np.uint64(32)).astype(np.uint32)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b (mod 2^32, a odd), drawn as datasketch draws them."""
    gen = np.random.RandomState(PERMUTATION_SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _premix(h: np.ndarray) -> np.ndarray:
    """The 32-bit MurmurHash3 finalizer, applied once to every input hash before the permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class MinHash:
    """A MinHash signature: the minimum of each permutation over the shingle hashes (uint32)."""

    __slots__ = ("_bands", "hashvalues")

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues
        self._bands: list[int] | None = None

    @classmethod
    def of_hashes(cls, hashes: np.ndarray, num_perm: int | None = None) -> MinHash:
        a, b = _permutations(int(num_perm or _threshold("num_perm")))
        permuted = _premix(hashes.astype(np.uint32)).reshape(-1, 1) * a + b  # wraps mod 2^32, as intended
        return cls(permuted.min(axis=0))

    def jaccard(self, other: MinHash) -> float:
        """The estimated Jaccard similarity: the share of permutations whose minimum agrees."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)

    def bands(self) -> list[int]:
        """One 64-bit key per LSH band (band number mixed in), computed once."""
        if self._bands is None:
            self._bands = _band_keys(self.hashvalues)
        return self._bands


_BAND_MIX = np.uint64(0x100000001B3)


def _band_keys(hashvalues: np.ndarray) -> list[int]:
    bands, rows = LSH_BANDS[(_threshold("lsh_threshold"), len(hashvalues))]
    table = hashvalues[: bands * rows].astype(np.uint64).reshape(bands, rows)
    keys = np.arange(bands, dtype=np.uint64) * _MIX[1]
    for row in range(rows):
        keys = (keys ^ table[:, row]) * _BAND_MIX
    keys ^= keys >> np.uint64(29)
    return (keys * _MIX[2]).tolist()


def signature(text: str) -> MinHash | None:
    """A MinHash of text's shingles, or None when the text is too short to compare."""
    hashes = shingle_hashes(text)
    if len(hashes) < _threshold("min_shingles"):
        return None
    return MinHash.of_hashes(hashes)


def signature_bytes(minhash: MinHash) -> bytes:
    """The signature as bytes, to store."""
    return minhash.hashvalues.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    return MinHash(np.frombuffer(blob, dtype="<u4").astype(np.uint32))


@dataclass(frozen=True)
class Match:
    key: Hashable
    similarity: float


class StoryIndex:
    """An in-memory LSH index of story signatures, with a cluster id per story.

    Each band key maps to the one story filed under it or, when several share
    it, to a list of them (most band keys are unique: this halves the memory).
    A band-key collision between different bands only adds a candidate, which
    the Jaccard check then judges like any other.
    """

    def __init__(self) -> None:
        self._buckets: dict[int, Hashable | list] = {}
        self._signatures: dict[Hashable, MinHash] = {}
        self._clusters: dict[Hashable, Hashable] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._signatures

    def _candidates(self, minhash: MinHash) -> set:
        found: set = set()
        for band in minhash.bands():
            bucket = self._buckets.get(band)
            if bucket is None:
                continue
            if type(bucket) is list:
                found.update(bucket)
            else:
                found.add(bucket)
        return found

    def query(self, minhash: MinHash) -> list[Match]:
        """Confirmed matches for a signature, most similar first."""
        floor = _threshold("match_jaccard")
        found = []
        for key in self._candidates(minhash):
            similarity = self._signatures[key].jaccard(minhash)
            if similarity >= floor:
                found.append(Match(key, similarity))
        return sorted(found, key=lambda m: (-m.similarity, str(m.key)))

    def cluster_for(self, key: Hashable, minhash: MinHash | None) -> Hashable:
        """The cluster a story would join: its best match's (other than itself), else its own key."""
        if minhash is None:
            return key
        for match in self.query(minhash):
            if match.key != key:
                return self._clusters[match.key]
        return key

    def add(self, key: Hashable, minhash: MinHash | None, *, cluster: Hashable | None = None) -> Hashable:
        """Index a story; returns its cluster id (given, or decided by cluster_for)."""
        self.remove(key)
        if cluster is None:
            cluster = self.cluster_for(key, minhash)
        self._clusters[key] = cluster
        if minhash is not None:
            for band in minhash.bands():
                self._file(band, key)
            self._signatures[key] = minhash
        return cluster

    def _file(self, band: int, key: Hashable) -> None:
        bucket = self._buckets.get(band)
        if bucket is None:
            self._buckets[band] = key
        elif type(bucket) is list:
            bucket.append(key)
        else:
            self._buckets[band] = [bucket, key]

    def remove(self, key: Hashable) -> None:
        minhash = self._signatures.pop(key, None)
        if minhash is not None:
            for band in minhash.bands():
                self._unfile(band, key)
        self._clusters.pop(key, None)

    def _unfile(self, band: int, key: Hashable) -> None:
        bucket = self._buckets[band]
        if type(bucket) is not list:
            del self._buckets[band]
            return
        bucket.remove(key)
        if len(bucket) == 1:
            self._buckets[band] = bucket[0]

    def cluster_of(self, key: Hashable) -> Hashable | None:
        return self._clusters.get(key)


def cluster_texts(items: Iterable[tuple[Hashable, str]]) -> dict[Hashable, Hashable]:
    """Cluster (key, text) pairs in order; returns key -> cluster id."""
    index = StoryIndex()
    return {key: index.add(key, signature(text)) for key, text in items}
