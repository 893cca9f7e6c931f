"""kg_persons: persons with the roles and party a Kamerstuk gives them.

Kamerstukken introduce people in a few fixed ways: a role or title before
the name ("Minister Koenders van Buitenlandse Zaken", "burgemeester
Halsema", "de Saoedische geleerde Ahmed Umar al-Hazimi"), MPs with their
party ("het lid Van Raak (SP)"), motion submitters ("motie Dijkhoff c.s.")
and signature blocks ("De Minister van Justitie en Veiligheid,\\nD.
Yeşilgöz-Zegerius"). These cues are regular expressions in
``persons.jsonl``; the role words are SKOS data in ``ontology/roles.ttl``;
where a name ends is decided by :mod:`kg.extract.names`. No list of names
is used, so the component works on people it has never seen.

Each span carries what *this* mention says (roles, party); resolution
merges mentions across the corpus.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.spans import doc_metadata, doc_text, match_text
from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.phrase_regex import phrase_regex, plain_alternation
from kg.extract.regex_guard import compile_guarded
from kg.extract.names import LOWER, UPPER, NameMatch, fold, initials_of, is_not_name, match_names, parse_name
from kg.extract.organization_patterns import FOREIGN
from kg.paths import ontology_dir

log = logging.getLogger(__name__)

PATTERNS = Path(__file__).with_name("persons.jsonl")
GROUP = "kg_persons"
KGO = "https://w3id.org/kamerkg/def#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class Role:
    """A role word from roles.ttl: the label recorded and how it behaves."""

    label: str
    portfolio: bool = False
    cue_only: bool = False
    descriptive: bool = False


@dataclass(frozen=True)
class RoleData:
    roles: dict[str, Role]          # folded written form -> role
    portfolios: dict[str, str]      # folded written form -> preferred label
    title_re: str
    portfolio_title_re: str
    portfolio_re: str
    known_portfolio_re: str


def _alternation(labels: list[str]) -> str:
    return plain_alternation(sorted(labels, key=len, reverse=True))


def _title_alternation(labels: list[str]) -> str:
    """Like :func:`_alternation`, factored into a trie: {TITLE} is tried at every word of
    every document (only in case-insensitive cue patterns, which the trie is made for)."""
    return phrase_regex(sorted(labels, key=len, reverse=True), ignore_case=True)


@lru_cache(maxsize=4)
def load_roles(path: str | None = None) -> RoleData:
    """Read the role and portfolio schemes from Turtle (rdflib imported here,
    so importing the component stays cheap)."""
    import rdflib

    graph = rdflib.Graph().parse(path or str(ontology_dir() / "roles.ttl"), format="turtle")
    skos, kgo = rdflib.Namespace(SKOS), rdflib.Namespace(KGO)
    roles: dict[str, Role] = {}
    portfolios: dict[str, str] = {}
    written: list[str] = []
    with_pf: list[str] = []
    pf_labels: list[str] = []
    for concept in sorted(set(graph.subjects(skos.inScheme, None))):
        pref = str(graph.value(concept, skos.prefLabel))
        labels = [pref] + sorted(str(a) for a in graph.objects(concept, skos.altLabel))
        if "/portfolio/" in str(concept):
            portfolios.update({fold(lab): pref for lab in labels})
            pf_labels += labels
            continue
        role = Role(pref, bool(graph.value(concept, kgo.takesPortfolio)),
                    bool(graph.value(concept, kgo.cueOnly)), bool(graph.value(concept, kgo.descriptive)))
        roles.update({fold(lab): role for lab in labels})
        written += labels
        if role.portfolio:
            with_pf += labels
    known = _alternation(pf_labels)
    generic = rf"(?-i:[{UPPER}][\w&]+(?:(?:,\s*|\s+en\s+|\s+)[{UPPER}][\w&]+)*)"
    return RoleData(roles, portfolios, _title_alternation(written), _title_alternation(with_pf),
                    rf"(?:(?:{known})(?![\w-])|{generic})", rf"(?:{known})(?![\w-])")


@dataclass(frozen=True)
class CuePattern:
    id: str
    cue: re.Pattern[str]
    roles: tuple[str, ...]
    many: bool
    lower_start: bool
    bracket: str | None
    at: str = "end"
    require: str | None = None
    role_group: str | None = None  # a cue group that is itself the role ("griffier van de commissie")
    bracket_roles: bool = False  # the bracket after the name holds offices: "(minister buitenlandse zaken)"


@lru_cache(maxsize=4)
def load_patterns(path: str, roles_path: str | None = None) -> tuple[CuePattern, ...]:
    """Compile the cue patterns, filling {TITLE}, {PTITLE} and {PORTFOLIO}."""
    data = load_roles(roles_path)
    fill = {"{TITLE}": data.title_re, "{PTITLE}": data.portfolio_title_re,
            "{PORTFOLIO}": data.portfolio_re, "{UPPER}": UPPER, "{LOWER}": LOWER}
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            cue = row["cue"]
            for hole, value in fill.items():
                cue = cue.replace(hole, value)
            # each cue is searched over the whole text: the guard skips most positions (same matches)
            out.append(CuePattern(row["id"], compile_guarded(cue, re.IGNORECASE), tuple(row.get("roles", [])),
                                  bool(row.get("many")), bool(row.get("lower_start")), row.get("bracket"),
                                  row.get("at", "end"), row.get("require"), row.get("role_group"),
                                  bool(row.get("bracket_roles"))))
    return tuple(out)


@dataclass
class Candidate:
    """One person mention before it becomes a span."""

    start: int
    end: int
    text: str
    roles: list[str] = field(default_factory=list)
    party: str | None = None
    surname_only: bool = False
    pattern: str = ""


# Patterns naming the members of the chamber whose document it is (Eerste Kamerleden in its documents).
OWN_MEMBER_PATTERNS = frozenset({"signatory", "speaker", "members-present", "mp-singular", "mp-plural", "motion-members",
                                 "page-submitters"})
# Cues whose first word may carry a party ("het CDA-kamerlid X"), not "de CDA-motie van het lid X".
PARTY_PREFIX_PATTERNS = frozenset({"mp-singular", "mp-plural"})
_TITLE_BEFORE = re.compile(r"(?i)(?<![\w-])(?<!de )(?<!het )(?<!een )(?<!uw )"
                           r"(vice-?minister-president|minister-president|vice-?premier)[ \t]*,[ \t]*$")
_ADJ_STEM = re.compile(r"(?:landse|ische|aanse)$")
# The labels of a committee report's heading, when flattened onto one line: "Voorzitter: X Griffier: Y".
_HEADING_LABELS = frozenset({"voorzitter:", "griffier:"})
_HOUSE_NUMBER = re.compile(r"[ \t\u00a0]+\d{1,4}[a-zA-Z]?\b")
_NEXT_LABEL = re.compile(rf"[ \t\u00a0]+[{UPPER}][{LOWER}]+:")


class PersonFinder:
    """Finds person candidates in a text with the compiled cue patterns."""

    def __init__(self, patterns: tuple[CuePattern, ...], roles: RoleData, parties: tuple[str, ...] = ()) -> None:
        self.patterns = patterns
        self.roles = roles
        self.portfolio_after = re.compile(rf"\s+(?P<via>van|voor)\s+(?P<pf>{roles.portfolio_re})")
        self._known_pf = re.compile(rf"(?:van|voor)\s+{roles.known_portfolio_re}")
        self._parties = frozenset(fold(p) for p in parties)
        names = "|".join(re.escape(p) for p in sorted(parties, key=len, reverse=True)) or r"(?!)"
        # "mevrouw Buitenweg van GroenLinks", "de heer Van Raak van de SP": the party, not the name
        self._party_after = re.compile(
            rf"[ \t\u00a0]*\bvan[ \t\u00a0]+(?:de[ \t\u00a0]+|het[ \t\u00a0]+)?(?P<party>{names})(?:-fractie)?(?![\w-])")
        # "het VVD-kamerlid Hans van Baalen": the party glued before the cue word
        self._party_before = re.compile(rf"(?<![\w-])(?P<party>{names})-$")

    def _stop(self, text: str, pos: int) -> bool:
        """Cut a name before "van Buitenlandse Zaken", "van GroenLinks" and adjectives."""
        word = text[pos:pos + 40].split(" ")[0]
        return bool(self._known_pf.match(text, pos)) or bool(self._party_after.match(text, pos)) \
            or bool(_ADJ_STEM.search(word)) or fold(word) in _HEADING_LABELS

    def _portfolio(self, written: str) -> str:
        return self.roles.portfolios.get(fold(written), re.sub(r"\s+", " ", written.strip()))

    def find(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        for pat in self.patterns:
            for cue in pat.cue.finditer(text):
                found.extend(self._read(text, pat, cue))
        return found

    def _read(self, text: str, pat: CuePattern, cue: re.Match[str]) -> list[Candidate]:
        pos = cue.start() if pat.at == "start" else cue.end()
        if pat.at == "start":
            first = re.match(r"\S+\s+", text[pos:pos + 60])
            if first and (fold(first.group(0).strip()) in self.roles.roles or is_not_name(first.group(0).strip())):
                pos += first.end()  # "Nederlander Abu Asim": the title pattern reads the cue word; "Toen Ahmed …"
        names = match_names(text, pos, many=pat.many, lower_start=pat.lower_start,
                            party=pat.bracket == "party", stop=self._stop)
        out = []
        groups = cue.groupdict()
        for name in names:
            # in a list ("Griffier: Tielens-Tripels, Jansen en Pietersen") the last name ends the line
            if pat.require == "initials_or_eol" and not self._signature_like(text, names[-1] if pat.many else name):
                continue
            if pat.require == "known_party" and fold(name.party or "") not in self._parties:
                continue
            if fold(name.text) in self.roles.portfolios:  # "Staatssecretaris Rechtsbescherming": a post
                continue
            if "\n" in cue.group(0) and _HOUSE_NUMBER.match(text, name.end):
                continue  # a letterhead's street on the line under a title: "Turfmarkt 147"
            roles = list(pat.roles) + self._title_roles(text, groups, name, pat, cue.start())
            if pat.role_group and groups.get(pat.role_group):
                roles.append(re.sub(r"\s+", " ", groups[pat.role_group]).strip())
            if pat.bracket_roles and name.bracket and name.bracket != name.party:
                roles += self._bracket_roles(name.bracket)
            party = re.sub(r"\s+", " ", name.party) if name.party else None
            if party is None:  # "mevrouw Buitenweg van GroenLinks", "de heer Van der Vlies van de SGP-fractie"
                after = self._party_after.match(text, name.end)
                party = after.group("party") if after else None
            if party is None and pat.id in PARTY_PREFIX_PATTERNS:  # "het CDA-kamerlid Camiel Eurlings"
                before = self._party_before.search(text, max(0, cue.start() - 30), cue.start())
                party = before.group("party") if before else None
            out.append(Candidate(name.start, name.end, name.text, roles, party,
                                 surname_only=bool(pat.roles and "Tweede Kamerlid" in pat.roles)
                                 or pat.id.startswith("motion"), pattern=pat.id))
        return out

    def _bracket_roles(self, bracket: str) -> list[str]:
        """Offices listed in a bracket: "minister binnenlandse zaken en koninkrijksrelaties",
        "viceminister-president , minister sociale zaken en werkgelegenheid". A title with
        a portfolio counts only with a portfolio the scheme knows, or with none at all
        ("minister "), then as written."""
        roles = []
        for piece in bracket.split(","):
            words = re.sub(r"\s+", " ", piece).strip()
            for cut in range(len(words), 0, -1):  # the longest title the piece opens with
                if cut < len(words) and words[cut] != " ":
                    continue
                role = self.roles.roles.get(fold(words[:cut]))
                if role is None or role.cue_only:
                    continue
                rest = re.sub(r"^(?:van|voor)\s+", "", words[cut:].strip(), flags=re.I)
                if not rest:  # "(minister ) (CDA)": a page that left out the portfolio gives the bare title
                    roles.append(role.label if not role.portfolio else words[:cut])
                elif role.portfolio and fold(rest) in self.roles.portfolios:
                    via = "voor" if words[cut:].strip().lower().startswith("voor ") else "van"
                    roles.append(f"{role.label} {via} {self._portfolio(rest)}")
                break
        return roles

    @staticmethod
    def _signature_like(text: str, name: NameMatch) -> bool:
        """Initials, the end of the line, the next label of a heading ("Voorzitter: X Griffier: Y")
        or the next of two names ("Griffier: Nava/Van Doorn")."""
        rest = text[name.end:name.end + 3]
        return bool(initials_of(name.text)) or rest.strip(" \t") == "" or rest.lstrip(" \t")[:1] in ("\n", "", "/") \
            or bool(_NEXT_LABEL.match(text, name.end))

    def _title_roles(self, text: str, groups: dict[str, Any], name: NameMatch, pat: CuePattern,
                     cue_start: int) -> list[str]:
        title = groups.get("title")
        if not title:
            return []
        role = self.roles.roles.get(fold(re.sub(r"\s+", " ", title)))
        if role is None or role.cue_only:
            return []
        adj = groups.get("adj")
        # "de Turkse premier Erdoğan": another country's office as written, not the Dutch post
        foreign = bool(adj) and not role.descriptive and fold(adj) in FOREIGN
        label = f"{adj} {' '.join(title.split())}" if foreign else role.label
        portfolio = self._portfolio if not foreign else (lambda written: " ".join(written.split()))
        if role.portfolio:
            if groups.get("portfolio"):
                label = f"{label} {groups['via'].lower()} {portfolio(groups['portfolio'])}"
            elif pat.bracket == "portfolio" and name.bracket:
                label = f"{label} van {portfolio(name.bracket)}"
            else:
                after = self.portfolio_after.match(text, name.end)
                if after:
                    label = f"{label} {after.group('via').lower()} {portfolio(after.group('pf'))}"
        elif role.descriptive and adj:
            label = f"{adj} {role.label}"
        # a head of government's title before the title ("Vice-Minister-President, Minister Asscher van
        # SZW", read here, not in the cue, which is tried at every title) or after the portfolio
        # ("de heer Asscher, Minister van SZW, Vice-Minister-President")
        before = _TITLE_BEFORE.search(text, max(0, cue_start - 40), cue_start)
        others = [self.roles.roles.get(fold(t or "")) for t in (before and before.group(1), groups.get("title2"))]
        return [label] + [o.label for o in others if o and not (o.portfolio or o.cue_only) and o.label != label]


def merge(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per stretch of text: overlapping readings are merged,
    the longest extent wins and roles and party are pooled."""
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for cand in cands:
        if out and cand.start < out[-1].end:
            keep = out[-1]
            keep.roles.extend(r for r in cand.roles if r not in keep.roles)
            keep.party = keep.party or cand.party
            keep.surname_only = keep.surname_only or cand.surname_only
            continue
        out.append(Candidate(cand.start, cand.end, cand.text, list(dict.fromkeys(cand.roles)),
                             cand.party, cand.surname_only, cand.pattern))
    return out


