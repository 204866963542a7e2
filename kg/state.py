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

The file is OUT/.kg-state: one line of JSON (versions, namespace, a BLAKE2 digest of the
rest), then the graph in Python's marshal format (plain dicts, lists, tuples and strings;
loading it runs no code, unlike pickle). The Python version is part of the header, as
marshal's format may change with it. A damaged or foreign file is no state, never an error.
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
STATE_VERSION = 1
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


def path(out_dir: Path) -> Path:
    return Path(out_dir) / STATE_NAME


def save(out_dir: Path, state: BuildState) -> None:
    body = marshal.dumps((state.pages, state.pages_end, state.ttl_size, state.ttl_mtime_ns, state.graph))
    header = {"state": STATE_VERSION, "python": _PYTHON, "marshal": marshal.version,
              "namespace": state.namespace, "digest": hashlib.blake2b(body, digest_size=16).hexdigest()}
    with atomic_file(path(out_dir), durable=False) as f:  # lost in a power cut: the next build starts anew
        f.write(_MAGIC + json.dumps(header).encode("ascii") + b"\n")
        f.write(body)


def load(out_dir: Path, namespace: str) -> BuildState | None:
    """The state the last build left in out_dir, if it was made by this code and graph.ttl is
    still the file it was saved with."""
    p = path(out_dir)
    try:
        with open(p, "rb") as f:
            if f.readline() != _MAGIC:
                return None
            header = json.loads(f.readline(256))
            if header != {**header, "state": STATE_VERSION, "python": _PYTHON, "marshal": marshal.version,
                          "namespace": namespace}:
                return None
            body = f.read()
        if hashlib.blake2b(body, digest_size=16).hexdigest() != header.get("digest"):
            return None
        with gctune.collections_off():  # millions of objects, none cyclic, all kept for the build
            pages, pages_end, ttl_size, ttl_mtime_ns, graph = marshal.loads(body)
        st = os.stat(Path(out_dir) / "graph.ttl")
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (st.st_size, st.st_mtime_ns) != (ttl_size, ttl_mtime_ns) or not 0 < pages_end <= ttl_size:
        return None
    if not isinstance(graph, dict) or not isinstance(pages, list):
        return None
    return BuildState(namespace, [tuple(p) for p in pages], pages_end, ttl_size, ttl_mtime_ns, graph)


def discard(out_dir: Path) -> None:
    """No state: the next build starts from nothing (a build without the cache writes none)."""
    path(out_dir).unlink(missing_ok=True)
