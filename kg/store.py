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

import json
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

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
# What a later build needs to update the store instead of rebuilding it (StoreWriter.updating):
# the pages it holds, as JSON [[file name, content key], ...], and the gazetteer lines, the
# Turtle lines that only the gazetteer parents stated.
_PAGES = NamedNode(ID + "meta/pages")
_GAZETTEER_LINES = NamedNode(ID + "meta/gazetteerLines")


FIRST_BATCH_BYTES = 1 << 20
_OPTIMIZE = object()  # in the loader's queue, after the last batch: compact the store (StoreWriter.seal)


# The loader thread and RocksDB's compaction threads run at this nice value above the
# process's (Linux: per thread). The build's extraction is the longer path; at the same
# priority the three of them took its core in turns (100 MB on 2 cores, --jobs 1: 344 s;
# nice 19: 278-302 s). Beside two worker processes too (--jobs 2: 310 s; nice 19: 258 s): the
# loader then mostly waits for a gap, and loads the rest after the last page on both cores.
# An unprivileged process cannot raise a priority again: RocksDB's threads stay at this one
# for the rest of the process, which only matters to a process that goes on writing stores.
LOADER_NICE = 19


def _yield_to_build(nice: int) -> None:
    """Sets this thread and RocksDB's background threads (named rocksdb:*) to `nice` above the
    process's own. Does nothing where threads have no priority of their own."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return
    try:
        value = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + nice)
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return
    tids = [threading.get_native_id()]
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                if f.read().startswith("rocksdb:"):
                    tids.append(int(tid))
        except OSError:  # the thread ended meanwhile
            pass
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, value)
        except OSError:  # ended meanwhile, or not allowed: that thread only keeps its priority
            pass


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


def _meta_quads(info: BuildInfo, pages: list[tuple[str, str]] | None = None,
                gazetteer_lines: str = "") -> list[Quad]:
    b = NamedNode(info.iri)
    quads = [
        Quad(b, _TYPE, _ACTIVITY, META_GRAPH),
        Quad(b, _ENDED, Literal(info.time, datatype=NamedNode(XSD + "dateTime")), META_GRAPH),
        Quad(b, _TRIPLES, Literal(str(info.triples), datatype=NamedNode(XSD + "integer")), META_GRAPH),
    ]
    if pages is not None:
        quads.append(Quad(b, _PAGES, Literal(json.dumps(sorted(set(map(tuple, pages))), ensure_ascii=False)),
                          META_GRAPH))
        quads.append(Quad(b, _GAZETTEER_LINES, Literal(gazetteer_lines), META_GRAPH))
    return quads


def _state(store: Store) -> tuple[set[tuple[str, str]], str] | None:
    """The pages and gazetteer lines a store recorded, or None if it recorded none."""
    pages = next(iter(store.quads_for_pattern(None, _PAGES, None, META_GRAPH)), None)
    lines = next(iter(store.quads_for_pattern(None, _GAZETTEER_LINES, None, META_GRAPH)), None)
    if pages is None or lines is None:
        return None
    try:
        return {(str(a), str(b)) for a, b in json.loads(pages.object.value)}, lines.object.value
    except (ValueError, TypeError):
        return None


def write_store(out_dir: Path, triples: Iterable[Triple] = (), *, turtle: Path | None = None,
                built_at: datetime | None = None) -> BuildInfo:
    """Write the triples, or the Turtle file `turtle`, as the store out_dir/"store", replacing any
    previous one atomically. From a file the loader streams it: memory stays flat at any size."""
    w = StoreWriter(out_dir)
    try:
        if turtle is not None:
            w.store.bulk_load(path=str(turtle), format=RdfFormat.TURTLE)
        else:  # N-Triples through the bulk loader is ~30% faster than bulk_extend on Quad objects
            w.store.bulk_load(serialize(triples, format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES)
        return w.finish(built_at=built_at)
    except BaseException:
        w.abort()
        raise


class StoreWriter:
    """A new store for out_dir, filled while the build runs and swapped in by finish().

    add() takes Turtle as UTF-8 bytes (each chunk parseable with `header` in front) and loads it in
    batches in a background thread: pyoxigraph parses and indexes without the GIL, so the
    store grows while the build extracts the next pages. abort() throws the new store away;
    until finish() the previous store is untouched."""

    def __init__(self, out_dir: Path, header: bytes = b"", batch_bytes: int = 8 << 20, *,
                 base: Store | None = None):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.header = header
        self.batch_bytes = batch_bytes
        # The first batches are smaller (1, 2, 4 MB, ...): a small build's lines are then loaded
        # while it extracts, instead of all after its last page.
        self._next_batch = min(FIRST_BATCH_BYTES, batch_bytes)
        self.tmp = Path(tempfile.mkdtemp(dir=self.out_dir, prefix=f".{STORE_DIR}.", suffix=".tmp"))
        # pages (file name, content key) whose lines the new store holds: those of the previous
        # store when it starts as a copy of it, then each add_page(); and the lines only the
        # gazetteer stated in the previous store
        self.pages: set[tuple[str, str]] = set()
        self.gazetteer_lines = ""
        self.updating = base is not None
        if base is not None:
            os.rmdir(self.tmp)  # backup() makes the directory
            base.backup(str(self.tmp))  # hard links to the previous store's immutable files
            self.pages, self.gazetteer_lines = _state(base)
        self.store = Store(str(self.tmp))
        self._buf: list[bytes] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=2)  # batches waiting: bounds the memory they hold
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._optimized = False  # by the loader thread, after the last batch (see seal)
        self.seconds = 0.0  # time the loader thread spent loading

    @classmethod
    def update_or_new(cls, out_dir: Path, header: bytes = b"") -> "StoreWriter":
        """A copy of the previous store of out_dir that this build will add its new pages to, when
        that store recorded its pages; else a new store."""
        path = store_path(out_dir)
        base = None
        try:
            if path.is_dir():
                base = Store(str(path))
                if _state(base) is None:
                    base = None
            return cls(out_dir, header, base=base)
        except (OSError, RuntimeError, ValueError):
            return cls(out_dir, header)
        finally:
            del base  # closes the previous store

    def add_page(self, page: tuple[str, str] | None, data: bytes) -> None:
        """A page's lines, unless the store holds them already (a copy of the previous store
        holds its pages'); page None: lines to add whatever the store holds."""
        if page is not None:
            if page in self.pages:
                return
            self.pages.add(page)
        self.add(data)

    def add(self, data: bytes) -> None:
        self._buf.append(data)
        self._size += len(data)
        if self._size >= self._next_batch:
            self._send()
            self._next_batch = min(2 * self._next_batch, self.batch_bytes)

    def seal(self) -> None:
        """No more lines will come: the loader thread loads what is left and compacts the new
        store while the build writes graph.html (finish() then only records the build)."""
        self._send()
        if self._thread is not None and not self.updating:
            self._queue.put(_OPTIMIZE)

    def _send(self) -> None:
        if not self._buf:
            return
        data = self.header + b"".join(self._buf)
        self._buf, self._size = [], 0
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="kg-store", daemon=True)
            self._thread.start()
        self._queue.put(data)

    def _load(self) -> None:
        _yield_to_build(LOADER_NICE)  # RocksDB's threads were started when the store was opened
        while (data := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the build will raise it
            t = time.perf_counter()
            try:
                if data is _OPTIMIZE:
                    self.store.optimize()
                    self._optimized = True
                else:
                    self.store.bulk_load(data, format=RdfFormat.TURTLE)
            except BaseException as e:
                self._error = e
            self.seconds += time.perf_counter() - t

    def _join(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def finish(self, triples: int | None = None, built_at: datetime | None = None, *,
               pages: list[tuple[str, str]] | None = None, gazetteer_lines: str = "",
               written: Callable[[str], bool] | None = None, turtle: Path | None = None) -> BuildInfo:
        """Load what is left, record the build, swap the store in.

        triples: how many the graph has (counted in the store if not given). pages and
        gazetteer_lines: what a later build needs to update this store (see update_or_new).
        When the store does not hold exactly the lines of `pages` (a page of the previous store
        was removed or changed, or the build added only some pages' lines), it is rebuilt from
        `turtle`, the whole graph. When updating: written(line) tells whether the new graph has
        a line, so that lines only the previous gazetteer parents stated are removed."""
        try:
            self._send()
            self._join()
            if self._error is not None:
                raise self._error
            t = time.perf_counter()
            if pages is not None and self.pages != set(pages) or self.updating and pages is None:
                return self._rebuild(turtle, triples, built_at, pages, gazetteer_lines)
            if self.updating:
                self._remove_stale(gazetteer_lines, written)
                for q in list(self.store.quads_for_pattern(None, None, None, META_GRAPH)):
                    self.store.remove(q)
            if triples is None:
                triples = int(next(iter(self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
            when = built_at or datetime.now(timezone.utc)
            info = BuildInfo(build_iri(when), when.astimezone(timezone.utc).isoformat().replace("+00:00", "Z"),
                             triples)
            self.store.extend(_meta_quads(info, pages, gazetteer_lines))
            self.store.flush()
            if not self.updating and not self._optimized:
                self.store.optimize()  # compacts the batches' files; an update adds few
            del self.store  # closes the database (the last reference) before it is moved
            _swap_in(self.tmp, store_path(self.out_dir))
            self.seconds += time.perf_counter() - t
        except BaseException:
            self.abort()
            raise
        return info

    def _remove_stale(self, gazetteer_lines: str, written: Callable[[str], bool] | None) -> None:
        """Removes the lines only the previous build's gazetteer parents stated. Most of them this
        build's parents state again, and were just loaded: written() is asked about the others
        only (at 100 MB, answering it first takes 0.7 s)."""
        again = set(gazetteer_lines.splitlines(keepends=True))
        for line in self.gazetteer_lines.splitlines(keepends=True):
            if line in again:
                continue
            if written is None or not written(line):
                for t in parse((self.header + line.encode("utf-8")), format=RdfFormat.TURTLE):
                    self.store.remove(Quad(t.subject, t.predicate, t.object, DefaultGraph()))

    def _rebuild(self, turtle, triples, built_at, pages, gazetteer_lines) -> BuildInfo:
        if turtle is None:
            raise ValueError("the previous store cannot be updated and no Turtle file was given")
        self.abort()
        fresh = StoreWriter(self.out_dir, self.header)
        fresh.store.bulk_load(path=str(turtle), format=RdfFormat.TURTLE)
        fresh.pages = set(pages or ())  # the whole graph: every page's lines
        info = fresh.finish(triples, built_at, pages=pages, gazetteer_lines=gazetteer_lines)
        self.seconds += fresh.seconds
        return info

    def abort(self) -> None:
        self._buf = []
        self._join()
        self.__dict__.pop("store", None)
        shutil.rmtree(self.tmp, ignore_errors=True)


class NoStore:
    """StoreWriter's interface for a build that writes no store (kg build --no-store): it takes
    nothing, and at finish() removes the previous store, which would no longer be the graph's."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.updating = False

    def add_page(self, page, data: bytes) -> None:
        pass

    def add(self, data: bytes) -> None:
        pass

    def seal(self) -> None:
        pass

    def finish(self, *args, **kwargs) -> None:
        final = store_path(self.out_dir)
        if final.exists():
            shutil.rmtree(_move_aside(final), ignore_errors=True)

    def abort(self) -> None:
        pass


def _swap_in(new: Path, final: Path) -> None:
    """Rename new to final; an existing final is moved aside first and removed after."""
    if not final.exists():
        os.replace(new, final)
        return
    old = _move_aside(final)
    try:
        os.replace(new, final)
    except BaseException:
        os.replace(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _move_aside(final: Path) -> Path:
    """Rename final to a unique .store.*.old beside it (gone at once for readers; a killed
    build's leftover is cleared by the next build) and return that name."""
    old = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{STORE_DIR}.", suffix=".old"))
    os.rmdir(old)  # only the unique name is wanted
    os.replace(final, old)
    return old


def open_store(out_dir: Path) -> Store:
    """The store of out_dir, opened read-only. Raises StoreMissing or StoreError."""
    path = store_path(out_dir)
    if not path.is_dir():
        if (Path(out_dir) / "graph.ttl").is_file():
            raise StoreMissing(f"{out_dir} has a graph.ttl but no store (built with --no-store?): "
                               "run kg build without --no-store")
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
