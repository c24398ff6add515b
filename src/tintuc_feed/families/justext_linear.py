"""jusText's context-sensitive paragraph revision in linear time, the same classes as jusText 3.0.

trafilatura's last fallback (`trafilatura.external.try_justext`) calls jusText's
`revise_paragraph_classification`.  For every short paragraph it walks to the nearest good or bad
paragraph before and after it (`_get_neighbour`), and for every near-good one again: a run of n short
blocks costs n² steps.  8,000 one-word paragraphs (under page_limits.LIBRARY_MAX_BLOCKS) took 6-16 s of
CPU, 41 of 45 s under a profiler in `_get_neighbour` alone.

`revise_paragraph_classification` below gives every paragraph the class jusText gives it, reading the
neighbours from two sweeps (nearest good/bad, nearest good/bad/near-good, before and after each index)
instead of a walk per paragraph.  Its heading passes are jusText's own (bounded by the heading distance
in characters).  `use_linear_revision()` puts it in place of the one trafilatura imported; it is called
where trafilatura is first asked (generic_body.trafilatura_html), never at import time.
"""

from __future__ import annotations

from collections.abc import Sequence

GOOD_OR_BAD = frozenset({"good", "bad"})
WITH_NEARGOOD = frozenset({"good", "bad", "neargood"})
EDGE = "bad"  # jusText's class beyond the first and the last paragraph


def _nearest(classes: Sequence[str], wanted: frozenset[str], backwards: bool) -> list[str]:
    """For each index, the class of the nearest paragraph before it (backwards=False: after it) whose
    class is in `wanted`, else EDGE: jusText's `_get_neighbour` for every index in one sweep."""
    order = range(len(classes) - 1, -1, -1) if backwards else range(len(classes))
    found = [EDGE] * len(classes)
    last = EDGE
    for i in order:
        found[i] = last
        if classes[i] in wanted:
            last = classes[i]
    return found


def _headings(paragraphs: Sequence, max_heading_distance: int, from_class: str, to_class: str,
              copy: bool) -> None:
    """jusText's two heading passes, as written there (copy: the first pass, which copies cf_class)."""
    for i, paragraph in enumerate(paragraphs):
        if copy:
            paragraph.class_type = paragraph.cf_class
            if not (paragraph.heading and paragraph.class_type == from_class):
                continue
        elif not (paragraph.heading and paragraph.class_type == from_class and paragraph.cf_class != "bad"):
            continue
        j = i + 1
        distance = 0
        while j < len(paragraphs) and distance <= max_heading_distance:
            if paragraphs[j].class_type == "good":
                paragraph.class_type = to_class
                break
            distance += len(paragraphs[j].text)
            j += 1


def _classify_short(paragraphs: Sequence) -> None:
    classes = [p.class_type for p in paragraphs]
    prev_gb = _nearest(classes, GOOD_OR_BAD, backwards=False)
    next_gb = _nearest(classes, GOOD_OR_BAD, backwards=True)
    prev_any = _nearest(classes, WITH_NEARGOOD, backwards=False)
    next_any = _nearest(classes, WITH_NEARGOOD, backwards=True)
    new_classes = {}
    for i, current in enumerate(classes):
        if current != "short":
            continue
        before, after = prev_gb[i], next_gb[i]
        if before == "good" and after == "good":
            new_classes[i] = "good"
        elif before == "bad" and after == "bad":
            new_classes[i] = "bad"
        elif (before == "bad" and prev_any[i] == "neargood") or (after == "bad" and next_any[i] == "neargood"):
            new_classes[i] = "good"
        else:
            new_classes[i] = "bad"
    for i, new in new_classes.items():
        paragraphs[i].class_type = new


def _revise_neargood(paragraphs: Sequence) -> None:
    """jusText revises near-good paragraphs in order, in place: the one before reads the revised classes,
    the one after the classes as they were (a near-good paragraph after is skipped either way)."""
    next_gb = _nearest([p.class_type for p in paragraphs], GOOD_OR_BAD, backwards=True)
    before = EDGE
    for i, paragraph in enumerate(paragraphs):
        if paragraph.class_type == "neargood":
            paragraph.class_type = "bad" if (before, next_gb[i]) == ("bad", "bad") else "good"
        if paragraph.class_type in GOOD_OR_BAD:
            before = paragraph.class_type


def revise_paragraph_classification(paragraphs: Sequence, max_heading_distance: int = 200) -> None:
    """jusText's `revise_paragraph_classification` (same arguments, same classes), linear in the paragraphs."""
    _headings(paragraphs, max_heading_distance, "short", "neargood", copy=True)
    _classify_short(paragraphs)
    _revise_neargood(paragraphs)
    _headings(paragraphs, max_heading_distance, "bad", "good", copy=False)


def use_linear_revision() -> None:
    """Give trafilatura's jusText fallback the linear revision (idempotent)."""
    import trafilatura.external

    trafilatura.external.revise_paragraph_classification = revise_paragraph_classification
