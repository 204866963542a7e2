"""`kg build [INPUT ...] [--out DIR]`: newspaper pages to graph.ttl, graph.html and a store."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg.ingest import InputError, input_files

app = typer.Typer(add_completion=False)

EXIT_SKIPPED = 3  # the graph was built, but some inputs were skipped


@app.command("build")
def build_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Text files or folders (default: seeds/).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    no_html: Annotated[bool, typer.Option("--no-html", help="Skip graph.html.")] = False,
) -> None:
    """Build the knowledge graph of the given pages."""
    from kg.pipeline import build

    err = Console(stderr=True)
    paths = inputs or [Path("seeds")]
    try:
        files, _ = input_files(paths)
    except InputError as e:
        err.print(f"error: {e}", markup=False, highlight=False)
        raise typer.Exit(2)
    if not files:
        err.print(f"error: no text files in {', '.join(map(str, paths))}", markup=False, highlight=False)
        raise typer.Exit(2)
    show = not quiet and len(files) > 3
    with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                  console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("pages", total=len(files), rate="")

        def advance(_path: Path) -> None:
            bar.advance(task)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:.1f} pages/s" if speed else "")

        try:
            report = build(paths, out, html=not no_html, progress=advance)
        except InputError as e:
            err.print(f"error: {e}", markup=False, highlight=False)
            raise typer.Exit(2)
        except OSError as e:
            err.print(f"error: cannot write to {out}: {e.strerror or e}", markup=False, highlight=False)
            raise typer.Exit(1)
    for s in report.skipped:
        err.print(f"skipped {s.path}: {s.reason}", markup=False, highlight=False)
    if not quiet:
        Console().print(
            f"built {out}/graph.ttl: {report.files} files, {report.articles} articles, "
            f"{report.entities} entities, {report.relations} relations, {report.triples} triples"
            + (f"; skipped {len(report.skipped)}" if report.skipped else ""),
            markup=False, highlight=False)
    if report.files == 0:
        raise typer.Exit(2)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
