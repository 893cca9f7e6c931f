"""Reading the XML officielebekendmakingen publishes per document, and its
``metadata.xml``.

A Kamerstuk's XML (``<kamerstuk>``; written questions and answers as
``<aanhangsel>`` / ``<vraagdocument>``; minutes as ``<handelingen>``)
holds a head (``<kamerstukkop>`` with the vergaderjaar, ``<dossier>`` with
``<dossiernummer>`` and ``<dossiertitel>``, ``<stuk>`` with
``<stuknr><ondernummer>``) and a body of ``<titel>``, ``<al>`` paragraphs,
``<noot>`` footnotes inline (number in ``nr=""`` or ``<noot.nr>``, text in
``<noot.al>``), ``<vraag>``/``<antwoord>`` with ``<nr>`` and ``<al>``, and
``<ondertekening>`` with ``<functie>`` and ``<naam>``.  We render it as a
small Markdown text (see ``kg.ingest.html``) so footnotes and metadata go
through the same code as every other format.

``metadata.xml`` (``<meta name="DC.identifier" content="kst-29754-645"/>``
or ``<metadata name=… content=…/>``: DC.title, DC.type, DCTERMS.issued,
OVERHEIDop.dossiernummer, .ondernummer, .vergaderjaar…) lies beside a
document as ``<id>.metadata.xml`` or as ``metadata.xml`` in the document's
own folder; what it says wins over what ``kg.ingest.metadata`` guessed from
the text, for any input format.
"""
from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kg.ingest.decode import normalise_text, read_bytes
from kg.ingest.errors import IngestError
from kg.ingest.html import md_escape, md_note_marker
from kg.ingest.markdown import parse_markdown
from kg.ingest.parsed import ParsedText
from kg.model import Metadata

log = logging.getLogger(__name__)

PARAGRAPHS = frozenset(
    "al titel kop tussenkop label plaats-datum dagtekening functie naam dossiertitel li "
    "ondertekening.al tekst regel slotformulering aanhef".split()
)
HEADINGS = frozenset("titel kop tussenkop dossiertitel".split())
HEAD_ONLY = frozenset("dossiernummer dossiernr stuknr ondernummer vergaderjaar kamer metadata meta".split())
SIDECAR = "metadata.xml"
KST_ID = re.compile(r"^kst-(\d+)(?:-([A-Z][\w]*))?-(\w+)$")
TYPES = {"motie": "motie", "brief": "brief", "verslag": "verslag", "aanhangsel": "antwoord_schriftelijke_vragen",
         "antwoord": "antwoord_schriftelijke_vragen"}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_xml_bytes(data: bytes, path: Path) -> ET.Element:
    """The root element; IngestError for XML that is not well formed or
    declares entities (we never expand them: billion laughs, external files)."""
    if not data.strip():
        raise IngestError(path, "empty file (no text)")
    if b"<!ENTITY" in data:
        raise IngestError(path, "XML declares entities; refused for safety")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise IngestError(path, f"not well-formed XML ({error})") from None


def meta_fields(root: ET.Element) -> dict[str, str]:
    """``name -> content`` of every ``<meta>``/``<metadata>`` element (first wins)."""
    fields: dict[str, str] = {}
    for elem in root.iter():
        if _local(elem.tag) in ("meta", "metadata") and elem.get("name") and elem.get("content") is not None:
            fields.setdefault(elem.get("name"), " ".join(elem.get("content").split()))
    return fields


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.notes: list[tuple[str, str]] = []

    def note(self, elem: ET.Element) -> str:
        number = elem.get("nr")
        body = []
        for child in elem:
            name = _local(child.tag)
            if name == "noot.nr" and not number:
                number = "".join(child.itertext()).strip()
            elif name != "noot.nr":
                body.append(self.inline(child) + " ")
        if not body:
            body = [md_escape(elem.text or "")]
        if not (number or "").isdigit():
            number = str(len(self.notes) + 1)
        self.notes.append((number, " ".join("".join(body).split())))
        return number

    def inline(self, elem: ET.Element) -> str:
        parts = [md_escape(elem.text or "")]
        for child in elem:
            name = _local(child.tag)
            if name == "noot":
                parts.append(md_note_marker(self.note(child)))
            elif name not in ("meta", "metadata"):
                parts.append(" " if name == "br" else self.inline(child))
            parts.append(md_escape(child.tail or ""))
        return "".join(parts)

    def block(self, elem: ET.Element, parent: str = "") -> None:
        name = _local(elem.tag)
        if name in HEAD_ONLY:
            return
        if name == "noot":
            self.note(elem)
        elif name == "nr" and parent in ("vraag", "antwoord"):
            self._add(f"{parent.capitalize()} {''.join(elem.itertext()).strip()}")
        elif name in PARAGRAPHS:
            self._add(self.inline(elem), heading=name in HEADINGS)
        else:
            self._add(md_escape(elem.text or ""))
            for child in elem:
                self.block(child, name)
                self._add(md_escape(child.tail or ""))

    def _add(self, text: str, heading: bool = False) -> None:
        text = " ".join(text.split())
        if text:
            self.blocks.append(("# " + text) if heading else text)


