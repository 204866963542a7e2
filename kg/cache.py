"""The extraction cache: one JSON file (kg.codec) per page, keyed by the page's content.

    cache = ExtractionCache(Path("out/.cache"))
    key = content_key(data)             # sha256 of the file's bytes
    page = cache.get(key, "a.txt")      # list[ArticleExtraction] or None
    cache.put(key, codec.encode(page))
    cache.put_later(key, data)          # the same, written by a thread; cache.flush() waits for it

Entries live under ROOT/extract/NAMESPACE/ab/abcdef….json, where NAMESPACE is a
hash of the extractor version (kg.extract.VERSION), the codec version, the bytes
of the data files in kg/data and the source of kg.ingest and kg.extract: a new
extractor, word list or code change starts a new namespace, so old entries are
never read again (delete ROOT to reclaim the space). An entry that cannot be read or decoded is a miss and is written anew.
Writes go to a temporary name and are renamed into place, so concurrent builds
sharing a cache never read half an entry.
"""
from __future__ import annotations

import hashlib
import queue
import threading
from functools import lru_cache
from pathlib import Path

from kg import codec
from kg.atomic import write_atomic
from kg.model import ArticleExtraction

PACKAGE = Path(__file__).resolve().parent
DATA_DIR = PACKAGE / "data"
DATA_SUFFIXES = (".txt", ".gz", ".tsv")
# The code a page's extractions depend on: a change to it, even without a new
# kg.extract.VERSION, starts a new namespace.
CODE = ("extract", "ingest", "lexicon.py", "gazetteer.py", "model.py", "codec.py")
# ... and the code a page's fragment (kg.fragment) and the saved corpus graph (kg.state)
# depend on besides.
FRAGMENT_CODE = ("resolve", "graph.py", "rdf.py", "fragment.py", "merge.py", "state.py")
MAX_ENTRY_BYTES = 512 * 1024 * 1024


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def data_hash() -> str:
    """Hash of the data files the extractor reads (word lists, gazetteer)."""
    h = hashlib.sha256()
    for f in sorted(DATA_DIR.iterdir()):
        if f.is_file() and f.name.endswith(DATA_SUFFIXES):
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=4)
def code_hash(names: tuple[str, ...] = CODE) -> str:
    """Hash of the source of ingest and extract (and what they import), or of `names`."""
    h = hashlib.sha256()
    for name in names:
        p = PACKAGE / name
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            if f.is_file():
                h.update(str(f.relative_to(PACKAGE)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def namespace() -> str:
    """Names the extractor that made an entry: entries of another namespace are not used."""
    import kg.extract  # read the version at call time: a new VERSION invalidates the cache

    h = hashlib.sha256(f"{kg.extract.VERSION}\0{codec.CODEC_VERSION}\0{data_hash()}\0{code_hash()}".encode())
    return f"v{kg.extract.VERSION}-{h.hexdigest()[:16]}"


def fragment_namespace() -> str:
    """Names the extractor and the code that turns its output into a page fragment and folds
    it (resolve, graph, rdf, merge, state): the store's pages and the saved graph (kg.state)
    carry it, so that a build by other code starts from nothing."""
    h = hashlib.sha256(f"{namespace()}\0{code_hash(FRAGMENT_CODE)}".encode())
    return f"f{h.hexdigest()[:16]}"


class ExtractionCache:
    def __init__(self, root: Path, ns: str | None = None):
        self.root = Path(root)
        self.dir = self.root / "extract" / (ns or namespace())
        self.writable = True
        self.error: str = ""  # why writing was given up, for the build report
        self._pending: queue.Queue | None = None  # entries for the writer thread (put_later)
        self._writer: threading.Thread | None = None
        # key -> entry given to put_later and not yet written: get() and has() read them here, so
        # a copy of a page met before its entry is on disk is not extracted again
        self._unwritten: dict[str, bytes] = {}

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return key in self._unwritten or self.path(key).is_file()

    def get(self, key: str, source: str) -> list[ArticleExtraction] | None:
        data = self._unwritten.get(key)
        if data is None:
            p = self.path(key)
            try:
                if p.stat().st_size > MAX_ENTRY_BYTES:
                    return None
                data = p.read_bytes()
            except OSError:
                return None
        try:
            return codec.decode(data, source)
        except codec.CodecError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store an encoded page; a cache that cannot be written is given up, not an error."""
        if not self.writable:
            return
        p = self.path(key)
        try:
            write_atomic(p, data, durable=False)
        except OSError as e:
            self.writable = False
            self.error = f"cannot write the cache {self.root}: {e.strerror or e}"

    def put_later(self, key: str, data: bytes) -> None:
        """put() in a thread of its own: creating and renaming a file costs ~0.9 ms, which the
        build spends extracting the next page instead (the thread holds the GIL only between
        system calls). Call flush() before reading `error` or `writable`."""
        if self._writer is None:
            self._pending = queue.Queue(maxsize=64)  # bounds the memory of entries not yet written
            self._writer = threading.Thread(target=self._write_pending, name="kg-cache", daemon=True)
            self._writer.start()
        self._unwritten[key] = data
        self._pending.put((key, data))

    def _write_pending(self) -> None:
        while (entry := self._pending.get()) is not None:
            key, data = entry
            self.put(key, data)
            if self._unwritten.get(key) is data:  # not given again meanwhile
                del self._unwritten[key]

    def flush(self) -> None:
        """Waits until every put_later entry is written (or given up)."""
        if self._writer is not None:
            self._pending.put(None)
            self._writer.join()
            self._writer = self._pending = None
