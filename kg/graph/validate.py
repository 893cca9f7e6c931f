"""SHACL validation of a build against ontology/shapes.ttl (pySHACL)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kg.paths import ontology_dir

log = logging.getLogger(__name__)


class ValidationInputError(Exception):
    """OUT has no graph to validate, or the shapes cannot be read."""


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    text: str


def validate(out: Path, shapes: Path | None = None) -> ValidationResult:
    """Validate OUT/kg.nt against the shapes; pySHACL is imported only here."""
    import rdflib
    from pyshacl import validate as shacl_validate

    data_path = out / "kg.nt"
    if not data_path.is_file():
        raise ValidationInputError(f"{out}: no kg.nt here (run kamerkg build first)")
    shapes_path = shapes or ontology_dir() / "shapes.ttl"
    try:
        shapes_graph = rdflib.Graph().parse(shapes_path, format="turtle")
    except (OSError, SyntaxError) as error:
        raise ValidationInputError(f"{shapes_path}: cannot read the shapes ({error})") from error
    data = rdflib.Graph().parse(data_path, format="nt")
    conforms, report_graph, text = shacl_validate(data, shacl_graph=shapes_graph, inference="none",
                                                  advanced=False, allow_warnings=False)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = len(set(report_graph.subjects(rdflib.RDF.type, sh.ValidationResult)))
    return ValidationResult(conforms=bool(conforms), violations=violations, text=text)
