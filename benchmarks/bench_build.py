"""Build benchmark: `kg build` over 1, 10 and 100 MB of generated pages (benchmarks/corpus.py).

    .venv/bin/python benchmarks/bench_build.py                    # 1, 10 and 100 MB
    .venv/bin/python benchmarks/bench_build.py --sizes 1 10       # quicker
    .venv/bin/python benchmarks/bench_build.py --sizes 1 --keep /tmp/bench

For each size, in this run and on the same text:
  build        end-to-end `build(..., jobs=1)` (all stages, outputs written), its chars/s,
               and its time as a multiple of plain `jieba.lcut` over every page (timed
               before and after the builds; the ratios use the mean of the two);
  peak RSS     of the building process (each build runs in a fresh process); for --jobs 2
               also the peak of the process and its workers together (psutil, sampled);
  triples/s    of the output stage (graph.ttl + store);
  shares       of each stage in the build's wall time (ingest, extract, resolve, graph,
               rdf+store, html); graph.html is written while the store loads, so the
               shares of rdf+store and html overlap;
  --jobs 2     speed-up of the whole build, and of its pages phase alone (ingest + extract,
               which the workers do, and resolution, which overlaps them);
  --no-store   the same builds without the SPARQL store (graph.ttl and graph.html only);
  incremental  one page added to the corpus and rebuilt into the full build's out/ (which
               resumes from the graph that build saved, with its extraction cache): its
               time as a share of the full build's.
  --repeat N   N rounds of jieba.lcut, build --no-store and build --jobs 2 --no-store, one
               after the other (the first round is the sequence above): the ratios are then
               the median of the rounds' (a virtual machine's speed drifts between runs);
  --pair       in each round, also two --jobs 1 --no-store builds at once, side by side: what
               two processes gain over one on this machine with no work shared between them,
               the ceiling of the --jobs 2 speed-up.
Nothing asserts a time; the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kg.pipeline import STAGES  # noqa: E402  (after the path is set)


# -- one build, in a fresh process ------------------------------------------------------

def child(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--no-store", action="store_true")
    a = ap.parse_args(argv)
    from kg.pipeline import build

    t = time.perf_counter()
    r = build([a.corpus], a.out, jobs=a.jobs, cache=a.cache if a.cache else False, store=not a.no_store)
    wall = time.perf_counter() - t
    print(json.dumps({
        "wall": wall, "seconds": r.seconds, "triples": r.triples, "files": r.files, "articles": r.articles,
        "entities": r.entities, "extracted": r.extracted, "cached": r.cached, "workers": r.workers,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))


def _build_cmd(corpus: Path, out: Path, jobs: int, cache: Path | None, store: bool) -> list[str]:
    cmd = [sys.executable, __file__, "--child", str(corpus), str(out), "--jobs", str(jobs)]
    if cache:
        cmd += ["--cache", str(cache)]
    if not store:
        cmd += ["--no-store"]
    return cmd


def _child_result(p: subprocess.Popen, cmd: list[str], stdout, stderr) -> dict:
    stdout.seek(0)
    stderr.seek(0)
    if p.returncode:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{stderr.read()}")
    return json.loads(stdout.read().strip().splitlines()[-1])


def run_build(corpus: Path, out: Path, jobs: int = 1, cache: Path | None = None, store: bool = True) -> dict:
    """One build in a fresh process; adds "rss_tree", the peak of its RSS and its workers' together
    (sampled every 0.1 s with psutil, when installed)."""
    cmd = _build_cmd(corpus, out, jobs, cache, store)
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        p = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, text=True, cwd=ROOT)
        tree = _sample_tree(p)
        out = _child_result(p, cmd, stdout, stderr)
    out["rss_tree"] = tree or out["rss"]
    return out


def run_side_by_side(corpus: Path, work: Path, name: str) -> list[float]:
    """Two --jobs 1 --no-store builds of the corpus started together, each into an empty out/
    from an empty cache: their wall times."""
    cmds = []
    for k in (1, 2):
        for d in (work / f"cache{name}_{k}", work / f"out{name}_{k}"):
            shutil.rmtree(d, ignore_errors=True)
        cmds.append(_build_cmd(corpus, work / f"out{name}_{k}", 1, work / f"cache{name}_{k}", False))
    files = [(tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")) for _ in cmds]
    try:
        procs = [subprocess.Popen(c, stdout=o, stderr=e, text=True, cwd=ROOT) for c, (o, e) in zip(cmds, files)]
        for p in procs:
            p.wait()
        return [_child_result(p, c, o, e)["wall"] for p, c, (o, e) in zip(procs, cmds, files)]
    finally:
        for o, e in files:
            o.close()
            e.close()


def _sample_tree(p: subprocess.Popen) -> int:
    try:
        import psutil
    except ImportError:
        p.wait()
        return 0
    peak = 0
    try:
        proc = psutil.Process(p.pid)
    except psutil.Error:
        p.wait()
        return 0
    while p.poll() is None:
        total = 0
        try:
            for q in [proc] + proc.children(recursive=True):
                try:
                    total += q.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.1)
    return peak


# -- the benchmark ---------------------------------------------------------------------

def jieba_seconds(files: list[Path]) -> tuple[float, int]:
    """Plain jieba.lcut over every page (its dictionary loaded first, not timed)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    t = time.perf_counter()
    chars = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        chars += len(text)
        jieba.lcut(text)
    return time.perf_counter() - t, chars


