"""The site's calls to action in an article's body: subscribe, follow us, join our channel, get our app.

Under an article many sites print a line of their own, with no class word a pruning row could know it by:
"Mời bạn đọc theo dõi Báo Công an tỉnh trên Google News", "Đăng ký nhận bản tin", "Tải ứng dụng … để đọc tin
nhanh", "Follow The Gleaner on Twitter …", "Subscribe now to our e-edition", "Mit unserem Newsletter erhalten Sie
…".  Such a line is the site's, not the article's: it leaves the body (the structure's container and
trafilatura's body alike, from body_prune.prune).

PROMO_ROWS: one row per kind of call, each a regular expression matched at the start of one of the block's
sentences (after an arrow or a purpose: "Để cập nhật tin nhanh,", "For the latest news,"), on the block's text folded to lower
case, NFC.  A sentence of an article that reports such a call ("Công an tỉnh đề nghị người dân theo dõi …")
does not open with it.  Guards: the block is short (PROMO_MAX_CHARS) and at least PROMO_AFTER_SHARE of the
body's text comes before it (a call under the headline may be the article's subject).  Each row has its own
test (tests/families/test_body_promo.py).  Everything here is a pure function of the tree.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.etree import _Element as Tag

from . import layout, tree

_PLATFORM = (r"(?:facebook|fanpage|zalo|youtube|tiktok|telegram|whatsapp|instagram|twitter|x|linkedin|threads"
             r"|google news|mạng xã hội)")
# The Vietnamese forms name the site as the object ("theo dõi Báo …", "tải ứng dụng đọc báo"): a police advisory's
# own steps ("Theo dõi thông tin cảnh báo trên fanpage Công an tỉnh", "Tải ứng dụng VNeID …") are the article.
PROMO_ROWS = (
    ("invitation to the reader", (r"mời (?:quý )?(?:bạn đọc|độc giả|khán giả|quý vị)(?: cùng)? "
                                  r"(?:theo dõi|đăng (?:ký|kí)|tải|tham gia|bấm|nhấn)\b")),
    ("subscribe", (r"đăng (?:ký|kí) (?:nhận (?:bản )?tin|nhận newsletter|(?:theo dõi )?kênh)\b"
                   r"|(?:subscribe|sign up|register)(?: (?:now|today|here|for free))*(?: (?:to|for)\b|[.!]?$)"
                   r"|(?:abonnieren sie|bestellen sie|mit) unser(?:en|em) newsletter|abonnez-vous|inscrivez-vous"
                   r"|suscríbete")),
    ("follow us", (rf"theo dõi (?:chúng tôi|báo|tạp chí|kênh|fanpage của (?:báo|chúng tôi))\b[^.!?]{{0,60}}?"
                   rf"(?:trên|tại|qua) {_PLATFORM}\b"
                   rf"|follow (?:us|[^.!?]{{1,40}}?) on {_PLATFORM}\b|folgen sie uns|suivez-nous|síguenos")),
    ("join our channel", r"join (?:us|our) [^.!?]{0,30}?(?:channel|community|group)\b|únete\b"),
    ("get our app", (r"tải (?:ngay )?(?:ứng dụng|app) (?:đọc báo|(?:của )?(?:báo|chúng tôi))\b"
                     r"|download (?:our|the) [^.!?]{0,30}?apps?\b")),
    ("become a member", (r"become a (?:member|subscriber|supporter)\b|werden sie mitglied\b"
                         r"|hazte (?:miembro|socio|suscriptor)\b")),
)
# What may come before the call at a sentence's start: an arrow, a purpose ("Để cập nhật tin nhanh,", "For the
# latest news,"), a plea.
_INVITATION = r"[>»›¡¿*\-–\s]*(?:(?:để|for (?:the latest|more)) [^.!?,]{0,40}?,? )?(?:please |bitte )?"
PROMO_ROW = re.compile("|".join(f"(?:{row})" for _, row in PROMO_ROWS).replace("[.!]?$", "[.!]?(?:$|\\s)"))
PROMO = re.compile(r"(?:^|[.!?]\s+)" + _INVITATION + "(?:" + "|".join(f"(?:{row})" for _, row in PROMO_ROWS) + ")")
PROMO_MAX_CHARS = 250  # a longer block is prose, whatever it says
PROMO_AFTER_SHARE = 0.5  # at least this share of the body's text comes before the call


def is_promotion(text: str) -> bool:
    """Whether a block's text (whitespace collapsed) is one of the site's calls to action."""
    line = unicodedata.normalize("NFC", text).lower().strip()
    return 0 < len(line) <= PROMO_MAX_CHARS and PROMO.search(line) is not None


def remove_promotions(root: Tag) -> int:
    """Remove the blocks that are the site's calls to action, past the body's first PROMO_AFTER_SHARE of text."""
    if PROMO_ROW.search(" ".join(unicodedata.normalize("NFC", tree.get_text(root, " ")).lower().split())) is None:
        return 0  # no row's words anywhere: no walk over the blocks (most pages)
    blocks = layout.leaf_blocks(root)
    texts = [" ".join(tree.flat_text(b).split()) for b in blocks]
    total, before, removed = sum(len(t) for t in texts), 0, 0
    for block, text in zip(blocks, texts, strict=True):
        if before >= PROMO_AFTER_SHARE * total and is_promotion(text):
            tree.remove(block)
            removed += 1
        before += len(text)
    return removed
