"""The convention every kamerkg spaCy component follows for its results.

A component writes its spans to ``doc.spans["kg_<name>"]`` and returns the
Doc. On each span:

- ``span.label_`` is the type: Organization, Person, Measure, Motion, Citation
  (Action for the who-did-what component);
- ``span.kb_id_`` is the key resolution groups by: a gazetteer id such as
  ``org/aivd`` or ``measure/paspoortmaatregel``, a normalised person key such
  as ``person/van-der-plas``, or a citation's official id ``kst-29754-224``;
- ``span._.kg`` is a dict of the rest (kind, roles, party, page, submitters,
  cites, status, label...), or None. It is kept per offsets, label and key:
  spaCy keeps an extension's value per offsets only, so an organisation and a
  measure over the same characters ("EU-terrorismelijst"), or a citation and
  the motion it numbers, would share (and overwrite) one dict.

Spans in different groups may overlap (a motion contains its citation).

Before the components run, the pipeline puts the ingested ``kg.model.Document``
on ``doc._.kg_document`` (or leaves None when a component is used on bare
text): components may read its footnotes (a motion's marker leads to the
footnote citing it) and metadata (the signatory behind "ik").
"""
from __future__ import annotations

from typing import Any

from spacy.attrs import SPACY
from spacy.tokens import Doc, Span

from kg.extract.tokens import token_table


def _extras_key(span: Span) -> tuple:
    return ("kg_extras", span.start_char, span.end_char, span.label, span.kb_id)


def _get_extras(span: Span) -> dict[str, Any] | None:
    return span.doc.user_data.get(_extras_key(span))


def _set_extras(span: Span, value: dict[str, Any] | None) -> None:
    span.doc.user_data[_extras_key(span)] = value


if not Span.has_extension("kg"):
    Span.set_extension("kg", getter=_get_extras, setter=_set_extras)
if not Doc.has_extension("kg_document"):
    Doc.set_extension("kg_document", default=None)

SPAN_GROUPS = ("kg_citations", "kg_organizations", "kg_measures", "kg_persons", "kg_motions", "kg_actions")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy joins every token on each access,
    so reading it per match made extraction quadratic in document length.

    Joined from the token table (text plus a space where ``whitespace_`` has
    one, as ``doc.text`` is): that needs no Token objects."""
    text = doc.user_data.get("kg_text")
    if text is None:
        spaces = doc.to_array([SPACY]).tolist() if len(doc) else []
        text = "".join([word + " " if space else word for word, space in zip(token_table(doc).text, spaces)])
        doc.user_data["kg_text"] = text
    return text


def doc_metadata(doc: Doc) -> Any:
    """The ingested document's ``kg.model.Metadata``, or None on bare text (no
    ``doc._.kg_document``): what a component reads of id, type, signatories, chamber."""
    return getattr(doc._.kg_document, "metadata", None)


def match_text(doc: Doc) -> str:
    """``doc_text`` with the names in capitals headings recased
    (:func:`kg.extract.names.recase_capitals`), computed once per Doc: what the
    name-reading components match on. Same length, so offsets hold for both."""
    text = doc.user_data.get("kg_match_text")
    if text is None:
        from kg.extract.names import recase_capitals

        text = doc.user_data["kg_match_text"] = recase_capitals(doc_text(doc))
    return text
