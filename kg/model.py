"""Plain data passed between the stages.

Every stage (ingest -> extract -> resolve -> graph) takes and gives these
dataclasses, so each can be run and tested alone and the per-document results
can cross process boundaries (they pickle and turn into JSON).
Offsets always index ``Document.text``: the cleaned body followed by the
footnotes, so one string carries everything the extractors see.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Footnote:
    """A footnote: its number, where its text sits in ``Document.text`` and
    where its marker sits in the body (``None`` when no marker was found)."""

    number: str
    start: int
    end: int
    marker_start: int | None = None
    marker_end: int | None = None


@dataclass
class Metadata:
    """What the document says about itself (guessed from the text)."""

    id: str | None = None
    type: str = "other"
    date: str | None = None
    vergaderjaar: str | None = None
    dossier: str | None = None
    number: str | None = None
    title: str | None = None
    signatories: list[str] = field(default_factory=list)
    addressee: str | None = None
    year: int | None = None  # the year of publication, when the text gives no full date
    question_number: str | None = None  # Tweede Kamer vraagnummer (2020Z10445), from metadata.xml
    document_number: str | None = None  # Tweede Kamer documentnummer (2025D03999), from metadata.xml
    chamber: str | None = None  # "Eerste Kamer" or "Tweede Kamer", where the text says whose document it is


@dataclass
class Document:
    """One source document after ingest.

    ``id`` is the official id (``kst-29754-645``) or a readable slug.
    ``text`` is the cleaned body, then (after ``body_end``) the footnotes,
    one per paragraph; ``footnotes`` point into it.
    """

    id: str
    source: str
    text: str
    body_end: int
    footnotes: list[Footnote] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A span of ``Document.text`` naming an entity.

    ``key`` is what resolution groups by (a gazetteer id such as ``org/aivd``
    or a normalised name such as ``person/opstelten``)."""

    type: str
    key: str
    label: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    kind: str | None = None
    roles: list[str] = field(default_factory=list)
    party: str | None = None
    source: str = "rules"


@dataclass
class Citation:
    """A reference to a parliamentary document, normalised to its official id."""

    id: str
    text: str
    start: int
    end: int
    sentence: str = ""
    page: str | None = None
    kind: str = "reference"


@dataclass
class Motion:
    """A motion referred to in a document."""

    label: str
    text: str
    start: int
    end: int
    sentence: str = ""
    submitters: list[str] = field(default_factory=list)
    parties: list[str | None] = field(default_factory=list)
    cites: str | None = None
    status: str | None = None


@dataclass
class Relation:
    """Who did what: an agent, an action (verb lemma and class) and an object."""

    agent: str
    action: str
    action_class: str
    object: str | None
    text: str
    start: int
    end: int
    sentence: str


@dataclass
class Question:
    """A written question or its answer (Aanhangsel Handelingen), by number."""

    kind: str  # "question" or "answer"
    number: str
    text: str
    start: int
    end: int
    askers: list[str] = field(default_factory=list)  # person keys
    submitted: str | None = None  # ISO date the questions were sent in
    related: list[str] = field(default_factory=list)  # question numbers such as 2020Z10445


@dataclass
class Extraction:
    """Everything extraction found in one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@dataclass
class Entity:
    """One real-world thing, merged across documents by ``kg.resolve``."""

    key: str
    type: str
    label: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    party: str | None = None
