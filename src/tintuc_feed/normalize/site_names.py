"""A site's own names: never an author (issue 3).

"VnExpress" in <meta name="author"> on vnexpress.net, "Dân trí" on dantri.com.vn, the
og:site_name: compared on their letters and digits only, tone marks folded away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tintuc_feed.model import Author
from tintuc_feed.normalize.text import fold_key

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _site_key(text: str) -> str:
    """Letters and digits of the folded text: "Dân trí", "dantri" and "DanTri" compare equal."""
    return _NOT_ALNUM.sub("", fold_key(text))


def site_keys(names: Iterable[str | None], host: str | None = None) -> frozenset[str]:
    """Keys of a site's own names: the given names, and its host with and without "www." and the TLD."""
    return _site_keys(tuple(names), host)


@lru_cache(maxsize=1024)  # the same few names and host for every page of a source
def _site_keys(names: tuple[str | None, ...], host: str | None) -> frozenset[str]:
    keys = {_site_key(n) for n in names if isinstance(n, str)}
    labels = (host or "").lower().removeprefix("www.").split(".")
    if labels and labels[0]:
        keys |= {_site_key(".".join(labels)), _site_key(labels[0])}
    return frozenset(k for k in keys if k)


def is_site_name(text: str, keys: frozenset[str]) -> bool:
    """The text is one of the site's own names (site_keys)."""
    return _site_key(text) in keys


def without_site_names(authors: tuple[Author, ...], keys: frozenset[str]) -> tuple[Author, ...]:
    """The authors, less any that is the site's own name ("VnExpress" on vnexpress.net is no author)."""
    return tuple(a for a in authors if not is_site_name(a.name, keys))
