"""`kg export` and `kg push`: the built graph for other RDF tools and SPARQL servers.

kg export --format nt|nq|jsonld [--out DIR] [--output FILE] [--graph IRI]
    N-Triples, N-Quads (the graph as one named graph, IRI of the build by
    default) or JSON-LD, to FILE (written beside it, then renamed) or stdout.
kg push ENDPOINT [--graph IRI] [--out DIR]
    PUT the graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint, e.g.
    http://localhost:7878/store (Oxigraph) or http://localhost:3030/ds/data
    (Fuseki), as the named graph IRI: by default one graph per build, named
    after the build time. PUT replaces that graph, so pushing twice is safe.
    Standard library only (urllib); credentials in the URL
    (http://user:password@host/...) are sent with HTTP Basic authentication.
"""
from __future__ import annotations

import base64
import sys
import tempfile
import urllib.parse
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, serialize

from kg.atomic import atomic_file
from kg.cli.query import DEFAULT_OUT, fail, open_or_fail
from kg.rdf import PREFIXES
from kg.store import build_info, build_iri, default_graph_triples, store_path

app = typer.Typer(add_completion=False, no_args_is_help=True)


class ExportFormat(str, Enum):
    nt = "nt"
    nq = "nq"
    jsonld = "jsonld"


def graph_iri(store: Store, out: Path, given: str | None) -> str:
    """The IRI naming this build's graph: --graph, else the build's, else the store's mtime."""
    if given:
        iri = given.strip()
        parsed = urllib.parse.urlsplit(iri)
        if not parsed.scheme or any(c in iri for c in " <>\"{}|\\^`"):
            fail(f"not an absolute IRI: {given}", 2)
        return iri
    info = build_info(store)
    if info is not None:
        return info.iri
    mtime = store_path(out).stat().st_mtime
    return build_iri(datetime.fromtimestamp(mtime, timezone.utc))


def write_graph(store: Store, fmt: ExportFormat, sink, graph: str) -> None:
    """Serialize the graph (the store's default graph) to a binary file object."""
    if fmt is ExportFormat.nt:
        store.dump(sink, format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    elif fmt is ExportFormat.jsonld:
        store.dump(sink, format=RdfFormat.JSON_LD, from_graph=DefaultGraph(), prefixes=PREFIXES)
    else:
        g = NamedNode(graph)
        quads = (Quad(t.subject, t.predicate, t.object, g) for t in default_graph_triples(store))
        serialize(quads, sink, format=RdfFormat.N_QUADS)


@app.command("export")
def export_cmd(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="nt | nq | jsonld"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="directory kg build wrote the graph to"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="file to write (default: stdout)"),
    graph: Optional[str] = typer.Option(None, "--graph", help="graph IRI for nq (default: the build's)"),
) -> None:
    """Write the built graph as N-Triples, N-Quads or JSON-LD."""
    store = open_or_fail(out)
    iri = graph_iri(store, out, graph) if fmt is ExportFormat.nq else ""
    if output is None:
        sys.stdout.flush()
        write_graph(store, fmt, sys.stdout.buffer, iri)
        sys.stdout.buffer.flush()
        return
    output = Path(output)
    if output.is_dir():
        fail(f"{output} is a directory", 1)
    try:
        with atomic_file(output) as f:
            write_graph(store, fmt, f, iri)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", 1)
    typer.echo(f"wrote {output}", err=True)


def _put_url(endpoint: str, graph: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query = [(k, v) for k, v in query if k not in ("graph", "default")] + [("graph", graph)]
    netloc = parts.hostname or ""
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/",
                                    urllib.parse.urlencode(query), ""))


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else ""


@app.command("push")
def push_cmd(
    endpoint: str = typer.Argument(..., metavar="ENDPOINT",
                                   help="Graph Store Protocol URL, e.g. http://localhost:7878/store"),
    graph: Optional[str] = typer.Option(None, "--graph", help="named graph IRI (default: one per build)"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="directory kg build wrote the graph to"),
    timeout: float = typer.Option(300.0, "--timeout", help="seconds to wait for the server"),
) -> None:
    """PUT the built graph into a SPARQL 1.1 server (Graph Store HTTP Protocol) as a named graph."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"not an http(s) URL: {endpoint}", 2)
    store = open_or_fail(out)
    iri = graph_iri(store, out, graph)
    url = _put_url(endpoint, iri)
    with tempfile.TemporaryFile() as body:
        store.dump(body, format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
        size = body.tell()
        body.seek(0)
        headers = {"Content-Type": "application/n-triples", "Content-Length": str(size)}
        if parts.username is not None:
            cred = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
            headers["Authorization"] = "Basic " + base64.b64encode(cred.encode()).decode()
        # here: http.client and ssl cost every kg command 0.1-0.2 s to import
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen

        req = Request(url, data=body, method="PUT", headers=headers)
        try:
            with urlopen(req, timeout=timeout) as resp:
                status = resp.status
        except HTTPError as exc:
            detail = _first_line(exc.read() or b"")
            fail(f"push failed: {endpoint} answered HTTP {exc.code} {exc.reason}"
                 + (f": {detail}" if detail else ""), 1)
        except URLError as exc:
            fail(f"push failed: cannot reach {endpoint}: {exc.reason}", 1)
        except (OSError, TimeoutError) as exc:
            fail(f"push failed: {endpoint}: {exc}", 1)
    n = build_info(store)
    count = f"{n.triples} triples" if n is not None else f"{size} bytes"
    typer.echo(f"pushed {count} to graph <{iri}> at {endpoint} (HTTP {status})")
