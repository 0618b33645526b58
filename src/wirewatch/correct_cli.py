"""`wirewatch correct …` and `wirewatch corrections`: the analyst's corrections from the command line.

Kept apart from cli.py (which registers them) so the command file stays small; the work is done by
`Wirewatch.correct` and `Wirewatch.undo`, which the dashboard's forms call too.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

correct_app = typer.Typer(help="Correct the ledger: reject an item, merge two actors, fix an incident, confirm "
                               "an item as checked. Appended to the store's corrections log; `wirewatch "
                               "corrections` lists them and undoes one.", no_args_is_help=True)

ByOption = typer.Option(None, "--by", help="Who corrects (default: $USER).")
WhyOption = typer.Option("", "--why", help="Why: kept in the log.")


class ItemKind(str, Enum):
    claim = "claim"
    figure = "figure"
    incident = "incident"
    agreement = "agreement"
    violation = "violation"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _author(by: Optional[str]) -> str:
    return by or os.environ.get("USER") or "analyst"


def _append(db: Optional[str], make) -> None:
    """Open the store, append one correction through `make(handle)`, say its id; a bad one exits 2."""
    from .cli import EXIT_USAGE, _open_ledger, _settings, err, require_store
    from .corpus.corrections import CorrectionError

    settings = _settings(db=db, writes=True)
    require_store(settings)
    with _open_ledger(settings) as handle:
        try:
            number = make(handle)
        except CorrectionError as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True, highlight=False)
            raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"correction {number} recorded")


@correct_app.command()
def reject(kind: ItemKind, ref: str = typer.Argument(..., help="An incident or agreement id, or a claim, figure or "
                                                               "violation key from `wirewatch ledger -f json`."),
           db: Optional[str] = typer.Option(None, "--db"), by: Optional[str] = ByOption, why: str = WhyOption) -> None:
    """Reject an item the machine proposed: it leaves the ledger, the report and the exports."""
    _append(db, lambda h: h.correct("reject", kind.value, ref, author=_author(by), reason=why))


@correct_app.command()
def check(kind: ItemKind, ref: str, db: Optional[str] = typer.Option(None, "--db"), by: Optional[str] = ByOption,
          why: str = WhyOption) -> None:
    """Confirm an item as checked by a person: exports carry checked = true."""
    _append(db, lambda h: h.correct("check", kind.value, ref, author=_author(by), reason=why))


@correct_app.command()
def merge(actor: str = typer.Argument(..., help="The actor or claimant to file under another name."),
          into: str = typer.Argument(..., help="The name to file it under."),
          db: Optional[str] = typer.Option(None, "--db"), by: Optional[str] = ByOption, why: str = WhyOption) -> None:
    """Merge two actors or claimants (undo the merge to split them again)."""
    _append(db, lambda h: h.correct("merge", "actor", actor, {"into": into}, author=_author(by), reason=why))


@correct_app.command()
def fix(incident: str = typer.Argument(..., help="The incident's id."),
        place: Optional[str] = typer.Option(None, help="A place name the gazetteer knows."),
        date: Optional[str] = typer.Option(None, help="YYYY-MM-DD."),
        type: Optional[str] = typer.Option(None, "--type", help="The ACLED sub-event type."),
        status: Optional[str] = typer.Option(None, help="disputed, confirmed, corroborated, single_party or "
                                                        "unattributed."),
        db: Optional[str] = typer.Option(None, "--db"), by: Optional[str] = ByOption, why: str = WhyOption) -> None:
    """Fix an incident's place, date, type or status."""
    value = {"place": place, "date": date, "type": type, "status": status}
    _append(db, lambda h: h.correct("fix", "incident", incident, value, author=_author(by), reason=why))


def corrections(
    db: Optional[str] = typer.Option(None, "--db"),
    undo: Optional[int] = typer.Option(None, "--undo", help="Append an undo of this correction (nothing is deleted)."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
    by: Optional[str] = ByOption,
    why: str = WhyOption,
) -> None:
    """List the corrections log, oldest first, or undo one of them."""
    from .cli import out

    if undo is not None:
        _append(db, lambda h: h.undo(undo, author=_author(by), reason=why))
        return
    from .cli import _open_ledger, _settings, require_store

    settings = _settings(db=db)
    require_store(settings)
    with _open_ledger(settings) as handle:
        log = handle.corrections()
    if format is ListFormat.json:
        typer.echo(json.dumps(log, ensure_ascii=False, indent=1))
        return
    table = Table(title=f"{len(log)} corrections")
    for column in ("id", "when", "by", "action", "kind", "item", "value", "why"):
        table.add_column(column, overflow="fold")
    for e in log:
        item = e["target"].get("id") or e["target"].get("key") or e["target"].get("actor") or ""
        value = f"undoes {e['undoes']}" if e["undoes"] else ", ".join(
            f"{k}: {v['name'] if isinstance(v, dict) else v}" for k, v in (e["value"] or {}).items())
        table.add_row(str(e["id"]), (e["made_at"] or "")[:19], escape(e["author"]), e["action"], e["kind"],
                      escape(item), escape(value), escape(e["reason"]))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(correct_app, name="correct")
    app.command("corrections")(corrections)
