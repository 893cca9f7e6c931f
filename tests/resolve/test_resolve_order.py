"""Resolution does not depend on the order documents come in."""
from __future__ import annotations

from dataclasses import asdict

from helpers_resolve import doc, org, person
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve import resolve
from kg.resolve.aliases import AliasTable

NAMES = ["D. Jansen", "K. Jansen", "Jansen", "F.B.J. Grapperhaus", "Grapperhaus", "Ferd Grapperhaus",
         "Karin Grapperhaus", "Yeşilgöz-Zegerius", "D. Yeşilgöz-Zegerius", "Van der Plas", "I.W. Opstelten"]
ORGS = [("org/nctv", "NCTV"), ("org/nctv", "Nationaal Coördinator Terrorismebestrijding en Veiligheid"),
        ("org/is", "IS"), ("org/isis", "ISIS"), ("org/aivd", "AIVD")]
ROLES = [(), ("Minister van Justitie en Veiligheid",), ("Tweede Kamerlid",), ("burgemeester",)]
PARTIES = [None, "VVD", "CDA"]
DATES = [None, "2015", "2017-03-01", "2021-11-30"]

mention_spec = st.one_of(
    st.tuples(st.just("person"), st.sampled_from(NAMES), st.sampled_from(ROLES), st.sampled_from(PARTIES)),
    st.tuples(st.just("org"), st.sampled_from(ORGS), st.none(), st.none()),
)
corpus_spec = st.lists(st.tuples(st.lists(mention_spec, min_size=1, max_size=5), st.sampled_from(DATES)),
                       min_size=1, max_size=6)


def _extractions(spec):
    out = []
    for i, (mentions, date) in enumerate(spec):
        made, pos = [], 0
        for kind, what, roles, party in mentions:
            m = person(what, pos, roles=roles, party=party) if kind == "person" else org(what[0], what[1], pos)
            made.append(m)
            pos = m.end + 1
        out.append(doc(f"doc-{i}", *made, date=date))
    return out


def _summary(resolution, extractions):
    return {
        "entities": {k: asdict(e) for k, e in resolution.entities.items()},
        "order": list(resolution.entities),
        "conflicts": [c.to_dict() for c in resolution.conflicts],
        "roles": [asdict(s) for s in resolution.roles],
        "canonical": resolution.canonical,
        "mentions": sorted((e.document.id, m.start, resolution.mention_key(e.document.id, m))
                           for e in extractions for m in e.mentions),
    }


@settings(max_examples=150, deadline=None)
@given(spec=corpus_spec, data=st.data())
def test_resolution_is_independent_of_document_order(spec, data):
    extractions = _extractions(spec)
    shuffled = data.draw(st.permutations(extractions))
    aliases = AliasTable([("org/is", "org/isis")])
    first = resolve(extractions, aliases)
    again = resolve(shuffled, aliases)
    assert _summary(first, extractions) == _summary(again, extractions)
    for extraction in extractions:  # and every mention lands on an entity
        for m in extraction.mentions:
            assert first.mention_key(extraction.document.id, m) in first.entities
