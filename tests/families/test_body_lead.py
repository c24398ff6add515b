"""The article's lead printed above the body container (families/body_lead.py): one case per table row and guard."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_lead, generic
from tintuc_feed.sources import Source

URL = "https://congan.example.gov.vn/tin-tuc/hoi-nghi-an-ninh.html"
TITLE = "Công an tỉnh triển khai kế hoạch bảo đảm an ninh dịp Tết"
SAPO = ("Sáng 2/1, Công an tỉnh tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh trật tự dịp Tết "
        "Nguyên đán trên toàn địa bàn.")
ARTICLE = "".join(
    f"<p>Đoạn {i}: lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm, "
    f"xử lý nghiêm các trường hợp vi phạm trật tự an toàn giao thông số {i}, theo chỉ đạo của Giám đốc.</p>"
    for i in range(1, 12)
)  # over body_compare.SHORT_NAMED_CHARS: a named container not put to the vote


def _read(header: str, *, container: str = "<div class='entry-content'>{article}</div>", sidebar: str = ""):
    html = (f"<html><head><title>{TITLE}</title></head><body><div class='site'><div class='menu'>"
            f"<a href='/'>Trang chủ</a></div>{sidebar}<div class='main'><article class='post'>"
            f"<header class='entry-header'><h1>{TITLE}</h1>{header}</header>"
            f"{container.format(article=ARTICLE)}</article></div></div></body></html>")
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(URL,), article_url_pattern=".")
    return generic.parse_article(URL, html, source, {})


# (case, the lead's element as a theme prints it)
LEADS = [
    ("vietnamese sapo h2", f"<h2 class='sapo'>{SAPO}</h2>"),
    ("vietnamese detail-sapo div", f"<div class='detail-sapo'>{SAPO}</div>"),
    ("description paragraph", f"<p class='description'>{SAPO}</p>"),
    ("teaser paragraph", f"<p class='article-teaser'>{SAPO}</p>"),
    ("teaser text with its own paragraph", f"<div class='teaser-text'><p>{SAPO}</p></div>"),
    ("wordpress excerpt", f"<div class='entry-excerpt'><p>{SAPO}</p></div>"),
    ("bem summary", f"<h2 class='detail__summary'>{SAPO}</h2>"),
    ("camel-case intro box", f"<div class='introBox'><p class='intro'><span>{SAPO}</span></p></div>"),
    ("standfirst", f"<p class='standfirst'>{SAPO}</p>"),
    ("french chapo, with its date and author line beside it",
     f"<div class='chapo'><p>{SAPO}</p><div class='metas'><span>02/01/2025</span> bởi Minh Anh</div></div>"),
    ("lead with a bullet list", f"<div class='lead'><ul><li>{SAPO}</li></ul></div>"),
]


def test_every_lead_word_has_a_case():
    cases = " ".join(html for _, html in LEADS)
    missing = [w for w in body_lead.LEAD_WORDS if w not in cases.lower()]
    # the rarer words of the table, each with its own one-line case here
    for word in missing:
        raw = _read(f"<p class='article-{word}'>{SAPO}</p>")
        assert raw.body_html.startswith(f"<p>{SAPO}</p>"), word


@pytest.mark.parametrize(("case", "header"), LEADS, ids=[c for c, _ in LEADS])
def test_the_lead_above_the_container_opens_the_body(case, header):
    raw = _read(header)
    assert raw.body_html.startswith(f"<p>{SAPO}</p>"), raw.body_html[:200]
    assert "Đoạn 11" in raw.body_html and raw.matched["body_lead"]
    assert "02/01/2025" not in raw.body_html.split("Đoạn 1:")[0]


def test_without_a_lead_the_body_is_the_container():
    raw = _read("<div class='entry-meta'>02/01/2025</div>")
    assert raw.body_html.startswith("<p>Đoạn 1:") and "body_lead" not in raw.matched


@pytest.mark.parametrize(("case", "sidebar", "header"), [
    # the site's tagline in its header: a site's block, far above the article
    ("site description", f"<p class='site-description'>{SAPO}</p>", ""),
    # an author's description or a photo's caption above the body
    ("author description", "", f"<div class='author-description'>{SAPO}</div>"),
    ("photo description", "", f"<p class='image-description'>{SAPO}</p>"),
    # a related article's teaser card (a link, or a list item) is another article's lead
    ("teaser card link", "", f"<a class='teaser' href='/khac.html'>{SAPO}</a>"),
    ("teaser card item", "", f"<div class='teaser-item'>{SAPO}</div>"),
    # an intro wrapper that holds the title and the breadcrumb is the article's header, not its lead
    ("header wrapper", "", f"<div class='intro'><h3>Chuyên mục</h3><p>{SAPO}</p></div>"),
    # too short to be a lead: a kicker, a label
    ("short label", "", "<div class='summary'>Tin nổi bật</div>"),
    # mostly link text: a list of keywords or a breadcrumb
    ("links", "", "<div class='intro'>" + " ".join(f"<a href='/t{i}'>Từ khóa an ninh {i}</a>" for i in range(6)) + "</div>"),
])
def test_a_block_that_is_not_the_lead_stays_out(case, sidebar, header):
    raw = _read(header, sidebar=sidebar)
    assert raw.body_html.startswith("<p>Đoạn 1:"), raw.body_html[:200]
    assert "body_lead" not in raw.matched


def test_a_lead_far_from_the_container_stays_out():
    deep = "<div><div><div><div><div class='entry-content'>{article}</div></div></div></div></div>"
    raw = _read(f"<p class='sapo'>{SAPO}</p>", container=deep)
    assert "body_lead" not in raw.matched and SAPO not in raw.body_html


def test_a_lead_the_container_repeats_is_not_doubled():
    repeated = "<div class='entry-content'><p>" + SAPO + "</p>{article}</div>"
    raw = _read(f"<p class='sapo'>{SAPO}</p>", container=repeated)
    assert raw.body_html.count(SAPO) == 1 and "body_lead" not in raw.matched


def test_a_weak_container_leaves_the_lead_to_the_vote():
    # a densest block (no named container): trafilatura's vote reads the page whole, lead included
    raw = _read(f"<p class='sapo'>{SAPO}</p>", container="<div class='noi-dung-x'>{article}</div>")
    assert raw.matched["body"] != "css:.entry-content" and "body_lead" not in raw.matched


OPENING = ("Cụ thể, trong dịp nghỉ Tết Dương lịch cán bộ, công chức, viên chức và người lao động của các cơ quan "
           "hành chính nghỉ Thứ hai, ngày 31/12 và đi làm Thứ bảy, ngày 5/1.")
REST = ["Dịp Tết Âm lịch năm nay, công chức, viên chức sẽ được nghỉ 9 ngày liên tục, từ ngày 9/2 đến hết ngày 17/2.",
        "Các cơ quan, tổ chức không thực hiện lịch nghỉ cố định căn cứ vào kế hoạch cụ thể để bố trí lịch nghỉ."]


@pytest.mark.parametrize(("case", "ours", "opening"), [
    ("a <div> line before the first <p>", [OPENING, *REST], [OPENING]),
    ("trafilatura holds the opening", [REST[0], REST[1]], []),
    ("a date line opens ours", ["Thứ Ba, 25/12/2012 - 10:03", OPENING, *REST], []),
    ("a label opens ours", ["Chia sẻ bài viết", *REST], []),
    ("trafilatura holds none of ours", [OPENING], []),
])
def test_our_opening_prose_trafilatura_left_out_comes_back(case, ours, opening):
    assert body_lead.missing_opening(ours, " ".join(REST)) == opening, case


def test_trafilaturas_body_taken_over_gets_our_opening_in_front(monkeypatch):
    # the container is one column of the article (its first line a <div>); trafilatura (its output given here)
    # reads more of the page but starts after that line
    from tintuc_feed.families import generic_body

    more = "<p>Đoạn thêm 5: các bến xe tăng cường số chuyến phục vụ hành khách.</p>"
    column = f"<div class='noidung-x'><div>{OPENING}</div>" + "".join(f"<p>{t}</p>" for t in REST) + "</div>"
    html = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{column}<div class='b'>{more}</div>"
            "</body></html>")
    monkeypatch.setattr(generic_body, "trafilatura_html", lambda text, url, fallback=False:
                        "<html><body>" + "".join(f"<p>{t}</p>" for t in REST) + more + "</body></html>")
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(URL,), article_url_pattern=".")
    raw = generic.parse_article(URL, html, source, {})
    assert raw.matched["body"] == "trafilatura" and raw.matched.get("body_opening") == "1", raw.matched
    assert raw.body_html.index("Cụ thể") < raw.body_html.index("Dịp Tết Âm lịch") < raw.body_html.index("Đoạn thêm 5")