def bench(mb: float, work: Path, seed: int, jobs2: bool, incremental: bool, log, repeat: int = 1,
          pair: bool = False) -> dict:
    from corpus import page, write_corpus

    corpus = work / f"corpus{mb:g}"
    t = time.perf_counter()
    files = write_corpus(corpus, mb, seed)
    log(f"{mb:g} MB: {len(files)} pages written in {time.perf_counter() - t:.1f} s")
    size = sum(f.stat().st_size for f in files)
    # Timed before and again after the builds, which take minutes: a virtual machine's speed
    # drifts over that time, and the ratios use the mean of the two.
    jt, chars = jieba_seconds(files)
    log(f"  jieba.lcut {jt:.1f} s")
    cache = work / f"cache{mb:g}"
    shutil.rmtree(cache, ignore_errors=True)  # the full build extracts every page
    shutil.rmtree(work / f"out{mb:g}", ignore_errors=True)
    full = run_build(corpus, work / f"out{mb:g}", jobs=1, cache=cache)
    log(f"  build --jobs 1 {full['wall']:.1f} s, peak RSS {full['rss'] / 2**20:.0f} MB")
    row = {"mb": mb, "bytes": size, "pages": len(files), "chars": chars, "jieba": jt, "jieba_runs": [jt],
           "full": full}
    if incremental:  # right after the full build: a change to kg/extract in between would empty the cache
        name, text = page(seed, len(files))
        (corpus / name).write_text(text, encoding="utf-8")
        inc = run_build(corpus, work / f"out{mb:g}", jobs=1, cache=cache)
        row["incremental"] = inc
        log(f"  rebuild after adding one page {inc['wall']:.1f} s "
            f"({inc['extracted']} extracted, {inc['cached']} from the cache)")
        if inc["extracted"] > 1:
            log("  warning: the cache was not used (did kg/extract, kg/ingest or kg/data change meanwhile?)")
        (corpus / name).unlink()
    # without the store: graph.ttl and graph.html only (kg build --no-store)
    row["nostore"] = _fresh_build(corpus, work, f"{mb:g}_nostore", jobs=1, store=False)
    log(f"  build --jobs 1 --no-store {row['nostore']['wall']:.1f} s")
    if jobs2:  # like the full build: from an empty cache, which it fills
        two = row["jobs2"] = _fresh_build(corpus, work, f"{mb:g}_j2", jobs=2)
        log(f"  build --jobs 2 {two['wall']:.1f} s ({two['workers']} workers)")
        row["jobs2_nostore"] = _fresh_build(corpus, work, f"{mb:g}_j2_nostore", jobs=2, store=False)
        log(f"  build --jobs 2 --no-store {row['jobs2_nostore']['wall']:.1f} s")
    if pair:
        side = run_side_by_side(corpus, work, f"{mb:g}_pair")
        log(f"  two builds --jobs 1 --no-store side by side {_seconds(side)}")
    again, _ = jieba_seconds(files)
    log(f"  jieba.lcut again {again:.1f} s")
    row["jieba_runs"].append(again)
    row["jieba"] = (jt + again) / 2
    row["rounds"] = [{"jieba": row["jieba"], "nostore": row["nostore"]["wall"]}]
    if jobs2:
        row["rounds"][0]["jobs2_nostore"] = row["jobs2_nostore"]["wall"]
    if pair:
        row["rounds"][0]["pair"] = side
    for k in range(2, repeat + 1):  # each measured right after the other, on a fresh cache
        r = {"jieba": jieba_seconds(files)[0], "nostore": _fresh_build(corpus, work, f"{mb:g}_nostore", 1, False)["wall"]}
        if jobs2:
            r["jobs2_nostore"] = _fresh_build(corpus, work, f"{mb:g}_j2_nostore", 2, False)["wall"]
        if pair:
            r["pair"] = run_side_by_side(corpus, work, f"{mb:g}_pair")
        log(f"  round {k}: " + ", ".join(f"{key} {_seconds(v)}" for key, v in r.items()))
        row["rounds"].append(r)
    return row


def _seconds(v: float | list[float]) -> str:
    return (" and ".join(f"{x:.1f}" for x in v) if isinstance(v, list) else f"{v:.1f}") + " s"


def _median(row: dict, fn) -> str:
    """fn over the row's rounds: the median, and the range when there are several."""
    values = [fn(r) for r in row["rounds"]]
    if len(values) == 1:
        return f"{values[0]:.2f}×"
    return f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})"


