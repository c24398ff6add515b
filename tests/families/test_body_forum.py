"""A forum thread read by the generic reader (families/body_forum.py): the first post is the body, its poster
the author, the replies are left out; one case per POST_WORDS row and poster form, and the guards."""

from __future__ import annotations

import pytest

from tintuc_feed.families import body_forum, generic
from tintuc_feed.sources import Source

URL = "https://forum.example.vn/threads/cach-xem-quan-he-ban-be.1739393/"
TITLE = "Cách xem quan hệ bạn bè giữa hai người trên mạng xã hội"
FIRST = ("Có rất nhiều điều thú vị với mạng xã hội, nhưng có một tính năng tuy đã ra mắt khá lâu mà có thể bạn "
         "chưa biết, đó là xem quan hệ bạn bè giữa hai cá nhân.<br/><br/>Cách đơn giản nhất là vào trang của người "
         "đó, bấm vào mũi tên kế nút Trang chủ và chọn Xem tình bạn.")
REPLIES = ["hi hay đó nhỉ, cảm ơn bạn đã chia sẻ mẹo này nhé",
           "Ủa có cái này nữa ta. Để mình thử ngay xem sao, " + "nội dung trả lời khá dài để dày hơn bài đầu. " * 8]


def _post(kind: str, who: str, text: str, poster_form: str) -> str:
    if poster_form == "data-author":
        return (f"<li class='{kind}' data-author='{who}'><div class='userInfo'><b>{who}</b></div>"
                f"<div class='postContent'><blockquote class='postText'>{text}</blockquote></div></li>")
    return (f"<div class='{kind}'><div class='{kind}Profile'><span class='{poster_form}'>{who}</span></div>"
            f"<div class='{kind}Text'>{text}</div></div>")


def _thread(kind: str, poster_form: str, wrap: str = "ol") -> str:
    tag = "ol" if poster_form == "data-author" else "div"
    posts = _post(kind, "cuLong", FIRST, poster_form) + "".join(
        _post(kind, f"user{i}", f"<p>{r}</p>", poster_form) for i, r in enumerate(REPLIES))
    return (f"<html><head><title>{TITLE}</title></head><body><div class='header'><a href='/'>Diễn đàn</a></div>"
            f"<h1>{TITLE}</h1><{tag} class='thread'>{posts}</{tag}>"
            "<div class='footer'><p>Diễn đàn công nghệ, thành lập năm 2004.</p></div></body></html>")


def _read(html: str):
    source = Source(id="adhoc", name="forum.example.vn", list_urls=(URL,), article_url_pattern=".")
    return generic.parse_article(URL, html, source, {})


# A post's class as forum software writes it, per POST_WORDS row; the poster as each marks it.
POSTS = {"post": "post", "message": "message", "comment": "MtnComment", "reply": "forum-reply", "postbit": "postbit"}
POSTER_FORMS = ["data-author", "username", "MtnCommentAccountName", "post-author", "poster"]


def test_every_post_word_has_a_case():
    assert set(POSTS) == set(body_forum.POST_WORDS)


@pytest.mark.parametrize("word", list(POSTS))
@pytest.mark.parametrize("poster_form", POSTER_FORMS)
def test_the_first_post_is_the_body_and_its_poster_the_author(word, poster_form):
    raw = _read(_thread(POSTS[word], poster_form))
    assert raw.matched["body"] == "forum:first-post", raw.matched
    assert "Có rất nhiều điều thú vị" in raw.body_html and "Xem tình bạn" in raw.body_html
    assert "hi hay đó nhỉ" not in raw.body_html and "Ủa có cái này" not in raw.body_html
    assert "cuLong" in (raw.byline or ""), raw.matched


@pytest.mark.parametrize(("name", "word"), [
    ("message", "message"), ("firstPost", "post"), ("MtnComment", "comment"), ("postbit", "postbit"),
    ("messageUserInfo", None), ("post-content", None), ("entry-content", None), ("commentform", None),
])
def test_a_post_is_a_class_ending_with_a_post_word(name, word):
    root = generic.parse_html(f"<html><body><div class='{name}'>x</div></body></html>").root
    assert body_forum.post_word(root.find("body")[0]) == word


def test_an_article_with_reader_comments_under_it_is_not_a_thread():
    # the article's container stands outside the comment list: the comments are not where the body is
    article = "".join(f"<p>Đoạn {i}: Công an tỉnh tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh trật tự "
                      f"trên địa bàn, lực lượng chức năng tăng cường tuần tra kiểm soát số {i}.</p>" for i in range(6))
    comments = "".join(f"<li class='comment'><span class='comment-author'>Bạn đọc {i}</span><p>Bài viết hay.</p></li>"
                       for i in range(3))
    html = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='entry-content'>{article}"
            f"</div><ol class='comment-list'>{comments}</ol></body></html>")
    raw = _read(html)
    assert raw.matched["body"] != "forum:first-post"
    assert "Đoạn 5" in raw.body_html


def test_blocks_without_posters_are_not_a_thread():
    # sibling "post" cards on a list page name no poster: not a thread
    cards = "".join(f"<div class='post'><p>{'Tóm tắt bài viết số ' * 8}{i}.</p></div>" for i in range(3))
    root = generic.parse_html(f"<html><body><div>{cards}</div></body></html>").root
    first_card_text = root.find("body")[0][0][0]
    assert body_forum.first_post(first_card_text) is None
