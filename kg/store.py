"""The persistent graph store that `kg query`, `kg neighbors`, `kg export` and `kg push` read.

`kg build` writes graph.ttl, then calls write_store(out_dir, triples): the same
triples go into a pyoxigraph (RocksDB) store at out_dir/"store". The store is
built in a temporary directory beside it and swapped in by rename, so a failed
or interrupted build leaves the previous store in place, and readers never see
half a store. Readers open it read-only with open_store(out_dir).

The graph is the store's default graph. A small named graph META_GRAPH records
the build (an IRI derived from the build time, the time, the triple count); it
is what `kg push` names the remote graph after. The directory is a plain
Oxigraph store, so `oxigraph serve --location out/store` serves it as is.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from kg.rdf import ID, RDF, XSD

STORE_DIR = "store"
META_GRAPH = NamedNode(ID + "meta")
BUILD_PREFIX = ID + "build/"
PROV = "http://www.w3.org/ns/prov#"
VOID = "http://rdfs.org/ns/void#"
_TYPE = NamedNode(RDF + "type")
_ACTIVITY = NamedNode(PROV + "Activity")
_ENDED = NamedNode(PROV + "endedAtTime")
_TRIPLES = NamedNode(VOID + "triples")


class StoreError(Exception):
    """The graph store cannot be used; str(exc) is one line for the user."""


class StoreMissing(StoreError):
    """No store in the output directory: `kg build` has not run there."""


@dataclass(frozen=True)
class BuildInfo:
    iri: str  # names the graph of this build, e.g. https://w3id.org/kg-zh/id/build/20240911T080000Z
    time: str  # ISO 8601, UTC
    triples: int


def store_path(out_dir: Path) -> Path:
    return Path(out_dir) / STORE_DIR


def build_iri(when: datetime) -> str:
    return BUILD_PREFIX + when.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _meta_quads(info: BuildInfo) -> list[Quad]:
    b = NamedNode(info.iri)
    return [
        Quad(b, _TYPE, _ACTIVITY, META_GRAPH),
        Quad(b, _ENDED, Literal(info.time, datatype=NamedNode(XSD + "dateTime")), META_GRAPH),
        Quad(b, _TRIPLES, Literal(str(info.triples), datatype=NamedNode(XSD + "integer")), META_GRAPH),
    ]


def write_store(out_dir: Path, triples: Iterable[Triple] = (), *, turtle: Path | None = None,
                built_at: datetime | None = None) -> BuildInfo:
    """Write the triples, or the Turtle file `turtle`, as the store out_dir/"store", replacing any
    previous one atomically. From a file the loader streams it: memory stays flat at any size."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = store_path(out_dir)
    when = built_at or datetime.now(timezone.utc)
    tmp = Path(tempfile.mkdtemp(dir=out_dir, prefix=f".{STORE_DIR}.", suffix=".tmp"))
    try:
        store = Store(str(tmp))
        if turtle is not None:
            store.bulk_load(path=str(turtle), format=RdfFormat.TURTLE)
        else:  # N-Triples through the bulk loader is ~30% faster than bulk_extend on Quad objects
            store.bulk_load(serialize(triples, format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES)
        count = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
        info = BuildInfo(build_iri(when), when.astimezone(timezone.utc).isoformat().replace("+00:00", "Z"), count)
        store.extend(_meta_quads(info))
        store.flush()
        store.optimize()
        del store  # closes the database (the last reference) before it is moved
        _swap_in(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return info


def _swap_in(new: Path, final: Path) -> None:
    """Rename new to final; an existing final is moved aside first and removed after."""
    if not final.exists():
        os.replace(new, final)
        return
    old = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{STORE_DIR}.", suffix=".old"))
    os.rmdir(old)  # only the unique name is wanted
    os.replace(final, old)
    try:
        os.replace(new, final)
    except BaseException:
        os.replace(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def open_store(out_dir: Path) -> Store:
    """The store of out_dir, opened read-only. Raises StoreMissing or StoreError."""
    path = store_path(out_dir)
    if not path.is_dir():
        raise StoreMissing(f"no graph in {out_dir}: run kg build first")
    try:
        return Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # RocksDB reports damage as RuntimeError("Corruption: …")
        msg = " ".join(str(exc).split())
        if not any(path.iterdir()):
            raise StoreMissing(f"no graph in {out_dir}: run kg build first") from None
        raise StoreError(f"the graph store {path} is damaged ({msg}): run kg build again") from None


def build_info(store: Store) -> BuildInfo | None:
    """What write_store recorded about the build, or None for a store made otherwise."""
    for q in store.quads_for_pattern(None, _TYPE, _ACTIVITY, META_GRAPH):
        b = q.subject
        if not isinstance(b, NamedNode) or not b.value.startswith(BUILD_PREFIX):
            continue
        time = next(iter(store.quads_for_pattern(b, _ENDED, None, META_GRAPH)), None)
        n = next(iter(store.quads_for_pattern(b, _TRIPLES, None, META_GRAPH)), None)
        return BuildInfo(b.value, time.object.value if time else "", int(n.object.value) if n else 0)
    return None


def default_graph_triples(store: Store) -> Iterable[Triple]:
    """The graph itself (the default graph), as triples."""
    for q in store.quads_for_pattern(None, None, None, DefaultGraph()):
        yield Triple(q.subject, q.predicate, q.object)
