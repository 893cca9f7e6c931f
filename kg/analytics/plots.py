"""PNG charts of ``kamerkg stats`` (matplotlib, imported lazily on the Agg backend).

Two charts a reader looks at first: the timeline of the most-mentioned
actors per year, and the centrality bar chart. File names are fixed so the
index page can find them: ``timeline.png`` and ``centrality.png``.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PLOT_FILES = ("timeline.png", "centrality.png")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def plot_timeline(result: dict[str, Any], path: Path, top: int = 8) -> Path:
    """Mentions per year of the ``top`` most-mentioned actors, one line each."""
    plt = _pyplot()
    series: dict[str, dict[int, int]] = {}
    for row in result["timeline"]:
        series.setdefault(row["actor"], {})[int(row["year"])] = row["mentions"]
    years = sorted({y for counts in series.values() for y in counts})
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for actor in list(series)[:top]:
        ax.plot(years, [series[actor].get(y, 0) for y in years], marker="o", label=actor)
    ax.set_xticks(years)
    ax.set_xlabel("year (kg:year of the document)")
    ax.set_ylabel("mentions")
    ax.set_title("Mentions per actor per year")
    if series:
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def plot_centrality(result: dict[str, Any], path: Path, top: int = 10) -> Path:
    """PageRank and normalised betweenness of the top actors, horizontal bars."""
    plt = _pyplot()
    rows = result["centrality"][:top][::-1]
    labels = [r["label"] for r in rows]
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.4 * max(len(rows), 4) + 1.2), sharey=True)
    for ax, metric in zip(axes, ("pagerank", "betweenness")):
        ax.barh(labels, [r[metric] for r in rows], color="#4c72b0" if metric == "pagerank" else "#dd8452")
        ax.set_title(metric)
    fig.suptitle("Centrality in the who-did-what graph")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def write_plots(result: dict[str, Any], folder: Path) -> list[Path]:
    """Both charts into ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [plot_timeline(result, folder / PLOT_FILES[0]), plot_centrality(result, folder / PLOT_FILES[1])]
    log.info("plots: %s", ", ".join(str(p) for p in paths))
    return paths
