"""The generic reader's article body: pruning inside the container, and trafilatura as a voter.

The structure picks a container (generic._container); this module

- prunes what sits inside an article's column but is not the article (body_prune: class/id words,
  opening headings and "read also" lines in several languages, link lists);
- asks trafilatura where the structure gives no strong answer (WEAK_RULES: the container is the
  densest block of paragraphs or a bare <article>; or the structure found no container).  Its body is
  taken when it holds real text; the decision and its source go to matched["body"] /
  matched["body_vote"] (the `_extraction` record).  A densest block that is clear (every paragraph of
  the page inside it, no link text, CLEAR_*) is not put to the vote: "structure:clear".
- A named content container (itemprop=articleBody, .entry-content, a family's selector) is not replaced
  blindly: only a short one (SHORT_NAMED_CHARS) that leaves some of the page's paragraphs out
  (holds_every_paragraph; else "structure:named whole") is put to the vote, and trafilatura's body takes its
  place only when it holds the container's words and several times as much prose ("trafilatura:holds";
  else "structure:named kept"): the container was the article's lead or one of its parts.
- trafilatura votes reading text only; where its body is taken, the container's photos (else the page's
  own, strictly beside the text it kept) go back beside their text (body_photos, matched["body_photos"]);
  its body ends before another articles' list heading (END_HEADINGS) and the site's colophon (body_end).

How the two bodies compare (agrees, holds_more, nearer_title, SHORT_NAMED_CHARS) is body_compare's.
Everything here is a pure function of the parsed page and its text.
"""

from __future__ import annotations

from html import escape

from lxml import etree
from lxml.etree import _Element as Tag

from . import body_compare as compare
from . import body_end, body_lead, body_photos, layout, read_also, tree, tree_html
from .body_prune import PRUNE_HEADINGS, PRUNE_ROWS, is_link_list, prune  # noqa: F401 - the body's pruning rows
from .justext_linear import use_linear_revision
from .page import Page
from .page_limits import too_many_blocks

WEAK_RULES = ("layout:densest-block", "css:article")
FORUM_RULE = "forum:first-post"  # a thread's first post (body_forum): the replies around it are not the article
MIN_VOTE_CHARS = 200  # trafilatura's body shorter than this is not taken


def is_weak(matched: dict[str, str]) -> bool:
    return matched.get("body") in WEAK_RULES


# A densest block this clear is not put to the vote (a trafilatura run costs more than reading the page).
CLEAR_SHARE = 1.0  # every paragraph of the page is inside the block
CLEAR_LINK_DENSITY = 0.0  # and none of its text is link text
CLEAR_MIN_CHARS = 200  # and it holds at least this much paragraph text


def clear_block(container: Tag, page: Page) -> tuple[float, float, int]:
    """(share of the page's paragraph text inside `container`, its link density, its paragraph chars)."""
    inside = sum(len(tree.get_text(p, " ", strip=True)) for p in container.iterdescendants("p"))
    total = sum(len(tree.get_text(p, " ", strip=True)) for p in page.root.iterdescendants("p"))
    text = len(tree.get_text(container, " ", strip=True)) or 1
    links = sum(len(tree.get_text(a, " ", strip=True)) for a in container.iterdescendants("a"))
    return (inside / total if total else 0.0), links / text, inside


def is_clear(container: Tag, page: Page, matched: dict[str, str]) -> bool:
    """The densest block holds nearly all the page's paragraphs and few links: the structure is sure."""
    if matched.get("body") != "layout:densest-block":
        return False
    share, link_density, chars = clear_block(container, page)
    return share >= CLEAR_SHARE and link_density <= CLEAR_LINK_DENSITY and chars >= CLEAR_MIN_CHARS


