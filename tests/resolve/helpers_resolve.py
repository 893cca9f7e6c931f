"""Hand-made extractions for the resolution tests (no spaCy, no corpus)."""
from __future__ import annotations

from kg.extract.names import person_key
from kg.model import Document, Extraction, Mention, Metadata


def person(text: str, start: int = 0, *, surname_only: bool = False, roles: tuple[str, ...] = (),
           party: str | None = None) -> Mention:
    """A person mention keyed the way kg_persons keys it."""
    return Mention(type="Person", key=person_key(text, surname_only=surname_only), label=text, text=text,
                   start=start, end=start + len(text), sentence=text, sentence_start=start,
                   roles=list(roles), party=party)


def org(key: str, text: str, start: int = 0) -> Mention:
    return Mention(type="Organization", key=key, label=text, text=text, start=start, end=start + len(text),
                   sentence=text, sentence_start=start, kind="government")


def doc(doc_id: str, *mentions: Mention, date: str | None = "2020-01-01") -> Extraction:
    text = " ".join(m.text for m in mentions)
    document = Document(id=doc_id, source=f"{doc_id}.txt", text=text, body_end=len(text),
                        metadata=Metadata(date=date))
    return Extraction(document=document, mentions=list(mentions))
