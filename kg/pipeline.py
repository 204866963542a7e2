"""The whole build: files -> pages -> extractions -> resolution -> graph -> outputs.

Each stage is a function of the previous stage's data (kg.model); this module
only sequences them and writes the outputs so that a failed build leaves the
previous out/ untouched (every file is written to a temporary name, then renamed).

Scale:
- pages stream through: a file is read, extracted (or taken from the extraction
  cache, kg.cache) and handed to the resolver in input order; no raw text is kept;
- with jobs > 1 the per-page ingest + extract runs in worker processes (kg.parallel),
  or on a Dask cluster with scheduler=ADDRESS; resolution, graph and outputs stay
  here, and the pages are resolved in input order, so the outputs are byte-identical
  to a build in one process;
- graph.ttl is serialized as a stream, and the store is loaded from it in a thread
  while graph.html is written (pyoxigraph loads without holding the GIL).
"""
from __future__ import annotations

import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg import codec
from kg.cache import ExtractionCache, content_key
from kg.graph import build_graph
from kg.ingest import DecodeError, Skipped, input_files, read_bytes
from kg.model import ArticleExtraction
from kg.parallel import executor_width, extract_bytes, extract_task, page_executor
from kg.rdf import write_turtle
from kg.resolve import Resolver

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
        for stale in out_dir.glob(".*.tmp"):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
        yield
    finally:
        f.close()  # closing the file releases the lock

# Workers cost ~0.5 s to start (each builds its segmenter): below this much new text,
# extracting here is faster.
MIN_PARALLEL_PAGES = 8
MIN_PARALLEL_BYTES = 256 * 1024
TASKS_PER_WORKER = 4  # pages in flight per worker: enough to keep it busy, few enough to hold little text

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
    graph: nx.MultiDiGraph | None = None
    extracted: int = 0  # pages extracted by this build
    cached: int = 0  # pages taken from the extraction cache
    workers: int = 0  # worker processes (or Dask threads) used; 0: extracted in this process
    cache_dir: Path | None = None
    cache_error: str = ""  # why the cache could not be written, if it could not

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def build(inputs: list[Path], out_dir: Path, *, html: bool = True,
          progress: Callable[[Path], None] | None = None, jobs: int = 1,
          cache: Path | bool | None = None, scheduler: str | None = None,
          stage: Callable[[str], None] | None = None) -> BuildReport:
    """Build the graph of the pages in `inputs` into out_dir.

    jobs: worker processes for ingest + extract (1: in this process; fewer new pages
    than MIN_PARALLEL_PAGES are always extracted here). scheduler: address of a Dask
    scheduler to extract on instead. cache: the extraction cache directory (None or
    True: out_dir/.cache; False: none). progress is called once per input file, in
    input order; stage with the name of each stage after extraction as it starts.
    """
    with build_lock(out_dir):
        return _build(inputs, out_dir, html=html, progress=progress, jobs=jobs, cache=cache,
                      scheduler=scheduler, stage=stage)


def _build(inputs, out_dir, *, html, progress, jobs, cache, scheduler, stage) -> BuildReport:
    t_start = time.perf_counter()
    report = BuildReport()
    files, skipped = input_files(inputs)
    report.skipped.extend(skipped)
    store = None
    if cache is not False:
        root = Path(out_dir) / ".cache" if cache in (None, True) else Path(cache)
        store = ExtractionCache(root)
        report.cache_dir = root
    pages = iter_pages(files, report, cache=store, jobs=jobs, scheduler=scheduler, progress=progress)
    timed = _Timed(pages)
    t = time.perf_counter()
    try:
        res = Resolver().resolve(timed)
    finally:
        pages.close()
    report.add_time("resolve", time.perf_counter() - t - timed.inside)
    if store is not None:
        report.cache_error = store.error
    _stage(stage, "graph")
    t = time.perf_counter()
    g = build_graph(res)
    del res  # the graph holds what the outputs need
    report.seconds["graph"] = time.perf_counter() - t
    write_outputs(g, out_dir, report, html=html, stage=stage)
    report.graph = g
    report.entities = sum(1 for _, d in g.nodes(data=True) if d.get("node") == "entity")
    report.relations = g.number_of_edges()
    report.seconds["total"] = time.perf_counter() - t_start
    return report


# -- pages ---------------------------------------------------------------------------


def iter_pages(files: list[Path], report: BuildReport, *, cache: ExtractionCache | None = None,
               jobs: int = 1, scheduler: str | None = None,
               progress: Callable[[Path], None] | None = None) -> Iterator[list[ArticleExtraction]]:
    """Each readable file's extractions, in input order; unreadable files go to report.skipped."""
    known: dict[Path, str] = {}  # content keys already computed, so no file is read and hashed twice
    use_workers = bool(scheduler) or (jobs > 1 and _worth_workers(files, cache, report, known))
    if not use_workers:
        yield from _pages_here(files, report, cache, progress, known)
        return
    with page_executor(jobs, scheduler) as ex:
        report.workers = executor_width(ex, jobs)
        yield from _pages_on(ex, files, report, cache, progress, known)


def _worth_workers(files: list[Path], cache: ExtractionCache | None, report: BuildReport,
                   known: dict[Path, str]) -> bool:
    """Enough new text to pay for starting workers? (Reads files to look them up in the cache;
    their keys go to `known`, so a cached page is not read again.)"""
    t = time.perf_counter()
    n = size = 0
    for f in files:
        try:
            if cache is None:
                b = f.stat().st_size
            else:
                data = read_bytes(f)
                known[f] = content_key(data)
                if cache.has(known[f]):
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


def _cached(f: Path, cache: ExtractionCache | None, known: dict[Path, str]):
    """The page from the cache by a key computed earlier in this build, without reading f again."""
    key = known.get(f)
    return cache.get(key, f.name) if cache is not None and key else None