def body(container: Tag | None, page: Page, title: str | None, text: str, url: str,
         matched: dict[str, str], byline: str | None = None, read_lines: tuple[str, ...] = (),
         read_also_lines: tuple[str, ...] = ()) -> str | None:
    """The body HTML: the container's, or trafilatura's where the structure is weak (see the module doc).

    `byline` is the line the structure took as the byline ending the body: trafilatura's body is cut
    there too (what follows a portal's byline is the next article's teaser); `read_lines` (the title,
    the date line) are fields, not body text, and leave trafilatura's body as they left the container;
    `read_also_lines` (links to other articles pruned from the container) leave it even inside a paragraph.
    """
    ours = layout.body_html(container, page, title) if container is not None else None
    if ours is not None and matched.get("body") == FORUM_RULE:
        return ours  # trafilatura reads the whole thread: no vote, no lead above the post
    lead = body_lead.lead_html(container) if ours is not None and not is_weak(matched) else None
    if lead is not None:
        ours, matched["body_lead"] = lead[0] + ours, lead[1]
    if ours is not None and not is_weak(matched):
        if not compare.is_short(ours):
            return ours
        if holds_every_paragraph(container, page):
            matched["body_vote"] = "structure:named whole"
            return ours
        return _named_vote(ours, text, url, matched, byline, (title or "", *read_lines), read_also_lines)
    if ours is not None and is_clear(container, page, matched):
        matched["body_vote"] = "structure:clear"
        return ours
    voted = _voted_body(text, url, byline if matched.get("authors") == "layout:byline-line" else None,
                        (title or "", *read_lines), fallback=ours is None, read_also_lines=read_also_lines)
    if voted is None or len(compare.text_of_html(voted)) < MIN_VOTE_CHARS:
        if ours is not None:
            matched["body_vote"] = "trafilatura:none"
            return ours
        if voted is not None:
            matched["body"] = "trafilatura"
        return voted
    if ours is not None:
        voted = compare.cut_headline_tail(voted, ours)
        kept, covers, covered = compare.agrees(ours, voted)
        if RECORD is not None:
            RECORD.append((ours, voted, covers, covered))
        if kept:
            matched["body_vote"] = f"trafilatura:agrees {covers:.2f}/{covered:.2f}"
            return ours
        if matched.get("body_parts") and covered >= compare.AGREE_VOTED_IN_OURS:
            matched["body_vote"] = f"structure:parts {covers:.2f}/{covered:.2f}"
            return ours
        if max(covers, covered) < compare.DISAGREE and title and compare.nearer_title(text, title, ours, voted):
            matched["body_vote"] = f"trafilatura:disagrees {covers:.2f}/{covered:.2f}, ours follows the title"
            return ours
        matched["body_vote"] = f"trafilatura:taken over {matched.get('body')} {covers:.2f}/{covered:.2f}"
        voted = _with_opening(voted, ours, matched)
        voted = _with_photos(voted, ours, matched, text)
    matched["body"] = "trafilatura"
    return voted


def holds_every_paragraph(container: Tag, page: Page) -> bool:
    """Every paragraph of the page (with text) is inside the container, which holds at least one.

    A short named container like this is the whole article, not its lead or one of its parts: it is not
    put to the vote ("structure:named whole"; on trafilatura's evaluation set the vote kept 19 of the 20 such
    containers; body F1 unchanged on both halves, docs/BENCHMARKS.md).
    """
    share, _, chars = clear_block(container, page)
    return chars > 0 and share >= CLEAR_SHARE


def _named_vote(ours: str, text: str, url: str, matched: dict[str, str], byline: str | None,
                read_lines: tuple[str, ...], read_also_lines: tuple[str, ...] = ()) -> str:
    """A short named container against trafilatura's body: kept unless trafilatura's holds it and more."""
    voted = _voted_body(text, url, byline if matched.get("authors") == "layout:byline-line" else None,
                        read_lines, fallback=False, read_also_lines=read_also_lines)
    if voted is None:
        matched["body_vote"] = "trafilatura:none"
        return ours
    voted = compare.cut_headline_tail(voted, ours)
    take, covers, grown = compare.holds_more(ours, voted)
    if take:
        matched["body_vote"] = f"trafilatura:holds {matched.get('body')} {covers:.2f} x{grown:.1f}"
        matched["body"] = "trafilatura"
        return _with_photos(voted, ours, matched, text)
    matched["body_vote"] = f"structure:named kept {covers:.2f} x{grown:.1f}"
    return ours


def _with_photos(voted: str, ours: str, matched: dict[str, str], page_html: str) -> str:
    """trafilatura's text-only body with the container's photos put back beside their text, else the page's
    photos right beside the text it kept (body_photos)."""
    voted, placed = body_photos.photos_back(voted, ours, page_html)
    if placed:
        matched["body_photos"] = placed
    return voted


def _with_opening(voted: str, ours: str, matched: dict[str, str]) -> str:
    """trafilatura's body with our opening prose it left out in front (body_lead.missing_opening)."""
    blocks = [" ".join(tree.flat_text(b).split()) for b in layout.leaf_blocks(compare.fragment(ours))]
    theirs = " ".join(tree.flat_text(compare.fragment(voted)).split())
    opening = body_lead.missing_opening([b for b in blocks if b], theirs)
    if not opening:
        return voted
    matched["body_opening"] = str(len(opening))
    return "".join(f"<p>{escape(line)}</p>" for line in opening) + voted


