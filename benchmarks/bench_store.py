"""Store benchmark: a synthetic graph of ~1 M triples through kg.graph + kg.rdf.

    .venv/bin/python benchmarks/bench_store.py                 # ~1 M triples
    .venv/bin/python benchmarks/bench_store.py --scale 0.1     # ~100 k, quick
    .venv/bin/python benchmarks/bench_store.py --skip-rdflib   # without the slow baseline

Times: building the triples, writing Turtle (pyoxigraph), rdflib Turtle
parse + queries (what a tool re-reading graph.ttl would pay), the store load
(kg.store.write_store), opening it, the example queries in queries/*.rq, and
`kg neighbors` lookups once the store is open (target: < 50 ms per call).
The synthetic graph has the shape of the real one: 区 > 街道 > 社区
hierarchies, organizations located in them, programs they run, people quoted in
articles and holding posts, every relation with its evidence sentence; it
contains 北关区 > 豆腐营街道 > 盘庚社区 so the example queries have answers.
"""
from __future__ import annotations

import argparse
import gc
import io
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyoxigraph import RdfFormat, serialize  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from kg.cli import neighbors as nb  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.model import Article, Entity, Position, Relation, Resolution  # noqa: E402
from kg.rdf import PREFIXES, triples  # noqa: E402
from kg.store import open_store, write_store  # noqa: E402

QUERIES = ROOT / "queries"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "嘉晨明伟芳强丽军洋勇艳杰娟涛超秀霞平刚桂英华玉兰敏静磊鹏辉"
TITLES = ("党支部书记", "主任", "部长", "局长", "副书记", "社区书记", "志愿者队长", "经理")


