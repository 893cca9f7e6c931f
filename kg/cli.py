"""The ``kamerkg`` command: parses options and calls the stages.

Exit codes (DESIGN.md): 0 success; 1 user error, one line, no traceback
(``--debug`` shows it); 2 some inputs skipped under ``--strict`` (``fetch``: some documents failed); 3 an
internal error; 4 ``kamerkg validate``: the graph does not conform (a bug: please report it with the ``--debug`` output).
"""
from __future__ import annotations

import json
import logging
import sys
import traceback
from pathlib import Path

import click

from kg import __version__

log = logging.getLogger("kg")

EXIT_USER_ERROR = 1
EXIT_SKIPPED = 2
EXIT_INTERNAL = 3
EXIT_NOT_CONFORMING = 4


class UserError(click.ClickException):
    """A problem with the user's input: one line, exit 1."""

    exit_code = EXIT_USER_ERROR

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"kamerkg: {self.format_message()}", err=True)


def _setup_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="kamerkg: %(message)s" if not debug else "%(levelname)s %(name)s: %(message)s")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamerkg")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Build and query a knowledge graph of Dutch counter-terrorism policy from Kamerstukken."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    _setup_logging(debug)


def _default_corpus() -> Path:
    from kg.paths import corpus_dir

    return corpus_dir()


