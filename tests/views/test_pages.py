"""The views without a browser: data read from the store, escaping, limits,
and pages that reference nothing on the network."""
from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.views.conftest import IMG, SCRIPT, small_extractions, store_of, synthetic_data

EXTERNAL = re.compile(r"<(?:script|img|iframe)[^>]*\ssrc=[\"']?(?:https?:)?//|<link[^>]*\shref=[\"']?(?:https?:)?//", re.I)


def test_data_comes_from_the_store(small_store):
    from kg.views.data import load_view_data

    data = load_view_data(small_store)
    types = sorted(n.type for n in data.nodes.values())
    # The third organisation is the ministry the minister's title names (from the gazetteer).
    assert types == ["Document"] * 3 + ["Measure", "Motion", "Organization", "Organization", "Organization", "Person"]
    assert "Ministerie van Justitie en Veiligheid" in {n.label for n in data.nodes.values()}
    person = next(n for n in data.nodes.values() if n.type == "Person")
    assert person.roles == ["minister van Justitie (Ministerie van Justitie en Veiligheid)"] and person.party == "Partij"
    action = next(data.actions())
    assert (data.nodes[action.source].label, action.label, data.nodes[action.target].label) == (
        "Dienst Waakzaamheid", "invoeren", "meldplicht")
    assert action.evidence[0].sentence.startswith("De Dienst Waakzaamheid voert")
    measure = next(n for n in data.nodes.values() if n.type == "Measure")
    assert measure.documents == {"kst-90001-1", "kst-90001-2"} and measure.mentions == 3
    assert {e.quote for e in measure.evidence} == {"meldplicht"}


