"""Written questions and their answers (Aanhangsel Handelingen).

Answers to written questions repeat each question ("Vraag 3") before its
answer ("Antwoord 3"). This component finds both as spans over their text,
the members who asked (persons named in the "Vragen van de leden …"
sentence), the submission date ("ingezonden 9 juni 2020") and the related
question numbers ("vraagnummer 2020Z10445"). It runs after kg_persons.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.spans import doc_text
from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)

HEADING = re.compile(r"^(Vraag|Antwoord)\s+(\d+[a-z]?)\s*$", re.MULTILINE | re.IGNORECASE)
ASKED = re.compile(r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden)\b", re.IGNORECASE)
SUBMITTED = re.compile(r"\bingezonden\s+(\d{1,2}\s+[a-z]+\s+\d{4})", re.IGNORECASE)
QUESTION_NUMBER = re.compile(r"\b(\d{4}Z\d{5})\b")
MONTHS = {name: i for i, name in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
     "september", "oktober", "november", "december"], start=1)}


def dutch_date(text: str) -> str | None:
    """'9 juni 2020' -> '2020-06-09'."""
    match = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", text.strip().lower())
    if not match or match.group(2) not in MONTHS:
        return None
    return f"{match.group(3)}-{MONTHS[match.group(2)]:02d}-{int(match.group(1)):02d}"


class QuestionFinder:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        body_end = doc._.kg_document.body_end if doc._.kg_document is not None else len(text)
        headings = [m for m in HEADING.finditer(text) if m.start() < body_end]
        askers: list[str] = []
        submitted = None
        asked = ASKED.search(text, 0, body_end)
        if asked:
            paragraph_end = text.find("\n\n", asked.end())
            end = body_end if paragraph_end < 0 else paragraph_end
            askers = sorted({s.kb_id_ for s in doc.spans.get("kg_persons", []) if asked.start() <= s.start_char < end})
            date = SUBMITTED.search(text, asked.start(), end)
            submitted = dutch_date(date.group(1)) if date else None
        related = sorted(set(QUESTION_NUMBER.findall(text)))
        found = []
        for i, heading in enumerate(headings):
            start = heading.end()
            stop = headings[i + 1].start() if i + 1 < len(headings) else body_end
            # The last answer ends at the next heading-like paragraph ("Toelichting:").
            tail = re.search(r"\n\n[A-Z][^\n.]{0,40}:\s*\n", text[start:stop])
            if tail and i + 1 == len(headings):
                stop = start + tail.start()
            span = doc.char_span(heading.start(), stop, alignment_mode="contract")
            if span is None or not text[start:stop].strip():
                continue
            kind = "question" if heading.group(1).lower() == "vraag" else "answer"
            content_start = start + len(text[start:stop]) - len(text[start:stop].lstrip())
            span = Span(doc, span.start, span.end, label="Question" if kind == "question" else "Answer",
                        kb_id=heading.group(2))
            span._.kg = {"kind": kind, "number": heading.group(2),
                         "text": text[content_start:stop].strip(),
                         "askers": askers if kind == "question" else [],
                         "submitted": submitted if kind == "question" else None,
                         "related": related}
            found.append(span)
        doc.spans["kg_questions"] = found
        return doc


@Language.factory("kg_questions", default_config={})
def make_questions(nlp: Language, name: str) -> QuestionFinder:
    return QuestionFinder()
