"""``kamerkg stats`` output: readable tables, JSON, or one tidy CSV for scripts.

The CSV is long ("tidy") so one file holds every section and pandas can pivot
it: ``section, rank, subject, object, year, metric, value``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

CSV_COLUMNS = ("section", "rank", "subject", "object", "year", "metric", "value")


def stats(out: Path, top: int | None = 10) -> dict[str, Any]:
    """The statistics of a build folder (``kamerkg build`` OUT, or its store)."""
    from kg.analytics.network import to_networkx
    from kg.analytics.stats import compute

    return compute(to_networkx(out), top=top)


def _table(title: str, names: list[str], rows: list[list[Any]]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [min(48, max([len(n)] + [len(r[i]) for r in cells])) for i, n in enumerate(names)]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) if rows else False for i in range(len(names))]

    def line(values: list[str]) -> str:
        last = len(values) - 1  # the last column is never cut
        return "  ".join((v[:w].rjust(w) if num else (v if i == last else v[:w]).ljust(w))
                         for i, (v, w, num) in enumerate(zip(values, widths, numeric))).rstrip()

    body = [line(names), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    return f"{title}\n" + "\n".join(body if rows else body[:2] + ["(none)"]) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return " ".join(str(value).split())


def _timeline_rows(result: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    years = sorted({r["year"] for r in result["timeline"]})
    actors: dict[str, dict[str, int]] = {}
    for row in result["timeline"]:
        actors.setdefault(row["actor"], {})[row["year"]] = row["mentions"]
    rows = [[actor] + [counts.get(y, 0) for y in years] + [sum(counts.values())] for actor, counts in actors.items()]
    return ["actor", *years, "total"], rows


def format_table(result: dict[str, Any]) -> str:
    g = result["graph"]
    parts = [f"who-did-what graph: {g['nodes']} entities, {g['edges']} edges ({g['actions']} actions)\n",
             _table("Centrality (actors and persons, by PageRank)", ["#", "name", "type", "degree", "betweenness",
                                                                      "pagerank"],
                    [[i + 1, r["label"], r["type"], r["degree"], r["betweenness"], r["pagerank"]]
                     for i, r in enumerate(result["centrality"])]),
             _table("Communities (Louvain, seed 42)", ["#", "size", "members"],
                    [[c["community"], c["size"], c["members"]] for c in result["communities"]]),
             _table("Co-mentioned actors (same sentence; same document)", ["actor", "actor ", "sentences",
                                                                            "documents"],
                    [[p["a"], p["b"], p["sentences"], p["documents"]] for p in result["co_mentions"]]),
             _table("Most cited Kamerstukken", ["document", "cited by", "title"],
                    [[r["identifier"], r["cited_by"], r["title"]] for r in result["most_cited"]]),
             _table("Mentions per actor per year", *_timeline_rows(result)),
             _table("Measures per actor (who did what)", ["actor", "measures", "actions", "which"],
                    [[r["label"], r["measures"], r["actions"], r["names"]] for r in result["measures"]])]
    return "\n".join(parts)


def csv_rows(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for i, r in enumerate(result["centrality"], 1):
        rows += [("centrality", i, r["label"], r["type"], "", m, r[m]) for m in ("degree", "betweenness", "pagerank")]
    for c in result["communities"]:
        rows += [("communities", c["community"], member, "", "", "community", c["community"]) for member in c["members"]]
    for i, p in enumerate(result["co_mentions"], 1):
        rows += [("co_mentions", i, p["a"], p["b"], "", m, p[m]) for m in ("sentences", "documents")]
    for i, r in enumerate(result["most_cited"], 1):
        rows.append(("most_cited", i, r["identifier"], r["title"], "", "cited_by", r["cited_by"]))
    for r in result["timeline"]:
        rows.append(("timeline", "", r["actor"], "", r["year"], "mentions", r["mentions"]))
    for i, r in enumerate(result["measures"], 1):
        rows += [("measures", i, r["label"], name, "", "measure", 1) for name in r["names"]]
    return rows


def format_stats(result: dict[str, Any], fmt: str = "table") -> str:
    """``result`` of :func:`stats` as ``table``, ``json`` or ``csv``."""
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(result))
        return buffer.getvalue()
    if fmt == "table":
        return format_table(result)
    raise ValueError(f"unknown format {fmt!r}: table, json or csv")
