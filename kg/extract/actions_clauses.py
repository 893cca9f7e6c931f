"""Clauses of a sentence, as the action rules need them.

Dutch puts the finite verb second in a main clause and last in a
subordinate one, so the rules must know which kind of clause they look at.
A sentence is cut at ``;``/``:``, at subordinating conjunctions and relative
pronouns (the subordinate clause runs to the next comma) and at ``en``/
``maar`` when a new subject and finite verb follow. A main clause interrupted
by a relative clause (``De AIVD, die ..., verstrekt``) stays one clause: its
tokens need not be contiguous.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract.tokens import token_table

MAIN = "main"
SUB = "sub"
SKIP = "skip"
DEMONSTRATIVES = frozenset({"dat", "die", "wat", "wie", "welke"})
"""Sentence-initial, these are pronouns ("Dat betekent ..."), not clause openers."""


@dataclass
class Clause:
    """Token indices (into the Doc) of one clause, its kind, and whether it may
    start with its finite verb (when a subordinate clause stood in first place).

    ``words`` holds the lower-case word at each clause position: the rules read
    them tens of times per clause, so they are copied out of the token table once.
    """

    doc: Doc
    toks: list[int]
    kind: str = MAIN
    verb_first_ok: bool = False
    words: list[str] = field(default_factory=list, repr=False, compare=False)
    _pos: dict[int, int] | None = field(default=None, repr=False, compare=False)
    _lower: list[str] = field(default_factory=list, repr=False)
    _punct: list[bool] = field(default_factory=list, repr=False)
    memo: dict[tuple[str, int], Any] = field(default_factory=dict, repr=False, compare=False)
    """Results the rules computed for this clause (per position), kept while the clause is read."""

    def __post_init__(self) -> None:
        if not self._lower:  # clauses() passes the table's columns in
            table = token_table(self.doc)
            self._lower, self._punct = table.lower, table.punct
        self.words = [self._lower[tok] for tok in self.toks]

    def __len__(self) -> int:
        return len(self.toks)

    def word(self, p: int) -> str:
        """Lower-case text at clause position p ('' outside the clause)."""
        return self.words[p] if 0 <= p < len(self.words) else ""

    def word_of_token(self, tok: int) -> str:
        return self._lower[tok]

    def is_punct(self, p: int) -> bool:
        return 0 <= p < len(self.toks) and self._punct[self.toks[p]]

    def pos_of(self, tok: int) -> int | None:
        """Clause position of a Doc token, None when it is not in this clause."""
        if self._pos is None:
            self._pos = {t: p for p, t in enumerate(self.toks)}
        return self._pos.get(tok)

    def words_after(self, p: int) -> set[str]:
        return {self.word(q) for q in range(p + 1, len(self.toks))}


def clauses(sent: Span, words: dict[str, frozenset[str]],
            starts_main: Callable[[Clause, int], bool], is_verb: Callable[[Clause, int], bool]) -> list[Clause]:
    """The clauses of one sentence. ``starts_main(view, p)`` says whether a new
    main clause (subject + finite verb) starts at position p of the sentence view,
    ``is_verb(view, p)`` whether a known verb stands there: ``en`` only ends a
    main clause that already has a verb ("De DJI en Reclassering zullen ..." is one clause)."""
    doc = sent.doc
    table = token_table(doc)
    space = table.space
    toks = [i for i in range(sent.start, sent.end) if not space[i]]

    def clause(toks: list[int], kind: str = MAIN, verb_first: bool = False) -> Clause:
        return Clause(doc, toks, kind, verb_first, _lower=table.lower, _punct=table.punct)

    view = clause(toks)
    subordinators = words["subordinators"]
    skipping = words["irrealis_subordinators"] | words["relatives"]
    out: list[Clause] = []
    main: list[int] = []
    verb_first = False
    sub: tuple[str, list[int]] | None = None
    sub_closed = False  # a subordinate clause closed since the last break: it took first place
    main_has_verb = False

    for p, tok in enumerate(toks):
        word = view.words[p]
        if word in words["clause_breaks"]:
            if sub is not None:
                out.append(clause(sub[1], sub[0]))
                sub = None
            if main:
                out.append(clause(main, MAIN, verb_first))
            main, verb_first, sub_closed, main_has_verb = [], False, False, False
            continue
        kind = None
        if p > 0 or word not in DEMONSTRATIVES:
            if word in subordinators:
                kind = SUB
            elif word in skipping and not (word == "als" and "zowel" in view.words[:p]):
                kind = SKIP
        if kind is not None:
            if sub is not None:
                out.append(clause(sub[1], sub[0]))
            sub = (kind, [tok])
            continue
        if sub is not None:
            if word == ",":
                out.append(clause(sub[1], sub[0]))
                sub, sub_closed = None, True
            else:
                sub[1].append(tok)
            continue
        if p > 0 and main_has_verb and word in words["clause_coordinators"] and starts_main(view, p + 1):
            out.append(clause(main, MAIN, verb_first))
            main, verb_first, main_has_verb = [], False, False
            continue
        if not main and sub_closed:
            verb_first = True
        main.append(tok)
        main_has_verb = main_has_verb or is_verb(view, p)
    if sub is not None:
        out.append(clause(sub[1], sub[0]))
    if main:
        out.append(clause(main, MAIN, verb_first))
    return out