def _header(root: ET.Element) -> list[str]:
    """Title-block lines (as the Markdown reader knows them) from the head."""
    found: dict[str, str] = {}
    for elem in root.iter():
        name = _local(elem.tag)
        if name in ("vergaderjaar", "dossiernummer", "dossiernr", "ondernummer") and name not in found:
            text = " ".join("".join(elem.itertext()).split())
            if text:
                found[name] = text
    lines = []
    year = re.search(r"\d{4}\s?[–-]\s?\d{4}", found.get("vergaderjaar", ""))
    if year:
        lines.append(f"Vergaderjaar {year.group(0)}")
    dossier = found.get("dossiernummer") or found.get("dossiernr")
    if dossier:
        lines.append(f"**{dossier}**")
    if found.get("ondernummer"):
        lines.append(f"**Nr. {found['ondernummer']}**")
    return lines


def parse_xml(data: bytes, path: Path) -> tuple[ParsedText, dict[str, str]]:
    """A document's XML as ParsedText and its embedded metadata fields."""
    root = parse_xml_bytes(data, path)
    renderer = _Renderer()
    renderer.block(root)
    notes = [f"{md_note_marker(n)} {text}" for n, text in renderer.notes]
    markdown = "\n\n".join(_header(root) + renderer.blocks + notes)
    return parse_markdown(normalise_text(markdown)), meta_fields(root)


def read_xml(path: Path) -> tuple[ParsedText, bytes, dict[str, str]]:
    """An XML document file as ParsedText, its bytes and its metadata fields."""
    data = read_bytes(path)
    parsed, fields = parse_xml(data, path)
    return parsed, data, fields


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a metadata file belonging to a document."""
    name = path.name.lower()
    return name == SIDECAR or name.endswith("." + SIDECAR)


def sidecar_for(path: Path) -> Path | None:
    """The metadata.xml of document ``path``: ``<stem>.metadata.xml`` beside
    it, else ``metadata.xml`` in its folder when the folder is named after
    the document (``<id>/<id>.xml``) or holds only this document."""
    own = path.with_name(f"{path.stem}.{SIDECAR}")
    if own.is_file():
        return own
    shared = path.with_name(SIDECAR)
    if shared.is_file():
        siblings = [p for p in path.parent.iterdir()
                    if p.is_file() and not is_sidecar(p) and not p.name.startswith(".")]
        if path.parent.name == path.stem or len(siblings) == 1:
            return shared
    return None


def read_metadata_xml(path: Path) -> dict[str, str]:
    """The fields of a metadata.xml; IngestError when it cannot be read."""
    return meta_fields(parse_xml_bytes(read_bytes(path), path))


def _iso(value: str) -> str | None:
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value.strip())
    return "-".join(match.groups()) if match else None


def apply_fields(meta: Metadata, fields: dict[str, str]) -> list[str]:
    """Overwrite ``meta`` with what the publisher's metadata says; returns
    the names of the fields changed (for the debug log)."""
    changed: list[str] = []

    def put(attr: str, value: object) -> None:
        if value not in (None, "", []) and getattr(meta, attr) != value:
            setattr(meta, attr, value)
            changed.append(attr)

    get = {k.lower(): v for k, v in fields.items()}.get
    identifier = (get("dc.identifier") or "").strip()
    kst = KST_ID.match(identifier)
    if kst:
        put("dossier", f"{kst.group(1)}-{kst.group(2)}" if kst.group(2) else kst.group(1))
        put("number", kst.group(3))
    dossier = (get("overheidop.dossiernummer") or "").split(";")[0].replace(" ", "")
    if re.fullmatch(r"\d+(?:-[A-Z]\w*)?", dossier):
        put("dossier", dossier)
    number = (get("overheidop.ondernummer") or "").strip()
    if re.fullmatch(r"\w+", number):
        put("number", number)
    if re.fullmatch(r"[a-z]+(?:-[\w]+)+", identifier, re.I):
        put("id", identifier)
    elif meta.dossier and meta.number:
        put("id", f"kst-{meta.dossier}-{meta.number}")
    put("title", get("dc.title"))
    kind = (get("dc.type") or "") + " " + (get("overheidop.documenttype") or "")
    put("type", next((t for word, t in TYPES.items() if word in kind.lower()), None))
    date = next((d for d in map(_iso, filter(None, (get("overheidop.datumondertekening"), get("dcterms.issued"),
                                                     get("dcterms.available")))) if d), None)
    put("date", date)
    year = re.search(r"(\d{4})\s?[–-]\s?(\d{4})", get("overheidop.vergaderjaar") or "")
    if year:
        put("vergaderjaar", f"{year.group(1)}-{year.group(2)}")
    if meta.date:
        put("year", int(meta.date[:4]))
    # The Tweede Kamer's own ids, so the graph joins its open data (Gegevensmagazijn):
    # the question number (Zaak.Nummer) and the document number, wherever the publisher puts them.
    values = " ".join(str(v) for v in fields.values())
    question = QUESTION_NUMBER.search(get("overheidop.vraagnummer") or "") or QUESTION_NUMBER.search(values)
    document = DOCUMENT_NUMBER.search(values)
    put("question_number", question.group(0) if question else None)
    put("document_number", document.group(0) if document else None)
    return changed


QUESTION_NUMBER = re.compile(r"\b\d{4}Z\d{5}\b")
DOCUMENT_NUMBER = re.compile(r"\b\d{4}D\d{5}\b")
