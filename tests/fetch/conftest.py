"""A local stand-in for KOOP's repository: an HTTP server on 127.0.0.1 that
answers SRU 2.0 searchRetrieve (record schema gzd) and serves each
document's XML, metadata.xml or PDF, built from the bundled corpus texts.

Faults are queued per path (``repo.faults[path] = ["429", "503", "sleep"]``)
and served before the normal answer; ``repo.fail_documents_after = N`` makes
every document request after the N-th answer 500.  Every request is logged
with its arrival time so tests can count downloads and measure gaps.

The metadata values below (dates, vraagnummer, document numbers) are test
values in the published formats, not checked against the real records.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SLEEP_SECONDS = 1.0  # longer than the tests' client timeout


@dataclass
class Seed:
    id: str
    file: str
    meta: list[tuple[str, str, str]]  # name, scheme, content
    kind: str = "xml"  # xml or pdf
    metadata_item: bool = True  # list the metadata itemUrl in the SRU record
    metadata_id: str | None = None  # a metadata.xml that names another document


SEEDS = [
    Seed("ah-tk-20192020-3345", "antwoord-vragen-hazimi-beweging-2020.txt", [
        ("DC.type", "OVERHEIDop.Parlementair", "Aanhangsel van de Handelingen"),
        ("DC.title", "", "Antwoord op vragen van de leden Yesilgöz-Zegerius en Van Toorenburg over "
                          "het bericht «Onderzoek: dreiging door extreme afsplitsing van IS»"),
        ("OVERHEIDop.vergaderjaar", "", "2019-2020"),
        ("OVERHEIDop.vraagnummer", "", "2020Z11590"),
        ("OVERHEIDop.indiener", "", "C. Yeşilgöz-Zegerius"),
        ("OVERHEIDop.indiener", "", "M.L.J. van Toorenburg"),
        ("OVERHEIDop.ontvanger", "", "F.B.J. Grapperhaus"),
        ("OVERHEIDop.datumIndiening", "", "2020-06-15"),
        ("OVERHEIDop.datumOntvangst", "", "2020-07-16"),
        ("DCTERMS.issued", "", "2020-07-20"),
    ]),
    Seed("kst-29754-251", "kst-29754-251.txt", [
        ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"),
        ("DC.type", "OVERHEIDop.KamerstukTypen", "Brief regering"),
        ("DC.title", "", "Terrorismebestrijding; Brief regering; Integrale aanpak jihadisme"),
        ("OVERHEIDop.dossiernummer", "", "29754"),
        ("OVERHEIDop.ondernummer", "", "251"),
        ("OVERHEIDop.vergaderjaar", "", "2013-2014"),
        ("DCTERMS.issued", "", "2014-09-02"),
    ]),
    Seed("kst-29754-326", "kst-29754-326.md", [
        ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"),
        ("DC.type", "OVERHEIDop.KamerstukTypen", "Brief regering"),
        ("DC.title", "", "Terrorismebestrijding; Brief regering; Voortgang Actieprogramma Integrale Aanpak "
                          "Jihadisme"),
        ("OVERHEIDop.dossiernummer", "", "29754"),
        ("OVERHEIDop.ondernummer", "", "326"),
        ("OVERHEIDop.vergaderjaar", "", "2015-2016"),
        ("OVERHEIDop.datumBrief", "", "2015-11-09"),
        ("DCTERMS.issued", "", "2015-11-10"),
    ], metadata_item=False),
    Seed("kst-29754-468", "kst-29754-468.txt", [
        ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"),
        ("DC.type", "OVERHEIDop.KamerstukTypen", "Brief regering"),
        ("DC.title", "", "Terrorismebestrijding; Brief regering; Aanbieding Dreigingsbeeld Terrorisme "
                          "Nederland 48"),
        ("OVERHEIDop.dossiernummer", "", "29754"),
        ("OVERHEIDop.ondernummer", "", "468"),
        ("OVERHEIDop.vergaderjaar", "", "2017-2018"),
        ("DCTERMS.issued", "", "2018-06-20"),
    ]),
    Seed("kst-29754-645", "kst-29754-645.txt", [
        ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"),
        ("DC.type", "OVERHEIDop.KamerstukTypen", "Brief regering"),
        ("DC.title", "", "Terrorismebestrijding; Brief regering; Rapportage integrale aanpak terrorisme"),
        ("OVERHEIDop.dossiernummer", "", "29754"),
        ("OVERHEIDop.ondernummer", "", "645"),
        ("OVERHEIDop.vergaderjaar", "", "2021-2022"),
        ("OVERHEIDop.documentnummer", "", "2022D26701"),
        ("DCTERMS.issued", "", "2022-07-04"),
    ]),
    Seed("blg-1000001", "", [
        ("DC.type", "OVERHEIDop.Parlementair", "Bijlage"),
        ("DC.title", "", "Bijlage bij Kamerstuk 29754, nr. 645"),
        ("OVERHEIDop.dossiernummer", "", "29754"),
        ("DCTERMS.issued", "", "2022-07-04"),
    ], kind="pdf"),
]
PDF_BYTES = b"%PDF-1.4\n% kamerkg test attachment\n%%EOF\n"


def document_xml(seed: Seed) -> bytes:
    """A minimal officiele-publicatie document: the seed's paragraphs as <al>."""
    text = (CORPUS / seed.file).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<al>{escape(p)}</al>" for p in paragraphs)
    dossier = next((c for n, _, c in seed.meta if n == "OVERHEIDop.dossiernummer"), "")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie>\n'
            f'<metadata><meta name="DC.identifier" content="{seed.id}"/></metadata>\n'
            f'<kamerstuk><kamerstukkop><dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer>'
            f'</kamerstukkop>\n<stuk><brief>\n{body}\n</brief></stuk></kamerstuk>\n'
            f'</officiele-publicatie>\n').encode()


