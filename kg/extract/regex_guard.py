"""A cheap first-character test in front of a regular expression.

``finditer`` tries a pattern at every position of a text. Patterns that open
with ``\\b``, a lookbehind or an optional group (``(?P<annex>bijlage ...)?Kamerstuk``)
make Python's ``re`` set up that machinery at each of those positions, and
case-insensitive ones get no fast scan at all. A leading lookahead over the
characters a match can begin with (``(?=(?i:[bkte]))``) rejects most positions
in one step.

The lookahead only states something every match already satisfies, so the
guarded pattern finds exactly the same matches, groups and all: the set of
first characters is read off the parsed pattern, and wherever that is not
certain (a pattern that can match the empty string, backreferences, "any
character", negated classes, constructs not handled here) no guard is added.
Each first character keeps the case sensitivity of the place it comes from.
"""
from __future__ import annotations

import re

try:  # the parser re compiles with; public only as the deprecated sre_parse
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


class _Unknown(Exception):
    """The first characters of this pattern cannot be told for certain."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class_items(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE and anything else
            raise _Unknown(op)
    return out


def _first(items: list, ignore: bool) -> tuple[list[tuple[bool, str]], bool]:
    """(case-insensitive?, class item) for the characters a match of ``items`` can
    start with, and whether ``items`` can match without consuming a character."""
    firsts: list[tuple[bool, str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            return firsts + [(ignore, _char(av))], False
        if op is _c.IN:
            return firsts + [(ignore, item) for item in _class_items(av)], False
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: what follows gives the first character
        if op is _c.SUBPATTERN:
            _, add, remove, inner = av
            found, empty = _first(list(inner), (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
        elif op is _c.BRANCH:
            found, empty = [], False
            for branch in av[1]:
                more, branch_empty = _first(list(branch), ignore)
                found += more
                empty = empty or branch_empty
        elif op in _REPEATS:
            found, empty = _first(list(av[2]), ignore)
            empty = empty or av[0] == 0
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            found, empty = _first(list(av), ignore)
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...
            raise _Unknown(op)
        firsts += found
        if not empty:
            return firsts, False
    return firsts, True


def first_char_guard(pattern: str, flags: int = 0) -> str:
    """``pattern`` with a lookahead for its possible first characters in front,
    or ``pattern`` itself when those cannot be told for certain."""
    if flags & re.LOCALE:
        return pattern
    try:
        parsed = _p.parse(pattern, flags)
        firsts, empty = _first(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except (_Unknown, re.error):
        return pattern
    if empty or not firsts:
        return pattern
    classes = []
    for ignore, flag in ((False, "-i"), (True, "i")):
        items = "".join(dict.fromkeys(item for case, item in firsts if case is ignore))
        if items:
            classes.append(f"(?{flag}:[{items}])")
    guarded = "(?=" + "|".join(classes) + ")" + pattern
    try:
        re.compile(guarded, flags)
    except re.error:  # e.g. global inline flags, which must stay first
        return pattern
    return guarded


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of :func:`first_char_guard`: the same matches, found faster."""
    return re.compile(first_char_guard(pattern, flags), flags)
