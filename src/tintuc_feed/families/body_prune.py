"""Pruning inside the generic reader's body container: what sits in an article's column but is not the article.

Four tables, each row with its own test (tests/families/test_generic_body.py):

- PRUNE_ROWS: blocks known by their class/id words (related news, read-more boxes, comments, share bars,
  tag lists, ads, navigation, author boxes, ratings, tables of contents, disclosures), in Vietnamese and in
  the languages of the CMS themes a user may add;
- PRUNE_HEADINGS: the same blocks known by the heading that opens them, in Vietnamese, English, German,
  French, Spanish, Portuguese, Italian and Polish;
- PRUNE_TYPES: an editor's box known by its `type` attribute (VCCorp's "RelatedOneNews");
- READ_ALSO_LABELS: a short line that is a label and another article's headline ("Xem thêm: …",
  "Read more: …", "Lesen Sie auch: …").

Link lists (blocks whose text is mostly links) leave as well, and the site's calls to action past the body's
middle (body_promo: "Đăng ký nhận bản tin", "Follow us on …").  Everything is a pure function of the tree.
"""

from __future__ import annotations

import re

from lxml.etree import _Element as Tag

from . import body_promo, read_also, tree

# class/id words of blocks inside an article's column that are not the article.  Each row is one
# kind of block; the words match inside compound names ("jp-relatedposts", "tinlienquan").
PRUNE_ROWS = (
    ("related news", r"related|relatedposts|yarpp|lien-?quan|tinlienquan|tin-?khac|cung-?chuyen-?muc|internal-?link"),
    ("read more", r"xem-?them|xemthem|read-?more|more-?news|doc-?them|see-?also"),
    ("comments", r"comments?|binh-?luan|binhluan|disqus|fb-comments|respond|reply"),
    ("share bar", r"share|sharing|sharedaddy|addtoany|a2a|social|addthis|likebox|fb-like|zalo-share"),
    ("tag list", r"tags?|tagcloud|tu-?khoa|tukhoa|keywords?"),
    ("newsletter / ads", r"newsletter|subscribe|advert|adsbygoogle|quangcao|quang-?cao|banner|sponsor|ads?(?![a-z])"),
    ("navigation", r"breadcrumbs?|pagination|post-?nav|nav-?links|navigation|pager"),
    ("author box", r"about-?the-?author|author-?bio|saboxplugin"),
    ("rating", r"post-?ratings?|star-?rating|ratings?(?![a-z])|danh-?gia|binh-?chon"),
    ("table of contents", r"toc(?![a-z])|ez-toc|table-?of-?contents|muc-?luc"),
    ("disclosure", r"disclaimer|disclosure"),
    ("photo credit", r"credits?(?![a-z])|copyright|bildnachweis|bildquelle"),
    ("sidebar", r"sidebar|widget-?area"),
)
PRUNE_CLASS = re.compile(
    r"(^|[\s_-])(" + "|".join(f"(?:{words})" for _, words in PRUNE_ROWS) + r")",
    re.IGNORECASE,
)
# The photo-credit row also takes an inline element of its own (<span class="copyright-note"> in a
# figcaption: the caption stays, its credit leaves); no other row does (an inline "tag" or "share" word
# may sit in the article's sentence).
CREDIT_CLASS = re.compile(r"(^|[\s_-])(?:" + dict(PRUNE_ROWS)["photo credit"] + ")", re.IGNORECASE)
CREDIT_INLINE = ("span", "small", "cite")
CREDIT_MAX_CHARS = 100
# A credits block naming the writer ("Text: <span class="author">…</span>, Fotos: …") is the article's byline,
# not a photo credit: it stays for the byline reading (which takes it out of the body).
NOT_CREDIT_CLASS = re.compile(
    r"(^|[\s_-])(" + "|".join(f"(?:{words})" for row, words in PRUNE_ROWS if row != "photo credit") + r")",
    re.IGNORECASE,
)
_WRITER = "descendant-or-self::*[contains(@class, 'author') or contains(@itemprop, 'author') or contains(@rel, 'author')]"
# The kind of an editor's box, in its `type` attribute (the VCCorp editor that dantri, tuoitre, cafebiz, soha,
# giadinh and baochinhphu publish with writes <div class="VCSortableInPreviewMode" type="RelatedOneNews">):
# each row is one kind of box that is not the article.
PRUNE_TYPES = (
    ("related news box", r"related|tin-?lien-?quan"),
)
PRUNE_TYPE = re.compile("|".join(f"(?:{words})" for _, words in PRUNE_TYPES), re.IGNORECASE)
# Headings that open such a block (folded to lower case, NFC), by language.
PRUNE_HEADINGS = (
    # Vietnamese
    "tin liên quan", "bài viết liên quan", "tin cùng chuyên mục", "tin khác", "các tin khác", "xem thêm",
    "đọc thêm", "tin mới", "tin mới nhất", "tin đọc nhiều", "bình luận", "ý kiến bạn đọc", "gửi bình luận",
    "từ khóa", "từ khoá", "tin cùng mục", "cùng chuyên mục", "tags", "tag", "chia sẻ", "có thể bạn quan tâm",
    "bài viết cùng chuyên mục", "bài viết khác", "các bài viết khác", "tin bài khác", "các tin đã đưa", "chia sẻ lưu",
    # English
    "related", "related posts", "related articles", "related stories", "related content", "related topics",
    "read more", "see also", "more stories", "you may also like", "you might also like", "read next",
    "comments", "leave a reply", "leave a comment", "share this", "share", "share this article", "about the author",
    # German
    "mehr zum thema", "das könnte sie auch interessieren", "auch interessant", "lesen sie auch", "weitere artikel",
    "weitere beiträge", "weitere themen", "mehr themen", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel",
    "weiterführende links", "weiterführender link", "zum weiterlesen", "schlagworte", "schlagwörter", "kommentare",
    "keine kommentare", "artikel teilen", "diesen artikel teilen", "teilen",
    # French
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "sur le même sujet", "articles similaires",
    "articles liés", "commentaires", "partager", "mots-clés", "à lire également",
    # Spanish, Portuguese, Italian
    "temas relacionados", "noticias relacionadas", "artículos relacionados", "te puede interesar",
    "le puede interesar", "lee también", "lea también", "vea también", "ver también", "más noticias",
    "comentarios", "compartir", "etiquetas", "leia também", "veja também", "notícias relacionadas",
    "comentários", "leggi anche", "articoli correlati",
    # Polish
    "czytaj więcej", "czytaj też", "czytaj także", "zobacz też", "zobacz także", "komentarze",
    # a reader-feedback widget's question
    "bài viết có hữu ích không?", "bài viết có hữu ích với bạn không?", "was this article helpful?",
    "was this helpful?", "did you find this article helpful?", "war der artikel hilfreich?",
    "war dieser artikel hilfreich?", "war der artikel nützlich?", "möchten sie den artikel teilen?",
    "cet article vous a-t-il été utile ?", "¿te ha resultado útil este artículo?",
    # utility lines: back and print links, ad labels
    "quay lại", "trở về", "về đầu trang", "lên đầu trang", "in bài viết", "back", "back to top", "print",
    "zurück", "nach oben", "drucken", "retour", "imprimer", "volver", "imprimir", "advertisement", "anzeige",
    "werbung", "publicité", "publicidad", "quảng cáo",
)
# A short line made of one of these labels and another article's headline ("Xem thêm: …", "Read more: …").
READ_ALSO_LABELS = (
    "xem thêm", "đọc thêm", "tin liên quan", "có thể bạn quan tâm",
    "read more", "read also", "also read", "see also", "related",
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "zum weiterlesen", "siehe auch",
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lire également",
    "lea también", "lee también", "lea más", "lee más", "lea", "vea también", "ver también", "le puede interesar",
    "te puede interesar", "mira", "leia também", "veja também", "leia mais", "leggi anche",
    "czytaj więcej", "czytaj też", "czytaj także", "zobacz też", "zobacz także",
)
# A short line of the page's tools, not of the article: a view count, the rating form (VHV: "Tổng số điểm của bài
# viết là: …", "Đánh giá bài viết: …", "Bình chọn bài viết: …"), matched on the whole line, lower case.
UTILITY_LINE = re.compile(
    r"(?:số )?lượt (?:xem|đọc|truy cập)\s*:?\s*[\d.,]+|"
    r"(?:tổng số điểm của bài viết là|đánh giá bài viết|bình chọn bài viết)\s*:?.{0,60}"
)
UTILITY_LINE_MAX_CHARS = 100
READ_ALSO_MAX_CHARS = 200
_READ_ALSO = re.compile(r"^[>»›\s]*(" + "|".join(re.escape(w) for w in sorted(READ_ALSO_LABELS, key=len, reverse=True))
                        + r")\b\s*(:?)", re.IGNORECASE)