def _pages_here(files, report, cache, progress, known):
    for f in files:
        t0 = time.perf_counter()
        page = _cached(f, cache, known)
        if page is not None:
            report.cached += 1
            report.add_time("ingest", time.perf_counter() - t0)
            _done(report, f, page, progress)
            yield page
            continue
        try:
            data = read_bytes(f)
        except (DecodeError, OSError) as e:
            _skip(report, f, e, progress)
            continue
        page = None
        if cache is not None:
            key = content_key(data)
            page = cache.get(key, f.name)
        if page is not None:
            report.cached += 1
            report.add_time("ingest", time.perf_counter() - t0)
        else:
            page, reason, t_ingest, t_extract = extract_bytes(f.name, data)
            report.add_time("ingest", t_ingest + (time.perf_counter() - t0 - t_ingest - t_extract))
            if page is None:
                _skip(report, f, reason, progress)
                continue
            t1 = time.perf_counter()
            if cache is not None:
                cache.put(key, codec.encode(page))
            report.add_time("extract", t_extract + time.perf_counter() - t1)
            report.extracted += 1
        del data
        _done(report, f, page, progress)
        yield page


def _pages_on(ex, files, report, cache, progress, known):
    """Pages extracted by the executor's workers, yielded in input order as they complete."""
    limit = TASKS_PER_WORKER * max(1, report.workers)
    window: deque = deque()  # (path, key, page | future | skip reason)
    in_flight = 0

    def emit(entry):
        nonlocal in_flight
        f, key, item = entry
        if isinstance(item, list):
            _done(report, f, item, progress)
            return item
        if isinstance(item, str):
            _skip(report, f, item, progress)
            return None
        in_flight -= 1
        t = time.perf_counter()
        status, payload, _, _ = item.result()  # waits for the worker
        if status != "ok":
            report.add_time("extract", time.perf_counter() - t)
            _skip(report, f, payload, progress)
            return None
        page = codec.decode(payload, f.name)
        if cache is not None:
            cache.put(key, payload)
        report.add_time("extract", time.perf_counter() - t)
        report.extracted += 1
        _done(report, f, page, progress)
        return page

    def ready(entry) -> bool:
        item = entry[2]
        return not hasattr(item, "result") or item.done()

    for f in files:
        t0 = time.perf_counter()
        page = _cached(f, cache, known)
        if page is not None:
            report.cached += 1
            window.append((f, known[f], page))
        else:
            window.append(_submit(ex, f, cache, report))
            if hasattr(window[-1][2], "result"):
                in_flight += 1
        report.add_time("ingest", time.perf_counter() - t0)
        while window and (in_flight >= limit or ready(window[0])):
            page = emit(window.popleft())
            if page is not None:
                yield page
    while window:
        page = emit(window.popleft())
        if page is not None:
            yield page


def _submit(ex, f: Path, cache, report):
    """(path, key, page from the cache | worker future | why it is skipped)."""
    try:
        data = read_bytes(f)
    except (DecodeError, OSError) as e:
        return f, None, _reason(e)
    key = content_key(data) if cache is not None else None
    page = cache.get(key, f.name) if cache is not None else None
    if page is not None:
        report.cached += 1
        return f, key, page
    return f, key, ex.submit(extract_task, f.name, data)


def _done(report: BuildReport, f: Path, page: list[ArticleExtraction], progress) -> None:
    report.files += 1
    report.articles += len(page)
    if progress:
        progress(f)


def _skip(report: BuildReport, f: Path, why: Exception | str, progress) -> None:
    report.skipped.append(Skipped(f, why if isinstance(why, str) else _reason(why)))
    if progress:
        progress(f)


class _Timed:
    """Wraps the page iterator: `inside` is the time spent getting pages (the rest of the
    resolver's time is resolution)."""

    def __init__(self, it: Iterable):
        self.it = iter(it)
        self.inside = 0.0

    def __iter__(self):
        return self

    def __next__(self):
        t = time.perf_counter()
        try:
            return next(self.it)
        finally:
            self.inside += time.perf_counter() - t


# -- outputs ---------------------------------------------------------------------------


def write_outputs(g: nx.MultiDiGraph, out_dir: Path, report: BuildReport, *, html: bool = True,
                  stage: Callable[[str], None] | None = None) -> None:
    from kg.store import write_store

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _stage(stage, "rdf")
    t = time.perf_counter()
    ttl = out_dir / "graph.ttl"
    report.triples = write_turtle(g, ttl)
    t_ttl = time.perf_counter() - t
    # The store, from the Turtle just written, in a thread: pyoxigraph parses and loads
    # without the GIL, so it overlaps graph.html.
    loader = _Thread(lambda: write_store(out_dir, turtle=ttl))
    loader.start()
    try:
        if html:
            from kg.viz import write_html

            _stage(stage, "html")
            t = time.perf_counter()
            write_html(g, out_dir / "graph.html")
            report.seconds["html"] = time.perf_counter() - t
    finally:
        _stage(stage, "store")
        loader.join()
    report.seconds["rdf"] = t_ttl + loader.seconds
    if loader.error is not None:
        raise loader.error


class _Thread(threading.Thread):
    def __init__(self, fn):
        super().__init__(name="kg-store", daemon=True)
        self.fn = fn
        self.error: BaseException | None = None
        self.seconds = 0.0

    def run(self) -> None:
        t = time.perf_counter()
        try:
            self.fn()
        except BaseException as e:  # re-raised in the building thread
            self.error = e
        self.seconds = time.perf_counter() - t


def _stage(stage: Callable[[str], None] | None, name: str) -> None:
    if stage:
        stage(name)


def _reason(e: Exception) -> str:
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)
