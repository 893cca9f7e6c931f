"""A list of phrases as one prefix-factored regular expression.

A plain alternation ``minister|ministerie|burgemeester|...`` of a few hundred
phrases is slow in Python's ``re``: at every position where it is tried the
engine walks the alternatives one by one. Factored into a trie
(``minister(?:ie|)|burgemeester|...``) it reads each character once.

:func:`phrase_regex` is a drop-in for ``"|".join(re.escape(p).replace(r"\\ ", r"\\s+") for p in phrases)``
in a case-insensitive or case-sensitive group: it matches the same strings
and, because alternation in ``re`` is ordered, prefers them in the same
order. Alternatives are only moved past ones that can never match at the
same place (their first characters cannot match the same character), so the
order among alternatives that compete for a position is kept; where that
cannot be decided cheaply (non-ASCII or whitespace characters under
case-insensitive matching, empty tails), the original order stays as it is.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

# A space in a phrase stands for any run of whitespace, written \s+.
_WS = " "


def plain_alternation(phrases: Sequence[str]) -> str:
    """The phrases as a plain alternation, spaces as ``\\s+`` (the reference :func:`phrase_regex` keeps to)."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def _key(token: str, ignore_case: bool) -> str | None:
    """A token's group key: tokens with different keys never match the same character.

    ``None`` means "may overlap with others": such a token keeps its place.
    """
    if token == _WS:
        return _WS
    if token.isspace():
        return None  # a literal tab or no-break space also matches \s+
    if not ignore_case:
        return token
    if token.isascii():
        return token.lower()
    return None  # non-ASCII letters have case folds shared with ASCII ones (ſ, K, ı)


def _factor(seqs: list[str], ignore_case: bool) -> list[str]:
    """The alternatives for ``seqs`` (phrases or their tails), in preference order."""
    blocks: list[list[str]] = []
    open_blocks: dict[str, list[str]] = {}
    for seq in seqs:
        key = _key(seq[0], ignore_case) if seq else None
        if key is None:
            blocks.append([seq])
            open_blocks.clear()  # nothing later may move in front of this one
        elif key in open_blocks:
            open_blocks[key].append(seq)
        else:
            open_blocks[key] = [seq]
            blocks.append(open_blocks[key])
    parts = []
    for block in blocks:
        head = block[0][:1]
        if not head:
            parts.append("")
            continue
        if len(block) == 1:
            parts.append(plain_alternation(block))
            continue
        first = r"\s+" if head == _WS else re.escape(head)
        tails = _factor([seq[1:] for seq in block], ignore_case)
        parts.append(first + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"))
    # a later copy of an alternative is tried in the same state as the first and fails alike
    return list(dict.fromkeys(parts))


def _factorable(phrase: str) -> bool:
    """Whether every \\s+ of the phrase can only match one whole whitespace run.

    It can when the next character cannot be whitespace; after a trailing or
    doubled space \\s+ could give characters back, and moving alternatives
    behind it would change which match is found first.
    """
    if not phrase:
        return False
    return all(i + 1 < len(phrase) and not phrase[i + 1].isspace()
               for i, char in enumerate(phrase) if char == _WS)


def phrase_regex(phrases: Sequence[str], ignore_case: bool) -> str:
    """A regex matching exactly what ``(?i:plain_alternation(phrases))`` (or ``(?-i:...)``) matches.

    The result is a group with its own case flag, so it means the same in any
    pattern it is put into. Lists with an empty phrase or a trailing or
    doubled space are returned as the plain alternation.
    """
    flag = "(?i:" if ignore_case else "(?-i:"
    if not phrases or not all(_factorable(p) for p in phrases):
        return flag + plain_alternation(phrases) + ")"
    return flag + "|".join(_factor(list(phrases), ignore_case)) + ")"
