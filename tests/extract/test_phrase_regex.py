"""The prefix-factored phrase regex matches like the plain alternation (kg.extract.phrase_regex)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.phrase_regex import phrase_regex, plain_alternation

# Letters with case folds across ASCII (ſ~s, K~k, ı~i), accents, whitespace other than a space, punctuation.
ALPHABET = "aAbBsSſkKKiIıöÖ -.,\t\xa0"
WORD = "aAbBsSſkKKiIıöÖ-.,"
# Words joined by single spaces (the factored case) and any strings (some fall back to the plain alternation).
spaced = st.lists(st.text(WORD, min_size=1, max_size=4), min_size=1, max_size=3).map(" ".join)
phrases = st.lists(st.one_of(spaced, st.text(ALPHABET, max_size=6)), min_size=1, max_size=12)
texts = st.text(ALPHABET + "x\n", max_size=30)
# What follows the phrases in a pattern decides which alternative wins when several match.
SUFFIXES = ["", "$", ",", r"\s*,", r"\b", "(?![\\w-])", "[bB]", r"\s+[a-z]"]


def _all_matches(pattern: str, text: str) -> list:
    compiled = re.compile(pattern)
    return [(m.span(), m.group("p")) if (m := compiled.match(text, i)) else None for i in range(len(text) + 1)]


@settings(max_examples=400, deadline=None)
@given(phrases, texts, st.booleans(), st.sampled_from(SUFFIXES))
def test_same_matches_and_preference_as_the_plain_alternation(items, text, ignore_case, suffix):
    flag = "(?i:" if ignore_case else "(?-i:"
    plain = rf"(?P<p>{flag}{plain_alternation(items)})){suffix}"
    factored = rf"(?P<p>{phrase_regex(items, ignore_case)}){suffix}"
    assert _all_matches(factored, text) == _all_matches(plain, text)


@settings(max_examples=200, deadline=None)
@given(phrases, st.booleans())
def test_every_phrase_matches_itself(items, ignore_case):
    compiled = re.compile(phrase_regex(items, ignore_case))
    for item in items:
        assert compiled.match(item)


def test_spaced_phrases_are_factored():
    assert "(?:" in phrase_regex(["ab c", "ab d"], ignore_case=False)


def test_shared_prefixes_are_factored_longest_first():
    regex = phrase_regex(["ministerie", "minister", "burgemeester"], ignore_case=True)
    assert regex == r"(?i:minister(?:ie|)|burgemeester)"
    assert re.fullmatch(regex, "Minister")
    assert re.match(regex, "ministeries").group(0) == "ministerie"


def test_case_insensitive_factoring_joins_case_variants():
    assert phrase_regex(["Officier van Justitie", "officier van justitie"], ignore_case=True) \
        == r"(?i:Officier\s+van\s+Justitie)"
