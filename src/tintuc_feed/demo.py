"""`tintuc-feed demo`: the whole pipeline, offline, on the bundled sample site."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .runner import CrawlOptions, PublishOptions, crawl, publish_store
from .sample_site import SOURCE_ID, SampleSite, sources_toml
from .sources import load_sources
from .store import Store


def _sample_site(port: int) -> SampleSite:
    """The sample site on its usual port (so URLs, hence identities, stay the same run after run), else any."""
    try:
        return SampleSite(port=port)
    except OSError:
        return SampleSite(port=0)


def run_demo(db: Path, output: Path, base_url: str, *, port: int = 0) -> int:
    db.parent.mkdir(parents=True, exist_ok=True)
    with _sample_site(port) as site, tempfile.TemporaryDirectory() as tmp:
        if port == 0 or site.server.server_address[1] != port:
            # Another port means other URLs, hence other identities: a kept store would hold every story twice.
            why = "a free port was asked for" if port == 0 else f"port {port} is taken"
            print(f"The sample site runs on another port ({why}): this run's store is temporary, not {db}")
            db = Path(tmp) / "demo.db"
        sources_file = Path(tmp) / "sources.toml"
        sources_file.write_text(sources_toml(site.url), "utf-8")
        sources = load_sources(sources_file)
        print(f"Serving the sample site (the seed's portal) at {site.url}")
        outcomes = crawl(sources, CrawlOptions(db=db, sources_file=str(sources_file), delay=0.0, log_level="WARNING"))
        report = publish_store(db, sources, PublishOptions(output=output, base_url=base_url))
        with Store(db) as store:
            stored = len(store.articles(source_id=SOURCE_ID))
    outcome = outcomes[SOURCE_ID]
    print(f"Crawled the sample site: {outcome.counts['new']} new articles; {stored} in the store ({db})")
    print(f"Wrote {len(report.files)} files under {output}/:")
    for name in ("rss", "atom", "json"):
        print(f"  {output}/{name}/{SOURCE_ID}.{'json' if name == 'json' else 'xml'}")
    print(f"  {output}/articles.jsonl, {output}/feeds.opml, {output}/index.html, {output}/status.json")
    print("To subscribe: run `tintuc-feed serve --output " + str(output) + "` and add")
    print(f"  {base_url}rss/{SOURCE_ID}.xml  (or import {base_url}feeds.opml) in your feed reader.")
    return 0 if outcome.ok else 1