def _fresh_build(corpus: Path, work: Path, name: str, jobs: int, store: bool = True) -> dict:
    """A build into an empty out/ from an empty cache, which it fills."""
    shutil.rmtree(work / f"cache{name}", ignore_errors=True)
    shutil.rmtree(work / f"out{name}", ignore_errors=True)
    return run_build(corpus, work / f"out{name}", jobs=jobs, cache=work / f"cache{name}", store=store)


def _pages_phase(b: dict) -> float:
    """Wall time until the last page is resolved: with workers, resolution overlaps extraction."""
    return sum(b["seconds"].get(s, 0) for s in ("ingest", "extract", "resolve"))


def table(rows: list[dict]):
    from rich.table import Table

    t = Table(title="kg build (jobs=1 unless stated)")
    t.add_column("corpus")
    for r in rows:
        t.add_column(f"{r['mb']:g} MB", justify="right")

    def line(label, fn):
        cells = []
        for r in rows:
            try:
                cells.append(fn(r))
            except (KeyError, ZeroDivisionError):
                cells.append("–")
        t.add_row(label, *cells)

    line("pages / chars", lambda r: f"{r['pages']} / {r['chars'] / 1e6:.1f} M")
    line("entities / triples", lambda r: f"{r['full']['entities']} / {r['full']['triples']}")
    line("build time", lambda r: f"{r['full']['wall']:.1f} s")
    line("chars/s", lambda r: f"{r['chars'] / r['full']['wall'] / 1e3:.0f} k")
    line("jieba.lcut time (before / after the builds)",
         lambda r: " / ".join(f"{t:.1f}" for t in r.get("jieba_runs", [r["jieba"]])) + " s")
    line("build / jieba.lcut", lambda r: f"{r['full']['wall'] / r['jieba']:.2f}×")
    line("peak RSS", lambda r: f"{r['full']['rss'] / 2**20:.0f} MB")
    line("build --no-store time", lambda r: f"{r['nostore']['wall']:.1f} s")
    line("build --no-store / jieba.lcut", lambda r: _median(r, lambda x: x["nostore"] / x["jieba"]))
    line("output triples/s", lambda r: f"{r['full']['triples'] / r['full']['seconds']['rdf'] / 1e3:.0f} k")
    for s in STAGES:
        label = {"rdf": "share rdf+store", "html": "share html (overlaps store)"}.get(s, f"share {s}")
        line(label, lambda r, s=s: f"{100 * r['full']['seconds'].get(s, 0) / r['full']['wall']:.0f} %")
    line("--jobs 2 time", lambda r: f"{r['jobs2']['wall']:.1f} s")
    line("--jobs 2 speed-up", lambda r: f"{r['full']['wall'] / r['jobs2']['wall']:.2f}×")
    line("  pages phase (ingest+extract+resolve)", lambda r: "{:.2f}×".format(
        _pages_phase(r["full"]) / _pages_phase(r["jobs2"])))
    line("--jobs 2 --no-store speed-up", lambda r: _median(r, lambda x: x["nostore"] / x["jobs2_nostore"]))
    line("  two builds side by side (--pair): speed-up", lambda r: _median(r, lambda x: 2 * x["nostore"] / max(x["pair"])))
    line("--jobs 2 peak RSS (+workers)", lambda r: f"{r['jobs2']['rss'] / 2**20:.0f} MB "
                                                   f"({r['jobs2']['rss_tree'] / 2**20:.0f} MB)")
    line("rebuild +1 page", lambda r: f"{r['incremental']['wall']:.1f} s")
    line("incremental share", lambda r: f"{100 * r['incremental']['wall'] / r['full']['wall']:.1f} %")
    line("  of which ingest + extract (hashing inputs, loading state)", lambda r: "{:.2f} s".format(
        r["incremental"]["seconds"].get("ingest", 0) + r["incremental"]["seconds"].get("extract", 0)))
    return t


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(argv[1:])
        return
    ap = argparse.ArgumentParser(description="kg build benchmark")
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 100], help="corpus sizes in MB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="work directory to keep (default: a temporary one)")
    ap.add_argument("--no-jobs2", action="store_true", help="skip the --jobs 2 builds")
    ap.add_argument("--no-incremental", action="store_true", help="skip the rebuilds")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="rounds of jieba.lcut, --no-store and --jobs 2 --no-store builds; ratios are their medians")
    ap.add_argument("--pair", action="store_true",
                    help="also time two --jobs 1 --no-store builds side by side in each round")
    a = ap.parse_args(argv)
    from rich.console import Console

    console = Console(stderr=True)
    log = lambda m: console.print(m, markup=False, highlight=False)  # noqa: E731
    log(f"{os.cpu_count()} cores")
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows = []
    try:
        for mb in a.sizes:
            rows.append(bench(mb, work, a.seed, not a.no_jobs2, not a.no_incremental, log, max(1, a.repeat),
                              a.pair))
            if a.json:
                a.json.write_text(json.dumps(rows, indent=1))
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    Console().print(table(rows))


if __name__ == "__main__":
    main()
