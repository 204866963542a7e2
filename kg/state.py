"""What a build leaves for the next one: the corpus graph of its pages, saved beside graph.ttl.

    save(out_dir, BuildState(...))
    state = load(out_dir, namespace)     # None when there is none that fits

A rebuild that only adds pages starts from this state instead of making every page's
fragment again from the cache: it copies graph.ttl up to the gazetteer lines (`pages_end` bytes), folds the
new pages into the saved graph (kg.merge), appends their lines and writes the gazetteer
parents anew. The state fits only the graph.ttl it was saved with (size and modification
time recorded) and the code that made it (`namespace`: the fragment cache's namespace, which
changes with the extractor, the resolver, the word lists and the Turtle writer); otherwise
load() returns None and the build starts from nothing.

The file is OUT/.kg-state: a magic line, then records, each one line of JSON (versions,
namespace, the body's length and BLAKE2 digest) and a body in Python's marshal format
(plain dicts, lists, tuples and strings; loading it runs no code, unlike pickle). The
Python version is part of the header, as marshal's format may change with it. The first
record holds the whole graph; a rebuild that adds pages appends a record of what they
changed (append: the entities and edges they touched, whole, its pages and its graph.ttl),
so that it writes kilobytes rather than the whole graph again; load() applies them in
order. When the appended records grow to a quarter of the first, or to MAX_RECORDS, the
next save writes the whole graph again. A damaged or foreign file is no state, never an
error.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kg import gctune
from kg.atomic import atomic_file

STATE_NAME = ".kg-state"
STATE_VERSION = 2
MAX_RECORDS = 32  # records in one file: load() reads them all
_MAGIC = b"kg-state\n"
_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


@dataclass
class BuildState:
    namespace: str  # the fragment cache's namespace: the code that made the graph
    pages: list[tuple[str, str]]  # (file name, content key) of every page folded in, in order
    pages_end: int  # bytes of graph.ttl before the gazetteer lines
    ttl_size: int  # graph.ttl as it was written
    ttl_mtime_ns: int
    graph: dict  # kg.merge.CorpusGraph.pages_state()
    # Of the file it was loaded from: its records and the bytes of the first one and of the rest.
    records: int = 0
    base_bytes: int = 0
    appended_bytes: int = 0

    @property
    def worth_appending(self) -> bool:
        """Whether the next save may append to the file this state was loaded from."""
        return 0 < self.records < MAX_RECORDS and self.appended_bytes * 4 < self.base_bytes


def path(out_dir: Path) -> Path:
    return Path(out_dir) / STATE_NAME


def save(out_dir: Path, state: BuildState) -> None:
    """Writes the whole state as a new file."""
    record = _record("base", state.namespace, (state.pages, state.pages_end, state.ttl_size, state.ttl_mtime_ns,
                                              state.graph))
    with atomic_file(path(out_dir), durable=False) as f:  # lost in a power cut: the next build starts anew
        f.write(_MAGIC + record)


def append(out_dir: Path, namespace: str, pages: list[tuple[str, str]], pages_end: int, ttl_size: int,
           ttl_mtime_ns: int, changed: dict) -> None:
    """Appends what a rebuild changed to the state file it loaded: its new pages, graph.ttl as it
    is now, and `changed`, a graph in the form of BuildState.graph holding only the entities,
    edges and articles the new pages touched (each whole) and the new count of page triples.
    Written in place: a record cut short by a crash fails its digest, and the next build then
    starts from nothing."""
    record = _record("append", namespace, (pages, pages_end, ttl_size, ttl_mtime_ns, changed))
    with open(path(out_dir), "ab") as f:
        f.write(record)


def _record(kind: str, namespace: str, data) -> bytes:
    body = marshal.dumps(data)
    header = {"state": STATE_VERSION, "python": _PYTHON, "marshal": marshal.version, "namespace": namespace,
              "record": kind, "bytes": len(body), "digest": hashlib.blake2b(body, digest_size=16).hexdigest()}
    return json.dumps(header).encode("ascii") + b"\n" + body


def load(out_dir: Path, namespace: str) -> BuildState | None:
    """The state the last build left in out_dir, if it was made by this code and graph.ttl is
    still the file it was saved with."""
    p = path(out_dir)
    try:
        with open(p, "rb") as f:
            if f.readline() != _MAGIC:
                return None
            data = f.read()
        with gctune.collections_off():  # millions of objects, none cyclic, all kept for the build
            records = list(_records(data, namespace))
        st = os.stat(Path(out_dir) / "graph.ttl")
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return None
    if not records or records[0][0] != "base":
        return None
    pages, pages_end, ttl_size, ttl_mtime_ns, graph = records[0][1]
    if not isinstance(graph, dict) or not isinstance(pages, list):
        return None
    try:
        for kind, (more, pages_end, ttl_size, ttl_mtime_ns, changed), _ in records[1:]:
            if kind != "append":
                return None
            pages.extend(more)
            for part in ("nodes", "articles", "edges"):
                graph[part].update(changed[part])
            graph["page_triples"] = changed["page_triples"]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if (st.st_size, st.st_mtime_ns) != (ttl_size, ttl_mtime_ns) or not 0 < pages_end <= ttl_size:
        return None
    return BuildState(namespace, [tuple(p) for p in pages], pages_end, ttl_size, ttl_mtime_ns, graph,
                      records=len(records), base_bytes=records[0][2],
                      appended_bytes=sum(n for _, _, n in records[1:]))


def _records(data: bytes, namespace: str):
    """(kind, unmarshalled body, body bytes) of each record; ValueError at the first that is not
    whole, not of this code or not what its digest says."""
    view = memoryview(data)  # the bodies are read in place: a slice of bytes would copy each
    at = 0
    while at < len(data):
        eol = data.index(b"\n", at, at + 1024)
        header = json.loads(data[at:eol])
        if header != {**header, "state": STATE_VERSION, "python": _PYTHON, "marshal": marshal.version,
                      "namespace": namespace}:
            raise ValueError("state of other code")
        n = header["bytes"]
        body = view[eol + 1:eol + 1 + n]
        if len(body) != n or hashlib.blake2b(body, digest_size=16).hexdigest() != header.get("digest"):
            raise ValueError("damaged state record")
        yield header.get("record"), marshal.loads(body), n
        at = eol + 1 + n


def discard(out_dir: Path) -> None:
    """No state: the next build starts from nothing (a build without the cache writes none)."""
    path(out_dir).unlink(missing_ok=True)
