"""OUT/index.html: what a build holds, with links to the views and files."""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from kg.model import Extraction
from kg.resolve import Resolution

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>kamerkg</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left}}</style>
</head><body>
<h1>kamerkg: kennisgraaf terrorismebestrijding</h1>
<p><a href="graph.html">Overview graph</a> · files: {files}</p>
<h2>Documents ({ndocs})</h2>
<table><tr><th>id</th><th>type</th><th>date</th><th>title</th><th>entities</th></tr>
{docrows}
</table>
<h2>Entities</h2>
<table><tr><th>type</th><th>count</th></tr>
{typerows}
</table>
</body></html>
"""

OUTPUT_FILES = ("kg.ttl", "kg.trig", "kg.nt")


def write_index(path: Path, extractions: list[Extraction], resolution: Resolution) -> None:
    esc = html.escape
    docrows = []
    for extraction in extractions:
        doc = extraction.document
        link = esc(f"https://zoek.officielebekendmakingen.nl/{doc.metadata.id}") if doc.metadata.id else ""
        ident = f'<a href="{link}">{esc(doc.id)}</a>' if link else esc(doc.id)
        docrows.append(
            f"<tr><td>{ident}</td><td>{esc(doc.metadata.type)}</td><td>{esc(doc.metadata.date or '')}</td>"
            f"<td>{esc(doc.metadata.title or '')}</td><td>{len({m.key for m in extraction.mentions})}</td></tr>")
    types = Counter(entity.type for entity in resolution.entities.values())
    typerows = [f"<tr><td>{esc(t)}</td><td>{n}</td></tr>" for t, n in sorted(types.items())]
    files = " · ".join(f'<a href="{name}">{name}</a>' for name in OUTPUT_FILES)
    path.write_text(PAGE.format(files=files, ndocs=len(extractions), docrows="\n".join(docrows),
                                typerows="\n".join(typerows)), encoding="utf-8")
