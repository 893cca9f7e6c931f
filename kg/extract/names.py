"""Dutch (and Arabic) person names as Kamerstukken write them.

Persons are found by the cue before a name ("het lid", "Minister", "motie"),
never by a list of names, so this module supplies the other half: where a
name that starts at a given offset ends, which part is the surname, and a
key that makes "Yesilgöz-Zegerius", "Yeşilgöz-Zegerius" and
"D. Yeşilgöz-Zegerius" the same person while keeping the initials for
later merging. The word lists (surname particles, Arabic name parts, capitalised
words that are never names) are data in ``names.jsonl``.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("names.jsonl")

UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
LOWER = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower()) + "\u0300-\u036f"
"""Lower-case letters, plus combining accents (a text not in NFC writes ş as s + U+0327)."""
SP = r"[ \t\u00a0]+"
_FOLD_EXTRA = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "ß": "ss", "ł": "l",
                             "đ": "d", "’": "'", "‘": "'", "»": "", "«": ""})


def fold(text: str) -> str:
    """Lower case without diacritics, so spelling variants compare equal."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    """A readable, stable identifier part: folded words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _any_case(word: str) -> str:
    """Regex for a word whose first letter may be upper or lower case."""
    first = word[0]
    head = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    return head + re.escape(word[1:]).replace(r"\ ", SP)


@dataclass(frozen=True)
class _Lexicon:
    name_re: re.Pattern[str]
    chunk_re: re.Pattern[str]
    initials_re: re.Pattern[str]
    not_names: frozenset[str]
    arabic_leads: frozenset[str]
    particles: frozenset[str]  # surname particles and their first words, folded ("van", "in", "'t")
    caps_openers: frozenset[str]  # words after which a capitals heading names someone
    caps_stops: frozenset[str]  # words that end a name in a capitals heading
    caps_opener_re: re.Pattern[str]  # an opener in capitals ("LID", "LEDEN")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Build the name grammar once from names.jsonl."""
    words: dict[str, list[str]] = {}
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                words.setdefault(row["kind"], []).append(row["text"])
    by_length = lambda items: sorted(items, key=len, reverse=True)  # noqa: E731
    lead = "|".join(_any_case(p) for p in by_length(words["particle"]))
    inner = "|".join(re.escape(p).replace(r"\ ", SP) for p in by_length(words["inner_particle"]))
    article = "|".join(_any_case(a) for a in by_length(words["arabic_article"]))
    cap = rf"[{UPPER}][{LOWER}]+(?:['’][{UPPER}{LOWER}][{LOWER}]+)?(?:[{UPPER}][{LOWER}]+)*"
    # a married name may join a surname with particles: "De Pater-van der Meer"
    word = rf"(?:(?:{article})-)?{cap}(?:-(?:(?:{inner}){SP})?{cap})*"
    initials = rf"(?:[{UPPER}][a-z]?\.[ \t\u00a0]?)+"
    end = rf"(?![{UPPER}{LOWER}]|-)"
    name = (rf"(?:{initials}[ \t\u00a0]*)?(?:(?:{lead}){SP})?{word}{end}"
            rf"(?:{SP}(?:(?:{inner}){SP})?{word}{end})*")
    chunk = rf"(?:(?P<part>{lead}){SP})?(?P<word>{word}){end}"
    return _Lexicon(
        name_re=re.compile(name),
        chunk_re=re.compile(chunk),
        initials_re=re.compile(rf"^{initials}[ \t\u00a0]*"),
        not_names=frozenset(fold(w) for w in words.get("not_name", [])),
        arabic_leads=frozenset(fold(w) for w in words.get("arabic_lead", [])),
        particles=frozenset(fold(w.split()[0]) for w in words["particle"]),
        caps_openers=frozenset(fold(w) for w in words.get("caps_opener", [])),
        caps_stops=frozenset(fold(w) for w in words.get("caps_stop", [])),
        caps_opener_re=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.upper()) for w in words["caps_opener"])
                                  + r")(?![\w-])"),
    )


@dataclass(frozen=True)
class ParsedName:
    """A written name split into initials, given names and surname.

    ``surname`` keeps its particles as written ("Van der Plas", "al-Hazimi")."""

    written: str
    initials: str
    given: tuple[str, ...]
    surname: str

    @property
    def key(self) -> str:
        return "person/" + slug(self.surname)


def _chunks(text: str) -> list[re.Match[str]]:
    return list(_lexicon().chunk_re.finditer(text))