RECORD: list | None = None  # benchmarks may collect (ours, voted, covers, covered) here
def _voted_body(text: str, url: str, byline: str | None, read_lines: tuple[str, ...], fallback: bool,
                read_also_lines: tuple[str, ...] = ()) -> str | None:
    html = trafilatura_html(text, url, fallback)
    if html is None:
        return None
    root = etree.fromstring(html, etree.HTMLParser())
    body_el = root.find("body") if root is not None else None
    if body_el is None:
        return None
    if byline:
        cut_at_line(body_el, byline)
    remove_lines(body_el, read_lines)
    read_also.remove_lines_within(body_el, read_also_lines)
    cut_at_end_heading(body_el)
    body_end.cut_at_colophon(body_el)
    body_end.cut_time_list(body_el)
    prune(body_el)
    return tree_html.inner_html(body_el).strip() or None


def remove_lines(root: Tag, lines: tuple[str, ...]) -> None:
    """Remove the headings and leaf blocks that show exactly one of these lines."""
    wanted = {" ".join(line.split()) for line in lines if line and line.strip()}
    for node in layout.leaf_blocks(root) + tree.descendants(root, "h1", "h2"):
        if " ".join(tree.flat_text(node).split()) in wanted:
            tree.remove(node)


# Headings that end an article in an extractor's output: what follows is the site's, not the article's.
END_HEADINGS = ("tin cùng mục", "tin cùng chuyên mục", "tin liên quan", "bài viết liên quan", "tin nổi bật",
                "các tin khác", "tin khác", "tin mới hơn", "tin cũ hơn", "tin đã đưa", "xem thêm các tin",
                "tin bài liên quan", "tin bài khác", "tin bài cùng chuyên mục", "cùng chuyên mục", "bài cùng chuyên mục",
                "bài viết khác", "tin cùng chủ đề", "theo dòng sự kiện", "có thể bạn quan tâm",
                "related posts", "related articles", "you may also like", "more stories")
END_HEADING_MAX_CHARS = 60


def cut_at_end_heading(root: Tag) -> bool:
    """Remove, in the body's second half, the first block opening with an END_HEADINGS phrase and all after it."""
    blocks = layout.leaf_blocks(root)
    for index in range(len(blocks) // 2, len(blocks)):
        text = " ".join(tree.flat_text(blocks[index]).split()).lower()
        if len(text) <= END_HEADING_MAX_CHARS and text.startswith(END_HEADINGS):
            for node in blocks[index:]:
                tree.remove(node)
            return True
    return False


def cut_at_line(root: Tag, line: str) -> bool:
    """Remove the leaf block showing exactly this line (in the body's second half) and every block after it."""
    wanted = " ".join(line.split())
    blocks = layout.leaf_blocks(root)
    for index in range(len(blocks) - 1, len(blocks) // 2 - 1, -1):
        if " ".join(tree.flat_text(blocks[index]).split()) == wanted:
            for node in blocks[index:]:
                tree.remove(node)
            return True
    return False


def trafilatura_html(text: str, url: str, fallback: bool = False) -> str | None:
    """The maintained main-text extractor's body as HTML.

    As a voter: its own evaluation's settings (balanced, tables, no images: image credits and captions
    around a body are what it then takes wrongly).  As the only reader (no container at all): precision
    first, with images, as the fallback always read; its balanced reading when that finds almost nothing.
    None on a page of more blocks than the libraries read in bounded time (page_limits.py).
    """
    if too_many_blocks(text):
        return None
    import trafilatura

    use_linear_revision()  # its jusText fallback is quadratic in short blocks (justext_linear.py)
    if fallback:
        precise = trafilatura.extract(text, url=url, output_format="html", include_images=True, favor_precision=True)
        if precise and len(compare.text_of_html(precise)) >= MIN_VOTE_CHARS:
            return precise
        # precision first found (almost) nothing: its balanced reading, as its own evaluation runs it
        return trafilatura.extract(text, url=url, output_format="html", include_images=True, include_tables=True,
                                   include_comments=False) or precise or None
    return trafilatura.extract(text, url=url, output_format="html", include_images=False, include_tables=True,
                               include_comments=False) or None
