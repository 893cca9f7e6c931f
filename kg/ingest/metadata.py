"""What a Kamerstuk says about itself: id, type, date, signatories…

Everything is read from the text (and from the page furniture the cleaner
removed), never from the file name, so the same rules work on unseen
documents.  Where the text is silent the field stays None.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model import Metadata

MONTHS = {
    m: i
    for i, m in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split(),
        start=1,
    )
}
_MONTH = "(" + "|".join(MONTHS) + ")"
_DATE = rf"(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})"
_DOSSIER = r"(\d{2}[\d ]*\d)(?:,?\s+([IVXLC]+|[A-Z](?:\d+)?))?"

KST_LINE = re.compile(r"^kst-(\d+)(?:-([A-Z][\w]*|\d{2}))?-(\w+)$")  # kst-34300-VI-24, kst-21501-02-1035
KAMER_FOOTER = re.compile(
    rf"(?:Tweede|Eerste) Kamer, vergaderjaar (\d{{4}})\s?[–-]\s?(\d{{4}}), {_DOSSIER}, nr\. (\w+)"
)
MD_DOSSIER = re.compile(rf"^{_DOSSIER}$")
MD_NUMBER = re.compile(r"^Nr\. (\w+)$", re.I)
VERGADERJAAR = re.compile(r"[Vv]ergaderjaar (\d{4})\s?[–-]\s?(\d{4})")
OWN_VERGADERJAAR = re.compile(r"Zie ook Aanhangsel Handelingen, vergaderjaar (\d{4})\s?[–-]\s?(\d{4})")
LETTER_DATE = re.compile(rf"^(?:Den Haag|’s-Gravenhage|'s-Gravenhage),?\s+{_DATE}\s*$", re.M | re.I)
RECEIVED = re.compile(rf"\(ontvangen\s+{_DATE}\)", re.I)
ANSWER_BY = re.compile(
    r"Antwoord van (?:de )?(?:minister|staatssecretaris|minister-president)\s+([^()\n]+?)\s*[(,]", re.I
)
QUESTIONS = re.compile(r"^Vragen van (?:het lid|de leden)\b.*?\bover (.+?)\s*\(ingezonden\b", re.S)
SIGNER_ROLE = re.compile(
    r"^De (?:Minister|Staatssecretaris|Minister-President|Vice-Minister-President)\b[^\n]{0,150},$"
)
SIGNER_INLINE = re.compile(
    r"^(De (?:Minister|Staatssecretaris|Minister-President)\b[^\n,]{0,150}),\s+"
    r"((?:[A-Z]\.)+\s?[^\s,]+(?: [^\s,]+){0,3})$"
)
NAME = re.compile(r"^(?:[A-Z]\.\s?)*[A-Z][\w’'-]+(?:\s+(?:van|der|de|den|ter|ten|[A-Z][\w’'-]+)){0,4}$")
ADDRESSEE = re.compile(r"^Aan de (?:Voorzitter|voorzitter) van de (?:Tweede|Eerste) Kamer[^\n]*$", re.M)
_TITLE_WORDS = r"(?:BRIEF|MOTIE|VERSLAG|AMENDEMENT|NOTA|VOORSTEL|MEMORIE|LIJST|GEWIJZIGDE MOTIE)"
TITLE_HEADING = re.compile(rf"^(?:Nr\.\s*\w+\s+|[A-Z]{{1,2}}\s+)?(?P<title>{_TITLE_WORDS}\b[^\n]*)$", re.M)
# How far down the title heading ("Nr. 41 MOTIE …") may stand: a web page puts its own
# lines (title, "Kerngegevens", dates) above the document's.
HEADING_PARAGRAPHS = 30
DTN_TITLE = re.compile(r"^Dreigingsbeeld Terrorisme Nederland\b")
# The heading officielebekendmakingen prints above a Kamerstuk's text: the dossier
# with its title, then the number and the document's own title.
#   29 754 Terrorismebestrijding          34 300 V Vaststelling van de begrotingsstaten …
#   Nr. 515 MOTIE VAN HET LID HIDDEMA     Nr. 24 MOTIE VAN HET LID KNOPS
HEADING_DOSSIER = re.compile(
    r"^(\d{2}\s?\d{3})(?:\s*-\s*(\d{1,3})(?!\d))?(?:,?\s+([IVXLC]+|[A-Z]\d*)(?=\s))?\s+[A-Z][^\n]*$")
# "Nr. 515 MOTIE …"; an Eerste Kamer document is lettered: "C MOTIE VAN HET LID …"
HEADING_NUMBER = re.compile(rf"^(?:Nr\.\s*(\d+[A-Za-z]?)\b|([A-Z]{{1,2}})\s+(?={_TITLE_WORDS}\b))")
MOTION_END = re.compile(r"\ben gaat over tot de orde van de dag\b")
# A web page's header naming the document it shows (openkamer, berthub's mirror):
#   Kamerstuk 29754-244 / ID: 29754-244 / Kamervraag 2015Z17424 / Kenmerk 34300 VI, nr. 41
#   Bron: https://zoek.officielebekendmakingen.nl/kst-29754-244.html (also "Bron vraag …",
#   and as a Markdown table's row: "Bron vraag | https://… |")
#   Directe link naar document (.pdf), …, officiële HTML versie (kst-29754-708).
# Not "Bron antwoord …": on a question's page that is the answer, another document.
# The "Bron" and link lines may be joined onto one line with the header's other lines.
PAGE_ID = re.compile(
    r"^(?:(?:Kamerstuk|ID:)[ \t]+(?P<dossier>\d+(?:-(?:[A-Z]\w*|\d{2}))?)-(?P<number>\w+)"
    r"|Kamervraag[ \t]+(?P<question>\d{4}Z\d{5})"
    r"|Kenmerk[ \t]+(?P<mark>\d{2}[\d ]*\d)(?:-(?P<mark_part>\d{2}))?(?:,?[ \t]+(?P<mark_sub>[A-Z]\w*))?,?[ \t]+nr\.[ \t]*"
    r"(?P<mark_number>\w+))[ \t.]*$"
    r"|(?:^|(?<=[ \t]))(?:Bron(?:[ \t]+vraag)?:?[ \t]*\|?[ \t]*https?://zoek\.officielebekendmakingen\.nl/(?P<url_id>[a-z]+(?:-\w+)+)\.html"
    r"|Directe link naar document\b[^\n]*?\bofficiële HTML versie \((?P<link_id>[a-z]+(?:-\w+)+)\))(?![\w-])",
    re.M)
PAGE_HEADER_LINES = 15
# Whose document: "Tweede Kamer der Staten-Generaal" in the addressee or a page's table
# ("Eerste Kamer der Staten-Generaal2017-2018"), "Eerste Kamer, vergaderjaar …" in a footer,
# or in the Handelingen the chair welcoming a minister ("… van harte welkom in de Eerste Kamer").
CHAMBER = re.compile(r"\b(?P<chamber>Eerste|Tweede) Kamer(?: der Staten-Generaal|, vergaderjaar)"
                     r"|\bwelkom in de (?P<welcome>Eerste|Tweede) Kamer\b")
CHAMBER_CHARS = 3000
PROPOSED = re.compile(rf"^Voorgesteld\b[^\n]*?\b{_DATE}", re.M | re.I)


def _iso(day: str, month: str, year: str) -> str:
    return f"{int(year):04d}-{MONTHS[month.lower()]:02d}-{int(day):02d}"


def _dossier(number: str, suffix: str | None) -> str:
    digits = number.replace(" ", "")
    return f"{digits}-{suffix}" if suffix else digits


def extract_metadata(body: str, furniture: Iterable[str] = (), header: Iterable[str] = ()) -> Metadata:
    """Metadata from the cleaned body, the removed page furniture and a
    Markdown title block (``header``)."""
    meta = Metadata()
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    _official_id(meta, list(furniture), list(header))
    if meta.id is None:
        _heading_id(meta, paragraphs)
    if meta.id is None:
        _page_id(meta, body)
    meta.type = _doc_type(body, paragraphs)
    meta.date = _date(body, meta.type)
    if meta.vergaderjaar is None:
        meta.vergaderjaar = _vergaderjaar(body, header, meta.date, meta.type)
    meta.title = _title(body, paragraphs, meta.type)
    meta.signatories = _signatories(body, paragraphs, meta.type)
    addressee = ADDRESSEE.search(body)
    meta.addressee = addressee.group(0).strip() if addressee else None
    meta.year = _year(meta, list(furniture))
    chamber = next((m for m in map(CHAMBER.search, [*furniture, body[:CHAMBER_CHARS]]) if m), None)
    meta.chamber = f"{chamber.group('chamber') or chamber.group('welcome')} Kamer" if chamber else None
    return meta


PRINT_YEAR = re.compile(r"’s-Gravenhage (\d{4})\b")


def _year(meta: Metadata, furniture: list[str]) -> int | None:
    """The year a document speaks for: its date's, else the printer's line
    (``’s-Gravenhage 2022``), else the end of its vergaderjaar is too vague: None."""
    if meta.date:
        return int(meta.date[:4])
    for line in furniture:
        printed = PRINT_YEAR.search(line)
        if printed:
            return int(printed.group(1))
    return None


def _official_id(meta: Metadata, furniture: list[str], header: list[str]) -> None:
    for line in furniture:
        kst = KST_LINE.match(line)
        if kst:
            meta.dossier = f"{kst.group(1)}-{kst.group(2)}" if kst.group(2) else kst.group(1)
            meta.number = kst.group(3)
            break
    for line in furniture:
        footer = KAMER_FOOTER.search(line)
        if footer:
            meta.vergaderjaar = f"{footer.group(1)}-{footer.group(2)}"
            if meta.dossier is None:
                meta.dossier = _dossier(footer.group(3), footer.group(4))
                meta.number = footer.group(5)
            break
    if meta.dossier is None and header:
        dossier = next((MD_DOSSIER.match(h) for h in header if MD_DOSSIER.match(h)), None)
        number = next((MD_NUMBER.match(h) for h in header if MD_NUMBER.match(h)), None)
        if dossier and number:
            meta.dossier = _dossier(dossier.group(1), dossier.group(2))
            meta.number = number.group(1)
    if meta.dossier and meta.number:
        meta.id = f"kst-{meta.dossier}-{meta.number}"


def _heading_id(meta: Metadata, paragraphs: list[str]) -> None:
    """The id in the heading above the text ("29 754 Terrorismebestrijding" then
    "Nr. 515 MOTIE …"), for plain-text copies that lost the page's furniture."""
    head = paragraphs[:8]
    for i, para in enumerate(head[:-1]):
        dossier = HEADING_DOSSIER.match(para)
        number = HEADING_NUMBER.match(head[i + 1]) if dossier else None
        first = i
        while number and first > 0 and HEADING_DOSSIER.match(head[first - 1]):
            first -= 1  # a document in several dossiers is numbered in the first ("29 754" above "27 925")
        dossier = HEADING_DOSSIER.match(head[first]) if number else dossier
        if dossier and number:
            sub = "-".join(part for part in (dossier.group(2), dossier.group(3)) if part)
            _set_kst(meta, _dossier(dossier.group(1), sub or None), number.group(1) or number.group(2))
            return