def _whole_word(text: str, word: str, after: str = "") -> Iterator[re.Match[str]]:
    r"""``re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-]{after})", text)``.

    Names are looked up this way once per name per document; ``str.find`` jumps
    from one occurrence to the next where the regex would be tried at every
    position, and the regex only checks the surroundings there.
    """
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-]{after})")
    if not word:  # empty matches: finditer's own stepping
        yield from pattern.finditer(text)
        return
    pos = text.find(word)
    while pos != -1:
        match = pattern.match(text, pos)
        if match is None:
            pos = text.find(word, pos + 1)
        else:
            yield match
            pos = text.find(word, match.end())


def _propagate(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Later bare mentions ("Grapperhaus") of a surname already introduced
    in this document; they carry no roles of their own."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    surnames = {parse_name(c.text, surname_only=c.surname_only).surname: c.surname_only for c in cands}
    extra = []
    for surname, only in surnames.items():
        if len(surname) < 3:
            continue
        for m in _whole_word(text, surname, after=r"|\s*\)"):
            span = range(m.start(), m.end())
            if not any(i in taken for i in span):
                extra.append(Candidate(m.start(), m.end(), m.group(0), [], None, only, "propagate"))
                taken.update(span)
    return extra


def _married_names(parsed: list[Any]) -> dict[str, Any]:
    """Within one document, a surname that is one part of a double name given
    there too is that person: a page header's "Ingrid Michon" and the text's
    "Michon-Derkzen". Only for a name with a first name, and only when one double
    name has the part ("Minister Dekker" beside "het lid Dekker-Abdulaziz" stays apart)."""
    doubles: dict[str, list[Any]] = {}
    for name in parsed:
        if "-" in name.surname:
            for part in name.surname.split("-"):
                doubles.setdefault(fold(part), [])
                if all(other.key != name.key for other in doubles[fold(part)]):
                    doubles[fold(part)].append(name)
    out = {}
    for name in parsed:  # only a name written with a first name, as a page header gives it
        targets = doubles.get(fold(name.surname), []) if "-" not in name.surname and name.given else []
        if len(targets) == 1:
            out[name.key] = targets[0]
    return out


def _party_names() -> tuple[str, ...]:
    """Every written form of a political party in the actor gazetteer."""
    from kg.graph.gazetteer import load_actors

    return tuple(sorted({label for entry in load_actors() if entry.kind == "party"
                         for label in (*entry.labels, *entry.exact_labels)}))


def _org_chars(doc: Doc) -> set[int]:
    """Character offsets inside organisation names (when kg_organizations ran)."""
    if "kg_organizations" not in doc.spans:
        return set()
    return {i for s in doc.spans["kg_organizations"] for i in range(s.start_char, s.end_char)}


def _submitters_are_members(metadata: object) -> bool:
    """Whether those a page's header lists as its "Indieners" are Kamerleden: on a
    written question's page or a motion's, yes (of the Eerste Kamer where the
    document is that chamber's, see OWN_MEMBER_PATTERNS); on a letter or report
    the header does not say."""
    return (getattr(metadata, "id", None) or "").startswith("kv-tk-") or getattr(metadata, "type", None) == "motie"


class PersonsComponent:
    """spaCy component writing Person spans to ``doc.spans["kg_persons"]``."""

    def __init__(self, patterns_path: str, roles_path: str | None, propagate: bool) -> None:
        roles = load_roles(roles_path)
        self.finder = PersonFinder(load_patterns(patterns_path, roles_path), roles, _party_names())
        self.propagate = propagate

    def __call__(self, doc: Doc) -> Doc:
        text = match_text(doc)  # names in capitals headings read as names ("LID HIDDEMA")
        found = self.finder.find(text) + self._signatories(doc)
        metadata = doc_metadata(doc)
        if _submitters_are_members(metadata):
            for cand in found:  # a written question's or a motion's page: who filed it is a member
                if cand.pattern == "page-submitters" and not cand.roles:
                    cand.roles = ["Tweede Kamerlid"]
        if getattr(metadata, "chamber", None) == "Eerste Kamer":
            for cand in found:  # who signs, speaks or attends is a senator (not "het Tweede Kamerlid X")
                if cand.pattern in OWN_MEMBER_PATTERNS:
                    cand.roles = ["Eerste Kamerlid" if r == "Tweede Kamerlid" else r for r in cand.roles]
        cands = merge(found)
        if self.propagate:
            cands = merge(cands + _propagate(text, cands))
        orgs = _org_chars(doc)
        fullest: dict[str, str] = {}
        keyed = []
        for cand in cands:
            inside_org = orgs and all(i in orgs for i in range(cand.start, cand.end))
            if inside_org and cand.pattern.startswith(("arabic", "propagate", "honorific")):
                continue
            keyed.append((cand, parse_name(cand.text, surname_only=cand.surname_only)))
        married = _married_names([parsed for _, parsed in keyed])
        keyed = [(cand, married.get(parsed.key, parsed)) for cand, parsed in keyed]
        for cand, parsed in keyed:
            if len(cand.text) > len(fullest.get(parsed.key, "")):
                fullest[parsed.key] = cand.text
        spans = []
        for cand, parsed in keyed:
            # strict, else contract: an expanded "motie-Van der Staaij" would share its
            # offsets, and so its span._.kg (spaCy keys extensions by offsets), with the motion
            span = doc.char_span(cand.start, cand.end, label="Person", kb_id=parsed.key) \
                or doc.char_span(cand.start, cand.end, label="Person", kb_id=parsed.key, alignment_mode="contract") \
                or doc.char_span(cand.start, cand.end, label="Person", kb_id=parsed.key, alignment_mode="expand")
            if span is None:
                log.debug("person %r at %d does not align with tokens", cand.text, cand.start)
                continue
            span._.kg = {"label": fullest[parsed.key], "text": cand.text, "roles": cand.roles,
                         "party": cand.party, "initials": parsed.initials or None,
                         "surname": parsed.surname, "pattern": cand.pattern}
            spans.append(span)
        doc.spans[GROUP] = spans
        return doc

    def _signatories(self, doc: Doc) -> list[Candidate]:
        """The signatories ingest read from the document, where they occur. A motion's
        are Kamerleden: only members propose motions ("Sjoerdsma" signs under
        "MOTIE VAN HET LID SJOERDSMA C.S." with the "c.s.", his fellow members)."""
        metadata = doc_metadata(doc)
        names = getattr(metadata, "signatories", None) or []
        motion = getattr(metadata, "type", None) == "motie"
        roles = ["Tweede Kamerlid"] if motion else []
        out = []
        for name in names:
            for m in _whole_word(doc_text(doc), name):
                out.append(Candidate(m.start(), m.end(), m.group(0), list(roles), None, motion, "signatory"))
        return out


@Language.factory(
    "kg_persons",
    default_config={"patterns_path": None, "roles_path": None, "propagate": True},
)
def make_persons(nlp: Language, name: str, patterns_path: str | None, roles_path: str | None,
                 propagate: bool) -> PersonsComponent:
    """Persons from role, MP, motion and signature cues (see persons.jsonl)."""
    return PersonsComponent(patterns_path or str(PATTERNS), roles_path, propagate)
