"""How long the HTML view takes to build and to become usable, for a big graph.

    .venv/bin/python benchmarks/bench_html.py [--nodes 5000] [--repeat 3] [--out DIR]

Makes a synthetic district-newspaper graph (places in a gazetteer hierarchy, offices
located in them, officials holding posts, programmes, articles quoting people) through
kg.graph.build_graph, writes it with kg.viz.write_html, opens it in headless Chromium
(/usr/bin/chromium, network blocked) and measures:

  first       seconds in the first write_html of the process (what kg build pays:
              anything write_html imports or reads once is in it)
  build       seconds in write_html (layout included), best of --repeat runs
  layout      of which the layout (kg.viz._layout) took, in that run
  size        bytes of graph.html
  drawn       navigation -> first frame drawn with the final layout (page-side clock)
  panel       a click on a node -> its side panel filled
  click       a click on a node -> the next frame drawn (selection shown)
  interactive navigation -> that click handled and drawn (drawn + click)
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.graph import build_graph  # noqa: E402
from kg.model import Article, Entity, Position, Relation, Resolution  # noqa: E402
import kg.viz  # noqa: E402
from kg.viz import write_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志文斌海燕晓东"
PLACE_CHARS = "东西南北中新安平和兴华阳光明山河桥湖林丰宁康泰福春红旗胜利建设文化"
OFFICES = ["人民政府", "党委", "教育局", "卫生健康委员会", "财政局", "市场监督管理局", "文明办",
           "退役军人事务局", "应急管理局", "农业农村局", "住房和城乡建设局", "人社局"]
STREET_OFFICES = ["街道办事处", "党工委", "综合执法队", "便民服务中心"]
TITLES = ["党委书记", "区长", "副区长", "局长", "副局长", "主任", "副主任", "党工委书记", "社区书记"]
PROGRAMS = ["乡村振兴示范工程", "老旧小区改造", "文明城市创建", "志愿服务行动", "河长制", "网格化管理",
            "一刻钟便民生活圈", "数字乡村建设", "平安建设", "人居环境整治"]


def synthetic_graph(target_nodes: int = 5000, seed: int = 11):
    """A graph of about target_nodes nodes with the shape kg builds from real pages."""
    rng = random.Random(seed)
    ents: dict[str, Entity] = {}
    rels: list[Relation] = []
    positions: list[Position] = []
    articles: list[Article] = []

    def place_name(suffix: str) -> str:
        while True:
            name = "".join(rng.sample(PLACE_CHARS, 2)) + suffix
            if ("place:" + name) not in ents:
                return name

    def add(key, name, type_, **kw) -> Entity:
        e = ents.get(key)
        if e is None:
            e = ents[key] = Entity(key, name, type_, **kw)
        return e

    city = add("place:city", "安阳市", "Place", aliases={"安阳"}, code="410500", gazetteer=True)
    per = max(target_nodes // 5000, 1)
    districts, streets, communities = [], [], []
    for d in range(4 * per):
        name = place_name("区")
        e = add("place:" + name, name, "Place", aliases={name[:-1]}, code=f"4105{d + 2:02d}", gazetteer=True)
        rels.append(Relation(e.key, "locatedIn", city.key))
        districts.append(e)
        for s in range(10):
            sname = place_name(rng.choice(["街道", "镇", "乡"]))
            se = add("place:" + sname, sname, "Place", code=f"4105{d + 2:02d}{s + 1:03d}", gazetteer=True)
            rels.append(Relation(se.key, "locatedIn", e.key))
            streets.append((se, e))
            for c in range(8):
                cname = place_name(rng.choice(["社区", "村"]))
                ce = add("place:" + cname, cname, "Place", gazetteer=True,
                         code=f"4105{d + 2:02d}{s + 1:03d}{c + 1:03d}")
                rels.append(Relation(ce.key, "locatedIn", se.key))
                communities.append((ce, se))

    n_articles = target_nodes // 6
    for i in range(n_articles):
        src = f"{i // 8:03d}_{rng.getrandbits(64):016x}.txt"
        articles.append(Article(source=src, index=i % 8, title=f"{rng.choice(PROGRAMS)}工作推进会召开（{i}）",
                                body="……", reporters=[rng.choice(SURNAMES) + rng.choice(GIVEN)],
                                date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"))

    while len(ents) + len(articles) < target_nodes:
        a = rng.choice(articles)
        # an article is about one district and a few of its streets and communities
        street, district = rng.choice(streets)
        here = [street, district] + [c for c, s in communities if s is street][: rng.randint(1, 3)]
        for p in here:
            p.articles.add(a.id)
        kind = rng.random()
        if kind < 0.45:  # an official holding a post, quoted
            org_place = rng.choice(here)
            org_name = org_place.name + rng.choice(OFFICES if org_place is district else STREET_OFFICES)
            org = add("org:" + org_name, org_name, "Organization")
            org.articles.add(a.id)
            rels.append(Relation(org.key, "locatedIn", org_place.key, f"{org_name}位于{org_place.name}。", a.id))
            pname = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN])
            person = add("person:" + pname + org_place.name, pname, "Person")
            person.articles.add(a.id)
            title = rng.choice(TITLES)
            positions.append(Position(person.key, title, org.key, f"{org_name}{title}{pname}出席会议。", a.id))
            rels.append(Relation(person.key, "quotedIn", a.id, f"{pname}说：“要抓好落实。”", a.id))
        elif kind < 0.7:  # a programme run by an office
            org_place = rng.choice(here)
            org_name = org_place.name + rng.choice(OFFICES if org_place is district else STREET_OFFICES)
            org = add("org:" + org_name, org_name, "Organization")
            prog_name = org_place.name + rng.choice(PROGRAMS)
            prog = add("program:" + prog_name, prog_name, "Program", aliases={prog_name[len(org_place.name):]})
            prog.articles.add(a.id)
            org.articles.add(a.id)
            rels.append(Relation(org.key, "runs", prog.key, f"{org_name}推进{prog_name}。", a.id))
        else:  # a resident quoted
            pname = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            person = add("person:" + pname + str(rng.getrandbits(20)), pname, "Person")
            person.articles.add(a.id)
            rels.append(Relation(person.key, "quotedIn", a.id, f"居民{pname}说：“变化真大。”", a.id))
    return build_graph(Resolution(articles, ents, rels, positions))


def measure_browser(path: Path, screenshot: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    remote: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                remote.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri(), wait_until="commit")
        page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=300_000)
        drawn = page.evaluate("kgView.readyAt") / 1000
        # click the biggest node where it is drawn; time it on the page's clock
        target = page.evaluate("""() => {
            const n = kgView.network, ids = n.body.nodeIndices, box = document.getElementById('kg-network');
            let best = ids[0];
            for (const id of ids) if (n.body.nodes[id].options.size > n.body.nodes[best].options.size) best = id;
            n.moveTo({position: n.getPositions([best])[best], scale: 1.0, animation: false});
            window.benchT = {};
            box.addEventListener('pointerdown', () => { benchT.down = performance.now(); }, true);
            n.on('click', () => { benchT.panel = performance.now(); });  // runs after the page's handler
            n.on('afterDrawing', () => { if (benchT.panel && !benchT.frame) benchT.frame = performance.now(); });
            const p = n.canvasToDOM(n.getPositions([best])[best]), r = box.getBoundingClientRect();
            return {id: best, x: r.left + p.x, y: r.top + p.y};
        }""")
        page.wait_for_timeout(300)
        page.mouse.click(target["x"], target["y"])
        page.wait_for_selector("#kg-panel[data-showing=node] h2", timeout=60_000)
        page.wait_for_function("() => window.benchT.frame !== undefined", timeout=60_000)
        t = page.evaluate("benchT")
        shown = page.inner_text("#kg-panel h2")
        expected = page.evaluate("id => kgView.data.info[id].label", target["id"])
        assert shown == expected, (shown, expected)
        panel = (t["panel"] - t["down"]) / 1000
        click = (t["frame"] - t["down"]) / 1000
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
        drawn_nodes = page.evaluate("kgView.drawnNodeCount()")
        browser.close()
    return {"drawn": drawn, "panel": panel, "click": click, "interactive": drawn + click, "errors": errors,
            "remote": remote, "drawn_nodes": drawn_nodes}


def time_write_html(g, path: Path, repeat: int) -> tuple[float, float, float]:
    """Seconds in the first write_html, seconds in write_html, the best of repeat runs
    (the machine may be shared), and the seconds its layout took in that run."""
    real_layout = kg.viz._layout
    layout_times: list[float] = []

    def timed_layout(*args, **kwargs):
        t = time.perf_counter()
        try:
            return real_layout(*args, **kwargs)
        finally:
            layout_times.append(time.perf_counter() - t)

    runs = []
    kg.viz._layout = timed_layout
    try:
        for _ in range(max(repeat, 1)):
            layout_times.clear()
            t = time.perf_counter()
            write_html(g, path)
            runs.append((time.perf_counter() - t, sum(layout_times)))
    finally:
        kg.viz._layout = real_layout
    return (runs[0][0], *min(runs))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3, help="write the page this many times, report the best")
    ap.add_argument("--out", type=Path, default=None, help="directory for graph.html (default: a temp dir)")
    ap.add_argument("--screenshot", type=Path, default=None)
    args = ap.parse_args(argv)

    t = time.perf_counter()
    g = synthetic_graph(args.nodes)
    gen = time.perf_counter() - t
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    path = out / "graph.html"
    first, build, layout = time_write_html(g, path, args.repeat)
    size = path.stat().st_size
    rows = [("nodes / edges", f"{g.number_of_nodes():,} / {g.number_of_edges():,}"),
            ("generate graph", f"{gen:.2f} s"),
            ("first write_html", f"{first:.2f} s"),
            ("build (write_html)", f"{build:.2f} s (best of {args.repeat})"),
            ("  of which layout", f"{layout:.2f} s"),
            ("file size", f"{size / 1e6:.2f} MB"),
            ]
    if Path(CHROMIUM).exists():
        m = measure_browser(path, args.screenshot)
        rows += [("drawn (nav -> first frame)", f"{m['drawn']:.2f} s"),
                 ("click -> panel filled", f"{m['panel'] * 1000:.0f} ms"),
                 ("click -> frame redrawn", f"{m['click'] * 1000:.0f} ms"),
                 ("time to interactive", f"{m['interactive']:.2f} s"),
                 ("nodes drawn", f"{m['drawn_nodes']:,}"),
                 ("console errors / remote requests", f"{len(m['errors'])} / {len(m['remote'])}")]
    else:
        rows.append(("browser", f"skipped: no {CHROMIUM}"))
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 16}")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print(f"page: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
