"""Stored articles -> the published notice records: wanted persons (with their status), withdrawals,
fraud warnings and appeals.

A wanted person is withdrawn by a later withdrawal notice that names the same
wanted decision number, or the same person (folded name + birth year).  A
wanted person published by several sites (same decision number, or same name
and birth year) is one record, the earliest copy, with the others' URLs in
``also_published_at``.  Records are plain JSON-ready dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import StoredArticle
from .classify import STORY
from .fraud import defang
from .read import Notice, read_notice, to_json
from .summary import appeal_title, fraud_title, wanted_title
from .text import fold_same_length
from .wanted import FIELDS as WANTED_FIELDS


@dataclass
class Found:
    """A notice read from a stored article."""

    stored: StoredArticle
    notice: Notice


@dataclass
class NoticeSet:
    """Every notice record, ready to write."""

    active: list[dict[str, Any]] = field(default_factory=list)
    withdrawn: list[dict[str, Any]] = field(default_factory=list)
    withdrawals: list[dict[str, Any]] = field(default_factory=list)
    fraud: list[dict[str, Any]] = field(default_factory=list)
    appeals: list[dict[str, Any]] = field(default_factory=list)
    # the stored article behind each record id (for feed items)
    sources: dict[str, StoredArticle] = field(default_factory=dict)


class NoticeCollector:
    """Reads every article it is shown and keeps the notices (stories are dropped at once)."""

    def __init__(self) -> None:
        self.found: list[Found] = []
        self.seen = 0  # articles read

    def add(self, stored: StoredArticle) -> None:
        self.seen += 1
        article = stored.article
        notice = read_notice(article.title, article.content_text, article.content_html)
        if notice.kind != STORY:
            self.found.append(Found(stored, notice))

    def watch(self, records: Iterable[StoredArticle]) -> Iterator[StoredArticle]:
        """records, unchanged, each read on its way through (so publishing reads the store once)."""
        for stored in records:
            self.add(stored)
            yield stored

    def build(self) -> NoticeSet:
        return build_notices(self.found)


def build_notices(found: list[Found]) -> NoticeSet:
    ordered = sorted(found, key=lambda f: (_when(f.stored), f.stored.guid))  # oldest first
    result = NoticeSet()
    people = _wanted_people([f for f in ordered if f.notice.kind == "wanted"], result)
    for item in (f for f in ordered if f.notice.kind == "withdrawal"):
        result.withdrawals.append(_withdrawal(item, people, result))
    for person in people:
        (result.withdrawn if person["status"] == "withdrawn" else result.active).append(person)
    for item in ordered:
        if item.notice.kind in ("fraud", "appeal"):
            record = _base(item, item.stored.guid) | to_json(item.notice.fields)
            result.sources[record["id"]] = item.stored
            (result.fraud if item.notice.kind == "fraud" else result.appeals).append(record)
    for records in (result.active, result.withdrawn, result.withdrawals, result.fraud, result.appeals):
        records.sort(key=newest_key, reverse=True)  # newest notice first; a notice's persons in its order
    _add_summaries(result)
    return result


def _add_summaries(result: NoticeSet) -> None:
    for record in result.active + result.withdrawn:
        record["summary"] = wanted_title(record)
    for record in result.fraud:
        record["summary"] = fraud_title(record)
        for key in ("urls", "domains"):
            for link in record[key]:
                link["display"] = defang(link["value"])
    for record in result.appeals:
        record["summary"] = appeal_title(record)


def newest_key(record: dict[str, Any]) -> tuple[str, str, int]:
    """Sorted on with reverse=True: newest notice first, then a notice's persons in its order."""
    article = record["article"]
    person = int(record["id"].rsplit("-", 1)[1]) if "#person-" in record["id"] else 0
    return article["published"] or article["first_seen"], article["guid"], -person


def _when(stored: StoredArticle) -> datetime:
    return stored.article.published or stored.first_seen


