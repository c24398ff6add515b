"""The generic reader's title rules (families/generic_title.py), one test per row.

Each page is a small real-shaped HTML page: a head with the metadata titles,
a site header, the article heading.  The page is read whole by the generic
family (parse_article), so the rule is checked where it runs.
"""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic
from tintuc_feed.families.base import parse_html
from tintuc_feed.families.generic_title import pick_title
from tintuc_feed.families.title_site import is_logo, site_names
from tintuc_feed.families.title_text import agrees, shared_part
from tintuc_feed.sources import Source

URL = "https://baomoi-tinh.vn/thoi-su/tin-a-123.html"
SOURCE = Source(id="x", name="Báo X", list_urls=("https://baomoi-tinh.vn/",), article_url_pattern=".")
BODY = "<p>" + "Nội dung bài viết đủ dài để là thân bài. " * 6 + "</p>"


def page(head: str = "", header: str = "", article: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><header>{header}</header>"
            f"<div class='main'>{article}{BODY}</div></body></html>")


# (name, html, expected title, expected rule)
CASES = [
    ("h1 equal to og:title, typography of the h1 kept",
     page("<meta property='og:title' content='Korsetts - Shops, Designer'>", article="<h1>Korsetts – Shops, Designer</h1>"),
     "Korsetts – Shops, Designer", "h1-agrees"),
    ("h1 at the start of <title> with a multi-level suffix",
     page("<title>Thanh tra vụ chặt cây xanh Hà Nội - Chính trị - Xã hội - Tuổi Trẻ Online</title>",
          article="<h1>Thanh tra vụ chặt cây xanh Hà Nội</h1>"),
     "Thanh tra vụ chặt cây xanh Hà Nội", "h1-agrees"),
    ("h1 at the end of <title> ('Site » Title')",
     page("<title>Blog Archive » Nummer zwei: Leo im Radio</title>", article="<h1>Nummer zwei: Leo im Radio</h1>"),
     "Nummer zwei: Leo im Radio", "h1-agrees"),
    ("og:title with a slug suffix: the h1 that starts it",
     page("<meta property='og:title' content='Đột nhập lò luyện thi công chức-lo luyen thi cong chuc'>",
          article="<h1>Đột nhập lò luyện thi công chức</h1>"),
     "Đột nhập lò luyện thi công chức", "h1-agrees"),
    ("logo h1 (the site's name) left, the h2 the <title> repeats taken",
     page("<title>Baomoi-tinh | Những người khổ hạnh vì bớt lạ</title>", header="<h1>Baomoi-tinh</h1>",
          article="<h2>Những người khổ hạnh vì bớt lạ</h2>"),
     "Những người khổ hạnh vì bớt lạ", "heading-agrees"),
    ("logo h1 linking home left",
     page("<title>Tin A dài hơn mười chữ - Trang tin</title>", header="<h1><a href='/'>Trang tin điện tử tỉnh</a></h1>",
          article="<h3>Tin A dài hơn mười chữ</h3>"),
     "Tin A dài hơn mười chữ", "heading-agrees"),
    ("logo h1 by its class left: the JSON-LD headline",
     page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Tin B về giao thông\"}</script>",
          header="<div class='site-branding'><h1>Một tờ báo</h1></div>"),
     "Tin B về giao thông", "jsonld.headline"),
    ("the only h1 when the metadata says something else (an SEO title)",
     page("<meta property='og:title' content='Industriestrompreis: Druck um schnelle Entscheidung'>",
          article="<h1>Habeck und Gewerkschaft dringen auf Strompreis</h1>"),
     "Habeck und Gewerkschaft dringen auf Strompreis", "single-h1"),
    ("two h1s, none agreeing: og:title",
     page("<meta property='og:title' content='Tin C chính thức'>", article="<h1>Chuyên mục thời sự</h1><h1>Tin nổi bật hôm nay</h1>"),
     "Tin C chính thức", "meta:og:title"),
    ("twitter:title when there is no og:title",
     page("<meta name='twitter:title' content='Tin D chính thức'>", article="<h1>Chuyên mục thời sự</h1><h1>Tin nổi bật hôm nay</h1>"),
     "Tin D chính thức", "meta:twitter:title"),
    ("no metadata, several h1s: the longest",
     page(article="<h1>Chuyên mục</h1><h1>Tin E về an ninh trật tự</h1>"),
     "Tin E về an ninh trật tự", "h1"),
    ("a kicker span in the h1 is no part of the headline",
     page("<meta property='og:title' content='Tin H về an ninh trật tự'>",
          article="<h1><span class='kicker'>Điều tra</span> <span class='headline'>Tin H về an ninh trật tự</span></h1>"),
     "Tin H về an ninh trật tự", "h1-agrees"),
    ("a kicker the metadata also carries is left out all the same",
     page("<meta property='og:title' content='Điều tra: Tin H về an ninh trật tự'>",
          article="<h1><span class='roofline'>Điều tra</span>: Tin H về an ninh trật tự</h1>"),
     "Tin H về an ninh trật tự", "h1-agrees"),
    ("a label above a <br> with no class: the part the JSON-LD headline equals, before the whole h1 <title> starts",
     page("<title>Chuyên mục tuần | Tin I về an ninh trật tự - Báo X</title>"
          "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Tin I về an ninh trật tự\"}</script>",
          article="<h1><span><small>Chuyên mục tuần</small><br>Tin I về an ninh trật tự</span></h1>"),
     "Tin I về an ninh trật tự", "h1-part-agrees"),
    ("a deck after the headline left out when the metadata names the headline alone",
     page("<meta property='og:title' content='Tin J về giao thông'>",
          article="<h1><span>Tin J về giao thông</span> <small class='article-subtitle'>Lời kể nhân chứng</small></h1>"),
     "Tin J về giao thông", "h1-agrees"),
    ("a deck kept when the metadata names the headline with it",
     page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Giao thông: Tin J về cầu mới\"}</script>",
          article="<h1><span class='sub-title'>Giao thông</span> Tin J về cầu mới</h1>"),
     "Giao thông Tin J về cầu mới", "h1-agrees"),
    ("a run of parts at the h1's end agreeing with the end of og:title",
     page("<meta property='og:title' content='Góc nhìn: Tin K về đô thị hôm nay'>",
          article="<h1><span>Theo dòng sự kiện</span> <span>Tin K về đô thị hôm nay</span></h1>"),
     "Tin K về đô thị hôm nay", "h1-part-agrees"),
    ("an inline element joined as shown: no space before the colon",
     page("<meta property='og:title' content='Lực lượng CSCĐ: ra quân đầu năm'>",
          article="<h1>Lực lượng <abbr title='Cảnh sát cơ động'>CSCĐ</abbr>: ra quân đầu năm</h1>"),
     "Lực lượng CSCĐ: ra quân đầu năm", "h1-agrees"),
    ("a JSON-LD headline with HTML entities agrees with its h1",
     page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Tin L &#8211; phần hai\"}</script>",
          article="<h1><span class='kicker'>Hồ sơ</span> Tin L – phần hai</h1>"),
     "Tin L – phần hai", "h1-agrees"),
    ("an h1 naming a topic that only <title> repeats: the h2 og:title gives word for word",
     page("<title>Chế độ lương hưu - Báo X</title><meta property='og:title' content='Tin M về lương hưu tháng bảy'>",
          article="<h1>Chế độ lương hưu</h1><h2>Tin M về lương hưu tháng bảy</h2>"),
     "Tin M về lương hưu tháng bảy", "heading-names-meta"),
    ("the same with the JSON-LD headline, quotes folded",
     page("<title>Tin N: \"Lời hứa\" - Báo X</title>"
          "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"„Lời hứa“: Tin N mới\"}</script>",
          article="<h1>Tin N: \"Lời hứa\"</h1><h2>„Lời hứa“: Tin N mới</h2>"),
     "„Lời hứa“: Tin N mới", "heading-names-meta"),
    ("an h1 og:title agrees with keeps the page over an h2 the JSON-LD headline names",
     page("<meta property='og:title' content='Tin O về giao thông'>"
          "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Tin O bản dài về giao thông\"}</script>",
          article="<h1>Tin O về giao thông</h1><h2>Tin O bản dài về giao thông</h2>"),
     "Tin O về giao thông", "h1-agrees"),
    ("an h2 only the start of og:title names is no word-for-word headline: the h1 <title> agrees with stays",
     page("<title>Chế độ lương hưu - Báo X</title><meta property='og:title' content='Tin P về lương hưu | Báo X'>",
          article="<h1>Chế độ lương hưu</h1><h2>Tin P về lương hưu</h2>"),
     "Chế độ lương hưu", "h1-agrees"),
    ("an h1 differing from the metadata in case only gives way to an h3 spelled as the metadata is",
     page("<title>Blog X: Tin V Về Giao Thông Hôm Nay</title><meta property='og:title' content='Tin V Về Giao Thông Hôm Nay'>",
          article="<h3 class='post-title'>Tin V Về Giao Thông Hôm Nay</h3><div class='post-body'>"
                  "<h1 class='title'>Tin V về <b>giao thông</b> hôm nay</h1></div>"),
     "Tin V Về Giao Thông Hôm Nay", "heading-spelled-as-meta"),
    ("an h1 in capitals the metadata writes in sentence case: the metadata's spelling (capitals-as-meta)",
     page("<meta property='og:title' content='Tin V về giao thông hôm nay'>", article="<h1>TIN V VỀ GIAO THÔNG HÔM NAY</h1>"),
     "Tin V về giao thông hôm nay", "capitals-as-meta"),
    ("an h1 whose dash the metadata writes as a hyphen keeps its typography beside an h2 spelled as the metadata",
     page("<meta property='og:title' content='Tin W - phần hai của loạt bài'>",
          article="<h1>Tin W – phần hai của loạt bài</h1><h2>Tin W - phần hai của loạt bài</h2>"),
     "Tin W – phần hai của loạt bài", "h1-agrees"),
    ("of two h1s none agreeing, the one whose words <title> holds, over an og:title that is a share text",
     page("<title>Báo X - Tin Q: cầu mới thông xe ở trung tâm tỉnh - Tin tức</title>"
          "<meta property='og:title' content='Bạn có muốn cùng tham gia với tôi?'>",
          article="<h1>Tin Q – cầu mới thông xe ở trung tâm</h1><h1>Hướng dẫn</h1>"),
     "Tin Q – cầu mới thông xe ở trung tâm", "h1-named"),
    ("of two h1s, one sharing few words with the metadata is not named: og:title",
     page("<title>Tin C chính thức hôm nay</title><meta property='og:title' content='Tin C chính thức'>",
          article="<h1>Chuyên mục thời sự trong tuần</h1><h1>Tin nổi bật hôm nay</h1>"),
     "Tin C chính thức", "meta:og:title"),
    ("og:title and <title> disagree but end with the same text after a separator: that text",
     page("<title>Báo X | Xem trước: Tin R về giao thông</title>"
          "<meta property='og:title' content='Cách mạng công nghiệp?: Tin R về giao thông'>"),
     "Tin R về giao thông", "meta-shared"),
    ("the text two metadata titles share is the site's name: not taken, og:title",
     page("<meta property='og:site_name' content='Báo Tỉnh Nhà'><title>Báo Tỉnh Nhà | Tin S về đô thị</title>"
          "<meta property='og:title' content='Báo Tỉnh Nhà | Tin S về đô thị mới'>"),
     "Báo Tỉnh Nhà | Tin S về đô thị mới", "meta:og:title"),
    ("<title> without the end the logo h1 shows (the site's name as the page writes it)",
     page("<title>Tin T về giao thông - Chuyên đề - Blog Đường Phố</title>",
          header="<h1 class='site-title'>Chuyên đề - Blog Đường Phố</h1>",
          article="<h2>Mục lục</h2><p>Một đoạn ngắn.</p>"),
     "Tin T về giao thông", "title-beside-logo"),
    ("a short h2 that is <title> word for word, over another heading",
     page("<title>Giám định</title>", article="<h2>Giám định</h2><h2>Giám định: khi nào và thế nào?</h2>"),
     "Giám định", "heading-is-title"),
    ("an h2 that is <title> but a news section's name is no headline (a list page's label)",
     page("<title>Tin tức</title>", article="<h3>Tin tức</h3>"),
     "Tin tức", "title"),
    ("an h2 that is <title> but a portal's name is no headline",
     page("<title>Báo Lâm Đồng</title>", article="<h2>Báo Lâm Đồng</h2>"),
     "Báo Lâm Đồng", "title"),
    ("several short h1s (a wiki's side labels) are no title: the line that looks like one",
     page("<title>TaiVe/Python - Wiki X</title>", header="<h1>Trang</h1><h1>Tài khoản</h1>",
          article="<h2>Tải Python về máy tính</h2>"),
     "Tải Python về máy tính", "layout:h2"),
    ("a lone short h1 stays the title (an error page's \"Lỗi\")",
     page("<title>Cổng thông tin điện tử Công an tỉnh</title>", article="<h1>Lỗi</h1>"),
     "Lỗi", "h1"),
    ("an h1 inside a link (a teaser) is no title",
     page("<meta property='og:title' content='Tin F chính thức'>", article="<a href='/tin-g.html'><h1>Tin G ở hộp bên cạnh</h1></a>"),
     "Tin F chính thức", "meta:og:title"),
]


