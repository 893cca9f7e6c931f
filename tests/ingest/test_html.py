"""HTML renderings: tags stripped, paragraphs and footnotes kept, <meta> read."""
from __future__ import annotations

from pathlib import Path

from kg.ingest import read_document
from tests.ingest.conftest import CORPUS
from tests.ingest.seedxml import kamerstuk_html


def test_seed_as_html_reads_like_its_text(tmp_path: Path) -> None:
    seed = read_document(CORPUS / "kst-29754-645.txt")
    path = tmp_path / "stuk.html"
    path.write_text(kamerstuk_html(seed), encoding="utf-8")
    doc = read_document(path)
    assert doc.id == "kst-29754-645"  # from <meta name="DC.identifier">
    assert doc.text == seed.text
    assert [(f.number, f.marker_start) for f in doc.footnotes] == [(f.number, f.marker_start) for f in seed.footnotes]


def test_markup_characters_in_text_survive(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text("<html><body><h2>Aanpak *online* haat</h2><p>Artikel 2 &lt;b&gt; [1] a_b_c # 5 \\ "
                    "&amp; 3 &gt; 2.<br>Tweede regel.</p><script>alert(1)</script></body></html>")
    doc = read_document(path)
    assert doc.text == "Aanpak *online* haat\n\nArtikel 2 <b> [1] a_b_c # 5 \\ & 3 > 2.\n\nTweede regel."
