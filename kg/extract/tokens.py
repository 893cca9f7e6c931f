"""A Doc's tokens as plain Python lists, read once and shared by the components.

Reading ``doc[i].lower_`` makes spaCy build a Token object each time (about a
microsecond); the rule components look at each token many times over, and
that alone had them run at a tenth of the tokenizer's speed. The table reads
every token's text, lower-case form, offset and space/punctuation flags once,
through ``Doc.to_array``, and keeps them in ``doc.user_data``: these never
change once the tokenizer has run. Sentence starts do change (``kg_sentences``
sets them), so :func:`sentence_starts` reads them afresh.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

_KEY = "kg_tokens"


@dataclass(frozen=True)
class TokenTable:
    """Per token i: ``text[i]``, ``lower[i]``, ``idx[i]`` (character offset), ``space[i]``, ``punct[i]``."""

    text: list[str]
    lower: list[str]
    idx: list[int]
    space: list[bool]
    punct: list[bool]

    def __len__(self) -> int:
        return len(self.text)


def token_table(doc: Doc) -> TokenTable:
    """The Doc's :class:`TokenTable`, built on first use."""
    table = doc.user_data.get(_KEY)
    if table is None or len(table) != len(doc):
        strings = doc.vocab.strings
        if len(doc):
            rows = doc.to_array([ORTH, LOWER, IDX, IS_SPACE, IS_PUNCT]).T.tolist()
        else:
            rows = [[], [], [], [], []]
        table = TokenTable(
            text=[strings[h] for h in rows[0]], lower=[strings[h] for h in rows[1]], idx=rows[2],
            space=[bool(v) for v in rows[3]], punct=[bool(v) for v in rows[4]],
        )
        doc.user_data[_KEY] = table
    return table


def sentence_starts(doc: Doc) -> list[bool]:
    """Per token: does a sentence start here (as set now; the first token always does)."""
    if not len(doc):
        return []
    starts = [v == 1 for v in doc.to_array([SENT_START]).tolist()]
    starts[0] = True
    return starts
