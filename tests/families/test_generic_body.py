"""The generic reader's body: pruning rows inside the container, and trafilatura as a voter (generic_body)."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic, generic_body, tree
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
}


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
    assert generic_body.agrees(ARTICLE, ARTICLE)[0]
    assert not generic_body.agrees(ARTICLE + "<ul>" + LINKS * 3 + "</ul>", ARTICLE)[0]  # ours holds boilerplate
    half = ARTICLE[: len(ARTICLE) // 3]
    assert not generic_body.agrees(half, ARTICLE)[0]  # ours misses most of it


def _read(html: str, url: str = "https://example.org/tin/bai-viet.html"):
    source = Source(id="adhoc", name="example.org", list_urls=(url,), article_url_pattern=".")
    return generic.parse_article(url, html, source, {})


TITLE = "Công an tỉnh triển khai kế hoạch bảo đảm an ninh dịp Tết"


def _page(body: str) -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"<h1>{TITLE}</h1>{body}<div class='footer-info'><p>Cơ quan chủ quản: Công an tỉnh. Địa chỉ trụ sở "
            "số 1 đường Lê Duẩn. Điện thoại đường dây nóng của cơ quan thường trực.</p></div></body></html>")


def test_a_named_container_is_never_put_to_the_vote():
    raw = _read(_page(f"<div class='entry-content'>{ARTICLE}</div>"))
    assert raw.matched["body"] == "css:.entry-content" and "body_vote" not in raw.matched


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


def test_nearer_title_prefers_the_text_under_the_title():
    page = _page(f"<div>{ARTICLE}</div>") + "<div><p>Chia sẻ ảnh của bạn theo chủ đề quê hương</p></div>"
    ours, theirs = ARTICLE, "<p>Chia sẻ ảnh của bạn theo chủ đề quê hương</p>"
    assert generic_body._nearer_title(page, TITLE, ours, theirs)
    assert not generic_body._nearer_title(page, TITLE, theirs, ours)


def test_a_headline_list_after_our_last_paragraph_leaves_trafilaturas_body():
    ours = ARTICLE
    headlines = "".join(f"<p>Chứng khoán phiên {i}/3: Rung lắc mạnh, VN-Index về 1.767 điểm</p>" for i in range(4))
    cut = generic_body._cut_headline_tail(ARTICLE + headlines, ours)
    assert "Chứng khoán" not in cut and "Đoạn 5" in cut


def test_sentences_after_our_last_paragraph_stay_in_trafilaturas_body():
    more = "<p>Vụ việc đang được cơ quan điều tra tiếp tục làm rõ để xử lý theo quy định của pháp luật.</p>"
    ours = ARTICLE
    assert "tiếp tục làm rõ" in generic_body._cut_headline_tail(ARTICLE + more, ours)


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
