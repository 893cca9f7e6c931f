"""Fixtures for the views: small graphs built from plain data through the
real graph builder into an in-memory store, and one headless Chromium with
the network emulated offline."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.conftest import REPO, require_tool

TEST_OUTPUT = REPO / "test-output"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'


def _mention(type_, key, label, text, sentence, offset, roles=(), party=None, kind=None):
    from kg.model import Mention

    start = offset + sentence.index(text)
    return Mention(type=type_, key=key, label=label, text=text, start=start, end=start + len(text),
                   sentence=sentence, sentence_start=offset, kind=kind, roles=list(roles), party=party)


def small_extractions(evil: bool = False):
    """Two letters naming an agency, a minister, a measure and a motion; with ``evil``
    every name, title and sentence carries markup that would run if not escaped."""
    from kg.model import Citation, Document, Extraction, Metadata, Motion, Relation

    bad = (SCRIPT + IMG) if evil else ""
    agency = "Dienst Waakzaamheid" + bad
    measure = "meldplicht" + bad
    minister = "A. de Vries" + bad
    s1 = f"De {agency} voert de {measure} in voor reizigers."
    s2 = f"De minister {minister} (Partij{bad}) steunt de motie-Jansen{bad} over de {measure}."
    text = f"{s1} {s2}"
    doc1 = Document(id="kst-90001-1", source="kst-90001-1.txt", text=text, body_end=len(text),
                    metadata=Metadata(id="kst-90001-1", type="brief", date="2021-03-04",
                                      title="Brief over waakzaamheid" + bad))
    off2 = len(s1) + 1
    ex1 = Extraction(document=doc1, mentions=[
        _mention("Organization", "org/dienst-waakzaamheid", agency, agency, s1, 0, kind="intelligence"),
        _mention("Measure", "measure/meldplicht", measure, measure, s1, 0),
        _mention("Person", "person/vries-a", minister, minister, s2, off2, roles=["minister van Justitie"],
                 party="Partij" + bad),
        _mention("Organization", "org/partij", "Partij" + bad, "Partij" + bad, s2, off2),
        _mention("Measure", "measure/meldplicht", measure, measure, s2, off2),
    ], relations=[Relation(agent="org/dienst-waakzaamheid", action="invoeren", action_class="implement",
                           object="measure/meldplicht", text=f"voert de {measure} in",
                           start=s1.index("voert"), end=s1.index(" voor"), sentence=s1)],
        motions=[Motion(label="motie-Jansen" + bad, text="motie-Jansen" + bad, start=off2 + s2.index("motie"),
                        end=off2 + s2.index(" over"), sentence=s2, submitters=["Jansen"], cites="kst-90001-7",
                        status="aangenomen")],
        citations=[Citation(id="kst-90001-7", text="motie-Jansen" + bad, start=off2 + s2.index("motie"),
                            end=off2 + s2.index(" over"), sentence=s2)])
    s3 = f"De {agency} rapporteert over de {measure}."
    doc2 = Document(id="kst-90001-2", source="kst-90001-2.txt", text=s3, body_end=len(s3),
                    metadata=Metadata(id="kst-90001-2", type="brief", date="2022-05-06", title="Voortgang" + bad))
    ex2 = Extraction(document=doc2, mentions=[
        _mention("Organization", "org/dienst-waakzaamheid", agency, agency, s3, 0, kind="intelligence"),
        _mention("Measure", "measure/meldplicht", measure, measure, s3, 0)],
        citations=[Citation(id="kst-90001-1", text="kst-90001-1", start=0, end=3, sentence=s3)])
    return [ex1, ex2]


def store_of(extractions):
    """An in-memory Dataset holding what the graph builder makes of ``extractions``."""
    from kg.graph.build import all_quads
    from kg.graph.store import load, open_dataset
    from kg.resolve import resolve

    dataset = open_dataset(None)
    load(dataset, all_quads(extractions, resolve(extractions)))
    return dataset


@pytest.fixture()
def small_store():
    return store_of(small_extractions())


@pytest.fixture()
def evil_store():
    return store_of(small_extractions(evil=True))


def synthetic_data(n_nodes: int = 2000, n_edges: int = 4000, seed: int = 7):
    """A random ViewData graph (no build): for timing the overview at scale."""
    from kg.views.data import DocInfo, Evidence, Node, ViewData

    rng = random.Random(seed)
    data = ViewData()
    types = ("Organization", "Person", "Measure", "Motion", "Document")
    for i in range(20):
        iri = f"https://example.org/id/doc/d{i}"
        data.documents[iri] = DocInfo(iri=iri, id=f"d{i}", title=f"Document {i}", year=str(2010 + i % 10))
    for i in range(n_nodes):
        iri = f"https://example.org/id/n/{i}"
        doc = f"d{i % 20}"
        data.nodes[iri] = Node(iri=iri, label=f"node {i}", type=types[i % len(types)], documents={doc},
                               evidence=[Evidence(doc, f"Zin over node {i}.", f"node {i}")])
    iris = list(data.nodes)
    while len(data.edges) < n_edges:
        a, b = rng.sample(iris, 2)
        edge = data.edge(a, b, rng.choice(("noemt", "invoeren", "steunt")), "action")
        edge.count = 1
        edge.documents.add(f"d{rng.randrange(20)}")
    return data


# --- the browser -------------------------------------------------------------------------

CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,900")


class Browser:
    """A Chrome session that loads pages from disk with the network cut off and
    reports console errors and every request the page made."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, path: Path, ready: str = "document.readyState === 'complete'", timeout: float = 30):
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver.get_log("browser")
        self.driver.get_log("performance")
        self.driver.get(path.resolve().as_uri())
        WebDriverWait(self.driver, timeout).until(lambda d: d.execute_script(f"return !!({ready});"))
        return self

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]

    def requests(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def network_requests(self) -> list[str]:
        """Requests that would leave the machine (anything but the page's own file and data: URIs)."""
        return [u for u in self.requests() if not u.startswith(("file:", "data:", "blob:", "about:"))]


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    chromium = require_tool("chromium")
    driver_path = require_tool("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        yield Browser(driver)
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT


def record_figure(name: str, value) -> None:
    """Benchmark figures (not assertions) go to test-output/figures.json."""
    TEST_OUTPUT.mkdir(exist_ok=True)
    path = TEST_OUTPUT / "figures.json"
    figures = json.loads(path.read_text()) if path.exists() else {}
    figures[name] = value
    path.write_text(json.dumps(figures, indent=2, sort_keys=True))
