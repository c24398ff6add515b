"""congan.hanoi.gov.vn: DotNetNuke with the DesktopModules/cmsview JSON API.

Evidence: research/sources.md 2.1-2.5 (scraper fid:3846489389, the portal's
AngularJS service fid:48858365253).

    category page  /<slug> (HTML): inline JS calls
                   myService.getNewsBlockContents(0, <ModuleId>, 3, <page>, ...);
                   calls whose page argument is the literal 1 are fixed blocks,
                   the first call with a variable page argument is the list.
                   parse_list returns no articles and, as next_urls, the API list.
    list API       GET /DesktopModules/cmsview/api/NewsContent/listnew
                   ?PortalId=0&ModuleId=<id>&GetType=3&PageIndex=<n>&txtKeyword=
                   -> {"ListData": [...], "ListMoreData": [...]}; items have Id,
                   Url (slug), Name, Description, PublishTime / CreatedTime.
                   An empty page ends the list.
    article API    GET .../NewsContent/getbyid?id=<Id> -> the item (or a
                   one-element list) with the body in FullContent (Body, Content
                   tried after, unconfirmed).
    article URL    https://<host>/tin-tuc/<Url>-<Id>
    dates          local time, sometimes with a wrong "Z": RawDate(raw, "api").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from urllib.parse import parse_qs, urlencode, urlsplit

from ..model import ArticleLink, ListPage, RawArticle, RawDate
from . import common, tree
from .base import NotAnArticle, parse_html, text_of
from .page import Page
from .page_checks import check_page

RAW_PAGES = True  # bodies are JSON: this module checks its own pages
LIST_STEP_PAGES = True  # the category page only leads to the API; an empty API page ends the list

API_PATH = "/DesktopModules/cmsview/api/NewsContent/"
# DNN's hidden __dnnVariable: value="`{`sf_siteRoot`:`/portal/`,...}`" (a portal in a virtual directory); the
# quotes may also be written as HTML entities inside the attribute (`&quot;sf_siteRoot`&quot;:`&quot;/portal/`&quot;)
_QUOTE = r"""(?:[`'"]|&quot;|&#34;|&#x22;)"""
SITE_ROOT = re.compile(rf"""sf_siteRoot{_QUOTE}*\s*:\s*{_QUOTE}+([^`'"&]*){_QUOTE}""")
# myService.getNewsBlockContents(PortalId, ModuleId, GetType, PageIndex, ...)
BLOCK_CALL = re.compile(
    r"getNewsBlockContents\s*\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*([^,)]+)"
)
# The ModuleIds one scraper hard-codes, for category pages whose JS is not inline.
KNOWN_MODULES = {
    "chi-dao-dieu-hanh": 391, "tin-antt-va-canh-bao-toi-pham": 698, "an-toan-giao-thong": 419,
    "cong-tac-pccc-va-cnch": 387, "xay-dung-dang-va-xdll": 422, "phan-hoi-thong-tin-bao-chi": 432,
    "pho-bien-giao-duc-phap-luat": 941, "cai-cach-thu-tuc-hanh-chinh": 540, "ngay-ky-niem": 534,
    "guong-nguoi-tot-viec-tot": 504, "hoat-dong-cua-cac-don-vi": 426,
}
LIST_KEYS = ("ListData", "ListMoreData")
BODY_KEYS = ("FullContent", "Body", "Content")
TITLE_KEYS = ("Name", "Title")
DATE_KEYS = ("PublishTime", "CreatedTime", "PublishDate", "CreatedDate")
SUMMARY_KEYS = ("Description", "Summary", "Sapo")
TAG_KEYS = ("MetaKeywords", "Keyword", "Keywords", "Tags")
IMAGE_KEYS = ("Image", "ImageUrl", "Avatar", "Thumbnail")
AUTHOR_KEYS = ("Author", "AuthorName", "Authors")
REPOST_PREFIX = re.compile(r"^\s*\((?:VGP)\)\s*[-–—]\s*")


def start_urls(source) -> list[str]:
    return list(source.list_urls)


# ---- list pages -------------------------------------------------------------

def parse_list(url: str, text, source) -> ListPage:
    text = text.text if isinstance(text, Page) else text
    if API_PATH.lower() in url.lower() or _looks_json(text):
        return _parse_api_list(url, text, source)
    try:
        check_page(text)
    except NotAnArticle as exc:
        return ListPage(problem=str(exc))
    module = _module_call(text) or _known_module(url)
    if module is None:
        return ListPage(problem="no-module: no getNewsBlockContents call with a page argument on the category page")
    portal, module_id, get_type = module
    return ListPage(next_urls=(list_api_url(url, module_id, 1, portal, get_type, site_root(text)),))


def site_root(text: str) -> str:
    """The portal's path from __dnnVariable's sf_siteRoot ("/" when absent)."""
    found = SITE_ROOT.search(text)
    root = found.group(1).strip() if found else ""
    return "/" + root.strip("/") if root.strip("/") else ""


def _api_root(url: str) -> str:
    """scheme://host[/virtual-dir] of an API URL (the path before /DesktopModules)."""
    parts = urlsplit(url)
    at = parts.path.lower().find(API_PATH.lower())
    return f"{parts.scheme}://{parts.netloc}{parts.path[:at] if at > 0 else ''}"


def _module_call(text: str) -> tuple[str, str, str] | None:
    for portal, module_id, get_type, page in BLOCK_CALL.findall(text):
        if page.strip().strip("'\"") != "1":
            return portal, module_id, get_type
    return None


def _known_module(url: str) -> tuple[str, str, str] | None:
    slug = urlsplit(url).path.strip("/").split("/")[-1]
    return ("0", str(KNOWN_MODULES[slug]), "3") if slug in KNOWN_MODULES else None


def list_api_url(base: str, module_id: str, page: int, portal: str = "0", get_type: str = "3",
                 root: str = "") -> str:
    parts = urlsplit(base)
    query = urlencode({"PortalId": portal, "ModuleId": module_id, "GetType": get_type, "PageIndex": page,
                       "txtKeyword": ""})
    return f"{parts.scheme}://{parts.netloc}{root}{API_PATH}listnew?{query}"


def _parse_api_list(url: str, text: str, source) -> ListPage:
    try:
        data = _load_json(text)
    except NotAnArticle as exc:
        return ListPage(problem=str(exc))
    items = [item for key in LIST_KEYS for item in (_get(data, key) or []) if isinstance(item, dict)]
    links: dict[str, ArticleLink] = {}
    for item in items:
        link = _item_link(url, item)
        if link and link.url not in links:
            links[link.url] = link
    if not items:
        return ListPage()  # an empty page: the end of the list
    return ListPage(articles=tuple(links.values()), next_urls=(_next_api_page(url),))


def _item_link(base: str, item: Mapping) -> ArticleLink | None:
    article_id = _get(item, "Id")
    if article_id in (None, ""):
        return None
    origin = _api_root(base)
    hints = {"title": _plain(_first(item, TITLE_KEYS)), "date": _first(item, DATE_KEYS),
             "summary": _plain(_first(item, SUMMARY_KEYS))}
    return ArticleLink(
        url=article_url(origin, _first(item, ("Url", "Slug")), article_id),
        fetch_url=f"{origin}{API_PATH}getbyid?id={article_id}",
        hints={k: v for k, v in hints.items() if v},
    )


def article_url(origin: str, slug: str | None, article_id) -> str:
    """https://host/tin-tuc/<Url>-<Id> (an Url that already is a path or URL is kept)."""
    slug = (slug or "").strip()
    if slug.startswith(("http://", "https://")):
        return slug
    if slug.startswith("/"):
        return origin + slug
    slug = slug.strip("/")
    if not slug:
        return f"{origin}/tin-tuc/{article_id}"
    return f"{origin}/tin-tuc/{slug}" if slug.endswith(f"-{article_id}") else f"{origin}/tin-tuc/{slug}-{article_id}"


def _next_api_page(url: str) -> str:
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    key = next((k for k in query if k.lower() == "pageindex"), "PageIndex")
    query[key] = str(int(query.get(key) or 1) + 1)
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


# ---- article pages ----------------------------------------------------------

def parse_article(url: str, text, source, hints: Mapping[str, str]) -> RawArticle:
    page = text if isinstance(text, Page) else None
    text = text.text if isinstance(text, Page) else text
    if not _looks_json(text):  # the public HTML page, not the API
        from . import generic

        check_page(text)
        return generic.parse_article(url, page or text, source, hints)
    data = _load_json(text)
    item = data[0] if isinstance(data, list) and data else data
    if not isinstance(item, dict):
        raise NotAnArticle("no-content", "the API returned no article object")
    return _article_from_item(url, item, hints)


def _article_from_item(url: str, item: Mapping, hints: Mapping[str, str]) -> RawArticle:
    matched: dict[str, str] = {}
    body_key = next((k for k in BODY_KEYS if isinstance(_get(item, k), str) and _get(item, k).strip()), None)
    if body_key is None:
        raise NotAnArticle("no-content", "the API item has no FullContent")
    matched["body"] = f"api.{body_key}"
    soup = parse_html(f"<html><body><div id='body'>{_get(item, body_key)}</div></body></html>")
    container = next(n for n in soup.root.iter() if isinstance(n.tag, str) and n.get("id") == "body")
    byline = _first(item, AUTHOR_KEYS) or common.take_byline(soup, (), container, matched)
    if byline and "authors" not in matched:
        matched["authors"] = "api.Author"
    _strip_repost_prefix(container)
    title = _plain(_first(item, TITLE_KEYS)) or hints.get("title")
    matched["title"] = "api.Name" if _first(item, TITLE_KEYS) else "list-hint"
    dates = tuple(RawDate(v, "api") for v in (_first(item, DATE_KEYS), hints.get("date")) if v)
    if dates:
        matched["date"] = "api.PublishTime"
    image = _first(item, IMAGE_KEYS) or _first_image(container)
    return RawArticle(
        url=url, title=title, dates=tuple(dict.fromkeys(dates)), byline=byline,
        body_html=common.clean_body(container, soup), summary=_plain(_first(item, SUMMARY_KEYS)) or hints.get("summary"),
        image=_absolute(url, image), tags=_tags(item), language="vi", matched=matched,
    )


def _strip_repost_prefix(container) -> None:
    """"(VGP) - " opens articles re-posted from the Government portal."""
    first = next((s for s in tree.all_strings(container) if s[0] and s[0].strip()), None)
    if first is not None and REPOST_PREFIX.match(first[0]):
        tree.set_string(first, REPOST_PREFIX.sub("", first[0], count=1))


def _first_image(container) -> str | None:
    img = tree.find(container, "img")
    return (img.get("data-src") or img.get("src")) if img is not None else None


def _absolute(url: str, src: str | None) -> str | None:
    from .base import absolute

    return absolute(url, src)


def _tags(item: Mapping) -> tuple[str, ...]:
    raw = _first(item, TAG_KEYS)
    return tuple(dict.fromkeys(t.strip() for t in (raw or "").split(",") if t.strip()))


# ---- JSON helpers -------------------------------------------------------------

def _looks_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[", '"')


def _load_json(text: str):
    if not _looks_json(text):
        check_page(text)  # a challenge or an error page instead of JSON
        raise NotAnArticle("error-page", "the API answered with HTML, not JSON")
    try:
        data = json.loads(text.lstrip("\ufeff"))
        if isinstance(data, str):  # some ASP.NET APIs return JSON inside a JSON string
            data = json.loads(data)
        if isinstance(data, dict) and isinstance(_get(data, "d"), (dict, list, str)) and len(data) == 1:
            inner = _get(data, "d")
            data = json.loads(inner) if isinstance(inner, str) else inner
    except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep ("[[[[…")
        raise NotAnArticle("truncated", f"the API's JSON does not parse: {exc}") from exc
    return data


def _get(obj, key: str):
    """obj[key], the key matched case-insensitively (the API's casing is not documented)."""
    if not isinstance(obj, Mapping):
        return None
    if key in obj:
        return obj[key]
    lower = key.lower()
    return next((v for k, v in obj.items() if isinstance(k, str) and k.lower() == lower), None)


def _first(obj, keys) -> str | None:
    for key in keys:
        value = _get(obj, key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _plain(html: str | None) -> str | None:
    if not html:
        return None
    return text_of(next(parse_html(f"<div>{html}</div>").root.iter("div"), None))
