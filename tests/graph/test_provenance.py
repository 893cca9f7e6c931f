"""Every fact leads back to its evidence: span, sentence and the extractor that read it."""
from __future__ import annotations

from kg.graph.query import select

PREFIXES = """PREFIX kg: <https://w3id.org/kamerkg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def test_every_membership_leads_to_the_mention_stating_it(built):
    out, _ = built
    _, without = select(out, PREFIXES + """SELECT ?m WHERE { ?m a org:Membership .
        FILTER NOT EXISTS { ?m prov:wasDerivedFrom ?mention . ?mention a kg:Mention ; kg:sentence ?s ;
                            prov:wasGeneratedBy ?x . ?x a kg:Extraction } }""")
    assert without == []
    _, some = select(out, PREFIXES + "SELECT ?m WHERE { ?m a org:Membership }")
    assert len(some) >= 10


def test_every_action_and_motion_reference_names_its_extractor(built):
    out, _ = built
    for cls in ("kg:Action", "kg:Mention", "kg:Citation"):
        _, without = select(out, PREFIXES + f"""SELECT ?a WHERE {{ ?a a {cls} .
            FILTER NOT EXISTS {{ ?a prov:wasGeneratedBy ?x . ?x a kg:Extraction ; kg:extractorVersion ?v ;
                                 kg:gazetteerHash ?h }} }}""")
        assert without == [], cls
    _, refs = select(out, PREFIXES + """SELECT ?r WHERE { ?r oa:hasBody ?m . ?m a kg:Motion .
        FILTER NOT EXISTS { ?r prov:wasGeneratedBy ?x } }""")
    assert refs == []
