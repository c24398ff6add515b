"""The generic reader's body: pruning rows inside the container, and trafilatura as a voter (generic_body)."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_compare, body_prune, generic, generic_body, tree
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

ARTICLE = "".join(
    f"<p>Đoạn {i}: Công an tỉnh tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh trật tự trên địa bàn, "
    f"lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm số {i}.</p>"
    for i in range(1, 6)
)
LINKS = "".join(f'<li><a href="/tin-{i}.html">Bài khác số {i} về an ninh trật tự</a></li>' for i in range(4))

# One class/id per PRUNE_ROWS row, as sites write them.
ROW_NAMES = {
    "related news": ["jp-relatedposts", "tinlienquan", "box-tin-lien-quan", "tin-khac"],
    "read more": ["xem-them", "read-more-links", "box_doc-them"],
    "comments": ["comments-area", "binh-luan", "fb-comments"],
    "share bar": ["sharedaddy", "addtoany_share", "social-icons"],
    "tag list": ["tags-links", "box-tu-khoa", "tagcloud"],
    "newsletter / ads": ["newsletter-signup", "quangcao", "adsbygoogle"],
    "navigation": ["post-navigation", "breadcrumbs"],
    "author box": ["saboxplugin-wrap", "about-the-author", "author-bio"],
    "rating": ["post-ratings", "star-rating", "box-danh-gia"],
    "table of contents": ["toc_container", "ez-toc-container", "table-of-contents"],
    "disclosure": ["aawp-disclaimer", "affiliate-disclosure"],
    "photo credit": ["photo-credit", "image-credits", "footer-copyright", "bildnachweis"],
    "sidebar": ["sidebar-widget", "widget-area"],
}
# Compound names whose words only look like a row's ("ad" in "header", "toc" in "stock").
NOT_ROW_NAMES = ["header", "lead-text", "address", "stock-chart", "article-tocontent", "readers-letter",
                 "creditors-report"]


def test_every_row_has_a_case():
    assert {name for name, _ in generic_body.PRUNE_ROWS} == set(ROW_NAMES)


def _container(inner: str):
    page = parse_html(f"<html><body><div id='main'>{inner}</div></body></html>")
    return page, tree.select(page.root, "#main")[0]


@pytest.mark.parametrize(("row", "name"), [(r, n) for r, names in ROW_NAMES.items() for n in names])
def test_prune_row_removes_the_block(row, name):
    _page, node = _container(f"{ARTICLE}<div class='{name}'><b>Khối</b><ul>{LINKS}</ul></div>")
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert "Bài khác số 1" not in text and "Đoạn 5" in text


@pytest.mark.parametrize("name", NOT_ROW_NAMES)
def test_a_name_only_containing_a_rows_letters_stays(name):
    _page, node = _container(f"{ARTICLE}<div class='{name}'><p>Khối nội dung ngắn của bài viết.</p></div>")
    generic_body.prune(node)
    assert "Khối nội dung" in tree.get_text(node, " ")


@pytest.mark.parametrize("label", body_prune.READ_ALSO_LABELS)
def test_a_read_also_line_leaves(label):
    line = f"<p>{label.capitalize()}: Bắt giữ đối tượng lừa đảo chiếm đoạt tài sản qua mạng</p>"
    linked = f"<p><strong>{label.upper()}</strong> <a href='/tin/khac.html'>Bắt giữ đối tượng trộm cắp</a></p>"
    _page, node = _container(ARTICLE + line + linked)
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert "Bắt giữ" not in text and "Đoạn 5" in text


@pytest.mark.parametrize("html", [
    "<p>Xem thêm về quy định này, người dân có thể liên hệ trực tiếp cơ quan Công an xã nơi cư trú.</p>",  # no colon
    "<p>Read more: " + "the unit said the patrols would continue through the holiday and beyond. " * 4 + "</p>",  # long
    "<p>Mira cómo la policía detuvo al sospechoso en el centro de la ciudad.</p>",  # a sentence, no link
])
def test_a_sentence_opening_with_a_label_stays(html):
    _page, node = _container(ARTICLE + html)
    generic_body.prune(node)
    assert len(tree.get_text(node, " ")) > len(tree.get_text(_container(ARTICLE)[1], " "))


@pytest.mark.parametrize("name", ["related", "comments", "share"])
def test_prune_row_keeps_a_block_holding_the_article(name):
    _page, node = _container(f"<div class='{name}-wrap'>{ARTICLE}</div>")
    generic_body.prune(node)
    assert "Đoạn 1" in tree.get_text(node, " ") and "Đoạn 5" in tree.get_text(node, " ")


@pytest.mark.parametrize("heading", generic_body.PRUNE_HEADINGS)
def test_prune_heading_takes_its_link_list(heading):
    _page, node = _container(f"{ARTICLE}<h3>{heading.capitalize()}</h3><ul>{LINKS}</ul>")
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert heading not in text.lower() and "Bài khác" not in text and "Đoạn 5" in text


def test_a_link_list_inside_the_column_leaves():
    _page, node = _container(f"{ARTICLE}<div class='box'>{LINKS}</div><p>Đoạn kết của bài viết.</p>")
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert "Bài khác" not in text and "Đoạn kết" in text


def test_a_paragraph_with_a_link_stays():
    _page, node = _container(f"{ARTICLE}<p>Theo <a href='/a'>Bộ Công an</a>, vụ việc đang được điều tra làm rõ.</p>")
    generic_body.prune(node)
    assert "Bộ Công an" in tree.get_text(node, " ")


@pytest.mark.parametrize("heading", generic_body.END_HEADINGS)
def test_an_end_heading_cuts_the_extractors_body(heading):
    _page, node = _container(f"{ARTICLE}<h3>{heading.capitalize()} Giáo dục</h3><p>Tin của mục khác.</p>")
    assert generic_body.cut_at_end_heading(node)
    text = tree.get_text(node, " ")
    assert "mục khác" not in text and "Đoạn 5" in text


def test_an_end_heading_in_the_first_half_is_not_the_end():
    _page, node = _container(f"<h3>Tin liên quan</h3>{ARTICLE}")
    assert not generic_body.cut_at_end_heading(node)


def test_agreement_needs_our_words_in_theirs_and_most_of_theirs_in_ours():
    assert body_compare.agrees(ARTICLE, ARTICLE)[0]
    assert not body_compare.agrees(ARTICLE + "<ul>" + LINKS * 3 + "</ul>", ARTICLE)[0]  # ours holds boilerplate
    half = ARTICLE[: len(ARTICLE) // 3]
    assert not body_compare.agrees(half, ARTICLE)[0]  # ours misses most of it


def _read(html: str, url: str = "https://example.org/tin/bai-viet.html"):
    source = Source(id="adhoc", name="example.org", list_urls=(url,), article_url_pattern=".")
    return generic.parse_article(url, html, source, {})


TITLE = "Công an tỉnh triển khai kế hoạch bảo đảm an ninh dịp Tết"


def _page(body: str) -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"<h1>{TITLE}</h1>{body}<div class='footer-info'><p>Cơ quan chủ quản: Công an tỉnh. Địa chỉ trụ sở "
            "số 1 đường Lê Duẩn. Điện thoại đường dây nóng của cơ quan thường trực.</p></div></body></html>")


LONG_ARTICLE = ARTICLE + ARTICLE.replace("Đoạn", "Phần")  # over SHORT_NAMED_CHARS of text


def test_a_named_container_is_never_put_to_the_vote():
    raw = _read(_page(f"<div class='entry-content'>{LONG_ARTICLE}</div>"))
    assert raw.matched["body"] == "css:.entry-content" and "body_vote" not in raw.matched


LEAD = ("<p>Sáng nay, Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm qua và "
        "triển khai nhiệm vụ trọng tâm của năm tới trên địa bàn toàn tỉnh.</p>")


def test_a_short_named_container_trafilatura_holds_with_more_gives_way():
    # The named container holds only the lead; the article's paragraphs follow it in a plain block.
    raw = _read(_page(f"<article><div class='entry-content'>{LEAD}</div><div class='x'>{LONG_ARTICLE}</div></article>"))
    assert raw.matched["body"] == "trafilatura", raw.matched
    assert raw.matched["body_vote"].startswith("trafilatura:holds css:.entry-content"), raw.matched
    assert "Sáng nay" in raw.body_html and "Phần 5" in raw.body_html


def test_a_short_named_container_trafilatura_agrees_with_is_kept():
    # a paragraph outside the container: it is put to the vote (one holding every paragraph is not)
    raw = _read(_page(f"<div class='entry-content'>{ARTICLE}</div>{OUTSIDE}"))
    assert raw.matched["body"] == "css:.entry-content"
    assert raw.matched["body_vote"].startswith("structure:named kept"), raw.matched
    assert "Đoạn 1" in raw.body_html and "Đoạn 5" in raw.body_html


OTHER = "".join(f"<p>Mục {i}: Hội nông dân xã hướng dẫn bà con gieo sạ lúa vụ đông xuân, chăm sóc vườn cây "
                f"ăn trái và phòng trừ sâu bệnh cho cây trồng theo lịch thời vụ của huyện, đợt {i}.</p>" for i in range(1, 13))
CHROME = ("<p>Thứ Hai, 08/03/2021 13:28 Đăng nhập</p><p>CÔNG AN TỈNH</p><ul>"
          + "".join(f"<li>Khen thưởng thanh niên lực lượng huyện số {i} 05/01/2023 14:25</li>" for i in range(30))
          + "</ul>" + "".join(f"<p>Giao thông pháp luật thanh niên năm toàn dân năm biên giới căn cước phòng cháy pháp luật "
                              f"tội phạm lừa đảo an ninh pháp luật công an tỉnh huyện xã lực lượng {i}</p>" for i in range(30)))
HOLDS_CASES = (
    ("a portal's chrome around the container: date lines, headline lists, unfinished teasers", ARTICLE,
     CHROME + ARTICLE + CHROME, False),
    ("trafilatura's body is the container and more", ARTICLE, ARTICLE + OTHER, True),
    ("the same text", ARTICLE, ARTICLE, False),
    ("another text, longer", ARTICLE, OTHER, False),
    ("a bit more than the container", ARTICLE, ARTICLE + OTHER[:300] + "</p>", False),
    ("the container is a lead, half of it in a body many times longer", LEAD + "<p>Ảnh: Công an tỉnh cung cấp.</p>",
     LEAD + ARTICLE + OTHER, True),
)


@pytest.mark.parametrize("case, ours, voted, take", HOLDS_CASES, ids=[c[0] for c in HOLDS_CASES])
def test_trafilatura_replaces_a_short_named_container_only_when_it_holds_it_and_more(case, ours, voted, take):
    assert body_compare.holds_more(ours, voted)[0] is take


OUTSIDE = "<div class='y'><p>Ghi chú: Tòa soạn giữ bản quyền nội dung đăng tải trên trang này.</p></div>"


def test_a_weak_container_trafilatura_agrees_with_is_kept():
    raw = _read(_page(f"<div class='x'>{ARTICLE}</div>{OUTSIDE}"))
    assert raw.matched["body"] == "layout:densest-block"
    assert raw.matched["body_vote"].startswith("trafilatura:agrees")
    assert "Đoạn 1" in raw.body_html and "Đoạn 5" in raw.body_html


def test_a_weak_container_too_small_gives_way_to_trafilatura():
    # The article is split in two columns of paragraphs: the densest block holds only the larger part.
    long_part = ARTICLE + ARTICLE.replace("Đoạn", "Phần")
    raw = _read(_page(f"<div class='a'>{long_part}</div><div class='b'>{ARTICLE.replace('Đoạn', 'Mục')}</div>"))
    assert raw.matched["body"] == "trafilatura", raw.matched
    assert raw.matched["body_vote"].startswith("trafilatura:taken over layout:densest-block")
    assert "Phần 5" in raw.body_html and "Mục 5" in raw.body_html


def test_the_byline_the_structure_cut_leaves_trafilaturas_body():
    teaser = "<p>Đêm 21/2, giao thông tại cửa ngõ phía Nam Thủ đô đông đúc do người dân trở lại làm việc.</p>"
    html = ARTICLE + "<p>Hoàng Anh</p>" + teaser
    _page, node = _container(html)
    assert generic_body.cut_at_line(node, "Hoàng Anh")
    assert "Đêm 21/2" not in tree.get_text(node, " ") and "Đoạn 5" in tree.get_text(node, " ")


def test_nearer_title_finds_a_body_opening_with_a_label_the_page_splits():
    # trafilatura joins a box label to the first line ("TIN TIÊU ĐIỂM Sáng nay ..."): the body is still
    # found in the page text by a later run of its words.
    page = _page(f"<div>{ARTICLE}</div>") + "<div><p>Chia sẻ ảnh của bạn theo chủ đề</p></div>"
    theirs = "<p>TIN TIÊU ĐIỂM</p>" + ARTICLE  # the label is not in the page's text before the article
    assert body_compare.nearer_title(page, TITLE, theirs, "<p>Chia sẻ ảnh của bạn theo chủ đề</p>")


def test_nearer_title_prefers_the_text_under_the_title():
    page = _page(f"<div>{ARTICLE}</div>") + "<div><p>Chia sẻ ảnh của bạn theo chủ đề quê hương</p></div>"
    ours, theirs = ARTICLE, "<p>Chia sẻ ảnh của bạn theo chủ đề quê hương</p>"
    assert body_compare.nearer_title(page, TITLE, ours, theirs)
    assert not body_compare.nearer_title(page, TITLE, theirs, ours)


def test_a_headline_list_after_our_last_paragraph_leaves_trafilaturas_body():
    ours = ARTICLE
    headlines = "".join(f"<p>Chứng khoán phiên {i}/3: Rung lắc mạnh, VN-Index về 1.767 điểm</p>" for i in range(4))
    cut = body_compare.cut_headline_tail(ARTICLE + headlines, ours)
    assert "Chứng khoán" not in cut and "Đoạn 5" in cut


def test_sentences_after_our_last_paragraph_stay_in_trafilaturas_body():
    more = "<p>Vụ việc đang được cơ quan điều tra tiếp tục làm rõ để xử lý theo quy định của pháp luật.</p>"
    ours = ARTICLE
    assert "tiếp tục làm rõ" in body_compare.cut_headline_tail(ARTICLE + more, ours)


def _bare_page(body: str) -> str:
    """_page without paragraphs outside the article: the footer is a <div> of text."""
    return (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"<h1>{TITLE}</h1>{body}<div class='footer-info'>Cơ quan chủ quản: Công an tỉnh.</div></body></html>")


# (case, page, put to the vote?) -- a densest block is clear, and costs no trafilatura run, only when
# every paragraph of the page is inside it, none of its text is link text, and it holds 200 characters.
CLEAR_CASES = (
    ("every paragraph inside, no link", _bare_page(f"<div class='x'>{ARTICLE}</div>"), False),
    ("a paragraph outside the block", _bare_page(f"<div class='x'>{ARTICLE}</div>{OUTSIDE}"), True),
    ("a link inside the block",
     _bare_page(f"<div class='x'>{ARTICLE}<p>Xem <a href='/tin/khac.html'>tin khác</a> ở đây.</p></div>"), True),
    ("too little text", _bare_page("<div class='x'><p>Một đoạn ngắn của bài viết này.</p></div>"), True),
)


@pytest.mark.parametrize("case, html, voted", CLEAR_CASES, ids=[c[0] for c in CLEAR_CASES])
def test_a_clear_densest_block_is_not_put_to_the_vote(case, html, voted):
    raw = _read(html)
    vote = raw.matched.get("body_vote", "")
    if voted:
        assert vote.startswith("trafilatura:") or raw.matched["body"] == "trafilatura", raw.matched
    else:
        assert raw.matched["body"] == "layout:densest-block" and vote == "structure:clear", raw.matched
        assert "Đoạn 1" in raw.body_html and "Đoạn 5" in raw.body_html


def test_the_fallback_reads_trafilaturas_balanced_body_when_precision_finds_almost_nothing(monkeypatch):
    import trafilatura

    real = trafilatura.extract
    calls = []

    def precision_finds_little(text, **options):  # trafilatura's precision mode, as on a blog page it misreads
        calls.append(options.get("favor_precision", False))
        return "<p>Trang chủ</p>" if options.get("favor_precision") else real(text, **options)

    monkeypatch.setattr(trafilatura, "extract", precision_finds_little)
    html = _page(f"<div class='x'>{ARTICLE}</div>")
    body = generic_body.trafilatura_html(html, "https://example.org/a", fallback=True)
    assert calls == [True, False] and "Đoạn 5" in body


def test_the_fallback_keeps_trafilaturas_precise_body_when_it_holds_text():
    html = _page(f"<div class='x'>{LONG_ARTICLE}</div>")
    assert "Phần 5" in generic_body.trafilatura_html(html, "https://example.org/a", fallback=True)


# One editor's box per PRUNE_TYPES row, as the VCCorp editor writes it.
TYPE_CASES = {
    "related news box": [
        ("<div class='VCSortableInPreviewMode' type='RelatedOneNews'><div><a class='OneNewsTitle' href='/tin-1.htm'>"
         "Bài khác số 1 về an ninh trật tự</a><p>Tóm tắt bài khác.</p></div></div>"),
        ("<div class='VCSortableInPreviewMode' type='RelatedNewsBox'><ul><li><a href='/tin-1.htm'>"
         "Bài khác số 1 về an ninh trật tự</a></li></ul></div>"),
        # items with long sapos (more paragraph text than a block of the article): one link per sapo
        ("<div class='VCSortableInPreviewMode' type='RelatedNews'><table>" + "".join(
            f"<tr><td><a href='/tin-{i}.htm'><img src='/a{i}.jpg'/></a><a href='/tin-{i}.htm'>Bài khác số {i} về an "
            f"ninh trật tự</a><p>(Báo) - Tóm tắt dài của bài khác số {i}: {'nhiều chi tiết về vụ việc ' * 6}.</p>"
            "</td></tr>" for i in range(1, 4)) + "</table></div>"),
    ],
}


def test_every_type_row_has_a_case():
    assert {name for name, _ in body_prune.PRUNE_TYPES} == set(TYPE_CASES)


@pytest.mark.parametrize("box", [b for boxes in TYPE_CASES.values() for b in boxes])
def test_prune_type_removes_the_editors_box(box):
    _page, node = _container(ARTICLE.replace("<p>Đoạn 3", box + "<p>Đoạn 3"))  # inside the article
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert "Bài khác số 1" not in text and "Đoạn 5" in text


def test_a_related_box_whose_paragraphs_are_not_teasers_stays():
    # a box typed "related" holding the article's own paragraphs (no link per paragraph): the article's
    box = f"<div type='RelatedContent'>{ARTICLE}</div>"
    _page, node = _container(box)
    generic_body.prune(node)
    assert "Đoạn 5" in tree.get_text(node, " ")


def test_an_editors_box_of_another_type_stays():
    # a photo or a content box (a side story of the article itself) is the article's
    box = "<div class='VCSortableInPreviewMode' type='content'><h3>Hoa tiền triệu hạ nhiệt</h3><p>Một cửa hàng.</p></div>"
    _page, node = _container(ARTICLE + box)
    generic_body.prune(node)
    assert "Hoa tiền triệu hạ nhiệt" in tree.get_text(node, " ")


@pytest.mark.parametrize("name", ["copyright-note", "image-credit", "credits", "photo_credit", "bildnachweis"])
def test_a_photo_credit_span_leaves_its_caption(name):
    figure = (f"<figure><img src='/anh/a.jpg'/><figcaption>Lễ ra quân tại huyện."
              f"<span class='{name}'>Foto: Bundesregierung/Kugler</span></figcaption></figure>")
    _page, node = _container(ARTICLE + figure)
    generic_body.prune(node)
    text = tree.get_text(node, " ")
    assert "Lễ ra quân tại huyện" in text and "Kugler" not in text and tree.find(node, "img") is not None


@pytest.mark.parametrize(("html", "kept"), [
    # only the photo-credit row takes an inline element: a "tag" or "share" word in a sentence stays
    ("<p>Đoạn cuối: <span class='tag'>an ninh</span> và <span class='share'>trật tự</span> được bảo đảm.</p>",
     ["an ninh", "trật tự"]),
    # a credit-named span longer than a credit is text
    ("<p>Đoạn cuối: <span class='credit'>" + "Ngân hàng cho vay tín dụng ưu đãi " * 4 + "</span></p>", ["Ngân hàng"]),
])
def test_an_inline_span_of_another_row_or_long_stays(html, kept):
    _page, node = _container(ARTICLE + html)
    generic_body.prune(node)
    assert all(word in tree.get_text(node, " ") for word in kept)


@pytest.mark.parametrize(("block", "writer"), [
    # a credits block naming the writer is the byline, not a photo credit
    (("<section class='c-article__credits'><div>Text: <span class='c-article-card__author'>Ursula Eggers</span>"
      "</div></section>"), "Ursula Eggers"),
    ("<p>Đoạn cuối.</p><div class='credits'>Bài: <span itemprop='author'>Minh Quỳnh</span></div>", "Minh Quỳnh"),
    ("<p>Đoạn cuối.</p><p class='tac-gia credit-line'><a rel='author' href='/tac-gia/ba-hien'>Bá Hiển</a></p>",
     "Bá Hiển"),
])
def test_a_credits_block_naming_the_writer_is_the_byline(block, writer):
    _page, node = _container(ARTICLE + block)
    generic_body.prune(node)
    assert writer in tree.get_text(node, " ")  # not pruned as a photo credit
    raw = _read("<article>" + ARTICLE + block + "</article>")
    assert [a for a in [raw.byline] if a and writer in a], raw.byline
    assert writer not in (raw.body_html or "")  # the byline reading took it out of the body


def test_a_credits_block_without_a_writer_still_leaves():
    _page, node = _container(ARTICLE + "<div class='image-credits'>Fotos: Bundesregierung/Kugler</div>")
    generic_body.prune(node)
    assert "Kugler" not in tree.get_text(node, " ")
