"""Ingest + extract speed, and a byte-for-byte check of its output against a reference dump.

    python benchmarks/bench_extract.py dump  REF_DIR PAGES...   write each page's codec JSON
    python benchmarks/bench_extract.py check REF_DIR PAGES...   recompute and compare
    python benchmarks/bench_extract.py time  PAGES... [--repeat 3] [--jieba]

PAGES are files or directories of .txt pages. The reference is written before a
change and checked after it: any difference is a change of output.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Appended, not prepended: PYTHONPATH=another/checkout times that checkout's kg.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from kg import codec  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.ingest import page_from_bytes  # noqa: E402
from reference import best_cpu, check, dump  # noqa: E402  (benchmarks/, the script's folder)


def page_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def encode_page(ex: Extractor, f: Path) -> str:
    page = page_from_bytes(f.read_bytes(), f.name)
    return codec.encode([ex.extract(a) for a in page.articles]).decode("utf-8")


def timing(files: list[Path], repeat: int, with_jieba: bool) -> None:
    import kg

    print("kg from", Path(kg.__file__).parent)
    ex = Extractor()
    data = [(f.name, f.read_bytes()) for f in files]
    chars = sum(len(d.decode("utf-8", "replace")) for _, d in data)
    best = best_cpu(lambda: _extract_all(ex, data), repeat)
    print(f"ingest+extract: {chars / best / 1e6:.3f} M chars/s ({chars:,} chars, best of {repeat}: {best:.2f} s)")
    if with_jieba:
        import jieba

        jieba.initialize()
        texts = [d.decode("utf-8", "replace") for _, d in data]
        best = best_cpu(lambda: [jieba.lcut(text) for text in texts], repeat)
        print(f"jieba.lcut:     {chars / best / 1e6:.3f} M chars/s (best of {repeat}: {best:.2f} s)")


def _extract_all(ex: Extractor, data) -> None:
    for name, d in data:
        for a in page_from_bytes(d, name).articles:
            ex.extract(a)


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
    ex = Extractor()
    run = dump if args.command == "dump" else check
    return run(ref, files, lambda f: encode_page(ex, f), ".json") or 0


if __name__ == "__main__":
    sys.exit(main())