def _set_kst(meta: Metadata, dossier: str, number: str) -> None:
    """A Kamerstuk's dossier, number and id ("kst-34300-VI-41")."""
    meta.dossier, meta.number = dossier, number
    meta.id = f"kst-{dossier}-{number}"


def _page_id(meta: Metadata, body: str) -> None:
    """The id a web page's header gives the document it shows (``PAGE_ID``), read
    only in the page's first lines, so a "Bron:" in the text cites, not names."""
    head = "\n".join(body.lstrip().splitlines()[:PAGE_HEADER_LINES])
    for match in PAGE_ID.finditer(head):
        if match.group("dossier"):
            _set_kst(meta, match.group("dossier"), match.group("number"))
        elif match.group("mark"):
            sub = match.group("mark_part") or match.group("mark_sub")
            _set_kst(meta, _dossier(match.group("mark"), sub), match.group("mark_number"))
        elif match.group("question"):
            meta.question_number = match.group("question")
            meta.id = f"kv-tk-{meta.question_number}"
        else:
            meta.id = match.group("url_id") or match.group("link_id")
            kst = KST_LINE.match(meta.id)
            if kst:
                meta.dossier = f"{kst.group(1)}-{kst.group(2)}" if kst.group(2) else kst.group(1)
                meta.number = kst.group(3)
        return


