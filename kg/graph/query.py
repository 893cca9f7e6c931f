"""SPARQL over a build's store, with results as a table, CSV or JSON.

Queries run on Oxigraph with the union of all named graphs as the default
graph. Saved queries are ``kg/graph/queries/NAME.rq``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

QUERIES_DIR = Path(__file__).with_name("queries")


class QueryError(Exception):
    """A query that cannot run: no store, unknown saved query, bad SPARQL."""


def saved_queries() -> dict[str, Path]:
    return {path.stem: path for path in sorted(QUERIES_DIR.glob("*.rq"))}


def load_saved(name: str) -> str:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; saved queries: {', '.join(queries) or 'none'}")
    return queries[name].read_text(encoding="utf-8")


def _substitutions(params: dict[str, str] | None) -> dict:
    """``--param name=value``: an IRI when the value looks like one, else a literal."""
    import pyoxigraph as ox

    result = {}
    for name, value in (params or {}).items():
        term = ox.NamedNode(value) if "://" in value else ox.Literal(value)
        result[ox.Variable(name)] = term
    return result


def select(out: Path, sparql: str, params: dict[str, str] | None = None) -> tuple[list[str], list[list[str | None]]]:
    """Run a query; returns the variable names and rows of plain strings."""
    import pyoxigraph as ox

    from kg.graph.store import StoreMissing, open_build_store

    try:
        store = open_build_store(out)
    except StoreMissing as error:
        raise QueryError(str(error)) from error
    try:
        result = store.query(sparql, use_default_graph_as_union=True, substitutions=_substitutions(params))
    except (SyntaxError, ValueError) as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [
            [str(t.subject), str(t.predicate), str(t.object)] for t in result]
    names = [v.value for v in result.variables]
    rows = [[None if solution[name] is None else solution[name].value for name in names]
            for solution in result]
    return names, rows


def format_rows(names: list[str], rows: list[list[str | None]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return buffer.getvalue()
    cells = [[" ".join(("" if v is None else v).split()) for v in row] for row in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in cells])) for i, n in enumerate(names)]
    def line(values: list[str]) -> str:
        return " | ".join(v[:w].ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def run_query(out: Path, sparql: str | None = None, saved: str | None = None, fmt: str = "table",
              params: dict[str, str] | None = None) -> str:
    text = sparql if sparql is not None else load_saved(saved or "")
    names, rows = select(out, text, params)
    return format_rows(names, rows, fmt)
