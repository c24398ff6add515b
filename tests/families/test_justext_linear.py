"""justext_linear: jusText's paragraph revision in linear time, the classes jusText gives.

The property test compares every class with jusText's own `revise_paragraph_classification` on random
runs of short, near-good, good and bad paragraphs (headings among them); the count test reads how many
times the revision trafilatura calls looks at a paragraph's class: linear, where jusText's walks are n².
"""

from __future__ import annotations

import copy

import trafilatura.external
from hypothesis import given, settings
from hypothesis import strategies as st
from justext.core import revise_paragraph_classification as justext_revision

from tintuc_feed.families import generic_body
from tintuc_feed.families.justext_linear import revise_paragraph_classification

CLASSES = ("short", "neargood", "good", "bad")


class Para:
    """What the revision reads of jusText's Paragraph: cf_class, heading, text; class_type set by it."""

    def __init__(self, cf_class: str, heading: bool, text: str):
        self.cf_class, self.heading, self.text = cf_class, heading, text
        self.class_type = ""


class CountingPara(Para):
    reads = 0

    def __getattribute__(self, name):
        if name == "class_type":
            CountingPara.reads += 1
        return object.__getattribute__(self, name)


paragraphs = st.lists(
    st.builds(Para, st.sampled_from(CLASSES), st.booleans(), st.text(alphabet="ab ", max_size=120)),
    max_size=60)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(paragraphs, st.sampled_from((0, 40, 150, 200)))
def test_same_classes_as_justext(paras, distance):
    theirs, ours = paras, copy.deepcopy(paras)
    justext_revision(theirs, distance)
    revise_paragraph_classification(ours, distance)
    assert [p.class_type for p in ours] == [p.class_type for p in theirs]


def _reads(revision, n: int) -> int:
    paras = [CountingPara("short", False, "a") for _ in range(n)]
    paras[0].cf_class = paras[-1].cf_class = "good"
    paras[n // 2].cf_class = "neargood"
    CountingPara.reads = 0
    revision(paras, 150)
    return CountingPara.reads


def test_trafilatura_fallback_revision_is_linear():
    """Once the generic reader has asked trafilatura, its jusText fallback revises 4,000 short blocks
    with a bounded number of class reads per block (jusText's own: millions)."""
    generic_body.trafilatura_html("<html><body>" + "<p>a</p>" * 20 + "</body></html>", "http://127.0.0.1/a")
    revision = trafilatura.external.revise_paragraph_classification
    small, large = _reads(revision, 1_000), _reads(revision, 4_000)
    assert large <= 20 * 4_000
    assert large <= 5 * small  # 4x the blocks, about 4x the reads
    assert _reads(justext_revision, 1_000) > 100 * 1_000  # the walk per paragraph this replaces
