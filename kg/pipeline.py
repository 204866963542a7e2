"""The whole build: files -> pages -> fragments -> the corpus graph -> outputs.

Each stage is a function of the previous stage's data (kg.model); this module
only sequences them and writes the outputs so that a failed build leaves the
previous out/ untouched (every file is written to a temporary name, then renamed).

A page is read, extracted, resolved and turned into its fragment of the graph
(kg.fragment: graph data and Turtle lines) on its own: resolution needs no other
page, except for the gazetteer parents, added after the last page (kg.merge).
So, at scale:
- pages stream through, in input order: the corpus graph folds each fragment in
  and appends its new Turtle lines to graph.ttl and to the store, which loads them
  in a background thread (kg.store.StoreWriter); no raw text or triple list is kept;
- with jobs > 1 everything per page runs in worker processes (kg.parallel), or on a
  Dask cluster with scheduler=ADDRESS; the fragments are folded in input order, so
  the outputs are byte-identical to those of a build in one process;
- the cache (kg.cache) keeps each page's extractions; with it, the build saves its
  corpus graph (kg.state), and a rebuild that only adds pages starts from that graph:
  it copies graph.ttl up to the gazetteer lines, folds and appends the new pages only,
  and updates a copy of the previous store with their lines. A page removed or changed
  makes the build start from nothing (fragments made again from cached extractions).
"""
from __future__ import annotations

import importlib
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg import codec, state
from kg.atomic import atomic_file
from kg.cache import ExtractionCache, content_key, fragment_namespace
from kg.fragment import PageFragment
from kg.gctune import fewer_collections
from kg.ingest import DecodeError, Skipped, input_files, read_bytes, skip_reason
from kg.merge import CorpusGraph
from kg.parallel import (
    DaskExecutor, executor_width, extract_bytes, files_task, fragment_of, page_executor, page_task, prepare_to_fork,
    resolver,
)
from kg.rdf import turtle_header
from kg.store import STORE_DIR, NoStore, StoreWriter

try:
    import fcntl
except ImportError:  # not POSIX: builds into one out/ are not serialised
    fcntl = None

LOCK_NAME = ".kg-build.lock"


class BuildLocked(Exception):
    """Another build holds out_dir; str(exc) is one line for the user."""


@contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """One build at a time per output directory. Whoever holds the lock also clears the
    temporary files of builds that were killed half way (they can hold no one's lock)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    f = open(out_dir / LOCK_NAME, "a+")
    try:
        if fcntl is not None:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BuildLocked(f"another kg build is writing to {out_dir}: wait for it to finish") from None
        for stale in [*out_dir.glob(".*.tmp"), *out_dir.glob(f".{STORE_DIR}.*.old")]:  # kg.store._move_aside
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
        yield
    finally:
        f.close()  # closing the file releases the lock

# Workers cost ~0.5 s to start (each builds its segmenter): below this much new text,
# extracting here is faster.
MIN_PARALLEL_PAGES = 8
MIN_PARALLEL_BYTES = 256 * 1024
# A local worker gets PAGES_PER_TASK file names at a time, and has TASKS_PER_WORKER tasks in flight:
# enough to keep it busy, few enough to hold little. Fewer, larger tasks mean fewer futures,
# messages and thread wake-ups in the process that folds every page. A Dask worker gets one page a task.
PAGES_PER_TASK = 4
TASKS_PER_WORKER = 2

STAGES = ("ingest", "extract", "resolve", "graph", "rdf", "html")


@dataclass
class BuildReport:
    files: int = 0
    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    # Wall seconds per stage (STAGES) and "total". With workers, "extract" is the time spent
    # waiting for them and "ingest" the reading, hashing and cache look-ups done here.
    seconds: dict[str, float] = field(default_factory=dict)
    corpus: CorpusGraph | None = None  # the graph, as kg.merge folded it
    extracted: int = 0  # pages extracted by this build
    cached: int = 0  # pages taken from the extraction cache
    workers: int = 0  # worker processes (or Dask threads) used; 0: extracted in this process
    cache_dir: Path | None = None
    cache_error: str = ""  # why the cache or the build state could not be written, if they could not
    store_updated: bool = False  # the previous store was updated, not rebuilt

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def build(inputs: list[Path], out_dir: Path, *, html: bool = True,
          progress: Callable[[Path], None] | None = None, jobs: int = 1,
          cache: Path | bool | None = None, scheduler: str | None = None,
          stage: Callable[[str], None] | None = None, store: bool = True) -> BuildReport:
    """Build the graph of the pages in `inputs` into out_dir.

    jobs: worker processes for ingest + extract (1: in this process; fewer new pages
    than MIN_PARALLEL_PAGES are always extracted here). scheduler: address of a Dask
    scheduler to extract on instead. cache: the extraction cache directory (None or
    True: out_dir/.cache; False: none). progress is called once per input file, in
    input order; stage with the name of each stage after extraction as it starts.
    store=False writes no SPARQL store (and removes the previous one): graph.ttl and
    graph.html only, for a graph that is to be loaded elsewhere.
    """
    with build_lock(out_dir), fewer_collections():
        return _build(inputs, out_dir, html=html, progress=progress, jobs=jobs, cache=cache,
                      scheduler=scheduler, stage=stage, with_store=store)


def _build(inputs, out_dir, *, html, progress, jobs, cache, scheduler, stage, with_store) -> BuildReport:
    t_start = time.perf_counter()
    out_dir = Path(out_dir)
    report = BuildReport()
    files, skipped = input_files(inputs)
    report.skipped.extend(skipped)
    caches = None
    if cache is not False:
        root = out_dir / ".cache" if cache in (None, True) else Path(cache)
        caches = _Caches(ExtractionCache(root), fragment_namespace())
        report.cache_dir = root
    else:
        state.discard(out_dir)  # the graph this build writes is not the one the state describes
    known: dict[Path, str] = {}  # content keys already computed, so no file is read and hashed twice
    resumed = _resume(out_dir, files, caches, known, report, progress) if caches is not None else None
    saved: state.BuildState | None = None  # the state this build resumes, if any
    touched: _Touched | None = None  # what the new pages change in it
    if resumed is not None:
        corpus, pages, pages_end, files, saved = resumed
        touched = _Touched()
    else:
        corpus, pages, pages_end = CorpusGraph(), [], 0
    header = turtle_header().encode("utf-8")
    store: StoreWriter | NoStore | None = None  # opened after the first page: workers are forked before its threads
    try:
        with atomic_file(out_dir / "graph.ttl") as ttl:
            if resumed is not None:  # the graph.ttl of the pages already folded in, as it is
                t = time.perf_counter()
                _copy_prefix(out_dir / "graph.ttl", ttl, pages_end)
                report.add_time("rdf", time.perf_counter() - t)
            else:
                ttl.write(header)
                pages_end = len(header)
            # graph.html's modules (networkx, numpy: 0.4 s) are imported while the workers extract,
            # not after the last page, when one core works alone
            fragments = iter_fragments(files, report, caches=caches, jobs=jobs, scheduler=scheduler,
                                       progress=progress, known=known,
                                       while_workers=partial(_import_soon, "kg.viz") if html else None)
            try:
                for key, fragment in fragments:
                    t = time.perf_counter()
                    if store is None:
                        store = _store_writer(out_dir, header, caches, with_store)
                    data = corpus.add(fragment)
                    if touched is not None:
                        touched.add(fragment)
                    ttl.write(data)
                    pages_end += len(data)
                    # a page is named by file name, content and the code that made its fragment
                    page = (fragment.source, f"{caches.ns}/{key}") if caches else None
                    pages.append(page)
                    store.add_page(page, data)
                    report.add_time("graph", time.perf_counter() - t)
            finally:
                fragments.close()
            _stage(stage, "graph")
            t = time.perf_counter()
            if store is None:
                store = _store_writer(out_dir, header, caches, with_store)
            gazetteer = corpus.finish(resolver())
            data = gazetteer.encode("utf-8")
            ttl.write(data)
            store.add(data)
            store.seal()
            report.add_time("graph", time.perf_counter() - t)
            _stage(stage, "rdf")
            t = time.perf_counter()
        report.add_time("rdf", time.perf_counter() - t)
        if caches is not None:
            caches.extraction.flush()
            report.cache_error = caches.extraction.error
        if html:
            from kg.viz import MAX_NODES as HTML_MAX_NODES, write_html  # here: networkx and numpy take 0.3 s

            _stage(stage, "html")
            t = time.perf_counter()
            view = corpus.view(HTML_MAX_NODES)
            write_html(view, out_dir / "graph.html", max_nodes=HTML_MAX_NODES, articles=corpus.article_table(),
                       totals=(corpus.articles + corpus.entities, corpus.relations))
            report.seconds["html"] = time.perf_counter() - t
        _stage(stage, "store")
        t = time.perf_counter()
        report.store_updated = store.updating
        store.finish(triples=corpus.triples, pages=pages if caches is not None else None, gazetteer_lines=gazetteer,
                     written=corpus.has_line, turtle=out_dir / "graph.ttl")
        report.add_time("rdf", time.perf_counter() - t)
    except BaseException:
        if store is not None:
            store.abort()
        if caches is not None:
            caches.extraction.flush()  # what was extracted is kept for the next build
        raise
    # After the store: saved while the store compacted (StoreWriter.seal), it only made the
    # compaction, which uses every core, end later (10 MB: 0.6-1.0 s).
    if caches is not None:
        t = time.perf_counter()
        _save_state(out_dir, caches, corpus, pages, pages_end, saved, touched, report)
        report.add_time("graph", time.perf_counter() - t)
    report.triples = corpus.triples
    report.entities = corpus.entities
    report.relations = corpus.relations
    report.corpus = corpus
    report.seconds["total"] = time.perf_counter() - t_start
    return report


# -- rebuilds that only add pages ------------------------------------------------------


def _resume(out_dir: Path, files: list[Path], caches: "_Caches", known: dict[Path, str], report: "BuildReport",
            progress) -> tuple[CorpusGraph, list, int, list[Path], state.BuildState] | None:
    """When every page the last build folded in is still an input, unchanged: (its corpus graph,
    its pages, the bytes of graph.ttl before its gazetteer lines, the files still to fold in,
    the state itself).
    None when the build must start from nothing (no state, a page removed or changed, new code)."""
    t = time.perf_counter()
    ns = caches.ns
    saved = state.load(out_dir, ns)
    if saved is None:
        return None
    done: dict[str, str] = dict(saved.pages)  # file name -> ns/key
    if len(done) != len(saved.pages):
        return None
    todo, kept = [], 0
    for f in files:
        try:
            known[f] = content_key(read_bytes(f))
        except (OSError, DecodeError):
            todo.append(f)  # skipped again, with its reason, by iter_fragments
            continue
        if done.get(f.name) == f"{ns}/{known[f]}":
            kept += 1
        else:
            todo.append(f)
    report.add_time("ingest", time.perf_counter() - t)
    if kept != len(done):
        return None  # a page was removed or changed: what it stated cannot be taken back here
    try:
        corpus = CorpusGraph.from_state(saved.graph)
    except (KeyError, TypeError, ValueError):  # not a graph this code saved: start from nothing
        return None
    report.files += kept
    report.cached += kept
    report.articles += corpus.articles
    if progress:
        new = set(todo)
        for f in files:
            if f not in new:
                progress(f)
    return corpus, list(saved.pages), saved.pages_end, todo, saved


def _copy_prefix(path: Path, out, n: int) -> None:
    """The first n bytes of path, written to the open (empty) file out: in the kernel where it
    can copy between files, else through a buffer."""
    out.flush()
    done = 0
    with open(path, "rb") as src:
        if hasattr(os, "copy_file_range"):
            try:
                while done < n:
                    k = os.copy_file_range(src.fileno(), out.fileno(), n - done, done, done)
                    if k == 0:
                        break
                    done += k
            except OSError:  # not on this file system: the rest through a buffer
                pass
        src.seek(done)
        out.seek(done)
        while done < n:
            chunk = src.read(min(n - done, 16 << 20))
            if not chunk:
                raise OSError(f"{path} is shorter than the build state says")
            out.write(chunk)
            done += len(chunk)
    out.seek(0, os.SEEK_END)
    if out.tell() != n:
        raise OSError(f"{path} is shorter than the build state says")


def _save_state(out_dir: Path, caches: "_Caches", corpus: CorpusGraph, pages: list, pages_end: int,
                saved: state.BuildState | None, touched: _Touched | None, report: BuildReport) -> None:
    """Saves the graph for the next build: what the new pages changed, appended to the state
    this build resumed, or the whole graph. A state that cannot be saved is no reason to fail
    a build whose graph.ttl is written: the next build starts from nothing (with the cache)."""
    try:
        st = os.stat(out_dir / "graph.ttl")
        if saved is not None and touched is not None and saved.worth_appending:
            state.append(out_dir, caches.ns, pages[len(saved.pages):], pages_end, st.st_size, st.st_mtime_ns,
                         corpus.pages_state_of(touched.nodes, touched.edges, touched.articles))
            return
        state.save(out_dir, state.BuildState(caches.ns, pages, pages_end, st.st_size, st.st_mtime_ns,
                                             corpus.pages_state()))
    except OSError as e:  # what is left fails its digest or no longer fits graph.ttl: no state
        report.cache_error = report.cache_error or (
            f"cannot save the build state in {out_dir}: {e.strerror or e} (the next build starts from nothing)")


class _Touched:
    """The keys of the entities, edges and articles that the pages folded into a resumed graph
    name: what the state appended for them must hold."""

    def __init__(self):
        self.nodes: set[str] = set()
        self.edges: set[tuple[str, str, str]] = set()
        self.articles: set[str] = set()

    def add(self, fragment: PageFragment) -> None:
        self.nodes.update(row[0] for row in fragment.entities)
        self.edges.update(row[:3] for row in fragment.edges)
        self.articles.update(n for n, _ in fragment.article_rows)


def _store_writer(out_dir: Path, header: bytes, caches, with_store: bool):
    """The store this build writes: with a cache, a copy of the previous store to which the new
    pages are added (when it recorded its pages; the store rebuilds itself from graph.ttl at
    the end if it then holds other pages than the graph's); else a new one."""
    if not with_store:
        return NoStore(out_dir)
    if caches is None:
        return StoreWriter(out_dir, header)
    return StoreWriter.update_or_new(out_dir, header)


# -- pages ---------------------------------------------------------------------------


@dataclass
class _Caches:
    extraction: ExtractionCache  # a page's extractions, by content
    ns: str  # names the code that makes a page's fragment from them (kg.cache.fragment_namespace)


def iter_fragments(files: list[Path], report: BuildReport, *, caches: _Caches | None = None,
                   jobs: int = 1, scheduler: str | None = None,
                   progress: Callable[[Path], None] | None = None,
                   known: dict[Path, str] | None = None,
                   while_workers: Callable[[], None] | None = None) -> Iterator[tuple[str | None, PageFragment]]:
    """(content key, fragment) of each readable file, in input order (the key is None without a
    cache); unreadable files go to report.skipped. known: content keys already computed, so no
    file is read and hashed twice. while_workers: called once the workers are started, when
    there are workers."""
    known = {} if known is None else known
    use_workers = bool(scheduler) or (jobs > 1 and _worth_workers(files, caches, report, known))
    if not use_workers:
        yield from _pages_here(files, report, caches, progress, known)
        return
    if not scheduler:
        t = time.perf_counter()
        prepare_to_fork()
        report.add_time("extract", time.perf_counter() - t)
    with page_executor(jobs, scheduler) as ex:
        report.workers = executor_width(ex, jobs)
        if while_workers is not None:
            while_workers()
        yield from _pages_on(ex, files, report, caches, progress, known)


def _worth_workers(files: list[Path], caches: _Caches | None, report: BuildReport,
                   known: dict[Path, str]) -> bool:
    """Enough new text to pay for starting workers? (Reads files to look them up in the cache;
    their keys go to `known`, so a cached page is not read again.)"""
    t = time.perf_counter()
    n = size = 0
    for f in files:
        try:
            if caches is None:
                b = f.stat().st_size
            else:
                data = read_bytes(f)
                known[f] = content_key(data)
                if caches.extraction.has(known[f]):
                    continue
                b = len(data)
        except (OSError, DecodeError):
            continue
        n += 1
        size += b
        if n >= MIN_PARALLEL_PAGES and size >= MIN_PARALLEL_BYTES:
            break
    report.add_time("ingest", time.perf_counter() - t)
    return n >= MIN_PARALLEL_PAGES and size >= MIN_PARALLEL_BYTES


def _from_cache(f: Path, key: str | None, caches: _Caches | None, report: BuildReport) -> PageFragment | None:
    """The page's fragment, made here from its cached extractions; None when they are not cached."""
    if caches is None or key is None:
        return None
    page = caches.extraction.get(key, f.name)
    if page is None:
        return None
    t = time.perf_counter()
    fragment = fragment_of(f.name, page)
    report.add_time("resolve", time.perf_counter() - t)
    report.cached += 1
    return fragment


def _pages_here(files, report, caches, progress, known):
    for f in files:
        t0 = time.perf_counter()
        key = known.get(f)
        fragment = _from_cache(f, key, caches, report)
        if fragment is None:
            try:
                data = read_bytes(f)
            except (DecodeError, OSError) as e:
                _skip(report, f, e, progress)
                continue
            if caches is not None and key is None:
                key = content_key(data)
                fragment = _from_cache(f, key, caches, report)
        if fragment is not None:
            report.add_time("ingest", time.perf_counter() - t0)
            _done(report, f, fragment, progress)
            yield key, fragment
            continue
        page, reason, t_ingest, t_extract = extract_bytes(f.name, data)
        del data
        report.add_time("ingest", t_ingest + (time.perf_counter() - t0 - t_ingest - t_extract))
        report.add_time("extract", t_extract)
        if page is None:
            _skip(report, f, reason, progress)
            continue
        t = time.perf_counter()
        fragment = fragment_of(f.name, page)
        if caches is not None:
            caches.extraction.put_later(key, codec.encode(page))
        report.add_time("resolve", time.perf_counter() - t)
        report.extracted += 1
        _done(report, f, fragment, progress)
        yield key, fragment


def _pages_on(ex, files, report, caches, progress, known):
    """Pages extracted by the executor's workers, yielded in input order as they complete."""
    local = not isinstance(ex, DaskExecutor)
    per_task = PAGES_PER_TASK if local else 1
    limit = TASKS_PER_WORKER * per_task * max(1, report.workers)  # pages sent and not yet folded
    # [path, key, fragment | why it is skipped | (future, index in its task's results) | None: not sent yet]
    window: deque[list] = deque()
    unsent: list[list] = []  # the entries of the next local task
    in_flight = 0

    def send() -> None:
        root = str(caches.extraction.root) if caches is not None else None
        writable = caches is not None and caches.extraction.writable
        fut = ex.submit(files_task, [str(e[0]) for e in unsent], root, writable)
        for i, e in enumerate(unsent):
            e[2] = (fut, i)
        unsent.clear()

    def emit(entry):
        nonlocal in_flight
        f, key, item = entry
        if isinstance(item, PageFragment):
            _done(report, f, item, progress)
            return key, item
        if isinstance(item, str):
            _skip(report, f, item, progress)
            return None
        if item is None:
            send()
            item = entry[2]
        in_flight -= 1
        fut, i = item
        t = time.perf_counter()
        result = fut.result()  # waits for the worker
        report.add_time("extract", time.perf_counter() - t)
        if local:
            status, key, detail, fragment = result[i]
        else:
            status, detail, fragment = result
        if status == "skip":
            _skip(report, f, detail, progress)
            return None
        if status == "hit":
            report.cached += 1
        else:
            report.extracted += 1
            if caches is not None and status == "ok":  # a Dask worker's extractions, for the cache
                caches.extraction.put_later(key, detail)
            elif caches is not None and detail:  # why the worker could not write them
                caches.extraction.writable = False
                caches.extraction.error = caches.extraction.error or detail
        _done(report, f, fragment, progress)
        return key, fragment

    def ready(entry) -> bool:
        item = entry[2]
        return item is not None and (not isinstance(item, tuple) or item[0].done())

    for f in files:
        t0 = time.perf_counter()
        fragment = _from_cache(f, known.get(f), caches, report)
        if fragment is not None:
            window.append([f, known[f], fragment])
        elif local:  # the worker reads the file
            window.append([f, None, None])
            unsent.append(window[-1])
            in_flight += 1
            if len(unsent) >= per_task:
                send()
        else:
            window.append(_submit(ex, f, caches, report))
            if isinstance(window[-1][2], tuple):
                in_flight += 1
        report.add_time("ingest", time.perf_counter() - t0)
        while window and (in_flight >= limit or ready(window[0])):
            done = emit(window.popleft())
            if done is not None:
                yield done
    if unsent:
        send()
    while window:
        done = emit(window.popleft())
        if done is not None:
            yield done


def _submit(ex, f: Path, caches, report) -> list:
    """A Dask task for one page: [path, key, fragment from the cache | (future, 0) | why it is skipped].
    This process reads the file: the cluster's workers may have no access to it."""
    try:
        data = read_bytes(f)
    except (DecodeError, OSError) as e:
        return [f, None, skip_reason(e)]
    key = content_key(data) if caches is not None else None
    fragment = _from_cache(f, key, caches, report)
    if fragment is not None:
        return [f, key, fragment]
    return [f, key, (ex.submit(page_task, f.name, data), 0)]


def _import_soon(module: str) -> None:
    """Imports module in a thread of its own; where the build needs it, the import statement
    finds it done (or waits for it). Only once no more workers will be forked (page_executor)."""
    def run() -> None:
        try:
            importlib.import_module(module)
        except Exception:  # the import where the module is used reports it
            pass

    threading.Thread(target=run, name=f"kg-import-{module}", daemon=True).start()


def _done(report: BuildReport, f: Path, fragment: PageFragment, progress) -> None:
    report.files += 1
    report.articles += fragment.articles
    if progress:
        progress(f)


def _skip(report: BuildReport, f: Path, why: Exception | str, progress) -> None:
    report.skipped.append(Skipped(f, why if isinstance(why, str) else skip_reason(why)))
    if progress:
        progress(f)


def _stage(stage: Callable[[str], None] | None, name: str) -> None:
    if stage:
        stage(name)


