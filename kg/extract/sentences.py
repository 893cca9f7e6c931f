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


class ParagraphSentencizer:
    def __init__(self, punct_chars: list[str] | None = None) -> None:
        self._sentencizer = Sentencizer(punct_chars=punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        doc = self._sentencizer(doc)
        # One array write, not token.is_sent_start = True per break: spaCy re-checks the
        # whole document on each such assignment, which made long texts quadratic.
        starts = doc.to_array([SENT_START])
        changed = False
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text and starts[token.i + 1] != 1:
                starts[token.i + 1] = 1
                changed = True
        if changed:
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


@Language.factory("kg_sentences", default_config={"punct_chars": None})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None) -> ParagraphSentencizer:
    return ParagraphSentencizer(punct_chars=punct_chars)
