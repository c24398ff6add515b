"""The generic family: any news page, read from its structure.

Used for sites with no family of their own and as every family's fallback.
The order of evidence, per field:

    title   the <h1> the metadata agrees with, else JSON-LD headline, og:title
            (generic_title), a heading above the date line, <title>
    date    JSON-LD datePublished, article: meta and kin, <time datetime>,
            a date element (.date, .time…), the visible date line near the
            title, else a byline-and-date row above it (byline_above), the
            signature's day (signed_date, for every family), list-page hint,
            the URL
    byline  JSON-LD author, author elements, the byline line that ends the
            body (the seed's "Minh Quỳnh - Bá Hiển - Quang Khải"), a byline
            with the date under or above the title (byline_date), meta author
            (generic_authors)
    body    an itemprop=articleBody / known content container, else the
            element holding most paragraph text, pruned (generic_body);
            trafilatura votes where the container is weak, reads alone
            when the structure gives nothing

Everything here is a pure function of (url, text).
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml.etree import _Element as Tag

from ..model import ArticleLink, ListPage, RawArticle, RawDate
from ..url_join import join_url
from . import (
    body_forum,
    body_split,
    byline_above,
    common,
    date_order,
    form_dates,
    generic_authors,
    generic_body,
    generic_dates,
    generic_list,
    generic_title,
    header_dates,
    layout,
    pager,
    read_also,
    title_forms,
    tree,
)
from .base import (
    MODIFIED_META,
    PUBLISHED_META,
    absolute,
    first_of_each,
    jsonld_article,
    jsonld_dates,
    jsonld_image,
    link_base,
    link_url,
    meta_content,
    meta_dates,
    parse_html,
    select_all,
    text_of,
)
from .page import Page

# Containers that hold an article body on the CMSs seen in the research, most
# specific first.  A container is used only if it holds real text.
CONTENT_SELECTORS = (
    "[itemprop=articleBody]",
    ".detail-content-body",  # cand (UIkit)
    ".tinymce-content",  # bocongan (new portal)
    ".td-post-content",  # WordPress tagDiv (Quảng Trị)
    ".entry-content",  # WordPress
    ".detail-content", ".content-detail", "#content-detail", ".noidung",  # VHV, antg, Thanh Hóa
    ".post-content", ".article-content", ".article-body", ".news-content", ".news-detail",
    ".journal-content-article",  # Liferay web content
    "article",
)
MIN_BODY_CHARS = 120  # below this a container is a teaser, not a body

# Elements that hold the visible date (text origin), most specific first.
DATE_SELECTORS = (
    ".detail-timer", ".published-time", ".post-date", ".entry-date", ".news-date", ".date-time",
    ".article-date", ".time-post", ".timepost", ".date", ".time", ".ngay-dang",
)


def start_urls(source) -> list[str]:
    return list(source.list_urls)


def parse_list(url: str, text, source) -> ListPage:
    page = parse_html(text)
    links, cards = _article_links(page, url, source)
    hints = generic_list.link_hints(links, cards)
    return ListPage(articles=tuple(ArticleLink(u, hints=hints[u]) for u in dict.fromkeys(h for h, _ in links)),
                    next_urls=tuple(pager.next_pages(page, url, source)))


def _article_links(page: Page, url: str, source) -> tuple[list[tuple[str, Tag]], dict[str, Tag]]:
    """(href, <a>) of every article link in order, and each href's list item when the source names them."""
    item_css = source.selectors.get("list_item")
    link_css = source.selectors.get("article_link", "a[href]")
    nodes = ([(item, a) for item in select_all(page, item_css) for a in select_all(item, link_css)] if item_css
             else [(None, a) for a in select_all(page, link_css)])
    links: list[tuple[str, Tag]] = []
    cards: dict[str, Tag] = {}
    base = link_base(page, url)  # the page's <base href>, when it has one
    for item, node in nodes:
        href = link_url(base, node.get("href"))
        if href and source.article_re.search(href) and href.split("#")[0] != url:
            links.append((href.split("#")[0], node))
            if item is not None:
                cards.setdefault(href.split("#")[0], item)
    return (links if item_css else common.main_links(links)), cards


TAKES_BODY_GIVEN = True  # extract_article may say the source's body selector replaces this body


