"""A byline line is split at its labels in linear work, however many colons it holds.

A paragraph of "09:15 09:15 …" (a timetable, a pasted log) or "a: b: c: …" reached the label split, which
read each colon's whole prefix (separators, commas, words, then the fold of the candidate): 10,000
colons took 15 s of CPU in one worker on the seed page.  Only the last LABEL_MAX_CHARS characters before a
colon can hold a label, so only they are read.  The split itself is unchanged: the reference below is the
reading of every colon's whole prefix, compared on generated lines.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.normalize import authors
from tintuc_feed.normalize.authors import author_labelled, parse_byline
from tintuc_feed.normalize.byline_tables import LABEL_MAX_CHARS, LABELS
from tintuc_feed.normalize.text import fold_key


def _reference_split_label(before: str):
    """Every candidate start of the whole prefix (the reading before the bound)."""
    hard = [m.end() for m in authors._HARD.finditer(before)]
    soft = [m.end() for m in authors._COMMA.finditer(before)]
    words = [m.start() for m in authors._WORD_START.finditer(before) if before[m.start()].isupper()]
    for start in (hard[-1] if hard else 0, soft[-1] if soft else None, *words[-authors.LABEL_MAX_WORDS:]):
        if start is None:
            continue
        kind = authors._label_kind(before[start:])
        if kind:
            return before[:start], before[start:].strip(" -–—"), kind
    return None


def _reference_chunks(line: str):
    chunks, kind, label, pos = [], "author", None, 0
    for colon in re.finditer(":", line):
        found = _reference_split_label(line[pos : colon.start()])
        if found is None:
            continue
        chunks.append((kind, label, found[0]))
        label, kind, pos = found[1], found[2], colon.end()
    chunks.append((kind, label, line[pos:]))
    return [c for c in chunks if c[2].strip(" -–—,;|.") or c[0] != "author"]


PIECES = ["Bài", "ảnh", "Ảnh", "Tin", "và", "Nguồn", "Theo", "Thực hiện", "Tác giả", "By", "Minh Quỳnh", "Bá Hiển",
          "CAND", "09", "15", " - ", ", ", "; ", ": ", ":", " ", "(PC02)", "|", "Video", "Đồ họa", "x" * 70]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_bounded_split_is_the_whole_prefix_split(pieces):
    line = "".join(pieces)
    assert authors._chunks(line) == _reference_chunks(line)


@pytest.mark.parametrize("line", [
    "Bài và ảnh: Minh Quỳnh - Ảnh: Bá Hiển",
    "Minh Quỳnh. Ảnh: Bá Hiển",
    "Thực hiện: Nhóm phóng viên ban Thời sự; Đồ họa: Hà Anh",
    "Tin, ảnh: Công an xã Sa Pa",
    " - ".join(["Nguyễn Văn A"] * 30) + " - Ảnh: Bá Hiển",  # a long prefix, a label at its end
])
def test_labelled_lines_split_as_before(line):
    assert authors._chunks(line) == _reference_chunks(line)


@pytest.mark.parametrize("unit", ["09:15 ", "a: ", "Ảnh: ", "- Tin: ", ":", "Nguyễn Văn A, Ảnh:"])
def test_each_colon_reads_a_bounded_tail(monkeypatch, unit):
    """The candidate labels tried per colon are at most LABEL_MAX_CHARS characters: linear in the line."""
    tried = []
    label_kind = authors._label_kind

    def recording_label_kind(text):
        tried.append(len(text))
        return label_kind(text)

    monkeypatch.setattr(authors, "_label_kind", recording_label_kind)
    line = unit * 3000
    colons = line.count(":")
    author_labelled(line)
    parse_byline(line)
    assert max(tried, default=0) <= LABEL_MAX_CHARS
    assert sum(tried) <= 2 * 5 * LABEL_MAX_CHARS * colons  # two readings, at most five candidates per colon


def test_no_label_is_longer_than_the_bound():
    """Each label row's longest spelling in the byline tests ("Bài và ảnh và video") fits the bound."""
    spelled = ["Bài và ảnh và video", "Nhóm thực hiện", "Ảnh minh họa", "geschrieben von", "Lời tòa soạn",
               "Đồ họa và ảnh và video"]
    for label in spelled:
        assert len(label) < LABEL_MAX_CHARS
        assert any(re.fullmatch(p, fold_key(label)) for p, _ in LABELS)
