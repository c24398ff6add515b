"""Every string a small regex matches: the error tables' patterns enumerated, to check the word prefilters
that gate them (tests/families/test_check_words.py, test_shown_text.py, test_read_also_gate.py)."""

from __future__ import annotations

from re import _parser as sre_parse


def language(parsed) -> list[str]:
    """Every string a parsed regex of literals, groups, one-character classes and alternatives matches; a
    negative lookahead (`(?!\\w)`) only narrows the matches and is left out (the list is then a superset)."""
    out = [""]
    for op, arg in parsed:
        if op is sre_parse.LITERAL:
            options = [chr(arg)]
        elif op is sre_parse.IN and all(kind is sre_parse.LITERAL for kind, _ in arg):
            options = [chr(c) for _, c in arg]
        elif op is sre_parse.SUBPATTERN:
            options = language(arg[-1])
        elif op is sre_parse.BRANCH:
            options = [s for branch in arg[1] for s in language(branch)]
        elif op is sre_parse.MAX_REPEAT and arg[:2] == (0, 1):
            options = ["", *language(arg[2])]
        elif op is sre_parse.ASSERT_NOT:
            options = [""]
        else:
            raise AssertionError(f"the pattern uses {op}: extend language() or the word prefilter")
        out = [a + b for a in out for b in options]
    return out