PRUNE_MAX_PARAGRAPH_CHARS = 300  # a block with more paragraph text than this is the article
LINK_DENSITY = 0.6  # a block whose text is at least this share of links is a link list
LINK_LIST_MIN_LINKS = 3
BLOCKS = ("div", "section", "ul", "ol", "table", "aside", "dl", "p")



def prune(container: Tag, read_also_lines: list[str] | None = None) -> list[str]:
    """Remove the non-article blocks inside the container; the rows that matched, in order.

    `read_also_lines` gets the text of each read-also line removed (read_also.remove)."""
    removed: list[str] = []
    for node in list(container.iterdescendants(*BLOCKS, "h2", "h3", "h4", "h5", "h6", "strong", "b", *CREDIT_INLINE)):
        if not _inside(node, container):
            continue
        why = _prune_reason(node)
        if why:
            removed.append(why)
            _remove_block(node, why)
    lines = read_also.remove(container)
    removed.extend("read-also" for _ in lines)
    removed.extend("promotion" for _ in range(body_promo.remove_promotions(container)))
    if read_also_lines is not None:
        read_also_lines.extend(lines)
    return removed


def _names_writer(node: Tag) -> bool:
    """The node holds an element marked as the writer (class, itemprop or rel "author")."""
    return bool(node.xpath(_WRITER))


