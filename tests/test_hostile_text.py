"""Text that fights the formats: any Unicode through every stage, labels that round-trip exactly."""
from __future__ import annotations

import rdflib
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.extract import Extractor
from kg.graph import build_graph
from kg.ingest import parse_page
from kg.model import Article, Entity, Relation, Resolution
from kg.rdf import to_turtle
from kg.resolve import Resolver

EXTRACTOR = Extractor()
RESOLVER = Resolver()

# Chinese news-like text with the characters that break parsers mixed in.
hostile = st.text(alphabet=st.sampled_from(
    list("北关区街道社区村委组织部“”《》()(),。!?:;、\n \t\r") + ["\\", '"', "'", "<", ">", "&", "\x00", "\u200b",
                                                          "\u2028", "😀", "\ud7ff", "\U0010fffd", "{", "}", "#", "@"]),
    max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), hostile))
def test_any_text_goes_through_every_stage_to_valid_turtle(text):
    page = parse_page(text, "p.txt")
    res = RESOLVER.resolve([[EXTRACTOR.extract(a) for a in page.articles]])
    ttl = to_turtle(build_graph(res))
    rdflib.Graph().parse(data=ttl.decode("utf-8"), format="turtle")


NAMES = ["北关区委\"组织\"部", "back\\slash社区", "line\nbreak村", "<img src=x onerror=alert(1)>",
         "A&B公司", "emoji😀工程", "zero\u200bwidth街道", "长" * 500 + "社区", "'single'", "tab\tname",
         "%20encoded", "with space"]


def test_every_label_reads_back_exactly():
    entities = {f"Place/{n}": Entity(f"Place/{n}", n, "Place", aliases={n + "别名"}, articles={"p/0"}) for n in NAMES}
    art = Article("p.txt", 0, "标题\"<&>", "正文")
    keys = list(entities)
    rels = [Relation(keys[i], "locatedIn", keys[i + 1], f"证据{NAMES[i]}", "p/0") for i in range(len(keys) - 1)]
    g = rdflib.Graph().parse(data=to_turtle(build_graph(Resolution([art], entities, rels, []))).decode("utf-8"),
                             format="turtle")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    alt = {str(o) for o in g.objects(None, rdflib.SKOS.altLabel)}
    assert set(NAMES) <= labels
    assert {n + "别名" for n in NAMES} <= alt
    evidence = {str(o) for o in g.objects(None, rdflib.URIRef("https://w3id.org/kg-zh/ontology#evidence"))}
    assert {f"证据{n}" for n in NAMES[:-1]} <= evidence
    assert "标题\"<&>" in {str(o) for o in g.objects(None, rdflib.DCTERMS.title)}
    # one IRI per entity: distinct names never collide after IRI minting
    assert len({s for s in g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/kg-zh/ontology#Place"))}) == len(NAMES)


def test_traditional_characters_and_windows_line_ends():
    text = "北關區:\r\n\r\n實施“頭雁工程”\r\n\r\n□本報記者 王嘉晨\r\n\r\n北關區委組織部深入推進“頭雁工程”。\r\n"
    page = parse_page(text, "t.txt")
    assert page.articles and all("\r" not in a.text for a in page.articles)
