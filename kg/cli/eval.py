"""`kg eval GOLD_DIR`: precision, recall and F1 of the built graph against gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from kg.evaluate import EvalResult

app = typer.Typer(add_completion=False)

# The repository's ontology (subclasses of the entity types), when kg runs from a checkout.
DEFAULT_ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _table(result: EvalResult) -> Table:
    table = Table(title="kg eval")
    table.add_column("category")
    for name in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    for category, s in result.rows():
        style = "bold" if "." not in category else None
        # rounded to 4 places first, as score.py prints them, so the two show the same digits
        table.add_row(category, f"{round(s.precision, 4):.3f}", f"{round(s.recall, 4):.3f}", f"{round(s.f1, 4):.3f}",
                      str(s.tp), str(s.fp), str(s.fn), style=style)
    return table


def _details(result: EvalResult) -> list[str]:
    """One line per miss or false extraction, as the official scorer prints them."""
    lines = [f"MISS ENT  {m}" for m in result.entity_misses]
    lines += [f"FALSE ENT {w}" for w in result.false_entities]
    lines += [f"MISS REL  {m}" for m in result.relation_misses]
    lines += [f"FALSE REL {w}" for w in result.false_relations]
    lines += [f"MISS ROLE {m}" for m in result.role_misses]
    lines += [f"MISS HEAD {m}" for m in result.headline_misses]
    lines += [f"FALSE HEAD {w}" for w in result.false_headlines]
    lines += [f"MISS BYLINE {m}" for m in result.byline_misses]
    lines += [f"FALSE BYLINE {w}" for w in result.false_bylines]
    return lines


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of *.gold.json files (or one such file).")],
    out: Annotated[Path, typer.Option("--out", help="Directory holding the built graph.ttl.")] = Path("out"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss and false extraction.")] = False,
    json_file: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON to this file.")] = None,
    ontology: Annotated[Optional[Path], typer.Option("--ontology", help="Ontology directory (default: the project's ontology/).")] = None,
) -> None:
    """Precision / recall / F1 of the built graph against gold files."""
    # Imported here: rdflib, which only eval reads graphs with, costs every other command 0.1 s.
    from kg.evaluate import GoldError, GraphError, evaluate, load_gold

    try:
        gold = load_gold(gold_dir)
    except GoldError as e:
        raise _fail(f"bad gold: {e}", 2) from None
    graph = out / "graph.ttl"
    if not graph.is_file():
        raise _fail(f"no graph.ttl in {out}: run kg build first", 1)
    if ontology is not None and not ontology.is_dir():
        raise _fail(f"ontology directory not found: {ontology}", 2)
    try:
        result = evaluate(graph, gold, ontology if ontology is not None else DEFAULT_ONTOLOGY)
    except GraphError as e:
        raise _fail(str(e), 1) from None

    console = Console(highlight=False)
    console.print(_table(result))
    console.print(f"relations to gazetteer-only nodes (ignored): {result.external}", markup=False)
    if verbose:
        for line in _details(result):
            typer.echo(line)
    if json_file is not None:
        try:
            json_file.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as e:
            raise _fail(f"cannot write {json_file}: {e.strerror or e}", 1) from None
