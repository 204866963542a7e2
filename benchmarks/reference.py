"""What the stage benchmarks share: a reference dump of a stage's output, checked after a
change (any difference is a change of output), and CPU timing.

    dump(REF, files, render, ".json")    # render(f) -> the text of f's output
    check(REF, files, render, ".json")   # exit status: 1 if any page differs
    best_cpu(lambda: work(), repeat)     # CPU seconds of the fastest of `repeat` runs
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable


def ref_name(f: Path, suffix: str) -> str:
    """One reference file per input path, whatever directory it sits in."""
    return hashlib.sha1(str(f.resolve()).encode()).hexdigest()[:12] + "_" + f.name + suffix


def dump(ref: Path, files: list[Path], render: Callable[[Path], str], suffix: str) -> None:
    ref.mkdir(parents=True, exist_ok=True)
    for f in files:
        (ref / ref_name(f, suffix)).write_text(render(f), encoding="utf-8")
    print(f"wrote {len(files)} references to {ref}")


def check(ref: Path, files: list[Path], render: Callable[[Path], str], suffix: str) -> int:
    bad = [f for f in files if render(f) != (ref / ref_name(f, suffix)).read_text(encoding="utf-8")]
    for f in bad[:20]:
        print("DIFFERS:", f)
    print(f"{len(files) - len(bad)}/{len(files)} pages identical")
    return 1 if bad else 0


def best_cpu(run: Callable[[], object], repeat: int) -> float:
    """CPU time of this process (other processes on the machine change it far less than wall
    time), of the fastest of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        run()
        best = min(best, time.process_time() - t)
    return best
