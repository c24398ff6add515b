"""Every recorded page, read every way the pipeline reads it, serialized deterministically.

The readings (one key each in tests/fixtures/golden/extraction.json):
- tests/fixtures/families and tests/fixtures/blind pages: by the source's family through
  `families.extract_article` / `families.parse_list`, by that family's `parse_article` alone (no
  generic fallback), and by the generic family;
- the negative pages (WAF, truncated, error, link-less list) for every family;
- the bundled sample site (the seed's portal): its list pages and articles as the demo source reads
  them, and again with a source that names its own CSS selectors (`[source.selectors]`);
- the seed in the other portals' layouts (tests/test_generic_layouts.py);
- the real-page corpus (tests/fixtures/real) by the generic family.

A reading is the whole output: every RawArticle / ListPage field, or the NotAnArticle it raised.
The golden file is written from this code with

    TINTUC_GOLDEN_WRITE=1 .venv/bin/pytest -q tests/families/test_golden.py

and committed; tests/families/test_golden.py compares every reading with it, field by field.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from pathlib import Path

from tintuc_feed import families
from tintuc_feed.families import NotAnArticle, get_family
from tintuc_feed.model import ListPage, RawArticle
from tintuc_feed.sample_site import SOURCE_ID, site_root
from tintuc_feed.sources import Source

from .cases import Case, registry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLDEN = FIXTURES / "golden" / "extraction.json"
SAMPLE_BASE = "https://congan.daknong.gov.vn/"
SAMPLE_SOURCE = Source(id=SOURCE_ID, name="Công an tỉnh Đắk Nông (bản mẫu)", province="Đắk Nông",
                       list_urls=(SAMPLE_BASE + "tin-tuc-su-kien/",),
                       article_url_pattern="/tin-tuc-su-kien/[a-z0-9-]+-[0-9]+[.]html$")
# The sample site's markup named the way a sources file would ([source.selectors]).
SAMPLE_SELECTORS = {
    "title": "h1", "date": ".ngaydang", "body": ".noidungtin", "authors": ".noidungtin p[style]",
    "summary": ".noidungtin p", "image": ".noidungtin img", "remove": ".tinkhac, .path",
    "list_item": ".item-news", "article_link": "h2 a", "next_page": ".paging a",
}
REAL_SOURCE = Source(id="real", name="real page", list_urls=("https://example.vn/",), article_url_pattern=".")
NEGATIVE_SOURCES = {"bocongan": "bocongan", "cand": "cand", "dnn-cmsview": "congan-ha-noi",
                    "vhv": "congan-thanh-hoa", "wordpress": "congan-quang-tri", "generic": "congan-da-nang"}


def serialize(result) -> dict:
    """A reading as plain JSON values, in a fixed order."""
    if isinstance(result, NotAnArticle):
        return {"error": f"{type(result).__name__}: {result}"}
    if isinstance(result, Exception):
        return {"error": f"{type(result).__name__}: {result}"}
    if isinstance(result, RawArticle):
        out = {}
        for f in dataclasses.fields(result):
            value = getattr(result, f.name)
            if f.name in ("dates", "modified"):
                value = [[d.raw, d.origin] for d in value]
            elif f.name == "tags":
                value = list(value)
            elif f.name == "matched":
                value = [[k, v] for k, v in value.items()]
            out[f.name] = value
        return out
    if isinstance(result, ListPage):
        return {
            "articles": [[a.url, a.fetch_url, [[k, v] for k, v in a.hints.items()]] for a in result.articles],
            "next_urls": list(result.next_urls),
            "problem": result.problem,
        }
    raise TypeError(f"cannot serialize {result!r}")


def _call(function, *args, **kwargs) -> dict:
    try:
        return serialize(function(*args, **kwargs))
    except NotAnArticle as exc:
        return serialize(exc)


def _case_dirs(root: Path) -> list[Case]:
    cases = []
    for path in sorted(root.glob("*/*/meta.json")):
        meta = json.loads(path.read_text("utf-8"))
        cases.append(Case(path.parent.parent.name, path.parent.name, path.parent, meta, {}))
    return cases


def _recorded(prefix: str, case: Case) -> dict[str, dict]:
    source = registry()[case.meta["source"]]
    generic = replace(source, family="generic")
    url, text, hints = case.meta["url"], case.text, case.meta.get("hints") or {}
    key = f"{prefix}/{case.family}/{case.name}"
    if case.meta["kind"] == "list":
        return {
            f"{key} :: family": _call(families.parse_list, source, url, text),
            f"{key} :: generic": _call(families.parse_list, generic, url, text),
        }
    family = get_family(source.family)
    return {
        f"{key} :: family": _call(families.extract_article, source, url, text, hints=hints),
        f"{key} :: family-only": _call(family.parse_article, url, text, source, dict(hints)),
        f"{key} :: generic": _call(families.extract_article, generic, url, text, hints=hints),
    }


def _negative() -> dict[str, dict]:
    out = {}
    for page in sorted((FIXTURES / "families" / "negative").glob("*.html")):
        text = page.read_text("utf-8")
        for family, source_id in sorted(NEGATIVE_SOURCES.items()):
            source = registry()[source_id]
            key = f"negative/{page.stem} :: {family}"
            out[f"{key} article"] = _call(families.extract_article, source, source.home + "bai-viet/x-1783311539", text)
            out[f"{key} list"] = _call(families.parse_list, source, source.home + "chuyen-muc-moi", text)
    return out


def _sample_site() -> dict[str, dict]:
    out = {}
    root = site_root()
    with_selectors = replace(SAMPLE_SOURCE, selectors=SAMPLE_SELECTORS)
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        url = SAMPLE_BASE + (rel.removesuffix("index.html"))
        text = page.read_text("utf-8")
        if SAMPLE_SOURCE.article_re.search(url):
            out[f"sample/{rel} :: article"] = _call(families.extract_article, SAMPLE_SOURCE, url, text)
            out[f"sample/{rel} :: article with selectors"] = _call(families.extract_article, with_selectors, url, text)
        out[f"sample/{rel} :: list"] = _call(families.parse_list, SAMPLE_SOURCE, url, text)
        out[f"sample/{rel} :: list with selectors"] = _call(families.parse_list, with_selectors, url, text)
    return out


def _layouts() -> dict[str, dict]:
    from test_generic_layouts import SOURCE, layouts

    return {f"layout/{name} :: generic": _call(families.extract_article, SOURCE,
                                                "https://congan.daknong.gov.vn/tin-tuc/a-1.html", page)
            for name, page in layouts().items()}


def _real() -> dict[str, dict]:
    out = {}
    for folder in sorted(p for p in (FIXTURES / "real").iterdir() if p.is_dir()):
        url = json.loads((folder / "meta.json").read_text("utf-8"))["url"]
        text = (folder / "input.html").read_text("utf-8")
        out[f"real/{folder.name} :: generic"] = _call(families.extract_article, REAL_SOURCE, url, text)
    return out


def readings() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for prefix in ("families", "blind"):
        for case in _case_dirs(FIXTURES / prefix):
            out.update(_recorded(prefix, case))
    out.update(_negative())
    out.update(_sample_site())
    out.update(_layouts())
    out.update(_real())
    return dict(sorted(out.items()))


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load() -> dict[str, dict]:
    return json.loads(GOLDEN.read_text("utf-8"))


def write() -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(dumps(readings()), "utf-8")
