"""An article container cut in two by an ad or an inline box (families/body_split.py), and a page-wide ASP.NET
<form> read as the page (layout.strip_noise): one case per gap row, the guards, and the generic reader end to end."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_split, generic, tree
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

URL = "https://congan.example.gov.vn/xa-hoi/hoi-nghi-an-ninh-20240102.htm"
TITLE = "Công an tỉnh triển khai kế hoạch bảo đảm an ninh dịp Tết"


def _paras(word: str, count: int) -> str:
    return "".join(
        f"<p>{word} {i}: lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm, "
        f"xử lý nghiêm các trường hợp vi phạm trật tự an toàn giao thông số {i}.</p>" for i in range(1, count + 1))


FIRST, SECOND = _paras("Phần đầu", 3), _paras("Phần sau", 4)
# One gap per GAP_ROWS row, as a portal's template puts it between the parts.
GAPS = {
    "ad slot (no text)": "<div id='admbackground'></div>",
    "ad label": "<div class='qc'>Quảng cáo</div>",
    "link box": ("<div class='box'><a href='/tin-1.htm'>Bài khác số 1 về an ninh</a> "
                 "<a href='/tin-2.htm'>Bài khác số 2 về giao thông</a></div>"),
}


def _column(between: str, first: str = "<div id='divfirst'>{0}</div>", second: str = "<div id='divend'>{0}</div>"):
    html = (f"<html><body><div class='content'>{first.format(FIRST)}{between}{second.format(SECOND)}</div>"
            "</body></html>")
    root = parse_html(html).root
    return root, tree.select(root, "#divend")[0]


def test_every_gap_row_has_a_case():
    assert {name for name, _ in body_split.GAP_ROWS} == set(GAPS)


@pytest.mark.parametrize("row", list(GAPS))
def test_the_part_across_a_gap_comes_back_in_order(row):
    _root, container = _column(GAPS[row])
    assert body_split.is_gap(parse_html(f"<html><body>{GAPS[row]}</body></html>").root.find("body")[0])
    joined = body_split.join_parts(container)
    assert len(joined) == 1
    text = tree.get_text(container, " ")
    assert text.index("Phần đầu 1") < text.index("Phần đầu 3") < text.index("Phần sau 1") < text.index("Phần sau 4")


def test_parts_after_the_container_come_back_too():
    html = f"<html><body><div class='c'><div id='a'>{SECOND}</div><script>ad()</script><div id='b'>{FIRST}</div>" \
           "</div></body></html>"
    root = parse_html(html).root
    container = tree.select(root, "#a")[0]
    assert body_split.join_parts(container)
    text = tree.get_text(container, " ")
    assert text.index("Phần sau 4") < text.index("Phần đầu 1")


@pytest.mark.parametrize(("case", "between", "first"), [
    # two blocks side by side, no gap: two posts or two cards, not one article cut by an ad
    ("adjacent", "", "<div id='divfirst'>{0}</div>"),
    # prose between the two: another article's text
    ("prose between", "<div class='other'>" + _paras("Bài khác", 2) + "</div>", "<div id='divfirst'>{0}</div>"),
    # not the same kind of block
    ("other class", "<div></div>", "<div class='sidebar-news'>{0}</div>"),
    ("other tag", "<div></div>", "<section>{0}</section>"),
    # a list of links of the same kind: other articles, not the article's part
    ("links", "<div></div>", "<div>" + "".join(f"<a href='/t{i}.htm'>Tin khác số {i} về an ninh trật tự giao "
                                                 f"thông trên địa bàn tỉnh</a>" for i in range(6)) + "</div>"),
])
def test_what_is_not_a_part_stays_where_it_is(case, between, first):
    _root, container = _column(between, first=first)
    assert body_split.join_parts(container) == []
    assert "Phần đầu" not in tree.get_text(container, " ")


def _reader_page(column: str, *, form: bool = False) -> str:
    inner = (f"<div id='header'><a href='/'>Trang chủ</a> <a href='/xa-hoi.htm'>Xã hội</a></div>"
             f"<div class='detail'><h1>{TITLE}</h1>{column}</div>"
             "<div class='news-other'><div>Các bài đã đăng</div><ul>"
             + "".join(f"<li><a href='/xa-hoi/tin-{i}.htm'>Tin khác số {i}</a></li>" for i in range(5))
             + "</ul></div>")
    if form:  # ASP.NET WebForms: one <form> around the whole page, with its hidden inputs
        inner = (f"<form name='aspnetForm' method='post' action='/xa-hoi/a.htm' id='aspnetForm'>"
                 f"<input type='hidden' name='__VIEWSTATE' value='x'/>{inner}</form>")
    return f"<html><head><title>{TITLE}</title></head><body>{inner}</body></html>"


def _read(html: str):
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(URL,), article_url_pattern=".")
    return generic.parse_article(URL, html, source, {})


COLUMN = (f"<div class='content'><div id='divfirst'>{FIRST}</div><div id='admbackground'></div>"
          f"<div id='divend'>{SECOND}<div align='right'><strong>Hà Anh</strong></div></div></div>")


@pytest.mark.parametrize("form", [False, True])
def test_the_reader_returns_both_parts_of_the_article(form):
    raw = _read(_reader_page(COLUMN, form=form))
    assert raw.matched["body_parts"] == "2", raw.matched
    assert "Phần đầu 1" in raw.body_html and "Phần sau 4" in raw.body_html
    assert "Tin khác số" not in raw.body_html and "Trang chủ" not in raw.body_html
    assert raw.byline == "Hà Anh"


def test_a_page_wide_form_is_read_as_the_page_and_a_small_form_still_leaves():
    search = "<form action='/tim-kiem'><input name='q'/><span>Tìm kiếm bài viết trên trang</span></form>"
    column = f"<div class='content'>{search}{_paras('Đoạn', 5)}<p class='author'>Hà Anh</p></div>"
    raw = _read(_reader_page(column, form=True))
    assert raw.matched["body"] == "layout:densest-block", raw.matched  # the structure, not trafilatura alone
    assert "Đoạn 5" in raw.body_html and "Tìm kiếm" not in raw.body_html
    assert raw.byline == "Hà Anh"


def test_the_joined_parts_are_kept_when_trafilatura_holds_less_of_them(monkeypatch):
    # trafilatura (its output given here) drops the first part's <div> lines: it holds most of nothing else,
    # so the structure's joined container stays; without the parts joined, trafilatura's body takes over
    from tintuc_feed.families import generic_body

    lines = "".join(f"<div>Dòng {i}: độc giả kể lại câu chuyện vượt sông đến trường của học sinh vùng cao "
                    f"trong mùa lũ năm {2000 + i}.</div>" for i in range(6))
    column = (f"<div class='content'><div id='divfirst'>{lines}{FIRST}</div><div id='admbackground'></div>"
              f"<div id='divend'>{SECOND}</div></div><p>Đường dây nóng của tòa soạn: 0123 456 789.</p>")
    monkeypatch.setattr(generic_body, "trafilatura_html", lambda text, url, fallback=False:
                        f"<html><body>{FIRST}{SECOND}</body></html>")
    raw = _read(_reader_page(column))
    assert raw.matched["body_vote"].startswith("structure:parts"), raw.matched
    assert "Dòng 5" in raw.body_html and "Phần sau 4" in raw.body_html
    monkeypatch.setattr(body_split, "join_parts", lambda container: [])
    raw = _read(_reader_page(column))
    assert raw.matched["body"] == "trafilatura", raw.matched


def test_the_subheadings_between_and_above_the_parts_come_with_them():
    # a site builder's modules: each subheading and each text block its own sibling, spacers between
    lead = "<div class='j-text'>" + _paras("Mở đầu", 1) + "</div>"
    html = ("<html><body><div class='m'><div class='j-header'><h2>Tiêu đề phụ đầu</h2></div>" + lead
            + "<div class='j-spacing'></div><div class='j-header'><h2>Diễn biến vụ việc</h2></div>"
            + f"<div class='j-text' id='a'>{FIRST}</div><div class='j-spacing'></div>"
            + f"<h3>Kết quả điều tra</h3><div class='j-text'>{SECOND}</div>"
            + "<div class='j-header'><h2>Tin khác</h2></div></div></body></html>")
    root = parse_html(html).root
    container = tree.select(root, "#a")[0]
    assert len(body_split.join_parts(container)) == 2
    text = " ".join(tree.get_text(container, " ").split())
    order = ["Tiêu đề phụ đầu", "Mở đầu 1", "Diễn biến vụ việc", "Phần đầu 1", "Kết quả điều tra", "Phần sau 4"]
    assert [text.index(t) for t in order] == sorted(text.index(t) for t in order), text
    assert "Tin khác" not in text  # a heading after the last part heads something else


def test_a_subheading_is_a_heading_alone():
    root = parse_html("<html><body><div><h2>Diễn biến</h2></div><div><h2>A</h2><p>Đoạn văn.</p></div>"
                      "<h3>" + "Một tiêu đề rất dài " * 10 + "</h3></body></html>").root
    blocks = [n for n in root.find("body")]
    assert [body_split.is_subheading(n) for n in blocks] == [True, False, False]
