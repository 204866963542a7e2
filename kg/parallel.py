"""Ingest, extract and resolve pages, in this process, in worker processes or on a Dask cluster.

Each worker process builds its Extractor and Resolver once (ProcessPoolExecutor
initializer, or on the first task of a Dask worker). A worker on this machine gets a
few file names at a time and reads, hashes and looks up each file in the extraction
cache itself, writing the entries of the pages it extracts (files_task): the process
that folds every page then only receives fragments. A Dask worker may be on another
machine: it gets each page as (file name, bytes) and returns the page's extractions as
JSON beside its fragment (page_task), so it needs no access to the input files or the
cache, only an installed `kg`.

    with page_executor(jobs=2) as ex:
        fut = ex.submit(files_task, ["a.txt", "b.txt"], "out/.cache", True)
        for status, key, detail, fragment in fut.result(): ...
    with page_executor(scheduler="tcp://host:8786") as ex:
        status, detail, fragment = ex.submit(page_task, "a.txt", data).result()
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg import codec, gctune
from kg.cache import ExtractionCache, content_key
from kg.fragment import PageFragment, page_fragment
from kg.ingest import DecodeError, page_from_bytes, read_bytes, skip_reason
from kg.model import ArticleExtraction

_EXTRACTOR = None  # the worker's own Extractor, built once
_RESOLVER = None  # and its Resolver
SCHEDULER_TIMEOUT = 20.0  # seconds to wait for a Dask scheduler to answer


def extractor():
    """This process's Extractor (built on first use: ~0.3 s, the segmenter's dictionary)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from kg.extract import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def resolver():
    """This process's Resolver (built on first use: the gazetteer, ~0.15 s)."""
    global _RESOLVER
    if _RESOLVER is None:
        from kg.resolve import Resolver

        _RESOLVER = Resolver()
    return _RESOLVER


def prepare_to_fork() -> None:
    """Builds this process's Extractor and Resolver before its workers are forked: they start
    with copies of them instead of each building its own (~0.7 s), and the build needs the
    resolver after the last page anyway (the gazetteer parents). Where workers are spawned,
    only the resolver."""
    resolver()
    if _context().get_start_method() == "fork":
        extractor()


def init_worker() -> None:
    extractor()
    resolver()
    gctune.settle()


def fragment_of(name: str, page: list[ArticleExtraction]) -> PageFragment:
    """The page's fragment of the graph: resolved alone, as graph data and Turtle lines."""
    return page_fragment(name, resolver().resolve_page(page))


def default_jobs(store: bool = True) -> int:
    """Worker processes for a build: the cores this process may run on, but one when the build
    writes the store. The store loads in a thread of the main process that is as busy as a
    worker (pyoxigraph's bulk load, ~6 µs a triple): on 2 cores, 2 workers and the loader
    took longer than the main process extracting alone beside it (100 MB: 173 s against 166 s)."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    return max(1, cores - 1) if store else cores


def extract_bytes(name: str, data: bytes) -> tuple[list[ArticleExtraction] | None, str, float, float]:
    """(extractions, "", ingest seconds, extract seconds), or (None, why it was skipped, ...).

    The same checks as kg.ingest.read_page, on bytes already read."""
    t0 = time.perf_counter()
    try:
        page = page_from_bytes(data, name)
    except DecodeError as e:
        return None, str(e), time.perf_counter() - t0, 0.0
    t1 = time.perf_counter()
    out = extractor().extract_page(page.articles)
    return out, "", t1 - t0, time.perf_counter() - t1


def files_task(paths: list[str], cache_root: str | None = None, write_cache: bool = True) -> list[tuple]:
    """A local worker's task: a few input files, in input order. For each,
    (status, content key, detail, fragment):

    - "skip": the file cannot be read or decoded (detail: why; no fragment);
    - "hit": its extractions were in the cache under cache_root (the fragment is made from them);
    - "new": extracted here, and written to the cache when there is one and write_cache
      (detail: why the cache could not be written, or "").

    The key is None without a cache."""
    cache = None
    if cache_root is not None:
        cache = ExtractionCache(Path(cache_root))
        cache.writable = write_cache
    return [_file_result(Path(p), cache) for p in paths]


def _file_result(path: Path, cache: ExtractionCache | None) -> tuple:
    try:
        data = read_bytes(path)
    except (DecodeError, OSError) as e:
        return "skip", None, skip_reason(e), None
    key = None
    if cache is not None:
        key = content_key(data)
        page = cache.get(key, path.name)
        if page is not None:
            return "hit", key, "", fragment_of(path.name, page)
    page, reason, _, _ = extract_bytes(path.name, data)
    if page is None:
        return "skip", key, reason, None
    fragment = fragment_of(path.name, page)
    if cache is None:
        return "new", key, "", fragment
    cache.put(key, codec.encode(page))
    return "new", key, cache.error, fragment


def page_task(name: str, data: bytes) -> tuple[str, str, PageFragment | None]:
    """A Dask worker's task: ("ok", the page's extractions as kg.codec JSON, its fragment), or
    ("skip", why, None). The fragment travels pickled."""
    page, reason, _, _ = extract_bytes(name, data)
    if page is None:
        return "skip", reason, None
    return "ok", codec.encode(page), fragment_of(name, page)


def _context():
    """fork on Linux: workers start at once, as copies of this process, and a script that
    calls build() needs no `if __name__ == "__main__"` guard. (Builds start their workers
    before any thread of their own; kg build's progress bar refreshes without a thread.)
    Elsewhere spawn, the platform's safe default."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used; str(exc) is one line for the user."""


class DaskExecutor(Executor):
    """The slice of the Executor interface the build uses, on a dask.distributed Client."""

    def __init__(self, address: str, timeout: float | None = None):
        try:
            from dask.distributed import Client
        except ImportError:
            raise SchedulerError("--scheduler needs dask.distributed: pip install 'kg-zh[dask]'") from None
        try:
            self.client = Client(address, timeout=timeout or SCHEDULER_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(e).split())}") \
                from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn, /, *args, **kwargs):
        return self.client.submit(fn, *args, pure=False, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.client.close()


@contextmanager
def page_executor(jobs: int = 2, scheduler: str | None = None) -> Iterator[Executor]:
    """Worker processes (jobs of them), or the Dask cluster whose scheduler is at `scheduler`.
    Forked workers exist when this returns, so the caller may start threads of its own: a
    child forked while a thread held a lock (an import's, a queue's) could never take it."""
    if scheduler:
        ex = DaskExecutor(scheduler)
    else:
        ex = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=init_worker)
        ex.submit(os.getpid)  # with fork, the first task forks every worker (the pool spawns none later)
    try:
        yield ex
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def executor_width(ex: Executor, jobs: int) -> int:
    """How many tasks the executor runs at once."""
    return ex.workers if isinstance(ex, DaskExecutor) else jobs
