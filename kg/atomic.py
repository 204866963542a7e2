"""Files that appear whole or not at all: written beside the target, then renamed over it."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_file(path: Path | str, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file that becomes `path` when the block ends without error, and nothing otherwise.

    The temporary file is `.NAME.*.tmp` in the same directory (so the rename is atomic); a build
    killed half way leaves only such a file, which the next build removes (kg.pipeline.build_lock).
    durable=False skips the fsync, for files that may be lost in a power cut but never seen half
    written (cache entries: a lost one is a miss).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    with atomic_file(path, durable=durable) as f:
        f.write(data)
