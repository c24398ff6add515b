"""A forum thread: the first post is the article, the replies are its comments, the first post's poster its author.

A thread page (XenForo's `<li class="message" data-author="…">`, vBulletin's `postbit`, phpBB's `post`, a
CMS's `<div class="MtnComment">`) lists posts as sibling blocks of one kind, each with its poster's name.
The structure's container, picked by text density, may be any post (the longest reply), or the whole list.
When the container is one post of such a list (or inside one), the body becomes the first post's text, and
the first post's poster is the author (a byline the page's own rules did not find).

POST_WORDS: the word a post's class ends with (split at "-", "_" and camelCase: "MtnComment" is
"mtn comment", "firstPost" "first post"); POSTER_WORDS: those of the element naming its poster, else the
post's `data-author`.  A post list has at least MIN_POSTS posts that each name a poster.  Each row has its
own test (tests/families/test_body_forum.py).  Everything here is a pure function of the tree.
"""

from __future__ import annotations

import re

from lxml.etree import _Element as Tag

from . import tree

POST_WORDS = ("post", "message", "comment", "reply", "postbit")
POSTER_WORDS = re.compile(r"\b(?:user ?name|author|poster|account ?name|member ?name|nick ?name)\b")
POST_TAGS = ("li", "div", "article", "table", "section")
MIN_POSTS = 2
POSTER_MAX_CHARS = 60  # a poster's name, not a sentence
TEXT_TAGS = ("div", "blockquote", "td", "section", "article")  # where a post keeps its text

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def words(name: str) -> list[str]:
    """A class or id split into lower-case words: "MtnCommentAccountName" -> mtn comment account name."""
    return [w for w in re.split(r"[\s_\-]+", _CAMEL.sub(" ", name).lower()) if w]


def post_word(node: Tag) -> str | None:
    """The POST_WORDS word one of the element's classes ends with (its kind of post: "MtnComment", "firstPost",
    "message"; not "messageUserInfo" nor "post-content", parts of a post), else None."""
    for name in (node.get("class") or "").split():
        last = (words(name) or [""])[-1]
        if last in POST_WORDS:
            return last
    return None


def poster(post: Tag) -> str | None:
    """The name of the post's poster: its data-author, else the first short element named for a poster."""
    author = (post.get("data-author") or "").strip()
    if author:
        return author
    for node in post.iter():
        if not tree.is_element(node) or node is post:
            continue
        names = " ".join(words(f"{node.get('class') or ''} {node.get('itemprop') or ''}"))
        if names and POSTER_WORDS.search(names):
            text = " ".join(tree.get_text(node, " ").split())
            if 0 < len(text) <= POSTER_MAX_CHARS:
                return text
    return None


def _posts_around(node: Tag) -> list[Tag]:
    """The posts of the list `node` is one of: its siblings of the same tag and post word that name a poster."""
    kind, parent = post_word(node), node.getparent()
    if kind is None or parent is None or node.tag not in POST_TAGS:
        return []
    posts = [s for s in parent if tree.is_element(s) and s.tag == node.tag and post_word(s) == kind]
    return posts if len(posts) >= MIN_POSTS and all(poster(p) for p in posts[:MIN_POSTS]) else []


def post_list(container: Tag) -> list[Tag]:
    """The thread's posts when the container is (inside) one of them; else [] (only its ancestors are read)."""
    for node in (container, *container.iterancestors()):
        posts = _posts_around(node)
        if posts:
            return posts
    return []


def post_text(post: Tag) -> Tag:
    """The element of the post holding its text: the one with the most text of its own (direct strings, and
    the paragraphs right under it)."""
    def own(node: Tag) -> int:
        direct = len((node.text or "").strip()) + sum(len((k.tail or "").strip()) for k in node)  # no comments
        return direct + sum(len(tree.get_text(p, " ", strip=True)) for p in node if tree.is_element(p) and p.tag == "p")
    candidates = [post, *post.iterdescendants(*TEXT_TAGS)]
    return max(candidates, key=own)


def first_post(container: Tag) -> Tag | None:
    """The first post's text element when the container belongs to a forum thread; else None."""
    posts = post_list(container)
    return post_text(posts[0]) if posts else None


def poster_of(text: Tag) -> str | None:
    """The poster of the post holding this text element (first_post's), else None."""
    posts = post_list(text)
    post = next((p for p in posts if p is text or any(a is p for a in text.iterancestors())), None)
    return poster(post) if post is not None else None
