"""One article -> its notice: the kind (or "story") and the typed fields, each with its span.

read_notice() never raises on text: a field it cannot read is absent, and a
wanted person says which fields are missing and how sure the reading is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import appeal, fraud, wanted
from .classify import STORY, Classification, classify
from .text import Document, Found, Span

IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class Notice:
    """What an article is and what it says, as data."""

    classification: Classification
    fields: dict[str, Any] = field(default_factory=dict)  # kind-specific; see to_json()

    @property
    def kind(self) -> str:
        return self.classification.kind


def read_notice(title: str, text: str, content_html: str = "") -> Notice:
    """Classify an article and, for a notice, read its fields."""
    doc = Document(title, text)
    found = classify(doc)
    if found.kind == STORY:
        return Notice(found)
    readers = {"wanted": lambda: _wanted(doc, content_html), "withdrawal": lambda: wanted.read_withdrawal(doc),
               "fraud": lambda: fraud.read_fraud(doc), "appeal": lambda: appeal.read_appeal(doc)}
    return Notice(found, readers[found.kind]())


def _wanted(doc: Document, content_html: str) -> dict[str, Any]:
    people = []
    for person in wanted.read_people(doc, body_images(content_html)):
        level, missing = wanted.confidence(person.fields)
        people.append({"name": person.name, **person.fields, "confidence": level, "missing": missing})
    return {"people": people}


def body_images(content_html: str) -> list[Found]:
    """The <img src> of the body, with spans in content_html (a person's photo comes from there)."""
    return [Found(m.group(1), Span(m.start(1), m.end(1), m.group(1))) for m in IMG_SRC.finditer(content_html or "")]


def to_json(value: Any) -> Any:
    """Fields as JSON: each Found as {value, start, end, text}; lists and dicts walked."""
    if isinstance(value, Found):
        return value.to_json()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def notice_json(notice: Notice) -> dict[str, Any]:
    """The notice as `tintuc-feed extract` prints it: kind, the rule that decided, the fields with spans.

    Offsets are into title + "\\n\\n" + content_text (a photo's, into content_html).
    """
    return {"kind": notice.kind, "classification": notice.classification.to_json(), "fields": to_json(notice.fields)}
