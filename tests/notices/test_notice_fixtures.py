"""Every fixture notice (written from police portals' wording before the code) read right, field by field.

One test per (notice, field): a wrong field names itself.  A field the fixture
does not give must be absent (the extractor never guesses), and every value
keeps the exact span of the document it was read from.
"""

from __future__ import annotations

import pytest
from notice_cases import content_html, every_case, load, plain

from tintuc_feed.notices import notice_json, read_notice
from tintuc_feed.notices.text import SEPARATOR
from tintuc_feed.notices.wanted import FIELDS as WANTED_FIELDS

FRAUD_FIELDS = ("tricks", "phones", "contact_phones", "urls", "domains", "apps", "accounts", "impersonated")
APPEAL_FIELDS = ("asks", "contact_unit", "officer", "phones", "deadline", "deadline_days")


def _read(case: dict) -> dict:
    return notice_json(read_notice(case["title"], case["text"], content_html(case)))


def test_there_are_enough_fixtures_of_each_kind():
    counts = {kind: len(load(kind)) for kind in ("wanted", "fraud", "appeal", "withdrawal", "story")}
    assert counts["wanted"] >= 15 and counts["fraud"] >= 15 and counts["appeal"] >= 8
    assert counts["withdrawal"] >= 5 and counts["story"] >= 2
    assert len({case["id"] for case in every_case()}) == sum(counts.values())


@pytest.mark.parametrize("case", every_case(), ids=lambda c: c["id"])
def test_kind(case):
    assert _read(case)["kind"] == case["kind"]


def _wanted_rows():
    for case in load("wanted"):
        for index, person in enumerate(case["expected"]):
            for name in ("name", *WANTED_FIELDS):
                yield pytest.param(case, index, name, person.get(name), id=f"{case['id']}-{index}-{name}")


@pytest.mark.parametrize(("case", "index", "name", "expected"), list(_wanted_rows()))
def test_wanted_field(case, index, name, expected):
    people = plain(_read(case)["fields"]["people"])
    assert len(people) == len(case["expected"])
    assert people[index].get(name) == expected


def _list_rows(kind: str, fields: tuple[str, ...]):
    for case in load(kind):
        for name in fields:
            yield pytest.param(case, name, case.get(name), id=f"{case['id']}-{name}")


def _same(found, expected) -> bool:
    if isinstance(expected, list) or isinstance(found, list):
        key = repr
        return sorted(found or [], key=key) == sorted(expected or [], key=key)
    return found == expected


@pytest.mark.parametrize(("case", "name", "expected"), list(_list_rows("fraud", FRAUD_FIELDS)))
def test_fraud_field(case, name, expected):
    found = plain(_read(case)["fields"]).get(name)
    assert _same(found, expected), (found, expected)


@pytest.mark.parametrize(("case", "name", "expected"), list(_list_rows("appeal", APPEAL_FIELDS)))
def test_appeal_field(case, name, expected):
    found = plain(_read(case)["fields"]).get(name)
    assert _same(found, expected), (found, expected)


def _withdrawal_rows():
    for case in load("withdrawal"):
        for name in ("reason", "wanted_decision", "decision_number"):
            yield pytest.param(case, name, case.get(name), id=f"{case['id']}-{name}")
        for index, person in enumerate(case["expected"]):
            for name in ("name", "birth_year"):
                yield pytest.param(case, f"people.{index}.{name}", person.get(name),
                                   id=f"{case['id']}-{index}-{name}")


@pytest.mark.parametrize(("case", "name", "expected"), list(_withdrawal_rows()))
def test_withdrawal_field(case, name, expected):
    fields = plain(_read(case)["fields"])
    if name.startswith("people."):
        _, index, key = name.split(".")
        assert len(fields["people"]) == len(case["expected"])
        assert fields["people"][int(index)].get(key) == expected
    else:
        assert fields.get(name) == expected


def _spans(value):
    if isinstance(value, dict) and {"value", "start", "end", "text"} <= value.keys():
        yield value
        yield from _spans(value["value"])
    elif isinstance(value, dict):
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


@pytest.mark.parametrize("case", [c for c in every_case() if c["kind"] != "story"], ids=lambda c: c["id"])
def test_every_value_keeps_its_exact_span(case):
    record = _read(case)
    document = case["title"] + SEPARATOR + case["text"]
    html = content_html(case)
    spans = list(_spans(record["fields"]))
    assert spans
    for span in spans:
        source = html if span["text"].startswith("http") and span["text"] in case.get("images", []) else document
        assert source[span["start"]:span["end"]] == span["text"]
    matched = record["classification"]["matched"]
    assert document[matched["start"]:matched["end"]] == matched["text"]


def test_a_story_has_no_fields_and_says_no_rule_matched():
    record = _read(load("story")[0])
    assert record["fields"] == {} and record["classification"]["rule"] is None


def test_unsure_person_says_so():
    """w13 gives no decision number: the person is not 'high' and lists what is missing."""
    case = next(c for c in load("wanted") if c["id"] == "w13-no-decision-number")
    person = plain(_read(case)["fields"]["people"][0])
    assert person["confidence"] == "medium"
    assert "decision_number" in person["missing"] and "decision_date" in person["missing"]
    assert "decision_number" not in person