def parse_name(name: str, *, surname_only: bool = False) -> ParsedName:
    """Split a written name. ``surname_only`` says the cue names people by
    surname alone (MPs: "het lid Michon Derkzen"), so every word is surname."""
    lex = _lexicon()
    name = re.sub(r"\s+", " ", name.strip())
    init = lex.initials_re.match(name)
    initials = init.group(0).strip() if init else ""
    rest = name[init.end():] if init else name
    chunks = _chunks(rest)
    if surname_only or len(chunks) <= 1 or chunks[0].start("word") > chunks[0].start():
        # a name opening with a particle is a surname: "Van Haersma Buma", not given name "Van Haersma"
        return ParsedName(name, initials, (), rest)
    if fold(chunks[0].group("word")) in lex.arabic_leads and len(chunks) == 2 \
            and not chunks[1].group("word").lower().startswith(("al-", "el-")):
        return ParsedName(name, initials, (), rest)  # a kunya: "Abu Qatada"
    last = chunks[-1]
    given = tuple(c.group(0) for c in chunks[:-1])
    return ParsedName(name, initials, given, rest[last.start():])


def person_key(name: str, *, surname_only: bool = False) -> str:
    """``person/<slug of the surname with particles>``, diacritics folded."""
    return parse_name(name, surname_only=surname_only).key


@dataclass(frozen=True)
class NameMatch:
    """A name found in running text, with the party in brackets after it."""

    start: int
    end: int
    text: str
    party: str | None = None
    bracket: str | None = None
    next_pos: int = 0


PARTY_RE = re.compile(r"(?:\d{1,2}(?=[ \t\u00a0]*\())?[ \t\u00a0]*\((?P<inner>[^()\n]{1,120})\)")  # "Azarkan1 (Denk)": a footnote between
_NOT_PARTY = re.compile(r"\b(nr|kamerstuk|ingezonden|zie|p)\b\.?|^\d+$|\b(19|20)\d\d\b"
                        r"|\b\d{2}[ .]?\d{3}\b|^(EK|TK)\b", re.I)  # "(EK 28 764, E)": a Kamerstuk
# "X, Y en Z"; "motie Elissen/Çorüz" (the joint motion of two members)
_LIST_SEPARATOR = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+en[ \t\u00a0]+|/")
# "de leden Oskam en Omtzigt (beiden CDA)": one bracket after a list gives every name its party.
_SHARED_PARTY = re.compile(r"(?:beiden?|allen?|alle\s+\w+)\s+(?P<party>\S.*)", re.I)


def is_not_name(word: str) -> bool:
    """A capitalised word that is never part of a name ("Volgens", "Minister", "Syrië")."""
    return fold(word) in _lexicon().not_names


def looks_like_party(text: str) -> bool:
    """A bracket after an MP's name names a party or group ("SP", "D»66",
    "Groep Bontes/Van Klaveren"), not a date or a reference."""
    text = text.strip()
    return bool(text) and (text[0].isupper() or text[0].isdigit()) \
        and len(text.split()) <= 6 and not _NOT_PARTY.search(text)


def match_name(text: str, pos: int, *, lower_start: bool = True,
               stop: Callable[[str, int], bool] | None = None) -> tuple[int, int] | None:
    """Where the name starting at ``pos`` ends, or None if none starts there.

    The name is cut before a word that is never a name ("Kamer", "Minister")
    and before a chunk for which ``stop(text, chunk_start)`` is true (the
    caller's way to keep "van Buitenlandse Zaken" out of "Minister Koenders").
    ``lower_start=False`` refuses names opening with a lower-case particle.
    """
    lex = _lexicon()
    m = lex.name_re.match(text, pos)
    if not m:
        return None
    if not lower_start and text[pos].islower():
        return None
    init = lex.initials_re.match(m.group(0))
    body_start = pos + (init.end() if init else 0)
    end = None
    real = False
    for i, chunk in enumerate(lex.chunk_re.finditer(text, body_start, m.end())):
        word = chunk.group("word")
        parts = {fold(p) for p in re.split(r"[-\s]", word) if fold(p) not in lex.particles} | {fold(word)}
        if parts & lex.not_names or (i and stop is not None and stop(text, chunk.start())):
            break
        end = chunk.end()
        real = real or (fold(word) not in lex.arabic_leads and fold(word) not in lex.particles)  # not "Van" alone
    if end is None or not real:
        return None
    return pos, end


def match_names(text: str, pos: int, *, many: bool = True, lower_start: bool = True,
                party: bool = True, stop: Callable[[str, int], bool] | None = None) -> list[NameMatch]:
    """Read one name, or a list ("X (VVD), Y en Z (CDA)"), starting at ``pos``."""
    found: list[NameMatch] = []
    while True:
        span = match_name(text, pos, lower_start=lower_start, stop=stop)
        if span is None:
            break
        start, end = span
        party_text, bracket, after = None, None, end
        pm = PARTY_RE.match(text, end)
        if pm:
            bracket = pm.group("inner").strip()
            if party and looks_like_party(bracket):
                party_text = bracket
            after = pm.end()
            second = PARTY_RE.match(text, after) if party and party_text is None else None
            if second and looks_like_party(second.group("inner")):  # "Plasterk (minister van BZK) (PvdA)"
                party_text, after = second.group("inner").strip(), second.end()
        shared = _SHARED_PARTY.fullmatch(bracket) if bracket and party and many else None
        if shared and looks_like_party(shared.group("party")):
            party_text = shared.group("party")
            since = next((i + 1 for i in range(len(found) - 1, -1, -1) if found[i].bracket), 0)
            found[since:] = [replace(n, party=party_text) for n in found[since:]]  # not past an earlier bracket
        found.append(NameMatch(start, end, text[start:end], party_text, bracket, after))
        if not many or (bracket and party_text is None):
            break  # a list goes on after a party, not after a reference: "X (Kamerstuk …) en de …"
        sep = _LIST_SEPARATOR.match(text, after)
        if not sep:
            break
        pos = sep.end()
    return found


