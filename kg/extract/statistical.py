"""Entities from an installed statistical spaCy pipeline (``--model NAME``).

The rule components stay the backbone; a user with, say, nl_core_news_lg can
add its PER/ORG entities. Model entities that overlap a rule span are left
out (the rules carry keys, kinds and roles); the rest become Person and
Organization mentions marked ``source: model``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.names import person_key
from kg.graph.iris import slug

LABELS = {"PER": "Person", "PERSON": "Person", "ORG": "Organization"}
RULE_GROUPS = ("kg_organizations", "kg_persons", "kg_measures", "kg_citations")


class ModelEntities:
    def __call__(self, doc: Doc) -> Doc:
        taken = set()
        for group in RULE_GROUPS:
            for span in doc.spans.get(group, []):
                taken.update(range(span.start, span.end))
        found = []
        for ent in doc.ents:
            type_ = LABELS.get(ent.label_)
            if type_ is None or taken.intersection(range(ent.start, ent.end)):
                continue
            key = person_key(ent.text) if type_ == "Person" else f"org/{slug(ent.text)}"
            span = Span(doc, ent.start, ent.end, label=type_, kb_id=key)
            span._.kg = {"label": ent.text, "source": "model", "kind": None if type_ == "Person" else "other"}
            found.append(span)
        doc.spans["kg_model_entities"] = found
        return doc


@Language.factory("kg_model_entities", default_config={})
def make_model_entities(nlp: Language, name: str) -> ModelEntities:
    return ModelEntities()