# logo-name-cut: a metadata title less the site's name that only the logo's alt text gives.
TWO_H1 = "<h1>Chuyên mục</h1><h1>Tin nổi bật hôm nay</h1>"  # no h1 the metadata names: og:title is taken
CASES += [
    ("og:title less the suffix a link-home logo's alt gives ('Logo' word left out)",
     page("<meta property='og:title' content='Tin L về an ninh trật tự | Trang tin Công an Lâm Đồng'>",
          header="<a href='/'><img src='/logo.png' alt='Logo Trang tin Công an Lâm Đồng'></a>", article=TWO_H1),
     "Tin L về an ninh trật tự", "logo-name-cut"),
    ("og:title less the prefix a logo-class image's alt gives",
     page("<meta property='og:title' content='Foo Magazin » Tin M về an ninh trật tự'>",
          header="<div class='site-logo'><img src='/l.png' alt='FOO MAGAZIN'></div>", article=TWO_H1),
     "Tin M về an ninh trật tự", "logo-name-cut"),
    ("an image's alt that is no logo cuts nothing",
     page("<meta property='og:title' content='Tin N về an ninh trật tự | Foo Magazin'>",
          article="<figure><img src='/p.jpg' alt='Foo Magazin'></figure>" + TWO_H1),
     "Tin N về an ninh trật tự | Foo Magazin", "meta:og:title"),
    ("headline-part: the part the heading's markup names the headline, a kicker no table knows left",
     page("<meta property='og:title' content='Vanlife in Schweden: Skandinavien im Wohnmobil erleben'>",
          article="<h2><span class='v-A_-subline'>Vanlife in Schweden</span>"
                  "<span class='v-A_-headline'>Skandinavien im Wohnmobil erleben</span></h2>"),
     "Skandinavien im Wohnmobil erleben", "headline-part"),
    ("no part named the headline: the heading whole",
     page("<meta property='og:title' content='Vanlife in Schweden: Skandinavien im Wohnmobil erleben'>",
          article="<h2><span class='v-A_-subline'>Vanlife in Schweden</span>"
                  "<span class='v-A_-text'>Skandinavien im Wohnmobil erleben</span></h2>"),
     "Vanlife in Schweden Skandinavien im Wohnmobil erleben", "heading-agrees"),
    ("a cut that would leave no headline is not made",
     page("<meta property='og:title' content='Tin O | Foo Magazin'>",
          header="<a href='/'><img src='/logo.png' alt='Foo Magazin'></a>", article=TWO_H1),
     "Tin O | Foo Magazin", "meta:og:title"),
]


