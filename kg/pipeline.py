"""The whole build: files -> pages -> extractions -> resolution -> graph -> outputs.

Each stage is a function of the previous stage's data (kg.model); this module
only sequences them and writes the outputs so that a failed build leaves the
previous out/ untouched (every file is written to a temporary name, then renamed).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.extract import Extractor
from kg.graph import build_graph
from kg.ingest import DecodeError, Skipped, input_files, read_page
from kg.model import ArticleExtraction
from kg.rdf import triples, write_atomic
from kg.resolve import Resolver


@dataclass
class BuildReport:
    files: int = 0
    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    graph: nx.MultiDiGraph | None = None


def extract_pages(files: list[Path], report: BuildReport,
                  progress: Callable[[Path], None] | None = None) -> list[list[ArticleExtraction]]:
    extractor = Extractor()
    pages = []
    for f in files:
        t0 = time.perf_counter()
        try:
            page = read_page(f)
        except (DecodeError, OSError) as e:
            report.skipped.append(Skipped(f, _reason(e)))
            continue
        t1 = time.perf_counter()
        pages.append([extractor.extract(a) for a in page.articles])
        t2 = time.perf_counter()
        report.seconds["ingest"] = report.seconds.get("ingest", 0) + t1 - t0
        report.seconds["extract"] = report.seconds.get("extract", 0) + t2 - t1
        report.files += 1
        report.articles += len(page.articles)
        if progress:
            progress(f)
    return pages


def build(inputs: list[Path], out_dir: Path, *, html: bool = True,
          progress: Callable[[Path], None] | None = None) -> BuildReport:
    report = BuildReport()
    files, skipped = input_files(inputs)
    report.skipped.extend(skipped)
    pages = extract_pages(files, report, progress)
    t = time.perf_counter()
    res = Resolver().resolve(pages)
    report.seconds["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    g = build_graph(res)
    report.seconds["graph"] = time.perf_counter() - t
    write_outputs(g, out_dir, report, html=html)
    report.graph = g
    report.entities = sum(1 for _, d in g.nodes(data=True) if d.get("node") == "entity")
    report.relations = g.number_of_edges()
    return report


def write_outputs(g: nx.MultiDiGraph, out_dir: Path, report: BuildReport, *, html: bool = True) -> None:
    from pyoxigraph import RdfFormat, serialize

    from kg.rdf import PREFIXES
    from kg.store import write_store

    out_dir.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    ts = list(dict.fromkeys(triples(g)))
    write_atomic(out_dir / "graph.ttl", serialize(ts, format=RdfFormat.TURTLE, prefixes=PREFIXES))
    write_store(out_dir, ts)
    report.triples = len(ts)
    report.seconds["rdf"] = time.perf_counter() - t
    if html:
        from kg.viz import write_html

        t = time.perf_counter()
        write_html(g, out_dir / "graph.html")
        report.seconds["html"] = time.perf_counter() - t


def _reason(e: Exception) -> str:
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)