_WORD = re.compile(r"[^\s,;:()]+")


def _lower(text: str) -> str:
    """Lower case, character by character, so that the length never changes."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _capitalised(word: str) -> str:
    """"MICHON-DERKZEN" -> "Michon-Derkzen", "O'BRIEN" -> "O'Brien" (same length: a letter
    whose capital is longer, such as ß, stays as it is)."""
    def up(match: re.Match[str]) -> str:
        letter = match.group(2)
        return match.group(1) + (letter.upper() if len(letter.upper()) == 1 else letter)
    return re.sub(rf"(^|[-'’])([{LOWER}])", up, _lower(word))


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _capitals_run(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words in capitals on both sides of text[start:end] (itself such a word), up to
    the first word that is not, within its line: the heading, not the rest of the line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    words = list(_WORD.finditer(text, line_start, line_end))
    at = next(i for i, w in enumerate(words) if w.start() == start)
    first = at
    while first > 0 and _is_caps(words[first - 1].group(0)):
        first -= 1
    last = at
    while last + 1 < len(words) and _is_caps(words[last + 1].group(0)):
        last += 1
    return words[first:last + 1]


def recase_capitals(text: str) -> str:
    """``text`` with the names in capitals headings written as names, same length.

    Kamerstukken print a motion's or amendment's heading in capitals ("MOTIE
    VAN DE LEDEN SAMSOM EN VAN DER STAAIJ C.S."); the name grammar reads
    capitalised words. In a run of capitals words that names members (from
    "LID" or "LEDEN": ``caps_opener`` in names.jsonl; then "EN" or a comma
    opens the next name) each name is recased ("Samsom", "Van der Staaij")
    up to a word that ends it: a particle after a surname, or a ``caps_stop``
    such as "OVER" or "C.S.", after which no more names follow. The run's
    other words are put in lower case, which the case-blind cues still read;
    a word in brackets (a party) is left as it is. Offsets are kept, so spans
    found in the result hold for ``text``."""
    lex = _lexicon()
    out: list[str] | None = None
    done = -1
    for cue in lex.caps_opener_re.finditer(text):  # only runs naming members in capitals
        if cue.start() < done:
            continue
        words = _capitals_run(text, cue.start(), cue.end())
        done = words[-1].end()
        out = list(text) if out is None else out
        members, in_name, previous_particle, opener = False, False, False, False
        for w in words:
            word, folded = w.group(0), fold(w.group(0))
            if text[w.start() - 1:w.start()] == "(":
                continue  # "(CU)": a party keeps its capitals
            if folded in lex.caps_openers or (members and folded == "en"):
                in_name, opener, members, recased = False, True, True, _lower(word)
            elif folded in lex.particles and opener:  # a surname opening with a particle: "VAN RAAK", "TER HORST"
                in_name, opener, recased = True, False, _capitalised(word)
            elif folded in lex.caps_stops:
                in_name, opener, members, recased = False, False, False, _lower(word)
            elif folded in lex.particles:
                if in_name and previous_particle:  # "VAN DER"
                    recased = _lower(word)
                else:  # after a surname a particle starts the rest of the heading
                    in_name, members, recased = False, False, _lower(word)
            elif opener or in_name:
                in_name, recased, opener = True, _capitalised(word), False
            else:
                recased = _lower(word)
            # "FABER-VAN DE KLASHORST": a double name whose second part opens with a particle
            ends_in_particle = "-" in folded and folded.rsplit("-", 1)[1] in lex.particles
            if in_name and ends_in_particle:
                head, tail = recased.rsplit("-", 1)
                recased = f"{head}-{_lower(tail)}"
            previous_particle = in_name and (folded in lex.particles or ends_in_particle)
            out[w.start():w.end()] = recased
            if members and text[w.end():w.end() + 1] == ",":
                in_name, opener = False, True
    return text if out is None else "".join(out)


def initials_of(name: str) -> str:
    """The initials written before a name ("D." in "D. Yeşilgöz-Zegerius")."""
    m = _lexicon().initials_re.match(name.strip())
    return m.group(0).strip() if m else ""