def synthetic(scale: float = 1.0, seed: int = 7) -> Resolution:
    rnd = random.Random(seed)
    n = lambda x: max(1, int(x * scale * 1.2))  # noqa: E731
    n_articles, n_districts, n_streets, n_communities = n(10_000), n(20), n(400), n(8_000)
    n_sites, n_orgs, n_programs, n_people, n_quotes, n_runs = n(11_000), n(15_000), n(5_000), n(20_000), n(30_000), n(15_000)

    articles = []
    for i in range(n_articles):
        src = f"{i // 4:05d}_{rnd.getrandbits(48):012x}.txt"
        articles.append(Article(source=src, index=i % 4, title=f"第{i}篇新闻标题", body="",
                                kind="photo" if i % 9 == 0 else "news",
                                reporters=[f"记者{i % 300}"], date="2019-09-11" if i % 3 == 0 else None))
    art_ids = [a.id for a in articles]
    ents: dict[str, Entity] = {}
    rels: list[Relation] = []
    positions: list[Position] = []

    def add(type_, name, code="", gazetteer=False, aliases=()):
        key = f"{type_}/{name}"
        mentions = set() if gazetteer else set(rnd.sample(art_ids, k=min(len(art_ids), rnd.choice((1, 1, 2, 3)))))
        ents[key] = Entity(key, name, type_, set(aliases), mentions, code, gazetteer)
        return key

    def rel(s, p, o, sentence=None):
        art = rnd.choice(sorted(ents[s].articles) or art_ids)
        rels.append(Relation(s, p, o, sentence or f"{ents[s].name}与{ents[o].name if p != 'quotedIn' else '本报'}相关的原句{len(rels)}。", art))

    city = add("Place", "安阳市", code="410500", gazetteer=True)
    districts = [add("Place", "北关区" if d == 0 else f"第{d}区", code=f"4105{d + 1:02d}",
                     aliases={"北关"} if d == 0 else ()) for d in range(n_districts)]
    for d in districts:
        rel(d, "locatedIn", city)
    streets = []
    for i in range(n_streets):
        s = add("Place", "豆腐营街道" if i == 0 else f"街道{i}")
        rel(s, "locatedIn", districts[0] if i == 0 else rnd.choice(districts))
        streets.append(s)
    communities = []
    for i in range(n_communities):
        c = add("Place", "盘庚社区" if i == 0 else f"社区{i}社区", aliases={"盘庚"} if i == 0 else ())
        if i == 0:
            rel(c, "locatedIn", streets[0], "盘庚社区位于豆腐营街道辖区中部。")
        else:
            rel(c, "locatedIn", rnd.choice(streets))
        communities.append(c)
    places = districts + streets + communities
    for i in range(n_sites):  # sites, roads: located in a community or street
        rel(add("Place", f"场所{i}"), "locatedIn", rnd.choice(communities + streets))
    orgs = []
    for i in range(n_orgs):
        o = add("Organization", f"机构{i}", aliases={f"机构简称{i}"} if i % 4 == 0 else ())
        rel(o, "locatedIn", rnd.choice(places))
        orgs.append(o)
    programs = [add("Program", f"项目{i}工程") for i in range(n_programs)]
    for _ in range(n_runs):
        rel(rnd.choice(orgs + orgs + places), "runs", rnd.choice(programs))
    people = []
    for i in range(n_people):
        name = f"{SURNAMES[i % len(SURNAMES)]}{GIVEN[(i // len(SURNAMES)) % len(GIVEN)]}{i}"
        people.append(add("Person", name))
    for i in range(300):
        add("Person", f"记者{i}")
    for _ in range(n_quotes):
        p = rnd.choice(people)
        art = rnd.choice(sorted(ents[p].articles))
        rels.append(Relation(p, "quotedIn", art, f"“……”{ents[p].name}说。", art))
    for p in people[: len(people) // 2]:
        art = rnd.choice(sorted(ents[p].articles))
        positions.append(Position(p, rnd.choice(TITLES), rnd.choice(orgs), f"{ents[p].name}任职的原句。", art))
    return Resolution(articles, ents, rels, positions)


def timed(fn, *args, **kw):
    gc.collect()
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def fmt_s(sec: float) -> str:
    return f"{sec * 1000:.1f} ms" if sec < 1 else f"{sec:.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = ~1 M triples")
    ap.add_argument("--skip-rdflib", action="store_true", help="skip the rdflib baseline (slow at 1 M)")
    ap.add_argument("--lookups", type=int, default=300, help="neighbors lookups to time")
    ap.add_argument("--dir", type=Path, default=None, help="work directory, kept (default: a temp dir, removed)")
    args = ap.parse_args()

    rows: list[tuple[str, str, str]] = []
    con = Console(width=max(Console().width, 130))
    work = args.dir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    res, t_res = timed(synthetic, args.scale)
    g, t_graph = timed(build_graph, res)
    ts, t_triples = timed(lambda graph: list(triples(graph)), g)
    n = len(ts)
    rows.append(("synthetic Resolution", fmt_s(t_res), f"{len(res.entities):,} entities, {len(res.relations):,} relations"))
    rows.append(("kg.graph.build_graph", fmt_s(t_graph), f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges"))
    rows.append(("kg.rdf.triples", fmt_s(t_triples), f"{n:,} triples"))
    con.print(f"{n:,} triples; work dir {work}")

    ttl_path = work / "graph.ttl"
    data, t_ser = timed(serialize, ts, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    ttl_path.write_bytes(data)
    rows.append(("Turtle write (pyoxigraph)", fmt_s(t_ser), f"{len(data) / 1e6:.0f} MB"))
    del data

    info, t_load = timed(write_store, work, ts)
    rows.append(("store load (write_store)", fmt_s(t_load), f"{n / t_load:,.0f} triples/s, atomic swap"))
    del ts, g, res
    store, t_open = timed(open_store, work)
    rows.append(("store open (read-only)", fmt_s(t_open), ""))

    queries = sorted(QUERIES.glob("*.rq"))
    q_times = {}
    for q in queries:
        text = q.read_text(encoding="utf-8")
        result, t_q = timed(lambda: list(store.query(text)))
        _, t_q2 = timed(lambda: list(store.query(text)))
        q_times[q.name] = (t_q, t_q2, len(result))
        rows.append((f"store query {q.name}", fmt_s(min(t_q, t_q2)), f"{len(result)} rows (first run {fmt_s(t_q)})"))

    # neighbors: library lookup + table rendering, on random entities and on the hub
    rnd = random.Random(1)
    labels = [q.object.value for q in store.quads_for_pattern(None, nb.LABEL, None, nb.DG)]
    entity_labels = sorted({
        lb.object.value
        for t in nb.ENTITY_TYPES
        for q in store.quads_for_pattern(None, nb.TYPE, nb.NamedNode(nb.KG + t), nb.DG)
        for lb in store.quads_for_pattern(q.subject, nb.LABEL, None, nb.DG)
    })
    names = rnd.sample(entity_labels, min(args.lookups, len(entity_labels)))
    lat, rendered = [], []
    sink = Console(file=io.StringIO(), width=400)
    for name in names:
        t = time.perf_counter()
        starts = nb.find_entities(store, name)
        links = nb.neighbours(store, starts, 1, nb.DEFAULT_RELATIONS)
        lat.append(time.perf_counter() - t)
        sink.print(nb.render(store, starts, links))
        rendered.append(time.perf_counter() - t)
    lat.sort()
    rendered.sort()
    p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]  # noqa: E731
    rows.append((f"neighbors lookup ×{len(lat)} random entities", f"median {fmt_s(statistics.median(lat))}",
                 f"p95 {fmt_s(p(lat, .95))}, max {fmt_s(lat[-1])}; with table: median "
                 f"{fmt_s(statistics.median(rendered))}, p95 {fmt_s(p(rendered, .95))}"))
    for name, depth in (("北关区", 1), ("盘庚社区", 2), ("北关区", 2)):
        t = time.perf_counter()
        starts = nb.find_entities(store, name)
        links = nb.neighbours(store, starts, depth, nb.DEFAULT_RELATIONS)
        t1 = time.perf_counter() - t
        rows.append((f"neighbors {name} --depth {depth}", fmt_s(t1), f"{len(links)} links (hub)"))
    _, t_unknown = timed(lambda: nb.closest("盘庚小区", nb.all_labels(store)))
    rows.append(("unknown name: closest labels", fmt_s(t_unknown), f"over {len(labels):,} labels"))

    if not args.skip_rdflib:
        from rdflib import Graph

        rg = Graph()
        _, t_parse = timed(rg.parse, str(ttl_path), format="turtle")
        rows.append(("rdflib Turtle parse", fmt_s(t_parse), f"{len(rg):,} triples"))
        for qname in ("communities_in_district.rq", "evidence_for_relation.rq", "aliases.rq"):
            text = (QUERIES / qname).read_text(encoding="utf-8")
            result, t_q = timed(lambda: list(rg.query(text)))
            ox = q_times[qname]
            rows.append((f"rdflib query {qname}", fmt_s(t_q),
                         f"{len(result)} rows; store: {fmt_s(min(ox[0], ox[1]))}"))
        rows.append(("rdflib parse+query total vs store open+query", "",
                     f"{fmt_s(t_parse)} vs {fmt_s(t_open + min(q_times['communities_in_district.rq'][:2]))}"))

    table = Table("step", "time", "notes", title=f"kg store benchmark: {n:,} triples")
    for r in rows:
        table.add_row(*r)
    con.print(table)
    if args.dir is None:
        del store
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
