"""kg query / kg neighbors / kg export / kg push through typer's CliRunner on the sub-apps."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import export, neighbors, query
from kg.store import build_info, open_store, write_store
from sample_resolution import sample_triples

QUERIES = Path(__file__).resolve().parents[1] / "queries"
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("out")
    write_store(d, sample_triples())
    return d


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


# ---- kg query ---------------------------------------------------------------------

def test_query_select_table(out):
    r = runner.invoke(query.app, ["SELECT ?l WHERE { ?p a kg:Place ; rdfs:label ?l }", "--out", str(out)])
    assert r.exit_code == 0, r.output
    for name in ("北关区", "豆腐营街道", "盘庚社区", "曙光社区"):
        assert name in r.stdout
    assert "6 rows" in r.stdout


def test_query_file_csv(out):
    r = runner.invoke(query.app, [str(QUERIES / "communities_in_district.rq"), "--out", str(out),
                                  "--format", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "community,via"
    assert lines[1:] == ["曙光社区,红旗路街道", "盘庚社区,豆腐营街道"]


def test_query_json_is_sparql_results(out):
    r = runner.invoke(query.app, ["SELECT (COUNT(*) AS ?n) WHERE { ?s kg:locatedIn ?o }",
                                  "--out", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["head"]["vars"] == ["n"]
    assert doc["results"]["bindings"][0]["n"]["value"] == "7"


def test_query_ask(out):
    r = runner.invoke(query.app, ['ASK { ?s rdfs:label "盘庚社区"@zh }', "--out", str(out)])
    assert (r.exit_code, r.stdout.strip()) == (0, "true")
    r = runner.invoke(query.app, ['ASK { ?s rdfs:label "无此地"@zh }', "--out", str(out), "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["boolean"] is False


def test_query_construct_turtle_and_ntriples(out):
    q = "CONSTRUCT { ?s kg:locatedIn ?o } WHERE { ?s kg:locatedIn ?o ; rdfs:label \"盘庚社区\"@zh }"
    r = runner.invoke(query.app, [q, "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "@prefix kg:" in r.stdout and "kg:locatedIn" in r.stdout
    r = runner.invoke(query.app, [q, "--out", str(out), "--format", "csv"])
    assert r.stdout.strip() == ("<https://w3id.org/kg-zh/id/Place/盘庚社区> "
                                "<https://w3id.org/kg-zh/ontology#locatedIn> "
                                "<https://w3id.org/kg-zh/id/Place/豆腐营街道> .")


def test_query_bad_sparql(out):
    r = runner.invoke(query.app, ["SELECT ?x WHERE { ?x ?y }", "--out", str(out)])
    assert r.exit_code == 2
    line = one_line(r.stderr)
    assert line.startswith("bad SPARQL: ") and "1:" in line  # the parser's position
    assert r.stdout == ""


def test_query_bad_sparql_messages_are_short_and_specific(out):
    r = runner.invoke(query.app, ["SELECT ?x WHERE {", "--out", str(out)])
    assert r.exit_code == 2
    line = one_line(r.stderr)
    assert line.startswith("bad SPARQL: error at 1:") and len(line) < 220
    r = runner.invoke(query.app, ["SELECT ?x WHERE { ?x foo:bar ?y ; kg:runs ?z }", "--out", str(out)])
    assert r.exit_code == 2
    assert "undeclared prefix foo:" in one_line(r.stderr)


def test_query_bad_sparql_in_file(out, tmp_path):
    f = tmp_path / "broken.rq"
    f.write_text("SELECT ?x\nWHERE { ?x ?y ?z ", encoding="utf-8")
    r = runner.invoke(query.app, [str(f), "--out", str(out)])
    assert r.exit_code == 2
    assert f"bad SPARQL in {f}: " in one_line(r.stderr)


def test_query_from_stdin_and_markup_in_values(out):
    q = 'SELECT ?x WHERE { BIND("[bold]不是标记[/bold]" AS ?x) }'
    r = runner.invoke(query.app, ["-", "--out", str(out)], input=q)
    assert r.exit_code == 0, r.output
    assert "[bold]不是标记[/bold]" in r.stdout


def test_query_missing_store(tmp_path):
    r = runner.invoke(query.app, ["ASK {}", "--out", str(tmp_path / "nothing")])
    assert r.exit_code == 1
    assert one_line(r.stderr) == f"no graph in {tmp_path / 'nothing'}: run kg build first"


def test_query_missing_file(out):
    r = runner.invoke(query.app, ["nosuch.rq", "--out", str(out)])
    assert r.exit_code == 1
    assert one_line(r.stderr) == "no such query file: nosuch.rq"


def test_query_undecodable_file(out, tmp_path):
    f = tmp_path / "gbk.rq"
    f.write_bytes("SELECT * WHERE { ?s ?p \"北关区\" }".encode("gbk"))
    r = runner.invoke(query.app, [str(f), "--out", str(out)])
    assert r.exit_code == 1
    assert "not UTF-8" in one_line(r.stderr)


# ---- kg neighbors -----------------------------------------------------------------

def test_neighbors_by_label(out):
    r = runner.invoke(neighbors.app, ["盘庚社区", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "豆腐营街道" in r.stdout and "→" in r.stdout
    assert "盘庚社区党支部" in r.stdout and "←" in r.stdout
    assert "盘庚社区位于豆腐营街道辖区中部。" in r.stdout
    assert "locatedIn" in r.stdout and "Place" in r.stdout


def test_neighbors_by_alias_with_position_and_quote(out):
    r = runner.invoke(neighbors.app, ["刘书记", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "刘芳" in r.stdout
    assert "holds: 党支部书记" in r.stdout and "盘庚社区党支部" in r.stdout
    assert "quotedIn" in r.stdout and "盘庚社区开展消防演练" in r.stdout and "Article" in r.stdout


def test_neighbors_depth_and_relation(out):
    r = runner.invoke(neighbors.app, ["北关区", "--out", str(out), "--depth", "2", "--relation", "locatedIn"])
    assert r.exit_code == 0, r.output
    assert "曙光社区" in r.stdout and "盘庚社区" in r.stdout  # two hops down
    assert "头雁工程" not in r.stdout
    r1 = runner.invoke(neighbors.app, ["北关区", "--out", str(out), "--relation", "locatedIn"])
    assert "曙光社区" not in r1.stdout


def test_neighbors_library_lookup(out):
    store = open_store(out)
    starts = neighbors.find_entities(store, "北关")
    assert [s.value for s in starts] == ["https://w3id.org/kg-zh/id/Place/北关区"]
    links = neighbors.neighbours(store, starts, depth=1, relations=["locatedIn"])
    got = {(link.outgoing, neighbors.node_label(store, link.node)) for link in links}
    assert got == {(True, "安阳市"), (False, "红旗路街道"), (False, "豆腐营街道"), (False, "北关区委组织部")}
    assert all(link.evidence for link in links)


def test_neighbors_photo_caption_label_is_not_markup(out):
    r = runner.invoke(neighbors.app, ["张伟", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "photographer" in r.stdout and "[photo] 001_test.txt" in r.stdout


def test_neighbors_unknown_entity(out):
    r = runner.invoke(neighbors.app, ["盘庚小区", "--out", str(out)])
    assert r.exit_code == 1
    line = one_line(r.stderr)
    assert line.startswith("unknown entity: 盘庚小区; closest: ")
    assert "盘庚社区" in line.split("closest: ")[1].split(", ")[0]


def test_neighbors_bad_relation(out):
    r = runner.invoke(neighbors.app, ["北关区", "--out", str(out), "-r", "near"])
    assert r.exit_code == 2
    assert one_line(r.stderr).startswith("unknown relation: near")


def test_neighbors_missing_store(tmp_path):
    r = runner.invoke(neighbors.app, ["北关区", "--out", str(tmp_path)])
    assert r.exit_code == 1
    assert one_line(r.stderr) == f"no graph in {tmp_path}: run kg build first"


# ---- kg export --------------------------------------------------------------------

def test_export_formats(out, tmp_path):
    n = len(set(sample_triples()))
    r = runner.invoke(export.app, ["export", "--format", "nt", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == n
    f = tmp_path / "g.nq"
    r = runner.invoke(export.app, ["export", "--format", "nq", "--out", str(out), "--output", str(f)])
    assert r.exit_code == 0, r.output
    lines = f.read_text(encoding="utf-8").splitlines()
    iri = build_info(open_store(out)).iri
    assert len(lines) == n and all(ln.endswith(f"<{iri}> .") for ln in lines)
    r = runner.invoke(export.app, ["export", "--format", "jsonld", "--out", str(out)])
    assert r.exit_code == 0, r.output
    from rdflib import Graph

    assert len(Graph().parse(data=r.stdout, format="json-ld")) == n


def test_export_missing_store(tmp_path):
    r = runner.invoke(export.app, ["export", "--format", "nt", "--out", str(tmp_path)])
    assert r.exit_code == 1 and "run kg build first" in one_line(r.stderr)


# ---- kg push against a real SPARQL server -------------------------------------------

def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    return str(here) if here.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    exe = oxigraph_binary()
    if exe is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def sparql_count(base: str, q: str) -> int:
    req = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": q}).encode(),
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def kg_count(out: Path, q: str) -> int:
    r = runner.invoke(query.app, [q, "--out", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    return int(json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"])


def test_push_to_sparql_server(out, server):
    iri = build_info(open_store(out)).iri
    r = runner.invoke(export.app, ["push", f"{server}/store", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert iri in r.stdout

    local = kg_count(out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    remote = sparql_count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    assert remote == local == len(set(sample_triples()))

    q = ("PREFIX kg: <https://w3id.org/kg-zh/ontology#> SELECT (COUNT(*) AS ?n) WHERE { %s }")
    communities = "?c kg:locatedIn+ ?d . ?d <http://www.w3.org/2000/01/rdf-schema#label> \"北关区\"@zh"
    assert sparql_count(server, q % f"GRAPH <{iri}> {{ {communities} }}") == kg_count(out, q % communities)

    # PUT replaces the graph: pushing again does not duplicate; --graph names another graph
    assert runner.invoke(export.app, ["push", f"{server}/store", "--out", str(out)]).exit_code == 0
    r = runner.invoke(export.app, ["push", f"{server}/store", "--out", str(out), "--graph", "urn:kg:test"])
    assert r.exit_code == 0, r.output
    assert sparql_count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}") == local
    assert sparql_count(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg:test> { ?s ?p ?o } }") == local


def test_push_errors(out, server):
    r = runner.invoke(export.app, ["push", f"{server}/no-such-service", "--out", str(out)])
    assert r.exit_code == 1 and "HTTP 404" in one_line(r.stderr)
    r = runner.invoke(export.app, ["push", f"http://127.0.0.1:{free_port()}/store", "--out", str(out),
                                   "--timeout", "5"])
    assert r.exit_code == 1 and "cannot reach" in one_line(r.stderr)
    r = runner.invoke(export.app, ["push", "ftp://example.org/store", "--out", str(out)])
    assert r.exit_code == 2 and "not an http(s) URL" in one_line(r.stderr)


# ---- kg.store ---------------------------------------------------------------------

def test_store_swap_is_atomic(tmp_path):
    ts = sample_triples()
    write_store(tmp_path, ts)
    first = build_info(open_store(tmp_path))

    def failing():
        yield from ts[:10]
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_store(tmp_path, failing())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no half-built store left
    assert build_info(open_store(tmp_path)) == first  # the previous graph is still served

    write_store(tmp_path, ts[:10])
    assert build_info(open_store(tmp_path)).triples == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