@cli.command()
@click.argument("corpus", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option("--model", default=None, help="Also run an installed spaCy pipeline (e.g. nl_core_news_lg).")
@click.option("--strict", is_flag=True, help="Exit 2 when any input file was skipped.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: all cores).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: local processes or a dask.distributed cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://HOST:8786); default a local cluster.")
@click.option("--no-cache", is_flag=True, help="Extract every file again, ignoring OUT/cache.")
@click.option("--no-views", is_flag=True,
              help="Leave out the HTML views and GraphML/GEXF files: about a fifth of a large build's time.")
def build(corpus: Path | None, out: Path, model: str | None, strict: bool, jobs: int | None, executor: str,
          scheduler: str | None, no_cache: bool, no_views: bool) -> None:
    """Build OUT (RDF files, SPARQL store, HTML views) from CORPUS (default: the bundled corpus)."""
    from tqdm import tqdm

    from kg.build import BuildError, build as run_build
    from kg.extract.pipeline import ModelNotFound
    from kg.parallel import ExecutorError, default_jobs

    from kg.ingest import IngestError, corpus_files

    corpus = corpus or _default_corpus()
    try:
        total = len(corpus_files(corpus))
    except IngestError as error:
        raise UserError(str(error)) from error
    with tqdm(total=total, desc="extracting", unit="doc", file=sys.stderr, leave=False,
              disable=not sys.stderr.isatty()) as bar:
        try:
            report = run_build(corpus, out, model=model, on_document=lambda _: bar.update(1),
                               jobs=jobs or default_jobs(), executor=executor, scheduler=scheduler,
                               cache=not no_cache, views=not no_views)
        except (BuildError, ModelNotFound, ExecutorError) as error:
            raise UserError(str(error)) from error
    width = max(len(name) for name, _ in report.rows())
    click.echo(f"kamerkg build: {corpus} -> {report.out}")
    for name, value in report.rows():
        click.echo(f"  {name:<{width}}  {value:>8}")
    for skipped in report.skipped:
        click.echo(f"  skipped: {skipped.reason}")
    for conflict in report.conflicts:
        click.echo(f"  conflict: {conflict}")
    if strict and report.skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--model", default=None, help="Also run an installed spaCy pipeline.")
def extract(files: tuple[Path, ...], fmt: str, model: str | None) -> None:
    """Print the extraction JSON (DESIGN.md) of FILES."""
    from kg.export.extraction_json import extract_files
    from kg.extract.pipeline import ModelNotFound

    try:
        payload, problems = extract_files(list(files), model=model)
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    for problem in problems:
        click.echo(f"kamerkg: {problem}", err=True)
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("--saved", default=None, help="Run a saved query by name.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable, e.g. --param entity=https://w3id.org/kamerkg/id/org/nctv.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(out: Path, sparql: str | None, saved: str | None, params: tuple[str, ...], fmt: str) -> None:
    """Run SPARQL on OUT/store (the union of all document graphs is the default graph).

    Saved queries: actions, roles, motions, citations, evidence, timeline, qa."""
    from kg.graph.query import QueryError, run_query

    if bool(sparql) == bool(saved):
        raise UserError("give either a SPARQL query or --saved NAME")
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise UserError(f"--param {param!r}: expected NAME=VALUE")
        bindings[name] = value
    try:
        click.echo(run_query(out, sparql=sparql, saved=saved, fmt=fmt, params=bindings), nl=False)
    except QueryError as error:
        raise UserError(str(error)) from error


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="Rows per section (0: all).")
@click.option("--plot", "plot_dir", type=click.Path(path_type=Path), default=None,
              help="Also write PNG charts here (inside OUT, the index page shows them).")
def stats(out: Path, fmt: str, top: int, plot_dir: Path | None) -> None:
    """Centrality, communities, co-mentions, citations, timeline and measures of OUT's who-did-what graph."""
    from kg.analytics.report import format_stats, stats as run_stats

    try:
        result = run_stats(out, top=top or None)
    except (FileNotFoundError, OSError) as error:
        raise UserError(str(error)) from error
    click.echo(format_stats(result, fmt), nl=False)
    if plot_dir is not None:
        from kg.analytics.plots import write_plots

        paths = write_plots(result, plot_dir)
        click.echo(f"kamerkg stats: {len(paths)} charts -> {plot_dir}", err=True)
        inside = plot_dir.resolve().is_relative_to(out.resolve())
        if inside and (out / "index.html").is_file():
            from kg.views.index import refresh_index

            refresh_index(out)


@cli.command()
@click.option("--gold", "gold", required=True, type=click.Path(path_type=Path), help="Folder of gold JSON files.")
@click.argument("texts", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--details/--no-details", default=True, help="List misses and false positives.")
@click.option("--model", default=None, help="Also run an installed spaCy pipeline.")
def evaluate(gold: Path, texts: tuple[Path, ...], fmt: str, details: bool, model: str | None) -> None:
    """Precision, recall and F1 per category against gold (TEXTS default: GOLD/../seeds/*)."""
    from kg.evaluate import EvaluationError, evaluate_paths
    from kg.export.extraction_json import extract_files
    from kg.extract.pipeline import ModelNotFound

    paths = list(texts)
    if not paths:
        seeds = gold / ".." / "seeds"
        if not seeds.is_dir():
            raise UserError(f"{gold}: give the texts to evaluate (no seeds/ folder beside the gold folder)")
        paths = sorted(p for p in seeds.iterdir() if p.is_file())
    try:
        payload, problems = extract_files(paths, model=model)
        report = evaluate_paths(gold, payload)
    except (EvaluationError, ModelNotFound) as error:
        raise UserError(str(error)) from error
    for problem in problems:
        click.echo(f"kamerkg: {problem}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(report.table())
    if details:
        click.echo(report.details())


@cli.command()
@click.option("--dossier", default=None, help="Dossier number, e.g. 29754.")
@click.option("--type", "types", default=None, help="Document types (dt.type), comma-separated: brief,motie,…")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or after this day.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or before this day.")
@click.option("--query", "cql", default=None, help="Any SRU CQL query instead of --dossier.")
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path), help="Corpus folder.")
@click.option("--rate", type=float, default=1.0, show_default=True, help="Minimum seconds between requests.")
@click.option("--retries", type=int, default=4, show_default=True, help="Retries on 429, 5xx and timeouts.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds to wait for a response.")
@click.option("--backoff", type=float, default=1.0, show_default=True, help="First retry wait; doubles each retry.")
@click.option("--endpoint", default="https://repository.overheid.nl/sru", show_default=True, help="SRU endpoint.")
@click.option("--dry-run", is_flag=True, help="List what would be fetched; write nothing.")
def fetch(dossier: str | None, types: str | None, since: str | None, until: str | None, cql: str | None,
          out: Path, rate: float, retries: int, timeout: float, backoff: float, endpoint: str,
          dry_run: bool) -> None:
    """Fetch a dossier's documents (XML + metadata.xml, PDF as fallback) from KOOP's repository into OUT."""
    from tqdm import tqdm

    from kg.fetch.client import FetchError, PoliteClient
    from kg.fetch.fetcher import fetch as run_fetch
    from kg.fetch.sru import QueryError, SruError, dossier_query

    if bool(dossier) == bool(cql):
        raise UserError("give either --dossier NUMBER or --query CQL")
    if cql and (types or since or until):
        raise UserError("--type, --since and --until go with --dossier; put them in the --query instead")
    try:
        query = cql or dossier_query(dossier or "", (types or "").split(","), since, until)
        client = PoliteClient(rate=rate, retries=retries, timeout=timeout, backoff=backoff)
    except (QueryError, ValueError) as error:
        raise UserError(str(error)) from error
    with client, tqdm(desc="fetching", unit="doc", file=sys.stderr, leave=False) as bar:
        try:
            report = run_fetch(query, out, client, endpoint=endpoint, dry_run=dry_run,
                               on_total=lambda n: bar.reset(total=n), on_record=lambda *_: bar.update(1))
        except (FetchError, SruError) as error:
            raise UserError(f"{error} (documents fetched so far are kept; run again to resume)") from error
    if dry_run:
        for doc_id, files in report.planned:
            click.echo(f"{doc_id}\t" + "\t".join(files[name] for name in sorted(files)))
    click.echo(f"kamerkg fetch: {report.total} results, {len(report.fetched)} fetched, "
               f"{len(report.already)} already there, {len(report.planned)} to fetch (dry run), "
               f"{len(report.malformed)} malformed, {len(report.failed)} failed -> {out}")
    for line in report.malformed:
        click.echo(f"  skipped: {line}")
    for line in report.failed:
        click.echo(f"  failed: {line}")
    if report.gave_up:
        click.echo(f"  {report.gave_up}; run again to resume", err=True)
    if report.failed:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; others are reachable by anyone on the network).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout", default=60, show_default=True, type=click.IntRange(min=1),
              help="Cancel a query after this many seconds.")
