"""Space tidying after marker removal: the run-by-run version equals the per-character rule."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.footnotes import _tidy_spaces


def per_character(body: str, offsets: dict[str, int]) -> tuple[str, dict[str, int]]:
    """The rule stated one character at a time: a space goes when a space or line break
    follows, at the end, or when the last kept character is a space or line break."""
    out: list[str] = []
    mapping: list[int] = []
    for i, ch in enumerate(body):
        mapping.append(len(out))
        if ch == " " and (i + 1 == len(body) or body[i + 1] in " \n" or (out and out[-1] in " \n")):
            continue
        out.append(ch)
    mapping.append(len(out))
    return "".join(out).strip(), {number: mapping[off] for number, off in offsets.items()}


@settings(max_examples=600, deadline=None, derandomize=True)
@given(body=st.text(alphabet=" \nab.", max_size=40), data=st.data())
def test_same_text_and_marker_offsets(body: str, data: st.DataObject) -> None:
    offsets = {str(n): data.draw(st.integers(0, len(body))) for n in range(3)}
    assert _tidy_spaces(body, offsets) == per_character(body, offsets)


def test_examples() -> None:
    assert _tidy_spaces("a  b \nc ", {"1": 3}) == ("a b\nc", {"1": 2})