def metadata_xml(seed: Seed) -> bytes:
    """metadata.xml in the <metadata_gegevens> style."""
    rows = [("DC.identifier", "", seed.metadata_id or seed.id), *seed.meta, ("DC.creator", "OVERHEID.StatenGeneraal",
                                                           "Tweede Kamer der Staten-Generaal")]
    lines = "\n".join(f"  <metadata name={quoteattr(n)} scheme={quoteattr(s)} content={quoteattr(c)}/>"
                      for n, s, c in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n{lines}\n</metadata_gegevens>\n'.encode()


def sru_record(seed: Seed | None, base: str, position: int, raw: str | None = None) -> str:
    """One gzd record; ``raw`` replaces the whole originalData/enrichedData
    content (for malformed records)."""
    if raw is not None:
        inner = raw
    else:
        assert seed is not None
        meta: dict[str, str] = {}
        for name, _, content in seed.meta:
            meta.setdefault(name, content)
        folder = f"{base}/frbr/{seed.id}/1"
        items = []
        if seed.kind == "xml":
            items.append(f'<gzd:itemUrl manifestation="xml">{folder}/xml/{seed.id}.xml</gzd:itemUrl>')
        items.append(f'<gzd:itemUrl manifestation="pdf">{folder}/pdf/{seed.id}.pdf</gzd:itemUrl>')
        if seed.metadata_item:
            items.append(f'<gzd:itemUrl manifestation="metadata">{folder}/metadata/metadata.xml</gzd:itemUrl>')
        items.append(f'<gzd:itemUrl manifestation="html">{folder}/html/{seed.id}.html</gzd:itemUrl>')
        inner = (
            "<gzd:originalData><overheidwetgeving:meta><overheidwetgeving:owmskern>"
            f"<dcterms:identifier>{seed.id}</dcterms:identifier>"
            f"<dcterms:title>{escape(meta.get('DC.title', ''))}</dcterms:title>"
            f'<dcterms:type scheme="OVERHEIDop.Parlementair">{escape(meta["DC.type"])}</dcterms:type>'
            "</overheidwetgeving:owmskern><overheidwetgeving:owmsmantel>"
            f"<dcterms:available>{meta.get('DCTERMS.issued', '')}</dcterms:available>"
            "</overheidwetgeving:owmsmantel><overheidwetgeving:tpmeta>"
            f"<overheidwetgeving:dossiernummer>{meta.get('OVERHEIDop.dossiernummer', '')}"
            "</overheidwetgeving:dossiernummer></overheidwetgeving:tpmeta>"
            "</overheidwetgeving:meta></gzd:originalData>"
            f"<gzd:enrichedData><gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{seed.id}.html"
            f"</gzd:preferredUrl>{''.join(items)}</gzd:enrichedData>"
        )
    return (f"<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>"
            f"<sru:recordPacking>xml</sru:recordPacking><sru:recordData>"
            f'<gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru">{inner}</gzd:gzd>'
            f"</sru:recordData><sru:recordPosition>{position}</sru:recordPosition></sru:record>")


MALFORMED = [
    # no identifier at all
    "<gzd:originalData><overheidwetgeving:meta><overheidwetgeving:owmskern><dcterms:title>Zonder id"
    "</dcterms:title></overheidwetgeving:owmskern></overheidwetgeving:meta></gzd:originalData>",
    # an id but nothing to download
    "<gzd:originalData><overheidwetgeving:meta><overheidwetgeving:owmskern>"
    "<dcterms:identifier>kst-29754-9999</dcterms:identifier></overheidwetgeving:owmskern>"
    "</overheidwetgeving:meta></gzd:originalData><gzd:enrichedData><gzd:preferredUrl>"
    "https://zoek.officielebekendmakingen.nl/kst-29754-9999.html</gzd:preferredUrl></gzd:enrichedData>",
]


def sru_response(records: list[str], total: int, next_position: int | None) -> bytes:
    following = f"<sru:nextRecordPosition>{next_position}</sru:nextRecordPosition>" if next_position else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/">'
        f"<sru:version>2.0</sru:version><sru:numberOfRecords>{total}</sru:numberOfRecords>"
        f"<sru:records>{''.join(records)}</sru:records>{following}"
        "</sru:searchRetrieveResponse>"
    ).encode()


