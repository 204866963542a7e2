"""`kg view [--out DIR]`: open the graph.html that kg build wrote in the user's browser."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command("view")
def view_command(
    out: Annotated[Path, typer.Option("--out", help="Directory holding the built graph.html.")] = Path("out"),
) -> None:
    """Open the interactive graph (DIR/graph.html) in a web browser."""
    page = out / "graph.html"
    if not page.is_file():
        typer.echo(f"no graph.html in {out}: run kg build first", err=True)
        raise typer.Exit(1)
    uri = page.resolve().as_uri()
    import webbrowser  # here: it imports subprocess and shlex, which no other command needs

    try:
        opened = webbrowser.open(uri)
    except Exception:  # a broken BROWSER setting, say: the page is still there to open
        opened = False
    if opened:
        typer.echo(f"opened {uri}")
    else:
        typer.echo(f"could not start a browser; open {uri}", err=True)
