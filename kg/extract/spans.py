"""The convention every kamerkg spaCy component follows for its results.

A component writes its spans to ``doc.spans["kg_<name>"]`` and returns the
Doc. On each span:

- ``span.label_`` is the type: Organization, Person, Measure, Motion, Citation
  (Action for the who-did-what component);
- ``span.kb_id_`` is the key resolution groups by: a gazetteer id such as
  ``org/aivd`` or ``measure/paspoortmaatregel``, a normalised person key such
  as ``person/van-der-plas``, or a citation's official id ``kst-29754-224``;
- ``span._.kg`` is a dict of the rest (kind, roles, party, page, submitters,
  cites, status, label...), or None.

Spans in different groups may overlap (a motion contains its citation).
"""
from __future__ import annotations

from spacy.tokens import Span

if not Span.has_extension("kg"):
    Span.set_extension("kg", default=None)

SPAN_GROUPS = ("kg_citations", "kg_organizations", "kg_measures", "kg_persons", "kg_motions", "kg_actions")