def test_script_json_cannot_close_the_script():
    from kg.views.html import script_json

    text = script_json({"label": "</script><script>alert(1)</script>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script>&"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(alphabet="<>&a\u2028\"\\\n"),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet="<&ab", max_size=3), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_script_json_in_pieces_is_script_json(value):
    """The overview writes its payload piece by piece; the pieces must make the same text."""
    from kg.views.html import script_json, script_json_chunks

    assert "".join(script_json_chunks(value)) == script_json(value)
    assert json.loads(script_json(value)) == value


def test_overview_page_is_written_in_pieces_as_rendered(tmp_path):
    from kg.views.overview import overview_payload, render_overview, write_overview_page

    data = synthetic_data(120, 300)
    write_overview_page(tmp_path / "graph.html", data, max_nodes=50)
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == render_overview(overview_payload(data, max_nodes=50))


def test_index_and_whodidwhat_are_written_in_pieces_as_rendered(tmp_path, small_store):
    from kg.views.data import load_view_data
    from kg.views.index import index_page, write_index
    from kg.views.whodidwhat import whodidwhat_page, write_whodidwhat

    data = load_view_data(small_store)
    written = write_whodidwhat(tmp_path, data).read_text(encoding="utf-8")
    assert written == whodidwhat_page(data) and "Dienst Waakzaamheid" in written and written.endswith("</html>\n")
    written = write_index(tmp_path, data, {"kg.ttl"}).read_text(encoding="utf-8")
    assert written == index_page(data, {"kg.ttl", "kg.trig", "kg.nt"}) and "kst-90001-1" in written
    # The entities column counts each document's mention edges, as they were written.
    named = {}
    for edge in data.all_edges():
        if edge.kind == "mentions":
            named[edge.source] = named.get(edge.source, 0) + 1
    assert {d.iri: d.named for d in data.documents.values() if d.named} == named and named


def test_highlight_escapes_around_the_mark():
    from kg.views.html import highlight

    assert highlight("a <b> NCTV & c", "NCTV") == "a &lt;b&gt; <mark>NCTV</mark> &amp; c"
    assert highlight("<i>x</i>", "absent") == "&lt;i&gt;x&lt;/i&gt;"


def test_overview_hands_vis_at_most_max_nodes_most_central_first():
    from kg.views.overview import overview_payload

    payload = overview_payload(synthetic_data(300, 600), max_nodes=100)
    assert len(payload["nodes"]) == 100 and payload["total"] == 300
    values = [n["value"] for n in payload["nodes"]]
    assert values == sorted(values, reverse=True)
    kept = {n["id"] for n in payload["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in payload["edges"])


def test_overview_keeps_actions_before_the_most_stated_mentions_up_to_max_edges():
    from kg.views.overview import overview_payload, render_overview

    data = synthetic_data(50, 400)
    for i, edge in enumerate(list(data.edges.values())[:300]):
        edge.kind, edge.count = "mentions", 1 + i % 7
    payload = overview_payload(data, max_nodes=50, max_edges=150)
    assert len(payload["edges"]) == 150 and payload["totalEdges"] == 400
    kinds = [e["kind"] for e in payload["edges"]]
    assert kinds.count("action") == 100
    assert min(e["count"] for e in payload["edges"] if e["kind"] == "mentions") >= 4
    assert "150 van 400 verbindingen" in render_overview(payload)
    assert "verbindingen tussen hen" not in render_overview(overview_payload(data, max_nodes=50))


def test_layout_is_stable_between_runs():
    from kg.views.layout import positions

    data = synthetic_data(200, 400)
    pairs = [(e.source, e.target) for e in data.edges.values()]
    first = positions(data.nodes, pairs)
    assert first == positions(reversed(list(data.nodes)), reversed(pairs))
    assert len({xy for xy in first.values()}) == 200  # no two nodes on one spot


def test_every_page_is_self_contained_and_escapes_document_strings(tmp_path):
    from kg.views import write_views

    counts = write_views(tmp_path, store_of(small_extractions(evil=True)))
    assert counts["entity pages"] == 6 and counts["document pages"] == 3
    pages = sorted(tmp_path.rglob("*.html"))
    assert {p.name for p in pages} >= {"graph.html", "index.html", "ontology.html", "whodidwhat.html"}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(text), page.name
        assert SCRIPT not in text and IMG not in text, page.name
        assert "<img" not in text.split("<script", 1)[0], page.name
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in index
    assert 'href="ontology.html"' in index and 'id="sparql"' in index


def test_ontology_page_falls_back_to_a_plain_rendering(tmp_path):
    from kg.views.ontology import offline, write_ontology

    text = write_ontology(tmp_path, use_pylode=False).read_text(encoding="utf-8")
    assert "kg:Action" in text and "kg:Measure" in text and not EXTERNAL.search(text)
    page = '<link href="https://cdn.example/x.css" rel="stylesheet"><script src="https://cdn.example/x.js"></script><p>ok</p>'
    assert offline(page) == "<p>ok</p>"


def test_entity_pages_look_document_titles_up_once(tmp_path, monkeypatch):
    """Per page, the title table cost entities x documents: a minute at 10M words."""
    from kg.views import write_node_pages
    from kg.views.data import ViewData

    data = synthetic_data(200, 400)
    calls = []
    real = ViewData.titles
    monkeypatch.setattr(ViewData, "titles", lambda self: calls.append(1) or real(self))
    pages = write_node_pages(tmp_path, data)
    assert pages["entity pages"] > 100 and len(calls) == 1
    some = next(iter(data.documents.values()))
    assert any(some.title in path.read_text(encoding="utf-8") for path in tmp_path.iterdir())


def test_node_pages_hand_freed_memory_back_as_they_go(tmp_path, monkeypatch):
    """At 10M words the big entity pages grew the heap by ~140 MB that glibc kept, all of it free."""
    from unittest import mock

    import kg.views
    from kg.views import write_node_pages

    data = synthetic_data(20, 40)
    monkeypatch.setattr(kg.views, "TRIM_EVERY", 1)  # after every page
    with mock.patch("kg.libc.trim_heap") as trim:
        pages = write_node_pages(tmp_path, data)
    assert trim.call_count == pages["entity pages"] + pages["document pages"] > 0
    assert all(call.kwargs == {"collect": False} for call in trim.call_args_list)
    monkeypatch.setattr(kg.views, "TRIM_EVERY", 10**12)
    with mock.patch("kg.libc.trim_heap") as trim:
        write_node_pages(tmp_path, data)
    assert trim.call_count == 0
