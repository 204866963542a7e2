"""The `kg` command: one Typer app per command module, joined here."""
from __future__ import annotations

import typer

from kg.cli import build, eval as eval_cmd, export, neighbors, query, view

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Knowledge graphs from Chinese district and county newspaper pages.",
)
for module in (build, neighbors, query, eval_cmd, view, export):
    app.add_typer(module.app)


def main() -> None:
    app()
