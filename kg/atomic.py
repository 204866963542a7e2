"""Files that appear whole or not at all: written beside the target, then renamed over it."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Not O_EXCL: no other writer holds the temporary name (see atomic_file), and a leftover of a
# killed process with the same name is written over. Not through a link planted in its place.
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@contextmanager
def atomic_file(path: Path | str, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file that becomes `path` when the block ends without error, and nothing otherwise.

    The temporary file is `.NAME.PID-THREAD.tmp` in the same directory (so the rename is atomic),
    a name no other writer can hold at the same time: it is not drawn at random and checked as
    tempfile does, and the file is made with its mode (0644 less the umask) rather than changed
    after (together 15-50 % of the time of writing a cache entry). A build killed half way
    leaves only such a file, which the next build removes (kg.pipeline.build_lock).
    durable=False skips the fsync, for files that may be lost in a power cut but never seen half
    written (cache entries: a lost one is a miss).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        fd = os.open(tmp, _FLAGS, 0o644)
    except FileNotFoundError:  # the first file of its folder (a cache entry, say)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, _FLAGS, 0o644)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    with atomic_file(path, durable=durable) as f:
        f.write(data)
