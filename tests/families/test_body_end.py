"""The site's colophon ends an extractor's body (families/body_end.py): one case per table row, and the guards."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_end, tree
from tintuc_feed.families.base import parse_html

ARTICLE = "".join(
    f"<p>Đoạn {i}: Công an tỉnh tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh trật tự trên địa bàn, "
    f"lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm số {i}.</p>"
    for i in range(1, 6)
)
# One footer line per row, as the sites write them (the row's words in the case the site uses).
STARTS = {
    r"giấy phép\b.{0,80}?\d+/gp": "Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 1/1/2020",
    r"cơ quan chủ quản\s*:": "Cơ quan chủ quản: Công an tỉnh Khánh Hòa",
    r"(?:phó )?tổng biên tập\s*:": "Phó Tổng biên tập: Trần Thị B",
    r"(?:thư ký )?t(?:òa|oà) soạn\s*:": "Thư ký toà soạn: Lê Văn C",
    r"chịu trách nhiệm (?:xuất bản|nội dung)\s*:": "Chịu trách nhiệm xuất bản: Đại tá Phạm Văn D",
    r"(?:bản quyền|copyright|©|\(c\))\D{0,40}(?:19|20)\d\d": "Bản quyền © 2024 Báo Công an tỉnh",
    r"impressum$": "Impressum",
    r"herausgeber\s*:": "Herausgeber: Beispiel Verlag GmbH, Musterstraße 1",
    r"mentions légales$": "Mentions légales",
}
# More forms of the same rows.
MORE_STARTS = ["Tổng biên tập: Nguyễn Văn A", "Tòa soạn: Số 35 Nam Kỳ Khởi Nghĩa, Quận 1, TP.HCM",
               "Copyright 2019 Example Media Group", "© 2023 Beispiel Verlag GmbH", "(c) 2018 Exemple SA",
               "Giấy phép hoạt động báo điện tử số 45/GP-BTTTT", "Chịu trách nhiệm nội dung: Phòng Tham mưu"]
HOLDS = {
    "giữ bản quyền": "Thời báo Kinh tế Sài Gòn giữ bản quyền nội dung của trang web.",
    "bản quyền thuộc": "Mọi bài viết, hình ảnh trên trang bản quyền thuộc về Công an tỉnh.",
    "all rights reserved": "2020 Example Media. All rights reserved.",
    "alle rechte vorbehalten": "Beispiel Verlag 2021 – alle Rechte vorbehalten",
    "tous droits réservés": "Exemple SA, tous droits réservés",
    "todos los derechos reservados": "Ejemplo SA. Todos los derechos reservados",
    "tutti i diritti riservati": "Esempio Srl - Tutti i diritti riservati",
    "wszelkie prawa zastrzeżone": "Przykład SA. Wszelkie prawa zastrzeżone",
    "ghi rõ nguồn": "Phát hành lại thông tin từ website này phải ghi rõ nguồn.",
    "không được sao chép": "Nội dung không được sao chép dưới mọi hình thức.",
    "không được sử dụng lại": "Không được sử dụng lại nội dung khi chưa có sự đồng ý.",
}
FOOTER = "<p>Trang chủ | Tin tức | Liên hệ</p><p><img src='/logo-duoi.png'/></p>"


def _body(inner: str):
    root = parse_html(f"<html><body><div id='b'>{inner}</div></body></html>").root
    return tree.select(root, "#b")[0]


def test_every_row_has_a_case():
    assert set(STARTS) == set(body_end.COLOPHON_STARTS)
    assert set(HOLDS) == set(body_end.COLOPHON_HOLDS)


@pytest.mark.parametrize("line", list(STARTS.values()) + MORE_STARTS + list(HOLDS.values()))
def test_a_colophon_line_after_the_article_ends_the_body(line):
    root = _body(f"{ARTICLE}<p>{line}</p>{FOOTER}")
    assert body_end.is_colophon(line)
    assert body_end.cut_at_colophon(root)
    text = tree.get_text(root, " ")
    assert "Đoạn 5" in text and line[:12] not in text and "Trang chủ" not in text
    assert tree.find(root, "img") is None  # the footer's logo goes with it


def test_the_colophons_first_line_held_by_its_block_leaves_too():
    root = _body(f"{ARTICLE}<table><tr><td>Tổng biên tập: Nguyễn Văn A.<p>Tòa soạn: Số 1 Lê Lợi.</p></td></tr></table>")
    assert body_end.cut_at_colophon(root)
    assert "Tổng biên tập" not in tree.get_text(root, " ") and "Đoạn 5" in tree.get_text(root, " ")


def test_a_colophon_line_before_most_of_the_text_is_not_the_end():
    # the portal's header line above the article (managing body, licence) is not where the article ends
    root = _body(f"<p>Cơ quan chủ quản: Công an tỉnh Khánh Hòa</p>{ARTICLE}")
    assert not body_end.cut_at_colophon(root)
    assert "Đoạn 5" in tree.get_text(root, " ")


@pytest.mark.parametrize("html", [
    # a photo's credit under a picture in the article's second half
    "<p>©iStock</p><p>Ảnh: Copyright Getty Images</p>" + ARTICLE,
    # sentences opening with an imprint's words, not in its form
    "<p>Giấy phép xây dựng được cấp cho công trình vào tháng 5.</p>",
    "<p>Tổng biên tập Nguyễn Văn A phát biểu tại buổi lễ.</p>",
    "<p>Tòa soạn đã nhận được nhiều thư của bạn đọc.</p>",
    # prose that opens with a row's words is longer than a footer line
    "<p>Bản quyền tác giả là vấn đề được nhiều đại biểu quan tâm tại kỳ họp, " + "nhiều ý kiến đề nghị " * 20 + ".</p>",
    # an article's sentence about copyright that neither opens nor holds a row's words
    "<p>Công ty bị phạt vì vi phạm bản quyền phần mềm.</p>",
])
def test_the_articles_own_lines_about_copyright_stay(html):
    root = _body(ARTICLE + html)
    assert not body_end.cut_at_colophon(root)


def test_trafilaturas_body_ends_before_the_colophon_it_ran_into():
    # a table layout with no container: trafilatura (run for real) reads the footer's imprint with the article
    from tintuc_feed.families import generic_body

    colophon = ("<p>Tổng biên tập: Nguyễn Văn A</p><p>Giấy phép số 12/GP-BTTTT cấp ngày 1/1/2020</p>"
                "<p>Thời báo giữ bản quyền nội dung của trang web.</p>")
    html = f"<html><body><table><tr><td>{ARTICLE}{colophon}</td></tr></table></body></html>"
    assert "Giấy phép" in generic_body.trafilatura_html(html, "https://congan.example.vn/a.html", fallback=True)
    body = generic_body._voted_body(html, "https://congan.example.vn/a.html", None, (), fallback=True)
    assert "Đoạn 5" in body and "Tổng biên tập" not in body and "Giấy phép" not in body


# One notice per NOTICE_HOLDS row, as sites print them under their articles.
NOTICES = {
    row: line for row, line in zip(body_end.NOTICE_HOLDS, [
        "Trang ngoài sẽ được mở ra ở cửa sổ mới. Báo Điện tử Công an tỉnh không chịu trách nhiệm nội dung trang ngoài.",
        ("Báo hoan nghênh ý kiến của bạn đọc. Các thảo luận sẽ được xem xét trước và có thể được lược trích khi "
         "đăng tải. Tòa soạn giữ quyền từ chối những lời lẽ xúc phạm cá nhân, tổ chức; lời lẽ trái thuần phong mỹ "
         "tục, vi phạm pháp luật. Bạn đọc thảo luận bằng tiếng Việt có dấu. Xin cảm ơn bạn đọc đã quan tâm theo dõi."),
        "Ý kiến của bạn đọc không nhất thiết thể hiện quan điểm của tòa soạn.",
        "Example Media is not responsible for the content of external sites.",
        "Comments do not necessarily reflect the views of the editors.",
    ], strict=True)
}
TEASERS = "".join(f"<p>Tóm tắt bài khác số {i}: một đoạn dài kể lại nội dung của bài báo khác trên trang, "
                  f"{'với nhiều chi tiết ' * 12}được viết để người đọc bấm vào.</p>" for i in range(4))


def test_every_notice_row_has_a_case():
    assert set(NOTICES) == set(body_end.NOTICE_HOLDS)


@pytest.mark.parametrize("line", list(NOTICES.values()))
def test_a_sites_notice_ends_the_body_even_before_longer_teasers(line):
    # other articles' teasers after the notice are longer than the article: the notice ends it anyway
    root = _body(f"{ARTICLE}<p>{line}</p>{TEASERS}")
    assert body_end.is_notice(line)
    assert body_end.cut_at_colophon(root)
    text = tree.get_text(root, " ")
    assert "Đoạn 5" in text and "Tóm tắt bài khác" not in text and line[:20] not in text


def test_a_notice_before_the_article_has_begun_is_not_the_end():
    root = _body(f"<p>{NOTICES[body_end.NOTICE_HOLDS[2]]}</p>{ARTICLE}")
    assert not body_end.cut_at_colophon(root)


@pytest.mark.parametrize("line", [
    "Công ty khẳng định không chịu trách nhiệm về khoản nợ của đối tác.",  # responsibility, not for pages
    "Bộ trưởng cho biết cơ quan luôn lắng nghe ý kiến của người dân.",
])
def test_an_articles_sentence_near_a_notices_words_stays(line):
    assert not body_end.is_notice(line)
    assert not body_end.cut_at_colophon(_body(f"{ARTICLE}<p>{line}</p>"))


# A latest-news box after the article: headlines with how long ago each was posted, as portals print them.
TIME_LISTS = {
    "stamp after the headline, in the item": "<ul>" + "".join(
        f"<li><h5>Tin mới số {i} về giao thông</h5>({i + 1} giờ trước)</li>" for i in range(4)) + "</ul>",
    "stamp as its own line": "".join(f"<p>Tin mới số {i} về giao thông</p><p>{i + 1} ngày trước</p>" for i in range(3)),
    "stamp inside the headline's line": "".join(f"<p>Tin mới số {i} về giao thông - {i + 5} phút trước</p>"
                                                for i in range(3)),
    "English": "".join(f"<div>Latest story number {i} (3 hours ago)</div>" for i in range(3)),
}


@pytest.mark.parametrize("case", list(TIME_LISTS))
def test_a_list_of_headlines_with_relative_times_ending_the_body_leaves(case):
    root = _body(f"{ARTICLE}{TIME_LISTS[case]}")
    assert body_end.cut_time_list(root)
    text = tree.get_text(root, " ")
    assert "Đoạn 5" in text and "Tin mới số" not in text and "Latest story" not in text and "trước" not in text


@pytest.mark.parametrize("html", [
    "<p>Vụ cháy xảy ra cách đây 2 giờ trước khi lực lượng chức năng có mặt.</p>",  # one stamp-like sentence
    "<p>Tin mới số 1 (2 giờ trước)</p><p>Đoạn cuối: lực lượng chức năng tiếp tục điều tra làm rõ vụ việc.</p>",
])
def test_a_single_stamp_or_one_before_the_articles_last_line_stays(html):
    root = _body(f"{ARTICLE}{html}")
    assert not body_end.cut_time_list(root)


def test_a_reported_statement_about_comments_is_not_the_comment_policy():
    # the policy's words without its form: a politician's statement in the article
    line = ("Bloomberg said in a statement that the comments do not reflect his commitment to reform, "
            "and he reiterated his regret.")
    assert not body_end.is_notice(line)