def _doc_type(body: str, paragraphs: list[str]) -> str:
    head = "\n".join(paragraphs[:6])
    if ANSWER_BY.search(head) or re.search(r"^Vragen van (?:het lid|de leden)\b", head, re.M):
        return "antwoord_schriftelijke_vragen"
    heading = TITLE_HEADING.search("\n".join(paragraphs[:HEADING_PARAGRAPHS]))
    if heading:
        word = heading.group("title").split()[0]
        if word in ("MOTIE", "GEWIJZIGDE"):
            return "motie"
        if word == "VERSLAG":
            return "verslag"
        if word == "BRIEF":
            return "brief"
    if re.search(r"\bverzoekt de regering\b", body) and re.search(r"\bgehoord de beraadslaging\b", body):
        return "motie"
    if paragraphs and DTN_TITLE.match(paragraphs[0]) and not _signatories(body, paragraphs, "brief"):
        return "dreigingsbeeld"
    if ADDRESSEE.search(body) or LETTER_DATE.search(body) or _signatories(body, paragraphs, "brief"):
        return "brief"
    return "other"


def _date(body: str, doc_type: str) -> str | None:
    if doc_type == "motie":
        proposed = PROPOSED.search(body)
        if proposed:
            return _iso(*proposed.groups())
    if doc_type == "antwoord_schriftelijke_vragen":
        received = RECEIVED.search(body)
        if received:
            return _iso(*received.groups())
    letter = LETTER_DATE.search(body)
    return _iso(*letter.groups()) if letter else None


