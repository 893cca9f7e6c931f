"""The HTML views in headless Chromium with the network cut off: no console
error, no request, the overview draws, searches and opens details, and no
markup from a document runs. First-draw times are recorded as figures."""
from __future__ import annotations

import time

import pytest

from tests.views.conftest import record_figure, small_extractions, store_of, synthetic_data

DRAWN = "window.__kgFirstDraw !== undefined"


def assert_offline_clean(browser, page):
    errors = browser.console_errors()
    assert errors == [], f"{page.name}: console errors {errors}"
    outgoing = browser.network_requests()
    assert outgoing == [], f"{page.name}: network requests {outgoing}"


@pytest.fixture(scope="module")
def corpus_site(built):
    return built[0]


def test_every_page_of_the_corpus_build_loads_offline(browser, corpus_site):
    pages = [corpus_site / "index.html", corpus_site / "graph.html", corpus_site / "ontology.html",
             corpus_site / "views" / "whodidwhat.html"]
    pages += sorted((corpus_site / "views").glob("*.html"))[:12]
    for page in pages:
        browser.open(page, DRAWN if page.name == "graph.html" else "document.readyState === 'complete'")
        assert_offline_clean(browser, page)
        assert browser.js("return document.body.innerText.length") > 50, page.name


def test_overview_of_the_corpus_draws_every_node_and_is_timed(browser, corpus_site, test_output):
    from kg.views.data import load_view_data

    expected = len(load_view_data(corpus_site / "store").nodes)
    page = corpus_site / "graph.html"
    browser.open(page, DRAWN)
    assert browser.js("return kgNetwork.body.data.nodes.getIds().length") == expected
    assert browser.js("return kgNetwork.body.nodeIndices.length") == expected
    record_figure("first_draw_ms_corpus_overview", round(browser.js("return window.__kgFirstDraw")))
    record_figure("corpus_overview_nodes", expected)
    browser.driver.save_screenshot(str(test_output / "overview.png"))
    assert_offline_clean(browser, page)


