"""How big a page trafilatura (with its jusText and readability fallbacks) is given: hostile pages must
not stall a crawl worker.

jusText reclassified each short paragraph by walking to its nearest long neighbour, so a run of n short
blocks cost n² steps: 8,000 one-word paragraphs took 6-20 s of CPU, 100,000 (a 1.6 MB page) were not
done after 5 minutes (~50 by the square).  justext_linear.py now does that step in linear time (8,000: ~1.3 s);
the limit stays, the structural reading alone being cheaper still on such pages.  The largest of the 2,100 pages of htmldate's and
trafilatura's evaluation sets has 7,760 blocks (LIBRARY_BLOCK_TAGS below), the median page 1,400 tags.
A page with more than LIBRARY_MAX_BLOCKS is read by the structural rules alone: the generic reader's own
container, or no body (NotAnArticle "no-content": a clear error, the crawl goes on).
"""

from __future__ import annotations

import re

LIBRARY_MAX_BLOCKS = 10_000
# The block tags counted: the ones jusText and trafilatura make paragraphs of.
LIBRARY_BLOCK_TAGS = re.compile(r"<(?:p|div|li|td|h[1-6]|br)\b", re.IGNORECASE)


def too_many_blocks(text: str) -> bool:
    """More than LIBRARY_MAX_BLOCKS block tags in the page (a count of "<" first: nothing on normal pages)."""
    if text.count("<") <= LIBRARY_MAX_BLOCKS:
        return False
    return any(count > LIBRARY_MAX_BLOCKS for count, _ in enumerate(LIBRARY_BLOCK_TAGS.finditer(text), 1))
