"""Publishing: RSS, Atom, JSON Feed, articles.jsonl, OPML, index.html and status.json.

The entry point is publish(); see feeds/publish.py for the files it writes.
"""

from .publish import PublishReport, plan_feeds, publish
from .topics import Topic

__all__ = ["PublishReport", "Topic", "plan_feeds", "publish"]
