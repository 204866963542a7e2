"""kg build end to end, through the command line: outputs, exit codes, the graph they hold."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
runner = CliRunner()


def test_build_writes_turtle_html_and_store(tmp_path):
    out = tmp_path / "out"
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    KG = rdflib.Namespace("https://w3id.org/kg-zh/ontology#")
    streets = {str(l) for l, in g.query(
        """PREFIX kg: <https://w3id.org/kg-zh/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT ?l WHERE { ?s kg:locatedIn ?d . ?d rdfs:label "北关区"@zh . ?s rdfs:label ?l }""")}
    assert {"红旗路街道", "灯塔路街道", "解放路街道", "豆腐营街道", "民航路街道"} <= streets
    # every relation's sentence can be asked for
    why = list(g.query(
        """PREFIX kg: <https://w3id.org/kg-zh/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
           SELECT ?ev WHERE { ?st rdf:subject ?s ; rdf:predicate kg:locatedIn ; rdf:object ?o ; kg:evidence ?ev .
                              ?s rdfs:label "盘庚社区"@zh . ?o rdfs:label "豆腐营街道"@zh }"""))
    assert any("豆腐营街道盘庚社区" in str(ev) for ev, in why)
    assert (None, rdflib.RDF.type, KG.Article) in g
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']https?://""", html)
    assert "北关区委组织部" in html
    assert (out / "store").is_dir()


def test_build_of_a_missing_path_is_one_line_and_nonzero(tmp_path):
    r = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 2
    assert "no such file or directory" in r.output
    assert "Traceback" not in r.output


def test_build_skips_undecodable_files_and_says_so(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("北关区:\n\n实施“头雁工程”\n\n北关区委组织部深入推进“头雁工程”。\n", encoding="utf-8")
    (tmp_path / "in" / "gbk.txt").write_bytes("卫东区委组织部印发实施方案。\n".encode("gb18030"))
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    r = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 3, r.output  # built, but something was skipped
    assert "skipped" in r.output and "bad.txt" in r.output
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "卫东区委组织部" in ttl and "北关区委组织部" in ttl


def test_failed_build_keeps_the_previous_graph(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(SEEDS / "000_91a56669e67fef84.txt"), "--out", str(out), "-q"]).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    r = runner.invoke(app, ["build", str(tmp_path / "missing.txt"), "--out", str(out)])
    assert r.exit_code != 0
    assert (out / "graph.ttl").read_bytes() == before


def test_neighbors_of_a_district_lists_its_streets_with_evidence(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html"]).exit_code == 0
    r = runner.invoke(app, ["neighbors", "北关区", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "红旗路街道" in r.output and "locatedIn" in r.output
    assert "北关区辖红旗路街道" in r.output.replace("\n", "").replace(" ", "").replace("│", "")
    r = runner.invoke(app, ["neighbors", "区委组织部", "--out", str(out)])  # an alias
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["neighbors", "北关县", "--out", str(out)])
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert "北关区" in r.output  # the closest known names


def test_commands_on_a_missing_or_damaged_out_say_how_to_fix_it(tmp_path):
    for args in (["neighbors", "北关区"], ["query", "ASK { ?s ?p ?o }"], ["view"], ["eval", "tests/data/gold"]):
        r = runner.invoke(app, args + ["--out", str(tmp_path / "none")])
        assert r.exit_code == 1, (args, r.output)
        assert "run kg build first" in r.output and "Traceback" not in r.output
    damaged = tmp_path / "damaged"
    (damaged / "store").mkdir(parents=True)
    (damaged / "store" / "CURRENT").write_text("garbage")
    r = runner.invoke(app, ["neighbors", "北关区", "--out", str(damaged)])
    assert r.exit_code == 1 and "damaged" in r.output and "kg build" in r.output


def test_build_without_a_store_removes_the_old_one_and_a_later_build_restores_it(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html"]).exit_code == 0
    assert (out / "store").is_dir()
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html", "--no-store"])
    assert r.exit_code == 0 and (out / "graph.ttl").is_file()
    assert not (out / "store").exists()  # it would answer for a graph that may no longer be this one
    r = runner.invoke(app, ["neighbors", "北关区", "--out", str(out)])
    assert r.exit_code == 1 and "--no-store" in r.output and "Traceback" not in r.output
    # the next build resumes from the saved graph and loads its store from the whole graph.ttl
    assert runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html"]).exit_code == 0
    r = runner.invoke(app, ["neighbors", "北关区", "--out", str(out)])
    assert r.exit_code == 0 and "红旗路街道" in r.output


def run_python(code: str) -> str:
    """What `code` prints, run by a fresh interpreter on this checkout: what a process imports
    or which threads it has is only seen from outside."""
    root = Path(__file__).resolve().parents[1]
    return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(root)}).stdout


def test_commands_start_without_modules_only_some_of_them_use():
    """Every kg command pays for what `kg` imports: http.client with ssl (only kg push), networkx
    and numpy (only graph.html) and rjieba's default dictionary (kg never uses it) took 0.5 s.
    The segmenter still segments, and a later `import rjieba` still works."""
    code = ("import sys, kg.cli, kg.pipeline\n"
            "from kg.extract.segment import Segmenter\n"
            "words = [t.text for t in Segmenter.default().tokens('北关区委组织部开展活动')]\n"
            "loaded = sorted(m for m in ('ssl', 'http.client', 'networkx', 'numpy', 'rdflib', 'rjieba') "
            "if m in sys.modules)\n"
            "import rjieba\n"
            "print(loaded, '组织部' in words, rjieba.Jieba is type(Segmenter.default().jieba))")
    assert run_python(code).split() == ["[]", "True", "True"]


def test_the_store_loads_below_the_build_and_leaves_the_callers_priority_alone(tmp_path):
    """The store's loader and RocksDB's threads yield to extraction (nice 19, Linux), but a
    program that calls build() keeps the priority of its own thread: a build must not slow
    down the rest of the caller."""
    if not sys.platform.startswith("linux"):
        pytest.skip("threads have a priority of their own on Linux only")
    root = Path(__file__).resolve().parents[1]
    code = ("import os, threading\n"
            "from pathlib import Path\n"
            "from kg.pipeline import build\n"
            f"build([Path({str(root / 'seeds')!r})], Path({str(tmp_path / 'out')!r}), cache=False, html=False)\n"
            "me = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())\n"
            "rocks = {os.getpriority(os.PRIO_PROCESS, int(t)) for t in os.listdir('/proc/self/task')\n"
            "         if open(f'/proc/self/task/{t}/comm').read().startswith('rocksdb:')}\n"
            "print(me, sorted(rocks))")
    mine, rocks = run_python(code).split(maxsplit=1)
    assert int(mine) == os.getpriority(os.PRIO_PROCESS, 0)  # as the parent, which it inherited
    assert rocks.strip() == f"[{min(19, int(mine) + 19)}]"