def _vergaderjaar(body: str, header: Iterable[str], date: str | None, doc_type: str) -> str | None:
    for line in header:
        match = VERGADERJAAR.match(line)
        if match:
            return f"{match.group(1)}-{match.group(2)}"
    own = OWN_VERGADERJAAR.search(body) if doc_type == "antwoord_schriftelijke_vragen" else None
    if own:
        return f"{own.group(1)}-{own.group(2)}"
    if date:
        # A parliamentary year starts in September (Prinsjesdag).
        year, month = int(date[:4]), int(date[5:7])
        start = year if month >= 9 else year - 1
        return f"{start}-{start + 1}"
    return None


def _title(body: str, paragraphs: list[str], doc_type: str) -> str | None:
    if doc_type == "antwoord_schriftelijke_vragen":
        questions = QUESTIONS.search(body)
        if questions:
            return " ".join(questions.group(1).split())
    heading = TITLE_HEADING.search("\n".join(paragraphs[:HEADING_PARAGRAPHS]))
    if heading:
        return heading.group("title").strip()
    if paragraphs and DTN_TITLE.match(paragraphs[0]):
        return paragraphs[0]
    return None


def _signatories(body: str, paragraphs: list[str], doc_type: str) -> list[str]:
    if doc_type == "antwoord_schriftelijke_vragen":
        names = [m.group(1).strip() for m in ANSWER_BY.finditer(body)]
        return list(dict.fromkeys(n for n in names if not re.match(r"(?:van|voor)\b", n)))
    if doc_type == "motie":
        return _motion_signatories(paragraphs)
    names: list[str] = []
    for i, para in enumerate(paragraphs):
        inline = SIGNER_INLINE.match(para)
        if inline:
            names.append(inline.group(2))
        elif SIGNER_ROLE.match(para) and i + 1 < len(paragraphs) and NAME.match(paragraphs[i + 1]):
            names.append(paragraphs[i + 1])
    return list(dict.fromkeys(names))


def _motion_signatories(paragraphs: list[str]) -> list[str]:
    """A motion is signed by its submitters, one surname a line, right after
    "en gaat over tot de orde van de dag." (the first submitter first)."""
    names: list[str] = []
    for i, para in enumerate(paragraphs):
        if not MOTION_END.search(para):
            continue
        lines = [line.strip() for p in paragraphs[i + 1:] for line in p.split("\n") if line.strip()]
        for line in lines:
            if not _whole_name(line):
                break
            names.append(line)
        break
    return list(dict.fromkeys(names))


def _whole_name(line: str) -> bool:
    """The line is one person's name as the name grammar reads it ("Van 't Wout", "Özütok")."""
    from kg.extract.names import match_name  # the one name grammar (Unicode, particles)

    span = match_name(line, 0, lower_start=False)
    return span is not None and span[1] == len(line)
