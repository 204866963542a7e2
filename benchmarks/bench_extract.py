"""Ingest + extract speed, and a byte-for-byte check of its output against a reference dump.

    python benchmarks/bench_extract.py dump  REF_DIR PAGES...   write each page's codec JSON
    python benchmarks/bench_extract.py check REF_DIR PAGES...   recompute and compare
    python benchmarks/bench_extract.py time  PAGES... [--repeat 3] [--jieba]

PAGES are files or directories of .txt pages. The reference is written before a
change and checked after it: any difference is a change of output.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

# Appended, not prepended: PYTHONPATH=another/checkout times that checkout's kg.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from kg import codec  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.ingest import page_from_bytes  # noqa: E402


def page_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def ref_name(f: Path) -> str:
    """One reference file per input path, whatever directory it sits in."""
    return hashlib.sha1(str(f.resolve()).encode()).hexdigest()[:12] + "_" + f.stem + ".json"


def encode_page(ex: Extractor, f: Path) -> str:
    page = page_from_bytes(f.read_bytes(), f.name)
    return codec.encode([ex.extract(a) for a in page.articles])


def dump(ref: Path, files: list[Path]) -> None:
    ref.mkdir(parents=True, exist_ok=True)
    ex = Extractor()
    for f in files:
        (ref / ref_name(f)).write_text(encode_page(ex, f), encoding="utf-8")
    print(f"wrote {len(files)} pages to {ref}")


def check(ref: Path, files: list[Path]) -> int:
    ex = Extractor()
    bad = [f for f in files if encode_page(ex, f) != (ref / ref_name(f)).read_text(encoding="utf-8")]
    for f in bad[:20]:
        print("DIFFERS:", f)
    print(f"{len(files) - len(bad)}/{len(files)} pages identical")
    return 1 if bad else 0


def timing(files: list[Path], repeat: int, with_jieba: bool) -> None:
    import kg

    print("kg from", Path(kg.__file__).parent)
    ex = Extractor()
    data = [(f.name, f.read_bytes()) for f in files]
    chars = sum(len(d.decode("utf-8", "replace")) for _, d in data)
    best = min(_time_extract(ex, data) for _ in range(repeat))
    print(f"ingest+extract: {chars / best / 1e6:.3f} M chars/s ({chars:,} chars, best of {repeat}: {best:.2f} s)")
    if with_jieba:
        import jieba

        jieba.initialize()
        texts = [d.decode("utf-8", "replace") for _, d in data]
        best = min(_time_jieba(jieba, texts) for _ in range(repeat))
        print(f"jieba.lcut:     {chars / best / 1e6:.3f} M chars/s (best of {repeat}: {best:.2f} s)")


# CPU time of this process: other processes on the machine change it far less than wall time.
def _time_extract(ex: Extractor, data) -> float:
    t = time.process_time()
    for name, d in data:
        for a in page_from_bytes(d, name).articles:
            ex.extract(a)
    return time.process_time() - t


def _time_jieba(jieba, texts) -> float:
    t = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=("dump", "check", "time"))
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jieba", action="store_true")
    args = ap.parse_args()
    if args.command == "time":
        timing(page_files(args.paths), args.repeat, args.jieba)
        return 0
    ref, files = Path(args.paths[0]), page_files(args.paths[1:])
    if args.command == "dump":
        dump(ref, files)
        return 0
    return check(ref, files)


if __name__ == "__main__":
    sys.exit(main())
