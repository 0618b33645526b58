"""The `wirewatch` command: parse options, call the library, print for people."""

from __future__ import annotations

import json
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import ConfigError, WirewatchError, printable
from .settings import HELP, Settings
from .store import Store

# Exit codes, the same for every command.
EXIT_OK = 0        # everything given was stored, extracted, written
EXIT_SKIPPED = 1   # done, but some inputs were skipped or some articles failed extraction (each named)
EXIT_USAGE = 2     # nothing done: a bad option or setting, a missing store, a store locked too long
EXIT_INTERNAL = 3  # wirewatch itself failed: one line names it; --debug shows the traceback
EXIT_PIPE = 141    # standard output's reader went away (`| head -1`): quiet, as a Unix tool SIGPIPE stops

app = typer.Typer(
    help="wirewatch: a sourced ledger of an armed conflict from the news. Exit codes: 0 done; 1 some inputs "
         "skipped or articles failed (each named); 2 bad option, setting or store; 3 internal error (--debug "
         "for the traceback); 141 standard output closed by its reader (| head).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOption = typer.Option(None, "--db", help=HELP["db"] + " Default: wirewatch.db in the working directory.")
WorkersOption = typer.Option(1, "--workers", "-w", min=1, max=64, help="Processes for extraction.")


def _dask_spec(spec: Optional[str]) -> Optional[str]:
    """A bad --dask is refused with the other bad options, before anything is ingested."""
    from .parallel import check_dask

    if spec is not None:
        try:
            check_dask(spec)
        except WirewatchError as exc:
            err.print(f"[red]error:[/] {escape(exc.line())}", soft_wrap=True, highlight=False)
            raise typer.Exit(EXIT_USAGE) from None
    return spec


DaskOption = typer.Option(None, "--dask", callback=_dask_spec, help="Extract on Dask: local:N starts N workers here, "
                                                                     "tcp://host:8786 joins a running scheduler.")



class ArticleFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        out.print(f"wirewatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    debug: bool = typer.Option(False, "--debug", envvar="WIREWATCH_DEBUG",
                               help="On an internal error, show the traceback. Env WIREWATCH_DEBUG=1."),
) -> None:
    """wirewatch reads news about an armed conflict and keeps a ledger traced to its sentences."""
    _STATE["debug"] = debug


_STATE = {"debug": False}


def _settings(writes: bool = False, persistent: bool = True, out: Optional[Path] = None, **overrides) -> Settings:
    """The settings from options and environment; a store the command cannot use ends it with exit 2:
    an in-memory one where the command's work must outlive it (`persistent`), a read-only one
    (`?mode=ro`) where the command `writes`, and one that the command's output file (`out`: --out,
    --alerts) would overwrite, as a report written over the store destroys it."""
    from .store.db import in_memory, is_read_only, sqlite_path

    try:
        settings = Settings.from_env(**overrides)
    except WirewatchError as exc:
        err.print(f"[red]error:[/] {exc.line()}")
        raise typer.Exit(2) from None
    problem = None
    if persistent and in_memory(settings.db):
        problem = "an in-memory store keeps nothing after this command; give a file (--db wirewatch.db)"
    elif writes and is_read_only(settings.db):
        problem = "the store is opened read-only (mode=ro) and this command writes to it; drop ?mode=ro"
    elif out is not None and sqlite_path(settings.db) is not None and _same_file(out, sqlite_path(settings.db)):
        problem = f"the output file {out} is the store itself; writing it would destroy the store; name another file"
    if problem:
        err.print(f"[red]error:[/] {escape(printable(settings.db))}: {problem}", soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    return settings


def _same_file(out: Path, store: Path) -> bool:
    """Whether writing `out` would write the store's file or one of SQLite's files beside it."""
    target = out.expanduser().resolve()
    store = store.expanduser().resolve()
    return target in {store, *(store.with_name(store.name + end) for end in ("-wal", "-shm", "-journal"))}


def require_store(settings: Settings) -> None:
    """Commands that read a store refuse a SQLite file that is not there (a typo in --db), rather than
    create an empty store and show an empty ledger."""
    from .store.db import sqlite_path

    path = sqlite_path(settings.db)
    if path is not None and not path.exists():
        err.print(f"[red]error:[/] {escape(settings.db)}: no such store; run `wirewatch run PATH --db "
                  f"{escape(settings.db)}` first, or check the name", soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_USAGE)


def _open_store(settings: Settings) -> Store:
    _STATE["db"] = settings.db
    try:
        return Store(settings.db, settings.lock_wait)
    except WirewatchError as exc:
        err.print(f"[red]error:[/] {exc.line()}")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders: .txt, .html, .jsonl, .warc(.gz), .rss/.atom/.xml."),
    db: Optional[str] = DbOption,
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=HELP["max_bytes"] + " Default: 20 MB."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Processes for cleaning."),
) -> None:
    """Read articles into the store; a bad file is named and skipped, the rest goes on.

    Exit code 0 when every input was stored or already present, 1 when some were skipped.
    """
    settings = _settings(db=db, max_bytes=max_bytes, workers=workers, writes=True)
    with _open_ledger(settings) as handle:
        report = _ingest_with_progress(paths, handle, quiet)
    _print_ingest_report(report)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SKIPPED)