@dataclass
class Repository:
    """The fake repository's content, faults and request log."""

    base: str = ""
    seeds: list[Seed] = field(default_factory=lambda: list(SEEDS))
    malformed: list[str] = field(default_factory=lambda: list(MALFORMED))
    faults: dict[str, deque] = field(default_factory=dict)
    fail_documents_after: int | None = None
    log: list[tuple[float, str]] = field(default_factory=list)
    queries: list[dict[str, list[str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _served_documents: int = 0

    def entries(self) -> list[tuple[Seed | None, str | None]]:
        """Result order: seeds with the malformed records mixed in."""
        out: list[tuple[Seed | None, str | None]] = [(s, None) for s in self.seeds]
        for i, raw in enumerate(self.malformed):
            out.insert(2 + 3 * i, (None, raw))
        return out

    def fault(self, path: str, *kinds: str) -> None:
        self.faults.setdefault(path, deque()).extend(kinds)

    def document_requests(self) -> list[str]:
        return [p for _, p in self.log if p.startswith("/frbr/")]

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        if path == "/sru":
            self.queries.append(query)
            start = int(query.get("startRecord", ["1"])[0])
            size = int(query.get("maximumRecords", ["10"])[0])
            entries = self.entries()
            chosen = entries[start - 1:start - 1 + size]
            records = [sru_record(s, self.base, start + i, raw) for i, (s, raw) in enumerate(chosen)]
            following = start + len(chosen)
            return 200, {"Content-Type": "text/xml"}, sru_response(
                records, len(entries), following if following <= len(entries) else None)
        parts = path.split("/")  # /frbr/<id>/1/<kind>/<file>
        seed = next((s for s in self.seeds if len(parts) == 6 and parts[2] == s.id), None)
        if seed is None:
            return 404, {}, b"not found"
        with self.lock:
            self._served_documents += 1
            if self.fail_documents_after is not None and self._served_documents > self.fail_documents_after:
                return 500, {}, b"server error"
        if parts[4] == "metadata":
            return 200, {"Content-Type": "text/xml"}, metadata_xml(seed)
        if parts[4] == "xml" and seed.kind == "xml":
            return 200, {"Content-Type": "text/xml"}, document_xml(seed)
        if parts[4] == "pdf":
            return 200, {"Content-Type": "application/pdf"}, PDF_BYTES
        return 404, {}, b"not found"


def _handler(repo: Repository) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the server
            return

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            url = urlsplit(self.path)
            with repo.lock:
                repo.log.append((time.monotonic(), url.path))
                queue = repo.faults.get(url.path)
                fault = queue.popleft() if queue else None
            if fault == "sleep":
                time.sleep(SLEEP_SECONDS)
                status, headers, body = 200, {}, b"too late"
            elif fault == "429":
                status, headers, body = 429, {"Retry-After": "0"}, b"slow down"
            elif fault is not None:
                status, headers, body = int(fault), {}, b"fault"
            else:
                status, headers, body = repo.answer(url.path, parse_qs(url.query))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up (timeout): nothing to answer

    return Handler


@pytest.fixture
def repo():
    """A running fake repository; ``repo.base`` is its URL."""
    repository = Repository()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(repository))
    server.daemon_threads = True
    repository.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield repository
    server.shutdown()
    server.server_close()
