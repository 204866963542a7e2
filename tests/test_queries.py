"""queries/*.rq answer their questions on a small hand-made graph (tests/sample_resolution.py).

Each query runs on the pyoxigraph store that `kg build` writes, and again on
rdflib, so the files stay plain SPARQL 1.1 that any server runs.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode
from rdflib import Graph

from kg.rdf import PREFIXES
from kg.store import open_store, write_store
from sample_resolution import sample_triples

QUERIES = Path(__file__).resolve().parents[1] / "queries"

# file -> (columns compared, expected rows in order, or a set when order is free)
EXPECTED = {
    "communities_in_district.rq": (
        ("community", "via"),
        [("曙光社区", "红旗路街道"), ("盘庚社区", "豆腐营街道")],
    ),
    "programs_by_organization.rq": (
        ("organization", "program", "evidence"),
        [("北关区委组织部", "头雁工程", "今年年初以来，北关区委组织部深入推进“头雁工程”。"),
         ("盘庚社区党支部", "消防安全进社区", "盘庚社区党支部组织开展“消防安全进社区”活动。")],
    ),
    "quoted_with_position.rq": (
        ("speaker", "type", "position", "postIn", "source"),
        {("赵强", "Person", "部长", "北关区委组织部", "000_test.txt"),
         ("刘芳", "Person", "党支部书记", "盘庚社区党支部", "001_test.txt"),
         ("北关区消防大队", "Organization", None, None, "001_test.txt")},
    ),
    "programs_by_district.rq": (
        ("district", "programs"),
        [("北关区", "3")],
    ),
    "places_by_articles.rq": (
        ("place", "articles"),
        [("北关区", "2"), ("盘庚社区", "2"), ("豆腐营街道", "2"), ("曙光社区", "1"), ("红旗路街道", "1")],
    ),
    "evidence_for_relation.rq": (
        ("evidence", "source"),
        [("盘庚社区位于豆腐营街道辖区中部。", "001_test.txt")],
    ),
    "aliases.rq": (
        ("entity", "type", "name", "alias"),
        [("https://w3id.org/kg-zh/id/Place/北关区", "Place", "北关区", "北关")],
    ),
    "articles_by_reporter.rq": (
        ("reporter", "source", "date"),
        [("李明", "001_test.txt", None), ("王嘉晨", "000_test.txt", "2019-09-11")],
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    write_store(out, sample_triples())
    return open_store(out)


@pytest.fixture(scope="module")
def rdflib_graph():
    from pyoxigraph import RdfFormat, serialize

    g = Graph()
    g.parse(data=serialize(sample_triples(), format=RdfFormat.N_TRIPLES).decode(), format="nt")
    return g


def _value(term):
    if term is None:
        return None
    if isinstance(term, (NamedNode, OxLiteral)):
        return term.value
    return str(term)


def run_oxigraph(store, name, columns):
    return [tuple(_value(sol[c]) for c in columns)
            for sol in store.query((QUERIES / name).read_text(encoding="utf-8"))]


def run_rdflib(graph, name, columns):
    res = graph.query((QUERIES / name).read_text(encoding="utf-8"))
    return [tuple(None if row[c] is None else str(row[c]) for c in columns) for row in res]


def test_every_query_file_is_tested():
    assert sorted(p.name for p in QUERIES.glob("*.rq")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_answers(store, name):
    columns, expected = EXPECTED[name]
    rows = run_oxigraph(store, name, columns)
    if isinstance(expected, set):
        assert set(rows) == expected and len(rows) == len(expected)
    else:
        assert rows == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_is_portable_sparql(rdflib_graph, name):
    """The same answers from another engine: no Oxigraph-only syntax."""
    columns, expected = EXPECTED[name]
    rows = run_rdflib(rdflib_graph, name, columns)
    assert set(rows) == set(expected)


def test_transitive_closure_needs_the_path(store):
    """kg:locatedIn holds one level; only kg:locatedIn+ reaches the district from a 社区."""
    q = """SELECT ?c WHERE { ?c kg:locatedIn %s <https://w3id.org/kg-zh/id/Place/北关区> .
                             ?c rdfs:label "盘庚社区"@zh }"""
    assert list(store.query(q % "", prefixes=PREFIXES)) == []
    assert len(list(store.query(q % "+", prefixes=PREFIXES))) == 1


def test_queries_say_what_they_answer():
    """Each file opens with a comment saying which question it answers. (test_query_answers
    runs them without kg's predeclared prefixes, so they also declare their own.)"""
    for p in QUERIES.glob("*.rq"):
        text = p.read_text(encoding="utf-8")
        assert text.lstrip().startswith("#"), p.name
        assert "PREFIX kg:" in text, p.name
