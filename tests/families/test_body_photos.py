"""The container's photos put back into trafilatura's text-only body (families/body_photos.py)."""

from __future__ import annotations

from tintuc_feed.families import body_photos, generic
from tintuc_feed.sources import Source

P1 = "<p>Đoạn một: Công an huyện tổ chức ra quân tấn công trấn áp tội phạm trên địa bàn.</p>"
P2 = "<p>Đoạn hai: lực lượng chức năng đã bắt giữ nhiều đối tượng và thu giữ tang vật vi phạm.</p>"
P3 = "<p>Đoạn ba: Giám đốc Công an tỉnh biểu dương thành tích của các đơn vị tham gia.</p>"
FIGURE = ("<figure><img src='/anh/ra-quan.jpg' alt='Lễ ra quân'/>"
          "<figcaption>Lễ ra quân tại huyện. Ảnh: Minh Quỳnh</figcaption></figure>")


def test_a_figure_goes_back_before_the_text_that_follows_it():
    html, placed = body_photos.with_photos(P1 + P2 + P3, P1 + FIGURE + P2 + P3)
    assert placed == 1
    assert html.index("Đoạn một") < html.index("ra-quan.jpg") < html.index("Đoạn hai")
    assert "Ảnh: Minh Quỳnh" in html  # the caption (with its photo credit) comes with the photo


def test_a_photo_after_the_last_paragraph_goes_after_it():
    html, placed = body_photos.with_photos(P1 + P2, P1 + P2 + FIGURE)
    assert placed == 1 and html.index("Đoạn hai") < html.index("ra-quan.jpg")


def test_a_bare_image_in_its_own_block_goes_back_with_its_block():
    ours = P1 + "<p><img src='/anh/hien-truong.jpg'/></p>" + P2
    html, placed = body_photos.with_photos(P1 + P2, ours)
    assert placed == 1 and html.index("Đoạn một") < html.index("hien-truong.jpg") < html.index("Đoạn hai")


def test_a_photo_whose_text_trafilatura_left_out_stays_out():
    # the photo sits in a promotion box trafilatura did not keep: neither neighbour is in its body
    ours = "<div><p>Quảng cáo: đăng ký nhận bản tin hằng tuần của báo.</p>" + FIGURE + "</div>"
    html, placed = body_photos.with_photos(P1 + P2, ours)
    assert placed == 0 and html == P1 + P2


def test_no_photo_leaves_trafilaturas_body_as_it_is():
    assert body_photos.with_photos(P1 + P2, P1 + P2) == (P1 + P2, 0)


ARTICLE = "".join(
    f"<p>Đoạn {i}: Công an tỉnh tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh trật tự trên địa bàn, "
    f"lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm số {i}.</p>"
    for i in range(1, 6)
)
TITLE = "Công an tỉnh triển khai kế hoạch bảo đảm an ninh dịp Tết"


def test_trafilatura_taking_over_a_weak_container_keeps_the_containers_photos():
    # the article split in two columns: the densest block (the larger) gives way to trafilatura's body,
    # which is read text only; the photo inside the block comes back beside its paragraph
    long_part = ARTICLE.replace("<p>Đoạn 2", FIGURE + "<p>Đoạn 2") + ARTICLE.replace("Đoạn", "Phần")
    html = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='a'>{long_part}</div>"
            f"<div class='b'>{ARTICLE.replace('Đoạn', 'Mục')}</div></body></html>")
    url = "https://congan.example.gov.vn/tin/bai.html"
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(url,), article_url_pattern=".")
    raw = generic.parse_article(url, html, source, {})
    assert raw.matched["body"] == "trafilatura", raw.matched
    assert raw.matched["body_photos"] == "structure:1"
    body = raw.body_html
    assert body.index("Đoạn 1") < body.index("ra-quan.jpg") < body.index("Đoạn 2") and "Mục 5" in body


# The page's photos, when none of the container's sits beside trafilatura's text (body_photos.with_page_photos).
CAPTIONED = ("<table><tr><td><img src='/anh/hien-truong.jpg'/></td></tr>"
             "<tr><td>Hiện trường vụ việc được lực lượng chức năng phong tỏa.</td></tr></table>")
KEPT = P1 + "<table><tr><td>Hiện trường vụ việc được lực lượng chức năng phong tỏa.</td></tr></table>" + P2


def _page(inner: str) -> str:
    return f"<html><body><div class='side'><p>Tin mới: bài khác</p></div><div class='bai'>{inner}</div></body></html>"


def test_a_page_photo_goes_back_into_the_cell_of_its_caption():
    html, placed = body_photos.with_page_photos(KEPT, _page(P1 + CAPTIONED + P2))
    assert placed == 1
    assert html.index("Đoạn một") < html.index("hien-truong.jpg") < html.index("Hiện trường vụ việc")
    assert "<td><img" in html.replace("\n", "") and html.count("<td>") == 1  # inside the cell, not beside it


def test_a_linked_page_photo_is_another_articles_card_and_stays_out():
    card = "<p><a href='/tin-khac.html'><img src='/anh/the-bai-khac.jpg'/></a></p>"
    html, placed = body_photos.with_page_photos(P1 + P2, _page(P1 + card + P2))
    assert placed == 0 and "the-bai-khac.jpg" not in html


def test_a_page_photo_whose_nearest_text_trafilatura_left_out_stays_out():
    # a sidebar photo: the text right after it is the sidebar's; the article's text comes later on the page
    side = "<div><img src='/anh/quang-cao.jpg'/><p>Đặt mua báo in với giá ưu đãi trong tháng này.</p></div>"
    html, placed = body_photos.with_page_photos(P1 + P2, _page(side + P1 + P2))
    assert placed == 0 and "quang-cao.jpg" not in html


def test_a_page_photo_trafilatura_already_shows_is_not_doubled():
    voted = "<p><img src='/anh/ra-quan.jpg'/></p>" + P1 + P2
    html, placed = body_photos.with_page_photos(voted, _page("<p><img src='/anh/ra-quan.jpg'/></p>" + P1 + P2))
    assert placed == 0 and html.count("ra-quan.jpg") == 1


def test_the_containers_photos_come_first_and_the_pages_only_when_none_of_them_fits():
    page = _page(P1 + CAPTIONED + P2)
    ours = P1 + FIGURE + P2  # the container's photo sits beside text trafilatura kept
    html, source = body_photos.photos_back(KEPT, ours, page)
    assert source == "structure:1" and "ra-quan.jpg" in html and "hien-truong.jpg" not in html
    teasers = "<p>Tin khác: hội nghị tổng kết của ngành văn hóa.</p><p><img src='/anh/the.jpg'/></p>"
    html, source = body_photos.photos_back(KEPT, teasers, page)  # the container was another text
    assert source == "page:1" and "hien-truong.jpg" in html and "the.jpg" not in html
    assert body_photos.photos_back(P1 + P2, teasers, _page(P1 + P2)) == (P1 + P2, None)


def test_a_page_figure_comes_back_without_the_caption_trafilatura_left_out():
    html, placed = body_photos.with_page_photos(P1 + P2, _page(P1 + FIGURE + P2))
    assert placed == 1 and "ra-quan.jpg" in html and "Minh Quỳnh" not in html
    assert html.index("Đoạn một") < html.index("ra-quan.jpg") < html.index("Đoạn hai")