def _ingest_with_progress(paths, handle, quiet):
    """`Wirewatch.ingest` with a progress bar on a terminal."""
    if quiet or not err.is_terminal:
        return handle.ingest(paths)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("", total=None)
        return handle.ingest(
            paths,
            progress=lambda source, outcome: bar.update(task, advance=1, description=Path(source).name[:40]),
            on_total=lambda total: bar.update(task, total=total),
        )


def _print_ingest_report(report) -> None:
    for note in report.notes:
        err.print(f"[yellow]note:[/] {escape(note)}", highlight=False, soft_wrap=True)
    for skipped in report.skipped:
        err.print(f"[red]skipped:[/] {escape(skipped.line())}", highlight=False, soft_wrap=True)
    summary = Table(title="ingest", show_header=True)
    summary.add_column("outcome")
    summary.add_column("articles", justify="right")
    summary.add_row("ingested", str(len(report.stored)))
    summary.add_row("already present", str(len(report.already_present)))
    summary.add_row("skipped", str(len(report.skipped)), style="red" if report.skipped else None)
    err.print(summary)


@app.command()
def articles(
    db: Optional[str] = DbOption,
    format: ArticleFormat = typer.Option(ArticleFormat.table, "--format", "-f", help="table, or jsonl with the clean text."),
) -> None:
    """List the stored articles: a table, or one JSON object per article with its text.

    The extraction column says whether this pipeline version extracted the article ("ok"), has
    not yet ("pending"), or failed on it ("failed", the reason printed under the table)."""
    from .version import pipeline_version

    settings = _settings(db=db)
    require_store(settings)
    version = pipeline_version()
    with _open_store(settings) as store:
        states = store.extraction_states()
        if format is ArticleFormat.jsonl:
            for article in store.articles():
                made_by, problem = states.get(article.id, (None, None))
                record = {**article_json(article), "extraction": _extraction_state(made_by, problem, version),
                          "extraction_problem": problem}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        table = Table(title=f"{store.count_articles()} articles in {settings.db}")
        narrow = out.width < 110
        table.add_column("id", no_wrap=True, min_width=8)
        table.add_column("name", overflow="ellipsis", no_wrap=True, max_width=12 if narrow else 24)
        table.add_column("outlet", overflow="ellipsis", no_wrap=True, max_width=10 if narrow else 18)
        table.add_column("date", no_wrap=True, min_width=10)
        table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=max(12, out.width - 84))
        table.add_column("words", justify="right", no_wrap=True, min_width=5)
        table.add_column("extraction", no_wrap=True, min_width=7)
        problems = []
        for article in store.articles():
            made_by, problem = states.get(article.id, (None, None))
            state = _extraction_state(made_by, problem, version)
            if problem:
                problems.append(printable(f"{state}: {article.name} ({article.source}): {problem}"))
            table.add_row(
                escape(article.id[:8]),
                escape(printable(article.name)),
                escape(printable(article.outlet or "")),
                article.published.isoformat() if article.published else "",
                escape(printable(article.title or "")[:70]),
                str(article.words),
                state,
            )
        out.print(table)
        for line in problems:
            out.print(line, markup=False, highlight=False, soft_wrap=True)


