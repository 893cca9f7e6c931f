"""A first-character guard never changes what a pattern finds (kg.extract.regex_guard)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.regex_guard import first_char_guard

ALPHABET = "abBkKKsSſiIıö -.1\n"
ATOMS = ["a", "b", "B", "k", "K", "ſ", "ı", "ö", " ", r"\-", r"\.", "1", "[a-c]", "[A-Z]", "[^a]", r"\d", r"\w",
         r"\W", r"\s", r"\S", r"\b", r"\B", "$", "^", r"(?<!a)", r"(?<![\w-])", r"(?=b)", r"(?!k)", "."]


def _regex(depth: int = 0) -> st.SearchStrategy[str]:
    atom = st.sampled_from(ATOMS)
    if depth >= 2:
        return atom
    inner = st.lists(st.deferred(lambda: _regex(depth + 1)), min_size=0, max_size=3).map("".join)
    return st.one_of(
        atom,
        inner.map(lambda r: f"(?:{r})?"),
        inner.map(lambda r: f"({r})*"),
        inner.map(lambda r: f"(?P<g{depth}>{r})+?"),
        inner.map(lambda r: f"(?i:{r})"),
        inner.map(lambda r: f"(?-i:{r})"),
        st.lists(inner, min_size=1, max_size=3).map(lambda rs: "(?:" + "|".join(rs) + ")"),
    )


patterns = st.lists(_regex(), min_size=1, max_size=4).map("".join)


@settings(max_examples=1500, deadline=None)
@given(patterns, st.text(ALPHABET, max_size=25), st.sampled_from([0, re.IGNORECASE]))
def test_guarded_pattern_finds_the_same_matches(pattern, text, flags):
    try:
        plain = re.compile(pattern, flags)
    except re.error:
        return
    guarded = re.compile(first_char_guard(pattern, flags), flags)
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_guard_lists_the_first_characters():
    assert first_char_guard(r"(?:\bbijlage\s+)?\b(?:Kamerstuk|Tweede)", re.I) == \
        r"(?=(?i:[bKT]))(?:\bbijlage\s+)?\b(?:Kamerstuk|Tweede)"
    assert first_char_guard(r"(?<![\w-])[A-Z]\d") == r"(?=(?-i:[A-Z]))(?<![\w-])[A-Z]\d"
    assert first_char_guard(r"(?:(?-i:[A-Z])\w+ )?(?:minister|De)", re.I) == \
        r"(?=(?-i:[A-Z])|(?i:[mD]))(?:(?-i:[A-Z])\w+ )?(?:minister|De)"


def test_no_guard_where_the_start_is_uncertain():
    for pattern in (r"a?", r".b", r"[^a]b", r"(a)?\1b", r"(?i)ab"):
        assert first_char_guard(pattern) == pattern
