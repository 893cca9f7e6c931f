"""Sentence boundaries that respect paragraphs.

spaCy's rule-based sentencizer splits on end punctuation only, so a heading
without a full stop would run into the next sentence and a footnote into the
body. Ingest keeps paragraphs apart with blank lines; this component starts a
sentence after every paragraph break, then applies the sentencizer's rule.
"""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.extract.tokens import TokenTable, token_table


class ParagraphSentencizer:
    """spaCy's sentencizer rule plus a sentence start after every paragraph break.

    Both read the token table (:mod:`kg.extract.tokens`) rather than Token
    objects; spaCy's ``Sentencizer`` still writes the boundaries, from the
    same guesses its ``predict`` would make.
    """

    def __init__(self, punct_chars: list[str] | None = None) -> None:
        self._sentencizer = Sentencizer(punct_chars=punct_chars)

    def _guesses(self, table: TokenTable) -> list[bool]:
        """``Sentencizer.predict`` for one Doc: a sentence starts at the first token
        that is neither punctuation nor an end character after an end character."""
        punct_chars = self._sentencizer.punct_chars
        guesses = [False] * len(table)
        if not guesses:
            return guesses
        start = 0
        seen_period = False
        guesses[0] = True
        for i, (text, punct) in enumerate(zip(table.text, table.punct)):
            is_in_punct_chars = text in punct_chars
            if seen_period and not punct and not is_in_punct_chars:
                guesses[start] = True
                start = i
                seen_period = False
            elif is_in_punct_chars:
                seen_period = True
        guesses[start] = True
        return guesses

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        self._sentencizer.set_annotations([doc], [self._guesses(table)])
        # One array write, not token.is_sent_start = True per break: spaCy re-checks the
        # whole document on each such assignment, which made long texts quadratic.
        starts = doc.to_array([SENT_START])
        changed = False
        for i in range(len(table) - 1):
            if table.space[i] and "\n" in table.text[i] and starts[i + 1] != 1:
                starts[i + 1] = 1
                changed = True
        if changed:
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


@Language.factory("kg_sentences", default_config={"punct_chars": None})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None) -> ParagraphSentencizer:
    return ParagraphSentencizer(punct_chars=punct_chars)