def _inside(node: Tag, container: Tag) -> bool:
    """False once the node or an ancestor was removed (it no longer hangs under the container)."""
    return any(parent is container for parent in node.iterancestors())


def _prune_reason(node: Tag) -> str | None:
    if node.tag in CREDIT_INLINE:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        credit = names.strip() and CREDIT_CLASS.search(names) and len(tree.flat_text(node)) <= CREDIT_MAX_CHARS
        return "credit" if credit and not _names_writer(node) else None
    if node.tag in BLOCKS:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        pruned = names.strip() and PRUNE_CLASS.search(names) and _paragraph_chars(node) < PRUNE_MAX_PARAGRAPH_CHARS
        if pruned and (NOT_CREDIT_CLASS.search(names) or not _names_writer(node)):
            return "class"
        if PRUNE_TYPE.match(node.get("type") or "") and (_paragraph_chars(node) < PRUNE_MAX_PARAGRAPH_CHARS
                                                         or _teaser_paragraphs(node)):
            return "type"
        if node.tag != "p" and is_link_list(node):
            return "links"
    flat = tree.flat_text(node) if node.tag in _HEADING_TAGS else None  # read once for both tests
    if _heading_text(node, flat) in PRUNE_HEADINGS:
        return "heading"
    if node.tag in ("p", "div", "h3", "h4", "h5", "h6") and _is_read_also(node, flat):
        return "read-also"
    if node.tag in ("p", "div") and _is_utility_line(node, flat):
        return "utility-line"
    return None


def _is_utility_line(node: Tag, flat: str | None = None) -> bool:
    text = " ".join((tree.flat_text(node) if flat is None else flat).split())
    return 0 < len(text) <= UTILITY_LINE_MAX_CHARS and UTILITY_LINE.fullmatch(text.lower()) is not None


def _is_read_also(node: Tag, flat: str | None = None) -> bool:
    """A short line "label: headline", or a label followed by nothing but a link (`flat`: the node's flat_text)."""
    text = " ".join((tree.flat_text(node) if flat is None else flat).split())
    if not text or len(text) > READ_ALSO_MAX_CHARS:
        return False
    found = _READ_ALSO.match(text.lower())
    if found is None or found.end() >= len(text):
        return False
    if found.group(2):
        return True
    linked = sum(len(" ".join(tree.flat_text(a).split())) for a in node.iter("a") if a.get("href"))
    return linked > 0 and linked >= len(text) - found.end() - 2


def _remove_block(node: Tag, why: str) -> None:
    """Remove the node; a heading takes the link list after it along (and the box holding only both)."""
    if why != "heading":
        tree.remove(node)
        return
    box = node.getparent()
    following = node.getnext()
    while following is not None and following.tag == tree.GAP:
        following = following.getnext()
    tree.remove(node)
    if following is not None and is_link_list(following, min_links=1):
        tree.remove(following)
    if box is not None and box.tag in BLOCKS and is_link_list(box, min_links=1):
        tree.remove(box)


_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div")


def _heading_text(node: Tag, flat: str | None = None) -> str | None:
    if node.tag not in _HEADING_TAGS:
        return None
    text = tree.flat_text(node) if flat is None else flat
    if not text or len(text) > 40:
        return None
    return " ".join(text.lower().strip(" :»›><«‹").split())  # "<< Quay lại", "Xem thêm »"


def _teaser_paragraphs(node: Tag) -> bool:
    """Each paragraph of the box comes with a link of its own: the box's paragraphs are other articles' teasers
    (a VCCorp "RelatedNews" box: a linked headline and its sapo per item), however long they are together."""
    paragraphs = [p for p in node.iterdescendants("p") if tree.flat_text(p).strip()]
    links = [a for a in node.iterdescendants("a") if a.get("href") and tree.flat_text(a).strip()]
    return bool(paragraphs) and len(links) >= len(paragraphs)


def _paragraph_chars(node: Tag) -> int:
    return sum(len(tree.flat_text(p)) for p in node.iterdescendants("p"))


def is_link_list(node: Tag, min_links: int = LINK_LIST_MIN_LINKS) -> bool:
    """Mostly links, no long paragraph of its own: a list of other articles."""
    links = [a for a in node.iter("a") if a.get("href")]
    if len(links) < min_links:
        return False
    text = len(tree.flat_text(node))
    linked = sum(len(tree.flat_text(a)) for a in links)
    return text > 0 and linked / text >= LINK_DENSITY and _paragraph_chars(node) - linked < PRUNE_MAX_PARAGRAPH_CHARS
