"""Generate ``kg/graph/namespace.py`` from ``ontology/kg.ttl``.

kamerkg's terms live in the ontology; the Python namespace is derived from
it, so a term used in code that the ontology lacks fails at import
(``DefinedNamespace`` with ``_fail = True``). Run after editing kg.ttl:
``python -m kg.graph.gen_namespace``; tests/graph checks the file is current.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kg.paths import ontology_dir

NAMESPACE = "https://w3id.org/kamerkg/def#"
TARGET = Path(__file__).with_name("namespace.py")

HEADER = '''"""kamerkg's own terms (generated from ontology/kg.ttl; do not edit).

Regenerate with ``python -m kg.graph.gen_namespace``.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """The kamerkg ontology, https://w3id.org/kamerkg/def#"""

    _fail = True
    _NS = Namespace("{ns}")

'''


def terms(ttl: Path) -> list[tuple[str, str]]:
    """(local name, label) of every term the ontology defines, sorted."""
    import rdflib
    from rdflib.namespace import RDFS

    graph = rdflib.Graph().parse(ttl, format="turtle")
    found: dict[str, str] = {}
    for subject in set(graph.subjects()):
        text = str(subject)
        if text.startswith(NAMESPACE) and len(text) > len(NAMESPACE):
            label = graph.value(subject, RDFS.label)
            found[text[len(NAMESPACE):]] = str(label or "")
    return sorted(found.items())


def render(ttl: Path) -> str:
    lines = [HEADER.format(ns=NAMESPACE)]
    for name, label in terms(ttl):
        comment = f"  # {label}" if label else ""
        lines.append(f"    {name}: URIRef{comment}\n")
    return "".join(lines)


def main() -> int:
    TARGET.write_text(render(ontology_dir() / "kg.ttl"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
