"""The extraction pipeline: a blank Dutch spaCy pipeline plus kamerkg's rule
components, and the conversion of their spans into plain data.

Extraction of one document depends only on that document and the
gazetteers, so ``extract_document`` can run in any process.
"""
from __future__ import annotations

import dataclasses
import importlib
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.spans import doc_text
from kg.extract.tokens import sentence_starts, token_table
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
# Longer texts are extracted in sections of about this size, cut at paragraph
# breaks: some rules look at whole sentences or clauses and slow down more than
# linearly on one huge Doc, and a section bounds the memory a document needs.
SECTION_CHARS = 100_000


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
    adapt_tokenizer(nlp)
    for name, module in COMPONENTS:
        importlib.import_module(module)
        if name == "kg_sentences" and ("parser" in nlp.pipe_names or "senter" in nlp.pipe_names):
            continue
        nlp.add_pipe(name)
    if model and "ner" in nlp.pipe_names:
        importlib.import_module("kg.extract.statistical")
        nlp.add_pipe("kg_model_entities")
    return nlp


# A footnote number glued to a word by a plain-text copy of a page ("commissie voor
# Justitie1", "Koninkrijksrelaties2", "Michon-Derkzen6", "door Bureau Beke?2"): its own
# token, so that names end before it. Only after three letters (and a closing mark),
# so "F16", "G7" and ids stay whole.
FOOTNOTE_MARKER_SUFFIX = r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_]{3}[.?!,;:»”)]))\d{1,2}$"


# A typographic apostrophe inside a word keeps it whole, as a straight one does:
# "al Qa’ida", "Hizb’ut", "auto’s" (spaCy's Dutch rules split at it).
WORD_WITH_APOSTROPHE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:’[^\W\d_]+(?:-[^\W\d_]+)*)+")


# "motie-Pechtold": the motion's name and its submitter each get tokens of their own
# (spaCy keys span extensions by offsets, so the two spans must not share them).
MOTION_PREFIX = r"[Mm]oties?-(?=[A-Z])"
# "motie Elissen/Çorüz", "en/of": a slash between two words splits them (URLs stay whole).
NAMES_SLASH_INFIX = r"(?<=[^\W\d_]{2})/(?=[^\W\d_]{2})"


