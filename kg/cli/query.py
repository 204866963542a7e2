"""`kg query SPARQL_OR_FILE [--out DIR] [--format table|csv|tsv|json]`: SPARQL over the built graph.

SELECT prints a table (or the SPARQL 1.1 CSV/TSV/JSON results formats), ASK
prints true/false (JSON: the boolean results format), CONSTRUCT/DESCRIBE print
Turtle for the table format, N-Triples for csv/tsv and JSON-LD for json.
The prefixes of graph.ttl (kg:, id:, rdf:, rdfs:, skos:, dcterms:, xsd:, org:)
are predeclared, so a one-line query needs no PREFIX lines.
"""
from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn
from urllib.parse import unquote

import typer
from pyoxigraph import (BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat,
                        QuerySolutions, QueryTriples, RdfFormat, Triple, serialize)
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.rdf import PREFIXES
from kg.store import StoreError, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True)

DEFAULT_OUT = Path("out")
QUERY_SUFFIXES = (".rq", ".sparql", ".txt")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr, no traceback, exit code `code`."""
    typer.echo(" ".join(str(message).split()), err=True)
    raise typer.Exit(code)


def console() -> Console:
    """Rich console; wide when not writing to a terminal, so labels are never folded."""
    c = Console()
    if not c.is_terminal:
        c = Console(width=400, soft_wrap=False)
    return c


def open_or_fail(out: Path):
    try:
        return open_store(out)
    except StoreError as exc:
        fail(str(exc), 1)


def compact(iri: str) -> str:
    """id:Place/北关区 for an IRI under a known prefix, readable (%-decoded); else <iri>."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        return f"{best}:{unquote(iri[len(PREFIXES[best]):])}"
    return f"<{iri}>"


def show(term) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return compact(term.value)
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Triple):
        return f"<< {show(term.subject)} {show(term.predicate)} {show(term.object)} >>"
    return str(term)


def read_query(arg: str) -> tuple[str, str]:
    """(query text, where it came from) for an inline query, the path of a query file, or - for stdin."""
    if arg == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig"), "<stdin>"
        except UnicodeDecodeError:
            fail("cannot read the query on stdin: not UTF-8 text", 1)
    looks_like_path = "\n" not in arg and len(arg) < 1024 and "{" not in arg
    if looks_like_path:
        p = Path(arg)
        try:
            is_file = p.is_file()
        except OSError:
            is_file = False
        if is_file:
            try:
                return p.read_text(encoding="utf-8-sig"), str(p)
            except UnicodeDecodeError:
                fail(f"cannot read {p}: not UTF-8 text", 1)
            except OSError as exc:
                fail(f"cannot read {p}: {exc.strerror or exc}", 1)
        if arg.lower().endswith(QUERY_SUFFIXES) and " " not in arg:
            fail(f"no such query file: {arg}", 1)
        if p.is_dir():
            fail(f"{arg} is a directory, not a query file", 1)
    return arg, ""


def _undeclared_prefixes(text: str) -> list[str]:
    text = re.sub(r"<[^>\s]*>|\"[^\"\n]*\"|'[^'\n]*'|#[^\n]*", " ", text)  # IRIs, strings, comments
    declared = set(PREFIXES) | {m.lower() for m in re.findall(r"(?i)PREFIX\s+([\w-]*):", text)}
    used = re.findall(r"(?<![\w?$:])([A-Za-z][\w-]*):(?=[\w\u3400-\u9fff%])", text)
    return sorted({u for u in used if u.lower() not in declared and u.lower() not in ("prefix", "base")})


def syntax_message(exc: SyntaxError, text: str = "", limit: int = 160) -> str:
    """The parser's message with its position; long "expected one of" lists are cut short."""
    msg = " ".join(str(exc).split())
    if "Prefix not found" in msg:
        pos = re.match(r"(error at \d+:\d+)", msg)
        names = _undeclared_prefixes(text)
        what = f"undeclared prefix {', '.join(n + ':' for n in names)}" if names else "undeclared prefix"
        return f"{pos.group(1) + ': ' if pos else ''}{what} (add a PREFIX line)"
    if len(msg) > limit:
        cut = msg.rfind(", ", 0, limit)
        msg = msg[: cut if cut > 0 else limit] + ", …"
    return msg


def run_query(store, text: str, origin: str = ""):
    """store.query with the graph's prefixes; bad SPARQL -> one line, exit 2."""
    try:
        return store.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        where = f" in {origin}" if origin else ""
        fail(f"bad SPARQL{where}: {syntax_message(exc, text)}", 2)
    except (OSError, RuntimeError, ValueError) as exc:
        fail(f"query failed: {exc}", 1)


def _write(data: bytes) -> None:
    typer.echo(data.decode("utf-8"), nl=False)


def _solutions_table(results: QuerySolutions) -> None:
    variables = [v.value for v in results.variables]
    table = Table(*variables, show_lines=False, header_style="bold")
    n = 0
    for sol in results:
        table.add_row(*(Text(show(sol[v])) for v in variables))
        n += 1
    table.caption = f"{n} row{'s' if n != 1 else ''}"
    console().print(table)


@app.command("query")
def query_cmd(
    sparql: str = typer.Argument(..., metavar="SPARQL_OR_FILE",
                                 help="a SPARQL 1.1 query, the path of a .rq file holding one, or - to read stdin"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="directory kg build wrote the graph to"),
    fmt: Format = typer.Option(Format.table, "--format", "-f",
                               help="table | csv | tsv | json (SPARQL 1.1 results formats)"),
) -> None:
    """Run a SPARQL 1.1 SELECT, ASK or CONSTRUCT query over the built graph."""
    text, origin = read_query(sparql)
    store = open_or_fail(out)
    results = run_query(store, text, origin)
    try:
        if isinstance(results, QueryBoolean):
            if fmt is Format.json:
                _write(results.serialize(format=QueryResultsFormat.JSON))
                typer.echo()
            else:
                typer.echo("true" if bool(results) else "false")
        elif isinstance(results, QuerySolutions):
            if fmt is Format.table:
                _solutions_table(results)
            else:
                rf = {Format.csv: QueryResultsFormat.CSV, Format.tsv: QueryResultsFormat.TSV,
                      Format.json: QueryResultsFormat.JSON}[fmt]
                _write(results.serialize(format=rf))
                if fmt is Format.json:
                    typer.echo()
        elif isinstance(results, QueryTriples):
            rdf = {Format.table: RdfFormat.TURTLE, Format.csv: RdfFormat.N_TRIPLES,
                   Format.tsv: RdfFormat.N_TRIPLES, Format.json: RdfFormat.JSON_LD}[fmt]
            data = serialize(results, format=rdf,
                             prefixes=PREFIXES if rdf is RdfFormat.TURTLE else None)
            _write(data or b"")
            if rdf is RdfFormat.JSON_LD:
                typer.echo()
    except (OSError, RuntimeError, ValueError) as exc:
        fail(f"query failed: {exc}", 1)
    except SyntaxError as exc:  # some errors only surface while evaluating
        fail(f"bad SPARQL: {syntax_message(exc)}", 2)
    sys.stdout.flush()