def parse_article(url: str, text, source, hints: Mapping[str, str], *, body_given: bool = False) -> RawArticle:
    """The page read from its structure.  `body_given`: the source's own body selector found the body, which
    replaces ours (families.extract_article); the container is still read (the byline and date line are read
    around it), but its body is not put together nor voted on (the vote's trafilatura run is most of the time
    on a weak page).  Without a container (trafilatura alone would add a `body` entry to `matched`) the body is
    read as always, so `matched` keeps its order."""
    soup = parse_html(text)
    matched: dict[str, str] = {}
    obj = jsonld_article(soup)
    title = _title(soup, obj, matched, url) or _hint(hints, "title", matched)
    # The page's metadata is read before strip_noise removes <meta>/<link>.
    head = {
        "modified": jsonld_dates(obj, "dateModified") or meta_dates(soup, MODIFIED_META),
        "summary": _summary(soup, obj) or shown_sapo(soup) or hints.get("summary"),
        "tags": _tags(soup, obj),
        "canonical_url": _canonical(soup, url),
        "site_name": (meta_content(soup, "og:site_name") or (None,))[0],
        "language": soup.lang,
    }
    keys = generic_authors.page_keys(soup, url)
    meta_author = generic_authors.meta_author(soup, keys)
    forms = generic_authors.page_forms(soup)  # before strip_noise removes them, the byline inside too
    author_obj = generic_authors.with_author_refs(soup, obj)  # the graph's Person nodes, before the strip
    meta_image = _image(soup, obj, None, url)
    published_meta = meta_dates(soup, PUBLISHED_META)
    marked = generic_dates.marked_published(soup, title)  # before strip_noise: a theme's entry header/footer
    read_also_lines: list[str] = []  # pruned from the container; looked for in trafilatura's body too
    container = _container(soup, matched, read_also_lines)
    if container is None:  # trafilatura reads the whole page: the page's read-also lines leave its body
        read_also_lines = read_also.lines_of(tree.parse(soup.text))  # as served, before strip_noise
    if not title:
        found = layout.title_line(soup, container)
        title = found[0] if found else None
        if found:
            matched["title"] = found[1]
    elif matched.get("title") == "list-hint":  # a hint cut short yields to the page's whole text (title_forms)
        whole = title_forms.completed_hint(title, [(layout.title_line(soup, container) or ("",))[0], text_of(soup.title)])
        if whole:
            title, matched["title"] = whole, "hint-completed"
    title = title or _page_title(soup, matched)
    byline = generic_authors.read_byline(soup, author_obj, container, title, keys, meta_author, matched, forms)
    if byline is None and matched.get("body") == generic_body.FORUM_RULE:
        byline = body_forum.poster_of(container)  # the first post's poster
        if byline:
            matched["authors"] = "forum:first-poster"
    dates = _dates(soup, obj, container, url, hints, matched, published_meta, title, marked)
    if forms and all(d.origin == "url" for d in dates):  # the date line went with the page-wide <form>
        dates = form_dates.date_in_page_forms(soup, forms, title, DATE_SELECTORS, matched) + dates
    image = meta_image or _image(soup, None, container, url)
    body = None if body_given and container is not None else generic_body.body(
        container, soup, title, soup.text, url, matched, byline, tuple(d.raw for d in dates if d.origin == "text"),
        tuple(read_also_lines))
    return RawArticle(url=url, title=title, dates=dates, byline=byline, body_html=body, image=image, matched=matched,
                      **head)


def _hint(hints: Mapping[str, str], key: str, matched: dict[str, str]) -> str | None:
    if hints.get(key):
        matched[key] = "list-hint"
        return hints[key]
    return None


def _title(soup: Page, obj: dict | None, matched: dict[str, str], url: str = "") -> str | None:
    found = generic_title.pick_title(soup, obj, url)
    if found:
        matched["title"] = found[1]
        return found[0]
    return None


def _page_title(soup: Page, matched: dict[str, str]) -> str | None:
    """<title>, the last resort: on old portals it is often only the site's name."""
    if soup.title is not None and text_of(soup.title):
        matched["title"] = "title"
        return text_of(soup.title)
    return None


def _container(soup: Page, matched: dict[str, str], read_also_lines: list[str]) -> Tag | None:
    layout.strip_noise(soup)
    for css, node in first_of_each(soup, CONTENT_SELECTORS):
        if node is not None and len(tree.get_text(node, " ", strip=True)) >= MIN_BODY_CHARS:
            matched["body"] = f"css:{css}"
            node = _first_post(node, matched)
            _join_parts(node, matched)
            generic_body.prune(node, read_also_lines)
            return node
    node = layout.densest_block(soup)
    if node is not None:
        matched["body"] = "layout:densest-block"
        node = _first_post(node, matched)
        _join_parts(node, matched)
        layout.paragraphize(node, soup)
        generic_body.prune(node, read_also_lines)
    return node


def _first_post(container: Tag, matched: dict[str, str]) -> Tag:
    """In a forum thread the first post is the article (body_forum), whichever post the container is."""
    post = body_forum.first_post(container)
    if post is None:
        return container
    matched["body"] = generic_body.FORUM_RULE
    return post


def _join_parts(container: Tag, matched: dict[str, str]) -> None:
    """The container's sibling parts (an ad block cut the article in two) come back into it (body_split)."""
    parts = body_split.join_parts(container)
    if parts:
        matched["body_parts"] = str(len(parts) + 1)


