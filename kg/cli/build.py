"""`kg build [INPUT ...] [--out DIR]`: newspaper pages to graph.ttl, graph.html and a store."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg.ingest import InputError, input_files

app = typer.Typer(add_completion=False)

EXIT_SKIPPED = 3  # the graph was built, but some inputs were skipped
PROGRESS_MIN_FILES = 3  # a bar only for builds of more files than this
REFRESH_SECONDS = 0.1

STAGE_LABELS = {"graph": "building the graph", "rdf": "writing graph.ttl", "html": "writing graph.html",
                "store": "loading the store"}


@app.command("build")
def build_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Text files or folders (default: seeds/).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    no_html: Annotated[bool, typer.Option("--no-html", help="Skip graph.html.")] = False,
    no_store: Annotated[bool, typer.Option(
        "--no-store", help="Write no SPARQL store (kg query and kg neighbors need it): graph.ttl and "
                           "graph.html only, for a graph to be loaded elsewhere.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, show_default="all cores but one for the store's loader; all with --no-store",
        help="Worker processes for reading, extraction and resolution; 1: in this process.")] = None,
    cache: Annotated[Optional[Path], typer.Option(
        "--cache", show_default="OUT/.cache", help="Directory of the extraction cache.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Extract every page anew; read and write no cache.")] = False,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Extract on a Dask cluster: its scheduler's address (tcp://host:8786).")] = None,
) -> None:
    """Build the knowledge graph of the given pages."""
    from kg.parallel import SchedulerError, default_jobs
    from kg.pipeline import BuildLocked, build

    err = Console(stderr=True)

    def fail(message: str, code: int) -> None:
        err.print(f"error: {message}", markup=False, highlight=False)
        raise typer.Exit(code)

    if no_cache and cache is not None:
        fail("--cache and --no-cache exclude each other", 2)
    paths = inputs or [Path("seeds")]
    try:
        files, _ = input_files(paths)
    except InputError as e:
        fail(str(e), 2)
    if not files:
        fail(f"no text files in {', '.join(map(str, paths))}", 2)
    show = not quiet and len(files) > PROGRESS_MIN_FILES
    # No refresh thread: worker processes are forked from this one (kg.parallel), and a
    # thread holding a lock at that moment could leave it locked in the worker.
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                  console=err, disable=not show, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("building", total=len(files), rate="")
        last = [0.0]

        def advance(_path: Path) -> None:
            bar.advance(task)
            now = time.monotonic()
            if now - last[0] >= REFRESH_SECONDS or bar.tasks[task].finished:
                last[0] = now
                speed = bar.tasks[task].speed
                bar.update(task, rate=f"{speed:.1f} pages/s" if speed else "", refresh=True)

        def stage(name: str) -> None:
            bar.update(task, description=STAGE_LABELS.get(name, name), refresh=True)

        try:
            report = build(paths, out, html=not no_html, progress=advance, stage=stage,
                           jobs=jobs or default_jobs(store=not no_store), cache=False if no_cache else cache,
                           scheduler=scheduler, store=not no_store)
        except InputError as e:
            fail(str(e), 2)
        except (SchedulerError, BuildLocked) as e:
            fail(str(e), 1)
        except OSError as e:
            fail(f"cannot write to {out}: {e.strerror or e}", 1)
    for s in report.skipped:
        err.print(f"skipped {s.path}: {s.reason}", markup=False, highlight=False)
    if report.cache_error and not quiet:
        err.print(f"warning: {report.cache_error}", markup=False, highlight=False)
    if not quiet:
        Console().print(
            f"built {out}/graph.ttl: {report.files} files, {report.articles} articles, "
            f"{report.entities} entities, {report.relations} relations, {report.triples} triples"
            + (f"; skipped {len(report.skipped)}" if report.skipped else "")
            + (f"; {report.cached} pages from the cache" if report.cached else ""),
            markup=False, highlight=False)
    if report.files == 0:
        raise typer.Exit(2)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