def _extraction_state(made_by: str | None, problem: str | None, version: str) -> str:
    if made_by != version:
        return "pending"
    if problem and not problem.startswith("note:"):
        return "failed"
    return "ok"


@app.command()
def extract(
    paths: list[Path] = typer.Argument(None, help="Files or folders to ingest and extract; none: every stored article."),
    db: Optional[str] = DbOption,
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl (shared/eval/SCHEMA.md) or table."),
    force: bool = typer.Option(False, "--force", help="Extract again even when this pipeline version already did."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int = WorkersOption,
    dask: Optional[str] = DaskOption,
) -> None:
    """Extract figures, places, claims, agreements and events, one JSON object per article; results are
    stored with the articles."""
    from .export.jsonl import extraction_record

    settings = _settings(db=db, writes=True, persistent=False)
    with _open_ledger(settings) as handle:
        report = None
        ids = None  # every stored article
        if paths:
            report = _ingest_with_progress(paths, handle, True)
            ids = list(report.article_ids)
        failed: list[str] = []
        try:
            results = handle.extractions(ids, force=force, workers=workers, dask=dask, progress=_failures_into(failed))
            if format is ExtractFormat.jsonl:
                for extraction in results:
                    sys.stdout.write(json.dumps(extraction_record(extraction), ensure_ascii=False) + "\n")
                    sys.stdout.flush()
            else:
                _print_extraction_table(results)
        except WirewatchError as exc:
            err.print(f"[red]error:[/] {exc.line()}", soft_wrap=True)
            raise typer.Exit(2) from None
        _print_failures(handle, failed)
    if report is not None and report.skipped:
        for skipped in report.skipped:
            err.print(f"[red]skipped:[/] {escape(skipped.line())}", highlight=False, soft_wrap=True)
    if (report is not None and report.skipped) or failed:
        raise typer.Exit(EXIT_SKIPPED)


def _failures_into(failed: list[str], then=None):
    """A progress callback that collects the sources of articles whose extraction failed."""
    def progress(source: str, outcome: str) -> None:
        if outcome == "failed":
            failed.append(source)
        if then is not None:
            then(source, outcome)
    return progress


def _print_failures(handle, failed: list[str]) -> None:
    """One line per article whose extraction failed, with the reason the store keeps."""
    for source, reason in handle.extraction_problems(failed):
        err.print(f"[red]failed:[/] {escape(printable(source))}: {escape(printable(reason))}", highlight=False,
                  soft_wrap=True)


def _print_extraction_table(results) -> None:
    table = Table(title="extracted")
    table.add_column("article", no_wrap=True, max_width=20)
    table.add_column("kind")
    table.add_column("value", justify="right")
    table.add_column("qualifier")
    table.add_column("claimant", overflow="ellipsis", max_width=30)
    table.add_column("places", overflow="fold", max_width=40)
    for extraction in results:
        places = ", ".join(p.name for p in extraction.places)
        if not extraction.figures:
            table.add_row(extraction.article.name, "", "", "", "", places)
        for index, figure in enumerate(extraction.figures):
            label = f"{figure.kind.value}{' (historical)' if figure.historical else ''}"
            table.add_row(extraction.article.name if index == 0 else "", label, f"{figure.value:,}",
                          figure.qualifier.value, figure.claimant, places if index == 0 else "")
    out.print(table)


@app.command()
def classify(
    file: Path = typer.Argument(..., help="Snippets: one per line, or a TSV with 'id' and 'EventSnippet' columns."),
) -> None:
    """Label each snippet with one of the 30 CASE 2021 event types; prints id<TAB>label."""
    import csv

    from .extract.event_types import classify_snippet

    if not file.is_file():
        problem = "is a folder" if file.is_dir() else "no such file"
        err.print(f"[red]error:[/] {file}: {problem}; give a text or TSV file of snippets", soft_wrap=True)
        raise typer.Exit(2)
    from .errors import BadInput
    from .ingest.sniff import decode, read_checked
    from .settings import Settings

    try:  # the ingest path's checks: a binary or oversized file is named, never labelled line by line
        text = decode(read_checked(file, Settings.from_env().max_bytes), str(file))[0] if file.stat().st_size else ""
    except BadInput as exc:
        err.print(f"[red]error:[/] {escape(exc.line())}; give a text or TSV file of snippets", soft_wrap=True,
                  highlight=False)
        raise typer.Exit(2) from None
    lines = text.splitlines()
    header = lines[0].split("\t") if lines else []
    if "EventSnippet" in header:
        rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)  # quotes are text in snippets
        items = ((row.get("id") or str(n), row.get("EventSnippet") or "") for n, row in enumerate(rows, 1))
    else:
        items = ((str(n), line) for n, line in enumerate(lines, 1) if line.strip())
    for ident, snippet in items:
        sys.stdout.write(f"{ident}\t{classify_snippet(snippet)}\n")