@pytest.mark.parametrize(("html", "title", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_title_rule(html, title, rule):
    raw = generic.parse_article(URL, html, SOURCE, {})
    assert (raw.title, raw.matched.get("title")) == (title, rule)


def test_no_title_anywhere_is_none():
    assert pick_title(parse_html(page()), None, URL) is None


# (heading, titles, agrees)
AGREE = [
    ("Tin A về giao thông", ["TIN A VỀ GIAO THÔNG"], True),  # case and marks folded
    ("Tin A về giao thông", ["Tin A về giao thông | Báo X"], True),  # start
    ("Tin A về giao thông", ["Báo X - Tin A về giao thông"], True),  # end
    ("Tin A", ["Tin A về giao thông"], False),  # too short to be cut from a longer title
    ("Tin A về giao", ["Tin A về giao thông"], False),  # a longer headline, not a cut suffix
    ("Tin A về giao thông", ["Tin A về giao thông-tin a ve giao thong"], True),  # a slug after "-"
    ("Tin A về giao thông", ["Báo X - Tin A về giao thông hôm nay"], False),  # inside, not at an end
    ("", ["Tin A"], False),
]


@pytest.mark.parametrize(("heading", "titles", "expected"), AGREE)
def test_agrees(heading, titles, expected):
    assert agrees(heading, titles) is expected


# (html of the heading, is a logo)
LOGOS = [
    ("<h1>Baomoi Tinh</h1>", True),  # the host's name
    ("<h1>baomoi-tinh.vn</h1>", True),  # the host
    ("<h1>Báo Tỉnh</h1>", True),  # og:site_name
    ("<h1><a href='https://baomoi-tinh.vn/'>Trang chủ báo</a></h1>", True),  # a link home
    ("<h1><a href='/index.php'>Trang chủ báo</a></h1>", True),
    ("<h1 class='site-title'>Trang tin</h1>", True),
    ("<div id='logo'><h1>Trang tin</h1></div>", True),
    ("<h1 class='entry-title'>Tin A về giao thông</h1>", False),
    ("<h1><a href='/thoi-su/tin-a-123.html'>Tin A về giao thông</a></h1>", False),  # a permalink
    ("<div class='post-header'><h1>Tin A về giao thông</h1></div>", False),
]


@pytest.mark.parametrize(("heading", "expected"), LOGOS)
def test_is_logo(heading, expected):
    doc = parse_html(page("<meta property='og:site_name' content='Báo Tỉnh'>", article=heading))
    node = next(doc.root.iter("h1"))
    assert is_logo(node, " ".join(node.xpath("string()").split()), URL, site_names(doc, URL)) is expected


# (metadata titles, the site's compact names, the text they share)
SHARED = [
    (["Chuyên đề: Tin R về giao thông", "Báo X | Xem trước: Tin R về giao thông"], set(), "Tin R về giao thông"),
    (["Tin A về giao thông", "Tin A về giao thông | Báo X"], set(), "Tin A về giao thông"),  # one whole, one's start
    (["Máy 10-in-1 về giao thông", "Bộ 10-in-1 về giao thông"], set(), None),  # a hyphen inside a word cuts nothing
    (["Báo Tỉnh Nhà | Tin S", "Báo Tỉnh Nhà | Tin T"], {"baotinhnha"}, None),  # the site's name
    (["Tin ngắn: Mục A", "Tin dài: Mục A"], set(), None),  # shorter than a headline
    (["Tin A về giao thông"], set(), None),  # nothing to compare
]


@pytest.mark.parametrize(("titles", "names", "expected"), SHARED)
def test_shared_part(titles, names, expected):
    assert shared_part(titles, names) == expected
