"""Escaping, page skeleton and inlined assets shared by every page.

Every string that came from a document goes through ``esc`` (HTML text and
attributes) or ``script_json`` (data inside <script>), so a title or a
sentence holding ``</script>`` or ``<img onerror=…>`` is shown as text.
Pages inline their scripts and styles: they open from disk on a machine
without internet and make no requests.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).with_name("assets")
OFFICIAL = "https://zoek.officielebekendmakingen.nl/"

COLOURS = {"Document": "#6c757d", "Organization": "#1f77b4", "Person": "#ff7f0e",
           "Measure": "#2ca02c", "Motion": "#9467bd"}
SHAPES = {"Document": "box", "Organization": "dot", "Person": "diamond", "Measure": "triangle",
          "Motion": "square"}
TYPE_NAMES = {"Document": "document", "Organization": "organisatie", "Person": "persoon",
              "Measure": "maatregel", "Motion": "motie"}

_JSON_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})
_FILE_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def esc(value: Any) -> str:
    """HTML-escape text and attribute values (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def script_json(value: Any) -> str:
    """JSON safe to place inside <script>: no '<', '>' or '&' survives, so no tag can close it."""
    return _script_dumps(value)


def script_json_chunks(value: Any, depth: int = 2) -> Iterator[str]:
    """``script_json`` in pieces, for writing a large value without holding its text.

    Objects and arrays down to ``depth`` levels are written member by member,
    each member by ``json.dumps`` (in C: ``JSONEncoder.iterencode`` runs in
    Python, several times slower). A piece never splits an unsafe character."""
    if depth and isinstance(value, dict) and all(isinstance(key, str) for key in value):
        yield "{"
        for at, (key, member) in enumerate(value.items()):
            yield ("," if at else "") + _script_dumps(key) + ":"
            yield from script_json_chunks(member, depth - 1)
        yield "}"
    elif depth and isinstance(value, (list, tuple)):
        yield "["
        for at, member in enumerate(value):
            if at:
                yield ","
            yield from script_json_chunks(member, depth - 1)
        yield "]"
    else:
        yield _script_dumps(value)


def _script_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_UNSAFE)


def official_url(doc_id: str) -> str:
    return OFFICIAL + doc_id


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """One of kamerkg's own assets (kg/views/assets)."""
    return (ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_network() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside pyvis (newest bundled version)."""
    import pyvis

    lib = Path(pyvis.__file__).with_name("lib")
    folder = sorted(lib.glob("vis-*"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])[-1]
    script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    style = (folder / "vis-network.css").read_text(encoding="utf-8")
    # a sourcemap comment would make devtools fetch a file; drop it
    script = re.sub(r"//# sourceMappingURL=\S+\s*$", "", script)
    return script.replace("</script", "<\\/script"), style


def file_name(iri: str) -> str:
    """A stable file name for a node: the IRI's last two path segments, made safe."""
    parts = iri.rstrip("/").split("/")[-2:]
    name = _FILE_UNSAFE.sub("_", "-".join(parts)).strip("_") or "x"
    if name != "-".join(parts):
        import hashlib

        name += "-" + hashlib.sha1(iri.encode()).hexdigest()[:8]
    return name[:120] + ".html"


def page(title: str, body: str, *, root: str = "", style: str = "", head: str = "") -> str:
    """A complete page: escaped title, kamerkg's stylesheet inlined, a link home."""
    return "".join(page_chunks(title, (body,), root=root, style=style, head=head))


def page_chunks(title: str, body: Iterable[str], *, root: str = "", style: str = "", head: str = "") -> Iterator[str]:
    """``page`` in pieces, the body's as they come: a page listing every document
    or action of a large corpus is written row by row, not held as text."""
    yield (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width,initial-scale=1">'
           f"<title>{esc(title)}</title><style>{asset('page.css')}{style}</style>{head}</head>"
           f'<body><nav><a href="{root}index.html">kamerkg</a> · <a href="{root}graph.html">overzicht</a> · '
           f'<a href="{root}views/whodidwhat.html">wie deed wat</a></nav>\n')
    yield from body
    yield "\n</body></html>\n"


def write_chunks(path: Path, chunks: Iterable[str]) -> Path:
    """Write a page's pieces to ``path`` as UTF-8."""
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(chunks)
    return path


def highlight(sentence: str, quote: str) -> str:
    """The sentence escaped, with the first occurrence of ``quote`` in <mark>."""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return esc(sentence)
    return f"{esc(sentence[:at])}<mark>{esc(quote)}</mark>{esc(sentence[at + len(quote):])}"
