"""Property and fuzz tests (hypothesis, fixed seed, fixed budgets): whatever
the text, parsing never crashes, IRIs are valid and the Turtle parses."""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import require_tool

FAST = settings(max_examples=200, derandomize=True, deadline=None)
BUILDS = settings(max_examples=12, derandomize=True, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters that break naive serialisers and IRI minting.
NASTY = ['"', "'", "\\", ">", "<", "\n", "{", "}", "|", "^", "`", " ", "\t", "#", "%", "?", "/",
         "\u202e", "\u200f", "\u05d0", "\u0627", "e\u0301", "\u0308", "\U0001f600", "\U0001f1f3\U0001f1f1",
         "\ufeff", "\u00ad", "ﬁ", "’", "«", "»", "–", "\r"]
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=25).map("".join)
CITATION_BITS = ["Kamerstuk ", "Kamerstukken ", "29 754", ", nr. ", "645", " en ", "II ", "Handelingen ",
                 "2019/20", ", p. ", "3", "36 200-VI", "I", "Aanhangsel ", "nr. 3345", "motie ", "(", ")"]
citation_text = st.lists(st.one_of(st.sampled_from(CITATION_BITS), nasty_text), max_size=20).map("".join)


def _valid_iri(iri: str) -> None:
    ox.NamedNode(iri)  # raises ValueError for an invalid IRI


@FAST
@given(citation_text)
def test_citation_parsing_is_total_and_ids_make_iris(text: str) -> None:
    from kg.extract.citations import parse_citations
    from kg.graph import iris

    previous = -1
    for match in parse_citations(text):
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous
        previous = match.start
        _valid_iri(str(iris.document(match.id)))


@FAST
@given(nasty_text)
def test_name_normalisation(text: str) -> None:
    from kg.graph import iris
    from kg.resolve import fold_name

    folded = fold_name(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", folded)
    assert fold_name(folded) == folded
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*|x", iris.slug(text))
    for key in (f"person/{text}", f"org/{iris.slug(text)}", text):
        _valid_iri(str(iris.entity(key)))


@FAST
@given(st.text(min_size=1, max_size=30).map(lambda s: s + "-"), st.text(max_size=30))
def test_hyphen_rejoining_only_touches_the_hyphen(left: str, right: str) -> None:
    from kg.ingest.hyphens import Vocabulary, join_hyphenated

    joined = join_hyphenated(left, right, Vocabulary.from_lines([left, right]))
    l_, r_ = left.rstrip(), right.lstrip()
    if not r_:
        assert joined == l_
    else:
        assert joined in (l_[:-1] + r_, l_ + r_, f"{l_} {r_}")


def _document(name: str, party: str, body: str) -> str:
    return (f" Den Haag, 3 maart 2023 \n\nDe AIVD en de NCTV melden dat {name} ({party}) zegt: {body}. \n"
            f"Zie Kamerstuk 29 754, nr. 645.\n\nDe Minister van Justitie en Veiligheid, \n{name}\n")


@BUILDS
@given(st.lists(st.tuples(nasty_text, nasty_text, nasty_text), min_size=1, max_size=3))
def test_whole_build_on_adversarial_text_gives_valid_rdf(documents: list[tuple[str, str, str]]) -> None:
    from kg.build import build

    rapper = require_tool("rapper")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i, (name, party, body) in enumerate(documents):
            (corpus / f"doc-{i}.txt").write_text(_document(name, party, body), encoding="utf-8")
        (corpus / "ruis.md").write_text(f"# {documents[0][0]}\n\n{documents[0][2]}<sup>1</sup>\n\n"
                                        f"<sup>1</sup> {documents[0][1]}\n", encoding="utf-8")
        out = Path(tmp) / "out"
        report = build(corpus, out)
        assert report.documents + len(report.skipped) == len(documents) + 1
        store = ox.Store()
        for name, fmt in (("kg.ttl", ox.RdfFormat.TURTLE), ("kg.nt", ox.RdfFormat.N_TRIPLES),
                          ("kg.trig", ox.RdfFormat.TRIG)):
            store.load(path=str(out / name), format=fmt)
        for name, syntax in (("kg.ttl", "turtle"), ("kg.nt", "ntriples"), ("kg.trig", "trig")):
            result = subprocess.run([rapper, "-i", syntax, "-c", str(out / name)], capture_output=True, text=True)
            assert result.returncode == 0, (name, result.stderr[-2000:])