def test_search_focuses_a_node_and_click_opens_details_with_evidence(browser, small_store, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from kg.views.data import load_view_data
    from kg.views.overview import write_overview_page

    page = tmp_path / "graph.html"
    write_overview_page(page, load_view_data(small_store))
    browser.open(page, DRAWN)
    box = browser.driver.find_element(By.ID, "kg-search")
    box.send_keys("waakzaam", Keys.ENTER)
    selected = browser.js("return kgNetwork.getSelectedNodes()")
    assert len(selected) == 1
    node = selected[0]
    assert browser.js("return kgNetwork.body.data.nodes.get(arguments[0]).label", node) == "Dienst Waakzaamheid"
    centre = browser.js("return kgNetwork.getViewPosition()")
    where = browser.js("return kgNetwork.getPosition(arguments[0])", node)
    assert abs(centre["x"] - where["x"]) < 1 and abs(centre["y"] - where["y"]) < 1  # focused on it

    # a real click at another node's place on the canvas opens its details
    browser.js("document.getElementById('kg-details').textContent = ''; kgNetwork.fit({animation: false});")
    target = browser.js("return kgNetwork.body.data.nodes.get().filter(n => n.label === 'meldplicht')[0].id")
    dom = browser.js("return kgNetwork.canvasToDOM(kgNetwork.getPosition(arguments[0]))", target)
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    ActionChains(browser.driver).move_to_element_with_offset(
        canvas, int(dom["x"] - canvas.size["width"] / 2), int(dom["y"] - canvas.size["height"] / 2)).click().perform()
    panel = browser.driver.find_element(By.ID, "kg-details")
    assert panel.find_element(By.TAG_NAME, "h2").text == "meldplicht"
    marks = panel.find_elements(By.CSS_SELECTOR, ".kg-evidence mark")
    assert marks and marks[0].text == "meldplicht"
    assert "voert de meldplicht in" in panel.text
    links = [a.get_attribute("href") for a in panel.find_elements(By.TAG_NAME, "a")]
    assert "https://zoek.officielebekendmakingen.nl/kst-90001-1" in links

    # an edge: the action and its sentence
    edge = browser.js("return kgNetwork.body.data.edges.get().filter(e => e.label === 'invoeren')[0].id")
    browser.js("kgShowEdge(arguments[0])", edge)
    assert "invoeren" in panel.find_element(By.TAG_NAME, "h2").text
    assert panel.find_element(By.CSS_SELECTOR, ".kg-evidence mark").text.startswith("voert de meldplicht")
    assert_offline_clean(browser, page)


def test_filters_and_top_n_reduce_what_is_drawn(browser, small_store, tmp_path):
    from selenium.webdriver.support.ui import Select
    from selenium.webdriver.common.by import By

    from kg.views.data import load_view_data
    from kg.views.overview import write_overview_page

    page = tmp_path / "graph.html"
    total = write_overview_page(page, load_view_data(small_store))
    browser.open(page, DRAWN)
    drawn = "return kgNetwork.body.nodeIndices.length"
    assert browser.js(drawn) == total
    Select(browser.driver.find_element(By.ID, "kg-action")).select_by_value("invoeren")
    assert browser.js(drawn) == 2
    Select(browser.driver.find_element(By.ID, "kg-action")).select_by_value("")
    Select(browser.driver.find_element(By.ID, "kg-year")).select_by_value("2022")
    assert 0 < browser.js(drawn) < total
    browser.driver.find_element(By.ID, "kg-reset").click()
    browser.driver.find_element(By.CSS_SELECTOR, ".kg-type[value=Person]").click()
    assert browser.js(drawn) == total - 1
    topn = browser.driver.find_element(By.ID, "kg-topn")
    topn.clear()
    topn.send_keys("3")
    browser.js("document.getElementById('kg-topn').dispatchEvent(new Event('change'))")
    assert browser.js(drawn) == 3
    assert_offline_clean(browser, page)


def test_injected_markup_runs_nowhere(browser, tmp_path):
    from kg.views import write_views

    out = tmp_path / "evil"
    out.mkdir()
    write_views(out, store_of(small_extractions(evil=True)))
    pages = [out / "graph.html", out / "index.html", *sorted((out / "views").glob("*.html"))]
    for page in pages:
        browser.open(page, DRAWN if page.name == "graph.html" else "document.readyState === 'complete'")
        assert browser.js("return window.__pwned") is None, page.name
        assert browser.js("return document.querySelectorAll('img').length") == 0, page.name
        assert_offline_clean(browser, page)
    browser.open(out / "graph.html", DRAWN)
    label = browser.js("return kgNetwork.body.data.nodes.get().map(n => n.label).filter(l => l.includes('Dienst'))[0]")
    assert label.endswith('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">')
    browser.js("kgSearch('Dienst')")
    assert "<script>window.__pwned=1</script>" in browser.driver.find_element("id", "kg-details").text
    assert browser.js("return window.__pwned") is None


def test_injection_through_a_full_build(browser, tmp_path):
    """A corpus file whose name and text carry markup, through ingest, extraction and the store."""
    from kg.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    evil = '<img src=x onerror="window.__pwned=1">'
    text = (f"Brief {evil} <script>window.__pwned=1</script>\n\n"
            f"Zoals gemeld in Kamerstuk 29 754, nr. 1 <script>window.__pwned=1</script> {evil} is dit zo.\n")
    (corpus / "kst-99999-1.txt").write_text(text, encoding="utf-8")
    (corpus / f"brief {evil}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out)
    pages = [out / "graph.html", out / "index.html", *sorted((out / "views").glob("*.html"))]
    assert any("&lt;script&gt;window.__pwned" in p.read_text(encoding="utf-8") for p in pages[1:])
    for page in pages:
        browser.open(page, DRAWN if page.name == "graph.html" else "document.readyState === 'complete'")
        assert browser.js("return window.__pwned") is None, page.name
        assert_offline_clean(browser, page)


def test_first_draw_of_a_2000_node_graph_is_measured(browser, tmp_path):
    from kg.views.overview import write_overview_page

    page = tmp_path / "graph.html"
    started = time.perf_counter()
    drawn = write_overview_page(page, synthetic_data(2000, 4000))
    record_figure("write_seconds_2000_nodes", round(time.perf_counter() - started, 2))
    assert drawn == 2000
    browser.open(page, DRAWN, timeout=90)
    assert browser.js("return kgNetwork.body.nodeIndices.length") == 2000
    assert browser.js("return kgNetwork.body.edgeIndices.length") == 4000
    record_figure("first_draw_ms_2000_nodes_4000_edges", round(browser.js("return window.__kgFirstDraw")))
    assert_offline_clean(browser, page)
