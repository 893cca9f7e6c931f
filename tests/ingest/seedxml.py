"""Rendering a read seed Document as officielebekendmakingen XML / HTML, for tests."""
from __future__ import annotations

from xml.sax.saxutils import escape

from kg.model import Document


def _body_with_notes(doc: Document, note: callable) -> list[str]:
    """Body paragraphs with each footnote put back at its marker."""
    inserts = sorted(((f.marker_start, f) for f in doc.footnotes if f.marker_start is not None),
                     key=lambda item: item[0])
    body = doc.text[:doc.body_end]
    pieces, last = [], 0
    for at, footnote in inserts:
        pieces.append(escape(body[last:at]))
        pieces.append(note(footnote.number, escape(doc.text[footnote.start:footnote.end])))
        last = at
    pieces.append(escape(body[last:]))
    return "".join(pieces).split("\n\n")


def kamerstuk_xml(doc: Document, dossier: str = "29 754", number: str = "645") -> str:
    paragraphs = _body_with_notes(
        doc, lambda n, t: f'<noot id="n{n}" type="voet"><noot.nr>{n}</noot.nr><noot.al>{t}</noot.al></noot>')
    body = "\n".join(f"<al>{p}</al>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><metadata>'
        '<meta name="OVERHEIDop.publicationName" content="Kamerstuk"/></metadata><kamerstuk>'
        '<kamerstukkop><vergaderjaar><kamer nummer="2">Tweede Kamer der Staten-Generaal</kamer>'
        '<vergaderjaartekst>Vergaderjaar 2021–2022</vergaderjaartekst></vergaderjaar></kamerstukkop>'
        f'<dossier><dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer></dossier>'
        f'<stuk><stuknr><ondernummer>{number}</ondernummer></stuknr><algemeen>\n{body}\n'
        '</algemeen></stuk></kamerstuk></officiele-publicatie>\n'
    )


def kamerstuk_html(doc: Document) -> str:
    paragraphs = _body_with_notes(doc, lambda n, t: f'<sup><a href="#n{n}">{n}</a></sup>')
    notes = "".join(f'<p><sup>{f.number}</sup> {escape(doc.text[f.start:f.end])}</p>' for f in doc.footnotes)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title>'
            '<meta name="DC.identifier" content="kst-29754-645"><script>var a = "<p>no</p>";</script>'
            f'</head><body><div class="stuk">{body}</div><div class="noten">{notes}</div></body></html>')