class ReportFormat(str, Enum):
    html = "html"
    md = "md"
    json = "json"


class LedgerFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"


def _date_option(value: Optional[str], name: str):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/] {name} {value!r}: expected a date as YYYY-MM-DD", soft_wrap=True)
        raise typer.Exit(2) from None


def _period(since: Optional[str], until: Optional[str]):
    """The --since and --until days; a first day after the last is a usage error (an empty report
    would look like a quiet period)."""
    first, last = _date_option(since, "--since"), _date_option(until, "--until")
    if first and last and first > last:
        err.print(f"[red]error:[/] --since {first} is after --until {last}", soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    return first, last


def _open_ledger(settings: Settings):
    from .api import Wirewatch

    _STATE["db"] = settings.db
    try:
        return Wirewatch(settings.db, settings)
    except WirewatchError as exc:
        err.print(f"[red]error:[/] {exc.line()}", soft_wrap=True)
        raise typer.Exit(2) from None




def _extract_with_progress(handle, quiet: bool, workers: int = 1, dask: Optional[str] = None) -> list[str]:
    """`Wirewatch.extractions` of every stored article, with a progress bar on a terminal; the
    sources of those that failed. A bad --dask or --workers ends the command with exit code 2."""
    failed: list[str] = []
    try:
        if quiet or not err.is_terminal:
            for _ in handle.extractions(workers=workers, dask=dask, progress=_failures_into(failed)):
                pass
            return failed
        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("", total=handle.store.count_articles())
            advance = _failures_into(failed, lambda source, outcome: bar.update(task, advance=1))
            for _ in handle.extractions(workers=workers, dask=dask, progress=advance):
                pass
        return failed
    except WirewatchError as exc:
        err.print(f"[red]error:[/] {exc.line()}", soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles."),
    db: Optional[str] = DbOption,
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="Report file; .html, .md or .json."),
    since: Optional[str] = typer.Option(None, help="First day of the report (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Last day of the report (YYYY-MM-DD)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
    workers: int = WorkersOption,
    dask: Optional[str] = DaskOption,
) -> None:
    """Ingest, extract, update the ledger and write the situation report, in one go."""
    settings = _settings(db=db, writes=True, out=out)
    first, last = _period(since, until)
    fmt = {".md": "md", ".json": "json"}.get(out.suffix.lower(), "html")
    with _open_ledger(settings) as handle:
        report = _ingest_with_progress(paths, handle, quiet)
        _print_ingest_report(report)
        failed = _extract_with_progress(handle, quiet, workers, dask)
        _print_failures(handle, failed)
        content = handle.report(first, last, "json")
        from .report import render

        out.write_text(render(content, fmt), encoding="utf-8")
    c = content["counts"]
    err.print(f"{c['incidents']} incidents ({c['disputed']} disputed), {c['agreements']} agreements, "
              f"{len(content['figures']['series'])} figure series from {c['articles']} articles in "
              f"{c['source_groups']} source groups")
    out_console = Console()
    out_console.print(f"report written to {out.resolve()}", soft_wrap=True, highlight=False, markup=False)
    raise typer.Exit(EXIT_OK if report.ok and not failed else EXIT_SKIPPED)


@app.command()
def report(
    db: Optional[str] = DbOption,
    format: ReportFormat = typer.Option(ReportFormat.html, "--format", "-f", help="html, md or json."),
    since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
) -> None:
    """Write the situation report of what the store holds."""
    settings = _settings(db=db, out=out)
    first, last = _period(since, until)
    require_store(settings)
    with _open_ledger(settings) as handle:
        text = handle.report(first, last, format.value)
    text = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False, indent=2)
    _write_or_print(text, out)


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl (per article), csv, acled (ACLED's "
                                                                    "columns) or geojson (per incident)."),
    db: Optional[str] = DbOption,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
) -> None:
    """Export the ledger: JSON Lines per article (SCHEMA.md), CSV with ACLED-like columns, or GeoJSON."""
    from .export.jsonl import extraction_record
    from .export.tables import incident_rows

    settings = _settings(db=db, out=out)
    require_store(settings)
    with _open_ledger(settings) as handle:
        if format is ExportFormat.jsonl:
            from .corpus.corrections import checked_mentions

            checked = checked_mentions(handle.ledger())
            text = "".join(json.dumps(extraction_record(e, checked), ensure_ascii=False) + "\n"
                           for e in handle.extractions())
        else:
            from .report.sitrep import References

            refs = References(handle.store)
            rows = incident_rows(handle.ledger(), refs.outlet)
            if format is ExportFormat.acled:
                from .export.acled import acled_rows, to_acled_csv

                text = to_acled_csv(acled_rows(handle.ledger(), refs.outlet))
            elif format is ExportFormat.csv:
                from .export.csv import to_csv

                text = to_csv(rows)
            else:
                from .export.geojson import to_geojson

                text = to_geojson(rows) + "\n"
    _write_or_print(text, out)


