"""A small hand-made corpus with every kind of fact, for the exporters.

The bundled corpus is thin until the extraction components land, so these
two documents (written for the tests, unlike any seed) carry entities,
roles, a citation, a motion and an action through the real build path.
"""
from __future__ import annotations

from kg.model import Citation, Document, Extraction, Mention, Metadata, Motion, Relation
from kg.resolve import resolve

LETTER = ("De AIVD en de NCTV werken samen aan het dreigingsbeeld. "
          "Minister Van der Berg-Öztürk (D66) vraagt de AIVD om de paspoortmaatregel toe te passen. "
          "Zie Kamerstuk 29 754, nr. 640. De motie-Jansen c.s. is hiermee uitgevoerd.")
ANSWER = "De NCTV, aldus Van der Berg-Öztürk, bericht de Kamer over het dreigingsbeeld."


def _mention(text: str, surface: str, type_: str, key: str, label: str, nth: int = 0, **extra) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    sentence_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
    sentence_end = text.find(". ", start)
    sentence = text[sentence_start:sentence_end + 1 if sentence_end >= 0 else len(text)]
    return Mention(type=type_, key=key, label=label, text=surface, start=start, end=start + len(surface),
                   sentence=sentence, sentence_start=sentence_start, **extra)


def rich_extractions() -> list[Extraction]:
    letter = Document(id="kst-99999-1", source="/somewhere/kst-99999-1.txt", text=LETTER, body_end=len(LETTER),
                      metadata=Metadata(id="kst-99999-1", type="brief", date="2031-02-03", dossier="99999",
                                        number="1", title="Brief over samenwerking"), sha256="0" * 64)
    answer = Document(id="kst-99999-2", source="/elsewhere/kst-99999-2.txt", text=ANSWER, body_end=len(ANSWER),
                      metadata=Metadata(id="kst-99999-2", type="brief"), sha256="1" * 64)
    minister = dict(roles=["Minister van Justitie en Veiligheid"], party="D66")
    letter_mentions = [
        _mention(LETTER, "AIVD", "Organization", "org/aivd", "AIVD", kind="intelligence"),
        _mention(LETTER, "NCTV", "Organization", "org/nctv", "NCTV", kind="government"),
        _mention(LETTER, "Van der Berg-Öztürk", "Person", "person/van-der-berg-ozturk",
                 "Van der Berg-Öztürk", **minister),
        _mention(LETTER, "AIVD", "Organization", "org/aivd", "AIVD", nth=1, kind="intelligence"),
        _mention(LETTER, "paspoortmaatregel", "Measure", "measure/paspoortmaatregel", "paspoortmaatregel"),
    ]
    cite_text = "Kamerstuk 29 754, nr. 640"
    motion_text = "motie-Jansen c.s."
    sentence2 = LETTER[LETTER.index("Minister"):LETTER.index("Zie")].strip()
    extraction = Extraction(
        document=letter, mentions=letter_mentions,
        citations=[Citation(id="kst-29754-640", text=cite_text, start=LETTER.index(cite_text),
                            end=LETTER.index(cite_text) + len(cite_text), sentence="Zie Kamerstuk 29 754, nr. 640.")],
        motions=[Motion(label="motie Jansen c.s.", text=motion_text, start=LETTER.index(motion_text),
                        end=LETTER.index(motion_text) + len(motion_text), submitters=["Jansen"], parties=[None],
                        cites="kst-29754-224", status="uitgevoerd")],
        relations=[Relation(agent="person/van-der-berg-ozturk", action="vragen", action_class="requests",
                            object="org/aivd", text=sentence2[:-1], start=LETTER.index(sentence2),
                            end=LETTER.index(sentence2) + len(sentence2) - 1, sentence=sentence2)],
    )
    answer_extraction = Extraction(document=answer, mentions=[
        _mention(ANSWER, "NCTV", "Organization", "org/nctv", "NCTV", kind="government"),
        _mention(ANSWER, "Van der Berg-Öztürk", "Person", "person/van-der-berg-ozturk", "Van der Berg-Öztürk",
                 **minister),
    ])
    return [extraction, answer_extraction]


def rich_build(folder):
    """write_outputs over the hand-made corpus; returns (extractions, resolution, triples)."""
    from kg.export.outputs import write_outputs

    extractions = rich_extractions()
    resolution = resolve(extractions)
    folder.mkdir(parents=True, exist_ok=True)
    return extractions, resolution, write_outputs(folder, extractions, resolution)