def adapt_tokenizer(nlp: Language) -> None:
    """Changes to the tokenizer for Kamerstuk text as pages give it: a glued
    footnote number is split off (``FOOTNOTE_MARKER_SUFFIX``), so is "motie-"
    before a name (``MOTION_PREFIX``), a slash between words splits them
    (``NAMES_SLASH_INFIX``), and a word with a typographic apostrophe
    stays one token (``WORD_WITH_APOSTROPHE``)."""
    suffixes = [*nlp.Defaults.suffixes, FOOTNOTE_MARKER_SUFFIX]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    prefixes = [MOTION_PREFIX, *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    infixes = [*nlp.Defaults.infixes, NAMES_SLASH_INFIX]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    previous = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = WORD_WITH_APOSTROPHE.fullmatch if previous is None else \
        (lambda text: WORD_WITH_APOSTROPHE.fullmatch(text) or previous(text))


def run(nlp: Language, document: Document) -> Doc:
    """Run the pipeline over a document's text with the Document attached."""
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _stripped(text: str, start_char: int) -> tuple[str, int]:
    """A sentence's text without surrounding whitespace and where that text starts."""
    stripped = text.lstrip()
    return stripped.rstrip(), start_char + (len(text) - len(stripped))


class _Sentences:
    """``span.sent`` for the spans of one Doc, from its sentence starts read once.

    ``span.sent`` walks the tokens back and forth and builds the sentence's
    text token by token, for every span; here a span's sentence is found by
    bisection and each sentence's text is sliced from the Doc text once.
    Docs whose sentences come from hooks (a model's) use ``span.sent`` itself.
    """

    def __init__(self, doc: Doc) -> None:
        self.own = not ("sent" in doc.user_span_hooks or "sents" in doc.user_hooks) \
            and doc.has_annotation("SENT_START")
        if self.own:
            self.starts = [i for i, start in enumerate(sentence_starts(doc)) if start]
            self.table = token_table(doc)
            self.text = doc_text(doc)
            self.cache: dict[int, tuple[str, int]] = {}

    def of(self, span: Span) -> tuple[str, int]:
        """The stripped text of the sentence holding the span's first token, and its offset."""
        if not self.own:
            sent = span.sent
            return _stripped(sent.text, sent.start_char)
        at = bisect_right(self.starts, span.start)
        start = self.starts[at - 1]
        found = self.cache.get(start)
        if found is None:
            last = (self.starts[at] if at < len(self.starts) else len(self.table)) - 1
            start_char = self.table.idx[start]
            end_char = self.table.idx[last] + len(self.table.text[last])
            found = self.cache[start] = _stripped(self.text[start_char:end_char], start_char)
        return found


def _extras(span: Span) -> dict:
    return span._.kg or {}


def to_extraction(doc: Doc, document: Document) -> Extraction:
    """Turn the components' spans into plain data (offsets into document.text)."""
    result = Extraction(document=document)
    sentences = _Sentences(doc)
    full = doc_text(doc)  # span.text joins the span's tokens again on every access
    for group in ("kg_organizations", "kg_measures", "kg_persons", "kg_model_entities"):
        for span in doc.spans.get(group, []):
            extras = _extras(span)
            sentence, sentence_start = sentences.of(span)
            start, end = span.start_char, span.end_char
            text = full[start:end]
            result.mentions.append(Mention(
                type=span.label_, key=span.kb_id_, label=extras.get("label") or text,
                text=text, start=start, end=end,
                sentence=sentence, sentence_start=sentence_start,
                kind=extras.get("kind"), roles=list(extras.get("roles") or []),
                party=extras.get("party"), source=extras.get("source", "rules"),
            ))
    for span in doc.spans.get("kg_citations", []):
        extras = _extras(span)
        sentence, _ = sentences.of(span)
        start, end = span.start_char, span.end_char
        result.citations.append(Citation(
            id=span.kb_id_, text=full[start:end], start=start, end=end,
            sentence=sentence, page=extras.get("page"), kind=extras.get("kind", "reference"),
        ))
    for span in doc.spans.get("kg_motions", []):
        extras = _extras(span)
        sentence, _ = sentences.of(span)
        start, end = span.start_char, span.end_char
        result.motions.append(Motion(
            label=extras.get("label") or full[start:end], text=full[start:end],
            start=start, end=end, sentence=sentence,
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


def sections(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive (start, end) pieces of at most ``limit`` characters.

    Cuts fall after a blank line (a paragraph break) where possible, else
    after a line break, else after a space; only a single run of more than
    ``limit`` characters without any of these is cut blindly.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for separator in ("\n\n", "\n", " "):
            found = text.rfind(separator, start + 1, window_end)
            if found != -1:
                cut = found + len(separator)
                break
        if cut <= start:
            cut = window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _section_document(document: Document, start: int, end: int) -> Document:
    """The part of a document between two offsets, as a Document of its own (offsets relative)."""
    footnotes = [dataclasses.replace(
        f, start=f.start - start, end=f.end - start,
        marker_start=None if f.marker_start is None else f.marker_start - start,
        marker_end=None if f.marker_end is None else f.marker_end - start)
        for f in document.footnotes if start <= f.start and f.end <= end]
    return dataclasses.replace(document, text=document.text[start:end], footnotes=footnotes,
                               body_end=min(max(document.body_end - start, 0), end - start))


def _shift(item: object, offset: int) -> object:
    """A copy of a result item with every character offset moved ``offset`` to the right."""
    changes = {f.name: getattr(item, f.name) + offset for f in dataclasses.fields(item)
               if (f.name in ("start", "end") or f.name.endswith(("_start", "_end")))
               and isinstance(getattr(item, f.name), int)}
    return dataclasses.replace(item, **changes)


def extract_document(nlp: Language, document: Document) -> Extraction:
    """Extract one document; texts longer than ``SECTION_CHARS`` go through in sections.

    Each section runs through the whole pipeline on its own (so a statistical
    model never sees more than ``max_length`` characters) and its offsets are
    shifted back into ``document.text``.
    """
    limit = min(nlp.max_length, SECTION_CHARS)
    if len(document.text) <= limit:
        return to_extraction(run(nlp, document), document)
    result = Extraction(document=document)
    pieces = sections(document.text, limit)
    log.info("%s: %d characters, extracted in %d sections", document.id, len(document.text), len(pieces))
    for start, end in pieces:
        part = _section_document(document, start, end)
        extraction = to_extraction(run(nlp, part), part)
        for field in dataclasses.fields(Extraction):
            if field.name != "document":
                getattr(result, field.name).extend(_shift(x, start) for x in getattr(extraction, field.name))
    return result


def extract_documents(documents: Iterable[Document], model: str | None = None) -> Iterator[Extraction]:
    """Extract documents one by one with one pipeline."""
    nlp = build_nlp(model)
    for document in documents:
        yield extract_document(nlp, document)