@app.command()
def ledger(
    db: Optional[str] = DbOption,
    format: LedgerFormat = typer.Option(LedgerFormat.table, "--format", "-f",
                                        help="table, or json (the ledger export of SCHEMA.md)."),
    output: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
) -> None:
    """Print the ledger: incidents, figure series, agreements and shared source groups, as tables or JSON."""
    settings = _settings(db=db, out=output)
    require_store(settings)
    with _open_ledger(settings) as handle:
        book = handle.ledger()
        if format is LedgerFormat.json:
            from .export.ledger import ledger_record

            _write_or_print(json.dumps(ledger_record(book), ensure_ascii=False, indent=1), output)
            return
        from .report.sitrep import References

        refs = References(handle.store)
        # --out: the same tables, written to the file (plain text, no colours).
        sink = Console(file=output.open("w", encoding="utf-8"), width=120, no_color=True) if output else out
        table = Table(title=f"{len(book.incidents)} incidents")
        for column in ("date", "incident", "place", "status", "claims", "groups"):
            table.add_column(column, overflow="fold")
        for i in book.incidents:
            table.add_row(str(i.date or ""), i.acled or i.label, i.place.name if i.place else ", ".join(i.place_names),
                          i.status.value, str(len(i.claims)), str(len(i.groups)))
        sink.print(table)
        table = Table(title="figure series (one claimant, kind, group and scope each; never summed)")
        for column in ("claimant", "kind", "group", "scope", "latest", "as of", "points"):
            table.add_column(column, overflow="fold")
        for s in book.series:
            table.add_row(s.claimant, s.kind.value, s.group, s.scope, f"{s.latest.qualifier.value} {s.latest.value:,}",
                          str(s.latest.as_of or ""), str(len(s.points)))
        sink.print(table)
        for group in sorted({s.group for s in book.series}):
            low = book.conservative(group=group)
            if low is not None:
                sink.print(f"conservative killed figure, {group} (lowest latest conflict-wide count): {low:,}")
        table = Table(title="agreements")
        for column in ("date", "kind", "venue", "mediators", "mentions", "alleged violations"):
            table.add_column(column, overflow="fold")
        for a in book.agreements:
            table.add_row(str(a.date or ""), a.kind.value, a.venue or "", ", ".join(a.mediators), str(len(a.mentions)),
                          str(len(a.violations)))
        sink.print(table)
        shared = [g for g in book.groups if len(g.members) > 1]
        if shared:
            table = Table(title="source groups carrying one origin text")
            table.add_column("group")
            table.add_column("outlets", overflow="fold")
            for g in shared:
                table.add_row(g.id, ", ".join(refs.outlet(m) for m in g.members))
            sink.print(table)
        if output:
            sink.file.close()
            err.print(f"ledger written to {escape(str(output))}", highlight=False)


