"""Which kind of notice an article is, or "story": rules on folded text, first match wins.

Each rule reads the title (where police portals say what a notice is:
"Thông báo truy nã …", "Cảnh báo thủ đoạn …", "Thông báo tìm người bị hại")
or the body, and carries its reason.  The rule that decided is kept with the
result, so a wrong kind can be traced to one row.  A court report or an
arrest summary that only mentions "truy nã" or "lừa đảo" stays a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Document, Span

KINDS = ("wanted", "withdrawal", "fraud", "appeal")
STORY = "story"


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # one of KINDS, or STORY
    where: str  # "title" | "body"
    pattern: re.Pattern
    reason: str
    also: re.Pattern | None = None  # must also match, anywhere in the document


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_ARREST = r"\b(bat|bat giu|bat duoc|di ly|sa luoi|dau thu|ra dau thu|tom gon)\b"
_FRAUD_WORDS = _r(r"\b(lua dao|gia danh|mao danh|gia mao|chiem doat|lua tien|chieu lua)\b")

RULES: tuple[Rule, ...] = (
    Rule("court-report", STORY, "title",
         _r(r"\b(xet xu|tuyen an|tuyen phat|phien toa|hau toa|linh an|lanh an|tu chung than|cao trang|truy to)\b"),
         "a court or prosecution report is a story, even when it names a wanted person or a fraud"),
    Rule("dinh-na-title", "withdrawal", "title",
         _r(r"\b(dinh na|huy bo quyet dinh truy na|thu hoi quyet dinh truy na|huy quyet dinh truy na)\b"),
         "the title announces the end of a wanted notice (đình nã, hủy bỏ quyết định truy nã)"),
    Rule("arrest-of-wanted-title", "withdrawal", "title",
         _r(_ARREST + r".*\btruy na\b|\btruy na\b.*" + _ARREST),
         "the title reports that a wanted person was caught or surrendered: the wanted notice ends"),
    Rule("wanted-title", "wanted", "title", _r(r"\btruy na\b"),
         "the title is a wanted notice (thông báo truy nã, truy nã đối tượng …)"),
    Rule("wanted-decision-body", "wanted", "body",
         _r(r"\b(quyet dinh truy na|qdtn) so\b"),
         "the body cites a wanted decision number and asks the public to report the person",
         also=_r(r"\b(ai phat hien|ai biet|de nghi .{0,40}bao (ngay )?cho)\b")),
    Rule("appeal-title", "appeal", "title",
         _r(r"\btim (nguoi |cac |nhung )?(bi hai|chu so huu|nhan chung|than nhan|nhan than|nguoi than"
            r"|nguoi chung kien|nan nhan)\b"),
         "the title asks the public to come forward (tìm người bị hại, chủ sở hữu, nhân chứng, thân nhân)"),
    Rule("fraud-warning-title", "fraud", "title",
         _r(r"\b(canh bao|canh giac|khuyen cao|thu doan|chieu tro|chieu thuc|mat canh giac)\b"),
         "the title warns of a trick, and the notice speaks of fraud or impersonation",
         also=_FRAUD_WORDS),
)


@dataclass(frozen=True)
class Classification:
    kind: str
    rule: str | None  # the id of the rule that decided; None when no rule matched (a story)
    reason: str
    span: Span | None  # the text the rule matched

    def to_json(self) -> dict:
        matched = None if self.span is None else {"start": self.span.start, "end": self.span.end,
                                                  "text": self.span.text}
        return {"kind": self.kind, "rule": self.rule, "reason": self.reason, "matched": matched}


NO_RULE = "no notice rule matched: an ordinary story"


def classify(doc: Document) -> Classification:
    """The first rule of RULES that matches doc, or a story."""
    for rule in RULES:
        start, end = (0, len(doc.title)) if rule.where == "title" else (doc.body_start, len(doc.text))
        match = rule.pattern.search(doc.folded, start, end)
        if match and (rule.also is None or rule.also.search(doc.folded)):
            return Classification(rule.kind, rule.id, rule.reason, doc.span(match.start(), match.end()))
    return Classification(STORY, None, NO_RULE, None)