def serve(out: Path, host: str, port: int, timeout: int) -> None:
    """Serve OUT/store read-only over the SPARQL 1.1 Protocol, with a query UI; Ctrl-C stops."""
    from kg.serve.server import ServeError, serve as run_serve

    def ready(server) -> None:  # noqa: ANN001 - kg.serve.server.Server, imported lazily
        click.echo(f"kamerkg serve: SPARQL endpoint {server.query_url} (query UI at {server.url}); "
                   "Ctrl-C stops", err=True)

    try:
        run_serve(out, host=host, port=port, timeout=timeout, on_ready=ready)
    except ServeError as error:
        raise UserError(str(error)) from error
    click.echo("kamerkg serve: stopped", err=True)


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path), default=None, help="SHACL shapes (default: ontology/shapes.ttl).")
def validate(out: Path, shapes: Path | None) -> None:
    """Check OUT against the SHACL shapes; exit 0 only if the graph conforms (4 if not)."""
    from kg.graph.validate import ValidationInputError, validate as run_validate

    try:
        result = run_validate(out, shapes)
    except ValidationInputError as error:
        raise UserError(str(error)) from error
    if result.conforms:
        click.echo(f"kamerkg validate: {out} conforms to the shapes")
        return
    click.echo(result.text)
    click.echo(f"kamerkg validate: {out} does not conform ({result.violations} violations)", err=True)
    sys.exit(EXIT_NOT_CONFORMING)


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL, e.g. http://localhost:7878/store or http://host:3030/ds/data.")
@click.option("--graph-per-document", is_flag=True,
              help="One named graph per document (as in kg.trig) instead of the union in one graph.")
@click.option("--user", default=None, help="User for HTTP basic auth (or KAMERKG_PUSH_USER).")
@click.option("--password-env", default="KAMERKG_PUSH_PASSWORD", show_default=True,
              help="Environment variable holding the password.")
def push(out: Path, endpoint: str, graph_per_document: bool, user: str | None, password_env: str) -> None:
    """Upload OUT's graphs to a SPARQL Graph Store endpoint, replacing earlier pushes."""
    from kg.serve.push import PushError, push as run_push

    try:
        report = run_push(out, endpoint, per_document=graph_per_document, user=user, password_env=password_env)
    except PushError as error:
        raise UserError(str(error)) from None
    click.echo(f"kamerkg push: {len(report.graphs)} graphs, {report.triples} triples -> {report.endpoint}")


@cli.command(add_help_option=False,
             context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def bench(ctx: click.Context) -> None:
    """Run the benchmark (options: python -m kg.bench --help) and write bench.json."""
    from kg.bench import main as bench_main

    sys.exit(bench_main(ctx.args))


def main() -> None:
    """Entry point: user errors as one line; tracebacks only with --debug."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False, obj={})
    except click.exceptions.Abort:
        click.echo("kamerkg: interrupted", err=True)
        sys.exit(130)
    except click.UsageError as error:  # a bad option or argument: exit 1 like every user error
        if debug:
            traceback.print_exception(error)
        where = f" (see {error.ctx.command_path} --help)" if error.ctx is not None else ""
        click.echo(f"kamerkg: {error.format_message()}{where}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except click.ClickException as error:
        if debug:
            traceback.print_exception(error.__cause__ or error)
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: report, never dump on users
        if debug:
            raise
        click.echo(f"kamerkg: internal error: {error.__class__.__name__}: {error} (run with --debug for details)",
                   err=True)
        sys.exit(EXIT_INTERNAL)