@app.command()
def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, envvar="WIREWATCH_TOKEN",
                                        help="Accept POST /api/articles with this bearer token; without one the "
                                             "server is read-only. Env WIREWATCH_TOKEN."),
) -> None:
    """Serve the dashboard and JSON API over the store."""
    import uvicorn

    from .web.app import create_app

    settings = _settings(db=db, writes=bool(token))
    require_store(settings)
    for warning in serve_warnings(host, token):
        err.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False, soft_wrap=True)
    err.print(f"serving {settings.db} on http://{host}:{port} ({'ingest enabled' if token else 'read-only'})",
              markup=False, highlight=False)
    uvicorn.run(create_app(settings.db, token), host=host, port=port, log_level="warning")


@app.command()
def watch(
    sources: list[str] = typer.Argument(..., help="RSS/Atom feed URLs, sitemap URLs and folders to watch."),
    db: Optional[str] = DbOption,
    every: str = typer.Option("15m", "--every", help="Time between polls: 90s, 15m, 1h."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron)."),
    alerts: Optional[Path] = typer.Option(None, "--alerts", help="Append alerts (JSON Lines) here; default stdout."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each alert as JSON to this URL."),
    place: list[str] = typer.Option([], "--place", help="Only alerts naming this place (repeatable)."),
    actor: list[str] = typer.Option([], "--actor", help="Only alerts naming this actor (repeatable)."),
    kind: list[str] = typer.Option([], "--kind", help="Only alerts of this kind: incident, status, figure, "
                                                       "violation, agreement (repeatable)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for a page."),
) -> None:
    """Poll sources until stopped: new articles are stored, extracted and put in the ledger, and what
    changed comes out as alerts. A source that fails is named and polled again next time."""
    from .corpus.changes import KINDS, AlertFilter
    from .watch import run_watch

    bad = [f"--kind {k}: expected one of {', '.join(KINDS)}" for k in kind if k not in KINDS]
    seconds = _duration(every)
    if seconds is None:
        bad.append(f"--every {every}: expected a duration such as 90s, 15m or 1h")
    if bad:
        err.print(f"[red]error:[/] {escape(bad[0])}", soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    settings = _settings(db=db, writes=True, out=alerts)
    keep = AlertFilter(tuple(place), tuple(actor), tuple(kind))
    with _open_ledger(settings) as handle:
        try:
            failed = run_watch(handle, sources, seconds, once, alerts, webhook, keep, timeout,
                               tell=lambda line: err.print(escape(line), highlight=False, soft_wrap=True))
        except WirewatchError as exc:
            err.print(f"[red]error:[/] {escape(exc.line())}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            err.print("stopped; what was stored stays stored", highlight=False)
            raise typer.Exit(EXIT_OK) from None
    raise typer.Exit(EXIT_SKIPPED if failed else EXIT_OK)


def _duration(text: str) -> Optional[float]:
    """Seconds in '90s', '15m', '1h' or a bare number of seconds; None when it is none of these."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        return None
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def serve_warnings(host: str, token: Optional[str]) -> list[str]:
    """What the user should know before a server starts on this address."""
    import ipaddress

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return []
    warnings = [f"{host} is not a loopback address: anyone who can reach it can read the whole ledger"]
    if token:
        warnings.append("the ingest token travels in clear over plain HTTP; put a TLS proxy in front")
    else:
        warnings.append("no --token: the server is read-only; set one only behind TLS to accept articles")
    return warnings


def _write_or_print(text: str, out: Optional[Path]) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        out.write_text(text, encoding="utf-8")
        err.print(f"written to {out}", soft_wrap=True)


def article_json(article) -> dict:
    """The export form of an article's metadata and text."""
    return {
        "id": article.name,
        "hash": article.id,
        "source": article.source,
        "format": article.format.value,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision.value if article.published_precision else None,
        "language": article.language,
        "dateline": article.dateline,
        "credits": list(article.credits),
        "words": article.words,
        "pipeline_version": article.pipeline_version,
        "text": article.text,
    }


from .correct_cli import register as _register_corrections  # noqa: E402 - the commands need the helpers above

_register_corrections(app)


class _QuietOnClosedPipe:
    """Standard output that stops the command quietly when its reader has gone (`wirewatch ledger | head
    -1`), where click would exit 1 (which here means "inputs skipped") and rich would print nothing but
    exit 1 too. Everything else is the stream's own."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _reader_gone()

    def flush(self):
        try:
            self._stream.flush()
        except BrokenPipeError:
            _reader_gone()

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _reader_gone():
    """End with EXIT_PIPE and no message; what is still buffered goes to the null device, so that the
    interpreter's last flush does not complain either."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    raise SystemExit(EXIT_PIPE)


def main() -> None:
    """The console entry point: every failure ends as one line on standard error and an exit code."""
    if sys.stdout is not None and not isinstance(sys.stdout, _QuietOnClosedPipe):
        sys.stdout = _QuietOnClosedPipe(sys.stdout)
    try:
        app()
    except WirewatchError as exc:
        err.print(f"[red]error:[/] {escape(exc.line())}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        err.print("[red]interrupted[/]; what was stored stays stored, run the command again to go on")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: name it, keep the trace for --debug
        if _STATE["debug"] or os.environ.get("WIREWATCH_DEBUG") not in (None, "", "0"):
            traceback.print_exc()
        problem = _busy(exc) or _user_problem(exc)
        if problem is not None:
            err.print(f"[red]error:[/] {escape(problem.line())}", highlight=False, soft_wrap=True)
            sys.exit(EXIT_USAGE)
        command = " ".join(os.fsdecode(a).encode("utf-8", "replace").decode("utf-8") for a in sys.argv[1:])[:200]
        message = " ".join(str(exc).split())[:300]
        err.print(f"[red]internal error:[/] wirewatch {escape(command)}: {type(exc).__name__}: {escape(message)}; "
                  f"run again with --debug for the traceback and report it", highlight=False, soft_wrap=True)
        sys.exit(EXIT_INTERNAL)


def _busy(exc: BaseException):
    """A StoreBusy for a database-locked error from the driver, else None."""
    from sqlalchemy.exc import OperationalError

    from .errors import StoreBusy

    if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
        return StoreBusy(str(_STATE.get("db") or "the store"))
    return None


def _user_problem(exc: BaseException):
    """A ConfigError for what the user can fix (a --db that is no store or cannot be written, an --out
    path that cannot be written), else None: these are bad options, not internal errors."""
    from sqlalchemy.exc import DatabaseError

    store = str(_STATE.get("db") or "the store")
    if isinstance(exc, DatabaseError):
        reason = " ".join(str(exc.orig).split())[:200]
        lowered = reason.lower()
        if "not a database" in lowered or "malformed" in lowered:
            return ConfigError(store, f"not a readable wirewatch store ({reason})", "check --db")
        if "readonly" in lowered or "read-only" in lowered:
            return ConfigError(store, f"the store cannot be written ({reason})", "check the file's permissions")
    if isinstance(exc, OSError) and exc.filename is not None:
        return ConfigError(os.fsdecode(exc.filename), exc.strerror or type(exc).__name__, "check the path")
    if isinstance(exc, OSError) and exc.errno == 28:
        return ConfigError("output", "no space left on the device")
    return None


if __name__ == "__main__":
    main()
