"""The site's calls to action leave the article's body (families/body_promo.py): cases per row, and the guards."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_promo, generic, generic_body, tree
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

URL = "https://congan.example.gov.vn/tin-tuc/canh-bao-lua-dao.html"
TITLE = "Công an tỉnh cảnh báo thủ đoạn lừa đảo qua mạng dịp cuối năm"
ARTICLE = "".join(
    f"<p>Đoạn {i}: lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm, "
    f"xử lý nghiêm các trường hợp vi phạm trật tự an toàn giao thông số {i}, theo chỉ đạo của Giám đốc.</p>"
    for i in range(1, 12)
)
# The calls as sites print them under their articles, per row (Vietnamese portals first).
CASES = {
    "invitation to the reader": [
        "Mời bạn đọc theo dõi Báo Công an tỉnh trên Google News để cập nhật tin tức nhanh nhất.",
        "Mời quý độc giả đăng ký kênh YouTube của Đài Phát thanh - Truyền hình tỉnh.",
        "Để cập nhật tin tức nhanh nhất, mời bạn đọc tham gia nhóm Zalo của Báo.",
    ],
    "subscribe": [
        "Đăng ký nhận bản tin hằng ngày của Báo Công an tỉnh",
        ">> Đăng ký theo dõi kênh của chúng tôi",
        "Subscribe now to our e-edition for the full story.",
        "Do you want to be informed of our actions? Sign up here",
        "Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Land.",
        "Abonnez-vous à notre lettre d'information.",
        "Suscríbete a nuestro boletín.",
    ],
    "follow us": [
        "Theo dõi Báo Công an Nhân dân trên Google News",
        "Theo dõi chúng tôi trên Facebook và Zalo.",
        "Follow The Example Post on Twitter and Instagram @ExamplePost.",
        "Folgen Sie uns auf Instagram!",
        "Suivez-nous sur Facebook.",
        "Síguenos en Twitter.",
    ],
    "join our channel": [
        "Join our WhatsApp channel for breaking news.",
        "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en este enlace.",
    ],
    "get our app": [
        "Tải ứng dụng đọc báo Công an tỉnh trên điện thoại.",
        "Tải ngay ứng dụng của Báo để nhận tin nhanh.",
        "For the latest stories and breaking news updates download the Example apps for iOS and Android.",
    ],
    "become a member": [
        "Become a member and support independent journalism.",
        "Werden Sie Mitglied und erhalten Sie exklusive Angebote!",
        "Hazte miembro y disfruta de beneficios exclusivos.",
    ],
}


def _read(inner: str, *, container: str = "<div class='noidung-chitiet'>{inner}</div>"):
    html = (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"<div class='main'><h1>{TITLE}</h1>{container.format(inner=inner)}</div>"
            "<div class='footer'><p>Cổng thông tin điện tử Công an tỉnh</p></div></body></html>")
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(URL,), article_url_pattern=".")
    return generic.parse_article(URL, html, source, {})


def _body(inner: str):
    return tree.select(parse_html(f"<html><body><div id='b'>{inner}</div></body></html>").root, "#b")[0]


def test_every_row_has_cases():
    assert set(CASES) == {name for name, _ in body_promo.PROMO_ROWS}


@pytest.mark.parametrize("line", [line for lines in CASES.values() for line in lines])
def test_a_call_under_the_article_leaves_the_body(line):
    assert body_promo.is_promotion(line)
    raw = _read(f"{ARTICLE}<p>{line}</p>")
    assert "Đoạn 1:" in raw.body_html and "Đoạn 11:" in raw.body_html
    assert line[:25] not in raw.body_html


def test_each_call_leaves_where_it_stands_and_the_article_after_it_stays():
    # a membership box between two halves of the article, and two calls in a row at its end
    half = ARTICLE[: len(ARTICLE) * 6 // 10]
    root = _body(f"{half}<div>Werden Sie Mitglied und erhalten Sie exklusive Angebote!</div>{ARTICLE[len(half):]}"
                 f"<p>{CASES['subscribe'][2]}</p><p>{CASES['get our app'][2]}</p>")
    assert body_promo.remove_promotions(root) == 3
    text = tree.get_text(root, " ")
    assert "Đoạn 11" in text and "Mitglied" not in text and "Subscribe" not in text and "download" not in text


def test_trafilaturas_body_loses_the_call_too():
    # a table layout with no container: trafilatura (run for real) reads the call with the article
    html = (f"<html><body><table><tr><td>{ARTICLE}<p>{CASES['invitation to the reader'][0]}</p></td></tr>"
            "</table></body></html>")
    body = generic_body._voted_body(html, URL, None, (), fallback=True)
    assert "Đoạn 11" in body and "Mời bạn đọc" not in body


@pytest.mark.parametrize("line", [
    # a police advisory's own steps: the site is not their object
    "Theo dõi thông tin cảnh báo trên Fanpage Công an tỉnh để kịp thời nhận biết thủ đoạn mới.",
    "Tải ứng dụng VNeID từ kho ứng dụng chính thức, không tải ứng dụng từ đường link lạ.",
    "Để phòng tránh lừa đảo, hãy theo dõi thông tin trên trang Facebook chính thức của Công an tỉnh.",
    "Công an tỉnh đề nghị người dân theo dõi thông tin trên Zalo của Công an xã.",
    "Không tham gia các nhóm Zalo lạ, không đăng ký nhận quà qua tin nhắn.",
    # an article's sentence that reports a call rather than making one
    "The ministry asked drivers to follow the police on Facebook for updates.",
    "Viele Leser folgen Sie uns nicht, sagte der Verleger.",
])
def test_an_articles_own_lines_stay(line):
    assert not body_promo.is_promotion(line)
    raw = _read(f"{ARTICLE}<p>{line}</p>")
    assert line[:25] in raw.body_html


def test_a_call_in_the_bodys_first_half_stays():
    # a call under the headline may be the article's subject (a campaign, a new app)
    line = CASES["invitation to the reader"][0]
    root = _body(f"<p>{line}</p>{ARTICLE}")
    assert body_promo.remove_promotions(root) == 0
    assert "Mời bạn đọc" in tree.get_text(root, " ")


def test_a_long_paragraph_is_prose_whatever_it_opens_with():
    line = "Subscribe to the service, the minister said, " + "and the rollout continues across provinces " * 6 + "."
    assert len(line) > body_promo.PROMO_MAX_CHARS
    assert not body_promo.is_promotion(line)