def article_info(stored: StoredArticle) -> dict[str, Any]:
    article = stored.article
    published = article.published.isoformat(timespec="seconds") if article.published else None
    return {"guid": stored.guid, "url": article.url, "title": article.title, "source": article.source_id,
            "province": article.province, "published": published,
            "first_seen": stored.first_seen.isoformat(timespec="seconds"),
            "updated": stored.updated.isoformat(timespec="seconds")}


def _base(item: Found, record_id: str) -> dict[str, Any]:
    return {"id": record_id, "kind": item.notice.kind, "article": article_info(item.stored),
            "classification": item.notice.classification.to_json()}


def _wanted_people(items: list[Found], result: NoticeSet) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    by_key: dict[tuple, dict[str, Any]] = {}
    for item in items:
        for index, person in enumerate(item.notice.fields.get("people", []), start=1):
            key = person_key(person)
            if key is not None and key in by_key:
                by_key[key]["also_published_at"].append(item.stored.article.url)
                continue
            record = _person_record(item, index, person)
            result.sources[record["id"]] = item.stored
            people.append(record)
            if key is not None:
                by_key[key] = record
    return people


def _person_record(item: Found, index: int, person: dict[str, Any]) -> dict[str, Any]:
    fields = to_json(person)
    record = _base(item, f"{item.stored.guid}#person-{index}") | {"status": "active", "withdrawn_by": None}
    record["name"] = fields["name"]
    record |= {key: fields.get(key) for key in WANTED_FIELDS}
    if record["photo"] is not None:
        record["photo"]["in"] = "content_html"
    record |= {"confidence": fields["confidence"], "missing": fields["missing"], "also_published_at": []}
    return record


def person_key(person: dict[str, Any]) -> tuple | None:
    """The identity of a wanted person across copies: the decision number, else name + birth year."""
    name = _fold(person["name"].value)
    if "decision_number" in person:
        return ("decision", _number(person["decision_number"].value), name)
    if "birth_year" in person:
        return ("person", name, person["birth_year"].value)
    return None


def _fold(text: str) -> str:
    return " ".join(fold_same_length(text).split())


def _number(text: str) -> str:
    return "".join(fold_same_length(text).split())


def _withdrawal(item: Found, people: list[dict[str, Any]], result: NoticeSet) -> dict[str, Any]:
    fields = item.notice.fields
    record = _base(item, item.stored.guid) | to_json(fields) | {"withdraws": []}
    result.sources[record["id"]] = item.stored
    for person in people:
        matched_by = _matches(fields, person)
        if matched_by and person["status"] == "active" and _not_before(item, person):
            person["status"] = "withdrawn"
            person["withdrawn_by"] = {"id": record["id"], "article": record["article"], "matched_by": matched_by,
                                      "reason": _value(fields.get("reason")),
                                      "decision_number": _value(fields.get("decision_number"))}
            record["withdraws"].append(person["id"])
    return record


def _value(found) -> Any:
    return None if found is None else found.value


def _matches(withdrawal: dict[str, Any], person: dict[str, Any]) -> str | None:
    """"decision_number" or "name_birth_year" when the withdrawal ends this person's notice, else None."""
    ended = withdrawal.get("wanted_decision")
    if ended is not None and person["decision_number"] is not None \
            and _number(ended.value) == _number(person["decision_number"]["value"]):
        return "decision_number"
    if person["birth_year"] is None:
        return None
    for named in withdrawal.get("people", []):
        year = named.get("birth_year")
        if year is not None and year.value == person["birth_year"]["value"] \
                and _fold(named["name"].value) == _fold(person["name"]["value"]):
            return "name_birth_year"
    return None


def _not_before(item: Found, person: dict[str, Any]) -> bool:
    """A withdrawal ends only a notice published before it (or on the same day)."""
    published = person["article"]["published"] or person["article"]["first_seen"]
    return _when(item.stored).isoformat(timespec="seconds")[:10] >= published[:10]
