"""The extraction pipeline: a blank Dutch spaCy pipeline plus kamerkg's rule
components, and the conversion of their spans into plain data.

Extraction of one document depends only on that document and the
gazetteers, so ``extract_document`` can run in any process.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.model import Citation, Document, Extraction, Mention, Motion, Question

log = logging.getLogger(__name__)

# Component name -> module that registers its factory, in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("kg_sentences", "kg.extract.sentences"),
    ("kg_normalize", "kg.extract.normalize"),
    ("kg_citations", "kg.extract.citations"),
    ("kg_organizations", "kg.extract.organizations"),
    ("kg_measures", "kg.extract.measures"),
    ("kg_persons", "kg.extract.persons"),
    ("kg_motions", "kg.extract.motions"),
    ("kg_questions", "kg.extract.questions"),
    ("kg_actions", "kg.extract.actions"),
)

MAX_LENGTH = 2_000_000


class ModelNotFound(Exception):
    """``--model NAME`` names a spaCy pipeline that is not installed."""


def build_nlp(model: str | None = None) -> Language:
    """The extraction pipeline: ``spacy.blank("nl")`` and the rule components.

    With ``model`` (an installed spaCy pipeline such as nl_core_news_lg) its
    tokenizer and statistical components run first and kamerkg's rules after.
    """
    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError) as error:
            raise ModelNotFound(
                f"--model {model}: no such spaCy pipeline is installed (install it with pip, e.g. the "
                f"{model} package, or leave out --model to build with the offline rules only)"
            ) from error
    else:
        nlp = spacy.blank("nl")
    nlp.max_length = MAX_LENGTH
    for name, module in COMPONENTS:
        importlib.import_module(module)
        if name == "kg_sentences" and ("parser" in nlp.pipe_names or "senter" in nlp.pipe_names):
            continue
        nlp.add_pipe(name)
    if model and "ner" in nlp.pipe_names:
        importlib.import_module("kg.extract.statistical")
        nlp.add_pipe("kg_model_entities")
    return nlp


def run(nlp: Language, document: Document) -> Doc:
    """Run the pipeline over a document's text with the Document attached."""
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _sentence(span: Span) -> tuple[str, int]:
    sent = span.sent
    text = sent.text
    stripped = text.lstrip()
    return stripped.rstrip(), sent.start_char + (len(text) - len(stripped))


def _extras(span: Span) -> dict:
    return span._.kg or {}


def to_extraction(doc: Doc, document: Document) -> Extraction:
    """Turn the components' spans into plain data (offsets into document.text)."""
    result = Extraction(document=document)
    for group in ("kg_organizations", "kg_measures", "kg_persons", "kg_model_entities"):
        for span in doc.spans.get(group, []):
            extras = _extras(span)
            sentence, sentence_start = _sentence(span)
            result.mentions.append(Mention(
                type=span.label_, key=span.kb_id_, label=extras.get("label") or span.text,
                text=span.text, start=span.start_char, end=span.end_char,
                sentence=sentence, sentence_start=sentence_start,
                kind=extras.get("kind"), roles=list(extras.get("roles") or []),
                party=extras.get("party"), source=extras.get("source", "rules"),
            ))
    for span in doc.spans.get("kg_citations", []):
        extras = _extras(span)
        sentence, _ = _sentence(span)
        result.citations.append(Citation(
            id=span.kb_id_, text=span.text, start=span.start_char, end=span.end_char,
            sentence=sentence, page=extras.get("page"), kind=extras.get("kind", "reference"),
        ))
    for span in doc.spans.get("kg_motions", []):
        extras = _extras(span)
        sentence, _ = _sentence(span)
        result.motions.append(Motion(
            label=extras.get("label") or span.text, text=span.text,
            start=span.start_char, end=span.end_char, sentence=sentence,
            submitters=list(extras.get("submitters") or []), parties=list(extras.get("parties") or []),
            cites=extras.get("cites"), status=extras.get("status"),
        ))
    if "kg_actions" in doc.spans:
        from kg.extract.actions import relations

        result.relations = sorted(relations(doc), key=lambda r: (r.start, r.end, r.agent, r.action))
    for span in doc.spans.get("kg_questions", []):
        extras = _extras(span)
        result.questions.append(Question(
            kind=extras["kind"], number=extras["number"], text=extras["text"],
            start=span.start_char, end=span.end_char, askers=list(extras.get("askers") or []),
            submitted=extras.get("submitted"), related=list(extras.get("related") or []),
        ))
    result.mentions.sort(key=lambda m: (m.start, m.end, m.type, m.key))
    result.citations.sort(key=lambda c: (c.start, c.end, c.id))
    result.motions.sort(key=lambda m: (m.start, m.end))
    return result


def extract_document(nlp: Language, document: Document) -> Extraction:
    return to_extraction(run(nlp, document), document)


def extract_documents(documents: Iterable[Document], model: str | None = None) -> Iterator[Extraction]:
    """Extract documents one by one with one pipeline."""
    nlp = build_nlp(model)
    for document in documents:
        yield extract_document(nlp, document)