def _dates(soup, obj, container, url: str, hints: Mapping[str, str], matched: dict[str, str],
           published_meta: tuple[RawDate, ...] = (), title: str | None = None,
           marked: tuple[RawDate, str] | None = None) -> tuple[RawDate, ...]:
    found: list[tuple[RawDate, str]] = []
    found += [(d, "jsonld.datePublished") for d in jsonld_dates(obj, "datePublished")]
    found += [(d, "meta") for d in published_meta or meta_dates(soup, PUBLISHED_META)]
    found += [(marked[0], f"marked:{marked[1]}")] if marked else []
    found += [(d, "time[datetime]") for d in generic_dates.article_time(soup, title)
              if not marked or d.raw != marked[0].raw]
    shown = header_dates.header_lines(soup, title) if found else []  # before date_line takes its line out
    line = layout.date_line(soup, container, DATE_SELECTORS, title) or _row_above(soup, title)
    if line:
        found.append((RawDate(_day_first(line[0], soup, matched), "text"), line[1]))
        visible = generic_dates.visible_over_machine([d for d, _ in found], shown)
        if visible is not None:
            matched["date_shown"] = f"{line[1]} over {found[0][1]}"
            found.insert(0, found.pop())
    _shown_machine(found, shown, matched)
    if hints.get("date"):
        found.append((RawDate(hints["date"], "list"), "list-hint"))
    found.append((RawDate(url, "url"), "url"))
    if found and found[0][1] != "url":
        matched["date"] = found[0][1]
    return tuple(d for d, _ in found)


def _row_above(soup: Page, title: str | None) -> tuple[str, str] | None:
    """The date of a byline-and-date row above the title, else of a labelled date line there
    (families/byline_above.py); the row leaves the page."""
    row = byline_above.row_above(soup, title)
    if row is None:
        dated = byline_above.labelled_date_above(soup, title)  # "Cập nhật lúc 15:47 ngày 08/05/2019" above it
        if dated is None:
            return None
        tree.remove(dated[1])
        return dated[0], "layout:date-above"
    tree.remove(row[2])
    return row[1], "layout:byline-above"


def _day_first(line: str, soup: Page, matched: dict[str, str]) -> str:
    """The date line for the day-first tables; a month-first page's line swapped (families/date_order.py)."""
    swapped = date_order.day_first_line(line, soup)
    if swapped is None:
        return line
    matched["date_order"] = f"month-first: {line!r}"
    return swapped


def _shown_machine(found: list[tuple[RawDate, str]], shown: list[str], matched: dict[str, str]) -> None:
    """Machine dates of several days: the one the header lines show goes first (generic_dates)."""
    dates = [d for d, _ in found]
    index = generic_dates.shown_machine(dates, shown)
    if index is not None:
        matched["date_shown"] = f"{found[index][1]} over {found[0][1]}"
        found.insert(0, found.pop(index))
        return
    zoned = generic_dates.site_zone(dates[0], shown) if dates else None
    if zoned is not None:
        matched["date_zone"] = zoned[1]
        found[0] = (zoned[0], found[0][1])


def _summary(soup: Page, obj: dict | None) -> str | None:
    description = (obj or {}).get("description")
    if isinstance(description, str) and description.strip():
        return description.strip()
    found = meta_content(soup, "description", "og:description")
    return found[0] if found else None


# The lead ("sapo") a page shows under its title, read when no JSON-LD or <meta> description gives the summary.
SAPO_CSS = (".sapo, .sapo-detail, .detail-sapo, .detail__sapo, .news-sapo, .article-sapo, .detail-desc, .desc-detail, "
            ".box-des-detail, .summary-detail, .article-summary, .lead-detail")
SAPO_CHARS = (40, 600)  # shorter is a label, longer a body


def shown_sapo(soup: Page) -> str | None:
    """The first sapo element that is not a list item's teaser (inside a link or a <li>) and has a lead's length."""
    for node in select_all(soup, SAPO_CSS):
        text = text_of(node) or ""
        if (SAPO_CHARS[0] <= len(text) <= SAPO_CHARS[1] and tree.find_parent(node, "a") is None
                and tree.find_parent(node, "li") is None):
            return text
    return None


def _image(soup: Page, obj: dict | None, container: Tag | None, url: str) -> str | None:
    og = meta_content(soup, "og:image", "twitter:image")
    candidate = og[0] if og else jsonld_image((obj or {}).get("image"))
    if not candidate and container is not None:
        img = tree.find(container, "img")
        candidate = (img.get("data-src") or img.get("data-original") or img.get("src")) if img is not None else None
    return absolute(url, candidate)


def _tags(soup: Page, obj: dict | None) -> tuple[str, ...]:
    raw = (obj or {}).get("keywords")
    if not raw:
        found = meta_content(soup, "keywords", "news_keywords")
        raw = found[0] if found else None
    values = raw if isinstance(raw, list) else str(raw or "").split(",")
    tags = [" ".join(str(v).split()) for v in values]
    return tuple(dict.fromkeys(t for t in tags if t))


def _canonical(soup: Page, url: str) -> str | None:
    link = next((n for n in soup.elements("link") if "canonical" in " ".join(tree.classes_of(n, "rel"))), None)
    href = link.get("href") if link is not None else None
    if not href:
        og = meta_content(soup, "og:url")
        href = og[0] if og else None
    return join_url(url, href) if href else None
