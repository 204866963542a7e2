"""Per-page resolution speed (kg.resolve.Resolver.resolve_page), and a check of its output
against a reference dump.

    python benchmarks/bench_resolve.py extract OUT_DIR PAGES...  ingest + extract .txt pages once,
                                                                 saved as OUT_DIR/<page>.txt.json
    python benchmarks/bench_resolve.py dump  REF_DIR PAGES...    write each page's Resolution as text
    python benchmarks/bench_resolve.py check REF_DIR PAGES...    resolve again and compare
    python benchmarks/bench_resolve.py time  PAGES... [--repeat 3]

PAGES are files or directories of extractions (.json, written by `extract`), or .txt pages,
which are extracted first (slow, and outside the timing). The dump keeps every order a later
stage sees: articles, entities in dict order (aliases and articles sorted), relations and
positions in list order.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Appended, not prepended: PYTHONPATH=another/checkout times that checkout's kg.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from kg import codec, gctune  # noqa: E402
from kg.model import ArticleExtraction, Resolution  # noqa: E402
from kg.resolve import Resolver  # noqa: E402
from reference import best_cpu, check, dump  # noqa: E402  (benchmarks/, the script's folder)

EXTRACTION_SUFFIX = ".json"


def page_files(paths: list[str], suffixes=(".txt", EXTRACTION_SUFFIX)) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix in suffixes))
        else:
            out.append(p)
    return out


def load_page(f: Path) -> list[ArticleExtraction]:
    """A saved extraction (named <page>.json) or a .txt page, extracted now."""
    if f.suffix == EXTRACTION_SUFFIX:
        return codec.decode(f.read_bytes(), f.name[: -len(EXTRACTION_SUFFIX)])
    from kg.extract import Extractor
    from kg.ingest import page_from_bytes

    ex = Extractor()
    return [ex.extract(a) for a in page_from_bytes(f.read_bytes(), f.name).articles]


def extract(out: Path, files: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for f in files:
        (out / (f.name + EXTRACTION_SUFFIX)).write_bytes(codec.encode(load_page(f)))
    print(f"wrote {len(files)} extractions to {out}")


def canonical(res: Resolution) -> str:
    """The Resolution as text, one JSON row per line, in the order the next stage reads it."""
    rows: list[list] = [["articles", [a.id for a in res.articles]]]
    for key, e in res.entities.items():
        rows.append(["E", key, e.key, e.name, e.type, e.code, e.gazetteer, sorted(e.aliases), sorted(e.articles)])
    rows += [["R", r.subject, r.predicate, r.object, r.evidence, r.article] for r in res.relations]
    rows += [["P", p.person, p.title, p.org, p.evidence, p.article] for p in res.positions]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def timing(files: list[Path], repeat: int) -> None:
    import kg

    print("kg from", Path(kg.__file__).parent)
    pages = [load_page(f) for f in files]
    resolver = Resolver()
    resolver.resolve_page(pages[0])  # gazetteer loaded outside the timing
    gctune.settle()  # the collector as a build's workers run it: default thresholds timed mostly GC
    # Each page's resolution is dropped at once, as in a build (keeping them all timed the collector).
    best = best_cpu(lambda: [resolver.resolve_page(page) and None for page in pages], repeat)
    print(f"resolve_page: {best / len(pages) * 1e3:.3f} ms/page "
          f"({len(pages)} pages, best of {repeat}: {best:.3f} s CPU)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=("extract", "dump", "check", "time"))
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.command == "time":
        timing(page_files(args.paths), args.repeat)
        return 0
    target = Path(args.paths[0])
    if args.command == "extract":
        extract(target, page_files(args.paths[1:], suffixes=(".txt",)))
        return 0
    resolver = Resolver()
    run = dump if args.command == "dump" else check
    return run(target, page_files(args.paths[1:]), lambda f: canonical(resolver.resolve_page(load_page(f))),
               ".res") or 0


if __name__ == "__main__":
    sys.exit(main())
